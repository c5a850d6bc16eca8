"""The HTML pages through FastAPI's TestClient over a real archive: right-to-left
Arabic pages with the contract's test hooks, readable dates, and page text that
stays inert text however hostile it is."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from fastapi.testclient import TestClient
from webfixtures import HOSTILE_ID, SPEAKER, STORY_A, STORY_B, embedded_pair

from marsad.web.present import (
    arabic_date,
    counted,
    format_number,
    mentions_chart,
    month_bounds,
    paragraph_segments,
    snippet_pieces,
    url_with,
    web_url,
)

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_IMG = "&lt;img src=x onerror=alert(1)&gt;"


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each data-testid element."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def testids(self) -> list[str]:
        return [str(attrs["data-testid"]) for _, attrs in self.tags if attrs.get("data-testid")]

    def with_testid(self, testid: str) -> list[tuple[str, dict[str, str | None]]]:
        return [(tag, attrs) for tag, attrs in self.tags if attrs.get("data-testid") == testid]


def parse(html: str) -> Elements:
    elements = Elements()
    elements.feed(html)
    return elements


def page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    text = response.text
    assert '<html lang="ar" dir="rtl">' in text
    return text


def test_search_page_has_every_hook(client: TestClient) -> None:
    html = page(client, "/?q=" + quote("عبارات"))
    ids = parse(html).testids()
    for hook in (
        "search-form",
        "search-input",
        "result-count",
        "facet-source",
        "facet-category",
        "facet-entity",
        "facet-date",
        "sort",
    ):
        assert hook in ids, hook
    # The two copies of the ferry story are one result, which says how many other copies it has.
    assert ids.count("result") == 1 and "duplicates-note" in ids and "copies" in ids
    [(tag, attrs)] = parse(html).with_testid("search-input")
    assert tag == "input" and attrs["name"] == "q" and attrs["value"] == "عبارات"
    assert "<mark>" in html
    assert re.search(r'data-testid="result-count">عدد النتائج: 2 ', html)
    assert "sort=date" in html


def test_results_link_to_their_articles_in_order(client: TestClient) -> None:
    html = page(client, "/?q=" + quote("عبارات") + "&sort=date&duplicates=all")
    links = re.findall(r'<article class="result" data-testid="result">\s*<h2><a href="([^"]+)"', html)
    assert [unquote(link) for link in links] == [f"/articles/{STORY_B}", f"/articles/{STORY_A}"]


def test_a_repeated_story_is_listed_once_with_its_copies_and_can_be_shown_whole(client: TestClient) -> None:
    html = page(client, "/?q=" + quote("عبارات") + "&sort=date")
    links = re.findall(r'<article class="result" data-testid="result">\s*<h2><a href="([^"]+)"', html)
    assert [unquote(link) for link in links] == [f"/articles/{STORY_B}"]
    [(_tag, attrs)] = parse(html).with_testid("copies")
    assert str(attrs["href"]).startswith("/stories/")
    assert "نسخ أخرى من هذا الخبر: 1" in html
    note = html[html.index('data-testid="duplicates-note"') :]
    show_all = re.search(r'href="([^"]+)"', note)
    assert show_all and "duplicates=all" in show_all.group(1)
    whole = page(client, show_all.group(1).replace("&amp;", "&"))
    assert parse(whole).testids().count("result") == 2
    # Showing every copy is kept by the search form, and can be undone.
    kept = [attrs for tag, attrs in parse(whole).tags if tag == "input" and attrs.get("name") == "duplicates"]
    assert kept and all(attrs["value"] == "all" for attrs in kept)
    assert "إظهار كل خبر مكرر مرة واحدة" in whole


def test_facet_links_keep_the_query_and_narrow_it(client: TestClient) -> None:
    html = page(client, "/?q=" + quote("عبارات"))
    facet = html[html.index('data-testid="facet-source"') :]
    href = re.search(r'href="([^"]+source=bahr-news.example[^"]*)"', facet)
    assert href, facet[:500]
    target = href.group(1).replace("&amp;", "&")
    assert "q=" + quote("عبارات").lower() in target.lower() or "q=%D8%B9" in target
    narrowed = page(client, target)
    assert parse(narrowed).testids().count("result") == 1
    assert f"/articles/{STORY_A}" in unquote(narrowed)


def test_pagination(client: TestClient) -> None:
    html = page(client, "/?size=3")
    assert "pagination" in parse(html).testids()
    assert re.search(r'href="/\?page=2&amp;size=3"', html)
    second = page(client, "/?size=3&page=2")
    first_ids = re.findall(r'data-testid="result">\s*<h2><a href="([^"]+)"', html)
    second_ids = re.findall(r'data-testid="result">\s*<h2><a href="([^"]+)"', second)
    assert first_ids and second_ids and not set(first_ids) & set(second_ids)


def test_article_page(client: TestClient) -> None:
    html = page(client, "/articles/" + STORY_A)
    elements = parse(html)
    ids = elements.testids()
    for hook in (
        "article-title",
        "article-meta",
        "article-body",
        "entity",
        "quote",
        "quote-speaker",
        "dates",
        "quantities",
        "cluster-members",
    ):
        assert hook in ids, hook
    assert "2 مايو 2023" in html and "2023-05-02<" not in html
    entity_links = elements.with_testid("entity")
    assert {attrs["data-type"] for _, attrs in entity_links} <= {"PER", "LOC", "ORG", "MISC"}
    assert "/entities/" + quote(SPEAKER, safe="") in {attrs["href"] for _, attrs in entity_links}
    members = html[html.index('data-testid="cluster-members"') :]
    assert unquote(members).count(f"/articles/{STORY_B}") >= 1


def test_host_and_embedded_story_pages_link_to_each_other(client: TestClient, archive_path: Path) -> None:
    child, parent = embedded_pair(archive_path)
    child_html = page(client, "/articles/" + quote(child, safe=""))
    [(_, link)] = parse(child_html).with_testid("parent-link")
    assert unquote(str(link["href"])) == f"/articles/{parent}"
    parent_html = page(client, "/articles/" + parent)
    assert "embedded-stories" in parse(parent_html).testids()
    assert f'href="/articles/{quote(child, safe="")}"' in parent_html


def test_boilerplate_is_listed_with_reasons_on_demand(client: TestClient) -> None:
    html = page(client, "/articles/" + HOSTILE_ID)
    [(tag, _)] = parse(html).with_testid("boilerplate")
    assert tag == "details"
    assert "breadcrumb" in html and "الرئيسية » تقنية" in html


@pytest.mark.parametrize(
    "url",
    [
        "/articles/" + HOSTILE_ID,
        "/?q=" + quote("تحذير"),
        "/?q=" + quote("الزهراني") + "&sort=date",
        "/quotes?speaker=" + quote("الزهراني"),
        "/entities/" + quote("ريم الزهراني"),
        "/?q=" + quote("<script>alert(1)</script>"),
        "/quotes?speaker=" + quote("<img src=x onerror=alert(1)>"),
        "/articles/" + quote("<script>alert(1)</script>", safe=""),
    ],
)
def test_hostile_markup_is_inert_text(client: TestClient, url: str) -> None:
    response = client.get(url)
    html = response.text
    assert "<script" not in html.lower(), "the pages have no script at all, and page text must not add one"
    # Escaped markup may hold an entity link (a tagger can call `img src` a name): what is left
    # of it once links are taken out must be the escaped text, never a live attribute.
    unlinked = re.sub(r"<a [^>]*>|</a>", "", html)
    assert "onerror=alert" not in unlinked.replace(ESCAPED_IMG, "")
    for tag, attrs in parse(html).tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not str(attrs.get("href") or "").lower().startswith("javascript:"), (tag, attrs)
        assert not (tag == "img" and attrs.get("src") == "x")


def test_hostile_title_and_body_show_as_visible_text(client: TestClient) -> None:
    html = page(client, "/articles/" + HOSTILE_ID)
    title = html[html.index('data-testid="article-title"') :]
    assert title.index(ESCAPED_SCRIPT) < title.index("</h1>")
    assert ESCAPED_IMG in html[html.index('data-testid="article-body"') :]
    assert "javascript:" not in html  # the page's URL is javascript:...; it must not become a link
    search = page(client, "/?q=" + quote("تحذير"))
    assert ESCAPED_SCRIPT in search


def test_entity_page(client: TestClient) -> None:
    html = page(client, "/entities/" + quote(SPEAKER))
    elements = parse(html)
    for hook in ("entity-name", "entity-variants", "entity-chart", "cooccurring", "entity-quotes", "quote"):
        assert hook in elements.testids(), hook
    chart = html[html.index('data-testid="entity-chart"') :]
    assert chart.index("<svg") < chart.index("<rect") < chart.index("</svg>")
    assert "مايو 2023" in chart
    cooccurring = html[html.index('data-testid="cooccurring"') :]
    assert "/entities/" + quote("سفاجا", safe="") in cooccurring


def test_entity_page_without_dated_mentions_still_has_a_chart(client: TestClient, archive_path: Path) -> None:
    import sqlite3

    with sqlite3.connect(archive_path) as db:
        row = db.execute(
            "SELECT e.canonical FROM entities e JOIN records r ON r.rowid = e.record_rowid "
            "GROUP BY e.match_key HAVING max(r.published) IS NULL LIMIT 1"
        ).fetchone()
    assert row is not None
    html = page(client, "/entities/" + quote(row[0], safe=""))
    assert "entity-chart" in parse(html).testids() and "لا تواريخ نشر" in html


def test_quotes_page(client: TestClient) -> None:
    html = page(client, "/quotes?speaker=" + quote("المنصوري"))
    elements = parse(html)
    assert "quote-search" in elements.testids()
    assert elements.testids().count("quote") == 4
    assert page(client, "/quotes?q=" + quote("راكب")).count('data-testid="quote"') == 2
    assert "pagination" in parse(page(client, "/quotes?size=1")).testids()


def test_stories_pages(client: TestClient) -> None:
    html = page(client, "/stories")
    links = re.findall(r'data-testid="story">\s*<a href="([^"]+)"', html)
    assert links and all(link.startswith("/stories/") for link in links)
    story = page(client, links[0])
    members = story[story.index('data-testid="cluster-members"') :]
    assert f"/articles/{STORY_A}" in unquote(members) and f"/articles/{STORY_B}" in unquote(members)
    assert "3 مايو 2023" in story
    assert 'data-testid="story"' in page(client, "/stories?sort=newest")


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/articles/no-such-record", 404),
        ("/entities/" + quote("لا أحد"), 404),
        ("/stories/no-such-cluster", 404),
        ("/no/such/page", 404),
        ("/?q=" + "ب" * 201, 400),
        ("/?size=101", 422),
        ("/?from=2023-02-30", 422),
        ("/stories?sort=oldest", 422),
    ],
)
def test_errors_are_arabic_pages_with_the_right_status(client: TestClient, url: str, status: int) -> None:
    html = page(client, url, status)
    assert 'data-testid="error"' in html and f">{status}<" in html


def test_a_query_the_parser_refuses_comes_back_in_a_search_box(client: TestClient) -> None:
    html = page(client, "/?q=" + quote('"مطار <b>جدة'), 400)
    assert 'data-testid="search-input"' in html
    assert 'value="&#34;مطار &lt;b&gt;جدة"' in html


def test_static_stylesheet_sets_an_arabic_font_stack(client: TestClient) -> None:
    css = client.get("/static/style.css").text
    assert '"Noto Naskh Arabic"' in css and "Tahoma" in css
    assert "http" not in css, "no font or file fetched from outside the machine"


# --- presentation helpers -----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-07-27", "27 يوليو 2021"),
        ("2021-07-27T10:30:00+03:00", "27 يوليو 2021"),
        ("2019-02-08", "8 فبراير 2019"),
        ("2024-12", "ديسمبر 2024"),
        ("2024", "2024"),
        ("not a date", "not a date"),
        ("2024-13-01", "2024-13-01"),
        (None, ""),
    ],
)
def test_arabic_date(value: str | None, expected: str) -> None:
    assert arabic_date(value) == expected


@pytest.mark.parametrize(
    ("snippet", "pieces"),
    [
        ("…قال <mark>الوزير</mark> إن", [("…قال ", False), ("الوزير", True), (" إن", False)]),
        ("&lt;script&gt; <mark>&amp;</mark>", [("<script> ", False), ("&", True)]),
        ("بلا تمييز", [("بلا تمييز", False)]),
        ("<mark>مفتوح", [("<mark>مفتوح", False)]),
        ("", []),
    ],
)
def test_snippet_pieces_are_plain_text(snippet: str, pieces: list[tuple[str, bool]]) -> None:
    assert snippet_pieces(snippet) == pieces


@pytest.mark.parametrize(
    ("snippet", "pieces"),
    [
        (
            "رحلات <mark>والدار</mark> <mark>البيضاء</mark> أسبوعيا",
            [("رحلات ", False), ("والدار البيضاء", True), (" أسبوعيا", False)],
        ),
        (
            "<mark>جدة</mark>، <mark>الرياض</mark>",
            [("جدة", True), ("، ", False), ("الرياض", True)],
        ),
    ],
)
def test_neighbouring_highlights_join_into_one(snippet: str, pieces: list[tuple[str, bool]]) -> None:
    assert snippet_pieces(snippet) == pieces


def test_paragraph_segments_skip_overlapping_and_out_of_range_spans() -> None:
    text = "قال خالد المنصوري في ينبع"
    spans = [
        {"start": 4, "end": 17, "type": "PER", "canonical": "خالد المنصوري", "text": "خالد المنصوري"},
        {"start": 9, "end": 17, "type": "PER", "canonical": "خالد المنصوري", "text": "المنصوري"},
        {"start": 21, "end": 25, "type": "LOC", "canonical": None, "text": "ينبع"},
        {"start": 20, "end": 99, "type": "LOC", "text": "خارج"},
    ]
    segments = paragraph_segments(text, spans)
    assert "".join(segment.text for segment in segments) == text
    assert [(s.text, s.type, s.name) for s in segments if s.type] == [
        ("خالد المنصوري", "PER", "خالد المنصوري"),
        ("ينبع", "LOC", "ينبع"),
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"source": "واس"}, "/?q=%D9%86%D9%81%D8%B7&source=%D9%88%D8%A7%D8%B3"),
        ({"page": 3}, "/?q=%D9%86%D9%81%D8%B7&page=3"),
        ({"page": 1}, "/?q=%D9%86%D9%81%D8%B7"),
        ({"q": None}, "/"),
    ],
)
def test_url_with(changes: dict[str, object], expected: str) -> None:
    assert url_with("/", {"q": "نفط", "source": None, "page": 2}, **changes) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.test/a", "https://example.test/a"),
        ("http://example.test/", "http://example.test/"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,x", None),
        (None, None),
    ],
)
def test_web_url_only_allows_http(url: str | None, expected: str | None) -> None:
    assert web_url(url) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(500000.0, "500,000"), (2.5, "2.5"), (120, "120"), ("ثلاث", "ثلاث"), (True, "True")]
)
def test_format_number(value: object, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("month", "bounds"), [("2024-02", ("2024-02-01", "2024-02-29")), ("2023-11", ("2023-11-01", "2023-11-30"))]
)
def test_month_bounds(month: str, bounds: tuple[str, str]) -> None:
    assert month_bounds(month) == bounds


def test_mentions_chart_fills_gaps_right_to_left() -> None:
    chart = mentions_chart([("2023-11", 4), ("2024-02", 2)])
    assert [bar.month for bar in chart.bars] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert [bar.count for bar in chart.bars] == [4, 0, 0, 2]
    assert chart.bars[0].x > chart.bars[-1].x, "the first month sits at the right"
    assert chart.bars[0].height == 2 * chart.bars[-1].height
    assert mentions_chart([]).bars == []


@pytest.mark.parametrize(
    ("number", "noun", "expected"),
    [
        (1, "record", "سجل واحد"),
        (2, "record", "سجلان"),
        (3, "record", "3 سجلات"),
        (10, "story", "10 قصص"),
        (11, "record", "11 سجلًا"),
        (27, "mention", "27 إشارةً"),
        (100, "record", "100 سجل"),
        (105, "record", "105 سجلات"),
        (1, "story", "قصة واحدة"),
    ],
)
def test_counted_nouns(number: int, noun: str, expected: str) -> None:
    assert counted(number, noun) == expected


@pytest.mark.parametrize(
    ("number", "noun", "expected"),
    [(2, "record", "سجلين"), (2, "mention", "إشارتين"), (3, "record", "3 سجلات"), (1, "record", "سجل واحد")],
)
def test_counted_after_a_preposition(number: int, noun: str, expected: str) -> None:
    # "4 إشارات في سجلين", never "في سجلان".
    assert counted(number, noun, genitive=True) == expected


def test_no_template_marks_text_safe() -> None:
    from importlib import resources

    templates = resources.files("marsad.web") / "templates"
    names = [entry.name for entry in templates.iterdir() if entry.name.endswith(".html")]
    assert "base.html" in names
    for name in names:
        source = (templates / name).read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, name


def test_entity_index_page_lists_names_by_type_with_links(client: TestClient) -> None:
    html = page(client, "/entities?type=PER")
    ids = parse(html).testids()
    assert {"entity-types", "entity-filter", "entity-count"} <= set(ids) and ids.count("entity-row") >= 1
    links = re.findall(r'<li data-testid="entity-row">\s*<a class="entity-per" href="([^"]+)"', html)
    assert f"/entities/{SPEAKER}" in [unquote(link) for link in links]
    assert 'aria-current="page">الكيانات</a>' in html
    filtered = page(client, "/entities?q=" + quote("المنصوري"))
    assert parse(filtered).testids().count("entity-row") >= 1 and SPEAKER in filtered
    nothing = page(client, "/entities?q=" + quote("لا يوجد اسم كهذا"))
    assert "لا كيانات تحوي" in nothing and "entity-row" not in nothing


def test_a_search_for_a_name_shows_its_entity_above_the_results(client: TestClient) -> None:
    html = page(client, "/?q=" + quote("المنصوري"))
    assert len(parse(html).with_testid("named-entity")) == 1
    box = html[html.index('data-testid="named-entity"') :]
    assert f"/entities/{SPEAKER}" in unquote(box[: box.index("</p>")])
    assert "named-entity" not in page(client, "/?q=" + quote("عبارات"))
