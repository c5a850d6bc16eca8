"""From command-line inputs (files, directories, `-`) to sources with a known format."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from marsad.errors import ErrorHandler, InputError

STDIN = "-"
STDIN_NAME = "<stdin>"


class Format(StrEnum):
    TXT = "txt"
    HTML = "html"
    JSONL = "jsonl"
    WARC = "warc"


# Longest suffixes first so `.jsonl.gz` is not taken for something ending in `.gz`.
_SUFFIXES: tuple[tuple[str, Format, bool], ...] = (
    (".jsonl.gz", Format.JSONL, True),
    (".warc.gz", Format.WARC, True),
    (".wet.gz", Format.WARC, True),
    (".jsonl", Format.JSONL, False),
    (".warc", Format.WARC, False),
    (".wet", Format.WARC, False),
    (".html", Format.HTML, False),
    (".htm", Format.HTML, False),
    (".txt", Format.TXT, False),
)

SUPPORTED_FORMATS = ", ".join(suffix for suffix, _, _ in reversed(_SUFFIXES))


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read. `path` is None for stdin; `format` None means: sniff the content."""

    name: str
    path: Path | None
    format: Format | None
    gzipped: bool = False


def format_of(path: Path) -> tuple[Format, bool] | None:
    """The format and gzip flag a file name announces, or None for an unknown extension."""
    name = path.name.lower()
    for suffix, fmt, gzipped in _SUFFIXES:
        if name.endswith(suffix):
            return fmt, gzipped
    return None


def _hidden(name: str) -> bool:
    return name.startswith(".")


def walk_directory(directory: Path) -> Iterator[Path]:
    """Files of known formats under `directory`, recursively, hidden ones skipped.

    Files and sub-directories are visited together in name order, so the pages
    come out in the order of their sorted paths, the same on every machine.
    """
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        path = Path(entry.path)
        # Symlinked directories are not followed: a link loop would never end.
        if entry.is_dir(follow_symlinks=False):
            yield from walk_directory(path)
        elif entry.is_file() and format_of(path) is not None:
            yield path


def expand_inputs(inputs: Iterable[str], on_error: ErrorHandler) -> Iterator[Source]:
    """Sources in command-line order; missing paths and empty directories are reported."""
    for given in inputs:
        if given == STDIN:
            yield Source(STDIN_NAME, None, None)
            continue
        path = Path(given)
        if path.is_dir():
            found = False
            for file in walk_directory(path):
                found = True
                fmt, gzipped = format_of(file) or (Format.TXT, False)
                yield Source(str(file), file, fmt, gzipped)
            if not found:
                on_error(InputError(given, f"directory holds no readable files ({SUPPORTED_FORMATS})"))
        elif path.exists():
            known = format_of(path)
            if known is None:
                yield Source(given, path, None)
            else:
                yield Source(given, path, known[0], known[1])
        else:
            on_error(InputError(given, "no such file"))
