"""robots.txt answers, Crawl-delay, sitemap indexes, rel=canonical and the failures that are not retried forever."""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from crawl_site import (
    ARTICLES,
    RATE,
    SLACK,
    Route,
    Site,
    extracted_titles,
    intervals,
    rss,
    run_crawl,
    serve_articles,
    sitemap,
    warc_responses,
)

from marsad.crawl.fetch import _retry_after


def feed_of(site: Site, paths: list[str]) -> str:
    site.add("/feed.xml", Route(body=rss([("خبر", site.url(path)) for path in paths])))
    return site.url("/feed.xml")


@pytest.mark.parametrize("status", [500, 503])
def test_an_unreachable_robots_txt_forbids_the_whole_host(
    tmp_path: Path, make_site: Callable[[], Site], status: int
) -> None:
    site = make_site()
    site.add("/robots.txt", Route(status=status, body=b"down", content_type="text/plain"))
    serve_articles(site, ARTICLES[:2], "/news/")

    stats, out, reports = run_crawl(tmp_path, [feed_of(site, ["/news/park", "/news/library"])], retries=1)

    # robots.txt was tried twice (one retry), then nothing else on the host, not even the feed.
    assert [hit.path for hit in site.log] == ["/robots.txt", "/robots.txt"]
    assert stats.robots == 1 and stats.fetched == 0
    assert any(f"robots.txt unreachable: http {status}" in line for line in reports)
    assert warc_responses(out) == []


def test_a_missing_robots_txt_allows_everything(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    serve_articles(site, ARTICLES[:2], "/news/")

    stats, _, _ = run_crawl(tmp_path, [feed_of(site, ["/news/park", "/news/library"])])

    assert stats.fetched == 2 and stats.robots == 0


def test_rules_for_marsad_and_wildcards(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    robots = "User-agent: *\nDisallow: /\n\nUser-agent: marsad\nDisallow: /*?print=\nAllow: /news/\nDisallow: /\n"
    site.add("/robots.txt", Route(body=robots.encode(), content_type="text/plain"))
    serve_articles(site, ARTICLES[:2], "/news/")
    site.add("/other/x", Route(body=ARTICLES[2].html()))

    site.add(
        "/news/feed.xml",
        Route(body=rss([("خبر", site.url(p)) for p in ["/news/park", "/news/library?print=1", "/other/x"]])),
    )
    stats, _, _ = run_crawl(tmp_path, [site.url("/news/feed.xml")])

    assert stats.fetched == 1 and stats.robots == 2
    assert sorted(hit.path for hit in site.log) == ["/news/feed.xml", "/news/park", "/robots.txt"]


def test_a_huge_robots_txt_is_read_up_to_its_first_512_kib(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    padding = "# تعليق طويل لا يغير شيئا\n" * 30_000
    robots = f"User-agent: *\nDisallow: /private/\n{padding}Disallow: /news/\n"
    assert len(robots.encode()) > 512 * 1024
    site.add("/robots.txt", Route(body=robots.encode(), content_type="text/plain"))
    serve_articles(site, ARTICLES[:1], "/news/")
    site.add("/private/x", Route(body=ARTICLES[1].html()))

    stats, _, _ = run_crawl(tmp_path, [feed_of(site, ["/news/park", "/private/x"])])

    # The rule past the cut is not seen; the one before it is obeyed.
    assert stats.fetched == 1 and stats.robots == 1
    assert site.requested("/private/x") == []


def test_crawl_delay_slows_the_host_below_the_rate(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    site.add("/robots.txt", Route(body=b"User-agent: marsad\nCrawl-delay: 0.15\n", content_type="text/plain"))
    serve_articles(site, ARTICLES[:3], "/news/")

    stats, _, _ = run_crawl(tmp_path, [feed_of(site, ["/news/park", "/news/library", "/news/rain"])])

    assert stats.fetched == 3
    assert 1 / RATE < 0.15
    assert min(intervals(site.log)) >= 0.15 - SLACK


def test_sitemap_index_with_a_gzipped_child_and_a_cycle(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    urls = serve_articles(site, ARTICLES[:3], "/news/")
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/sitemap-1.xml.gz')}</loc></sitemap>"
        f"<sitemap><loc>{site.url('/sitemap-2.xml')}</loc></sitemap>"
        f"<sitemap><loc>{site.url('/sitemap.xml')}</loc></sitemap></sitemapindex>"
    )
    site.add("/sitemap.xml", Route(body=index.encode(), content_type="application/xml"))
    site.add("/sitemap-1.xml.gz", Route(body=gzip.compress(sitemap(urls[:2])), content_type="application/gzip"))
    site.add("/sitemap-2.xml", Route(body=sitemap(urls[1:]), content_type="application/xml"))

    stats, out, _ = run_crawl(tmp_path, [], [site.url("/sitemap.xml")])

    assert stats.sitemaps == 3 and stats.fetched == 3 and stats.duplicates == 1
    assert len(site.requested("/sitemap.xml")) == 1
    assert extracted_titles(out) == Counter({article.title: 1 for article in ARTICLES[:3]})


def test_rel_canonical_makes_an_amp_copy_a_duplicate(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    museum = ARTICLES[6]
    site.add("/news/museum", Route(body=museum.html()))
    site.add("/amp/museum", Route(body=museum.html(canonical=site.url("/news/museum?utm_source=amp"))))

    stats, out, _ = run_crawl(tmp_path, [feed_of(site, ["/amp/museum", "/news/museum"])], concurrency=1)

    assert stats.fetched == 1 and stats.duplicates == 1
    # The copy named the original as canonical, so the original was never requested.
    assert site.requested("/news/museum") == []
    assert extracted_titles(out) == Counter({museum.title: 1})


def test_failures_that_retrying_cannot_fix(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    site.add("/gone", Route(status=404, body=b"not here"))
    site.add(
        "/busy", Route(body=ARTICLES[0].html(), fail_first=10, fail_status=429, fail_headers={"Retry-After": "3600"})
    )
    site.add("/down", Route(body=ARTICLES[1].html(), fail_first=10, fail_status=503))
    site.add("/huge", Route(body=b"<p>" + "كلمة ".encode() * 20_000 + b"</p>"))
    site.add("/away", Route(status=302, headers={"Location": "ftp://files.example/a"}))
    for hop in range(7):
        site.add(f"/hop{hop}", Route(status=301, headers={"Location": f"/hop{hop + 1}"}))
    site.add("/hop7", Route(body=ARTICLES[2].html()))

    paths = ["/gone", "/busy", "/down", "/huge", "/away", "/hop0"]
    stats, out, reports = run_crawl(tmp_path, [feed_of(site, paths)], retries=2)

    assert stats.failed == Counter(
        {"http 404": 1, "http 429": 1, "http 503": 1, "redirect to a non-http(s) URL": 1, "too many redirects": 1}
    )
    # Five hops followed (the default limit), the sixth refused.
    assert [hit.path for hit in site.log if hit.path.startswith("/hop")] == [f"/hop{n}" for n in range(6)]
    assert len(site.requested("/busy")) == 1  # an hour's wait is not waited for
    assert len(site.requested("/down")) == 3  # one try and two retries
    assert stats.oversized == 1
    assert any("Retry-After 3600s is too long" in line for line in reports)
    assert any("Content-Length" in line and "/huge" in line for line in reports)
    assert warc_responses(out) == []


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("120", 120.0), ("1.5", 1.5), (None, None), ("soon", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0), ("-5", 0.0)],
)
def test_retry_after_values(value: str | None, seconds: float | None) -> None:
    assert _retry_after(value) == seconds


def test_a_gzip_encoded_page_is_stored_decoded(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    park = ARTICLES[0]
    site.add("/news/park", Route(body=gzip.compress(park.html()), headers={"Content-Encoding": "gzip"}))

    stats, out, _ = run_crawl(tmp_path, [feed_of(site, ["/news/park"])])

    assert stats.fetched == 1
    assert extracted_titles(out) == Counter({park.title: 1})


def test_a_site_is_crawled_through_the_sitemaps_its_robots_txt_lists(
    tmp_path: Path, make_site: Callable[[], Site]
) -> None:
    site = make_site()
    urls = serve_articles(site, ARTICLES[:3], "/news/")
    robots = (
        "User-agent: marsad\nDisallow: /private/\n\n"
        f"Sitemap: {site.url('/maps/news.xml')}\nSitemap: {site.url('/maps/more.xml.gz')}\n"
    )
    site.add("/robots.txt", Route(body=robots.encode(), content_type="text/plain"))
    site.add("/maps/news.xml", Route(body=sitemap(urls[:2]), content_type="application/xml"))
    site.add(
        "/maps/more.xml.gz",
        Route(body=gzip.compress(sitemap([urls[2], site.url("/private/draft")])), content_type="application/gzip"),
    )

    stats, out, _ = run_crawl(tmp_path, [], sites=[site.origin])

    assert (stats.sites, stats.sitemaps, stats.fetched, stats.robots) == (1, 2, 3, 1)
    assert len(site.requested("/robots.txt")) == 1 and not site.requested("/sitemap.xml")
    assert not site.requested("/private/draft")
    assert extracted_titles(out) == Counter({article.title: 1 for article in ARTICLES[:3]})
    assert "1 sites' robots.txt" in stats.summary()


def test_a_site_whose_robots_txt_lists_no_sitemap_is_read_from_its_sitemap_xml(
    tmp_path: Path, make_site: Callable[[], Site]
) -> None:
    site = make_site()
    urls = serve_articles(site, ARTICLES[:2], "/news/")
    site.add("/sitemap.xml", Route(body=sitemap(urls), content_type="application/xml"))

    # The same site twice (once with a trailing path): its sitemap is read once.
    stats, out, _ = run_crawl(tmp_path, [], sites=[site.origin, site.url("/news/")])

    assert stats.sitemaps == 1 and stats.fetched == 2
    assert len(site.requested("/sitemap.xml")) == 1
    assert extracted_titles(out) == Counter({article.title: 1 for article in ARTICLES[:2]})
