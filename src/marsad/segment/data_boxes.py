"""Boxes of data inside an article, and the attachments it announces.

A market box, a match card, a standings table or a fact sheet stands between two paragraphs: its
short lines (a name over a value, a row of cells parted by bars, a header over them) are not the
article, and not an argument that the article ends there either (`lines.INLINE_REASONS`). An
attachment (`تنزيل المرفقات: ... .pdf (340 ك.ب)`) is a link to a file, known by its size or its kind.
"""

from __future__ import annotations

import re

from marsad.enrich.data import fold_entry
from marsad.segment.labels import date_words
from marsad.segment.lines import Kind, Line
from marsad.segment.rules import Match
from marsad.startup_cache import compile_regex

__all__ = ["mark_attachments", "mark_data_labels", "mark_tables"]

_MAX_LABEL_WORDS = 4
_MAX_HEADER_WORDS = 8
_LABEL_ABOVE = 2
_LABEL_KINDS = (Kind.HEADLINE, Kind.FRAGMENT, Kind.FOREIGN)


def mark_data_labels(lines: list[Line]) -> None:
    """``الدولار الأميركي`` over ``1,507.50 ل.ل.``, ``الزمالك 3`` beside ``نتيجة المباراة``: inside a data
    box, the short lines that run with a figure the rules know are the box's too."""
    if not any(map(_in_a_data_box, lines)):
        return  # most pages have no data box: no walk over their lines
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and (_box_row(line) or _label_or_row(line)):
            run.append(line)
            continue
        first = next((at for at, member in enumerate(run) if _in_a_data_box(member)), None)
        box = run[first] if first is not None else None
        if first is not None and box is not None and box.chrome is not None:
            # a header opens its box: the short line over it (the article's sub-heading) is not the box's
            # (else the lines right above it may be its header and label, ``مؤشرات آسيوية`` / ``شنغهاي المركب`` over
            # ``4,070.91 نقطة``; no more: a headline and its meta lines over a match sheet are the article's)
            for member in run[first:] if box.chrome.opens_section else run[max(0, first - _LABEL_ABOVE) :]:
                member.box(box.chrome)
        run = []


# ``إنتاج الوفرة قبل التوقف: نحو 220 ألف برميل يومياً``: a box's row, a label and a colon, then a figure
# in a few words; the article's sentences run longer or close with a stop. A figure's decimal point
# (``مخزونات الخام الأمريكية: -4.41 مليون برميل``) is no stop.
_LABELLED_FIGURE = re.compile(r"^[^:\d]{1,40}:\s?\D{0,12}\d(?:[^.،؛]|(?<=\d)\.(?=\d))*$")
_MAX_ROW_LINE_WORDS = 10


def _box_row(line: Line) -> bool:
    """A line of a data box that runs with its labels: a short one, or a row with its figure (a fact
    the box tells in a sentence, ``معلومة سريعة: ...``, is no row: the article's label under it is its own)."""
    return _in_a_data_box(line) and (
        line.words <= _MAX_LABEL_WORDS
        or any(map(str.isdigit, line.text))
        # ``بطاقة المباراة - آخر مباريات المنتخب الأولمبي``: a header that says which match, no sentence
        or (line.words <= _MAX_HEADER_WORDS and not line.text.rstrip().endswith((".", "،")))
    )


# ``223 شركة مقيدة في السوق الرئيسية``, ``10% الحد الأقصى للصعود اليومي``: a figure and what it counts.
_FIGURE_FIRST = re.compile(r"^[\d.,]+\s?%?\s\D")


# ``الاسم: كريم بوضيف`` in a player's card: a field with its value, which a comment form's empty
# ``الاسم:`` is not.
_FIELD_WITH_VALUE = re.compile(r"^[^:]{2,20}:\s?\S+(?:\s\S+){0,4}$")
# The same in words alone, under a label without a figure (a price list's ``قارورة الغاز 10 كلغ:`` is
# a row of its own box, and runs on into what follows it).
_WORDED_FIELD = re.compile(r"^[^:\d]{2,20}:\s?[^\d\s]+(?:\s[^\d\s]+){0,4}$")


# ``Lieu : Melbourne Cricket Ground``, ``Buts : Benzema (21')``, ``Real Madrid 4 - 1 Manchester City``: a match
# sheet's rows in French (a Maghreb page's ``Fiche technique``) and its score, beside the box's header only.
# (``Lieu | المكان : Zurich``: the label in both languages)
_LATIN_FIELD = re.compile(r"^[A-Za-zÀ-ÿ' ]{2,30}(?:\s?[|/]\s?[^:|/\d]{2,20})?\s?:\s?\S")
_SCORE_ROW = re.compile(r"^[^\d:.،]{2,40}\s\d{1,2}\s?-\s?\d{1,2}\s[^\d:.،]{2,40}$")
# ``النتيجة: الهلال 2 - 1 العين الإماراتي``: a match card's field whose value is the score.
_FIELD_WITH_SCORE = re.compile(r"^[^:\d]{2,20}:\s?[^\d:.،]{2,40}\s\d{1,2}\s?-\s?\d{1,2}\s[^\d:.،]{2,40}$")
_FIELD_REASONS = ("comment_form", "byline", "photo_caption")
# ``الأهداف: بنزيمة 21، رونالدو 25``, ``أهداف بوكا: كاييري (8) و(88)، تيفيز (46)``, ``مالكورا (29 ركلة جزاء)``,
# ``حسن معاذ د 4 (الشوط الثاني)``: a card's scorers, each a name and his minutes (bracketed or not, with a
# note), commas or bars between.
_MINUTE = r"\(?(?:د\s?)?\d{1,3}(?:\s?\+\s?\d{1,2})?['’]?(?:\s[^\d()،,:]{1,20})?\)?(?:\s?\([^()\d]{2,20}\))?"
_SCORER = rf"[^\d:،,()]{{2,30}}\s{_MINUTE}(?:\s?و\s?{_MINUTE})*"
_SCORERS_ROW = re.compile(rf"^[^:\d]{{2,25}}:\s?{_SCORER}(?:\s?[،,|]\s?{_SCORER})*$")
# ``الإنذارات: ميسي، يانغا-مبيوا``: a card's row naming players, commas between.
_NAMES_ROW = re.compile(r"^[^:\d]{2,20}:\s?[^\d:،,.()]{2,30}(?:\s?[،,]\s?[^\d:،,.()]{2,30})+$")
_MAX_NAMES_ROW_WORDS = 12
_MAX_LATIN_ROW_WORDS = 20


# ``يونيو 2014 - خام برنت يتداول فوق 110 دولارات``: a timeline's row, a month and a year, then its event.
_DATED_ROW = compile_regex(r"^(?:\d{1,2}\s)?(\p{L}+)\s\d{4}\s?[-–:]\s?\S")


def _dated_row(line: Line) -> bool:
    found = _DATED_ROW.match(line.text)
    return found is not None and fold_entry(found[1]) in date_words()


# ``Accueil » Foot International » Liga``: a trail of sections ends a box (a live strip over the page's head).
_TRAIL = re.compile(r"\s[»›>]\s")


def _label_or_row(line: Line) -> bool:
    if _TRAIL.search(line.text):
        return False
    if line.kind is not Kind.PROSE and line.words <= _MAX_LATIN_ROW_WORDS and _dated_row(line):
        return True
    if line.words <= _MAX_LATIN_ROW_WORDS and _SCORE_ROW.match(line.text):
        # (the rules may have taken the score for a byline, ``الفتح (السعودية) 1 - 0 الترجي``, or for a
        # sentence, ``القادسية 1 - 1 النهضة العماني (ودية)``: a team, a score, a team is no sentence)
        return True
    if line.kind is not Kind.PROSE and line.words <= _MAX_LATIN_ROW_WORDS and _LATIN_FIELD.match(line.text):
        return True
    if line.words <= _MAX_LATIN_ROW_WORDS and _SCORERS_ROW.match(line.text):
        return True  # (commas and brackets may make it read as prose)
    if line.kind is not Kind.PROSE and line.words <= _MAX_NAMES_ROW_WORDS and _NAMES_ROW.match(line.text):
        return True
    if line.chrome is not None:
        # (a field the rules took for a form's, a byline's or a caption's: ``المدير الفني: كريستيان غروس``,
        # ``النتيجة: نيويورك سيتي 2 - 3 مونتريال إمباكت``, ``البطاقات الحمراء: 1 (الهلال)``)
        return line.chrome.reason in _FIELD_REASONS and bool(
            _FIELD_WITH_VALUE.match(line.text) or _FIELD_WITH_SCORE.match(line.text)
        )
    if line.words <= _MAX_LABEL_WORDS and line.kind in _LABEL_KINDS:
        return True
    if line.kind in _LABEL_KINDS and _WORDED_FIELD.match(line.text):
        return True  # ``نوع المباراة: ودية ختامية للمعسكر``: a card's field of a few words
    if _LABELLED_LIST.match(line.text) and line.words <= _MAX_LIST_ROW_WORDS:
        return True  # ``الدفاع: منصور الحربي - معتز هوساوي - عقيل بلغيث``: a line-up's row
    return (
        line.kind is not Kind.PROSE
        and line.words <= _MAX_ROW_LINE_WORDS
        and bool(_LABELLED_FIGURE.match(line.text) or _FIGURE_FIRST.match(line.text))
    )


# A label, a colon, and names apart by dashes: a card's or a line-up's row (only beside a box's header).
_LABELLED_LIST = re.compile(r"^[^:.]{2,30}:\s?[^:.\-–]{2,40}(?:\s[-–]\s[^:.\-–]{2,40})+$")
_MAX_LIST_ROW_WORDS = 30


# ``1. الزمالك 9``, ``إنبي 59``, ``1 — مروان حسين (الشرطة) ...... 21``: a rank perhaps, a name, a figure;
# a standings table or a price list prints one such row a line. Over every article of the news
# collections no three such lines run together.
_TABLE_ROW = re.compile(r"^(?:\d{1,2}\s?[-–—.)]\s?)?[^\d\s][^\d]{1,30}\s\d{1,3}$")
# ``الطماطم | 18 - 22``, ``قطعان الأبقار | 30%``, ``السعودية | المغرب``: two rows or more of a table's
# cells parted by bars, each a few words in Arabic or figures; between two paragraphs, where a menu
# never stands. (Four runs of such rows in the news collections list foreign films, in Latin letters.)
# A cell holds Arabic or figures, or a dash for none.
_CELL = re.compile(r"[\u0600-\u06ff\d]|^[-–—]$")
_MAX_CELL_WORDS = 5
_MIN_TABLE_ROWS = 3
_MIN_BARRED_ROWS = 2
_TWO_ABOVE = 2
_LOOK_ABOVE = 4
_MAX_ROW_WORDS = 8
_MAX_BARRED_ROW_WORDS = 12
_MAX_TABLE_HEADER_WORDS = 12  # ``ترتيب الدوري العراقي الممتاز - المجموعة الأولى (بعد الجولة 14)``
_DATA_BOX = Match("data_box", False)
# a figure, or a dash standing for none (``بغداد | — | —``)
_FIGURES = re.compile(r"\d|\|\s*[-–—]\s*(?:\||$)")


# ``شبيبة القبائل 1 - 0 مولودية الجزائر (ودية)``: a result, a team, the score, the other team; over the
# news collections five lines read so, never two together.
_RESULT_ROW = re.compile(r"^[^\d|]{2,30}\s\d{1,2}\s?[-–:]\s?\d{1,2}\s[^\d|]{2,30}$")
_MIN_RESULT_ROWS = 2
# ``سوبر 98: 1.83``, ``ديزل: 2.25``, ``إجمالي التصرفات: 345 مليون درهم``: a label, a colon and a figure in a
# unit of three words at most, no stop after it, an approximation before it (``نحو 370``, ``أكثر من 2000``);
# over the news collections 50 lines read so, never three together (a list the article writes closes its
# items with stops: ``أسبانيا: 23 مليون يورو.``).
_FIGURE_ROW = re.compile(
    r"^[^:\d]{1,30}(?:\s\d{1,3})?\s?:\s?"
    r"(?:(?:نحو|قرابة|حوالي|حوالى|أكثر من|اكثر من|أقل من|اقل من|حتى|منذ)\s)?[-+]?\d[\d.,]*"
    r"(?:\s?(?:%|[^\s\d.]{1,8})){0,3}$"
)


# ``آخر سعر 95.25``, ``بوبا العربية +6.8%``, ``سلة أوبك 51.65 دولار للبرميل``: a market box's name and its
# price or change, in a unit of two words at most;
# over the news collections two runs of three such lines, both telephone lists (no figure of seven digits).
_MARKET_ROW = re.compile(r"^[^\d:|]{1,30}\s[-+]?\d[\d.,]*\s?%?(?:\s[^\d\s]{1,8}){0,2}$")
_TELEPHONE = re.compile(r"\d{7,}")


def _market_row(line: Line) -> bool:
    return (
        line.chrome is None
        and line.words <= _MAX_ROW_WORDS
        and _MARKET_ROW.match(line.text) is not None
        and _TELEPHONE.search(line.text) is None
    )


def _figure_row(line: Line) -> bool:
    return line.chrome is None and line.words <= _MAX_ROW_WORDS and _FIGURE_ROW.match(line.text) is not None


def _result_row(line: Line) -> bool:
    return line.chrome is None and line.words <= _MAX_BARRED_ROW_WORDS and _RESULT_ROW.match(line.text) is not None


def _score_row(line: Line) -> bool:
    return line.chrome is None and line.words <= _MAX_ROW_WORDS and _TABLE_ROW.match(line.text) is not None


# What the rules take a table's row for by its separators and figures (``العملة | شراء | بيع`` a menu,
# ``2013 | 271.3`` a date): such a row is judged with its table.
_ROW_MISTAKEN_FOR = frozenset({"navigation", "date_line", "breadcrumb"})


def _barred_row(line: Line) -> bool:
    if (line.chrome is not None and line.chrome.reason not in _ROW_MISTAKEN_FOR) or " | " not in line.text:
        return False
    if line.words > _MAX_BARRED_ROW_WORDS:
        return False
    cells = [cell.strip() for cell in line.text.split("|")]
    if any(_META_CELL.match(cell) for cell in cells):
        return False  # ``منذ 3 ساعات | مشاهدات: 1,742``, ``خاص - صدى اليمن | تعز``: an article's meta line
    return all(cell and len(cell.split()) <= _MAX_CELL_WORDS and _CELL.search(cell) for cell in cells)


# A cell that is a time ago, a labelled count or the kind of report: meta, not a table's data.
_META_CELL = re.compile(r"^(?:منذ\s|(?:خاص|حصري|متابعات)\s*[-–—]\s)|^[^:\d]{2,20}:\s?[\d,.]+$")


# ``وجاء الترتيب كالتالي:``: the article's own words leading into a list, not a box's header.
_LEAD_IN = re.compile(r"(?:كالتالي|كالآتي|كما يلي|التالية?|الآتية?|يلي)\s*:$")


def _table_header(line: Line) -> bool:
    return (
        line.chrome is None
        and line.words <= _MAX_TABLE_HEADER_WORDS
        and not line.text.endswith((".", "،", "؟", "?", "!"))
    )


def mark_tables(lines: list[Line]) -> None:
    """The rows of a table (three or more of a name and a figure, ``الزمالك 80`` / ``الأهلي 75`` / ``إنبي
    59``; two or more of cells parted by bars, between two paragraphs; two or more match results; three or
    more of a label, a colon and a figure, or of a market's names and prices) are a data box, with the
    short header right above them (``ترتيب المجموعة الثانية``)."""
    for row, fewest in (
        (_score_row, _MIN_TABLE_ROWS),
        (_barred_row, _MIN_BARRED_ROWS),
        (_result_row, _MIN_RESULT_ROWS),
        (_figure_row, _MIN_TABLE_ROWS),
        (_market_row, _MIN_TABLE_ROWS),
    ):
        rows = [row(line) for line in lines]
        if sum(rows) < fewest:
            continue  # most pages hold no table: no walk over their runs
        start = 0
        while start < len(lines):
            end = start
            while end < len(lines) and rows[end]:
                end += 1
            if end - start >= fewest:
                _mark_table(lines, start, end, between_paragraphs=row is _barred_row)
            start = max(end, start + 1)


def _mark_table(lines: list[Line], start: int, end: int, *, between_paragraphs: bool) -> None:
    rows = lines[start:end]
    if (
        any(row.chrome is not None for row in rows)
        and not any(_FIGURES.search(row.text) for row in rows)
        and not (end < len(lines) and lines[end].kind is Kind.PROSE)
    ):
        # a menu the rules know, not figures; unless paragraphs stand on both sides of it
        # (``الجلسة الأولى | آفاق العلاقات التجارية``), where no menu is
        return
    if start > 0 and _LEAD_IN.search(lines[start - 1].text):
        return  # the article's own table, which its words lead into
    if start > 0 and _table_header(lines[start - 1]):
        start -= 1
    if between_paragraphs and not _after_a_paragraph(lines, start):
        return
    for row in lines[start:end]:
        row.box(_DATA_BOX)


# ``تنزيل المرفقات: الهيكل التنظيمي.pdf (340 ك.ب)``, ``(حجم الملف: 54.2 كيلوبايت, المشاهدات: 38)``,
# ``ملف Excel``: an attachment, by its size or its file's kind, on a short line (in prose, a size is a
# device's memory). Over the news collections eight lines match, all links, field codes or captions.
_ATTACHMENT = re.compile(
    r"[(،,]\s?(?:حجم الملف\s?:\s?)?\d[\d.,]*\s?(?:كيلوبايت|ميجابايت|ميغابايت|ك\.ب|م\.ب|kb|mb)(?![^\W\d_])"
    r"|\((?:pdf|excel|word)(?:[^()\w][^()]{0,30})?\)"
    r"|\.(?:pdf|jpe?g|png|gif|docx?|xlsx?)(?![^\W\d_])|ملف (?:excel|pdf|word)",
    re.I,
)
_MAX_ATTACHMENT_CHARS = 170
_MAX_ATTACHMENT_SENTENCE_WORDS = 8
_ATTACHMENT_SIGNS = ("(", ".", "ملف")
_ATTACHED = Match("read_more", False)


def mark_attachments(lines: list[Line]) -> None:
    """Mark as `read_more` a short line announcing an attachment."""
    for line in lines:
        text = line.text
        if (
            line.chrome is None
            and len(text) <= _MAX_ATTACHMENT_CHARS
            and not text.endswith(("،", ":"))
            and not (text.endswith(".") and line.words > _MAX_ATTACHMENT_SENTENCE_WORDS)  # a how-to's step
            and any(sign in text for sign in _ATTACHMENT_SIGNS)
            and _ATTACHMENT.search(text)
        ):
            line.chrome, line.kind = _ATTACHED, Kind.CHROME


def _after_a_paragraph(lines: list[Line], start: int) -> bool:
    """A paragraph stands right above line `start`, or above the short line (a sub-heading) there."""
    # past a caption or a label the rules know (``جدول: أبرز محاور المنتدى``)
    above = [line for line in lines[max(0, start - _LOOK_ABOVE) : start] if line.kind is not Kind.CHROME][::-1]
    above = above[:_TWO_ABOVE]
    if above and above[0].kind is Kind.PROSE:
        return True
    return len(above) == _TWO_ABOVE and above[0].chrome is None and above[1].kind is Kind.PROSE


def _in_a_data_box(line: Line) -> bool:
    return line.chrome is not None and line.chrome.reason == "data_box"
