"""What one line of a page looks like: its words, script, punctuation and chrome match.

Segmentation decides with these features; computing them once per line keeps
the rest of the stage simple and fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import regex

from marsad.arabic.normalize import normalize_display, normalize_display_lines
from marsad.segment.rules import (
    Match,
    chrome_rules,
    function_words,
    key_of_folded,
    keys_of_folded_lines,
    line_folded,
    line_folded_lines,
)

# A line ending in one of these reads as a finished sentence (or an opened quote or list).
_SENTENCE_END = regex.compile(r"[.!؟?:;؛…\"”»″')\]]\s*$")
_BULLET = regex.compile(r"^[•·▪■◦●‣*-]\s")


class Kind(Enum):
    PROSE = "prose"  # a paragraph of running text
    MEDIUM = "medium"  # a short finished sentence
    HEADLINE = "headline"  # Arabic words without sentence punctuation: a title or a link
    FRAGMENT = "fragment"  # one or two words
    FOREIGN = "foreign"  # mostly not Arabic script
    CHROME = "chrome"  # matched a chrome rule


@dataclass(slots=True)
class Line:
    index: int
    text: str
    key: str
    words: int
    arabic: float
    function_share: float
    ends_sentence: bool
    chrome: Match | None
    kind: Kind
    bullet: bool = False

    @property
    def score(self) -> float:
        """How much this line argues for being inside the article body."""
        if self.kind is Kind.PROSE:
            return float(min(self.words, 80))
        if self.kind is Kind.MEDIUM:
            return 1.0
        if self.kind is Kind.CHROME:
            return -12.0
        if self.kind is Kind.HEADLINE:
            return -(3.0 + 0.3 * self.words)
        if self.kind is Kind.FOREIGN:
            return -4.0
        return -2.0


def arabic_share(tokens: list[str]) -> float:
    """Share of the lettered tokens that are written in Arabic script."""
    lettered = arabic = 0
    for token in tokens:
        first = token[0]
        if "\u0600" <= first <= "\u06ff" or "\u0750" <= first <= "\u077f":
            if not first.isdigit():
                arabic += 1
                lettered += 1
        elif first.isalpha():
            lettered += 1
    return arabic / lettered if lettered else 0.0


def classify(words: int, arabic: float, function_share: float, ends_sentence: bool) -> Kind:
    if words == 0 or arabic < 0.4:
        return Kind.FOREIGN if words else Kind.FRAGMENT
    if words < 3:
        return Kind.FRAGMENT
    if ends_sentence and words >= 6:
        return Kind.PROSE
    # Long running text is prose even without a final stop (tags or a photo
    # credit are often glued to the end of the last paragraph).
    if words >= 80 and arabic >= 0.6:
        return Kind.PROSE
    if words >= 40 and function_share >= 0.03:
        return Kind.PROSE
    if words >= 20 and function_share >= 0.06:
        return Kind.PROSE
    if ends_sentence and words >= 3 and function_share > 0:
        return Kind.MEDIUM
    return Kind.HEADLINE


# Features of a long line are read from its head: a widget announces itself
# early, and the script and function-word share of a few hundred characters
# of prose are those of the whole paragraph. This bounds the work per line.
_HEAD = 400


def describe(index: int, raw: str) -> Line | None:
    """Features of one raw line, or None for a line with nothing visible on it."""
    text = normalize_display(raw)
    if not text:
        return None
    folded = line_folded(text[:_HEAD])
    return _features(index, text, folded, key_of_folded(folded))


def _features(index: int, text: str, folded: str, key: str) -> Line:
    tokens = key.split()
    words = len(tokens) if len(text) <= _HEAD else len(tokens) + text.count(" ", _HEAD)
    fn = function_words()
    function_share = sum(1 for token in tokens if token in fn) / len(tokens) if tokens else 0.0
    ends_sentence = bool(_SENTENCE_END.search(text))
    chrome = chrome_rules().match(text, key, folded, words)
    arabic = arabic_share(tokens)
    kind = Kind.CHROME if chrome else classify(words, arabic, function_share, ends_sentence)
    bullet = bool(_BULLET.match(text))
    return Line(index, text, key, words, arabic, function_share, ends_sentence, chrome, kind, bullet)


def describe_lines(text: str) -> list[Line]:
    """Features of every visible line of a page.

    Normalizing and folding the whole page in one pass each costs far less
    than one pass per line; the lines are split apart afterwards.
    """
    display = [line.strip() for line in normalize_display_lines("\n".join(text.splitlines())).split("\n")]
    display = [line for line in display if line]
    heads = [line[:_HEAD] for line in display]
    folded = [line.strip() for line in line_folded_lines("\n".join(heads)).split("\n")]
    if len(folded) != len(display):  # a fold that changed the line count: fall back, line by line
        folded = [line_folded(head) for head in heads]
    keys = [key.strip() for key in keys_of_folded_lines("\n".join(folded)).split("\n")]
    return [_features(index, line, folded[index], keys[index]) for index, line in enumerate(display)]
