"""A chat exported as text (WhatsApp's "export chat"), where news travels as a group's messages.

Every message opens with its date, time and sender (``03/08/2015, 21:26 - بو سالم (الإدارة): ...``
on Android, ``[03/08/2015, 21:26:11] بو سالم: ...`` on iOS); a message of several lines goes on
without that prefix. A story posted to the group is its longest message: its first line, without
the prefix, is the headline, and the lines after it are the article. Every other message (greetings,
members' replies, notices that someone left) is the chat around it.
"""

from __future__ import annotations

from itertools import pairwise

from marsad.segment.lines import Kind, Line, describe
from marsad.segment.rules import Match
from marsad.startup_cache import compile_regex

__all__ = ["unwrap_chat_export"]

_STAMP = r"^[\u200e\u200f]?\[?\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[APap]\.?[Mm]\.?)?\]?"
_PREFIX = compile_regex(_STAMP + r"(?:\s+-\s+|\s+)[\u200e\u200f]?(?P<sender>[^:\n]{1,60}?):\s(?P<message>.*)$")
# Any line a message or a notice opens (``... - X left``, ``... - X created group "..."``).
_SYSTEM = compile_regex(_STAMP + r"(?:\s+-\s|(?<=\])\s)")
# A chat export is mostly such lines: three at least, and a fifth of the page's lines.
_MIN_MESSAGES = 3
_MIN_SHARE = 0.2
_CHAT = Match("comments", False)


def unwrap_chat_export(lines: list[Line]) -> list[Line]:
    """The page's lines, with the story's message opened to its headline and the rest of the chat
    marked as chrome, when the page is an exported chat; else `lines` as they are."""
    opening = [k for k, line in enumerate(lines) if _SYSTEM.match(line.text)]
    if len(opening) < _MIN_MESSAGES or len(opening) < _MIN_SHARE * len(lines):
        return lines
    bounds = [*opening, len(lines)]
    story, size = None, 1
    for first, after in pairwise(bounds):
        if after - first > size and _PREFIX.match(lines[first].text):
            story, size = first, after - first
    result = list(lines)
    for index in opening:
        if index == story:
            message = _PREFIX.match(lines[index].text)
            assert message is not None
            opened = describe(lines[index].index, message["message"])
            if opened is not None:
                result[index] = opened
                continue
        result[index].chrome, result[index].kind = _CHAT, Kind.CHROME
    return result
