from __future__ import annotations

import pytest

from marsad.arabic.normalize import arabic_ratio, fold_for_search, normalize_display, western_digits


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("العراق 2021″، وفق البيان", "العراق 2021”، وفق البيان"),
        ("الــخــبــر العاجـــل", "الخبر العاجل"),
        ("لـ«الصباح»", "لـ«الصباح»"),
        ("متعهدا بـ”تعزيز العلاقة”", "متعهدا بـ”تعزيز العلاقة”"),
        ("بـالعراق", "بالعراق"),
        ("\u200fالرياض\u200e \u202bواس\u202c", "الرياض واس"),
        ("\ufeffبيان", "بيان"),
        ("\ufefb\ufee3\ufe8e\ufee5", "لامان"),
        ("أحمدُ   يكتبُ", "أحمدُ يكتبُ"),
        ("  سطر  ", "سطر"),
    ],
)
def test_normalize_display_keeps_letters(raw: str, clean: str) -> None:
    assert normalize_display(raw) == clean


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آمال", "امال"),
        ("مدرسة", "مدرسه"),
        ("مستشفى", "مستشفي"),
        ("كتبًا", "كتبا"),
        ("مُحَمَّد", "محمد"),
        ("الأخــبار", "الاخبار"),
        ("٢٠٢١", "2021"),
        ("۲۰۲۱", "2021"),
        ("مسؤول", "مسوول"),
        ("Adblock", "adblock"),
    ],
)
def test_fold_for_search_unifies_variants(a: str, b: str) -> None:
    assert fold_for_search(a) == fold_for_search(b)


def test_western_digits_keeps_length() -> None:
    assert western_digits("عام ٢٠٢١ و۱۴۴۲") == "عام 2021 و1442"


def test_arabic_ratio() -> None:
    assert arabic_ratio("أنت تستخدم إضافة Adblock") > 0.6
    assert arabic_ratio("Accueil Contact") == 0.0
    assert arabic_ratio("2021 - 12") == 0.0
