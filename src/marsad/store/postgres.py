"""The team archive: PostgreSQL through psycopg 3, behind the same interface as SQLite.

Full-text search does not use a PostgreSQL text search configuration: the
`tsvector`s are written literally from marsad's own analyzer (every form of a
word at that word's position, one key per position for phrases), so a query
matches exactly the records it matches in SQLite. Ranking uses `ts_rank`
with title words weighted above body words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from marsad.arabic.search_terms import analyze_words, analyzer_fingerprint
from marsad.errors import MarsadError
from marsad.published import iso_published
from marsad.records import Page, Record
from marsad.store import rows
from marsad.store.base import (
    FORGET_CLUSTERS_FROM,
    SIGNATURES_QUERY,
    Archive,
    ClusterInfo,
    PageRejected,
    SearchFilters,
    SearchHit,
    StoredSignature,
)
from marsad.store.schema import POSTGRES_MIGRATIONS
from marsad.store.search import Query, tsquery_clauses

__all__ = ["POSTGRES_INSTALL", "PostgresArchive"]

POSTGRES_INSTALL = "pip install 'marsad[postgres]'"
_MAX_POSITION = 16383  # PostgreSQL's limit; later words share the last position
_MIGRATION_LOCK = 0x6D617273  # "mars": serializes concurrent migrations
_INGEST_LOCK = 0x696E6773  # "ings", with the schema's hash: one ingest per archive at a time


def _text(value: str | None) -> str | None:
    # PostgreSQL text cannot hold NUL characters; scraped pages sometimes do.
    return value.replace("\x00", "") if value else value


@lru_cache(maxsize=200_000)
def _lexeme(term: str) -> str:
    # Cached: a collection repeats the same few hundred thousand terms over and over.
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literals(title: str | None, body: Sequence[str]) -> tuple[str, str]:
    """(forms, keys) tsvector literals of a record: title words weight A, body words B."""
    forms: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = {}
    position = 0
    for weight, text in (("A", title or ""), ("B", "\n".join(body))):
        for word_forms, key in analyze_words(text):
            if position < _MAX_POSITION:
                position += 1
            entry = f"{position}{weight}"
            for form in word_forms:
                entries = forms.get(form)
                if entries is None:
                    forms[form] = [entry]
                else:
                    entries.append(entry)
            entries = keys.get(key)
            if entries is None:
                keys[key] = [entry]
            else:
                entries.append(entry)
    # Past the last position every word shares it: only then can a term repeat an entry.
    unique = position < _MAX_POSITION

    def literal(terms: dict[str, list[str]]) -> str:
        return " ".join(
            [
                f"{_lexeme(term)}:{','.join(entries if unique else dict.fromkeys(entries))}"
                for term, entries in terms.items()
            ]
        )

    return literal(forms), literal(keys)


class PostgresArchive(Archive):
    def __init__(self, url: str, *, schema: str | None = None, read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError:
            raise MarsadError(f"the PostgreSQL archive needs psycopg: {POSTGRES_INSTALL}") from None
        self.location = url
        options = f"-c search_path={schema}" if schema else None
        try:
            self._db = (
                psycopg.connect(url, autocommit=False, options=options)
                if options
                else psycopg.connect(url, autocommit=False)
            )
        except psycopg.OperationalError as error:
            raise MarsadError(f"cannot connect to {url}: {error}".strip()) from None
        self._source_ids: dict[str, int] = {}
        self._holds_ingest_lock = False
        self.read_only = read_only
        if read_only:
            # The server refuses every write in a read-only session; autocommit so
            # that no transaction stays open between two reads.
            self._db.autocommit = True
            self._db.execute("SET default_transaction_read_only = on")
            return
        self._migrate()
        self._check_analyzer()
        self.check_day_keys()
        self.check_entity_identities()

    def _migrate(self) -> None:
        with self._db.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            cur.execute("SELECT max(version) FROM schema_version")
            row = cur.fetchone()
            current = int(row[0] or 0) if row else 0
            for version in sorted(v for v in POSTGRES_MIGRATIONS if v > current):
                for statement in POSTGRES_MIGRATIONS[version]:
                    cur.execute(statement)
                cur.execute("INSERT INTO schema_version VALUES (%s, %s)", (version, _now()))
        self._db.commit()

    def _check_analyzer(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'analyzer'").fetchone()
        if row is None or row[0] != analyzer_fingerprint():
            self.rebuild_search_index()

    def rebuild_search_index(self) -> None:
        """Re-analyze every record: the tsvectors must hold what the current analyzer produces."""
        rows_ = self._db.execute("SELECT rowid, title, body FROM records ORDER BY rowid").fetchall()
        with self._db.cursor() as cur:
            cur.executemany(
                "UPDATE records SET forms_vec = %s::tsvector, keys_vec = %s::tsvector WHERE rowid = %s",
                [(*tsvector_literals(title, json.loads(body)), rowid) for rowid, title, body in rows_],
            )
        self._db.execute(
            "INSERT INTO meta VALUES ('analyzer', %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (analyzer_fingerprint(),),
        )
        self._db.commit()

    def schema_version(self) -> int:
        row = self._db.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0) if row else 0

    def commit(self) -> None:
        self._db.commit()

    def close(self) -> None:
        if not self._db.closed:
            self._db.commit()
            self.release_ingest_lock()
            self._db.close()

    def try_ingest_lock(self) -> bool:
        from psycopg.pq import TransactionStatus

        if self._holds_ingest_lock:
            return True
        idle = self._db.info.transaction_status == TransactionStatus.IDLE
        # A session lock, not a transaction one: it must outlive the batches' commits.
        # Keyed by schema, as several archives may share one database.
        row = self._db.execute(
            "SELECT pg_try_advisory_lock(%s, hashtext(current_schema()))", (_INGEST_LOCK,)
        ).fetchone()
        if idle:
            # End the transaction the query opened: a waiting ingest must not sit idle in one.
            self._db.commit()
        self._holds_ingest_lock = bool(row and row[0])
        return self._holds_ingest_lock

    def release_ingest_lock(self) -> None:
        from psycopg.pq import TransactionStatus

        status = self._db.info.transaction_status
        # Inside a failed transaction no query runs; the lock then goes with the session.
        if self._holds_ingest_lock and status in (TransactionStatus.IDLE, TransactionStatus.INTRANS):
            self._db.execute("SELECT pg_advisory_unlock(%s, hashtext(current_schema()))", (_INGEST_LOCK,))
            if status == TransactionStatus.IDLE:
                self._db.commit()  # ends only the transaction the unlock opened
        self._holds_ingest_lock = False

    def rollback(self) -> None:
        if not self._db.closed:
            self._db.rollback()
        self._source_ids.clear()

    def display_name(self) -> str:
        return _without_password(self.location)

    def _source_id(self, name: str | None) -> int | None:
        if not name:
            return None
        if name not in self._source_ids:
            self._db.execute("INSERT INTO sources(name) VALUES (%s) ON CONFLICT (name) DO NOTHING", (name,))
            row = self._db.execute("SELECT id FROM sources WHERE name = %s", (name,)).fetchone()
            assert row is not None
            self._source_ids[name] = int(row[0])
        return self._source_ids[name]

    # --- writing -----------------------------------------------------------

    def replace_page(self, page: Page, page_id: str, records: Sequence[Record]) -> tuple[list[int], list[int]]:
        import psycopg

        # A savepoint inside the batch's transaction, as on SQLite. Never
        # `transaction()`: on a connection with no transaction open (the first
        # page after a commit) it opens and commits one of its own, and the page
        # became visible alone, ahead of its fingerprint, its cluster and the rest
        # of its batch; a crash then lost the fingerprint for good (#15).
        db = self._db
        db.execute("SAVEPOINT page")
        try:
            result = self._replace_page(page, page_id, records)
        except BaseException as error:
            if not db.closed:
                db.execute("ROLLBACK TO SAVEPOINT page")
                db.execute("RELEASE SAVEPOINT page")
            self._source_ids.clear()  # a source inserted inside the savepoint is gone again
            if isinstance(error, psycopg.IntegrityError | psycopg.DataError):
                raise PageRejected(str(error).strip()) from error
            raise
        db.execute("RELEASE SAVEPOINT page")
        return result

    def _replace_page(self, page: Page, page_id: str, records: Sequence[Record]) -> tuple[list[int], list[int]]:
        db = self._db
        # The page's records, and records of other pages whose ids this page now claims.
        found = db.execute(
            "SELECT rowid, page_id = %s FROM records WHERE page_id = %s OR id = ANY(%s)",
            (page_id, page_id, [record.id for record in records]),
        ).fetchall()
        old = [int(r) for r, own in found if own] + [int(r) for r, own in found if not own]
        self.uncount_days(old)
        for rowid in old:
            self._leave_cluster(rowid)
        if old:
            db.execute("DELETE FROM records WHERE rowid = ANY(%s)", (old,))
        db.execute("DELETE FROM pages WHERE id = %s", (page_id,))
        db.execute(
            "INSERT INTO pages(id, content_hash, origin, url, source_id, published, ingested_at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            (
                page_id,
                page.content_hash(),
                _text(page.origin),
                _text(page.url),
                self._source_id(_text(page.source)),
                iso_published(_text(page.published)),
                _now(),
            ),
        )
        rowids = [self._insert_record(page_id, position, record) for position, record in enumerate(records)]
        self.count_days(rowids, records)
        return rowids, old

    def _insert_record(self, page_id: str, position: int, record: Record) -> int:
        forms, keys = tsvector_literals(record.title, record.body)
        row = self._db.execute(
            "INSERT INTO records(id, page_id, parent, position, source_id, url, published, category, title, "
            "body, boilerplate, extra, forms_vec, keys_vec) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::tsvector, %s::tsvector) RETURNING rowid",
            (
                record.id,
                page_id,
                record.parent,
                position,
                self._source_id(_text(record.source)),
                _text(record.url),
                _text(record.published),
                _text(record.category),
                _text(record.title),
                json.dumps(record.body, ensure_ascii=False),
                json.dumps([item.to_dict() for item in record.boilerplate], ensure_ascii=False),
                json.dumps(rows.extra_fields(record), ensure_ascii=False),
                forms,
                keys,
            ),
        ).fetchone()
        assert row is not None
        rowid = int(row[0])
        # One pipeline: the span tables' inserts share a single round trip to the server.
        with self._db.pipeline(), self._db.cursor() as cur:
            for table, columns, values in rows.span_rows(rowid, record):
                placeholders = ", ".join("%s" for _ in columns)
                quoted = ", ".join(f'"{c}"' for c in columns)
                cur.executemany(f"INSERT INTO {table}({quoted}) VALUES ({placeholders})", values)
        return rowid

    def _leave_cluster(self, rowid: int) -> None:
        db = self._db
        row = db.execute("SELECT cluster_id FROM cluster_members WHERE record_rowid = %s", (rowid,)).fetchone()
        if row is None:
            return
        cluster_id = row[0]
        db.execute("DELETE FROM cluster_members WHERE record_rowid = %s", (rowid,))
        left = [
            int(r)
            for (r,) in db.execute(
                "SELECT record_rowid FROM cluster_members WHERE cluster_id = %s ORDER BY record_rowid", (cluster_id,)
            )
        ]
        if len(left) < 2:
            db.execute("DELETE FROM cluster_members WHERE cluster_id = %s", (cluster_id,))
            db.execute("DELETE FROM clusters WHERE id = %s", (cluster_id,))
        else:
            db.execute(
                "UPDATE clusters SET representative = %s WHERE id = %s AND representative = %s",
                (left[0], cluster_id, rowid),
            )

    # --- clusters ----------------------------------------------------------

    def signatures(self) -> Iterator[StoredSignature]:
        return StoredSignature.from_rows(self._db.execute(SIGNATURES_QUERY))

    def save_signature(self, rowid: int, text_hash: str, signature: bytes) -> None:
        self._db.execute(
            "INSERT INTO signatures(record_rowid, text_hash, signature) VALUES (%s, %s, %s) "
            "ON CONFLICT (record_rowid) DO UPDATE SET text_hash = EXCLUDED.text_hash, signature = EXCLUDED.signature",
            (rowid, text_hash, signature),
        )

    def assign_cluster(self, rowid: int, near: int, similarity: float) -> str:
        db = self._db
        row = db.execute("SELECT cluster_id FROM cluster_members WHERE record_rowid = %s", (near,)).fetchone()
        if row is None:
            found = db.execute("SELECT id FROM records WHERE rowid = %s", (near,)).fetchone()
            assert found is not None
            base = str(found[0])
            cluster_id, suffix = base, 1
            while db.execute("SELECT 1 FROM clusters WHERE id = %s", (cluster_id,)).fetchone():
                suffix += 1
                cluster_id = f"{base}~{suffix}"
            db.execute("INSERT INTO clusters(id, representative) VALUES (%s, %s)", (cluster_id, near))
            db.execute("INSERT INTO cluster_members VALUES (%s, %s, 1.0)", (near, cluster_id))
        else:
            cluster_id = str(row[0])
        db.execute(
            "INSERT INTO cluster_members VALUES (%s, %s, %s) ON CONFLICT (record_rowid) "
            "DO UPDATE SET cluster_id = EXCLUDED.cluster_id, similarity = EXCLUDED.similarity",
            (rowid, cluster_id, similarity),
        )
        return cluster_id

    def forget_clusters_from(self, rowid: int) -> None:
        for statement in FORGET_CLUSTERS_FROM:
            self._db.execute(statement.replace("?", "%s"), (rowid,) * statement.count("?"))

    def clusters(self, min_size: int = 2, limit: int | None = None) -> list[ClusterInfo]:
        sql = (
            "SELECT c.id, r.id, count(*) AS size FROM clusters c JOIN records r ON r.rowid = c.representative "
            "JOIN cluster_members m ON m.cluster_id = c.id GROUP BY c.id, r.id HAVING count(*) >= %s "
            "ORDER BY size DESC, c.id"
        )
        params: list[Any] = [min_size]
        if limit is not None:
            sql += " LIMIT %s"
            params.append(limit)
        found = []
        for cluster_id, representative, _size in self._db.execute(sql, params).fetchall():
            info = ClusterInfo(str(cluster_id), str(representative))
            info.members.extend(rows.cluster_members(self._db.execute, cluster_id, "%s"))
            found.append(info)
        return found

    # --- reading -----------------------------------------------------------

    def search(self, query: Query | None, filters: SearchFilters, limit: int) -> list[SearchHit]:
        where, params = self.match_conditions(query, filters)
        score = "0.0"
        score_params: list[Any] = []
        if query is not None:
            # Ranked on the keys (one per word, half the size of the forms): ranking
            # reads the vector of every match, so its size is the search's cost.
            score = "ts_rank('{0.1, 0.2, 0.4, 1.0}', r.keys_vec, %s::tsquery)"
            score_params.append(" | ".join(sorted({f"'{key}'" for key in query.highlight_keys()})))
        sql = (
            f"SELECT r.rowid, r.id, r.url, r.title, r.published, s.name, r.category, {score} AS score, r.body, "
            "m.cluster_id FROM records r LEFT JOIN sources s ON s.id = r.source_id "
            "LEFT JOIN cluster_members m ON m.record_rowid = r.rowid "
        )
        if where:
            sql += "WHERE " + " AND ".join(where)
        sql += (
            " ORDER BY score DESC, r.published DESC, r.rowid LIMIT %s"
            if query is not None
            else (" ORDER BY r.published DESC, r.rowid LIMIT %s")
        )
        if query is not None:
            # The planner prices a sequential scan without the cost of reading each
            # row's out-of-line tsvector, and picks it for common words; the GIN index
            # is always the faster way to find the matches.
            self._db.execute("SET LOCAL enable_seqscan = off")
        try:
            result = self._db.execute(sql, [*score_params, *params, limit]).fetchall()
        finally:
            if query is not None:
                self._db.execute("SET LOCAL enable_seqscan = on")
        return [
            SearchHit(
                rowid=int(row[0]),
                id=row[1],
                url=row[2],
                title=row[3],
                published=row[4],
                source=row[5],
                category=row[6],
                score=float(row[7]),
                body=json.loads(row[8]),
                cluster=row[9],
            )
            for row in result
        ]

    def iter_records(self, rowids: Sequence[int] | None = None) -> Iterator[Record]:
        sql = (
            "SELECT r.rowid, r.id, r.parent, s.name, r.url, r.published, r.category, r.title, r.body, "
            "r.boilerplate, r.extra, m.cluster_id FROM records r LEFT JOIN sources s ON s.id = r.source_id "
            "LEFT JOIN cluster_members m ON m.record_rowid = r.rowid "
        )
        if rowids is None:
            found = self._db.execute(sql + "ORDER BY r.rowid").fetchall()
        else:
            found = []
            for rowid in rowids:
                found.extend(self._db.execute(sql + "WHERE r.rowid = %s", (rowid,)).fetchall())
        for row in found:
            spans = rows.record_spans(self._db.execute, row[0], "%s")
            yield rows.record_from_row(row[1:], spans)

    # --- browsing (marsad.store.browse) --------------------------------------

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        # Browse queries hold no literal `?` or `%`: every value is a parameter.
        return self._db.execute(sql.replace("?", "%s"), tuple(params)).fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._db.execute(sql.replace("?", "%s"), tuple(params))

    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._db.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), rows)

    def in_condition(self, column: str, values: Sequence[int] | Sequence[str]) -> tuple[str, Any]:
        return f"{column} = ANY(?)", list(values)

    def match_conditions(self, query: Query | None, filters: SearchFilters) -> tuple[list[str], list[Any]]:
        where, params = rows.filter_sql(filters, placeholder="%s")
        if query is not None:
            groups, excluded = tsquery_clauses(query)
            for group in groups:
                where.append("(" + " OR ".join(f"r.{column} @@ %s::tsquery" for column, _ in group) + ")")
                params.extend(text for _, text in group)
            for column, text in excluded:
                where.append(f"NOT (r.{column} @@ %s::tsquery)")
                params.append(text)
        return where, params

    def ranked_rowids(
        self, query: Query | None, filters: SearchFilters, *, by_date: bool, limit: int, offset: int = 0
    ) -> list[int]:
        where, params = self.match_conditions(query, filters)
        order = "r.published DESC NULLS LAST, r.rowid DESC"
        score_params: list[Any] = []
        if query is not None and not by_date:
            order = "ts_rank('{0.1, 0.2, 0.4, 1.0}', r.keys_vec, %s::tsquery) DESC, r.rowid"
            score_params.append(" | ".join(sorted({f"'{key}'" for key in query.highlight_keys()})))
        sql = "SELECT r.rowid FROM records r LEFT JOIN sources s ON s.id = r.source_id"
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        sql += f" ORDER BY {order} LIMIT %s OFFSET %s"
        found = self._db.execute(sql, [*params, *score_params, limit, offset]).fetchall()
        return [int(rowid) for (rowid,) in found]

    def day_counts(self, query: Query | None, filters: SearchFilters) -> list[tuple[str, str | None, int]]:
        where, params = self.match_conditions(query, filters)
        found = self._db.execute(self.day_counts_sql(where), params).fetchall()
        return [(str(day), source, int(count)) for day, source, count in found]

    def count_matches(self, query: Query | None, filters: SearchFilters) -> int:
        where, params = self.match_conditions(query, filters)
        sql = "SELECT count(*) FROM records r LEFT JOIN sources s ON s.id = r.source_id"
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        row = self._db.execute(sql, params).fetchone()
        return int(row[0]) if row else 0


def _without_password(url: str) -> str:
    """`url` fit for a message: a password in it is masked."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
