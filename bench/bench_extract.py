"""marsad extraction against trafilatura and jusText on the same inputs, in one run.

Three input sets, each fed to every tool:

- text pages: the seed, the WET-like pages of ../shared/data/pages and our
  own example .txt pages (repeated for stable timings). trafilatura and
  jusText read HTML only, so each text line becomes a <p>: that is what a
  user has to do, and the wrapping is timed with them.
- HTML pages: the real HTML pages of ../shared/data/pages (repeated).
- SaudiNewsNet: the first --limit articles of the corpus as text pages,
  starting with the annotated sample so that word F1 has gold.

marsad runs with `enrich=False`: the peers extract text only, so entities,
dates and quotes are left out of the comparison. Prints pages/s per tool,
marsad's throughput over each peer's, and word F1 where gold exists.
Targets from issue 2: text pages at least 20x jusText, HTML no slower than
trafilatura.

Run: ``.venv/bin/python bench/bench_extract.py [--limit 5000] [--repeat 20] [--clock cpu]``
(``--clock cpu`` times each tool by this process's CPU time, steadier than
the wall clock when other work shares the machine).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from marsad.evaluation.extraction import GoldPage, load_pages, load_saudinewsnet, shared_dir
from marsad.evaluation.wordscore import WordCounts, word_counts

PROJECT = Path(__file__).resolve().parents[1]
Tool = Callable[[str, bool, dict[str, str]], list[str]]


@dataclass(slots=True)
class Item:
    """One input as every tool gets it; `gold` is None where no gold body exists."""

    content: str
    is_html: bool
    metadata: dict[str, str]
    gold: list[str] | None
    optional: list[str]


def _as_html(text: str) -> str:
    return (
        "<html><body>"
        + "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())
        + "</body></html>"
    )


def run_marsad(content: str, is_html: bool, metadata: dict[str, str]) -> list[str]:
    import marsad

    # Extraction only: entities, dates and quotes are work the peers do not do.
    return [line for record in marsad.extract(content, enrich=False, **metadata) for line in record.body]


def run_trafilatura(content: str, is_html: bool, metadata: dict[str, str]) -> list[str]:
    import trafilatura

    text = trafilatura.extract(content if is_html else _as_html(content), url=metadata.get("url"))
    return [line for line in (text or "").split("\n") if line.strip()]


_STOPLIST: frozenset[str] | None = None


def run_justext(content: str, is_html: bool, metadata: dict[str, str]) -> list[str]:
    import justext

    global _STOPLIST
    if _STOPLIST is None:
        _STOPLIST = frozenset(justext.get_stoplist("Arabic"))
    html = content if is_html else _as_html(content)
    paragraphs = justext.justext(html.encode("utf-8"), _STOPLIST, encoding="utf-8")
    return [p.text for p in paragraphs if not p.is_boilerplate]


TOOLS: dict[str, Tool] = {"marsad": run_marsad, "trafilatura": run_trafilatura, "justext": run_justext}


def _item(page: GoldPage) -> Item:
    return Item(
        content=page.content,
        is_html=page.is_html,
        metadata=dict(page.metadata),
        gold=[line for record in page.records for line in record.body],
        optional=[line for record in page.records for line in record.optional],
    )


def text_pages(shared: Path) -> list[Item]:
    items = [_item(page) for page in load_pages(shared) if not page.is_html]
    for path in sorted((PROJECT / "examples").glob("*.txt")):
        items.append(Item(path.read_text(encoding="utf-8"), False, {}, None, []))
    return items


def html_pages(shared: Path) -> list[Item]:
    return [_item(page) for page in load_pages(shared) if page.is_html]


def saudinewsnet_pages(shared: Path, limit: int) -> list[Item]:
    annotated = [_item(page) for page in load_saudinewsnet(shared, titled=True)][:limit]
    seen = {item.metadata["url"] for item in annotated}
    items = list(annotated)
    with gzip.open(shared / "data" / "news" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as handle:
        for raw in handle:
            if len(items) >= limit:
                break
            article = json.loads(raw)
            if article["url"] in seen or not (article.get("content") or "").strip():
                continue
            metadata = {"url": article["url"], "source": article["source"]}
            if article.get("title"):
                metadata["title"] = article["title"]
            items.append(Item(article["content"], False, metadata, None, []))
    return items


@dataclass(slots=True)
class Result:
    tool: str
    pages: int
    seconds: float
    words: WordCounts | None

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else float("inf")


# Wall time is what a user waits; CPU time of this process is steadier on a
# machine shared with other work (every tool here runs in one thread).
CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}


def measure(tool: str, items: Sequence[Item], repeat: int, clock: Callable[[], float] = time.perf_counter) -> Result:
    run = TOOLS[tool]
    # Warm-up over every page once, for each tool alike: what a page's kind imports and compiles on
    # first use (another reader, a rule's alternation) is start-up, which bench_startup.py measures;
    # left in, it was most of marsad's time on the 40 text pages of a --repeat 5 run.
    for item in items[:50]:
        run(item.content, item.is_html, item.metadata)
    outputs: list[list[str]] = []
    started = clock()
    for round_ in range(repeat):
        for item in items:
            body = run(item.content, item.is_html, item.metadata)
            if round_ == 0:
                outputs.append(body)
    seconds = clock() - started
    words: WordCounts | None = None
    for item, body in zip(items, outputs, strict=True):
        if item.gold is not None:
            counts = word_counts(body, item.gold, item.optional)
            words = counts if words is None else words + counts
    return Result(tool, len(items) * repeat, seconds, words)


def report(name: str, results: list[Result], target: tuple[str, float] | None) -> None:
    ours = next(r for r in results if r.tool == "marsad")
    print(f"\n{name}")
    print(f"  {'tool':<12} {'pages':>7} {'seconds':>9} {'pages/s':>10} {'marsad/tool':>12} {'word F1':>8}")
    for result in results:
        ratio = ours.rate / result.rate if result.rate else float("inf")
        f1 = f"{result.words.f1:.3f}" if result.words else "-"
        print(
            f"  {result.tool:<12} {result.pages:>7} {result.seconds:>9.2f} {result.rate:>10.1f} {ratio:>11.1f}x {f1:>8}"
        )
    if target:
        peer, needed = target
        got = ours.rate / next(r for r in results if r.tool == peer).rate
        verdict = "met" if got >= needed else "NOT met"
        print(f"  target: marsad >= {needed:g}x {peer} on these pages: {got:.1f}x, {verdict}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extraction throughput and word F1: marsad vs trafilatura vs jusText.")
    parser.add_argument("--shared", type=Path, default=None, help="shared data folder (default ../shared)")
    parser.add_argument("--limit", type=int, default=5000, help="SaudiNewsNet articles to run (default 5000)")
    parser.add_argument("--repeat", type=int, default=20, help="rounds over the text and HTML pages (default 20)")
    parser.add_argument("--tools", default="marsad,trafilatura,justext", help="comma-separated subset of the tools")
    parser.add_argument(
        "--clock", choices=sorted(CLOCKS), default="wall", help="time by the wall clock or by CPU time (default wall)"
    )
    args = parser.parse_args(argv)
    shared = args.shared or shared_dir()
    tools = [tool for tool in args.tools.split(",") if tool]
    if "marsad" not in tools or any(tool not in TOOLS for tool in tools):
        parser.error(f"--tools must include marsad and name only {', '.join(TOOLS)}")
    sets = [
        ("text pages (seed, WET-like pages, examples)", text_pages(shared), args.repeat, ("justext", 20.0)),
        ("HTML pages (../shared/data/pages)", html_pages(shared), args.repeat, ("trafilatura", 1.0)),
        (f"SaudiNewsNet ({args.limit} articles as text)", saudinewsnet_pages(shared, args.limit), 1, ("justext", 20.0)),
    ]
    for name, items, repeat, target in sets:
        results = [measure(tool, items, repeat, CLOCKS[args.clock]) for tool in tools]
        report(name, results, target if target[0] in tools else None)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
