"""The JSON API through FastAPI's TestClient over a real archive: every route, its
errors, its bounds, the OpenAPI description, the timing header, and no way to write."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from webfixtures import HOSTILE_ID, IMG, SCRIPT, SPEAKER, STORY_A, STORY_B, embedded_pair

from marsad.web.params import MAX_PAGE_SIZE, MAX_QUERY_CHARS

API_ROUTES = [
    "/api/search",
    "/api/articles/{record_id}",
    "/api/entities/{name}",
    "/api/quotes",
    "/api/stories",
    "/api/stories/{cluster_id}",
    "/api/events",
    "/api/events/{event_id}",
    "/api/trends",
    "/api/timeline",
]


def _json(client: TestClient, url: str, status: int = 200) -> dict:  # type: ignore[type-arg]
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    found: dict = response.json()  # type: ignore[type-arg]
    return found


def test_search(client: TestClient) -> None:
    found = _json(client, "/api/search?q=" + quote("عبارات") + "&sort=date&duplicates=all")
    assert found["total"] == 2 and found["pages"] == 1 and found["duplicates_hidden"] == 0
    assert [r["id"] for r in found["results"]] == [STORY_B, STORY_A]
    assert [r["copies"] for r in found["results"]] == [0, 0]
    assert set(found["results"][0]) >= {"id", "title", "url", "published", "source", "category", "snippet", "cluster"}
    assert "<mark>" in found["results"][0]["snippet"]
    sources = {item["value"]: item["count"] for item in found["facets"]["source"]}
    assert sources == {"bahr-news.example": 1, "sahel-daily.example": 1}
    assert {item["value"] for item in found["facets"]["entity"]} >= {SPEAKER}
    assert found["facets"]["month"] == [{"value": "2023-05", "label": "2023-05", "count": 2}]
    assert found["date_range"] == {"from": "2023-05-02", "to": "2023-05-03"}


def test_search_lists_a_repeated_story_once_by_default(client: TestClient) -> None:
    found = _json(client, "/api/search?q=" + quote("عبارات") + "&sort=date")
    assert found["total"] == 2 and found["duplicates_hidden"] == 1 and found["pages"] == 1
    [story] = found["results"]
    assert story["id"] == STORY_B and story["copies"] == 1 and story["cluster"]
    # Facets still count every matching record.
    assert sum(item["count"] for item in found["facets"]["source"]) == 2
    assert _json(client, "/api/search?duplicates=every", status=422)


def test_search_filters_and_pages(client: TestClient) -> None:
    everything = _json(client, f"/api/search?size={MAX_PAGE_SIZE}")
    assert everything["total"] == len(everything["results"]) + everything["duplicates_hidden"] > 10
    first = _json(client, "/api/search?size=3&page=1")
    second = _json(client, "/api/search?size=3&page=2")
    assert [r["id"] for r in first["results"] + second["results"]] == [r["id"] for r in everything["results"][:6]]
    # A page past the last is the last page, never an empty one or an error.
    last = _json(client, f"/api/search?size=3&page={first['pages']}")
    for past in (first["pages"] + 1, 400, 100000):
        beyond = _json(client, f"/api/search?size=3&page={past}")
        assert (beyond["page"], beyond["results"]) == (first["pages"], last["results"]) and beyond["results"]
    narrowed = _json(
        client, "/api/search?" + "&".join(["entity=" + quote(SPEAKER), "from=2023-05-03", "to=2023-05-31"])
    )
    assert [r["id"] for r in narrowed["results"]] == [STORY_B]
    # Empty form fields are no filter at all (what a browser sends for an empty box).
    empty = _json(client, "/api/search?q=&source=&category=&entity=&from=&to=&sort=")
    assert empty["total"] == everything["total"]


def test_article(client: TestClient) -> None:
    found = _json(client, "/api/articles/" + STORY_A)
    assert found["id"] == STORY_A and found["published"] == "2023-05-02"
    assert [m["id"] for m in found["cluster_members"]] == [STORY_B]
    assert {q["speaker"] for q in found["quotes"]} == {SPEAKER}
    assert {e["type"] for e in found["entities"]} <= {"PER", "LOC", "ORG", "MISC"}


def test_article_with_a_slash_in_its_id(client: TestClient, archive_path: Path) -> None:
    child, parent = embedded_pair(archive_path)
    for url in ("/api/articles/" + child, "/api/articles/" + quote(child, safe="")):
        found = _json(client, url)
        assert found["id"] == child and found["host"]["id"] == parent
    assert child in [link["id"] for link in _json(client, "/api/articles/" + parent)["embedded"]]


def test_hostile_text_comes_back_as_data(client: TestClient) -> None:
    found = _json(client, "/api/articles/" + HOSTILE_ID)
    assert SCRIPT in found["title"] and IMG in found["title"]
    assert found["url"] == "javascript:alert(1)"  # stored as given; the pages never make it a link


def test_entity(client: TestClient) -> None:
    found = _json(client, "/api/entities/" + quote(SPEAKER))
    assert found["name"] == SPEAKER and found["type"] == "PER" and found["records"] == 2
    assert {v["text"] for v in found["variants"]} >= {SPEAKER, "المنصوري"}
    assert found["months"] == [{"month": "2023-05", "records": 2}]
    assert len(found["quotes"]) == 2  # the two copies of the story share their quotes: listed once
    assert _json(client, "/api/entities/" + quote("المنصوري"))["name"] == SPEAKER


def test_quotes(client: TestClient) -> None:
    by_speaker = _json(client, "/api/quotes?speaker=" + quote("الزهراني"))
    assert {q["speaker"] for q in by_speaker["quotes"]} == {"ريم الزهراني"}
    assert any(IMG in q["text"] for q in by_speaker["quotes"])
    by_text = _json(client, "/api/quotes?q=" + quote("راكب"))
    assert {q["record"]["id"] for q in by_text["quotes"]} == {STORY_A, STORY_B}
    one = _json(client, "/api/quotes?size=1")
    assert len(one["quotes"]) == 1 and one["has_next"] is True


def test_stories(client: TestClient) -> None:
    found = _json(client, "/api/stories")
    assert found["total"] >= 1 and found["stories"]
    ferry = next(s for s in found["stories"] if s["representative"]["id"] == STORY_A)
    assert ferry["size"] == 2
    detail = _json(client, "/api/stories/" + quote(ferry["id"], safe=""))
    assert [m["id"] for m in detail["members"]] == [STORY_A, STORY_B]
    newest = _json(client, "/api/stories?sort=newest")
    assert newest["sort"] == "newest"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/articles/no-such-record", 404),
        ("/api/entities/" + quote("لا أحد"), 404),
        ("/api/stories/no-such-cluster", 404),
        ("/api/no-such-route", 404),
        ("/api/search?q=" + "ب" * (MAX_QUERY_CHARS + 1), 400),
        ("/api/search?q=" + quote('"عبارة لم تغلق'), 400),
        ("/api/search?q=OR", 400),
        ("/api/quotes?speaker=" + "م" * (MAX_QUERY_CHARS + 1), 400),
        (f"/api/search?size={MAX_PAGE_SIZE + 1}", 422),
        ("/api/search?size=0", 422),
        ("/api/search?page=0", 422),
        ("/api/search?page=abc", 422),
        ("/api/search?from=2023-13-01", 422),
        ("/api/search?to=yesterday", 422),
        ("/api/search?sort=popular", 422),
        ("/api/stories?sort=oldest", 422),
        (f"/api/quotes?size={MAX_PAGE_SIZE + 1}", 422),
    ],
)
def test_errors_are_json_with_the_right_status(client: TestClient, url: str, status: int) -> None:
    found = _json(client, url, status)
    assert set(found) == {"error"}
    assert found["error"]["status"] == status
    assert isinstance(found["error"]["message"], str) and found["error"]["message"]


def test_query_at_the_limit_is_accepted(client: TestClient) -> None:
    _json(client, "/api/search?q=" + quote(("عبارات " * 40)[:MAX_QUERY_CHARS]))


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = _json(client, "/openapi.json")
    paths = set(spec["paths"])
    assert set(API_ROUTES) <= paths
    assert not {path for path in paths if not path.startswith("/api/")}, "HTML pages are not API routes"
    search = spec["paths"]["/api/search"]["get"]
    names = {p["name"] for p in search["parameters"]}
    assert names >= {"q", "source", "category", "entity", "from", "to", "sort", "page", "size"}
    size = next(p for p in search["parameters"] if p["name"] == "size")
    assert size["schema"]["maximum"] == MAX_PAGE_SIZE
    schemas = spec["components"]["schemas"]
    assert {"SearchResponse", "ArticleResponse", "EntityResponse", "QuotesResponse", "StoriesResponse"} <= set(schemas)
    assert {"EventsResponse", "EventResponse", "TrendsResponse", "TimelineResponse"} <= set(schemas)
    assert {"results", "facets", "total"} <= set(schemas["SearchResponse"]["properties"])
    assert search["responses"]["400"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")


@pytest.mark.parametrize(
    "url", ["/api/search", "/api/articles/" + STORY_A, "/api/nope", "/", "/static/style.css", "/openapi.json"]
)
def test_every_response_has_server_timing(client: TestClient, url: str) -> None:
    header = client.get(url).headers["server-timing"]
    assert re.fullmatch(r"app;dur=\d+(\.\d+)?", header), header


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("url", ["/api/search", "/api/articles/" + STORY_A, "/api/stories", "/"])
def test_no_route_accepts_a_write(client: TestClient, method: str, url: str) -> None:
    response = client.request(method, url, json={"id": "x", "title": "y"})
    assert response.status_code == 405


def test_the_app_cannot_write_to_the_archive(client: TestClient, archive_path: Path) -> None:
    before = hashlib.sha256(archive_path.read_bytes()).hexdigest()
    for url in ("/api/search?q=" + quote("عبارات"), "/api/articles/" + STORY_A, "/api/stories", "/quotes"):
        client.get(url)
    browser = client.app.state.browser  # type: ignore[attr-defined]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        browser.archive().fetch("UPDATE records SET title = 'x'")
    assert hashlib.sha256(archive_path.read_bytes()).hexdigest() == before


def test_marsad_serve_prints_its_address_and_serves(archive_path: Path) -> None:
    command = [sys.executable, "-m", "marsad", "serve", "--db", str(archive_path), "--port", "0"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        match = re.fullmatch(r"marsad: serving (http://127\.0\.0\.1:\d+/)\n", line)
        assert match, line
        import httpx

        response = httpx.get(match.group(1) + "api/articles/" + STORY_A, timeout=30)
        assert response.status_code == 200 and response.json()["id"] == STORY_A
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_marsad_serve_without_an_archive(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from marsad.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no archive at" in result.output and "marsad ingest" in result.output
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("limit", [1, 3])
def test_admission_lets_in_at_most_its_limit(limit: int) -> None:
    import asyncio

    import httpx

    from marsad.web.app import Admission

    inside = 0
    most = 0

    async def slow_app(scope: dict, receive: object, send: object) -> None:  # type: ignore[type-arg]
        nonlocal inside, most
        inside += 1
        most = max(most, inside)
        await asyncio.sleep(0.01)
        inside -= 1
        await send({"type": "http.response.start", "status": 200, "headers": []})  # type: ignore[operator]
        await send({"type": "http.response.body", "body": b"ok"})  # type: ignore[operator]

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=Admission(slow_app, limit=limit))  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return list(await asyncio.gather(*(client.get("/") for _ in range(8))))

    # In a thread of its own: the browser tests' Playwright keeps an event loop running in this one.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        responses = pool.submit(lambda: asyncio.run(run())).result()
    assert most == limit
    assert all(r.status_code == 200 and float(r.headers["x-queue-time"]) >= 0 for r in responses)


@pytest.mark.parametrize("module", ["uvicorn", "fastapi", "jinja2"])
def test_marsad_serve_names_the_install_command_when_the_web_extra_is_missing(
    module: str, monkeypatch: pytest.MonkeyPatch, archive_path: Path
) -> None:
    from click.testing import CliRunner

    from marsad.cli import cli

    monkeypatch.setitem(sys.modules, module, None)  # `import module` now raises ImportError
    for loaded in [name for name in sys.modules if name.startswith("marsad.web")]:
        monkeypatch.delitem(sys.modules, loaded)
    result = CliRunner().invoke(cli, ["serve", "--db", str(archive_path)])
    assert result.exit_code == 1
    assert "pip install 'marsad[web]'" in result.output and module in result.output


def test_entity_index(client: TestClient) -> None:
    found = _json(client, "/api/entities?type=per")
    assert found["type"] == "PER" and found["total"] == len(found["entities"]) and found["pages"] == 1
    assert all(entity["type"] == "PER" for entity in found["entities"])
    assert SPEAKER in [entity["name"] for entity in found["entities"]]
    counts = [entity["records"] for entity in found["entities"]]
    assert counts == sorted(counts, reverse=True)
    named = _json(client, "/api/entities?q=" + quote("المنصوري"))
    assert [entity["name"] for entity in named["entities"]][:1] == [SPEAKER]
    # Each name leads to its entity page.
    assert _json(client, "/api/entities/" + quote(named["entities"][0]["name"]))["name"] == SPEAKER
    first, second = (_json(client, f"/api/entities?size=2&page={n}") for n in (1, 2))
    everything = _json(client, f"/api/entities?size={MAX_PAGE_SIZE}")
    assert first["entities"] + second["entities"] == everything["entities"][:4]
    assert _json(client, "/api/entities?type=PERSON", status=422)["error"]


def test_a_query_that_names_an_entity_links_to_it(client: TestClient) -> None:
    # A surname finds the full name the archive knows.
    found = _json(client, "/api/search?q=" + quote("المنصوري"))
    assert found["entity"]["name"] == SPEAKER and found["entity"]["type"] == "PER"
    assert found["entity"]["records"] == _json(client, "/api/entities/" + quote(SPEAKER))["records"]
    assert _json(client, "/api/search?q=" + quote("عبارات"))["entity"] is None
    assert _json(client, "/api/search?q=" + quote('"خالد المنصوري"'))["entity"] is None


def test_events_list_the_story_two_outlets_told(client: TestClient) -> None:
    found = _json(client, "/api/events")
    assert found["outlets"] == 2 and found["total"] == 1 and found["pages"] == 1
    [event] = found["events"]
    assert event["id"] == STORY_A and event["records"] == 2 and event["outlets"] == 2
    assert event["sources"] == ["bahr-news.example", "sahel-daily.example"]
    assert (event["first_seen"], event["last_seen"]) == ("2023-05-02", "2023-05-03")
    # A period that ends on the first day holds one of its articles: no longer an event there.
    assert _json(client, "/api/events?until=2023-05-02&outlets=1")["events"] == []
    assert _json(client, "/api/events?since=2023-05-02&until=2023-05-03")["total"] == 1


def test_one_event_gives_its_articles_in_time_order_entities_and_quotes(client: TestClient) -> None:
    event = _json(client, f"/api/events/{STORY_A}")
    assert [article["id"] for article in event["articles"]] == [STORY_A, STORY_B]
    assert [article["day"] for article in event["articles"]] == ["2023-05-02", "2023-05-03"]
    names = {entity["name"] for entity in event["entities"]}
    assert SPEAKER in names or any(SPEAKER in name for name in names)
    assert any(quote["speaker"] and SPEAKER in quote["speaker"] for quote in event["quotes"])
    # The two copies repeat their quotes word for word: each is listed once.
    texts = [quote["text"] for quote in event["quotes"]]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/events/no-such-event", 404),
        ("/api/events?since=2023-02-30", 422),
        ("/api/events?since=2023-05-03&until=2023-05-01", 422),
        ("/api/events?outlets=0", 422),
        ("/api/events?page=0", 422),
    ],
)
def test_event_errors(client: TestClient, url: str, status: int) -> None:
    assert _json(client, url, status)["error"]["status"] == status


def test_trends_of_the_newest_day_and_of_a_chosen_one(client: TestClient) -> None:
    newest = _json(client, "/api/trends")
    results = _json(client, "/api/search?sort=date&size=100")["results"]
    assert newest["day"] == max(article["published"][:10] for article in results if article["published"])
    ferry = _json(client, "/api/trends?day=2023-05-03&baseline=30")
    assert ferry["articles"] == 1 and ferry["baseline_articles"] >= 1 and ferry["baseline_days"] == 30
    assert {"entities", "terms", "events"} <= set(ferry)
    assert _json(client, "/api/trends?day=2023-05-32", 422)["error"]["status"] == 422
    assert _json(client, "/api/trends?baseline=0", 422)["error"]["status"] == 422


def test_timeline_of_a_search_by_source_and_beside_another(client: TestClient) -> None:
    ferry = _json(client, "/api/timeline?q=" + quote("عبارات"))
    assert ferry["interval"] == "day" and ferry["periods"] == ["2023-05-02", "2023-05-03"]
    [series] = ferry["series"]
    assert series["counts"] == [1, 1] and series["total"] == 2
    assert series["by_source"] == {"bahr-news.example": [1, 0], "sahel-daily.example": [0, 1]}
    monthly = _json(client, "/api/timeline?q=" + quote("عبارات") + "&interval=month")
    assert monthly["periods"] == ["2023-05"] and monthly["series"][0]["counts"] == [2]
    both = _json(client, "/api/timeline?q=" + quote("عبارات") + "&compare=" + quote("جدة"))
    assert [s["label"] for s in both["series"]] == ["عبارات", "جدة"]
    assert all(len(s["counts"]) == len(both["periods"]) for s in both["series"])
    assert both["series"][1]["by_source"] == {} and both["series"][1]["total"] >= 1
    # Every period between the first and last match is there, weeks named by their Monday.
    weekly = _json(client, "/api/timeline?q=" + quote("عبارات") + "&compare=" + quote("جدة") + "&interval=week")
    assert all(date.fromisoformat(period).weekday() == 0 for period in weekly["periods"])
    entity = _json(client, "/api/timeline?entity=" + quote(SPEAKER))
    assert entity["series"][0]["total"] == 2
    assert _json(client, "/api/timeline?interval=year", 422)["error"]["status"] == 422
    nothing = _json(client, "/api/timeline?q=" + quote("كلمةلاتوجد"))
    assert nothing["periods"] == [] and nothing["series"][0]["total"] == 0


def test_export_a_search_as_csv_jsonl_and_parquet(client: TestClient, tmp_path: Path) -> None:
    import csv
    import io
    import json as jsonlib

    url = "/api/export?q=" + quote("عبارات") + "&sort=date"
    response = client.get(url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert "filename*=UTF-8''marsad-" in response.headers["content-disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["id"] for row in rows] == [STORY_B, STORY_A]  # newest first, as the page sorts
    assert SPEAKER in rows[0]["people"] and "ينبع" in rows[0]["body"]
    lines = client.get(url + "&format=jsonl")
    assert lines.headers["content-type"].startswith("application/x-ndjson")
    records = [jsonlib.loads(line) for line in lines.text.splitlines()]
    assert [record["id"] for record in records] == [STORY_B, STORY_A] and records[0]["entities"]
    parquet = client.get(url + "&format=parquet")
    assert parquet.status_code == 200 and parquet.content[:4] == b"PAR1"
    import pyarrow.parquet as pq

    (tmp_path / "r.parquet").write_bytes(parquet.content)
    assert pq.read_table(tmp_path / "r.parquet").column("id").to_pylist() == [STORY_B, STORY_A]
    # Bounded, and only the formats it knows.
    assert len(client.get("/api/export?format=jsonl&limit=3").text.splitlines()) == 3
    assert _json(client, "/api/export?limit=2001", 422)["error"]["status"] == 422
    assert _json(client, "/api/export?format=xlsx", 422)["error"]["status"] == 422


def test_atom_feeds_of_a_search_and_of_a_name(client: TestClient) -> None:
    from xml.etree import ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    response = client.get("/feeds/search.atom?q=" + quote("عبارات"))
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{atom}feed" and "عبارات" in (feed.findtext(f"{atom}title") or "")
    entries = feed.findall(f"{atom}entry")
    assert [entry.findtext(f"{atom}updated") for entry in entries] == ["2023-05-03T00:00:00Z", "2023-05-02T00:00:00Z"]
    links = [entry.find(f"{atom}link").get("href") for entry in entries]  # type: ignore[union-attr]
    assert links[0].endswith(f"/articles/{STORY_B}")
    named = ElementTree.fromstring(client.get("/feeds/entity.atom?name=" + quote(SPEAKER)).content)
    assert len(named.findall(f"{atom}entry")) == 2
    # Hostile text stays text inside the XML.
    hostile = client.get("/feeds/search.atom?q=" + quote("عناوين"))
    assert b"<script>" not in hostile.content and ElementTree.fromstring(hostile.content) is not None
    assert client.get("/feeds/entity.atom").status_code == 422
