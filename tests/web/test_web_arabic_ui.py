"""An Arabic-first UI with honest paging and facets (#21), over the archive of examples/ and
our own pages: errors in Arabic with the hint that fits, removed lines' reasons in Arabic,
sources under their display names, facets counted over every match and chosen several at a
time, and page links only to pages the server serves."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from webfixtures import HOSTILE_ID

from marsad.segment.rules import chrome_rules
from marsad.store import browse, browse_results
from marsad.store.sqlite import SQLiteArchive
from marsad.web.app import create_app
from marsad.web.present import REASON_LABELS

LATIN = re.compile(r"[A-Za-z]")


def _error_message(html: str) -> str:
    found = re.search(r'data-testid="error-message">([^<]*)<', html)
    assert found, html[:500]
    return found.group(1)


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/?page=0", 422, "رقم الصفحة"),
        ("/?size=101", 422, "عدد النتائج"),
        ("/?from=2023-02-30", 422, "من تاريخ"),
        ("/stories?sort=oldest", 422, "الترتيب"),
        ("/articles/no-such-record", 404, "لا خبر"),
        ("/no/such/page", 404, "لم يُعثر"),
        ("/?q=" + "ب" * 201, 400, "طويل"),
    ],
)
def test_errors_speak_arabic_without_the_query_hint(client: TestClient, url: str, status: int, words: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    message = _error_message(response.text)
    assert words in message and not LATIN.search(message), message
    # The search box (to fix a query) comes back only for a query that needs fixing.
    assert 'data-testid="search-input"' not in response.text


@pytest.mark.parametrize(
    ("query", "words"),
    [('"مطار جدة', "لم تُغلق"), ("جدة OR", "OR"), ("-جدة", "الاستبعاد وحده")],
)
def test_a_malformed_query_says_how_to_fix_it(client: TestClient, query: str, words: str) -> None:
    response = client.get("/?q=" + quote(query))
    assert response.status_code == 400
    assert words in _error_message(response.text)
    assert 'data-testid="search-input"' in response.text


def test_every_removed_line_reason_has_an_arabic_label(client: TestClient) -> None:
    rules = chrome_rules()
    every = [*rules.exact.values(), *(r for group in rules.prefixes.values() for r in group), *rules.contains,
             *rules.long_contains, *rules.tails, *rules.patterns]  # fmt: skip
    emitted = {rule.reason for rule in every} | {
        "breadcrumb", "duplicate_title", "embedded_marker", "non_arabic", "outside_content", "short_fragment",
        "template", "photo_caption", "read_more", "related_articles",
    }  # fmt: skip
    assert emitted <= set(REASON_LABELS), emitted - set(REASON_LABELS)
    html = client.get("/articles/" + HOSTILE_ID).text
    assert "مسار التصفح" in html and ">breadcrumb<" not in html


def test_several_values_of_a_facet_are_chosen_together_and_cleared(client: TestClient) -> None:
    everything = client.get("/api/search?size=1").json()
    sources = [value["value"] for value in everything["facets"]["source"]][:2]
    assert len(sources) == 2
    alone = [client.get("/api/search?source=" + quote(source)).json()["total"] for source in sources]
    both = client.get("/api/search?" + "&".join("source=" + quote(s) for s in sources)).json()
    assert both["total"] == sum(alone)
    html = client.get("/?" + "&".join("source=" + quote(s) for s in sources)).text
    assert html.count('aria-current="true" title="إلغاء الاختيار"') >= 2
    assert 'data-testid="clear-source"' in html and 'data-testid="clear-filters"' in html


@pytest.fixture
def small_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    # A sample smaller than the matches: the counts must still be of every match.
    monkeypatch.setattr(browse, "FACET_SAMPLE", 3)


def test_facet_counts_are_of_every_match_not_a_sample(archive_path: Path, small_sample: None) -> None:
    with TestClient(create_app(str(archive_path))) as fresh:
        found = fresh.get("/api/search?size=2").json()
    assert found["total"] > 3 and found["facets_over"] == found["total"]
    with_source = sum(value["count"] for value in found["facets"]["source"])
    with SQLiteArchive(str(archive_path), read_only=True) as archive:
        stored = archive.fetch("SELECT count(*) FROM records WHERE source_id IS NOT NULL")[0][0]
    assert with_source == stored


def test_page_links_stop_at_the_last_page_served(archive_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browse_results, "MAX_PAGE", 3)
    with TestClient(create_app(str(archive_path))) as fresh:
        html = fresh.get("/?size=1").text
        nav = html[html.index('data-testid="pagination"') :]
        links = {int(n) for n in re.findall(r'href="/\?[^"]*page=(\d+)', nav[: nav.index("</nav>")])}
        assert links and max(links) == 3
        for number in (*links, 4, 99999):
            answer = fresh.get(f"/?size=1&page={number}")
            assert answer.status_code == 200 and 'data-testid="result"' in answer.text


@pytest.fixture
def named_sources(archive_path: Path) -> Iterator[TestClient]:
    with SQLiteArchive(str(archive_path)) as archive:
        names = [str(name) for (name,) in archive.fetch("SELECT name FROM sources ORDER BY name")]
        archive.set_source_names({names[0]: "صحيفة الاختبار"})
    with TestClient(create_app(str(archive_path))) as fresh:
        yield fresh
    with SQLiteArchive(str(archive_path)) as archive:
        archive.execute("DELETE FROM source_names")
        archive.commit()


def test_sources_show_under_their_display_names(named_sources: TestClient) -> None:
    html = named_sources.get("/").text
    assert "صحيفة الاختبار" in html
    facet = named_sources.get("/api/search").json()["facets"]["source"]
    assert "صحيفة الاختبار" in {value["label"] for value in facet}


def test_a_very_broad_search_marks_its_entity_counts_as_an_estimate(
    archive_path: Path, small_sample: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browse, "ENTITY_FACET_EXACT", 3)
    with TestClient(create_app(str(archive_path))) as fresh:
        found = fresh.get("/api/search?q=" + quote("في")).json()
        assert found["total"] > 3 and found["estimated_facets"] == {"entity": 3}
        html = fresh.get("/?q=" + quote("في")).text
        assert 'data-testid="facet-estimate"' in html and "تقدير" in html


def test_a_quoted_person_links_to_their_page_and_every_speaker_link_answers(client: TestClient) -> None:
    from webfixtures import SPEAKER

    html = client.get("/quotes").text
    speakers = re.findall(r'<a class="speaker" data-testid="quote-speaker" href="([^"]+)"', html)
    assert "/entities/" + quote(SPEAKER) in [href.replace("&amp;", "&") for href in speakers]
    for href in speakers:
        assert client.get(href.replace("&amp;", "&")).status_code == 200, href
