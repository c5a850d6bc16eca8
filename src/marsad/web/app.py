"""The application: FastAPI with the pages, the JSON API and its docs, the static
files, the layers of `middleware` around them, and errors in the caller's format."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.store.base import Archive
from marsad.store.browse import ArchiveBrowser, open_read_only
from marsad.web import api, docs, pages
from marsad.web.middleware import (
    API_POLICY,
    PAGE_POLICY,
    Admission,
    SecurityHeaders,
    ServerTiming,
    TimeLimit,
    security_headers,
)
from marsad.web.params import WebError, arabic_name
from marsad.web.time_limit import DEFAULT_TIME_LIMIT, is_time_limit_error, limit_archive

__all__ = ["Admission", "ServerTiming", "create_app"]


def _opener(db: str, read_only: bool, time_limit: float | None) -> Any:
    def open_for_requests() -> Archive:
        if read_only:
            archive = open_read_only(db)
        else:
            from marsad.store import open_archive

            archive = open_archive(db)
        return archive if time_limit is None else limit_archive(archive, time_limit)

    return open_for_requests


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith(("/api/", "/openapi"))


_MESSAGES = {
    404: "الصفحة غير موجودة",
    405: "هذه الطريقة غير مسموح بها هنا",
    400: "طلب غير صالح",
    422: "معامل غير صالح",
    500: "خطأ داخلي في الخادم",
    503: "تجاوز الطلب المهلة المحددة",
}


# What a page says when the error brought no Arabic message of its own.
_PAGE_MESSAGES = {
    400: "الطلب غير صالح.",
    404: "لم يُعثر على هذه الصفحة في الأرشيف.",
    405: "هذا العنوان لا يقبل هذا النوع من الطلبات.",
    422: "في الرابط قيمة غير صالحة.",
    500: "حدث خطأ في الخادم؛ أعد المحاولة بعد قليل.",
}


def _error(
    request: Request, status: int, message: str, page_message: str | None = None, *, hint: bool = False
) -> Response:
    """The error in the caller's format: JSON under /api, else an Arabic page
    (`page_message` when there is one, else the status's own; never English). With `hint`
    (a query to fix) the page gives the search box back with the query in it. Its own
    security headers: a crash's answer is sent from outside the middleware that adds them."""
    if _wants_json(request):
        response: Response = JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
        response.headers.update(security_headers(API_POLICY))
        return response
    # A search refused or stopped comes back in a search box, to be fixed rather than retyped.
    asked = request.query_params.get("q") if hint and request.url.path == "/" else None
    response = pages.render(
        request,
        "error.html",
        status=status,
        status_code=status,
        title=_MESSAGES.get(status, "خطأ"),
        message=page_message or _PAGE_MESSAGES.get(status, "تعذّر إتمام الطلب."),
        asked=asked[:200] if asked else None,
    )
    response.headers.update(security_headers(PAGE_POLICY))
    return response


def _too_slow(request: Request, seconds: float | None) -> Response:
    limit = f"{seconds:g}" if seconds else "?"
    return _error(
        request,
        503,
        f"the request ran past the server's time limit of {limit} s and was stopped; "
        "narrow the search: rarer words, a phrase, a source or a date range",
        f"استغرق هذا الطلب أكثر من المهلة المحددة ({limit} ث) فأُوقف. "
        "ضيّق البحث: كلمات أندر، أو عبارة بين علامتي تنصيص، أو مصدر، أو فترة زمنية.",
        hint=True,
    )


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("query", "path"))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else str(item.get("msg", "invalid")))
    return "; ".join(parts) or "invalid parameters"


def _validation_arabic(error: RequestValidationError) -> str:
    """The same, in Arabic, for the pages: which parameter, and what it must be."""
    parts = []
    for item in error.errors():
        names = [str(part) for part in item.get("loc", ()) if part not in ("query", "path")]
        name = arabic_name(names[0]) if names else "قيمة"
        kind = str(item.get("type", ""))
        context = item.get("ctx") or {}
        if kind == "greater_than_equal":
            parts.append(f"«{name}» يجب ألا يقل عن {context.get('ge')}")
        elif kind == "less_than_equal":
            parts.append(f"«{name}» يجب ألا يزيد على {context.get('le')}")
        elif kind.startswith(("int_", "float_")):
            parts.append(f"«{name}» يجب أن يكون عددًا")
        elif kind == "missing":
            parts.append(f"«{name}» مطلوب")
        else:
            parts.append(f"قيمة «{name}» غير صالحة")
    return "؛ ".join(parts) + "." if parts else "في الرابط قيمة غير صالحة."


# `marsad serve --workers N`: each worker process builds its app from these settings.
SERVE_SETTINGS = "MARSAD_SERVE_SETTINGS"


def app_from_environment() -> FastAPI:
    """The app of one `marsad serve --workers N` worker (an ASGI factory uvicorn imports by name)."""
    settings = json.loads(os.environ[SERVE_SETTINGS])
    return create_app(
        settings["db"],
        read_only=settings["read_only"],
        concurrency=settings["concurrency"],
        time_limit=settings.get("time_limit", DEFAULT_TIME_LIMIT),
    )


def create_app(
    db: str,
    *,
    read_only: bool = True,
    concurrency: int | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    browser: ArchiveBrowser | None = None,
) -> FastAPI:
    """The web application over the archive at `db` (a SQLite path or a postgresql:// URL).
    Read-only by default: SQLite is opened with `mode=ro`, PostgreSQL in read-only sessions.
    `concurrency`: requests worked on at once. One by default: the work is mostly
    Python, which runs one thread at a time, so on the load benchmark (50 clients,
    2 cores) one at a time served as many requests per second as two and halved
    each one's time; a request that runs long gives up its turn (`Admission`).
    `time_limit`: seconds of app time a request may take before its database
    query is stopped and it is answered with a 503; None for no limit.
    `browser`: the archive's reader, when the caller builds it (tests); else one over `db`."""
    if browser is None:
        browser = ArchiveBrowser(_opener(db, read_only, time_limit), cache_size=256)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        browser.close()

    app = FastAPI(
        title="marsad",
        version=__version__,
        description="The archive of marsad (مرصد): search, records, entities, quotes and near-duplicate stories.",
        lifespan=lifespan,
        docs_url=None,  # served by `docs`, from installed files rather than a CDN
        redoc_url=None,
    )
    app.state.browser = browser
    app.state.templates = pages.template_environment()
    app.state.templates.globals["source_label"] = browser.source_label
    app.state.read_only = read_only
    app.state.time_limit = time_limit
    app.state.swagger_ui = docs.swagger_ui_files()

    async def on_time_limit(request: Request, _error_: Exception) -> Response:
        return _too_slow(request, time_limit)

    @app.exception_handler(sqlite3.OperationalError)
    async def on_sqlite_error(request: Request, error: sqlite3.OperationalError) -> Response:
        if is_time_limit_error(error):
            return _too_slow(request, time_limit)
        raise error

    @app.exception_handler(WebError)
    async def on_web_error(request: Request, error: WebError) -> Response:
        return _error(request, error.status, error.message, error.page_message, hint=error.hint)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = error.detail if isinstance(error.detail, str) else _MESSAGES.get(error.status_code, "error")
        response = _error(request, error.status_code, message)
        for name, value in (error.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, error: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(error), _validation_arabic(error))

    if db.startswith(("postgresql://", "postgres://")):
        from psycopg.errors import QueryCanceled  # what statement_timeout raises

        app.add_exception_handler(QueryCanceled, on_time_limit)

    @app.exception_handler(Exception)
    async def on_crash(request: Request, _error_: Exception) -> Response:
        return _error(request, 500, "internal server error")

    app.include_router(api.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    if app.state.swagger_ui is not None:
        app.mount(docs.SWAGGER_STATIC, StaticFiles(directory=str(app.state.swagger_ui)), name="swagger-ui")
    static = resources.files("marsad.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(ServerTiming)
    app.add_middleware(TimeLimit, seconds=time_limit)
    # Added last, so it is outermost: a request's wait for a slot is not app time.
    app.add_middleware(Admission, limit=concurrency or 1)
    return app
