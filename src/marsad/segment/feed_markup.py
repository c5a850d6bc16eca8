"""A news feed (RSS or Atom) saved or copied as text: its markup shown line by line.

A browser shows a feed's XML as a tree (``This XML file does not appear to have any style
information ...``) and a reader who saves it gets the tags with the text: ``<title>...</title>``,
``<![CDATA[ ... ]]>``, ``&#8230;``. The stories are the items: a headline in ``<title>``, a
teaser in ``<description>`` (or ``<summary>``), and, where the feed carries it, the whole article
in ``<content:encoded>`` (or ``<content>``). Everything else (links, dates, categories, the
channel's own fields) is the feed's furniture. Here a headline becomes its text, an article's
lines become theirs without the CDATA wrapper, and the rest is chrome, so the page reads as the
article and its neighbours' headlines and teasers.
"""

from __future__ import annotations

import html

from marsad.segment.lines import Kind, Line, describe
from marsad.segment.rules import Match
from marsad.startup_cache import compile_regex

__all__ = ["unwrap_feed_markup"]

_TAG = compile_regex(r"<[^<>]*>")
_CDATA = compile_regex(r"<!\[CDATA\[|\]\]>")
_OPEN = compile_regex(r"<(?P<name>[\w:.-]+)(?:\s[^<>]*)?(?<!/)>")
_CLOSE = compile_regex(r"</(?P<name>[\w:.-]+)\s*>")
# Elements whose text is a story's: its headline, and the whole article where the feed carries it.
_HEADLINES = frozenset({"title"})
_ARTICLES = frozenset({"content:encoded", "content"})
_ITEMS = frozenset({"item", "entry"})
_TEASERS = frozenset({"description", "summary"})
# What says the page is a feed: its root or item elements near the top.
_FEED = compile_regex(r"<(?:rss|feed|channel|item|entry)[\s>]")
_MIN_MARKUP_SHARE = 0.3
_FURNITURE = Match("navigation", False)
_TEASER = Match("related_articles", False)


def _is_feed(lines: list[Line]) -> bool:
    head = "\n".join(line.text for line in lines[:40])
    if _FEED.search(head) is None:
        return False
    markup = sum(1 for line in lines if "<" in line.text and ">" in line.text)
    return markup >= _MIN_MARKUP_SHARE * len(lines)


def _text_of(raw: str) -> str:
    return html.unescape(_TAG.sub(" ", _CDATA.sub(" ", raw))).strip()


def _elements(lines: list[Line]) -> list[tuple[str | None, int | None]]:
    """Each line's element (the one it opens, else the one it runs in) and item (numbered from 0,
    None in the channel's own fields)."""
    found: list[tuple[str | None, int | None]] = []
    inside: str | None = None  # the element a multi-line text runs in
    item: int | None = None
    items = 0
    for line in lines:
        opened = _OPEN.search(line.text)
        closed = _CLOSE.search(line.text)
        element = opened["name"].lower() if opened else inside
        if element in _ITEMS and opened:
            item, items = items, items + 1
        found.append((element, item))
        if opened and not (closed and closed["name"].lower() == opened["name"].lower()):
            inside = opened["name"].lower()
        if closed and (inside == closed["name"].lower() or not opened):
            inside = None
        if closed and closed["name"].lower() in _ITEMS:
            item = None
    return found


def unwrap_feed_markup(lines: list[Line]) -> list[Line]:
    """The page's lines read as a feed's stories when the page is a feed's markup; else `lines`.
    Where an item carries its article, the other items' headlines are links to stories elsewhere."""
    if not _is_feed(lines):
        return lines
    elements = _elements(lines)
    with_article = {item for element, item in elements if element in _ARTICLES and item is not None}
    result: list[Line] = []
    for line, (element, item) in zip(lines, elements, strict=True):
        text = _text_of(line.text)
        kept = describe(line.index, text) if text else None
        if kept is None:
            line.chrome, line.kind = _FURNITURE, Kind.CHROME
            result.append(line)
            continue
        headline = element in _HEADLINES and item is not None
        if element in _ARTICLES or (headline and (item in with_article or not with_article)):
            result.append(kept)
        elif headline or element in _TEASERS:
            kept.chrome, kept.kind = _TEASER, Kind.CHROME
            result.append(kept)
        elif element is None and "<" not in line.text:
            result.append(kept)  # a line of text the page shows outside the markup
        else:
            kept.chrome, kept.kind = _FURNITURE, Kind.CHROME
            result.append(kept)
    return result
