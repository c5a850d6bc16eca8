"""An academic, fiscal or sports year written as two Hijri years (``1436 / 1437هـ``): each year is a
date of its own, the first as much as the one the suffix follows (issue #17: bare Hijri years).
Every sentence is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.dates import find_dates


def _years(paragraph: str) -> list[tuple[str, str | None]]:
    return [(d["text"], d["value"]) for d in find_dates([paragraph], "2015-08-01") if d["text"][:1].isdigit()]


@pytest.mark.parametrize(
    ("paragraph", "years"),
    [
        ("وبدأ التسجيل للعام الدراسي 1436 / 1437هـ في جميع الكليات.", [("1436", "2015"), ("1437هـ", "2016")]),
        ("وتنطلق المسابقة في الموسم الرياضي 1436-1437 هـ بمشاركة 14 فريقا.", [("1436", "2015"), ("1437 هـ", "2016")]),
        ("ضمن ميزانية العام المالي 1436 / 1437، وهي المرحلة الثانية.", [("1436", "2015"), ("1437", "2016")]),
        ("حددت الوزارة العام الدراسي 1437/1436هـ بداية للتطبيق.", [("1437", "2016"), ("1436هـ", "2015")]),
    ],
)
def test_both_years_of_a_hijri_year_pair_are_dates(paragraph: str, years: list[tuple[str, str]]) -> None:
    assert _years(paragraph) == years


def test_two_hijri_years_apart_are_no_pair() -> None:
    assert _years("وسجلت الأرقام من 1436-1440 في السجل العام للجمعية.") == []
