"""A time budget for the work on one page, enforced wherever the page is processed.

One hostile page (deep nesting, a pathological pattern) must never stall a
batch: the work on it is interrupted when its budget is spent and the page is
reported as over budget. In a process's main thread (the CLI, worker
processes, Ray's task loop) a real-time interval timer raises `OverBudget`
from a SIGALRM handler; in any other thread a timer thread raises it
asynchronously in the working thread. Both interrupt Python code only, so
work that runs long inside one C call (HTML main-content extraction) is bounded
before it starts, by the size and nesting caps in `readers.html`.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from marsad.errors import OverBudget

__all__ = ["DEFAULT_PAGE_TIMEOUT", "OverBudget", "time_budget"]

DEFAULT_PAGE_TIMEOUT = 5.0
"""Seconds one page may take to extract and enrich, in every engine (`--page-timeout`)."""


class _PageTimedOut(OverBudget):
    # Raised asynchronously (by class, without arguments), so it carries its own message.
    def __init__(self) -> None:
        super().__init__("over the page's time budget (--page-timeout)")


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Interrupts the body with `OverBudget` once it has run `seconds`; None: no budget."""
    if seconds is None:
        yield
        return
    if seconds <= 0:
        raise _PageTimedOut()
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _thread_timer(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    armed = [True]

    def expire(signum: int, frame: FrameType | None) -> None:
        if armed[0]:
            armed[0] = False
            raise _PageTimedOut()

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    outer_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay:
            # An enclosing budget keeps running (it cannot have less time left than it had).
            signal.setitimer(signal.ITIMER_REAL, max(outer_delay - (time.monotonic() - started), 0.001))


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


@contextmanager
def _thread_timer(seconds: float) -> Iterator[None]:
    worker = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                _set_async_exc(worker, _PageTimedOut)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["armed"] = False
            if state["fired"]:
                # Fired as the body ended: withdraw the exception if it is still pending.
                _set_async_exc(worker, ctypes.py_object())
        timer.cancel()
