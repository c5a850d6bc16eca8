"""A country whose name is also its adjective, read as the adjective: `السعودية` of `الشركة السعودية`.

`السعودية` is Saudi Arabia, and it is "Saudi" (feminine) too: right after a definite noun it
describes the noun (`الخطوط السعودية`, `العاصمة السعودية`, `الحدود السعودية اليمنية`,
`العلاقات المصرية السعودية`) and names no place. The tagger tags both as the country; over the
development sets of the news it was the commonest false place (36 articles where the country is
never named as a noun). The full name (`المملكة العربية السعودية`) and the noun elsewhere in the
article (`زار السعودية`) stay places.

A town's name followed by its country's adjective (`ميلانو الإيطالية`, `ساو باولو البرازيلية`,
`ميناء جيهان التركي`) is the town: the adjective describes it, as a nationality describes a
person (`اللاعب البرازيلي نيمار`), and leaves the place's span. After a definite word the
adjective is part of the name (`شبه الجزيرة الكورية`, `الولايات المتحدة الأمريكية`).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.enrich.data import nationalities
from marsad.enrich.ner.conll import entities

__all__ = ["ADJECTIVE_COUNTRIES", "describes", "drop_adjective_places", "drop_trailing_nationalities"]

# Folded: countries whose name is the feminine of their adjective.
ADJECTIVE_COUNTRIES = frozenset({"السعوديه"})
# Words before the name that make it the country's own name, not an adjective.
_OWN_NAME = frozenset({"العربيه"})


def _previous_word(keys: Sequence[str], index: int) -> str | None:
    """The word before `index`, past up to two quotation marks (`صحيفة "الشرق" السعودية`)."""
    return next((keys[k] for k in range(index - 1, max(-1, index - 4), -1) if any(map(str.isalpha, keys[k]))), None)


def describes(keys: Sequence[str], index: int) -> bool:
    """Whether the word at `index` (a key of `ADJECTIVE_COUNTRIES`) is the adjective of the word
    before it: a definite feminine one (ending in ة or ات, or itself an adjective), as the
    adjective agrees; after a man's title (`زار الرئيس السعودية`) the name is the object."""
    previous = _previous_word(keys, index)
    return (
        previous is not None
        and previous.startswith("ال")
        and previous.endswith(("ه", "ات"))
        and previous not in _OWN_NAME
    )


def drop_adjective_places(keys: Sequence[str], tags: list[str]) -> list[str]:
    """Untag a one-word place in `ADJECTIVE_COUNTRIES` that describes the word before it."""
    for index, key in enumerate(keys):
        if key not in ADJECTIVE_COUNTRIES or tags[index] != "B-LOC":
            continue
        if index + 1 < len(tags) and tags[index + 1] == "I-LOC":
            continue
        if describes(keys, index):
            tags[index] = "O"
    return tags


def drop_trailing_nationalities(keys: Sequence[str], tags: list[str]) -> list[str]:
    """Untag the nationality adjective that closes a place's span after an indefinite word."""
    adjectives = nationalities()
    for kind, start, end in entities(tags):
        last = end - 1
        if kind == "LOC" and last > start and keys[last] in adjectives and not keys[last - 1].startswith("ال"):
            tags[last] = "O"
    return tags
