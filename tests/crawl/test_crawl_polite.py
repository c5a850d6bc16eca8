"""The crawler against local sites that misbehave: each claim of `marsad crawl` proved from the server's log.

The sites log every request with its arrival time; the tests read that log to
show that no host got requests faster than the rate, that a robots-forbidden
path was never requested, and that every article survived the transient
failures and reached the WARC file exactly once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from crawl_site import (
    ARTICLES,
    MAX_BYTES,
    RATE,
    SLACK,
    TIMEOUT,
    WEATHER,
    Article,
    Route,
    Site,
    atom,
    extracted_titles,
    intervals,
    rss,
    run_crawl,
    serve_articles,
    sitemap,
    warc_responses,
)

from marsad.crawl import ConditionalState


def news_site(site: Site) -> dict[str, Article]:
    """The misbehaving news site: one route for each way a crawl can go wrong."""
    park, library, rain, market, school, bridge, _ = ARTICLES
    site.add("/robots.txt", Route(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    serve_articles(site, (park, library), "/news/")
    site.add("/news/rain", Route(body=rain.html(), slow_first=1, slow_seconds=TIMEOUT * 2))
    site.add("/news/market", Route(body=market.html(), fail_first=2, fail_status=500))
    site.add(
        "/news/school", Route(body=school.html(), fail_first=1, fail_status=429, fail_headers={"Retry-After": "1"})
    )
    site.add("/news/bridge", Route(body=bridge.html()))
    site.add("/old/bridge", Route(status=301, headers={"Location": "/news/bridge"}))
    site.add("/private/secret", Route(body=park.html()))
    site.add("/loop/a", Route(status=302, headers={"Location": "/loop/b"}))
    site.add("/loop/b", Route(status=302, headers={"Location": "/loop/a"}))
    site.add("/big", Route(endless=True))
    links = [
        ("حديقة", "/news/park"),
        ("مكتبة", "/news/library?utm_source=rss&utm_medium=feed"),
        ("حديقة", "/news/park#comments"),
        ("حديقة", "/news/park?utm_campaign=autumn"),
        ("أمطار", "/news/rain"),
        ("سوق", "/news/market"),
        ("مدرسة", "/news/school"),
        ("سري", "/private/secret"),
        ("جسر", "/old/bridge"),
        ("حلقة", "/loop/a"),
        ("ضخم", "/big"),
    ]
    site.add(
        "/feed.xml",
        Route(body=rss([(title, site.url(path)) for title, path in links]), content_type="application/rss+xml"),
    )
    site.add(
        "/sitemap.xml",
        Route(body=sitemap([site.url("/news/park/"), site.url("/news/school")]), content_type="application/xml"),
    )
    return {"/news/" + article.slug: article for article in (park, library, rain, market, school, bridge)}


def weather_site(site: Site) -> None:
    # No robots.txt at all (a 404): everything may be fetched.
    serve_articles(site, WEATHER, "/w/")
    site.routes["/w/fog"].drop_first = 1
    site.add(
        "/atom.xml",
        Route(body=atom([(a.title, site.url(f"/w/{a.slug}")) for a in WEATHER]), content_type="application/atom+xml"),
    )


def test_a_hostile_crawl_keeps_every_promise(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    news, weather = make_site(), make_site()
    articles = news_site(news)
    weather_site(weather)

    stats, out, reports = run_crawl(
        tmp_path, [news.url("/feed.xml"), weather.url("/atom.xml")], [news.url("/sitemap.xml")]
    )

    # Every article reached the WARC file exactly once, under its final URL, despite timeouts, 500s and a 429.
    expected_urls = [news.url(path) for path in articles] + [weather.url(f"/w/{a.slug}") for a in WEATHER]
    pages = [uri for uri, status in warc_responses(out) if status == 200]
    assert sorted(pages) == sorted(expected_urls)
    assert extracted_titles(out) == Counter({a.title: 1 for a in (*articles.values(), *WEATHER)})
    assert stats.fetched == len(expected_urls)
    # The redirect that led to the bridge article is archived with it.
    assert (news.url("/old/bridge"), 301) in warc_responses(out)

    # robots.txt first on each host, and the forbidden path never requested.
    assert news.log[0].path == "/robots.txt" and weather.log[0].path == "/robots.txt"
    assert news.requested("/private/secret") == []
    assert stats.robots == 1

    # Never faster than the rate on either host, retries and robots.txt included.
    for site in (news, weather):
        assert min(intervals(site.log)) >= 1 / RATE - SLACK, site.origin

    # Transient failures (timeout, 500s, a dropped connection) were retried until they cleared; the 429's Retry-After was honoured.
    assert len(news.requested("/news/rain")) == 2
    assert len(news.requested("/news/market")) == 3
    first_429, retry = news.requested("/news/school")
    assert retry.at - first_429.at >= 1.0 - SLACK
    assert len(weather.requested("/w/fog")) == 2
    assert stats.retried == 5

    # Each spelling of the park article (fragment, utm_*, trailing slash) was one page, fetched once.
    assert [hit.path for hit in news.requested("/news/park")] == ["/news/park"]
    assert [hit.path for hit in news.requested("/news/library")] == ["/news/library"]
    assert news.requested("/news/park/") == []
    assert stats.duplicates == 4  # park#comments, park?utm_campaign, park/ and school from the sitemap

    # The loop and the endless page are reported, not written.
    assert stats.failed == Counter({"redirect loop": 1})
    assert stats.oversized == 1
    assert not any("/big" in uri or "/loop/" in uri for uri, _ in warc_responses(out))
    assert any("redirect loop" in line and "/loop/a → " in line for line in reports)
    assert any(f"over {MAX_BYTES} bytes" in line for line in reports)


def test_tasks_of_other_hosts_redirecting_to_one_host_share_its_rate(
    tmp_path: Path, make_site: Callable[[], Site]
) -> None:
    # Four short-link hosts, worked on at the same time, all redirect into one news
    # host: the tasks of four hosts compete for that host's rate limit.
    news = make_site()
    urls = serve_articles(news, ARTICLES, "/a/")
    feeds = []
    for _ in range(4):
        short = make_site()
        short.add("/robots.txt", Route(body=b"User-agent: *\nAllow: /\n", content_type="text/plain"))
        for number, url in enumerate(urls):
            short.add(f"/s/{number}", Route(status=301, headers={"Location": url}))
        short.add("/feed.xml", Route(body=rss([("خبر", short.url(f"/s/{n}")) for n in range(len(urls))])))
        feeds.append(short.url("/feed.xml"))

    stats, out, _ = run_crawl(tmp_path, feeds, concurrency=8)

    assert stats.fetched == len(ARTICLES)
    assert stats.duplicates == 3 * len(ARTICLES)
    assert extracted_titles(out) == Counter({article.title: 1 for article in ARTICLES})
    assert [hit.path for hit in news.log].count("/robots.txt") == 1
    assert min(intervals(news.log)) >= 1 / RATE - SLACK


def test_hosts_are_crawled_side_by_side(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    first, second = make_site(), make_site()
    first_urls = serve_articles(first, ARTICLES[:5], "/a/")
    second_urls = serve_articles(second, ARTICLES[:5], "/b/")
    first.add("/feed.xml", Route(body=rss([("خبر", url) for url in first_urls + second_urls])))

    stats, _, _ = run_crawl(tmp_path, [first.url("/feed.xml")], concurrency=2)

    assert stats.fetched == 10
    # One feed lists the first host's pages before the second's; the second host is
    # not left waiting behind them: its first page comes before the first host's third.
    second_started = min(hit.at for hit in second.log if hit.path.startswith("/b/"))
    third_of_first = sorted(hit.at for hit in first.log if hit.path.startswith("/a/"))[2]
    assert second_started < third_of_first


def test_second_crawl_sends_validators_and_writes_only_changes(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    park, library, rain = ARTICLES[:3]
    site.add("/news/park", Route(body=park.html(), etag='"park-v1"'))
    site.add("/news/library", Route(body=library.html(), last_modified="Sat, 28 Nov 2026 10:00:00 GMT"))
    site.add("/news/rain", Route(body=rain.html(), etag='"rain-v1"'))
    site.add("/feed.xml", Route(body=rss([(a.title, site.url(f"/news/{a.slug}")) for a in (park, library, rain)])))
    state_path = tmp_path / "state.json"

    state = ConditionalState(state_path)
    first, _, _ = run_crawl(tmp_path, [site.url("/feed.xml")], state=state, name="1.warc.gz")
    state.save()
    site.routes["/news/rain"] = Route(body=rain.html().replace("الخميس".encode(), "الجمعة".encode()), etag='"rain-v2"')
    site.log.clear()
    second, second_out, _ = run_crawl(
        tmp_path, [site.url("/feed.xml")], state=ConditionalState(state_path), name="2.warc.gz"
    )

    assert first.fetched == 3 and first.not_modified == 0
    assert second.fetched == 1 and second.not_modified == 2
    assert [uri for uri, _ in warc_responses(second_out)] == [site.url("/news/rain")]
    assert site.requested("/news/park")[0].headers["if-none-match"] == '"park-v1"'
    assert site.requested("/news/library")[0].headers["if-modified-since"] == "Sat, 28 Nov 2026 10:00:00 GMT"
    assert site.requested("/news/rain")[0].headers["if-none-match"] == '"rain-v1"'
    # Feeds are always fetched in full: an unchanged feed may still list a page that failed last time.
    assert "if-none-match" not in site.requested("/feed.xml")[0].headers
