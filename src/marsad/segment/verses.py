"""A poem inside an article: its verses are short lines, and they are the article's.

A column quotes a poem or closes with one (`هِممُ الكبار تعانق الأفلاكا` / `والروحُ تُشرقُ لو تَرى الأملاكا`): a
run of short lines with no full stop, which read like a list of links. What tells them apart is the
vowel marks: a poem is printed vocalised, a site's links and menus never are. A run of three short
lines or more, half of them or more with vowel marks, is a poem: each verse counts as a short
sentence (`Kind.MEDIUM`), as a paragraph's list does, so that the article's block reaches over it.
"""

from __future__ import annotations

import re

from marsad.segment.lines import Kind, Line

__all__ = ["mark_verses"]

# The short vowels, tanween, shadda and sukun; one word's case ending is no poem, two marks are.
_VOWEL_MARKS = re.compile("[\u064b-\u0652]")
_MIN_MARKS = 2
_MAX_VERSE_WORDS = 10
_MIN_VERSES = 3
_VERSE_KINDS = (Kind.HEADLINE, Kind.FRAGMENT, Kind.MEDIUM)
_ENDS = (".", ":", "؟", "?", "!")


def _short_line(line: Line) -> bool:
    return (
        line.chrome is None
        and line.kind in _VERSE_KINDS
        and line.words <= _MAX_VERSE_WORDS
        and not line.text.endswith(_ENDS)
    )


def _vocalised(line: Line) -> bool:
    return len(_VOWEL_MARKS.findall(line.text)) >= _MIN_MARKS


def mark_verses(lines: list[Line]) -> None:
    """Mark as verses (`Kind.MEDIUM`) the runs of short lines that a poem's vowel marks give away."""
    run: list[Line] = []
    for line in lines:
        if _short_line(line):
            run.append(line)
            continue
        if len(run) >= _MIN_VERSES:
            _mark_run(run)
        run = []
    if len(run) >= _MIN_VERSES:
        _mark_run(run)


def _mark_run(run: list[Line]) -> None:
    # (the vowel marks are looked for only in runs long enough to be a poem: most pages have none)
    if 2 * sum(map(_vocalised, run)) >= len(run):
        for verse in run:
            verse.kind = Kind.MEDIUM
