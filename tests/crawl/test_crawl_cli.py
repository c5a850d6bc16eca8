"""`marsad crawl` through the real click entry point: WARC out, replayed by `marsad extract`, and `--ingest`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from crawl_site import ARTICLES, Route, Site, rss, sitemap

from marsad.cli import cli
from marsad.store import open_archive

FAST = ["--rate", "20", "--timeout", "0.5", "--backoff", "0.02"]


def news(site: Site) -> list[str]:
    paths = [f"/news/{article.slug}" for article in ARTICLES[:3]]
    for article, path in zip(ARTICLES[:3], paths, strict=True):
        site.add(path, Route(body=article.html(), etag=f'"{article.slug}-1"'))
    site.add("/robots.txt", Route(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    site.add("/feed.xml", Route(body=rss([("خبر", site.url(p)) for p in [*paths[:2], "/private/x"]])))
    site.add("/sitemap.xml", Route(body=sitemap([site.url(p) for p in paths[1:]])))
    return paths


def url_file(path: Path, *urls: str) -> Path:
    path.write_text("# صحيفة المرصد\n\n" + "\n".join(f"{url}  # comment" for url in urls) + "\n", encoding="utf-8")
    return path


def test_crawl_then_extract_then_ingest(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    news(site)
    feeds = url_file(tmp_path / "feeds.txt", site.url("/feed.xml"))
    sitemaps = url_file(tmp_path / "sitemaps.txt", site.url("/sitemap.xml"))
    out, state, db = tmp_path / "crawl.warc.gz", tmp_path / "state.json", tmp_path / "archive.db"
    runner = CliRunner()

    result = runner.invoke(
        cli,
        [
            *("crawl", "--feeds", str(feeds), "--sitemaps", str(sitemaps), "--out", str(out)),
            *("--state", str(state), "--ingest", "--db", str(db), *FAST),
        ],
    )

    assert result.exit_code == 0, result.output
    assert "3 fetched, 0 not modified, 1 skipped by robots.txt, 1 duplicates" in result.stderr
    assert "skipped " + site.url("/private/x") in result.stderr
    assert "ingested 3 pages read: 3 stored" in result.stderr
    assert result.stdout == ""
    assert json.loads(state.read_text(encoding="utf-8"))["urls"][site.url("/news/park")] == {"etag": '"park-1"'}

    extracted = runner.invoke(cli, ["extract", str(out)])
    assert extracted.exit_code == 0, extracted.output
    records = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert sorted(r["title"] for r in records) == sorted(a.title for a in ARTICLES[:3])
    assert {r["url"] for r in records} == {site.url(f"/news/{a.slug}") for a in ARTICLES[:3]}
    assert all(r["body"] for r in records)

    with open_archive(str(db)) as archive:
        stored = sorted(record.title or "" for record in archive.iter_records())
    assert stored == sorted(a.title for a in ARTICLES[:3])

    again = runner.invoke(
        cli, ["crawl", "--feeds", str(feeds), "--out", str(tmp_path / "2.warc.gz"), "--state", str(state), *FAST]
    )
    assert again.exit_code == 0, again.output
    assert "0 fetched, 2 not modified" in again.stderr


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (lambda d: None, ["--out", "{d}/o.warc.gz"], "give --feeds FILE, --sitemaps FILE, --sites FILE, or several"),
        (
            lambda d: (d / "f.txt").write_text("https://news.example/feed\nأخبار اليوم\n", encoding="utf-8"),
            ["--feeds", "{d}/f.txt", "--out", "{d}/o.warc.gz"],
            "f.txt:2: not an http(s) URL: 'أخبار اليوم'",
        ),
        (
            lambda d: [(d / "f.txt").write_text("https://news.example/feed\n"), (d / "o.warc.gz").write_bytes(b"x")],
            ["--feeds", "{d}/f.txt", "--out", "{d}/o.warc.gz"],
            "o.warc.gz exists",
        ),
        (
            lambda d: [(d / "f.txt").write_text("https://news.example/feed\n"), (d / "s.json").write_text("{")],
            ["--feeds", "{d}/f.txt", "--out", "{d}/o.warc.gz", "--state", "{d}/s.json"],
            "s.json: not a marsad crawl state file",
        ),
        (
            lambda d: (d / "f.txt").write_text("https://news.example/feed\n"),
            ["--feeds", "{d}/f.txt", "--out", "{d}/missing/o.warc.gz"],
            "cannot write",
        ),
    ],
)
def test_bad_arguments_fail_before_any_request(
    tmp_path: Path, setup: Callable[[Path], object], args: list[str], message: str
) -> None:
    setup(tmp_path)
    result = CliRunner().invoke(cli, ["crawl", *(arg.format(d=tmp_path) for arg in args)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_no_readable_feed_is_an_error(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    site.add("/feed.xml", Route(body=b"<html><body>\xd8\xae\xd8\xa8\xd8\xb1</body></html>"))
    feeds = url_file(tmp_path / "feeds.txt", site.url("/feed.xml"), site.url("/missing.xml"))

    result = CliRunner().invoke(cli, ["crawl", "--feeds", str(feeds), "--out", str(tmp_path / "o.warc.gz"), *FAST])

    assert result.exit_code == 1
    assert "unreadable feed (not an RSS or Atom feed (root element <html>))" in result.stderr
    assert "feed http 404" in result.stderr
    assert "no feed or sitemap could be read" in result.stderr


def test_crawl_has_help() -> None:
    result = CliRunner().invoke(cli, ["crawl", "--help"])
    assert result.exit_code == 0
    assert "--rate" in result.output and "robots.txt" in result.output


def test_crawl_a_site_from_its_robots_txt_with_the_cli(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    paths = news(site)
    # The site's robots.txt names its sitemap; the crawl is given only the site.
    robots = f"User-agent: *\nDisallow: /private/\nSitemap: {site.url('/sitemap.xml')}\n"
    site.add("/robots.txt", Route(body=robots.encode(), content_type="text/plain"))
    sites = url_file(tmp_path / "sites.txt", site.origin)
    out = tmp_path / "site.warc.gz"

    result = CliRunner().invoke(cli, ["crawl", "--sites", str(sites), "--out", str(out), *FAST])

    assert result.exit_code == 0, result.stderr
    assert "1 sites' robots.txt, 0 feeds and 1 sitemaps read, 2 page links; 2 fetched" in result.stderr
    assert sorted(hit.path for hit in site.log if hit.path.startswith("/news/")) == sorted(paths[1:])
