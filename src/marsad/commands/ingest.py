"""`marsad ingest`: pages in, archive updated (extraction, enrichment, clusters)."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable

import click

from marsad.cluster.index import DEFAULT_THRESHOLD
from marsad.commands.common import ErrorLog, count_pages
from marsad.errors import MarsadError
from marsad.progress import on_terminal, progress
from marsad.records import Page, Record
from marsad.store.base import Archive

DEFAULT_DB = "marsad.db"


def open_archive_or_exit(location: str) -> Archive:
    """The archive at `location`, or a clear error (never a traceback) when it cannot be opened."""
    from marsad.store import open_archive

    try:
        return open_archive(location)
    except MarsadError as error:
        raise click.ClickException(str(error)) from None
    except sqlite3.Error as error:
        raise click.ClickException(f"cannot open {location} as a marsad archive: {error}") from None


def _extractor(enrich: bool) -> Callable[[Page], list[Record]]:
    from marsad.extraction import ExtractOptions, extract_page

    options = ExtractOptions(enrich=enrich)

    def extract(page: Page) -> list[Record]:
        return extract_page(page, options)

    return extract


@click.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--batch-size", default=200, show_default=True, type=click.IntRange(1), help="Pages per commit.")
@click.option(
    "--cluster-threshold",
    default=DEFAULT_THRESHOLD,
    show_default=True,
    type=click.FloatRange(0.05, 1.0),
    help="Estimated Jaccard similarity (of 3-word shingles) from which two records are the same story.",
)
@click.option("--no-clusters", is_flag=True, help="Skip near-duplicate clustering.")
@click.option("--enrich/--no-enrich", default=True, show_default=True, help="Fill entities, quotes, dates, quantities.")
@click.option("--strict", is_flag=True, help="Exit non-zero if any page could not be read or stored.")
def ingest_command(
    paths: tuple[str, ...],
    db: str,
    batch_size: int,
    cluster_threshold: float,
    no_clusters: bool,
    enrich: bool,
    strict: bool,
) -> None:
    """Extract and store PATHS (what `marsad extract` reads) in the archive.

    Unchanged pages are skipped, changed ones replace their old version, and an
    interrupted run resumes where its last committed batch ended."""
    from marsad.readers import iter_pages
    from marsad.store.ingest import IngestOptions, ingest_pages

    errors = ErrorLog()
    options = IngestOptions(batch_size=batch_size, cluster_threshold=cluster_threshold, cluster=not no_clusters)
    total = count_pages(paths) if on_terminal() else None
    with open_archive_or_exit(db) as archive:
        pages = progress(iter_pages(paths, on_error=errors), desc="ingest", total=total)
        stats = ingest_pages(archive, pages, _extractor(enrich), on_error=errors, options=options)
    click.echo(f"marsad: {stats.summary()} -> {db}", err=True)
    if errors.count and strict:
        sys.exit(1)
