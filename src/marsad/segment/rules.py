"""Chrome phrase rules, loaded from the data files beside this module.

A rule says: a line that looks like *this* is site chrome, for *this* reason.
The phrase lists live in `data/chrome.tsv` so that adding a site's widget is an
edit to a data file, not to code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from marsad.arabic.normalize import char_class, collapse_runs, fold_for_search, fold_letters
from marsad.segment.page_patterns import PagePatterns
from marsad.startup_cache import compile_regex

# A prefix/contains rule only fires on short lines: a long paragraph that merely
# mentions "البريد الإلكتروني" is prose, not a comment form.
PREFIX_MAX_WORDS = 12
CONTAINS_MAX_WORDS = 25
# Disclaimers under comment sections run to a paragraph; their phrases are
# distinctive enough to match in lines this long.
LONG_CONTAINS_MAX_WORDS = 80

_PUNCT_OR_SPACE = compile_regex(r"[\p{P}\p{S}\s]+")
_PUNCT_OR_SPACE_IN_LINE = compile_regex(r"[\p{P}\p{S}\t\x0b\x0c\r ]+")

# The same substitutions on the standard `re` engine, which scans a plain
# character class several times faster than `regex`, through
# `collapse_runs`, which leaves the single spaces between words alone. `re`
# has no \p{P}\p{S}, so its class lists the punctuation and symbols of the
# scripts news pages are written in (taken from `regex` itself, so the two
# agree); a text with any character outside those scripts takes the `regex`
# path.
_WHITESPACE = "".join(regex.findall(r"\s", "".join(map(chr, range(0x3001)))))
REGEX_WHITESPACE = _WHITESPACE  # what \s matches in `regex`
_COMMON_RANGES = ((0x20, 0x7E), (0xA0, 0x24F), (0x600, 0x77F), (0x2010, 0x2027), (0x2030, 0x205E))
_COMMON_PUNCT = "".join(
    regex.findall(r"[\p{P}\p{S}]", "".join(chr(c) for low, high in _COMMON_RANGES for c in range(low, high + 1)))
)
_UNCOMMON = re.compile(
    "[^"
    + "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in _COMMON_RANGES)
    + re.escape(_WHITESPACE)
    + "]"
)


_OTHER_SPACE_CHARS = _WHITESPACE.replace(" ", "")
_OTHER_SPACE = char_class(_OTHER_SPACE_CHARS)
_OTHER_SPACE_IN_LINE = char_class("\t\x0b\x0c\r")
_PUNCT_OR_OTHER_SPACE = char_class(_COMMON_PUNCT + _OTHER_SPACE_CHARS)
_PUNCT_OR_OTHER_SPACE_IN_LINE = char_class(_COMMON_PUNCT + "\t\x0b\x0c\r")


# ``⏱ 5 دقائق للقراءة``, ``👁 1,204``: icons before a meta line are not part of what it says
# (``©`` is: copyright lines open with it).
_LEADING_ICONS = compile_regex(r"(?m)^[ \t]*[[\p{So}\p{Sk}\u200d\ufe0f]--[©®℗™]]+[ \t]*", regex.V1)


def _without_icons(folded: str) -> str:
    return _LEADING_ICONS.sub("", folded) if _ICON_HINT.search(folded) else folded


_ICON_HINT = compile_regex(r"[[\p{So}\p{Sk}]--[©®℗™]]", regex.V1)


def line_folded(text: str) -> str:
    """Folded and lower-cased but with punctuation kept, for regex rules."""
    return _without_icons(collapse_runs(fold_for_search(text), _OTHER_SPACE, _OTHER_SPACE_CHARS).strip())


def line_folded_lines(text: str) -> str:
    """`line_folded` over many lines at once (line breaks kept, lines not stripped)."""
    return _without_icons(collapse_runs(fold_for_search(text), _OTHER_SPACE_IN_LINE, "\t\x0b\x0c\r"))


def keys_of_folded_lines(folded: str) -> str:
    """`key_of_folded` over many lines at once (line breaks kept, lines not stripped)."""
    if _UNCOMMON.search(folded):
        return str(_PUNCT_OR_SPACE_IN_LINE.sub(" ", folded))
    return collapse_runs(folded, _PUNCT_OR_OTHER_SPACE_IN_LINE)


def key_of_folded(folded: str) -> str:
    if _UNCOMMON.search(folded):
        return str(_PUNCT_OR_SPACE.sub(" ", folded)).strip()
    return collapse_runs(folded, _PUNCT_OR_OTHER_SPACE).strip()


def line_key(text: str) -> str:
    """Folded, punctuation-free, single-spaced form of a line, for phrase matching."""
    return key_of_folded(line_folded(text))


@dataclass(frozen=True, slots=True)
class ChromeRule:
    reason: str
    kind: str
    phrase: str
    pattern: regex.Pattern[str] | None = None

    @property
    def phrase_pattern(self) -> str:
        assert self.pattern is not None
        return str(self.pattern.pattern)


@dataclass(frozen=True, slots=True)
class Match:
    reason: str
    opens_section: bool


# What `_match_phrases` answers for a short line no phrase rule names.
_TRY_PATTERNS = Match("", False)
_ARABIC_LETTER = compile_regex(r"\p{Arabic}")
_LATIN_LETTER = compile_regex(r"\p{Latin}")


class ChromeRules:
    """All chrome rules, indexed for a fast check of one line."""

    def __init__(self, rules: list[ChromeRule]) -> None:
        self.exact: dict[str, ChromeRule] = {}
        self.prefixes: dict[str, list[ChromeRule]] = {}
        self.contains: list[ChromeRule] = []
        self.long_contains: list[ChromeRule] = []
        self.long_openers: list[ChromeRule] = []
        self.tails: list[ChromeRule] = []
        self.patterns: list[ChromeRule] = []
        for rule in rules:
            if rule.kind in ("line", "header"):
                self.exact.setdefault(rule.phrase, rule)
            elif rule.kind == "prefix":
                # Indexed by first word: a line is checked only against the
                # prefixes that start with its own first word.
                self.prefixes.setdefault(rule.phrase.split(" ", 1)[0], []).append(rule)
            elif rule.kind == "contains":
                self.contains.append(rule)
            elif rule.kind == "contains_long":
                self.long_contains.append(rule)
            elif rule.kind == "opens_long":
                self.long_openers.append(rule)
            elif rule.kind == "tail":
                self.tails.append(rule)
                continue
            else:
                self.patterns.append(rule)
        self.regexes = PagePatterns(
            [rule for rule in self.patterns if rule.phrase_pattern.startswith("^")],
            [rule for rule in self.patterns if not rule.phrase_pattern.startswith("^")],
        )

    def cut_tail(self, paragraph: str) -> tuple[str, Match | None, str]:
        """`paragraph` without chrome glued to its end: (kept text, the rule, the cut text)."""
        for rule in self.tails:
            assert rule.pattern is not None
            found = rule.pattern.search(paragraph)
            if found and found.start() > 0:
                return paragraph[: found.start()].rstrip(), Match(rule.reason, False), found.group().strip()
        return paragraph, None, ""

    def match(
        self, text: str, key: str | None = None, folded: str | None = None, words: int | None = None
    ) -> Match | None:
        """The rule `text` matches; `key`, `folded` and `words` may be given when already computed."""
        folded = line_folded(text) if folded is None else folded
        key = key_of_folded(folded) if key is None else key
        if words is None:
            words = key.count(" ") + 1 if key else 0
        found = self._match_phrases(key, words)
        if found is not _TRY_PATTERNS:
            return found
        reason = self.regexes.reason(folded)
        return Match(reason, False) if reason is not None else None

    def match_lines(self, keys: Sequence[str], folded: Sequence[str], words: Sequence[int]) -> list[Match | None]:
        """`match` of every line of a page (each line's key, folded text and word count).

        The same answers; the regex rules run over the page's lines together.
        """
        found = [self._match_phrases(key, count) for key, count in zip(keys, words, strict=True)]
        pending = [index for index, match in enumerate(found) if match is _TRY_PATTERNS]
        if pending:
            reasons = self.regexes.reasons([folded[index] for index in pending])
            for index, reason in zip(pending, reasons, strict=True):
                found[index] = Match(reason, False) if reason is not None else None
        return found

    def _bilingual_header(self, key: str) -> ChromeRule | None:
        """``Sur le même sujet | مواضيع ذات صلة``: a bilingual site writes its box headers in both
        scripts; the header in either one is the widget's."""
        words = key.split()
        arabic = " ".join(word for word in words if _ARABIC_LETTER.search(word))
        other = " ".join(word for word in words if not _ARABIC_LETTER.search(word))
        for part in (arabic, other):
            rule = self.exact.get(part)
            if rule is not None and rule.kind == "header":
                return rule
        return None

    def _match_phrases(self, key: str, words: int) -> Match | None:
        """The phrase rule `key` matches; `_TRY_PATTERNS` when the regex rules have to say."""
        rule = self.exact.get(key)
        if rule is None and words <= PREFIX_MAX_WORDS and _ARABIC_LETTER.search(key) and _LATIN_LETTER.search(key):
            rule = self._bilingual_header(key)  # a header is short: long lines skip the two scans
        if rule is not None:
            return Match(rule.reason, rule.kind == "header")
        if words <= PREFIX_MAX_WORDS:
            for rule in self.prefixes.get(key.split(" ", 1)[0], ()):
                if key.startswith(rule.phrase) and (len(key) == len(rule.phrase) or key[len(rule.phrase)] == " "):
                    return Match(rule.reason, False)
        if words <= LONG_CONTAINS_MAX_WORDS:
            for rule in self.long_contains:
                if rule.phrase in key:
                    return Match(rule.reason, False)
            for rule in self.long_openers:
                if key.startswith(rule.phrase):
                    return Match(rule.reason, False)
        if words > CONTAINS_MAX_WORDS:
            return None
        for rule in self.contains:
            if rule.phrase in key:
                return Match(rule.reason, False)
        return _TRY_PATTERNS


def _data_lines(name: str) -> list[str]:
    text = resources.files("marsad.segment").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def parse_rules(lines: list[str], source: str = "chrome.tsv") -> list[ChromeRule]:
    rules: list[ChromeRule] = []
    for number, line in enumerate(lines, 1):
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{source}: rule {number} needs reason<TAB>kind<TAB>phrase: {line!r}")
        reason, kind, phrase = parts
        if kind == "regex":
            pattern = compile_regex(fold_letters(phrase), regex.IGNORECASE)
            rules.append(ChromeRule(reason, kind, phrase, pattern))
        elif kind == "tail":
            rules.append(ChromeRule(reason, kind, phrase, compile_regex(phrase)))
        elif kind in ("line", "header", "prefix", "contains", "contains_long", "opens_long"):
            rules.append(ChromeRule(reason, kind, line_key(phrase)))
        else:
            raise ValueError(f"{source}: rule {number} has unknown kind {kind!r}")
    return rules


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    return ChromeRules(parse_rules(_data_lines("chrome.tsv")))


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    return frozenset(line_key(word) for word in _data_lines("function_words.txt"))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded keys of the countries and cities that open datelines and headlines (`تونس: ...`)."""
    return frozenset(line_key(name) for name in _data_lines("places.txt"))


@lru_cache(maxsize=1)
def female_given_names() -> frozenset[str]:
    """Folded keys of women's given names (`هالة`, `منى`) that open an author's name."""
    return frozenset(line_key(name) for name in _data_lines("female_given_names.txt"))


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    """Folded keys of the titles a caption gives a person before the name (`الرئيس`, `اللاعب`)."""
    return frozenset(line_key(title) for title in _data_lines("person_titles.txt"))


@lru_cache(maxsize=1)
def section_names() -> dict[str, str]:
    """Folded key of each known section name -> the name as written."""
    return {line_key(name): name for name in _data_lines("sections.txt")}


@lru_cache(maxsize=1)
def nav_prefixes() -> tuple[str, ...]:
    # Longest first, so that الأخبار is tried before أخبار.
    return tuple(sorted(set(_data_lines("nav_prefixes.txt")), key=len, reverse=True))
