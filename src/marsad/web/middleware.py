"""The ASGI layers around the app: admission in arrival order, the per-request
time limit, the `Server-Timing` header, and the security headers of every response."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.web.time_limit import deadline

__all__ = [
    "ADMISSION_SLICE",
    "API_POLICY",
    "DOCS_POLICY",
    "PAGE_POLICY",
    "Admission",
    "SecurityHeaders",
    "ServerTiming",
    "TimeLimit",
    "security_headers",
]


def _with_headers(message: Message, extra: list[tuple[bytes, bytes]]) -> Message:
    return {**message, "headers": [*message.get("headers", []), *extra]}


async def _editing_response_start(
    app: ASGIApp, scope: Scope, receive: Receive, send: Send, edit: Callable[[Message], Message]
) -> None:
    """Runs `app`, passing the start of each HTTP response through `edit` (headers are added there)."""
    if scope["type"] != "http":
        await app(scope, receive, send)
        return

    async def send_edited(message: Message) -> None:
        await send(edit(message) if message["type"] == "http.response.start" else message)

    await app(scope, receive, send_edited)


class ServerTiming:
    """Adds `Server-Timing: app;dur=<ms>`: the time from the request's arrival in
    the app to the start of its response (what the load benchmark reads)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()

        def add_timing(message: Message) -> Message:
            elapsed = (time.perf_counter() - started) * 1000
            headers = [(name, value) for name, value in message.get("headers", []) if name.lower() != b"server-timing"]
            headers.append((b"server-timing", f"app;dur={elapsed:.1f}".encode()))
            return {**message, "headers": headers}

        await _editing_response_start(self.app, scope, receive, send, add_timing)


# Seconds a request keeps its admission slot. Nearly every request ends sooner;
# one that does not goes on outside the count, so a costly search delays the
# requests queued behind it by this much, not by its whole run.
ADMISSION_SLICE = 0.25


class Admission:
    """Lets at most `limit` requests into the app at once; the others wait here, in
    arrival order. Python threads share one interpreter lock, so forty requests
    worked on at once each take forty times longer; a few at a time finish sooner,
    and the queue is what the client sees of a busy server. A request still running
    after `slice_seconds` gives its slot to the next in line and goes on beside it,
    bounded by the time limit. The wait is reported as `X-Queue-Time` (ms), outside
    `Server-Timing`, which is the app's own time."""

    def __init__(self, app: ASGIApp, limit: int, slice_seconds: float = ADMISSION_SLICE) -> None:
        self.app = app
        self.limit = limit
        self.slice_seconds = slice_seconds
        self._slots: asyncio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limit)
        slots = self._slots
        arrived = time.perf_counter()
        await slots.acquire()
        waited = (time.perf_counter() - arrived) * 1000
        held = True

        def give_back() -> None:
            nonlocal held
            if held:
                held = False
                slots.release()

        timer = asyncio.get_running_loop().call_later(self.slice_seconds, give_back)

        async def send_with_wait(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = _with_headers(message, [(b"x-queue-time", f"{waited:.1f}".encode())])
            await send(message)

        try:
            await self.app(scope, receive, send_with_wait)
        finally:
            timer.cancel()
            give_back()


class TimeLimit:
    """Gives each request `seconds` of app time from its admission; the database
    connections stop a query running past it (see `time_limit`)."""

    def __init__(self, app: ASGIApp, seconds: float | None) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.seconds is None:
            await self.app(scope, receive, send)
            return
        with deadline(self.seconds):
            await self.app(scope, receive, send)


# The pages run no script at all and load only their own stylesheet.
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# JSON is data, never a document to render.
API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
# Swagger UI: its own script and stylesheet from this server, its icons as data: images, the schema fetched from here.
DOCS_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def security_headers(policy: str) -> dict[str, str]:
    """The headers every response carries, with `policy` as its Content-Security-Policy."""
    return {
        "content-security-policy": policy,
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        # Search words are in the URL: a click through to a news site must not carry them there.
        "referrer-policy": "no-referrer",
    }


def _policy_for(path: str) -> str:
    if path == "/api" or path.startswith(("/api/", "/openapi")):
        return API_POLICY
    return PAGE_POLICY


class SecurityHeaders:
    """Adds `security_headers` to every response that does not set them itself
    (the API docs page sets its own Content-Security-Policy)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        wanted = security_headers(_policy_for(scope.get("path", "")))

        def add_headers(message: Message) -> Message:
            present = {name.decode("latin-1").lower() for name, _ in message.get("headers", [])}
            extra = [(name.encode(), value.encode()) for name, value in wanted.items() if name not in present]
            return _with_headers(message, extra)

        await _editing_response_start(self.app, scope, receive, send, add_headers)
