"""Site names glued to headlines: `اسم الموقع - العنوان`, `العنوان | اسم الموقع`.

A site puts its name beside every headline it prints, so over a source's pages
the same short segment recurs before (or after) a separator on many headline
lines; those segments are the source's affixes. HTML pages also name their
site (`og:site_name`). A title loses an affix only at its start or end, and
only where a separator parts it from the rest.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import regex

from marsad.segment.lines import Kind, Line
from marsad.segment.rules import line_key

__all__ = ["SiteAffixLearner", "cut_site_name", "names_elsewhere"]

# Not `/`: `عام / ...` is a wire's section. A colon after a word separates (``مرايا بريس: العنوان``),
# but `بايدن: ...` is a speaker: only a name learned over a site's pages, or one another line of the
# page holds among other words, is cut there. ``«`` and ``»`` separate only with spaces around them:
# glued, they quote (``لاستضافة «إكسبو 2020»``).
_SEPARATOR = regex.compile(r"\s+(?:[-–—|»«]|::)\s+|\s*\|\s*|(?<=\p{L})\s?:\s+")
_COLON_HEAD = regex.compile(r"^([^:|]{2,40}?)\s?:\s+")
# A site's name is short; a longer segment is part of the headline.
_MAX_AFFIX_WORDS = 4
# Headlines sit near the top of a page.
_HEAD_LINES = 20


def _split(title: str) -> list[str]:
    return [part for part in _SEPARATOR.split(title) if part.strip()]


def _affix_candidates(text: str) -> tuple[str | None, str | None]:
    """The first and the last segment of a headline-like line, when short enough to be a name."""
    parts = _split(text)
    if len(parts) < 2:
        return None, None
    first, last = parts[0].strip(), parts[-1].strip()
    head = first if len(first.split()) <= _MAX_AFFIX_WORDS else None
    tail = last if len(last.split()) <= _MAX_AFFIX_WORDS else None
    return head, tail


def cut_site_name(title: str, names: Collection[str]) -> tuple[str, str | None]:
    """`title` without a site name at its start or end (and the separator), and what was cut."""
    if not names:
        return title, None
    keys = {line_key(name) for name in names if name}
    keys.discard("")
    cuts: list[tuple[bool, str, str]] = []  # (cut at a colon, kept, cut)
    for match in _SEPARATOR.finditer(title):
        before, after = title[: match.start()].strip(), title[match.end() :].strip()
        if not before or not after:
            continue
        colon = ":" in match.group()
        if line_key(before) in keys:
            cuts.append((colon, after, title[: match.end()].strip()))
        if line_key(after) in keys:
            cuts.append((colon, before, title[match.start() :].strip()))
    if not cuts:
        return title, None
    # ``دراسة: العنوان - جريدة اللؤلؤة``: a name behind a dash or a bar before a word before a colon,
    # which may be the headline's own label.
    _, kept, cut = min(cuts, key=lambda found: found[0])
    return kept, cut


def names_elsewhere(title: str, other_keys: Iterable[str]) -> frozenset[str]:
    """The short segments of `title` that other lines of its page also name (the copyright
    line, the site's blurb, the masthead): a site name, when there is one page to go by."""
    candidates = {line_key(affix): affix for affix in _affix_candidates(title) if affix}
    candidates.pop("", None)
    if not candidates:
        return frozenset()
    padded = [f" {key} " for key in other_keys]
    colon = _COLON_HEAD.match(title)
    spoken = line_key(colon[1]) if colon else None

    def named(key: str) -> bool:
        if key == spoken:
            # ``الوزير: ...`` is a speaker when the page shows the word alone; a site's name
            # stands inside a longer line too (``© 2012 مرايا بريس``).
            return any(f" {key} " in other and other.strip() != key for other in padded)
        return any(f" {key} " in other for other in padded)

    return frozenset(affix for key, affix in candidates.items() if named(key))


@dataclass(slots=True)
class SiteAffixLearner:
    """Counts, per source, the short segments that open or close headline-like lines."""

    min_pages: int = 3
    min_share: float = 0.3
    pages: Counter[str] = field(default_factory=Counter)
    counts: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def observe(self, source: str, lines: Iterable[Line]) -> None:
        self.pages[source] += 1
        seen: set[str] = set()
        for line in lines:
            if line.index >= _HEAD_LINES:
                break
            if line.kind not in (Kind.HEADLINE, Kind.MEDIUM) or line.chrome is not None:
                continue
            for affix in _affix_candidates(line.text):
                if affix and (key := line_key(affix)) and key not in seen:
                    seen.add(key)
                    self.counts[source][affix] += 1

    def affixes(self) -> dict[str, frozenset[str]]:
        learned: dict[str, frozenset[str]] = {}
        for source, total in self.pages.items():
            names = frozenset(
                affix
                for affix, count in self.counts[source].items()
                if count >= self.min_pages and count >= self.min_share * total
            )
            if names:
                learned[source] = names
        return learned
