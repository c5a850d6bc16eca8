"""Reading what `marsad run` wrote: its finished shards, as pages with their records.

A run's output folder holds `NAME.parquet` shards, a `NAME.done` marker beside
each finished one, and `_run.json` with the shards in input order. Readers take
only finished shards, in that order (then any others, by name), so loading a
folder into the archive clusters its records in the order `marsad run` did.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.errors import ErrorHandler, InputError
from marsad.pipeline.parquet import ShardRow, read_rows
from marsad.pipeline.shard_run import RUN_MANIFEST
from marsad.pipeline.shards import MARKER_SUFFIX, SHARD_SUFFIX
from marsad.records import Page
from marsad.store.ingest import ExtractedPage

__all__ = ["is_run_output", "iter_extracted_pages", "run_shard_files"]


def is_run_output(path: str) -> bool:
    """Whether `path` is a Parquet shard or a folder that `marsad run` wrote."""
    candidate = Path(path)
    if candidate.is_file():
        return candidate.name.endswith(SHARD_SUFFIX)
    return candidate.is_dir() and ((candidate / RUN_MANIFEST).exists() or any(candidate.glob(f"*{SHARD_SUFFIX}")))


def run_shard_files(folder: Path, on_error: ErrorHandler) -> list[Path]:
    """The finished shards of a run folder in the run's order; unfinished ones are reported."""
    listed: list[str] = []
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        listed = list(json.loads((folder / RUN_MANIFEST).read_text(encoding="utf-8"))["shards"])
    present = sorted(path.name for path in folder.glob(f"*{SHARD_SUFFIX}"))
    ordered = [name for name in listed if name in present] + [name for name in present if name not in listed]
    finished = []
    for name in ordered:
        marker = folder / (name.removesuffix(SHARD_SUFFIX) + MARKER_SUFFIX)
        if marker.exists():
            finished.append(folder / name)
        else:
            on_error(InputError(str(folder / name), "unfinished shard (no marker); rerun `marsad run` to finish it"))
    return finished


def _page(rows: list[ShardRow]) -> ExtractedPage:
    host = rows[0].record
    page = Page(origin=host.origin or host.id, url=host.url, source=host.source, published=host.published, id=host.id)
    return ExtractedPage(page, rows[0].page_hash, [row.record for row in rows], [row.fingerprint for row in rows])


def _pages_of(path: Path) -> Iterator[ExtractedPage]:
    group: list[ShardRow] = []
    for row in read_rows(path):
        # A page's records are consecutive, its host first; embedded stories name the host as parent.
        if group and row.record.parent != group[0].record.id:
            yield _page(group)
            group = []
        group.append(row)
    if group:
        yield _page(group)


def iter_extracted_pages(paths: Iterable[str], on_error: ErrorHandler) -> Iterator[ExtractedPage]:
    """The pages of run folders and shard files, in order; a shard that cannot be read is reported."""
    for given in paths:
        path = Path(given)
        files = run_shard_files(path, on_error) if path.is_dir() else [path]
        for file in files:
            try:
                yield from _pages_of(file)
            except (OSError, ValueError, KeyError) as error:
                on_error(InputError(str(file), f"not a marsad run shard: {error}"))
