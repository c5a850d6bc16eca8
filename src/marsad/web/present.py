"""Turning archive data into what the templates show: Arabic dates, highlighted
snippets and entity mentions as escaped pieces, links, and the mentions chart.

Nothing here returns markup: highlighting is a list of (text, flag) pieces the
templates wrap in `<mark>` or `<a>`, so Jinja2's autoescape handles every
character that came from a page.
"""

from __future__ import annotations

import calendar
import datetime
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from marsad.records import Span
from marsad.store.browse import iter_months
from marsad.store.search import MARK_CLOSE, MARK_OPEN
from marsad.urls import scheme_of

__all__ = [
    "ARABIC_MONTHS",
    "Chart",
    "Segment",
    "arabic_date",
    "arabic_month",
    "article_href",
    "counted",
    "day_links",
    "entity_href",
    "event_href",
    "format_number",
    "mentions_chart",
    "month_bounds",
    "paragraph_segments",
    "snippet_pieces",
    "story_href",
    "url_with",
    "web_url",
]

# The month names Gulf and Egyptian papers print (SaudiNewsNet's sources among them).
ARABIC_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)


def _month_name(number: str) -> str | None:
    try:
        index = int(number)
    except ValueError:
        return None
    return ARABIC_MONTHS[index - 1] if 1 <= index <= 12 else None


def arabic_date(value: str | None) -> str:
    """`2021-07-27` (or an ISO datetime) as `27 يوليو 2021`; `2021-07` as `يوليو 2021`."""
    if not value:
        return ""
    year, _, rest = value.partition("-")
    month, _, day = rest.partition("-")
    name = _month_name(month[:2]) if month else None
    if name is None or not year.isdigit():
        return value
    day = day[:2]
    if day.isdigit():
        return f"{int(day)} {name} {year}"
    return f"{name} {year}"


def arabic_month(value: str | None) -> str:
    return arabic_date(value[:7]) if value else ""


def web_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address, else None: a page's URL must never become a `javascript:` link."""
    if not url:
        return None
    scheme = scheme_of(url.strip())
    return url.strip() if scheme in ("http", "https") else None


def format_number(value: object) -> str:
    """A quantity's value with thousands grouped: 500000 → 500,000; 2.5 stays 2.5."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def month_bounds(month: str) -> tuple[str, str]:
    """The first and last day of `YYYY-MM`, for a date facet's link."""
    year, number = int(month[:4]), int(month[5:7])
    return f"{month}-01", f"{month}-{calendar.monthrange(year, number)[1]:02d}"


# Arabic counted nouns: (one, two, two after a preposition, three to ten, eleven to ninety-nine).
NOUNS = {
    "record": ("سجل", "سجلان", "سجلين", "سجلات", "سجلًا"),
    "story": ("قصة", "قصتان", "قصتين", "قصص", "قصةً"),
    "mention": ("إشارة", "إشارتان", "إشارتين", "إشارات", "إشارةً"),
    "result": ("نتيجة", "نتيجتان", "نتيجتين", "نتائج", "نتيجةً"),
    "article": ("مقال", "مقالان", "مقالين", "مقالات", "مقالًا"),
    "outlet": ("مصدر", "مصدران", "مصدرين", "مصادر", "مصدرًا"),
    "event": ("حدث", "حدثان", "حدثين", "أحداث", "حدثًا"),
}
# Nouns whose "one" takes the masculine واحد.
_MASCULINE = frozenset({"record", "article", "outlet", "event"})


def counted(number: int, noun: str, *, genitive: bool = False) -> str:
    """`number` with its noun in the form Arabic grammar gives it: 1 سجل واحد, 2 سجلان
    (سجلين after a preposition: `genitive`), 3 سجلات, 11 سجلًا, 100 سجل (digits kept,
    so a count is always there to read)."""
    one, two, two_genitive, few, many = NOUNS[noun]
    if number == 1:
        return f"{one} واحد" if noun in _MASCULINE else f"{one} واحدة"
    if number == 2:
        return two_genitive if genitive else two
    tens = number % 100
    if 3 <= tens <= 10:
        return f"{number} {few}"
    if 11 <= tens <= 99:
        return f"{number} {many}"
    return f"{number} {one}"


def snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    """A snippet from `make_snippet` (escaped text with <mark> tags) as (plain text, marked) pieces."""
    pieces: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(MARK_OPEN)
        if start < 0:
            pieces.append((html.unescape(rest), False))
            break
        end = rest.find(MARK_CLOSE, start)
        if end < 0:
            pieces.append((html.unescape(rest), False))
            break
        if start:
            pieces.append((html.unescape(rest[:start]), False))
        pieces.append((html.unescape(rest[start + len(MARK_OPEN) : end]), True))
        rest = rest[end + len(MARK_CLOSE) :]
    return _join_adjacent_marks([piece for piece in pieces if piece[0]])


def _join_adjacent_marks(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    # Two matched words with only a space between them read as one phrase:
    # one highlight, not two boxes side by side.
    joined: list[tuple[str, bool]] = []
    for text, marked in pieces:
        if marked and joined and joined[-1][1]:
            joined[-1] = (joined[-1][0] + text, True)
        elif marked and len(joined) >= 2 and joined[-2][1] and not joined[-1][1] and not joined[-1][0].strip():
            gap = joined.pop()[0]
            joined[-1] = (joined[-1][0] + gap + text, True)
        else:
            joined.append((text, marked))
    return joined


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a paragraph: plain text, or an entity mention with its type and page name."""

    text: str
    type: str | None = None
    name: str | None = None


def paragraph_segments(paragraph: str, entities: Sequence[Span]) -> list[Segment]:
    """The paragraph cut at its entity mentions (overlapping or out-of-range spans are skipped)."""
    segments: list[Segment] = []
    cursor = 0
    ordered = sorted(
        (span for span in entities if isinstance(span.get("start"), int) and isinstance(span.get("end"), int)),
        key=lambda span: (span["start"], -span["end"]),
    )
    for span in ordered:
        start, end = int(span["start"]), int(span["end"])
        if start < cursor or end <= start or end > len(paragraph):
            continue
        if start > cursor:
            segments.append(Segment(paragraph[cursor:start]))
        name = str(span.get("canonical") or span.get("text") or paragraph[start:end])
        segments.append(Segment(paragraph[start:end], type=str(span.get("type") or "MISC"), name=name))
        cursor = end
    if cursor < len(paragraph):
        segments.append(Segment(paragraph[cursor:]))
    return segments


def article_href(record_id: str) -> str:
    return "/articles/" + quote(record_id, safe="")


def entity_href(name: str) -> str:
    return "/entities/" + quote(name, safe="")


def story_href(cluster_id: str) -> str:
    return "/stories/" + quote(cluster_id, safe="")


def day_links(day: str) -> tuple[str, str]:
    """The days before and after `day` (YYYY-MM-DD), for a page that walks through days."""
    current = datetime.date.fromisoformat(day)
    return (current - datetime.timedelta(days=1)).isoformat(), (current + datetime.timedelta(days=1)).isoformat()


def event_href(event_id: str) -> str:
    return "/events/" + quote(event_id, safe="")


def url_with(path: str, params: Mapping[str, Any], **changes: Any) -> str:
    """`path` with `params` updated by `changes`; empty values are dropped, and any
    change other than the page number sends the reader back to page 1."""
    merged = {**params, **changes}
    if "page" not in changes:
        merged.pop("page", None)
    kept = {key: value for key, value in merged.items() if value is not None and value != "" and value != []}
    if kept.get("page") == 1:
        kept.pop("page")
    return path + ("?" + urlencode(kept, doseq=True) if kept else "")


def toggled(chosen: list[str] | None, value: str) -> list[str]:
    """A multi-select facet's values after clicking `value`: added, or taken out when chosen."""
    values = list(chosen or [])
    return [v for v in values if v != value] if value in values else [*values, value]


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    month: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Chart:
    """A bar chart of records per month, laid out right to left like the page."""

    width: int
    height: int
    bars: list[Bar]
    peak: int
    ticks: list[tuple[float, str]]


def mentions_chart(months: Sequence[tuple[str, int]], *, width: int = 640, height: int = 180) -> Chart:
    counts = dict(months)
    if not counts:
        return Chart(width, height, [], 0, [])
    every = list(iter_months(min(counts), max(counts)))
    if len(every) > 120:  # ten years of months would make hairline bars: keep the latest ten
        every = every[-120:]
    peak = max(counts.get(month, 0) for month in every) or 1
    plot_height = height - 30
    # A bar never wider than 48 units: one month must not fill the chart.
    slot = min(width / len(every), 48.0)
    bars = []
    for index, month in enumerate(every):
        count = counts.get(month, 0)
        bar_height = plot_height * count / peak
        # Right to left: the first month at the right edge.
        x = width - (index + 1) * slot
        bars.append(
            Bar(
                x=round(x + slot * 0.1, 2),
                y=round(plot_height - bar_height, 2),
                width=round(slot * 0.8, 2),
                height=round(bar_height, 2),
                month=month,
                label=arabic_month(month),
                count=count,
            )
        )
    step = max(1, len(every) // 6)
    # Kept 40 units inside the edges, so that a label centred on an edge bar is not cut.
    ticks = [
        (round(min(max(bars[i].x + bars[i].width / 2, 40.0), width - 40.0), 2), bars[i].label)
        for i in range(0, len(bars), step)
    ]
    return Chart(width, height, bars, peak, ticks)


# Why a line was taken out of the article, as a reader of the article page is told.
REASON_LABELS = {
    "about_site": "تعريف بالموقع",
    "adblock": "تنبيه مانع الإعلانات",
    "appeal": "دعوة للتبرع",
    "advertisement": "إعلان",
    "back_to_top": "زر العودة إلى الأعلى",
    "breadcrumb": "مسار التصفح",
    "byline": "سطر الكاتب أو المصدر",
    "comment_form": "نموذج التعليق",
    "comments": "تعليقات القراء ورسائلهم",
    "copyright": "حقوق النشر",
    "credit": "حقوق الصورة",
    "data_box": "مربع بيانات",
    "date_line": "سطر التاريخ",
    "duplicate_title": "تكرار العنوان",
    "embed": "منشور مضمّن",
    "embedded_marker": "بداية خبر مضمّن",
    "follow_widget": "دعوة للمتابعة",
    "header": "رأس قائمة",
    "login": "تسجيل الدخول",
    "navigation": "قائمة التنقل",
    "newsletter_promo": "دعوة للاشتراك في النشرة",
    "non_arabic": "نص غير عربي",
    "outside_content": "خارج متن الخبر",
    "photo_caption": "تعليق على صورة",
    "print": "زر الطباعة",
    "pull_quote": "اقتباس مبرز",
    "read_more": "اقرأ أيضًا",
    "related_articles": "أخبار ذات صلة",
    "search_form": "نموذج البحث",
    "share_widget": "أزرار المشاركة",
    "short_fragment": "سطر قصير منفصل",
    "short_sentence": "جملة قصيرة منفصلة",
    "sign_off": "توقيع الوكالة",
    "sms_promo": "دعوة للاشتراك بالرسائل",
    "tags": "الوسوم",
    "template": "سطر يتكرر في صفحات المصدر",
    "title": "العنوان",
    "weather": "حالة الطقس",
}


def reason_label(reason: str) -> str:
    """A removed line's reason in Arabic (the code itself for a reason this table lacks)."""
    return REASON_LABELS.get(reason, reason)
