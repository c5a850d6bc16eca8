"""Numbers the development sets showed counted wrong (issue #17): ``ست`` and ``عشر`` with a proclitic
glued to them count the plural after them (``بست نقاط``, ``لعشر سنوات``), where ``لست`` before
anything else is "I am not"; the first of two days of one month (``يومي 14 و15 يونيو``) is a day,
no quantity. Every sentence is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.quantities import find_quantities


def _quantities(sentence: str) -> list[tuple[str, float, str | None]]:
    return [(sentence[q["start"] : q["end"]], q["value"], q.get("unit")) for q in find_quantities([sentence])]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("وتقدم الفريق على منافسه بست نقاط قبل الجولة الأخيرة.", ("ست", 6, "نقاط")),
        ("وفاز النادي باللقب لست مرات في تاريخه.", ("ست", 6, "مرات")),
        ("ويمر إصدار الجواز بست مراحل تبدأ بالتسجيل الإلكتروني.", ("ست", 6, "مراحل")),
        ("ويستمر البرنامج لعشر سنوات قادمة.", ("عشر", 10, "سنوات")),
    ],
)
def test_six_and_ten_with_a_proclitic_count_the_plural_after_them(sentence: str, found: tuple[str, float, str]) -> None:
    assert _quantities(sentence) == [found]


@pytest.mark.parametrize(
    "sentence",
    ["لست أدري ما الذي حدث في المباراة.", "وقال: لست عضوا في الحزب ولا أمثله.", "لست متأكدا من موعد الاجتماع."],
)
def test_i_am_not_counts_nothing(sentence: str) -> None:
    assert _quantities(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["وتعقد اللجنة اجتماعها في واشنطن يومي 14 و15 يونيو الجاري.", "وحدد القاضي النطق بالحكم بين 24 و26 أغسطس."],
)
def test_the_first_of_two_days_of_one_month_is_no_quantity(sentence: str) -> None:
    assert _quantities(sentence) == []


def test_two_counts_joined_by_and_stay_counts() -> None:
    assert _quantities("وسجل اللاعبان 3 و4 أهداف في الموسم.") == [("3", 3, "أهداف"), ("4", 4, "أهداف")]
