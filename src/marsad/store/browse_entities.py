"""The entity index of the web UI: who and what the archive mentions most, by type."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from marsad.store import rows
from marsad.store.base import Archive

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")


@dataclass(frozen=True, slots=True)
class EntityCount:
    """A named entity of one type and how many records mention it."""

    name: str
    type: str
    records: int
    key: str

    def to_dict(self) -> dict[str, Any]:
        found = asdict(self)
        del found["key"]
        return found


def entity_counts(archive: Archive) -> list[EntityCount]:
    """Every (entity, type) with the records that mention it, most mentioned first.

    The name shown is the lowest canonical spelling, as in the search facets, so
    that `الله` comes before a diacritized `اللَّهِ`. One aggregate over the
    entities table: the caller keeps the result until the archive changes."""
    found = archive.fetch(
        "SELECT match_key, min(canonical), type, count(DISTINCT record_rowid) AS n FROM entities "
        "WHERE match_key <> '' GROUP BY match_key, type ORDER BY n DESC, match_key, type"
    )
    return [
        EntityCount(name=str(name or key), type=str(kind), records=int(n), key=str(key)) for key, name, kind, n in found
    ]


def select_entities(counts: list[EntityCount], *, kind: str | None, name: str | None) -> list[EntityCount]:
    """`counts` of one type (or all) whose name contains `name`, matched as entity keys are
    (hamza, ta marbuta and diacritics folded): `الشهري` finds `عبد الله الشهري`."""
    wanted = rows.entity_keys(name) if name else []
    return [
        entity
        for entity in counts
        if (kind is None or entity.type == kind) and (not wanted or any(key in entity.key for key in wanted))
    ]
