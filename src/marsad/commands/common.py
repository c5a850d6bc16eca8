"""What several commands share: reporting bad input, counting pages for progress, shared options."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from marsad.budget import DEFAULT_PAGE_TIMEOUT
from marsad.cluster.index import DEFAULT_THRESHOLD
from marsad.errors import InputError, MarsadError

if TYPE_CHECKING:
    from marsad.store.browse import ArchiveBrowser

cluster_threshold_option = click.option(
    "--cluster-threshold",
    default=DEFAULT_THRESHOLD,
    show_default=True,
    type=click.FloatRange(0.05, 1.0),
    help="Estimated Jaccard similarity (of 3-word shingles) from which two records are the same story.",
)


def _timeout_or_none(ctx: click.Context, param: click.Parameter, value: float) -> float | None:
    return value or None


def _field_pairs(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    from marsad.readers.jsonl import MAPPED_FIELDS

    pairs = []
    for value in values:
        ours, equals, theirs = value.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if not equals or not theirs or ours not in MAPPED_FIELDS:
            raise click.BadParameter(
                f"{value!r}: expected OURS=THEIRS with OURS one of {', '.join(MAPPED_FIELDS)}", param_hint="--field"
            )
        pairs.append((ours, theirs))
    return tuple(pairs)


field_option = click.option(
    "--field",
    "fields",
    multiple=True,
    callback=_field_pairs,
    metavar="OURS=THEIRS",
    help="A JSON Lines dump's name for one of our fields, e.g. --field published=date_extracted "
    "--field source=country (repeatable).",
)

page_timeout_option = click.option(
    "--page-timeout",
    default=DEFAULT_PAGE_TIMEOUT,
    show_default=True,
    type=click.FloatRange(0),
    callback=_timeout_or_none,
    help="Seconds one page may take to extract and enrich; a page over it is reported and skipped (0: no limit).",
)


def require_archive(db: str) -> None:
    """A usage error, saying how to make one, when `db` names a SQLite file that is not there."""
    if not db.startswith(("postgresql://", "postgres://")) and not os.path.exists(db):
        raise click.UsageError(f"no archive at {db}; create it with `marsad ingest PATH --db {db}`")


def open_browser_or_exit(db: str) -> ArchiveBrowser:
    """The archive at `db`, read-only, for the read queries the web UI also uses; a clear
    error (never a traceback) when it is missing or not an archive."""
    import sqlite3

    from marsad.store.browse import ArchiveBrowser, open_read_only

    require_archive(db)
    try:
        return ArchiveBrowser(lambda: open_read_only(db))
    except MarsadError as error:
        raise click.ClickException(str(error)) from None
    except sqlite3.Error as error:
        raise click.ClickException(f"cannot open {db} as a marsad archive: {error}") from None


class ErrorLog:
    """Reports each input that could not be read, extracted, written or stored (or only in
    part), as it is found, and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: InputError) -> None:
        self.count += 1
        stage = f" [{error.stage}]" if error.stage else ""
        click.echo(f"marsad: skipped {error.origin}{stage}: {error.message}", err=True)


def count_pages(paths: Iterable[str]) -> int | None:
    """How many pages the inputs hold, cheaply, for the progress bar's ETA (None if unknown)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            total += sum(len(files) for _, _, files in os.walk(path))
        elif path.endswith((".jsonl", ".jsonl.gz")):
            opener = gzip.open if path.endswith(".gz") else open
            try:
                with opener(path, "rb") as handle:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
            except (OSError, EOFError):
                return None
        elif path.endswith((".warc", ".warc.gz", ".wet", ".wet.gz")):
            return None
        else:
            total += 1
    return total
