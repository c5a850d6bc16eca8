"""Site names glued to headlines: `اسم الموقع - العنوان`, `العنوان | اسم الموقع`.

A site puts its name beside every headline it prints, so over a source's pages
the same short segment recurs before (or after) a separator on many headline
lines; those segments are the source's affixes. HTML pages also name their
site (`og:site_name`). A title loses an affix only at its start or end, and
only where a separator parts it from the rest.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from marsad.segment.labels import says_something
from marsad.segment.lines import Kind, Line
from marsad.segment.rules import chrome_rules, line_key, place_names
from marsad.startup_cache import compile_regex

__all__ = [
    "SiteAffixLearner",
    "SiteNamedHeadline",
    "cut_site_name",
    "names_an_outlet",
    "names_elsewhere",
    "site_named_headline",
]

# Not `/`: `عام / ...` is a wire's section. A colon after a word separates (``مرايا بريس: العنوان``),
# but `بايدن: ...` is a speaker: only a name learned over a site's pages, or one another line of the
# page holds among other words, is cut there. ``«`` and ``»`` separate only with spaces around them:
# glued, they quote (``لاستضافة «إكسبو 2020»``).
# (` : ` apart from the words on both sides too: ``... «بصمات عنف» : نخيل نيوز``)
_SEPARATOR = compile_regex(r"\s+(?:[-–—|»«‹›:]|:{2,3})\s+|\s*\|\s*|(?<=\p{L})\s?:\s+")
_COLON_HEAD = compile_regex(r"^([^:|]{2,40}?)\s?:\s+")
# A site's name is short; a longer segment is part of the headline.
_MAX_AFFIX_WORDS = 4
# Where the masthead or the copyright line names it, a longer name is the site's too (a ministry's:
# `... - وزارة الخدمات العامة والتنمية المحلية`).
_MAX_NAMED_AFFIX_WORDS = 6
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


# ``على الحدود التركية - السورية``, ``الحوار الاستراتيجي المصري - الأميركي``: two relational adjectives
# apart by a dash describe one thing (5 SaudiNewsNet titles end so); the second is no site's name.
_PAIRED_ADJECTIVES = compile_regex(r"(?<!\S)ال\S+(?:ية|يه|ي)\s[-–]\s(ال\S+(?:ية|يه|ي))\s*$")


def names_elsewhere(title: str, other_keys: Iterable[str], told: Iterable[str] = ()) -> frozenset[str]:
    """The short segments of `title` that other lines of its page also name (the copyright
    line, the site's blurb, the masthead): a site name, when there is one page to go by. A
    speaker before the headline's colon whom the article's paragraphs (`told`, line keys) name
    is who speaks (`دي ماريا: ...` over `أكد النجم الأرجنتيني أنخيل دي ماريا ...`), whatever else
    names him (a player card's `الاسم: أنخيل دي ماريا`)."""
    candidates = {line_key(affix): affix for affix in _affix_candidates(title) if affix}
    candidates.pop("", None)
    for place in place_names() & candidates.keys():
        del candidates[place]  # `تونس: ...` names where, not who
    if (paired := _PAIRED_ADJECTIVES.search(title)) is not None:
        candidates.pop(line_key(paired[1]), None)  # `الحدود التركية - السورية`: one border, no site
    if not candidates:
        return frozenset()
    # A line that repeats the whole headline (a link to the story, a breadcrumb ending with it)
    # names what the headline names, not the site.
    whole = f" {line_key(title)} "
    padded = [padded for key in other_keys if whole not in (padded := f" {key} ")]
    colon = _COLON_HEAD.match(title)
    spoken = line_key(colon[1]) if colon else None

    said = [f" {key} " for key in told]

    def named(key: str) -> bool:
        if key == spoken and any(f" {key} " in paragraph for paragraph in said):
            return False
        if key == spoken:
            # ``الوزير: ...`` is a speaker when the page shows the word alone; a site's name
            # stands inside a longer line too (``© 2012 مرايا بريس``).
            return any(f" {key} " in other and other.strip() != key for other in padded)
        return any(f" {key} " in other for other in padded)

    return frozenset(affix for key, affix in candidates.items() if named(key))


# Words any outlet's name may carry (`جريدة`, `نيوز`, `نت`): the rest of the name is what
# the page must show elsewhere. Folded, as line keys are.
_MEDIA_WORDS = frozenset(
    line_key(word)
    for word in (
        *("جريدة", "صحيفة", "يومية", "قناة", "الفضائية", "فضائية", "موقع", "بوابة", "وكالة", "شبكة"),
        *("مجلة", "إذاعة", "راديو", "تلفزيون", "نيوز", "نت", "أخبار", "الأخبار", "الإخباري", "الإخبارية"),
        *("الإلكترونية", "الإلكتروني", "أونلاين", "news", "net", "tv", "online", "24"),
        *("fm", "اف", "ام", "إف", "إم"),  # a radio's band (`نجوم تونس FM`)
        # a link's kind (`بالفيديو: ...`), not a name
        *("فيديو", "بالفيديو", "صور", "بالصور"),
    )
)
_PREFIXES = ("وال", "بال", "لل", "ال", "ل")


def names_an_outlet(text: str) -> bool:
    """Opening and closing with an outlet's words (`بوابة الأردن الإخبارية`, `شبكة الرافدين نيوز`)."""
    words = line_key(text).split()
    return len(words) > 1 and words[0] in _MEDIA_WORDS and words[-1] in _MEDIA_WORDS


_NEGATIONS = frozenset({"لا", "ولا", "ليس", "ليست", "لم", "لن"})
_MIN_STEM = 3
# The masthead: a site's name stands in its first lines.
_MASTHEAD_LINES = 4
_MASTHEAD_WORDS = 6
_BLURB_NAME_WORDS = 4
_MIN_HEADLINE_WORDS = 3
_MAX_HEADLINE_WORDS = 30
# Separators made a menu or a breadcrumb of the headline line; other chrome is no headline.
_HEADLINE_REASONS = frozenset({"navigation", "breadcrumb", "related_articles"})
_TWO = 2  # a name and a headline
_BAR_OR_DASH = compile_regex(r"\s+(?:[-–—|»«]|:{2,3})\s+|\s*\|\s*")


_ARABIC_LETTER = compile_regex(r"\p{Arabic}")
_LETTER = compile_regex(r"\p{L}")


def _mostly_arabic(text: str) -> bool:
    return 2 * len(_ARABIC_LETTER.findall(text)) >= len(_LETTER.findall(text))


def _name_and_headline(text: str) -> tuple[str, str, bool] | None:
    """The two sides of a line a separator parts in two, and whether a colon parts them; a colon
    parts a line only where no dash or bar does (`دراسة: العنوان - جريدة اللؤلؤة` is a headline
    and a name)."""
    parts = [part for part in _BAR_OR_DASH.split(text) if part.strip()]
    if len(parts) == 1 and (colon := _COLON_HEAD.match(text)):
        return colon[1], text[colon.end() :], True
    return (parts[0], parts[1], False) if len(parts) == _TWO else None


def _names_the_site(line: Line) -> frozenset[str]:
    """The word stems of `line` that may name its site: a short line of the masthead (not a
    menu, `أخبار | لبنان | رياضة`, nor the article's first paragraph), a copyright line, and the
    opening words of the site's blurb (`المرفأ صحيفة يومية عمانية ...`: the rest of a blurb
    names the places and subjects the site covers)."""
    reason = line.chrome.reason if line.chrome is not None else None
    words = line.key.split()
    if reason == "about_site":
        words = words[:_BLURB_NAME_WORDS]
        if _NEGATIONS & set(words):
            return frozenset()  # a disclaimer (``رأي المحلل لا يمثل ...``) says what it is not, not whose
    elif reason != "copyright" and not (
        line.index < _MASTHEAD_LINES
        and reason in (None, "template")
        # a name in two scripts (`ستاد الجزائر | Stade DZ`, `Nojoum Tunis FM 101.4 | إذاعة نجوم تونس`), a few
        # words each, not a menu of three entries or more
        and len(parts := _BAR_OR_DASH.split(line.text)) <= _TWO
        and all(len(line_key(part).split()) <= _MASTHEAD_WORDS for part in parts)
    ):
        return frozenset()
    return frozenset(_stem(word) for word in words)


def _stem(word: str) -> str:
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            return word[len(prefix) :]
    return word


def _name_core(affix: str) -> frozenset[str]:
    key = line_key(affix)
    if key in place_names():
        return frozenset()  # a dateline's place (`الخرطوم - ...`), not the site's name
    core = frozenset(_stem(word) for word in key.split() if word not in _MEDIA_WORDS)
    # a number is no name (`60 - 65 دينارا ...`)
    return core if any(not word.isdigit() for word in core) else frozenset()


@dataclass(frozen=True, slots=True)
class SiteNamedHeadline:
    """The line (`index`) that glues the site's name to a headline, the headline, and what is cut."""

    index: int
    headline: str
    site_name: str


def site_named_headline(lines: Sequence[Line], templates: Collection[str] = ()) -> SiteNamedHeadline | None:
    """The one line of a page's head that glues the site's name to a headline (`السنبلة نيوز -
    العنوان`, `العنوان | بوابة الدانة`): the page's own title, however the line is formed.

    The name is recognised where the site names itself (`_names_the_site`): its masthead above
    the headline, its copyright line, its blurb; there its words stand, less the words any
    outlet's name carries (`قناة السنبلة الفضائية` names `السنبلة نيوز`). A page where two lines
    carry the name glues it to its links too, and shows no headline by it.
    """
    names = [(line.index, stems) for line in lines if (stems := _names_the_site(line))]
    found: list[SiteNamedHeadline] = []
    for line in lines[: _HEAD_LINES * 2]:
        if (
            line.key in templates
            or line.bullet
            or line.boxed
            or (line.chrome is not None and line.chrome.reason not in _HEADLINE_REASONS)
        ):
            # a line every page prints, a list's item, a caption or a byline naming the site, a box
            # inside the article (a printed sheet's stamp over the title, `printed_links`)
            continue
        parts = _name_and_headline(line.text)
        if parts is None:
            continue
        # The short lines under a headline are its deck, byline and caption, not a masthead
        # (`واشنطن: محمد علي صالح` under `واشنطن: ...`).
        above = [stems for index, stems in names if index < line.index or index >= _MASTHEAD_LINES]
        first, second, colon = parts
        paired = _PAIRED_ADJECTIVES.search(line.text)
        for affix, headline in ((first, second), (second, first)):
            if paired is not None and affix.strip() == paired[1]:
                continue  # `الحدود التركية - السورية`: the second adjective, no site
            core = _name_core(affix)
            if (
                core
                and len(affix.split()) <= _MAX_NAMED_AFFIX_WORDS
                # words of two letters or more: an agency's initials (`و م ع`) are no headline
                and _MIN_HEADLINE_WORDS <= sum(len(w) > 1 for w in headline.split()) <= _MAX_HEADLINE_WORDS
                and not headline.rstrip().endswith(".")
                # `اليوم: الثلاثاء 21 يوليو 2015`: a site's word before a date is a date line
                and says_something(headline)
                # `الرابية | Al Rabia News Agency`: the site's name in two scripts, no headline
                and _mostly_arabic(headline)
                # `صحيفة المقرن - سياسية يومية شاملة`: the masthead's tagline is chrome, no headline
                and chrome_rules().match(headline) is None
                # `شرفة عمّان - بوابة الأردن الإخبارية`: a second name of the outlet, no headline
                and not names_an_outlet(headline)
                # `الوزير: ...` is a speaker where the page shows the word alone; a site's name
                # stands among other words too (`وكالة الضاد للأنباء` over `ضاد: ...`)
                and any(core < stems if colon else core <= stems for stems in above)
            ):
                title = headline.strip()
                # what is cut keeps its separator, as `cut_site_name` gives it (`المدينة نيوز -`)
                found.append(SiteNamedHeadline(line.index, title, line.text.replace(title, "", 1).strip()))
                break
    return found[0] if len(found) == 1 else None


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
