"""Who a cue's subject names, and the fullest name for it in the article.

A subject such as ``الرئيس الأمريكي جو بايدن`` is descriptors (titles, the
words that complete them, nisbas) followed by a name; ``مكتب الكاظمي`` and
``وزارة الداخلية`` start with an organisation word and are speakers as a
whole. A short name (``بايدن``) resolves to the longest name in the article
that ends with it (``جو بايدن``); a bare descriptor (``الرئيس الأمريكي``)
resolves to the name that descriptor introduced earlier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from marsad.enrich.data import fold_entry, read_list

__all__ = ["NameBook", "Word"]

TITLES = frozenset(read_list("speaker_titles.txt"))
# ``الأمريكي``, ``السويسري``: a nisba adjective before a name describes its bearer.
_NISBA = regex.compile(r"(?:وال|ال)\p{L}{2,}ي")
ORGANISATIONS = frozenset(read_list("speaker_organisations.txt"))
NAME_STOPS = frozenset(read_list("name_stops.txt"))

_MAX_NAME_WORDS = 4


@dataclass(slots=True, frozen=True)
class Word:
    """A word of the folded text, with offsets in the original paragraph."""

    folded: str
    original: str


def _strip_article(word: str) -> str:
    for prefix in ("وال", "بال", "لل", "ال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix):]
    return word


def _descriptor_at(words: Sequence[Word | None], i: int) -> bool:
    word = words[i]
    return word is not None and is_descriptor(word.folded) and word.folded not in NAME_STOPS


def _name_word_at(words: Sequence[Word | None], i: int, name_start: int) -> bool:
    word = words[i]
    if word is None or word.folded in NAME_STOPS or word.folded in TITLES or word.folded.startswith("وال"):
        return False
    following = words[i + 1] if i + 1 < len(words) else None
    if word.folded.startswith("ال") and following is not None and following.folded.startswith("ال"):
        return False  # ``فيدرر المصنف الأول``: two article words start a description
    return i == name_start or not word.folded.startswith("و")


def is_descriptor(word: str) -> bool:
    """A title, or a word with the article (``الوزراء``, ``الأمريكي``): not a given name."""
    return word in TITLES or word.startswith("ال")


@dataclass(slots=True)
class NameBook:
    """The names an article uses, and the descriptors that introduced them."""

    names: list[tuple[str, ...]] = field(default_factory=list)
    display: dict[tuple[str, ...], str] = field(default_factory=dict)
    by_descriptor: list[tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=list)

    def add(self, words: Sequence[Word], descriptor: Sequence[Word] = ()) -> tuple[str, ...]:
        key = tuple(w.folded for w in words)
        if key not in self.display:
            self.names.append(key)
            self.display[key] = " ".join(w.original for w in words)
        if descriptor:
            self.by_descriptor.append((frozenset(_strip_article(w.folded) for w in descriptor), key))
        return key

    def add_text_name(self, name: str) -> None:
        folded = fold_entry(name).split()
        if folded:
            self.add([Word(f, o) for f, o in zip(folded, name.split(), strict=False)])

    def scan(self, words: Sequence[Word | None]) -> None:
        """Collect ``<title...> Name Name`` mentions from words; None (punctuation) ends a name."""
        i = 0
        n = len(words)
        while i < n:
            word = words[i]
            if word is None or not (word.folded in TITLES or _NISBA.fullmatch(word.folded)):
                i += 1
                continue
            start = i
            while i < n and _descriptor_at(words, i):
                i += 1
            name_start = i
            while i < n and i - name_start < _MAX_NAME_WORDS and _name_word_at(words, i, name_start):
                i += 1
            name = [w for w in words[name_start:i] if w is not None]
            if name and not name[0].folded.startswith(("ال", "لل", "ب")):
                self.add(name, [w for w in words[start:name_start] if w is not None])
            i = max(i, start + 1)

    def resolve(self, key: tuple[str, ...]) -> str:
        """The fullest known name ending with `key` (token-wise), else `key` as written."""
        best: tuple[str, ...] | None = None
        for name in self.names:
            if len(name) >= len(key) and name[len(name) - len(key):] == key and (
                best is None or len(name) > len(best)
            ):
                best = name
        return self.display[best] if best is not None else self.display.get(key, " ".join(key))

    def resolve_words(self, words: Sequence[Word]) -> str:
        key = tuple(w.folded for w in words)
        resolved = self.resolve(key)
        return " ".join(w.original for w in words) if resolved == " ".join(key) else resolved

    def by_description(self, descriptor: Sequence[Word]) -> str | None:
        """``اللاعب السويسري`` -> the name ``السويسري`` (with or without a title) introduced."""
        wanted = frozenset(_strip_article(w.folded) for w in descriptor)
        nisbas = frozenset(_strip_article(w.folded) for w in descriptor if _NISBA.fullmatch(w.folded))
        for described, key in reversed(self.by_descriptor):
            if wanted <= described:
                return self.resolve(key)
        if nisbas:
            for described, key in reversed(self.by_descriptor):
                if nisbas <= described:
                    return self.resolve(key)
        return None

    def mentioned(self, words: Sequence[Word]) -> str | None:
        """The first word of `words` that is (the end of) a known name, resolved."""
        ends = {name[-1] for name in self.names if len(name) > 1}
        for word in words:
            if word.folded in ends and word.folded not in TITLES:
                return self.resolve((word.folded,))
        return None


def speaker_of(subject: Sequence[Word], book: NameBook) -> str | None:
    """The speaker a cue's subject names, resolved against `book`; None for no subject."""
    if not subject:
        return None
    first = subject[0].folded
    if first in ORGANISATIONS:
        return " ".join(w.original for w in subject)
    i = 0
    while i < len(subject) and is_descriptor(subject[i].folded):
        i += 1
    if i == len(subject):
        if len(subject) == 1 and subject[0].folded not in TITLES:
            return book.resolve_words(subject[:1])  # ``الكاظمي``, ``العراق``
        described = book.by_description(subject)
        return described if described is not None else " ".join(w.original for w in subject)
    j = i
    while j < len(subject) and j - i < _MAX_NAME_WORDS and subject[j].folded not in TITLES:
        j += 1
    name = subject[i:j]
    key = book.add(name, subject[:i])
    return book.resolve(key)

