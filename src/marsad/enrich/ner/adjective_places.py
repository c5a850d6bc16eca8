"""A country whose name is also its adjective, read as the adjective: `السعودية` of `الشركة السعودية`.

`السعودية` is Saudi Arabia, and it is "Saudi" (feminine) too: right after a definite noun it
describes the noun (`الخطوط السعودية`, `العاصمة السعودية`, `الحدود السعودية اليمنية`,
`العلاقات المصرية السعودية`) and names no place. The tagger tags both as the country; over the
development sets of the news it was the commonest false place (36 articles where the country is
never named as a noun). The full name (`المملكة العربية السعودية`) and the noun elsewhere in the
article (`زار السعودية`) stay places.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["ADJECTIVE_COUNTRIES", "describes", "drop_adjective_places"]

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
