"""Titles and categories that are words (#21): never only digits, punctuation, a date or a time."""

from __future__ import annotations

import pytest

import marsad
from marsad.segment.breadcrumb import plausible_category
from marsad.segment.labels import says_something


@pytest.mark.parametrize(
    "text",
    [
        "431",
        "(5 + 1) - (6)!",
        "2/ 8/ 1990م",
        "الأحد",
        "2012 12:00 صباحا",
        "-",
        "؟",
        "15431",
        "1436ه",
        "السبت 28 يوليوز 2012",
        "منذ 3 ساعات",
        "١٤ رمضان ١٤٣٦ هـ",
    ],
)
def test_dates_times_numbers_and_punctuation_say_nothing(text: str) -> None:
    assert not says_something(text)
    assert plausible_category(text) is None


@pytest.mark.parametrize("text", ["اقتصاد", "يوم الأرض", "الرياض", "حصاد 2024", "أخبار الخميس"])
def test_words_say_something(text: str) -> None:
    assert says_something(text)


def test_a_page_title_that_is_a_date_is_no_title() -> None:
    body = (
        "أعلنت وزارة النقل عن افتتاح الطريق الساحلي الجديد بعد أعمال استمرت عامين كاملين.\n"
        "وقال المتحدث باسم الوزارة إن الطريق سيختصر زمن الرحلة بين المدينتين إلى النصف."
    )
    records = marsad.extract(body, title="2/ 8/ 1990م", enrich=False)
    assert records and records[0].title is None
    kept = marsad.extract(body, title="افتتاح الطريق الساحلي", enrich=False)
    assert kept[0].title == "افتتاح الطريق الساحلي"
