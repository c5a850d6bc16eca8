"""How fast the observatory views answer on a real archive (issue #20): trends of a day,
a search's timeline, the events of a period.

    .venv/bin/python bench/bench_observatory.py --db /tmp/snn.sqlite

`--db` is an archive of SaudiNewsNet built by `marsad ingest` (enriched: trends read its
names). Every day of the archive is asked for its trends and its events, and a list of
searches (narrow and broad) for their timelines, each alone and beside another; each
answer is timed once, in one process, through the same functions the web UI and the API
call, and the p50 / p95 are printed against the issue's 300 ms. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from marsad.store.base import SearchFilters
from marsad.store.browse_events import list_events
from marsad.store.search import parse_query
from marsad.store.sqlite import SQLiteArchive
from marsad.store.timeline import timeline
from marsad.store.trends import trends_of_day
from marsad.web.downloads import EXPORT_MAX, csv_lines, matching_rowids

TARGET_MS = 300.0
SEARCHES = [
    "عسير",
    "السعودية",
    "الرياض",
    "اليمن",
    "النفط",
    "داعش",
    "الهلال",
    "الحج",
    "كورونا",
    "التعليم",
    "الأمطار",
    "مجلس الوزراء",
    "وزير الخارجية",
    "قناة السويس",
    "الأسهم",
    '"الملك سلمان"',
    "إيران",
    "العراق",
]


def _timed(calls: list[Callable[[], object]]) -> list[float]:
    found = []
    for call in calls:
        started = time.perf_counter()
        call()
        found.append((time.perf_counter() - started) * 1000)
    return sorted(found)


def _report(name: str, times: list[float]) -> None:
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    verdict = "within" if p95 <= TARGET_MS else "over"
    print(
        f"{name:26s} {len(times):4d} asked  p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
        f"({verdict} {TARGET_MS:.0f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    archive = SQLiteArchive(args.db)  # opened read-write once: migrations and per-day counts
    days = [
        str(day)
        for (day,) in archive.fetch(
            "SELECT DISTINCT substr(published, 1, 10) FROM records WHERE published IS NOT NULL ORDER BY 1"
        )
    ]
    records = archive.fetch("SELECT count(*) FROM records")[0][0]
    print(f"{args.db.name}: {records:,} records over {len(days)} days")
    none = SearchFilters()
    _report("trends of a day", _timed([lambda day=day: trends_of_day(archive, day) for day in days]))
    _report(
        "events of a day",
        _timed([lambda day=day: list_events(archive, since=day, until=day, min_outlets=2) for day in days]),
    )
    _report(
        "timeline of a search",
        _timed([lambda text=text: timeline(archive, [(text, parse_query(text))], none) for text in SEARCHES]),
    )
    pairs = list(itertools.pairwise(SEARCHES))
    _report(
        "two searches compared",
        _timed(
            [lambda a=a, b=b: timeline(archive, [(a, parse_query(a)), (b, parse_query(b))], none) for a, b in pairs]
        ),
    )
    firsts, wholes = [], []
    for text in SEARCHES:
        rowids = matching_rowids(archive, parse_query(text), none, by_date=True, limit=EXPORT_MAX)
        started = time.perf_counter()
        chunks = csv_lines(archive, rowids)
        next(chunks)  # the header and the first batch: what a browser starts saving
        firsts.append((time.perf_counter() - started) * 1000)
        for _chunk in chunks:
            pass
        wholes.append((time.perf_counter() - started) * 1000)
    _report("export: first bytes (CSV)", sorted(firsts))
    _report("export: all (<= 2,000)", sorted(wholes))
    archive.close()


if __name__ == "__main__":
    main()
