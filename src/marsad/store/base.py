"""What every archive backend offers, so ingest, search, clusters and export never
know whether they talk to SQLite or PostgreSQL."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.errors import MarsadError
from marsad.records import Page, Record
from marsad.store.search import Query

__all__ = [
    "Archive",
    "ClusterInfo",
    "PageRejected",
    "SearchFilters",
    "SearchHit",
    "StoredSignature",
]


class PageRejected(MarsadError):
    """The database refused a page's data (say, one record id twice); nothing of the page was stored."""


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Restrictions on the records a search or an export returns; `None` means any."""

    source: str | None = None
    category: str | None = None
    entity: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    sources: tuple[str, ...] = ()
    """Several sources, any of which (a facet with more than one value chosen); `source` is then None."""
    categories: tuple[str, ...] = ()
    entity_keys: tuple[str, ...] = ()
    """Every key stored for `entity` (all the names of its identity), when the caller looked
    them up (`ArchiveBrowser.resolve`); else the keys of `entity` as written."""


@dataclass(slots=True)
class SearchHit:
    """One search result: the record's metadata, its score (higher is better) and a snippet."""

    rowid: int
    id: str
    url: str | None
    title: str | None
    published: str | None
    source: str | None
    category: str | None
    score: float
    body: list[str]
    cluster: str | None = None
    snippet: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "category": self.category,
            "cluster": self.cluster,
            "score": round(self.score, 4),
            "snippet": self.snippet,
        }


@dataclass(frozen=True, slots=True)
class StoredSignature:
    """A record's MinHash signature as the archive keeps it, for rebuilding the LSH index."""

    rowid: int
    text_hash: str
    signature: bytes
    representative: int | None = None

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[Any]]) -> Iterator[StoredSignature]:
        """Signatures from the rows of `SIGNATURES_QUERY`, which both backends run as it is, one
        at a time: an index built from a large archive holds its signatures once, not twice."""
        for rowid, text_hash, signature, representative in rows:
            yield cls(
                int(rowid), str(text_hash), bytes(signature), None if representative is None else int(representative)
            )


# What `counts()` reports, one row count each (table names, never user input).
COUNTED_TABLES = (
    "pages",
    "records",
    "sources",
    "entities",
    "quotes",
    "dates",
    "quantities",
    "clusters",
    "cluster_members",
)

_SIGNATURE_COLUMNS = (
    "SELECT s.record_rowid, s.text_hash, s.signature, c.representative FROM signatures s "
    "LEFT JOIN cluster_members m ON m.record_rowid = s.record_rowid "
    "LEFT JOIN clusters c ON c.id = m.cluster_id"
)
SIGNATURES_QUERY = f"{_SIGNATURE_COLUMNS} ORDER BY s.record_rowid"

# Records with no stored fingerprint: stored by an ingest without clustering,
# or by one that crashed between a record and its fingerprint (before #15).
UNSIGNED_QUERY = (
    "SELECT min(r.rowid), count(*) FROM records r LEFT JOIN signatures s ON s.record_rowid = r.rowid "
    "WHERE s.record_rowid IS NULL"
)

# Takes every record from a rowid on out of its cluster, as if it had never been
# clustered: clusters left with one member go, and one whose representative
# left is represented by its oldest remaining member. Both backends run these
# as they are, with the rowid for each placeholder.
FORGET_CLUSTERS_FROM = (
    "DELETE FROM cluster_members WHERE record_rowid >= ?",
    "DELETE FROM cluster_members WHERE cluster_id IN "
    "(SELECT cluster_id FROM cluster_members GROUP BY cluster_id HAVING count(*) < 2)",
    "DELETE FROM clusters WHERE id NOT IN (SELECT cluster_id FROM cluster_members)",
    "UPDATE clusters SET representative = "
    "(SELECT min(m.record_rowid) FROM cluster_members m WHERE m.cluster_id = clusters.id) WHERE representative >= ?",
)


@dataclass(slots=True)
class ClusterInfo:
    """A near-duplicate story: its representative record and every member's id and title."""

    id: str
    representative: str
    members: list[tuple[str, str | None, float]] = field(default_factory=list)


class Archive(ABC):
    """A store of pages and their records. Writes are grouped in batches: nothing
    written since the last `commit()` survives a crash, and everything before it does."""

    location: str

    def page_hash(self, page_id: str) -> str | None:
        """The content hash page `page_id` was stored with, if it is stored."""
        found = self.fetch("SELECT content_hash FROM pages WHERE id = ?", (page_id,))
        return str(found[0][0]) if found else None

    @abstractmethod
    def replace_page(self, page: Page, page_id: str, records: Sequence[Record]) -> tuple[list[int], list[int]]:
        """Store `page` and its records, replacing any older version of the same page id,
        all or nothing. Returns the new records' rowids in order and the rowids removed."""

    @abstractmethod
    def commit(self) -> None:
        """Make everything written so far durable."""

    @abstractmethod
    def rollback(self) -> None:
        """Drop everything written since the last `commit()`."""

    @abstractmethod
    def close(self) -> None:
        """Commit nothing further and release the connection."""

    @abstractmethod
    def search(self, query: Query | None, filters: SearchFilters, limit: int) -> list[SearchHit]:
        """Best-first hits for `query` (all records when `None`) within `filters`."""

    @abstractmethod
    def iter_records(self, rowids: Sequence[int] | None = None) -> Iterator[Record]:
        """Whole records as they were stored (all of them, or those rowids in that order)."""

    @abstractmethod
    def signatures(self) -> Iterator[StoredSignature]:
        """Every stored MinHash signature, oldest first."""

    @abstractmethod
    def save_signature(self, rowid: int, text_hash: str, signature: bytes) -> None:
        """Keep a record's signature so later runs can rebuild the LSH index."""

    def save_signature_bands(self, rowid: int, keys: Sequence[int]) -> None:
        """Keep the band keys of record `rowid`'s signature (`BandIndex.stored_keys`), replacing any."""
        self.execute("DELETE FROM signature_bands WHERE record_rowid = ?", (rowid,))
        self.execute_many(
            "INSERT INTO signature_bands(band_key, record_rowid) VALUES (?, ?)", [(k, rowid) for k in keys]
        )

    def banded_signatures(self, keys: Sequence[int], before: int | None = None) -> list[StoredSignature]:
        """The stored signatures sharing a band key with `keys` (of records before rowid `before`)."""
        condition, param = self.in_condition("b.band_key", keys)
        bound = "" if before is None else " AND b.record_rowid < ?"
        found = self.fetch(
            f"{_SIGNATURE_COLUMNS} WHERE s.record_rowid IN (SELECT b.record_rowid FROM signature_bands b "
            f"WHERE {condition}{bound}) ORDER BY s.record_rowid",
            [param, *(() if before is None else (before,))],
        )
        return list(StoredSignature.from_rows(found))

    def stored_signatures(self, rowids: Sequence[int]) -> list[StoredSignature]:
        """The stored signatures (empty for short texts) of those of `rowids` that have one."""
        condition, param = self.in_condition("s.record_rowid", rowids)
        return list(
            StoredSignature.from_rows(
                self.fetch(f"{_SIGNATURE_COLUMNS} WHERE {condition} ORDER BY s.record_rowid", [param])
            )
        )

    def first_with_text_hash(self, text_hash: str, before: int | None = None) -> int | None:
        """The oldest record with a (non-empty) signature of text `text_hash`."""
        bound = "" if before is None else " AND record_rowid < ?"
        found = self.fetch(
            f"SELECT min(record_rowid) FROM signatures WHERE text_hash = ? AND length(signature) > 0{bound}",
            (text_hash,) if before is None else (text_hash, before),
        )
        return None if not found or found[0][0] is None else int(found[0][0])

    def clustered_with(self, rowid: int, before: int | None = None) -> list[int]:
        """The records in the cluster of record `rowid` (itself included), oldest first."""
        bound = "" if before is None else " AND m.record_rowid < ?"
        found = self.fetch(
            "SELECT m.record_rowid FROM cluster_members m WHERE m.cluster_id = "
            f"(SELECT cluster_id FROM cluster_members WHERE record_rowid = ?){bound} ORDER BY m.record_rowid",
            (rowid,) if before is None else (rowid, before),
        )
        return [int(row[0]) for row in found]

    def signature_banding(self) -> str | None:
        """The banding the stored band keys were written with (`bands x rows`), if they are complete."""
        found = self.fetch("SELECT value FROM meta WHERE key = 'signature_bands'")
        return str(found[0][0]) if found else None

    def mark_signature_banding(self, banding: str) -> None:
        self.execute("DELETE FROM meta WHERE key = 'signature_bands'")
        self.execute("INSERT INTO meta(key, value) VALUES ('signature_bands', ?)", (banding,))

    @abstractmethod
    def assign_cluster(self, rowid: int, near: int, similarity: float) -> str:
        """Put record `rowid` in the cluster of record `near` (founding it if `near` has none).
        Returns the cluster id."""

    @abstractmethod
    def clusters(self, min_size: int = 2, limit: int | None = None) -> list[ClusterInfo]:
        """Near-duplicate clusters, largest first."""

    @abstractmethod
    def forget_clusters_from(self, rowid: int) -> None:
        """Take every record from `rowid` on out of its cluster (see FORGET_CLUSTERS_FROM)."""

    def unsigned_records(self) -> tuple[int | None, int]:
        """The oldest rowid of a record without a stored fingerprint, and how many there are."""
        first, count = self.fetch(UNSIGNED_QUERY)[0]
        return (None if first is None else int(first)), int(count)

    def iter_bodies(self, from_rowid: int, chunk: int = 500) -> Iterator[tuple[int, list[str]]]:
        """(rowid, body) of every record from `from_rowid` on, in rowid order."""
        while True:
            found = self.fetch(
                "SELECT rowid, body FROM records WHERE rowid >= ? ORDER BY rowid LIMIT ?", (from_rowid, chunk)
            )
            for rowid, body in found:
                yield int(rowid), json.loads(body)
            if len(found) < chunk:
                return
            from_rowid = int(found[-1][0]) + 1

    # --- the ingest lock (marsad.store.lock) -----------------------------------

    @abstractmethod
    def try_ingest_lock(self) -> bool:
        """Take this archive's ingest lock unless another process holds it; it stays
        held until `release_ingest_lock()` or until this process dies."""

    @abstractmethod
    def release_ingest_lock(self) -> None:
        """Let the next ingest in."""

    def display_name(self) -> str:
        """The archive's location as messages show it."""
        return self.location

    def counts(self) -> dict[str, int]:
        """How many pages, records, clusters, entities ... the archive holds."""
        return {table: int(self.fetch(f"SELECT count(*) FROM {table}")[0][0]) for table in COUNTED_TABLES}

    @abstractmethod
    def schema_version(self) -> int:
        """The schema version the archive is at (see marsad.store.schema)."""

    # --- browsing: the read side of the web UI (marsad.store.browse) ----------

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one write statement written with `?` placeholders, inside the batch's transaction."""

    @abstractmethod
    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one write statement (with `?` placeholders) once per row, inside the batch's transaction."""

    # --- articles per day and key, for trends (marsad.store.day_keys) --------

    # Whether the archive keeps per-day counts (schema version 5 on); set when it is opened.
    _keeps_day_keys: bool = False

    def count_days(self, rowids: Sequence[int], records: Sequence[Record]) -> None:
        """Add stored records to the per-day counts of their names and headline words."""
        from marsad.store.day_keys import UPSERT, day_of, record_keys

        if not rowids or not self._keeps_day_keys:
            return
        condition, param = self.in_condition("rowid", list(rowids))
        sources = {
            int(r): int(s or 0)
            for r, s in self.fetch(f"SELECT rowid, source_id FROM records WHERE {condition}", (param,))
        }
        rows: list[tuple[Any, ...]] = []
        for rowid, record in zip(rowids, records, strict=True):
            day = day_of(record.published)
            if day is not None:
                rows.extend((day, kind, key, sources.get(rowid, 0), 1, name) for kind, key, name in record_keys(record))
        self.execute_many(UPSERT, rows)

    def uncount_days(self, rowids: Sequence[int]) -> None:
        """Take records about to be deleted out of the per-day counts."""
        from marsad.store.day_keys import TAKE_BACK, day_of, stored_keys

        if not rowids or not self._keeps_day_keys:
            return
        condition, param = self.in_condition("rowid", list(rowids))
        stored = self.fetch(f"SELECT rowid, published, title, source_id FROM records WHERE {condition}", (param,))
        entity_condition, entity_param = self.in_condition("record_rowid", list(rowids))
        entities: dict[int, list[tuple[Any, Any, Any]]] = {}
        for rowid, kind, key, name in self.fetch(
            f"SELECT record_rowid, type, match_key, coalesce(canonical, text) FROM entities WHERE {entity_condition}",
            (entity_param,),
        ):
            entities.setdefault(int(rowid), []).append((kind, key, name))
        rows: list[tuple[Any, ...]] = []
        for rowid, published, title, source in stored:
            day = day_of(published)
            if day is not None:
                keys = stored_keys(title, entities.get(int(rowid), []))
                rows.extend((day, kind, key, int(source or 0)) for kind, key, _name in keys)
        self.execute_many(TAKE_BACK, rows)

    def rebuild_day_keys(self, chunk: int = 2000) -> None:
        """Count every stored record again (an archive from before the counts, or a change in them)."""
        from marsad.store.day_keys import DAY_KEYS_VERSION

        self.execute("DELETE FROM day_keys")
        first = 0
        while True:
            found = self.fetch("SELECT rowid FROM records WHERE rowid > ? ORDER BY rowid LIMIT ?", (first, chunk))
            if not found:
                break
            rowids = [int(rowid) for (rowid,) in found]
            self.count_days(rowids, list(self.iter_records(rowids)))
            first = rowids[-1]
        self.execute("DELETE FROM meta WHERE key = 'day_keys'")
        self.execute("INSERT INTO meta VALUES ('day_keys', ?)", (DAY_KEYS_VERSION,))
        self.commit()

    def check_day_keys(self) -> None:
        """Build the per-day counts when the archive has none of this version."""
        from marsad.store.day_keys import DAY_KEYS_SCHEMA, DAY_KEYS_VERSION

        self._keeps_day_keys = self.schema_version() >= DAY_KEYS_SCHEMA
        if not self._keeps_day_keys:
            return
        found = self.fetch("SELECT value FROM meta WHERE key = 'day_keys'")
        if not found or found[0][0] != DAY_KEYS_VERSION:
            self.rebuild_day_keys()

    # --- how sources are shown ---------------------------------------------------

    def set_source_names(self, names: dict[str, str]) -> None:
        """Store how each source is shown (`okaz` -> `عكاظ`); a name given again replaces the old one."""
        from marsad.store.entity_identity import IDENTITY_SCHEMA

        if not names or self.schema_version() < IDENTITY_SCHEMA:
            return
        self.execute_many("DELETE FROM source_names WHERE name = ?", [(name,) for name in names])
        self.execute_many("INSERT INTO source_names(name, display) VALUES (?, ?)", list(names.items()))
        self.commit()

    # --- one entity per person, place or organisation --------------------------

    def rebuild_entity_identities(self) -> None:
        """Every entity key's identity, from the whole archive (`marsad.store.entity_identity`);
        run after each ingest, since a new full name can gather names stored before it."""
        from marsad.store.entity_identity import IDENTITY_SCHEMA, IDENTITY_VERSION, KeyStats, merge_identities

        if self.schema_version() < IDENTITY_SCHEMA:
            return
        stats: dict[str, KeyStats] = {}
        for key, kind, name, count in self.fetch(
            "SELECT match_key, type, coalesce(canonical, text), count(DISTINCT record_rowid) FROM entities "
            "WHERE match_key <> '' GROUP BY match_key, type, coalesce(canonical, text)"
        ):
            item = stats.setdefault(str(key), KeyStats(str(key)))
            item.types[str(kind)] += int(count)
            item.names[str(name or key)] += int(count)
        for key, count in self.fetch(
            "SELECT match_key, count(DISTINCT record_rowid) FROM entities WHERE match_key <> '' GROUP BY match_key"
        ):
            stats[str(key)].records = int(count)
        found = merge_identities(stats.values())
        members: dict[str, list[str]] = {}
        for key, found_identity in found.items():
            members.setdefault(found_identity.identity, []).append(key)
        records = {root: stats[keys[0]].records for root, keys in members.items() if len(keys) == 1}
        for root, keys in members.items():
            if len(keys) > 1 and root:
                # Records naming two variants count once.
                condition, param = self.in_condition("match_key", keys)
                counted = self.fetch(f"SELECT count(DISTINCT record_rowid) FROM entities WHERE {condition}", (param,))
                records[root] = int(counted[0][0])
        self.execute("DELETE FROM entity_identities")
        self.execute_many(
            "INSERT INTO entity_identities(match_key, identity, type, name, records) VALUES (?, ?, ?, ?, ?)",
            [
                (key, item.identity, item.type, item.name, records.get(item.identity, 0) if key == item.identity else 0)
                for key, item in found.items()
            ],
        )
        self.execute("DELETE FROM meta WHERE key = 'entity_identities'")
        self.execute("INSERT INTO meta VALUES ('entity_identities', ?)", (IDENTITY_VERSION,))
        self.commit()

    def check_entity_identities(self) -> None:
        """Build the identities when the archive has none of this version."""
        from marsad.store.entity_identity import IDENTITY_SCHEMA, IDENTITY_VERSION

        if self.schema_version() < IDENTITY_SCHEMA:
            return
        found = self.fetch("SELECT value FROM meta WHERE key = 'entity_identities'")
        if not found or found[0][0] != IDENTITY_VERSION:
            self.rebuild_entity_identities()

    # --- events across outlets (marsad.events) -------------------------------

    def save_event(self, rowid: int, event_id: str, day: str, score: float, features: str) -> None:
        """Record the newly stored (or just forgotten, see `forget_events`) `rowid` as a member of `event_id`."""
        self.execute(
            "INSERT INTO event_members(record_rowid, event_id, day, source_id, score, features) "
            "SELECT rowid, ?, ?, source_id, ?, ? FROM records WHERE rowid = ?",
            (event_id, day, score, features, rowid),
        )

    def event_members_between(self, first_day: str, last_day: str) -> list[tuple[int, str, str, str]]:
        """(rowid, event id, day, features) of the records stored in events on those days, in order."""
        found = self.fetch(
            "SELECT record_rowid, event_id, day, features FROM event_members WHERE day >= ? AND day <= ? "
            "ORDER BY day, record_rowid",
            (first_day, last_day),
        )
        return [(int(rowid), str(event), str(day), str(features)) for rowid, event, day, features in found]

    def event_taken(self, event_id: str) -> bool:
        return bool(self.fetch("SELECT 1 FROM event_members WHERE event_id = ? LIMIT 1", (event_id,)))

    def forget_events(self) -> None:
        """Take every record out of its event, for a rebuild."""
        self.execute("DELETE FROM event_members")
        self.execute("DELETE FROM event_states")
        self.execute("DELETE FROM event_frequencies")
        self.mark_event_states()

    def save_event_state(
        self, event_id: str, first_day: str, last_day: str, members: int, norm2: float, centroid: str
    ) -> None:
        """Keep event `event_id` as it is now that a member joined it (`events.index.EventState`)."""
        self.execute(
            "INSERT INTO event_states(event_id, first_day, last_day, members, norm2, centroid) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO UPDATE SET first_day = excluded.first_day, "
            "last_day = excluded.last_day, members = excluded.members, norm2 = excluded.norm2, "
            "centroid = excluded.centroid",
            (event_id, first_day, last_day, members, norm2, centroid),
        )

    def count_event_features(self, counts: Sequence[tuple[str, int]]) -> None:
        """Add (feature, records) to the stored records' feature frequencies."""
        self.execute_many(
            "INSERT INTO event_frequencies(feature, documents) VALUES (?, ?) "
            "ON CONFLICT (feature) DO UPDATE SET documents = event_frequencies.documents + excluded.documents",
            counts,
        )

    def event_frequencies(self, features: Sequence[str]) -> dict[str, int]:
        """How many stored records have each of `features` (features none has are left out)."""
        condition, param = self.in_condition("feature", features)
        found = self.fetch(f"SELECT feature, documents FROM event_frequencies WHERE {condition}", [param])
        return {str(feature): int(documents) for feature, documents in found}

    def event_documents(self) -> int:
        """How many stored records are in events."""
        return int(self.fetch("SELECT count(*) FROM event_members")[0][0])

    def event_states_between(self, first_day: str, last_day: str) -> list[tuple[str, str, str, int, float, str]]:
        """(event id, first day, last day, members, norm2, centroid) of the events covered on
        some day from `first_day` to `last_day`."""
        found = self.fetch(
            "SELECT event_id, first_day, last_day, members, norm2, centroid FROM event_states "
            "WHERE last_day >= ? AND first_day <= ?",
            (first_day, last_day),
        )
        return [(str(e), str(a), str(b), int(m), float(n), str(c)) for e, a, b, m, n, c in found]

    def event_member_features(self, event_id: str) -> list[tuple[str, str]]:
        """(day, features) of the stored members of `event_id`, in order."""
        found = self.fetch(
            "SELECT day, features FROM event_members WHERE event_id = ? ORDER BY day, record_rowid", (event_id,)
        )
        return [(str(day), str(features)) for day, features in found]

    def event_member(self, rowid: int) -> tuple[str, str] | None:
        """(event id, day) of the stored record `rowid`, if it is in an event."""
        found = self.fetch("SELECT event_id, day FROM event_members WHERE record_rowid = ?", (rowid,))
        return (str(found[0][0]), str(found[0][1])) if found else None

    def event_states_complete(self) -> bool:
        """Whether every stored event has its state (archives of schema 7 or later, or rebuilt)."""
        return bool(self.fetch("SELECT 1 FROM meta WHERE key = 'event_states'"))

    def mark_event_states(self) -> None:
        self.execute("DELETE FROM meta WHERE key = 'event_states'")
        self.execute("INSERT INTO meta(key, value) VALUES ('event_states', '1')")

    def records_without_event(self) -> int:
        found = self.fetch(
            "SELECT count(*) FROM records r LEFT JOIN event_members e ON e.record_rowid = r.rowid "
            "WHERE e.record_rowid IS NULL"
        )
        return int(found[0][0])

    @abstractmethod
    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one read query written with `?` placeholders (each backend adapts them)."""

    @abstractmethod
    def in_condition(self, column: str, values: Sequence[int] | Sequence[str]) -> tuple[str, Any]:
        """A condition `column is one of values` (all ints or all strings) with one `?`, and its parameter."""

    @abstractmethod
    def ranked_rowids(
        self, query: Query | None, filters: SearchFilters, *, by_date: bool, limit: int, offset: int = 0
    ) -> list[int]:
        """Rowids of the matches, best first (newest first when `by_date` or without a query)."""

    @staticmethod
    def day_counts_sql(where: list[str]) -> str:
        """Matches by day and outlet among the dated records passing `where` (over `records r`
        and `sources s`), for `day_counts`."""
        return (
            "SELECT substr(r.published, 1, 10), s.name, count(*) FROM records r LEFT JOIN sources s "
            "ON s.id = r.source_id WHERE "
            + " AND ".join([*where, "r.published IS NOT NULL"])
            + " GROUP BY substr(r.published, 1, 10), s.name"
        )

    @abstractmethod
    def day_counts(self, query: Query | None, filters: SearchFilters) -> list[tuple[str, str | None, int]]:
        """(day, source, how many matches) of the dated matches of `query` within `filters`."""

    @abstractmethod
    def count_matches(self, query: Query | None, filters: SearchFilters) -> int:
        """How many records `query` matches within `filters`."""

    @abstractmethod
    def match_conditions(self, query: Query | None, filters: SearchFilters) -> tuple[list[str], list[Any]]:
        """SQL conditions (over `records r` and `sources s`, in this backend's placeholders) and
        their values that hold for exactly the records `query` matches within `filters`."""

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
