"""Live page counts of the shards in flight, for `marsad run`'s progress display.

A shard can be one large WARC file that takes an hour, so counting finished
shards alone leaves the display still for that long. Each shard task writes
how many pages it has extracted so far into a small file in the output
folder, at most once a second; the driver adds up those files. A file beside
the shards works the same for every engine (in this process, in worker
processes, on Ray workers that share the folder), and costs nothing when
nobody watches. A shard's file is removed once its marker is written.
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from marsad.pipeline.parquet import atomic_write_bytes

PROGRESS_DIR = ".progress"
T = TypeVar("T")


def progress_file(out_dir: Path, shard_name: str) -> Path:
    return out_dir / PROGRESS_DIR / shard_name


@dataclass
class ReportPages:
    """A pass-through step that records how many items went by in `path`."""

    path: str
    every: float = 1.0
    name: str = "report"
    stats: Counter[str] = field(default_factory=Counter)

    def run(self, data: Iterable[T], rank: int = 0, world_size: int = 1) -> Iterator[T]:
        target = Path(self.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        count = 0
        written_at = time.monotonic()
        for item in data:
            count += 1
            now = time.monotonic()
            if now - written_at >= self.every:
                atomic_write_bytes(target, str(count).encode())
                written_at = now
            yield item
        atomic_write_bytes(target, str(count).encode())
        self.stats["pages"] = count


def pages_in_flight(out_dir: Path) -> int:
    """The pages extracted so far by shards that are not finished yet."""
    total = 0
    folder = out_dir / PROGRESS_DIR
    if not folder.is_dir():
        return 0
    for path in folder.iterdir():
        if path.name.startswith("."):
            continue  # a writer's temporary file
        try:
            total += int(path.read_text(encoding="ascii") or 0)
        except (OSError, ValueError):
            continue  # removed or replaced while we looked
    return total


def clear_progress(out_dir: Path, shard_name: str | None = None) -> None:
    """Forget one shard's count (its marker now holds the pages), or every count and their
    folder (before and after a run: the output folder holds only shards and markers)."""
    folder = out_dir / PROGRESS_DIR
    if shard_name is not None:
        progress_file(out_dir, shard_name).unlink(missing_ok=True)
        return
    if folder.is_dir():
        for path in folder.iterdir():
            path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # an orphaned worker of a killed run wrote again meanwhile
            folder.rmdir()
