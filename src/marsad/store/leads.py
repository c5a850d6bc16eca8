"""What a record without a title is shown as: its lead's first words, marked as such.

`LEAD_SQL` reads the start of the stored body (a JSON list of paragraphs) only for
records that have no title, so titled records cost nothing more.
"""

from __future__ import annotations

import json

LEAD_WORDS = 12
LEAD_SQL = "CASE WHEN r.title IS NULL THEN substr(r.body, 1, 700) END"


def lead_words(body_start: str | None, words: int = LEAD_WORDS) -> str | None:
    """The first words of the first paragraph of a stored body (or of its first 700
    characters, where the paragraph is longer), with `…` when cut."""
    if not body_start or not body_start.startswith('["'):
        return None
    text = body_start[2:]
    end = 0
    while True:
        end = text.find('"', end)
        if end < 0 or text[end - 1] != "\\" or text[end - 2 : end] == "\\\\":
            break
        end += 1
    piece = text if end < 0 else text[:end]
    try:
        paragraph = json.loads('"' + piece.rstrip("\\") + '"')
    except json.JSONDecodeError:
        paragraph = piece
    return first_words(paragraph, words, cut=end < 0)


def first_words(paragraph: str, words: int = LEAD_WORDS, *, cut: bool = False) -> str | None:
    """The first `words` words of a paragraph, with `…` when there are more (or it was `cut`)."""
    found = paragraph.split()
    if not found:
        return None
    return " ".join(found[:words]) + ("…" if len(found) > words or cut else "")
