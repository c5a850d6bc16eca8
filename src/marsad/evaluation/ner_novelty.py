"""How an evaluation set differs from what the tagger was trained on.

A set's score follows from two things a model does not choose: how many names
of each type it holds (persons and organisations are the hard types) and how
many of them never occur in the training data (a name seen in training is
mostly found again; an unseen one has to be read from its context and
letters). `marsad eval ner --profile` prints both per set, beside the dev
split, so a gap between dev and test can be read as a shift of the data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner.conll import Sentence, entities

PROFILE_TYPES = ("PER", "LOC", "ORG", "MISC")
Tagger = Callable[[Sequence[Sequence[str]]], list[list[str]]]


def _folded(tokens: Sequence[str], start: int, end: int) -> str:
    return " ".join(fold_for_search(token) for token in tokens[start:end])


def names(sentences: Sequence[Sentence]) -> list[tuple[str, str]]:
    """(type, folded name) of every gold entity, in order."""
    return [(kind, _folded(tokens, start, end)) for tokens, tags in sentences for kind, start, end in entities(tags)]


@dataclass(slots=True)
class Profile:
    name: str
    tokens: int
    entities: Counter[str] = field(default_factory=Counter)
    unseen: Counter[str] = field(default_factory=Counter)
    # With a tagger: gold entities it found exactly, by (type, seen in training).
    found: Counter[tuple[str, bool]] | None = None

    def per_thousand(self, kind: str) -> float:
        return 1000 * self.entities[kind] / self.tokens if self.tokens else 0.0

    def unseen_share(self, kind: str | None = None) -> float:
        """Share of the entities (of `kind`, or all) whose folded name no training entity has."""
        total = self.entities[kind] if kind else sum(self.entities.values())
        missing = self.unseen[kind] if kind else sum(self.unseen.values())
        return missing / total if total else 0.0

    def recall(self, kind: str, seen: bool) -> float | None:
        """The tagger's recall on the entities of `kind` that training named (`seen`) or did not."""
        if self.found is None:
            return None
        total = self.entities[kind] - self.unseen[kind] if seen else self.unseen[kind]
        return self.found[kind, seen] / total if total else None


def profile(
    name: str, training: Sequence[Sentence], sentences: Sequence[Sentence], tagger: Tagger | None = None
) -> Profile:
    """Entities per type of `sentences`, how many of them `training` never names (under any
    type) and, given a tagger, its recall on each part."""
    seen = {folded for _, folded in names(training)}
    result = Profile(name, sum(len(tokens) for tokens, _ in sentences))
    predicted = tagger([tokens for tokens, _ in sentences]) if tagger else None
    if predicted is not None:
        result.found = Counter()
    for index, (tokens, tags) in enumerate(sentences):
        tagged = set(entities(predicted[index])) if predicted is not None else set()
        for kind, start, end in entities(tags):
            known = _folded(tokens, start, end) in seen
            result.entities[kind] += 1
            if not known:
                result.unseen[kind] += 1
            if result.found is not None and (kind, start, end) in tagged:
                result.found[kind, known] += 1
    return result


def format_profile(result: Profile) -> str:
    types = "  ".join(
        f"{kind} {result.per_thousand(kind):4.1f}/1k ({result.unseen_share(kind):.0%} unseen{_recalls(result, kind)})"
        for kind in PROFILE_TYPES
        if result.entities[kind]
    )
    total = sum(result.entities.values())
    return (
        f"{result.name:14s} {result.tokens:6d} tokens, {1000 * total / result.tokens:5.1f} entities/1k, "
        f"{result.unseen_share():.0%} unseen in training  | {types}"
    )


def _recalls(result: Profile, kind: str) -> str:
    seen, unseen = result.recall(kind, True), result.recall(kind, False)
    if seen is None and unseen is None:
        return ""
    return f"; R seen {_share(seen)}, unseen {_share(unseen)}"


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
