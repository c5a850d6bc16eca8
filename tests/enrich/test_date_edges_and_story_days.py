"""Where a date's span starts, and days a story counts that are not the day of publication (#17)."""

from __future__ import annotations

import pytest

from marsad.enrich.dates import find_dates

PUBLISHED = "2024-03-14"  # a Thursday


def _dates(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(d["text"], d["value"]) for d in find_dates([text], published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ``شهر`` before a month is in the span, with a clitic glued to it
        (
            "ارتفع عدد المراكز إلى 600 مركز مقارنة بشهر يناير الماضي.",
            [("شهر يناير الماضي", "2024-01")],
        ),
        ("وسجلت الصادرات لشهر فبراير 2023 ارتفاعا طفيفا.", [("شهر فبراير 2023", "2023-02")]),
        # the article glued to a day in figures is no date word
        ("ويبدأ المعسكر في الـ20 من مارس الجاري في الطائف.", [("20 من مارس الجاري", "2024-03-20")]),
        ("وتقام البطولة في ال25 من شوال 1445هـ بجدة.", [("25 من شوال 1445هـ", "2024-05-04")]),
    ],
)
def test_span_edges(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # until or since today: "so far", "from day one", not a date
        "ولا تزال الأزمة قائمة حتى اليوم دون حل.",
        "وقلنا منذ اليوم الأول إننا لن نتراجع عن مطالبنا.",
        # the next or first day of a story or a feast, not the day of publication
        "ووصل الفريق إلى المدينة، وفي صباح اليوم التالي بدأ التدريب.",
        "وشارك المحافظ مساء اليوم الأول في حفل الأهالي.",
    ],
)
def test_days_a_story_counts_are_no_dates(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأكد المدرب أن مباراة الغد ستكون صعبة على الفريقين.", [("الغد", "2024-03-15")]),
        ("وسيناقش المجلس في اجتماع الغد مشروع الميزانية.", [("الغد", "2024-03-15")]),
    ],
)
def test_an_event_of_tomorrow_is_tomorrow(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _dates(text) == expected


def test_tomorrow_as_the_future_stays_no_date() -> None:
    assert _dates("إن جيل الغد يحتاج إلى تعليم أفضل.") == []
    # today with a day part, and today with its weekday, stay dates
    assert _dates("وصل الوفد مساء اليوم إلى الرياض.") == [("مساء اليوم", "2024-03-14")]
    assert _dates("وصل الوفد اليوم الخميس إلى الرياض.") == [("اليوم الخميس", "2024-03-14")]
