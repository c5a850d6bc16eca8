"""marsad search next to plain FTS5 (`unicode61 remove_diacritics 2`) and PostgreSQL's `arabic`
text search configuration: variant-query recall, and latency over the SaudiNewsNet archive.

    .venv/bin/python bench/bench_search.py [--snn-db FILE] [--pg URL] [--snn-limit N] [--no-enrich]

1. Recall: our variant queries (src/marsad/evaluation/data/search_queries.json)
   over newspapers.jsonl.gz, each engine indexing the same title/body text.
2. Ingest: unless --snn-db names an existing archive, all SaudiNewsNet
   articles go through extraction (+ enrichment) into a new SQLite archive,
   timed (pages/s, minutes).
3. Latency: the variant queries plus common words, run against the
   SaudiNewsNet archive the way `marsad search` runs them (parse, BM25 top 20,
   snippets), next to the same words on a plain FTS5 table of the same text;
   p50/p95 in milliseconds.

PostgreSQL runs when --pg (or $MARSAD_TEST_PG) gives a server; its tables go
in a throwaway schema.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import regex

from marsad.evaluation.archive import build_archive, evaluate_search, newspapers_pages, search_queries, shared_dir
from marsad.records import Page
from marsad.store.base import Archive, SearchFilters
from marsad.store.search import parse_query, passage_snippet
from marsad.store.sqlite import SQLiteArchive

_EXTRA_LATENCY_QUERIES = [
    "المملكة",
    "السعودية",
    "الرياض",
    "وزارة الصحة",
    "ولي العهد",
    "داعش OR القاعدة",
    "الملك سلمان",
    "اليمن -الحوثي",
    "كرة القدم",
    "أسعار النفط",
    "الأمم المتحدة",
    "مجلس الوزراء",
    "التعليم",
    "الحج",
]
_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def _plain_match(query: str) -> str:
    """The query as plain FTS5 would get it: each word or phrase quoted, nothing else."""
    parts = []
    for phrase, word in regex.findall(r'"([^"]*)"|(\S+)', query):
        text = phrase or word
        words = _WORDS.findall(text)
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " AND ".join(parts)


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _plain_fts(path: Path, rows: Iterator[tuple[str, str, str]]) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
    db.commit()
    return db


def _lines(text: str) -> tuple[str, str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return (lines[0] if lines else ""), "\n".join(lines[1:])


def recall_table(shared: Path, pg_url: str | None) -> None:
    queries = search_queries()
    with tempfile.TemporaryDirectory() as folder:
        archive = SQLiteArchive(Path(folder) / "marsad.db")
        build_archive(archive, newspapers_pages(shared))
        marsad = {item.query: item for item in evaluate_search(archive).queries}
        archive.close()
        texts = {page.id or "": page.text or "" for page in newspapers_pages(shared)}
        plain = _plain_fts(Path(folder) / "plain.db", ((i, *_lines(t)) for i, t in texts.items()))
        engines: dict[str, Callable[[str], set[str]]] = {
            "fts5 unicode61": lambda q: {
                row[0] for row in plain.execute("SELECT id FROM docs WHERE docs MATCH ?", (_plain_match(q),))
            },
        }
        cleanup: Callable[[], None] = lambda: None  # noqa: E731
        if pg_url:
            search, cleanup = _postgres_arabic(pg_url, texts)
            engines["postgres arabic"] = search
            engines["marsad postgres"] = _marsad_postgres(pg_url, shared)
        try:
            header = f"{'query':22s} {'relevant':>8s} {'marsad':>7s}" + "".join(f" {name:>16s}" for name in engines)
            print(header)
            totals = {"marsad": 0.0, **{name: 0.0 for name in engines}}
            for item in queries:
                relevant = set(item["relevant"])
                row = f"{item['query']:22s} {len(relevant):8d} {marsad[item['query']].recall:7.3f}"
                totals["marsad"] += marsad[item["query"]].recall
                for name, engine in engines.items():
                    recall = len(engine(item["query"]) & relevant) / len(relevant)
                    totals[name] += recall
                    row += f" {recall:16.3f}"
                print(row)
            print("macro recall: " + ", ".join(f"{name} {total / len(queries):.3f}" for name, total in totals.items()))
        finally:
            cleanup()
            for drop in _CLEANUPS:
                drop()
            plain.close()


def _postgres_arabic(url: str, texts: dict[str, str]) -> tuple[Callable[[str], set[str]], Callable[[], None]]:
    import psycopg

    schema = "marsad_bench_" + uuid.uuid4().hex[:10]
    db = psycopg.connect(url, autocommit=True)
    db.execute(f"CREATE SCHEMA {schema}")
    db.execute(f"CREATE TABLE {schema}.docs (id TEXT, body TSVECTOR)")
    with db.cursor() as cur:
        cur.executemany(
            f"INSERT INTO {schema}.docs VALUES (%s, to_tsvector('arabic', %s))",
            [(key, text.replace("\x00", "")) for key, text in texts.items()],
        )

    def search(query: str) -> set[str]:
        conditions, params = [], []
        for phrase, word in regex.findall(r'"([^"]*)"|(\S+)', query):
            conditions.append("body @@ " + ("phraseto_tsquery" if phrase else "plainto_tsquery") + "('arabic', %s)")
            params.append(phrase or word)
        sql = f"SELECT id FROM {schema}.docs WHERE " + " AND ".join(conditions)
        return {row[0] for row in db.execute(sql, params).fetchall()}

    def cleanup() -> None:
        db.execute(f"DROP SCHEMA {schema} CASCADE")
        db.close()

    return search, cleanup


def _marsad_postgres(url: str, shared: Path) -> Callable[[str], set[str]]:
    """marsad's own PostgreSQL backend on the same articles (a throwaway schema), with its latency."""
    import psycopg

    from marsad.store.postgres import PostgresArchive

    schema = "marsad_bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(url, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
    archive = PostgresArchive(url, schema=schema)
    build_archive(archive, newspapers_pages(shared))
    timings: list[float] = []

    def search(query: str) -> set[str]:
        start = time.perf_counter()
        archive.search(parse_query(query), SearchFilters(), 20)
        timings.append(time.perf_counter() - start)
        return {hit.id for hit in archive.search(parse_query(query), SearchFilters(), 1_000_000)}

    def drop() -> None:
        archive.close()
        with psycopg.connect(url, autocommit=True) as db:
            db.execute(f"DROP SCHEMA {schema} CASCADE")
        if timings:
            p50, p95 = _percentiles(timings)
            print(
                f"marsad postgres top-20 latency over {len(search_queries())} queries on newspapers "
                f"(2,910 articles): p50 {p50:.1f} ms, p95 {p95:.1f} ms"
            )

    _CLEANUPS.append(drop)
    return search


_CLEANUPS: list[Callable[[], None]] = []


def _snn_pages(shared: Path, limit: int | None) -> Iterator[Page]:
    path = shared / "data" / "news" / "saudinewsnet.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if limit and number > limit:
                return
            item = json.loads(line)
            yield Page(
                origin=f"{path.name}:{number}",
                text=item["content"],
                title=item.get("title"),
                url=item.get("url"),
                source=item.get("source"),
                published=item.get("date_extracted"),
            )


def ingest_snn(shared: Path, db: Path, limit: int | None, enrich: bool) -> None:
    from marsad.extraction import ExtractOptions, extract_page
    from marsad.store.ingest import ingest_pages

    options = ExtractOptions(enrich=enrich)

    def report(error: Exception) -> None:
        print(f"  skipped: {error}")

    for run in ("first", "second"):
        start = time.perf_counter()
        with SQLiteArchive(db) as archive:
            stats = ingest_pages(
                archive, _snn_pages(shared, limit), lambda p: extract_page(p, options), on_error=report
            )
        seconds = time.perf_counter() - start
        print(f"ingest ({run} run, enrich={enrich}): {stats.summary()}")
        print(f"  {seconds:.1f} s = {seconds / 60:.2f} min, {stats.pages / seconds:,.0f} pages/s")


def _marsad_latency(archive: Archive, queries: list[str], repeat: int) -> tuple[float, float, int]:
    timings: list[float] = []
    for _ in range(repeat):
        for query in queries:
            start = time.perf_counter()
            parsed = parse_query(query)
            hits = archive.search(parsed, SearchFilters(), 20)
            keys = parsed.highlight_keys()
            for hit in hits:
                passage_snippet(hit.body or [], hit.title or "", keys)
            timings.append(time.perf_counter() - start)
    p50, p95 = _percentiles(timings)
    return p50, p95, len(timings)


def latency_table(shared: Path, db: Path, repeat: int, pg_archive: str | None = None) -> None:
    queries = [item["query"] for item in search_queries()] + _EXTRA_LATENCY_QUERIES
    archive = SQLiteArchive(db)
    p50, p95, runs = _marsad_latency(archive, queries, repeat)
    ours = (p50, p95)
    records = archive.counts()["records"]
    archive.close()
    print(
        f"marsad search over {records:,} records ({runs} queries, top 20 + snippets): "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )
    if pg_archive:
        from marsad.store.postgres import PostgresArchive

        with PostgresArchive(pg_archive) as postgres:
            p50, p95, runs = _marsad_latency(postgres, queries, repeat)
            records = postgres.counts()["records"]
        print(
            f"marsad search on PostgreSQL over {records:,} records ({runs} queries): p50 {p50:.1f} ms, p95 {p95:.1f} ms"
        )

    with tempfile.TemporaryDirectory() as folder:
        # The archive's own records (title and body as stored), so that both engines hold the same
        # texts however the archive was built (a part of the collection, or several passes over it).
        stored = sqlite3.connect(db)
        plain = _plain_fts(
            Path(folder) / "plain.db",
            (
                (str(record_id), title or "", "\n".join(json.loads(body)))
                for record_id, title, body in stored.execute("SELECT id, title, body FROM records")
            ),
        )
        stored.close()
        plain_times = []
        for _ in range(repeat):
            for query in queries:
                start = time.perf_counter()
                plain.execute(
                    "SELECT id, title, snippet(docs, 2, '<mark>', '</mark>', '…', 30) FROM docs WHERE docs MATCH ? "
                    "ORDER BY rank LIMIT 20",
                    (_plain_match(query),),
                ).fetchall()
                plain_times.append(time.perf_counter() - start)
        p50, p95 = _percentiles(plain_times)
        plain.close()
    print(f"plain FTS5 unicode61 over the same records (top 20 + FTS5 snippet): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"marsad / plain FTS5: p50 {ours[0] / p50:.2f}x, p95 {ours[1] / p95:.2f}x (the issue asks for at most 1.5x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snn-db", type=Path, help="An existing SaudiNewsNet archive (else one is built).")
    parser.add_argument("--snn-limit", type=int, help="Ingest only the first N SaudiNewsNet articles.")
    parser.add_argument("--no-enrich", action="store_true", help="Ingest without enrichment.")
    parser.add_argument("--pg", default=os.environ.get("MARSAD_TEST_PG"), help="PostgreSQL URL for `arabic`.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs of the latency query set.")
    parser.add_argument("--skip-recall", action="store_true")
    parser.add_argument("--pg-archive", help="A PostgreSQL URL of a SaudiNewsNet archive made by `marsad ingest`.")
    args = parser.parse_args()
    shared = shared_dir()

    if not args.skip_recall:
        recall_table(shared, args.pg)
    if args.snn_db and args.snn_db.exists():
        db = args.snn_db
    else:
        db = args.snn_db or Path(tempfile.mkdtemp()) / "saudinewsnet.db"
        ingest_snn(shared, db, args.snn_limit, enrich=not args.no_enrich)
    latency_table(shared, db, args.repeat, args.pg_archive)


if __name__ == "__main__":
    main()
