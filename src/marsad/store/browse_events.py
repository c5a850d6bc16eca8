"""The archive's events for the CLI, the web UI and the API: which happenings were
covered, by how many outlets, since when; one event's articles in time order,
its people, places and organisations, and what was said in it.

Every query runs on both backends through `Archive.fetch`. A listing is one
aggregate over `event_members` (indexed by day), so its cost follows the
period asked for, not the archive.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from marsad.store.base import Archive
from marsad.store.entity_identity import stored_identities
from marsad.store.leads import LEAD_SQL, lead_words

__all__ = ["EVENTS_SCHEMA", "EventArticle", "EventSummary", "EventView", "count_events", "event_view", "list_events"]

# The schema version that stores events; an older archive served read-only has none.
EVENTS_SCHEMA = 4

# Entities of an event's articles shown on its page, most widespread first.
_EVENT_ENTITIES = 15
_EVENT_QUOTES = 30
_ENTITY_TYPES = ("PER", "ORG", "LOC")


@dataclass(slots=True)
class EventSummary:
    id: str
    title: str | None
    first_seen: str
    last_seen: str
    records: int
    outlets: int
    sources: list[str] = field(default_factory=list)
    lead: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class EventArticle:
    id: str
    title: str | None
    source: str | None
    published: str | None
    day: str
    score: float
    lead: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class EventView:
    summary: EventSummary
    articles: list[EventArticle]
    # (name, type, how many of the event's articles mention it)
    entities: list[tuple[str, str, int]]
    # (speaker, quote, record id)
    quotes: list[tuple[str | None, str, str]]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.summary.to_dict(),
            "articles": [article.to_dict() for article in self.articles],
            "entities": [{"name": name, "type": kind, "articles": count} for name, kind, count in self.entities],
            "quotes": [{"speaker": speaker, "text": text, "record": record} for speaker, text, record in self.quotes],
        }


def list_events(
    archive: Archive,
    *,
    since: str | None = None,
    until: str | None = None,
    min_records: int = 2,
    min_outlets: int = 1,
    limit: int = 50,
    offset: int = 0,
) -> list[EventSummary]:
    """Events with articles between `since` and `until` (ISO days, inclusive), those covered
    by the most outlets first, then the largest; counts are over that period."""
    where, params = _period(since, until)
    rows = archive.fetch(
        "SELECT event_id, count(*), count(DISTINCT source_id), min(day), max(day), min(record_rowid) "
        f"FROM event_members{where} GROUP BY event_id "
        "HAVING count(*) >= ? AND count(DISTINCT source_id) >= ? "
        "ORDER BY count(DISTINCT source_id) DESC, count(*) DESC, min(day), event_id LIMIT ? OFFSET ?",
        (*params, min_records, min_outlets, limit, offset),
    )
    if not rows:
        return []
    titles = _titles(archive, [int(row[5]) for row in rows])
    sources = _sources(archive, [str(row[0]) for row in rows], since, until)
    return [
        EventSummary(
            id=str(event),
            title=titles.get(int(first), (None, None))[0],
            lead=titles.get(int(first), (None, None))[1],
            first_seen=str(first_day),
            last_seen=str(last_day),
            records=int(count),
            outlets=int(outlets),
            sources=sources.get(str(event), []),
        )
        for event, count, outlets, first_day, last_day, first in rows
    ]


def count_events(
    archive: Archive, *, since: str | None = None, until: str | None = None, min_records: int = 2, min_outlets: int = 1
) -> int:
    """How many events `list_events` would list with no limit."""
    where, params = _period(since, until)
    rows = archive.fetch(
        f"SELECT count(*) FROM (SELECT event_id FROM event_members{where} GROUP BY event_id "
        "HAVING count(*) >= ? AND count(DISTINCT source_id) >= ?) counted",
        (*params, min_records, min_outlets),
    )
    return int(rows[0][0]) if rows else 0


def _period(since: str | None, until: str | None) -> tuple[str, list[str]]:
    conditions, params = [], []
    if since:
        conditions.append("day >= ?")
        params.append(since)
    if until:
        conditions.append("day <= ?")
        params.append(until)
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), params


def _titles(archive: Archive, rowids: list[int]) -> dict[int, tuple[str | None, str | None]]:
    """(title, lead words when it has no title) of each record."""
    condition, param = archive.in_condition("r.rowid", rowids)
    return {
        int(rowid): (title, lead_words(start))
        for rowid, title, start in archive.fetch(
            f"SELECT r.rowid, r.title, {LEAD_SQL} FROM records r WHERE {condition}", (param,)
        )
    }


def _sources(archive: Archive, events: list[str], since: str | None, until: str | None) -> dict[str, list[str]]:
    condition, param = archive.in_condition("e.event_id", events)
    where, params = _period(since, until)
    extra = where.replace(" WHERE ", " AND ").replace("day", "e.day")
    found: dict[str, list[str]] = {}
    for event, name in archive.fetch(
        "SELECT DISTINCT e.event_id, s.name FROM event_members e JOIN sources s ON s.id = e.source_id "
        f"WHERE {condition}{extra} ORDER BY e.event_id, s.name",
        (param, *params),
    ):
        found.setdefault(str(event), []).append(str(name))
    return found


def event_view(archive: Archive, event_id: str) -> EventView | None:
    """One event: its articles in time order, entities and quotes."""
    rows = archive.fetch(
        f"SELECT e.record_rowid, r.id, r.title, s.name, r.published, e.day, e.score, {LEAD_SQL} FROM event_members e "
        "JOIN records r ON r.rowid = e.record_rowid LEFT JOIN sources s ON s.id = r.source_id "
        "WHERE e.event_id = ? ORDER BY e.day, r.published, e.record_rowid",
        (event_id,),
    )
    if not rows:
        return None
    articles = [
        EventArticle(str(rid), title, source, published, str(day), float(score), lead_words(start))
        for _rowid, rid, title, source, published, day, score, start in rows
    ]
    rowids = [int(row[0]) for row in rows]
    first = min(rows, key=lambda row: int(row[0]))
    sources = sorted({article.source for article in articles if article.source})
    summary = EventSummary(
        id=event_id,
        title=first[2],
        lead=lead_words(first[7]),
        first_seen=articles[0].day,
        last_seen=max(article.day for article in articles),
        records=len(articles),
        outlets=len(sources),
        sources=sources,
    )
    return EventView(summary, articles, _event_entities(archive, rowids), _event_quotes(archive, rowids))


def _event_entities(archive: Archive, rowids: list[int]) -> list[tuple[str, str, int]]:
    """The event's people, places and organisations, each with how many of its articles name it:
    one entry per identity (`store.entity_identity`), currencies and units left out."""
    condition, param = archive.in_condition("record_rowid", rowids)
    found = archive.fetch(
        f"SELECT DISTINCT record_rowid, match_key, type, coalesce(canonical, text) FROM entities WHERE {condition}",
        (param,),
    )
    identities = stored_identities(archive, sorted({str(key) for _, key, _, _ in found if key}))
    records: dict[tuple[str, str], set[int]] = {}
    names: dict[tuple[str, str], Counter[str]] = {}
    for rowid, key, kind, name in found:
        if kind not in _ENTITY_TYPES or not key:
            continue
        known = identities.get(str(key))
        if known is not None and not known.identity:
            continue  # a currency or a unit
        identity = known.identity if known is not None else str(key)
        entry = (identity, known.type if known is not None and known.type in _ENTITY_TYPES else str(kind))
        records.setdefault(entry, set()).add(int(rowid))
        names.setdefault(entry, Counter())[known.name if known is not None else str(name)] += 1
    ranked = sorted(records.items(), key=lambda item: (-len(item[1]), item[0]))[:_EVENT_ENTITIES]
    return [(names[entry].most_common(1)[0][0], entry[1], len(rowids)) for entry, rowids in ranked]


def _event_quotes(archive: Archive, rowids: list[int]) -> list[tuple[str | None, str, str]]:
    condition, param = archive.in_condition("q.record_rowid", rowids)
    seen: set[str] = set()
    found = []
    for speaker, text, record in archive.fetch(
        f"SELECT q.speaker, q.text, r.id FROM quotes q JOIN records r ON r.rowid = q.record_rowid WHERE {condition} "
        "ORDER BY r.published, q.record_rowid, q.position",
        (param,),
    ):
        # Reprints of one wire story repeat its quotes word for word.
        if not text or text in seen:
            continue
        seen.add(text)
        found.append((speaker, str(text), str(record)))
        if len(found) >= _EVENT_QUOTES:
            break
    return found
