"""The date patterns, built once from the word lists in `marsad/enrich/data`.

Every pattern runs on folded text (`FoldedText`): alef/hamza variants, ta
marbuta and alef maqsura unified, diacritics and tatweel dropped, Arabic-Indic
digits made ASCII. So ``أكتوبر``, ``اكتوبر`` and ``٢٠٢١`` need one entry each.
"""

from __future__ import annotations

from marsad.enrich.data import alternation, read_list, read_table
from marsad.startup_cache import compile_regex

# A span never starts or ends inside a word or a number.
_START = r"(?<![\p{L}\p{N}])"
_END = r"(?![\p{L}\p{N}])"

GREGORIAN_MONTHS: dict[str, int] = {row[0]: int(row[1]) for row in read_table("gregorian_months.tsv")}
BARE_MONTHS = tuple(row[0] for row in read_table("gregorian_months.tsv") if row[3] == "yes")
LEVANTINE_NAMES = tuple((row[0], row[2]) for row in read_table("gregorian_months.tsv") if row[2] == "levantine")
HIJRI_MONTHS: dict[str, int] = {row[0]: int(row[1]) for row in read_table("hijri_months.tsv")}
WEEKDAYS: dict[str, int] = {row[0]: int(row[1]) for row in read_table("weekdays.tsv")}
WEEKDAYS_ALONE = frozenset(row[0] for row in read_table("weekdays.tsv") if row[2] == "yes")
ORDINAL_DAYS: dict[str, int] = {row[0]: int(row[1]) for row in read_table("ordinal_days.tsv")}
RELATIVE_WORDS: dict[str, int] = {row[0]: int(row[1]) for row in read_table("relative_words.tsv")}
PERIODS: dict[str, str] = {row[0]: row[1] for row in read_table("date_periods.tsv")}
FUTURE_MARKERS = frozenset(read_list("future_markers.txt"))
NOT_DATE_BEFORE = frozenset(read_list("not_date_before.txt"))

_GM = alternation(list(GREGORIAN_MONTHS))
_HM = alternation(list(HIJRI_MONTHS))
_WD = alternation(list(WEEKDAYS))
_REL = alternation(list(RELATIVE_WORDS))
RELATIVE_ALTERNATION = _REL
_PART = alternation(read_list("day_parts.txt"))
_YEAR_CTX = alternation(read_list("year_context.txt"))
_DAY = rf"(?:(?P<day>\d{{1,2}})|(?P<ord>{alternation(list(ORDINAL_DAYS))}))"
WEEKDAY_NAMES, MONTH_NAMES, HIJRI_MONTH_NAMES, DAY_PART_NAMES = _WD, _GM, _HM, _PART

# ``ديسمبر/كانون الأول``, ``كانون الأول (ديسمبر)``, ``ديسمبر - كانون الأول``.
_LEVANTINE = alternation([name for name, series in LEVANTINE_NAMES])
# Reuters-style pairs need no mark at all: ``يونيو حزيران``, ``فبراير شباط 2007``.
_PAIR = rf"(?:\s*[/\\-]\s*(?P<m2>{_GM})|\s*\(\s*(?P<m3>{_GM})\s*\)|\s+(?P<m4>{_LEVANTINE})(?![\p{{L}}]))"
_MONTH = rf"(?:شهري?\s+)?(?P<m1>{_GM}){_PAIR}?"  # ``شهري مارس وأبريل``: the dual too
_YEAR_TAIL = r"(?:\s?م(?![\p{L}])|(?![\p{L}\p{N}]))"
# An optional conjunction or preposition glued to the first word stays outside the span.
_GLUED = r"(?<![\p{L}\p{N}])[وفبل]?"
_RELATIVE_YEAR = rf"(?:من\s+)?(?:للعام|لعام|العام|عام|للسنه|لسنه|السنه|سنه)\s+(?P<yrel>{_REL})"

# ``7 / يوليو /2015 م``, ``10/شوال / 1436هـ``: slashes, spaced or not, between the parts.
_SLASH = r"(?:\s*/\s*|\s*)"
# ``أول يوليو``: the first of a Gregorian month (55 times in the news collections; ``أول رمضان``
# is left to the Hijri patterns, which read ``أول رمضان المقبل`` as the month).
_GREGORIAN_DAY = rf"(?:{_DAY}|(?P<first>اول))"
_DAY_MONTH_BODY = (
    # ``21-سبتمبر-2012``: hyphens only where a year follows (``1-صفر`` is a score, not Safar)
    rf"{_GREGORIAN_DAY}(?:{_SLASH}|\s*-\s*(?=(?:{_GM})\s*-\s*\d{{4}}))(?:من\s+)?{_MONTH}"
    rf"(?:(?:[\s,،/]*|\s*-\s*)(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?P<year>\d{{4}}){_YEAR_TAIL}"
    # ``31 ديسمبر 99999``: a year no calendar has makes the whole date invalid.
    rf"|[\s,،]*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?P<badyear>\d{{5,}})"
    rf"|\s+{_RELATIVE_YEAR}{_END}"
    rf"|\s+(?P<mrel>{_REL}){_END}"
    rf"|{_END})"
)
DAY_MONTH = compile_regex(rf"{_START}{_DAY_MONTH_BODY}")
# ``و30 يونيو``: a day glued to ``و``/``ف``/``ب``/``ل``, which stays outside the span. Tried only
# where `GLUED_DIGIT` finds such a day: an optional glued letter in `DAY_MONTH` would slow
# every scan down by half.
# ``الـ11 من شهر أكتوبر القادم``, ``ال20 من يوليو``: the article glued to the day (154 in the news
# collections) stays outside the span too.
_GLUE = r"(?:[وفبل]|[وبف]?ال|لل)"
DAY_MONTH_AFTER_GLUE = compile_regex(rf"(?<=(?<![\p{{L}}\p{{N}}]){_GLUE}){_DAY_MONTH_BODY}")
GLUED_DIGIT = compile_regex(rf"(?<![\p{{L}}\p{{N}}]){_GLUE}(?=\d)")

# ``يوليو 18, 2012``: the month first, as English writes it (blog datelines, embedded tweets).
MONTH_DAY_YEAR = compile_regex(rf"{_START}(?P<m1>{_GM})\s+(?P<day>\d{{1,2}})\s*[,،]\s*(?P<year>\d{{4}}){_YEAR_TAIL}")
# ``وآذار (مارس) 2015``: a month glued to ``و`` keeps its year (the ``و`` stays outside the span).
MONTH_YEAR = compile_regex(
    rf"(?:{_START}|(?<=(?<![\p{{L}}\p{{N}}])و)){_MONTH}[\s,،]*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?"
    rf"(?P<year>\d{{4}}){_YEAR_TAIL}"
)

# ``وأيار (مايو)``: the second of two months joined by ``و``, which stays outside the span.
PAIRED_MONTH = compile_regex(
    rf"(?:{_START}|(?<=(?<![\p{{L}}\p{{N}}])و))(?:شهري?\s+)?(?P<m1>{_GM}){_PAIR}(?![\p{{L}}\p{{N}}])"
)

# ``مارس العام الماضي``, ``مارس من العام المقبل``, ``يونيو (حزيران)، من العام المقبل``: the year is
# the relative one.
# A month may follow ``و`` glued to it (``سبتمبر ويناير الماضيين``), which stays outside the span.
MONTH_RELATIVE = compile_regex(
    rf"(?:{_START}|(?<=(?<![\p{{L}}\p{{N}}])و)){_MONTH}"
    rf"(?:\s+(?P<mrel>{_REL})|(?:\s*[,،])?\s+(?:من\s+)?(?:العام|السنه)\s+(?P<yrel>{_REL})){_END}"
)
# ``بين سبتمبر ويناير الماضيين``, ``في سبتمبر وأكتوبر الماضيين``: the first of two months joined
# by ``و`` shares the relative word after the second (a dual: ``الماضيين``).
COORDINATED_MONTH = compile_regex(
    rf"{_START}(?P<m1>{_GM})(?P<m2>(?!))?(?P<m3>(?!))?(?P<m4>(?!))?(?P<yrel>(?!))?"
    rf"(?=\s+و(?:{_GM})\s+(?P<mrel>{_REL}){_END})"
)

# Months that are also words (``مارس`` practised, ``تموز``, ``ماي``) only after ``في``, ``خلال``,
# ``منذ`` and the words of a month's part, where no verb or name stands (``آب`` never: folded, it
# is the Yemeni city ``إب`` too).
# Words of time a bare month name follows (``في``, ``خلال``, ``أواخر`` ...).
IN_MONTH_WORDS = "في|خلال|منذ|مطلع|بدايه|نهايه|اواخر|اوائل|اواسط|منتصف"
BARE_MONTH = compile_regex(
    rf"(?<=(?:^|\s)[و]?(?:{IN_MONTH_WORDS}|حتي|عن|بين|قبل|بعد|من|الي)\s+)"
    rf"(?:شهر\s+)?(?P<m1>{alternation(list(BARE_MONTHS))}){_END}"
    rf"|(?<=(?:^|\s)[و]?(?:{IN_MONTH_WORDS})\s+)"
    rf"(?P<m1>{alternation([m for m in GREGORIAN_MONTHS if m not in BARE_MONTHS and m != 'اب'])}){_END}"
    rf"|(?<=(?:^|\s)[و]?[بل]?)شهر\s+(?P<m1>{_GM}){_PAIR}?{_END}"
    # ``من تموز إلى تشرين الثاني``: any month name opening a span of months is a month.
    rf"|(?<=(?:^|\s)[و]?من\s+)(?P<m1>{_GM})(?=\s+(?:الي|حتي)\s+(?:شهر\s+)?(?:{_GM}){_END})"
)

_HIJRI_SUFFIX = r"(?:\s?(?:ه(?![\p{L}])|هجريه|هجري|للهجره|من\s+الهجره))"
# ``رمضان المبارك للعام الحالي 1436هـ``, ``شهر صفر من العام القادم 1437هـ`` are one date: the month's
# epithet and the year's ``الحالي``/``القادم`` between the month and its year.
_HIJRI_YEAR_TAIL = (
    rf"(?:[\s,،/]*(?:(?:المبارك|الكريم|المعظم|الحرام)\s+)?(?:(?:من\s+)?(?:عام|العام|سنه|للعام|لعام|لسنه)\s+"
    rf"(?:(?:الحالي|الجاري|القادم|المقبل|الماضي)\s+)?)?(?P<year>\d{{4}})(?:{_HIJRI_SUFFIX})?)?{_END}"
)
HIJRI_DATE = compile_regex(
    rf"(?:{_START}(?:{_DAY}{_SLASH}(?:من\s+)?)?(?:شهر\s+)?|(?<=(?:^|\s)[وبل])شهر\s+|(?<=(?:^|\s)و?[بل]))(?P<hm>{_HM})"
    + _HIJRI_YEAR_TAIL
)
# ``من ال25 من شهر ذي الحجة المقبل``, ``الـ27 من رمضان``: the article glued to a Hijri day, as to a
# Gregorian one (`DAY_MONTH_AFTER_GLUE`; 59 such days in the news collections), tried where
# `GLUED_DIGIT` finds one.
HIJRI_DATE_AFTER_GLUE = compile_regex(
    rf"(?<=(?<![\p{{L}}\p{{N}}]){_GLUE}){_DAY}{_SLASH}(?:من\s+)?(?:شهر\s+)?(?P<hm>{_HM})" + _HIJRI_YEAR_TAIL
)
# ``عام 116 هجري``: an early year needs the suffix written out, as ``5 ه`` may be anything.
HIJRI_YEAR = compile_regex(
    # ``عام1392 هـ``: the year may be glued to the word before it, like other years.
    rf"(?<!\p{{N}})(?:(?P<year>\d{{4}}){_HIJRI_SUFFIX}|(?<!\p{{L}})(?P<year>\d{{1,3}})\s?(?:هجريه|هجري|للهجره|من\s+الهجره)){_END}"
)

# ``للعام الدراسي 1436 / 1437هـ``: an academic or fiscal Hijri year, two years written as one; the first
# is a Hijri year as the second is (the suffix is written once, or not at all).
HIJRI_YEAR_PAIR = compile_regex(
    rf"(?<![\p{{N}}/\-–])(?P<first>1[34]\d\d)\s?[/\-–]\s?(?P<second>1[34]\d\d)(?P<suffix>{_HIJRI_SUFFIX})?{_END}"
)

# (``2-3/7/1436 هـ``: the last day of a range of days written tight against the first, whose dash is the
# range's; `_first_days_of_ranges` gives the first day its date; ``بـ15-4-1416هـ``: a preposition glued
# to the date, which stays outside the span)
NUMERIC_DATE = compile_regex(
    r"(?:(?<![\p{L}\p{N}/.\-])|(?<=(?<![\p{L}\p{N}/.\-])\d{1,2}-)(?=\d{1,2}/)|(?<=(?<![\p{L}\p{N}])[وفبل]))"
    r"(?P<a>\d{1,4})(?:\s?(?P<sep>[/\-])\s?|(?P<sep>[.]))(?P<b>\d{1,2})"
    r"(?:\s?(?P=sep)\s?)(?P<c>\d{1,4})"
    r"(?![\p{N}]|[/.\-]\d)(?:\s?(?P<cal>ه|م)(?![\p{L}]))?"
)

# Led by the digits, not the context word: scanning for a digit is fast, and the
# context is checked behind the year once one is found.
# ``عام1980``, ``مونديال2010``: newsrooms glue the year to its context word too.
YEAR_IN_CONTEXT = compile_regex(
    rf"(?<![\p{{N}}])(?P<year>\d{{4}})(?<=(?<![\p{{L}}])[وبلف]?(?P<ctx>{_YEAR_CTX})\s*[،,]?\.?\d{{4}}){_YEAR_TAIL}"
)
# ``2019-2021``, ``2014 / 2015``: two years in a row are years whatever stands before them.
YEAR_RANGE = compile_regex(
    r"(?<![\p{L}\p{N}.,٫٬])(?P<year>(?:19|20)\d\d)\s*(?:-|–|/)\s*(?P<year2>(?:19|20)\d\d)(?![\p{L}\p{N}]|[.,٫٬]\d)"
)
# ``أحمد شوقي (1868-1932)``, ``غوته (1749-1832)``: two years in brackets of their own are a life, a
# reign or a period, old years included (180 such brackets in the news collections), where no
# noun they would count follows (``(1500-1700) ريال``).
YEARS_IN_BRACKETS = compile_regex(
    # (``(1494 - 1517 م) في أوروبا``: with the era's letter after the second year, whatever follows)
    r"\(\s*(?P<year>1\d{3}|20[0-4]\d)\s*(?:-|–)\s*(?P<year2>1\d{3}|20[0-4]\d)"
    r"(?:(?P<era>\s?م)\s*\)|\s*\)(?=\s*(?:$|[^\p{L}\s]|و\p{L})))"
)
# ``بين 1831 و1910.``: a span of years closing a clause, old years included; or a recent span
# before a word no number counts (``بين 2014 و2018 مع``).
YEAR_SPAN = compile_regex(
    r"(?<=(?:^|\s)[و]?(?:بين|من)\s+)(?P<year>(?:1[5-9]|20)\d\d)\s*(?:-|–|و|الي|حتي)\s*"
    r"(?P<year2>(?:1[5-9]|20)\d\d)(?=\s*(?:[.,،؛:)]|$)|\s+(?P<next>\p{L}+))"
)
# ``في 1573،``: an early year after ``في`` and before punctuation (a count has its noun after it).
EARLY_YEAR = compile_regex(r"(?<=(?:^|\s)[و]?في\s+)(?P<year>1[0-9]\d\d)(?=\s*[.,،؛)])")
# A year after another year: ``عامي 2014 و2015``, ``2007 - 2011``.
# ``سنة .2011``, ``بين عامي 2000 و.2014``: a sentence's full stop a right-to-left copy moved
# before its closing year (79 times in the news collections) leaves the year a year.
NEXT_YEAR = compile_regex(r"\G\s*(?:-|–|/|_|و|الي|حتي)?\s*\.?(?P<year>\d{4})(?![\p{L}\p{N}])")
BARE_YEAR = compile_regex(
    # Not after ``إلى``: ``ارتفع العدد إلى 2000.`` is a count; a year after ``إلى`` follows one before it.
    r"(?:(?<=(?:^|\s)[و]?(?:في|من|قبل|بعد|عن)\s+)|(?<=\(\s*))(?P<year>(?:19|20)\d\d)"
    r"(?=\s*(?:[)\-–.,،؛:]|$|\s+و|\s+(?:الي|حتي|-)\s+|\s+\d{4}))"
)
# ``1914 - اندلاع الحرب العالمية الأولى``: a chronology's entry opens its paragraph with the year and a
# dash or a colon (186 such paragraphs in the news collections, all years of "this day in history").
CHRONOLOGY_YEAR = compile_regex(r"^(?P<year>1[5-9]\d\d|20[0-4]\d)(?=\s?[-–—:]\s*[^\d\s])")
# ``وفي 1986 فاز الفريق``: a year after ``في``/``قبل``/``بعد`` and before a word that no
# number counts (``قبل 2000 عام``, ``في 2000 منزل`` stay counts: a unit or a plural follows).
YEAR_BEFORE_WORD = compile_regex(
    r"(?<=(?:^|\s)[و]?(?:في|قبل|بعد|منذ)\s+)(?P<year>(?:19[5-9]\d|20[0-3]\d))\s+(?P<next>\p{L}+)"
)
# ``الربع الأول من 2012 نموا``, ``ارتفاع عن 2014 بنسبة``: after ``من``/``عن`` a number counts more
# often than it dates, so the word after it must be one no number counts: a definite word
# (a count's noun is indefinite), a particle or a preposition.
YEAR_AFTER_FROM = compile_regex(r"(?<=(?:^|\s)[و]?(?:من|عن)\s+)(?P<year>(?:19[5-9]\d|20[0-3]\d))\s+(?P<next>\p{L}+)")
YEAR_SUFFIXED = compile_regex(rf"{_START}(?P<year>(?:1[89]|20|21)\d\d)\s?م(?![\p{{L}}])")

# ``بقية العام``, ``نهاية السنة``, ``النصف الثاني من العام``, ``آخر الشهر``: a part of the year or month
# the article is in, where nothing after the period word says which one.
PART_OF_THIS_PERIOD = compile_regex(
    r"(?:(?<=(?:^|\s)[و]?(?:بقيه|(?:النصف|الربع|الثلث)\s+(?:الاول|الثاني|الثالث|الرابع|الاخير)\s+من)\s+)"
    r"|(?<=(?:^|\s)[و]?)(?:نهايه|بدايه|مطلع|منتصف|اواخر|اوائل|اخر)\s+)"
    r"(?P<period>العام|السنه|الشهر)(?=\s*(?:[.,،؛:)\"”»!?]|$)|\s+(?:و|في|من|علي|الي|حتي|مع|قبل|بعد)(?!\p{L})"
    # or a word no period takes as its adjective or year (``نهاية السنة نتيجة``, ``من العام ارتفع``)
    r"|\s+(?!ال|لل|\d)\p{L}{3})"
)
_YEAR_KIND = r"(?:الماليه|المالي|الدراسيه|الدراسي|الهجريه|الهجري|الميلاديه|الميلادي)"
RELATIVE_PERIOD = compile_regex(
    rf"{_GLUED}(?:(?P<this>هذا|هذه)\s+(?P<period>العام|السنه|الشهر|الاسبوع)"
    # ``العام المالي الماضي``, ``السنة الدراسية المقبلة``: a fiscal or school year named relatively
    # is the year it begins in (299 in the news collections).
    rf"|(?:ال|(?<=ل)ل)(?P<period2>اسبوع|شهر|عام|سنه)(?:(?<=عام|سنه)\s+{_YEAR_KIND})?\s+(?P<rel>{_REL})){_END}"
)

RELATIVE_DAY = compile_regex(
    # ``مساء يوم أمس``: a part of the day may stand before ``يوم`` and the relative word too
    rf"{_GLUED}(?:(?P<part>{_PART})(?:(?<!حتي|منذ|يوم)\s+يوم)?\s+)?"
    r"(?P<word>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|امس|الامس|البارحه\s+الاولي|البارحه|الليله\s+قبل\s+الماضيه"
    r"|الليله\s+الماضيه|بعد\s+غد|يوم\s+غد|غدا|اليوم|غد|الغد)"
    rf"(?:\s*\(\s*(?P<wd>{_WD})\s*\)|\s+(?P<wd2>{_WD}))?{_END}"
)


# ``مساء يوم الأربعاء``: a part of the day may stand before ``يوم`` and its weekday
# (``حتى يوم الخميس`` keeps ``حتى`` out: ``يوم`` is then the part).
WEEKDAY = compile_regex(
    rf"{_GLUED}(?:(?P<part>{_PART})\s+(?:(?<!(?:منذ|حتي)\s+)يوم\s+)?)?(?P<wd>{_WD})(?:\s+(?P<rel>{_REL}))?{_END}"
)

# ``يوم السبت ٢-١٠``, ``الثلاثاء 10/12``, ``الاثنين الموافق 4/ 10``: a weekday, then a day and a month
# in figures without a year (in either order, of either calendar: the weekday tells which).
WEEKDAY_DAY_MONTH = compile_regex(
    rf"(?P<wd>{_WD})\s*[,،]?\s*(?:الموافق\s*)?(?P<a>\d{{1,2}})\s*[-/]\s*(?P<b>\d{{1,2}})(?!\d)(?!\s*[-/.]\s*\d)"
)

# ``في الثامن من الشهر نفسه``: the day of the month the paragraph named last.
# ``يوم 27 من الشهر الجاري``, ``ال١٢ من شهر أغسطس الجاري``, ``في 4 الجاري``, ``الثلاثاء 26 الشهر
# الجاري`` (9 in the news collections, every one a day): a day of the month named relatively.
DAY_OF_RELATIVE_MONTH = compile_regex(
    rf"{_START}(?:(?:الـ?\s?)?{_DAY}\s+(?:من\s+(?:هذا\s+)?(?:الشهر|شهر\s+(?P<month>{_GM}))|الشهر)\s+(?P<rel>{_REL})"
    # ``في الثامن من هذا الشهر``: ``هذا`` says which month without a relative word
    rf"|(?:الـ?\s?)?{_DAY}\s+من\s+(?P<this>هذا)\s+الشهر"
    rf"|(?<!ال)(?<!الـ)(?<!ال\s)(?<!الـ\s)(?<![\d\-/])(?P<dday>\d{{1,2}})\s+(?P<rel2>الجاري|الحالي|المنصرم|الماضي|المقبل)){_END}"
)

SAME_MONTH = compile_regex(rf"{_START}{_DAY}\s+من\s+(?:الشهر\s+(?:نفسه|ذاته)|نفس\s+الشهر|ذات\s+الشهر){_END}")
NOT_DAY_BEFORE = frozenset(read_list("not_day_before.txt"))
EVENT_NOUNS = frozenset(read_list("event_nouns.txt"))
