"""Quantities: numbers with their scale, unit, currency or percent sign.

A span is ``{text, value, unit, paragraph, start, end}``. ``text`` covers the
number, its scale words and its currency or percent words (``500 ألف``,
``2.5 مليار دولار``, ``15 في المئة``); ``unit`` is ``%``, a currency (an ISO
code when the words name exactly one currency), or the counted noun right after
the number (``جرعة`` in ``500 ألف جرعة``), else None.

Not quantities: dates and years (found by `marsad.enrich.dates` and skipped
here), identifiers after ``رقم``/``المادة``/``الساعة`` and the like, phone
numbers, scores and ranges written with a hyphen, ordinals (``الدورة الـ15``; a
number with the article counts where a counted noun follows, ``الـ28 شهرا``), times
of day (``الـ 12 ظهراً``), and
numbers glued to Latin letters or hyphens (``كوفيد-19``, ``G20``), model numbers
(``بوينغ 777``, ``إف- 16``).

The first number of a range takes the scale and unit of the second
(``أربعة إلى خمسة ملايين مسلم`` is four million); ``ست`` and ``عشر`` alone count
only before an indefinite noun (``ست مقاتلات``, not ``لست`` or ``ست البيت``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import regex

from marsad.arabic.tokens import FoldedText
from marsad.enrich.data import alternation, fold_entry, read_list, read_table
from marsad.enrich.dates import date_spans
from marsad.enrich.dates_patterns import GREGORIAN_MONTHS, HIJRI_MONTHS, ORDINAL_DAYS
from marsad.enrich.ner.shipped_lists import common_words
from marsad.enrich.numbers import NUMBER_WORDS, WordNumber, parse_digits, parse_number_words, tidy_number
from marsad.enrich.quantities_durations import combine_durations
from marsad.records import Span
from marsad.startup_cache import compile_regex

__all__ = ["find_quantities"]

_CURRENCIES: dict[str, str] = {row[0]: row[1] for row in read_table("currencies.tsv")}
_PERCENT_WORDS = read_list("percent_words.txt")
_UNIT_STOPWORDS = frozenset(read_list("unit_stopwords.txt"))
_NOT_BEFORE = frozenset(read_list("not_quantity_before.txt"))
_FIXED_PHRASES = read_list("phrase_not_quantity.txt")
_FRACTION_PLURALS = {"ارباع": 0.25, "اثلاث": 1 / 3, "اخماس": 0.2, "اعشار": 0.1}
_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")


def _fraction_plural(word: str) -> float | None:
    """The share a plural of a fraction names, a pronoun after it or not (``أرباع``, ``أرباعه``)."""
    if word in _FRACTION_PLURALS:
        return _FRACTION_PLURALS[word]
    bare = next((word[: -len(s)] for s in _PRONOUN_SUFFIXES if word.endswith(s)), None)
    return _FRACTION_PLURALS.get(bare) if bare else None


_NAMES_WITH_YEARS = frozenset(
    fold_entry(w) for w in ("يورو", "مونديال", "رؤية", "أولمبياد", "إكسبو", "العالم", "الأمم")
)
_MONTH_WORDS = frozenset(w for name in (*GREGORIAN_MONTHS, *HIJRI_MONTHS) for w in name.split()[:1])
_SCALES: dict[str, float] = {w: v for w, (v, role) in NUMBER_WORDS.items() if role == "scale"}

_SCALE = alternation([w for w in _SCALES if _SCALES[w] in {1e3, 1e6, 1e9, 1e12}])
_CURRENCY = alternation([c for c in _CURRENCIES if c not in {"$", "€", "£"}])
_PERCENT = alternation(_PERCENT_WORDS)

_BIDI = "[\u200e\u200f\u061c]*"  # direction marks a site left around ``ر``
_DIGIT_QUANTITY = compile_regex(
    r"(?<![\p{N}.,/:_])(?<!\p{L}-)(?<!\d\s{2,4})(?<!\d\s?/\s?)(?<!صفر\s?[-/]\s?)(?<!\[[^\]]{0,20})(?:(?<![\p{L}])|(?<=(?:^|[\s(])[وبلف])|(?<=(?:^|\s)(?:الي|في|من|علي|عن|نحو|حوالي))|(?<=(?:^|[\s(])(?:[وب]?ال|لل)))"
    r"(?:(?P<pre_percent>%)\s?|(?P<pre_currency>[$€£])\s?)?"
    rf"(?:[(“\"«]\s?(?=[\d.,]{{1,12}}\s?[)″”\"»]\s+(?:{_SCALE})(?![\p{{L}}])))?"
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:\.\d{{3}}){{2,}}|\d+{_BIDI}\s?ر\s?{_BIDI}\d+|\d+،\d+(?=\s+(?:{_SCALE})(?![\p{{L}}]))"
    # ``779،557 سهم``: the Arabic comma grouping thousands where no scale word follows (97 in the news)
    rf"|\d{{1,3}}(?:،\d{{3}})+(?![\d،])"
    # ``90 ,11 ألف``: a decimal comma whose fraction the text put first (11.90 thousand)
    rf"|\d{{1,3}} ,\d{{1,3}}(?=\s+(?:{_SCALE})(?![\p{{L}}]))"
    # ``72. 4 في المائة``, ``1. 9 مليار جنيه``: a space the text put after the decimal point, before a
    # scale word or a percent (12 in the news collections, all decimals)
    rf"|\d{{1,3}}\.\s\d{{1,2}}(?=\s?(?:{_SCALE}|{_PERCENT})(?![\p{{L}}]))|\d+(?:[.,]\d+)?)"
    r"(?![\p{N}]|\s?[/:]\s?\d|[.,]\d|\s?[-/]\s?صفر|\s{2,}\d|-\p{L}|\p{Latin})"
    # ``(117) مليار دينار``, ``«150» مليونا``: Gulf and Iraqi wire copy brackets the digits before their
    # scale word (91 in guillemets in the news).
    rf"(?:(?<=[(“\"«]\s?(?:\d|[.,]){{1,12}})\s?[)″”\"»](?=\s+(?:{_SCALE})(?![\p{{L}}])))?"
    rf"(?:\s*(?P<scale>{_SCALE})(?![\p{{L}}])(?P<half>\s+ونصف(?![\p{{L}}]))?)?"
    rf"(?:\s?(?P<percent>{_PERCENT})(?![\p{{L}}])|\s+(?P<currency>{_CURRENCY})(?![\p{{L}}]))?"
)

# ``(5.969.428) مليون راكب``, ``75,003,560 مليون ريال``: a number written out in groups of
# thousands to its millions; the scale word after it names its order (129 in the news, all so).
_ARABIC_COMMA_GROUPS = compile_regex(r"\d{1,3}(?:،\d{3})+")
_GROUPED_MILLIONS = compile_regex(r"\d{1,3}(?:[.,]\d{3}){2,}")
_WORD = compile_regex(r"\p{L}+")
_ANY_DIGIT = re.compile(r"\d")
_SPACES = compile_regex(r"\s+")
# ``إف- 16``: a hyphen after a model's letters is skipped too.
_WORD_BEFORE = compile_regex(r"(\p{L}+|/)[\s:(\-\"«“]*$")
# ``32 و34``: a number joined by ``و`` to the one before it shares its designator.
_JOINED = compile_regex(r"^\s*و\s*$")
# ``القرار 10690 المؤرخ في``, ``عددها 15601 بتاريخ``, ``القانون عدد 88 لسنة 2005``: a reference number.
_REFERENCE_AFTER = compile_regex(r"\s+(?:المؤرخ|المؤرخه|بتاريخ|لسنه)(?!\p{L})")
# ``أرسل sms إلى 88548 الاتصالات، 636250 موبايلي، 738303 زين``: a short code a mobile operator's name
# follows (214 such in the news collections, the columnists' SMS lines), or its Latin name after a
# dash (``إلى 88591 - Stc 635031 - Mobily``: 690 such in 230 articles of the news collections).
_OPERATOR_AFTER = compile_regex(r"\s*[،,\-–]?\s*(?:الاتصالات|زين|موبايلي|(?i:stc|mobily|zain))(?!\p{L})")
# ``المصنفة 89 عالمياً``, ``المرتبة 13 عربياً``: a rank in a table of the world or a region, not a count
# (56 numbers of the news collections are followed so, every one a rank).
_RANK_AFTER = compile_regex(r"\s+(?:عالميا|عربيا|دوليا|محليا|خليجيا|اسيويا|اقليميا|اوروبيا)(?:ً)?(?!\p{L})")
# ``«الأنعام: 152»``, ``(البقرة: 255)``: a source and a number after its colon, alone in brackets, is a
# verse's or a page's reference (over every fifth news article 293 such brackets, all references).
_BRACKETED_SOURCE_BEFORE = compile_regex(r"[(«\[{]\s*\p{L}+(?:\s\p{L}+)?\s*:\s*$")
_BRACKET_CLOSES = compile_regex(r"\s*(?:[-–]\s*\d{1,3}\s*)?[)»\]}]")
# ``غَفُورًا (43)``: a number of up to three figures alone in brackets after a word with two vowel marks
# or more numbers a verse (or a note) of the scripture quoted; no count is written so.
_VOCALISED_WORD_BEFORE = compile_regex(r"\p{L}*[\u064b-\u0652]\p{L}*[\u064b-\u0652]\p{L}*[\u064b-\u0652]?\p{L}*\s*\($")
_MAX_VERSE_DIGITS = 3
_BRACKETED_ALONE = compile_regex(r"\s*\)")
# ``حتى 27 منه``, ``الثلاثاء 26 الشهر الجاري``: a day of the month the text is in, not a count.
_DAY_OF_THE_MONTH = compile_regex(
    r"\s+(?:منه|من الشهر|الشهر\s+(?:الجاري|الحالي|الماضي|المنصرم|المقبل|القادم))(?!\p{L})"
)
_NOUN_BEFORE = compile_regex(r"(\p{L}+)\s+$")
_NUMBER_WORD_FORMS = frozenset(prefix + word for word in NUMBER_WORDS for prefix in ("", "و", "ب", "ل"))
# ``10,30 ت غ``, ``الـ 12 ظهراً``: a time of day
_CLOCK = compile_regex(r"\s*\(?\s*(?:ت\s*[غم]|صباحا|مساء|ظهرا|عصرا|ليلا|فجرا)(?!\p{L})")
_LOOKS_LIKE_YEAR = compile_regex(r"(?:19|20)\d\d")
# ``1 – العريف ...``, ``(2) عدم التخصص ...``, a paragraph that is only ``(3)``: a list's numbering.
_LIST_MARKER = compile_regex(r"\s*(?:[-–—.)\]]|$)")
_DIACRITICS = compile_regex(r"[\u064b-\u065f\u0670\u0640]")
# ``شارك (40) متدربا``: only a number alone in brackets after a word counts the noun after them.
_OPENS_BRACKET = compile_regex(r"\p{L}\s*\(\s*$")
_AFTER_WORD = compile_regex(r"[\s)\]]*(?P<word>\p{L}+)")  # ``(50) متدربًا``: the noun after the bracket
_GLUED_ARTICLE = compile_regex(r"(?:^|[^\p{L}])ال\s*$")  # ``الـ15``, not the end of ``خلال``
_WORD_CURRENCY_OR_PERCENT = compile_regex(
    rf"\G(?:\s?(?P<percent>{_PERCENT})(?![\p{{L}}])|\s+(?P<currency>{_CURRENCY})(?![\p{{L}}]))"
)


def currency_code(words: str) -> str | None:
    """The ISO code a currency's name (``ريال``, ``دينارا``, ``دولار أمريكي``) stands for, if one."""
    folded = FoldedText.of(words).text.strip()
    for candidate in (folded, folded.rstrip("ا"), folded[:-2] if folded.endswith(("ات", "ان")) else folded):
        if candidate in _CURRENCIES:
            return _CURRENCIES[candidate]
    return None


def is_percent_word(words: str) -> bool:
    folded = FoldedText.of(words).text.strip()
    return folded == "%" or any(folded == FoldedText.of(word).text.strip() for word in _PERCENT_WORDS)


def _previous_word(folded: str, start: int) -> str:
    """The word before `start`, across a colon or bracket (``العدد: 818``); ``/`` stays itself."""
    m = _WORD_BEFORE.search(folded[max(0, start - 25) : start])
    return m[1] if m else ""


_QUOTED_ALONE_AFTER = compile_regex(r"\s?[\"”»]")
_QUOTED_ALONE_BEFORE = compile_regex(r"[\"“«]\s?$")
_SPACED_BRACKET_AFTER = compile_regex(r"\s\)\s")


def _counted_noun(folded: FoldedText, end: int, start: int | None = None) -> str | None:
    if (
        start
        and (mark := _QUOTED_ALONE_AFTER.match(folded.text, end))
        and _QUOTED_ALONE_BEFORE.search(folded.text, max(0, start - 2), start)
    ):
        end = mark.end()  # ``" 970 " حالة``, ``«21» جلسة``: a number set off in marks counts the noun after them
    elif (
        start
        and (bracket := _SPACED_BRACKET_AFTER.match(folded.text, end))
        and _OPENS_BRACKET.search(folded.text, max(0, start - 8), start)
    ):
        end = bracket.end() - 1  # ``( 29 ) عاما``: a number spaced inside its brackets, as ``(29) عاما``
    m = _AFTER_WORD.match(folded.text, end)
    if m is None or m.start("word") - end > 2:
        return None
    if ")" in folded.text[end : m.start("word")] and not (start and _OPENS_BRACKET.search(folded.text, 0, start)):
        return None  # ``(تطوير إسكان 2) لبناء``, ``(36) سورة`` at a line start: no noun counted
    word = m["word"]
    if word in _UNIT_STOPWORDS or word in NUMBER_WORDS or len(word) < 2 or word.startswith("وال"):
        return None
    if word[:1] == "و" and word[1:] in _UNIT_STOPWORDS:
        return None  # ``(4387) ولم``: a particle with its conjunction, the clause going on
    if word[:1] == "و" and word[1:] in NUMBER_WORDS:
        return None  # ``ستة وثمانية أسابيع``: the next number, which shares the noun
    if _glued_particle(word):
        return None  # ``عوقب 269 بالسجن``, ``أكثر من 400 وقضت``: a phrase or a clause goes on
    stop_at = m.end("word")
    # ``متر مكعب``, ``كيلومتر مربع``, ``سنة ضوئية``, ``كيلومترات في الساعة``: a unit made of more
    # than its noun.
    if (more := _UNIT_COMPLEMENT.match(folded.text, stop_at)) is not None:
        stop_at = more.end()
    start, stop = folded.span(m.start("word"), stop_at)
    return str(_DIACRITICS.sub("", folded.original[start:stop]))


_MAX_LIST_NUMBER = 20


def _numbers_a_list(text: str, m: regex.Match[str]) -> bool:
    """``1 - ``, ``1 – `` or ``(1)`` opening a paragraph, or the paragraph's only number: its
    place in a list. In brackets it may count the noun after it (``(40) متدربا شاركوا``): a list's
    number is small and no counted noun follows it."""
    before = text[: m.start("num")].strip()
    if before not in ("", "(", "[") or _LIST_MARKER.match(text, m.end("num")) is None:
        return False
    if not before:
        return True
    after = _AFTER_WORD.match(text, m.end("num"))
    if after is None:
        return True
    if not m["num"].isdigit() or int(m["num"]) > _MAX_LIST_NUMBER:
        return False
    number, word = int(m["num"]), after["word"]
    if word in _COUNTED_NOUNS:
        return False
    if number <= 2:
        return True  # one and two follow their noun: ``(1) قصور الترجمة`` is an item
    if number <= 10:
        return not _definite_plural("ال" + word)  # three to ten count a plural: ``(5) أشخاص``
    return not word.endswith("ا")  # eleven on count an accusative singular: ``(12) لاعبا``


def _glued_particle(word: str) -> bool:
    """A conjunction or preposition glued to a word of the language (``وقضت``, ``فهناك``,
    ``للحصول``, ``بالسجن``), not a noun that begins with those letters (``وزير``, ``بطاقة``)."""
    if word in _COUNTED_NOUNS:
        return False  # ``(24) بطولة``: a noun numbers count, not ``ب`` + ``طولة``
    for prefix in ("وال", "بال", "لل", "و", "ف", "ب", "ل"):
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) > _SHORT_NOUN and word not in common_words():
            stem = "ال" + rest if prefix in ("بال", "لل", "وال") and not rest.startswith("ال") else rest
            if stem in common_words() or rest in common_words():
                return True
    return False


_UNIT_COMPLEMENT = compile_regex(
    r"\s+(?:(?:ال)?(?:مربع|مكعب)(?:ا|ه|ين|ات)?|ضوئيه|ضوئيا|ضوئيات|ضوييه|(?:في|ب)\s?الساعه|بالساعه"
    # ``400 كيلو فولت``, ``4.8 غيغا بايت``: a measure after its prefix written apart
    r"|(?<=(?:كيلو|ميغا|ميجا|غيغا|جيجا|تيرا)\s+)(?:فولت|واط|وات|بايت|هيرتز|هرتز)"
    # ``25 كيلو غراما``, ``40 كيلو مترا``: 591 such units in the news collections
    r"|(?<=(?:كيلو|ميلي|سنتي)\s+)(?:جرام|غرام|متر|لتر)(?:ا|ات|ين)?)(?![\p{L}])"
)


def _currency_unit(folded: FoldedText, m: regex.Match[str]) -> str | None:
    words = _SPACES.sub(" ", m["currency"])
    # ``دولار أمريكي`` names more than ``دولار``: try the two-word name first.
    nxt = _AFTER_WORD.match(folded.text, m.end("currency"))
    if nxt is not None and f"{words} {nxt['word']}" in _CURRENCIES:
        return _CURRENCIES[f"{words} {nxt['word']}"]
    return _CURRENCIES.get(words)


def _a_reference(folded: FoldedText, start: int, end: int) -> bool:
    """A verse's or a page's number: after a source's colon in brackets, or alone in brackets after
    a vocalised word (the original text, which keeps the vowel marks)."""
    text = folded.text
    if _BRACKET_CLOSES.match(text, end) and _BRACKETED_SOURCE_BEFORE.search(text, max(0, start - 30), start):
        return True
    if start == 0 or end - start > _MAX_VERSE_DIGITS or not _BRACKETED_ALONE.match(text, end):
        return False
    o_start, _ = folded.span(start, end)
    return _VOCALISED_WORD_BEFORE.search(folded.original, max(0, o_start - 40), o_start) is not None


# ``مركز الاتصال لخدمة العملاء (19911)``, ``الهاتف المجاني 19988``, ``الرقم الموحد 1909``: a service's number
# a few words after a telephone's or a call's word, or a unified or free line's (in the news collections 66
# and 32 such, all numbers to call but the years, which are left to the dates).
_PHONE_BEFORE = compile_regex(
    r"(?:(?:الاتصال|اتصال|هاتف|الهاتف|هاتفي|(?:[وب]?ال)?رقم)(?:\s+[^\s\d]+){0,3}|(?:الموحد|المجاني))\s*[(:«\"]?\s*$"
)
_MIN_SERVICE_DIGITS = 4
# A number another joins with a plus: ``دول 5+1`` (150 such in the news collections: the nuclear talks'
# group, stoppage time ``45+2``, ``1+5``), never a count of what follows.
_PLUS_AFTER = compile_regex(r"\s?\+\s?\d")
_PLUS_BEFORE = compile_regex(r"\d\s?\+\s?$")


def _added_up(text: str, start: int, end: int) -> bool:
    """``مجموعة 5+1``, ``الدقيقة 45+2``: a number added to another names a group or a minute."""
    return _PLUS_AFTER.match(text, end) is not None or _PLUS_BEFORE.search(text, max(0, start - 6), start) is not None


def _service_number(folded: FoldedText, start: int, end: int, digits: str) -> bool:
    """(``تلقى الهاتف المجاني 3400 اتصال`` counts the calls: a noun counted after it keeps the number.)"""
    return (
        len(digits) >= _MIN_SERVICE_DIGITS
        and digits.isdigit()
        and not _YEAR_LIKE.fullmatch(digits)
        and _PHONE_BEFORE.search(folded.text, max(0, start - 50), start) is not None
        and _counted_noun(folded, end, start) is None
    )


# ``8.\u200f14 مليون دولار``: a right-to-left mark after the decimal point shows a number a page turned
# around (14.8: 323 such in SaudiNewsNet, ``04.\u200f5 مليون وحدة``, Brent at ``95.\u200f56 دولار``).
_MARK_AFTER_POINT = compile_regex(r"\d\.\u200f\d")


def _reversed_by_mark(folded: FoldedText, start: int, end: int) -> bool:
    o_start, o_end = folded.span(start, end)
    return _MARK_AFTER_POINT.search(folded.original, o_start, o_end) is not None


def _digit_quantities(folded: FoldedText) -> list[tuple[int, int, int | float, str | None]]:
    text = folded.text
    found: list[tuple[int, int, int | float, str | None]] = []
    designated_end = -1  # where the last number a designator made a mark ends
    for m in _DIGIT_QUANTITY.finditer(text):
        digits = m["num"]
        if len(digits) >= 7 and not any(mark in digits for mark in ",.،"):
            continue  # a phone or account number
        if len(digits) >= 2 and digits[0] == "0" and digits.isdigit():
            continue  # ``012``: a code or a dialling prefix; a count is not written with a leading zero
        if _service_number(folded, m.start("num"), m.end("num"), digits):
            continue
        previous = _previous_word(text, m.start())
        glued_article = _GLUED_ARTICLE.search(text[max(0, m.start() - 8) : m.start()])
        if previous in _NOT_BEFORE or (designated_end >= 0 and _JOINED.match(text[designated_end : m.start()])):
            designated_end = m.end("num")
            continue
        if previous in {"/", ":"} or previous == _VERSE:
            continue  # ``(الرعد آية 11)``: a verse's number, where ``آية واحدة`` counts one
        if (
            previous in _SURAHS
            and _CITED.search(text, max(0, m.start() - len(previous) - 12), m.start())
            and not _VERSES_AFTER.match(text, m.end("num"))
        ):
            continue  # ``« النحل 125``, ``سورة البقرة 195``: a verse cited after its surah
        if _CLOCK.match(text, m.end()) or _DAY_OF_THE_MONTH.match(text, m.end("num")):
            continue
        if _added_up(text, m.start("num"), m.end("num")):
            continue
        if (
            _REFERENCE_AFTER.match(text, m.end("num"))
            or _OPERATOR_AFTER.match(text, m.end("num"))
            or _a_reference(folded, m.start("num"), m.end("num"))
        ):
            continue
        if not m["scale"] and _RANK_AFTER.match(text, m.end("num")):
            continue
        latin_unit = _LATIN_UNIT.match(text, m.end()) if not m["scale"] else None
        if _LATIN_BEFORE.search(text, max(0, m.start() - 12), m.start()) or (
            latin_unit is None and _LATIN_AFTER.match(text, m.end())
        ):
            continue  # ``PRDM 16``, ``55 Cancri``: a number inside a Latin name
        if _numbers_a_list(text, m) and not m["scale"]:
            continue
        if _looks_like_score(text, m.start("num"), m.end("num")) or _in_a_result(text, m.start("num"), m.end("num")):
            continue
        if "،" in digits and not m["scale"] and _ARABIC_COMMA_GROUPS.fullmatch(digits):
            digits = digits.replace("،", "")
        elif "،" in digits:
            digits = digits.replace("،", ".")  # ``1،2 مليون``: the Arabic comma as a decimal mark before a scale
        if " ," in digits:
            whole_last, _, fraction_first = digits.partition(" ,")
            digits = f"{fraction_first}.{whole_last}"
        digits = digits.replace(". ", ".")
        if digits.count(".") > 1:
            digits = digits.replace(".", "")  # ``3.075.601 محاولة``: dots grouping thousands, twice over
        elif "." in digits and _reversed_by_mark(folded, m.start("num"), m.end("num")):
            whole, _, fraction = digits.partition(".")
            digits = f"{fraction}.{whole}"
        value = _arabic_decimal(digits) if "ر" in digits else parse_digits(digits)
        if value is None:
            continue
        scale_value = _SCALES[_SPACES.sub(" ", m["scale"])] if m["scale"] else 1
        if m["scale"] and not (_GROUPED_MILLIONS.fullmatch(m["num"]) and value >= scale_value):
            value = value * scale_value * (1.5 if m["half"] else 1)
        unit: str | None
        if m["pre_percent"] or m["percent"]:
            unit = "%"
        elif m["pre_currency"]:
            unit = _CURRENCIES[m["pre_currency"]]
        elif m["currency"]:
            unit = _currency_unit(folded, m)
        elif latin_unit is not None:
            unit = latin_unit["unit"]  # ``480 Mbps``, ``1 TB``: a measure in its Latin symbol
        elif m["scale"] and m["scale"].endswith("ا"):
            unit = None  # ``522 مليونا يدخلون``: after a scale in the accusative no noun is counted
        else:
            unit = _counted_noun(folded, m.end(), m.start())
            if unit is None and not _YEAR_LIKE.fullmatch(digits) and _METRES.match(text, m.end()):
                unit = "م"  # ``200 م``, ``100م``: metres (a year's ``م`` follows four digits of a year)
        measured = m["scale"] or m["percent"] or m["pre_percent"] or m["currency"] or m["pre_currency"]
        if glued_article and not measured and not (unit is not None and _counted_after_article(unit)):
            unit = _plural_before(folded, m.start())
            if unit is None:
                continue  # ``الدورة الـ15``: an ordinal, where ``الـ 450 قاتلا``, ``ال٢٤ ساعة`` count
        if not m["scale"] and unit is not None and _DOT_THOUSANDS.fullmatch(digits) and _counted_whole(unit):
            # ``30.000 شخص``, ``1.500 ريال``: a dot groups thousands before what is counted whole;
            # a measure may have thousandths (``42.195 كلم``), and so may a dinar (Tunis, Kuwait).
            value = int(digits.replace(".", ""))
        if unit is not None and not m["scale"] and _MONTH_WORDS.intersection(FoldedText.of(unit).text.split()):
            continue  # ``ثورة 25 يناير``: a day of a month the date reader left as a name
        if unit is None and not measured and _DESIGNATED.search(text, max(0, m.start() - 4), m.start()):
            continue  # ``(تقييم- 1)``, ``بلوتونيوم- 210``: a name's number after its hyphen
        if unit is None and not measured and _in_marks_after_a_name(text, m.start(), m.end()):
            continue  # ``(البقرة 233)``, ``«بازل 3»``, ``(إس 300)``: a reference or a name in its marks
        if _LOOKS_LIKE_YEAR.fullmatch(digits) and not m["scale"] and previous in _NAMES_WITH_YEARS:
            continue  # ``يورو 2016``, ``كأس العالم 2014``: the year of a name
        plain = not measured
        if plain and unit is not None and _LOOKS_LIKE_YEAR.fullmatch(digits) and not _counts_noun(unit):
            continue  # ``عام 2012 نموا``, ``2002 وحاز``: a year, and the word after it is not counted
        if unit is None and _LOOKS_LIKE_YEAR.fullmatch(digits) and not m["scale"]:
            continue  # ``يورو 2012``: a year no rule placed; no value rather than a wrong one
        start = m.start()
        minus = _MINUS_BEFORE.search(text, max(0, start - 8), start)
        if minus is not None:
            value, start = -value, minus.start()  # ``ناقص 0.2 نقطة``
        found.append((start, m.end(), tidy_number(value), unit))
    return found


# ``بأربعة أهداف لهدف``, ``بخمسة أهداف مقابل هدفين``, ``برباعية مقابل هدف واحد``: a result in
# goals, one side against the other, is a score (points against points are an index's readings).
_GOALS = frozenset(fold_entry(w) for w in ("هدف", "هدفا", "أهداف", "هدفين", "هدفان"))
# (``بأربعة أهداف مقابل ثلاثة``: the other side's number in words, its noun left out)
_SIDE_WORD = r"(?:واحد|اثنين|ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره)"
_OTHER_SIDE = rf"(?:(?:(?:\d+|{_SIDE_WORD})\s+)?(?:هدف|هدفين|اهداف|لا ?شيء?)|{_SIDE_WORD})(?![\p{{L}}])"
_AGAINST_AFTER = compile_regex(rf"\s*\p{{L}}+\s+(?:مقابل\s+|ل){_OTHER_SIDE}")
_AGAINST_BEFORE = compile_regex(r"مقابل\s+(?:\p{L}+\s+)?$")
_GOALS_AGAINST_BEFORE = compile_regex(r"(?:هدف|هدفين|اهداف)\s+مقابل\s+$")


def _in_a_score(text: str, start: int, end: int, unit: str | None) -> bool:
    if unit is None:
        return _GOALS_AGAINST_BEFORE.search(text, max(0, start - 20), start) is not None
    if fold_entry(unit) not in _GOALS:
        return False
    return (
        _AGAINST_AFTER.match(text, end) is not None
        or _AGAINST_BEFORE.search(text, max(0, start - 16), start) is not None
    )


def _counts_noun(unit: str) -> bool:
    """Whether a year-like number before `unit` counts it: a unit or a noun numbers count
    (``2000 منزل``), or a plural in ``ات``."""
    folded = FoldedText.of(unit).text
    return folded in _COUNTED_NOUNS or folded.endswith("ات") or folded.removeprefix("ال") in _COUNTED_NOUNS


_COUNTED_NOUNS = frozenset(read_list("counted_nouns.txt"))
_ACCUSATIVE = compile_regex(r"\p{L}{2,}ا")


def _counted_after_article(unit: str) -> bool:
    """Whether a number with the article glued to it (``الـ28``) counts `unit`: an indefinite
    counted noun (``ال٢٤ ساعة``, ``الـ28 شهرا``, ``الـ200م``) or one in the accusative a count
    governs (``الـ 450 قاتلا``), never a definite word (``القرن الـ20 الميلادي``)."""
    # (a unit of two words, ``كيلو جرام``, ``متر مربع``, counts as its first word does)
    head = unit.split()[0] if unit.strip() else unit
    folded = FoldedText.of(head).text
    if folded.startswith("ال") or folded in _UNIT_STOPWORDS:
        return False
    return unit == "م" or _counts_noun(head) or _ACCUSATIVE.fullmatch(folded) is not None


# ``الدول الـ28``, ``السنوات الـ15 الأخيرة``, ``المصارف العربية الـ75``: after a definite plural
# (and its adjective) a number with the article counts it, where after a singular it ranks
# (``الجولة الـ37``, ``القرن الـ20``) and a name's plural with ``ل`` after the number is a
# competition's (``الأمم الأوروبية الـ14 لكرة القدم``).
_PLURAL_BEFORE_ARTICLE = compile_regex(
    r"(?:^|(?<=[^\p{L}]))(?P<noun>(?:وال|بال|لل|ال)\p{L}{2,})(?:\s+ال\p{L}+(?:ي|يه|يين|يون))?\s+ال\s*$"
)
_BROKEN_PLURAL = compile_regex(
    # أفعل أفعال (not افتعال) فعول (not a تفعّل noun) مفاعل مفاعيل فعلاء فعايا فعائل فواعل فواعيل أفعلة
    r"ا\p{L}{3}|ا(?!ت)\p{L}{2}ا\p{L}|(?!ت)\p{L}{2}و\p{L}|م\p{L}ا\p{L}{2}|م\p{L}ا\p{L}ي\p{L}|(?!ا)\p{L}{3}اء"
    r"|\p{L}{2}ايا|\p{L}{2}اي\p{L}|\p{L}وا\p{L}{2}|\p{L}وا\p{L}ي\p{L}|ا[^ا]{3}ه|دول|اعضاء|ابناء|اطباء"
)
_NOT_PLURAL = frozenset({"يورو", "اسبوع", "اكبر", "اول", "اخر"})
_COMPETITION_AFTER = compile_regex(r"\d+\s+ل")


def _plural_before(folded: FoldedText, start: int) -> str | None:
    """The definite plural before a number with the article glued to it, as written, or None."""
    text = folded.text
    m = _PLURAL_BEFORE_ARTICLE.search(text, max(0, start - 40), start)
    if m is None or _COMPETITION_AFTER.match(text, start):
        return None
    if not _definite_plural(m["noun"]):
        return None
    s, e = folded.span(m.start("noun"), m.end("noun"))
    return _without_preposition(str(_DIACRITICS.sub("", folded.original[s:e])))


def _definite_plural(noun: str) -> bool:
    """Whether `noun`, folded with its article, is a plural (``الدول``, ``المصارف``, ``الأبناء``)."""
    stem = next((noun[len(article) :] for article in _DEFINITE_PREFIXES if noun.startswith(article)), noun)
    return (
        (stem.endswith("ات") and len(stem) >= 4)
        or (stem.endswith(("ين", "ون")) and len(stem) >= 5 and (stem.startswith("م") or stem[-3] == "ي"))
        or (stem not in _NOT_PLURAL and _BROKEN_PLURAL.fullmatch(stem) is not None)
    )


# After ``من`` two more plurals name a group: a participle's sound plural the stem test misses
# (``العاملين``, ``اللاعبين``) and ``فعلى`` (``القتلى``, ``المرضى``; folding writes its ى as ي).
_PARTICIPLE_PLURAL = compile_regex(r"\p{L}ا\p{L}{2}(?:ين|ون)|\p{L}{3}ي")


# ``4703 من الأبناء``, ``أربعة من المتهمين``: a count of some of a group names the group after ``من``.
_PARTITIVE = compile_regex(r"\s+من\s+(?P<noun>ال\p{L}{3,})(?![\p{L}])")


# ``7000 من موظفي الحكومة``, ``نحو ألف من طلاب جامعة الخرطوم``: a plural in the construct, then its
# complement.
_PARTITIVE_CONSTRUCT = compile_regex(r"\s+من\s+(?P<noun>\p{L}{3,})\s+(?:ال\p{L}|\p{L}+\s+ال\p{L})")


def _partitive_plural(folded: FoldedText, end: int) -> str | None:
    m = _PARTITIVE.match(folded.text, end)
    if m is not None:
        noun = m["noun"]
        if not _definite_plural(noun) and _PARTICIPLE_PLURAL.fullmatch(noun[2:]) is None:
            return None
    else:
        m = _PARTITIVE_CONSTRUCT.match(folded.text, end)
        if m is None or not _construct_plural(m["noun"]):
            return None
    s, e = folded.span(m.start("noun"), m.end("noun"))
    return str(_DIACRITICS.sub("", folded.original[s:e]))


# ``ثلاثة من هؤلاء الحجاج``, ``16 من كبريات الشركات``: a demonstrative or a superlative, not the group.
_NOT_A_GROUP = frozenset(
    fold_entry(w)
    for w in ("هؤلاء", "أولئك", "كبريات", "كبار", "أبرز", "أكثر", "أهم", "أفضل", "أكبر", "أقدم", "أحدث", "أغلب", "أشهر")
)


def _construct_plural(noun: str) -> bool:
    """``موظفي``, ``طلاب``, ``ضباط``: a plural standing before its complement (a sound masculine
    plural loses its ``ن`` there)."""
    if noun in _NOT_A_GROUP:
        return False
    if noun.endswith("ي") and len(noun) >= 5 and noun.startswith("م"):
        return True  # ``موظفي``, ``مشجعي``, ``مقاتلي``
    return noun not in _NOT_PLURAL and not noun.endswith("ي") and _definite_plural("ال" + noun)


_LATIN_BEFORE = compile_regex(r"\p{Latin}{2,}\s$")
_LATIN_AFTER = compile_regex(r"\s\p{Latin}{2,}")
# Symbols of measures tech and science copy keeps in Latin letters (case as the SI writes them).
_LATIN_UNIT = compile_regex(
    r"\s?(?P<unit>[kMGTP]i?(?:B|Wh|W)|[kMGT]?(?:bps|Hz)|mAh|km/h|km|kg|cm|mm|ml|mg|kph|mph)(?![\p{L}\p{N}/])"
)
_MINUS_BEFORE = compile_regex(r"(?<![\p{L}])(?:ناقص|سالب)\s+$")


_VERSE = fold_entry("آية")
_SURAHS = frozenset(read_list("surah_names.txt"))
_VERSES_AFTER = compile_regex(r"\s*(?:ايه|ايات)(?!\p{L})")  # ``سورة البقرة 286 آية`` counts them
# A surah's name cited: after ``سورة`` or a mark or bracket that closes the verse (510 in the news).
_CITED = compile_regex(r"(?:سوره\s+|[»«\"”“)(\[]\s*)(?:\p{L}+\s+)?\p{L}+\s?[:،\-]?\s?\(?$")
_NAMED_IN_MARKS = compile_regex(r"[(«\"“]\s*(?:\p{L}+\s+){1,3}$")
_CLOSING_MARK = compile_regex(r"\s*[)»\"”]")


def _in_marks_after_a_name(text: str, start: int, end: int) -> bool:
    return bool(_NAMED_IN_MARKS.search(text, max(0, start - 40), start) and _CLOSING_MARK.match(text, end))


_DASH_AFTER = compile_regex(r"\s?[-–]\s?")
_AND_AFTER = compile_regex(r"\s?و\s?(?=\d)")
_MAX_DAY = 31
_DESIGNATED = compile_regex(r"\p{L}-\s$")
_PAIR_AFTER = compile_regex(r"\s?-\s?(\d+)(?!\d)")
_PAIR_BEFORE = compile_regex(r"(?<!\d)(\d+)\s?-\s?$")
_METRES = compile_regex(r"\s?م(?![\p{L}\p{N}])")
# A Gregorian or Hijri year: its ``م`` is the era's, not metres (``1436 م`` is a writer's slip).
_YEAR_LIKE = compile_regex(r"1[3-9]\d\d|2[01]\d\d")
_DOT_THOUSANDS = compile_regex(r"\d{1,3}(?:\.\d{3})+")
# Counted whole, a dot before three digits groups thousands: people and things, and currencies
# quoted to the cent. A percentage, a measure (``42.195 كلم``, ``584.376 طنا`` of dates sold by
# the kilo) and a currency with thousandths (the dinar, the dirham's share prices) keep a decimal.
_WHOLE_CURRENCIES = frozenset({"SAR", "USD", "EUR", "GBP"})
_MEASURES = tuple(
    fold_entry(w)
    for w in (
        *("كم", "كلم", "كيلو", "متر", "م", "كغ", "كجم", "غرام", "جرام", "طن", "طنا", "اطنان", "لتر"),
        *("ميل", "قدم", "هكتار", "ثاني", "درج", "دونم", "فدان", "برميل", "ميغاواط", "ميجاواط"),
    )
)


def _counted_whole(unit: str) -> bool:
    """Whether `unit` (a currency code, ``%`` or the noun as written) is counted in whole numbers."""
    if unit.isascii():
        return unit in _WHOLE_CURRENCIES
    noun = fold_entry(unit).removeprefix("ال")
    return noun not in _CURRENCY_WORDS and noun not in _MEASURES and not noun.startswith(_MEASURE_STEMS)


_MEASURE_STEMS = tuple(m for m in _MEASURES if len(m) >= 3)  # ``طنا``, ``كيلومترات``; ``م`` only alone
_CURRENCY_WORDS = frozenset(fold_entry(row[0]).removeprefix("ال") for row in read_table("currencies.tsv"))
_MAX_SCORE = 15
_MAX_GAME_SCORE = 200
_NO_NOUN_AFTER = compile_regex(r"\s*(?:[^\p{L}\p{N}\s%]|$|و\s?\d)")


# ``بنتيجة 88 – 82 نقطة``, ``لصالح نفط الجنوب ( 17 – 10 ، 14 – 18 )``: a pair after a word of a
# result is a score, whatever dash and spaces part it (a range, ``15 – 20 في المئة``, has none).
_RESULT_REACH = 90
_RESULT_BEFORE = compile_regex(r"(?:نتيجه|بنتيجه|النتيجه|لصالح|الشوط|الاشواط|فترات)(?![\p{L}])[^.؛]{0,80}$")
_WIDE_PAIR_AFTER = compile_regex(r"\s{0,2}[-–]\s{0,2}\d+(?!\d)")
_WIDE_PAIR_BEFORE = compile_regex(r"(?<!\d)\d+\s{0,2}[-–]\s{0,2}$")


def _in_a_result(text: str, start: int, end: int) -> bool:
    paired = _WIDE_PAIR_AFTER.match(text, end) or _WIDE_PAIR_BEFORE.search(text, max(0, start - 10), start)
    return paired is not None and _RESULT_BEFORE.search(text, max(0, start - _RESULT_REACH), start) is not None


_TRIPLE = compile_regex(r"\d\s?-\s?\d+\s?-\s?\d")


def _looks_like_score(text: str, start: int, end: int) -> bool:
    """``3-1`` is a score (no quantity); ``15-35 كم`` is a range of two quantities; so is a
    pair with no noun after it that could be a basketball score (``102-83``, ``32-14،``)
    only when nothing is counted: a pair of up to three digits with no word after it."""
    here = int(text[start:end]) if text[start:end].isdigit() else _MAX_SCORE + 1
    after = _PAIR_AFTER.match(text, end)
    before = _PAIR_BEFORE.search(text, max(0, start - 8), start)
    other = after or before
    if other is None:
        return False
    pair_end = after.end() if after is not None else end
    if here <= _MAX_SCORE and int(other[1]) <= _MAX_SCORE:
        # ``بين 3-10 سنوات``: a unit after the pair makes it a range; ``فاز 3-1 على`` is a score
        word = _AFTER_WORD.match(text, pair_end)
        noun = word["word"] if word is not None and word.start("word") - pair_end <= 1 else ""
        if not noun or noun in _UNIT_STOPWORDS or _TRIPLE.search(text, max(0, start - 8), pair_end + 3):
            return True  # ``4-4-3``, ``1-2-1``: a formation or a heading's number, not a range
        if noun.startswith(("ال", "ب", "ل")) and noun not in _COUNTED_NOUNS:
            return True  # ``2-3 الأسبوع الماضي``, ``7-6 بركلات الترجيح``
        return not (_counts_noun(noun) or _PLURAL.fullmatch(noun))
    if not (here < _MAX_GAME_SCORE and int(other[1]) < _MAX_GAME_SCORE):
        return False
    word = _AFTER_WORD.match(text, pair_end)
    return _NO_NOUN_AFTER.match(text, pair_end) is not None or (word is not None and word["word"] in _UNIT_STOPWORDS)


def _arabic_decimal(digits: str) -> float | None:
    """``4ر19`` is 19.4: the Arabic decimal mark ``ر`` with the fraction typed first."""
    fraction, _, whole = (part.strip(" \u200e\u200f\u061c") for part in digits.partition("ر"))
    try:
        return float(f"{whole}.{fraction}")
    except ValueError:
        return None


def _word_quantities(folded: FoldedText) -> list[tuple[int, int, int | float, str | None]]:
    text = folded.text
    words = list(_WORD.finditer(text))
    found: list[tuple[int, int, int | float, str | None]] = []
    next_free = 0
    # Only words that can start a number are visited; the rest of the walk is skipped.
    for index in [i for i, w in enumerate(words) if w[0] in _NUMBER_WORD_FORMS]:
        if index < next_free:
            continue  # inside the number words just read
        word = words[index][0]
        first = word if word in NUMBER_WORDS else (word[1:] if word[:1] in "وبل" and word[1:] in NUMBER_WORDS else None)
        if first is None:
            continue
        names = [first] + [w[0] for w in words[index + 1 : index + 8]]
        parsed = parse_number_words(names)
        alone = first == word and first in _BEFORE_NOUN_ONLY
        if parsed is None and alone and _indefinite_noun_after(folded, words, index):
            parsed = WordNumber(NUMBER_WORDS[first][0], 1, NUMBER_WORDS[first][1])
        elif parsed is None and first != word and first in _BEFORE_NOUN_ONLY and _counted_plural_after(words, index):
            # ``بست نقاط``, ``وست صور``, ``لست مرات``: after a proclitic only a counted plural tells the
            # number from ``لست`` ("I am not") or ``بست``
            parsed = WordNumber(NUMBER_WORDS[first][0], 1, NUMBER_WORDS[first][1])
        if parsed is None or (first == "واحد" and _written(folded, words[index]).startswith("وأ")):
            continue  # ``وأحد رجال``: ``و`` + ``أحد`` folds like ``واحد``
        end_of_word = words[index].end()
        if (
            first != word
            and word[0] == "و"
            and parsed.last_role == "fraction"
            and parsed.words == 1
            and (_counted_noun(folded, end_of_word) is None)
        ):
            continue  # ``متر ونصف`` is one and a half of the noun before: no value rather than 0.5
        start = words[index].start() + (len(word) - len(first))
        end = words[index + parsed.words - 1].end()
        nxt = index + parsed.words
        share = _fraction_plural(words[nxt][0]) if parsed.last_role == "unit" and nxt < len(words) else None
        if share is not None:
            # ``ثلاثة أرباع``: three quarters (``ثلاثة أرباعه``, of it)
            parsed = WordNumber(parsed.value * share, parsed.words + 1, "fraction")
            end = words[nxt].end()
        previous = _previous_word(text, start)
        # (``الحادي عشر``: an ordinal's teen; ``إلى عشرة ريالات`` folds ``إلى`` to ``الي``)
        ordinal_teen = (
            parsed.words == 1 and parsed.last_role == "teen" and previous.startswith("ال") and previous != "الي"
        )
        if (
            previous in _NOT_BEFORE
            or ordinal_teen
            or _inside_fixed_phrase(text, start, end)
            or _one_of_a_group(text, start, previous)
        ):
            next_free = index + parsed.words
            continue
        tail = _WORD_CURRENCY_OR_PERCENT.match(text, end)
        unit: str | None
        if tail is not None and tail["percent"]:
            unit, end = "%", tail.end()
        elif tail is not None and tail["currency"]:
            unit, end = _currency_unit(folded, tail), tail.end()
        else:
            if parsed.value in {1, 2} and parsed.last_role == "unit":
                unit = None if _OF_THEM.match(text, end) else _noun_before(folded, start, first.startswith("ال"))
            else:
                unit = _counted_noun(folded, end)
        value = parsed.value
        if (
            parsed.words == 1
            and first == word
            and first in _DUAL_IN_CONSTRUCT
            and (tail is not None or unit is not None)
            and not _counts_before(text, start, previous)
        ):
            value *= 2  # ``حجمه مليارا دولار``: the dual before the noun it counts (no number before it)
        found.append((start, end, value, unit))
        next_free = index + parsed.words
    return found


# ``مليارا دولار``, ``مليونا يورو``, ``ألفا يورو``: the dual of a scale word in construct with its noun
# loses its ``ن`` and reads like the accusative singular; after a number (``13 مليونا ريال``,
# ``خمسين مليارا``) it is the singular. (11 such duals in the news collections, 4 after numbers.)
_DUAL_IN_CONSTRUCT = frozenset({"مليونا", "مليارا", "الفا"})


_DIGIT_BEFORE = compile_regex(r"\d[\d.,٫]*\s*$")


def _counts_before(text: str, start: int, previous: str) -> bool:
    """Whether a number stands right before `start` (``13 مليونا``, ``خمسين مليارا``)."""
    return previous in NUMBER_WORDS or _DIGIT_BEFORE.search(text, max(0, start - 16), start) is not None


def _written(folded: FoldedText, word: regex.Match[str]) -> str:
    start, end = folded.span(word.start(), word.end())
    return folded.original[start:end]


# ``ست مقاتلات``, ``عشر أمثالها``: words that are numbers only before an indefinite noun
# (``ست`` is also "lady", ``عشر`` part of the teens).
_BEFORE_NOUN_ONLY = frozenset(read_list("number_words_before_noun.txt"))


def _indefinite_noun_after(folded: FoldedText, words: list[regex.Match[str]], index: int) -> bool:
    if index + 1 >= len(words) or folded.text[words[index].end() : words[index + 1].start()].strip():
        return False
    following, previous = words[index + 1][0], _previous_word(folded.text, words[index].start())
    return not (
        following.startswith(("ال", "وال"))
        or following in _UNIT_STOPWORDS
        or following in NUMBER_WORDS
        or len(following) < 3
        or previous in ORDINAL_DAYS  # ``التاسع عشر``: an ordinal
    )


def _counted_plural_after(words: list[regex.Match[str]], index: int) -> bool:
    """Whether the word after `index` is an indefinite noun that numbers count, or a plural."""
    if index + 1 >= len(words):
        return False
    following = words[index + 1][0]
    if following.startswith(("ال", "وال")) or following.endswith("ا"):
        return False  # (``لست عضوا``: "I am not a member", the predicate in the accusative)
    # (not the plural shape أفعال, which verbs of the first person share: ``لست أدري``)
    return _counts_noun(following) or (not following.startswith("ا") and _PLURAL.fullmatch(following) is not None)


def _inside_fixed_phrase(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 8) : end]
    # ``في آن واحد`` ends at the number; ``ربع النهائي`` starts with it.
    return any(window.endswith(phrase) or text.startswith(phrase, start) for phrase in _FIXED_PHRASES)


# ``واحد من أبرز اللاعبين`` picks one of a group (1,208 times in the news collections) and counts
# nothing; ``واحدة من كل ثلاث`` is a ratio, and after a counted noun (``بعد يوم واحد من دعوته``)
# the one counts the noun.
_ONE_OF = compile_regex(r"واحد[ها]?\s+من\s+(?!كل(?!\p{L}))")
_CLITIC = compile_regex(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?")


def _one_of_a_group(text: str, start: int, previous: str) -> bool:
    noun = _CLITIC.sub("", previous)
    counted = {noun, noun.removesuffix("ا"), noun.removesuffix("ه")} & _COUNTED_NOUNS
    return not counted and _ONE_OF.match(text, start) is not None


# ``قتل اثنان منهم``: "two of them" counts no noun.
_OF_THEM = compile_regex(r"\s+من(?:هم|ها|هما|هن|كم|نا)(?!\p{L})")
# ``فإن واحدة``, ``كل اثنتين``, ``لديهم واحد``: words before one or two that are no noun they count.
_NOT_NOUN_BEFORE = frozenset({"فان", "ان", "كل", "لكل", "هناك", "فهناك", "لدي", "سوي", "الا", "غير", "اي", "كان"})
_PRONOUN_END = ("هم", "ها", "هما", "هن", "كم")


def _noun_before(folded: FoldedText, start: int, definite: bool = False) -> str | None:
    """``مصدر واحد``, ``الهيكل الواحد``: one and two follow the noun they count, which agrees
    with them in definiteness (``الجائزة واحدة`` says the prize is one) and is no particle or word
    with a pronoun (``لديهم واحد``)."""
    m = _NOUN_BEFORE.search(folded.text[max(0, start - 30) : start])
    if m is None or m[1] in _UNIT_STOPWORDS or m[1] in _NOT_NOUN_BEFORE:
        return None
    word = m[1]
    with_pronoun = any(word.endswith(p) and len(word) - len(p) >= _SHORT_NOUN for p in _PRONOUN_END)
    if definite != word.startswith(("ال", "وال", "بال", "لل")) or with_pronoun:
        return None
    base = max(0, start - 30)
    s, e = folded.span(base + m.start(1), base + m.end(1))
    return _without_preposition(str(_DIACRITICS.sub("", folded.original[s:e])))


_SHORT_NOUN = 3


def _without_preposition(noun: str) -> str:
    """``للدول الثلاث``, ``بالمدن الخمس``: the noun without the preposition glued to its article."""
    if noun.startswith("لل") and len(noun) > 4:
        return "ال" + noun[2:]
    if noun.startswith(("بال", "وال")) and len(noun) > 5:
        return noun[1:]
    # A single ``ب``/``ل`` may be the noun's own letter (``بطولة``, ``ليلة``): it is a preposition
    # where the rest is a word and the whole is none (``بنقطة``, ``لمرة``); so are ``و``/``ف``
    # (``وكلية واحدة``, ``فجانب واحد``; ``وزير``, ``فريق`` are words).
    folded = fold_entry(noun)
    words = common_words()
    if noun[:1] in "بلوف" and len(folded) > _SHORT_NOUN and folded[1:] in words and folded not in words:
        return noun[1:]
    return noun


def _apart(
    new: list[tuple[int, int, int | float, str | None]], found: list[tuple[int, int, int | float, str | None]]
) -> list[tuple[int, int, int | float, str | None]]:
    """The quantities of `new` that overlap none already `found` (the first reader of a span keeps it)."""
    return [q for q in new if all(q[1] <= d[0] or q[0] >= d[1] for d in found)]


# ``مهرجان جدة 36``, ``مهرجان صيف طيبة 36``, ``دورة خليجي 21``: a number after an event's name counts
# nothing, it is the edition (13 of 13 such bare numbers on every twentieth news article).
_EVENTS_WITH_EDITIONS = alternation(
    [fold_entry(w) for w in ("مهرجان", "دورة", "بطولة", "معرض", "مؤتمر", "منتدى", "ملتقى", "كأس", "مسابقة", "جائزة")]
)
_EVENT_NAME_BEFORE = compile_regex(rf"(?:^|\s)[وبل]?(?:ال)?(?:{_EVENTS_WITH_EDITIONS})(?:\s+\p{{L}}+){{1,2}}\s+$")
_MAX_EDITION = 100


def _edition(text: str, start: int, end: int, value: float) -> bool:
    return (
        value < _MAX_EDITION
        and _ANY_DIGIT.search(text, start, end) is not None
        and _EVENT_NAME_BEFORE.search(text, max(0, start - 40), start) is not None
    )


# ``قريب من صفر في المائة``: zero as a word only before a percent (alone, صفر is also the month Safar).
_ZERO_PERCENT = compile_regex(rf"(?<![\p{{L}}])صفر\s?(?:{_PERCENT})(?![\p{{L}}])")


def _zero_percents(folded: FoldedText) -> list[tuple[int, int, int | float, str | None]]:
    return [(m.start(), m.end(), 0, "%") for m in _ZERO_PERCENT.finditer(folded.text)]


def quantities_in_paragraph(paragraph: str) -> list[tuple[int, int, int | float, str | None]]:
    """(start, end, value, unit) in original offsets, dates left out."""
    folded = FoldedText.of(paragraph)
    has_digit = _ANY_DIGIT.search(folded.text) is not None
    found = _digit_quantities(folded) if has_digit else []
    if "صفر" in folded.word_set():
        found += _zero_percents(folded)
    if not _NUMBER_WORD_FORMS.isdisjoint(folded.word_set()):
        # Scale words after digits (``500 ألف``) belong to the digit quantity.
        found += _apart(_word_quantities(folded), found)
    if not _DEFINITE_NUMBERS.isdisjoint(folded.word_set()):
        found += _apart(_definite_counts(folded), found)
    if not _DEFINITE_FORMS.isdisjoint(folded.word_set()):
        found += _apart(_definite_numbers(folded), found)
    found = combine_durations(folded, _compound_scales(folded.text, _shared_scales(folded.text, sorted(found))))
    found = [q for q in found if not _in_a_score(folded.text, q[0], q[1], q[3])]
    found = [(s, e, v, u if u is not None else _partitive_plural(folded, e)) for s, e, v, u in found]
    if not _DEFINITE_FRACTION_WORDS.isdisjoint(folded.word_set()):
        found += _apart(_definite_fractions(folded.text), found)
    if not found:
        return []
    in_dates = date_spans(paragraph) if has_digit else ()
    out = []
    for start, end, value, unit in sorted(found):
        if unit is None and _edition(folded.text, start, end, value):
            continue
        o_start, o_end = folded.span(start, end)
        if any(o_start < de and ds < o_end for ds, de in in_dates):
            continue
        dash = _DASH_AFTER.match(paragraph, o_end)
        if dash is not None and any(ds == dash.end() for ds, _ in in_dates):
            continue  # ``في الفترة 11- 22/ 10/ 1436ه``: the first day of a range of dates
        joined = _AND_AFTER.match(paragraph, o_end)
        if unit is None and value <= _MAX_DAY and joined is not None and any(ds == joined.end() for ds, _ in in_dates):
            continue  # ``يومي 28 و29 يوليو``, ``23و24 يوليو``: the first of two days of one month
        out.append((o_start, o_end, value, unit))
    return out


# ``الأمانات الخمس``, ``السنوات الثلاث``: a definite plural and the number after it, in agreement.
_DEFINITE_VALUES = {
    "ال" + word: int(value)
    for word, (value, role) in NUMBER_WORDS.items()
    # ``السنوات العشر``: the feminine ten after a plural counts it, as ``عشره`` does
    if (role == "unit" and 3 <= value <= 9) or (value == 10 and role in ("ten", "teen"))
}
_DEFINITE_NUMBERS = frozenset(_DEFINITE_VALUES)
# ``الدول الخليجية الثلاث``, ``الاتحادات المحلية العشرة``: the noun before an adjective of origin counts.
# ``ابنائها الثلاثة``: a plural with its pronoun is definite too.
_DEFINITE_COUNT = compile_regex(
    rf"(?<![\p{{L}}])(?P<noun>(?:وال|بال|لل|ال)\p{{L}}{{3,}}|\p{{L}}{{3,}}(?:ها|هم|هما|هن|كم|نا))"
    rf"(?:\s+ال\p{{L}}{{2,}}(?:يه|ي))?\s+(?P<num>{alternation(list(_DEFINITE_NUMBERS))})(?![\p{{L}}])"
)
# ``خلال الأربعة الأشهر الماضية``: the number with the article before the definite plural it counts.
_DEFINITE_COUNT_BEFORE = compile_regex(
    rf"(?<![\p{{L}}])(?P<num>{alternation(list(_DEFINITE_NUMBERS))})\s+(?P<noun>ال\p{{L}}{{3,}})(?![\p{{L}}])"
)


def _definite_counts(folded: FoldedText) -> list[tuple[int, int, int | float, str | None]]:
    found: list[tuple[int, int, int | float, str | None]] = []
    for m in _DEFINITE_COUNT.finditer(folded.text):
        if not m["noun"].startswith(_DEFINITE_PREFIXES) and not _definite_plural("ال" + _without_pronoun(m["noun"])):
            continue  # ``عمرها الثلاثة``: a pronoun on a word that is no plural
        found.append((m.start("num"), m.end("num"), _DEFINITE_VALUES[m["num"]], _written_noun(folded, m)))
    for m in _DEFINITE_COUNT_BEFORE.finditer(folded.text):
        if m["noun"] in _NOT_COUNTED_AFTER or m["noun"].endswith(("ين", "ون")) or not _definite_plural(m["noun"]):
            # ``العشر الأواخر``, ``الثلاث الأخرى``, ``الثلاثة المذكورين``: an adjective; ``الخمسة الآلاف``: a scale
            continue
        if not any(start <= m.start() < stop for start, stop, _, _ in found):
            found.append((m.start("num"), m.end("num"), _DEFINITE_VALUES[m["num"]], _written_noun(folded, m)))
    return sorted(found)


def _written_noun(folded: FoldedText, m: regex.Match[str]) -> str:
    start, stop = folded.span(m.start("noun"), m.end("noun"))
    return _without_preposition(str(_DIACRITICS.sub("", folded.original[start:stop])))


_PRONOUNS = ("هما", "ها", "هم", "هن", "كم", "نا")
_NOT_COUNTED_AFTER = frozenset(
    fold_entry(w)
    for w in (
        "الأواخر",
        "الأوائل",
        "الأخيرة",
        "الأخيرين",
        "الأخرى",
        "الآخرين",
        "الأولى",
        "الباقية",
        "المتبقية",
        "الماضية",
        "المقبلة",
        "الآلاف",
        "الملايين",
        "المليارات",
    )
)


def _without_pronoun(noun: str) -> str:
    return next((noun[: -len(p)] for p in _PRONOUNS if noun.endswith(p)), noun)


# ``الأربع نقاط``, ``الثلاثة آلاف مشاهد``, ``المليار دولار``, ``في العشرين من العمر``: a number
# with the article counts an indefinite noun after it, or gives an age; two (``الاثنين``) and the
# weekdays spelled like four and three are days, and a number alone after a noun is an ordinal.
_DEFINITE_PREFIXES = ("وال", "بال", "لل", "ال")
_WEEKDAY_FORMS = frozenset({"اثنان", "اثنين", "اثنا", "اثني", "اربعا", "ثلاثا", "واحد", "واحده"})
_DEFINITE_FORMS = frozenset(
    prefix + word
    for word, (value, role) in NUMBER_WORDS.items()
    if word not in _WEEKDAY_FORMS and role in {"unit", "teen", "ten", "hundred", "scale"}
    for prefix in _DEFINITE_PREFIXES
)
_HUNDRED = 100  # ``في المائة``, ``بالمئة``: per cent, not a hundred
_HALF_OF = frozenset({"نصف", "ونصف", "ربع", "وربع"})
_AGE_AFTER = compile_regex(r"\s+من\s+العمر(?![\p{L}])")


def _definite_numbers(folded: FoldedText) -> list[tuple[int, int, int | float, str | None]]:
    text = folded.text
    words = list(_WORD.finditer(text))
    found: list[tuple[int, int, int | float, str | None]] = []
    for index, word in enumerate(words):
        if word[0] not in _DEFINITE_FORMS:
            continue
        prefix = next(p for p in _DEFINITE_PREFIXES if word[0].startswith(p) and word[0][len(p) :] in NUMBER_WORDS)
        previous = _previous_word(text, word.start())
        percent = NUMBER_WORDS[word[0][len(prefix) :]][0] == _HUNDRED and (previous == "في" or prefix == "بال")
        if prefix == "وال" or previous in _HALF_OF or previous in _NOT_BEFORE or percent:
            # ``الحادي والعشرين``, ``مليوناً ونصف المليون``: part of the number before; ``دور الثمانية``:
            # a round's name; ``في المائة``: per cent
            continue
        parsed = parse_number_words([word[0][len(prefix) :]] + [w[0] for w in words[index + 1 : index + 6]])
        if parsed is None:
            continue
        # The span keeps the article (``الأربع``) and leaves a conjunction or preposition out.
        start, end = word.start() + len(prefix) - 2 + (prefix == "لل"), words[index + parsed.words - 1].end()
        if _DAY_OF_THE_MONTH.match(text, end):
            continue  # ``إلى العشرين منه``: a day of the month
        if _AGE_AFTER.match(text, end) or previous == "سن":
            found.append((start, end, parsed.value, None))  # ``سن الستين``: an age
            continue
        tail = _WORD_CURRENCY_OR_PERCENT.match(text, end)
        if tail is not None:
            unit = "%" if tail["percent"] else _currency_unit(folded, tail)
            found.append((start, tail.end(), parsed.value, unit))
            continue
        noun = _counted_noun(folded, end)
        if parsed.last_role == "scale" and parsed.words > 1:  # ``الثلاثة آلاف``: a count whatever follows
            found.append((start, end, parsed.value, noun if noun and not fold_entry(noun).startswith("ال") else None))
        elif noun is not None and _counted_by(parsed.value, fold_entry(noun)):
            found.append((start, end, parsed.value, noun))
    return found


# The plural a number from three to ten counts: sound (``سنوات``, ``عجلات``) or broken on the
# commonest templates (``أيام``, ``أشهر``, ``أعوام``, ``شهور``, ``نقاط``, ``مراحل``, ``أسابيع``).
_PLURAL = compile_regex(
    r"\p{L}{3,}ات|ا\p{L}{3}|ا\p{L}{2}ا\p{L}|\p{L}{2}و\p{L}|\p{L}{2}ا\p{L}|م\p{L}ا\p{L}{2}|\p{L}{2}ا\p{L}ي\p{L}"
)
_TEN = 10


def _counted_by(value: float, noun: str) -> bool:
    """Whether an indefinite `noun` (folded) is what a number with the article counts: a plural
    after three to ten (``الأربع نقاط``), a singular in the accusative or a counted noun after more
    (``الأربعين عاماً``, ``العشرين سنة``); a verb or particle after a number (``محاوره الأربعة بدأت``,
    ``القرن العشرين حيث``) is none."""
    if noun.startswith("ال"):
        return False
    if value <= _TEN:
        return _PLURAL.fullmatch(noun) is not None or noun in _COUNTED_NOUNS
    return _ACCUSATIVE.fullmatch(noun) is not None or _counts_noun(noun)


# ``هبطت إلى النصف``, ``بنحو الثلثين``: a fraction with the article after a word of amount.
_DEFINITE_FRACTIONS = {"النصف": 0.5, "الثلث": 1 / 3, "الربع": 0.25, "الثلثين": 2 / 3, "الثلثان": 2 / 3}
_DEFINITE_FRACTION_WORDS = frozenset(_DEFINITE_FRACTIONS)
_DEFINITE_FRACTION = compile_regex(
    r"(?<=(?:^|\s)(?:الي|بنحو|نحو|بمقدار|حوالي|بحوالي|قرابه|بقرابه)\s+)"
    rf"(?P<fraction>{alternation(list(_DEFINITE_FRACTIONS))})(?![\p{{L}}])"
    r"(?!\s+(?:الاول|الثاني|الثالث|الرابع|الاخير|النهائي|من\s+(?:العام|السنه|الشهر|القرن)))"
)


def _definite_fractions(text: str) -> list[tuple[int, int, int | float, str | None]]:
    return [
        (m.start(), m.end(), tidy_number(_DEFINITE_FRACTIONS[m["fraction"]]), None)
        for m in _DEFINITE_FRACTION.finditer(text)
    ]


_RANGE_LINK = compile_regex(r"\s*(?:-|–|الي|حتي|و)\s*")
_SCALE_IN = compile_regex(rf"(?<![\p{{L}}])(?P<scale>{_SCALE})(?![\p{{L}}])")


def _shared_scales(
    text: str, found: list[tuple[int, int, int | float, str | None]]
) -> list[tuple[int, int, int | float, str | None]]:
    """``أربعة إلى خمسة ملايين مسلم``, ``بين 3 و4 مليارات دولار``: the first number of a
    range takes the scale and unit of the second; without a scale, the unit alone."""
    out = list(found)
    for i in reversed(range(len(out) - 1)):  # ``3 و5 و9 سنوات``: the noun passes back along the list
        (s1, e1, v1, u1), (s2, e2, v2, u2) = out[i], out[i + 1]
        if u1 is not None or s2 - e1 > 8 or not _RANGE_LINK.fullmatch(text, e1, s2) or _SCALE_IN.search(text, s1, e1):
            continue
        scale = _SCALE_IN.search(text, s2, e2)
        if scale is None:
            # ``ستة وثمانية أسابيع``, ``بين 3 و5 سنوات``: both numbers count the noun after the second.
            out[i] = (s1, e1, v1, u2)
            continue
        if not isinstance(v1, int) or v1 >= 1000:
            continue
        factor = _SCALES[_SPACES.sub(" ", scale["scale"])]
        if v2 < factor or v1 * factor >= v2 * 10:
            continue
        out[i] = (s1, e1, tidy_number(v1 * factor), u2)
    return out


_AND = compile_regex(r"\s*و\s*")


def _compound_scales(
    text: str, found: list[tuple[int, int, int | float, str | None]]
) -> list[tuple[int, int, int | float, str | None]]:
    """``3 مليارات و200 مليون دولار``, ``23 مليون و348 ألف``: a number of a smaller scale after
    ``و`` adds to the one before it (97 times in the news collections); the same scale twice
    (``500 ألف و600 ألف برميل``) is two numbers."""
    out: list[tuple[int, int, int | float, str | None]] = []
    for item in found:
        if out:
            s1, e1, v1, u1 = out[-1]
            s2, e2, v2, u2 = item
            first, second = _SCALE_IN.search(text, s1, e1), _SCALE_IN.search(text, s2, e2)
            if u1 is None and first is not None and second is not None and _AND.fullmatch(text, e1, s2):
                big = _SCALES[_SPACES.sub(" ", first["scale"])]
                small = _SCALES[_SPACES.sub(" ", second["scale"])]
                if small < big and v2 < big:
                    out[-1] = (s1, e2, tidy_number(v1 + v2), u2)
                    continue
        out.append(item)
    return out


_NAMES_WITH_NUMBERS = frozenset({"MISC", "ORG", "PER"})
_SPACE_AFTER_NAME = compile_regex(r"[ \u00a0]{1,2}")
# ``15 - 35 كم/ساعة`` (181 times in the news collections, the weather's winds): the measure per hour.
_PER_HOUR = compile_regex(r"(?<![\p{L}])(?P<unit>كم|ميل|م)\s?/\s?(?P<per>ساعة|ساعه|س)(?![\p{L}])")
_RATE_REACH = 20
_RANGE_BETWEEN = compile_regex(r"[\d\s\-–.,]*")  # (the second number of a range the first shares the rate with)


# A match report gives each goal's minute in brackets after the scorer (``لروس باركلي (76) والعاجي
# ارونا كوني (86)``), a competition its edition (``كأس الخليج (22)``); a bracketed count in Gulf copy
# has its noun after it (``(431) موقوفا``) and no name before it.
_LAST_MINUTE = 130


def _bracketed_after_name(
    paragraph: str, start: int, end: int, value: object, named_ends: set[tuple[int, int]], index: int
) -> bool:
    bracketed = paragraph[start - 1 : start] == "(" and paragraph[end : end + 1] == ")"
    return (
        bracketed
        and isinstance(value, int)
        and 0 < value <= _LAST_MINUTE
        and _NEXT_SCORER.match(paragraph, end + 1) is not None  # (not ``(20) عاماً``: an age)
        and _name_end(named_ends, index, start - 1) != start - 1
    )


# What follows a goal's minute: the next scorer (``والعاجي ...``), the other side (``مقابل``), a stop.
_NEXT_SCORER = compile_regex(r"\s*(?:$|[،,.؛;:)\-–—]|و\p{L}|مقابل(?![\p{L}]))")


def _speed_unit(paragraph: str, end: int, unit: str) -> str | None:
    """``كم/ساعة`` where the number's measure goes on per hour, past the range's second number."""
    rate = _PER_HOUR.search(paragraph, end, end + _RATE_REACH)
    if rate is None or rate["unit"] != unit or not _RANGE_BETWEEN.fullmatch(paragraph, end, rate.start()):
        return None
    return f"{unit}/{rate['per']}"


_AGE_IN_SLASHES = compile_regex(r"\s*/\s*(?P<unit>عاما|عامًا|سنة|عام)(?![\p{L}])")


def _name_end(named_ends: set[tuple[int, int]], paragraph: int, start: int) -> int:
    """Where a name NER found ends, one or two spaces before `start`, else `start` (no match)."""
    return next((start - gap for gap in (1, 2) if (paragraph, start - gap) in named_ends), start)


def find_quantities(paragraphs: Sequence[str], entities: Sequence[Mapping[str, object]] = ()) -> list[Span]:
    """Every quantity in `paragraphs` with its value (scale words applied) and unit. Given the
    article's NER `entities`, a bare number right after a name (``ويندوز 8``, a product's or an
    event's edition) is part of the name, not a count."""
    named_ends = {
        (int(str(e["paragraph"])), int(str(e["end"]))) for e in entities if e.get("type") in _NAMES_WITH_NUMBERS
    }
    spans: list[Span] = []
    for index, paragraph in enumerate(paragraphs):
        for start, end, value, unit in quantities_in_paragraph(paragraph):
            if unit is None and (age := _AGE_IN_SLASHES.match(paragraph, end)) is not None:
                unit = age["unit"]  # ``هودجسون 67/ عاما/``: an age set off by slashes
            elif unit is not None and (rate := _speed_unit(paragraph, end, unit)) is not None:
                unit = rate  # ``بسرعة 15 - 35 كم/ساعة``: a speed, not a distance
            if (unit is None or unit == "مقابل" or unit.startswith("و")) and _bracketed_after_name(
                paragraph, start, end, value, named_ends, index
            ):
                continue  # ``بهدف لناتان ردموند (69)``: the minute a goal was scored, no count
            after_name = _SPACE_AFTER_NAME.fullmatch(paragraph, _name_end(named_ends, index, start), start)
            digits = _ANY_DIGIT.search(paragraph, start, end) is not None
            if after_name and digits and (unit is None or fold_entry(unit).startswith("ال")):
                continue  # ``ويندوز 8 المستقبلي``: the name's number, and a definite word after it
            spans.append(
                {
                    "text": paragraph[start:end],
                    "value": value,
                    "unit": unit,
                    "paragraph": index,
                    "start": start,
                    "end": end,
                }
            )
    return spans
