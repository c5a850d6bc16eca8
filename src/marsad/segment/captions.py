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

__all__ = ["mark_photo_captions", "mark_video_links"]

_CAPTION_KINDS = (Kind.HEADLINE, Kind.FRAGMENT, Kind.MEDIUM, Kind.FOREIGN)
_MAX_CAPTION_WORDS = 12
_MAX_GRAPHIC_CAPTION_WORDS = 16
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


# A caption with its credit glued at its end in brackets or after a dash: ``طريق متضرر في حجة (صدى صنعاء)``,
# ``سوق المواشي في حي المثلث - روافد``, ``(صورة من موقع التفجير - الساحل برس)``.
_GLUED_CREDIT = re.compile(r"\s\(([^()]{2,30})\)$")
_DASHED_CREDIT = re.compile(r"^\D\S*\s.*\s[-–—]\s([^()\-–—]{2,30})\)?$")
# ... which says it is one: ``آثار القصف على أحد الأحياء - (المصدر: ناشطون)``, ``النائب في مؤتمره الصحفي
# (تصوير: جمال الشمعة)``. Over the news collections five lines end so, all captions or photo credits.
_NAMED_CREDIT = re.compile(
    r"\((?:المصدر|مصدر الصورة|تصوير|الصورة|صورة|عدسة|crédit photo|photo)\s?:[^()]{1,30}\)$", re.I
)
_MAX_NAMED_CREDIT_CAPTION_WORDS = 16
# ``الملك خلال حفل أداء القسم (ماب)``, ``المدرب يعول على رونالدو في البطولة (أ ف ب)``: four words or more
# and a news agency in brackets closing them; over the news collections six lines, five of them captions
# and the sixth a caption's second line.
_AGENCY_CREDIT = re.compile(
    r"^(?:\S+\s){3,11}\((?:ماب|واس|قنا|وام|بترا|كونا|سانا|أ ف ب|ا ف ب|رويترز|د ب أ|د ب ا|الأناضول|الاناضول|أ ب|ا ب"
    r"|شينخوا|إرنا|ارنا)\)$"
)
_LETTER = re.compile(r"[^\W\d_]{2}")
_MAX_CREDIT_NAME_WORDS = 3


# ``صور`` / ``ساحة الخدمات الأرضية في المطار`` / ``عربة نقل الأمتعة بعد الحادث``: a gallery's label alone on its
# line, and the captions it lists under it (no line of the news collections is such a label).
_GALLERY_LABELS = frozenset(line_key(label) for label in ("صور", "الصور", "معرض الصور", "ألبوم الصور", "صور الخبر"))
_MAX_GALLERY_CAPTIONS = 6


# ``إنفوجراف`` / ``القناة الجديدة بالأرقام: الطول والعمق ...``: an infographic's, a chart's or a map's label alone
# on its line over its one caption (no line of the news collections is such a label).
_GRAPHIC_LABELS = frozenset(
    line_key(label)
    for label in (
        *("إنفوجراف", "انفوجراف", "إنفوجرافيك", "انفوجرافيك", "إنفوغراف", "انفوغراف"),
        *("رسم بياني", "الرسم البياني"),
        # ``خريطة:`` / ``موقع قرية دوما جنوب شرق نابلس``: a map's label over what it shows
        *("خريطة", "الخريطة", "خريطة توضيحية"),
    )
)


def _gallery_captions(lines: list[Line]) -> None:
    for index, label in enumerate(lines):
        if label.key in _GRAPHIC_LABELS:
            # (a map's or a chart's caption says what it shows, and whose it is: a few words more)
            captions, longest = 1, _MAX_GRAPHIC_CAPTION_WORDS
        elif label.key in _GALLERY_LABELS:
            captions, longest = _MAX_GALLERY_CAPTIONS, _MAX_CAPTION_WORDS
        else:
            continue
        for line in lines[index + 1 : index + 1 + captions]:
            if line.chrome is not None and line.chrome.reason == "photo_caption":
                continue  # (a caption the rules know among the gallery's)
            if line.chrome is not None or line.words > longest or line.text.endswith((".", "،", ":")):
                break
            _mark(line)
        under = lines[index + 1].chrome if index + 1 < len(lines) else None
        if (
            label.chrome is None
            and label.key in _GALLERY_LABELS
            and under is not None
            and under.reason == "photo_caption"
        ):
            _mark(label)  # ``ألبوم الصور`` over its captions: the gallery's label


def mark_photo_captions(lines: list[Line]) -> None:
    """Mark as `photo_caption` a caption line and the credit under it, inside the page (not its
    first line, nor the last two); and a caption whose bracketed credit at its end is the site's
    own name, which the page's masthead or copyright line also gives."""
    _gallery_captions(lines)
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
    # (a tag list names the article's subjects, ``معرض وظائف 2015``, not the site: `(وظائف 2015)` closing a
    # headline is no credit)
    site_lines = [
        f" {line.key} "
        for line in lines
        if (line.chrome is not None and line.chrome.reason != "tags") or line.kind is Kind.FRAGMENT
    ]
    for position, line in enumerate(lines[1:-2], start=1):
        if (
            line.chrome is None
            and line.words <= _MAX_NAMED_CREDIT_CAPTION_WORDS
            and line.text.endswith(")")
            and (_NAMED_CREDIT.search(line.text) or _AGENCY_CREDIT.match(line.text))
        ):
            _mark(line)
            continue
        short = line.chrome is None and line.words <= _MAX_CAPTION_WORDS
        found = _GLUED_CREDIT.search(line.text) if short else None
        if short and found is None and _between_paragraphs(lines, position):
            # after a dash only inside the text: above it a headline glues the site's name so
            found = _DASHED_CREDIT.match(line.text)
        if found is None:
            continue
        if line.kind is Kind.FOREIGN and _LETTER.search(found.group(1)) and _between_paragraphs(lines, position):
            # ``Vue d'artiste d'un système planétaire (NASA)`` between two Arabic paragraphs: a caption in the
            # site's other language with its credit (no such line stands inside an article of the news)
            _mark(line)
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
    line.box(_CAPTION)


def _between_paragraphs(lines: list[Line], index: int) -> bool:
    """Whether paragraphs stand above and under line `index`, past the page's chrome between (a
    gallery's counter over its caption: ``1 / 6``)."""
    above = next((line for line in reversed(lines[:index]) if line.chrome is None), None)
    under = next((line for line in lines[index + 1 :] if line.chrome is None), None)
    return above is not None and above.kind is Kind.PROSE and under is not None and under.kind is Kind.PROSE


# ``فيديو | غزة تغرق في الظلام``, ``Vidéo | فيديو : ...``, ``شاهد بالفيديو: ...``, ``شاهد: ...``: a video's label
_VIDEO_TITLE = re.compile(
    r"^\W{0,3}(?:vid[ée]o\s*\|\s*)?(?:فيديو|بالفيديو|شاهد بالفيديو|شاهد|شاهدوا)\s*(?:\||:|\.{2}|…)", re.I
)
# ... and under it the player: a running time, ``تشغيل``, a play sign.
_VIDEO_CONTROL = re.compile(r"\d{1,2}:\d{2}|تشغيل|[▶►]")
_VIDEO = Match("related_articles", False)
_MAX_VIDEO_LABEL_WORDS = 14
# ``02:35``, ``المدة: 04:06``, ``Durée : 02:48``: a video's running time alone on its line.
LENGTH_ALONE = re.compile(
    r"^\W*(?:(?:المدة|المده|مدة الفيديو|durée|duree|duration)\s?:\s?)?\d{1,2}:\d{2}(?::\d{2})?\W*$", re.I
)
VIDEO_WORDS = frozenset(line_key(word) for word in ("فيديو", "بالفيديو", "video", "vidéo"))


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


_DATE_REACH = 3


def _dated_below(lines: list[Line], index: int) -> bool:
    below = lines[index + 1 : index + 1 + _DATE_REACH]
    return any(line.chrome is not None and line.chrome.reason == "date_line" for line in below)


def mark_video_links(lines: list[Line]) -> None:
    """Mark as related a video's label over its player line (a running time, ``▶ تشغيل``), a
    video link after a play sign, a story's link after an arrow and a dossier's, a coverage's or a
    video's link."""
    first_prose = next((line.index for line in lines if line.kind is Kind.PROSE), len(lines))
    for index, line in enumerate(lines):
        if line.chrome is None and line.words <= _MAX_LINK_WORDS and _LINK.match(line.text):
            if index < first_prose and _dated_below(lines, index):
                continue  # ``بالفيديو | ...`` over its own date: the page's headline, a video story's
            line.box(_VIDEO)
    for index, (title, player) in enumerate(pairwise(lines)):
        if title.chrome is not None or player.chrome is None or not _VIDEO_TITLE.match(title.text):
            continue
        if index < first_prose and _dated_below(lines, index):
            continue
        if title.words > _MAX_VIDEO_LABEL_WORDS or not _VIDEO_CONTROL.search(player.text):
            continue
        title.chrome = _VIDEO
        title.kind = Kind.CHROME
        title.boxed = player.boxed = True
    for label, title, length in zip(lines, lines[1:], lines[2:], strict=False):
        # ``▶ Vidéo`` / the video's title / ``Durée : 02:48``: a player block inside the article
        if (
            label.chrome is not None
            and label.key in VIDEO_WORDS
            and title.chrome is None
            and title.words <= _MAX_VIDEO_LABEL_WORDS
            and LENGTH_ALONE.match(length.text)
        ):
            for line in (title, length):
                line.box(_VIDEO)
