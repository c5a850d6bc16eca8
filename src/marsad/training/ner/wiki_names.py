"""Names as Arabic Wikipedia writes them, for the `wk=` features.

ANERcorp's 150,000 tokens name few of the world's towns, clubs and famous
people, and most names in the evaluation sets never occur in it. The
`arwikicats` package (MIT) ships the Arabic titles Arabic Wikipedia gives to
cities, regions, states, sports clubs and well-known people, as JSON tables
keyed by the English title. They are read where the package is installed,
never copied into marsad, and turned into word lists: each folded word of a
name with its type and whether it opens the name (`B-LOC`) or continues it
(`I-LOC`).

Words that occur in many names are heads (`مقاطعة`, `نادي`, `جزر`) or
connectors, not names: they are left out, so a feature fires on the name's
own words.

A training option (`marsad train ner --variant full+gzpos+wiki`,
`marsad train ner-neural --wiki`); the shipped model does not use it
(MODEL_CARD.md says what it scored).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import regex

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner.features import FeatureConfig, Lexicons

PACKAGE = "ArWikiCats"
# (file under the package's jsons/, entity type). Only tables of proper names:
# the package's job titles, film genres and taxa are left out.
TABLES: tuple[tuple[str, str], ...] = (
    ("cities/cities_full.json", "LOC"),
    ("geography/popopo.json", "LOC"),
    ("geography/P17_PP.json", "LOC"),
    ("geography/India_dd.json", "LOC"),
    ("geography/us_counties.json", "LOC"),
    ("sports/Clubs_key.json", "ORG"),
    ("people/peoples.json", "PER"),
)
# Nested tables of {group: {English: Arabic}}.
NESTED_TABLES: tuple[tuple[str, str], ...] = (
    ("geography/regions.json", "LOC"),
    ("geography/regions2.json", "LOC"),
)
# A word in more names than this is a head or a connector.
MAX_NAMES_PER_WORD = 12

_PARENTHESIS = regex.compile(r"\s*\([^)]*\)")
_ARABIC_WORD = regex.compile(r"^\p{Arabic}+$")


class WikiNamesMissing(RuntimeError):
    """The `arwikicats` package is not installed."""


def package_dir() -> Path:
    """Where `arwikicats` keeps its tables (found without importing the package)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise WikiNamesMissing(f"the {PACKAGE} package (pip name arwikicats) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "jsons"


def _titles(directory: Path) -> Iterator[tuple[str, str]]:
    """(Arabic title, type) of every name in the tables."""
    for relative, kind in TABLES:
        table = json.loads((directory / relative).read_text(encoding="utf-8"))
        yield from ((title, kind) for title in table.values() if isinstance(title, str))
    for relative, kind in NESTED_TABLES:
        groups = json.loads((directory / relative).read_text(encoding="utf-8"))
        for group in groups.values():
            yield from ((title, kind) for title in group.values() if isinstance(title, str))


def _raw_words(title: str) -> list[str]:
    return [word for word in _PARENTHESIS.sub("", title).replace("-", " ").split() if _ARABIC_WORD.match(word)]


def name_words(title: str) -> list[str]:
    """The folded words of one title, without its disambiguation (`ليمبورغ (بلجيكا)`)."""
    return [fold_for_search(word) for word in _raw_words(title)]


def word_lists(titles: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Folded word -> {B-TYPE, I-TYPE} over the titles, heads and connectors left out."""
    names = [(_raw_words(title), kind) for title, kind in titles]
    # Folding works letter by letter: one call over all the words is the same
    # as one call per word, and 20 times faster (this runs when the tagger loads).
    folded = iter(fold_for_search("\n".join(word for words, _ in names for word in words)).split("\n"))
    marks: dict[str, set[str]] = defaultdict(set)
    names_with: Counter[str] = Counter()
    whole: set[str] = set()
    for raw, kind in names:
        words = [next(folded) for _ in raw]
        names_with.update(set(words))
        if len(words) == 1:
            whole.add(words[0])
        for position, word in enumerate(words):
            marks[word].add(("B-" if position == 0 else "I-") + kind)
    # A word that is a whole name by itself (`لندن`) stays however many names
    # it is part of; a head (`مقاطعة`) never stands alone. Words of one or two
    # letters are particles and initials.
    return {
        word: frozenset(kinds)
        for word, kinds in marks.items()
        if len(word) > 2 and (word in whole or names_with[word] <= MAX_NAMES_PER_WORD)
    }


@lru_cache(maxsize=1)
def wiki_names() -> dict[str, frozenset[str]]:
    """The word lists of the installed `arwikicats` tables (loaded once)."""
    return word_lists(_titles(package_dir()))


def lists_sha256(lists: dict[str, frozenset[str]]) -> str:
    """A fingerprint of the word lists, kept with a model trained on them."""
    rows = "\n".join(f"{word}\t{','.join(sorted(kinds))}" for word, kinds in sorted(lists.items()))
    return hashlib.sha256(rows.encode("utf-8")).hexdigest()


def with_wiki(lexicons: Lexicons, config: FeatureConfig, trained_on: object = None) -> Lexicons:
    """`lexicons` with the Wikipedia name lists when `config` uses them (read from arwikicats).

    `trained_on` is the fingerprint of the lists the model learned; other lists
    (another arwikicats release) still work, with a warning: the features shift."""
    if config.wiki and not lexicons.wiki:
        lexicons.wiki = wiki_names()
        if isinstance(trained_on, str) and trained_on != lists_sha256(lexicons.wiki):
            warnings.warn(
                "the installed arwikicats tables differ from those the NER model was trained with; "
                "install the version pinned in pyproject.toml for the published scores",
                stacklevel=2,
            )
    return lexicons
