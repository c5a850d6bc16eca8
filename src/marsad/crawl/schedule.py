"""Which job a free worker takes next: round robin over hosts, one job per host at a time.

With one first-in-first-out queue, fifty links from one feed would occupy every
worker, all waiting for that host's rate limit, while other hosts sat idle
behind them. Here each host has its own queue and a host is handed to one
worker at a time, so the global concurrency is spent on different hosts and
each host's rate limit only ever holds up that host's own queue.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["HostQueues"]

Job = TypeVar("Job")


class HostQueues(Generic[Job]):
    def __init__(self, host_of: Callable[[Job], str]) -> None:
        self._host_of = host_of
        self._queues: dict[str, deque[Job]] = {}
        self._ready: deque[str] = deque()
        """Hosts with queued jobs and no worker, in the order they will be served."""
        self._busy: set[str] = set()
        self._unfinished = 0
        self._changed = asyncio.Event()

    def put(self, job: Job) -> None:
        host = self._host_of(job)
        queue = self._queues.setdefault(host, deque())
        queue.append(job)
        self._unfinished += 1
        if len(queue) == 1 and host not in self._busy:
            self._ready.append(host)
        self._changed.set()

    async def get(self) -> Job:
        """The next job of the longest-waiting free host; its host is busy until `done(job)`."""
        while not self._ready:
            self._changed.clear()
            await self._changed.wait()
        host = self._ready.popleft()
        self._busy.add(host)
        return self._queues[host].popleft()

    def done(self, job: Job) -> None:
        host = self._host_of(job)
        self._busy.discard(host)
        self._unfinished -= 1
        if self._queues[host]:
            self._ready.append(host)
        self._changed.set()

    async def join(self) -> None:
        """Return when every job put has been done (jobs put while working included)."""
        while self._unfinished:
            self._changed.clear()
            await self._changed.wait()
