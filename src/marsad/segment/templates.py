"""Per-source templates: lines that recur on many pages of one source are chrome.

No rule can name every site's widgets, but a site repeats its own chrome on
every page. Over a collection we count, per source, on how many pages each
line occurs; a line seen on enough pages is a template line for that source.
A page whose prose is mostly already seen on that source is a copy of a story
(republished, updated) and is not counted: its title and text recur because
the story does, not because the site's template does.

The guard: real text also repeats across a source's pages — a dateline
(`الرياض - واس`), a standing formula of an agency, a recurring sentence of a
running story. Such lines are kept when they look like article text: a
dateline, or a prose line (a finished sentence of running text) that is not
near-universal on that source.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from marsad.arabic.normalize import fold_for_search, may_have_presentation_forms
from marsad.segment.breadcrumb import is_wire_headline
from marsad.segment.lines import Kind, describe_lines
from marsad.segment.site_names import SiteAffixLearner
from marsad.startup_cache import compile_regex

# `الرياض - واس`, `القاهرة (رويترز)`, `جدة: محمد العتيبي`, `الجزائر: ق. ث`, `العواصم: الوكالات
# 2012-07-08 12:06 am` — a place, then an agency, an author or initials, and maybe when.
DATELINE = compile_regex(
    # ``لندن: «الشرق الأوسط»``: the source may stand in guillemets or quotation marks
    # ``تعز - منبر الشعب نت - خاص:``: a source, then what kind of report
    # ``عدن - (م.أ.م)``: an agency's initials in brackets after the dash
    # ``دبي - سهيل TV``: a channel's name may end in Latin capitals (no line of the news collections)
    r"^\p{Arabic}+(?:\s\p{Arabic}+)?\s*(?:[-–—:/]|\()\s*(?:(?<=[-–—]\s{0,2})\(|[«\"])?\p{Arabic}+\.?(?:\s?\p{Arabic}+\.?){0,2}"
    r"(?:\s[a-zA-Z]{2,3})?[»\")]?\s*\)?"
    r"(?:\s*[-–—]\s*\p{Arabic}+)?\s*[:.]?"
    r"(?:\s+[\d/:.\-]+(?:\s+[\d/:.\-]+)?(?:\s*(?:am|pm|ص|م))?)?$"
)


@dataclass(slots=True)
class TemplateLearner:
    """Counts recurring lines per source; `templates()` gives the learned chrome lines."""

    min_pages: int = 3
    min_share: float = 0.3
    # A prose-looking line is chrome only if nearly every page of the source has it.
    prose_share: float = 0.8
    pages: Counter[str] = field(default_factory=Counter)
    counts: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    prose: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    datelines: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    copies: Counter[str] = field(default_factory=Counter)
    affix_learner: SiteAffixLearner = field(default_factory=SiteAffixLearner)

    def observe(self, source: str | None, text: str) -> None:
        if not source:
            return
        lines = [line for line in describe_lines(text) if line.key]
        prose = {line.key for line in lines if line.kind is Kind.PROSE}
        if _is_copy(prose, self.prose[source]):
            # A story published again on the same site repeats its title and text: counted
            # as a second page, its lines would look like the site's own chrome.
            self.copies[source] += 1
            return
        self.pages[source] += 1
        self.affix_learner.observe(source, lines)
        seen: set[str] = set()
        for line in lines:
            if line.key in seen:
                continue
            seen.add(line.key)
            self.counts[source][line.key] += 1
            if line.kind is Kind.PROSE:
                self.prose[source].add(line.key)
            elif is_dateline(line.text):
                self.datelines[source].add(line.key)

    def templates(self) -> dict[str, frozenset[str]]:
        learned: dict[str, frozenset[str]] = {}
        for source, total in self.pages.items():
            if total < self.min_pages:
                continue
            keep: set[str] = set()
            for key, count in self.counts[source].items():
                share = count / total
                if count < self.min_pages or share < self.min_share:
                    continue
                if key in self.datelines[source]:
                    continue
                if key in self.prose[source] and share < self.prose_share:
                    continue
                keep.add(key)
            if keep:
                learned[source] = frozenset(keep)
        return learned

    def recurring(self) -> dict[str, frozenset[str]]:
        """Per source seen on enough pages, the lines that are not prose and stand on two pages
        or more: a template's rarer lines, a column's name over its pieces' headlines."""
        learned: dict[str, frozenset[str]] = {}
        for source, total in self.pages.items():
            if total < self.min_pages:
                continue
            lines = frozenset(
                key
                for key, count in self.counts[source].items()
                if count >= _RECURRING_PAGES and key not in self.prose[source] and key not in self.datelines[source]
            )
            if lines:
                learned[source] = lines
        return learned

    def site_affixes(self) -> dict[str, frozenset[str]]:
        """Per source, the site names its headlines carry (see `segment.site_names`)."""
        return self.affix_learner.affixes()


# Two pages of one source carrying the same line, where copies of a story are not counted.
_RECURRING_PAGES = 2


def _is_copy(prose: set[str], seen: set[str]) -> bool:
    """More than half of a page's prose lines were already seen on the same source."""
    if not prose:
        return False
    return 2 * len(prose & seen) > len(prose)


# `DATELINE` needs one of these; folding creates none of them outside the
# presentation forms, so a line without any is settled unfolded.
_DATELINE_SEPARATOR = re.compile("[-–—:/(]")


def is_dateline(text: str) -> bool:
    if _DATELINE_SEPARATOR.search(text) is None and not may_have_presentation_forms(text):
        return False
    if is_wire_headline(text):
        return False
    # ``✍ طرابلس - منارة ليبيا``: an icon before the dateline is not part of it
    text = _LEADING_SIGNS.sub("", fold_for_search(text)).strip()
    return len(_WORD.findall(text)) <= _MAX_DATELINE_WORDS and bool(DATELINE.match(text) or _SOURCE_LINE.match(text))


# ``نبض اليمن نت - خاص``, ``عين اليوم – متابعات``: a source of up to four words and the kind of
# report (262 such lines in the news collections); or the kind first, and the reporter's city after a
# bar (``خاص - صدى اليمن | تعز``; no line of the news collections).
_SOURCE_LINE = compile_regex(
    r"^\p{Arabic}+(?:\s\p{Arabic}+){0,3}\s*[-–—]\s*(?:خاص|حصري|متابعات|وكالات)\s*[:.]?$"
    r"|^(?:خاص|حصري|متابعات)\s*[-–—]\s*\p{Arabic}+(?:\s\p{Arabic}+){0,3}(?:\s*\|\s*\p{Arabic}+(?:\s\p{Arabic}+)?)?$"
    # ``دمشق - خاص «المشرق اليوم»``, ``صنعاء - خاص ب"الرياض"``: a place, the kind of report, and for whom in
    # quotation marks (one line of the news collections)
    r"|^\p{Arabic}+(?:\s\p{Arabic}+)?\s*[-–—]\s*(?:خاص|حصري)\s*(?:ب|ل)?\s*[«\"(]\p{Arabic}+(?:\s\p{Arabic}+){0,3}[»\")]\s*[:.]?$"
)


_WORD = compile_regex(r"\w+")  # words, not the dashes between them
_LEADING_SIGNS = compile_regex(r"^[^\w«\"(]+")
_MAX_DATELINE_WORDS = 6
