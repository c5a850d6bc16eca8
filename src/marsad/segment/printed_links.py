"""A page printed or converted with its links written out: ``headline (https://...)``.

Browsers print a link's address after its text, and PDF-to-text tools keep it;
readers that flatten HTML do the same. On such a page the menus, the related
headlines and the tags are short texts each followed by an address in
brackets, and every printed sheet ends with the page's own address. The news
writes an address inside a sentence (``عبر الرابط (http://...)``, ``موقعها
الإلكتروني (www...)``), never a short line of text made of links: of the
33,940 articles in ``../shared/data/news``, one line (a broken one) reads as a
link line, and no address stands alone on two lines of one article.
"""

from __future__ import annotations

from collections import Counter

from marsad.segment.embedded import find_marker
from marsad.segment.lines import Kind, Line
from marsad.segment.rules import Match
from marsad.startup_cache import compile_regex

__all__ = ["mark_printed_links"]

_ADDRESS = compile_regex(r"\((?:https?://|www\.)[^)\s]+\)")
_SHEET_COUNT = compile_regex(r"^\d{1,3}\s?/\s?\d{1,3}$")
_BARE_ADDRESS = compile_regex(r"^\(?(?:https?://|www\.)\S+?\)?$")
# What is left of a line once its addresses are taken out: a headline or a few labels.
_MAX_LINK_WORDS = 12
# Words that point at the address a sentence gives (``عبر الرابط``, ``موقعها الرسمي``).
_POINTERS = frozenset(
    {
        *("الرابط", "رابط", "الموقع", "موقع", "موقعها", "موقعه", "التالي", "الرسمي", "عبر", "على"),
        *("الإلكتروني", "الالكتروني", "الإلكترونية", "الالكترونية", "البريد", "صفحة", "الصفحة", "حساب", "حسابه"),
    }
)
_LINK = Match("related_articles", False)
# The lines a printed sheet opens with (the date, the page's title with the site's name).
_SHEET_HEAD = 2
_PAGE_ADDRESS = Match("navigation", False)
# ``8/4/15, 9:41 AM	العنوان - الموقع``: the date and time a browser prints before the page's title over
# each sheet, however long the title (20 lines of the news collections open so, all date stamps).
_PRINT_STAMP = compile_regex(r"^\d{1,4}/\d{1,2}/\d{1,4},?\s+\d{1,2}:\d{2}\s?(?:AM|PM|am|pm|ص|م)?\s")


def _link_line(text: str) -> bool:
    first = _ADDRESS.search(text)
    if first is None:
        return False
    before = text[: first.start()].split()
    if before and before[-1].strip("،,:") in _POINTERS:
        return False
    return len(_ADDRESS.sub(" ", text).split()) <= _MAX_LINK_WORDS


def mark_printed_links(lines: list[Line]) -> None:
    """Mark as chrome the short lines of links a printed page writes with their addresses, the
    page's own address where the page shows it more than once (a printed sheet's footer), and the
    page's first lines where they stand again further down (the next sheet's header)."""
    bare = Counter(line.text for line in lines if _BARE_ADDRESS.match(line.text))
    # Only a page that prints its address more than once is a printed one: elsewhere the first lines
    # again further down are a dateline or a headline the article repeats.
    printed = any(count >= 2 for count in bare.values())
    head = (
        {line.text for line in lines[:_SHEET_HEAD] if line.words <= _MAX_LINK_WORDS or _PRINT_STAMP.match(line.text)}
        if printed
        else set()
    )
    for index, line in enumerate(lines):
        if line.chrome is not None:
            continue
        if (
            (index >= _SHEET_HEAD and line.text in head)
            or bare.get(line.text, 0) >= 2
            or (line.text in head and _PRINT_STAMP.match(line.text))
        ):
            # The date and the page's title a browser prints over each sheet, and the address under
            # it: a sheet may end in the middle of the article, which goes on after them.
            line.box(_PAGE_ADDRESS)
            _box_sheet_count(lines, index)
        elif "(" in line.text and _link_line(line.text):
            if find_marker(line.text) is not None:
                line.box(_LINK)  # ``اقرأ أيضاً: ... (https://...)``: a link between paragraphs
            else:
                line.chrome, line.kind = _LINK, Kind.CHROME


def _box_sheet_count(lines: list[Line], index: int) -> None:
    """``١/٣`` right under a sheet's address: the sheet's number, inside the article too."""
    after = index + 1
    if after < len(lines) and _SHEET_COUNT.match(lines[after].text):
        lines[after].box(_PAGE_ADDRESS)
