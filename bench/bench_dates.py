"""Date extraction: marsad against dateparser's `search_dates`, on the same SaudiNewsNet articles.

    .venv/bin/python bench/bench_dates.py [--limit 5000] [--skip-dateparser]

Prints articles/s for marsad's `find_dates`, for dateparser's
``search_dates(text, languages=["ar"])``, and their ratio; how many of
dateparser's hits are bare three- or four-digit numbers that marsad does not
read as a date (years made from counts such as ``3000 جندي``); and articles/s
for marsad's whole enrichment (dates + quantities + quotes) on one core.
Reads ``$MARSAD_SHARED/data/news/saudinewsnet.jsonl.gz`` (default
``../shared`` beside the project).
"""

from __future__ import annotations

import argparse
import itertools
import time
import warnings
from collections.abc import Callable
from typing import Any

import regex

from marsad.arabic.tokens import clear_fold_cache
from marsad.enrich import dates as marsad_dates
from marsad.enrich.dates import find_dates
from marsad.enrich.quantities import find_quantities
from marsad.enrich.quotes import find_quotes
from marsad.evaluation.enrichment import article_paragraphs, article_text, read_news

_BARE_NUMBER = regex.compile(r"\s*[0-9\u0660-\u0669]{3,4}\s*")


def _articles(limit: int) -> list[tuple[str, list[str], str | None]]:
    rows = itertools.islice(read_news("saudinewsnet"), limit)
    return [
        (article_text(r), article_paragraphs(article_text(r)), (r.get("date_extracted") or "")[:10] or None)
        for r in rows
    ]


def _timed(label: str, run: Callable[[], Any], count: int) -> float:
    marsad_dates.dates_in_paragraph.cache_clear()
    clear_fold_cache()
    started, cpu_started = time.perf_counter(), time.process_time()
    run()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    # CPU time is the single-core cost even when other jobs share the machine.
    rate = count / cpu if cpu else float("inf")
    print(f"{label:<42} {count:>6} articles: {cpu:7.2f} s CPU ({elapsed:7.2f} s wall) = {rate:9.1f} articles/s")
    return rate


def _count_years(articles: list[tuple[str, list[str], str | None]], hits: list[list[tuple[str, Any]]]) -> None:
    bare = 0
    not_marsad_dates = 0
    for (text, _paragraphs, published), found in zip(articles, hits, strict=True):
        date_texts = {d["text"].strip() for d in find_dates([text], published)}
        for hit_text, _when in found:
            if _BARE_NUMBER.fullmatch(hit_text):
                bare += 1
                if hit_text.strip() not in date_texts:
                    not_marsad_dates += 1
    total = sum(len(f) for f in hits)
    print(
        f"dateparser hits: {total}; bare 3-4 digit numbers: {bare}; "
        f"of those not a year in context (counts read as years): {not_marsad_dates}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=5000, help="How many SaudiNewsNet articles (default 5000).")
    parser.add_argument("--skip-dateparser", action="store_true", help="Time marsad only.")
    args = parser.parse_args()
    articles = _articles(args.limit)
    count = len(articles)

    def marsad_run() -> None:
        for _text, paragraphs, published in articles:
            find_dates(paragraphs, published)

    def enrichment_run() -> None:
        for _text, paragraphs, published in articles:
            find_dates(paragraphs, published)
            find_quantities(paragraphs)
            find_quotes(paragraphs)

    ours = _timed("marsad find_dates", marsad_run, count)
    _timed("marsad dates + quantities + quotes", enrichment_run, count)
    if args.skip_dateparser:
        return
    from dateparser.search import search_dates

    hits: list[list[tuple[str, Any]]] = []

    def dateparser_run() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for text, _paragraphs, _published in articles:
                hits.append(search_dates(text, languages=["ar"]) or [])

    theirs = _timed('dateparser search_dates(languages=["ar"])', dateparser_run, count)
    print(f"ratio marsad / dateparser: {ours / theirs:.1f}x")
    _count_years(articles, hits)


if __name__ == "__main__":
    main()
