from __future__ import annotations

import pytest

from marsad.enrich.data import fold_entry
from marsad.enrich.numbers import parse_digits, parse_number_words
from marsad.enrich.quantities import find_quantities


def _quantities(text: str) -> list[tuple[str, int | float, str | None]]:
    return [(q["text"], q["value"], q["unit"]) for q in find_quantities([text])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصلت 500 ألف جرعة إلى المطار", [("500 ألف", 500000, "جرعة")]),
        ("ينتشر نحو 3000 جندي في القاعدة", [("3000", 3000, "جندي")]),
        ("بلغت الميزانية 2.5 مليار دولار", [("2.5 مليار دولار", 2500000000, "USD")]),
        ("بلغت الميزانية ٢٫٥ مليار ريال", [("٢٫٥ مليار ريال", 2500000000, "SAR")]),
        ("باع المصنع ٣٬٠٠٠ سيارة", [("٣٬٠٠٠", 3000, "سيارة")]),
        ("باع المصنع 12,500 سيارة", [("12,500", 12500, "سيارة")]),
        ("نما الاقتصاد 15% هذا العام", [("15%", 15, "%")]),
        ("نما الاقتصاد ٪15 هذا العام", [("٪15", 15, "%")]),
        ("تراجعت البطالة 4.2 في المئة", [("4.2 في المئة", 4.2, "%")]),
        ("تراجعت البطالة 7 بالمئة", [("7 بالمئة", 7, "%")]),
        ("تبرع بـ 40 ألف جنيه إسترليني", [("40 ألف جنيه إسترليني", 40000, "GBP")]),
        ("خصص 900 مليون درهم للمشروع", [("900 مليون درهم", 900000000, "درهم")]),
        ("بلغ الدين 3 تريليونات ين", [("3 تريليونات ين", 3000000000000, "JPY")]),
        ("جمع 75 مليون يورو", [("75 مليون يورو", 75000000, "EUR")]),
        ("حضر خمسمائة شخص الافتتاح", [("خمسمائة", 500, "شخص")]),
        ("شارك ثلاثة آلاف متطوع", [("ثلاثة آلاف", 3000, "متطوع")]),
        ("يسكن المدينة مليون ونصف نسمة", [("مليون ونصف", 1500000, "نسمة")]),
        ("أنفق ربع الميزانية على التعليم", [("ربع", 0.25, "الميزانية")]),
        ("استمر الحصار خمسة وعشرين يوما", [("خمسة وعشرين", 25, "يوما")]),
        ("أصيب ثلاثة عشر شخصا", [("ثلاثة عشر", 13, "شخصا")]),
        ("وقع 4ر19 مليون دولار", [("4ر19 مليون دولار", 19400000, "USD")]),
        ("وأصيب شخص واحد بجروح", [("واحد", 1, "شخص")]),
        ("وزعت الجمعية 1.5 مليون وجبة", [("1.5 مليون", 1500000, "وجبة")]),
    ],
)
def test_find_quantities(text: str, expected: list[tuple[str, int | float, str | None]]) -> None:
    assert _quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "نصت المادة 12 من القانون رقم 7",
        "فاز الفريق 3-1 على ضيفه",
        "للتواصل 0551234567",
        "يبدأ العرض الساعة 10:30 مساء",
        "انتشر فيروس كوفيد-19 سريعا",
        "اجتمعت دول مجموعة G20",
        "شارك في الدورة الـ15 للمهرجان",
        "وقعت الحادثة في 3 مايو 2023",
        "وصل الوفد عام 2019",
        "احتفلت الجامعة بالذكرى الخامسة عشرة لتأسيسها",
        "يعمل الفريقان في آن واحد",
        "شارك في يورو 2016 بنجاح",
    ],
)
def test_not_quantities(text: str) -> None:
    assert _quantities(text) == []


@pytest.mark.parametrize(
    ("digits", "value"),
    [("3,000", 3000), ("1,234,567.5", 1234567.5), ("2,5", 2.5), ("2.25", 2.25), ("12,34,5", None)],
)
def test_parse_digits(digits: str, value: float | None) -> None:
    assert parse_digits(digits) == value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("ثلاثمائة", 300),
        ("ثلاث مائة", 300),
        ("ألفين", 2000),
        ("مائة وخمسون ألفا", 150000),
        ("ثلاثة آلاف وخمسمائة", 3500),
        ("نصف مليون", 500000),
        ("سبعة ملايين", 7000000),
        ("أحد عشر", 11),
    ],
)
def test_parse_number_words(words: str, value: float) -> None:
    parsed = parse_number_words(fold_entry(words).split())
    assert parsed is not None and parsed.value == value


@pytest.mark.parametrize("words", ["ست", "أحد", "آلاف", "إحدى"])
def test_ambiguous_number_words_alone(words: str) -> None:
    assert parse_number_words(fold_entry(words).split()) is None
