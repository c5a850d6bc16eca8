"""Hostile input and the server's defences: security headers on every response, no
inline script anywhere, the API docs without a CDN, search cost bounded by the
query's terms, and a request past the time limit stopped with a 503."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from webfixtures import POSTGRES_URL, STORY_A

from marsad.store.browse import ArchiveBrowser, SearchPage, open_read_only
from marsad.store.search import MAX_QUERY_TERMS, Query
from marsad.web.app import create_app
from marsad.web.middleware import API_POLICY, DOCS_POLICY, PAGE_POLICY
from marsad.web.time_limit import limit_archive

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "marsad" / "web" / "templates"


@pytest.mark.parametrize(
    ("url", "status", "policy"),
    [
        ("/", 200, PAGE_POLICY),
        ("/?q=" + quote("عبارات"), 200, PAGE_POLICY),
        (f"/articles/{STORY_A}", 200, PAGE_POLICY),
        ("/stories", 200, PAGE_POLICY),
        ("/no/such/page", 404, PAGE_POLICY),
        ("/?q=" + quote('"عبارة لم تغلق'), 400, PAGE_POLICY),
        ("/static/style.css", 200, PAGE_POLICY),
        ("/api/search?q=" + quote("عبارات"), 200, API_POLICY),
        ("/api/articles/no-such-record", 404, API_POLICY),
        ("/openapi.json", 200, API_POLICY),
        ("/api/docs", 200, DOCS_POLICY),
    ],
)
def test_every_response_carries_the_security_headers(client: TestClient, url: str, status: int, policy: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-security-policy"] == policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_the_policies_allow_no_inline_script_and_no_framing() -> None:
    for policy in (PAGE_POLICY, API_POLICY, DOCS_POLICY):
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "http" not in policy, "nothing is loaded from another host"
    assert "script-src" not in PAGE_POLICY, "pages run no script: default-src 'none' covers it"


@pytest.mark.parametrize("template", sorted(path.name for path in TEMPLATES.glob("*.html")))
def test_templates_hold_no_inline_script_or_style(template: str) -> None:
    html = (TEMPLATES / template).read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "a <script> without src"
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html), "an inline event handler"


def test_api_docs_are_served_from_this_server(client: TestClient) -> None:
    html = client.get("/api/docs").text
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/") for source in sources), sources
    for source in sources:
        if source.endswith((".js", ".css")):
            response = client.get(source)
            assert response.status_code == 200, source
            assert response.headers["x-content-type-options"] == "nosniff"
    assert "/static/swagger-ui/swagger-ui-bundle.js" in sources
    # Without JavaScript the page still lists every endpoint.
    assert html.count('data-testid="endpoint"') >= 6
    assert "<code>/api/search</code>" in html and "<code>q</code>" in html


def test_api_docs_without_swagger_ui_files_are_a_plain_list(archive_path: Path) -> None:
    app = create_app(str(archive_path))
    app.state.swagger_ui = None
    with TestClient(app) as client:
        html = client.get("/api/docs").text
    assert "<script" not in html
    assert "<code>/api/articles/{record_id}</code>" in html


# --- search cost ------------------------------------------------------------------


def test_a_word_repeated_to_the_length_limit_searches_as_the_word(client: TestClient) -> None:
    once = client.get("/api/search?q=" + quote("عبارات")).json()
    repeated = client.get("/api/search?q=" + quote(" ".join(["عبارات"] * 28))).json()
    assert repeated["total"] == once["total"] == 2
    assert [r["id"] for r in repeated["results"]] == [r["id"] for r in once["results"]]


def test_too_many_different_words_are_refused_in_the_callers_language(client: TestClient) -> None:
    words = "الرياض جدة مكة المدينة الدمام الطائف تبوك أبها حائل نجران جازان الخبر القطيف ينبع بريدة عرعر سكاكا"
    assert len(words.split()) > MAX_QUERY_TERMS
    api = client.get("/api/search?q=" + quote(words))
    assert api.status_code == 400
    assert f"at most {MAX_QUERY_TERMS}" in api.json()["error"]["message"]
    page = client.get("/?q=" + quote(words))
    assert page.status_code == 400
    assert f"ولا يُبحث بأكثر من {MAX_QUERY_TERMS} معًا" in page.text
    assert 'data-testid="search-input"' in page.text, "the query comes back to be shortened"


# --- the time limit -------------------------------------------------------------------

# SQLite counting for ever: only the time limit ends it.
ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
SLOW_WORD = "مؤتمر"


class EndlessSearch(ArchiveBrowser):
    """A search for SLOW_WORD runs a query that never ends on the archive's own connection."""

    def search(self, query: Query | None, *args: Any, **kwargs: Any) -> SearchPage:
        if query is not None and query.text == SLOW_WORD:
            self.archive().fetch(ENDLESS)
        return super().search(query, *args, **kwargs)


@pytest.fixture
def limited_client(archive_path: Path) -> Iterator[TestClient]:
    limit = 0.2
    browser = EndlessSearch(lambda: limit_archive(open_read_only(str(archive_path)), limit))
    with TestClient(create_app(str(archive_path), time_limit=limit, browser=browser)) as client:
        yield client


def test_a_request_past_the_time_limit_is_stopped_with_a_503(limited_client: TestClient) -> None:
    api = limited_client.get("/api/search?q=" + quote(SLOW_WORD))
    assert api.status_code == 503
    assert "time limit of 0.2 s" in api.json()["error"]["message"]
    page = limited_client.get("/?q=" + quote(SLOW_WORD))
    assert page.status_code == 503
    assert "المهلة المحددة" in page.text and 'data-testid="search-input"' in page.text
    assert page.headers["content-security-policy"] == PAGE_POLICY
    # The connection the stopped query ran on serves the next request.
    after = limited_client.get("/api/search?q=" + quote("عبارات"))
    assert after.status_code == 200 and after.json()["total"] == 2


def test_outside_a_request_no_time_limit_applies(archive_path: Path) -> None:
    archive = limit_archive(open_read_only(str(archive_path)), 0.001)
    try:
        assert archive.fetch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT count(*) FROM n"
        ) == [(300000,)]
    finally:
        archive.close()


def test_each_worker_process_gets_the_time_limit(archive_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.web.app import SERVE_SETTINGS, app_from_environment

    settings = {"db": str(archive_path), "read_only": True, "concurrency": 1, "time_limit": 2.5}
    monkeypatch.setenv(SERVE_SETTINGS, json.dumps(settings))
    app = app_from_environment()
    try:
        assert app.state.time_limit == 2.5
    finally:
        app.state.browser.close()


def test_serve_offers_the_time_limit() -> None:
    from click.testing import CliRunner

    from marsad.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--time-limit" in result.output


@pytest.fixture
def empty_postgres_schema() -> Iterator[str]:
    """An empty archive in a schema of its own in the MARSAD_TEST_PG database."""
    if not POSTGRES_URL:
        pytest.skip("set MARSAD_TEST_PG to a PostgreSQL URL to run this")
    import psycopg

    from marsad.store.postgres import PostgresArchive

    schema = "marsad_limit_" + uuid.uuid4().hex[:12]
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
    try:
        PostgresArchive(POSTGRES_URL, schema=schema).close()  # creates the tables
        yield schema
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
            db.execute(f"DROP SCHEMA {schema} CASCADE")


def test_postgres_requests_past_the_time_limit_are_503_too(empty_postgres_schema: str) -> None:
    import psycopg

    from marsad.store.postgres import PostgresArchive

    url = POSTGRES_URL or ""

    def opener() -> PostgresArchive:
        archive = limit_archive(PostgresArchive(url, schema=empty_postgres_schema, read_only=True), 0.2)
        assert isinstance(archive, PostgresArchive)
        return archive

    archive = opener()
    try:
        with pytest.raises(psycopg.errors.QueryCanceled):
            archive.fetch(ENDLESS)
        assert archive.fetch("SELECT 1") == [(1,)]
    finally:
        archive.close()
    with TestClient(create_app(url, time_limit=0.2, browser=EndlessSearch(opener))) as client:
        response = client.get("/api/search?q=" + quote(SLOW_WORD))
    assert response.status_code == 503 and "time limit" in response.json()["error"]["message"]
