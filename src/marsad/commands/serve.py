"""`marsad serve`: the web UI and JSON API over the archive."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from typing import Any

import click

from marsad.commands.common import require_archive
from marsad.commands.ingest import DEFAULT_DB
from marsad.errors import MarsadError
from marsad.web import DEFAULT_TIME_LIMIT, WEB_INSTALL  # the package's __init__ imports nothing of the web extra


def _display_host(host: str) -> str:
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _announce(host: str, port: int, workers: int = 1) -> None:
    processes = f" ({workers} processes)" if workers > 1 else ""
    click.echo(f"marsad: serving http://{_display_host(host)}:{port}/{processes}", err=True)
    sys.stderr.flush()


def _serve_in_workers(
    db: str,
    host: str,
    port: int,
    read_write: bool,
    concurrency: int,
    workers: int,
    access_log: bool,
    time_limit: float | None,
) -> None:
    """uvicorn's supervisor: the socket is bound here, then shared by `workers` processes,
    each of which imports the app factory and reads its settings from the environment."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from marsad.web.app import SERVE_SETTINGS

    os.environ[SERVE_SETTINGS] = json.dumps(
        {"db": db, "read_only": not read_write, "concurrency": concurrency, "time_limit": time_limit}
    )
    config = uvicorn.Config(
        "marsad.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=access_log,
    )
    sock = config.bind_socket()
    # Listening now, so that requests sent before the workers are up wait in the backlog.
    sock.listen(config.backlog)
    _announce(host, sock.getsockname()[1], workers)
    Multiprocess(config, sockets=[sock]).run()


_JOINED_ABD_SCHEMA = 3
_EVENTS_SCHEMA = 4


def schema_note(db: str, version: int) -> str | None:
    """What an archive served read-only at an older schema version misses, and how to migrate it."""
    from marsad.store.browse import BROWSE_SCHEMA
    from marsad.store.schema import SQLITE_VERSION

    how = "serve it once with --read-write (on a copy you may change) to migrate it."
    if version < BROWSE_SCHEMA:
        return (
            f"{db} is at schema version {version}, before the web indexes of version {BROWSE_SCHEMA}; "
            f"it is served as it is, but entity and quote pages are slower; {how}"
        )
    if version < _JOINED_ABD_SCHEMA:
        return (
            f"{db} is at schema version {version}; version {SQLITE_VERSION} stores one entity for names "
            f"written apart or joined (عبد العزيز, عبدالعزيز); it is served as it is; {how}"
        )
    if version < _EVENTS_SCHEMA:
        return (
            f"{db} is at schema version {version}, before events across outlets (version {_EVENTS_SCHEMA}); "
            f"it is served without event and trend pages; {how} Then run `marsad events --rebuild`."
        )
    if version < SQLITE_VERSION:
        return (
            f"{db} is at schema version {version}, before the per-day counts trends read (version {SQLITE_VERSION}); "
            f"it is served without the trends page; {how}"
        )
    return None


@click.command(name="serve")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; only this machine can connect unless you give another.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option(
    "--read-write",
    is_flag=True,
    help="Open the archive writable, which applies pending schema migrations (the web indexes); "
    "the default opens it read-only.",
)
@click.option(
    "--concurrency",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Requests worked on at once; the others wait their turn in arrival order.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes sharing the port; each admits --concurrency requests at once.",
)
@click.option(
    "--time-limit",
    default=DEFAULT_TIME_LIMIT,
    show_default=True,
    type=click.FloatRange(0, 3600),
    help="Seconds a request may take before its database query is stopped and it is answered with a 503 (0: no limit).",
)
@click.option("--access-log", is_flag=True, help="Log every request on stderr.")
def serve_command(
    db: str,
    host: str,
    port: int,
    read_write: bool,
    concurrency: int,
    workers: int,
    time_limit: float,
    access_log: bool,
) -> None:
    """Serve the archive as an Arabic web UI (search, records, entities, quotes,
    stories) and a JSON API under /api (OpenAPI at /openapi.json)."""
    try:
        import uvicorn

        from marsad.web.app import create_app
    except ImportError as error:
        missing = error.name or "a web dependency"
        raise click.ClickException(f"marsad serve needs the web extra ({missing} is missing): {WEB_INSTALL}") from None
    require_archive(db)
    try:
        app = create_app(db, read_only=not read_write, concurrency=concurrency, time_limit=time_limit or None)
    except MarsadError as error:
        raise click.ClickException(str(error)) from None
    except sqlite3.Error as error:
        raise click.ClickException(f"cannot open {db} as a marsad archive: {error}") from None

    note = schema_note(db, app.state.browser.schema_version)
    if note:
        click.echo(f"marsad: note: {note}", err=True)

    if workers > 1:
        app.state.browser.close()  # opened only to check the archive; each worker opens its own
        _serve_in_workers(db, host, port, read_write, concurrency, workers, access_log, time_limit or None)
        return

    class AnnouncingServer(uvicorn.Server):
        async def startup(self, sockets: Any = None) -> None:
            await super().startup(sockets=sockets)
            if self.should_exit:
                return
            bound = port
            for server in getattr(self, "servers", []):
                for sock in server.sockets:
                    bound = sock.getsockname()[1]
            _announce(host, bound)

    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=access_log)
    AnnouncingServer(config).run()
