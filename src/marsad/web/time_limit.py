"""The per-request time limit: a deadline for the request being worked on, read
by the database connections, so that a query still running when it passes is
stopped and the request answered with a 503 instead of holding the server.

The deadline lives in a context variable: the app sets it for each request,
and the worker thread running the request's database calls inherits it (anyio
runs a sync route in a copy of the request's context), so one connection per
thread serves requests with different deadlines one after the other.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from marsad.store.base import Archive
from marsad.web import DEFAULT_TIME_LIMIT

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "SQLITE_CHECK_EVERY",
    "deadline",
    "expired",
    "is_time_limit_error",
    "limit_archive",
]

# SQLite virtual-machine steps between two looks at the clock. Each look calls
# back into Python and so takes the interpreter lock, which another request's
# thread may hold for up to its 5 ms switch interval: every 1,000 steps made a
# 35 ms search take a second under such contention; every 100,000 costs a few
# looks per search, and still stops a pathological one within a second.
SQLITE_CHECK_EVERY = 100_000

_deadline: ContextVar[float | None] = ContextVar("marsad_request_deadline", default=None)


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Work done inside (this task, and the threads it hands work to) must end within `seconds`."""
    token = _deadline.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def expired() -> bool:
    """Whether the current request's deadline has passed (never, outside a request)."""
    ends = _deadline.get()
    return ends is not None and time.monotonic() > ends


def _sqlite_progress() -> int:
    # A non-zero answer makes SQLite abandon the statement with "interrupted".
    return 1 if expired() else 0


def limit_archive(archive: Archive, seconds: float) -> Archive:
    """Make `archive`'s queries stop once the current request's deadline has passed.

    SQLite looks at the deadline as it steps; PostgreSQL cannot see it, so each
    of its statements is bounded by `seconds` on the server (`statement_timeout`)."""
    from marsad.store.sqlite import SQLiteArchive

    if isinstance(archive, SQLiteArchive):
        archive.connection().set_progress_handler(_sqlite_progress, SQLITE_CHECK_EVERY)
    else:
        # set_config rather than SET: it is a SELECT, so `fetch` can run it.
        archive.fetch("SELECT set_config('statement_timeout', ?, false)", (f"{max(1, round(seconds * 1000))}",))
    return archive


def is_time_limit_error(error: BaseException) -> bool:
    """Whether `error` is a SQLite query stopped by the time limit (PostgreSQL's is
    psycopg's `QueryCanceled`): only the progress handler above interrupts the app's connections."""
    return isinstance(error, sqlite3.OperationalError) and "interrupted" in str(error)
