"""Search in a real browser: type an Arabic query, see highlighted results, narrow by facets, sort."""

from __future__ import annotations

import re
from pathlib import Path

from browser_checks import HOSTILE, NEAR_A, NEAR_B, SPEAKER, first_link_paths, link_paths, query_of
from browser_harness import Tab


def _search(tab: Tab, query: str) -> None:
    tab.open("/")
    box = tab.page.get_by_test_id("search-input")
    assert box.get_attribute("name") == "q", "search-input must be the <input name='q'>"
    box.fill(query)
    tab.follow(box, key="Enter")
    assert "q=" in tab.page.url


def _result_paths(tab: Tab) -> list[str]:
    return first_link_paths(tab.page.get_by_test_id("result"))


def _click_facet(tab: Tab, facet: str, label: str) -> int:
    """Follow the facet value labelled `label`; returns the count shown next to it."""
    box = tab.page.get_by_test_id(facet)
    link = box.locator("a", has_text=label)
    assert link.count() >= 1, f"no link for {label!r} in {facet}: {box.inner_text()!r}"
    text = link.first.inner_text()
    numbers = re.findall(r"[0-9\u0660-\u0669]+", text.replace(label, ""))
    assert numbers, f"facet value {text!r} shows no count"
    count = int(numbers[-1].translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
    tab.follow(link.first)
    return count


def test_arabic_query_gives_highlighted_results(tab: Tab) -> None:
    _search(tab, "الدار البيضاء")
    assert query_of(tab.page.url)["q"] == ["الدار البيضاء"]
    assert tab.page.get_by_test_id("search-input").input_value() == "الدار البيضاء"
    paths = _result_paths(tab)
    # The two copies of the Casablanca story are listed once.
    assert (f"/articles/{NEAR_A}" in paths) != (f"/articles/{NEAR_B}" in paths), paths
    marks = tab.page.locator('[data-testid="result"] mark').all_inner_texts()
    assert marks, "no <mark> highlight in the results"
    assert all("البيضاء" in mark or "الدار" in mark for mark in marks), marks
    count = tab.page.get_by_test_id("result-count")
    assert count.is_visible()
    digits = re.findall(r"[0-9]+", count.inner_text())
    if digits:  # a count in words (نتيجتان) is fine too; it counts the hidden copy as well
        assert int(digits[0]) == len(paths) + 1, (count.inner_text(), paths)
    tab.screenshot("search")
    tab.watch.assert_clean()


def test_clitic_query_finds_the_bare_word(tab: Tab) -> None:
    # `بالدار` must find `الدار`: the archive's folding, reached through the UI.
    _search(tab, "بالدار البيضاء")
    assert {f"/articles/{NEAR_A}", f"/articles/{NEAR_B}"} & set(_result_paths(tab))


def test_a_repeated_story_shows_once_and_every_copy_is_one_click_away(tab: Tab) -> None:
    _search(tab, "الدار البيضاء")
    assert len([p for p in _result_paths(tab) if p in (f"/articles/{NEAR_A}", f"/articles/{NEAR_B}")]) == 1
    tab.follow(tab.page.get_by_test_id("duplicates-note").locator("a"))
    assert query_of(tab.page.url).get("duplicates") == ["all"], tab.page.url
    assert query_of(tab.page.url).get("q") == ["الدار البيضاء"]
    paths = _result_paths(tab)
    assert f"/articles/{NEAR_A}" in paths and f"/articles/{NEAR_B}" in paths, paths
    # The copies link of a collapsed result opens the story with both copies.
    _search(tab, "الدار البيضاء")
    tab.follow(tab.page.get_by_test_id("copies").first)
    assert "/stories/" in tab.page.url
    members = link_paths(tab.page.get_by_test_id("cluster-members"))
    assert {f"/articles/{NEAR_A}", f"/articles/{NEAR_B}"} <= set(members), members
    tab.watch.assert_clean()


def test_source_facet_narrows_results_to_its_count(tab: Tab) -> None:
    _search(tab, "الدار البيضاء")
    shown = _click_facet(tab, "facet-source", "nile-news.example")
    assert query_of(tab.page.url).get("source") == ["nile-news.example"], tab.page.url
    assert query_of(tab.page.url).get("q") == ["الدار البيضاء"], "the facet link dropped the query"
    assert _result_paths(tab) == [f"/articles/{NEAR_B}"]
    assert shown == 1
    tab.watch.assert_clean()


def test_entity_facet_keeps_only_records_naming_the_entity(tab: Tab) -> None:
    _search(tab, "جدة")
    shown = _click_facet(tab, "facet-entity", SPEAKER)
    assert query_of(tab.page.url).get("entity") == [SPEAKER], tab.page.url
    paths = _result_paths(tab)
    # Both records name the speaker; they are copies of one story, listed once.
    assert len(paths) == 1 and paths[0] in (f"/articles/{NEAR_A}", f"/articles/{NEAR_B}"), paths
    assert shown == 2


def test_facets_show_every_kind(tab: Tab) -> None:
    tab.open("/?q=" + "جدة")
    for facet in ("facet-source", "facet-category", "facet-entity", "facet-date"):
        assert tab.page.get_by_test_id(facet).count() == 1, f"no {facet} on the search page"


def test_sort_by_date_puts_the_newest_first(tab: Tab) -> None:
    _search(tab, "الدار البيضاء")
    sort = tab.page.get_by_test_id("sort")
    select = sort.locator("select") if sort.evaluate("e => e.tagName") != "SELECT" else sort
    if select.count():
        select.first.select_option("date")
        submit = tab.page.get_by_test_id("search-form").locator("button, input[type=submit]")
        if query_of(tab.page.url).get("sort") != ["date"] and submit.count():
            tab.follow(submit.first)
    else:
        tab.follow(sort.locator("a[href*='sort=date']").first)
    assert query_of(tab.page.url).get("sort") == ["date"], tab.page.url
    paths = _result_paths(tab)
    # nearB was published on 2024-03-11, the day after nearA: the newest copy stands for the story.
    assert f"/articles/{NEAR_B}" in paths and f"/articles/{NEAR_A}" not in paths, paths


def test_date_range_keeps_only_records_inside_it(tab: Tab) -> None:
    tab.open("/?q=الدار+البيضاء&from=2024-03-11&to=2024-03-31")
    assert _result_paths(tab) == [f"/articles/{NEAR_B}"]


def test_empty_query_lists_newest_records_with_pagination(tab: Tab, browser_archive: Path) -> None:
    import sqlite3

    tab.open("/")
    paths = _result_paths(tab)
    assert paths, "the search page without a query shows no records"
    # The newest dated record of the fixture archive comes first (a dateline's date counts: #17).
    with sqlite3.connect(browser_archive) as archive:
        (newest,) = archive.execute(
            "SELECT id FROM records WHERE published IS NOT NULL ORDER BY published DESC LIMIT 1"
        ).fetchone()
    assert paths[0] == f"/articles/{newest}", paths[:3]
    assert f"/articles/{HOSTILE}" in paths
    pagination = tab.page.get_by_test_id("pagination")
    next_page = pagination.locator("a[href*='page=2']")
    if next_page.count():
        tab.follow(next_page.first)
        assert not set(_result_paths(tab)) & set(paths), "page 2 repeats page 1"


def test_result_link_opens_the_article(tab: Tab) -> None:
    _search(tab, "الدار البيضاء")
    result = tab.page.get_by_test_id("result").first
    target = result.locator("a[href]").first.get_attribute("href")
    tab.follow(result.locator("a[href]").first)
    assert tab.path() == target or tab.page.url.endswith(str(target))
    assert tab.page.get_by_test_id("article-title").is_visible()
