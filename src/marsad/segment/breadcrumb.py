"""Breadcrumbs and section lines: where the page says which section the article is in.

Text extraction often fuses the navigation word to the section name
(`أخبارالشرق الأوسط`); `unglue` repairs that before the category is read.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from marsad.segment.rules import line_key, nav_prefixes, section_names

_SEPARATORS = regex.compile(r"\s*(?:[»›>|/\\•·]|&gt;|--)\s*")
_ARABIC_START = regex.compile(r"[\u0621-\u064a]")
_MAX_BREADCRUMB_WORDS = 10


def unglue(text: str) -> str:
    """Split a navigation word fused to the next word: `أخبارالشرق` -> `أخبار الشرق`."""
    for prefix in nav_prefixes():
        if text.startswith(prefix) and len(text) > len(prefix) + 1:
            rest = text[len(prefix) :]
            if not _ARABIC_START.match(rest):
                continue
            # Only a fusion if what follows is itself an Arabic word start (most
            # often the article ال); a real word such as أخبارها must stay whole.
            if rest.startswith("ال") or line_key(rest) in section_names():
                return f"{prefix} {rest}"
    return text


@lru_cache(maxsize=1)
def _home_keys() -> frozenset[str]:
    return frozenset(line_key(word) for word in ("الرئيسية", "الصفحة الرئيسية", "home", "accueil", "أخبار", "الأخبار"))


def _segments(text: str) -> list[str]:
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


@lru_cache(maxsize=4096)
def category_from_line(text: str) -> str | None:
    """The section a breadcrumb or section line names, or None if the line is not one."""
    words = len(text.split())
    if words == 0 or words > _MAX_BREADCRUMB_WORDS:
        return None
    repaired = unglue(text)
    glued = repaired != text
    segments = _segments(repaired)
    has_separator = len(segments) > 1
    if glued:
        segments = _segments(repaired.split(" ", 1)[1])
    sections = section_names()
    home = _home_keys()
    named = [segment for segment in segments if line_key(segment) not in home]
    if not named:
        return None
    last = named[-1]
    if glued or has_separator:
        return last if len(last.split()) <= 5 else None
    return sections.get(line_key(last)) and last


def is_section_name(text: str) -> bool:
    return line_key(text) in section_names()
