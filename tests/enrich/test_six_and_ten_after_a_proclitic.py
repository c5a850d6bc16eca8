"""``ست`` and ``عشر`` with a proclitic glued to them (issue #17): before a counted plural they count
it (``بست نقاط``, ``لعشر سنوات``); ``لست`` before anything else is "I am not". Every sentence is
written for the test."""

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
