"""Tokens of Arabic news text, and a folded view of a text that keeps offsets.

Rules for dates, numbers and quotes match on a *folded* text (alef and hamza
variants, ta marbuta, alef maqsura and Arabic-Indic digits unified; diacritics
and tatweel dropped) but must report offsets into the text the caller gave.
`FoldedText` keeps the map between the two so that every span found in the
folded text can be cut out of the original one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from marsad.startup_cache import compile_regex

__all__ = ["FoldedText", "clear_fold_cache", "fold_same_length", "split_proclitics", "tokenize"]

# Characters folding drops: diacritics, tatweel and invisible controls.
_DROPPED = compile_regex(
    r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]"
)

_SAME_LENGTH = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
        "٫": ".",  # Arabic decimal separator
        "٬": ",",  # Arabic thousands separator
        "٪": "%",
        "،": "،",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)


_LETTER_PAIRS = [(k, v) for k, v in ((chr(k), v) for k, v in _SAME_LENGTH.items()) if not k.isdigit()]
_INDIC_DIGIT = compile_regex(r"[\u0660-\u0669\u06f0-\u06f9]")


def fold_same_length(text: str) -> str:
    """Fold letter variants and digits one character for one character (no deletions)."""
    # A chain of `str.replace` runs in C over the text once per pair and is several
    # times faster than `str.translate` with a table of non-ASCII characters.
    for old, new in _LETTER_PAIRS:
        if old in text:
            text = text.replace(old, new)
    if _INDIC_DIGIT.search(text):
        text = text.translate(_SAME_LENGTH)
    return text


@dataclass(slots=True)
class FoldedText:
    """`text` folded for matching, with a map back to offsets in `original`."""

    original: str
    text: str
    _dropped_at: list[int]
    _words: frozenset[str] | None = None

    def word_set(self) -> frozenset[str]:
        """The distinct words of the folded text (computed once; rules test it for trigger words)."""
        if self._words is None:
            self._words = frozenset(_WORD_RUN.findall(self.text))
        return self._words

    @classmethod
    def of(cls, original: str) -> FoldedText:
        """The folded view of `original` (cached: dates, quantities and quotes all ask)."""
        return _folded(original)

    @classmethod
    def build(cls, original: str) -> FoldedText:
        # Most news paragraphs carry a few diacritics (tanween on ``أيضاً``), so the
        # map is a sorted list of where, in folded coordinates, characters were dropped.
        dropped = [m.start() for m in _DROPPED.finditer(original)]
        if not dropped:
            return cls(original, fold_same_length(original), [])
        folded_positions = [pos - i for i, pos in enumerate(dropped)]
        return cls(original, fold_same_length(_DROPPED.sub("", original)), folded_positions)

    def to_original(self, offset: int) -> int:
        """Offset in `original` of folded `offset`; dropped marks stick to the letter before them."""
        if not self._dropped_at:
            return offset
        return offset + bisect_right(self._dropped_at, offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded span; trailing diacritics stay inside."""
        return self.to_original(start), self.to_original(end)


_WORD_RUN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1024)
def _folded(original: str) -> FoldedText:
    return FoldedText.build(original)


def clear_fold_cache() -> None:
    """Forget cached folded texts (benchmarks clear it between timed runs)."""
    _folded.cache_clear()


# Words are runs of letters and combining marks; numbers keep their inner separators
# (``3,000``, ``2.5``, ``٢٫٥``, ``2019/02/08``) so that they stay one token.
_TOKEN = compile_regex(
    r"[\p{N}]+(?:[.,٫٬/:][\p{N}]+)*"
    r"|[\p{L}\p{M}\u0640]+"
    r"|[^\s]",
)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split `text` into (token, start, end): words, numbers, and single punctuation marks."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# Light proclitic split for rule matching: conjunction, then preposition, then the
# article. Only splits when at least three letters remain, so ``ولد`` stays whole.
_PROCLITICS = compile_regex(r"^(?P<conj>[وف])?(?P<prep>[بك]|ل(?!ل)|س(?=[يتنأ]))?(?P<art>ال|لل)?(?P<stem>\p{L}{3,}.*)$")


def split_proclitics(word: str) -> list[str]:
    """``والقوات`` -> [``و``, ``ال``, ``قوات``]; a word that cannot be split comes back alone.

    This is a matching aid for rules (cue verbs, month names after ``ب``/``ل``), not a
    morphological analyser: it does not know that ``بايدن`` starts with a real ``ب``.
    """
    m = _PROCLITICS.match(word)
    if m is None:
        return [word]
    parts = [p for p in (m["conj"], m["prep"], m["art"]) if p]
    if not parts:
        return [word]
    return [*parts, m["stem"]]
