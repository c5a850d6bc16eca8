"""Pull quotes: a sentence set apart in guillemets between two paragraphs.

Sites lift a sentence out of the article (or sum it up) and print it large between two
paragraphs, in guillemets, on a line of its own (`«القيم لا تُحمى بالانتقائية»`). The article
itself quotes so too, where someone speaks on from the paragraph before (`وقال الوزير: ...` then
`«...»`), where it cites a verse (vocalised), or heads a part with a quoted phrase (a few words).
A pull quote is a sentence, six words or more, after a paragraph that closed its sentence
without a speech verb or a colon handing on to it.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from marsad.enrich.data import fold_entry, read_list
from marsad.segment.lines import Kind, Line
from marsad.segment.rules import Match

__all__ = ["mark_pull_quotes"]

_QUOTED_LINE = regex.compile(r"^«([^«»]+)»\s*\.?$")
_MIN_WORDS = 6
_MAX_WORDS = 25
_MAX_VOWEL_MARKS = 3  # a verse is vocalised
_VOWEL_MARK = regex.compile("[\u064b-\u0652]")
_CLOSED = regex.compile(r"[.!؟?]\W{0,2}$")
_WORD = regex.compile(r"\w+")
_PULL_QUOTE = Match("pull_quote", False)


@lru_cache(maxsize=1)
def _speech_words() -> frozenset[str]:
    words = read_list("cue_verbs.txt") + read_list("cue_participles.txt")
    return frozenset(fold_entry(word) for word in words)


_LAST_SENTENCE = regex.compile(r"[^.!؟?]*$")
_ENDS_QUOTING = regex.compile(r"[»”\"]\W{0,2}$")


def _speaks(line: Line) -> bool:
    """Whether the paragraph's last sentence quotes or holds a speech verb (`وقال`, `مضيفا`):
    its speaker may go on in the next paragraph."""
    if _ENDS_QUOTING.search(line.text):
        return True
    last = _LAST_SENTENCE.search(line.text.rstrip(".!؟? "))
    sentence = fold_entry(last[0] if last else "")
    verbs = _speech_words()
    return any(word in verbs or (word[:1] in "وف" and word[1:] in verbs) for word in _WORD.findall(sentence))


def mark_pull_quotes(lines: list[Line]) -> None:
    for before, line, after in zip(lines, lines[1:], lines[2:], strict=False):
        if line.chrome is not None or before.kind is not Kind.PROSE or after.kind is not Kind.PROSE:
            continue
        quoted = _QUOTED_LINE.match(line.text)
        if quoted is None or not _MIN_WORDS <= len(_WORD.findall(quoted[1])) <= _MAX_WORDS:
            continue
        if len(_VOWEL_MARK.findall(line.text)) > _MAX_VOWEL_MARKS:
            continue
        if _CLOSED.search(before.text) is None or _speaks(before):
            continue
        line.chrome = _PULL_QUOTE
        line.kind = Kind.CHROME
        line.boxed = True
