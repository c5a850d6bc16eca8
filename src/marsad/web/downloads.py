"""A result set to take away: the records of a search as CSV, JSON Lines or Parquet, and
Atom feeds of the newest matches of a search or of a name, for feed readers.

Downloads are bounded (`EXPORT_MAX` records, best first or newest first as the search
page sorts) and CSV and JSON Lines are streamed a batch of records at a time; a Parquet
file is written whole (its footer comes last) from the same bounded set. The whole
archive, or more, is `marsad export`'s job.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree

from marsad.records import Record
from marsad.store.base import Archive, SearchFilters
from marsad.store.search import Query

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_MAX",
    "FEED_ENTRIES",
    "atom_feed",
    "csv_lines",
    "jsonl_lines",
    "matching_rowids",
    "parquet_bytes",
]

EXPORT_MAX = 2000
FEED_ENTRIES = 50
_BATCH = 200
ATOM = "http://www.w3.org/2005/Atom"
CSV_COLUMNS = (
    "id", "published", "source", "category", "title", "url", "cluster",
    "people", "places", "organisations", "body",
)  # fmt: skip
_NAMES = {"people": "PER", "places": "LOC", "organisations": "ORG"}


def matching_rowids(
    archive: Archive, query: Query | None, filters: SearchFilters, *, by_date: bool, limit: int
) -> list[int]:
    return archive.ranked_rowids(query, filters, by_date=by_date or query is None, limit=limit)


def _records(archive: Archive, rowids: list[int]) -> Iterator[Record]:
    for start in range(0, len(rowids), _BATCH):
        yield from archive.iter_records(rowids[start : start + _BATCH])


def _names(record: Record, kind: str) -> str:
    seen: dict[str, None] = {}
    for span in record.entities:
        if span.get("type") == kind:
            seen.setdefault(str(span.get("canonical") or span.get("text") or ""), None)
    return " | ".join(name for name in seen if name)


def csv_row(record: Record) -> list[str]:
    values: dict[str, Any] = {
        "id": record.id,
        "published": record.published or "",
        "source": record.source or "",
        "category": record.category or "",
        "title": record.title or "",
        "url": record.url or "",
        "cluster": record.cluster or "",
        "body": "\n".join(record.body),
    }
    for column, kind in _NAMES.items():
        values[column] = _names(record, kind)
    return [values[column] for column in CSV_COLUMNS]


def csv_lines(archive: Archive, rowids: list[int]) -> Iterator[str]:
    """The records as CSV (a header, then one row each), with a byte order mark so that
    spreadsheet programs read the Arabic as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(CSV_COLUMNS)
    for number, record in enumerate(_records(archive, rowids), 1):
        writer.writerow(csv_row(record))
        if number % _BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(archive: Archive, rowids: list[int]) -> Iterator[str]:
    """The records as `marsad extract` writes them, one JSON object a line."""
    for record in _records(archive, rowids):
        yield json.dumps(record.to_dict(), ensure_ascii=False) + "\n"


def parquet_bytes(archive: Archive, rowids: list[int]) -> bytes:
    import tempfile
    from pathlib import Path

    from marsad.commands.export import write_parquet

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.parquet"
        write_parquet(_records(archive, rowids), str(path))
        return path.read_bytes()


def atom_feed(archive: Archive, rowids: list[int], *, title: str, self_url: str, base: str) -> bytes:
    """An Atom feed of the records (newest first), each entry linking to its page at `base`."""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "ar"})
    records = list(_records(archive, rowids))
    _text(feed, "title", title)
    _text(feed, "id", self_url)
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": self_url})
    newest = max((_stamp(record.published) for record in records if record.published), default="1970-01-01T00:00:00Z")
    _text(feed, "updated", newest)
    _text(ElementTree.SubElement(feed, f"{{{ATOM}}}author"), "name", "marsad")
    for record in records:
        entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
        page = f"{base}/articles/{quote(record.id, safe='')}"
        _text(entry, "title", record.title or record.id)
        _text(entry, "id", page)
        ElementTree.SubElement(entry, f"{{{ATOM}}}link", {"href": page})
        if record.url and record.url.startswith(("http://", "https://")):
            ElementTree.SubElement(entry, f"{{{ATOM}}}link", {"rel": "via", "href": record.url})
        _text(entry, "updated", _stamp(record.published) if record.published else newest)
        if record.source:
            _text(ElementTree.SubElement(entry, f"{{{ATOM}}}author"), "name", record.source)
        if record.body:
            _text(entry, "summary", record.body[0][:600])
    body: bytes = ElementTree.tostring(feed, encoding="utf-8")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body


def _text(parent: ElementTree.Element, tag: str, value: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}").text = value


def _stamp(published: str | None) -> str:
    """An RFC 3339 time for Atom: a bare day is that day at midnight UTC."""
    value = (published or "")[:19]
    if len(value) == len("2015-08-10"):
        return value + "T00:00:00Z"
    return value.replace(" ", "T") + ("Z" if len(value) == len("2015-08-10T12:00:00") else "")
