"""Turning records into table rows and back, the same way for every backend."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from marsad.arabic.normalize import fold_for_search, join_abd
from marsad.records import Record, Removed, Span
from marsad.store.base import SearchFilters

SPAN_TABLES: tuple[str, ...] = ("entities", "quotes", "dates", "quantities")

_SPAN_COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("text", "type", "canonical", "paragraph", "start", "end"),
    "quotes": ("speaker", "text", "cue", "direct", "paragraph"),
    "dates": ("text", "value", "kind", "paragraph", "start", "end"),
    "quantities": ("text", "value", "unit", "paragraph", "start", "end"),
}


# (Schema migration 3 joins the keys stored before ``join_abd`` applied.)


def entity_key(name: str) -> str:
    """How an entity name is matched: folded, words separated by single spaces, ``عبد``
    joined to the ``ال`` name after it."""
    return join_abd(legacy_entity_key(name))


def legacy_entity_key(name: str) -> str:
    """The key of archives before schema 3 (served read-only, they are not migrated)."""
    return " ".join(fold_for_search(name).split())


def entity_keys(name: str) -> list[str]:
    """The keys `name` may be stored under, in an archive of any schema version."""
    return list(dict.fromkeys((entity_key(name), legacy_entity_key(name))))


def _column_value(table: str, column: str, span: Span) -> Any:
    value = span.get(column)
    if table == "quantities" and column == "value":
        try:
            return float(value) if value is not None else None
        except (TypeError, ValueError):
            return None
    if table == "quotes" and column == "speaker":
        # The speaker's full name, so that quotes by ``كامبل`` are found under ``أليسون كامبل``.
        return span.get("canonical") or value
    if table == "quotes" and column == "direct":
        return None if value is None else bool(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def span_rows(rowid: int, record: Record) -> list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]]:
    """(table, columns, rows) for every enrichment list of `record`; the whole span
    is kept as JSON in `data` so fields added later survive the round trip."""
    result = []
    for table in SPAN_TABLES:
        spans: list[Span] = getattr(record, table)
        if not spans:
            continue
        columns = ("record_rowid", "position", *_SPAN_COLUMNS[table])
        if table == "entities":
            columns = (*columns, "match_key")
        columns = (*columns, "data")
        values = []
        for position, span in enumerate(spans):
            row: list[Any] = [rowid, position, *(_column_value(table, c, span) for c in _SPAN_COLUMNS[table])]
            if table == "entities":
                row.append(entity_key(str(span.get("canonical") or span.get("text") or "")))
            row.append(json.dumps(span, ensure_ascii=False))
            values.append(tuple(row))
        result.append((table, columns, values))
    return result


def extra_fields(record: Record) -> dict[str, Any]:
    return {"origin": record.origin}


def record_from_row(row: Sequence[Any], spans: dict[str, list[Span]]) -> Record:
    """Rebuild a record from (id, parent, source, url, published, category, title,
    body, boilerplate, extra, cluster) and its span lists."""
    (record_id, parent, source, url, published, category, title, body, boilerplate, extra, cluster) = row
    extra_data = json.loads(extra) if extra else {}
    return Record(
        id=record_id,
        parent=parent,
        source=source,
        url=url,
        published=published,
        category=category,
        title=title,
        body=json.loads(body),
        boilerplate=[Removed(**item) for item in json.loads(boilerplate)],
        entities=spans.get("entities", []),
        quotes=spans.get("quotes", []),
        dates=spans.get("dates", []),
        quantities=spans.get("quantities", []),
        cluster=cluster,
        origin=extra_data.get("origin"),
    )


def filter_sql(filters: SearchFilters, placeholder: str) -> tuple[list[str], list[Any]]:
    """WHERE conditions over `records r` / `sources s` for `filters`, with their parameters."""
    where: list[str] = []
    params: list[Any] = []
    for column, one, several in (
        ("s.name", filters.source, filters.sources),
        ("r.category", filters.category, filters.categories),
    ):
        values = [one] if one else list(several)
        if values:
            where.append(f"{column} IN ({', '.join(placeholder for _ in values)})")
            params.extend(values)
    if filters.entity:
        keys = list(filters.entity_keys) or entity_keys(filters.entity)
        marks = ", ".join(placeholder for _ in keys)
        where.append(f"r.rowid IN (SELECT record_rowid FROM entities WHERE match_key IN ({marks}))")
        params.extend(keys)
    if filters.date_from:
        where.append(f"r.published >= {placeholder}")
        params.append(filters.date_from)
    if filters.date_to:
        where.append(f"substr(r.published, 1, {len(filters.date_to)}) <= {placeholder}")
        params.append(filters.date_to)
    return where, params


def record_spans(
    execute: Callable[[str, tuple[Any, ...]], Iterable[Sequence[Any]]], rowid: int, placeholder: str
) -> dict[str, list[Any]]:
    """A stored record's entities, quotes, dates and quantities, in order (`placeholder`: ? or %s)."""
    return {
        table: [
            json.loads(data)
            for (data,) in execute(
                f"SELECT data FROM {table} WHERE record_rowid = {placeholder} ORDER BY position", (rowid,)
            )
        ]
        for table in SPAN_TABLES
    }


def cluster_members(
    execute: Callable[[str, tuple[Any, ...]], Iterable[Sequence[Any]]], cluster_id: str, placeholder: str
) -> list[tuple[str, str | None, float]]:
    """(record id, title, similarity) of every member of a cluster, oldest first (`placeholder`: ? or %s)."""
    return [
        (str(member_id), title, float(similarity))
        for member_id, title, similarity in execute(
            "SELECT r.id, r.title, m.similarity FROM cluster_members m JOIN records r ON r.rowid = m.record_rowid "
            f"WHERE m.cluster_id = {placeholder} ORDER BY m.record_rowid",
            (cluster_id,),
        )
    ]
