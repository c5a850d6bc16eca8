"""Who a cue's subject names, and the fullest name for it in the article.

A subject such as ``الرئيس الأمريكي جو بايدن`` is descriptors (titles, the
words that complete them, nisbas) followed by a name; ``مكتب الكاظمي`` and
``وزارة الداخلية`` start with an organisation word and are speakers as a
whole. A short name (``بايدن``) resolves to the longest name in the article
that ends with it (``جو بايدن``); a bare descriptor (``الرئيس الأمريكي``)
resolves to the name that descriptor introduced earlier.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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
# ``انخل دي ماريا لاربع سنوات``: ``ل`` + a number or a medium starts what follows a name.
_NOT_NAME_AFTER_L = frozenset(
    {fold_entry(w) for w in ("أربع", "خمس", "ثلاث", "عشر", "مدة", "فترة", "وكالة", "صحيفة", "قناة", "موقع", "محطة")}
)


def _mention_pattern() -> re.Pattern[str]:
    """The regex twin of `NameBook.scan`: descriptors, then a name of up to four words."""

    def words(entries: frozenset[str]) -> str:
        return "|".join(sorted(map(re.escape, entries), key=len, reverse=True))

    stop = rf"(?:{words(NAME_STOPS | TITLES)})(?!\w)"
    anchor = rf"(?:(?:{words(TITLES)})(?!\w)|(?:و?ال)\w{{2,}}ي(?!\w))"
    # ``الأمين العام للمنظمة``: article words and their ``لل``/``بال`` forms complete a title.
    descriptor = rf"(?!{words(NAME_STOPS)}(?!\w))(?:(?:{words(TITLES)})(?!\w)|(?:ال|لل|بال)\w+)"
    first = rf"(?!ال|لل|ب|{stop})\w+"
    more = rf"(?!{stop})(?!و)(?!ال\w+\s+ال)(?!ل(?:{words(_NOT_NAME_AFTER_L)})(?!\w))\w+"
    return re.compile(
        rf"(?<!\w)(?P<desc>{anchor}(?:\s+{descriptor}(?!\w))*)\s+"
        rf"(?P<name>{first}(?:\s+{more}){{0,{_MAX_NAME_WORDS - 1}}})(?!\w)"
    )


_MENTION = _mention_pattern()
# Where a mention can start; `_MENTION` is then tried only there.
_ANCHOR = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True)) + r")(?!\w)"
    r"|(?<!\w)(?:و?ال)\w{2,}ي(?!\w)"
)


# Titles that come before a name, never after it (``الفريق`` is also "the team").
TITLES_BEFORE_NAMES_ONLY = frozenset(read_list("titles_before_names.txt"))


def _title_after_name_pattern() -> re.Pattern[str]:
    after_name = {t for t in TITLES if t.startswith("ال")} - TITLES_BEFORE_NAMES_ONLY
    titles = "|".join(sorted(map(re.escape, after_name), key=len, reverse=True))
    return re.compile(rf"(?<=\s)(?:{titles})(?!\w)")


# ``نفى عدنان المعيبد المتحدث الرسمي``: a two-word name right before its title. Found
# from the title backwards, as titles are rarer than word positions.
_TITLE_AFTER_NAME = _title_after_name_pattern()
_TWO_WORDS_BEFORE = re.compile(r"(?<!\w)(\w+)\s+(\w+)\s+$")


def _names_before_titles(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(name span, title span) for each two-word name that a title follows."""
    found = []
    for title in _TITLE_AFTER_NAME.finditer(text):
        window_start = max(0, title.start() - 40)
        m = _TWO_WORDS_BEFORE.search(text, window_start, title.start())
        if m is None:
            continue
        first, second = m[1], m[2]
        if first in NAME_STOPS or first in TITLES or second in NAME_STOPS or second in TITLES:
            continue
        if first.startswith(("ال", "لل", "و")) or first.isdigit() or second.isdigit():
            continue
        found.append(((m.start(1), m.end(2)), title.span()))
    return found


_RUN = re.compile(r"\w+")


@dataclass(slots=True, frozen=True)
class Word:
    """A word of the folded text, with offsets in the original paragraph."""

    folded: str
    original: str


def _strip_article(word: str) -> str:
    for prefix in ("وال", "بال", "لل", "ال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix) :]
    return word


def is_descriptor(word: str) -> bool:
    """A title, a word with the article (``الوزراء``, ``للمنظمة``) or a ``ل`` complement
    (``الناطق الإعلامي لنادي الزوراء``): not a given name."""
    return word in TITLES or word.startswith(("ال", "لل", "بال", "ل"))


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

    def scan_text(self, text: str, original: Callable[[int, int], str]) -> None:
        """`scan` over a whole folded text with one regular expression (C speed).

        `original` maps a folded (start, end) to the written text, only for the names kept.
        """
        spans = []
        covered = 0
        for anchor in _ANCHOR.finditer(text):
            if anchor.start() < covered:
                continue
            m = _MENTION.match(text, anchor.start())
            if m is not None:
                spans.append((m.span("name"), m.span("desc")))
                covered = m.end()
        for (name_start, name_end), (desc_start, desc_end) in spans + _names_before_titles(text):
            name = [Word(w.group(), original(w.start(), w.end())) for w in _RUN.finditer(text, name_start, name_end)]
            described = [
                Word(w.group(), original(w.start(), w.end())) for w in _RUN.finditer(text, desc_start, desc_end)
            ]
            self.add(name, described)

    def resolve(self, key: tuple[str, ...]) -> str:
        """The fullest known name ending with `key` (token-wise), else `key` as written."""
        best: tuple[str, ...] | None = None
        for name in self.names:
            if (
                len(name) >= len(key)
                and name[len(name) - len(key) :] == key
                and (best is None or len(name) > len(best))
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
