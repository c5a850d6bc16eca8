"""`marsad ingest`: pages in, archive updated (extraction, enrichment, clusters)."""

from __future__ import annotations

import functools
import itertools
import sqlite3
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import click

from marsad.commands.common import (
    ErrorLog,
    cluster_threshold_option,
    count_pages,
    field_option,
    ner_option,
    page_timeout_option,
    source_names_option,
)
from marsad.errors import MarsadError
from marsad.progress import on_terminal, progress
from marsad.records import Page, Record
from marsad.store.base import Archive
from marsad.store.lock import IngestLocked

if TYPE_CHECKING:
    from marsad.extraction import ExtractOptions
    from marsad.store.ingest import IngestOptions, IngestStats

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


# Raw pages (HTML included) held to learn per-source chrome before the first is stored.
TEMPLATE_WINDOW = 2_000


def _extractor(options: ExtractOptions) -> Callable[[Page], list[Record]]:
    from marsad.extraction import extract_page

    # A partial of a module-level function, so that worker processes can receive it.
    return functools.partial(extract_page, options=options)


@click.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--batch-size", default=200, show_default=True, type=click.IntRange(1), help="Pages per commit.")
@cluster_threshold_option
@click.option("--no-clusters", is_flag=True, help="Skip near-duplicate clustering.")
@click.option("--no-events", is_flag=True, help="Skip grouping records into events across outlets.")
@click.option("--enrich/--no-enrich", default=True, show_default=True, help="Fill entities, quotes, dates, quantities.")
@click.option(
    "--templates/--no-templates",
    default=True,
    show_default=True,
    help=f"Learn per-source chrome from lines that recur across the first {TEMPLATE_WINDOW:,} pages.",
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Processes extracting pages; this process stores them, in input order.",
)
@page_timeout_option
@ner_option
@field_option
@click.option(
    "--lock-timeout",
    type=click.FloatRange(0),
    default=None,
    help="Seconds to wait while another ingest holds the archive, then give up (default: wait until it ends).",
)
@source_names_option
@click.option("--strict", is_flag=True, help="Exit non-zero if any page could not be read or stored.")
def ingest_command(
    paths: tuple[str, ...],
    db: str,
    batch_size: int,
    cluster_threshold: float,
    no_clusters: bool,
    no_events: bool,
    enrich: bool,
    templates: bool,
    workers: int,
    page_timeout: float | None,
    fields: tuple[tuple[str, str], ...],
    lock_timeout: float | None,
    source_names: dict[str, str],
    strict: bool,
) -> None:
    """Extract and store PATHS (what `marsad extract` reads) in the archive.

    PATHS may also be the output folder (or `.parquet` shards) of `marsad run`:
    its records are stored as they are, without extracting again, and
    clustered against the archive. Unchanged pages are skipped, changed ones
    replace their old version, and an interrupted run resumes where its last
    committed batch ended. One ingest at a time writes to an archive: a second
    one waits for the first to finish."""
    from marsad.extraction import ExtractOptions
    from marsad.pipeline.run_output import is_run_output
    from marsad.store.ingest import IngestOptions

    errors = ErrorLog()
    options = IngestOptions(
        batch_size=batch_size,
        cluster_threshold=cluster_threshold,
        cluster=not no_clusters,
        events=not no_events,
        lock_timeout=lock_timeout,
    )
    with open_archive_or_exit(db) as archive:
        archive.set_source_names(source_names)
        for extracted, group in itertools.groupby(paths, key=is_run_output):
            extract_options = ExtractOptions(enrich=enrich, page_timeout=page_timeout)
            try:
                stats = _ingest_group(
                    archive, tuple(group), extracted, extract_options, templates, workers, options, errors, fields
                )
            except IngestLocked as error:
                raise click.ClickException(str(error)) from None
            click.echo(f"marsad: {stats.summary()} -> {archive.display_name()}", err=True)
    if errors.warnings:
        click.echo(
            f"marsad: {errors.warnings} warnings (see above): those pages were stored without the field", err=True
        )
    if errors.count and strict:
        sys.exit(1)


def _ingest_group(
    archive: Archive,
    paths: tuple[str, ...],
    extracted: bool,
    extract_options: ExtractOptions,
    templates: bool,
    workers: int,
    options: IngestOptions,
    errors: ErrorLog,
    fields: tuple[tuple[str, str], ...] = (),
) -> IngestStats:
    from marsad.store.ingest import ingest_extracted, ingest_pages

    if extracted:
        from marsad.pipeline.run_output import iter_extracted_pages

        found = progress(iter_extracted_pages(paths, errors), desc="ingest")
        return ingest_extracted(archive, found, on_error=errors, options=options, on_wait=_say)
    from marsad.readers import iter_pages
    from marsad.readers.options import ReadLimits, ReadStats

    total = count_pages(paths) if on_terminal() else None
    limits = ReadLimits(fields=fields)
    read = ReadStats()
    pages: Iterable[Page] = progress(
        iter_pages(paths, on_error=errors, limits=limits, stats=read),
        desc="ingest",
        total=total,
        position=lambda: read.consumed,
    )
    if templates:
        from marsad.pipeline.steps import learn_templates_from_pages

        pages = learn_templates_from_pages(pages, extract_options, TEMPLATE_WINDOW)
    from marsad.extraction import extract_pages

    extract = _extractor(extract_options)
    # (a partial of a module-level function, so that worker processes can receive it)
    window = functools.partial(extract_pages, options=extract_options)
    return ingest_pages(
        archive, pages, extract, on_error=errors, options=options, workers=workers, on_wait=_say, extract_window=window
    )


def _say(message: str) -> None:
    click.echo(message, err=True)
