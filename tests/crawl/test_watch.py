"""`marsad watch` against a local news site: two cycles, saved searches' new matches
written once each, feeds of their newest matches, and a state that survives a restart."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from crawl_site import ARTICLES, Route, Site, rss

from marsad.cli import cli
from marsad.errors import MarsadError
from marsad.watch import read_searches

FAST = ["--rate", "20", "--timeout", "0.5", "--interval", "1"]
ATOM = "{http://www.w3.org/2005/Atom}"


def _publish(site: Site, articles: list[int]) -> None:
    paths = []
    for number in articles:
        article = ARTICLES[number]
        path = f"/news/{article.slug}"
        site.add(path, Route(body=article.html(), etag=f'"{article.slug}-1"'))
        paths.append((article.title, site.url(path)))
    site.add("/feed.xml", Route(body=rss(paths)))


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_two_cycles_write_each_new_match_once(tmp_path: Path, make_site: Callable[[], Site]) -> None:
    site = make_site()
    _publish(site, [0, 1])  # the park and the library
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url("/feed.xml") + "\n", encoding="utf-8")
    searches = tmp_path / "searches.txt"
    searches.write_text("# ما نتابعه\nparks: حديقة OR حدائق\nrain: أمطار\nschools: مدرسة\n", encoding="utf-8")
    out, db = tmp_path / "watch", tmp_path / "archive.db"
    command = ["watch", "--feeds", str(feeds), "--searches", str(searches), "--out", str(out), "--db", str(db)]

    first = CliRunner().invoke(cli, [*command, *FAST, "--cycles", "1"])
    assert first.exit_code == 0, first.output
    assert "cycle 1:" in first.stderr and "2 pages stored" in first.stderr
    assert "parks 1, rain 0, schools 0" in first.stderr
    parks = _lines(out / "parks.jsonl")
    assert [record["title"] for record in parks] == [ARTICLES[0].title]
    assert not (out / "rain.jsonl").exists()
    feed = ElementTree.fromstring((out / "parks.atom").read_bytes())
    assert [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")] == [ARTICLES[0].title]
    assert len(list((out / "warc").glob("*.warc.gz"))) == 1

    # The feed now also lists the rain warning; the park is unchanged (a 304 from its ETag).
    _publish(site, [0, 1, 2])
    second = CliRunner().invoke(cli, [*command, *FAST, "--cycles", "1"])
    assert second.exit_code == 0, second.output
    assert "1 fetched, 2 not modified" in second.stderr
    assert "parks 0, rain 1, schools 0" in second.stderr
    assert [record["title"] for record in _lines(out / "parks.jsonl")] == [ARTICLES[0].title]
    assert [record["title"] for record in _lines(out / "rain.jsonl")] == [ARTICLES[2].title]
    state = json.loads((out / "watch-state.json").read_text(encoding="utf-8"))
    assert state["cycles"] == 2 and set(state["seen"]) == {"parks", "rain", "schools"}

    # A search added later starts with what is stored after it.
    searches.write_text(searches.read_text(encoding="utf-8") + "library: مكتبة\n", encoding="utf-8")
    third = CliRunner().invoke(cli, [*command, *FAST, "--cycles", "1"])
    assert third.exit_code == 0, third.output
    assert "library 0" in third.stderr and not (out / "library.jsonl").exists()
    assert (out / "library.atom").exists()


def test_saved_searches_are_checked_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "searches.txt"
    path.write_text("rain: أمطار\nبلا اسم\n", encoding="utf-8")
    with pytest.raises(MarsadError, match=r"searches.txt:2: expected NAME: QUERY"):
        read_searches(path)
    path.write_text("rain: أمطار\nrain: سيول\n", encoding="utf-8")
    with pytest.raises(MarsadError, match=r":2: the name 'rain' is used twice"):
        read_searches(path)
    path.write_text("# لا شيء\n", encoding="utf-8")
    with pytest.raises(MarsadError, match="no saved search"):
        read_searches(path)
    path.write_text("سيول-جدة: سيول جدة\n", encoding="utf-8")
    assert [search.name for search in read_searches(path)] == ["سيول-جدة"]
