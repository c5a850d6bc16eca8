"""Name lists for the `gz=` features: place names from babel's CLDR data and
names seen in the training data.

Names from the training data are token lists with the share of a word's
occurrences that fall inside an entity of each type, so that a word like
`وزارة` (usually inside an ORG name, but a common noun too) is only listed
when it is mostly a name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner.conll import Sentence, entities

Keyer = Callable[[str], str]


def babel_places() -> dict[str, set[str]]:
    """Arabic country, region and city names from CLDR (training time only)."""
    from babel import Locale  # the `ner-train` extra

    locale = Locale("ar")
    names = [name for code, name in locale.territories.items() if not code.isdigit() or len(code) == 3]
    names += [zone["city"] for zone in locale.time_zones.values() if zone.get("city")]
    places: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for word in name.replace("-", " ").split():
            if len(word) > 2 and not word.startswith("("):
                places[fold_for_search(word)].add("LOC")
    return places


def names_from(
    sentences: Iterable[Sentence], key: Keyer, min_share: float = 0.5, positions: bool = False
) -> dict[str, set[str]]:
    """Words that are mostly parts of names in `sentences`, with their types
    (`B-ORG` / `I-ORG` for a name's first and later words with `positions`)."""
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    for tokens, tags in sentences:
        keys = [key(token) for token in tokens]
        total.update(keys)
        for kind, start, end in entities(tags):
            for i in range(start, end):
                label = (("B-" if i == start else "I-") + kind) if positions else kind
                inside[keys[i]][label] += 1
    found: dict[str, set[str]] = {}
    for word, kinds in inside.items():
        selected = {kind for kind, n in kinds.items() if n / total[word] >= min_share}
        if selected and len(word) > 1:
            found[word] = selected
    return found


def merge(*lists: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    merged: dict[str, set[str]] = defaultdict(set)
    for names in lists:
        for word, kinds in names.items():
            merged[word].update(kinds)
    return {word: frozenset(kinds) for word, kinds in merged.items()}


def write_tsv(gazetteer: Mapping[str, Iterable[str]]) -> str:
    lines = ["# folded word\ttype"]
    for word in sorted(gazetteer):
        lines.extend(f"{word}\t{kind}" for kind in sorted(gazetteer[word]))
    return "\n".join(lines) + "\n"
