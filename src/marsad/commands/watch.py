"""`marsad watch`: crawl feeds on a schedule, store what is new, write saved searches' new matches."""

from __future__ import annotations

import functools
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from marsad.commands.crawl import read_url_list
from marsad.commands.ingest import DEFAULT_DB, open_archive_or_exit

if TYPE_CHECKING:
    from marsad.store.base import Archive

_INSTALL = "pip install 'marsad[crawl]'"


@click.command(name="watch")
@click.option(
    "--feeds",
    "feeds_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="RSS/Atom feed URLs, one a line (# comments).",
)
@click.option(
    "--searches",
    "searches_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Saved searches, `NAME: QUERY` a line (# comments).",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for NAME.jsonl, NAME.atom, the WARC files and the watch's state.",
)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option(
    "--interval",
    default=900.0,
    show_default=True,
    type=click.FloatRange(min=1),
    help="Seconds from the start of one cycle to the start of the next.",
)
@click.option("--cycles", type=click.IntRange(1), default=None, help="Stop after this many cycles (default: never).")
@click.option(
    "--rate", default=1.0, show_default=True, type=click.FloatRange(min=0, min_open=True), help="Requests/s per host."
)
@click.option(
    "--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0, min_open=True), help="Seconds a request."
)
@click.option(
    "--base-url",
    default="http://127.0.0.1:8000",
    show_default=True,
    help="Where `marsad serve` answers: the feeds' entries link to its article pages.",
)
def watch_command(
    feeds_file: Path,
    searches_file: Path,
    out: Path,
    db: str,
    interval: float,
    cycles: int | None,
    rate: float,
    timeout: float,
    base_url: str,
) -> None:
    """Crawl the feeds every --interval seconds, ingest the new pages, and for each saved
    search append its new matches to OUT/NAME.jsonl and rewrite OUT/NAME.atom.

    Polite as `marsad crawl` (robots.txt, a rate per host, conditional GETs kept between
    cycles in OUT/crawl-state.json); what each search has seen is kept in
    OUT/watch-state.json, so a watch stopped and started again writes each match once.
    A new saved search starts with the pages stored after it was added."""
    try:
        from marsad.crawl import CrawlOptions, FetchOptions
    except ImportError as error:
        raise click.ClickException(f"marsad watch needs {error.name}: {_INSTALL}") from None
    from marsad.errors import MarsadError
    from marsad.watch import read_searches, watch_cycle

    feeds = read_url_list(feeds_file)
    try:
        searches = read_searches(searches_file)
    except MarsadError as error:
        raise click.ClickException(str(error)) from None
    out.mkdir(parents=True, exist_ok=True)
    options = CrawlOptions(rate=rate, fetch=FetchOptions(timeout=timeout))
    done = 0
    try:
        while True:
            started = time.monotonic()
            with open_archive_or_exit(db) as archive:
                try:
                    cycle = watch_cycle(
                        archive,
                        feeds,
                        searches,
                        out,
                        crawl_options=options,
                        base_url=base_url.rstrip("/"),
                        report=lambda line: click.echo(f"marsad watch: {line}", err=True),
                        ingest=functools.partial(_ingest, archive=archive),
                    )
                except MarsadError as error:
                    raise click.ClickException(str(error)) from None
            done += 1
            click.echo(f"marsad watch: cycle {done}: {cycle.line()}", err=True)
            if cycles is not None and done >= cycles:
                return
            time.sleep(max(0.0, interval - (time.monotonic() - started)))
    except KeyboardInterrupt:
        click.echo(f"marsad watch: stopped after {done} cycles", err=True)
        raise SystemExit(130) from None


def _ingest(warc: Path, archive: Archive) -> int:
    from marsad.budget import DEFAULT_PAGE_TIMEOUT
    from marsad.commands.common import ErrorLog
    from marsad.extraction import ExtractOptions, extract_page
    from marsad.readers import iter_pages
    from marsad.store.ingest import ingest_pages

    errors = ErrorLog()
    options = ExtractOptions(enrich=True, page_timeout=DEFAULT_PAGE_TIMEOUT)
    stats = ingest_pages(
        archive, iter_pages([str(warc)], on_error=errors), lambda page: extract_page(page, options), on_error=errors
    )
    return stats.stored
