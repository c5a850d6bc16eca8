"""The crawl: feeds and sitemaps in, article pages fetched politely, a WARC file out.

Every URL goes through the same path: robots.txt of its origin first (a
forbidden URL is never requested), then the host's rate limit, then a GET that
is retried on transient failures. Redirects are followed here, one hop at a
time, so that each hop is checked against robots.txt and de-duplication and a
loop is seen. A page is identified by its canonical key (see `canonical`), and
no key is fetched or written twice in a run, whichever spelling, redirect or
`<link rel="canonical">` leads to it.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

import httpx

from marsad.crawl.canonical import canonical_key, clean_url, link_canonical, origin_of
from marsad.crawl.feeds import FeedError, parse_feed
from marsad.crawl.fetch import Exchange, Fetcher, FetchFailed, FetchOptions, Oversized, host_of
from marsad.crawl.ratelimit import HostRateLimiter
from marsad.crawl.robots import RobotsCache
from marsad.crawl.schedule import HostQueues
from marsad.crawl.sitemaps import MAX_SITEMAP_BYTES, parse_sitemap
from marsad.crawl.state import ConditionalState
from marsad.crawl.warcwriter import WarcFile

__all__ = ["CrawlOptions", "CrawlStats", "Crawler"]

MIB = 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    rate: float = 1.0
    """Requests per second to one host, at most."""
    concurrency: int = 8
    """Hosts worked on at once (see `schedule`); each host gets one request at a time."""
    max_bytes: int = 10 * MIB
    """A page response larger than this is abandoned and reported, never written."""
    max_redirects: int = 5
    max_sitemap_depth: int = 2
    """How deep sitemap indexes may nest (index → index → sitemap)."""
    fetch: FetchOptions = field(default_factory=FetchOptions)


@dataclass(slots=True)
class CrawlStats:
    sites: int = 0
    """Sites whose sitemaps were found through robots.txt."""
    feeds: int = 0
    sitemaps: int = 0
    discovered: int = 0
    """Page URLs found in feeds and sitemaps, duplicates included."""
    fetched: int = 0
    """Pages fetched and written to the WARC file."""
    not_modified: int = 0
    robots: int = 0
    """URLs never requested because robots.txt forbids them."""
    retried: int = 0
    """Requests repeated after a transient failure."""
    oversized: int = 0
    duplicates: int = 0
    redirects: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    """Page and source URLs that could not be fetched, by reason."""

    def summary(self) -> str:
        failed = sum(self.failed.values())
        reasons = ", ".join(f"{reason}: {count}" for reason, count in self.failed.most_common())
        sites = f"{self.sites} sites' robots.txt, " if self.sites else ""
        return (
            f"{sites}{self.feeds} feeds and {self.sitemaps} sitemaps read, {self.discovered} page links; "
            f"{self.fetched} fetched, {self.not_modified} not modified, {self.robots} skipped by robots.txt, "
            f"{self.duplicates} duplicates, {self.oversized} oversized, {self.retried} retried, "
            f"{failed} failed{f' ({reasons})' if reasons else ''}"
        )


class _Kind(Enum):
    SITE = "site"
    FEED = "feed"
    SITEMAP = "sitemap"
    PAGE = "page"


@dataclass(frozen=True, slots=True)
class _Job:
    kind: _Kind
    url: str
    depth: int = 0


@dataclass(slots=True)
class _Fetched:
    final: Exchange
    hops: list[Exchange]
    """Redirect responses before `final`, in order."""


class Crawler:
    """One crawl run. `report` receives a line for each URL that fails or is skipped, as it happens."""

    def __init__(
        self,
        options: CrawlOptions,
        warc: WarcFile,
        state: ConditionalState,
        *,
        report: Callable[[str], None] = lambda line: None,
        on_page_done: Callable[[CrawlStats], None] | None = None,
        on_discovered: Callable[[int], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.options = options
        self.warc = warc
        self.state = state
        self.report = report
        self.on_page_done = on_page_done
        self.on_discovered = on_discovered
        self.transport = transport
        self.stats = CrawlStats()
        self._claimed: set[str] = set()
        self._written: set[str] = set()
        self._sitemaps_seen: set[str] = set()

    async def run(self, feeds: Iterable[str], sitemaps: Iterable[str] = (), sites: Iterable[str] = ()) -> CrawlStats:
        """Crawl what `feeds` and `sitemaps` link to, and the sitemaps each of `sites` lists
        in its robots.txt (or its /sitemap.xml when it lists none)."""
        limits = httpx.Limits(max_connections=self.options.concurrency)
        timeout = httpx.Timeout(self.options.fetch.timeout)
        async with httpx.AsyncClient(limits=limits, timeout=timeout, transport=self.transport) as client:
            limiter = HostRateLimiter(self.options.rate)
            self.fetcher = Fetcher(client, limiter, self.options.fetch, on_retry=self._retried)
            self.robots = RobotsCache(self.fetcher)
            queue: HostQueues[_Job] = HostQueues(_job_host)
            for url in feeds:
                queue.put(_Job(_Kind.FEED, url))
            for url in sitemaps:
                queue.put(_Job(_Kind.SITEMAP, url))
                self._sitemaps_seen.add(clean_url(url) or url)
            for url in sites:
                queue.put(_Job(_Kind.SITE, url))
            workers = [asyncio.create_task(self._work(queue)) for _ in range(self.options.concurrency)]
            finished = asyncio.create_task(queue.join())
            try:
                # A worker only ends by raising (a full disk, a bug): stop the crawl then instead of waiting forever.
                await asyncio.wait([finished, *workers], return_when=asyncio.FIRST_COMPLETED)
            finally:
                for task in [finished, *workers]:
                    task.cancel()
                outcomes = await asyncio.gather(finished, *workers, return_exceptions=True)
            for outcome in outcomes:
                if isinstance(outcome, Exception) and not isinstance(outcome, asyncio.CancelledError):
                    raise outcome
        return self.stats

    async def _work(self, queue: HostQueues[_Job]) -> None:
        while True:
            job = await queue.get()
            try:
                if job.kind is _Kind.PAGE:
                    await self._crawl_page(job.url)
                    if self.on_page_done is not None:
                        self.on_page_done(self.stats)
                elif job.kind is _Kind.SITE:
                    for found in await self._site_sitemaps(job.url):
                        queue.put(found)
                else:
                    for found in await self._read_source(job):
                        queue.put(found)
            finally:
                queue.done(job)

    def _retried(self, url: str, reason: str) -> None:
        self.stats.retried += 1

    def _fail(self, url: str, reason: str, detail: str = "") -> None:
        self.stats.failed[reason] += 1
        self.report(f"failed {url}: {reason}{f' ({detail})' if detail else ''}")

    async def _site_sitemaps(self, site: str) -> list[_Job]:
        """The sitemaps a site's robots.txt lists (RFC 9309 `Sitemap:` lines), else its /sitemap.xml."""
        url = clean_url(site)
        if url is None:
            self._fail(site, "not an http(s) site URL")
            return []
        origin = origin_of(url)
        robots = await self.robots.for_url(origin + "/")
        if robots.forbid_all:
            self._fail(origin, "robots.txt could not be read", robots.why)
            return []
        listed = [clean_url(found) for found in robots.sitemaps()] or [origin + "/sitemap.xml"]
        self.stats.sites += 1
        jobs = []
        for sitemap_url in listed:
            if sitemap_url is not None and sitemap_url not in self._sitemaps_seen:
                self._sitemaps_seen.add(sitemap_url)
                jobs.append(_Job(_Kind.SITEMAP, sitemap_url))
        return jobs

    async def _read_source(self, job: _Job) -> list[_Job]:
        """The page (and child sitemap) jobs a feed or sitemap links to."""
        url = clean_url(job.url)
        if url is None:
            self._fail(job.url, f"not an http(s) {job.kind.value} URL")
            return []
        fetched = await self._fetch(url, max_bytes=max(self.options.max_bytes, MAX_SITEMAP_BYTES))
        if fetched is None:
            return []
        final = fetched.final
        if not 200 <= final.status < 300:
            self._fail(url, f"{job.kind.value} http {final.status}")
            return []
        found: list[_Job] = []
        try:
            if job.kind is _Kind.FEED:
                pages = [entry.url for entry in parse_feed(final.body, final.url)]
                self.stats.feeds += 1
            else:
                sitemap = parse_sitemap(final.body, final.url)
                pages = [entry.url for entry in sitemap.pages]
                self.stats.sitemaps += 1
                for child in sitemap.sitemaps:
                    if job.depth >= self.options.max_sitemap_depth:
                        self._fail(child, "sitemap index nested too deep")
                    elif child not in self._sitemaps_seen:
                        self._sitemaps_seen.add(child)
                        found.append(_Job(_Kind.SITEMAP, child, job.depth + 1))
        except FeedError as error:
            self._fail(url, f"unreadable {job.kind.value}", str(error))
            return []
        self.stats.discovered += len(pages)
        if self.on_discovered is not None:
            self.on_discovered(len(pages))
        return found + [_Job(_Kind.PAGE, page) for page in pages]

    async def _crawl_page(self, link: str) -> None:
        url, key = clean_url(link), canonical_key(link)
        if url is None or key is None:
            self._fail(link, "not an http(s) URL")
            return
        if key in self._claimed:
            self.stats.duplicates += 1
            return
        self._claimed.add(key)
        mine = {key}

        def claim(target: str) -> bool:
            # A hop may only change the spelling (`/a` → `/a/`): that is still this task's page.
            target_key = canonical_key(target)
            if target_key is None or (target_key in self._claimed and target_key not in mine):
                return False
            mine.add(target_key)
            self._claimed.add(target_key)
            return True

        fetched = await self._fetch(url, max_bytes=self.options.max_bytes, conditional=True, claim=claim)
        if fetched is None:
            return
        final = fetched.final
        if final.status == 304:
            self.stats.not_modified += 1
            self._written |= mine
            return
        if not 200 <= final.status < 300:
            self._fail(url, f"http {final.status}")
            return
        keys = {key, *mine} | _named_canonical(final)
        if keys & self._written:
            self.stats.duplicates += 1
            return
        self._written |= keys
        self._claimed |= keys
        for hop in fetched.hops:
            self.warc.write(hop)
        self.warc.write(final)
        self.state.remember(final.url, dict(final.response_headers))
        self.stats.fetched += 1

    async def _fetch(
        self,
        url: str,
        *,
        max_bytes: int,
        conditional: bool = False,
        claim: Callable[[str], bool] | None = None,
    ) -> _Fetched | None:
        """GET `url`, following redirects; None when it failed or was skipped (already counted and reported)."""
        chain = [url]
        hops: list[Exchange] = []
        current = url
        while True:
            robots = await self.robots.for_url(current)
            if not robots.allows(current):
                self.stats.robots += 1
                self.report(f"skipped {current}: {robots.why or 'forbidden by robots.txt'}")
                return None
            headers = self.state.request_headers(current) if conditional else {}
            try:
                exchange = await self.fetcher.get(current, headers=headers, max_bytes=max_bytes)
            except Oversized as failure:
                self.stats.oversized += 1
                self.report(f"skipped {current}: {failure}")
                return None
            except FetchFailed as failure:
                self._fail(current, failure.reason, failure.detail)
                return None
            location = exchange.header("location")
            if not (300 <= exchange.status < 400 and exchange.status != 304 and location):
                return _Fetched(exchange, hops)
            target = clean_url(location, current)
            if target is None:
                self._fail(current, "redirect to a non-http(s) URL", location)
                return None
            if target in chain:
                self._fail(url, "redirect loop", " → ".join([*chain, target]))
                return None
            if len(hops) >= self.options.max_redirects:
                self._fail(url, "too many redirects", f"more than {self.options.max_redirects}")
                return None
            if claim is not None and not claim(target):
                self.stats.duplicates += 1
                return None
            self.stats.redirects += 1
            hops.append(exchange)
            chain.append(target)
            current = target


def _job_host(job: _Job) -> str:
    return host_of(clean_url(job.url) or job.url)


def _named_canonical(exchange: Exchange) -> set[str]:
    content_type = (exchange.header("content-type") or "").lower()
    if not content_type.startswith(_HTML_TYPES):
        return set()
    charset = content_type.partition("charset=")[2].split(";")[0].strip().strip("\"'") or "utf-8"
    try:
        html = exchange.body.decode(charset, "replace")
    except LookupError:
        html = exchange.body.decode("utf-8", "replace")
    named = link_canonical(html, exchange.url)
    key = canonical_key(named) if named else None
    return {key} if key else set()
