"""The word lists the tagger's passes read, as shipped in `marsad/models/ner`.

They are written by the list builders in `marsad.training.ner` (`marsad train
ner-common-words`, `ner-places`, `ner-institutions`, `ner-place-votes`) from the news collections;
here they are only read. A list that is absent reads as empty.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

COMMON_WORDS_FILE = "common_words.tsv"
PLACES_FILE = "places.tsv"
INSTITUTIONS_FILE = "institutions.tsv"
PLACE_VOTES_FILE = "place_votes.tsv"
# Name keys (folded, clitics off) of the words that open an institution's name.
HEADS = frozenset(
    {
        "وزاره", "هييه", "مجلس", "ديوان", "امانه", "بلديه", "جامعه", "محكمه", "المحكمه", "مستشفي", "منظمه",
        "وكاله", "صندوق", "الاتحاد", "اتحاد", "حزب", "جماعه", "شركه", "بنك", "نادي", "جمعيه", "موسسه",
    }
)  # fmt: skip
# Heads that also open descriptions (`المركز الأول` is a rank, `المجلس البلدي` any town's council,
# `النادي السعودي` any Saudi club): their names need two more words (`الهيئة العامة للطيران المدني`,
# `المؤسسة العامة للتأمينات الاجتماعية`, `مركز الدفاع المدني`).
LONG_HEADS = (
    frozenset({"ال" + head for head in HEADS} | {"مركز", "المركز", "اللجنه", "الاداره", "المديريه", "القياده"}) - HEADS
)


def _shipped_lines(file: str) -> list[str]:
    path = resources.files("marsad") / "models" / "ner" / file
    if not path.is_file():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Name keys (`article.name_key_for`) of words that are names only now and then: one-word
    names among them are never propagated across an article (`training.ner.common_words`)."""
    return frozenset(line.split("\t", 1)[0] for line in _shipped_lines(COMMON_WORDS_FILE))


def shipped_names(file: str, kind: str) -> dict[tuple[str, ...], str]:
    """A shipped list (first column: name keys) as names of `kind` for `mark_names`."""
    return {tuple(line.split("\t", 1)[0].split()): kind for line in _shipped_lines(file)}


@lru_cache(maxsize=1)
def news_places() -> dict[tuple[str, ...], str]:
    """The towns the news names after `مدينة`, `محافظة`, ... as one-word LOC names
    (`training.ner.news_places`)."""
    return shipped_names(PLACES_FILE, "LOC")


@lru_cache(maxsize=1)
def news_institutions() -> dict[tuple[str, ...], str]:
    """The institutions the news names again and again as ORG names (`training.ner.news_institutions`)."""
    return shipped_names(INSTITUTIONS_FILE, "ORG")


@lru_cache(maxsize=1)
def place_votes() -> frozenset[tuple[str, ...]]:
    """Names of one or two words our tagger calls a place often enough in the news
    (`training.ner.place_votes`): the world towns (`world_towns`) that may mark words."""
    return frozenset(tuple(line.split("\t", 1)[0].split()) for line in _shipped_lines(PLACE_VOTES_FILE))
