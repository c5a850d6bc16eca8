"""How many articles of each day and outlet mention each name and headline word, kept
up to date as pages are stored and replaced, so that "what is rising today" reads a
few thousand counted rows instead of the titles and entities of two weeks of news.

A row is (day, kind, key, outlet): kind PER, ORG or LOC for a name under its entity
key, TERM for a headline word under its search key. The counts are the archive's own
(a stored record adds one to each of its keys, a deleted one takes it back), built
from the records once when an archive first opens read-write without them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from marsad.arabic.search_terms import search_key
from marsad.records import Record
from marsad.startup_cache import compile_regex

__all__ = [
    "DAY_KEYS_SCHEMA",
    "DAY_KEYS_VERSION",
    "ENTITY_KINDS",
    "UPSERT",
    "day_of",
    "record_keys",
    "stored_keys",
    "title_keys",
]

# Bumped when what is counted changes: the counts are built again from the records.
DAY_KEYS_VERSION = "1"
# The schema version that adds the `day_keys` table.
DAY_KEYS_SCHEMA = 5
ENTITY_KINDS = ("PER", "ORG", "LOC")
_WORD = compile_regex(r"[\p{L}\p{M}]+")
_MIN_TERM = 3

UPSERT = (
    "INSERT INTO day_keys(day, kind, key, source_id, articles, name) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (day, kind, key, source_id) DO UPDATE SET articles = day_keys.articles + excluded.articles"
)
TAKE_BACK = "UPDATE day_keys SET articles = articles - 1 WHERE day = ? AND kind = ? AND key = ? AND source_id = ?"


def day_of(published: object) -> str | None:
    if not isinstance(published, str) or len(published) < len("2015-08-10"):
        return None
    try:
        return datetime.date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def title_keys(title: str | None) -> dict[str, str]:
    """Headline words by search key, each with the spelling it had."""
    found: dict[str, str] = {}
    for word in _WORD.findall(title or ""):
        key = search_key(word)
        if len(key) >= _MIN_TERM:
            found.setdefault(key, word)
    return found


def _keys(title: str | None, entities: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(kind, key, name) of a record, each once: its names and its headline words."""
    found: dict[tuple[str, str], str] = {}
    for kind, key, name in entities:
        if kind in ENTITY_KINDS and key:
            found.setdefault((kind, key), name)
    for key, word in title_keys(title).items():
        found.setdefault(("TERM", key), word)
    return [(kind, key, name) for (kind, key), name in found.items()]


def record_keys(record: Record) -> list[tuple[str, str, str]]:
    from marsad.store.rows import entity_key

    return _keys(
        record.title,
        (
            (
                str(span.get("type")),
                entity_key(str(span.get("canonical") or span.get("text") or "")),
                str(span.get("canonical") or span.get("text") or ""),
            )
            for span in record.entities
        ),
    )


def stored_keys(title: str | None, entity_rows: Sequence[tuple[Any, Any, Any]]) -> list[tuple[str, str, str]]:
    """The same keys from a stored record: its title and its entity rows (type, match_key, name)."""
    return _keys(title, ((str(kind), str(key or ""), str(name or "")) for kind, key, name in entity_rows))
