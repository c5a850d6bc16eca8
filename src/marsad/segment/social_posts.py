"""Social posts embedded in an article, and the caption under a gallery's counter.

A site embeds a post between two paragraphs as its platform draws it: the account's name, its
handle (`@noura_fit_uae`, or an Instagram name such as `chef.mariam.q`), the post's text, then the
post's time (`9:14 م · 3 يناير 2013`) and counters (`128 إعادة تغريد`, `أعجب بها 3,214 شخصاً`). The
counters and the time are chrome by their words; the name and the text read like a headline and
a sentence, and only their place says whose they are: next to the handle, with the counters
closing the post. A line carrying emoji after its first word is a post's text too: over every
line of the news collections (all newspapers, all of SaudiNewsNet) no article line carries one.

A gallery numbers its photos (`الصورة 2 من 7`), and the line under the number is the photo's
caption when it is short and no sentence ends it.
"""

from __future__ import annotations

import re
from collections import Counter

import regex

from marsad.segment.lines import Kind, Line
from marsad.segment.rules import Match, line_key
from marsad.startup_cache import compile_regex

__all__ = ["mark_social_posts"]

# ``@Falak_Arabi``; ``coach.dana.fit``, ``lulwa.lifestyle`` (lower-case Latin, a dot or an underscore
# inside, no space): a handle alone on its line; or after the account's name (``مراسل سنابل
# @SanabelPS``), no colon before it (``عمل Follow للمستخدم : صباح الخير @user`` explains a bot).
_HANDLE = compile_regex(r"^(?:@[A-Za-z0-9_.]{2,30}|[a-z0-9]+(?:[._][a-z0-9]+)+_?|[^:@]{1,60}\s@[A-Za-z0-9_]{2,30})$")
# ``www.evisa.gov.bh``, ``najinaaman.org``: an address the article gives, not an account.
_WEB_ADDRESS = compile_regex(r"^www\.|\.(?:com|org|net|gov|edu|info|[a-z]{2})$")
_LETTER = compile_regex(r"\p{L}")
_MAX_HANDLE_LINE_WORDS = 8
# ``#الخليل``: a hashtag in the text under a handle.
_HASHTAG = compile_regex(r"(?:^|\s)#\w")
# (the standard engine scans a class of characters faster than `regex`)
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
# ``📌 اقرأ أيضاً``, ``✔ تم التحقق``: a sign before a line's first word is the site's icon.
_LEADING_SIGNS = compile_regex(r"[^\p{L}\p{N}]*")
_GALLERY_COUNTER = compile_regex(r"^(?:الصورة\s)?\d{1,2}\s?من\s?\d{1,2}$")
_MAX_NAME_WORDS = 5
_MAX_HEADER_LINES = 2
_MAX_POST_WORDS = 60
_MAX_POST_LINES = 2
_MAX_CAPTION_WORDS = 15
_ENDS_A_SENTENCE = (".", "،", "!", "؟", "?")
_STOPS = (*_ENDS_A_SENTENCE, ":")
# A post's reach under its handle: its text, then its time and counters.
_POST_REACH = _MAX_POST_LINES + 3
_EMBED = Match("embed", False)
_CAPTION = Match("photo_caption", False)


def _closes_a_post(line: Line) -> bool:
    """The post's counters, or its time (``9:14 م · 3 يناير 2013``, ``24 تموز 2015``), or its actions, or
    its views (a Telegram post's ``👁 18.6K``)."""
    return (
        (line.chrome is not None and line.chrome.reason in ("embed", "date_line", "share_widget"))
        or bool(_POST_SIGNATURE.match(line.text))
        or _actions(line)
        # (counters apart by middle dots the rules took for a menu: ``أعجبني 1.4 ألف · 312 تعليقاً``)
        or _counters(line)
    )


def _actions(line: Line) -> bool:
    """``أعجبني · تعليق · مشاركة``: the buttons under a post, each a counter's word, dots between."""
    if "·" not in line.text or line.words > _MAX_COUNTER_WORDS:
        return False
    words = [line_key(word) for word in _ACTION_SEPARATOR.split(line.text.strip()) if word]
    return len(words) > 1 and all(word in _COUNTER_WORDS for word in words)


def _post_age(line: Line) -> bool:
    """``‏٣ ساعات‏ ·``: a post's age with the middle dot a platform draws after it."""
    if "·" not in line.text[-5:] or line.words > _MAX_AGE_WORDS or _POST_AGE.match(line.text) is None:
        return False
    key = line.key.split()
    return any(map(str.isdigit, line.text)) or any(word in _AGE_WORDS or word in _YESTERDAY for word in key)


def _account_name(line: Line) -> bool:
    return (
        line.chrome is None
        and _LETTER.search(line.text) is not None
        and line.words <= _MAX_NAME_WORDS
        and not line.text.endswith(_ENDS_A_SENTENCE)
        and line.kind is not Kind.PROSE
    )


def _handle(line: Line) -> bool:
    return (
        line.words <= _MAX_HANDLE_LINE_WORDS
        and ("@" in line.text or "." in line.text or "_" in line.text)
        and _HANDLE.match(line.text) is not None
        and _WEB_ADDRESS.search(line.text) is None
    )


def _mark(line: Line, match: Match = _EMBED) -> None:
    line.box(match)


def _post_after(lines: list[Line], handle: int) -> None:
    """The post's text after its handle: the lines up to its counters or its time, and those; a
    line with a hashtag right under the handle is the post's text whatever follows."""
    pending: list[Line] = []
    closed = False
    for line in lines[handle + 1 : handle + 1 + _POST_REACH]:
        if _closes_a_post(line):
            # a profile link right under the handle (``عرض الملف الشخصي``) comes before the text, and so
            # does a post's age under the page's name (Facebook: the page, ``منذ 5 ساعات``, the text)
            heads = line.chrome is not None and line.chrome.reason == "date_line" and all(map(_account_name, pending))
            closed = closed or (bool(pending) and not heads)
            for text in pending:
                _mark(text)
            pending = []
            continue
        if closed or line.chrome is not None or line.words > _MAX_POST_WORDS or len(pending) == _MAX_POST_LINES:
            break
        pending.append(line)
    if pending and _HASHTAG.search(pending[0].text):
        _mark(pending[0])


def _header_before(lines: list[Line], handle: int) -> None:
    """The account's name over its handle, and a label over both (``تغريدة مضمّنة``, ``Sur Twitter :``)."""
    for line in reversed(lines[max(0, handle - _MAX_HEADER_LINES) : handle]):
        if not _account_name(line):
            return
        _mark(line)


# ``أعجبني 214 · إعادة تغريد 96``: a post's counters, figures and their words and nothing else.
_COUNTER_WORDS = frozenset(
    line_key(word)
    for word in (
        *("أعجبني", "إعجاب", "إعجابا", "إعجابات", "إعادة", "تغريد", "تغريدة", "تغريدات", "مشاركة", "مشاركات"),
        *("تسجيل", "تسجيلات"),  # ``1,872 تسجيل إعجاب``: Instagram's likes
        *("تفاعل", "تفاعلا", "تفاعلات", "تعليقا"),  # ``2.3 ألف تفاعل · 418 تعليقاً``: Facebook's reactions
        *("تعليق", "تعليقات", "مشاهدة", "مشاهدات", "ردود", "رد", "likes", "retweets", "comments", "shares"),
        "نشر",  # ``96 إعادة نشر · 233 إعجاب``
        *("ألف", "مليون"),  # ``إعجاب 1.1 ألف``
    )
)
# ``منذ 8 ساعات - 312 إعجاب``: the post's age beside its counters.
_AGE_WORDS = frozenset(line_key(word) for word in ("منذ", "ساعة", "ساعات", "دقيقة", "دقائق", "يوم", "أيام", "د", "س"))
_YESTERDAY = frozenset(line_key(word) for word in ("أمس", "الأمس"))
_FIGURE = compile_regex(r"^[\d,.]+[kK]?$")
# ``‏٣ ساعات‏ ·``, ``‏أمس الساعة ٩:١٢ م‏ ·``: a post's age alone on its line under the page's name, a
# middle dot after it (Facebook's embed); article lines ending in ``·`` (a full stop in some
# newspapers) are sentences. The audience's globe may follow the dot (`منذ 3 ساعات · 🌐`).
_POST_AGE = compile_regex(r"^[\u200e\u200f]?[^·]{1,40}\s·(?:\s?[^\w\s]{1,3})?$")
_MAX_AGE_WORDS = 6
# ``أعجبني · تعليق · مشاركة``: a post's actions under its text, counter words without figures.
_ACTION_SEPARATOR = compile_regex(r"\s*·\s*")
_MAX_COUNTER_WORDS = 14  # ``أعجبني 22 ألف · 1.9 ألف تعليق · 3.1 ألف مشاركة``
# ``منشور مضمّن — @BeirutCitizen: الشارع ... · 22 تموز 2015``: a post drawn on one line, the handle
# with a colon before its text and a middle dot before its time.
_ONE_LINE_POST = compile_regex(r"(?:^|\s)@[A-Za-z0-9_]{2,30}:\s.{3,300}\s·\s")
# ``تغريدة مضمّنة``, ``منشور مضمّن من فيسبوك``, ``منشور على فيسبوك``: a post's label over it.
_POST_LABEL = compile_regex(
    r"^(?:تغريدة|منشور|تدوينة)(?: مضمّ?نة| مضمّ?ن)?"
    r"(?:\s(?:من|على|عبر)\s(?:تويتر|فيسبوك|فيس بوك|إنستغرام|انستغرام|إكس|X))?$"
)
# ``منشور من صفحة اتحاد الكتاب على فيسبوك``, ``منشور مضمّن من تويتر - تعذر تحميل المحتوى``, ``Tweet intégré |
# تغريدة مضمنة``: a post's label with more words; a short line that opens with a post's name and names
# its platform or says it is embedded (no line of the news collections does).
_LONG_POST_LABEL = compile_regex(
    r"^(?:تغريدة|منشور|تدوينة|Tweet|Publication|Post)\b.{0,80}"
    r"(?:تويتر|فيسبوك|فيس بوك|إنستغرام|انستغرام|Twitter|Facebook|Instagram|مضمّ?نة?|intégrée?|embedded)"
)
_MAX_LABEL_WORDS = 10
# ``Une publication partagée par Luis Suárez (@luissuarez9) le 20 Juil. 2015``, ``منشور تمت مشاركته بواسطة
# ...``, ``— مراسل (@Nabd) July 20,
# 2015``, ``pic.twitter.com/...``, ``Voir cette publication sur Instagram``: what a platform's embed code
# writes under a post, in any language; a handle in brackets before a year signs a post.
_EMBED_TRACE = compile_regex(
    r"pic\.twitter|Voir cette publication|View this post on|publication partagée par|A post shared by"
    r"|منشور تمت مشاركته بواسطة"
    r"|\(@[A-Za-z0-9_.]{2,30}\)\D{0,30}\d[^\n]{0,30}\d{4}"
)
_MAX_TRACE_WORDS = 50
_TRACE_SIGNS = ("@", "pic.", "publication", "post", "مشاركته")
# ``@GACA_KSA: نرحب بانضمام ...``: a post that opens with its handle; ``— حساب رسمي على تويتر · 30 يوليو
# 2015``: the account and the time under a post's text.
_HANDLE_FIRST = compile_regex(r"^@[A-Za-z0-9_]{2,30}\s?:\s")
_POST_SIGNATURE = compile_regex(r"^[—–-]\s?[^.]{2,60}\s·\s")


def _known_by_itself(line: Line) -> bool:
    """Emoji after the first word, a post drawn on one line or opening with its handle, a post's
    signature, its counters. (Each test runs only where its sign is on the line: most lines are prose.)"""
    text = line.text
    if _EMOJI.search(text) and _EMOJI.search(text, _LEADING_SIGNS.match(text).end()):
        return True
    if "@" in text and (_ONE_LINE_POST.search(text) or _HANDLE_FIRST.match(text)):
        return True
    if "·" in text and _POST_SIGNATURE.match(text):
        return True
    if line.words <= _MAX_TRACE_WORDS and any(sign in text for sign in _TRACE_SIGNS) and _EMBED_TRACE.search(text):
        return True
    return _counters(line)


def _post_label(line: Line) -> bool:
    return (line.words <= _MAX_NAME_WORDS + 1 and _POST_LABEL.match(line.text) is not None) or (
        line.words <= _MAX_LABEL_WORDS and _LONG_POST_LABEL.match(line.text) is not None
    )


def _names_a_post(line: Line) -> bool:
    """An embed line that names a post rather than counting it: no figure on it."""
    return line.words <= _MAX_LABEL_WORDS and not any(map(str.isdigit, line.text))


def _counters(line: Line) -> bool:
    if line.words > _MAX_COUNTER_WORDS or not any(map(str.isdigit, line.key)):
        return False
    words = [word for word in line.key.split() if word != "·"]  # (``764 · 212 تعليقاً``)
    figures = sum(bool(_FIGURE.match(word)) for word in words)
    return (
        0 < figures < len(words)
        and all(_FIGURE.match(word) or word in _COUNTER_WORDS or word in _AGE_WORDS for word in words)
        and any(word in _COUNTER_WORDS for word in words)
    )


# ``— لين حداد (@leen_h_music) July 23, 2015``: the line a tweet's embed code writes under the tweet's text
# when the platform's script does not run; ``شاهد على YouTube``: the one under a video's title.
_TWEET_SIGNATURE = compile_regex(r"^[—–-]\s?[^\n]{1,60}\(@[A-Za-z0-9_]{2,30}\)\D{0,30}\d{1,2},?\s\d{4}$")
_WATCH_ON = compile_regex(r"^(?:شاهد(?:ه|وا)? على|Watch on|Regarder sur)\s?(?:YouTube|يوتيوب)$", regex.IGNORECASE)


_SLASH_COUNTER = compile_regex(r"^(\d{1,2})\s?/\s?(\d{1,2})$")
_MIN_COUNTERS = 2


def _slash_counter(line: Line) -> tuple[int, int] | None:
    """A counter ``2 / 12`` (this photo, of how many), or None."""
    if "/" not in line.text:
        return None
    found = _SLASH_COUNTER.match(line.text.strip())
    if found is None or not 0 < int(found[1]) <= int(found[2]):
        return None
    return int(found[1]), int(found[2])


def _later_counter(line: Line, galleries: set[int]) -> bool:
    """A gallery's counter past its first photo: a web story's first card (``1 / 6``) holds the
    headline, the others captions."""
    counter = _slash_counter(line)
    return counter is not None and counter[0] > 1 and counter[1] in galleries


# ``YouTube`` / ``هيفاء وهبي تتحدث عن صورها مع المعجبين`` / ``1.2 مليون مشاهدة``: a platform's name alone over
# an embedded video's title and its views or running time (no line of the news collections is such a label).
_PLATFORM_LABELS = frozenset(line_key(label) for label in ("YouTube", "يوتيوب", "Vimeo", "Dailymotion"))
_MAX_VIDEO_TITLE_WORDS = 20
# What stands under a video's title: its views, its running time, the player's own label.
_PLAYER_REASONS = ("share_widget", "date_line", "embed")


# ``YouTube | برنامج الدعم النفسي للأطفال اللاجئين``: a platform's name glued to the video's title.
_PLATFORM_FIRST = compile_regex(r"^(?:YouTube|يوتيوب|Vimeo|Dailymotion)\s?\|\s?\S", regex.IGNORECASE)


def _platform_over_counts(line: Line, after: Line) -> bool:
    """A platform's name, alone or glued to a video's title, right over the player's views, running
    time or label (under the title: ``YouTube`` / ``مشاهدات: 18,455``)."""
    return (
        (line.key in _PLATFORM_LABELS or _PLATFORM_FIRST.match(line.text) is not None)
        and after.chrome is not None
        and after.chrome.reason in _PLAYER_REASONS
    )


def _video_title_under(lines: list[Line], label: int) -> None:
    title, after = lines[label + 1], lines[label + 2]
    if (
        title.chrome is None
        and title.words <= _MAX_VIDEO_TITLE_WORDS
        and not title.text.rstrip().endswith(_ENDS_A_SENTENCE)
        and after.chrome is not None
        and after.chrome.reason in _PLAYER_REASONS
    ):
        _mark(title)
        if lines[label].chrome is None:
            _mark(lines[label])


def _text_above(lines: list[Line], index: int) -> Line | None:
    """The post's or the video's own line right above its signature: short, not the article's."""
    if index == 0:
        return None
    above = lines[index - 1]
    if above.chrome is not None or above.words > _MAX_POST_WORDS or above.text.rstrip().endswith(":"):
        return None
    return above


def mark_social_posts(lines: list[Line]) -> None:
    # First the lines a post is known by on their own, so that a post's end is known when its
    # handle or its label is met.
    by_itself: set[int] = set()
    for index, line in enumerate(lines):
        if (line.chrome is None and _known_by_itself(line)) or (
            line.chrome is not None and line.chrome.reason == "navigation" and _counters(line)
        ):
            # (a post's counters apart by middle dots read as a menu by the rules: the post's, inside the article)
            _mark(line)
            by_itself.add(index)
    # ``2 / 12``: a gallery's counter, known from a date (``1/12``) by its total repeated on the page.
    totals = Counter(counter[1] for line in lines if (counter := _slash_counter(line)) is not None)
    galleries = {total for total, seen in totals.items() if seen >= _MIN_COUNTERS}
    for index, line in enumerate(lines):
        if line.key in _PLATFORM_LABELS and index + 2 < len(lines):
            _video_title_under(lines, index)
        if line.chrome is None and index + 1 < len(lines) and _platform_over_counts(line, lines[index + 1]):
            _mark(line)
        if _TWEET_SIGNATURE.match(line.text) or _WATCH_ON.match(line.text):
            if line.chrome is None:
                _mark(line)
            above = _text_above(lines, index)
            if above is not None:
                _mark(above)
        if line.chrome is None and _post_label(line):
            _mark(line)
            _post_after(lines, index)
        elif (
            line.chrome is not None
            and line.chrome.reason == "embed"
            and index not in by_itself
            and "@" not in line.text
            and _names_a_post(line)
        ):
            # a label the rules know (``Instagram post | ...``): the post under it (not an app banner's
            # ``فتح | ✕``, an embed only by its pictograph)
            _post_after(lines, index)
        if (line.chrome is None or line.chrome.reason == "embed") and (_handle(line) or _post_age(line)):
            _mark(line)
            _header_before(lines, index)
            _post_after(lines, index)
        elif (
            line.chrome is not None
            and (
                (line.chrome.reason == "embed" and _GALLERY_COUNTER.match(line.text)) or _later_counter(line, galleries)
            )
            and index + 1 < len(lines)
        ):
            caption = lines[index + 1]
            if caption.chrome is None and caption.words <= _MAX_CAPTION_WORDS and not caption.text.endswith(_STOPS):
                _mark(caption, _CAPTION)
    for index in by_itself:
        # (a post's likes, comments and shares apart by dots; a page's own share count stands alone)
        if index >= 2 and "·" in lines[index].text and _counters(lines[index]):
            _text_under_its_age(lines, index)


# ``منذ 45 دقيقة``, ``منذ ساعتين``, ``منذ يوم واحد``: how long ago a post went up, alone on its line.
_AGE_AGO = compile_regex(r"^منذ\s(?:\d{1,3}\s)?\S{2,8}(?:\sواحد[ةه]?)?$")


# The social networks whose name a page writes over an embedded post (``Facebook``).
_NETWORK_LABELS = frozenset(
    line_key(label) for label in ("Facebook", "فيسبوك", "فيس بوك", "Instagram", "انستغرام", "إنستغرام", "X", "تويتر")
)
_MAX_PAGE_NAME_WORDS = 6


def _text_under_its_age(lines: list[Line], counters: int) -> None:
    """A Facebook post as a page embeds it: its age (``منذ 45 دقيقة``), one line of text, then its
    counters (``إعجاب 620 · 41 تعليقاً · 18 مشاركة``). Between the two, the line is the post's, not the
    article's; so is the page's name over the age, under the network's label (``Facebook`` /
    ``صوت الشارع الأردني`` / ``منذ 3 ساعات``)."""
    text, age = lines[counters - 1], lines[counters - 2]
    if not (
        text.words <= _MAX_POST_WORDS
        and age.chrome is not None
        and age.chrome.reason == "date_line"
        and _AGE_AGO.match(age.key) is not None
    ):
        return
    if text.chrome is None:
        _mark(text)
    if counters < 4:
        return
    name, label = lines[counters - 3], lines[counters - 4]
    if (
        name.chrome is None
        and name.words <= _MAX_PAGE_NAME_WORDS
        and not name.text.rstrip().endswith(_STOPS)
        and label.key in _NETWORK_LABELS
    ):
        _mark(name)
