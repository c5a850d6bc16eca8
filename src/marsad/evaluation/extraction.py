"""How well marsad turns real pages into article records.

Page sets, all read from ../shared at run time (gold annotations are pointers
into those files, kept in `data/extraction_*.json`):

- ``seed``: the scraped page marsad exists for; two gold records (host and
  the embedded story behind `اقرأ أيضاً..`).
- ``pages_html``: the real HTML pages of ``data/pages``; trafilatura runs on
  them too, because marsad must never do worse than it there.
- ``pages_wet``: the same pages as WET-like plain text, chrome included.
- ``saudinewsnet``: a fixed, per-outlet sample of SaudiNewsNet bodies with
  their real leftovers; the gold body is the content minus the lines (and
  glued spans) annotated as leftovers. ``saudinewsnet_untitled`` is the same
  sample fed without its title, as a JSONL dump without titles would be.
  ``saudinewsnet_templates`` is the titled sample extracted as one
  collection: per-source templates are learned over it first, so this set
  measures the template learner and its guard (lines lost must not grow:
  real repeated text such as a dateline is not chrome).

Per page: word-level body precision/recall/F1, gold chrome lines kept in
the body, gold body lines lost, exact title and category.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.evaluation.wordscore import WordCounts, chrome_kept, line_key, lines_lost, same_title, word_counts
from marsad.shared_data import shared_dir

DATA_DIR = Path(__file__).with_name("data")
PAGES_GOLD = DATA_DIR / "extraction_pages.json"
SAUDINEWSNET_GOLD = DATA_DIR / "extraction_saudinewsnet.json"
FLOORS_PATH = DATA_DIR / "extraction_floors.json"

SETS: tuple[str, ...] = (
    "seed",
    "pages_html",
    "pages_wet",
    "saudinewsnet",
    "saudinewsnet_untitled",
    "saudinewsnet_templates",
    "dev_layouts",
    "blind_layouts",
)
# Sets no rule was chosen on (`evaluation.blind_layouts`); every other set is development.
BLIND_SETS: tuple[str, ...] = ("blind_layouts",)


# --- gold ----------------------------------------------------------------


@dataclass(slots=True)
class GoldRecord:
    title: str | None
    body: list[str]
    category: str | None = None
    parent: bool = False
    optional: list[str] = field(default_factory=list)


@dataclass(slots=True)
class GoldPage:
    """One input page and what a perfect extractor returns for it."""

    name: str
    set: str
    content: str
    is_html: bool
    records: list[GoldRecord]
    chrome: list[str]
    metadata: dict[str, str] = field(default_factory=dict)
    must_contain: list[str] = field(default_factory=list)
    must_not_contain: list[str] = field(default_factory=list)


class _Shared:
    """Reads shared files once and resolves the gold file's pointers into them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._text: dict[str, str] = {}

    def text(self, rel: str) -> str:
        if rel not in self._text:
            path = self.root / rel
            if not path.is_file():
                raise FileNotFoundError(f"shared data file missing: {path} (set MARSAD_SHARED)")
            self._text[rel] = path.read_text(encoding="utf-8")
        return self._text[rel]

    def lines(self, rel: str) -> list[str]:
        return self.text(rel).split("\n")

    def json(self, rel: str) -> Any:
        return json.loads(self.text(rel))

    def string(self, spec: dict[str, Any] | None) -> str | None:
        if spec is None:
            return None
        if "json" in spec:
            value: Any = self.json(spec["json"])
            for key in spec["path"]:
                value = value[key]
            return str(value) if value is not None else None
        line: str = self.lines(spec["file"])[spec["line"] - 1]
        start: int = spec.get("start", 0)
        return line[start:].strip()

    def body(self, spec: dict[str, Any] | None) -> list[str]:
        if spec is None:
            return []
        if "lines" in spec:
            lines = self.lines(spec["lines"])
            picked = [lines[n - 1] for first, last in spec["ranges"] for n in range(first, last + 1)]
        elif "text" in spec:
            picked = self.lines(spec["text"])
        elif "fundus" in spec:
            sections = self.json(spec["fundus"])["V1"]["body"]["sections"]
            picked = [p for section in sections for p in section["paragraphs"]]
        else:
            raise ValueError(f"unknown body source in gold file: {spec}")
        return [line.strip() for line in picked if line.strip()]

    def chrome(self, spec: dict[str, Any]) -> list[str]:
        excluded = {n for first, last in spec["exclude"] for n in range(first, last + 1)}
        return [
            line.strip()
            for n, line in enumerate(self.lines(spec["file"]), start=1)
            if n not in excluded and line_key(line)
        ]


def load_pages(root: Path | None = None) -> list[GoldPage]:
    """The seed, HTML and WET-like pages with their gold records."""
    shared = _Shared(root or shared_dir())
    gold = json.loads(PAGES_GOLD.read_text(encoding="utf-8"))
    pages = []
    for entry in gold["pages"]:
        records = [
            GoldRecord(
                title=shared.string(spec.get("title")),
                category=shared.string(spec.get("category")),
                body=shared.body(spec.get("body")),
                parent=bool(spec.get("parent")),
                optional=shared.body(spec.get("optional")),
            )
            for spec in entry["records"]
        ]
        page = GoldPage(
            name=entry["name"],
            set=entry["set"],
            content=shared.text(entry["input"]),
            is_html=entry["input"].endswith((".html", ".htm")),
            records=records,
            chrome=shared.chrome(entry["chrome"]),
            metadata={"url": entry["url"]} if entry.get("url") else {},
        )
        if "segments" in entry:
            expected = next(iter(shared.json(entry["segments"]["json"]).values()))
            page.must_contain = list(expected.get("with", []))
            page.must_not_contain = list(expected.get("without", []))
        pages.append(page)
    return pages


def _saudinewsnet_lines(content: str) -> list[str]:
    # Kept equal to annotate_saudinewsnet.content_lines: the gold indexes count these.
    return [line.strip() for line in content.split("\n") if line.strip()]


def load_saudinewsnet(
    root: Path | None = None, *, limit: int | None = None, titled: bool = True, set_name: str | None = None
) -> list[GoldPage]:
    """The annotated SaudiNewsNet sample; `limit` keeps the first N of it."""
    import hashlib

    gold = json.loads(SAUDINEWSNET_GOLD.read_text(encoding="utf-8"))
    wanted = gold["articles"][:limit] if limit else gold["articles"]
    by_url = {entry["url"]: entry for entry in wanted}
    path = (root or shared_dir()) / "data" / "news" / "saudinewsnet.jsonl.gz"
    found: dict[str, dict[str, Any]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            article = json.loads(raw)
            entry = by_url.get(article["url"])
            if entry is None or article["url"] in found:
                continue
            if hashlib.sha1(article["content"].encode("utf-8")).hexdigest() == entry["sha1"]:
                found[article["url"]] = article
    missing = [entry["url"] for entry in wanted if entry["url"] not in found]
    if missing:
        raise ValueError(f"{len(missing)} annotated SaudiNewsNet articles not found in {path}: {missing[:3]}")
    set_name = set_name or ("saudinewsnet" if titled else "saudinewsnet_untitled")
    pages = []
    for entry in wanted:
        article = found[entry["url"]]
        lines = _saudinewsnet_lines(article["content"])
        body, chrome = [], []
        for index, line in enumerate(lines):
            if str(index) in entry["leftovers"]:
                chrome.append(line)
                continue
            trim = entry["trims"].get(str(index))
            if trim:
                start, end = trim[0], trim[1]
                chrome.append(line[start:end].strip())
                line = (line[:start] + " " + line[end:]).strip()
            body.append(line)
        title = (article.get("title") or "").strip() or None
        metadata = {"url": article["url"], "source": article["source"]}
        if titled and title:
            metadata["title"] = title
        pages.append(
            GoldPage(
                name=f"{article['source']}/{entry['sha1'][:10]}",
                set=set_name,
                content=article["content"],
                is_html=False,
                records=[GoldRecord(title=title if titled else None, body=body)],
                chrome=chrome,
                metadata=metadata,
            )
        )
    return pages


def saudinewsnet_background(
    root: Path | None, exclude: set[str], per_source: int = 200
) -> list[tuple[str | None, str]]:
    """More pages of each outlet (the first `per_source` in file order outside
    the sample), so that the template learner sees a source as a crawl would."""
    path = (root or shared_dir()) / "data" / "news" / "saudinewsnet.jsonl.gz"
    taken: dict[str, int] = {}
    pages: list[tuple[str | None, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            article = json.loads(raw)
            source = article["source"]
            if article["url"] in exclude or taken.get(source, 0) >= per_source or not article.get("content"):
                continue
            taken[source] = taken.get(source, 0) + 1
            pages.append((source, article["content"]))
    return pages


# --- predictions ------------------------------------------------------------


@dataclass(slots=True)
class PredictedRecord:
    title: str | None
    category: str | None
    body: list[str]
    parent: bool


Extractor = Callable[[GoldPage], list[PredictedRecord]]


def marsad_extractor(page: GoldPage) -> list[PredictedRecord]:
    import marsad

    # Enrichment (entities, dates, ...) never changes the body; skip its cost.
    records = marsad.extract(page.content, enrich=False, **page.metadata)
    return [PredictedRecord(r.title, r.category, list(r.body), r.parent is not None) for r in records]


def marsad_collection_extractor(
    pages: Sequence[GoldPage], background: Iterable[tuple[str | None, str]] = ()
) -> Extractor:
    """marsad over `pages` as one collection: per-source templates are learned
    first over them and over `background` pages of the same sources."""
    from marsad.extraction import ExtractOptions, extract_page, learned_options
    from marsad.records import Page
    from marsad.segment.templates import TemplateLearner

    observed = [(page.metadata.get("source"), page.content) for page in pages]
    learner = TemplateLearner()
    for source, text in [*observed, *background]:
        learner.observe(source, text)
    options = ExtractOptions(enrich=False)
    learned_options(learner, options)

    def extract(page: GoldPage) -> list[PredictedRecord]:
        meta = page.metadata
        source = Page(
            origin=page.name,
            text=None if page.is_html else page.content,
            html=page.content if page.is_html else None,
            url=meta.get("url"),
            source=meta.get("source"),
            title=meta.get("title"),
        )
        records = extract_page(source, options)
        return [PredictedRecord(r.title, r.category, list(r.body), r.parent is not None) for r in records]

    return extract


def trafilatura_extractor(page: GoldPage) -> list[PredictedRecord]:
    """trafilatura as a user would call it: defaults, Arabic pages, JSON with metadata."""
    import trafilatura

    if page.is_html:
        html = page.content
    else:
        # trafilatura reads HTML only: each text line becomes a paragraph.
        from html import escape

        html = (
            "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in page.content.split("\n")) + "</body></html>"
        )
    result = trafilatura.extract(html, output_format="json", with_metadata=True, url=page.metadata.get("url"))
    if not result:
        return []
    data = json.loads(result)
    body = [line.strip() for line in (data.get("text") or "").split("\n") if line.strip()]
    return [PredictedRecord(data.get("title"), None, body, False)]


# --- scores ---------------------------------------------------------------


@dataclass(slots=True)
class PageScore:
    name: str
    set: str
    tool: str
    words: WordCounts
    chrome_total: int
    chrome_kept: list[str]
    body_lines: int
    lines_lost: list[str]
    titles: tuple[int, int]
    categories: tuple[int, int]
    records: tuple[int, int]
    segments: tuple[int, int]
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "set": self.set,
            "tool": self.tool,
            "precision": round(self.words.precision, 4),
            "recall": round(self.words.recall, 4),
            "f1": round(self.words.f1, 4),
            "chrome_lines": self.chrome_total,
            "chrome_kept": self.chrome_kept,
            "body_lines": self.body_lines,
            "lines_lost": self.lines_lost,
            "titles": list(self.titles),
            "categories": list(self.categories),
            "records": list(self.records),
            "segments": list(self.segments),
            "seconds": round(self.seconds, 4),
        }


def score_page(page: GoldPage, predicted: Sequence[PredictedRecord], tool: str, seconds: float) -> PageScore:
    gold_body = [line for record in page.records for line in record.body]
    optional = [line for record in page.records for line in record.optional]
    predicted_body = [line for record in predicted for line in record.body]
    titles = categories = 0
    titled = [record for record in page.records if record.title is not None]
    categorised = [record for record in page.records if record.category is not None]
    for index, gold in enumerate(page.records):
        guess = _matching_record(gold, index, predicted)
        if gold.title is not None and guess is not None and same_title(guess.title, gold.title):
            titles += 1
        if gold.category is not None and guess is not None and same_title(guess.category, gold.category):
            categories += 1
    joined = " " + " ".join(line_key(line) for line in predicted_body) + " "
    contained = sum(1 for s in page.must_contain if f" {line_key(s)} " in joined)
    avoided = sum(1 for s in page.must_not_contain if f" {line_key(s)} " not in joined)
    return PageScore(
        name=page.name,
        set=page.set,
        tool=tool,
        words=word_counts(predicted_body, gold_body, optional),
        chrome_total=len(page.chrome),
        chrome_kept=chrome_kept(page.chrome, predicted_body, gold_body + optional),
        body_lines=len(gold_body),
        lines_lost=lines_lost(gold_body, predicted_body),
        titles=(titles, len(titled)),
        categories=(categories, len(categorised)),
        records=(len(predicted), len(page.records)),
        segments=(contained + avoided, len(page.must_contain) + len(page.must_not_contain)),
        seconds=seconds,
    )


def _matching_record(gold: GoldRecord, index: int, predicted: Sequence[PredictedRecord]) -> PredictedRecord | None:
    # Hosts are matched to the first record, embedded stories by position among
    # the predicted stories, so one spurious split does not shift every title.
    if not gold.parent:
        hosts = [record for record in predicted if not record.parent]
        return hosts[0] if hosts else None
    stories = [record for record in predicted if record.parent]
    position = index - 1
    return stories[position] if 0 <= position < len(stories) else None


def run(pages: Iterable[GoldPage], extractor: Extractor, tool: str) -> list[PageScore]:
    scores = []
    for page in pages:
        started = time.perf_counter()
        predicted = extractor(page)
        scores.append(score_page(page, predicted, tool, time.perf_counter() - started))
    return scores


@dataclass(slots=True)
class SetSummary:
    set: str
    tool: str
    pages: int
    words: WordCounts
    macro_f1: float
    min_f1: float
    chrome_total: int
    chrome_kept: int
    body_lines: int
    lines_lost: int
    titles: tuple[int, int]
    categories: tuple[int, int]
    record_counts_right: int
    segments: tuple[int, int]
    pages_without_record: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": self.set,
            "blind": self.set in BLIND_SETS,
            "pages_without_record": self.pages_without_record,
            "tool": self.tool,
            "pages": self.pages,
            "precision": round(self.words.precision, 4),
            "recall": round(self.words.recall, 4),
            "f1": round(self.words.f1, 4),
            "macro_f1": round(self.macro_f1, 4),
            "min_f1": round(self.min_f1, 4),
            "chrome_lines": self.chrome_total,
            "chrome_kept": self.chrome_kept,
            "body_lines": self.body_lines,
            "lines_lost": self.lines_lost,
            "title_accuracy": _ratio(self.titles),
            "category_accuracy": _ratio(self.categories),
            "record_counts_right": self.record_counts_right,
            "segments": list(self.segments),
        }


def _ratio(pair: tuple[int, int]) -> float | None:
    return round(pair[0] / pair[1], 4) if pair[1] else None


def summarise(scores: Sequence[PageScore]) -> SetSummary:
    words = WordCounts()
    for score in scores:
        words = words + score.words
    f1s = [score.words.f1 for score in scores] or [0.0]
    return SetSummary(
        set=scores[0].set,
        tool=scores[0].tool,
        pages=len(scores),
        words=words,
        macro_f1=sum(f1s) / len(f1s),
        min_f1=min(f1s),
        chrome_total=sum(s.chrome_total for s in scores),
        chrome_kept=sum(len(s.chrome_kept) for s in scores),
        body_lines=sum(s.body_lines for s in scores),
        lines_lost=sum(len(s.lines_lost) for s in scores),
        titles=(sum(s.titles[0] for s in scores), sum(s.titles[1] for s in scores)),
        categories=(sum(s.categories[0] for s in scores), sum(s.categories[1] for s in scores)),
        record_counts_right=sum(1 for s in scores if s.records[0] == s.records[1]),
        segments=(sum(s.segments[0] for s in scores), sum(s.segments[1] for s in scores)),
        pages_without_record=sum(1 for s in scores if s.records[0] == 0),
    )


# --- the report -------------------------------------------------------------


@dataclass(slots=True)
class Report:
    pages: list[PageScore]
    summaries: list[SetSummary]

    def figures(self) -> dict[str, float]:
        """Flat named figures, the keys the floors file pins."""
        figures: dict[str, float] = {}
        for summary in self.summaries:
            prefix = f"{summary.tool}.{summary.set}"
            figures[f"{prefix}.f1"] = round(summary.words.f1, 4)
            figures[f"{prefix}.precision"] = round(summary.words.precision, 4)
            figures[f"{prefix}.recall"] = round(summary.words.recall, 4)
            figures[f"{prefix}.min_f1"] = round(summary.min_f1, 4)
            figures[f"{prefix}.chrome_kept"] = summary.chrome_kept
            figures[f"{prefix}.lines_lost"] = summary.lines_lost
            for name, pair in (("title_accuracy", summary.titles), ("category_accuracy", summary.categories)):
                value = _ratio(pair)
                if value is not None:
                    figures[f"{prefix}.{name}"] = value
            if summary.segments[1]:
                figures[f"{prefix}.segments_missed"] = summary.segments[1] - summary.segments[0]
            if summary.set == "seed":
                figures[f"{prefix}.record_counts_right"] = summary.record_counts_right
            if summary.set.endswith("_layouts"):
                figures[f"{prefix}.pages_without_record"] = summary.pages_without_record
        peer = {s.name: s.words.f1 for s in self.pages if s.tool == "trafilatura" and s.set == "pages_html"}
        ours = {s.name: s.words.f1 for s in self.pages if s.tool == "marsad" and s.set == "pages_html"}
        if peer and ours:
            figures["marsad.pages_html.min_f1_minus_trafilatura"] = round(
                min(ours[name] - peer[name] for name in ours if name in peer), 4
            )
        return figures

    def to_dict(self) -> dict[str, Any]:
        return {
            "figures": self.figures(),
            "sets": [summary.to_dict() for summary in self.summaries],
            "saudinewsnet_by_source": {source: s.to_dict() for source, s in by_source(self).items()},
            "pages": [
                score.to_dict()
                for score in self.pages
                if not score.set.startswith("saudinewsnet") and score.set not in BLIND_SETS
            ],
            "saudinewsnet_worst": [
                score.to_dict()
                for score in sorted(
                    (s for s in self.pages if s.set == "saudinewsnet" and s.tool == "marsad"),
                    key=lambda s: s.words.f1,
                )[:20]
            ],
        }


def evaluate(
    root: Path | None = None,
    *,
    sets: Sequence[str] = SETS,
    saudinewsnet_limit: int | None = None,
    with_trafilatura: bool = True,
) -> Report:
    """Run marsad (and trafilatura on HTML) over the chosen page sets."""
    root = root or shared_dir()
    pages = [page for page in load_pages(root) if page.set in sets]
    if "saudinewsnet" in sets:
        pages += load_saudinewsnet(root, limit=saudinewsnet_limit, titled=True)
    if "saudinewsnet_untitled" in sets:
        pages += load_saudinewsnet(root, limit=saudinewsnet_limit, titled=False)
    scores = run(pages, marsad_extractor, "marsad")
    if "saudinewsnet_templates" in sets:
        collection = load_saudinewsnet(root, limit=saudinewsnet_limit, set_name="saudinewsnet_templates")
        background = saudinewsnet_background(root, {page.metadata["url"] for page in collection})
        scores += run(collection, marsad_collection_extractor(collection, background), "marsad")
    if "dev_layouts" in sets:
        from marsad.evaluation.blind_layouts import DEV_SET, blind_layouts_extractor, dev_files, load_blind_layouts

        layouts = load_blind_layouts(root, dev_files(), DEV_SET)
        scores += run(layouts, blind_layouts_extractor(layouts), "marsad")
    if "blind_layouts" in sets:
        from marsad.evaluation.blind_layouts import blind_layouts_extractor, load_blind_layouts

        blind = load_blind_layouts(root)
        scores += run(blind, blind_layouts_extractor(blind), "marsad")
    if with_trafilatura:
        scores += run([page for page in pages if page.is_html], trafilatura_extractor, "trafilatura")
    groups: dict[tuple[str, str], list[PageScore]] = {}
    for score in scores:
        groups.setdefault((score.tool, score.set), []).append(score)
    summaries = [summarise(group) for group in groups.values()]
    return Report(pages=scores, summaries=summaries)


# --- floors -----------------------------------------------------------------


def load_floors(path: Path = FLOORS_PATH) -> dict[str, dict[str, float]]:
    data: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))["floors"]
    return data


def check_floors(figures: dict[str, float], floors: dict[str, dict[str, float]]) -> list[str]:
    """One message per figure outside its pinned bound (a missing figure fails too)."""
    failures = []
    for name, bound in sorted(floors.items()):
        value = figures.get(name)
        if value is None:
            failures.append(f"{name}: not measured (pinned {bound})")
        elif "min" in bound and value < bound["min"]:
            failures.append(f"{name} = {value} is below its floor {bound['min']}")
        elif "max" in bound and value > bound["max"]:
            failures.append(f"{name} = {value} is above its ceiling {bound['max']}")
    return failures


def by_source(report: Report) -> dict[str, SetSummary]:
    """marsad on the titled SaudiNewsNet sample, one summary per outlet."""
    groups: dict[str, list[PageScore]] = {}
    for score in report.pages:
        if score.set == "saudinewsnet" and score.tool == "marsad":
            groups.setdefault(score.name.split("/")[0], []).append(score)
    return {source: summarise(groups[source]) for source in sorted(groups)}
