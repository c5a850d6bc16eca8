"""Breadcrumbs and section lines: where the page says which section the article is in.

Text extraction often fuses the navigation word to the section name
(`أخبارالشرق الأوسط`); `unglue` repairs that before the category is read.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote

import regex

from marsad.segment.labels import says_something
from marsad.segment.rules import chrome_rules, line_folded, line_key, nav_prefixes, section_names
from marsad.startup_cache import compile_regex

_SEPARATORS = compile_regex(r"\s*(?:[»›‹>|/\\•·◂▸]|&gt;|--)\s*")
_ARABIC_START = compile_regex(r"[\u0621-\u064a]")
_MAX_BREADCRUMB_WORDS = 10
# A trail runs home › section › subsection › page at most; a longer list is a menu.
_MAX_CRUMBS = 4


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


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    names = ("عربي", "العربية", "english", "english version", "français", "francais", "ar", "en", "fr")
    return frozenset(line_key(name) for name in names)


# ``رحالة العرب و«العربي» يتعرف إلى أوطانه``: a guillemet that closes one opened before it on the line
# quotes a word; only a lone ``»`` parts crumbs.
_QUOTED = compile_regex(r"«([^«»\n]{1,80})»")


def _segments(text: str) -> list[str]:
    if "«" in text:
        text = _QUOTED.sub(r"“\1”", text)
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
    if len(segments) > _MAX_CRUMBS:
        return None  # a menu of sections, not the trail to one
    sections = section_names()
    home = _home_keys()
    named = [segment for segment in segments if line_key(segment) not in home]
    if not named or all(line_key(segment) in _languages() for segment in named):
        return None  # `عربي | English | Français`: a language switcher, not a trail
    if is_wire_headline(repaired) or any(_ACTION_FIRST.match(line_key(segment)) for segment in named):
        return None  # a wire's desk before its headline; a row of buttons (``طباعة الخبر | ... | RSS``)
    last = named[-1]
    if glued or has_separator:
        return last if len(last.split()) <= 5 else None
    return sections.get(line_key(last)) and last


# ``عام / اهتمامات الصحف اللبنانية``, ``اقتصادي / البورصة الكويتية تغلق على تباين``: a news agency writes its
# desk, an adjective, before the headline (362 SaudiNewsNet titles); a trail names sections by their nouns.
_WIRE_DESKS = frozenset(
    line_key(word) for word in ("عام", "اقتصادي", "إقتصادي", "سياسي", "رياضي", "ثقافي", "اجتماعي", "محلي", "دولي")
)
_MIN_WIRE_HEADLINE_WORDS = 3


def is_wire_headline(text: str) -> bool:
    """``عام / اهتمامات الصحف اللبنانية``: a wire's desk and its headline, no trail and no dateline."""
    if " / " not in text:
        return False
    segments = _segments(text)
    return (
        len(segments) == 2
        and line_key(segments[0]) in _WIRE_DESKS
        and len(segments[1].split()) >= _MIN_WIRE_HEADLINE_WORDS
    )


def is_section_trail(text: str) -> bool:
    """A trail of crumbs one of which is a known section (`الأولى » محليات » قضايا`), whatever its
    home link is called."""
    crumbs = _segments(unglue(text))
    return len(crumbs) > 1 and category_from_line(text) is not None and any(map(is_section_name, crumbs))


def is_section_name(text: str) -> bool:
    return line_key(text) in section_names()


_PERCENT_ESCAPE = compile_regex(r"%[0-9A-Fa-f]{2}")
_LETTER = compile_regex(r"\p{L}")
_SLUG = compile_regex(r"^[\w.]+(?:[-_][\w.]+)+$")
_MAX_CATEGORY_WORDS = 6


# What the chrome rules name a date or a page's action, never a section (`طباعة | إرسال` after a breadcrumb).
_NO_SECTION_REASONS = frozenset(
    {"date_line", "print", "newsletter_promo", "share_widget", "comment_form", "search_form", "login", "sms_promo"}
)
# A label and its count, a clock's time; a button's verb or noun first (folded, as line keys are).
_COUNT_OR_CLOCK = compile_regex(r":\s*[\d,.]+|\d{1,2}:\d{2}")
_ACTION_FIRST = compile_regex(r"^(?:ارسل|ارسال|اطبع|طباعه|شارك|مشاركه|تسجيل|اشترك|دخول)(?:\s|$)")
_ACTION_WORDS = frozenset(line_key(word) for word in ("الرئيسية", "الصفحة الرئيسية", "home", "accueil"))


def plausible_category(text: str | None) -> str | None:
    """`text` as a section name, or None when it cannot be one: a date, a time, a number,
    punctuation, a URL slug (`%D8%A7...` is decoded first, and a slug is taken only when
    it spells an Arabic section name)."""
    if not text:
        return None
    text = text.strip()
    if _PERCENT_ESCAPE.search(text):
        text = unquote(text).strip()
    if _SLUG.match(text):
        spelled = regex.sub(r"[-_]+", " ", text)
        return spelled if line_key(spelled) in section_names() else None
    if not says_something(text) or len(text.split()) > _MAX_CATEGORY_WORDS:
        return None
    key = line_key(text)
    match = chrome_rules().match(text, key, line_folded(text), len(key.split()))
    if match is not None and match.reason in _NO_SECTION_REASONS:
        return None  # a date, or a page's action (`طباعة`, `اشترك`, `الرئيسية`): a trail's button, no section
    if key in _ACTION_WORDS or "°" in text or _COUNT_OR_CLOCK.search(text) or _ACTION_FIRST.match(key):
        return None  # ``العقبة 41°`` (a weather strip's town), ``قراءة: 1,318``, ``أرسل المقال لصديق``
    digits = sum(char.isdigit() for char in text)
    return None if digits * 2 >= len(regex.sub(r"\s", "", text)) else text
