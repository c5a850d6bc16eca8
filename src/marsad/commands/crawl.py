"""`marsad crawl`: feeds and sitemaps in, a WARC file of the article pages out (and optionally the archive)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from marsad.commands.ingest import DEFAULT_DB
from marsad.progress import on_terminal

if TYPE_CHECKING:
    from tqdm import tqdm

    from marsad.crawl import ConditionalState, CrawlOptions, CrawlStats, WarcFile

_INSTALL = "pip install 'marsad[crawl]'"


def read_url_list(path: Path) -> list[str]:
    """The URLs of a list file: one per line, blank lines and `#` comments ignored; a bad line is an error."""
    from marsad.crawl.canonical import clean_url

    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise click.ClickException(f"cannot read {path}: {error}") from None
    urls: list[str] = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url = line.split(" #", 1)[0].strip()
        if clean_url(url) is None or not url.lower().startswith(("http://", "https://")):
            raise click.ClickException(f"{path}:{number}: not an http(s) URL: {url!r}")
        urls.append(url)
    return urls


@click.command(name="crawl")
@click.option(
    "--feeds",
    "feeds_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="RSS/Atom feed URLs, one a line (# comments).",
)
@click.option(
    "--sitemaps",
    "sitemaps_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Sitemap or sitemap index URLs (XML, gzipped or text), one a line.",
)
@click.option(
    "--sites",
    "sites_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Site URLs, one a line: the sitemaps each lists in its robots.txt (else its /sitemap.xml) are crawled.",
)
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The WARC file to write (.warc.gz)."
)
@click.option("--ingest", is_flag=True, help="Also extract the fetched pages and store them in the archive.")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="With --ingest: SQLite file or postgresql:// URL.")
@click.option(
    "--rate", default=1.0, show_default=True, type=click.FloatRange(min=0, min_open=True), help="Requests/s per host."
)
@click.option("--concurrency", default=8, show_default=True, type=click.IntRange(1), help="Hosts crawled at once.")
@click.option(
    "--max-bytes", default=10 * 1024 * 1024, show_default=True, type=click.IntRange(1), help="Size cap per page."
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds per request, to the last byte.",
)
@click.option("--retries", default=3, show_default=True, type=click.IntRange(0), help="Retries of a transient failure.")
@click.option(
    "--backoff", default=1.0, show_default=True, type=click.FloatRange(min=0), help="Seconds before the first retry."
)
@click.option("--max-redirects", default=5, show_default=True, type=click.IntRange(0), help="Redirect hops per URL.")
@click.option(
    "--state",
    "state_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON file of ETag/Last-Modified kept between crawls (conditional GET).",
)
def crawl_command(
    feeds_file: Path | None,
    sitemaps_file: Path | None,
    sites_file: Path | None,
    out: Path,
    ingest: bool,
    db: str,
    rate: float,
    concurrency: int,
    max_bytes: int,
    timeout: float,
    retries: int,
    backoff: float,
    max_redirects: int,
    state_file: Path | None,
) -> None:
    """Fetch the articles that RSS/Atom feeds and sitemaps link to, politely, into a WARC file.
    A site given with --sites is crawled through the sitemaps its robots.txt lists.

    robots.txt is obeyed (user agent `marsad`), requests to one host never exceed
    --rate, transient failures (5xx, 429, timeouts) are retried with backoff, and
    each page is written once however many URLs lead to it. With --state, the
    next crawl sends If-None-Match/If-Modified-Since and skips unchanged pages.
    The WARC file replays with `marsad extract` and `marsad run`."""
    if feeds_file is None and sitemaps_file is None and sites_file is None:
        raise click.UsageError("give --feeds FILE, --sitemaps FILE, --sites FILE, or several")
    if out.exists():
        raise click.ClickException(f"{out} exists; a crawl writes a new WARC file (choose another --out)")
    try:
        from marsad.crawl import ConditionalState, CrawlOptions, FetchOptions, WarcFile
    except ImportError as error:
        raise click.ClickException(f"marsad crawl needs {error.name}: {_INSTALL}") from None
    from marsad.errors import MarsadError

    feeds = read_url_list(feeds_file) if feeds_file else []
    sitemaps = read_url_list(sitemaps_file) if sitemaps_file else []
    sites = read_url_list(sites_file) if sites_file else []
    try:
        state = ConditionalState(state_file)
    except MarsadError as error:
        raise click.ClickException(str(error)) from None
    options = CrawlOptions(
        rate=rate,
        concurrency=concurrency,
        max_bytes=max_bytes,
        max_redirects=max_redirects,
        fetch=FetchOptions(timeout=timeout, retries=retries, backoff=backoff),
    )
    try:
        described = f"{len(feeds)} feeds, {len(sitemaps)} sitemaps and {len(sites)} sites"
        warc = WarcFile(out, description=f"marsad crawl of {described}")
    except OSError as error:
        raise click.ClickException(f"cannot write {out}: {error.strerror or error}") from None
    with warc:
        try:
            stats = _run(options, warc, state, feeds, sitemaps, sites)
        finally:
            state.save()
    click.echo(f"marsad crawl: {stats.summary()} -> {out}", err=True)
    if ingest and stats.fetched:
        _ingest(out, db)
    if stats.feeds + stats.sitemaps == 0:
        # Nothing to crawl from is a broken setup (a moved feed, a dead host), not an empty news day.
        raise click.ClickException("no feed or sitemap could be read")


def _run(
    options: CrawlOptions,
    warc: WarcFile,
    state: ConditionalState,
    feeds: list[str],
    sitemaps: list[str],
    sites: list[str],
) -> CrawlStats:
    from marsad.crawl import Crawler

    bar = _progress_bar()
    report: Callable[[str], None] = (
        (lambda line: bar.write(f"marsad crawl: {line}", file=sys.stderr))
        if bar is not None
        else (lambda line: click.echo(f"marsad crawl: {line}", err=True))
    )
    crawler = Crawler(
        options,
        warc,
        state,
        report=report,
        on_page_done=(lambda stats: bar.update(1)) if bar is not None else None,
        on_discovered=(lambda count: _grow(bar, count)) if bar is not None else None,
    )
    try:
        return asyncio.run(crawler.run(feeds, sitemaps, sites))
    except KeyboardInterrupt:
        click.echo(f"marsad crawl: interrupted; {crawler.stats.summary()}", err=True)
        raise SystemExit(130) from None
    finally:
        if bar is not None:
            bar.close()


def _progress_bar() -> tqdm[object] | None:
    if not on_terminal():
        return None
    import shutil

    from tqdm import tqdm

    # As in marsad.progress: a terminal that reports no size (a bare pty) would get an empty bar.
    size = shutil.get_terminal_size(fallback=(100, 24))
    return tqdm(total=0, desc="crawl", unit="page", file=sys.stderr, ncols=size.columns or 100, nrows=size.lines or 24)


def _grow(bar: tqdm[object], count: int) -> None:
    bar.total = (bar.total or 0) + count
    bar.refresh()


def _ingest(warc_path: Path, db: str) -> None:
    """Store the crawl's pages exactly as `marsad ingest WARC --db DB` would."""
    from marsad.budget import DEFAULT_PAGE_TIMEOUT
    from marsad.commands.common import ErrorLog
    from marsad.commands.ingest import open_archive_or_exit
    from marsad.extraction import ExtractOptions, extract_page
    from marsad.progress import progress
    from marsad.readers import iter_pages
    from marsad.records import Page, Record
    from marsad.store.ingest import ingest_pages

    options = ExtractOptions(enrich=True, page_timeout=DEFAULT_PAGE_TIMEOUT)

    def extract(page: Page) -> list[Record]:
        return extract_page(page, options)

    errors = ErrorLog()
    with open_archive_or_exit(db) as archive:
        pages = progress(iter_pages([str(warc_path)], on_error=errors), desc="ingest")
        stats = ingest_pages(archive, pages, extract, on_error=errors)
    click.echo(f"marsad crawl: ingested {stats.summary()} -> {db}", err=True)
