"""A per-host request rate that holds as the server sees it, across every concurrent task of a crawl.

A request to a host takes the host's turn: it waits until the host's next slot,
is sent, and keeps the turn until its response headers arrive (or it fails).
The next slot is one interval after the turn ends. So the next request starts
at least one interval after the server had *answered* the previous one, and
the server never sees two requests closer together than the interval, however
the network or the event loop delays a send. (A slot counted from when a
request *started* would not promise that: a request delayed on its way, say
by a new connection, arrives close to the next one.) The cost is that one
request per host waits for its headers at a time; other hosts are not held up,
and bodies stream outside the turn. asyncio's lock is FIFO, so waiters are
served in arrival order.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

__all__ = ["HostRateLimiter"]


class HostRateLimiter:
    def __init__(self, per_second: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        if per_second <= 0:
            raise ValueError("the rate must be positive")
        self.interval = 1.0 / per_second
        self._clock = clock
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._next: dict[str, float] = {}
        self._intervals: dict[str, float] = {}
        self._ended: dict[str, float] = {}

    def slow_down(self, host: str, interval: float) -> None:
        """Space requests to `host` at least `interval` seconds apart (a robots.txt Crawl-delay)."""
        self._intervals[host] = max(self.interval, interval)
        if host in self._ended:
            self._next[host] = max(self._next[host], self._ended[host] + self._intervals[host])

    def host_interval(self, host: str) -> float:
        return self._intervals.get(host, self.interval)

    def pause(self, host: str, seconds: float) -> None:
        """No request to `host` for `seconds` from now (a 429's Retry-After concerns the whole host)."""
        resume = self._clock() + seconds
        self._next[host] = max(self._next.get(host, resume), resume)

    @asynccontextmanager
    async def turn(self, host: str) -> AsyncIterator[None]:
        """Hold `host`'s turn: entered when a request may be sent, left when its response headers are in."""
        async with self._locks[host]:
            # Re-checked after every sleep: the loop may wake a timer a hair early,
            # and a pause may have pushed the slot back meanwhile.
            while (delay := self._next.get(host, 0.0) - self._clock()) > 0:
                await asyncio.sleep(delay)
            try:
                yield
            finally:
                ended = self._ended[host] = self._clock()
                self._next[host] = max(self._next.get(host, 0.0), ended + self.host_interval(host))
