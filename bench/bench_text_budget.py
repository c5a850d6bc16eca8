"""Where marsad's time goes on text pages, against issue 2's budget of 20x jusText.

Times jusText and marsad on the text pages of `bench_extract.py` in one run,
then each stage of marsad's text path on the same pages, and prints every
stage beside the budget that 20x jusText leaves for the whole page. The first
three stages are one call each over a page's whole text (`str.translate` and
regex substitutions, C code inside CPython); if they alone exceed the budget,
no arrangement of Python code around them can meet it.

Run: ``.venv/bin/python bench/bench_text_budget.py [--repeat 20]`` (CPU time of
this process, the best of five rounds per stage).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import Item, run_justext, run_marsad, text_pages
from marsad.arabic.normalize import normalize_display_lines
from marsad.evaluation.extraction import shared_dir
from marsad.segment import lines as line_features
from marsad.segment.page import PageHints, segment
from marsad.segment.rules import chrome_rules, keys_of_folded_lines, line_folded_lines

TARGET = 20.0


def best_of(rounds: int, repeat: int, work: Callable[[], object]) -> float:
    """Milliseconds of CPU time for one call of `work`, the best of `rounds`."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(repeat):
            work()
        best = min(best, (time.process_time() - started) / repeat)
    return best * 1e3


def stages(items: Sequence[Item]) -> dict[str, Callable[[], object]]:
    """Each stage of the text path as a call over all pages, fed the previous stage's output."""
    texts = [item.content for item in items]
    display = [[line for line in map(str.strip, normalize_display_lines(text).split("\n")) if line] for text in texts]
    heads = [[line[: line_features._HEAD] for line in page] for page in display]
    folded = [[line.strip() for line in line_folded_lines("\n".join(page)).split("\n")] for page in heads]
    keys = [list(map(str.strip, keys_of_folded_lines("\n".join(page)).split("\n"))) for page in folded]
    words = [[len(key.split()) for key in page] for page in keys]
    rules = chrome_rules()
    chrome = [rules.match_lines(*page) for page in zip(keys, folded, words, strict=True)]

    def features() -> None:
        for page, page_keys, page_words, page_chrome in zip(display, keys, words, chrome, strict=True):
            tokens = [key.split() for key in page_keys]
            list(map(line_features._line, range(len(page)), page, page_keys, tokens, page_words, page_chrome))

    return {
        "normalize (whole page, C)": lambda: [normalize_display_lines(text) for text in texts],
        "fold (whole page, C)": lambda: [line_folded_lines("\n".join(page)) for page in heads],
        "keys (whole page, C)": lambda: [keys_of_folded_lines("\n".join(page)) for page in folded],
        "phrase rules (per line)": lambda: [
            [rules._match_phrases(key, count) for key, count in zip(page, counts, strict=True)]
            for page, counts in zip(keys, words, strict=True)
        ],
        "phrase + regex rules (match_lines)": lambda: [
            rules.match_lines(*page) for page in zip(keys, folded, words, strict=True)
        ],
        "line features (per line)": features,
        "describe_lines (all of the above)": lambda: [line_features.describe_lines(text) for text in texts],
        "segment (lines to articles)": lambda: [segment(text, PageHints()) for text in texts],
        "marsad.extract (whole page)": lambda: [run_marsad(i.content, i.is_html, i.metadata) for i in items],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="marsad's text path stage by stage against 20x jusText.")
    parser.add_argument("--shared", type=Path, default=None, help="shared data folder (default ../shared)")
    parser.add_argument("--repeat", type=int, default=20, help="calls per round (default 20)")
    args = parser.parse_args(argv)
    items = text_pages(args.shared or shared_dir())
    lines = sum(1 for item in items for line in item.content.split("\n") if line.strip())
    run_justext(items[0].content, False, {})  # warm-up: imports, stoplist
    run_marsad(items[0].content, False, {})
    rounds = max(1, args.repeat // 4)
    justext_ms = best_of(5, rounds, lambda: [run_justext(i.content, False, i.metadata) for i in items])
    budget = justext_ms / TARGET
    print(f"{len(items)} text pages, {lines} lines")
    print(f"jusText: {justext_ms:.2f} ms for all pages; {TARGET:g}x jusText leaves marsad {budget:.2f} ms")
    print(f"\n  {'stage':<36} {'ms':>7} {'us/line':>8} {'of budget':>10}")
    for name, work in stages(items).items():
        ms = best_of(5, args.repeat, work)
        print(f"  {name:<36} {ms:>7.2f} {ms * 1e3 / lines:>8.2f} {ms / budget:>9.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
