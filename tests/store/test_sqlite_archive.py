"""The SQLite archive: storing, replacing, searching and reading back records we wrote."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from archive_samples import ARTICLES, page_for, simple_extract

from marsad.errors import InputError
from marsad.records import Page
from marsad.store.base import SearchFilters
from marsad.store.ingest import IngestOptions, ingest_pages
from marsad.store.schema import SQLITE_VERSION
from marsad.store.search import parse_query
from marsad.store.sqlite import SQLiteArchive


@pytest.fixture()
def archive(tmp_path: Path) -> SQLiteArchive:
    archive = SQLiteArchive(tmp_path / "archive.db")
    ingest_pages(archive, [page_for(key) for key in ARTICLES], simple_extract, on_error=_fail)
    return archive


def _fail(error: InputError) -> None:
    raise error


def _ids(archive: SQLiteArchive, query: str, **filters: str) -> list[str]:
    return [hit.id for hit in archive.search(parse_query(query), SearchFilters(**filters), 10)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("بالعراق", ["iraq"]),
        ("والرئيس", ["iraq"]),
        ("الأمريكية", ["usa"]),
        ("الامريكيه", ["usa"]),
        ("مستشفى", ["hospital"]),
        ("مستشفيات", ["hospital"]),
        ("مدرسة", ["school"]),
        ("ستستأنف", ["usa"]),
        ('"الخارجية الأمريكية"', ["usa"]),
        ('"الأمريكية الخارجية"', []),
        ("العراق -بغداد", []),
        ("وفد العراق", ["iraq"]),
        ("وفد المدرسة", []),
    ],
)
def test_variant_queries_find_the_article(archive: SQLiteArchive, query: str, expected: list[str]) -> None:
    assert _ids(archive, query) == expected


def test_or_query_ranks_by_bm25(archive: SQLiteArchive) -> None:
    assert set(_ids(archive, "العراق OR مدرسة")) == {"iraq", "school"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"source": "الخليج"}, {"usa", "school"}),
        ({"date_from": "2024-03-02", "date_to": "2024-03-03"}, {"usa", "hospital"}),
        ({"date_to": "2024-03"}, set(ARTICLES)),
        ({"entity": "بغداد"}, {"iraq"}),
        ({"category": "أخبار"}, set(ARTICLES)),
        ({"category": "رياضة"}, set()),
    ],
)
def test_filters_without_query(archive: SQLiteArchive, filters: dict[str, str], expected: set[str]) -> None:
    assert {hit.id for hit in archive.search(None, SearchFilters(**filters), 10)} == expected


def test_filter_with_query(archive: SQLiteArchive) -> None:
    assert _ids(archive, "المدينة", source="الوسط") == ["hospital"]
    assert _ids(archive, "المدينة", source="الخليج") == []


def test_unchanged_pages_are_skipped_and_changed_ones_replaced(archive: SQLiteArchive) -> None:
    again = ingest_pages(archive, [page_for(key) for key in ARTICLES], simple_extract, on_error=_fail)
    assert (again.unchanged, again.stored) == (len(ARTICLES), 0)
    changed = ingest_pages(archive, [page_for("iraq", version=2)], simple_extract, on_error=_fail)
    assert (changed.stored, changed.replaced) == (1, 1)
    assert archive.counts()["pages"] == len(ARTICLES)
    assert archive.counts()["records"] == len(ARTICLES)
    assert _ids(archive, "تحديث") == ["iraq"]
    fts_rows = archive.connection().execute("SELECT count(*) FROM records_fts").fetchone()[0]
    assert fts_rows == len(ARTICLES)


def test_a_bad_page_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    reported: list[InputError] = []
    bad = Page(origin="bad.txt", text="انهيار\nنص", id="bad")
    pages = [page_for("iraq"), bad, page_for("usa")]
    with SQLiteArchive(tmp_path / "a.db") as archive:
        stats = ingest_pages(archive, pages, simple_extract, on_error=reported.append)
        assert stats.failed == 1 and stats.stored == 2
        assert [error.origin for error in reported] == ["bad.txt"]
        assert archive.counts()["pages"] == 2


def test_records_round_trip(archive: SQLiteArchive) -> None:
    stored = {record.id: record for record in archive.iter_records()}
    original = simple_extract(page_for("iraq"))[0]
    assert stored["iraq"].to_dict() == original.to_dict()


def test_file_is_plain_sqlite_in_wal_mode_with_schema_version(archive: SQLiteArchive) -> None:
    archive.close()
    db = sqlite3.connect(archive.location)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SQLITE_VERSION
    assert db.execute("SELECT count(*) FROM records").fetchone()[0] == len(ARTICLES)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    SQLiteArchive(tmp_path / "a.db").close()
    archive = SQLiteArchive(tmp_path / "a.db")
    rows = archive.connection().execute("SELECT count(*) FROM schema_version").fetchone()[0]
    assert rows == SQLITE_VERSION


def _story(edit: str) -> Page:
    body = (
        "أعلنت وزارة الزراعة اليوم عن خطة جديدة لزيادة إنتاج القمح في المناطق الشمالية خلال الموسم المقبل "
        "وتشمل الخطة توزيع بذور محسنة على المزارعين وحفر آبار جديدة وتدريب الفنيين على أساليب الري الحديثة "
        "وقال الوزير إن الهدف هو تحقيق الاكتفاء الذاتي من القمح خلال خمس سنوات"
    )
    return Page(origin=f"{edit}.txt", text=f"عنوان {edit}\n{body}\n{edit}", id=edit, source="الوسط")


def test_near_duplicates_share_a_cluster(tmp_path: Path) -> None:
    with SQLiteArchive(tmp_path / "a.db") as archive:
        pages = [_story("الأولى"), _story("الثانية"), page_for("school")]
        stats = ingest_pages(archive, pages, simple_extract, on_error=_fail, options=IngestOptions(batch_size=1))
        assert stats.duplicates == 1
        records = {record.id: record for record in archive.iter_records()}
        assert records["الأولى"].cluster == records["الثانية"].cluster == "الأولى"
        assert records["school"].cluster is None
        [cluster] = archive.clusters()
        assert cluster.representative == "الأولى"
        assert [member[0] for member in cluster.members] == ["الأولى", "الثانية"]


def test_clusters_survive_a_rerun_and_replacement(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with SQLiteArchive(path) as archive:
        ingest_pages(archive, [_story("الأولى")], simple_extract, on_error=_fail)
    with SQLiteArchive(path) as archive:
        ingest_pages(archive, [_story("الثانية")], simple_extract, on_error=_fail)
        assert len(archive.clusters()) == 1
        changed = Page(
            origin="x", text="عنوان\nنص مختلف تماما عن القصة الأولى لا يشبهها في شيء أبدا ولا قليلا", id="الأولى"
        )
        ingest_pages(archive, [changed], simple_extract, on_error=_fail)
        assert archive.clusters() == []


def test_a_new_migration_is_applied_to_an_existing_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.store.sqlite as sqlite_module

    path = tmp_path / "a.db"
    with SQLiteArchive(path) as archive:
        ingest_pages(archive, [page_for("iraq")], simple_extract, on_error=_fail)
    migrations = {**sqlite_module.SQLITE_MIGRATIONS, SQLITE_VERSION + 1: ("ALTER TABLE pages ADD COLUMN note TEXT",)}
    monkeypatch.setattr(sqlite_module, "SQLITE_MIGRATIONS", migrations)
    monkeypatch.setattr(sqlite_module, "SQLITE_VERSION", SQLITE_VERSION + 1)
    with SQLiteArchive(path) as archive:
        assert archive.schema_version() == SQLITE_VERSION + 1
        assert archive.counts()["pages"] == 1
        columns = [row[1] for row in archive.connection().execute("PRAGMA table_info(pages)")]
        assert "note" in columns


def test_a_replaced_version_leaves_nothing_in_the_index(archive: SQLiteArchive) -> None:
    rewritten = Page(origin="iraq.txt", text="خبر آخر\nنص مختلف تماما عن الرياضة والملاعب", id="iraq", source="الوسط")
    ingest_pages(archive, [rewritten], simple_extract, on_error=_fail)
    assert _ids(archive, "بغداد") == []
    assert _ids(archive, "الملاعب") == ["iraq"]
    # Not only hidden by the join: the old row's terms are gone from the index itself.
    stale = archive.connection().execute("SELECT rowid FROM records_fts WHERE records_fts MATCH '\"بغداد\"'")
    assert stale.fetchall() == []
    archive.connection().execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')")


def test_an_analyzer_change_rebuilds_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.store.sqlite as sqlite_module

    path = tmp_path / "a.db"
    with SQLiteArchive(path) as archive:
        ingest_pages(archive, [page_for(key) for key in ARTICLES], simple_extract, on_error=_fail)
    monkeypatch.setattr(sqlite_module, "analyzer_fingerprint", lambda: "changed")
    with SQLiteArchive(path) as archive:
        meta = archive.connection().execute("SELECT value FROM meta WHERE key = 'analyzer'").fetchone()[0]
        assert meta == "changed"
        assert _ids(archive, "بالعراق") == ["iraq"]
        archive.connection().execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')")


def test_a_failed_page_with_a_new_source_does_not_break_the_next(tmp_path: Path) -> None:
    def extract_then_break(page: Page) -> list:  # type: ignore[type-arg]
        records = simple_extract(page)
        if page.id == "bad":
            records.append(records[0])  # the same record id twice: the insert fails mid-page
        return records

    reported: list[InputError] = []
    bad = Page(origin="bad.txt", text="عنوان\nنص", id="bad", source="مصدر جديد")
    good = Page(origin="good.txt", text="عنوان\nنص آخر", id="good", source="مصدر جديد")
    with SQLiteArchive(tmp_path / "a.db") as archive:
        stats = ingest_pages(archive, [bad, good], extract_then_break, on_error=reported.append)
        assert (stats.failed, stats.stored) == (1, 1)
        assert archive.search(None, SearchFilters(source="مصدر جديد"), 10)[0].id == "good"


def test_an_extractor_crash_is_reported_not_raised(tmp_path: Path) -> None:
    def crashing(page: Page) -> list:  # type: ignore[type-arg]
        if page.id == "usa":
            raise RuntimeError("unexpected")
        return simple_extract(page)

    reported: list[InputError] = []
    with SQLiteArchive(tmp_path / "a.db") as archive:
        stats = ingest_pages(archive, [page_for(key) for key in ARTICLES], crashing, on_error=reported.append)
        assert (stats.failed, stats.stored) == (1, len(ARTICLES) - 1)
        assert "RuntimeError" in reported[0].message
