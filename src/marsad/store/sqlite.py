"""The embedded archive: one SQLite file in WAL mode, readable with the sqlite3 shell.

Writes go into one explicit transaction per batch (`commit()`), so a crash
loses at most the batch in flight and never leaves half a page behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marsad.arabic.search_terms import analyze, analyzer_fingerprint
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
from marsad.store.lock import LockFile
from marsad.store.schema import SQLITE_MIGRATIONS, SQLITE_VERSION
from marsad.store.search import Query, fts5_expression

__all__ = ["SQLiteArchive"]

# Title words weigh more than body words; the forms and keys columns of one
# field get the same weight.
_BM25 = "bm25(records_fts, 4.0, 1.0, 4.0, 1.0)"


class SQLiteArchive(Archive):
    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.location = str(path)
        self.read_only = read_only
        self._in_transaction = False
        self._source_ids: dict[str, int] = {}
        # Next to the file, not inside it: SQLite's own locks last one transaction, an ingest many.
        in_memory = self.location in ("", ":memory:")
        self._ingest_lock = None if read_only or in_memory else LockFile(Path(self.location + ".ingest-lock"))
        if read_only:
            self._open_read_only(Path(path))
            return
        self._db = sqlite3.connect(self.location, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA busy_timeout=30000")
        self._migrate()
        self._check_analyzer()
        self.check_day_keys()
        self.check_entity_identities()

    def _open_read_only(self, path: Path) -> None:
        # `mode=ro` makes SQLite itself refuse every write, whatever SQL reaches it;
        # an out-of-date archive is served as it is (migrations and index rebuilds write).
        if not path.is_file():
            raise MarsadError(f"no archive at {path}")
        self._db = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        self._db.execute("PRAGMA busy_timeout=30000")
        try:
            version = self.schema_version()
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise MarsadError(f"{path} is not a marsad archive: {error}") from None
        if version == 0:
            self._db.close()
            raise MarsadError(f"{path} is not a marsad archive (no schema_version table)")

    # --- schema ------------------------------------------------------------

    def schema_version(self) -> int:
        exists = self._db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
        if not exists:
            return 0
        row = self._db.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        current = self.schema_version()
        if current >= SQLITE_VERSION:
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            # Another process may have migrated while we waited for the lock.
            row = self._db.execute("SELECT max(version) FROM schema_version").fetchone()
            current = int(row[0] or 0)
            for version in sorted(v for v in SQLITE_MIGRATIONS if v > current):
                for statement in SQLITE_MIGRATIONS[version]:
                    self._db.execute(statement)
                self._db.execute("INSERT INTO schema_version VALUES (?, ?)", (version, _now()))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _check_analyzer(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'analyzer'").fetchone()
        if row is None or row[0] != analyzer_fingerprint():
            self.rebuild_search_index()

    def rebuild_search_index(self) -> None:
        """Re-analyze every record: the index must hold what the current analyzer produces."""
        db = self._write()
        db.execute("INSERT INTO records_fts(records_fts) VALUES ('delete-all')")
        for batch in _chunks(db.execute("SELECT rowid, title, body FROM records ORDER BY rowid")):
            db.executemany(
                "INSERT INTO records_fts(rowid, title_forms, body_forms, title_keys, body_keys) VALUES (?, ?, ?, ?, ?)",
                [(rowid, *_fts_values(title, json.loads(body))) for rowid, title, body in batch],
            )
        db.execute("INSERT OR REPLACE INTO meta VALUES ('analyzer', ?)", (analyzer_fingerprint(),))
        self.commit()

    # --- writing -----------------------------------------------------------

    def _write(self) -> sqlite3.Connection:
        if not self._in_transaction:
            self._db.execute("BEGIN IMMEDIATE")
            self._in_transaction = True
        return self._db

    def commit(self) -> None:
        if self._in_transaction:
            self._db.execute("COMMIT")
            self._in_transaction = False

    def rollback(self) -> None:
        if self._in_transaction:
            self._db.execute("ROLLBACK")
            self._in_transaction = False
        self._source_ids.clear()

    def close(self) -> None:
        self.commit()
        self.release_ingest_lock()
        self._db.close()

    def try_ingest_lock(self) -> bool:
        return self._ingest_lock is None or self._ingest_lock.try_acquire()

    def release_ingest_lock(self) -> None:
        if self._ingest_lock is not None:
            self._ingest_lock.release()

    def _source_id(self, name: str | None) -> int | None:
        if not name:
            return None
        if name not in self._source_ids:
            db = self._write()
            db.execute("INSERT OR IGNORE INTO sources(name) VALUES (?)", (name,))
            self._source_ids[name] = db.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()[0]
        return self._source_ids[name]

    def _delete_records(self, rowids: list[int]) -> None:
        db = self._write()
        for rowid in rowids:
            self._leave_cluster(rowid)
        for rowid in rowids:
            title, body = db.execute("SELECT title, body FROM records WHERE rowid = ?", (rowid,)).fetchone()
            # A contentless index forgets a row only when given the terms it was indexed with.
            db.execute(
                "INSERT INTO records_fts(records_fts, rowid, title_forms, body_forms, title_keys, body_keys) "
                "VALUES ('delete', ?, ?, ?, ?, ?)",
                (rowid, *_fts_values(title, json.loads(body))),
            )
            db.execute("DELETE FROM records WHERE rowid = ?", (rowid,))

    def _leave_cluster(self, rowid: int) -> None:
        db = self._db
        row = db.execute("SELECT cluster_id FROM cluster_members WHERE record_rowid = ?", (rowid,)).fetchone()
        if row is None:
            return
        cluster_id = row[0]
        db.execute("DELETE FROM cluster_members WHERE record_rowid = ?", (rowid,))
        left = [
            r
            for (r,) in db.execute(
                "SELECT record_rowid FROM cluster_members WHERE cluster_id = ? ORDER BY record_rowid", (cluster_id,)
            )
        ]
        if len(left) < 2:
            db.execute("DELETE FROM cluster_members WHERE cluster_id = ?", (cluster_id,))
            db.execute("DELETE FROM clusters WHERE id = ?", (cluster_id,))
        else:
            db.execute(
                "UPDATE clusters SET representative = ? WHERE id = ? AND representative = ?",
                (left[0], cluster_id, rowid),
            )

    def replace_page(self, page: Page, page_id: str, records: Sequence[Record]) -> tuple[list[int], list[int]]:
        db = self._write()
        db.execute("SAVEPOINT page")
        try:
            result = self._replace_page(page, page_id, records)
        except BaseException as error:
            db.execute("ROLLBACK TO page")
            db.execute("RELEASE page")
            self._source_ids.clear()  # a source inserted inside the savepoint is gone again
            if isinstance(error, sqlite3.IntegrityError):
                raise PageRejected(str(error)) from error
            raise
        db.execute("RELEASE page")
        return result

    def _replace_page(self, page: Page, page_id: str, records: Sequence[Record]) -> tuple[list[int], list[int]]:
        db = self._db
        old = [r for (r,) in db.execute("SELECT rowid FROM records WHERE page_id = ?", (page_id,))]
        # A record id another page already holds: the newer page wins.
        for record in records:
            row = db.execute("SELECT rowid FROM records WHERE id = ?", (record.id,)).fetchone()
            if row is not None and row[0] not in old:
                old.append(row[0])
        self.uncount_days(old)
        self._delete_records(old)
        db.execute("DELETE FROM pages WHERE id = ?", (page_id,))
        db.execute(
            "INSERT INTO pages(id, content_hash, origin, url, source_id, published, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                page_id,
                page.content_hash(),
                page.origin,
                page.url,
                self._source_id(page.source),
                iso_published(page.published),
                _now(),
            ),
        )
        rowids = []
        for position, record in enumerate(records):
            rowids.append(self._insert_record(page_id, position, record))
        self.count_days(rowids, records)
        return rowids, old

    def _insert_record(self, page_id: str, position: int, record: Record) -> int:
        db = self._db
        cursor = db.execute(
            "INSERT INTO records(id, page_id, parent, position, source_id, url, published, category, title, "
            "body, boilerplate, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                page_id,
                record.parent,
                position,
                self._source_id(record.source),
                record.url,
                record.published,
                record.category,
                record.title,
                json.dumps(record.body, ensure_ascii=False),
                json.dumps([item.to_dict() for item in record.boilerplate], ensure_ascii=False),
                json.dumps(rows.extra_fields(record), ensure_ascii=False),
            ),
        )
        rowid = int(cursor.lastrowid or 0)
        db.execute(
            "INSERT INTO records_fts(rowid, title_forms, body_forms, title_keys, body_keys) VALUES (?, ?, ?, ?, ?)",
            (rowid, *_fts_values(record.title, record.body)),
        )
        for table, columns, values in rows.span_rows(rowid, record):
            placeholders = ", ".join("?" for _ in columns)
            quoted = ", ".join(f'"{c}"' for c in columns)
            db.executemany(f"INSERT INTO {table}({quoted}) VALUES ({placeholders})", values)
        return rowid

    # --- clusters ----------------------------------------------------------

    def signatures(self) -> Iterator[StoredSignature]:
        return StoredSignature.from_rows(self._db.execute(SIGNATURES_QUERY))

    def save_signature(self, rowid: int, text_hash: str, signature: bytes) -> None:
        self._write().execute(
            "INSERT OR REPLACE INTO signatures(record_rowid, text_hash, signature) VALUES (?, ?, ?)",
            (rowid, text_hash, signature),
        )

    def assign_cluster(self, rowid: int, near: int, similarity: float) -> str:
        db = self._write()
        row = db.execute("SELECT cluster_id FROM cluster_members WHERE record_rowid = ?", (near,)).fetchone()
        if row is None:
            base = db.execute("SELECT id FROM records WHERE rowid = ?", (near,)).fetchone()[0]
            cluster_id, suffix = base, 1
            while db.execute("SELECT 1 FROM clusters WHERE id = ?", (cluster_id,)).fetchone():
                suffix += 1
                cluster_id = f"{base}~{suffix}"
            db.execute("INSERT INTO clusters(id, representative) VALUES (?, ?)", (cluster_id, near))
            db.execute("INSERT INTO cluster_members VALUES (?, ?, 1.0)", (near, cluster_id))
        else:
            cluster_id = row[0]
        db.execute("INSERT OR REPLACE INTO cluster_members VALUES (?, ?, ?)", (rowid, cluster_id, similarity))
        return str(cluster_id)

    def forget_clusters_from(self, rowid: int) -> None:
        db = self._write()
        for statement in FORGET_CLUSTERS_FROM:
            db.execute(statement, (rowid,) * statement.count("?"))

    def clusters(self, min_size: int = 2, limit: int | None = None) -> list[ClusterInfo]:
        sql = (
            "SELECT c.id, r.id, count(*) AS size FROM clusters c JOIN records r ON r.rowid = c.representative "
            "JOIN cluster_members m ON m.cluster_id = c.id GROUP BY c.id HAVING size >= ? "
            "ORDER BY size DESC, c.id"
        )
        params: list[Any] = [min_size]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        found = []
        for cluster_id, representative, _size in self._db.execute(sql, params).fetchall():
            info = ClusterInfo(cluster_id, representative)
            info.members.extend(rows.cluster_members(self._db.execute, cluster_id, "?"))
            found.append(info)
        return found

    # --- reading -----------------------------------------------------------

    def search(self, query: Query | None, filters: SearchFilters, limit: int) -> list[SearchHit]:
        where, params = rows.filter_sql(filters, placeholder="?")
        # Rank and cut to `limit` over rowids alone, then fetch the rows: sorting
        # whole records (bodies included) for thousands of matches is what is slow.
        if query is None:
            top = "SELECT r.rowid, 0.0 AS score FROM records r LEFT JOIN sources s ON s.id = r.source_id"
            top += (" WHERE " + " AND ".join(where)) if where else ""
            top += " ORDER BY r.published DESC, r.rowid LIMIT ?"
            top_params = [*params, limit]
        else:
            top = f"SELECT records_fts.rowid, -{_BM25} AS score FROM records_fts"
            if where:
                top += " JOIN records r ON r.rowid = records_fts.rowid LEFT JOIN sources s ON s.id = r.source_id"
            top += " WHERE records_fts MATCH ?" + "".join(" AND " + clause for clause in where)
            top += f" ORDER BY {_BM25} LIMIT ?"
            top_params = [fts5_expression(query), *params, limit]
        sql = (
            f"WITH top AS ({top}) "
            "SELECT r.rowid, r.id, r.url, r.title, r.published, s.name, r.category, top.score, r.body, m.cluster_id "
            "FROM top JOIN records r ON r.rowid = top.rowid LEFT JOIN sources s ON s.id = r.source_id "
            "LEFT JOIN cluster_members m ON m.record_rowid = r.rowid "
        )
        sql += "ORDER BY top.score DESC, r.rowid" if query is not None else "ORDER BY r.published DESC, r.rowid"
        return [
            SearchHit(
                rowid=row[0],
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
            for row in self._db.execute(sql, top_params).fetchall()
        ]

    def iter_records(self, rowids: Sequence[int] | None = None) -> Iterator[Record]:
        sql = (
            "SELECT r.rowid, r.id, r.parent, s.name, r.url, r.published, r.category, r.title, r.body, "
            "r.boilerplate, r.extra, m.cluster_id FROM records r LEFT JOIN sources s ON s.id = r.source_id "
            "LEFT JOIN cluster_members m ON m.record_rowid = r.rowid "
        )
        if rowids is None:
            batches: Iterator[list[tuple[Any, ...]]] = _chunks(self._db.execute(sql + "ORDER BY r.rowid"))
        else:
            batches = (self._db.execute(sql + "WHERE r.rowid = ?", (rowid,)).fetchall() for rowid in rowids)
        for batch in batches:
            for row in batch:
                spans = rows.record_spans(self._db.execute, row[0], "?")
                yield rows.record_from_row(row[1:], spans)

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, tuple(params)).fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._write().execute(sql, tuple(params))

    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._write().executemany(sql, rows)

    def in_condition(self, column: str, values: Sequence[int] | Sequence[str]) -> tuple[str, Any]:
        # One JSON parameter instead of one placeholder per value: no variable limit to hit.
        return f"{column} IN (SELECT value FROM json_each(?))", json.dumps(list(values), ensure_ascii=False)

    def ranked_rowids(
        self, query: Query | None, filters: SearchFilters, *, by_date: bool, limit: int, offset: int = 0
    ) -> list[int]:
        where, params = rows.filter_sql(filters, placeholder="?")
        # SQLite sorts NULL lowest, so undated records come last, and records_published serves the order.
        newest = " ORDER BY r.published DESC, r.rowid DESC"
        if query is None:
            sql = "SELECT r.rowid FROM records r LEFT JOIN sources s ON s.id = r.source_id"
            sql += (" WHERE " + " AND ".join(where)) if where else ""
            sql += newest
            all_params: list[Any] = params
        elif by_date:
            # Walk the published index from the newest record down and keep the matches:
            # it stops after `limit` of them, where sorting every match of a common word
            # by date means reading all their rows first (50 ms against 5 on 30,000 records).
            sql = (
                "SELECT r.rowid FROM records r INDEXED BY records_published LEFT JOIN sources s ON s.id = r.source_id "
                "WHERE r.rowid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)"
            )
            sql += "".join(" AND " + clause for clause in where) + newest
            all_params = [fts5_expression(query), *params]
        else:
            sql = "SELECT records_fts.rowid FROM records_fts WHERE records_fts MATCH ?" + _within(where)
            sql += f" ORDER BY {_BM25}, records_fts.rowid"
            all_params = [fts5_expression(query), *params]
        sql += " LIMIT ? OFFSET ?"
        return [int(rowid) for (rowid,) in self._db.execute(sql, [*all_params, limit, offset])]

    def day_counts(self, query: Query | None, filters: SearchFilters) -> list[tuple[str, str | None, int]]:
        where, params = self.match_conditions(query, filters)
        found = self._db.execute(self.day_counts_sql(where), params)
        return [(str(day), source, int(count)) for day, source, count in found]

    def match_conditions(self, query: Query | None, filters: SearchFilters) -> tuple[list[str], list[Any]]:
        where, params = rows.filter_sql(filters, placeholder="?")
        if query is not None:
            where.append("r.rowid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)")
            params.append(fts5_expression(query))
        return where, params

    def count_matches(self, query: Query | None, filters: SearchFilters) -> int:
        where, params = rows.filter_sql(filters, placeholder="?")
        if query is None:
            sql = "SELECT count(*) FROM records r LEFT JOIN sources s ON s.id = r.source_id"
            sql += (" WHERE " + " AND ".join(where)) if where else ""
            return int(self._db.execute(sql, params).fetchone()[0])
        sql = "SELECT count(*) FROM records_fts WHERE records_fts MATCH ?" + _within(where)
        return int(self._db.execute(sql, [fts5_expression(query), *params]).fetchone()[0])

    def integrity_check(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    def connection(self) -> sqlite3.Connection:
        """The raw connection, for benchmarks and evaluation that read the tables directly."""
        return self._db


def _within(where: list[str]) -> str:
    """` AND` the full-text matches are among the records passing `where` (over `records r`
    and `sources s`). The filter is one set built once, probed per match: joining every
    match of a common word to its record row first is five times slower. The `+` keeps
    SQLite from handing the rowid list to FTS5, which would run one lookup per rowid."""
    if not where:
        return ""
    return (
        " AND +records_fts.rowid IN (SELECT r.rowid FROM records r LEFT JOIN sources s ON s.id = r.source_id "
        "WHERE " + " AND ".join(where) + ")"
    )


def _chunks(cursor: sqlite3.Cursor, size: int = 500) -> Iterator[list[tuple[Any, ...]]]:
    while True:
        batch = cursor.fetchmany(size)
        if not batch:
            return
        yield batch


def _fts_values(title: str | None, body: list[str]) -> tuple[str, str, str, str]:
    analyzed_title = analyze(title or "")
    analyzed_body = analyze("\n".join(body))
    return analyzed_title.forms, analyzed_body.forms, analyzed_title.keys, analyzed_body.keys


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
