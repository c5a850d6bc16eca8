"""The `processes` engine: N worker processes on this machine.

Workers start through `forkserver` where the platform has it (a clean process
forked from a small server, so no lock or thread of the parent leaks into it)
and `spawn` elsewhere. Each worker loads the NER model and the other caches
once and keeps them for every shard it is given.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


_WATCH_SECONDS = 1.0


def _exit_with(driver: int) -> None:
    """Worker initializer: end this worker when the driver is gone.

    A killed driver cannot shut its pool down; its workers would finish their
    shard and then wait forever for the next one.
    """

    def watch() -> None:
        while True:
            time.sleep(_WATCH_SECONDS)
            try:
                os.kill(driver, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                continue

    threading.Thread(target=watch, name="marsad-driver-watch", daemon=True).start()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool whose workers start clean and end when this process is gone."""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(), initializer=_exit_with, initargs=(os.getpid(),)
    )


class ProcessShardExecutor:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = worker_pool(self.workers)
        return self._pool

    def map_unordered(self, task: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        pool = self._started()
        pending: set[Future[R]] = set()
        queue = iter(items)
        # A bounded number in flight: results stream back while later shards wait their turn.
        for item in queue:
            pending.add(pool.submit(task, item))
            if len(pending) >= 2 * self.workers:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
                next_item = next(queue, None)
                if next_item is not None:
                    pending.add(pool.submit(task, next_item))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
