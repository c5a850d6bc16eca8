"""A press release's boilerplate: the issuer's paragraph under `نبذة عن الشركة`, and the contacts.

A company's release reposted on a portal ends with the issuer's standard paragraph under a header
of its own (`نبذة عن الشركة`, `عن المجموعة`) and the contacts for the press (`للاستفسارات
الإعلامية:`, names, phones, addresses): the issuer's, the same on every release, never the news.
The lines under such a header, up to the next chrome line or header (three at most), are chrome.
No line of the news collections is such a header (dev layouts 54).
"""

from __future__ import annotations

from marsad.segment.lines import Line
from marsad.segment.rules import Match, line_key

__all__ = ["mark_press_release_tail"]

_HEADERS = frozenset(
    line_key(header)
    for header in (
        *("نبذة عن الشركة", "عن الشركة", "حول الشركة", "نبذة عن المجموعة", "عن المجموعة", "نبذة عن البنك"),
        *("للاستفسارات الإعلامية", "للاستفسارات الصحفية", "للتواصل الإعلامي", "About the company", "Media contact"),
    )
)
_MAX_LINES = 3
_ABOUT = Match("about_site", False)


def mark_press_release_tail(lines: list[Line]) -> None:
    for index, line in enumerate(lines):
        if line.key not in _HEADERS:
            continue
        line.box(_ABOUT)
        for following in lines[index + 1 : index + 1 + _MAX_LINES]:
            if following.chrome is not None or following.key in _HEADERS:
                break
            following.box(_ABOUT)
