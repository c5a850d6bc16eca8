"""An article that goes on on another page of a printed edition.

A newspaper's e-paper, read as text, breaks an article off with a jump line (`التفاصيل ص 9 ◄`,
`التتمة ص 10`) and picks it up pages later under a continuation head (`تتمة: نايف الأمنية`), with
the other stories, the page's running heads and its number in between. What stands between the
jump and the head is not this article; the text after the head is. Neither line is a line of the
news collections.
"""

from __future__ import annotations

from marsad.segment.lines import Line
from marsad.segment.rules import Match
from marsad.startup_cache import compile_regex

__all__ = ["mark_continuations"]

# On the line's key (folded, without punctuation): where the rest is (``التفاصيل ص 9``, ``البقيه في
# الصفحه 12``, ``التتمه ص 10``), and where a text comes from (``تابع ص 1``, ``تتمه المنشور ص 1``).
_JUMP = compile_regex(r"^(?:التفاصيل|البقيه|التتمه|يتبع)(?: \S+){0,3} (?:ص|صفحه|الصفحه) \d+$")
_CAME_FROM = compile_regex(r"^(?:تابع|تتمه)(?: \S+){0,3} (?:ص|صفحه|الصفحه) \d+$")
_CONTINUED = compile_regex(r"^(?:تتمة|التتمة|بقية|البقية|تتمه|بقيه)\s?:\s?\S")
_MAX_HEAD_WORDS = 12
_MAX_PAGES_BETWEEN = 60
_JUMP_MATCH = Match("read_more", False)
_OTHER_PAGE = Match("outside_content", False)


def mark_continuations(lines: list[Line]) -> None:
    for index, line in enumerate(lines):
        if line.words > _MAX_HEAD_WORDS or not any(map(str.isdigit, line.key)):
            continue  # a jump or a source line is a few words and a page's number
        if _CAME_FROM.match(line.key):
            line.box(_JUMP_MATCH)
        if not _JUMP.match(line.key):
            continue
        line.box(_JUMP_MATCH)
        for later in range(index + 1, min(len(lines), index + _MAX_PAGES_BETWEEN)):
            head = lines[later]
            # ``تتمة: نايف الأمنية``, or a line saying where it came from (``تتمة المنشور ص 1``)
            if (_CONTINUED.match(head.text) or _CAME_FROM.match(head.key)) and head.words <= _MAX_HEAD_WORDS:
                for between in lines[index + 1 : later]:
                    between.box(_OTHER_PAGE)
                head.box(_JUMP_MATCH)
                break
