"""A state's official name takes in its title: `جمهورية مصر العربية`, `سلطنة عمان`.

ANERcorp tags the country without the word before it (`جمهورية` is O), so
the tagger gives `مصر العربية`, `التشيك`, `عمان` where the text, and a reader,
name `جمهورية مصر العربية`, `جمهورية التشيك`, `سلطنة عمان`. A place right
after one of these words, with the word untagged, starts at the word. Short
forms of the article (`مصر`) then link to the full name.
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.arabic.normalize import fold_for_search

STATE_WORDS = frozenset(fold_for_search(word) for word in ("جمهورية", "مملكة", "سلطنة", "إمارة"))


def extend_states(tokens: list[str], tags: list[str], key: Callable[[str], str]) -> list[str]:
    """`tags` with each place that follows an untagged state word extended over it."""
    for i in range(len(tokens) - 1):
        if tags[i] == "O" and tags[i + 1] == "B-LOC" and key(tokens[i]) in STATE_WORDS:
            tags[i], tags[i + 1] = "B-LOC", "I-LOC"
    return tags
