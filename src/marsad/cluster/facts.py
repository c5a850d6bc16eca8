"""The names a text is about, to tell a templated statement from a repeat of it.

Official texts follow templates: a congratulation telegram to one head of
state reads like the one sent to another, word for word but for the country
and the name. MinHash sees near-identical texts; the facts differ. A repeat of
one story may drop or add a name (an extra quote, a trimmed ending) or spell
one otherwise, but it does not swap several names for several others, so two
texts *conflict* when each names at least two people or places the other never
mentions.

Names are the folded words the NER gazetteer lists as people or places, after
the clitics Arabic glues on. Numbers were tried as facts too; on our labelled
pairs, repeats differ in their numbers (a date line, 3,800 written as 3.8
thousand) about as often as templates do, so they are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["MIN_DIFFERING", "Facts", "conflict", "differing", "one_edit", "text_facts"]

# Names each text must have that the other lacks before the two conflict: one
# is an added quote or a dropped title, two on each side a swapped subject.
MIN_DIFFERING = 2
_MIN_NAME = 3
_NAME_TYPES = ("PER", "LOC")
_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "ول", "وب", "فل", "فب", "و", "ب", "ل", "ف", "ك")
_PREFIX_STARTS = frozenset(prefix[0] for prefix in _PREFIXES)


@lru_cache(maxsize=1)
def _gazetteer_names() -> frozenset[str]:
    text = (resources.files("marsad") / "models" / "ner" / "gazetteer.tsv").read_text(encoding="utf-8")
    names = set()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, kind = line.partition("\t")
        if kind.endswith(_NAME_TYPES) and len(word) >= _MIN_NAME:
            names.add(word)
    return frozenset(names)


def _name(word: str, gazetteer: frozenset[str]) -> str | None:
    if word in gazetteer:
        return word
    if word[:1] not in _PREFIX_STARTS:
        return None
    for prefix in _PREFIXES:
        if word.startswith(prefix) and word[len(prefix) :] in gazetteer:
            return word[len(prefix) :]
    return None


@dataclass(frozen=True, slots=True)
class Facts:
    names: frozenset[str]


def text_facts(words: Iterable[str]) -> Facts:
    """The facts of a text given as folded words (`minhash.folded_words`)."""
    gazetteer = _gazetteer_names()
    found = {name for word in set(words) if (name := _name(word, gazetteer)) is not None}
    return Facts(frozenset(found))


def one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one letter changed, added or dropped."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _mentioned(name: str, other: frozenset[str], other_only: frozenset[str]) -> bool:
    """Whether `other` mentions `name` in another spelling or split: عبد اللطيف /
    عبداللطيف, سوريا / سوريه."""
    for word in other_only:
        if word.startswith(name) or word.endswith(name) or name.startswith(word) or name.endswith(word):
            return True
        if min(len(word), len(name)) >= 4 and one_edit(word, name):
            return True
    # A joined name whose parts the other text writes apart.
    return any(name.startswith(part) and name[len(part) :] in other for part in other if part != name)


def differing(own: frozenset[str], other: frozenset[str]) -> int:
    """How many names of `own` the text with names `other` never mentions, in any spelling."""
    only_own = own - other
    only_other = other - own
    return sum(not _mentioned(name, other, only_other) for name in only_own)


def conflict(a: Facts, b: Facts) -> bool:
    """Whether each text names at least MIN_DIFFERING people or places the other does not."""
    return differing(a.names, b.names) >= MIN_DIFFERING and differing(b.names, a.names) >= MIN_DIFFERING
