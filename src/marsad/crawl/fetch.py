"""One polite HTTP GET: rate-limited, deadline-bound, size-capped, retried when the failure is transient.

Redirects are not followed here (the crawler follows them itself, checking
robots.txt and de-duplication at every hop). Bodies are streamed and the
exchange abandoned as soon as it passes the size cap, so an endless or huge
response costs at most `max_bytes` of memory.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from marsad import __version__
from marsad.crawl.ratelimit import HostRateLimiter

__all__ = ["USER_AGENT", "Exchange", "FetchFailed", "FetchOptions", "Fetcher", "Oversized", "host_of"]

USER_AGENT = f"marsad/{__version__}"
"""robots.txt groups for the product token `marsad` apply to this crawler."""

# 501 and 505 say the server will never do this; the other 5xx may clear.
_RETRY_STATUSES = frozenset({429} | set(range(500, 600))) - {501, 505}


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout: float = 30.0
    """Seconds one exchange may take, from sending the request to the last byte."""
    retries: int = 3
    """Further tries after a 5xx, a 429, a timeout or a connection error."""
    backoff: float = 1.0
    """Seconds before the first retry; doubled for each further one, with jitter."""
    max_backoff: float = 60.0
    max_retry_after: float = 300.0
    """A 429 asking to wait longer than this fails the URL instead of stalling the crawl."""
    user_agent: str = USER_AGENT


@dataclass(slots=True)
class Exchange:
    """A request as sent and its response as received (body already content-decoded)."""

    url: str
    status: int
    reason: str
    http_version: str
    request_line: str
    request_headers: list[tuple[str, str]]
    response_headers: list[tuple[str, str]]
    body: bytes
    date: datetime = field(default_factory=lambda: datetime.now(UTC))

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((value for key, value in self.response_headers if key.lower() == lowered), None)


class FetchFailed(Exception):
    """The URL could not be fetched; `reason` is short and counted in the crawl summary."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}{f' ({detail})' if detail else ''}")
        self.reason = reason
        self.detail = detail


class Oversized(FetchFailed):
    def __init__(self, limit: int, declared: int | None) -> None:
        detail = f"Content-Length {declared}" if declared is not None else "stream cut"
        super().__init__(f"over {limit} bytes", detail)


def host_of(url: str) -> str:
    """`host[:port]`: the unit of the rate limit."""
    return urlsplit(url).netloc


class Fetcher:
    def __init__(
        self,
        client: httpx.AsyncClient,
        limiter: HostRateLimiter,
        options: FetchOptions,
        *,
        on_retry: Callable[[str, str], None] | None = None,
    ) -> None:
        self.client = client
        self.limiter = limiter
        self.options = options
        self.on_retry = on_retry

    async def get(
        self, url: str, *, headers: dict[str, str] | None = None, max_bytes: int, truncate: bool = False
    ) -> Exchange:
        """The response to GET `url` (any status that is not worth retrying), or FetchFailed.

        A body past `max_bytes` raises Oversized, or with `truncate` is cut there and kept.
        """
        host = host_of(url)
        tries = self.options.retries + 1
        for attempt in range(tries):
            try:
                exchange = await self._exchange(url, host, headers or {}, max_bytes, truncate)
            except (TimeoutError, httpx.TimeoutException):
                reason, wait = "timeout", self._backoff(attempt)
            except httpx.TransportError as error:
                reason, wait = f"connection error: {type(error).__name__}", self._backoff(attempt)
            except (httpx.HTTPError, httpx.InvalidURL) as error:
                # A body that does not decode or a URL httpx refuses: retrying cannot help.
                raise FetchFailed(f"bad response: {type(error).__name__}", str(error)) from None
            else:
                if exchange.status not in _RETRY_STATUSES:
                    return exchange
                reason, wait = f"http {exchange.status}", self._backoff(attempt)
                asked = _retry_after(exchange.header("retry-after")) if exchange.status in (429, 503) else None
                if asked is not None:
                    if asked > self.options.max_retry_after:
                        raise FetchFailed(f"http {exchange.status}", f"Retry-After {asked:.0f}s is too long")
                    wait = max(wait, asked)
            if attempt + 1 < tries:
                if self.on_retry is not None:
                    self.on_retry(url, reason)
                await asyncio.sleep(wait)
        raise FetchFailed(reason, f"after {tries} tries")

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.options.max_backoff, self.options.backoff * 2.0**attempt)
        # Half fixed, half random: tasks that failed together do not retry together.
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    async def _exchange(self, url: str, host: str, headers: dict[str, str], max_bytes: int, truncate: bool) -> Exchange:
        request = self.client.build_request("GET", url, headers={"User-Agent": self.options.user_agent, **headers})
        async with self.limiter.turn(host):
            date = datetime.now(UTC)
            # The deadline starts once the host's turn comes: waiting for the rate limit is no timeout.
            deadline = asyncio.get_running_loop().time() + self.options.timeout
            async with asyncio.timeout_at(deadline):
                response = await self.client.send(request, stream=True, follow_redirects=False)
            if response.status_code in (429, 503):
                asked = _retry_after(response.headers.get("retry-after"))
                if asked is not None and asked <= self.options.max_retry_after:
                    # The server asked the whole host to wait, not only this URL; set
                    # before the turn passes on, so no waiting request slips through.
                    self.limiter.pause(host, asked)
        try:
            async with asyncio.timeout_at(deadline):
                declared = _content_length(response.headers.get("content-length"))
                if declared is not None and declared > max_bytes and not truncate:
                    raise Oversized(max_bytes, declared)
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        if not truncate:
                            raise Oversized(max_bytes, declared)
                        chunks.append(chunk[: len(chunk) - (size - max_bytes)])
                        break
                    chunks.append(chunk)
        finally:
            await response.aclose()
        target = request.url.raw_path.decode("ascii")
        return Exchange(
            url=url,
            status=response.status_code,
            reason=response.reason_phrase,
            http_version=response.http_version,
            request_line=f"GET {target} {response.http_version}",
            request_headers=_decoded(request.headers.raw),
            response_headers=_decoded(response.headers.raw),
            body=b"".join(chunks),
            date=date,
        )


def _decoded(raw: list[tuple[bytes, bytes]]) -> list[tuple[str, str]]:
    return [(key.decode("latin-1"), value.decode("latin-1")) for key, value in raw]


def _content_length(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds: float = (when - datetime.now(UTC)).total_seconds()
    return max(0.0, seconds)
