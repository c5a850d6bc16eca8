"""The article's title line: the headline-like line above the body that is not chrome.

Issue #16: meta lines (a date, a time, views, print, reading time, bylines) are never titles;
of two headlines over the body, the page tells which is the headline (it repeats it with the
site's name, or the headline's meta lines stand between it and a deck); a list item under a
section header never is.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from marsad.arabic.normalize import fold_for_search
from marsad.given_names import given_names
from marsad.segment.breadcrumb import is_section_trail
from marsad.segment.captions import LENGTH_ALONE as _LENGTH_ALONE
from marsad.segment.captions import VIDEO_WORDS as _VIDEO_WORDS
from marsad.segment.lines import Kind, Line, key_of_line
from marsad.segment.openers import headline_opening, headlines_opened
from marsad.segment.rules import female_given_names, line_key, person_titles, place_names, section_names
from marsad.segment.site_names import names_an_outlet
from marsad.segment.templates import is_dateline

__all__ = ["find_title", "is_section_line", "opens_with_label", "short_sentence", "summary_header"]

# How far above the body the title may stand.
_TITLE_LOOKBACK = 15
_MAX_TITLE_WORDS = 40


def is_section_line(line: Line) -> bool:
    """`is_section_name(line.text)`, from the key the line's features hold."""
    return key_of_line(line) in section_names()


# A question or a quotation ends like a sentence, but a line this short is a headline.
_MAX_SHORT_SENTENCE_WORDS = 12


def short_sentence(line: Line) -> bool:
    return line.kind is Kind.PROSE and line.words <= _MAX_SHORT_SENTENCE_WORDS and not line.text.endswith((".", "،"))


def _headline_like(line: Line) -> bool:
    if not 3 <= line.words <= _MAX_TITLE_WORDS:
        return False
    return line.kind in (Kind.HEADLINE, Kind.MEDIUM) or short_sentence(line)


# Lines no headline is: a clock time (none in 34k titles of the news collections; a date line
# with a time is common), a temperature, a market ticker's arrows, a row of hashtags.
_CLOCK = re.compile(r"(?<!\d)\d{1,2}\s?[:h]\s?\d{2}(?!\d)")
_SIGNS = re.compile("[°▲▼⏱🏟]")
# ``FT • ودية``, ``'90 رونالدينيو يكمل اللقاء``: a match centre's status or minute opens the line (no
# SaudiNewsNet title of 31k opens so).
_MATCH_MINUTE = re.compile(r"^(?:FT|HT|\d{1,3}\s?['’′]|['’′]\s?\d{1,3})(?:\s|•|$)")
_HASHTAG = re.compile(r"(?:^|\s)#\w")
# ``نتائج أمس: النصر 2 - 0 الشعب (ودية) | الهلال 1 - 1 ميونيخ 1860``: a scores ticker (no SaudiNewsNet
# title of 31k holds two scores).
_SCORE = re.compile(r"(?<![\d/.])\d{1,2}\s?[-–]\s?\d{1,2}(?![\d/.])")
_TICKER_SCORES = 2
_META_REASONS = frozenset({"date_line", "share_widget", "print", "byline"})


# `الرئيسية / أخبار لبنان`, `أنت هنا: الرئيسية / اقتصاد`, `Accueil » Régions`: a breadcrumb.
# (``الرئيسية - محليات - ...``: a dash parts a trail as well, with spaces around it)
BREADCRUMB = re.compile(r"^\s*(?:[أا]نت هنا\s*:\s*)?(?:الرئيسي[ةه]|accueil|home)\s*(?:[/›>»|]|\s[-–]\s)", re.IGNORECASE)
# ``الرئيسية موضة جمال صحة ورشاقة مطبخ``: a menu glued without separators (no line of the news
# collections opens with the word and three more).
_HOME_MENU = re.compile(r"^الرييسيه(?:\s\S+){3,}$|^الرييسيه\w")  # (or glued: ``الرئيسيةنجوم وفن``)
# A ticker's label alone on its line, its item on the next (`عاجل` / `الأمم المتحدة تدعو ...`).
_TICKER_LABELS = frozenset(
    # (a channel's live label, ``مباشر``, over what is on air: ``برنامج «حديث المساء» يبدأ بعد قليل``)
    {"عاجل", "خبر عاجل", "عاجل الان", "flash", "flash info", "breaking", "breaking news", "مباشر", "بث مباشر"}
)
# `مراسل المدار في معسكر النمسا`, `محررة الشؤون الاقتصادية - جدة`: an author's post under a byline.
# Of 31k SaudiNewsNet titles 4 open with such a word, all of seven words or more and with a verb.
_AUTHOR_POSTS = frozenset({"مراسل", "مراسله", "محرر", "محرره", "مندوب", "مندوبه", "موفد", "موفده", "صحفي", "صحفيه"})
_MAX_POST_WORDS = 6
# ``الطبيب سكفالي في حوار مع ''الشعب: ''``: quote marks left open after the colon that introduces.
_CLOSING_MARKS = " '\"”»"
# `عدد المقالات: 418`, `مشاهدات: 947`: a label and its count; `سعر صرف الدولار في بغداد: 1,235 ديناراً`: a
# rate and its unit (no SaudiNewsNet title of 31k is a label, a colon and a figure); `🔁 مشاركة 1.2 ألف`: a
# widget's count.
_COUNTED_LABEL = re.compile(
    r"^[^\d:]{2,40}:\s*[\d.,]+(?:\s+\S+){0,2}$|^\W*(?:مشارك[ةه]|مشاركات|مشاهد[ةه]|مشاهدات|قراء[ةه]|تعليق|تعليقات|[إا]عجاب)\s*[\d.,]+\s*(?:[أا]لف|k)?$"
)
# A ticker's item (`عاجل | ...`, `Flash | ...`, `Dernière minute آخر ساعة: ...`, a channel's `على الهواء
# الآن: ...`) or a list's (`- ...`, `• ...`): no title of the 31k in SaudiNewsNet opens so.
_TICKER = re.compile(
    r"^\W*(?:عاجل|خبر عاجل|مباشر|[آا]خر ساع[ةه]|على الهواء(?: الآن)?|يعرض الآن|flash(?: infos?)?|urgent|breaking|live"
    r"|derni[eè]re minute|en direct)"
    r"(?:\s+(?:عاجل|[آا]خر ساع[ةه]))?\s*[|:\-–◄►◀▶]",
    re.IGNORECASE,
)
# ``2. وزير الصحة يتفقد ...``, ``2- ناشطون: ...``: a list's item (no SaudiNewsNet title opens with a number
# and a dash or a dot)
_LIST_ITEM = re.compile(r"^\s*(?:[-–•·]|[\d٠-٩]{1,2}\s?[.)\-–])\s")
# ``كاتب ضيف | مقالات الرأي``: labels side by side (no SaudiNewsNet title is made of them).
_LABEL_WORDS = 3


# Month and weekday names of every series (Gregorian, Levantine, Maghreb, Hijri, French),
# the era marks and words of a date line: a line made mostly of them is a date line.
_FRENCH_DATE_WORDS = frozenset(
    (
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "janvier",
        "fevrier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "décembre",
        "le",
        "du",
        "édition",
        "edition",
        "publié",
        "publie",
    )
)
_ERA_WORDS = ("ه", "هـ", "م", "الموافق", "هجريه", "ميلاديه", "يوم")
_DATE_SHARE = 0.6


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    from marsad.enrich.data import read_table

    names = [
        row[0] for table in ("gregorian_months.tsv", "hijri_months.tsv", "weekdays.tsv") for row in read_table(table)
    ]
    words = {word for name in names for word in fold_for_search(name).split()}
    # ``أول``, ``الثاني``: the ordinals in ``ربيع الأول``, ``كانون الثاني`` are everyday words
    return frozenset(words - _ORDINALS | _FRENCH_DATE_WORDS | set(_ERA_WORDS))


_ORDINALS = frozenset({"اول", "الاول", "الاولي", "الثاني", "الثانيه", "الاخر", "الاخره", "اخر", "ثاني"})


def _mostly_a_date(key: str) -> bool:
    """``الثلاثاء 4 سبتمبر 2012م - 17 شوال 1433ه``, ``Édition du lundi 23 avril 2012 | الاثنين ...``,
    ``الثلاثاء 17 جويلية 2012 الشروق``: date words and digits are most of the line."""
    tokens = key.split()  # the line's key: folded already, punctuation dropped
    if len(tokens) < _MIN_DATE_TOKENS or not any(token.isdigit() for token in tokens):
        return False
    words = _date_words()
    named = sum(1 for token in tokens if token in words)
    dated = named + sum(1 for token in tokens if token.rstrip("مه").isdigit())
    # a month or a weekday named: ``كاريكاتير 2015/7/20`` is a cartoon's title
    return named > 0 and dated >= _DATE_SHARE * len(tokens)


_MIN_DATE_TOKENS = 3


# ``القاهرة في 25 يوليو /دلتا/``: a wire's dateline, its agency between slashes or in brackets.
_WIRE_DATELINE = re.compile(r"^\S+(?:\s\S+)?\s+في\s+\d{1,2}\s+\S+(?:\s+\d{4})?\s*[/(][^/()]+[/)]\s*$")
# ``بيان مشترك رقم ٣٤ / ١٤٣٦``: a document's number with its year names the statement, not its news (no
# SaudiNewsNet title of 31k holds one).
_REFERENCE_NUMBER = re.compile(r"رقم\s?\(?[\d٠-٩]+\)?\s?/\s?[\d٠-٩]+")
# ``المصدر: صحيفة عكاظ (جدة) — الصفحة: الرأي``: where the story comes from, never its headline (no
# SaudiNewsNet title opens so; three open with ``مصدر:``, an unnamed source who speaks).
_SOURCE_LABEL = re.compile(r"^\s*المصدر\s?:")
# ``المباراة: النصر × التعاون``: a match sheet's first row, two teams apart by the multiplication sign (no
# SaudiNewsNet title of 31k holds one).
_TEAMS_APART = re.compile(r"\S\s?×\s?\S")
# ``البلد: اليمن`` / ``المحافظة: عدن؛ لحج`` / ``القطاع: ...``: a record's fields, a label of a word or
# two and its value a line each (`_LABELLED`); three such lines side by side are the page's metadata block.
_MAX_FIELD_VALUE_WORDS = 5  # a headline after a speaker's colon says more
_MIN_FIELDS = 3


def _field(line: Line) -> bool:
    match = _LABELLED.match(line.text)
    return match is not None and 0 < len(match[1].split()) <= _MAX_FIELD_VALUE_WORDS


def _deck_under_headline(lines: Sequence[Line], index: int, start: int) -> bool:
    """``البرلمان التونسي يقر قانونا ...`` / a deck of a sentence or two / date, source / the body: a
    paragraph the body does not take, right under a headline, with nothing but chrome, fragments,
    bylines, dates and list items between it and the body, is the headline's deck."""
    if index == 0:
        return False
    above = lines[index - 1]
    return (
        above.chrome is None
        and _headline_like(above)
        and not _never_title(above)
        and all(
            lines[k].chrome is not None
            or lines[k].kind is Kind.FRAGMENT
            or _never_title(lines[k])
            or is_dateline(lines[k].text)
            for k in range(index + 1, start)
        )
        and index + 1 < start
    )


def _in_a_field_block(lines: Sequence[Line], index: int) -> bool:
    """Whether the line is a field (`label: value`) among two other fields right around it."""
    if not _field(lines[index]):
        return False
    run = 1
    for step in (-1, 1):
        k = index + step
        while 0 <= k < len(lines) and _field(lines[k]):
            run += 1
            k += step
    return run >= _MIN_FIELDS


def _never_title(line: Line) -> bool:
    text = line.text
    if _mostly_a_date(line.key) or (
        _SIGNS.search(text)
        or _CLOCK.search(text)
        or BREADCRUMB.match(text)
        or _HOME_MENU.match(line.key)
        or _TICKER.match(text)
        or _LIST_ITEM.match(text)
        or _PLAY.match(text)
        or _byline_name(line)
        or _labels(text)
        or _labelled_list(text)
        or _dated_note(text)
        or _COUNTED_LABEL.match(text)
        or _author_post(line)
        or _name_and_place(line)
        or _titled_name(line)
        or _MATCH_MINUTE.match(text)
        or len(_SCORE.findall(text)) >= _TICKER_SCORES
        or _slashed_trail(text)
        or _SOURCE_LABEL.match(text)
        or _TEAMS_APART.search(text)
        or _WIRE_DATELINE.match(text)
        or _REFERENCE_NUMBER.search(text)
        # `شبكة الوادي الإخبارية`: an outlet's name (none of 31k SaudiNewsNet titles opens and closes so)
        or names_an_outlet(text)
    ):
        return True
    return len(_HASHTAG.findall(text)) * 2 >= max(1, len(text.split()))


_SPACED_SLASH = " / "
_TRAIL_PARTS = 3
_TRAIL_PART_WORDS = 3


def _slashed_trail(text: str) -> bool:
    """``لمّة / زواج وعلاقات / آراء``: three short parts or more apart by spaced slashes are a site's
    trail (no SaudiNewsNet title is; two parts may be one, ``عام / حالة الطقس``); two or more apart
    by ``>`` are one too (``النشرة الاقتصادية > قناة السويس``: no SaudiNewsNet title holds ``>``)."""
    parts = text.split(_SPACED_SLASH)
    if len(parts) >= _TRAIL_PARTS and all(0 < len(part.split()) <= _TRAIL_PART_WORDS for part in parts):
        return True
    pointed = text.split(" > ")
    return len(pointed) > 1 and all(0 < len(part.split()) <= _TRAIL_PART_WORDS for part in pointed)


# ``الرئيس الفلسطيني محمود عباس``: a title, its adjectives and a person's name, the whole line: a
# portrait's caption (none of the 31k SaudiNewsNet titles is so).
_MAX_TITLED_NAME_WORDS = 7
_MAX_TITLE_ADJECTIVES = 3


def _titled_name(line: Line) -> bool:
    words = line.key.split()
    if not 3 <= len(words) <= _MAX_TITLED_NAME_WORDS or words[0] not in person_titles():
        return False
    names = _given_names()
    at = 1
    while at <= _MAX_TITLE_ADJECTIVES and at < len(words) and words[at] not in names and words[at] != "علي":
        if not (words[at].startswith("ال") or words[at] in person_titles()):
            return False
        at += 1
    rest = words[at + 1 :]
    return (
        at < len(words)
        # (``علي`` is folded as ``على`` is, and is no given name on its own; after a title it is one)
        and (words[at] in names or words[at] == "علي")
        and bool(rest)
        and all(w in names or w in _KIN or w.startswith("ال") for w in rest)
    )


# ``عين اليوم – الرياض``: who wrote and where, parted by a dash; ``ناصر الطميحي ـ جدة`` reads ``ناصر الطميحي
# جدة`` once the tatweel is gone: a given name, a family name and a place. Of 31k SaudiNewsNet titles none
# ends with a dash and a place, and one reads as a given name, two words and a place.
_DASHED_PLACE = re.compile(r"^\S+(?:\s\S+){0,3}\s[-–—]\s(\S+(?:\s\S+)?)$")
_NAME_AND_PLACE_WORDS = 3


def _name_and_place(line: Line) -> bool:
    found = _DASHED_PLACE.match(line.text)
    if found is not None:
        return line_key(found.group(1)) in place_names()
    words = line.key.split()
    return len(words) == _NAME_AND_PLACE_WORDS and words[0] in given_names() and words[-1] in place_names()


def _author_post(line: Line) -> bool:
    words = line.key.split()
    return bool(words) and words[0] in _AUTHOR_POSTS and len(words) <= _MAX_POST_WORDS


# ``نفط برنت 49.99 دولار``: a market's name and its price with decimals, in a unit of two words at most.
_PRICE_ROW = re.compile(r"^[^\d:|]{2,40}\s\d[\d,]*\.\d+\s?%?(?:\s[^\d\s]{1,8}){0,2}$")
_PRICE = re.compile(r"\d\.\d")


def _ends_a_market_strip(lines: Sequence[Line], index: int) -> bool:
    """A name and a price right under a strip of prices the rules took for a menu (arrows, changes):
    the strip's last item, whatever the rules made of it."""
    above = lines[index - 1] if index > 0 else None
    return (
        above is not None
        and above.chrome is not None
        and above.chrome.reason == "navigation"
        and _PRICE.search(above.text) is not None
        and _PRICE_ROW.match(lines[index].text) is not None
    )


def _ticker_item(lines: Sequence[Line], index: int) -> bool:
    """Whether the line at `index` is the item under a ticker's label standing alone above it."""
    above = next((lines[k] for k in range(index - 1, -1, -1) if lines[k].text.strip()), None)
    return above is not None and above.key in _TICKER_LABELS


_MAX_TICKER_ITEMS = 5


def _later_ticker_item(lines: Sequence[Line], index: int) -> bool:
    """Whether the line at `index` is the second item or a later one of a ticker: headlines one
    under another right under a ticker's label (`عاجل` / item / item). An urgent story's own
    headline stands alone under the label."""
    for k in range(index - 1, max(-1, index - 1 - _MAX_TICKER_ITEMS), -1):
        line = lines[k]
        if line.key in _TICKER_LABELS:
            return k < index - 1
        if line.chrome is not None or not _headline_like(line):
            return False
    return False


_LABEL_SEPARATOR = re.compile(r"[|◦•·▪■◆]")


def _labels(text: str) -> bool:
    """``القطاع: الرعاية الصحية ◦ العملة: ريال سعودي``, ``الشرق الأوسط · تقنية``: short fields side by side."""
    parts = [part.split() for part in _LABEL_SEPARATOR.split(text)]
    return len(parts) > 1 and all(0 < len(part) <= _LABEL_WORDS for part in parts)


# ``التصنيف: اقتصادي / نفط``, ``الأكثر تداولاً: عاصفة الحزم ، الاتفاق النووي ، صيف 2015``: a label and
# a list of short items (no SaudiNewsNet title of 31k is one).
_LABELLED = re.compile(r"^\s*[^\s:]+(?:\s[^\s:]+)?\s*:\s*(.+)$")
_ITEM_SEPARATOR = re.compile(r"\s*[،,|]\s*")
_SLASH = re.compile(r"\s*/\s*")


def _labelled_list(text: str) -> bool:
    """A slash parts single words only: ``ائتلاف البخلاء/ محفوظ الحنفي`` is a headline and its author,
    ``الموسم الكروي 2011 /2012`` a season."""
    m = _LABELLED.match(text)
    if m is None:
        return False
    items = [item for item in _ITEM_SEPARATOR.split(m[1]) if item.strip()]
    if len(items) > 1:
        return all(len(item.split()) <= _LABEL_WORDS for item in items)
    words = [item for item in _SLASH.split(m[1]) if item.strip()]
    return len(words) > 1 and all(len(item.split()) == 1 and not item.isdigit() for item in words)


# ``الطيب الشكري ... نشر في الاتحاد الاشتراكي يوم 05 - 09 - 2012``: a full numeric date among more
# than a few words is a source or a byline (of 31k SaudiNewsNet titles 21 hold such a date, all
# ``كاريكاتير 2015/7/20``).
_NUMERIC_DATE = re.compile(r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}")
_DATED_NOTE_WORDS = 4


def _dated_note(text: str) -> bool:
    m = _NUMERIC_DATE.search(text)
    return m is not None and len((text[: m.start()] + text[m.end() :]).split()) >= _DATED_NOTE_WORDS


# `▶ شاهد التقرير المصور`: a video or photo link, never a headline.
_PLAY = re.compile(r"^\s*[▶►▷⏵🎥📷📹]")
_MAX_NAME_WORDS = 4
_KIN = frozenset({"بن", "ابن", "بنت", "ابو", "عبد", "ال"})
_NAME_PUNCTUATION = re.compile(r"[^\w\s]")


def _byline_name(line: Line) -> bool:
    """An author's name alone on its line under the headline (`مولاي إدريس المودن`): a given
    name, then given or family names only, no punctuation. Of the 31k SaudiNewsNet titles, 44
    open with a given name in four words or fewer, and those go on with a verb or a noun."""
    words = line.key.split()
    # ``محمد علي السهماني -``: a dash or a colon left at the name's end hands on to the text
    if not 2 <= len(words) <= _MAX_NAME_WORDS or _NAME_PUNCTUATION.search(line.text.rstrip(" -–:")):
        return False
    names = _given_names()
    return words[0] in names and all(w in names or w in _KIN or w.startswith("ال") for w in words[1:])


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return given_names() | female_given_names() | {"مولاي", "سيدي"}  # Maghreb honorifics that open a name


_MAX_AFFIX_WORDS = 6
_MIN_ECHOED_WORDS = 4  # a kicker (`دوري أبطال آسيا`) is echoed by any link about its subject
_AFFIX_SEPARATOR = re.compile(r"\s[|\-–—]\s|\s?\|")


def _echoed(lines: Sequence[Line], index: int, candidates: Collection[int]) -> bool:
    """Whether another line of the page holds the words of line `index` and more (the
    headline again, with the site's name: `العنوان | اسم الموقع`)."""
    line = lines[index]
    return line.words >= _MIN_ECHOED_WORDS and any(
        other.index not in candidates
        and other.kind is not Kind.PROSE
        and line.words < other.words <= line.words + _MAX_AFFIX_WORDS
        and _AFFIX_SEPARATOR.search(other.text) is not None
        and _same_words(line, other)
        for other in lines
    )


def _ends_a_list(lines: Sequence[Line], index: int, in_section: Collection[int]) -> bool:
    """Whether the line at `index` follows two items of a section's list (`الأكثر قراءة` and its
    links): the list's last item, wherever the section's marking stopped."""
    return index - 1 in in_section and index - 2 in in_section and lines[index - 1].kind is lines[index].kind


def _header_between(lines: Sequence[Line], upper: int, lower: int) -> bool:
    """Whether a section header (`آخر الأخبار`) stands between two headline candidates."""
    chrome = [lines[k].chrome for k in range(upper + 1, lower)]
    return any(match is not None and match.opens_section and match.reason == "related_articles" for match in chrome)


# A summary over the article (`باختصار` / `• ...` / `• ...`): its bullets are sentences, and the
# article starts after them (dev layouts 41, 42 and 44: four sites; none a line of the news).
_SUMMARY_HEADERS = frozenset(line_key(w) for w in ("باختصار", "أبرز النقاط", "أهم النقاط", "الخلاصة", "في سطور"))
_IN_POINTS = " " + line_key("في نقاط")


def summary_header(text: str) -> bool:
    """`باختصار`, `أبرز النقاط`; `الخبر في نقاط`, `الخلاصة في نقاط`: a story told in points (``En bref |
    باختصار``: a bilingual site names the box in both languages)."""
    keys = [line_key(part) for part in text.split("|")]
    return any(key in _SUMMARY_HEADERS or (key.endswith(_IN_POINTS) and key.count(" ") <= 3) for key in keys)


_MIN_LIST_ITEMS = 2


def _list_between(lines: Sequence[Line], upper: int, lower: int) -> bool:
    """Whether a list of two items or more (`• ...`, `2. ...`) stands between two headline candidates:
    the upper one is the page's head (a greeting, a tagline), the list its contents or menu. A
    summary's points under their header are the upper headline's own box."""
    between = range(upper + 1, lower)
    if any(summary_header(lines[k].text) for k in between):
        return False
    items = [k for k in between if lines[k].bullet or _LIST_ITEM.match(lines[k].text)]
    # (the list's own last item, written unlike the others, is no headline: ``-5 ملاعق كبيرة زبدة``)
    return len(items) >= _MIN_LIST_ITEMS and items[-1] < lower - 1


def _meta_block(between: Sequence[Line]) -> bool:
    """Lines between two headlines that are the upper one's meta lines (a date, views, print,
    a byline), not a breadcrumb or a menu that would open the article below them."""
    return any(line.chrome is not None and line.chrome.reason in _META_REASONS for line in between) and all(
        not BREADCRUMB.match(line.text) and (line.chrome is not None or is_dateline(line.text)) for line in between
    )


# ``كاتب وروائي لبناني، له زاوية يومية``, ``صحافي وكاتب سعودي، مهتم بـ...``: who the author is, opened
# by a profession (the byline rule of chrome.tsv that knows such lines, read here by its first word).
_BIO_OPENING = frozenset(
    line_key(word)
    for word in (
        *("كاتب", "كاتبة", "صحفي", "صحفية", "صحافي", "صحافية", "باحث", "باحثة", "إعلامي", "إعلامية"),
        *("محلل", "محللة", "محرر", "محررة", "أكاديمي", "أكاديمية", "أستاذ", "أستاذة", "روائي", "روائية"),
        *("ناقد", "ناقدة", "شاعر", "شاعرة", "خبير", "خبيرة"),
    )
)
_MAX_AUTHOR_WORDS = 4


# A card's label over the name it gives (a company's, a player's, a stock's): never the headline.
_CARD_LABELS = frozenset(
    line_key(f"بطاقة {what}") for what in ("الشركة", "اللاعب", "السهم", "المنتخب", "النادي", "الفريق")
)
_VIDEO_LABEL = re.compile(r"^\W*(?:فيديو|بالفيديو|video)\s*[|:]", re.IGNORECASE)


def _video_over_its_length(lines: Sequence[Line], index: int) -> bool:
    """A line labelled as a video, on it or alone over it (``فيديو`` / ``...``), with the video's
    running time alone on the line under it (``02:35``, ``المدة: 04:06``)."""
    labelled_over = index > 0 and lines[index - 1].key in _VIDEO_WORDS
    if not _VIDEO_LABEL.match(lines[index].text) and not labelled_over:
        return False
    below = next((line for line in lines[index + 1 :] if line.text.strip()), None)
    return below is not None and _LENGTH_ALONE.match(below.text) is not None


def _opens_with_profession(line: Line) -> bool:
    words = line.key.split()
    return bool(words) and words[0] in _BIO_OPENING


def _name_alone(line: Line) -> bool:
    """A few words and no punctuation: an author's name on its line."""
    return line.words <= _MAX_AUTHOR_WORDS and not _NAME_PUNCTUATION.search(line.text)


def _is_byline(line: Line) -> bool:
    return line.chrome is not None and line.chrome.reason == "byline"


def _bio_under_name(lines: Sequence[Line], index: int) -> bool:
    """A line opening with a profession (``ناقد رياضي وعضو سابق ...``) right under a name alone: who
    the columnist is, not the headline (asked only where a headline stands lower)."""
    if index == 0 or not _opens_with_profession(lines[index]):
        return False
    above = lines[index - 1]
    if _is_byline(above) and above.words <= _MAX_AUTHOR_WORDS + 1:
        return True  # ``بقلم: زياد عيتاني`` / ``كاتب وصحافي لبناني``
    return above.chrome is None and above.words >= 2 and _name_alone(above)


# ``عمود: بين سطرين``, ``زاوية: استشارات القراء``: a column's name under its writer's.
_COLUMN_LABEL = re.compile(r"^(?:عمود|زاوية|العمود|الزاوية)\s?:\s?\S")


def _column_label_under(lines: Sequence[Line], index: int) -> bool:
    """A short line with no sentence's end right over a column's label: the columnist's name (his titles
    before it too, ``أ.د. جابر بن سالم القحطاني``)."""
    name = lines[index]
    under = index + 1
    while under < len(lines) and lines[under].key == name.key:
        under += 1  # (a name the page prints twice, under the photo and over the column)
    return (
        under < len(lines)
        and _COLUMN_LABEL.match(lines[under].text) is not None
        and name.words <= _MAX_AUTHOR_WORDS + 2  # (``أ.د.`` reads as two words)
        and not name.text.rstrip().endswith((".", "،", ":", "!", "؟"))
    )


def _plain_headline(line: Line) -> bool:
    return (
        line.chrome is None and _headline_like(line) and not _never_title(line) and not _COLUMN_LABEL.match(line.text)
    )


def _author_over_bio(upper: Line, between: Sequence[Line]) -> bool:
    """A name alone right over a byline that opens with a profession."""
    return bool(between) and _name_alone(upper) and _is_byline(between[0]) and _opens_with_profession(between[0])


# Words that say a line names the writer: ``صورة الكاتب ...``, ``بقلم ...`` (folded).
_WRITER_WORDS = frozenset(("الكاتب", "الكاتبه", "للكاتب", "للكاتبه", "بقلم"))


# (the writer's photo and its caption may stand under the headline too)
_WRITER_PHOTO_REACH = 3


def _writer_named_below(upper: Line, between: Sequence[Line]) -> bool:
    """``عبدالله عمر خياط`` / ``عمود: أضواء`` / ``صورة الكاتب عبدالله عمر خياط``: a name alone that a line
    under it gives again as the writer's (his photo's caption, his byline) is the columnist's."""
    if not _name_alone(upper) or not upper.key:
        return False
    name = f" {upper.key} "
    return any(name in f" {line.key} " and not _WRITER_WORDS.isdisjoint(line.key.split()) for line in between)


_OWN_HEAD_KINDS = 2


def _own_head_below(between: Sequence[Line]) -> bool:
    """Whether the lines under a headline are its own head, meta lines of two kinds or more (a date
    and views, a byline and print): a link in a list carries a date at most."""
    kinds = {line.chrome.reason for line in between if line.chrome is not None and line.chrome.reason in _META_REASONS}
    return len(kinds) >= _OWN_HEAD_KINDS


_HEAD_REASONS = frozenset({"search_form", "follow_widget", "login", "weather"})


def _page_head_between(between: Sequence[Line]) -> bool:
    """Whether the site's head (a search box, a follow widget, a login or weather bar) stands between
    two headline candidates."""
    return any(line.chrome is not None and line.chrome.reason in _HEAD_REASONS for line in between)


# A deck under a headline, or an overline over it, often opens with the circumstance (`خلال`, `عقب`,
# `على هامش`, `بقيمة 4.5 تريليونات دولار`, `اليوم بمشاركة ...`); of the 31k SaudiNewsNet titles 0.1% open
# so. (`في` and `بعد` open 0.3% each: not these.)
_CIRCUMSTANCE = frozenset(
    (
        *("خلال", "عقب", "اثر", "وسط", "اثناء", "بحضور", "بمشاركه", "تزامنا", "ضمن"),
        *("بمصاحبه", "بقيمه", "بتكلفه"),
    )
)
_CIRCUMSTANCE_PAIRS = frozenset(("علي هامش", "في ظل", "في اطار"))
_WHEN = frozenset(("اليوم", "غدا", "امس"))


def _opens_with_circumstance(line: Line) -> bool:
    words = line.key.split()
    if words[:1] and words[0] in _WHEN:
        words = words[1:]  # ``اليوم بمشاركة ...``: the day, then the circumstance
    return bool(words) and (words[0] in _CIRCUMSTANCE or " ".join(words[:2]) in _CIRCUMSTANCE_PAIRS)


# A first word this much likelier in sentences than in headlines (log ratio) marks a deck, when
# the other line's is this much more headline-like; on 793 pairs of the newspapers collection
# the call differs from the longer line's in 88, read: mostly decks and overlines set right.
_SENTENCE_OPENING = 0.5
_OPENING_GAP = 2.5
_MIN_HEADLINE_WORDS = 4
_KICKER_WORDS = 4  # an upper line this short, over a longer one, is a kicker or a label
_MIN_HEADLINES_OPENED = 3
_BYLINE_OPENERS = frozenset({"د", "بقلم", "اعداد", "حوار"})  # ``د. نادية هناوي سعدون``, ``إعداد عمار كاظم``


def _opens_as_headline(upper: Line, lower: Line) -> int | None:
    """Of two headlines side by side, 0 or 1 for the one that opens as headlines do where the
    other opens as an article's sentences do (``أثار جدلاً ...`` over ``مرسي يلغي ...``);
    None where the first words do not tell (then the longer line is taken)."""
    above, below = headline_opening(upper.key), headline_opening(lower.key)
    if above is None or below is None:
        return None
    if min(above, below) >= _SENTENCE_OPENING or abs(above - below) <= _OPENING_GAP:
        return None
    chosen = 0 if above > below else 1
    headline = (upper, lower)[chosen]
    if headlines_opened(headline.key) < _MIN_HEADLINES_OPENED:
        return None  # a word seldom seen at all (``أنفق``) tells nothing
    if (
        headline.words < _MIN_HEADLINE_WORDS
        or headline.text.rstrip().endswith((":", "*"))
        or is_dateline(headline.text)
        or _byline_name(headline)
        or headline.key.split()[0] in _BYLINE_OPENERS
    ):
        return None  # a byline (``د. عارف الشيخ``) or a dateline (``بيروت - (ا ف ب):``)
    return chosen


def _said_over_its_head(lines: Sequence[Line], index: int, start: int) -> bool:
    """``بترجي: خامة الأهلي تستاهل`` right over its byline, date and views, then the body: a headline
    giving someone's words reads as a dateline (``لندن: «الشرق الأوسط»``), but a dateline opens the body
    under the meta lines, and names a place before its colon; a byline names a person after it
    (``حاوره: أحمد سمير``)."""
    speaker, colon, said = lines[index].text.partition(":")
    said_words = line_key(said).split()
    head = lines[index + 1 : start]
    return (
        bool(colon)
        and line_key(speaker) not in place_names()
        and bool(said_words)
        and said_words[0] not in _given_names()
        and all(line.chrome is not None or _byline_name(line) or is_dateline(line.text) for line in head)
        and _own_head_below(head)
    )


def _clauses(line: Line) -> bool:
    """An Arabic comma between a line's words: a sentence's clauses (21 of 31k SaudiNewsNet titles
    hold one), as a deck is written."""
    return "،" in line.text.rstrip("، ")


# (the writer's photo, his byline or who he is stand over his column's title, two lines at most)
_WRITER_REACH = 2


def _writer_right_above(lines: Sequence[Line], index: int) -> bool:
    """Whether the columnist's head stands right over a line: his photo's caption (``صورة الكاتب: ...``),
    his byline, or who he is under his name."""
    for k in range(index - 1, max(-1, index - 1 - _WRITER_REACH), -1):
        line = lines[k]
        if _is_byline(line) or not _WRITER_WORDS.isdisjoint(line.key.split()) or _bio_under_name(lines, k):
            return True
    return False


def _column_title_over_deck(lines: Sequence[Line], title: int, deck: int) -> bool:
    """``ظاهرة هاربر لي`` / ``كيف تحولت كاتبة ...، ...``: a column's short title over its deck, a sentence
    of clauses, or right under its writer's photo, byline or who he is (not the columnist's name over
    who he is: ``كاتب ومحلل سياسي، ...``)."""
    return (_clauses(lines[deck]) or _writer_right_above(lines, title)) and not _bio_under_name(lines, deck)


def _same_words(one: Line, other: Line) -> bool:
    """Most words of the shorter line are in the other: one headline written twice."""
    mine, theirs = set(one.key.split()), set(other.key.split())
    return bool(mine and theirs) and len(mine & theirs) >= 0.8 * min(len(mine), len(theirs))


def find_title(
    lines: list[Line],
    start: int,
    hint: str | None,
    in_section: Collection[int] = frozenset(),
    site_named: int | None = None,
    recurring: Collection[str] | None = None,
) -> int | None:
    """Index of the title line above the body (or the line repeating the metadata title).

    `site_named` is the line that glues the site's name to a headline (`segment.site_names`):
    the title, unless the headline stands again nearer the body without the name. `recurring`
    holds the lines the source's other pages carry too (None: too few pages were seen).
    """
    if not hint and (wiki := _wiki_title(lines, start)) is not None:
        return wiki
    found = _title_above(lines, start, hint, in_section, site_named, recurring)
    if found is not None and not hint and _bio_under_name(lines, found):
        # who the columnist is, over a title of two words that reads as a fragment (``المبادئ
        # السعودية``): the fragment, or no title, never the line about the author
        # (or over the name: ``توهان .. اللهيان`` / ``بقلم: زياد عيتاني`` / ``كاتب وصحافي لبناني``)
        below = (k for k in range(found + 1, start) if _fragment_title(lines[k]))
        above = (k for k in (found - 2,) if k >= 0 and _fragment_title(lines[k]))
        found = next(below, None) or next(above, None)
    if found is not None and not hint and _column_label_under(lines, found):
        # ``عبدالله عمر خياط`` / ``عمود: بين سطرين`` / the headline: the columnist's name over his column's
        # label heads the column; the headline is under the label, even of two words
        below = (
            k
            for k in range(found + 2, start)
            if lines[k].key != lines[found].key and (_fragment_title(lines[k]) or _plain_headline(lines[k]))
        )
        found = next(below, None)
    if found is None and not hint:
        found = _urgent_headline(lines, start, in_section)
    if not hint and site_named is None:
        # (a short headline over its byline and date, where nothing else reads as one, is the title too)
        short = _short_headline_with_head(lines, start)
        if short is not None and (found is None or short > found):
            return short
    if hint or not recurring or (found is not None and lines[found].key not in recurring):
        return found
    # A column's or a series' name, on the source's other pages too, over this page's own
    # headline: a headline of two words reads as a fragment, and only the name was found.
    low = max(0, start - _TITLE_LOOKBACK)
    for index in range(start - 1, low, -1):
        label, line = lines[index - 1], lines[index]
        if (
            _label_of_the_source(label, recurring)
            and line.key not in recurring
            and _short_line(line)
            and _may_head(line)
        ):
            return index
    if found is None:
        # Nothing reads as a headline: a two-word one reads as a fragment. The source's other
        # pages tell it from a label: the line over the meta lines and the author's name that no
        # other page has.
        for index in range(start - 1, low - 1, -1):
            line = lines[index]
            if line.chrome is not None or _byline_name(line):
                continue
            if line.kind is Kind.FRAGMENT and line.key not in recurring and _headline_of_two_words(line):
                return index
            break
    return found


# ``من ويكيبيديا، الموسوعة الحرة``: the line a MediaWiki page writes under its heading. The
# interface's tabs and tools may stand between the two (the wiki's current skin): the heading is
# the headline nearest above the line, however far.
_WIKI_TAGLINE = re.compile(r"^من ويكي\S*(?: \S+)?[،,] ")
_WIKI_LOOKBACK = 45


def _wiki_title(lines: list[Line], start: int) -> int | None:
    tagline = next(
        (
            k
            for k in range(start - 1, max(-1, start - _TITLE_LOOKBACK - 1), -1)
            if "ويكي" in lines[k].text and _WIKI_TAGLINE.match(fold_for_search(lines[k].text.strip()))
        ),
        None,
    )
    if tagline is None:
        return None
    for index in range(tagline - 1, max(-1, tagline - _WIKI_LOOKBACK), -1):
        line = lines[index]
        usable = line.chrome is None and line.kind not in (Kind.FRAGMENT, Kind.FOREIGN) and not _never_title(line)
        if usable and _headline_like(line):
            return index
    return None


URGENT_LABEL = re.compile(r"^\W*(?:عاجل|خبر عاجل)\s*[|:\-–]\s*(?=\S)")
_URGENT_WORDS = 4


def _urgent_headline(lines: list[Line], start: int, in_section: Collection[int]) -> int | None:
    """``عاجل | سقوط مقاتلة سورية في إدلب ...`` over the article's meta lines and a list: where no
    line reads as the headline, the nearest ticker-labelled one above the body is it (the page
    marks its own story urgent); page.py cuts the label."""
    for index in range(start - 1, max(0, start - _TITLE_LOOKBACK) - 1, -1):
        line = lines[index]
        if line.chrome is not None or index in in_section or is_dateline(line.text):
            continue
        label = URGENT_LABEL.match(line.text)
        return index if label is not None and len(line.text[label.end() :].split()) >= _URGENT_WORDS else None
    return None


def _short_headline_with_head(lines: list[Line], start: int) -> int | None:
    """``أنقذوا ليبيا!`` over its byline and date right above the body: a headline of two or three
    words reads as a fragment, and its own meta lines of two kinds say it heads the article, not
    the ticker or link above it that reads as a headline."""
    low = max(0, start - _TITLE_LOOKBACK)
    for index in range(start - 1, low - 1, -1):
        line = lines[index]
        if line.chrome is not None or line.kind is Kind.CHROME or _bio_under_name(lines, index) or _signed(line):
            continue  # (a line the source's pages repeat: `حجم النص: أ+ | أ-`; who the columnist is; a byline)
        if (
            line.kind is Kind.FRAGMENT
            and not _byline_name(line)
            and _headline_of_two_words(line)
            and _own_head_below(lines[index + 1 : start])
            and any(_signed(other) for other in lines[index + 1 : start])
        ):
            return index  # (with the byline below: a name alone over a date is the byline itself)
        return None
    return None


# ``جمال اسطيفينشر في المساء يوم 25 - 08 - 2012``: the author's name glued to the line that dates the page.
_NAME_ON_DATE_LINE = re.compile(r"^(?:\S+ ){0,3}\S+نشر في \S+(?: \S+)? (?:يوم|بتاريخ) \d")


# ``الثورة /محمد النظاري -``, ``استطلاع/ محمد مطير``: a paper or a kind of report, a slash and the writer's name
# (24 lines of the news collections open so with a given name after the slash, all bylines or credits).
_NAME_AFTER_SLASH = re.compile(r"^\S+(?: \S+)? ?/ ?(\S+)(?: \S+){1,2} ?[-–:]?$")


def _signed(line: Line) -> bool:
    """A byline, alone or glued to the date line."""
    if line.chrome is None:
        slashed = _NAME_AFTER_SLASH.match(line.text)
        return slashed is not None and line_key(slashed[1]) in _given_names()
    return line.chrome.reason == "byline" or (
        line.chrome.reason == "date_line" and _NAME_ON_DATE_LINE.match(line.text) is not None
    )


def _fragment_title(line: Line) -> bool:
    return line.chrome is None and line.kind is Kind.FRAGMENT and _headline_of_two_words(line)


def _headline_of_two_words(line: Line) -> bool:
    """A fragment that may be a short headline: two words or more, no label (`تحقيق:`), no
    name alone (an author's: `علي جاسم`)."""
    words = line.key.split()
    if len(words) < 2 or line.text.rstrip().endswith(":") or words[0] in _given_names():
        return False
    return _may_head(line)


def _may_head(line: Line) -> bool:
    return not (_never_title(line) or is_section_line(line) or is_dateline(line.text))


# A column's or a section's name runs to a few words; a headline the source carries twice is a
# story published twice (its copies differ too much to be told as copies).
_MAX_LABEL_WORDS = 6


def opens_with_label(line: Line, recurring: Collection[str] | None) -> bool:
    """``منبر الرأي: الوعاظ والسياسة``: a column's name that stands alone elsewhere on the source's
    pages, then a colon and the headline; it reads as a dateline (``لندن: «الشرق الأوسط»``)."""
    label, colon, _ = line.text.partition(":")
    key = line_key(label)
    # (``البحرين: ...`` where a menu lists the country: a dateline's place, which the title keeps)
    return bool(colon) and recurring is not None and key in recurring and key not in place_names()


def _label_of_the_source(line: Line, recurring: Collection[str] | None) -> bool:
    return recurring is not None and line.key in recurring and line.words <= _MAX_LABEL_WORDS and _short_line(line)


def _short_line(line: Line) -> bool:
    return line.chrome is None and line.kind in (Kind.HEADLINE, Kind.FRAGMENT)


def _trail_ends_with_a_headline(lines: list[Line], low: int, start: int) -> bool:
    """``الرئيسية > منوعات > المطر في القران`` over the line ``المطر في القران``: a breadcrumb trail that
    ends with a headline-like line under it names the article's headline, whatever line glued the
    site's name to another (a ticker's ``روانكه: طقس حار ...``, a caption's ``... - روانكه``)."""
    return any(
        BREADCRUMB.match(lines[j].text) and lines[j].key.endswith(" " + lines[k].key)
        for k in range(low, start)
        if _headline_like(lines[k]) and lines[k].key
        for j in range(low, k)
    )


def _lookback_start(lines: list[Line], start: int) -> int:
    """Where the search for a headline stops: `_TITLE_LOOKBACK` lines above the body, not counting
    chrome (a page that writes each meta label and value on a line of its own, `المشاهدات` / `4,932`,
    puts twenty of them between its headline and its body)."""
    seen = 0
    for index in range(start - 1, -1, -1):
        if lines[index].chrome is None:
            seen += 1
            if seen >= _TITLE_LOOKBACK:
                return index
    return 0


def _title_above(
    lines: list[Line],
    start: int,
    hint: str | None,
    in_section: Collection[int],
    site_named: int | None,
    recurring: Collection[str] | None,
) -> int | None:
    low = _lookback_start(lines, start)
    if site_named is not None and low <= site_named < start:
        again = any(
            _headline_like(lines[k]) and _same_words(lines[site_named], lines[k]) for k in range(site_named + 1, start)
        )
        if not again and not _trail_ends_with_a_headline(lines, low, start):
            return site_named
    if hint:
        hint_key = line_key(hint)
        for index in range(start - 1, low - 1, -1):
            key = lines[index].key
            if key and (key == hint_key or (len(key) > 10 and (key in hint_key or hint_key in key))):
                return index
        return None
    found: int | None = None
    for index in range(start - 1, low - 1, -1):
        line = lines[index]
        if line.chrome is not None or line.kind in (Kind.FRAGMENT, Kind.FOREIGN) or _never_title(line):
            continue
        if _in_a_field_block(lines, index):
            continue
        if found is not None and _bio_under_name(lines, index):
            continue  # ``عبدالله الراشد`` / ``كاتب ومحلل سياسي، عضو سابق ...`` / the column's title
        if index > 0 and lines[index - 1].key in _CARD_LABELS:
            continue  # ``بطاقة الشركة`` / ``دلة للخدمات الصحية القابضة — تداول``: the card's name
        if _video_over_its_length(lines, index):
            continue  # ``فيديو | واشنطن تطمئن حلفاءها`` / ``02:35``: a player's title, not the page's
        if _ends_a_market_strip(lines, index):
            continue  # ``بورصة قطر 11,801.18 ▲ +0.05%`` / ``نفط برنت 49.99 دولار``: the strip's last price
        if _headline_like(line):
            if is_section_line(line) or (
                is_dateline(line.text)
                and not opens_with_label(line, recurring)
                and not _said_over_its_head(lines, index, start)
            ):
                continue
            if found is None:
                found = index
                continue
            # Two headlines over the body: a headline and its deck, or a kicker or a ticker over
            # the headline. Where nothing below tells them apart, the headline is the upper one
            # unless that one is a kicker: four words or fewer over a longer line (of 65 such pairs
            # in the development layouts 40 right, against 33 for the longer line, which takes a
            # deck longer than its headline). A list item under a section header (`الأكثر قراءة`)
            # is never it, and one headline written twice is taken where it stands nearer the body.
            side_by_side = all(not lines[k].text.strip() for k in range(index + 1, found))
            if (
                _ends_a_list(lines, index, in_section)
                or _header_between(lines, index, found)
                or _list_between(lines, index, found)
            ):
                # `الأكثر قراءة` / items / the list's last item / headline: the list's last item is
                # another link; a section header between the two opens the article's own head, and
                # so does a list of links (a newsletter's contents, a menu in bullets).
                return found
            if (
                index in in_section
                and _own_head_below(lines[index + 1 : found])
                and not _same_words(lines[found], line)
            ):
                # `الأكثر قراءة` / headline / its byline, date, views and print / a caption: the
                # section's header closes its list at the headline the article's meta lines follow
                return index
            if (index in in_section and not side_by_side) or _same_words(lines[found], line):
                # A list item under a section header is never the title; but a header right over a
                # headline and its deck (`آخر الأخبار` / headline / deck) labels the article: the
                # two side by side are compared. A line between them (`محليات`) starts it anew.
                return found
            introduces = [lines[k].text.rstrip(_CLOSING_MARKS).endswith(":") for k in (index, found)]
            if introduces[0] != introduces[1]:
                # ``أخصائية في الأمراض الجلدية تؤكد:`` over its headline: the colon hands on to it
                return found if introduces[0] else index
            echoed = [_echoed(lines, k, (index, found)) for k in (index, found)]
            if echoed[0] != echoed[1]:
                # the page repeats its headline elsewhere (a `<title>` with the site's name)
                return index if echoed[0] else found
            if not side_by_side and _page_head_between(lines[index + 1 : found]):
                # a ticker or a menu over the site's head (a search box, a follow widget) and
                # then the headline: the head opens the article below it
                return found
            if _author_over_bio(line, lines[index + 1 : found]) or _writer_named_below(
                line, lines[index + 1 : found + _WRITER_PHOTO_REACH]
            ):
                # ``سمير عطا الله`` / ``كاتب وروائي لبناني، ...`` / headline: a columnist's name over
                # the line that says who he is heads his column, not the headline under both
                return found
            if _later_ticker_item(lines, index):
                # `عاجل` / item / item / a section, the date / the headline: the ticker's last item
                # over the article's meta lines is no headline of it
                return found
            if _meta_block(lines[index + 1 : found]):
                # headline, then its meta lines (date, views, print), then a deck or the body's
                # first sub-heading: the headline is the one above the meta lines.
                return index
            if (_ticker_item(lines, index) and not side_by_side) or any(
                BREADCRUMB.match(lines[k].text) or is_section_trail(lines[k].text) or lines[k].key in _TICKER_LABELS
                for k in range(index + 1, found)
            ):
                # `عاجل` / its item / a section / the headline; a ticker, a menu or a ticker's label,
                # then a breadcrumb that opens the article's own head: the headline is the lower one.
                return found
            upper_deck, lower_deck = (_opens_with_circumstance(lines[k]) for k in (index, found))
            if lower_deck and not upper_deck:
                # `خلال زيارة وفد برلماني ...`, `عقب دعوة الأمين العام ...`: the deck sets the scene
                # under its headline
                return index
            if upper_deck and not lower_deck:
                continue  # a deck: its headline stands above it
            opening = _opens_as_headline(line, lines[found]) if side_by_side else None
            if opening is not None:
                return index if opening == 0 else found
            labels = [_label_of_the_source(lines[k], recurring) for k in (index, found)]
            if labels[0] != labels[1]:
                # the source's other pages carry one of the two, a short one (a column's name, a
                # section's label): the headline is the line of this page alone
                return found if labels[0] else index
            kicker = line.words <= _KICKER_WORDS and lines[found].words > line.words
            return found if kicker and not _column_title_over_deck(lines, index, found) else index
        if line.kind is Kind.PROSE:
            if found is None and not line.text.endswith(".") and _own_head_below(lines[index + 1 : start]):
                # a headline that ends like a sentence (``... و«خوف من عملية لتحرير صنعاء»``) over its
                # date, views and byline; a deck closes with a full stop
                return index
            if found is None and line.words <= _MAX_SHORT_SENTENCE_WORDS:
                continue  # a deck that ends like a sentence, under its headline
            if found is None and _deck_under_headline(lines, index, start):
                continue  # a long deck under its headline, then only the article's meta lines
            return found
    return found
