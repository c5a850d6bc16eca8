"""Main text and metadata of Arabic news pages we wrote in the styles of real sites."""

from __future__ import annotations

import json

import pytest

from marsad.readers.html import HtmlText, drop_title_lines, html_to_text, is_prose, paragraphs_of
from marsad.readers.html_meta import iso_date

TITLE = "ارتفاع أسعار الخضار في الأسواق المحلية مع بداية الشتاء"
BODY = (
    "شهدت أسواق الخضار في العاصمة ارتفاعا ملحوظا في الأسعار خلال الأسبوع الماضي، وفق ما رصده مراسلنا.",
    "وقال أحد التجار إن سعر كيلوغرام الطماطم تضاعف بسبب موجة البرد التي ضربت المناطق الزراعية.",
    "من جهتها، أعلنت وزارة التجارة أنها ستكثف حملات الرقابة على الأسواق لضبط الأسعار.",
    "ويتوقع خبراء أن تعود الأسعار إلى مستوياتها الطبيعية مع نهاية الشهر المقبل.",
)


def _wordpress_page() -> str:
    article_ld = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "NewsArticle",
                "headline": TITLE,
                "datePublished": "2024-11-03T09:15:00+03:00",
                "articleSection": ["اقتصاد"],
            },
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "الرئيسية"},
                    {"@type": "ListItem", "position": 2, "name": "اقتصاد"},
                ],
            },
        ],
    }
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head>
<meta charset="utf-8"><title>{TITLE} | جريدة الصباح اليومية</title>
<meta property="og:site_name" content="جريدة الصباح اليومية">
<meta property="og:url" content="https://sabah.example/economy/vegetables">
<link rel="canonical" href="https://sabah.example/economy/vegetables-prices">
<script type="application/ld+json">{json.dumps(article_ld, ensure_ascii=False)}</script>
</head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
<li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav></header>
<main><article>
<h1 class="entry-title">{TITLE}</h1>
<div class="entry-meta"><time datetime="2024-11-03">3 نوفمبر 2024</time></div>
<div class="entry-content">{paragraphs}</div>
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/x">خبر آخر عن الطقس</a></li></ul></aside>
</main>
<footer><p>جميع الحقوق محفوظة © 2024</p></footer>
</body></html>"""


def _plain_page() -> str:
    # An old site: no metadata at all, paragraphs split by <br> inside one cell.
    body = "<br><br>".join(BODY)
    return (
        "<html><head><title>" + TITLE + " - موقع الأخبار</title></head><body>"
        "<table><tr><td><b>" + TITLE + "</b><br><br>" + body + "</td></tr></table></body></html>"
    )


def _meta_tags_page() -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<html><head>
<meta property="og:title" content="&amp;quot;{TITLE}&amp;quot;">
<meta property="article:published_time" content="2023-06-30 18:05:00">
<meta property="article:section" content="أسواق">
<meta property="og:url" content="https://gulf.example/markets/1">
</head><body><div class="article"><h1>&quot;{TITLE}&quot;</h1>{paragraphs}</div></body></html>"""


@pytest.mark.parametrize(
    ("page", "url", "expected"),
    [
        (
            _wordpress_page(),
            None,
            HtmlText(
                text="",
                title=TITLE,
                published="2024-11-03T09:15:00+03:00",
                category="اقتصاد",
                url="https://sabah.example/economy/vegetables-prices",
                source="جريدة الصباح اليومية",
            ),
        ),
        (
            _plain_page(),
            "http://www.news.example/2019/old.html",
            HtmlText(text="", title=TITLE, url="http://www.news.example/2019/old.html", source="news.example"),
        ),
        (
            _meta_tags_page(),
            None,
            HtmlText(
                text="",
                title=f'"{TITLE}"',
                published="2023-06-30T18:05:00",
                category="أسواق",
                url="https://gulf.example/markets/1",
                source="gulf.example",
            ),
        ),
    ],
    ids=["wordpress", "old-table-site", "meta-tags"],
)
def test_html_to_text_keeps_every_paragraph_and_reads_metadata(page: str, url: str | None, expected: HtmlText) -> None:
    result = html_to_text(page, url=url)

    lines = result.text.split("\n\n")
    positions = [lines.index(paragraph) for paragraph in BODY]
    assert positions == sorted(positions), "paragraphs stay in page order"
    assert all("\n" not in line for line in lines), "one paragraph per line, blank line between"
    assert not any(TITLE in line for line in lines), "the title is kept out of the body"
    assert (result.title, result.published, result.category, result.url, result.source) == (
        expected.title,
        expected.published,
        expected.category,
        expected.url,
        expected.source,
    )


def test_time_element_gives_the_date_when_no_metadata_does() -> None:
    page = (
        f"<html><body><article><h1>{TITLE}</h1><time datetime='2022-01-15T08:00:00Z'>15 يناير</time>"
        + "".join(f"<p>{p}</p>" for p in BODY)
        + "</article></body></html>"
    )
    assert html_to_text(page).published == "2022-01-15T08:00:00Z"


def test_broken_json_ld_is_ignored() -> None:
    page = (
        "<html><head><script type='application/ld+json'>{not json</script>"
        f"<meta property='og:title' content='{TITLE}'></head>"
        "<body><article>" + "".join(f"<p>{p}</p>" for p in BODY) + "</article></body></html>"
    )
    result = html_to_text(page)
    assert result.title == TITLE
    assert all(p in result.text for p in BODY)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-03", "2024-11-03"),
        ("2024-11-03T09:15:00+03:00", "2024-11-03T09:15:00+03:00"),
        ("2024-11-03 09:15", "2024-11-03T09:15"),
        ("  2020-02-29T23:59:59.5Z ", "2020-02-29T23:59:59.5Z"),
        ("الأحد 3 نوفمبر", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("lines", "title", "kept"),
    [
        ([TITLE, BODY[0]], TITLE, [BODY[0]]),
        ([f"«{TITLE}»", BODY[0]], TITLE, [BODY[0]]),
        ([f"{TITLE} - جريدة المساء | Al Masaa", BODY[0]], TITLE, [BODY[0]]),
        # A paragraph that merely starts like the title is article text.
        ([f"{TITLE} وهو ما أكده تقرير رسمي صدر عن الوزارة أمس.", BODY[0]], TITLE, None),
        ([BODY[0], BODY[1]], None, None),
    ],
)
def test_drop_title_lines(lines: list[str], title: str | None, kept: list[str] | None) -> None:
    assert drop_title_lines(lines, title) == (lines if kept is None else kept)


def test_paragraphs_of_drops_blank_and_invisible_lines() -> None:
    extracted = f"  {BODY[0]}  \n\n\ufeff\n \u200f \n{BODY[1]}\n"
    assert paragraphs_of(extracted) == [BODY[0], BODY[1]]


@pytest.mark.parametrize("wrapper_class", ["sidebar", "related", "footer", "hidden", "nav"])
def test_prose_dropped_by_main_content_heuristics_is_recovered_in_order(wrapper_class: str) -> None:
    # Some sites wrap part of the article in a block whose class name main-content
    # extraction treats as chrome; the short related-link headline must stay out.
    page = (
        f"<html><body><article><h1>{TITLE}</h1>"
        f"<p>{BODY[0]}</p><div class='{wrapper_class}'><p>{BODY[1]} {BODY[2]}</p></div><p>{BODY[3]}</p>"
        "</article><div class='related'><a href='/x'>خبر ذو صلة عن الأسعار</a></div></body></html>"
    )
    lines = html_to_text(page).text.split("\n\n")
    assert lines == [BODY[0], f"{BODY[1]} {BODY[2]}", BODY[3]]


@pytest.mark.parametrize(
    ("paragraph", "prose"),
    [
        (BODY[0] + " " + BODY[1], True),
        ("الرئيسية | سياسة | اقتصاد | رياضة | ثقافة | منوعات | صحة | تكنولوجيا | فيديو | صور | كاريكاتير", False),
        ("هل ينجح المنتخب في بلوغ نهائي البطولة للمرة الأولى منذ عشرين عاما؟", False),
        (
            "This site stores small files on your device so that its pages load faster and remember "
            "the choices you made. Read our privacy notice to learn more about them and how to refuse.",
            False,
        ),
    ],
)
def test_is_prose(paragraph: str, prose: bool) -> None:
    assert is_prose(paragraph) is prose


@pytest.mark.parametrize(
    ("given", "expected"),
    [("https://daily.example/world/", "https://daily.example/world/2024/story-17"), (None, None)],
)
def test_relative_canonical_link_is_resolved_against_the_given_url(given: str | None, expected: str | None) -> None:
    page = (
        "<html><head><link rel='canonical' href='/world/2024/story-17'></head>"
        f"<body><article><p>{BODY[0]}</p></article></body></html>"
    )
    assert html_to_text(page, url=given).url == expected
