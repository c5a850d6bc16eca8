"""`marsad export`: the archive (or a query's results) as JSON Lines or Parquet."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from typing import Any

import click

from marsad.commands.common import require_archive
from marsad.commands.ingest import DEFAULT_DB, open_archive_or_exit
from marsad.errors import MarsadError
from marsad.records import Record

PARQUET_INSTALL = "pip install 'marsad[parquet]'"

# Spans are kept as JSON strings in Parquet: their fields grow as enrichment
# grows, and a fixed struct type would break older readers.
_JSON_COLUMNS = ("body", "boilerplate", "entities", "quotes", "dates", "quantities")


def _parquet_row(record: Record) -> dict[str, Any]:
    row = record.to_dict()
    for column in _JSON_COLUMNS:
        row[column] = json.dumps(row[column], ensure_ascii=False)
    return row


def write_parquet(records: Iterator[Record], path: str, batch: int = 2000) -> int:
    try:
        import pyarrow as pa
    except ImportError:
        raise click.ClickException(f"Parquet export needs pyarrow: {PARQUET_INSTALL}") from None
    from marsad.pipeline.parquet import write_batches

    fields = ["id", "parent", "source", "url", "published", "category", "title", "cluster", "origin", *_JSON_COLUMNS]
    schema = pa.schema([(name, pa.string()) for name in fields])
    return write_batches((_parquet_row(record) for record in records), path, schema, batch)


@click.command(name="export")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="jsonl", show_default=True)
@click.option("--query", "query", help="Export only the records matching this search query.")
@click.option("--limit", type=click.IntRange(1), help="At most this many records (query results: best first).")
@click.option("-o", "--output", help="Write here (required for parquet; JSON Lines go to stdout by default).")
def export_command(db: str, fmt: str, query: str | None, limit: int | None, output: str | None) -> None:
    """Export the archive's records (all, or those matching --query) in the record format of `marsad extract`."""
    from marsad.store import SearchFilters
    from marsad.store.search import parse_query

    if fmt == "parquet" and not output:
        raise click.UsageError("parquet needs -o FILE")
    require_archive(db)
    try:
        parsed = parse_query(query) if query else None
    except MarsadError as error:
        raise click.UsageError(f"bad query: {error}") from None
    with open_archive_or_exit(db) as archive:
        if parsed is not None:
            hits = archive.search(parsed, SearchFilters(), limit or 1_000_000_000)
            records = archive.iter_records([hit.rowid for hit in hits])
        else:
            records = _limited(archive.iter_records(), limit)
        if fmt == "parquet":
            assert output is not None
            written = write_parquet(records, output)
        else:
            with contextlib.ExitStack() as stack:
                out = stack.enter_context(open(output, "w", encoding="utf-8")) if output else sys.stdout
                written = 0
                for record in records:
                    out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
                    written += 1
    click.echo(f"marsad: exported {written} records", err=True)


def _limited(records: Iterator[Record], limit: int | None) -> Iterator[Record]:
    for count, record in enumerate(records):
        if limit is not None and count >= limit:
            return
        yield record
