"""Text made valid where it enters: nothing downstream may fail to encode or split it.

A JSON escape can carry a lone surrogate (`"\\udc80"`), which no UTF-8 writer,
database driver or HTML parser accepts; a scraped page can carry NUL and other
C0 control bytes, which no reader sees and which `str.splitlines` treats as
line breaks (`\\x1c`-`\\x1e`, `\\v`, `\\f`). Both are repaired here, once, and
counted, so a page is never refused or lost for a few bad characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from marsad.records import Page

__all__ = ["CleanCount", "clean_page", "clean_text"]

# One search finds a page that needs no repair (nearly all of them) at C speed.
_INVALID = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(slots=True)
class CleanCount:
    """What `clean_text` changed: control characters removed, lone surrogates replaced by U+FFFD."""

    controls: int = 0
    surrogates: int = 0

    def __bool__(self) -> bool:
        return bool(self.controls or self.surrogates)

    def add(self, other: CleanCount) -> None:
        self.controls += other.controls
        self.surrogates += other.surrogates


def clean_text(text: str) -> tuple[str, CleanCount]:
    """`text` without C0 controls (tab and newlines kept; vertical tab and form feed become
    newlines) and with each lone surrogate replaced by U+FFFD."""
    count = CleanCount()
    if _INVALID.search(text) is None:
        return text, count
    text = text.translate(_LINE_BREAKS)
    text, count.controls = _CONTROLS.subn("", text)
    text, count.surrogates = _SURROGATES.subn("\ufffd", text)
    return text, count


def _clean_value(value: Any, count: CleanCount) -> Any:
    if isinstance(value, str):
        cleaned, found = clean_text(value)
        count.add(found)
        return cleaned
    if isinstance(value, list):
        return [_clean_value(item, count) for item in value]
    if isinstance(value, dict):
        return {_clean_value(key, count): _clean_value(item, count) for key, item in value.items()}
    return value


_PAGE_TEXT_FIELDS = ("text", "html", "url", "source", "published", "title", "id")


def clean_page(page: Page) -> CleanCount:
    """Repairs every text field of `page` in place (metadata and `extra` included); what was
    changed is counted, and noted in `page.extra` when anything was."""
    count = CleanCount()
    for name in _PAGE_TEXT_FIELDS:
        value = getattr(page, name)
        if value is not None:
            setattr(page, name, _clean_value(value, count))
    if page.extra:
        page.extra = _clean_value(page.extra, count)
    if count.controls:
        page.extra["removed_controls"] = page.extra.get("removed_controls", 0) + count.controls
    if count.surrogates:
        page.extra["replaced_surrogates"] = page.extra.get("replaced_surrogates", 0) + count.surrogates
    return count
