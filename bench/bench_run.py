"""`marsad run` pages/s on WET shards per engine, and datatrove's single task on the same files.

    .venv/bin/python bench/bench_run.py                       # 20 shards x 1,000 pages
    .venv/bin/python bench/bench_run.py --shards 4 --pages 250 --skip datatrove   # a quick look

Builds a WET shard set from SaudiNewsNet articles (read from
``$MARSAD_SHARED/data/news/saudinewsnet.jsonl.gz`` at run time; the shards go to
a temporary folder, or ``--work DIR``, never into the project), then runs on it:

- ``local``: `marsad run --engine local` (one worker, this process);
- ``processes-2``: `--engine processes --workers 2`;
- ``ray-2``: `--engine ray --workers 2` on a local Ray runtime with 2 CPUs
  (its start-up, about 5 s, is inside the time);
- ``datatrove``: datatrove 0.10's WarcReader -> GopherRepetitionFilter ->
  GopherQualityFilter (both with ``language="ara"``, which tokenizes words with
  spaCy's blank Arabic pipeline; Arabic stop words for the quality filter) ->
  JsonlWriter, under its LocalPipelineExecutor(tasks=1, workers=1).

Every marsad run is the whole of `marsad run`: reading, extraction,
per-shard templates, enrichment (entities, quotes, dates, quantities), MinHash
fingerprints, Parquet writing, then the cluster stages. pages/s counts input
pages over wall time; the cluster stages' time is printed apart. The ratio of
each 2-worker engine to ``local`` must be at least 1.7.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from warcio.warcwriter import WARCWriter

from marsad.errors import InputError
from marsad.evaluation.archive import shared_dir

TARGET_RATIO = 1.7
ARABIC_STOP_WORDS = ["في", "من", "على", "أن", "إلى", "التي", "الذي", "عن", "مع", "هذا"]


def write_shards(folder: Path, shards: int, pages: int) -> int:
    """`shards` WET files of `pages` SaudiNewsNet articles each; returns the page count."""
    source = shared_dir() / "data" / "news" / "saudinewsnet.jsonl.gz"
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    with gzip.open(source, "rt", encoding="utf-8") as articles:
        for shard in range(shards):
            with (folder / f"snn-{shard:03d}.warc.wet.gz").open("wb") as handle:
                writer = WARCWriter(handle, gzip=True)
                for _ in range(pages):
                    line = articles.readline()
                    if not line:
                        raise SystemExit(f"{source} has only {written} articles")
                    article = json.loads(line)
                    text = f"{article.get('title') or ''}\n{article['content']}\n"
                    date = (article.get("date_extracted") or "2015-01-01 00:00:00").replace(" ", "T") + "Z"
                    record = writer.create_warc_record(
                        article["url"],
                        "conversion",
                        payload=io.BytesIO(text.encode("utf-8")),
                        warc_content_type="text/plain",
                        warc_headers_dict={"WARC-Date": date, "WARC-Identified-Payload-Type": "text/plain"},
                    )
                    writer.write_record(record)
                    written += 1
    return written


def _spin(loops: int) -> float:
    started = time.perf_counter()
    total = 0
    for number in range(loops):
        total += number * number
    return time.perf_counter() - started


def machine_parallelism(loops: int = 10_000_000) -> float:
    """How much faster two busy processes finish two equal loops than one process does, right now.

    2.0 on an idle 2-core machine; less when neighbours hold the cores. It is
    the ceiling of any 2-worker ratio measured at the same time.
    """
    from concurrent.futures import ProcessPoolExecutor

    started = time.perf_counter()
    _spin(loops)
    _spin(loops)
    serial = time.perf_counter() - started
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, [1000, 1000]))  # start both workers before timing
        started = time.perf_counter()
        list(pool.map(_spin, [loops, loops]))
        parallel = time.perf_counter() - started
    return serial / parallel


def run_marsad(inputs: Path, out: Path, engine: str, workers: int) -> tuple[float, float, int]:
    """Seconds for the whole run, seconds of the cluster stages, pages read."""
    from marsad.pipeline.engines import open_executor
    from marsad.pipeline.shard_run import run_shards

    problems: list[InputError] = []
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    executor = open_executor(engine, workers)
    try:
        summary = run_shards([str(inputs)], out, executor, on_error=problems.append)
    finally:
        executor.close()
    seconds = time.perf_counter() - started
    if summary.failed or problems:
        print(f"  {engine}: {summary.failed} shards failed, {len(problems)} inputs skipped", file=sys.stderr)
    return seconds, summary.cluster_seconds, summary.pages


def run_datatrove(inputs: Path, work: Path) -> tuple[float, int]:
    """Seconds and documents read for datatrove's single-task filter pipeline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.filters import GopherQualityFilter, GopherRepetitionFilter
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    out = work / "datatrove"
    shutil.rmtree(out, ignore_errors=True)
    pipeline = [
        WarcReader(str(inputs), glob_pattern="*.wet.gz"),
        GopherRepetitionFilter(language="ara"),
        GopherQualityFilter(language="ara", stop_words=ARABIC_STOP_WORDS),
        JsonlWriter(str(out / "kept")),
    ]
    executor = LocalPipelineExecutor(pipeline, tasks=1, workers=1, logging_dir=str(out / "logs"))
    started = time.perf_counter()
    with _quiet_stderr():
        stats = executor.run()
    seconds = time.perf_counter() - started
    read = _documents_read(stats)
    return seconds, read


def _documents_read(stats: object) -> int:
    """Documents the reader (the first step) produced, from datatrove's merged stats."""
    steps = getattr(stats, "stats", [])
    if not steps:
        return 0
    documents = steps[0].stats.get("documents")
    return int(getattr(documents, "total", 0)) if documents is not None else 0


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """datatrove logs every step to stderr through its own handlers; the figures are printed here."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shards", type=int, default=20)
    parser.add_argument("--pages", type=int, default=1000, help="pages per shard")
    parser.add_argument("--work", type=Path, help="folder for shards and outputs (default: a temporary one)")
    parser.add_argument("--skip", default="", help="comma-separated runs to leave out: local,processes,ray,datatrove")
    args = parser.parse_args()
    skip = {name.strip() for name in args.skip.split(",") if name.strip()}

    work = args.work or Path(tempfile.mkdtemp(prefix="marsad-bench-run-"))
    inputs = work / "wet"
    started = time.perf_counter()
    total = write_shards(inputs, args.shards, args.pages)
    print(f"{total:,} pages in {args.shards} WET shards ({time.perf_counter() - started:.1f} s to write) in {inputs}")
    print(f"machine: {os.cpu_count()} CPUs, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"two busy processes vs one, before: {machine_parallelism():.2f}x (the ceiling of a 2-worker ratio now)")
    print(f"{'run':<14}{'workers':>8}{'seconds':>10}{'pages/s':>10}{'cluster s':>11}{'vs local':>10}")

    rates: dict[str, float] = {}
    runs = [("local", "local", 1), ("processes-2", "processes", 2), ("ray-2", "ray", 2)]
    for label, engine, workers in runs:
        if engine in skip:
            continue
        seconds, cluster_seconds, pages = run_marsad(inputs, work / label, engine, workers)
        rates[label] = pages / seconds
        ratio = f"{rates[label] / rates['local']:.2f}x" if "local" in rates else "-"
        print(f"{label:<14}{workers:>8}{seconds:>10.1f}{rates[label]:>10.1f}{cluster_seconds:>11.1f}{ratio:>10}")
    if "datatrove" not in skip:
        seconds, documents = run_datatrove(inputs, work)
        rates["datatrove"] = documents / seconds if seconds else 0.0
        print(f"{'datatrove':<14}{1:>8}{seconds:>10.1f}{rates['datatrove']:>10.1f}{'-':>11}{'-':>10}")
        if documents != total:
            print(f"  datatrove read {documents} documents of {total}")

    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"two busy processes vs one, after: {machine_parallelism():.2f}x")
    if "local" in rates:
        for label in ("processes-2", "ray-2"):
            if label in rates:
                ratio = rates[label] / rates["local"]
                verdict = "meets" if ratio >= TARGET_RATIO else "misses"
                print(f"{label} / local = {ratio:.2f} ({verdict} the {TARGET_RATIO}x target)")
        if rates.get("datatrove"):
            print(
                f"single worker: marsad {rates['local']:.1f} pages/s (full extraction + enrichment + clusters), "
                f"datatrove {rates['datatrove']:.1f} pages/s (Gopher filters only); "
                f"marsad/datatrove = {rates['local'] / rates['datatrove']:.2f}"
            )
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
