"""The NER evaluation: ANERcorp test and AQMAR, entity-level F1 under CoNLL rules."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.enrich.ner.conll import normalize_tag, read_labelled, score

Tagger = Callable[[Sequence[Sequence[str]]], list[list[str]]]

# (name, path under shared/, entity types kept)
DATASETS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("anercorp-test", "data/ner/anercorp/test.txt", ("PER", "LOC", "ORG", "MISC")),
    ("aqmar", "data/ner/aqmar/aqmar.conll", ("PER", "LOC", "ORG")),
)


@dataclass(slots=True)
class Result:
    name: str
    sentences: int
    tokens: int
    micro_f1: float
    precision: float
    recall: float
    per_type_f1: dict[str, float]
    tokens_per_second: float


def evaluate_dataset(name: str, path: Path, keep: tuple[str, ...], tagger: Tagger, limit: int | None = None) -> Result:
    # Types outside `keep` (AQMAR's MISC) are dropped from both sides: a gold
    # MISC left in would count as a missed entity that no kept type can find.
    sentences = read_labelled(path, keep)[:limit]
    tokens = [t for t, _ in sentences]
    started = time.perf_counter()
    predicted = tagger(tokens)
    seconds = time.perf_counter() - started
    predicted = [[normalize_tag(t, keep) for t in tags] for tags in predicted]
    scores = score([tags for _, tags in sentences], predicted)
    precision, recall, f1 = scores.micro()
    n_tokens = sum(len(t) for t in tokens)
    return Result(
        name=name,
        sentences=len(sentences),
        tokens=n_tokens,
        micro_f1=f1,
        precision=precision,
        recall=recall,
        per_type_f1={k: v[2] for k, v in scores.per_type().items() if k in keep},
        tokens_per_second=n_tokens / seconds if seconds else float("inf"),
    )


def floors(kind: str = "neural") -> dict[str, float]:
    """The pinned minimum micro F1 per dataset (`marsad eval ner --check`) of the tagger `kind`:
    the accurate tagger's are under `"accurate"`, every other kind's at the top level."""
    text = (resources.files("marsad") / "models" / "ner" / "floors.json").read_text(encoding="utf-8")
    table = json.loads(text)
    if kind == "accurate":
        table = table.get("accurate", {})
    return {k: float(v) for k, v in table.items() if not k.startswith("_") and not isinstance(v, dict)}
