"""Sentence boundaries in Arabic news paragraphs.

A sentence ends at ``.``, ``!``, ``?``, ``؟``, ``؛`` (and a line break), but not
inside a number (``2.5``), after a one-letter abbreviated title (``د.``, ``م.``,
``أ.`` before a name), or inside a quotation:
a full stop inside “...” belongs to the quote, and the quote belongs to the
sentence that introduces it.
"""

from __future__ import annotations

from marsad.startup_cache import compile_regex

__all__ = ["split_sentences"]

_OPENING = '“«"'
_CLOSING = {"“": '”″"', "«": "»", '"': '"'}

# A terminator run (``...``, ``؟!``) plus any closing quotes or brackets glued to it.
_MARK = compile_regex(r"[“”«»\"″\n]")
# ``د.`` (doctor), ``م.`` (engineer), ``أ.`` (professor): one letter standing for a title.
_ABBREVIATION = compile_regex(r"(?:^|(?<=\s))[دمأ]$")
# A full stop glued to the next sentence's first word (``القضايا.من جانبه``, ``للمنازل.وتابع``:
# 2,858 in the news collections), where both words are long enough to be no abbreviation
# (``جيه.بي مورجان``, ``ش.م.ع``).
_GLUED_STOP = r"(?<=[\u0621-\u064a]{4})\.(?=[\u0621-\u064a]{2})|(?<=[\u0621-\u064a]{3})\.(?=[\u0621-\u064a]{3})"
_BOUNDARY = compile_regex(rf"(?:[.!?؟؛…]+[”»\"″)\]]*(?=\s|$)|\n+|{_GLUED_STOP})")


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Closed quotations as (start, end); an unclosed quote opens no region."""
    regions: list[tuple[int, int]] = []
    marks = [(m.start(), m.group()) for m in _MARK.finditer(text)]
    k = 0
    while k < len(marks):
        i, ch = marks[k]
        if ch in _OPENING:
            closers = _CLOSING[ch]
            close = next((j for j in range(k + 1, len(marks)) if marks[j][1] in closers or marks[j][1] == "\n"), None)
            if close is not None and marks[close][1] in closers:
                regions.append((i, marks[close][0] + 1))
                k = close + 1
                continue
        k += 1
    return regions


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence in `text`, trimmed of spaces."""
    regions = _quoted_regions(text) if any(q in text for q in _OPENING) else []
    spans: list[tuple[int, int]] = []
    start = 0
    region_index = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.start()
        while region_index < len(regions) and regions[region_index][1] <= cut:
            region_index += 1
        if region_index < len(regions) and regions[region_index][0] < cut < regions[region_index][1] - 1:
            continue
        if m.group() == "." and _ABBREVIATION.search(text, max(0, cut - 3), cut):
            continue  # ``د. زكريا الآغا``: the dot of an abbreviated title
        end = m.end() if m.group()[0] != "\n" else m.start()
        _append_trimmed(text, start, end, spans)
        start = m.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
