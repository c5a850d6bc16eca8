"""Fewer garbage collections while a batch of pages is extracted.

Enriching a record allocates hundreds of thousands of small objects (tokens, tuples, spans)
that reference counting frees as it goes; CPython's cyclic collector still starts every 700
allocations and, in its older generations, walks everything the process holds, the tagger's
weights, lexicons and per-token caches included. On one core that was about a sixth of a
full-record run (`bench/bench_records.py`: 56 -> 67 records/s without it). While a batch runs,
the collector starts after 10,000 allocations instead, and what stands loaded once the first
window is done (the model and its caches) is frozen out of its scans (`gc.freeze`). Both are
undone when the last batch running ends. Records are the same either way; the cycles the
collector exists for are rare here and are still collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["BatchCollection", "batch_collection"]

_BATCH_THRESHOLD = 10_000
_running = 0
_saved: tuple[int, int, int] | None = None


class BatchCollection:
    """Handed to the batch: `loaded()` once its long-lived state is built."""

    def __init__(self) -> None:
        self._frozen = False

    def loaded(self) -> None:
        if not self._frozen:
            self._frozen = True
            gc.freeze()


@contextmanager
def batch_collection() -> Iterator[BatchCollection]:
    global _running, _saved
    if _running == 0:
        _saved = gc.get_threshold()
        first, *older = _saved
        gc.set_threshold(max(first, _BATCH_THRESHOLD), *older)
    _running += 1
    try:
        yield BatchCollection()
    finally:
        _running -= 1
        if _running == 0 and _saved is not None:
            gc.set_threshold(*_saved)
            gc.unfreeze()
            _saved = None
