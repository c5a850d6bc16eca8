"""A page whose title and body hold `<script>` and `onerror=` renders as inert visible text everywhere."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from browser_checks import HOSTILE, HOSTILE_SPEAKER, IMG_PAYLOAD, SCRIPT_PAYLOAD, injected, visible_text
from browser_harness import Tab

# Every page that shows the hostile record's text: its article, a search
# hitting it (snippet and title), the newest list, its speaker's entity page
# and quotes.
PAGES_SHOWING_IT = [
    f"/articles/{HOSTILE}",
    "/?q=" + quote("شيفرة"),
    "/",
    "/entities/" + quote(HOSTILE_SPEAKER),
    "/quotes?speaker=" + quote(HOSTILE_SPEAKER),
]


@pytest.mark.parametrize("path", PAGES_SHOWING_IT)
def test_hostile_text_stays_inert(tab: Tab, path: str) -> None:
    tab.open(path)
    tab.page.wait_for_load_state("networkidle")
    assert injected(tab.page) == {}
    tab.watch.assert_clean()
    text = visible_text(tab.page)
    assert SCRIPT_PAYLOAD in text or IMG_PAYLOAD in text, "the markup is not shown as text"


def test_hostile_article_shows_markup_as_text(tab: Tab) -> None:
    tab.open(f"/articles/{HOSTILE}")
    title = tab.page.get_by_test_id("article-title").inner_text()
    assert SCRIPT_PAYLOAD in title and IMG_PAYLOAD in title, title
    body = tab.page.get_by_test_id("article-body").inner_text()
    assert SCRIPT_PAYLOAD in body and IMG_PAYLOAD in body, body
    # The document title is text too: no tag may end up parsed there either.
    assert "alert(1)" in tab.page.title()
    tab.screenshot("hostile")
    tab.page.wait_for_load_state("networkidle")
    assert injected(tab.page) == {}
    tab.watch.assert_clean()


@pytest.mark.parametrize(
    "query",
    [
        SCRIPT_PAYLOAD,
        '"><img src=x onerror=alert(1)>',
        "'><script>alert(1)</script>",
        "</title><script>alert(1)</script>",
    ],
)
def test_hostile_query_is_echoed_inert(tab: Tab, query: str) -> None:
    tab.open("/")
    box = tab.page.get_by_test_id("search-input")
    box.fill(query)
    # A malformed query may be refused (400), never crash the server.
    tab.follow(box, key="Enter", status={200, 400})
    assert "q=" in tab.page.url
    tab.page.wait_for_load_state("networkidle")
    echoed = tab.page.get_by_test_id("search-input")
    if echoed.count():
        assert echoed.input_value() == query
    assert injected(tab.page) == {}
    tab.watch.assert_clean()


def test_hostile_quote_search_is_inert(tab: Tab) -> None:
    tab.open("/quotes?q=" + quote(IMG_PAYLOAD) + "&speaker=" + quote('"><script>alert(1)</script>'))
    tab.page.wait_for_load_state("networkidle")
    assert injected(tab.page) == {}
    tab.watch.assert_clean()


def test_hostile_entity_name_in_the_url_is_inert(tab: Tab) -> None:
    response = tab.page.goto(tab.base + "/entities/" + quote(SCRIPT_PAYLOAD, safe=""), wait_until="load")
    assert response is not None and response.status in {200, 404}
    tab.page.wait_for_load_state("networkidle")
    assert injected(tab.page) == {}
    tab.watch.assert_clean()
