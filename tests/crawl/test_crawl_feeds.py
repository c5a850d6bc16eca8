"""Article links from RSS 2.0, RSS 1.0, Atom and sitemaps in their several forms."""

from __future__ import annotations

import gzip

import pytest

from marsad.crawl.feeds import FeedEntry, FeedError, parse_feed
from marsad.crawl.sitemaps import Sitemap, SitemapEntry, parse_sitemap

FEED_URL = "https://news.example/feeds/local.xml"

RSS2 = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
<channel><title>محليات</title><link>https://news.example/</link>
<item><title>افتتاح حديقة عامة جديدة</title><link>https://news.example/local/park?utm_source=rss</link>
  <pubDate>Sun, 29 Nov 2026 06:00:00 GMT</pubDate></item>
<item><title>مكتبة المدينة تمدد ساعات العمل</title><link>/local/library</link></item>
<item><title>خبر بلا رابط</title><guid isPermaLink="false">tag:news.example,2026:42</guid></item>
<item><title>خبر برابط دائم</title><guid>https://news.example/local/rain</guid></item>
<item><title>سوق الخضار</title><link>https://feeds.example/~r/local/123</link>
  <feedburner:origLink>https://news.example/local/market</feedburner:origLink></item>
</channel></rss>"""

RSS1 = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://news.example/rdf"><title>أخبار</title><link>https://news.example/</link></channel>
<item rdf:about="https://news.example/local/park"><title>افتتاح حديقة</title><link>https://news.example/local/park</link>
  <dc:date>2026-11-29T06:00:00Z</dc:date></item>
<item rdf:about="https://news.example/local/school"><title>مدرسة جديدة</title></item>
</rdf:RDF>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example/weather/">
<title>الطقس</title>
<entry><title>موجة حر</title><link rel="self" href="https://news.example/api/heat"/>
  <link rel="alternate" type="application/pdf" href="heat.pdf"/><link href="heat"/>
  <published>2026-11-29T06:00:00Z</published></entry>
<entry><title>ضباب كثيف</title><link rel="alternate" href="fog#top"/><updated>2026-11-28T06:00:00Z</updated></entry>
<entry><title>بلا رابط</title><id>urn:uuid:1</id></entry>
</feed>"""


def test_rss2_items_with_relative_links_guids_and_feedburner() -> None:
    assert parse_feed(RSS2.encode(), FEED_URL) == [
        FeedEntry("https://news.example/local/park", "افتتاح حديقة عامة جديدة", "Sun, 29 Nov 2026 06:00:00 GMT"),
        FeedEntry("https://news.example/local/library", "مكتبة المدينة تمدد ساعات العمل"),
        FeedEntry("https://news.example/local/rain", "خبر برابط دائم"),
        FeedEntry("https://news.example/local/market", "سوق الخضار"),
    ]


def test_rss1_items_use_link_or_rdf_about() -> None:
    entries = parse_feed(RSS1.encode(), FEED_URL)
    assert [(e.url, e.published) for e in entries] == [
        ("https://news.example/local/park", "2026-11-29T06:00:00Z"),
        ("https://news.example/local/school", None),
    ]


def test_atom_entries_prefer_the_html_alternate_and_honour_xml_base() -> None:
    entries = parse_feed(ATOM.encode(), FEED_URL)
    assert [(e.url, e.title, e.published) for e in entries] == [
        ("https://news.example/weather/heat", "موجة حر", "2026-11-29T06:00:00Z"),
        ("https://news.example/weather/fog", "ضباب كثيف", "2026-11-28T06:00:00Z"),
    ]


def test_a_feed_in_windows_1256_is_decoded_by_its_declaration() -> None:
    feed = '<?xml version="1.0" encoding="windows-1256"?><rss><channel><item><title>افتتاح حديقة</title><link>https://news.example/a</link></item></channel></rss>'
    assert parse_feed(b"\n\n" + feed.encode("cp1256"), FEED_URL)[0].title == "افتتاح حديقة"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty feed"),
        (b"<html><body><p>\xd8\xae\xd8\xa8\xd8\xb1</p></body></html>", "not an RSS or Atom feed (root element <html>)"),
        (b"<rss><channel><item><link>https://a/</link></channel></rss>", "not well-formed XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b"<rss><channel><item><title>&b;</title><link>https://a/</link></item></channel></rss>",
            "refused",
        ),
    ],
)
def test_what_is_not_a_feed_says_why(data: bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_feed(data, FEED_URL)


URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/local/park</loc><lastmod>2026-11-29</lastmod></url>
<url><loc>https://news.example/local/library?utm_source=sitemap</loc></url>
<url><loc>https://news.example/local/rain</loc>
  <news:news><news:publication_date>2026-11-28T08:00:00+03:00</news:publication_date></news:news></url>
<url><loc>mailto:desk@news.example</loc></url>
</urlset>"""

INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/sitemap-2026-11.xml.gz</loc></sitemap>
<sitemap><loc>/sitemap-news.xml</loc></sitemap>
</sitemapindex>"""

SITEMAP_URL = "https://news.example/sitemap.xml"


def test_urlset_with_lastmod_and_news_dates() -> None:
    assert parse_sitemap(URLSET.encode(), SITEMAP_URL) == Sitemap(
        pages=[
            SitemapEntry("https://news.example/local/park", "2026-11-29"),
            SitemapEntry("https://news.example/local/library"),
            SitemapEntry("https://news.example/local/rain", "2026-11-28T08:00:00+03:00"),
        ]
    )


def test_sitemap_index_names_child_sitemaps() -> None:
    assert parse_sitemap(INDEX.encode(), SITEMAP_URL).sitemaps == [
        "https://news.example/sitemap-2026-11.xml.gz",
        "https://news.example/sitemap-news.xml",
    ]


def test_gzipped_and_text_and_feed_sitemaps() -> None:
    assert parse_sitemap(gzip.compress(URLSET.encode()), SITEMAP_URL).pages[0].url == "https://news.example/local/park"
    text = "https://news.example/local/park\n\nhttps://news.example/local/school\n"
    assert [e.url for e in parse_sitemap(text.encode(), SITEMAP_URL).pages] == [
        "https://news.example/local/park",
        "https://news.example/local/school",
    ]
    assert parse_sitemap(RSS2.encode(), SITEMAP_URL).pages[0].url == "https://news.example/local/park"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html><body>404</body></html>", "not a sitemap"),
        ("https://news.example/a\nصفحة غير موجودة\n".encode(), "line 2"),
        (b"\x1f\x8b\x08\x00broken", "does not inflate"),
    ],
)
def test_what_is_not_a_sitemap_says_why(data: bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        parse_sitemap(data, SITEMAP_URL)
