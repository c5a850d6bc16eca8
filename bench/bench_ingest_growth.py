"""What adding pages costs into an empty archive and into a large one (issue #19).

    .venv/bin/python bench/bench_ingest_growth.py                   # base of 31,000 SaudiNewsNet pages
    .venv/bin/python bench/bench_ingest_growth.py --base 10000      # a quicker look
    .venv/bin/python bench/bench_ingest_growth.py --copies 3        # a base of ~93,000 pages

Builds (once, in `--work`, default a temporary folder) a SQLite archive of the first `--base`
SaudiNewsNet articles, extracted without enrichment but clustered, as `ingest --no-enrich`
would; then, each in a fresh process, ingests the collection's last `--add` articles with full
enrichment into a copy of that archive and into an empty one, and prints CPU seconds, wall
seconds and peak memory of each, and their ratio (the issue asks for at most 1.5x, memory flat
in archive size). `--copies N` builds the base from N passes over the collection, each page of a
later pass a page of its own (another URL, a line naming the pass), as an archive holding the
same stories reprinted would be: the collection has 31k articles, the issue asks about 100k.
Nothing here is a test: timings on shared machines move; the ratio is what
to compare.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from marsad.evaluation.extraction import shared_dir
from marsad.records import Page

TARGET = 1.5


def pages(root: Path, start: int, count: int) -> Iterator[Page]:
    with gzip.open(root / "data" / "news" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number < start:
                continue
            if number >= start + count:
                break
            item = json.loads(line)
            text = f"{item.get('title') or ''}\n{item.get('content') or ''}"
            published = (item.get("date_extracted") or "")[:10] or None
            yield Page(origin=f"saudinewsnet:{number + 1}", text=text, url=item.get("url"), published=published)


def copied_pages(root: Path, count: int, copies: int) -> Iterator[Page]:
    """`copies` passes over the first `count` pages; pass k > 0 gives each page another URL and a line."""
    for copy in range(copies):
        for page in pages(root, 0, count):
            if copy:
                page.url = f"{page.url or page.origin}#copy-{copy}"
                page.origin = f"{page.origin}#copy-{copy}"
                page.text = f"{page.text}\nنسخة رقم {copy} من الأرشيف"
            yield page


def ingest(db: Path, root: Path, start: int, count: int, enrich: bool, copies: int = 1) -> None:
    from marsad.extraction import ExtractOptions, extract_page
    from marsad.store.ingest import IngestOptions, ingest_pages
    from marsad.store.sqlite import SQLiteArchive

    def fail(error: Exception) -> None:
        raise error

    archive = SQLiteArchive(db)
    try:
        extract = functools.partial(extract_page, options=ExtractOptions(enrich=enrich))
        found = copied_pages(root, count, copies) if copies > 1 else pages(root, start, count)
        ingest_pages(archive, found, extract, on_error=fail, options=IngestOptions(batch_size=500))
    finally:
        archive.close()


def measured(db: Path, root: Path, start: int, count: int) -> dict[str, float]:
    """CPU, wall and peak memory of adding `count` enriched pages to `db`, in a fresh process."""
    script = (
        "import json, resource, sys, time; sys.path.insert(0, 'bench');"
        "from bench_ingest_growth import ingest; from pathlib import Path;"
        "cpu, wall = time.process_time(), time.perf_counter();"
        f"ingest(Path({str(db)!r}), Path({str(root)!r}), {start}, {count}, True);"
        "print(json.dumps({'cpu': time.process_time() - cpu, 'wall': time.perf_counter() - wall,"
        " 'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=int, default=31_000, help="pages in the large archive (default 31,000)")
    parser.add_argument("--add", type=int, default=200, help="pages added (default 200)")
    parser.add_argument("--work", type=Path, default=None, help="folder for the archives (kept between runs)")
    parser.add_argument("--shared", type=Path, default=None, help="the shared data folder (default ../shared)")
    parser.add_argument("--copies", type=int, default=1, help="passes over the collection for the base (default 1)")
    args = parser.parse_args()
    root = args.shared or shared_dir()
    # The pages added are the collection's last ones; the base holds pages before them.
    total = sum(1 for _ in pages(root, 0, 10**9))
    added_from = total - args.add
    args.base = min(args.base, added_from)
    work = args.work or Path(tempfile.mkdtemp(prefix="marsad-growth-"))
    work.mkdir(parents=True, exist_ok=True)
    base = work / f"base-{args.base}x{args.copies}.sqlite"
    if not base.exists():
        began = time.perf_counter()
        ingest(base, root, 0, args.base, enrich=False, copies=args.copies)
        print(
            f"built the base archive of {args.base * args.copies} pages in {time.perf_counter() - began:.0f} s: {base}"
        )
    large = work / "large.sqlite"
    shutil.copy(base, large)
    empty = work / "empty.sqlite"
    empty.unlink(missing_ok=True)
    into_empty = measured(empty, root, added_from, args.add)
    into_large = measured(large, root, added_from, args.add)
    print(f"adding {args.add} enriched pages          CPU s    wall s   peak MB")
    for name, found in (("into an empty archive", into_empty), (f"into one of {args.base * args.copies}", into_large)):
        print(f"  {name:<30} {found['cpu']:7.1f}  {found['wall']:7.1f}  {found['peak_mb']:8.0f}")
    print(
        f"  ratio (large / empty)          {into_large['cpu'] / into_empty['cpu']:7.2f}"
        f"  {into_large['wall'] / into_empty['wall']:7.2f}  {into_large['peak_mb'] / into_empty['peak_mb']:8.2f}"
        f"   (target CPU <= {TARGET})"
    )


if __name__ == "__main__":
    main()
