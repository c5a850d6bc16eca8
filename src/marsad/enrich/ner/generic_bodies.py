"""A body's head word or a judging adjective alone, or a generic body with a nationality, is no
organisation's name.

The tagger sometimes tags the head of a name it cannot reach (`منظمة “أوبك”`, where the
quotation marks part the name from its head), the head the article uses again for a body it
named (`وذكرت الوكالة`), or the adjective after a name (`تنظيم داعش الإرهابي`). Such a word,
alone in its span, names no one body (docs/guidelines/entities.md: generic bodies are no
names): the span is dropped. The words are in enrich/data/generic_bodies.txt. So is a generic
body with a nationality (`الجيش السوري`, `الحكومة المصرية`, `القوات الأمريكية`), which the
guidelines name as no name (enrich/data/nationality_adjectives.txt).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from marsad.enrich.data import fold_entry, nationality_adjectives, read_list
from marsad.enrich.ner.conll import entities, one_word_entities


@cache
def _generic() -> frozenset[str]:
    return frozenset(read_list("generic_bodies.txt"))


def drop_generic_bodies(tokens: list[str], tags: list[str], key: Callable[[str], str]) -> list[str]:
    """`tags` without one-word organisations whose word is a generic body's."""
    generic = _generic()
    for at in one_word_entities(tags, "ORG"):
        if key(tokens[at]) in generic:
            tags[at] = "O"
    return tags


# Bodies every state has: with a nationality they say whose, not which one (`الجيش الوطني` is a name).
# Not a parliament: the seed names `البرلمان العراقي` as the body it is, as `مجلس الشورى` is one.
_EVERY_STATES = frozenset(
    fold_entry(word) for word in ("الجيش", "الحكومة", "القوات", "الشرطة", "السلطات", "الأجهزة الأمنية")
)


def drop_bodies_by_nationality(tokens: list[str], tags: list[str], key: Callable[[str], str]) -> list[str]:
    """`tags` without two-word organisations that are a generic body and a nationality."""
    if "B-ORG" not in tags:
        return tags
    nationalities = nationality_adjectives()
    for kind, start, end in entities(tags):
        if (
            kind == "ORG"
            and end - start == 2
            and key(tokens[start]) in _EVERY_STATES
            and fold_entry(tokens[start + 1]) in nationalities
            and not (end < len(tokens) and tokens[end].startswith("ال"))  # ``الجيش السوري الحر``: a name
        ):
            tags[start] = tags[start + 1] = "O"
    return tags
