"""Photo captions known by the credit under them.

A caption that describes a photo (`مبنى وزارة التخطيط في عمّان`) reads like a short headline,
and nothing in its words says "caption". What does is its place: between two paragraphs, right
above a credit line (`(تصوير: ...)`, `الصورة: أرشيفية`, `Photo : DR`, `(وكالات)`). The pair is
the photo's caption block (issue #16); a credit the rules do not know by its words counts when
it is a short parenthesised line under such a caption.
"""

from __future__ import annotations

import re
from itertools import pairwise

from marsad.segment.lines import Kind, Line
from marsad.segment.rules import Match, line_key

__all__ = ["mark_attachments", "mark_data_labels", "mark_photo_captions", "mark_score_tables", "mark_video_links"]

_CAPTION_KINDS = (Kind.HEADLINE, Kind.FRAGMENT, Kind.MEDIUM, Kind.FOREIGN)
_MAX_CAPTION_WORDS = 12
_MAX_CREDIT_WORDS = 4
# ``(المصدر: الشركة المنتجة)``, ``(ريدان - خاص)``, ``(بترا)``: one source word in brackets, or a
# source and a word; no figure. ``(375 مليون دولار)`` or ``(مليار دولار)`` under a name in a list
# is data, and a bracketed verse under a verse is poetry (both seen in the news collections).
# ``(أ ف ب)``, ``(ا ب)``: an agency's initials, letters apart.
_PARENTHESISED = re.compile(
    r"^\((?:[^()\d\s]{2,20}|[^()\d]{2,30}(?::| - )[^()\d]{2,30}|(?:[^\W\d_]\s){1,3}[^\W\d_])\)$"
)
_CAPTION = Match("photo_caption", False)


_CREDIT_OPENERS = ("صوره", "الصوره", "تصوير", "عدسه", "ارشيف", "photo", "credit")


def _credit(line: Line) -> bool:
    """A credit line: a short photo line with a colon or brackets or a photo word first
    (``الصورة: أرشيفية``, ``صورة من الأرشيف``), not a caption the rules know by its opener
    (``جانب من ...``, which a headline may stand above)."""
    if line.words > _MAX_CREDIT_WORDS:
        return False
    if line.chrome is None or line.chrome.reason == "byline":
        # a bracketed source (``(المصدر: الشركة المنتجة)``) credits the photo over it
        return _PARENTHESISED.match(line.text) is not None
    if line.chrome.reason != "photo_caption":
        return False
    return any(mark in line.text for mark in ":()") or line.key.startswith(_CREDIT_OPENERS)


def _known_caption(line: Line) -> bool:
    """A caption the rules know by its words (``صورة أرشيفية لعناصر ...``): a bracketed source under
    it is its credit too."""
    return line.chrome is not None and line.chrome.reason == "photo_caption" and line.words > _MAX_CREDIT_WORDS


def _credit_first(line: Line) -> bool:
    """A credit that says it is one by its first word and a colon (``صورة: ...``, ``تصوير: ...``),
    which may stand over its caption as well as under it."""
    return _credit(line) and line.key.startswith(_CREDIT_OPENERS) and ":" in line.text


def _opens_text(lines: list[Line], index: int) -> bool:
    return index < len(lines) and lines[index].kind is Kind.PROSE


def _caption(line: Line) -> bool:
    return (
        line.chrome is None
        and line.kind in _CAPTION_KINDS
        and line.words <= _MAX_CAPTION_WORDS
        and not line.text.endswith((":", ".", "،"))
    )


# A caption with its credit glued at its end in brackets: ``طريق متضرر في حجة (صدى صنعاء)``.
_GLUED_CREDIT = re.compile(r"\s\(([^()]{2,30})\)$")
_LETTER = re.compile(r"[^\W\d_]{2}")
_MAX_CREDIT_NAME_WORDS = 3


def mark_photo_captions(lines: list[Line]) -> None:
    """Mark as `photo_caption` a caption line and the credit under it, inside the page (not its
    first line, nor the last two); and a caption whose bracketed credit at its end is the site's
    own name, which the page's masthead or copyright line also gives."""
    for index in range(1, len(lines) - 2):
        caption, credit = lines[index], lines[index + 1]
        if (
            _credit_first(credit)
            and _caption(lines[index + 2])
            and _opens_text(lines, index + 3)
            and not any(line.kind is Kind.PROSE for line in lines[:index])
        ):
            # ``صورة: أرشيف الضاد`` / ``فرسان خلال سباق سابق`` / the text, in the page's head: the credit
            # over its caption, and the line above it the headline (inside the text, a line after a
            # credit is a sub-heading as often)
            _mark(credit)
            _mark(lines[index + 2])
        elif (_caption(caption) or _known_caption(caption)) and _credit(credit):
            for line in (caption, credit):
                _mark(line)
    site_lines = [f" {line.key} " for line in lines if line.chrome is not None or line.kind is Kind.FRAGMENT]
    for line in lines[1:-2]:
        short = line.chrome is None and line.words <= _MAX_CAPTION_WORDS
        found = _GLUED_CREDIT.search(line.text) if short else None
        if found is None:
            continue
        name = line_key(found.group(1))
        if (
            name
            and _LETTER.search(name)
            and len(name.split()) <= _MAX_CREDIT_NAME_WORDS
            and any(f" {name} " in other for other in site_lines)
        ):
            _mark(line)


def _mark(line: Line) -> None:
    line.chrome = _CAPTION
    line.kind = Kind.CHROME
    line.boxed = True  # inside the article: no argument that it ends here


# ``فيديو | غزة تغرق في الظلام``, ``Vidéo | فيديو : ...``, ``شاهد بالفيديو: ...``: a video's label
_VIDEO_TITLE = re.compile(r"^\W{0,3}(?:vid[ée]o\s*\|\s*)?(?:فيديو|بالفيديو|شاهد بالفيديو)\s*(?:\||:|\.{2}|…)", re.I)
# ... and under it the player: a running time, ``تشغيل``, a play sign.
_VIDEO_CONTROL = re.compile(r"\d{1,2}:\d{2}|تشغيل|[▶►]")
_VIDEO = Match("related_articles", False)
_MAX_VIDEO_LABEL_WORDS = 14


# ``▶ فيديو | سلاح الجو يكثف طلعاته``: a play sign and a video word, a link to a video on its own line
# (folding drops the sign, so the written line is read).
_PLAY_LINK = re.compile(r"^\W{0,3}[▶►]\s*(?:فيديو|بالفيديو|شاهد)")
# ``◄ جمعية ثقافية بتيزنيت تكرم الباحث``, ``» نصائح لمرضى السكري``: an arrow (a guillemet and a space)
# and a headline without a stop, a link to another story (no line of the news collections opens so);
# the chrome rules read lines with their leading signs folded away, so the written line is read here.
_ARROW_LINK = re.compile(r"^(?:[◄►◀▶]\s?|»\s)[^؟?!.]{5,90}$")
# ``ملف: المسجد الأقصى تحت التهويد``, ``Dossier ملف : ...``, ``تابعوا تغطيتنا المباشرة``, ``فيديو | 04:05 -
# جولة بالطائرة ...``: a link to a dossier, a live coverage or a video, a line of its own between
# paragraphs (none of these opens a line of the news collections).
_STORY_LINK = re.compile(
    r"^(?:(?:dossier\s?\|?\s?)?(?:ضمن )?ملف(?: خاص)?\s?:\s?[^.]{3,60}$"
    r"|(?:suivez[^|]{0,30}\|\s?)?تابع(?:وا)? تغطيت(?:نا|ه)"
    r"|(?:فيديو|بالفيديو)\s?[|:]\s?[^.]{3,80}$)",
    re.I,
)


_LINK = re.compile("|".join(f"(?:{link.pattern})" for link in (_PLAY_LINK, _ARROW_LINK, _STORY_LINK)), re.I)
_MAX_LINK_WORDS = 20


def mark_video_links(lines: list[Line]) -> None:
    """Mark as related a video's label over its player line (a running time, ``▶ تشغيل``), a
    video link after a play sign, a story's link after an arrow and a dossier's, a coverage's or a
    video's link."""
    for line in lines:
        if line.chrome is None and line.words <= _MAX_LINK_WORDS and _LINK.match(line.text):
            line.chrome = _VIDEO
            line.kind = Kind.CHROME
            line.boxed = True
    for title, player in pairwise(lines):
        if title.chrome is not None or player.chrome is None or not _VIDEO_TITLE.match(title.text):
            continue
        if title.words > _MAX_VIDEO_LABEL_WORDS or not _VIDEO_CONTROL.search(player.text):
            continue
        title.chrome = _VIDEO
        title.kind = Kind.CHROME
        title.boxed = player.boxed = True


_MAX_LABEL_WORDS = 4
_LABEL_KINDS = (Kind.HEADLINE, Kind.FRAGMENT, Kind.FOREIGN)


def mark_data_labels(lines: list[Line]) -> None:
    """``الدولار الأميركي`` over ``1,507.50 ل.ل.``, ``الزمالك 3`` beside ``نتيجة المباراة``: inside a data
    box, the short lines that run with a figure the rules know are the box's too."""
    if not any(map(_in_a_data_box, lines)):
        return  # most pages have no data box: no walk over their lines
    run: list[Line] = []
    for line in [*lines, None]:
        if (
            line is not None
            and line.words <= _MAX_LABEL_WORDS
            and ((line.chrome is None and line.kind in _LABEL_KINDS) or _in_a_data_box(line))
        ):
            run.append(line)
            continue
        box = next((member for member in run if _in_a_data_box(member)), None)
        if box is not None:
            for member in run:
                member.chrome, member.kind, member.boxed = box.chrome, Kind.CHROME, True
        run = []


# ``1. الزمالك 9``, ``إنبي 59``: a rank perhaps, a name, a figure; a standings table or a price list
# prints one such row a line. Over every article of the news collections no three such lines run
# together.
_TABLE_ROW = re.compile(r"^(?:\d{1,2}\s?[-.)]\s?)?[^\d\s][^\d]{1,30}\s\d{1,3}$")
# ``الطماطم | 18 - 22``, ``قطعان الأبقار | 30%``, ``السعودية | المغرب``: two rows or more of a table's
# cells parted by bars, each a few words in Arabic or figures; between two paragraphs, where a menu
# never stands. (Four runs of such rows in the news collections list foreign films, in Latin letters.)
# a cell holds Arabic or figures, or a dash for none
_CELL = re.compile(r"[\u0600-\u06ff\d]|^[-–—]$")
_MAX_CELL_WORDS = 5
_MIN_TABLE_ROWS = 3
_MIN_BARRED_ROWS = 2
_TWO_ABOVE = 2
_MAX_ROW_WORDS = 8
_MAX_BARRED_ROW_WORDS = 12
_MAX_TABLE_HEADER_WORDS = 8
_DATA_BOX = Match("data_box", False)
# a figure, or a dash standing for none (``بغداد | — | —``)
_FIGURES = re.compile(r"\d|\|\s*[-–—]\s*(?:\||$)")


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
    return all(cell and len(cell.split()) <= _MAX_CELL_WORDS and _CELL.search(cell) for cell in cells)


# ``وجاء الترتيب كالتالي:``: the article's own words leading into a list, not a box's header.
_LEAD_IN = re.compile(r"(?:كالتالي|كالآتي|كما يلي|التالية?|الآتية?|يلي)\s*:$")


def _table_header(line: Line) -> bool:
    return (
        line.chrome is None
        and line.words <= _MAX_TABLE_HEADER_WORDS
        and not line.text.endswith((".", "،", "؟", "?", "!"))
    )


def mark_score_tables(lines: list[Line]) -> None:
    """Three rows or more of a table (``الزمالك 80`` / ``الأهلي 75`` / ``إنبي 59``, or cells parted by
    bars between two paragraphs) are a data box, with the short header right above them
    (``ترتيب المجموعة الثانية``)."""
    for row, fewest in ((_score_row, _MIN_TABLE_ROWS), (_barred_row, _MIN_BARRED_ROWS)):
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
        row.chrome, row.kind, row.boxed = _DATA_BOX, Kind.CHROME, True


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
    above = [line for line in lines[max(0, start - 4) : start] if line.kind is not Kind.CHROME][::-1][:2]
    if above and above[0].kind is Kind.PROSE:
        return True
    return len(above) == _TWO_ABOVE and above[0].chrome is None and above[1].kind is Kind.PROSE


def _in_a_data_box(line: Line) -> bool:
    return line.chrome is not None and line.chrome.reason == "data_box"
