"""Watching the news: crawl the listed feeds on a schedule, store what is new, and write
each saved search's new matches to its own files.

One cycle crawls the feeds into a new WARC file (politely, with conditional GETs kept
between cycles, as `marsad crawl` does), ingests it, and for each saved search appends
the records it matches that were stored since the search was last looked at to
`NAME.jsonl` and rewrites `NAME.atom`, the feed of its newest matches. What each search
has seen (the highest record rowid looked at) is kept in `watch-state.json` beside them
and saved after every search, so a watch stopped at any point starts where it was.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import MarsadError
from marsad.store.base import Archive, SearchFilters
from marsad.store.search import Query, parse_query

__all__ = ["SavedSearch", "WatchState", "check_searches", "read_searches", "watch_cycle"]

_NAME = re.compile(r"^[\w-]{1,60}$")
# Matches of one search looked at per cycle, newest first: a watch that was off for a
# month writes the latest of its matches, not the whole month's.
MAX_NEW = 5000
FEED_ENTRIES = 50


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    text: str
    query: Query


def read_searches(path: Path) -> list[SavedSearch]:
    """`NAME: QUERY` a line (blank lines and `#` comments ignored); a bad line names its number."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise MarsadError(f"cannot read {path}: {error}") from None
    found: list[SavedSearch] = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, colon, text = line.partition(":")
        name, text = name.strip(), text.strip()
        if not colon or not _NAME.match(name) or not text:
            raise MarsadError(
                f"{path}:{number}: expected NAME: QUERY (a name of letters, digits, _ or -), not {line!r}"
            )
        if any(search.name == name for search in found):
            raise MarsadError(f"{path}:{number}: the name {name!r} is used twice")
        try:
            found.append(SavedSearch(name, text, parse_query(text)))
        except MarsadError as error:
            raise MarsadError(f"{path}:{number}: bad query: {error}") from None
    if not found:
        raise MarsadError(f"{path}: no saved search")
    return found


@dataclass(slots=True)
class WatchState:
    path: Path
    seen: dict[str, int] = field(default_factory=dict)
    cycles: int = 0

    @classmethod
    def load(cls, path: Path) -> WatchState:
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, {str(k): int(v) for k, v in data.get("seen", {}).items()}, int(data.get("cycles", 0)))
        except (OSError, ValueError, TypeError, AttributeError) as error:
            raise MarsadError(f"{path}: not a watch state file ({error}); move it away to start afresh") from None

    def save(self) -> None:
        # Written beside and renamed over: a watch killed while saving keeps the last whole state.
        partial = self.path.with_suffix(".json.partial")
        partial.write_text(json.dumps({"seen": self.seen, "cycles": self.cycles}, ensure_ascii=False), encoding="utf-8")
        partial.replace(self.path)


def _latest_rowid(archive: Archive) -> int:
    found = archive.fetch("SELECT max(rowid) FROM records")
    return int(found[0][0] or 0) if found else 0


def check_searches(
    archive: Archive, searches: list[SavedSearch], state: WatchState, out: Path, *, base_url: str
) -> dict[str, int]:
    """Write each search's matches stored since it was last looked at; returns how many each had.
    A search seen for the first time starts from the records stored before this cycle's
    ingest (`state.seen` is filled in by `watch_cycle` before it ingests)."""
    from marsad.web.downloads import atom_feed, jsonl_lines

    latest = _latest_rowid(archive)
    counts: dict[str, int] = {}
    for search in searches:
        since = state.seen.get(search.name, latest)
        ranked = archive.ranked_rowids(search.query, SearchFilters(), by_date=True, limit=MAX_NEW)
        new = [rowid for rowid in ranked if rowid > since]
        if new:
            with (out / f"{search.name}.jsonl").open("a", encoding="utf-8") as handle:
                for line in jsonl_lines(archive, new):
                    handle.write(line)
        feed = atom_feed(
            archive,
            ranked[:FEED_ENTRIES],
            title=f"مرصد: {search.text}",
            self_url=f"{base_url}/feeds/search.atom?q={search.text}",
            base=base_url,
        )
        partial = out / f"{search.name}.atom.partial"
        partial.write_bytes(feed)
        partial.replace(out / f"{search.name}.atom")
        state.seen[search.name] = latest
        state.save()
        counts[search.name] = len(new)
    return counts


@dataclass(frozen=True, slots=True)
class CycleReport:
    fetched: int
    stored: int
    new: dict[str, int]
    crawl_summary: str

    def line(self) -> str:
        matches = ", ".join(f"{name} {count}" for name, count in self.new.items())
        return f"{self.crawl_summary}; {self.stored} pages stored; new matches: {matches}"


def watch_cycle(
    archive: Archive,
    feeds: list[str],
    searches: list[SavedSearch],
    out: Path,
    *,
    crawl_options: object,
    base_url: str,
    report: Callable[[str], None],
    ingest: Callable[[Path], int],
) -> CycleReport:
    """One cycle: crawl the feeds into a new WARC file under `out/warc`, ingest it with
    `ingest` (which returns how many pages it stored), and check the saved searches."""
    from marsad.crawl import ConditionalState, Crawler, WarcFile

    state = WatchState.load(out / "watch-state.json")
    before = _latest_rowid(archive)
    for search in searches:
        state.seen.setdefault(search.name, before)
    state.save()
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S")
    warc_dir = out / "warc"
    warc_dir.mkdir(parents=True, exist_ok=True)
    warc_path = warc_dir / f"watch-{stamp}-{state.cycles + 1}.warc.gz"
    conditional = ConditionalState(out / "crawl-state.json")
    with WarcFile(warc_path, description=f"marsad watch of {len(feeds)} feeds") as warc:
        crawler = Crawler(crawl_options, warc, conditional, report=report)  # type: ignore[arg-type]
        try:
            stats = asyncio.run(crawler.run(feeds, [], []))
        finally:
            conditional.save()
    stored = ingest(warc_path) if stats.fetched else 0
    if not stats.fetched:
        warc_path.unlink(missing_ok=True)
    new = check_searches(archive, searches, state, out, base_url=base_url)
    state.cycles += 1
    state.save()
    return CycleReport(stats.fetched, stored, new, stats.summary())
