"""What every page owes an Arabic reader: right-to-left, consistent digits, readable dates, no JavaScript needed."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from browser_checks import (
    ARABIC_INDIC_DIGIT,
    ISO_DATE,
    NEAR_A,
    SPEAKER,
    WESTERN_DIGIT,
    first_link_paths,
    visible_text,
)
from browser_harness import Tab

PAGE_TYPES = {
    "search": "/?q=" + quote("جدة"),
    "newest": "/",
    "article": f"/articles/{NEAR_A}",
    "entity": "/entities/" + quote(SPEAKER),
    "entities": "/entities",
    "quotes": "/quotes",
    "stories": "/stories",
    "cluster": None,  # found on /stories
    "events": "/events",
    "event": None,  # found on /events
    "today": "/today",
    "timeline": "/timeline?q=" + quote("جدة") + "&compare=" + quote("الدار البيضاء"),
}


def _resolve(tab: Tab, kind: str) -> str:
    path = PAGE_TYPES[kind]
    if path is not None:
        return path
    listing, item = ("/events", "event") if kind == "event" else ("/stories", "story")
    tab.open(listing)
    return first_link_paths(tab.page.get_by_test_id(item))[0]


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_every_page_is_arabic_right_to_left(tab: Tab, kind: str) -> None:
    tab.open(_resolve(tab, kind))
    page = tab.page
    assert page.evaluate("document.documentElement.getAttribute('dir')") == "rtl"
    assert page.evaluate("document.documentElement.getAttribute('lang')") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("document.characterSet") == "UTF-8"
    text = visible_text(page)
    # Our fixture text uses Western digits only, so Arabic-Indic digits can only come from the UI.
    assert not (WESTERN_DIGIT.search(text) and ARABIC_INDIC_DIGIT.search(text)), "Western and Arabic-Indic digits mixed"
    assert not ISO_DATE.search(text), f"ISO date shown to the reader: {ISO_DATE.search(text)}"
    tab.watch.assert_clean()


@pytest.mark.parametrize(
    "kind", ["search", "article", "entity", "entities", "quotes", "events", "event", "today", "timeline"]
)
def test_phone_width_needs_no_sideways_scrolling(tab: Tab, kind: str) -> None:
    tab.page.set_viewport_size({"width": 390, "height": 844})
    tab.open(_resolve(tab, kind))
    overflow = tab.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if kind in ("article", "events", "event", "today", "timeline"):
        tab.screenshot(f"{kind}-phone")
    assert overflow <= 1, f"{kind} page is {overflow}px wider than a phone screen"


def test_search_and_article_work_without_javascript(no_js_tab: Tab) -> None:
    no_js_tab.open("/")
    box = no_js_tab.page.get_by_test_id("search-input")
    box.fill("جدة")
    no_js_tab.follow(box, key="Enter")
    assert "q=" in no_js_tab.page.url
    results = no_js_tab.page.get_by_test_id("result")
    assert results.count() >= 1
    no_js_tab.follow(results.first.locator("a[href]").first)
    assert no_js_tab.page.get_by_test_id("article-title").is_visible()
    assert no_js_tab.page.locator('[data-testid="entity"]').count() >= 1


@pytest.mark.parametrize(
    "path",
    [
        "/articles/no-such-record",
        "/entities/" + quote("لا يوجد كيان بهذا الاسم"),
        "/stories/no-such-cluster",
        "/events/no-such-event",
    ],
)
def test_unknown_ids_give_an_arabic_404_page(tab: Tab, path: str) -> None:
    response = tab.open(path, status=404)
    assert "text/html" in (response.headers.get("content-type") or "")
    assert tab.page.evaluate("document.documentElement.getAttribute('dir')") == "rtl"
    assert re.search(r"[\u0600-\u06FF]", visible_text(tab.page)), "the error page says nothing in Arabic"


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/articles/no-such-record", {404}),
        ("/api/search?q=" + quote("ب" * 400), {400, 422}),
        ("/api/search?q=x&page=0", {422}),
    ],
)
def test_api_errors_are_json_from_the_browser_too(tab: Tab, path: str, status: set[int]) -> None:
    response = tab.page.request.get(tab.base + path)
    assert response.status in status, (path, response.status, response.text()[:200])
    assert json.loads(response.text())["error"]["status"] == response.status


def test_every_response_reports_server_time(tab: Tab) -> None:
    for path in ("/", f"/articles/{NEAR_A}", "/api/search?q=" + quote("جدة")):
        response = tab.page.request.get(tab.base + path)
        timing = response.headers.get("server-timing") or ""
        assert re.search(r"\bapp;dur=[0-9.]+", timing), (path, timing)
