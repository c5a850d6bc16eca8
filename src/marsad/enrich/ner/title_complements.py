"""A governor's place is no word of his name: `حاكم ويسكونسن سكوت ووكر`, `محافظ أملج زياد البازعي`.

After a title that governs a place (`حاكم`, `محافظ`, `عمدة`, `سيناتور`), the tagger sometimes
reads the place and the person as one person. Where it did (a person of three words or more
right after such a title the tagger left out), the first word is the place the title
governs: a place of its own, and the person's name starts after it; so where the title itself
opened the span (`سيناتور تكساس`, `حاكم أركنساس مايك هاكابي`). In 1,500 articles of the news 5
spans after such a title, all of this kind. A person that opens with a place or a body the article
(or the shipped lists) names alone is split the same way (`مدير تعليم جازان عثمان عريبي`, `العضو
المنتدب في موبايلي خليفة الشامسي`), the title before it being any (`split_leading_places`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from marsad.enrich.data import fold_entry
from marsad.enrich.ner.conll import entities
from marsad.given_names import given_names

_GOVERNS_A_PLACE = frozenset(fold_entry(word) for word in ("حاكم", "محافظ", "عمدة", "سيناتور", "السيناتور"))
_MIN_WORDS = 3  # the place, then a name of two words at least


def split_governed_places(tokens: list[str], tags: list[str], key: Callable[[str], str]) -> list[str]:
    """`tags` with a person right after a place-governing title split into the place and the person."""
    if "B-PER" not in tags:
        return tags
    for kind, start, end in entities(tags):
        if kind != "PER":
            continue
        if key(tokens[start]) in _GOVERNS_A_PLACE and end - start in (2, _MIN_WORDS + 1):
            # ``سيناتور تكساس``, ``حاكم أركنساس مايك هاكابي``: the title inside the span
            tags[start] = "O"
            start += 1
            tags[start] = "B-LOC"
            if end - start > 1:
                tags[start + 1] = "B-PER"
            continue
        if (
            end - start >= _MIN_WORDS
            and start > 0
            and tags[start - 1] == "O"
            and key(tokens[start - 1]) in _GOVERNS_A_PLACE
        ):
            tags[start] = "B-LOC"
            tags[start + 1] = "B-PER"
    return tags


def split_leading_places(
    tokens: list[str], tags: list[str], key: Callable[[str], str], names: Mapping[tuple[str, ...], str]
) -> list[str]:
    """`tags` with a person that opens with a place or a body the article or the lists name alone
    (`مدير تعليم جازان عثمان عريبي` read as one person `جازان عثمان عريبي`, `العضو المنتدب في موبايلي
    خليفة الشامسي` as `موبايلي خليفة الشامسي`) split into that name and the person; the first word
    is no given name (`عمان`, `جدة`), and two words of the name stay."""
    if "B-PER" not in tags:
        return tags
    given = given_names()
    for kind, start, end in entities(tags):
        if kind != "PER" or end - start < _MIN_WORDS:
            continue
        first = key(tokens[start])
        named = names.get((first,))
        if named in ("LOC", "ORG") and first not in given:
            tags[start] = f"B-{named}"
            tags[start + 1] = "B-PER"
    return tags
