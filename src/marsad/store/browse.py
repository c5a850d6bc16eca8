"""The archive's read side for the web UI and its JSON API: one record with its
neighbours, search with facets, an entity's page, quotes and story clusters.

Every query here works on both backends through `Archive.fetch` (`?`
placeholders, values always passed as parameters) and does bounded work:
facets are counted over the first `FACET_SAMPLE` matches, an entity's
co-occurrences over its latest `COOCCURRENCE_SAMPLE` records, and a quote
search by text reads the quotes of the newest `QUOTE_RECORD_SAMPLE` records
that match, at most `QUOTE_SCAN` of them per page, so no page costs much more
on a broad query than on a narrow one.
"""

from __future__ import annotations

import json
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import replace
from typing import Any, Literal

from marsad.arabic.normalize import fold_for_search
from marsad.arabic.search_terms import analyze_words
from marsad.errors import MarsadError
from marsad.store import rows
from marsad.store.base import Archive, SearchFilters
from marsad.store.browse_entities import EntityCount, entity_counts, select_entities
from marsad.store.browse_results import (
    ArticleView,
    ClusterSummary,
    EntityView,
    Facet,
    QuoteHit,
    RecordLink,
    SearchPage,
    SearchResult,
    last_page,
)
from marsad.store.collapse import one_per_story
from marsad.store.entity_identity import IDENTITY_SCHEMA, keys_of_identity
from marsad.store.leads import LEAD_SQL, first_words, lead_words
from marsad.store.search import Clause, Query, passage_snippet
from marsad.store.trends import Trends, latest_day, trends_of_day

__all__ = [
    "BROWSE_SCHEMA",
    "FACET_SAMPLE",
    "ArchiveBrowser",
    "ArticleView",
    "ClusterSummary",
    "EntityView",
    "Facet",
    "QuoteHit",
    "RecordLink",
    "SearchPage",
    "SearchResult",
    "open_read_only",
]

# The schema version that adds the indexes these queries are written for; an
# older archive is still served, only slower, and without looking names up by variant.
BROWSE_SCHEMA = 2
FACET_SAMPLE = 500
# Above this many matches the entity facet is counted over the first FACET_SAMPLE (and marked so).
ENTITY_FACET_EXACT = 10_000
COOCCURRENCE_SAMPLE = 400
QUOTE_RECORD_SAMPLE = 500
QUOTE_SCAN = 300
_FACET_VALUES = 12
_QUOTE_BATCH = 40
_QUOTE_BATCH_MAX = 120
_SPEAKER_NAMES = 500
# How many rows to read per quote an entity page shows: near-duplicate copies of a story repeat its quotes.
_REPEATS_PER_QUOTE = 4
_QUOTE_COLUMNS = "q.speaker, q.text, q.cue, q.direct, r.id, r.title, r.published, s.name"

Sort = Literal["relevance", "date"]


def open_read_only(location: str) -> Archive:
    """The archive at `location` opened so that no write can reach it."""
    if location.startswith(("postgresql://", "postgres://")):
        from marsad.store.postgres import PostgresArchive

        return PostgresArchive(location, read_only=True)
    from marsad.store.sqlite import SQLiteArchive

    return SQLiteArchive(location, read_only=True)


def _link(row: tuple[Any, ...]) -> RecordLink:
    return RecordLink(
        id=str(row[0]),
        title=row[1],
        published=row[2],
        source=row[3] if len(row) > 3 else None,
        lead=lead_words(row[4]) if len(row) > 4 else None,
    )


_RECORD_COLUMNS = (
    "r.rowid, r.id, r.parent, s.name, r.url, r.published, r.category, r.title, r.body, r.boilerplate, r.extra, "
    "m.cluster_id, r.page_id"
)
_RECORD_FROM = (
    "records r LEFT JOIN sources s ON s.id = r.source_id LEFT JOIN cluster_members m ON m.record_rowid = r.rowid"
)
_LINK_COLUMNS = f"r.id, r.title, r.published, s.name, {LEAD_SQL}"
_LINK_FROM = "records r LEFT JOIN sources s ON s.id = r.source_id"


def _join_records(rowid_column: str) -> str:
    return f"JOIN records r ON r.rowid = {rowid_column} LEFT JOIN sources s ON s.id = r.source_id"


class _Recent:
    """A small thread-safe least-recently-used cache."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def put(self, key: Hashable, value: Any) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class ArchiveBrowser:
    """The read queries of the web UI over an archive. Each thread gets its own
    connection from `opener`, so concurrent requests never share a cursor.

    With `cache_size`, a search's facet sample and an entity's page are kept for
    reuse (the next page of a search, a popular name) until the archive changes:
    an ingest, even by another process, stores records under new rowids, so the
    highest rowid tells whether what was cached may be stale."""

    def __init__(self, opener: Callable[[], Archive], *, cache_size: int = 0) -> None:
        self._opener = opener
        self._local = threading.local()
        self._opened: list[Archive] = []
        self._lock = threading.Lock()
        self._searches = _Recent(cache_size)
        self._entities = _Recent(cache_size)
        self._speakers = _Recent(1)
        self._entity_counts = _Recent(1 if cache_size else 0)
        self._trends = _Recent(16 if cache_size else 0)
        self._source_names: dict[str, str] | None = None
        self._seen: Any = None
        # Fail now, not on the first request, if the archive cannot be opened.
        self.schema_version = self.archive().schema_version()
        self.identities = self.schema_version >= IDENTITY_SCHEMA

    def _forget_if_changed(self) -> None:
        found = self.archive().fetch("SELECT max(rowid) FROM records")
        latest = found[0][0] if found else None
        with self._lock:
            if latest != self._seen:
                self._seen = latest
                self._searches.clear()
                self._entities.clear()
                self._speakers.clear()
                self._entity_counts.clear()
                self._trends.clear()
                self._source_names = None

    def archive(self) -> Archive:
        archive: Archive | None = getattr(self._local, "archive", None)
        if archive is None:
            archive = self._opener()
            self._local.archive = archive
            with self._lock:
                self._opened.append(archive)
        return archive

    def close(self) -> None:
        with self._lock:
            for archive in self._opened:
                archive.close()
            self._opened.clear()
        self._local = threading.local()

    # --- one record ------------------------------------------------------------

    def article(self, record_id: str) -> ArticleView | None:
        archive = self.archive()
        found = archive.fetch(f"SELECT {_RECORD_COLUMNS} FROM {_RECORD_FROM} WHERE r.id = ?", (record_id,))
        if not found:
            return None
        row = found[0]
        rowid, page_id, cluster = int(row[0]), row[12], row[11]
        spans = rows.record_spans(archive.fetch, rowid, "?")
        record = rows.record_from_row(row[1:12], spans)
        host = None
        if record.parent:
            parents = archive.fetch(f"SELECT {_LINK_COLUMNS} FROM {_LINK_FROM} WHERE r.id = ?", (record.parent,))
            host = _link(parents[0]) if parents else RecordLink(id=record.parent, title=None)
        embedded = [
            _link(r)
            for r in archive.fetch(
                f"SELECT {_LINK_COLUMNS} FROM {_LINK_FROM} WHERE r.page_id = ? AND r.rowid <> ? AND r.parent = ? "
                "ORDER BY r.position",
                (page_id, rowid, record.id),
            )
        ]
        members: list[RecordLink] = []
        if cluster:
            members = [
                _link(r)
                for r in archive.fetch(
                    f"SELECT {_LINK_COLUMNS} FROM cluster_members cm {_join_records('cm.record_rowid')} "
                    "WHERE cm.cluster_id = ? AND cm.record_rowid <> ? ORDER BY cm.record_rowid LIMIT 100",
                    (cluster, rowid),
                )
            ]
        return ArticleView(record=record, host=host, embedded=embedded, cluster_members=members)

    # --- search ----------------------------------------------------------------

    def search(
        self,
        query: Query | None,
        filters: SearchFilters,
        *,
        sort: Sort,
        page: int,
        page_size: int,
        collapse: bool = True,
    ) -> SearchPage:
        """A page of matching records. With `collapse`, a near-duplicate story among the first
        `FACET_SAMPLE` matches is listed once, at its best-ranked copy, with how many other
        matching copies it has; later pages list every record."""
        archive = self.archive()
        by_date = sort == "date" or query is None
        filters = self.resolve(filters)
        self._forget_if_changed()
        cache_key = (query.text if query else None, filters, by_date)
        cached = self._searches.get(cache_key)
        if cached is None:
            sample = archive.ranked_rowids(query, filters, by_date=by_date, limit=FACET_SAMPLE)
            total = len(sample) if len(sample) < FACET_SAMPLE else archive.count_matches(query, filters)
            facets, date_range = self._facets(query, filters, sample, total)
            kept, copies = self._one_per_story(sample)
            cached = (sample, total, facets, date_range, kept, copies)
            self._searches.put(cache_key, cached)
        sample, total, facets, date_range, kept, copies = cached
        listed, hidden = (kept, len(sample) - len(kept)) if collapse else (sample, 0)
        # A page past the last one shows the last one: every page number the user can reach answers.
        page = min(page, last_page(total - hidden, page_size))
        offset = (page - 1) * page_size
        if offset + page_size <= len(listed) or len(sample) < FACET_SAMPLE:
            page_rowids = listed[offset : offset + page_size]
        else:
            # Past the sample nothing is collapsed: the hidden copies shift what comes next.
            page_rowids = archive.ranked_rowids(
                query, filters, by_date=by_date, limit=page_size, offset=offset + hidden
            )
        results = self._results(page_rowids, query, copies if collapse else {})
        return SearchPage(
            results=results,
            total=total,
            page=page,
            page_size=page_size,
            facets=facets,
            date_range=date_range,
            duplicates_hidden=hidden,
        )

    def _one_per_story(self, ranked: list[int]) -> tuple[list[int], dict[int, int]]:
        """`ranked` with each near-duplicate story kept once, at its first copy, and how
        many later copies each kept record stands for."""
        if not ranked:
            return [], {}
        archive = self.archive()
        condition, param = archive.in_condition("record_rowid", ranked)
        story = {
            int(rowid): str(cluster)
            for rowid, cluster in archive.fetch(
                f"SELECT record_rowid, cluster_id FROM cluster_members WHERE {condition}", (param,)
            )
        }
        kept, counts = one_per_story(ranked, story.get)
        return kept, dict(zip(kept, counts, strict=True))

    def _results(self, rowids: list[int], query: Query | None, copies: dict[int, int]) -> list[SearchResult]:
        if not rowids:
            return []
        archive = self.archive()
        condition, param = archive.in_condition("r.rowid", rowids)
        found = {
            int(row[0]): row
            for row in archive.fetch(
                "SELECT r.rowid, r.id, r.title, r.url, r.published, s.name, r.category, m.cluster_id, r.body "
                f"FROM {_RECORD_FROM} WHERE {condition}",
                (param,),
            )
        }
        keys = query.highlight_keys() if query else set()
        results = []
        for rowid in rowids:
            row = found.get(rowid)
            if row is None:
                continue
            body = json.loads(row[8])
            results.append(
                SearchResult(
                    id=row[1],
                    title=row[2],
                    url=row[3],
                    published=row[4],
                    source=row[5],
                    category=row[6],
                    cluster=row[7],
                    snippet=passage_snippet(body, row[2] or "", keys),
                    copies=copies.get(rowid, 0),
                    lead=None if row[2] or not body else first_words(body[0]),
                )
            )
        return results

    def _facets(
        self, query: Query | None, filters: SearchFilters, sample: list[int], total: int
    ) -> tuple[dict[str, Facet], tuple[str | None, str | None]]:
        """Facet counts over every match (not a sample), so each count is the number of results
        that choosing the value gives; and the matches' date range."""
        facets = {name: Facet(name) for name in ("source", "category", "entity", "month")}
        if not sample:
            return facets, (None, None)
        archive = self.archive()
        if total <= len(sample):
            where, param = archive.in_condition("r.rowid", sample)
            params: list[Any] = [param]
        else:
            conditions, params = archive.match_conditions(query, filters)
            where = " AND ".join(conditions) or "r.rowid IS NOT NULL"
        # A facet whose values are chosen counts without its own choice, so that its other values
        # stay there to be added (each count: the records of that value within the other filters).
        own = {
            "source": replace(filters, source=None, sources=()) if filters.source or filters.sources else None,
            "category": replace(filters, category=None, categories=())
            if filters.category or filters.categories
            else None,
        }
        for name, column in (("source", "s.name"), ("category", "r.category"), ("month", "substr(r.published, 1, 7)")):
            facet_where, facet_params = where, params
            without = own.get(name)
            if without is not None:
                conditions, facet_params = archive.match_conditions(query, without)
                facet_where = " AND ".join(conditions) or "r.rowid IS NOT NULL"
            facets[name].values = [
                (str(value), int(count))
                for value, count in archive.fetch(
                    f"SELECT {column} AS v, count(*) AS n FROM {_LINK_FROM} WHERE {facet_where} "
                    f"AND {column} IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT ?",
                    (*facet_params, 100 if name == "month" else _FACET_VALUES),
                )
            ]
        facets["month"].values.sort()
        facets["source"].labels = {value: self.source_label(value) for value, _ in facets["source"].values}
        if query is None and filters == SearchFilters():
            # Every record: the entity index's counts are these, and already kept.
            top = self.entity_index(kind=None, name=None, page=1, page_size=_FACET_VALUES)[0]
            facets["entity"].values = [(entity.name, entity.records) for entity in top]
        else:
            join, group, label = self._entity_grouping()
            entity_where, entity_params = where, params
            if total > ENTITY_FACET_EXACT:
                # Every mention of a very broad search is too many to group per request: its first
                # matches stand for it, and the page says so.
                entity_where, param = archive.in_condition("r.rowid", sample)
                entity_params = [param]
                facets["entity"].estimated_from = len(sample)
            # Records per entity: each (record, entity) pair once, then counted.
            entity_rows = archive.fetch(
                f"SELECT k, min(name), count(*) AS n FROM (SELECT e.record_rowid, {group} AS k, min({label}) AS name "
                f"FROM entities e {join} WHERE e.record_rowid IN "
                f"(SELECT r.rowid FROM {_LINK_FROM} WHERE {entity_where}) AND {group} <> '' "
                f"GROUP BY e.record_rowid, {group}) pairs GROUP BY k ORDER BY n DESC, k LIMIT ?",
                (*entity_params, _FACET_VALUES),
            )
            facets["entity"].values = [(str(name or key), int(n)) for key, name, n in entity_rows]
        dates = archive.fetch(f"SELECT min(r.published), max(r.published) FROM {_LINK_FROM} WHERE {where}", params)
        low, high = dates[0] if dates else (None, None)
        return facets, (low, high)

    # --- entities ----------------------------------------------------------------

    def entity(self, name: str, *, quotes: int = 20) -> EntityView | None:
        key = self.entity_match_key(name)
        if key:
            key = self.identity_of(key)
        if not key:
            return None
        self._forget_if_changed()
        cached: EntityView | None = self._entities.get((key, quotes))
        if cached is None:
            cached = self._entity(key, name, quotes)
            self._entities.put((key, quotes), cached)
        return cached

    def _entity(self, key: str, name: str, quotes: int) -> EntityView | None:
        archive = self.archive()
        members = self.identity_members(key)
        keys, keys_param = archive.in_condition("match_key", members)
        variants = archive.fetch(
            f"SELECT text, canonical, type, count(*) AS n FROM entities WHERE {keys} "
            "GROUP BY text, canonical, type ORDER BY n DESC",
            (keys_param,),
        )
        if not variants:
            return None
        texts: Counter[str] = Counter()
        canonicals: Counter[str] = Counter()
        types: Counter[str] = Counter()
        for text, canonical, kind, n in variants:
            if text:
                texts[str(text)] += int(n)
            if canonical:
                canonicals[str(canonical)] += int(n)
            if kind:
                types[str(kind)] += int(n)
        display = (canonicals or texts).most_common(1)[0][0] if (canonicals or texts) else name
        record_count = archive.fetch(f"SELECT count(DISTINCT record_rowid) FROM entities WHERE {keys}", (keys_param,))
        # Each record once (not each mention): a frequent name has several mentions per record.
        months = archive.fetch(
            "SELECT substr(r.published, 1, 7) AS month, count(*) FROM records r "
            f"WHERE r.rowid IN (SELECT record_rowid FROM entities WHERE {keys}) AND r.published IS NOT NULL "
            "GROUP BY month ORDER BY month",
            (keys_param,),
        )
        latest_rowids = [
            int(r)
            for (r,) in archive.fetch(
                f"SELECT DISTINCT record_rowid FROM entities WHERE {keys} ORDER BY record_rowid DESC LIMIT ?",
                (keys_param, COOCCURRENCE_SAMPLE),
            )
        ]
        condition, param = archive.in_condition("e.record_rowid", latest_rowids)
        join, group, label = self._entity_grouping()
        cooccurring = archive.fetch(
            f"SELECT {group} AS k, min({label}), max(e.type), count(DISTINCT e.record_rowid) AS n FROM entities e "
            f"{join} WHERE {condition} AND {group} <> ? AND {group} <> '' "
            f"GROUP BY {group} ORDER BY n DESC, k LIMIT 20",
            (param, key),
        )
        latest = self._links(latest_rowids[:10])
        names = sorted(set(texts) | set(canonicals))
        return EntityView(
            name=self.identity_name(key) or display,
            key=key,
            type=types.most_common(1)[0][0] if types else None,
            mentions=sum(texts.values()),
            records=int(record_count[0][0]) if record_count else 0,
            variants=texts.most_common(30),
            months=[(str(month), int(n)) for month, n in months if month],
            cooccurring=[(str(canonical or k), kind, int(n)) for k, canonical, kind, n in cooccurring],
            quotes=self.entity_quotes(members, names, limit=quotes),
            latest=latest,
        )

    def name_speakers(self, hits: list[QuoteHit]) -> list[QuoteHit]:
        """Each quote's speaker as an entity of the archive, where it is one (`speaker_entity`)."""
        known: dict[str, str | None] = {}
        for hit in hits:
            if not hit.speaker:
                continue
            if hit.speaker not in known:
                found = self.entity_named(hit.speaker)
                known[hit.speaker] = found.name if found is not None and found.type in ("PER", "ORG") else None
            hit.speaker_entity = known[hit.speaker]
        return hits

    # --- how sources are shown ------------------------------------------------------

    def source_names(self) -> dict[str, str]:
        """How each source is shown (`okaz` -> `عكاظ`), as `marsad ingest --source-names` stored it."""
        names = self._source_names
        if names is None:
            names = {}
            if self.identities:
                names = {str(n): str(d) for n, d in self.archive().fetch("SELECT name, display FROM source_names")}
            self._source_names = names
        return names

    def source_label(self, name: str | None) -> str:
        return self.source_names().get(name, name) if name else ""

    # --- identities: one entity per person, place or organisation -------------------

    def _entity_grouping(self) -> tuple[str, str, str]:
        """(join, group, label) SQL over `entities e` that counts each identity once, under its
        usual name, and leaves out what is no entity; plain keys in an archive without identities."""
        if not self.identities:
            return "", "e.match_key", "e.canonical"
        return (
            "LEFT JOIN entity_identities i ON i.match_key = e.match_key",
            "coalesce(i.identity, e.match_key)",
            "coalesce(i.name, e.canonical)",
        )

    def identity_of(self, key: str) -> str | None:
        """The identity `key` belongs to (itself without identities); None when it names no entity."""
        if not self.identities:
            return key
        found = self.archive().fetch("SELECT identity FROM entity_identities WHERE match_key = ?", (key,))
        if not found:
            return key  # stored after the identities were last built
        return str(found[0][0]) or None

    def identity_name(self, key: str) -> str | None:
        if not self.identities:
            return None
        found = self.archive().fetch("SELECT name FROM entity_identities WHERE match_key = ?", (key,))
        return str(found[0][0]) if found else None

    def identity_members(self, key: str) -> list[str]:
        """Every key stored for the identity `key` (just `key` without identities)."""
        if not self.identities:
            return [key]
        found = self.archive().fetch(
            "SELECT match_key FROM entity_identities WHERE identity = ? ORDER BY match_key", (key,)
        )
        return list(dict.fromkeys([key, *(str(k) for (k,) in found)]))

    def resolve(self, filters: SearchFilters) -> SearchFilters:
        """`filters` with its entity's every stored key, so that the records of all its names match."""
        if not filters.entity or filters.entity_keys:
            return filters
        key = self.entity_match_key(filters.entity)
        written = list(dict.fromkeys([*rows.entity_keys(filters.entity), *([key] if key else [])]))
        return replace(filters, entity_keys=tuple(keys_of_identity(self.archive(), written)))

    def entity_match_key(self, name: str) -> str | None:
        """The key an entity is stored under: `name`'s own when it is a canonical name,
        else the key most mentions written exactly `name` link to (المنصوري → خالد المنصوري)."""
        keys = rows.entity_keys(name)
        if not keys[0]:
            return None
        archive = self.archive()
        for key in keys:
            if archive.fetch("SELECT 1 FROM entities WHERE match_key = ? LIMIT 1", (key,)):
                return key
        if self.schema_version < BROWSE_SCHEMA:
            return None  # without the entities_text index this reads every mention
        found = archive.fetch(
            "SELECT match_key, count(*) AS n FROM entities WHERE text = ? "
            "GROUP BY match_key ORDER BY n DESC, match_key LIMIT 1",
            (name.strip(),),
        )
        return str(found[0][0]) if found else None

    def _links(self, rowids: list[int]) -> list[RecordLink]:
        if not rowids:
            return []
        archive = self.archive()
        condition, param = archive.in_condition("r.rowid", rowids)
        found = {
            int(row[0]): _link(row[1:])
            for row in archive.fetch(f"SELECT r.rowid, {_LINK_COLUMNS} FROM {_LINK_FROM} WHERE {condition}", (param,))
        }
        return [found[rowid] for rowid in rowids if rowid in found]

    def entity_quotes(self, keys: list[str], names: list[str], *, limit: int) -> list[QuoteHit]:
        """Quotes whose speaker is the entity: said by one of its `names`, in a record that mentions it
        (so that a bare family name quoted in an unrelated story is not taken for this person).
        A quote repeated by near-duplicate copies of a story is listed once, from its newest copy."""
        if not names:
            return []
        archive = self.archive()
        condition, param = archive.in_condition("q.speaker", names)
        mentions, mentions_param = archive.in_condition("e.match_key", keys)
        found = archive.fetch(
            "SELECT q.speaker, q.text, q.cue, q.direct, r.id, r.title, r.published, s.name FROM quotes q "
            f"{_join_records('q.record_rowid')} WHERE {condition} "
            f"AND EXISTS (SELECT 1 FROM entities e WHERE e.record_rowid = q.record_rowid AND {mentions}) "
            "ORDER BY r.published DESC, q.record_rowid DESC, q.position LIMIT ?",
            (param, mentions_param, limit * _REPEATS_PER_QUOTE),
        )
        quotes: list[QuoteHit] = []
        seen: set[str] = set()
        for row in found:
            quote = _quote(row)
            said = fold_for_search(" ".join(quote.text.split()))
            if said not in seen:
                seen.add(said)
                quotes.append(quote)
                if len(quotes) == limit:
                    break
        return quotes

    # --- quotes ------------------------------------------------------------------

    def quotes(self, *, speaker: str | None, query: Query | None, page: int, page_size: int) -> list[QuoteHit]:
        """Quotes by a speaker (a part of the speaker's name, or any of an entity's names)
        and/or whose text matches `query`, newest first: up to one more than a page, so
        the caller knows whether a next page exists."""
        archive = self.archive()
        want = page * page_size + 1
        names = self._speaker_names(speaker) if speaker else None
        if names is not None and not names:
            return []
        hits: list[QuoteHit] = []
        if query is None and names is not None:
            condition, param = archive.in_condition("q.speaker", names)
            found = archive.fetch(
                f"SELECT {_QUOTE_COLUMNS} FROM quotes q {_join_records('q.record_rowid')} "
                f"WHERE {condition} AND q.text IS NOT NULL "
                "ORDER BY r.published DESC, q.record_rowid DESC, q.position LIMIT ?",
                (param, want),
            )
            hits = [_quote(row) for row in found]
        else:
            # The matching (or newest) records in date order, then their quotes a
            # batch of records at a time until a page is full: no sort over every quote.
            sample = QUOTE_RECORD_SAMPLE if query is not None else max(200, want)
            rowids = archive.ranked_rowids(query, SearchFilters(), by_date=True, limit=sample)
            order = {rowid: index for index, rowid in enumerate(rowids)}
            start, batch, examined = 0, _QUOTE_BATCH, 0
            while start < len(rowids):
                condition, param = archive.in_condition("q.record_rowid", rowids[start : start + batch])
                # Growing batches: a common word fills a page from the first few records,
                # a rare one needs many, and each quote read is a quote analyzed.
                start, batch = start + batch, min(batch * 2, _QUOTE_BATCH_MAX)
                sql = (
                    f"SELECT q.record_rowid, q.position, {_QUOTE_COLUMNS} FROM quotes q "
                    f"{_join_records('q.record_rowid')} WHERE {condition} AND q.text IS NOT NULL"
                )
                params: list[Any] = [param]
                if names is not None:
                    speaker_condition, speaker_param = archive.in_condition("q.speaker", names)
                    sql += f" AND {speaker_condition}"
                    params.append(speaker_param)
                found = sorted(archive.fetch(sql, params), key=lambda row: (order[int(row[0])], int(row[1])))
                if query is None:
                    hits.extend(_quote(row[2:]) for row in found)
                else:
                    budget = max(QUOTE_SCAN, 3 * want)
                    for row in found[: budget - examined]:
                        hit = _quote(row[2:])
                        if _quote_matches(hit.text, query):
                            hits.append(hit)
                    examined += len(found)
                    if examined >= budget:
                        break
                if len(hits) >= want:
                    break
        first = (page - 1) * page_size
        return hits[first : first + page_size + 1]

    def _all_speakers(self) -> list[str]:
        """Every distinct speaker name (tens of thousands on a large archive), kept in
        memory: a part of a name is then found without reading every quote."""
        self._forget_if_changed()
        found: list[str] | None = self._speakers.get("all")
        if found is None:
            found = [str(name) for (name,) in self.archive().fetch("SELECT DISTINCT speaker FROM quotes") if name]
            self._speakers.put("all", found)
        return found

    def _speaker_names(self, speaker: str) -> list[str]:
        """Every speaker name containing `speaker`, and every name of the entity it names."""
        archive = self.archive()
        part = speaker.strip()
        names = {name for name in self._all_speakers() if part in name}
        if len(names) > _SPEAKER_NAMES:
            names = set(sorted(names, key=len)[:_SPEAKER_NAMES])
        key = self.entity_match_key(speaker)
        root = self.identity_of(key) if key else None
        if root:
            condition, param = archive.in_condition("match_key", self.identity_members(root))
            names.update(
                str(name)
                for (name,) in archive.fetch(
                    f"SELECT DISTINCT text FROM entities WHERE {condition} "
                    f"UNION SELECT DISTINCT canonical FROM entities WHERE {condition}",
                    (param, param),
                )
                if name
            )
        return sorted(names)

    def trends(self, day: str | None, baseline_days: int) -> Trends | None:
        """What is rising on `day` (the archive's newest day when None); None for an archive
        without dated records. Remembered until the archive changes: a day's trends read the
        records of the whole baseline period."""
        self._forget_if_changed()
        archive = self.archive()
        chosen = day or latest_day(archive)
        if chosen is None:
            return None
        cached: Trends | None = self._trends.get((chosen, baseline_days))
        if cached is None:
            cached = trends_of_day(archive, chosen, baseline_days=baseline_days)
            self._trends.put((chosen, baseline_days), cached)
        return cached

    def entity_named(self, text: str) -> EntityCount | None:
        """The entity a search text names (`الكاظمي` → `مصطفى الكاظمي`), with the records that
        mention it under its most frequent type; None when it names none."""
        key = self.entity_match_key(text)
        key = self.identity_of(key) if key else None
        if not key:
            return None
        if self.identities:
            known = self.archive().fetch(
                "SELECT name, type, records FROM entity_identities WHERE match_key = ? AND identity = ?", (key, key)
            )
            if known and int(known[0][2]):
                name, kind, records = known[0]
                return EntityCount(name=str(name), type=str(kind), records=int(records), key=key)
        found = self.archive().fetch(
            "SELECT min(canonical), type, count(DISTINCT record_rowid) AS n FROM entities "
            "WHERE match_key = ? GROUP BY type ORDER BY n DESC, type LIMIT 1",
            (key,),
        )
        if not found:
            return None
        name, kind, records = found[0]
        return EntityCount(name=str(name or key), type=str(kind), records=int(records), key=key)

    def entity_index(
        self, *, kind: str | None, name: str | None, page: int, page_size: int
    ) -> tuple[list[EntityCount], int]:
        """A page of the most mentioned entities (of one type, with `name` in their name)
        and how many there are in all."""
        self._forget_if_changed()
        counts: list[EntityCount] | None = self._entity_counts.get("all")
        if counts is None:
            counts = entity_counts(self.archive(), identities=self.identities)
            self._entity_counts.put("all", counts)
        chosen = select_entities(counts, kind=kind, name=name)
        start = (page - 1) * page_size
        return chosen[start : start + page_size], len(chosen)

    # --- stories -------------------------------------------------------------------

    def clusters(
        self, *, sort: Literal["size", "newest"], page: int, page_size: int
    ) -> tuple[list[ClusterSummary], int]:
        archive = self.archive()
        total_rows = archive.fetch("SELECT count(*) FROM clusters")
        total = int(total_rows[0][0]) if total_rows else 0
        order = "size DESC, newest DESC, c.id" if sort == "size" else "newest DESC, latest DESC, c.id"
        found = archive.fetch(
            "SELECT c.id, count(*) AS size, max(r.published) AS newest, max(cm.record_rowid) AS latest, "
            "c.representative FROM clusters c JOIN cluster_members cm ON cm.cluster_id = c.id "
            "JOIN records r ON r.rowid = cm.record_rowid "
            f"GROUP BY c.id, c.representative ORDER BY {order} LIMIT ? OFFSET ?",
            (page_size, (page - 1) * page_size),
        )
        representatives = self._links_by_rowid([int(row[4]) for row in found])
        summaries = [
            ClusterSummary(
                id=str(cluster_id),
                size=int(size),
                representative=representatives.get(int(rep), RecordLink(id=str(cluster_id), title=None)),
                newest=newest,
            )
            for cluster_id, size, newest, _latest, rep in found
        ]
        return summaries, total

    def _links_by_rowid(self, rowids: list[int]) -> dict[int, RecordLink]:
        if not rowids:
            return {}
        archive = self.archive()
        condition, param = archive.in_condition("r.rowid", rowids)
        return {
            int(row[0]): _link(row[1:])
            for row in archive.fetch(f"SELECT r.rowid, {_LINK_COLUMNS} FROM {_LINK_FROM} WHERE {condition}", (param,))
        }

    def cluster(self, cluster_id: str) -> ClusterSummary | None:
        archive = self.archive()
        head = archive.fetch("SELECT representative FROM clusters WHERE id = ?", (cluster_id,))
        if not head:
            return None
        members = archive.fetch(
            f"SELECT {_LINK_COLUMNS}, cm.similarity, r.rowid FROM cluster_members cm "
            f"{_join_records('cm.record_rowid')} WHERE cm.cluster_id = ? ORDER BY cm.record_rowid",
            (cluster_id,),
        )
        representative_rowid = int(head[0][0])
        links = [(_link(row[:5]), float(row[5])) for row in members]
        representative = next(
            (link for (link, _), row in zip(links, members, strict=True) if int(row[6]) == representative_rowid),
            links[0][0] if links else RecordLink(id=cluster_id, title=None),
        )
        dates = [link.published for link, _ in links if link.published]
        return ClusterSummary(
            id=cluster_id,
            size=len(links),
            representative=representative,
            newest=max(dates) if dates else None,
            members=links,
        )


def _quote(row: tuple[Any, ...]) -> QuoteHit:
    return QuoteHit(
        speaker=row[0],
        text=str(row[1] or ""),
        cue=row[2],
        direct=None if row[3] is None else bool(row[3]),
        record=RecordLink(id=str(row[4]), title=row[5], published=row[6], source=row[7]),
    )


def _quote_matches(text: str, query: Query) -> bool:
    """Whether a quote's own text matches `query`, by the rules the search index follows."""
    words = analyze_words(text)
    joined: str | None = None

    def clause_matches(clause: Clause) -> bool:
        nonlocal joined
        if clause.phrase:
            if joined is None:
                joined = " " + " ".join(key for _, key in words) + " "
            return " " + " ".join(clause.keys) + " " in joined
        return any(clause.keys[0] in forms for forms, _ in words)

    if any(clause_matches(clause) for clause in query.none_of):
        return False
    return all(any(clause_matches(clause) for clause in group) for group in query.all_of)


def iter_months(first: str, last: str) -> Iterator[str]:
    """Every month from `first` to `last` (YYYY-MM), so a chart shows the gaps."""
    try:
        year, month = int(first[:4]), int(first[5:7])
        end_year, end_month = int(last[:4]), int(last[5:7])
    except ValueError:
        raise MarsadError(f"not a month: {first!r} or {last!r}") from None
    while (year, month) <= (end_year, end_month):
        yield f"{year:04d}-{month:02d}"
        month += 1
        if month > 12:
            year, month = year + 1, 1
