"""The web UI's read queries (marsad.store.browse) on a real archive: SQLite always,
PostgreSQL too when MARSAD_TEST_PG names a database; both must give the same answers."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from webfixtures import HOSTILE_ID, POSTGRES_URL, SPEAKER, STORY_A, STORY_B, example_archive, fill_archive, web_pages

from marsad.errors import InputError, MarsadError
from marsad.extraction import ExtractOptions, extract_page
from marsad.records import Page, Record
from marsad.store.base import SearchFilters
from marsad.store.browse import FACET_SAMPLE, ArchiveBrowser, iter_months, open_read_only
from marsad.store.ingest import ingest_pages
from marsad.store.search import parse_query
from marsad.store.sqlite import SQLiteArchive


@pytest.fixture(scope="session")
def sqlite_browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveBrowser]:
    path = example_archive(tmp_path_factory.mktemp("web"))
    browser = ArchiveBrowser(lambda: open_read_only(str(path)))
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def postgres_schema() -> Iterator[str]:
    """A schema of its own in the MARSAD_TEST_PG database, holding the test archive."""
    if not POSTGRES_URL:
        pytest.skip("set MARSAD_TEST_PG to a PostgreSQL URL to run these")
    import psycopg

    from marsad.store.postgres import PostgresArchive

    schema = "marsad_web_" + uuid.uuid4().hex[:12]
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
    try:
        with PostgresArchive(POSTGRES_URL, schema=schema) as archive:
            fill_archive(archive)
        yield schema
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
            db.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="session")
def postgres_browser(postgres_schema: str) -> Iterator[ArchiveBrowser]:
    from marsad.store.postgres import PostgresArchive

    browser = ArchiveBrowser(lambda: PostgresArchive(POSTGRES_URL or "", schema=postgres_schema, read_only=True))
    yield browser
    browser.close()


@pytest.fixture(params=["sqlite", "postgres"])
def browser(request: pytest.FixtureRequest) -> ArchiveBrowser:
    found: ArchiveBrowser = request.getfixturevalue(f"{request.param}_browser")
    return found


def _ids(browser: ArchiveBrowser, query: str | None, **options: object) -> list[str]:
    parsed = parse_query(query) if query else None
    filters = SearchFilters(**{k: v for k, v in options.items() if k != "sort"})  # type: ignore[arg-type]
    sort = str(options.get("sort", "relevance"))
    found = browser.search(parsed, filters, sort=sort, page=1, page_size=50, collapse=False)  # type: ignore[arg-type]
    return [result.id for result in found.results]


# --- one record ---------------------------------------------------------------


def test_article_has_its_enrichment_and_its_cluster(browser: ArchiveBrowser) -> None:
    view = browser.article(STORY_A)
    assert view is not None
    assert view.record.title == "خط عبّارات جديد بين ينبع وسفاجا"
    assert view.record.published == "2023-05-02"
    assert {quote["speaker"] for quote in view.record.quotes} == {SPEAKER}
    assert [link.id for link in view.cluster_members] == [STORY_B]
    assert view.host is None and view.embedded == []


def test_host_page_and_embedded_story_link_to_each_other(browser: ArchiveBrowser) -> None:
    rows = browser.archive().fetch("SELECT id, parent FROM records WHERE parent IS NOT NULL ORDER BY id")
    assert rows, "examples/ holds pages with embedded stories"
    for child, parent in rows:
        child_view = browser.article(child)
        parent_view = browser.article(parent)
        assert child_view is not None and parent_view is not None
        assert child_view.host is not None and child_view.host.id == parent
        assert child in [link.id for link in parent_view.embedded]


@pytest.mark.parametrize("record_id", ["no-such-record", "", "' OR 1=1 --", STORY_A + "/9"])
def test_unknown_record_is_none(browser: ArchiveBrowser, record_id: str) -> None:
    assert browser.article(record_id) is None


# --- search -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("عبارات", {STORY_A, STORY_B}),  # the shadda of عبّارات folds away
        ("بينبع", {STORY_A, STORY_B}),  # a clitic: بـ + ينبع
        ('"وزير النقل"', {STORY_A, STORY_B}),
        ("الزهراني", {HOSTILE_ID}),
        ("عبارات -موسمي", {STORY_A}),
    ],
)
def test_search_finds_arabic_variants(browser: ArchiveBrowser, query: str, expected: set[str]) -> None:
    assert set(_ids(browser, query)) == expected


def test_snippets_are_escaped_and_highlighted(browser: ArchiveBrowser) -> None:
    found = browser.search(parse_query("شركة"), SearchFilters(), sort="relevance", page=1, page_size=10)
    [hostile] = [result for result in found.results if result.id == HOSTILE_ID]
    assert "<mark>" in hostile.snippet
    assert "<script>" not in hostile.snippet and "&lt;script&gt;" in hostile.snippet


def test_sort_by_date_puts_newest_first(browser: ArchiveBrowser) -> None:
    assert _ids(browser, "عبارات", sort="date") == [STORY_B, STORY_A]


def test_without_a_query_newest_records_come_first_and_undated_last(browser: ArchiveBrowser) -> None:
    found = browser.search(None, SearchFilters(), sort="relevance", page=1, page_size=100)
    dates = [result.published for result in found.results]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[: len(dated)] == dated, "undated records must come after the dated ones"
    assert found.total == len(found.results) + found.duplicates_hidden


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (SearchFilters(source="bahr-news.example"), [STORY_A]),
        (SearchFilters(entity=SPEAKER), [STORY_B, STORY_A]),
        (SearchFilters(entity=SPEAKER, date_from="2023-05-03"), [STORY_B]),
        (SearchFilters(date_from="2022-09-01", date_to="2022-09-30"), [HOSTILE_ID]),
        (SearchFilters(source="no-such-source"), []),
    ],
)
def test_filters(browser: ArchiveBrowser, filters: SearchFilters, expected: list[str]) -> None:
    found = browser.search(None, filters, sort="date", page=1, page_size=20, collapse=False)
    assert [result.id for result in found.results] == expected
    assert found.total == len(expected)


def test_facet_counts_match_what_the_filter_finds(browser: ArchiveBrowser) -> None:
    query = parse_query("في")
    found = browser.search(query, SearchFilters(), sort="relevance", page=1, page_size=5)
    assert found.total <= FACET_SAMPLE and found.facet_sample == found.total
    assert found.facets["source"].values and found.facets["entity"].values and found.facets["month"].values
    for name, field in (("source", "source"), ("category", "category"), ("entity", "entity")):
        for value, count in found.facets[name].values:
            narrowed = browser.search(query, SearchFilters(**{field: value}), sort="relevance", page=1, page_size=5)
            assert narrowed.total == count, (name, value)
    months = found.facets["month"].values
    assert [month for month, _ in months] == sorted(month for month, _ in months)
    assert sum(count for _, count in months) <= found.total


@pytest.mark.parametrize("collapse", [True, False])
def test_pages_partition_the_results(browser: ArchiveBrowser, collapse: bool) -> None:
    everything = browser.search(None, SearchFilters(), sort="date", page=1, page_size=100, collapse=collapse)
    first = browser.search(None, SearchFilters(), sort="date", page=1, page_size=4, collapse=collapse)
    pages = [
        browser.search(None, SearchFilters(), sort="date", page=n, page_size=4, collapse=collapse)
        for n in range(1, first.pages + 1)
    ]
    paged = [result.id for page in pages for result in page.results]
    assert paged == [result.id for result in everything.results]
    listed = everything.total - everything.duplicates_hidden
    assert (everything.duplicates_hidden > 0) == collapse
    assert first.pages == -(-listed // 4) and len(paged) == listed
    # Past the last page: the last page again, so that no link the user can follow is empty.
    past = browser.search(None, SearchFilters(), sort="date", page=first.pages + 2, page_size=4, collapse=collapse)
    assert (past.page, [r.id for r in past.results]) == (first.pages, [r.id for r in pages[-1].results])


def test_a_story_is_listed_once_at_its_best_ranked_copy(browser: ArchiveBrowser) -> None:
    every = browser.search(parse_query("عبارات"), SearchFilters(), sort="date", page=1, page_size=10, collapse=False)
    once = browser.search(parse_query("عبارات"), SearchFilters(), sort="date", page=1, page_size=10)
    assert [r.id for r in every.results] == [STORY_B, STORY_A] and every.results[0].cluster == every.results[1].cluster
    assert [(r.id, r.copies) for r in once.results] == [(STORY_B, 1)]
    assert (once.total, once.duplicates_hidden) == (2, 1)


# --- entities -----------------------------------------------------------------


@pytest.mark.parametrize("name", [SPEAKER, "المنصوري", "خالد  المنصوري"])
def test_entity_page_gathers_variants_mentions_and_quotes(browser: ArchiveBrowser, name: str) -> None:
    view = browser.entity(name)
    assert view is not None
    assert view.name == SPEAKER
    assert view.type == "PER"
    assert {text for text, _ in view.variants} >= {"خالد المنصوري", "المنصوري"}
    assert view.records == 2
    assert view.months == [("2023-05", 2)]
    assert {name for name, _, _ in view.cooccurring} >= {"سفاجا", "البحر الأحمر"}
    assert SPEAKER not in {name for name, _, _ in view.cooccurring}
    # Both copies of the story carry the same two quotes: each is listed once, from the newer copy.
    assert len(view.quotes) == 2 and {quote.speaker for quote in view.quotes} == {SPEAKER}
    assert {quote.record.id for quote in view.quotes} == {STORY_B}


@pytest.mark.parametrize("name", ["لا أحد بهذا الاسم", "", "%", "' OR 1=1 --"])
def test_unknown_entity_is_none(browser: ArchiveBrowser, name: str) -> None:
    assert browser.entity(name) is None


# --- quotes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "query", "expected_speakers", "expected_records"),
    [
        ("المنصوري", None, {SPEAKER}, {STORY_A, STORY_B}),
        ("الزهراني", None, {"ريم الزهراني"}, {HOSTILE_ID}),
        (None, "راكب", {SPEAKER}, {STORY_A, STORY_B}),
        (None, "يحترم", {"ريم الزهراني"}, {HOSTILE_ID}),
        ("الزهراني", "راكب", set(), set()),
        ("%", None, set(), set()),
    ],
)
def test_quote_search(
    browser: ArchiveBrowser,
    speaker: str | None,
    query: str | None,
    expected_speakers: set[str],
    expected_records: set[str],
) -> None:
    found = browser.quotes(speaker=speaker, query=parse_query(query) if query else None, page=1, page_size=50)
    assert {quote.speaker for quote in found} == expected_speakers
    assert {quote.record.id for quote in found} == expected_records


def test_quotes_without_filters_are_newest_first(browser: ArchiveBrowser) -> None:
    found = browser.quotes(speaker=None, query=None, page=1, page_size=50)
    dates = [quote.record.published for quote in found if quote.record.published]
    assert found and dates == sorted(dates, reverse=True)


# --- stories ------------------------------------------------------------------


def test_clusters_largest_and_newest_first(browser: ArchiveBrowser) -> None:
    by_size, total = browser.clusters(sort="size", page=1, page_size=20)
    assert total == len(by_size) >= 1
    assert [c.size for c in by_size] == sorted((c.size for c in by_size), reverse=True)
    ferry = next(c for c in by_size if c.representative.id in (STORY_A, STORY_B))
    assert ferry.size == 2 and ferry.newest == "2023-05-03"
    newest, _ = browser.clusters(sort="newest", page=1, page_size=20)
    dates = [c.newest or "" for c in newest]
    assert dates == sorted(dates, reverse=True)
    detail = browser.cluster(ferry.id)
    assert detail is not None
    assert [link.id for link, _ in detail.members] == [STORY_A, STORY_B]
    assert detail.representative.id == STORY_A
    assert all(0 < similarity <= 1 for _, similarity in detail.members)
    assert browser.cluster("no-such-cluster") is None


def test_both_backends_answer_alike(sqlite_browser: ArchiveBrowser, postgres_browser: ArchiveBrowser) -> None:
    for browser_pair_call in (
        lambda b: [
            r.to_dict()
            for r in b.search(parse_query("عبارات"), SearchFilters(), sort="date", page=1, page_size=20).results
        ],
        lambda b: b.search(None, SearchFilters(), sort="date", page=1, page_size=100).to_dict()["facets"]["source"],
        lambda b: b.entity(SPEAKER).to_dict(),
        lambda b: [q.to_dict() for q in b.quotes(speaker="المنصوري", query=None, page=1, page_size=20)],
        lambda b: [c.to_dict() for c in b.clusters(sort="size", page=1, page_size=20)[0]],
        lambda b: b.article(STORY_B).to_dict(),
    ):
        assert browser_pair_call(sqlite_browser) == browser_pair_call(postgres_browser)


# --- read-only ----------------------------------------------------------------


def test_read_only_archive_refuses_writes(tmp_path_factory: pytest.TempPathFactory) -> None:
    path = example_archive(tmp_path_factory.mktemp("web"))
    archive = open_read_only(str(path))
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            archive.fetch("DELETE FROM records")
        assert archive.counts()["records"] > 0
    finally:
        archive.close()


def test_read_only_open_of_a_missing_or_foreign_file(tmp_path: Path) -> None:
    with pytest.raises(MarsadError, match="no archive"):
        open_read_only(str(tmp_path / "missing.db"))
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(MarsadError, match="not a marsad archive"):
        open_read_only(str(foreign))
    assert not (tmp_path / "missing.db").exists()


def test_schema_migration_2_adds_the_browse_indexes(tmp_path: Path) -> None:
    with SQLiteArchive(tmp_path / "a.db") as archive:
        names = {row[0] for row in archive.fetch("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert archive.schema_version() >= 2
    assert {"entities_key_record", "entities_record_key", "quotes_speaker", "records_parent"} <= names


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("2023-11", "2024-02", ["2023-11", "2023-12", "2024-01", "2024-02"]),
        ("2024-05", "2024-05", ["2024-05"]),
        ("2024-05", "2024-04", []),
    ],
)
def test_iter_months(first: str, last: str, expected: list[str]) -> None:
    assert list(iter_months(first, last)) == expected


def test_cached_answers_are_forgotten_when_the_archive_changes(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with SQLiteArchive(path) as archive:
        ingest_pages(archive, web_pages(), _simple, on_error=_ignore)
    browser = ArchiveBrowser(lambda: open_read_only(str(path)), cache_size=8)
    query = parse_query("عبارات")
    before = browser.search(query, SearchFilters(), sort="relevance", page=1, page_size=10)
    assert before.total == 2
    assert browser.search(query, SearchFilters(), sort="relevance", page=1, page_size=10).total == 2
    extra = Page(origin="x.txt", text="عبارات جديدة في الميناء\nوصلت عبارات جديدة إلى الميناء صباح اليوم.", id="x")
    with SQLiteArchive(path) as archive:  # another writer, as an ingest running beside the server
        ingest_pages(archive, [extra], _simple, on_error=_ignore)
    after = browser.search(query, SearchFilters(), sort="relevance", page=1, page_size=10)
    assert after.total == 3 and "x" in [result.id for result in after.results]
    browser.close()


def _simple(page: Page) -> list[Record]:
    return extract_page(page, ExtractOptions(enrich=False))


def _ignore(error: InputError) -> None:
    raise AssertionError(error.message)


def test_read_only_postgres_session_refuses_writes(postgres_browser: ArchiveBrowser) -> None:
    import psycopg

    archive = postgres_browser.archive()
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        archive.fetch("DELETE FROM records")
    assert archive.counts()["records"] > 0


def test_the_web_app_serves_a_postgres_archive(postgres_schema: str) -> None:
    from urllib.parse import quote

    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    assert POSTGRES_URL is not None
    separator = "&" if "?" in POSTGRES_URL else "?"
    url = f"{POSTGRES_URL}{separator}options=" + quote(f"-csearch_path={postgres_schema}")
    with TestClient(create_app(url)) as client:
        found = client.get("/api/search?q=" + quote("عبارات") + "&sort=date&duplicates=all").json()
        assert [r["id"] for r in found["results"]] == [STORY_B, STORY_A]
        once = client.get("/api/search?q=" + quote("عبارات") + "&sort=date").json()
        assert [(r["id"], r["copies"]) for r in once["results"]] == [(STORY_B, 1)]
        for path in ("/", "/articles/" + STORY_A, "/entities/" + quote(SPEAKER), "/quotes", "/stories"):
            response = client.get(path)
            assert response.status_code == 200, path
            assert "server-timing" in response.headers
        assert client.get("/api/articles/nope").status_code == 404


def test_the_entity_index_counts_records_per_entity_most_first(browser: ArchiveBrowser) -> None:
    everything, total = browser.entity_index(kind=None, name=None, page=1, page_size=1000)
    assert total == len(everything) > 5
    counts = [entity.records for entity in everything]
    assert counts == sorted(counts, reverse=True)
    assert {entity.type for entity in everything} <= {"PER", "LOC", "ORG", "MISC"}
    # The count is the records the entity's own page would list.
    speaker = next(e for e in everything if e.name == SPEAKER and e.type == "PER")
    view = browser.entity(SPEAKER)
    assert view is not None and speaker.records == view.records > 1


@pytest.mark.parametrize(("kind", "name"), [("PER", None), ("LOC", None), (None, "المنصوري"), ("PER", "منصوري")])
def test_the_entity_index_filters_by_type_and_by_part_of_a_name(
    browser: ArchiveBrowser, kind: str | None, name: str | None
) -> None:
    found, total = browser.entity_index(kind=kind, name=name, page=1, page_size=1000)
    assert found and total == len(found)
    assert all(kind is None or entity.type == kind for entity in found)
    if name:
        assert any(entity.name == SPEAKER for entity in found)
        assert all("منصوري" in entity.key for entity in found)


def test_the_entity_index_pages_partition_it(browser: ArchiveBrowser) -> None:
    everything, total = browser.entity_index(kind=None, name=None, page=1, page_size=1000)
    paged = [
        e
        for n in range(1, -(-total // 3) + 1)
        for e in browser.entity_index(kind=None, name=None, page=n, page_size=3)[0]
    ]
    assert paged == everything
    assert browser.entity_index(kind="ORG", name="لا يوجد اسم كهذا", page=1, page_size=10) == ([], 0)
