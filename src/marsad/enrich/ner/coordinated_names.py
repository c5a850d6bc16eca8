"""Two people the tagger read as one name: `دانيال وسعيدو`, `جوارديولا وميسي`, `عطيف والغامدي`.

A name goes on with `و` + a word only where that word is a name of its own (`ووكر`, `ويب`,
`ولد` in `إسماعيل ولد ...`, `وهبي`): a word the news writes often as it stands. A word that is
`و` and a name the news knows better alone (`وميسي`, `وفراس`), or `و` + the article
(`والغامدي`), joins a second person. Over the persons of 600 other news articles, 64 spans
held such a word inside; the split is right in 40 of the 41 it makes (`روس ويليس`, written
nowhere else, is cut), and the 23 left whole are names but for four. Two bodies read as one
split the same way at `و` + a body's head word (`البنك الدولي والصندوق العربي`).
"""

from __future__ import annotations

from marsad.arabic.normalize import fold_word
from marsad.enrich.ner.conll import entities
from marsad.enrich.ner.organisation_phrases import is_head
from marsad.enrich.ner.spans import and_then_name

__all__ = ["split_coordinated_bodies", "split_coordinated_people", "split_listed_people"]

_SHORTEST = 3  # `و` + two letters


def _joins_another(token: str) -> bool:
    return len(token) >= _SHORTEST and token[0] == "و" and (token.startswith("وال") or and_then_name(token))


def _describes_next(tokens: list[str], tags: list[str], k: int) -> bool:
    """`مودي والباكستاني نواز شريف`: `و` + an adjective of origin before the person the tagger
    found next describes that person (`والبخاري` alone is a surname)."""
    token = tokens[k]
    return token.startswith("وال") and token.endswith(("ي", "ى")) and k + 1 < len(tags) and tags[k + 1] == "B-PER"


def split_coordinated_people(tokens: list[str], tags: list[str]) -> list[str]:
    """`tags` with each person that runs on over `و` + another name cut in two."""
    for kind, start, end in entities(tags):
        if kind != "PER":
            continue
        for k in range(start + 1, end):
            if not _joins_another(tokens[k]):
                continue
            alone = k + 1 == end or tags[k + 1] != "I-PER"
            tags[k] = "O" if alone and _describes_next(tokens, tags, k) else "B-PER"
    return tags


_SON_OF = frozenset({"بن", "بنت", "ابن"})
_LINKS = frozenset({"بن", "بنت", "ابن", "ال", "عبد", "ابو", "ام"})


def split_listed_people(tokens: list[str], tags: list[str]) -> list[str]:
    """`tags` with each person cut in two where a family name is followed by another's given name and
    his father's (`ناصر بن سلطان الشريف فهد بن عبدالعزيز بن معمر`: two guests listed without `و`)."""
    for kind, start, end in entities(tags):
        if kind != "PER":
            continue
        words = [fold_word(token) for token in tokens[start:end]]
        for k in range(2, len(words) - 1):
            family = words[k - 1]
            if (
                family.startswith("ال")
                and len(family) > 3
                and words[k - 2] not in _LINKS
                and not words[k].startswith("ال")
                and words[k + 1] in _SON_OF
                and not _SON_OF.isdisjoint(words[: k - 1])
            ):
                tags[start + k] = "B-PER"
    return tags


def _another_body(token: str) -> bool:
    """`والصندوق`, `ولجنة`: `و` and a body's head word, with or without the article."""
    folded = fold_word(token)
    rest = folded[1:]
    return folded[:1] == "و" and (is_head(rest) or (rest.startswith("ال") and is_head(rest[2:])))


def split_coordinated_bodies(tokens: list[str], tags: list[str]) -> list[str]:
    """`tags` with each organisation that runs on over `و` + another body's head cut in two
    (`البنك الدولي والصندوق العربي`, `لجنة الاتحاد الجمركي ولجنة السوق الخليجية المشتركة`)."""
    for kind, start, end in entities(tags):
        if kind != "ORG":
            continue
        for k in range(start + 1, end):
            if _another_body(tokens[k]):
                tags[k] = "B-ORG"
    return tags
