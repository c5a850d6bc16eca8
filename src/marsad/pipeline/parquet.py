"""Record shards as Parquet: the record contract, plus what clustering and ingest need.

Columns, one row per record:

- the contract's scalars (`id`, `parent`, `source`, `url`, `published`,
  `category`, `title`, `cluster`) and `origin` as strings;
- `body` as `list<string>` and `boilerplate` as `list<struct<text, reason>>`:
  their shape is fixed, and native lists let DuckDB, Polars or datatrove read
  paragraphs without parsing anything;
- `entities`, `quotes`, `dates`, `quantities` as JSON strings, as
  `marsad export` writes them: span fields grow with enrichment, and a fixed
  struct type would silently drop a new field;
- `page_hash`: the content hash of the page the record came from, so `marsad
  ingest` can skip a page the archive already holds unchanged;
- `text_hash`, `minhash` (128 little-endian uint32, empty for texts too short to
  compare), `word_count` and `names`: the record's near-duplicate fingerprint,
  computed once in the parallel stage and reused by the cluster stage and by
  `marsad ingest`.

Every file is written to a temporary name and renamed into place, so a reader
never sees half a shard.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.cluster.facts import Facts
from marsad.cluster.index import MIN_WORDS
from marsad.cluster.minhash import Fingerprint, signature_from_bytes
from marsad.records import Record, Removed

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "FINGERPRINT_COLUMNS",
    "ShardRow",
    "atomic_write_bytes",
    "read_records",
    "read_rows",
    "record_schema",
    "remove_orphaned_temporaries",
    "write_rows",
    "write_table",
]

_SCALARS = ("id", "parent", "source", "url", "published", "category", "title", "cluster", "origin")
_SPANS = ("entities", "quotes", "dates", "quantities")
FINGERPRINT_COLUMNS = ("id", "text_hash", "minhash", "word_count", "names")


@dataclass(slots=True)
class ShardRow:
    """One record as a shard holds it: the record, its page's content hash, its fingerprint."""

    record: Record
    page_hash: str
    fingerprint: Fingerprint


def record_schema() -> pa.Schema:
    import pyarrow as pa

    boilerplate = pa.struct([("text", pa.string()), ("reason", pa.string())])
    return pa.schema(
        [
            *[(name, pa.string()) for name in _SCALARS],
            ("body", pa.list_(pa.string())),
            ("boilerplate", pa.list_(boilerplate)),
            *[(name, pa.string()) for name in _SPANS],
            ("page_hash", pa.string()),
            ("text_hash", pa.string()),
            ("minhash", pa.binary()),
            ("word_count", pa.int32()),
            ("names", pa.list_(pa.string())),
        ]
    )


def _row(row: ShardRow) -> dict[str, Any]:
    record, found = row.record, row.fingerprint
    data: dict[str, Any] = {name: getattr(record, name) for name in _SCALARS}
    data["body"] = list(record.body)
    data["boilerplate"] = [removed.to_dict() for removed in record.boilerplate]
    for name in _SPANS:
        data[name] = json.dumps(getattr(record, name), ensure_ascii=False)
    data["page_hash"] = row.page_hash
    data["text_hash"] = found.text_hash
    data["minhash"] = found.signature_bytes() if found.words >= MIN_WORDS else b""
    data["word_count"] = found.words
    data["names"] = sorted(found.facts.names)
    return data


def _temporary(path: Path) -> Path:
    # Unique per writer: an orphaned worker of a killed run may still be writing the same shard.
    return path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")


_TEMPORARY = re.compile(r"^\..+\.(\d+)-[0-9a-f]{8}\.tmp$")


def remove_orphaned_temporaries(folder: Path) -> int:
    """Delete the temporary files of writers that died (a killed run); returns how many."""
    removed = 0
    for path in folder.glob(".*.tmp"):
        found = _TEMPORARY.match(path.name)
        if found is None or _alive(int(found.group(1))):
            continue
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def write_batches(rows: Iterable[dict[str, Any]], path: str | Path, schema: Any, batch: int) -> int:
    """Write dict rows to a zstd Parquet file `batch` at a time (an empty input still
    gets a file with the schema); returns how many were written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    written = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        pending: list[dict[str, Any]] = []
        for row in rows:
            pending.append(row)
            if len(pending) >= batch:
                writer.write_table(pa.Table.from_pylist(pending, schema=schema))
                written += len(pending)
                pending = []
        if pending or written == 0:
            writer.write_table(pa.Table.from_pylist(pending, schema=schema))
            written += len(pending)
    return written


def write_rows(rows: Iterable[ShardRow], path: Path, batch: int = 1000) -> int:
    """Write `rows` to the Parquet file `path` atomically; returns how many were written."""
    schema = record_schema()
    temporary = _temporary(path)
    written = 0
    try:
        written = write_batches((_row(row) for row in rows), temporary, schema, batch)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return written


def write_table(table: pa.Table, path: Path) -> None:
    """Write an Arrow table with the shard schema to `path` atomically."""
    import pyarrow.parquet as pq

    temporary = _temporary(path)
    try:
        pq.write_table(table, temporary, compression="zstd")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    temporary = _temporary(path)
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _record(data: dict[str, Any]) -> Record:
    return Record(
        id=data["id"],
        parent=data["parent"],
        source=data["source"],
        url=data["url"],
        published=data["published"],
        category=data["category"],
        title=data["title"],
        body=list(data["body"] or []),
        boilerplate=[Removed(item["text"], item["reason"]) for item in data["boilerplate"] or []],
        entities=json.loads(data["entities"] or "[]"),
        quotes=json.loads(data["quotes"] or "[]"),
        dates=json.loads(data["dates"] or "[]"),
        quantities=json.loads(data["quantities"] or "[]"),
        cluster=data["cluster"],
        origin=data["origin"],
    )


def _fingerprint(data: dict[str, Any]) -> Fingerprint:
    import numpy as np

    raw = data["minhash"] or b""
    signature = signature_from_bytes(raw) if raw else np.zeros(0, dtype=np.uint32)
    return Fingerprint(data["text_hash"], signature, int(data["word_count"]), Facts(frozenset(data["names"] or ())))


def read_rows(path: Path | str, batch: int = 1000) -> Iterator[ShardRow]:
    """The rows of a shard file, in order, with records exactly as they were written."""
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    for chunk in parquet.iter_batches(batch_size=batch):
        for data in chunk.to_pylist():
            yield ShardRow(_record(data), data["page_hash"], _fingerprint(data))


def read_records(path: Path | str) -> Iterator[Record]:
    """The records of a shard file, in order."""
    for row in read_rows(path):
        yield row.record
