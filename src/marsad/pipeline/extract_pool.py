"""Extraction in worker processes, results handed back in input order (`marsad ingest --workers`).

The archive has one writer, so only extraction, enrichment and fingerprinting
move to the workers; the caller stores each page as its result arrives, in the
order the pages were read. Pages travel in small chunks (fewer round trips)
and only a bounded number of chunks is in flight, so memory does not grow with
the input.

A worker that dies (a page that crashes the interpreter, the OOM killer) must
not take the batch with it: the pool is restarted and the pages of the lost
chunks are tried again one at a time; a page whose own task still kills its
worker is reported as failed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from marsad.cluster.minhash import Fingerprint, fingerprint
from marsad.errors import page_error
from marsad.extraction import PREFETCH_WINDOW
from marsad.pipeline.collector import batch_collection
from marsad.pipeline.processes import worker_pool
from marsad.records import Page, Record

__all__ = ["ExtractPool", "Extracted", "extract_chunk"]

Extractor = Callable[[Page], list[Record]]
WindowExtractor = Callable[[list[Page]], list[list[Record] | Exception]]
Key = TypeVar("Key")

CHUNK_PAGES = 8
CHUNKS_PER_WORKER = 3


@dataclass(slots=True)
class Extracted:
    """One page's outcome: its records (and their fingerprints when asked for), or why it failed."""

    records: list[Record] = field(default_factory=list)
    fingerprints: list[Fingerprint] = field(default_factory=list)
    error: str | None = None
    stage: str = "extract"


def extract_chunk(
    extract: Extractor,
    with_fingerprints: bool,
    pages: list[Page],
    extract_window: WindowExtractor | None = None,
) -> list[Extracted]:
    """What a worker does with a chunk (a window, its sentences tagged together, given
    `extract_window`); one page's exception does not stop the others."""
    with batch_collection():
        window = extract_window or (lambda chunk: [_extract_one(extract, page) for page in chunk])
        found = window(pages)
    out: list[Extracted] = []
    for page, result in zip(pages, found, strict=True):
        if isinstance(result, Exception):  # reported by the caller against the page's origin
            report = page_error(page.origin, result)
            out.append(Extracted(error=report.message, stage=report.stage or "extract"))
            continue
        prints = [fingerprint("\n".join(record.body)) for record in result] if with_fingerprints else []
        out.append(Extracted(result, prints))
    return out


def _extract_one(extract: Extractor, page: Page) -> list[Record] | Exception:
    try:
        return extract(page)
    except Exception as error:
        return error


class ExtractPool(Generic[Key]):
    """`workers` processes running `extract` (a picklable, module-level callable)."""

    def __init__(
        self, extract: Extractor, workers: int, *, fingerprints: bool, extract_window: WindowExtractor | None = None
    ) -> None:
        self.extract = extract
        self.workers = workers
        self.fingerprints = fingerprints
        self.extract_window = extract_window
        # A window's pages travel together, their sentences tagged at once in the worker.
        self.chunk_pages = CHUNK_PAGES if extract_window is None else PREFETCH_WINDOW
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> ExtractPool[Key]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _submit(self, pages: list[Page]) -> Future[list[Extracted]]:
        if self._pool is None:
            self._pool = worker_pool(self.workers)
        return self._pool.submit(extract_chunk, self.extract, self.fingerprints, pages, self.extract_window)

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def map(self, items: Iterable[tuple[Page, Key]]) -> Iterator[tuple[Page, Key, Extracted]]:
        """Each (page, key) with its extraction, in the order of `items`."""
        in_flight: deque[tuple[list[tuple[Page, Key]], Future[list[Extracted]]]] = deque()
        source = iter(items)
        window = CHUNKS_PER_WORKER * self.workers
        while True:
            while len(in_flight) < window:
                chunk = [item for _, item in zip(range(self.chunk_pages), source, strict=False)]
                if not chunk:
                    break
                in_flight.append((chunk, self._submit([page for page, _ in chunk])))
            if not in_flight:
                return
            chunk, future = in_flight.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                results = self._one_at_a_time(chunk, in_flight)
            for (page, key), result in zip(chunk, results, strict=True):
                yield page, key, result

    def _one_at_a_time(
        self, chunk: list[tuple[Page, Key]], in_flight: deque[tuple[list[tuple[Page, Key]], Future[list[Extracted]]]]
    ) -> list[Extracted]:
        """After a worker died: the chunk again, a page per task, in a fresh pool; the
        chunks queued behind it were lost with the pool and are sent again."""
        self._restart()
        results: list[Extracted] = []
        for page, _ in chunk:
            try:
                results.extend(self._submit([page]).result())
            except BrokenProcessPool:
                self._restart()
                results.append(Extracted(error="extraction failed: the worker process died on this page"))
        requeued = [
            (queued, future if _succeeded(future) else self._submit([page for page, _ in queued]))
            for queued, future in in_flight
        ]
        in_flight.clear()
        in_flight.extend(requeued)
        return results


def _succeeded(future: Future[list[Extracted]]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None
