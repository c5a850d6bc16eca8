"""One ingest at a time per archive.

Each ingest keeps its near-duplicate index in memory and clusters every new
record against it, so a second ingest writing to the same archive meanwhile
would be invisible to the first: both would found clusters the other already
has, and the clusters would silently differ from a sequential run. The lock
serializes whole ingests (not batches); readers (search, the web UI) never
take it.

The operating system releases the lock when its holder dies, kill -9
included: there is no stale lock to clean up after a crash.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from marsad.errors import MarsadError
from marsad.store.base import Archive

__all__ = ["IngestLocked", "LockFile", "holding_ingest_lock", "say_on_stderr"]

# How often a waiting ingest asks again: short against any real ingest.
_POLL_SECONDS = 0.2


class IngestLocked(MarsadError):
    """Another ingest held the archive for longer than the caller would wait."""


class LockFile:
    """An exclusive advisory lock on a file next to a SQLite archive.

    The file is never deleted: removing it while another process waits on it
    would let a third one lock a fresh file with the same name.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] | None = None

    def try_acquire(self) -> bool:
        if self._file is not None:
            return True
        handle = self.path.open("a+b")
        if not _try_lock(handle):
            handle.close()
            return False
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is not None:
            # Closing the file drops the lock.
            self._file.close()
            self._file = None


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def say_on_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def holding_ingest_lock(
    archive: Archive, *, timeout: float | None = None, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold `archive`'s ingest lock for the block, waiting (after one message to
    `on_wait`, stderr by default) while another process holds it; with `timeout`
    seconds, give up with `IngestLocked` instead of waiting longer."""
    # Nothing written before the ingest waits in an open transaction with it; on
    # PostgreSQL that also keeps a waiting session from idling inside one.
    archive.commit()
    if not archive.try_ingest_lock():
        name = archive.display_name()
        (on_wait or say_on_stderr)(f"marsad: another ingest holds {name}; waiting...")
        deadline = None if timeout is None else time.monotonic() + timeout
        while not archive.try_ingest_lock():
            if deadline is not None and time.monotonic() >= deadline:
                raise IngestLocked(f"another ingest still holds {name} after {timeout:g} s; nothing was stored")
            time.sleep(_POLL_SECONDS)
    try:
        yield
    finally:
        archive.release_ingest_lock()
