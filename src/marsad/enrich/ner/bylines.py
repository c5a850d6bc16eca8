"""The outlet in a byline: `سبق- وكالات:`, `عين اليوم – الرياض`, `مشاري الحنتوشي- سبق- الرياض:`.

Saudi outlets open an article with who wrote it, for which outlet and from
where, the parts joined by dashes and closed by a colon. The outlet's name is
often an ordinary word (`سبق` "preceded", `اليوم` "today") that no tagger
reads as a name there, while the byline's shape says it: the short part next
to the place (or to `وكالات`, "agencies") is the outlet. Only the first
sentence of a paragraph is read, and only up to the colon.
"""

from __future__ import annotations

from marsad.arabic.normalize import fold_for_search, fold_word

DASHES = frozenset({"-", "–", "—"})
ENDS = frozenset({":", "/"})
WIRES = frozenset({fold_for_search("وكالات")})
LONGEST_BYLINE = 10
LONGEST_PART = 2


def _parts(tokens: list[str]) -> list[tuple[int, int]] | None:
    """The byline's dash-separated parts as token ranges, or None when the sentence does not open with one."""
    stop = next((i for i, token in enumerate(tokens[: LONGEST_BYLINE + 1]) if token in ENDS), None)
    if stop is None:
        if len(tokens) > LONGEST_BYLINE // 2:
            return None
        stop = len(tokens)
    parts: list[tuple[int, int]] = []
    start = 0
    for i in range(stop + 1):
        if i == stop or tokens[i] in DASHES:
            if i == start or not all(token.isalpha() for token in tokens[start:i]):
                return None
            parts.append((start, i))
            start = i + 1
    return parts if len(parts) >= 2 else None


def byline_outlets(tokens: list[str], tags: list[str]) -> list[tuple[int, int]]:
    """Token ranges of the outlets in a byline that opens `tokens`: an untagged part of at
    most two words right before or after a place (all LOC) or `وكالات`. A reporter's
    name further off (`مشاري الحنتوشي- سبق- الرياض`) is not one."""
    parts = _parts(tokens)
    if parts is None:
        return []

    def anchor(part: tuple[int, int]) -> bool:
        start, end = part
        words = range(start, end)
        return all(tags[j].endswith("LOC") for j in words) or (end - start == 1 and fold_word(tokens[start]) in WIRES)

    found: list[tuple[int, int]] = []
    for n, (start, end) in enumerate(parts):
        untagged = all(tags[j] == "O" for j in range(start, end))
        if not untagged or end - start > LONGEST_PART or anchor((start, end)):
            continue
        beside = [parts[m] for m in (n - 1, n + 1) if 0 <= m < len(parts)]
        if any(anchor(part) for part in beside):
            found.append((start, end))
    return found
