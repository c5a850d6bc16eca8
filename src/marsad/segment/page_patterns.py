"""The regex chrome rules over the lines of a page, with as few regex calls as can be.

A regex call has a fixed cost well above the work of failing on a short
line, and a page has a hundred short lines. Two ways cut the calls:

- Patterns anchored at the line start: a line is tried, in one call, only
  against the patterns that can match a line beginning with its first
  character (regex's partial matching says which, once per character).
- Unanchored patterns: the lines are joined with line breaks and each
  pattern scans the page once in MULTILINE mode, where ``^`` and ``$`` stand
  at the ends of each line; one whose match needs a literal the page lacks
  is not run at all.

A scan of the joined page gives the same answer as one call per line,
except where a match reaches across a line break (``\\s`` also matches
one): such a match may stand for no match on its own line and may hide
another one on the lines it covers, so every line it touches is decided
again on its own. Patterns that look without consuming (lookarounds,
``\\b``, ``\\A`` ...) could see past a line's end, or decide on more than a
first character, without a match showing it; with any of them, every line
is matched on its own against every pattern.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Protocol

import regex

from marsad.startup_cache import compile_regex, known_regex

# Constructs that test text they do not consume, or that tell the start or
# end of the string from the start or end of a line.
_PEEKS = compile_regex(r"\(\?<?[=!]|\\[AZzGbBmMK<>]|\(\?[a-zA-Z]*[smx]")


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains, or None if unknown.

    Only the plain case is read: the pattern opens with a group of literal
    alternatives, ``(ارسل|أرسل) ...``, the group is not optional and the
    pattern has no other alternation at its top level. The literals must be
    caseless, so that IGNORECASE cannot match them in another form.
    """
    opening = _LITERAL_GROUP.match(pattern)
    if opening is None or _top_level_bar(pattern[opening.end() :]):
        return None
    literals = tuple(_UNESCAPE.sub(r"\1", alternative) for alternative in opening.group("alternatives").split("|"))
    if any(not literal or not _caseless(literal) for literal in literals):
        return None
    return literals


_LITERAL_CHAR = r"(?:[^\\()\[\]{}|.*+?^$]|\\[^\w\s])"
_LITERAL_GROUP = compile_regex(rf"\((?!\?)(?P<alternatives>{_LITERAL_CHAR}+(?:\|{_LITERAL_CHAR}+)*)\)(?![?*]|{{0|{{,)")
_UNESCAPE = compile_regex(r"\\(.)")
_VERBOSE = compile_regex(r"\(\?[a-zA-Z]*x")
_PLAIN = compile_regex(_LITERAL_CHAR)
# A gate word shorter than this is on too many lines to spare any.
_GATE_LETTERS = 2


def _top_level_parts(pattern: str) -> list[str]:
    """`pattern` cut at the bars of its top level."""
    cuts = [at for at, char, depth in _structure(pattern) if char == "|" and depth == 0]
    return [pattern[start:end] for start, end in zip([0, *(at + 1 for at in cuts)], [*cuts, len(pattern)], strict=True)]


def _leading_word(alternative: str) -> str:
    """The literal text every match of `alternative` opens with (``ارشيف`` of ``ارشيف(\\s\\S+){0,2}``,
    ``archive`` of ``archives?``)."""
    word, at = "", 0
    while at < len(alternative):
        plain = _PLAIN.match(alternative, at)
        if plain is None:
            break
        following = alternative[plain.end() : plain.end() + 1]
        if following in ("?", "*", "{"):
            break  # the character may be absent (or repeated in ways not read here)
        word += _UNESCAPE.sub(r"\1", plain.group())
        at = plain.end()
        if following == "+":
            break
    return word


def gate_words(pattern: str) -> tuple[str, ...] | None:
    """Words one of which every match of `pattern` holds, or None when none are read.

    Read where it is plain: a group in the pattern's top-level sequence, not optional (no ``?``,
    ``*`` or ``{0`` after it), each of whose alternatives opens with a literal word (``(صوره|ارشيف
    (\\s\\S+){0,2}|photo)``), in a pattern with no alternation at its top level and no verbose flag.
    """
    body = pattern[1:] if pattern.startswith("^") else pattern
    if _top_level_bar(body) or _VERBOSE.search(body):
        return None
    opened = -1
    for at, char, depth in _structure(body):
        if depth > 0:
            continue
        if char == "(":
            opened = at
            continue
        if body[at + 1 : at + 3].startswith(("?", "*", "{0", "{,")):
            continue  # an optional group (a bar at the top level was refused above)
        inner = body[opened + 1 : at]
        if inner.startswith("?"):
            if not inner.startswith("?:"):
                continue  # a lookaround, a named group or flags: not read
            inner = inner[2:]
        words = tuple(_leading_word(part) for part in _top_level_parts(inner))
        if all(len(word) >= _GATE_LETTERS for word in words):
            return words
    return None


def _caseless(text: str) -> bool:
    return text == text.lower() == text.upper() == text.casefold()


def _top_level_bar(pattern: str) -> bool:
    return any(char == "|" and depth == 0 for _, char, depth in _structure(pattern))


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """The brackets and bars of `pattern` outside character classes and escapes, each with the depth of
    the groups around it (a group's own brackets stand outside it)."""
    depth = 0
    in_class = escaped = False
    for at, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            yield at, char, depth
            depth += 1
        elif char == ")":
            depth -= 1
            yield at, char, depth
        elif char == "|":
            yield at, char, depth


class PatternRule(Protocol):
    @property
    def reason(self) -> str: ...

    @property
    def phrase_pattern(self) -> str: ...


# Line openings of every kind: a pattern that may match lines starting with each of them scans
# any line.
_OPENINGS = ("ب", "ق", "7", "x")
_ALTERNATION_AFTER = 10  # lines starting with one character before its patterns are joined into one


class PagePatterns:
    """Regex rules tried in order: those anchored at the line start, then the others."""

    def __init__(self, anchored: Sequence[PatternRule], floating: Sequence[PatternRule]) -> None:
        self.anchored = list(anchored)
        self.floating = list(floating)
        flags = regex.IGNORECASE
        # Anchored patterns share one match attempt at the line start, with a
        # named group per pattern: the first branch that matches is the one
        # rule order wants. Most patterns cannot match a line that starts with
        # a given character (a digit, a word of their own), so each line is
        # tried only against those that can: `_anchored_for` builds that
        # alternation per first character, once.
        patterns = [rule.phrase_pattern for rule in [*self.anchored, *self.floating]]
        self.by_page = not any(_PEEKS.search(pattern) for pattern in patterns)
        self.each_anchored = [compile_regex(rule.phrase_pattern, flags) for rule in self.anchored]
        self._flags = flags
        self._by_first: dict[str, regex.Pattern[str] | None] = {}
        self._by_numbers: dict[tuple[int, ...], regex.Pattern[str] | None] = {}
        self._numbers_for: dict[str, tuple[int, ...]] = {}
        self._seen: dict[str, int] = {}
        self._not_kept: set[str] = set()
        # An anchored pattern that may match a line of any opening and scans it before it needs one of
        # a few words (`صوره`, `ارشيف`, `تصوير` after up to twenty words: photo captions) is tried on
        # its own, and only on a line that holds one of its words; in every first character's
        # alternation such patterns had been most of the time of a page's rules. The words are looked
        # for in the case-folded line: whatever IGNORECASE matches, case folding makes equal.
        self._gates = {
            number: tuple(word.casefold() for word in words)
            for number, rule in enumerate(self.anchored)
            if (words := gate_words(rule.phrase_pattern)) is not None
            and all(self.each_anchored[number].match(opening, partial=True) for opening in _OPENINGS)
        }
        self._gate_words = tuple(sorted({word for words in self._gates.values() for word in words}))
        self._gated_for: dict[str, tuple[int, ...]] = {}
        self.each_floating = [compile_regex(rule.phrase_pattern, flags) for rule in self.floating]
        # A pattern whose every match holds one of a few literals is not run
        # on a text that holds none of them (a C-level search each).
        self.literals = [required_literals(rule.phrase_pattern) for rule in self.floating]
        self.page_floating: list[regex.Pattern[str]] = []
        if self.by_page:
            multiline = flags | regex.MULTILINE
            self.page_floating = [compile_regex(rule.phrase_pattern, multiline) for rule in self.floating]

    def _candidates(self, first: str) -> tuple[int, ...]:
        """The numbers of the anchored patterns a line starting with `first` can match, but for the
        gated ones (`_gated_for`).

        A pattern can match such a line only if it matches the string `first`
        at least partially (the engine reaches the end of it still matching),
        which is what regex's partial matching tells.
        """
        numbers = self._numbers_for.get(first)
        if numbers is None:
            every = tuple(
                number
                for number, pattern in enumerate(self.each_anchored)
                # A pattern that looks ahead is not judged by its first character.
                if not self.by_page or pattern.match(first, partial=True) is not None
            )
            numbers = tuple(number for number in every if number not in self._gates)
            self._numbers_for[first] = numbers
            self._gated_for[first] = tuple(number for number in every if number in self._gates)
        return numbers

    def _alternation(self, numbers: tuple[int, ...]) -> str:
        branches = "|".join(f"(?P<r{n}>{self.anchored[n].phrase_pattern[1:]})" for n in numbers)
        return f"^(?:{branches})"

    def _kept_alternation(self, first: str) -> bool:
        """Whether the start-up cache holds `first`'s alternation (then it is taken, uncompiled);
        asked once per character."""
        if first in self._not_kept:
            return False
        numbers = self._candidates(first)
        kept = known_regex(self._alternation(numbers), self._flags) if numbers else None
        if kept is None:
            self._not_kept.add(first)
            return False
        self._by_numbers.setdefault(numbers, kept)
        self._by_first[first] = self._by_numbers[numbers]
        return True

    def _anchored_for(self, first: str) -> regex.Pattern[str] | None:
        """The anchored patterns a line starting with `first` can match, as one alternation."""
        if first in self._by_first:
            return self._by_first[first]
        numbers = self._candidates(first)
        if numbers not in self._by_numbers:
            self._by_numbers[numbers] = compile_regex(self._alternation(numbers), self._flags) if numbers else None
        self._by_first[first] = self._by_numbers[numbers]
        return self._by_first[first]

    def _anchored_reason(self, folded: str) -> str | None:
        if not self.anchored:
            return None
        # An empty line has no first character to choose by: every pattern is tried.
        first = folded[:1]
        number = self._first_ungated(folded, first)
        # A gated pattern before it in rule order, whose words the line holds, wins.
        case_folded: str | None = None
        for gated in self._gated_for[first]:
            if number is not None and gated > number:
                break
            if case_folded is None:
                case_folded = folded.casefold()
                if not any(word in case_folded for word in self._gate_words):
                    break
            if any(word in case_folded for word in self._gates[gated]) and self.each_anchored[gated].match(folded):
                return self.anchored[gated].reason
        return None if number is None else self.anchored[number].reason

    def _first_ungated(self, folded: str, first: str) -> int | None:
        """The first anchored pattern in rule order, gated ones aside, that matches the line."""
        seen = self._seen.get(first, 0)
        if seen < _ALTERNATION_AFTER and first not in self._by_first and not self._kept_alternation(first):
            # Compiling a first character's alternation costs more than trying its few patterns one by
            # one on a few lines (a one-page `marsad extract`); it pays from the corpus's tenth line on,
            # or at once when an earlier process compiled it (the start-up cache).
            # The first pattern in rule order that matches wins either way.
            self._seen[first] = seen + 1
            for number in self._candidates(first):
                if self.each_anchored[number].match(folded) is not None:
                    return number
            return None
        pattern = self._anchored_for(first)
        if pattern is None:
            return None
        found = pattern.match(folded)
        if found is None or found.lastgroup is None:
            return None
        return int(found.lastgroup[1:])

    def reason(self, folded: str) -> str | None:
        """The reason of the first pattern rule that matches this one folded line."""
        anchored = self._anchored_reason(folded)
        if anchored is not None:
            return anchored
        for rule, pattern, literals in zip(self.floating, self.each_floating, self.literals, strict=True):
            if literals is not None and not any(literal in folded for literal in literals):
                continue
            if pattern.search(folded):
                return rule.reason
        return None

    def reasons(self, folded_lines: Sequence[str]) -> list[str | None]:
        """`reason` of every line; the lines must not contain line breaks."""
        if not self.by_page or len(folded_lines) < 2:
            return [self.reason(folded) for folded in folded_lines]
        page = "\n".join(folded_lines)
        starts = [0]
        for folded in folded_lines[:-1]:
            starts.append(starts[-1] + len(folded) + 1)
        again: set[int] = set()
        # For each line, the first floating rule (in rule order) found on it.
        floating: dict[int, str] = {}
        for rule, pattern, literals in zip(self.floating, self.page_floating, self.literals, strict=True):
            if literals is not None and not any(literal in page for literal in literals):
                continue
            for found in pattern.finditer(page):
                line = bisect_right(starts, found.start()) - 1
                if "\n" in found.group():
                    again.update(range(line, bisect_right(starts, found.end() - 1)))
                else:
                    floating.setdefault(line, rule.reason)
        return [
            self.reason(folded) if line in again else self._anchored_reason(folded) or floating.get(line)
            for line, folded in enumerate(folded_lines)
        ]
