"""URL canonicalization: every spelling of one page is one key, and different pages stay different."""

from __future__ import annotations

import pytest

from marsad.crawl.canonical import canonical_key, clean_url, link_canonical, origin_of

SAME_PAGE = [
    ("https://news.example/local/park", "HTTPS://News.Example/local/park"),
    ("https://news.example/local/park", "https://news.example:443/local/park"),
    ("http://news.example/local/park", "http://news.example:80/local/park#comments"),
    ("https://news.example/local/park", "https://news.example/local/park/"),
    ("https://news.example/local/park", "https://news.example/local/park?utm_source=rss&utm_medium=feed"),
    ("https://news.example/local/park?id=7", "https://news.example/local/park?utm_campaign=x&id=7&fbclid=abc"),
    ("https://news.example/", "https://news.example"),
    ("https://news.example/%D8%AE%D8%A8%D8%B1", "https://news.example/خبر"),
    ("https://news.example/%D8%AE%D8%A8%D8%B1", "https://news.example/%d8%ae%d8%a8%d8%b1"),
    ("https://news.example/a-b", "https://news.example/%61-b"),
    ("https://xn--mgbh0fb.example/x", "https://مثال.example/x"),
]

DIFFERENT_PAGES = [
    ("https://news.example/local/park", "http://news.example/local/park"),
    ("https://news.example/local/park", "https://news.example/local/Park"),
    ("https://news.example/article?id=7", "https://news.example/article?id=8"),
    ("https://news.example/a", "https://news.example:8443/a"),
    ("https://news.example/a%2Fb", "https://news.example/a/b"),
]


@pytest.mark.parametrize(("left", "right"), SAME_PAGE)
def test_spellings_of_one_page_share_a_key(left: str, right: str) -> None:
    assert canonical_key(left) == canonical_key(right)


@pytest.mark.parametrize(("left", "right"), DIFFERENT_PAGES)
def test_different_pages_keep_different_keys(left: str, right: str) -> None:
    assert canonical_key(left) != canonical_key(right)


@pytest.mark.parametrize(
    ("url", "cleaned"),
    [
        ("HTTPS://News.Example/a/?utm_source=x#top", "https://news.example/a/"),
        (
            "https://news.example/search?q=%D8%B7%D9%82%D8%B3&page=2",
            "https://news.example/search?q=%D8%B7%D9%82%D8%B3&page=2",
        ),
        ("/news/park", "https://news.example/news/park"),
        ("park?id=1&utm_term=t", "https://news.example/news/park?id=1"),
    ],
)
def test_clean_url_keeps_the_trailing_slash_the_server_uses(url: str, cleaned: str) -> None:
    # Requested as written: dropping the slash would only buy a redirect.
    assert clean_url(url, "https://news.example/news/") == cleaned


@pytest.mark.parametrize(
    "url", ["ftp://news.example/a", "mailto:desk@news.example", "javascript:void(0)", "https://", "http://a:99999/"]
)
def test_non_http_urls_have_no_key(url: str) -> None:
    assert clean_url(url) is None
    assert canonical_key(url) is None


def test_origin_is_scheme_host_and_port() -> None:
    assert origin_of("http://127.0.0.1:8080/news/park") == "http://127.0.0.1:8080"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<link rel="canonical" href="https://news.example/news/park?utm_source=amp">',
            "https://news.example/news/park",
        ),
        ("<LINK REL='Canonical' HREF='/news/park'>", "https://news.example/news/park"),
        ('<link rel="alternate canonical" href="/news/park">', "https://news.example/news/park"),
        ('<link rel="alternate" href="/ar/news/park">', None),
        ("", None),
    ],
)
def test_link_canonical_of_a_page(head: str, expected: str | None) -> None:
    html = f"<html><head><title>افتتاح حديقة عامة</title>{head}</head><body><p>نص الخبر</p></body></html>"
    assert link_canonical(html, "https://news.example/amp/park") == expected


def test_a_canonical_link_in_the_body_is_not_the_pages() -> None:
    html = '<html><head><title>خبر</title></head><body><link rel="canonical" href="/other"></body></html>'
    assert link_canonical(html, "https://news.example/a") is None
