"""What events across outlets cost (issue #20): at ingest, and rebuilt over an archive.

    .venv/bin/python bench/bench_events.py                          # 1,000 SaudiNewsNet articles
    .venv/bin/python bench/bench_events.py --limit 300              # a quick look
    .venv/bin/python bench/bench_events.py --archive /tmp/big.db    # also rebuild a large archive

Ingests the same SaudiNewsNet articles (published = their extraction day), fully enriched and
clustered, into two empty SQLite archives in this one run, one with event assignment and one
without (`ingest --no-events`), and prints CPU seconds of each and the share events add (the
issue asks for at most 20%). Then times `marsad events --rebuild` over the first archive and,
with `--archive`, over a copy of a larger one (the issue asks for the whole SaudiNewsNet
archive within 2 minutes). Nothing here is a test: timings on shared machines move.
"""

from __future__ import annotations

import argparse
import functools
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench_ingest_growth import pages
from marsad.evaluation.extraction import shared_dir

INGEST_TARGET = 0.20
REBUILD_TARGET_SECONDS = 120.0


def _fail(error: Exception) -> None:
    raise error


_IN_EVENTS = [0.0]


def _timed_assignment() -> None:
    """Count the CPU the ingest spends assigning events (the rest is the same either way)."""
    from marsad.store import ingest

    original = ingest._Ingest._assign_events

    def timed(self: object, *args: object) -> None:
        started = time.process_time()
        try:
            original(self, *args)  # type: ignore[arg-type]
        finally:
            _IN_EVENTS[0] += time.process_time() - started

    ingest._Ingest._assign_events = timed  # type: ignore[method-assign]


def ingest_seconds(db: Path, root: Path, limit: int, events: bool) -> tuple[float, float]:
    """CPU seconds of the whole ingest, and of its event assignment."""
    from marsad.extraction import ExtractOptions, extract_page
    from marsad.store.ingest import IngestOptions, ingest_pages
    from marsad.store.sqlite import SQLiteArchive

    archive = SQLiteArchive(db)
    extract = functools.partial(extract_page, options=ExtractOptions(enrich=True))
    _IN_EVENTS[0] = 0.0
    started = time.process_time()
    try:
        ingest_pages(archive, pages(root, 0, limit), extract, on_error=_fail, options=IngestOptions(events=events))
    finally:
        archive.close()
    return time.process_time() - started, _IN_EVENTS[0]


def rebuild_seconds(db: Path) -> tuple[float, float, int]:
    from marsad.events.archive import rebuild_events
    from marsad.store.sqlite import SQLiteArchive

    archive = SQLiteArchive(db)
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        founded = rebuild_events(archive)
        archive.commit()
        records = int(archive.fetch("SELECT count(*) FROM records")[0][0])
    finally:
        archive.close()
    return time.perf_counter() - wall, time.process_time() - cpu, records if founded >= 0 else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=1000, help="SaudiNewsNet articles to ingest")
    parser.add_argument("--archive", type=Path, default=None, help="a larger archive to rebuild (a copy is used)")
    args = parser.parse_args()
    root = args.shared or shared_dir()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        _timed_assignment()
        # Warm the tagger and its caches on the same pages, so neither timed run pays for them alone.
        ingest_seconds(work / "warm.db", root, args.limit, False)
        without, _none = ingest_seconds(work / "without.db", root, args.limit, False)
        with_events, in_events = ingest_seconds(work / "with.db", root, args.limit, True)
        print(f"ingest of {args.limit} SaudiNewsNet articles, enriched and clustered (CPU seconds):")
        print(f"  without events {without:8.1f}")
        print(f"  with events    {with_events:8.1f}   of which assigning events {in_events:.2f}")
        print(
            f"  events add {in_events / (with_events - in_events):.1%} to the ingest "
            f"(target <= {INGEST_TARGET:.0%}); whole runs differ by {with_events / without - 1:+.1%}"
        )
        wall, cpu, records = rebuild_seconds(work / "with.db")
        print(f"rebuild over those {records} records: {wall:.1f} s wall, {cpu:.1f} s CPU")
        if args.archive is not None:
            copy = work / "large.db"
            shutil.copyfile(args.archive, copy)
            wall, cpu, records = rebuild_seconds(copy)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"rebuild over {records:,} records of {args.archive.name}: {wall:.1f} s wall, {cpu:.1f} s CPU, "
                f"peak memory {peak:.0f} MB (target <= {REBUILD_TARGET_SECONDS:.0f} s)"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
