"""A noun with its pronoun after a person the article named is the verb's object, not a name.

`وأبدى رانييري رضاه عن المستوى`: the tagger sometimes runs a person on into the next word
when that word is a noun with its pronoun (`رضاه`, "his satisfaction"), the object of the verb
before the name. Arabic writes a name's feminine ending `ة`, so a last word in `ه` after a
person is such a noun when the words before it are (the end of) a person the article names
elsewhere, and the word is no given name (`محمد عبده`, `طه`) nor God's (`عبد الله`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from marsad.enrich.data import fold_entry
from marsad.enrich.ner.conll import entities
from marsad.given_names import given_names

_MIN_LETTERS = 4  # `طه`: a short word in `ه` is a name
_NAME_LINKS = frozenset({"عبد", "ابو", "بن"})  # `عبده` is `عبد` + `ه` to the stemmer, and a name


def _possessed(word: str) -> bool:
    return len(word) >= _MIN_LETTERS and word.endswith("ه") and not word.endswith("له")


def cut_possessed_tails(
    tokens: list[str], tags: list[str], key: Callable[[str], str], names: Mapping[tuple[str, ...], str]
) -> list[str]:
    """`tags` with a person's last word cut off where it is a noun with its pronoun and the words
    before it end a person the article (or the lists) name."""
    if "B-PER" not in tags:
        return tags
    given = given_names()
    persons: set[tuple[str, ...]] | None = None
    for kind, start, end in entities(tags):
        if kind != "PER" or end - start < 2 or not _possessed(tokens[end - 1]):
            continue
        last = key(tokens[end - 1])
        if fold_entry(tokens[end - 1]) in given or last in _NAME_LINKS:
            continue
        if persons is None:
            persons = {name for name, type_ in names.items() if type_ == "PER"}
        rest = tuple(key(token) for token in tokens[start : end - 1])
        if any(name[-len(rest) :] == rest for name in persons if len(name) >= len(rest) and name != (*rest, last)):
            tags[end - 1] = "O"
    return tags
