"""The PostgreSQL archive against a real server (MARSAD_TEST_PG); same answers as SQLite."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_samples import ARTICLES, page_for, simple_extract, synthetic_pages

from marsad.errors import InputError
from marsad.store.base import Archive, SearchFilters
from marsad.store.ingest import IngestOptions, ingest_pages
from marsad.store.search import parse_query
from marsad.store.sqlite import SQLiteArchive

URL = os.environ.get("MARSAD_TEST_PG")
pytestmark = pytest.mark.skipif(not URL, reason="set MARSAD_TEST_PG to a PostgreSQL URL to run these")


def _fail(error: InputError) -> None:
    raise error


@pytest.fixture()
def schema() -> Iterator[str]:
    import psycopg

    assert URL is not None
    name = "marsad_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(URL, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {name}")
    yield name
    with psycopg.connect(URL, autocommit=True) as db:
        db.execute(f"DROP SCHEMA {name} CASCADE")


def _postgres(schema: str) -> Archive:
    from marsad.store.postgres import PostgresArchive

    assert URL is not None
    return PostgresArchive(URL, schema=schema)


@pytest.fixture()
def both(schema: str, tmp_path: Path) -> Iterator[tuple[Archive, Archive]]:
    archives = (SQLiteArchive(tmp_path / "a.db"), _postgres(schema))
    pages = [page_for(key) for key in ARTICLES] + synthetic_pages(40)
    for archive in archives:
        ingest_pages(archive, pages, simple_extract, on_error=_fail)
    yield archives
    for archive in archives:
        archive.close()


@pytest.mark.parametrize(
    "query",
    [
        "بالعراق",
        "والرئيس",
        "الأمريكية",
        "مستشفى",
        "مدرسة",
        '"الخارجية الأمريكية"',
        '"الأمريكية الخارجية"',
        "العراق -بغداد",
        "العراق OR مدرسة",
        "الوزير",
        "بالرياض",
        '"مدرسة جديدة"',
        "جدة -مدرسة",
        "يوم",
    ],
)
def test_same_results_on_both_backends(both: tuple[Archive, Archive], query: str) -> None:
    sqlite, postgres = both
    parsed = parse_query(query)
    found = [{hit.id for hit in archive.search(parsed, SearchFilters(), 1000)} for archive in both]
    assert found[0] == found[1]
    assert sqlite.counts() == postgres.counts()


@pytest.mark.parametrize(
    "filters",
    [SearchFilters(source="الخليج"), SearchFilters(entity="بغداد"), SearchFilters(date_from="2024-03-02")],
)
def test_same_filters_on_both_backends(both: tuple[Archive, Archive], filters: SearchFilters) -> None:
    found = [{hit.id for hit in archive.search(None, filters, 1000)} for archive in both]
    assert found[0] == found[1] and found[0]


def test_rerun_replace_and_round_trip(schema: str) -> None:
    with _postgres(schema) as archive:
        ingest_pages(archive, [page_for(key) for key in ARTICLES], simple_extract, on_error=_fail)
        again = ingest_pages(archive, [page_for(key) for key in ARTICLES], simple_extract, on_error=_fail)
        assert again.unchanged == len(ARTICLES)
        changed = ingest_pages(archive, [page_for("iraq", version=2)], simple_extract, on_error=_fail)
        assert changed.replaced == 1
        assert archive.counts()["records"] == len(ARTICLES)
        stored = {record.id: record for record in archive.iter_records()}
        assert stored["usa"].to_dict() == simple_extract(page_for("usa"))[0].to_dict()
        hits = archive.search(parse_query("تحديث"), SearchFilters(), 10)
        assert [hit.id for hit in hits] == ["iraq"]


def test_clusters_and_reopen(schema: str) -> None:
    pages = synthetic_pages(30)
    with _postgres(schema) as archive:
        ingest_pages(archive, pages[:15], simple_extract, on_error=_fail, options=IngestOptions(batch_size=4))
    with _postgres(schema) as archive:
        ingest_pages(archive, pages[15:], simple_extract, on_error=_fail)
        assert archive.counts()["pages"] == 30
        for cluster in archive.clusters():
            assert cluster.representative in {member[0] for member in cluster.members}


def test_bad_url_is_a_clear_error() -> None:
    from marsad.errors import MarsadError
    from marsad.store.postgres import PostgresArchive

    with pytest.raises(MarsadError, match="cannot connect"):
        PostgresArchive("postgresql://nobody@127.0.0.1:1/none")


def test_cli_ingest_and_search_on_postgres(schema: str, tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from marsad.commands.ingest import ingest_command
    from marsad.commands.search import search_command

    assert URL is not None
    page = tmp_path / "iraq.txt"
    page.write_text(
        "وفد حكومي يزور العراق لبحث التعاون\n"
        "وصل وفد حكومي رفيع إلى بغداد صباح الأحد في زيارة رسمية تستمر ثلاثة أيام وتشمل لقاءات عديدة.\n"
        "وقال الرئيس في مؤتمر صحفي إن الزيارة تفتح صفحة جديدة في العلاقات مع العراق والدول المجاورة.\n",
        encoding="utf-8",
    )
    url = f"{URL}{'&' if '?' in URL else '?'}options=-csearch_path%3D{schema}"
    result = CliRunner().invoke(ingest_command, [str(page), "--db", url])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(search_command, ["بالعراق", "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    [hit] = [json.loads(line) for line in result.output.splitlines()]
    assert "<mark>" in hit["snippet"]


def test_a_rejected_page_is_reported_and_the_next_stored(schema: str) -> None:
    from marsad.records import Page, Record

    def twice(page: Page) -> list[Record]:
        records = simple_extract(page)
        return records + records if page.id == "bad" else records

    reported: list[InputError] = []
    bad = Page(origin="bad.txt", text="عنوان\nنص", id="bad", source="مصدر جديد")
    good = Page(origin="good.txt", text="عنوان\nنص آخر", id="good", source="مصدر جديد")
    with _postgres(schema) as archive:
        stats = ingest_pages(archive, [bad, good], twice, on_error=reported.append)
        assert (stats.failed, stats.stored) == (1, 1)
        assert [error.origin for error in reported] == ["bad.txt"]
        assert archive.search(None, SearchFilters(source="مصدر جديد"), 10)[0].id == "good"
