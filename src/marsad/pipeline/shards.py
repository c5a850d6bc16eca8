"""Input shards and their outputs: the unit of work of `marsad run`.

An input shard is one input file; a directory gives its files (recursively, in
sorted path order, as the readers walk it). Each shard becomes one Parquet file
in the output folder and, once that file is complete, a completion marker
beside it. A rerun skips every shard whose marker still matches its input and
the run's options, so a killed run resumes where it stopped and never writes a
page twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from marsad.errors import ErrorHandler, InputError
from marsad.pipeline.parquet import atomic_write_bytes
from marsad.readers.paths import STDIN, expand_inputs

__all__ = ["MARKER_SUFFIX", "SHARD_SUFFIX", "Marker", "Shard", "expand_shards", "read_marker", "write_marker"]

MARKER_SUFFIX = ".done"
SHARD_SUFFIX = ".parquet"
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True, slots=True)
class Shard:
    """One input file and where its records go."""

    path: str
    name: str

    def output(self, out_dir: Path) -> Path:
        return out_dir / f"{self.name}{SHARD_SUFFIX}"

    def marker(self, out_dir: Path) -> Path:
        return out_dir / f"{self.name}{MARKER_SUFFIX}"

    def identity(self) -> dict[str, Any]:
        """What must not change for a finished shard to count as finished: the file's size and time."""
        stat = os.stat(self.path)
        return {"input": os.path.abspath(self.path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def shard_name(path: str) -> str:
    """A file name for the shard of `path`: readable, and unique among inputs with the same base name."""
    absolute = os.path.abspath(path)
    digest = hashlib.sha1(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    base = _UNSAFE.sub("_", os.path.basename(absolute)).strip("._") or "input"
    return f"{base[:80]}-{digest}"


def expand_shards(inputs: Iterable[str], on_error: ErrorHandler) -> list[Shard]:
    """The shards of `inputs` in the order the readers would read them; missing paths are reported."""
    shards: list[Shard] = []
    seen: set[str] = set()
    for source in expand_inputs(inputs, on_error):
        if source.path is None:
            on_error(InputError(STDIN, "`marsad run` reads files, not stdin; use `marsad extract -`"))
            continue
        path = str(source.path)
        name = shard_name(path)
        if name in seen:  # the same file given twice is one shard
            continue
        seen.add(name)
        shards.append(Shard(path, name))
    return shards


@dataclass(slots=True)
class Marker:
    """What a finished shard's marker says: its input, the options it ran with, its counts."""

    input: str
    size: int
    mtime_ns: int
    options: str
    pages: int
    records: int
    errors: int
    clusters: str | None = None

    def matches(self, shard: Shard, options: str) -> bool:
        try:
            identity = shard.identity()
        except OSError:
            return False
        return (self.input, self.size, self.mtime_ns, self.options) == (
            identity["input"],
            identity["size"],
            identity["mtime_ns"],
            options,
        )


def write_marker(path: Path, marker: Marker) -> None:
    atomic_write_bytes(path, json.dumps(asdict(marker), ensure_ascii=False, sort_keys=True).encode("utf-8"))


def read_marker(path: Path) -> Marker | None:
    """The marker at `path`, or None when there is none or it cannot be read (the shard is redone)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Marker(**data)
    except (OSError, ValueError, TypeError):
        return None
