"""robots.txt, fetched once per origin before anything else there, and obeyed.

Rules are read with Protego (longest match wins, `*` and `$` patterns, as RFC
9309 and the big crawlers do; `urllib.robotparser` takes the first match and
knows no wildcards). What a robots.txt answer means follows RFC 9309: a 4xx
means no rules; a 5xx or an unreachable server, after the usual retries, means
everything is forbidden. A `Crawl-delay` for us slows the host's rate limit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from protego import Protego

from marsad.crawl.canonical import clean_url, origin_of
from marsad.crawl.fetch import Fetcher, FetchFailed, host_of

__all__ = ["ROBOTS_MAX_BYTES", "Robots", "RobotsCache"]

ROBOTS_MAX_BYTES = 512 * 1024
"""RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt."""
_MAX_REDIRECTS = 5
_TOKEN = "marsad"


@dataclass(frozen=True, slots=True)
class Robots:
    """The rules of one origin. `rules` None with `forbid_all` False allows everything."""

    rules: Protego | None = None
    forbid_all: bool = False
    why: str = ""
    """Why everything is forbidden (robots.txt unreachable), for the summary."""

    def allows(self, url: str) -> bool:
        if self.forbid_all:
            return False
        return self.rules is None or bool(self.rules.can_fetch(url, _TOKEN))

    def sitemaps(self) -> list[str]:
        """The `Sitemap:` URLs of the robots.txt, in order."""
        return [] if self.rules is None else [str(url) for url in self.rules.sitemaps]

    def crawl_delay(self) -> float | None:
        if self.rules is None:
            return None
        delay = self.rules.crawl_delay(_TOKEN)
        return float(delay) if delay else None


class RobotsCache:
    """One Robots per origin, fetched on first use; concurrent first uses share one fetch."""

    def __init__(self, fetcher: Fetcher, *, on_loaded: Callable[[str, Robots], None] | None = None) -> None:
        self.fetcher = fetcher
        self.on_loaded = on_loaded
        self._loading: dict[str, asyncio.Task[Robots]] = {}

    async def for_url(self, url: str) -> Robots:
        origin = origin_of(url)
        task = self._loading.get(origin)
        if task is None:
            task = asyncio.ensure_future(self._load(origin))
            self._loading[origin] = task
        return await asyncio.shield(task)

    async def _load(self, origin: str) -> Robots:
        robots = await self._fetch(origin)
        delay = robots.crawl_delay()
        if delay is not None:
            self.fetcher.limiter.slow_down(host_of(origin + "/"), delay)
        if self.on_loaded is not None:
            self.on_loaded(origin, robots)
        return robots

    async def _fetch(self, origin: str) -> Robots:
        url = f"{origin}/robots.txt"
        for _ in range(_MAX_REDIRECTS + 1):
            try:
                # Rules past the first 512 KiB are ignored, as RFC 9309 allows.
                exchange = await self.fetcher.get(url, max_bytes=ROBOTS_MAX_BYTES, truncate=True)
            except FetchFailed as failure:
                return Robots(forbid_all=True, why=f"robots.txt unreachable: {failure}")
            if 300 <= exchange.status < 400 and (location := exchange.header("location")):
                target = clean_url(location, url)
                if target is None:
                    return Robots()
                url = target
                continue
            if 200 <= exchange.status < 300:
                return Robots(rules=Protego.parse(exchange.body.decode("utf-8", "replace")))
            if 400 <= exchange.status < 500:
                return Robots()
            return Robots(forbid_all=True, why=f"robots.txt unreachable: http {exchange.status}")
        # RFC 9309: past five redirects the file counts as unavailable (a 4xx), so no rules.
        return Robots()
