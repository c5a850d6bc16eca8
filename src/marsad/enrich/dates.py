"""Dates in Arabic news text: absolute, relative to the publication date, and Hijri.

`find_dates` returns spans ``{text, value, kind, paragraph, start, end}``
(plus ``hijri`` for Hijri dates). ``value`` is ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``, or None when the expression is a date but its value cannot be
known (a relative date without a publication date, a Hijri year that spans two
Gregorian years). A date that breaks the calendar (``31 فبراير``) is no date.

Relative weekdays follow the normal news reading: a weekday with a past verb
(or no tense marker) is the most recent such day strictly before publication;
``المقبل``/``القادم`` or a future marker before it in the sentence makes it the
next such day after publication; ``اليوم (الاثنين)`` is the publication day or
the most recent Monday before it.

Patterns run on folded text, where ``إلى`` is ``الي`` and ``حتى`` is ``حتي``.
Years are found after a context word (glued too: ``عام1980``), in pairs
(``2019-2021``, ``بين 1831 و1910.``) and after ``في`` before punctuation
(``في 1573،``); a year within three of the Hijri year of publication is Hijri
even without ``هـ`` (``لهذا العام 1436``), and a Hijri year before the
conversion table (``عام 116 هجري``) is a date of unknown value. An ordinal
after ``النصف``/``الأسبوع`` is no day (``النصف الثاني من أغسطس`` dates the
month), and ``الثامن من الشهر نفسه`` takes the month of the date before it.
``أول يوليو`` is the first of July; of two months joined by ``و`` the first shares
the relative word after the second (``بين سبتمبر ويناير الماضيين``); after ``من``/``عن``
a year needs a word after it that no number counts (``من 2015 الأمر``, not ``من 2000 بلاغ``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import regex

from marsad.arabic.tokens import FoldedText
from marsad.enrich import dates_patterns as p
from marsad.enrich.data import read_list
from marsad.given_names import given_names
from marsad.records import Span
from marsad.startup_cache import compile_regex

__all__ = ["date_spans", "find_dates", "parse_published"]

_Found = tuple[int, int, str, str | None, str | None]  # folded start, end, kind, value, hijri

_MIN_YEAR, _MAX_YEAR = 1000, 2200
# A span that looks like a date but breaks the calendar: it wins over the shorter
# readings inside it (``فبراير 2021`` in ``31 فبراير 2021``) and is then dropped.
_INVALID = "invalid"
_SPACES = compile_regex(r"\s+")
_LETTERS = compile_regex(r"\p{L}+")


def parse_published(published: str | None) -> dt.date | None:
    """The date part of an ISO 8601 date or datetime; None when absent or unreadable."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_of(m: regex.Match[str]) -> int | None:
    first = p.GREGORIAN_MONTHS[_SPACES.sub(" ", m["m1"])]
    other = m["m2"] or m["m3"] or m["m4"]
    if other and p.GREGORIAN_MONTHS[_SPACES.sub(" ", other)] != first:
        return None  # ``مارس/نيسان`` contradicts itself: better no date than a guess
    return first


def _day_of(m: regex.Match[str]) -> int:
    if "first" in m.re.groupindex and m["first"]:
        return 1
    if m["day"]:
        return int(m["day"])
    return p.ORDINAL_DAYS[_SPACES.sub(" ", m["ord"])]


def _relative_month(month: int, direction: int, published: dt.date) -> tuple[int, int]:
    year = published.year
    if direction > 0 and month <= published.month:
        year += 1
    elif direction < 0 and month >= published.month:
        year -= 1
    return year, month


_NEAR_AHEAD = 45  # days: ``يقام المعرض في 10 أغسطس`` in a July paper is this year's


def _tense_year(month: int, day: int, published: dt.date, *, future: bool) -> int:
    """A day and month without a year: the next one in future context, else the most recent
    one on or before publication unless it falls within a few weeks after it (an event the
    article announces), not simply the nearest (``25 يناير`` in a July article is past)."""
    this_year = _valid_day(published.year, month, day) or _valid_day(published.year, month, 28)
    if this_year is None:
        return _nearest_year(month, day, published)
    ahead = (this_year - published).days
    if future:
        return published.year if ahead >= 0 else published.year + 1
    return published.year if ahead <= _NEAR_AHEAD else published.year - 1


def _nearest_year(month: int, day: int, published: dt.date) -> int:
    """The year that puts day/month closest to publication (a news date is near it)."""
    best = published.year
    best_gap: int | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        when = _valid_day(year, month, day) or _valid_day(year, month, 28)
        if when is None:
            continue
        gap = abs((when - published).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _article_kept(found: _Found | None, folded: str) -> _Found | None:
    """``الـ11 من شهر أكتوبر``: the article glued to the day is the date's, where ``و``, ``ب``, ``ل``
    before it are the sentence's (the guidelines' annotators write ``ال١٢ من شهر أغسطس``)."""
    if found is not None and folded[max(0, found[0] - 2) : found[0]] == "ال":
        return (found[0] - 2, *found[1:])
    return found


def _day_month(m: regex.Match[str], published: dt.date | None, folded: str) -> _Found | None:
    month = _month_of(m)
    if month is None:
        return None
    if m["ord"] and _preceded_by(folded, m.start(), p.NOT_DAY_BEFORE):
        return None  # ``النصف الثاني من أغسطس``: the month alone is the date
    if m["day"] and not m["year"] and _preceded_by(folded, m.start(), p.EVENT_NOUNS):
        return None  # ``ثورة 25 يناير``, ``هجمات 11 سبتمبر``: an event's name
    day = _day_of(m)
    start, end = m.start(), m.end()
    if m["badyear"]:
        return start, end, _INVALID, None, None
    if m["year"]:
        when = _valid_day(int(m["year"]), month, day)
        return (start, end, "absolute", when.isoformat(), None) if when else (start, end, _INVALID, None, None)
    if not 1 <= day <= 31 or _valid_day(2000, month, day) is None:  # 2000: a leap year
        return start, end, _INVALID, None, None
    if published is None:
        return start, end, "relative", None, None
    if m["yrel"]:
        year = published.year + p.RELATIVE_WORDS[m["yrel"]]
    elif m["mrel"]:
        direction = p.RELATIVE_WORDS[m["mrel"]]
        year = published.year
        # ``29 فبراير المقبل``: this year may lack the day; the 28th places the month
        candidate = _valid_day(year, month, day) or _valid_day(year, month, 28)
        if direction > 0 and candidate is not None and candidate <= published:
            year += 1
        elif direction < 0 and candidate is not None and candidate >= published:
            year -= 1
    else:
        year = _tense_year(month, day, published, future=_future_before(folded, start))
    when = _valid_day(year, month, day)
    return (start, end, "relative", when.isoformat(), None) if when else None


def _month_year(m: regex.Match[str]) -> _Found | None:
    month = _month_of(m)
    year = int(m["year"])
    if month is None or not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    return m.start(), m.end(), "absolute", f"{year:04d}-{month:02d}", None


def _month_day_year(m: regex.Match[str]) -> _Found | None:
    when = _valid_day(int(m["year"]), p.GREGORIAN_MONTHS[m["m1"]], int(m["day"]))
    return (m.start(), m.end(), "absolute", when.isoformat(), None) if when else None


def _month_relative(m: regex.Match[str], published: dt.date | None) -> _Found | None:
    month = _month_of(m)
    if month is None:
        return None
    if published is None:
        return m.start(), m.end(), "relative", None, None
    if m["yrel"]:
        return m.start(), m.end(), "relative", f"{published.year + p.RELATIVE_WORDS[m['yrel']]:04d}-{month:02d}", None
    direction = p.RELATIVE_WORDS[m["mrel"]]
    year, month = _relative_month(month, direction, published) if direction else (published.year, month)
    return m.start(), m.end(), "relative", f"{year:04d}-{month:02d}", None


def _bare_month(m: regex.Match[str], published: dt.date | None) -> _Found:
    month = p.GREGORIAN_MONTHS[m["m1"]]
    if published is None:
        return m.start(), m.end(), "relative", None, None
    return m.start(), m.end(), "relative", f"{_year_of_month(m, month, published):04d}-{month:02d}", None


def _paired_month(m: regex.Match[str], published: dt.date | None) -> _Found | None:
    month = _month_of(m)
    if month is None:
        return None
    if published is None:
        return m.start(), m.end(), "relative", None, None
    return m.start(), m.end(), "relative", f"{_year_of_month(m, month, published):04d}-{month:02d}", None


_SINCE = compile_regex(r"(?:^|\s)[و]?منذ\s+$")


def _year_of_month(m: regex.Match[str], month: int, published: dt.date) -> int:
    """A month without a year: the nearest one, but after ``منذ`` (``للمرة الأولى منذ يناير``)
    one that has begun by publication."""
    if _SINCE.search(m.string, max(0, m.start() - 12), m.start()) is not None:
        return published.year if month <= published.month else published.year - 1
    return _nearest_year(month, 15, published)


_HIJRI_RELATIVE = compile_regex(rf"\s+(?P<rel>{p.RELATIVE_ALTERNATION})(?![\p{{L}}\p{{N}}])")


def _hijri(m: regex.Match[str], published: dt.date | None) -> _Found | None:
    from marsad.enrich.dates_hijri import hijri_to_gregorian_value

    month = p.HIJRI_MONTHS[_SPACES.sub(" ", m["hm"])]
    day = _day_of(m) if (m["day"] or m["ord"]) else None
    end = m.end()
    if m["year"] is None and (epithet := _HIJRI_EPITHET.match(m.string, end)) is not None:
        end = epithet.end()  # ``شهر رمضان المبارك``: the month's epithet is part of its name
    if m["year"] is None and day is not None and (this := _THIS_MONTH.match(m.string, end)) is not None:
        end = this.end()  # ``24 شوال الجاري``
    if m["year"] is None and month == 2 and day is not None and "/" in m.group():
        return None  # ``فاز 4/ صفر``: a score with its zero (445 in the news collections, 6 with a year)
    if m["year"] is None:
        # ``20 رمضان`` alone: the Ramadan nearest publication, as a Gregorian day and month
        # without a year are read. Without a day, only ``شهر رجب`` or ``رجب الماضي`` is surely
        # a month (``رمضان`` alone may be a name, ``صفر`` zero); without a date, no value.
        relative = _HIJRI_RELATIVE.match(m.string, end)
        if day is None and relative is None and not m.group().startswith("شهر") and not _in_the_month(m, month):
            return None
        if published is None:
            # Found all the same, as a relative date without a value (the guidelines' `null`).
            return m.start(), relative.end() if day is None and relative is not None else end, "relative", None, None
        from marsad.enrich.dates_hijri import nearest_hijri_year, relative_hijri_year

        if day is None and relative is not None:
            end = relative.end()
            year_or_none = relative_hijri_year(month, p.RELATIVE_WORDS[relative["rel"]], published)
        elif relative is not None:
            # ``6 ذي القعدة القادم``, ``10 شوال الماضي``: the word is part of the date and says on
            # which side of publication the day falls.
            end = relative.end()
            year_or_none = nearest_hijri_year(month, day or 15, published, p.RELATIVE_WORDS[relative["rel"]])
        else:
            year_or_none = nearest_hijri_year(month, day or 15, published)
        if year_or_none is None:
            return None
        year = year_or_none
    else:
        year = int(m["year"])
    found = hijri_to_gregorian_value(year, month, day)
    if found is None:
        return None
    value, hijri = found
    return m.start(), end, "hijri", value, hijri


_HIJRI_EPITHET = compile_regex(r"\s+(?:المبارك|الكريم|المعظم|الفضيل|الحرام)(?![\p{L}])")
_THIS_MONTH = compile_regex(r"\s+(?:الجاري|الحالي)(?![\p{L}])")


# ``خلال رمضان``, ``حتى نهاية شوال``, ``قبل رمضان``, ``الأسبوع الأول من رمضان``, ``ليالي رمضان``,
# ``نتزود به لرمضان``: after a word of time, a preposition or a noun of the month's days and coming, a
# Hijri month is a month (the guidelines label it in religious essays too, which say it of every
# year), unless it is also a common word or a given name (``محرم`` forbidden, ``صفر`` zero, ``رجب طيب
# أردوغان``, ``شعبان``).
_TIME_BEFORE_MONTH = compile_regex(
    rf"(?:^|\s)[و]?(?:{p.IN_MONTH_WORDS}|حتي|قبل|بعد|من|الي|ب?قدوم|ب?حلول|دخول|ل?استقبال|ايام|ليالي|نهار|صيام"
    r"|موسم|اجواء)\s+$|(?:^|\s)و?[بل]$"
)
_MONTHS_ALSO_WORDS = frozenset({1, 2, 7, 8})
_EARLY_YEAR_AFTER = compile_regex(r"\s+(?:سنه|عام|العام)\s+\d")


def _in_the_month(m: regex.Match[str], month: int) -> bool:
    start = m.start()
    return (
        month not in _MONTHS_ALSO_WORDS
        and _TIME_BEFORE_MONTH.search(m.string, max(0, start - 12), start) is not None
        and not _EARLY_YEAR_AFTER.match(m.string, m.end())  # ``في ذي القعدة سنة 638هـ``: a year of its own
    )


def _hijri_year(m: regex.Match[str]) -> _Found | None:
    from marsad.enrich.dates_hijri import hijri_to_gregorian_value

    year = int(m["year"])
    found = hijri_to_gregorian_value(year, None, None)
    if found is None:
        # ``عام 116 هجري``: a year before the conversion table is still a date, of unknown value.
        return (m.start(), m.end(), "hijri", None, f"{year:04d}") if 1 <= year <= 1500 else None
    return m.start(), m.end(), "hijri", found[0], found[1]


def _hijri_year_pair(m: regex.Match[str]) -> list[_Found]:
    """Both years of ``1436 / 1437هـ`` (consecutive years only); the second one too where no suffix
    follows it (with one, `HIJRI_YEAR` finds it)."""
    from marsad.enrich.dates_hijri import hijri_to_gregorian_value

    first, second = int(m["first"]), int(m["second"])
    if abs(first - second) != 1:
        return []
    found: list[_Found] = []
    for year, start, end in ((first, m.start("first"), m.end("first")), (second, m.start("second"), m.end("second"))):
        if year == second and m["suffix"]:
            continue
        value = hijri_to_gregorian_value(year, None, None)
        if value is not None:
            found.append((start, end, "hijri", value[0], value[1]))
    return found


def _numeric(m: regex.Match[str], folded: str) -> _Found | None:
    a, b, c = m["a"], m["b"], m["c"]
    if len(a) == 4 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2:
        day, month, year = int(a), int(b), int(c)
    else:
        return None
    if _preceded_by(folded, m.start(), p.NOT_DATE_BEFORE):
        return None
    hijri_suffix = m["cal"] == "ه"
    if hijri_suffix or (1300 <= year <= 1500 and m["cal"] != "م"):
        from marsad.enrich.dates_hijri import hijri_to_gregorian_value

        found = hijri_to_gregorian_value(year, month, day)
        if found is None:
            return None
        return m.start(), m.end(), "hijri", found[0], found[1]
    when = _valid_day(year, month, day)
    return (m.start(), m.end(), "absolute", when.isoformat(), None) if when else None


_PREVIOUS_WORD = compile_regex(r"(\p{L}+)\s*$")


def _preceded_by(folded: str, start: int, words: frozenset[str]) -> bool:
    m = _PREVIOUS_WORD.search(folded, max(0, start - 30), start)
    return m is not None and m[1] in words


def _year(start: int, end: int, year_text: str, folded: str, *, explicit: bool = False) -> _Found | None:
    year = int(year_text)
    earliest = 1000 if explicit else 1800  # ``عام 1093`` says "year" outright; a bare 1093 may be a count
    if not earliest <= year <= 2100 or _preceded_by(folded, start, p.NOT_DATE_BEFORE):
        return None
    if _HIJRI_RANGE[0] <= year <= _HIJRI_RANGE[1] and (hijri := _hijri_beside_gregorian(year, folded, end)):
        return start, end, "hijri", hijri, f"{year:04d}"
    return start, end, "absolute", f"{year:04d}", None


_HIJRI_RANGE = (1300, 1500)
_GREGORIAN_BESIDE = compile_regex(r"\s*[(/\-–]\s*(?P<year>(?:1[89]|20)\d\d)(?!\d)")


def _hijri_beside_gregorian(year: int, folded: str, end: int) -> str | None:
    """``عام 1400 (1980)``, ``سنة 1396-1976``, ``عام 1413/1992``: a year the Gregorian one beside it
    converts (84 such pairs in the news collections) is a Hijri year, whatever the text calls it."""
    from marsad.enrich.dates_hijri import hijri_to_gregorian_value

    beside = _GREGORIAN_BESIDE.match(folded, end)
    found = hijri_to_gregorian_value(year, None, None) if beside else None
    if beside is None or found is None or found[0] is None or abs(int(found[0]) - int(beside["year"])) > 1:
        return None
    return found[0]


def _weekday_value(weekday: int, published: dt.date, *, future: bool, include_today: bool) -> str:
    delta = (published.isoweekday() - weekday) % 7
    if future:
        ahead = (weekday - published.isoweekday()) % 7 or 7
        return (published + dt.timedelta(days=ahead)).isoformat()
    if delta == 0 and not include_today:
        delta = 7
    return (published - dt.timedelta(days=delta)).isoformat()


# ``مساء يوم الأربعاء 28/9``, ``اليوم الأربعاء 20 / 10 / 1436هـ``: a weekday with its day part or
# ``اليوم`` before an explicit date leaves the value to the date.
_IS_WEEKDAY_SPAN = compile_regex(rf"(?:(?:{p.DAY_PART_NAMES}|اليوم)\s+)?(?:يوم\s+)?(?:{p.WEEKDAY_NAMES})")
_LAST_WORD = compile_regex(r"(\p{L}+)\s+$")
_NOT_BEFORE_WEEKDAY = frozenset({"بين", "كلا", "هذين", "من", "الي", "احد"})
_PRAYER = compile_regex(r"(?:صلاه|خطبه|خطب|خطيب|خطباء|ائمه)\s+$")
# ``إمام الجمعة``, ``منابر الجمعة``, ``أيام الجمعة``: Friday's prayer or Fridays in general.
_FRIDAY_PRAYER = compile_regex(r"(?:امام|مسجد|جامع|منبر|منابر|ايام)\s+$")
# ``وقال اردوغان الجمعة إن``, ``أعلن الاتحاد الاثنين أنه``: the day a statement was made, in the
# agencies' order (speaker, day, what was said).
_STATEMENT_AFTER = compile_regex(r"\s+(?:ان|انه|انها|انهم|بان|بانه|بانها)(?!\w)")
_SENTENCE_START = compile_regex(r"[.!?؟؛\n]")


def _future_before(folded: str, start: int, *, imperfect: bool = False) -> bool:
    """Whether the sentence before `start` puts a date ahead: a future marker, or with `imperfect`
    (weekdays) a verb in the imperfect right before it."""
    window_start = max(0, start - 80)
    window = folded[window_start:start]
    cut = max((m.end() for m in _SENTENCE_START.finditer(window)), default=0)
    words = _LETTERS.findall(window[cut:])
    return (
        any(
            word in p.FUTURE_MARKERS or (word[:1] in "وف" and word[1:] in p.FUTURE_MARKERS)  # ``وسيعقد``
            for word in words
        )
        or (
            imperfect
            and bool(words)
            and words[-1] not in _DATE_NOUNS  # ``يحمل تاريخ الأحد``: a document's date, not the verb's day
            and any(_imperfect(word) for word in words[-_IMPERFECT_REACH:])
        )
    )


# A verb in the imperfect a few words before a weekday schedules it: ``يلتقي تشلسي الثلاثاء``,
# ``على أن يكون يوم السبت`` is next Saturday (the perfect, ``التقى``, tells what was). Only the ``ي``
# forms are read: ``ت`` opens as many nouns (``تدريب``) and perfects (``توفي``), and ``سي`` as many
# nouns (``سيارة``) as futures. Not for a day and month: ``يوافق 18 يوليو`` in August is past, and a
# month is an event's more often than a schedule's. ``يذكر أنه``, ``لا يزال``: background and
# what still holds, no verb of the day.
_IMPERFECT_REACH = 4
_DATE_NOUNS = frozenset({"تاريخ", "بتاريخ"})
_NOT_IMPERFECT = ("يوم", "يون", "يول", "ينا", "يهود", "ياب", "يمين", "يسار", "يمن", "يد", "يذكر", "يزال", "يشار")


def _imperfect(word: str) -> bool:
    # (``ويلتقي``; not ``ف``/``ل``: ``فيسبوك``, ``ليبيا``)
    bare = word[1:] if word[:2] == "وي" else word
    names = given_names()
    return (
        len(bare) >= 4
        and bare[0] == "ي"
        and not bare.startswith(_NOT_IMPERFECT)
        and bare not in names
        and word not in names
    )


# ``حتى الغد``, ``اعتبارا من الغد``, ``بداية من الغد``: from or until the morrow, a day.
_FROM_TOMORROW = compile_regex(r"(?:حتي|اعتبارا\s+من|ابتداء\s+من|بدايه\s+من)\s+$")
# ``مباراة الغد``, ``اجتماع الغد``, ``سباق الغد``: an event's noun makes ``الغد`` its day, where ``جيل الغد``
# is "the future".
_EVENT_OF_TOMORROW = compile_regex(
    r"(?<!\p{L})(?:مباراه|مباريات|لقاء|لقاءات|اجتماع|جلسه|سباق|مواجهه|حفل|نزال|منافسات|عرض)\s+(?:يوم\s+)?$"
)
# ``اليوم التالي``, ``اليوم الأول للعيد``: a day counted in a story or a feast, not the day of publication.
_ORDINAL_AFTER = compile_regex(r"\s+(?:التالي|السابق|الاول|الثاني|الثالث|الرابع|الاخير|الموالي)(?!\p{L})")


def _relative_day(m: regex.Match[str], published: dt.date | None, folded: str) -> _Found | None:
    word = _SPACES.sub(" ", m["word"])
    weekday_name = m["wd"] or m["wd2"]
    day_part = m["part"] and m["part"] not in _NOT_DATE_PARTS
    if word == "اليوم" and not (day_part or weekday_name):
        return None  # ``اليوم`` alone, ``حتى اليوم``: as often "nowadays" as "today"
    if word == "اليوم" and _ORDINAL_AFTER.match(folded, m.end()):
        return None  # ``صباح اليوم التالي``: the morning of the next day in a story, not today
    if (
        word in {"غد", "الغد"}
        and not weekday_name
        and not day_part
        and not _FROM_TOMORROW.search(folded, max(0, m.start() - 14), m.start())
        and not _EVENT_OF_TOMORROW.search(folded, max(0, m.start() - 14), m.start())
    ):
        # ``مساء غد``, ``غد الاثنين``, ``اعتبارا من الغد`` are a day; ``الغد`` alone is as often
        # "the future" (``جيل الغد``)
        return None
    if word == "الامس" and _YESTERDAY_AS_THE_PAST.search(folded, max(0, m.start() - 6), min(len(folded), m.end() + 12)):
        return None  # ``بالأمس القريب``, ``بين الأمس واليوم``: the past, not yesterday
    if published is None:
        return _span_start(m, "word"), m.end(), "relative", None, None
    offsets = {
        "امس": -1,
        "الامس": -1,
        "البارحه": -1,
        "اول امس": -2,
        "اول من امس": -2,
        "امس الاول": -2,
        "البارحه الاولي": -2,
        "الليله الماضيه": -1,
        "الليله قبل الماضيه": -2,
        "غدا": 1,
        "يوم غد": 1,
        "غد": 1,
        "الغد": 1,
        "بعد غد": 2,
    }
    if weekday_name:
        # ``غدا الثلاثاء``: the weekday is what the writer checked. Crawl dates run after
        # publication, so take that weekday on or before the day the word points to.
        target = published + dt.timedelta(days=offsets.get(word, 0))
        value = _weekday_value(p.WEEKDAYS[weekday_name], target, future=False, include_today=True)
    elif word == "اليوم":
        value = published.isoformat()
    else:
        value = (published + dt.timedelta(days=offsets[word])).isoformat()
    start = _span_start(m, "word")
    return start, m.end(), "relative", value, None


# ``الأمس`` is yesterday (``تدريب الأمس``, ``بالأمس وصل``) but for the past in ``الأمس القريب``,
# ``بين الأمس واليوم``, ``الأمس واليوم وغدا``.
_YESTERDAY_AS_THE_PAST = compile_regex(r"الامس\s+(?:القريب|البعيد|واليوم|و\s+اليوم)|بين\s+الامس")


# ``منذ``/``حتى`` make a bare weekday or ``أمس`` a date but are no date words: the span starts after.
_NOT_DATE_PARTS = frozenset({"منذ", "حتي"})
_SPACES_AFTER = compile_regex(r"\s+")


def _span_start(m: regex.Match[str], word: str) -> int:
    if not m["part"]:
        return int(m.start(word))
    if m["part"] in _NOT_DATE_PARTS:
        spaces = _SPACES_AFTER.match(m.string, m.end("part"))
        return int(spaces.end() if spaces else m.end("part"))
    return int(m.start("part"))


def _weekday(m: regex.Match[str], published: dt.date | None, folded: str) -> _Found | None:
    if not (
        m["part"]
        or m["rel"]
        or m["wd"] in p.WEEKDAYS_ALONE
        or _set_off(folded, m.start("wd"), m.end("wd"))
        or _STATEMENT_AFTER.match(folded, m.end("wd"))
        or _WEEKDAY_AND_AFTER.match(folded, m.end("wd"))
        or _WEEKDAY_AND_BEFORE.search(folded, max(0, m.start("wd") - 16), m.start("wd"))
    ):
        return None
    if not m["part"]:
        before = max(0, m.start("wd") - 8), m.start("wd")
        if _PRAYER.search(folded, *before):
            return None  # ``صلاة الجمعة`` is a prayer, not a day
        if m["wd"] == "الجمعه" and not m["rel"] and _FRIDAY_PRAYER.search(folded, *before):
            return None
        if not m["rel"] and _RECURRING.search(folded, max(0, m.start("wd") - 60), m.start("wd")):
            return None  # ``أيام الثلاثاء والخميس والسبت``: every such day, no date
        if not m["rel"] and _after_given_name(folded, m.start("wd")):
            return None  # ``محمد الخميس``, ``عبدالعزيز الخميس``: a family name
    start = _span_start(m, "wd")
    end = m.end("rel") if m["rel"] else m.end("wd")
    after_next = _AFTER_NEXT.match(folded, end) if not m["rel"] else None
    if after_next is not None:
        end = after_next.end()  # ``الخميس بعد المقبل``: the Thursday of the week after next
    if published is None:
        return start, end, "relative", None, None
    if after_next is not None:
        next_one = _weekday_value(p.WEEKDAYS[m["wd"]], published, future=True, include_today=False)
        later = dt.date.fromisoformat(next_one) + dt.timedelta(days=7)
        return start, end, "relative", later.isoformat(), None
    direction = p.RELATIVE_WORDS[m["rel"]] if m["rel"] else 0
    future = direction > 0 or (direction == 0 and _future_before(folded, start, imperfect=True))
    # A bare weekday equal to the publication's is that day (``وقع الحادث صباح الخميس``
    # in Thursday's paper); ``الماضي`` pushes it a week back.
    value = _weekday_value(p.WEEKDAYS[m["wd"]], published, future=future, include_today=direction == 0)
    return start, end, "relative", value, None


# Days from the publication: a weekday and a day-month name a date this near (a date a paper gives
# its weekday is of the weeks around it), and figures no reading puts on the weekday are no date
# (a score, ``السبت 2-1``).
_WEEKDAY_DATE_REACH = 60


def _weekday_day_month(m: regex.Match[str], published: dt.date | None) -> _Found | None:
    """``يوم السبت ٢-١٠`` in a paper of 24 July 2015 is 2 Shawwal 1436 (18 July), the one reading
    of the figures (day-month or month-day, Gregorian or Hijri) that falls on a Saturday near the
    publication; with none, or no publication date to tell, the figures are left alone."""
    start, end = m.start("a"), m.end("b")
    a, b = int(m["a"]), int(m["b"])
    if published is None:
        return None
    from marsad.enrich.dates_hijri import hijri_to_gregorian_value, nearest_hijri_year

    weekday = p.WEEKDAYS[m["wd"]]
    readings: list[tuple[int, str, str | None]] = []
    for day, month in {(a, b), (b, a)}:
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        when = _valid_day(_nearest_year(month, day, published), month, day)
        if when is not None:
            readings.append((abs((when - published).days), when.isoformat(), None))
        hijri_year = nearest_hijri_year(month, day, published)
        found = hijri_to_gregorian_value(hijri_year, month, day) if hijri_year else None
        if found is not None and found[0] is not None:
            when = dt.date.fromisoformat(found[0])
            readings.append((abs((when - published).days), found[0], found[1]))
    matching = [
        r for r in readings if dt.date.fromisoformat(r[1]).isoweekday() == weekday and r[0] <= _WEEKDAY_DATE_REACH
    ]
    if not matching:
        return None
    _, value, hijri = min(matching)
    return start, end, "hijri" if hijri else "absolute", value, hijri


# ``اعتقلوا الجمعة والسبت``, ``يومي الخميس والجمعة``: two weekdays joined by ``و`` are days.
_WEEKDAY_AND_AFTER = compile_regex(rf"\s+و(?:{p.WEEKDAY_NAMES})(?![\p{{L}}])")
_WEEKDAY_AND_BEFORE = compile_regex(rf"(?<![\p{{L}}])(?:{p.WEEKDAY_NAMES})\s+و$")
_RECURRING = compile_regex(rf"(?<![\p{{L}}])ايام\s+(?:(?:{p.WEEKDAY_NAMES})\s+و)*$")


def _after_given_name(folded: str, start: int) -> bool:
    """Whether the word right before `start` opens a name, so that a weekday after it is the family
    name the Gulf writes the same way (``محمد الخميس``, ``ومحمد الخميس``, ``حسين الجمعة``): a given
    name with no name before it (``عبدربه منصور هادي الاثنين`` and ``بوتين السبت`` end names, and
    the agencies write the day after whoever spoke)."""
    from marsad.enrich.quote_speakers import is_given_name

    def given(word: str) -> bool:
        return is_given_name(word) or (word[:1] == "و" and is_given_name(word[1:]))

    words = _LAST_WORDS.search(folded, max(0, start - 40), start)
    if words is None or not given(words["last"]):
        return False
    return words["before"] is None or not (given(words["before"]) or words["before"] in _NAME_LINKS)


_LAST_WORDS = compile_regex(r"(?:(?P<before>\p{L}+)\s+)?(?P<last>\p{L}+)\s+$")
_NAME_LINKS = frozenset({"بن", "ابن", "بنت", "ابو", "عبد"})


_AFTER_NEXT = compile_regex(r"\s+بعد\s+(?:المقبل|القادم)(?!\w)")


def _set_off(folded: str, start: int, end: int) -> bool:
    """A weekday closing a clause is a date: ``في واشنطن، الجمعة، برئاسة``, ``أعلن مسؤولون الإثنين.``

    (``بين الاثنين`` "between the two" is not.)"""
    before = folded[max(0, start - 3) : start].rstrip()
    after = folded[end : end + 3].lstrip()
    closes = after[:1] in {"،", ",", ")", ".", "؛", ":"} or not after
    if before.endswith(("،", ",", "(")):
        return closes
    previous = _LAST_WORD.search(folded, max(0, start - 12), start)
    return closes and previous is not None and previous[1] not in _NOT_BEFORE_WEEKDAY


# ``المدير العام السابق``, ``الأمين العام المقبل``: after an office ``العام`` is "general", no year.
_GENERAL_OFFICE = compile_regex(
    r"(?:^|\s)[وبلف]?(?:ال|لل)(?:مدير|امين|نائب|مدعي|مراقب|مفتش|منسق|قائد|مرشد|مستشار|محامي|مسجل|رئيس|مقرر)\s+$"
)


def _relative_period(m: regex.Match[str], published: dt.date | None) -> _Found | None:
    if m["period2"] == "عام" and _GENERAL_OFFICE.search(
        m.string, max(0, m.start("period2") - 16), m.start("period2") - 2
    ):
        return None
    period = p.PERIODS.get(m["period"] or "ال" + m["period2"], "year")
    direction = 0 if m["this"] else p.RELATIVE_WORDS[m["rel"]]
    # ``للسنة الماضية``: the span opens at the article, the preposition glued before it stays out.
    start = m.start("this") if m["this"] else m.start("period2") - 2
    if period == "week":
        # ``الأسبوع المقبل``: a week is no date (docs/guidelines/blind_enrichment.md: it has no
        # calendar value unless the text gives its month or day, which a date of its own then holds).
        return None
    if published is None:
        return start, m.end(), "relative", None, None
    if period == "year":
        return start, m.end(), "relative", f"{published.year + direction:04d}", None
    month_index = published.year * 12 + published.month - 1 + direction
    return start, m.end(), "relative", f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", None


def _part_of_this_period(m: regex.Match[str], published: dt.date | None) -> _Found:
    if published is None:
        return m.start(), m.end(), "relative", None, None
    value = f"{published.year:04d}" if m["period"] != "الشهر" else f"{published.year:04d}-{published.month:02d}"
    return m.start(), m.end(), "relative", value, None


_RECENT, _RECENT_SPAN = 1950, 30  # a span of years before a word: recent years, a few apart
_A_LIFE = 120  # the widest span of two years in brackets (a life, a reign)
_TWO_YEARS = re.compile(r"\d{4}\s*(?:-|–|/|و|الي|حتي)\s*\d{4}")
_EARLY = re.compile(r"في\s+1\d{3}")


def _years(folded: str, published: dt.date | None) -> list[_Found]:
    found: list[_Found] = []
    two_years = _TWO_YEARS.search(folded) is not None  # a C-speed check before the slower patterns
    spans = ((p.YEAR_RANGE, 30), (p.YEAR_SPAN, 150), (p.YEARS_IN_BRACKETS, _A_LIFE))
    for pattern, widest in spans if two_years else ():
        for m in pattern.finditer(folded):
            first, second = int(m["year"]), int(m["year2"])
            if m.groupdict().get("next") and (
                _counted_after(m["next"]) or second - first > _RECENT_SPAN or first < _RECENT
            ):
                continue
            year = _year(m.start("year"), m.end("year"), m["year"], folded, explicit=True)
            if 0 < second - first <= widest and year is not None:
                end = m.end("era") if m.groupdict().get("era") else m.end("year2")  # ``1517 م``: the era's letter too
                found += [year, (m.start("year2"), end, "absolute", f"{second:04d}", None)]
    for m in p.EARLY_YEAR.finditer(folded) if _EARLY.search(folded) else ():
        if (year := _year(m.start("year"), m.end("year"), m["year"], folded, explicit=True)) is not None:
            found.append(year)
    for m in p.YEAR_IN_CONTEXT.finditer(folded):
        explicit = m["ctx"].lstrip("وبلف") in {"عام", "العام", "سنه", "السنه", "عامي"}
        year = _year(m.start("year"), m.end(), m["year"], folded, explicit=explicit)
        if year is None:
            continue
        found.append(year)
        pos = m.end()
        while (more := p.NEXT_YEAR.match(folded, pos)) is not None:
            later = _year(more.start("year"), more.end(), more["year"], folded)
            if later is None:
                break
            found.append(later)
            pos = more.end()
    for m in p.BARE_YEAR.finditer(folded):
        if (year := _year(m.start("year"), m.end("year"), m["year"], folded)) is not None:
            found.append(year)
            pos = m.end()
            while (more := p.NEXT_YEAR.match(folded, pos)) is not None:
                later = _year(more.start("year"), more.end(), more["year"], folded)
                if later is None or int(more["year"]) <= int(m["year"]):
                    break
                found.append(later)
                pos = more.end()
    for m in p.CHRONOLOGY_YEAR.finditer(folded):
        if (year := _year(m.start("year"), m.end("year"), m["year"], folded)) is not None:
            found.append(year)
    for m in p.YEAR_AFTER_FROM.finditer(folded):
        if _uncountable(m["next"]) and (year := _year(m.start("year"), m.end("year"), m["year"], folded)):
            found.append(year)
    for m in p.YEAR_BEFORE_WORD.finditer(folded):
        if not _counted_after(m["next"]) and (year := _year(m.start("year"), m.end("year"), m["year"], folded)):
            found.append(year)
    for m in p.YEAR_SUFFIXED.finditer(folded):
        if (year := _year(m.start("year"), m.end(), m["year"], folded)) is not None:
            found.append(year)
    return [_as_hijri(year, published) for year in found]


_UNIT_NOUNS = frozenset(read_list("counted_nouns.txt"))
_PARTICLES = frozenset(
    {"في", "كما", "فقد", "وقد", "حيث", "حين", "لكن", "ولكن", "الا", "ان", "انه", "الي", "حتي", "ثم", "او"}
    | {"مقارنه", "بالمقارنه"}
)


_DEFINITE = compile_regex(r"(?:[وفبلك]|وب|ول|فب|فل)?ال|لل")


def _uncountable(word: str) -> bool:
    """Whether no number counts `word`: a definite word (``الأمر``, ``للانتخابات``) or a particle."""
    return word in _PARTICLES or _DEFINITE.match(word) is not None


def _counted_after(word: str) -> bool:
    """Whether a number before `word` counts it: a unit, a currency or a plural noun."""
    # After a thousand Arabic counts with the singular (``2000 منزل``); a plural in ``ات`` is a
    # sloppier count. Verbs and particles follow years (``في 2014 قال``, ``منذ 2006 لفرض``).
    return word in _UNIT_NOUNS or (word.endswith("ات") and not word.startswith("ال"))


def _as_hijri(found: _Found, published: dt.date | None) -> _Found:
    """``مهرجان هذا العام 1436``: a year within a few years of the Hijri year of publication
    is Hijri even without ``هـ`` (no Gregorian year near 1436 is news)."""
    if published is None or found[3] is None or len(found[3]) != 4:
        return found
    year = int(found[3])
    current = round((published.year - 622) * 33 / 32)  # the Hijri year, within one
    if abs(year - current) > 3:
        return found
    from marsad.enrich.dates_hijri import hijri_to_gregorian_value

    converted = hijri_to_gregorian_value(year, None, None)
    return (found[0], found[1], "hijri", converted[0] if converted else None, f"{year:04d}")


# Which kinds of date words a paragraph has is a set intersection over its words
# (C speed); the word-led patterns then run only in windows around those words.
_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_WINDOW_BEFORE, _WINDOW_AFTER = 40, 70


def _trigger_words() -> dict[str, str]:
    kinds: dict[str, str] = {}
    sources = (
        ("month", p.GREGORIAN_MONTHS),
        ("hijri", p.HIJRI_MONTHS),
        ("weekday", p.WEEKDAYS),
        ("day", ("امس", "الامس", "غدا", "غد", "الغد", "اليوم", "البارحه", "الليله")),
        ("period", ("الاسبوع", "الشهر", "العام", "السنه")),
    )
    for kind, names in sources:
        for name in names:
            first = name.split()[0]
            for prefix in ("", "و", "ب", "ل", "ف", "وب", "ول"):
                kinds.setdefault(prefix + first, kind)
    kinds.update({"للعام": "period", "للسنه": "period"})
    return kinds


_TRIGGER_KINDS = _trigger_words()
# A set, so that intersecting a paragraph's words iterates the smaller side.
_TRIGGERS = frozenset(_TRIGGER_KINDS)


def _windows(folded: str, words: set[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for word in words:
        at = folded.find(word)
        while at >= 0:
            spans.append((max(0, at - _WINDOW_BEFORE), min(len(folded), at + len(word) + _WINDOW_AFTER)))
            at = folded.find(word, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _matches(pattern: regex.Pattern[str], folded: str, windows: list[tuple[int, int]]) -> list[regex.Match[str]]:
    return [m for start, end in windows for m in pattern.finditer(folded, start, end)]


def _find_folded(folded: str, published: dt.date | None, words: frozenset[str] | None = None) -> list[_Found]:
    all_words = words if words is not None else frozenset(_WORDS.findall(folded))
    present = all_words & _TRIGGERS
    has_digit = _DIGIT.search(folded) is not None
    if not present and not has_digit and _EID_WORDS.isdisjoint(all_words):
        return []
    by_kind: dict[str, set[str]] = {}
    for word in present:
        by_kind.setdefault(_TRIGGER_KINDS[word], set()).add(word)
    candidates: list[_Found | None] = []
    if "month" in by_kind:
        w = _windows(folded, by_kind["month"])
        # First: a coordinated month's reading wins over the bare month's at the same span.
        candidates += [_month_relative(m, published) for m in _matches(p.COORDINATED_MONTH, folded, w)]
        candidates += [_day_month(m, published, folded) for m in _matches(p.DAY_MONTH, folded, w)]
        glued = [g.end() for g in _matches(p.GLUED_DIGIT, folded, w)]
        candidates += [
            _article_kept(_day_month(m, published, folded), folded)
            for at in glued
            if (m := p.DAY_MONTH_AFTER_GLUE.match(folded, at))
        ]
        candidates += [_month_year(m) for m in _matches(p.MONTH_YEAR, folded, w)]
        candidates += [_month_day_year(m) for m in _matches(p.MONTH_DAY_YEAR, folded, w)]
        candidates += [_month_relative(m, published) for m in _matches(p.MONTH_RELATIVE, folded, w)]
        candidates += [_bare_month(m, published) for m in _matches(p.BARE_MONTH, folded, w)]
        candidates += [_paired_month(m, published) for m in _matches(p.PAIRED_MONTH, folded, w)]
    if "hijri" in by_kind:
        w = _windows(folded, by_kind["hijri"])
        candidates += [_hijri(m, published) for m in _matches(p.HIJRI_DATE, folded, w)]
        if has_digit:
            candidates += [
                _article_kept(_hijri(m, published), folded)
                for g in _matches(p.GLUED_DIGIT, folded, w)
                if (m := p.HIJRI_DATE_AFTER_GLUE.match(folded, g.end()))
            ]
    if has_digit:
        candidates += [_hijri_year(m) for m in p.HIJRI_YEAR.finditer(folded)]
        candidates += [year for m in p.HIJRI_YEAR_PAIR.finditer(folded) for year in _hijri_year_pair(m)]
        candidates += [_numeric(m, folded) for m in p.NUMERIC_DATE.finditer(folded)]
        candidates += _years(folded, published)
    if "period" in by_kind:
        w = _windows(folded, by_kind["period"])
        candidates += [_relative_period(m, published) for m in _matches(p.RELATIVE_PERIOD, folded, w)]
        candidates += [_part_of_this_period(m, published) for m in _matches(p.PART_OF_THIS_PERIOD, folded, w)]
    if "day" in by_kind:
        w = _windows(folded, by_kind["day"])
        candidates += [_relative_day(m, published, folded) for m in _matches(p.RELATIVE_DAY, folded, w)]
    if "weekday" in by_kind:
        w = _windows(folded, by_kind["weekday"])
        candidates += [_weekday(m, published, folded) for m in _matches(p.WEEKDAY, folded, w)]
        if has_digit:
            candidates += [_weekday_day_month(m, published) for m in _matches(p.WEEKDAY_DAY_MONTH, folded, w)]
    if not _EID_WORDS.isdisjoint(all_words):
        candidates += [_eid_day(m, published) for m in _EID_DAY.finditer(folded)]
    relative_day = not _DAY_IN_MONTH_WORDS.isdisjoint(all_words)
    if (("period" in by_kind or "month" in by_kind) and "من" in all_words) or (relative_day and has_digit):
        around = by_kind.get("period", set()) | by_kind.get("month", set()) | (_DAY_IN_MONTH_WORDS & all_words)
        w = _windows(folded, around)
        candidates += [_day_of_relative_month(m, published) for m in _matches(p.DAY_OF_RELATIVE_MONTH, folded, w)]
    same_month = "period" in by_kind and not _SAME_WORDS.isdisjoint(all_words)
    if same_month:
        w = _windows(folded, by_kind["period"])
        candidates += [(m.start(), m.end(), "relative", None, None) for m in _matches(p.SAME_MONTH, folded, w)]
    kept = [c for c in _longest_first([c for c in candidates if c is not None]) if c[2] != _INVALID]
    if same_month:
        kept = _same_month(kept, folded)
    kept = _drop_weekdays_before_dates(_agree_with_explicit(_year_named_twice(kept, folded), folded), folded)
    return _span_edges(_first_days_of_ranges(kept, folded), folded)


# ``أول أيام عيد الفطر``, ``ثاني أيام العيد``: a day of an Eid counted from the Hijri date the feast falls on
# (1 Shawwal, 10 Dhu al-Hijja) in the year that puts it nearest the publication; ``العيد`` alone is the
# feast nearest the publication.
_EID_WORDS = frozenset({"عيد", "العيد"})
_EID_DAY = compile_regex(
    r"(?<!\p{L})(?:(?P<ord>اول|ثاني|ثالث|رابع)\s+ايام\s+)?"
    r"(?:عيد\s+(?P<which>الفطر|الاضحي)(?:\s+المبارك|\s+السعيد)?|(?P<bare>العيد)(?!\s+(?:الوطني|الوطنى|الذهبي|الفضي|الماسي)))"
    r"(?!\p{L})"
)
_EID_DAYS = {"اول": 0, "ثاني": 1, "ثالث": 2, "رابع": 3}
_EID_HIJRI = {"الفطر": (10, 1), "الاضحي": (12, 10)}


def _eid_day(m: regex.Match[str], published: dt.date | None) -> _Found | None:
    if not m["ord"]:
        return None  # ``بمناسبة عيد الفطر``: the feast named, which annotators leave as no date (3 of 19)
    if published is None:
        return m.start(), m.end(), "relative", None, None
    from marsad.enrich.dates_hijri import hijri_to_gregorian_value, nearest_hijri_year

    feasts = [_EID_HIJRI[m["which"]]] if m["which"] else list(_EID_HIJRI.values())
    best: tuple[int, dt.date] | None = None
    for month, day in feasts:
        year = nearest_hijri_year(month, day, published)
        found = hijri_to_gregorian_value(year, month, day) if year is not None else None
        if found is None or found[0] is None:
            continue
        when = dt.date.fromisoformat(found[0])
        if best is None or abs((when - published).days) < best[0]:
            best = (abs((when - published).days), when)
    if best is None:
        return None
    when = best[1] + dt.timedelta(days=_EID_DAYS.get(m["ord"] or "", 0))
    return m.start(), m.end(), "relative", when.isoformat(), None


_SAME_WORDS = frozenset({"نفسه", "ذاته", "نفس", "ذات"})
_DAY_IN_MONTH_WORDS = frozenset({"الجاري", "الحالي", "المنصرم", "الماضي", "المقبل"})


def _day_of_relative_month(m: regex.Match[str], published: dt.date | None) -> _Found | None:
    """``يوم 27 من الشهر الجاري``, ``في 4 الجاري``: the day in the month the relative word points to."""
    day = int(m["dday"]) if m["dday"] else _day_of(m)
    if published is None:
        return m.start(), m.end(), "relative", None, None
    direction = 0 if m["this"] else p.RELATIVE_WORDS[m["rel"] or m["rel2"]]
    index = published.year * 12 + published.month - 1 + direction
    year, month = index // 12, index % 12 + 1
    if m["month"] and p.GREGORIAN_MONTHS[_SPACES.sub(" ", m["month"])] != month:
        return None  # ``من شهر أغسطس الماضي`` in August is another year's: the month pattern reads it
    when = _valid_day(year, month, day)
    return (m.start(), m.end(), "relative", when.isoformat(), None) if when else None


def _same_month(found: list[_Found], folded: str) -> list[_Found]:
    """``الثالث من سبتمبر ... الثامن من الشهر نفسه``: the month of the date before it."""
    out = list(found)
    for i, item in enumerate(out):
        m = p.SAME_MONTH.fullmatch(folded, item[0], item[1])
        if m is None:
            continue
        month = next((f[3][:7] for f in reversed(out[:i]) if f[3] is not None and len(f[3]) >= 7), None)
        when = _valid_day(int(month[:4]), int(month[5:7]), _day_of(m)) if month else None
        out[i] = (item[0], item[1], "relative", when.isoformat() if when else None, None)
    return out


_ONLY_SPACE = compile_regex(r"\s*[,،]?\s*\(?\s*$")  # ``الجمعة, 29-يونيو-2012``


def _drop_weekdays_before_dates(found: list[_Found], folded: str) -> list[_Found]:
    """``الثلاثاء 5 شوال 1436هـ``: the explicit date right after a weekday carries the value."""
    out: list[_Found] = []
    for i, item in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        is_weekday = item[2] == "relative" and _IS_WEEKDAY_SPAN.fullmatch(folded, item[0], item[1]) is not None
        # (``الخميس 23 يوليو``: a day and month without a year, read against publication, is explicit too)
        explicit_next = (
            after is not None
            and after[3] is not None
            and (
                after[2] in {"absolute", "hijri"}
                or (after[2] == "relative" and folded[after[0] : after[0] + 1].isdigit())
            )
        )
        if is_weekday and explicit_next and after is not None and _ONLY_SPACE.match(folded[item[1] : after[0]]):
            continue
        out.append(item)
    return out


# ``يومي 28 و29 يوليو``, ``من 20 إلى 21 ربيع الآخر``, ``10 - 12 شوال``: the first day of a range
# shares the month and year written once after the last day (261 times in SaudiNewsNet).
_RANGE_FIRST_DAY = compile_regex(r"(?<![\p{L}\p{N}/.,:\-])(?P<day>\d{1,2})\s*(?:-|–|و|الي|حتي|و\s*حتي)\s*$")
_DAY_FIRST = compile_regex(r"\d{1,2}(?!\d)")
_DAY_VALUE = 10  # ``YYYY-MM-DD``


def _first_days_of_ranges(found: list[_Found], folded: str) -> list[_Found]:
    out: list[_Found] = []
    for item in found:
        start, _, kind, value, hijri = item
        last_day = _DAY_FIRST.match(folded, start)
        if last_day is not None and value is not None and len(value) == _DAY_VALUE:
            last = int(last_day.group())
            window = max(out[-1][1] if out else 0, start - 16)  # never into the date before
            first = _RANGE_FIRST_DAY.search(folded[window:start])
            gap = last - int(first["day"]) if first else 0
            if first is not None and 0 < gap < last:
                at = window + first.start("day")
                day = dt.date.fromisoformat(value) - dt.timedelta(days=gap)
                first_hijri = f"{hijri[:8]}{int(hijri[8:]) - gap:02d}" if hijri and len(hijri) == _DAY_VALUE else hijri
                out.append((at, at + len(first["day"]), kind, day.isoformat(), first_hijri))
        out.append(item)
    return out


_EQUALS = compile_regex(r"\s*[،,]?\s*(?:الموافق|الموافق\s+ل|الموافقه)\s*:?\s*$")


# ``العام الماضي 2014``, ``العام الحالي ٢٠١٢م``: the year said relatively, then in figures.
# (``موسم هذا العام 1436هـ``: a demonstrative before the year, and a Hijri year in figures)
_RELATIVE_YEAR_WORDS = compile_regex(r"(?:هذا\s+|هذه\s+)?(?:[وبلف]|لل)?(?:ال)?(?:عام|سنه)(?:\s+\p{L}+)?")
_JUST_SPACE = compile_regex(r"\s{1,3}")


def _year_named_twice(found: list[_Found], folded: str) -> list[_Found]:
    """A relative year and the year in figures right after it are one date (the guidelines' one
    span, as ``رمضان المبارك للعام الحالي 1436هـ`` is), valued by the figures."""
    out: list[_Found] = []
    for item in found:
        if out:
            here = out[-1]
            if (
                here[2] == "relative"
                and item[2] in ("absolute", "hijri")
                and item[3] is not None
                and len(item[3]) == _YEAR_DIGITS
                and _JUST_SPACE.fullmatch(folded, here[1], item[0])
                and _RELATIVE_YEAR_WORDS.fullmatch(folded, here[0], here[1])
            ):
                out[-1] = (here[0], item[1], "absolute", item[3], item[4])
                continue
            if (
                here[2] == "relative"
                and here[3] is not None
                and item[3] == here[3][:_YEAR_DIGITS]
                and _JUST_SPACE.fullmatch(folded, here[1], item[0])
                and _ENDS_WITH_RELATIVE_YEAR.search(folded, here[0], here[1])
            ):
                # ``السادس والعشرين من شهر فبراير (شباط) من العام المقبل 2016``: the figures
                # confirm the year the day or month was given, in one span.
                out[-1] = (here[0], item[1], "absolute", here[3], here[4])
                continue
        out.append(item)
    return out


_ENDS_WITH_RELATIVE_YEAR = compile_regex(r"\s(?:من\s+)?(?:لل|ال)(?:عام|سنه)\s+\p{L}+$")


_YEAR_DIGITS = 4

# ``مقارنة بشهر أبريل الماضي``: ``شهر`` before a month is in the span, with a clitic glued to it or not.
_MONTH_WORD_BEFORE = compile_regex(r"(?<![\p{L}\p{N}])[وبلفك]?(?P<word>شهر)\s+$")
_MONTH_AT = compile_regex(rf"(?:{p.MONTH_NAMES}|{p.HIJRI_MONTH_NAMES})(?!\p{{L}})")
# ``في الـ16 من ديسمبر``, ``ال30 من شوال``: the article glued to a day in figures is no date word (12 of
# the 17 such days the development sets label start at the figures).
_ARTICLE_ON_DAY = compile_regex(r"الـ?\s?(?=\d)")


def _span_edges(found: list[_Found], folded: str) -> list[_Found]:
    """Where a date's span starts, as the guidelines draw it: with ``شهر`` before the month's name,
    without the article glued to a day."""
    out: list[_Found] = []
    for item in found:
        start = item[0]
        floor = out[-1][1] if out else 0
        if (article := _ARTICLE_ON_DAY.match(folded, start)) is not None:
            item = (article.end(), *item[1:])
        elif _MONTH_AT.match(folded, start) and (
            before := _MONTH_WORD_BEFORE.search(folded, max(floor, start - 8), start)
        ):
            item = (before.start("word"), *item[1:])
        out.append(item)
    return out


def _agree_with_explicit(found: list[_Found], folded: str) -> list[_Found]:
    """``يوم الخميس الموافق 28 / 10 / 1436 هـ``: the weekday takes the explicit date's day."""
    out = list(found)
    for i in range(len(out) - 1):
        here, after = out[i], out[i + 1]
        if here[2] != "relative" or after[3] is None or len(after[3]) != 10:
            continue
        if _EQUALS.match(folded[here[1] : after[0]]):
            out[i] = (here[0], here[1], here[2], after[3], here[4])
    return out


def _longest_first(found: list[_Found]) -> list[_Found]:
    """Keep the longest of overlapping spans; among equals, the earliest."""
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    return sorted(kept)


@lru_cache(maxsize=512)
def dates_in_paragraph(paragraph: str, published: dt.date | None) -> tuple[tuple[Any, ...], ...]:
    """(start, end, kind, value, hijri) in original offsets; cached because quantities ask too."""
    folded = FoldedText.of(paragraph)
    out = []
    for start, end, kind, value, hijri in _find_folded(folded.text, published, folded.word_set()):
        o_start, o_end = folded.span(start, end)
        out.append((o_start, o_end, kind, value, hijri))
    _weekday_after_weekday(paragraph, out)
    if len(_RECENT_SPANS) > 2048:
        _RECENT_SPANS.clear()
    _RECENT_SPANS[paragraph] = tuple((s, e) for s, e, *_ in out)
    return tuple(out)


_JOINED = compile_regex(r"\s*و\s*")
_BARE_WEEKDAY = compile_regex(r"(?:يوم\s+)?\p{L}+")


def _weekday_after_weekday(paragraph: str, found: list[tuple[Any, ...]]) -> None:
    """``يومي الأربعاء والخميس``: a weekday joined to the one before it is the next such day after
    it, whatever tense the sentence reads in (in place)."""
    for k in range(1, len(found)):
        (_, first_end, first_kind, first_value, _), (start, end, kind, value, hijri) = found[k - 1], found[k]
        if not (first_kind == kind == "relative" and _is_day(first_value) and _is_day(value)):
            continue
        if (
            _JOINED.fullmatch(paragraph, first_end, start) is None
            or _BARE_WEEKDAY.fullmatch(paragraph, start, end) is None
        ):
            continue
        earlier, later = dt.date.fromisoformat(first_value), dt.date.fromisoformat(value)
        following = earlier + dt.timedelta(days=(later.weekday() - earlier.weekday()) % 7)
        found[k] = (start, end, kind, following.isoformat(), hijri)


def _is_day(value: object) -> bool:
    return isinstance(value, str) and len(value) == len("2015-07-22")


# Where dates are does not depend on the publication date, only their values do:
# quantities reuse the spans of the last date pass over the same paragraph.
_RECENT_SPANS: dict[str, tuple[tuple[int, int], ...]] = {}


def date_spans(paragraph: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every date in `paragraph`."""
    spans = _RECENT_SPANS.get(paragraph)
    if spans is None:
        # Computed from the result itself: the cache may have been cleared, or
        # skipped by a fast path, in between.
        spans = tuple((start, end) for start, end, *_ in dates_in_paragraph(paragraph, None))
    return spans


def find_dates(paragraphs: Sequence[str], published: str | None = None) -> list[Span]:
    """Every date expression in `paragraphs`, with its value resolved against `published`."""
    when = parse_published(published)
    spans: list[Span] = []
    for index, paragraph in enumerate(paragraphs):
        for start, end, kind, value, hijri in dates_in_paragraph(paragraph, when):
            span: Span = {
                "text": paragraph[start:end],
                "value": value,
                "kind": kind,
                "paragraph": index,
                "start": start,
                "end": end,
            }
            if kind == "hijri":
                span["hijri"] = hijri
            spans.append(span)
    return spans
