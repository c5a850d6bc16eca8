"""Article, entity, quotes and stories pages in a real browser, reached the way a reader clicks."""

from __future__ import annotations

from urllib.parse import quote, unquote

from browser_checks import (
    EMBEDDED_STORY,
    GREGORIAN_MONTHS,
    HOST_WITH_STORY,
    NEAR_A,
    NEAR_B,
    SPEAKER,
    arabic_date,
    first_link_paths,
    href_path,
    link_paths,
    query_of,
)
from browser_harness import Tab

ENTITY_TYPES = {"PER", "LOC", "ORG", "MISC"}


def _open_near_a_from_search(tab: Tab) -> None:
    # Every copy listed: nearA is the older copy of a repeated story.
    tab.open("/?q=" + quote("الدار البيضاء") + "&duplicates=all")
    link = tab.page.locator(f'[data-testid="result"] a[href$="/articles/{NEAR_A}"]')
    assert link.count() >= 1, f"no result links to /articles/{NEAR_A}"
    tab.follow(link.first)
    assert tab.path() == f"/articles/{NEAR_A}"


def test_article_shows_title_meta_body_and_readable_date(tab: Tab) -> None:
    _open_near_a_from_search(tab)
    page = tab.page
    assert (
        page.get_by_test_id("article-title").inner_text().strip()
        == "تشغيل خط جوي مباشر بين جدة والدار البيضاء مطلع يونيو"
    )
    meta = page.get_by_test_id("article-meta").inner_text()
    assert "gulf-times.example" in meta and "محليات" in meta, meta
    assert arabic_date(10, GREGORIAN_MONTHS, 2024).search(meta), f"no readable Arabic date in {meta!r}"
    assert "2024-03-10" not in meta, f"ISO date shown to the reader: {meta!r}"
    body = page.get_by_test_id("article-body").inner_text()
    assert "أعلنت الهيئة العامة للطيران المدني اليوم تشغيل خط جوي مباشر" in body
    assert "مقالات ذات صلة" not in body
    tab.screenshot("article")
    tab.watch.assert_clean()


def test_article_highlights_entities_by_type_with_links(tab: Tab) -> None:
    tab.open(f"/articles/{NEAR_A}")
    entities = tab.page.locator('[data-testid="article-body"] [data-testid="entity"]')
    assert entities.count() >= 4, "entities are not highlighted in the body"
    for entity in entities.all():
        assert entity.evaluate("e => e.tagName") == "A"
        assert entity.get_attribute("data-type") in ENTITY_TYPES, entity.evaluate("e => e.outerHTML")
        assert href_path(entity.get_attribute("href")).startswith("/entities/")
    speaker = entities.filter(has_text=SPEAKER)
    assert speaker.count() >= 1 and speaker.first.get_attribute("data-type") == "PER"
    assert href_path(speaker.first.get_attribute("href")) == f"/entities/{SPEAKER}"
    types = {entity.get_attribute("data-type") for entity in entities.all()}
    assert {"PER", "LOC", "ORG"} <= types, types
    # Entity types must look different, not only carry an attribute.
    colours = {
        entity.get_attribute("data-type"): entity.evaluate(
            "e => getComputedStyle(e).color + getComputedStyle(e).backgroundColor + getComputedStyle(e).borderBottomColor"
        )
        for entity in entities.all()
    }
    assert len(set(colours.values())) >= 2, f"PER/LOC/ORG mentions look alike (color, background, underline): {colours}"


def test_article_lists_quotes_dates_quantities_and_boilerplate(tab: Tab) -> None:
    tab.open(f"/articles/{NEAR_A}")
    page = tab.page
    quotes = page.get_by_test_id("quote")
    assert quotes.count() >= 1
    speakers = [q.get_by_test_id("quote-speaker").inner_text().strip() for q in quotes.all()]
    assert SPEAKER in speakers, speakers
    assert any("الخط الجديد يختصر زمن السفر" in q for q in quotes.all_inner_texts())
    assert page.get_by_test_id("dates").count() == 1
    quantities = page.get_by_test_id("quantities")
    assert quantities.count() == 1 and "120" in quantities.inner_text()
    boilerplate = page.get_by_test_id("boilerplate")
    assert boilerplate.evaluate("e => e.tagName") == "DETAILS"
    assert boilerplate.get_attribute("open") is None, "removed lines must be shown on demand, not by default"
    boilerplate.locator("summary").click()
    assert "محليات" in boilerplate.inner_text()


def test_article_links_to_the_other_members_of_its_cluster(tab: Tab) -> None:
    tab.open(f"/articles/{NEAR_A}")
    members = tab.page.get_by_test_id("cluster-members")
    assert f"/articles/{NEAR_B}" in link_paths(members)
    tab.follow(members.locator(f'a[href$="/articles/{NEAR_B}"]').first)
    assert tab.path() == f"/articles/{NEAR_B}"
    assert f"/articles/{NEAR_A}" in link_paths(tab.page.get_by_test_id("cluster-members"))


def test_host_page_and_embedded_story_link_both_ways(tab: Tab) -> None:
    tab.open(f"/articles/{HOST_WITH_STORY}")
    embedded = tab.page.get_by_test_id("embedded-stories")
    assert f"/articles/{EMBEDDED_STORY}" in link_paths(embedded), embedded.inner_html()
    tab.follow(embedded.locator("a[href]").first)
    assert "تراجع أسعار الأسمدة" in tab.page.get_by_test_id("article-title").inner_text()
    parent = tab.page.get_by_test_id("parent-link")
    assert href_path(parent.get_attribute("href") or parent.locator("a").first.get_attribute("href")) == (
        f"/articles/{HOST_WITH_STORY}"
    )


def test_entity_link_leads_to_its_page(tab: Tab) -> None:
    tab.open(f"/articles/{NEAR_A}")
    tab.follow(tab.page.locator('[data-testid="entity"][data-type="PER"]', has_text=SPEAKER).first)
    page = tab.page
    assert tab.path() == f"/entities/{quote(SPEAKER)}" or href_path(page.url) == f"/entities/{SPEAKER}"
    assert page.get_by_test_id("entity-name").inner_text().strip() == SPEAKER
    assert "الشهري" in page.get_by_test_id("entity-variants").inner_text()
    chart = page.get_by_test_id("entity-chart")
    assert chart.locator("svg").count() + (1 if chart.evaluate("e => e.tagName") == "svg" else 0) >= 1
    cooccurring = link_paths(page.get_by_test_id("cooccurring"))
    assert "/entities/جدة" in cooccurring, cooccurring
    assert "الخط الجديد يختصر زمن السفر" in page.get_by_test_id("entity-quotes").inner_text()
    tab.screenshot("entity")
    tab.follow(page.get_by_test_id("cooccurring").locator('a[href*="/entities/"]', has_text="جدة").first)
    assert page.get_by_test_id("entity-name").inner_text().strip() == "جدة"
    tab.watch.assert_clean()


def test_quotes_search_by_speaker_and_by_text(tab: Tab) -> None:
    tab.open("/quotes")
    form = tab.page.get_by_test_id("quote-search")
    form.locator('input[name="speaker"]').fill(SPEAKER)
    tab.follow(form.locator('input[name="speaker"]'), key="Enter")
    quotes = tab.page.get_by_test_id("quote")
    assert quotes.count() >= 2
    assert all(SPEAKER in text for text in quotes.all_inner_texts()), quotes.all_inner_texts()
    tab.open("/quotes")
    form = tab.page.get_by_test_id("quote-search")
    form.locator('input[name="q"]').fill("الخط الجديد")
    tab.follow(form.locator('input[name="q"]'), key="Enter")
    texts = tab.page.get_by_test_id("quote").all_inner_texts()
    assert texts and all("الخط الجديد" in text for text in texts), texts
    tab.screenshot("quotes")
    tab.watch.assert_clean()


def test_stories_list_opens_a_cluster_and_its_members(tab: Tab) -> None:
    tab.open("/stories")
    stories = tab.page.get_by_test_id("story")
    assert stories.count() >= 1, "no near-duplicate cluster on /stories"
    tab.screenshot("stories")
    story = stories.filter(has_text="الدار البيضاء")
    assert story.count() == 1, stories.all_inner_texts()
    target = first_link_paths(story)[0]
    assert target.startswith("/stories/"), target
    tab.follow(story.locator("a[href]").first)
    assert tab.path() == target or href_path(tab.page.url) == target
    members = link_paths(tab.page.get_by_test_id("cluster-members"))
    assert {f"/articles/{NEAR_A}", f"/articles/{NEAR_B}"} <= set(members), members
    tab.screenshot("cluster")
    tab.follow(tab.page.get_by_test_id("cluster-members").locator(f'a[href$="/articles/{NEAR_B}"]').first)
    assert tab.path() == f"/articles/{NEAR_B}"
    tab.watch.assert_clean()


def test_stories_sort_by_newest_and_size(tab: Tab) -> None:
    for sort in ("size", "newest"):
        tab.open(f"/stories?sort={sort}")
        assert tab.page.get_by_test_id("story").count() >= 1


def test_entity_index_from_the_header_filters_and_opens_a_person(tab: Tab) -> None:
    tab.open("/")
    tab.follow(tab.page.locator("header nav a", has_text="الكيانات"))
    assert tab.path() == "/entities"
    assert tab.page.get_by_test_id("entity-row").count() >= 5
    tab.follow(tab.page.get_by_test_id("entity-types").locator("a", has_text="أشخاص"))
    assert query_of(tab.page.url).get("type") == ["PER"], tab.page.url
    box = tab.page.get_by_test_id("entity-filter").locator('input[name="q"]')
    box.fill("الشهري")
    tab.follow(box, key="Enter")
    assert query_of(tab.page.url).get("type") == ["PER"] and query_of(tab.page.url).get("q") == ["الشهري"]
    rows = tab.page.get_by_test_id("entity-row")
    assert rows.count() >= 1 and SPEAKER in rows.first.inner_text()
    tab.screenshot("entities")
    tab.follow(rows.first.locator("a"))
    assert unquote(tab.path()) == f"/entities/{SPEAKER}"
    tab.watch.assert_clean()


def test_events_page_leads_to_the_event_and_its_articles_in_time_order(tab: Tab) -> None:
    tab.open("/")
    tab.follow(tab.page.locator('nav.site-nav a[href="/events"]'))
    events = tab.page.get_by_test_id("event")
    assert events.count() == 1, "the story two outlets told is not listed as an event"
    meta = events.first.inner_text()
    assert "gulf-times.example" in meta and "nile-news.example" in meta, meta
    assert arabic_date(10, GREGORIAN_MONTHS, 2024).search(meta), meta
    tab.screenshot("events")
    tab.follow(events.first.locator("a[href]").first)
    assert tab.path() == f"/events/{NEAR_A}"
    assert "الدار البيضاء" in tab.page.get_by_test_id("event-title").inner_text()
    articles = link_paths(tab.page.get_by_test_id("event-articles"))
    assert articles == [f"/articles/{NEAR_A}", f"/articles/{NEAR_B}"], articles
    entities = tab.page.get_by_test_id("event-entities").locator("a[href]")
    assert entities.count() >= 2
    assert all(href_path(link.get_attribute("href")).startswith("/entities/") for link in entities.all())
    tab.screenshot("event")
    # The period form: a period that ends before the event lists nothing.
    tab.open("/events")
    form = tab.page.get_by_test_id("event-filters")
    form.locator('input[name="until"]').fill("2024-03-01")
    tab.follow(form.locator('button[type="submit"]'))
    assert query_of(tab.page.url)["until"] == ["2024-03-01"]
    assert tab.page.get_by_test_id("event").count() == 0
    tab.watch.assert_clean()


def test_today_walks_through_days_and_links_to_the_event(tab: Tab) -> None:
    tab.open("/")
    tab.follow(tab.page.locator('nav.site-nav a[href="/today"]'))
    title = tab.page.get_by_test_id("today-title").inner_text()
    assert "2024" in title, title
    tab.screenshot("today")
    # Back to the day the two outlets told the Casablanca story.
    form = tab.page.get_by_test_id("day-nav").locator("form")
    form.locator('input[name="day"]').fill("2024-03-11")
    tab.follow(form.locator('button[type="submit"]'))
    assert arabic_date(11, GREGORIAN_MONTHS, 2024).search(tab.page.get_by_test_id("today-title").inner_text())
    events = link_paths(tab.page.get_by_test_id("today-events"))
    assert events == [f"/events/{NEAR_A}"], events
    tab.follow(tab.page.get_by_test_id("day-nav").locator('a[rel="prev"]'))
    assert query_of(tab.page.url)["day"] == ["2024-03-10"]
    tab.watch.assert_clean()


def test_a_search_opens_its_timeline_by_outlet_and_compares_two(tab: Tab) -> None:
    tab.open("/?q=" + quote("جدة"))
    tab.follow(tab.page.get_by_test_id("timeline-link"))
    assert tab.path() == "/timeline" and query_of(tab.page.url)["q"] == ["جدة"]
    chart = tab.page.get_by_test_id("timeline-chart")
    bars = chart.locator("svg rect")
    assert bars.count() >= 2
    assert all((bar.get_attribute("class") or "").startswith("src-") for bar in bars.all())
    legend = tab.page.get_by_test_id("timeline-legend").inner_text()
    assert "gulf-times.example" in legend, legend
    tab.screenshot("timeline")
    form = tab.page.get_by_test_id("timeline-form")
    form.locator('input[name="compare"]').fill("الدار البيضاء")
    tab.follow(form.locator('button[type="submit"]'))
    kinds = {bar.get_attribute("class") for bar in chart.locator("svg rect").all()}
    assert kinds == {"series-0", "series-1"}, kinds
    legend = tab.page.get_by_test_id("timeline-legend").inner_text()
    assert "جدة" in legend and "الدار البيضاء" in legend
    tab.screenshot("timeline-compare")
    tab.watch.assert_clean()


def test_a_search_downloads_its_results_and_offers_a_feed(tab: Tab) -> None:
    tab.open("/?q=" + quote("جدة") + "&sort=date")
    downloads = tab.page.get_by_test_id("downloads")
    with tab.page.expect_download() as info:
        downloads.get_by_role("link", name="CSV").click()
    download = info.value
    assert download.suggested_filename == "marsad-جدة.csv", download.suggested_filename
    text = download.path().read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("id,published,source") and NEAR_B in text
    feed = tab.page.request.get(tab.base + (tab.page.get_by_test_id("search-feed").get_attribute("href") or ""))
    assert feed.ok and "application/atom+xml" in feed.headers["content-type"]
    assert "<entry>" in feed.text() or "<entry " in feed.text()
    tab.watch.assert_clean()
