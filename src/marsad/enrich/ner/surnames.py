"""A person's name the tagger cut after its first word goes on over the surname after it.

`وأطلقها المحامي ممدوح نخلة مدير المركز`, `إيمان حموضة، وكرمل إسماعيل`: the tagger gives
`ممدوح`, `إيمان` alone, and the article never writes the name again in full, so nothing
links the short form to it. A one-word person followed by an untagged word that the news
seldom writes except as a name (not in `common_words`), that is no function word, title,
speech verb or participle, nor shaped like a verb, takes that word in; a formula (`فيصل رحمه
الله`) does not. Only a word that opens people's names in the tagger's training data starts
such a name (`given_names`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from marsad.enrich.data import read_list
from marsad.enrich.ner.article import FUNCTION_WORDS
from marsad.enrich.ner.conll import one_word_entities
from marsad.enrich.ner.shipped_lists import common_words
from marsad.given_names import given_names


@cache
def _never_surnames() -> frozenset[str]:
    lists = (
        "cue_verbs.txt",
        "cue_participles.txt",
        "speaker_titles.txt",
        "titles_of_address.txt",
        "titles_before_names.txt",
    )
    return frozenset(word for name in lists for word in read_list(name))


def extend_surnames(tokens: list[str], tags: list[str], key: Callable[[str], str]) -> list[str]:
    """`tags` with each one-word person extended over a name-like untagged word after it."""
    common = common_words()
    never = _never_surnames()
    given = given_names()
    for start in one_word_entities(tags, "PER"):
        end = start + 1
        if end >= len(tokens) or tags[end] != "O" or key(tokens[start]) not in given:
            continue
        word = tokens[end]
        folded = key(word)
        if (
            len(folded) < 3
            or not word.isalpha()
            or word in FUNCTION_WORDS
            or folded in common
            or folded in never
            or (word[:1] in "وف" and key(word[1:]) in common)
            or _verb_shaped(word)
            or (end + 1 < len(tokens) and tokens[end + 1] == "الله")
        ):
            continue
        tags[end] = "I-PER"
    return tags


def _verb_shaped(word: str) -> bool:
    """Not a surname's shape: an imperfect or future verb (`سيبحث`, `يؤكدان`), a plural past
    (`تراجعوا`), a tenth form (`استقدمت`), a word after `و`/`ف` (`والتحاقه`, `فيحطم`), an
    accusative's alif (`موسى إماما`), a plural pronoun (`صلاح معتقدهم`)."""
    return (
        word[:1] in "يوف"
        or word[:2] in ("سي", "ست", "سن")
        or word.startswith("است")
        or word.endswith(("وا", "ون", "ا", "اً", "هم", "ها"))
    )
