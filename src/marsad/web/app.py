"""The application: FastAPI with the pages, the JSON API, the static files, the
`Server-Timing` header on every response and errors in the caller's format."""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad import __version__
from marsad.store.base import Archive
from marsad.store.browse import ArchiveBrowser, open_read_only
from marsad.web import api, pages
from marsad.web.params import WebError

__all__ = ["ServerTiming", "create_app"]


class ServerTiming:
    """Adds `Server-Timing: app;dur=<ms>`: the time from the request's arrival in
    the app to the start of its response (what the load benchmark reads)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def send_with_timing(message: Message) -> None:
            if message["type"] == "http.response.start":
                elapsed = (time.perf_counter() - started) * 1000
                headers = [
                    (name, value) for name, value in message.get("headers", []) if name.lower() != b"server-timing"
                ]
                headers.append((b"server-timing", f"app;dur={elapsed:.1f}".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_timing)


class Admission:
    """Lets at most `limit` requests into the app at once; the others wait here, in
    arrival order. Python threads share one interpreter lock, so forty requests
    worked on at once each take forty times longer; a few at a time finish sooner,
    and the queue is what the client sees of a busy server. The wait is reported
    as `X-Queue-Time` (ms), outside `Server-Timing`, which is the app's own time."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self._slots: asyncio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limit)
        arrived = time.perf_counter()
        async with self._slots:
            waited = (time.perf_counter() - arrived) * 1000

            async def send_with_wait(message: Message) -> None:
                if message["type"] == "http.response.start":
                    headers = [*message.get("headers", []), (b"x-queue-time", f"{waited:.1f}".encode())]
                    message = {**message, "headers": headers}
                await send(message)

            await self.app(scope, receive, send_with_wait)


def _opener(db: str, read_only: bool) -> Any:
    if read_only:
        return lambda: open_read_only(db)

    def open_writable() -> Archive:
        from marsad.store import open_archive

        return open_archive(db)

    return open_writable


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith(("/api/", "/openapi"))


_MESSAGES = {
    404: "الصفحة غير موجودة",
    405: "هذه الطريقة غير مسموح بها هنا",
    400: "طلب غير صالح",
    422: "معامل غير صالح",
    500: "خطأ داخلي في الخادم",
}


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    # A search the parser refused comes back in a search box, to be fixed rather than retyped.
    asked = request.query_params.get("q") if request.url.path == "/" else None
    return pages.render(
        request,
        "error.html",
        status=status,
        status_code=status,
        title=_MESSAGES.get(status, "خطأ"),
        message=message,
        asked=asked[:200] if asked else None,
    )


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("query", "path"))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else str(item.get("msg", "invalid")))
    return "; ".join(parts) or "invalid parameters"


# `marsad serve --workers N`: each worker process builds its app from these settings.
SERVE_SETTINGS = "MARSAD_SERVE_SETTINGS"


def app_from_environment() -> FastAPI:
    """The app of one `marsad serve --workers N` worker (an ASGI factory uvicorn imports by name)."""
    settings = json.loads(os.environ[SERVE_SETTINGS])
    return create_app(settings["db"], read_only=settings["read_only"], concurrency=settings["concurrency"])


def create_app(db: str, *, read_only: bool = True, concurrency: int | None = None) -> FastAPI:
    """The web application over the archive at `db` (a SQLite path or a postgresql:// URL).
    Read-only by default: SQLite is opened with `mode=ro`, PostgreSQL in read-only sessions.
    `concurrency`: requests worked on at once. One by default: the work is mostly
    Python, which runs one thread at a time, so on the load benchmark (50 clients,
    2 cores) one at a time served as many requests per second as two and halved
    each one's time."""
    browser = ArchiveBrowser(_opener(db, read_only), cache_size=256)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        browser.close()

    app = FastAPI(
        title="marsad",
        version=__version__,
        description="The archive of marsad (مرصد): search, records, entities, quotes and near-duplicate stories.",
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.browser = browser
    app.state.templates = pages.template_environment()
    app.state.read_only = read_only

    @app.exception_handler(WebError)
    async def on_web_error(request: Request, error: WebError) -> Response:
        return _error(request, error.status, error.message)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = error.detail if isinstance(error.detail, str) else _MESSAGES.get(error.status_code, "error")
        response = _error(request, error.status_code, message)
        for name, value in (error.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, error: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(error))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, _error_: Exception) -> Response:
        return _error(request, 500, "internal server error")

    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("marsad.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(ServerTiming)
    # Added last, so it is outermost: a request's wait for a slot is not app time.
    app.add_middleware(Admission, limit=concurrency or 1)
    return app
