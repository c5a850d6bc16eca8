"""Pull quotes: a sentence set apart in guillemets between two paragraphs.

Sites lift a sentence out of the article (or sum it up) and print it large between two
paragraphs, in guillemets, on a line of its own (`«القيم لا تُحمى بالانتقائية»`). The article
itself quotes so too: a speaker goes on from a paragraph that ends quoting or hands on with a
colon, speech is transcribed sentence by sentence (full stops inside the marks) or in the first
person (`«أنا ...»`, `«نحن ...»`), a verse is cited (vocalised), a part is headed with a quoted
phrase (a few words). A pull quote is one sentence of six words or more, none of those. Over
every article of the news collections (all newspapers, all of SaudiNewsNet) the rule cuts no line.
"""

from __future__ import annotations

from marsad.segment.lines import Kind, Line
from marsad.segment.rules import Match
from marsad.startup_cache import compile_regex

__all__ = ["mark_pull_quotes"]

# ``«...» — صفحة أحد النواب``, ``"..." — من التقرير``: a pull quote may name its source after a dash.
_QUOTED_LINE = compile_regex(r"^(?:«([^«»]+)»|“([^“”]+)”|\"([^\"]+)\")(?:\s*[—–]\s*[^«»“”\".]{2,60})?\s*\.?$")
_MIN_WORDS = 6
_MAX_WORDS = 25
_MAX_VOWEL_MARKS = 3  # a verse is vocalised
_VOWEL_MARK = compile_regex("[\u064b-\u0652]")
_CLOSED = compile_regex(r"[.!؟?]\W{0,2}$")
_ENDS_QUOTING = compile_regex(r"[»”\"]\W{0,2}$")
# A full stop inside the marks (not an ellipsis ``..``): speech written down sentence by sentence.
_SPOKEN_SENTENCE = compile_regex(r"(?<!\.)[.!؟?](?!\.)(?:\s|$)")
_FIRST_PERSON = compile_regex(r"^\W*(?:و)?(?:أنا|انا|نحن|إنني|انني|إننا|اننا|إني|اني)(?!\w)")
_WORD = compile_regex(r"\w+")
_PULL_QUOTE = Match("pull_quote", False)


def _said(quoted: str) -> bool:
    """Whether the quoted words read as speech written down rather than a sentence set apart."""
    return _SPOKEN_SENTENCE.search(quoted) is not None or _FIRST_PERSON.match(quoted) is not None


_CONTENT_WORD = compile_regex(r"\w{4,}")
# ``والكلفة`` lifted from ``كلفة``, ``الدراسة`` from ``للدراسة``: a word's stem without its conjunction,
# preposition and article.
_PROCLITICS = compile_regex(r"^(?:و|ف)?(?:ب|ك|ل)?(?:ال|ل)?")
_MIN_STEM = 3
_LIFTED_SHARE = 0.6


def _lifted(quoted: str, lines: list[Line]) -> bool:
    """Whether most of the quoted words stand in the article's paragraphs too: a sentence lifted
    out of the article, where the next sentence of a speaker says something new."""
    stems = {_stem(word) for word in _CONTENT_WORD.findall(quoted)}
    if not stems:
        return False
    text = " ".join(
        line.text for line in lines if line.kind is Kind.PROSE and line.chrome is None and quoted not in line.text
    )
    return sum(stem in text for stem in stems) >= _LIFTED_SHARE * len(stems)


def _stem(word: str) -> str:
    stem = _PROCLITICS.sub("", word)
    return stem if len(stem) >= _MIN_STEM else word


# ``اقتباس`` over it: the pull quote's label (the word alone also heads a column's part on adaptations).
_LABELS = frozenset({"اقتباس", "quote"})


# ``“...”`` around a paragraph the article prints whole elsewhere: a quote card, however long; and the line of
# who said it beside it (``— خالد محفوظ بحاح، نائب الرئيس اليمني``, ``عادل الجبير - وزير الخارجية``).
_WHOLE_IN_MARKS = compile_regex(r"^\W{0,2}[«“\"](.+)[»”\"]\W{0,2}$")
_ATTRIBUTION = compile_regex(r"^[—–-]?\s?[^.:؟?!«»“”\"]{3,40}(?:\s[-–—]\s|،\s?)[^.:؟?!«»“”\"]{3,50}$")
_MAX_ATTRIBUTION_WORDS = 10


def _quote_cards(lines: list[Line]) -> None:
    paragraphs = {line.text.strip() for line in lines if line.kind is Kind.PROSE and line.chrome is None}
    for index, line in enumerate(lines):
        found = _WHOLE_IN_MARKS.match(line.text.strip()) if line.chrome is None else None
        if found is None or not _printed_whole(found[1].strip(), paragraphs):
            continue
        line.box(_PULL_QUOTE)
        for near in (index - 1, index + 1):
            if 0 <= near < len(lines) and _attribution(lines[near]):
                lines[near].box(_PULL_QUOTE)


# ``عدن - خاص: `` before the paragraph the card repeats: the dateline glued to it is no part of the quote.
_DATELINE_BEFORE = compile_regex(r"^[^.،«»“”\"]{2,40}[:\-–]\s?$")


def _printed_whole(quoted: str, paragraphs: set[str]) -> bool:
    return quoted in paragraphs or any(
        paragraph.endswith(quoted) and _DATELINE_BEFORE.match(paragraph[: len(paragraph) - len(quoted)])
        for paragraph in paragraphs
    )


def _attribution(line: Line) -> bool:
    short = line.chrome is None and line.words <= _MAX_ATTRIBUTION_WORDS
    return short and _ATTRIBUTION.match(line.text.strip()) is not None


def mark_pull_quotes(lines: list[Line]) -> None:
    _quote_cards(lines)
    for index in range(1, len(lines) - 1):
        line, after = lines[index], lines[index + 1]
        labelled = index > 1 and lines[index - 1].chrome is None and lines[index - 1].key in _LABELS
        before = lines[index - 2] if labelled else lines[index - 1]
        if line.chrome is not None or before.kind is not Kind.PROSE or after.kind is not Kind.PROSE:
            continue
        found = _QUOTED_LINE.match(line.text)
        quoted = next((part for part in found.groups() if part), "") if found else ""
        if not _MIN_WORDS <= len(_WORD.findall(quoted)) <= _MAX_WORDS:
            continue
        if len(_VOWEL_MARK.findall(line.text)) > _MAX_VOWEL_MARKS or _said(quoted):
            continue
        if _CLOSED.search(before.text) is None:
            continue  # the paragraph before hands on to it
        if _ENDS_QUOTING.search(before.text) and not _lifted(quoted, lines):
            continue  # its speaker's quotation goes on
        line.box(_PULL_QUOTE)
        if labelled:
            lines[index - 1].box(_PULL_QUOTE)
