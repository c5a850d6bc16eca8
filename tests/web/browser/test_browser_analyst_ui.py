"""The analyst's UI at desktop and phone widths (#21), in Chromium: filters before the results on
a phone (a panel that opens), beside them on a desktop; several values of a facet chosen by
clicking and cleared by clicking; native date inputs; a heading and a skip link; every link a
page offers answers; entity types named in words, not by colour alone."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from browser_checks import NEAR_A, SPEAKER, href_path, query_of
from browser_harness import Tab

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def test_on_a_phone_the_filters_come_first_in_a_panel_that_opens(tab: Tab) -> None:
    tab.page.set_viewport_size(PHONE)
    tab.open("/?q=" + quote("جدة"))
    facets, toggle = tab.page.locator("aside.facets"), tab.page.get_by_test_id("filters-toggle")
    assert toggle.is_visible() and not facets.is_visible()
    first_result = tab.page.get_by_test_id("result").first
    assert toggle.bounding_box()["y"] < first_result.bounding_box()["y"]  # type: ignore[index]
    toggle.click()
    assert facets.is_visible()
    assert facets.bounding_box()["y"] < first_result.bounding_box()["y"]  # type: ignore[index]
    tab.screenshot("search-phone-filters-open")
    overflow = tab.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1


def test_on_a_desktop_the_filters_stand_beside_the_results(tab: Tab) -> None:
    tab.page.set_viewport_size(DESKTOP)
    tab.open("/?q=" + quote("جدة"))
    assert not tab.page.get_by_test_id("filters-toggle").is_visible()
    facets = tab.page.locator("aside.facets").bounding_box()
    results = tab.page.locator("section.results").bounding_box()
    assert facets is not None and results is not None
    # Right to left: the results on the right, the filters on their left, side by side.
    assert facets["x"] + facets["width"] <= results["x"] + 1 and abs(facets["y"] - results["y"]) < 200
    tab.screenshot("search-desktop")


def test_facet_values_are_chosen_several_at_a_time_and_cleared_by_clicking(tab: Tab) -> None:
    tab.page.set_viewport_size(DESKTOP)
    tab.open("/")
    values = tab.page.get_by_test_id("facet-source").locator("li a")
    assert values.count() >= 2
    tab.follow(values.nth(0))
    tab.follow(tab.page.get_by_test_id("facet-source").locator("li:not(.selected) a").first)
    chosen = query_of(tab.page.url)["source"]
    assert len(chosen) == 2
    shown = tab.page.get_by_test_id("result-count").inner_text()
    assert tab.page.get_by_test_id("facet-source").locator("li.selected").count() == 2
    tab.follow(tab.page.get_by_test_id("facet-source").locator("li.selected a").first)
    assert len(query_of(tab.page.url)["source"]) == 1
    tab.follow(tab.page.get_by_test_id("clear-source"))
    assert "source" not in query_of(tab.page.url) and shown
    tab.watch.assert_clean()


def test_dates_are_picked_in_native_date_inputs(tab: Tab) -> None:
    tab.open("/")
    inputs = tab.page.locator("form.date-range input[name=from], form.date-range input[name=to]")
    assert inputs.count() == 2
    assert {inputs.nth(i).get_attribute("type") for i in range(2)} == {"date"}
    inputs.nth(0).fill("2024-01-01")
    tab.follow(tab.page.locator("form.date-range button"))
    assert query_of(tab.page.url)["from"] == ["2024-01-01"]


@pytest.mark.parametrize("path", ["/", "/entities", "/quotes", "/events", "/today"])
def test_every_page_has_a_heading_and_a_skip_link(tab: Tab, path: str) -> None:
    tab.open(path)
    assert tab.page.locator("h1").count() >= 1
    tab.page.keyboard.press("Tab")
    focused = tab.page.evaluate("document.activeElement.className")
    assert focused == "skip-link" and tab.page.locator("a.skip-link").is_visible()
    tab.page.keyboard.press("Enter")
    assert tab.page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/", "/?q=" + quote("جدة"), f"/articles/{NEAR_A}", "/entities", "/quotes"])
def test_every_link_on_a_page_answers(tab: Tab, path: str) -> None:
    tab.open(path)
    hrefs = {
        href
        for href in tab.page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
        if href and href.startswith("/") and not href.startswith("/api/export")
    }
    assert hrefs
    for href in sorted(hrefs):
        response = tab.page.request.get(tab.base + href)
        assert response.status == 200, f"{path}: {href} answered {response.status}"


def test_entity_types_are_named_in_words(tab: Tab) -> None:
    tab.open(f"/articles/{NEAR_A}")
    legend = tab.page.get_by_test_id("entity-legend")
    assert legend.is_visible() and "شخص" in legend.inner_text() and "مكان" in legend.inner_text()
    styles = tab.page.evaluate(
        """() => ['per', 'loc', 'org'].map(k => {
            const e = document.querySelector('.legend .entity-' + k);
            return e ? getComputedStyle(e).borderBottomStyle : null; })"""
    )
    assert len(set(styles)) == 3, styles  # one line style per type, beside the colours
    tab.open("/entities/" + quote(SPEAKER))
    assert "شخص" in tab.page.locator("header.entity-head").inner_text()
    assert href_path(tab.page.get_by_test_id("entity-timeline-link").get_attribute("href")) == "/timeline"
