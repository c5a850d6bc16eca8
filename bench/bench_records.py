"""Full records per second on one core, where their time goes, and the peers on the same articles.

    .venv/bin/python bench/bench_records.py                  # 1,000 SaudiNewsNet articles
    .venv/bin/python bench/bench_records.py --limit 300      # a quick look

Issue #19 asks for full records (default tagger, all enrichment) at 150 articles/s on one
core. This script reads the first `--limit` articles of SaudiNewsNet (title line, then the
body, with the publication date) from the shared data and, in one run:

- runs marsad's `extract` path the CLI runs (`pipeline.steps.ExtractPageRecords`: pages
  segmented, their sentences tagged a window at a time, then enriched page by page) and
  reports articles per second of CPU time (the process's, one thread) and of wall time;
- times each stage on the same articles: segmentation (`extract --no-enrich`), entities
  (tagged a window at a time, as the path above does), quotes, dates, quantities;
- runs jusText (extraction only: each line wrapped in `<p>`, as a user would have to) and
  dateparser's `search_dates` (dates only, Arabic) on the same articles, beside marsad's
  segmentation and date stages.

Nothing here is a test: timings on shared machines move; compare ratios within one run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path

# One core: BLAS and the tokenizers' pools stay single-threaded, as in a `--workers` process.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

from marsad.evaluation.extraction import shared_dir  # noqa: E402
from marsad.extraction import ExtractOptions, prepare_page  # noqa: E402
from marsad.pipeline.steps import ENRICH_WINDOW, ExtractPageRecords  # noqa: E402
from marsad.records import Page, Record  # noqa: E402

TARGET = 150.0  # full records per second on one core (issue #19)


def saudinewsnet_pages(root: Path, limit: int) -> list[Page]:
    pages: list[Page] = []
    with gzip.open(root / "data" / "news" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if len(pages) >= limit:
                break
            item = json.loads(line)
            text = f"{item.get('title') or ''}\n{item.get('content') or ''}"
            published = (item.get("date_extracted") or "")[:10] or None
            pages.append(
                Page(origin=f"saudinewsnet:{number}", text=text, published=published, source=item.get("source"))
            )
    return pages


class Clock:
    """CPU and wall seconds of a block."""

    def __enter__(self) -> Clock:
        self.cpu, self.wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *_: object) -> None:
        self.cpu = time.process_time() - self.cpu
        self.wall = time.perf_counter() - self.wall


def cold_tagger() -> None:
    """Forget the tagger's per-token caches, so that each timed run starts as a fresh process would."""
    from marsad.enrich.ner.model import shipped_model

    forget = getattr(shipped_model(), "forget_tokens", None)
    if forget is not None:
        forget()


def full_records(pages: list[Page]) -> tuple[list[Record], Clock]:
    cold_tagger()
    step = ExtractPageRecords(options=ExtractOptions(enrich=True), on_error=lambda *_: None)
    with Clock() as clock:
        records = [
            record for page_records in step.run(prepare_page(page) for page in pages) for record in page_records.records
        ]
    return records, clock


def stage_times(pages: list[Page]) -> dict[str, float]:
    """CPU seconds of each stage over all pages, each stage run on its own."""
    import marsad
    from marsad.enrich.dates import find_dates
    from marsad.enrich.ner import find_entities, prefetch_tags
    from marsad.enrich.quantities import find_quantities
    from marsad.enrich.quotes import find_quotes

    times: dict[str, float] = {}
    with Clock() as clock:
        per_page = [marsad.extract(page.text or "", enrich=False, published=page.published) for page in pages]
    times["segmentation"] = clock.cpu
    records = [record for page_records in per_page for record in page_records]
    entities: list[list[dict[str, object]]] = []
    cold_tagger()
    with Clock() as clock:
        for start in range(0, len(records), ENRICH_WINDOW):
            window = records[start : start + ENRICH_WINDOW]
            prefetch_tags([record.body for record in window])
            entities += [find_entities(record.body) for record in window]
    times["entities"] = clock.cpu
    with Clock() as clock:
        for record, found in zip(records, entities, strict=True):
            find_quotes(record.body, title=record.title, entities=found)
    times["quotes"] = clock.cpu
    with Clock() as clock:
        for record in records:
            find_dates(record.body, record.published)
    times["dates"] = clock.cpu
    with Clock() as clock:
        for record in records:
            find_quantities(record.body)
    times["quantities"] = clock.cpu
    return times


def peer(run: Callable[[str], object], texts: list[str]) -> Clock:
    with Clock() as clock:
        for text in texts:
            run(text)
    return clock


def justext_run() -> Callable[[str], object]:
    import justext

    stoplist = justext.get_stoplist("Arabic")

    def run(text: str) -> object:
        html = "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in text.splitlines()) + "</body></html>"
        return justext.justext(html, stoplist)

    return run


def dateparser_run() -> Callable[[str], object]:
    from dateparser.search import search_dates

    def run(text: str) -> object:
        return search_dates(text, languages=["ar"])

    return run


def rows(pairs: Iterator[tuple[str, str]]) -> str:
    return "\n".join(f"  {label:<34} {value}" for label, value in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=1000, help="SaudiNewsNet articles (default 1,000)")
    parser.add_argument("--shared", type=Path, default=None, help="the shared data folder (default ../shared)")
    parser.add_argument("--skip", default="", help="peers to leave out: justext,dateparser")
    args = parser.parse_args()
    root = args.shared or shared_dir()
    pages = saudinewsnet_pages(root, args.limit + 20)
    warm, pages = pages[:20], pages[20:]
    full_records(warm)  # the model, the lists and the patterns load once, outside the timing
    records, full = full_records(pages)
    stages = stage_times(pages)
    texts = [page.text or "" for page in pages]
    n = len(pages)
    print(f"{n} SaudiNewsNet articles, {len(records)} records, one thread")
    print(
        rows(
            iter(
                [
                    ("marsad full records, CPU", f"{n / full.cpu:7.1f} articles/s  (target {TARGET:.0f})"),
                    ("marsad full records, wall", f"{n / full.wall:7.1f} articles/s"),
                ]
            )
        )
    )
    total = sum(stages.values())
    print("stages (each run on its own, CPU):")
    print(
        rows(
            (name, f"{seconds:7.2f} s  {100 * seconds / total:5.1f}%  {n / seconds:8.1f} articles/s")
            for name, seconds in stages.items()
        )
    )
    skip = set(filter(None, args.skip.split(",")))
    if "justext" not in skip:
        rate = n / peer(justext_run(), texts).cpu
        print(rows(iter([("jusText (extraction only)", beside(rate, n / stages["segmentation"], "segmentation"))])))
        print(rows(iter([("", f"marsad full records {(n / full.cpu) / rate:.2f}x jusText's extraction")])))
    if "dateparser" not in skip:
        rate = n / peer(dateparser_run(), texts).cpu
        print(rows(iter([("dateparser search_dates (dates)", beside(rate, n / stages["dates"], "dates"))])))


def beside(peer_rate: float, our_rate: float, stage: str) -> str:
    return f"{peer_rate:7.1f} articles/s; marsad {stage} {our_rate / peer_rate:.1f}x"


if __name__ == "__main__":
    main()
