"""From the lines of one page to its articles: the host and any embedded stories.

The body is the contiguous run of lines with the highest total score (prose
counts for, chrome and headline-like links count against), which is robust to
a stray short line inside an article and to long menus around it. Title and
category are read from the lines just above the body; everything not kept is
recorded with the reason it was removed.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import islice, pairwise

import regex

from marsad.arabic.normalize import normalize_display
from marsad.records import Article, Removed
from marsad.segment.ad_copy import mark_ad_copy
from marsad.segment.breadcrumb import category_from_line, plausible_category
from marsad.segment.captions import mark_photo_captions, mark_video_links
from marsad.segment.chat_export import unwrap_chat_export
from marsad.segment.continuations import mark_continuations
from marsad.segment.data_boxes import mark_attachments, mark_data_labels, mark_tables
from marsad.segment.embedded import Marker, continues_previous, find_marker
from marsad.segment.feed_markup import unwrap_feed_markup
from marsad.segment.lines import Kind, Line, describe, describe_lines
from marsad.segment.openers import headline_opening
from marsad.segment.press_release import mark_press_release_tail
from marsad.segment.printed_links import mark_printed_links
from marsad.segment.pull_quotes import mark_pull_quotes
from marsad.segment.rules import Match, chrome_rules, function_words, line_key
from marsad.segment.site_names import cut_site_name, names_elsewhere, site_named_headline
from marsad.segment.social_posts import mark_social_posts
from marsad.segment.templates import is_dateline
from marsad.segment.title_line import (
    BREADCRUMB,
    URGENT_LABEL,
    find_title,
    is_section_line,
    opens_with_label,
    short_sentence,
    summary_header,
)
from marsad.segment.verses import mark_verses
from marsad.startup_cache import compile_regex

# How far above the body the breadcrumb may stand.
_CATEGORY_LOOKBACK = 8


@dataclass(slots=True)
class PageHints:
    """What the page's metadata already says, which segmentation should trust."""

    title: str | None = None
    category: str | None = None
    templates: Collection[str] = field(default_factory=frozenset)
    site_names: Collection[str] = field(default_factory=frozenset)
    """Names the site glues to its headlines, cut from the title (`segment.site_names`)."""
    recurring: Collection[str] | None = None
    """Lines two pages or more of the source carry, where enough of its pages were seen (None:
    too few were): a column's name over its headlines is one, a story's headline is not."""
    # Lines already left out before segmentation (by HTML main-content
    # extraction); they are recorded in the boilerplate with their reason.
    outside: Sequence[str] = ()


_MAX_ITEM_WORDS = 30
_ITEM_KINDS = (Kind.HEADLINE, Kind.FRAGMENT)


def _mark_listed_items(lines: list[Line]) -> None:
    """The items a paragraph leads into with a colon (``... فيما يلي:`` over ``اهتمام السودان بإنشاء
    المكتبات``, ...) are the article's list, not a run of links: each counts as a short sentence, so
    that a long list does not outweigh the paragraphs around it. An ad or a box between items is
    passed over; a paragraph ends the list. The lead-in follows a paragraph: a headline ending with a
    colon leads into its deck."""
    for index, line in enumerate(lines):
        if line.chrome is not None or line.kind is not Kind.PROSE or not line.text.endswith(":"):
            continue
        above = next((lines[k] for k in range(index - 1, -1, -1) if lines[k].kind is not Kind.CHROME), None)
        if above is None or above.kind is not Kind.PROSE:
            continue  # a headline leading into its deck, not a paragraph into its list
        for item in lines[index + 1 :]:
            if find_marker(item.text) is not None or (
                item.chrome is not None and item.chrome.reason in ("related_articles", "read_more")
            ):
                break  # a box of links after the lead-in paragraph
            if item.kind is Kind.CHROME:
                continue
            if item.chrome is not None or item.kind not in _ITEM_KINDS or item.words > _MAX_ITEM_WORDS:
                break
            item.kind = Kind.MEDIUM


def best_block(lines: list[Line]) -> tuple[int, int] | None:
    """Indexes [start, end] of the run of lines with the highest total score."""
    best: tuple[float, int, int] | None = None
    total = 0.0
    start = 0
    for index, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, index
        score = line.score
        total += score
        if score > 0 and (best is None or total > best[0]):
            best = (total, start, index)
    if best is None:
        return None
    _, first, last = best
    while first <= last and lines[first].score <= 0:
        first += 1
    return first, last


# The article's last paragraph may lack its full stop (``فيما حضر من الجانب الأمريكي ...``): a long
# line right after the body that opens as a conjoined sentence opens goes on with it.
_MIN_UNSTOPPED_WORDS = 10
_SENTENCE_OPENING = -1.0  # its first word opens sentences e times as often as headlines, or more
_GOING_ON = frozenset({"فيما", "كما", "ثم", "حيث", "يذكر", "يشار"})
_MIN_CONJOINED = 3


def _last_sentence_unstopped(lines: list[Line], end: int, reasons: dict[int, str]) -> int:
    after = end + 1
    if after >= len(lines) or lines[end].kind is not Kind.PROSE:
        return end
    line = lines[after]
    if line.chrome is not None or after in reasons or line.kind not in (Kind.HEADLINE, Kind.MEDIUM):
        return end
    first = line.key.split()[0]
    if line.words < _MIN_UNSTOPPED_WORDS or not (
        first in _GOING_ON or (first.startswith("و") and len(first) > _MIN_CONJOINED)
    ):
        return end
    opening = headline_opening(line.key)
    return after if opening is not None and opening < _SENTENCE_OPENING else end


_MEDIA_LABEL = compile_regex(
    r"^\W{0,3}(?:بالفيديو|فيديو|بالصور|vid[ée]o|بيان|خاص|حصري|متابعة|تقرير|مطو[ّ]?ر|محد[ّ]?ث)\s*(?:\||//)\s*(?=\S)"
    r"|^\(\s*(?:محد[ّ]?ث|تحديث)(?:\s*\d+)?\s*\)\s*(?=\S)"  # ``(محدث 2) ...``: a wire's updated version
    # ``Titre : ...``, ``العنوان الرئيسي: ...``: a record's title field
    r"|^(?:titre|title|العنوان(?: الرئيسي)?|عنوان (?:الخبر|المادة|المقال))\s*[:：]\s*(?=\S)",
    regex.IGNORECASE,
)
# ``📢 ...``, ``✈️ ...``: a social post's pictographs before its headline are no words of it.
_LEADING_PICTOGRAPHS = compile_regex(r"^[\p{So}\p{Sk}\uFE0F\u200D\s]+(?=\w)")


# ``عن الكاتب`` / the writer's name / a sentence or two about them: an author's box, over the headline on
# a blog or under the article; the sentences are the box's, never where the article starts.
_AUTHOR_BOX = frozenset(
    line_key(w) for w in ("عن الكاتب", "عن الكاتبة", "نبذة عن الكاتب", "نبذة عن الكاتبة", "عن المؤلف")
)
_MAX_BIO_LINES = 3
_MAX_BIO_WORDS = 45
_AUTHOR_BIO = Match("about_site", False)


def _mark_author_boxes(lines: list[Line]) -> None:
    for index, line in enumerate(lines):
        if line.key not in _AUTHOR_BOX:
            continue
        for member in lines[index + 1 : index + 1 + _MAX_BIO_LINES]:
            if member.chrome is not None or member.words > _MAX_BIO_WORDS:
                break
            if member.kind is Kind.PROSE:
                member.box(_AUTHOR_BIO)
                break  # (the bio's one paragraph; the name above it stays the byline it reads as)


# A box the source prints inside its articles between two lines of its own (``أجندة رواق`` / events /
# ``كل الفعاليات ›``): a few lines, none of them a paragraph.
_MAX_TEMPLATE_BOX_LINES = 6
_TEMPLATE_BOX = Match("data_box", False)


def _mark_template_boxes(lines: list[Line], templates: Collection[str]) -> None:
    """Box the lines between two of the source's recurring lines when paragraphs stand around the
    pair and no line between them is a paragraph (a sentence that closes with a stop)."""
    if not templates:
        return
    # (the lines the rules know already, a related header or an ad's marker, open their own boxes)
    recurring = [
        line.index for line in lines if line.key in templates and line.kind is Kind.CHROME and line.chrome is None
    ]
    for upper, lower in pairwise(recurring):
        between = lines[upper + 1 : lower]
        if not 1 <= len(between) <= _MAX_TEMPLATE_BOX_LINES or not _prose_before(lines, upper):
            continue
        if lower + 1 >= len(lines) or lines[lower + 1].kind is not Kind.PROSE:
            continue
        closed = any(line.kind is Kind.PROSE and line.text.endswith((".", "؟", "!", "»", '"', "”")) for line in between)
        if closed and not _apart_from_the_article(lines, between):
            continue  # paragraphs of the article between two of the source's lines
        for line in between:
            if line.chrome is None:
                line.box(_TEMPLATE_BOX)
        # the two lines of the source's own stay its template, inside the article
        lines[upper].boxed = lines[lower].boxed = True


_MAX_TIP_WORDS = 25


def _apart_from_the_article(lines: list[Line], between: Sequence[Line]) -> bool:
    """Whether sentences between two of the source's lines are a box's (a tip, a fact): short, and
    sharing at most one content word with the paragraphs around them (``Astuce beauté`` in a story
    on diets)."""
    if any(line.words > _MAX_TIP_WORDS for line in between):
        return False
    inside = {id(line) for line in between}
    told = set().union(*(_content_words(line) for line in lines if line.kind is Kind.PROSE and id(line) not in inside))
    return len(set().union(*(_content_words(line) for line in between)) & told) < _SHARED_WORDS


def _mark_sections(lines: list[Line]) -> dict[int, str]:
    """Reasons for lines that follow a widget header (related articles, comments, ...)."""
    reasons: dict[int, str] = {}
    open_reason: str | None = None
    for line in lines:
        if line.chrome is not None:
            if line.chrome.opens_section:
                open_reason = line.chrome.reason
            elif line.chrome.reason == "breadcrumb" or _is_trail(line):
                open_reason = None  # (`فيديو` last in a menu, then `الرئيسية / أخبار / دمشق` over the headline)
            continue
        if (
            (line.kind is Kind.PROSE and not short_sentence(line) and not (line.bullet and open_reason == "data_box"))
            or _is_trail(line)
            or (open_reason is not None and line.kind is not Kind.CHROME and continues_previous(line.text))
        ):
            # Running text, a breadcrumb trail that opens the article, or a sub-heading that goes on
            # with it (`وفي السياق نفسه ...`: no link opens so) ends the widget; a summary box's bullets
            # (`باختصار` / `• ...`) are its own, sentences as they may be.
            open_reason = None
        elif open_reason is not None:
            reasons[line.index] = open_reason
    return reasons


def _is_trail(line: Line) -> bool:
    """A breadcrumb trail with its separators (`منوعات › دين ودنيا`, `الرئيسية - محليات - ...`), not a
    lone section word."""
    if BREADCRUMB.match(line.text):
        return True
    category = category_from_line(line.text)
    return category is not None and category != line.text


_SUMMARY_REACH = 3


def _past_summary_box(lines: list[Line], start: int, end: int, reasons: dict[int, str]) -> int:
    """Where the article starts once a summary box's bullets at its head are the box's."""
    for header in range(max(0, start - _SUMMARY_REACH), start + 1):
        if not summary_header(lines[header].text):
            continue
        after = header + 1
        while after <= end and lines[after].bullet:
            reasons[lines[after].index] = "data_box"
            after += 1
        return after if start <= after <= end and after > header + 1 else start
    return start


# Three items or more apart by middle dots or bullets: a list, whatever it lists.
_LIST_OF_NAMES = compile_regex(r"[^·•]+[·•][^·•]+[·•]")


# A page that splits its story over pages repeats the headline where each part starts (`تابع: ...`,
# `... - ص 2`, `... (3)`); a headline of a few words may stand inside a paragraph, so four at least.
_MIN_ECHO_WORDS = 4
_MAX_ECHO_EXTRA = 3


def _echoes_title(key: str, title_key: str) -> bool:
    """Whether a line inside the article is its headline again, with a few words around it."""
    words = title_key.count(" ") + 1
    return words >= _MIN_ECHO_WORDS and f" {title_key} " in f" {key} " and key.count(" ") + 1 - words <= _MAX_ECHO_EXTRA


# ``باختصار: شارك عدد من قادة العالم ...`` over the paragraph ``شارك عدد من قادة العالم ...``: a deck
# that repeats the lede under a label (dev layouts 48; no line of the news collections repeats another
# of its article after a label).
_LABEL = compile_regex(r"^([^:：]{2,25})[:：]\s*(\S.*)$")
_MIN_DECK_WORDS = 6


def _labelled_repeats(lines: list[Line], start: int, end: int) -> set[int]:
    """Lines of the article that give another of its lines again after a short label."""
    found: set[int] = set()
    keys = [(line.index, f"{line.key} ") for line in lines[start : end + 1] if line.chrome is None]
    for line in lines[start : end + 1]:
        labelled = _LABEL.match(line.text) if ":" in line.text or "：" in line.text else None
        if labelled is None or labelled[1].count(" ") > 2:
            continue
        repeated = line_key(labelled[2].rstrip(".… "))
        if repeated.count(" ") + 1 < _MIN_DECK_WORDS:
            continue
        if any(other != line.index and key.startswith(f"{repeated} ") for other, key in keys):
            found.add(line.index)
    return found


def _has_word(text: str) -> bool:
    """Whether a letter or a digit is on the line: ``* * *``, ``━━━━`` and ``◆ ◆ ◆`` part an article's
    sections (about 500 lines inside the news collections' articles) and are never its text."""
    return any(c.isalnum() for c in text)


def _default_reason(line: Line, before_body: bool) -> str:
    section = is_section_line(line)
    if not section and category_from_line(line.text):
        return "breadcrumb"
    if is_dateline(line.text):
        return "byline"
    if section:
        return "navigation"
    if line.kind is Kind.FOREIGN:
        return "non_arabic"
    if line.kind is Kind.FRAGMENT:
        return "short_fragment"
    if line.kind is Kind.HEADLINE:
        return "navigation" if before_body else "related_articles"
    return "outside_content"


# An in-article box holds a few links at most; more lines than this are a list that ends the article.
_MAX_BOX_LINKS = 5
_MIN_HEADED_LINKS = 3  # two links and the sub-heading under them
_BOX_LINE_KINDS = (Kind.HEADLINE, Kind.FRAGMENT, Kind.MEDIUM, Kind.CHROME, Kind.FOREIGN)
_SHARED_WORDS = 2
_MAX_SUBHEADING_WORDS = 3  # related links are headlines; `جشع تجار` heads the article's next part
_MAX_LINK_WORDS = 12
_MAX_HEADED_WORDS = 6  # a sub-heading where the article has others (`العمراني : غير محظوظ`)
_OWN_LINK = 4


def _mark_boxes(lines: list[Line]) -> dict[int, str]:
    """Reasons for the lines of boxes inside the article, which are marked `boxed`.

    A box opens with a read-also marker (`اقرأ أيضاً`) or a related-articles header
    (`شاهد أيضاً`, `مواضيع ذات صلة`) between two paragraphs of prose, holds a few link
    lines, and the article goes on after it: when the box held two links or more, or
    when the text after it continues the paragraph before it (`وأضاف`, `كما`) or, after
    a header, names what that paragraph named. Otherwise a marker may open an embedded
    story (`_find_stories`). (Session 8: a header with two links or more was first held
    to the second test only; on 100 development layouts that kept 6 related links in
    the body and changed nothing on the other sets.)
    """
    reasons: dict[int, str] = {}
    for index, line in enumerate(lines):
        # A video's or a story's link the page marked on its own (`mark_video_links`) is a box of
        # one line: the short line under it heads the article's next part.
        header = not line.boxed and line.chrome is not None and line.chrome.reason in ("related_articles", "read_more")
        marker = find_marker(line.text) is not None
        if not (marker or header) or not _prose_before(lines, index):
            continue
        after = index + 1
        # (a line that carries its own link, ``اقرأ الخبر كاملاً في موقع ...``, takes no more lines)
        own_link = (
            not marker
            and line.chrome is not None
            and line.chrome.reason == "read_more"
            and not line.chrome.opens_section
            and line.words >= _OWN_LINK
            and not line.text.rstrip().endswith(":")
        )
        while (
            not own_link
            and after < len(lines)
            and after - index <= _MAX_BOX_LINKS
            and _may_be_box_link(lines[after])
            and not _opens_as_the_interview(lines, after, index)
        ):
            after += 1
        if after >= len(lines) or not (
            lines[after].kind is Kind.PROSE
            or continues_previous(lines[after].text)
            or _resumes_with_lead_in(lines, index, after)
        ):
            continue
        links = after - index - 1
        # A read-also or watch-also line that carries its own link is a box of one line.
        inline = links == 0 and line.chrome is not None and not line.chrome.opens_section
        # After a read-also marker a story on the same subject may follow (an embedded story):
        # only a related-articles box is judged by the subject the text goes on with.
        goes_on = (
            continues_previous(lines[after].text)
            or (not marker and _same_story(lines[after], lines[:index]))
            or (marker and links == 1 and _link_not_the_lede(lines, index, after))
        )
        if not (goes_on or links >= 2 or inline):
            continue
        reason = "read_more" if marker else "related_articles"
        if (
            links >= 2
            and not _parallel_links(lines[after - 2], lines[after - 1])
            and (
                lines[after - 1].words <= _MAX_SUBHEADING_WORDS
                or (
                    _may_head_a_part(lines[after - 1])
                    and _content_words(lines[after - 1]) & _content_words(lines[after])
                    and _holds_subheadings(lines, index, after)
                )
            )
        ):
            # a sub-heading over the paragraph, not one more link: two or three words, or a few more
            # where the article heads its other parts so too
            after -= 1
        for boxed in lines[index:after]:
            boxed.boxed = True
            reasons[boxed.index] = boxed.chrome.reason if boxed.chrome is not None else reason
    return reasons


def _parallel_links(link: Line, last: Line) -> bool:
    """``اهتمامات الصحف الأردنية`` / ``اهتمامات الصحف الكويتية``: a box's last line that opens with the
    words of the link above it is one more link of the series, not a sub-heading however short."""
    opening = last.key.split()[:_PARALLEL_WORDS]
    return len(opening) == _PARALLEL_WORDS and link.key.split()[:_PARALLEL_WORDS] == opening


_PARALLEL_WORDS = 2
_MAX_INTERRUPTION = 8
_INTERVIEW_MARK = compile_regex(r"^\s*([?؟\-–—•*]|[سج]\s?[:/])")
_MIN_MARKED_PARAGRAPHS = 2


def _opens_as_the_interview(lines: Sequence[Line], at: int, box: int) -> bool:
    """``? كيف تنظر إلى ...؟`` after a read-also box: a line that opens with the mark the article's
    questions and answers open with (two of its paragraphs before the box at `box`) is the
    interview going on, not one more link."""
    mark = _INTERVIEW_MARK.match(lines[at].text)
    if mark is None:
        return False
    opened = sum(
        1
        for other in islice(lines, box)
        if other.chrome is None and (m := _INTERVIEW_MARK.match(other.text)) is not None and m[1] == mark[1]
    )
    return opened >= _MIN_MARKED_PARAGRAPHS


def _resumed_past_box(lines: list[Line], start: int, end: int, removed: Collection[int]) -> int:
    """The article's end, past boxes it resumes after: a run of removed lines (a rumour box, a
    newsletter form; no read-also marker, which may open another story) and then paragraphs that
    open with a conjunction and name what the article named (``وبذلك تكون إدارة النادي ...``)."""
    while True:
        after = end + 1
        while after < len(lines) and after - end <= _MAX_INTERRUPTION and after in removed:
            chrome = lines[after].chrome
            if find_marker(lines[after].text) is not None or (chrome is not None and chrome.reason == "sign_off"):
                return end  # (``انتهى المقال``: what follows is no more the article's)
            after += 1
        if after == end + 1 or after >= len(lines) or after - end > _MAX_INTERRUPTION:
            return end
        resumed = after
        while resumed < len(lines) and lines[resumed].kind is Kind.PROSE and resumed not in removed:
            resumed += 1
        paragraphs = lines[after:resumed]
        told = [line for line in lines[start : end + 1] if line.kind is Kind.PROSE and line.index not in removed]
        if not paragraphs or not paragraphs[0].text.startswith(("و", "ف")) or not _same_story(paragraphs[0], told):
            return end
        for line in lines[end + 1 : after]:
            line.boxed = True
        end = resumed - 1


def _resumes_with_lead_in(lines: Sequence[Line], index: int, after: int) -> bool:
    """``اليوم الأول:`` after two links or more and a sub-heading: the article resumes with a short
    lead-in of its own (a list follows it), not with a paragraph."""
    line = lines[after]
    return (
        after - index - 1 >= _MIN_HEADED_LINKS and line.words <= _MAX_SUBHEADING_WORDS + 1 and line.text.endswith(":")
    )


def _may_head_a_part(line: Line) -> bool:
    """A few words (`العمراني : غير محظوظ`), or a question of a link's length (`ما تأثير متلازمة
    العش الفارغ؟`): a health or advice article heads its parts with the questions they answer."""
    return line.words <= (_MAX_LINK_WORDS if _question(line) else _MAX_HEADED_WORDS)


def _question(line: Line) -> bool:
    return line.text.rstrip().endswith(("?", "؟"))


def _holds_subheadings(lines: Sequence[Line], start: int, end: int) -> bool:
    """Whether the article heads a part of it, outside lines [start, end): a short line that is
    no chrome, between a paragraph above it and a paragraph under it (past chrome)."""
    for index in range(1, len(lines) - 1):
        line = lines[index]
        if start <= index < end or line.chrome is not None:
            continue
        if line.kind not in (Kind.HEADLINE, Kind.FRAGMENT) and not _question(line):
            continue
        if not _may_head_a_part(line):
            continue
        # past chrome both ways: an ad may stand between a sub-heading and its paragraph
        above = next((lines[k] for k in range(index - 1, -1, -1) if lines[k].kind is not Kind.CHROME), None)
        under = next((lines[k] for k in range(index + 1, len(lines)) if lines[k].kind is not Kind.CHROME), None)
        if above is not None and above.kind is Kind.PROSE and under is not None and under.kind is Kind.PROSE:
            return True
    return False


def _prose_before(lines: Sequence[Line], index: int) -> bool:
    """Whether a paragraph stands above line `index`, past chrome (an ad, a caption, a video
    link) and one short line of the article (`وجاء الترتيب كالتالي:`)."""
    short = 0
    for before in range(index - 1, -1, -1):
        kind = lines[before].kind
        if kind is Kind.PROSE:
            return True
        if kind is not Kind.CHROME:
            short += 1
            if short > 1 or kind in (Kind.FRAGMENT, Kind.FOREIGN):
                return False
    return False


def _content_words(line: Line) -> set[str]:
    return {word for word in line.key.split() if len(word) >= 4 and word not in function_words()}


def _link_not_the_lede(lines: Sequence[Line], index: int, after: int) -> bool:
    """A read-also marker's one headline that names nothing the paragraph under it names, while
    that paragraph names what the article before the marker named: the article goes on under a
    link (an embedded story's lede tells what its headline says)."""
    return not _content_words(lines[after - 1]) & _content_words(lines[after]) and _same_story(
        lines[after], lines[max(0, index - 2) : index]
    )


def _same_story(after: Line, before: Sequence[Line]) -> bool:
    """The paragraph after a box names what the paragraphs before it named (two content words
    or more): the article goes on, where a sidebar after the article would tell another story."""
    named = set().union(*(_content_words(line) for line in before if line.kind is Kind.PROSE))
    return len(_content_words(after) & named) >= _SHARED_WORDS


def _may_be_box_link(line: Line) -> bool:
    """A line a box may list: a headline, a fragment, a short sentence or question (`ما هي ...؟`)
    that does not carry on the paragraph before it."""
    if line.text.endswith(":") or continues_previous(line.text):
        # ``وجاء الترتيب كالتالي:``, ``وفي السياق نفسه ...``: the article's own lead-in or
        # sub-heading, not a link
        return False
    if line.kind in _BOX_LINE_KINDS:
        return True
    return (
        line.kind is Kind.PROSE
        and line.words <= _MAX_LINK_WORDS
        and not line.text.endswith((".", "،"))
        and not continues_previous(line.text)
    )


def _find_category(lines: list[Line], title: int | None, start: int) -> tuple[int, str] | None:
    anchor = title if title is not None else start
    candidates = list(range(anchor - 1, max(-1, anchor - 1 - _CATEGORY_LOOKBACK), -1))
    candidates += list(range(anchor + 1, start))
    for index in candidates:
        line = lines[index]
        if line.chrome is not None and line.chrome.reason not in ("navigation",):
            continue
        if _in_menu(lines, index):
            continue
        category = plausible_category(category_from_line(line.text))
        if category:
            return index, category
    return None


def _in_menu(lines: list[Line], index: int) -> bool:
    """A section name inside a list of section names is a menu entry, not the article's section."""
    if lines[index].bullet:
        return True
    if category_from_line(lines[index].text) != lines[index].text:
        return False  # a breadcrumb trail (with separators or a glued prefix), not a lone menu entry
    neighbours = [i for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return any(is_section_line(lines[i]) or lines[i].bullet for i in neighbours)


@dataclass(slots=True)
class _Story:
    marker: int
    title: str | None
    title_line: int | None
    first_body: int


# ``اقرأ أيضاً: البرلمان يصوّت ... (https://...)``: a marker whose headline carries its address is a
# link to a story elsewhere (a page printed with its links), never the story itself.
_LINK_ADDRESS = compile_regex(r"https?://|www\.")


def _find_stories(lines: list[Line], start: int, end: int) -> tuple[list[_Story], list[int]]:
    """Embedded stories inside the body, and the marker lines that only link elsewhere.

    A marker opens a story when a title goes with it and the paragraphs after
    it read as a new story's lede rather than the host article going on.
    """
    stories: list[_Story] = []
    links: list[int] = []
    for index in range(start, end + 1):
        if lines[index].boxed:
            continue
        marker: Marker | None = find_marker(lines[index].text)
        if marker is None:
            continue
        title, title_line, first_body = marker.title, None, index + 1
        if title is None and first_body <= end and lines[first_body].kind is Kind.HEADLINE:
            title, title_line, first_body = lines[first_body].text, first_body, first_body + 1
        following = next((i for i in range(first_body, end + 1) if lines[i].kind is not Kind.CHROME), None)
        opens_story = (
            title is not None
            and not _LINK_ADDRESS.search(title)
            and following is not None
            and lines[following].kind is Kind.PROSE
            and not continues_previous(lines[following].text)
        )
        if opens_story:
            stories.append(_Story(index, title, title_line, first_body))
        else:
            links.append(index)
            if title_line is not None:
                links.append(title_line)
    return stories, links


def _cut_glued_tail(body: list[str], boilerplate: list[Removed]) -> None:
    """Cut chrome that extraction glued to the end of the last paragraph (tag lists, permalinks)."""
    if not body:
        return
    kept, match, cut = chrome_rules().cut_tail(body[-1])
    if match is not None:
        boilerplate.append(Removed(cut, match.reason))
        if kept:
            body[-1] = kept
        else:
            body.pop()


def _outside_lines(hints: PageHints, title: str | None) -> list[Removed]:
    title_key = line_key(title) if title else None
    lines = [line for line in (describe(index, raw) for index, raw in enumerate(hints.outside)) if line is not None]
    sections = _mark_sections(lines)
    removed: list[Removed] = []
    for line in lines:
        if line.key == title_key:
            continue
        if line.chrome is not None:
            reason = line.chrome.reason
        else:
            reason = sections.get(line.index) or _default_reason(line, True)
        removed.append(Removed(line.text, reason))
    return removed


def segment(text: str, hints: PageHints | None = None) -> list[Article]:
    """Split a page's text into its host article and embedded stories."""
    hints = hints or PageHints()
    lines = unwrap_feed_markup(unwrap_chat_export(describe_lines(text)))
    if not lines:
        return []
    mark_attachments(lines)
    mark_continuations(lines)
    mark_photo_captions(lines)
    mark_video_links(lines)
    mark_social_posts(lines)
    mark_pull_quotes(lines)
    mark_tables(lines)
    mark_data_labels(lines)
    mark_ad_copy(lines)
    mark_printed_links(lines)
    mark_press_release_tail(lines)
    _mark_author_boxes(lines)
    for line in lines:
        if line.chrome is None and line.key in hints.templates and find_marker(line.text) is None:
            # (a read-also marker recurs over a site's pages, and still opens a box or a story)
            line.kind = Kind.CHROME
    _mark_template_boxes(lines, hints.templates)
    _mark_listed_items(lines)
    mark_verses(lines)
    named = None if hints.title else site_named_headline(lines, hints.templates)
    if named is not None:
        # The headline the page glues its name to is a headline, whatever its separators made of it.
        lines[named.index].chrome = None
        lines[named.index].kind = Kind.HEADLINE
    reasons: dict[int, str] = {}
    for line in lines:
        if line.chrome is not None:
            reasons[line.index] = line.chrome.reason
        elif line.key in hints.templates and find_marker(line.text) is None:
            reasons[line.index] = "template"
    reasons.update(_mark_boxes(lines))
    section_reasons = _mark_sections(lines)

    block = best_block(lines)
    if block is None:
        title = normalize_display(hints.title) if hints.title else None
        removed = [Removed(line.text, reasons.get(line.index) or _default_reason(line, True)) for line in lines]
        return [Article(title=title, body=[], category=hints.category, boilerplate=removed)]
    start, end = block
    start = _past_summary_box(lines, start, end, reasons)
    end = _last_sentence_unstopped(lines, end, reasons)
    end = _resumed_past_box(lines, start, end, reasons.keys() | section_reasons.keys())
    last = end
    while last > start and section_reasons.get(last, "data_box") != "data_box" and lines[last].chrome is None:
        # The links a header lists at the block's end, a question among them (`مقالات الكاتب` / ... /
        # `هل تنجح مسقط حيث فشلت جنيف؟`), are no paragraph of the article.
        reasons[last] = section_reasons[last]
        last -= 1

    title_index = find_title(
        lines, start, hints.title, section_reasons.keys(), named.index if named else None, hints.recurring
    )
    title = normalize_display(hints.title) if hints.title else None
    site_name: str | None = None
    if named is not None and title_index == named.index:
        title, site_name = named.headline, named.site_name
    elif title is None and title_index is not None:
        title = lines[title_index].text
        if opens_with_label(lines[title_index], hints.recurring):
            title = title.partition(":")[2].strip()  # the column's name stands alone on the page
        title = _LEADING_PICTOGRAPHS.sub("", title)
        title = _MEDIA_LABEL.sub("", title)  # ``بالفيديو | ...``, ``بيان | ...``: what the story is, not its headline
        title = URGENT_LABEL.sub("", title)  # ``عاجل | ...``: how the page marks it
    if title is not None and site_name is None:
        title, site_name = cut_site_name(title, hints.site_names)
    if title is not None and site_name is None and not hints.title:
        # Where a site names itself: its masthead, copyright and blurb lines, not the links around.
        others = [
            line.key
            for line in lines
            if line.index != title_index
            and not start <= line.index <= end
            and (line.chrome is not None or line.kind in (Kind.FRAGMENT, Kind.FOREIGN))
            # A tag list names the article's people (`الوسوم: ميسي، مارتينو`), not the site; so does any
            # list of names (`نجوم في هذا الخبر: غادة عادل · صبا مبارك · ...`).
            and not (line.chrome is not None and line.chrome.reason == "tags")
            and not _LIST_OF_NAMES.search(line.text)
        ]
        # ... and the lines its pages repeat (learned templates: mastheads, footers).
        others += hints.templates
        told = [line.key for line in lines[start : end + 1] if line.kind is Kind.PROSE and line.chrome is None]
        title, site_name = cut_site_name(title, names_elsewhere(title, others, told))
    category_found = _find_category(lines, title_index, start)
    category = plausible_category(hints.category) or (category_found[1] if category_found else None)

    stories, links = _find_stories(lines, start, end)

    special: dict[int, str] = {}
    if title_index is not None:
        special[title_index] = "duplicate_title" if hints.title else "title"
    if category_found is not None:
        special[category_found[0]] = "breadcrumb"
    for story in stories:
        special[story.marker] = "embedded_marker"
        if story.title_line is not None:
            special[story.title_line] = "embedded_marker"
    for link in links:
        special[link] = "read_more"

    echo_key = line_key(title) if title else ""
    decks = _labelled_repeats(lines, start, end)
    host_body: list[str] = []
    boilerplate_head = [Removed(site_name, "template")] if site_name else []
    bodies: list[list[str]] = [host_body] + [[] for _ in stories]
    boilerplate: list[Removed] = boilerplate_head
    owner = 0
    for line in lines:
        index = line.index
        role = special.get(index)
        if role == "title":
            continue
        if role is not None:
            boilerplate.append(Removed(line.text, role))
            continue
        while owner < len(stories) and index >= stories[owner].first_body:
            owner += 1
        # A summary box's bullets under its header (`باختصار` / `• ...`) are the box's wherever it stands.
        inside = start <= index <= end and section_reasons.get(index) != "data_box"
        if inside and owner == 0 and _echoes_title(line.key, echo_key):
            boilerplate.append(Removed(line.text, "duplicate_title"))
            continue
        if index in decks:
            boilerplate.append(Removed(line.text, "summary"))
            continue
        if inside and line.chrome is None and index not in reasons and _has_word(line.text):
            bodies[owner].append(line.text)
            continue
        reason = reasons.get(index) or section_reasons.get(index) or _default_reason(line, index < start)
        boilerplate.append(Removed(line.text, reason))

    for body in bodies:
        _cut_glued_tail(body, boilerplate)
    boilerplate.extend(_outside_lines(hints, title))
    host = Article(title=title, body=host_body, category=category, boilerplate=boilerplate)
    embedded = [
        Article(title=story.title, body=body, category=category, embedded=True)
        for story, body in zip(stories, bodies[1:], strict=True)
    ]
    return [host, *embedded]
