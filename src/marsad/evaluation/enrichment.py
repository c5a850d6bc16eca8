"""Evaluation of dates, quantities and quotes on our own gold annotations.

The gold file (`data/enrichment_gold.jsonl`) holds, per article, a pointer into
the shared news data (file, ``url``/``id``, SHA-1 of the text) and labels with
(paragraph, start, end) offsets into its paragraphs. The article text itself
never enters the project: it is read from ``../shared`` at evaluation time,
and an article whose hash no longer matches is reported, not scored.

Paragraphs are the non-empty lines of the article text, stripped.

The gold set: 76 articles sampled with fixed seeds among texts of 400-1,500
characters (SaudiNewsNet) and 400-2,500 (newspapers), read one by one. Each
article was shown with the extractor's output of the day and every label was
checked, corrected, removed or added by hand, so the gold leans towards what
the extractor already finds; misses it never proposes had to be seen by
reading. Splits:

- ``dev`` (20): rules were tuned on these.
- ``test`` (40): annotated after tuning on dev; figures were taken before any
  change, then some general fixes were made after reading their misses.
- ``test2`` (16): annotated after ``test``; its first figures are the held-out ones.
- ``test3``-``test5`` (66, SaudiNewsNet): annotated after tuning; general fixes
  were later made from the classes of their misses.
- ``test6`` (21): seven newspapers articles from countries no earlier split used
  (IQ, JO, LB, SD, TM, EG, PS; no publication date, so relative dates have no
  value) and fourteen SaudiNewsNet articles of the less sampled outlets. Labelled
  by reading each text, *without* the extractor's output shown, before any rule
  change; its first figures are the held-out ones (see the CHANGELOG).

Conventions: a date span is the date words only (``شهر``, a year suffix and a
glued ``يوم`` of a weekday included; a weekday right before an explicit date
left out, with its day part or ``اليوم``, as the blind guidelines have it: six labels of the
first set were brought to that reading in session 18); bare ``اليوم`` is not a date; a quantity is a numeral (digits or
number words, not duals of ordinary nouns, not ordinals, identifiers, times,
scores or numbers in names; since #17 the number after a definite counted
plural, ``السنوات الخمس``, and the dual of a scale word, ``مليوني``, count, as
the issue and the blind guidelines have it, and the dev labels were brought to
that reading, as were Hijri months and years); a direct quote is speech the
writer put in quotation marks (even when the marks are broken), not titles,
names or scare quotes, and its speaker is the fullest name in the article.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.arabic.tokens import FoldedText
from marsad.enrich.dates import find_dates
from marsad.enrich.ner import find_entities
from marsad.enrich.quantities import find_quantities
from marsad.enrich.quotes import find_quotes
from marsad.records import Span
from marsad.shared_data import shared_dir

__all__ = [
    "GoldArticle",
    "Scores",
    "article_key",
    "article_paragraphs",
    "article_text",
    "below_floors",
    "evaluate",
    "load_floors",
    "load_gold",
    "read_news",
    "shared_dir",
]

NEWS_FILES = {"saudinewsnet": "data/news/saudinewsnet.jsonl.gz", "newspapers": "data/news/newspapers.jsonl.gz"}


def article_text(record: dict[str, Any]) -> str:
    return str(record.get("content") or record.get("text") or "")


def article_key(record: dict[str, Any]) -> str:
    return str(record.get("url") or record.get("id") or "")


def article_paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_news(source: str, root: Path | None = None) -> Iterator[dict[str, Any]]:
    path = (root or shared_dir()) / NEWS_FILES[source]
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


@dataclass(slots=True)
class GoldArticle:
    source: str
    key: str
    sha1: str
    split: str
    published: str | None
    dates: list[tuple[int, int, int, str | None]]
    quantities: list[tuple[int, int, int, float, str | None]]
    quotes: list[tuple[int, int, int, str]]
    paragraphs: list[str] = field(default_factory=list)
    # What the annotator labelled: a set labelled for quotes alone (``"labelled": ["quotes"]``)
    # scores no dates or quantities, instead of counting every one found as wrong.
    labelled: frozenset[str] = frozenset({"dates", "quantities", "quotes"})


def _gold_path() -> Path:
    return Path(str(resources.files("marsad.evaluation").joinpath("data/enrichment_gold.jsonl")))


# Which floors hold which part of the gold: ``first`` is enrichment_gold.jsonl (splits dev to
# test6), ``dev2`` the sets labelled under the blind guidelines, ``blind`` the blind set.
FIRST = "first"
# The sets labelled under the blind guidelines, each read first untouched and then for errors.
LAST_DEV_SPLIT = 82
DEV_SPLITS = tuple(f"dev{number}" for number in range(2, LAST_DEV_SPLIT + 1))
BLIND = "blind"
FLOOR_KEYS = {FIRST: "floors", **{split: f"{split}_floors" for split in DEV_SPLITS}, BLIND: "blind_floors"}


# The splits of the development gold: the first set's (dev to test6), then the sets labelled under
# the blind guidelines (dev2 to dev{LAST_DEV_SPLIT}; dev7 to dev9 label quotes only).
GOLD_SPLITS = (*("dev", "test", "test2", "test3", "test4", "test5", "test6"), *DEV_SPLITS)


def load_floors(split: str = FIRST) -> dict[str, float]:
    text = resources.files("marsad.evaluation").joinpath("data/enrichment_floors.json").read_text("utf-8")
    return {k: float(v) for k, v in json.loads(text)[FLOOR_KEYS[split]].items()}


def below_floors(figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    """A line for every figure under its floor (a missing figure counts as 0)."""
    return [
        f"{name} {figures.get(name, 0.0):.3f} < floor {floor:.3f}"
        for name, floor in sorted(floors.items())
        if figures.get(name, 0.0) < floor
    ]


def blind_paths() -> list[Path]:
    """The blind set's files (`docs/guidelines/blind_enrichment.md`): labelled by annotators who
    never saw marsad's output; never read for errors."""
    return sorted(_gold_path().parent.glob("blind_enrichment_*.jsonl"))


def dev_paths() -> list[Path]:
    """The development gold: the first sets, and ``dev2`` (``dev_enrichment_*.jsonl``), labelled
    under the blind set's guidelines on other articles so that its errors can be read."""
    return [_gold_path(), *sorted(_gold_path().parent.glob("dev_enrichment_*.jsonl"))]


def load_gold(
    path: Path | None = None, root: Path | None = None, paths: list[Path] | None = None
) -> tuple[list[GoldArticle], list[str]]:
    """Gold articles with their paragraphs read from the shared data, and problems found."""
    wanted: dict[tuple[str, str], GoldArticle] = {}
    files = paths or ([path] if path else dev_paths())
    lines = [line for file in files for line in file.read_text("utf-8").splitlines()]
    for line in lines:
        if not line.strip():
            continue
        row = json.loads(line)
        wanted[(row["source"], row["key"])] = GoldArticle(
            row["source"],
            row["key"],
            row["sha1"],
            row["split"],
            row.get("published"),
            [(d[0], d[1], d[2], d[3]) for d in row["dates"]],
            [(q[0], q[1], q[2], q[3], q[4]) for q in row["quantities"]],
            # Blind labels carry a fifth field, "direct" or "reported"; only direct quotes are scored.
            [(q[0], q[1], q[2], q[3]) for q in row["quotes"] if len(q) < 5 or q[4] == "direct"],
            labelled=frozenset(row.get("labelled") or ("dates", "quantities", "quotes")),
        )
    problems: list[str] = []
    for source in sorted({s for s, _ in wanted}):
        for record in read_news(source, root):
            gold = wanted.get((source, article_key(record)))
            if gold is None or gold.paragraphs:
                continue
            text = article_text(record)
            if text_hash(text) != gold.sha1:
                problems.append(f"{source} {gold.key}: text changed (hash mismatch), not scored")
                continue
            gold.paragraphs = article_paragraphs(text)
    found = [g for g in wanted.values() if g.paragraphs]
    problems += [
        f"{g.source} {g.key}: not found in shared data"
        for g in wanted.values()
        if not g.paragraphs and not any(g.key in p for p in problems)
    ]
    return found, problems


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    articles: int = 0
    date_span: Counts = field(default_factory=Counts)
    date_value: Counts = field(default_factory=Counts)
    # The same values matched where the spans overlap: annotators draw a date's edges differently
    # (``عام 2012`` or ``2012``, a weekday in or out); what a reader needs is the value.
    date_value_overlap: Counts = field(default_factory=Counts)
    quantity_value: Counts = field(default_factory=Counts)
    unit_right: int = 0
    quote_found: Counts = field(default_factory=Counts)
    speaker_right: int = 0
    speaker_contains: int = 0  # one name inside the other (``الجبير``, ``عادل الجبير``)
    # Found quotes whose speaker the gold names and marsad leaves empty: a count only, so that
    # the blind set says whether its speaker misses are silences or wrong names without being read.
    speaker_missing: int = 0

    @property
    def unit_accuracy(self) -> float:
        return self.unit_right / self.quantity_value.tp if self.quantity_value.tp else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.quote_found.tp if self.quote_found.tp else 1.0

    @property
    def speaker_contains_accuracy(self) -> float:
        return self.speaker_contains / self.quote_found.tp if self.quote_found.tp else 1.0

    @property
    def speaker_missing_share(self) -> float:
        return self.speaker_missing / self.quote_found.tp if self.quote_found.tp else 0.0

    def figures(self) -> dict[str, float]:
        return {
            "dates_span_f1": self.date_span.f1,
            "dates_value_f1": self.date_value.f1,
            "dates_value_overlap_f1": self.date_value_overlap.f1,
            "quantities_value_f1": self.quantity_value.f1,
            "quantities_unit_accuracy": self.unit_accuracy,
            "quotes_direct_recall": self.quote_found.recall,
            "quotes_direct_precision": self.quote_found.precision,
            "quotes_speaker_accuracy": self.speaker_accuracy,
            "quotes_speaker_contains": self.speaker_contains_accuracy,
        }


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) <= 1e-3 * max(1.0, abs(b))
    return bool(a == b)


def _overlaps(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _fold(name: str | None) -> str:
    return FoldedText.of(name or "").text.strip()


def _same_name(a: str | None, b: str | None) -> bool:
    """Whether one name's words run inside the other's (issue #17's looser count)."""
    x, y = _fold(a).split(), _fold(b).split()
    if not x or not y:
        return False
    short, long = sorted((x, y), key=len)
    return any(long[at : at + len(short)] == short for at in range(len(long) - len(short) + 1))


def _unit_notation(unit: str | None) -> str:
    """A unit in one notation: a currency word as its ISO code (the records' notation, ``ريال``
    → ``SAR``), percent words as ``%``, anything else folded as written."""
    from marsad.enrich.quantities import currency_code, is_percent_word

    if unit is None:
        return ""
    folded = _fold(unit)
    code = currency_code(unit)
    if code is not None:
        return code
    return "%" if is_percent_word(unit) else folded


def _same_unit(predicted: str | None, gold: str | None) -> bool:
    return _fold(predicted) == _fold(gold) or _unit_notation(predicted) == _unit_notation(gold)


def _overlap_counts(
    predicted: dict[tuple[int, int, int], str | None], gold: dict[tuple[int, int, int], str | None]
) -> Counts:
    """Dates matched one to one where spans overlap and values agree."""
    unmatched = dict(gold)
    counts = Counts()
    for where, value in predicted.items():
        hit = next((g for g, v in unmatched.items() if _overlaps(where, g) and v == value), None)
        if hit is None:
            counts.fp += 1
            continue
        del unmatched[hit]
        counts.tp += 1
    counts.fn = len(unmatched)
    return counts


@dataclass(slots=True)
class Output:
    """What is scored against the gold: marsad's spans, or a second annotator's labels."""

    dates: list[Span]
    quantities: list[Span]
    quotes: list[Span]  # direct quotes only

    @classmethod
    def of_marsad(cls, gold: GoldArticle) -> Output:
        paragraphs = gold.paragraphs
        entities = find_entities(paragraphs)
        quotes = find_quotes(paragraphs, entities=entities)
        return cls(
            find_dates(paragraphs, gold.published),
            find_quantities(paragraphs, entities),
            [q for q in quotes if q["direct"]],
        )

    @classmethod
    def of_labels(cls, row: dict[str, Any], paragraphs: list[str]) -> Output:
        def span(label: list[Any], **fields: Any) -> Span:
            p, s, e = label[:3]
            return {"paragraph": p, "start": s, "end": e, "text": paragraphs[p][s:e], **fields}

        return cls(
            [span(d, value=d[3]) for d in row["dates"]],
            [span(q, value=q[3], unit=q[4]) for q in row["quantities"]],
            [span(q, speaker=q[3]) for q in row["quotes"] if q[4] == "direct"],
        )


def score_article(gold: GoldArticle, scores: Scores, output: Output | None = None) -> list[str]:
    """Add one article's counts to `scores` for marsad's `output` (or another annotator's);
    return a line for every miss (for tuning)."""
    misses: list[str] = []
    paragraphs = gold.paragraphs
    output = output or Output.of_marsad(gold)
    dates = output.dates if "dates" in gold.labelled else []
    predicted_spans = {(d["paragraph"], d["start"], d["end"]): d["value"] for d in dates}
    gold_spans = {(p, s, e): v for p, s, e, v in gold.dates}
    span = Counts(len(predicted_spans.keys() & gold_spans.keys()), 0, 0)
    span.fp = len(predicted_spans) - span.tp
    span.fn = len(gold_spans) - span.tp
    value_pairs = {(k, v) for k, v in predicted_spans.items()} & {(k, v) for k, v in gold_spans.items()}
    value = Counts(len(value_pairs), len(predicted_spans) - len(value_pairs), len(gold_spans) - len(value_pairs))
    scores.date_span.add(span)
    scores.date_value.add(value)
    scores.date_value_overlap.add(_overlap_counts(predicted_spans, gold_spans))
    for key in predicted_spans.keys() ^ gold_spans.keys() | {
        k for k in predicted_spans if predicted_spans[k] != gold_spans.get(k, predicted_spans[k])
    }:
        p, s, e = key
        misses.append(
            f"date {gold.key} p{p} [{paragraphs[p][s:e]}] pred={predicted_spans.get(key, '-')} "
            f"gold={gold_spans.get(key, '-')}"
        )

    quantities = output.quantities if "quantities" in gold.labelled else []
    unmatched = list(gold.quantities)
    counts = Counts()
    for q in quantities:
        where = (q["paragraph"], q["start"], q["end"])
        hit = next((g for g in unmatched if _overlaps(where, g[:3]) and _same_value(q["value"], g[3])), None)
        if hit is None:
            counts.fp += 1
            misses.append(f"quantity-fp {gold.key} p{where[0]} [{q['text']}] {q['value']} {q['unit']}")
            continue
        unmatched.remove(hit)
        counts.tp += 1
        if _same_unit(q["unit"], hit[4]):
            scores.unit_right += 1
        else:
            misses.append(f"unit {gold.key} [{q['text']}] pred={q['unit']} gold={hit[4]}")
    counts.fn = len(unmatched)
    for g in unmatched:
        misses.append(f"quantity-fn {gold.key} p{g[0]} [{paragraphs[g[0]][g[1] : g[2]]}] {g[3]}")
    scores.quantity_value.add(counts)

    quotes = output.quotes
    remaining = list(gold.quotes)
    found = Counts()
    for q in quotes:
        where = (q["paragraph"], q["start"], q["end"])
        said = next((g for g in remaining if _overlaps(where, g[:3])), None)
        if said is None:
            found.fp += 1
            misses.append(f"quote-fp {gold.key} p{where[0]} [{q['text'][:40]}] {q['speaker']}")
            continue
        remaining.remove(said)
        found.tp += 1
        named = q.get("canonical") or q["speaker"]
        if _same_name(named, said[3]) or _fold(named) == _fold(said[3]):
            scores.speaker_contains += 1
        if _fold(named) == _fold(said[3]):
            scores.speaker_right += 1
        else:
            scores.speaker_missing += named is None
            shown = q["speaker"] if named == q["speaker"] else f"{q['speaker']} (canonical {named})"
            misses.append(f"speaker {gold.key} p{where[0]} [{q['text'][:30]}] pred={shown} gold={said[3]}")
    found.fn = len(remaining)
    for missed in remaining:
        p, s, e, speaker = missed
        misses.append(f"quote-fn {gold.key} p{p} [{paragraphs[p][s:e][:40]}] {speaker}")
    scores.quote_found.add(found)
    scores.articles += 1
    return misses


def agreement_path() -> Path:
    """A second annotation of 18 dev2 articles, by an annotator who saw neither marsad's
    output nor the first labels: how far two people following the guidelines agree."""
    return _gold_path().parent / "agreement_enrichment.jsonl"


def agreement() -> tuple[Scores, list[str]]:
    """The second annotation scored against dev2's labels as if it were marsad's output."""
    second = [json.loads(line) for line in agreement_path().read_text("utf-8").splitlines() if line.strip()]
    articles, problems = load_gold()
    by_key = {(a.source, a.key): a for a in articles}
    scores = Scores()
    for row in second:
        gold = by_key.get((row["source"], row["key"]))
        if gold is None or not gold.paragraphs:
            problems.append(f"{row['source']} {row['key']}: not in dev2")
            continue
        score_article(gold, scores, Output.of_labels(row, gold.paragraphs))
    return scores, problems


def evaluate(split: str | None = None) -> tuple[Scores, list[str], list[str]]:
    """Scores over the development gold set (or one split of it; `blind` for the blind set),
    the misses (never to be read for the blind set), and data problems."""
    if split == BLIND:
        files = blind_paths()
        if not files:
            return Scores(), [], ["no blind enrichment set in evaluation/data"]
        articles, problems = load_gold(paths=files)
    elif split == FIRST:
        articles, problems = load_gold(path=_gold_path())
    else:
        articles, problems = load_gold()
    scores = Scores()
    misses: list[str] = []
    for gold in articles:
        if split in (None, BLIND, FIRST) or gold.split == split:
            misses += score_article(gold, scores)
    return scores, misses, problems
