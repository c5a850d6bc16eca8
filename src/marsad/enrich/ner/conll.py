"""Reading CoNLL files and scoring IOB2 tags the way the CoNLL script does."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

TYPES = ("PER", "LOC", "ORG", "MISC")
# ANERcorp spells the person type PERS; everything else already matches.
_TYPE_ALIASES = {"PERS": "PER", "PERSON": "PER", "GPE": "LOC", "ORGANIZATION": "ORG", "LOCATION": "LOC"}

Sentence = tuple[list[str], list[str]]


def normalize_tag(tag: str, keep: Iterable[str] = TYPES) -> str:
    """`B-PERS` → `B-PER`; tags of types outside `keep` become `O`."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    kind = _TYPE_ALIASES.get(kind, kind)
    if kind not in keep or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{kind}"


def parse_conll(lines: Iterable[str]) -> list[list[list[str]]]:
    """Sentences as lists of whitespace-split rows; blank lines separate sentences."""
    sentences: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in lines:
        row = line.split()
        if not row:
            if current:
                sentences.append(current)
            current = []
        elif not line.startswith("-DOCSTART-"):
            current.append(row)
    if current:
        sentences.append(current)
    return sentences


def read_labelled(path: Path, keep: Iterable[str] = TYPES) -> list[Sentence]:
    """(tokens, tags) per sentence, tags in the last column normalised to our types."""
    keep = tuple(keep)
    text = path.read_text(encoding="utf-8")
    result: list[Sentence] = []
    for rows in parse_conll(text.splitlines()):
        tokens = [row[0] for row in rows]
        tags = [normalize_tag(row[-1], keep) if len(row) > 1 else "O" for row in rows]
        result.append((tokens, tags))
    return result


def entities(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(type, start, end) chunks under CoNLL rules: an I- after O or after a
    different type starts a new entity, as conlleval counts it."""
    chunks: list[tuple[str, int, int]] = []
    kind: str | None = None
    start = 0
    for i, tag in enumerate(tags):
        # Most tags are O, and every pass over a record's sentences chunks them again.
        if tag == "O":
            if kind is not None:
                chunks.append((kind, start, i))
                kind = None
            continue
        prefix, _, this = tag.partition("-")
        if prefix == "I" and this == kind:
            continue
        if kind is not None:
            chunks.append((kind, start, i))
            kind = None
        if prefix in ("B", "I"):
            kind, start = this, i
    if kind is not None:
        chunks.append((kind, start, len(tags)))
    return chunks


def one_word_entities(tags: Sequence[str], kind: str) -> list[int]:
    """Where the entities of `kind` one token long stand, as `entities` chunks them (cheaper:
    the record passes ask it of every sentence)."""
    begin, inside = "B-" + kind, "I-" + kind
    if begin not in tags and inside not in tags:
        return []
    last = len(tags) - 1
    return [
        i
        for i, tag in enumerate(tags)
        if (tag == begin or (tag == inside and (i == 0 or tags[i - 1] not in (begin, inside))))
        and (i == last or tags[i + 1] != inside)
    ]


@dataclass(slots=True)
class Scores:
    true_positive: Counter[str]
    predicted: Counter[str]
    gold: Counter[str]

    @staticmethod
    def _f1(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def micro(self) -> tuple[float, float, float]:
        return self._f1(sum(self.true_positive.values()), sum(self.predicted.values()), sum(self.gold.values()))

    def per_type(self) -> dict[str, tuple[float, float, float]]:
        kinds = sorted(set(self.gold) | set(self.predicted))
        return {k: self._f1(self.true_positive[k], self.predicted[k], self.gold[k]) for k in kinds}


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> Scores:
    """Entity-level precision/recall/F1 counts over aligned tag sequences."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        gold_set = set(entities(gold_tags))
        pred_set = set(entities(pred_tags))
        n_gold.update(kind for kind, _, _ in gold_set)
        n_pred.update(kind for kind, _, _ in pred_set)
        tp.update(kind for kind, _, _ in gold_set & pred_set)
    return Scores(tp, n_pred, n_gold)


def to_iob2(tags: Sequence[str]) -> list[str]:
    """Repair a predicted sequence so every entity opens with B-."""
    out: list[str] = []
    for kind, start, end in entities(tags):
        while len(out) < start:
            out.append("O")
        out.append(f"B-{kind}")
        out.extend(f"I-{kind}" for _ in range(start + 1, end))
    out.extend("O" for _ in range(len(out), len(tags)))
    return out
