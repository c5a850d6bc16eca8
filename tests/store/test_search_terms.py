"""The search analyzer: a query word's key must be among the forms of every spelling we want it to find."""

from __future__ import annotations

import pytest

from marsad.arabic.search_terms import analyze, search_forms, search_key, tokenize


@pytest.mark.parametrize(
    ("query", "document_word"),
    [
        ("بالعراق", "العراق"),
        ("العراق", "بالعراق"),
        ("والرئيس", "رئيس"),
        ("رئيس", "والرئيس"),
        ("الرئيس", "رئيسها"),
        ("أحمد", "احمد"),
        ("احمد", "إحمد"),
        ("كتبًا", "كتبا"),
        ("مستشفى", "مستشفي"),
        ("مدرسة", "مدرسه"),
        ("مستشفى", "مستشفـــى"),
        ("الأمريكية", "الأميركية"),
        ("الأميركيون", "والأمريكيون"),
        ("سورية", "سوريا"),
        ("سوريا", "بسورية"),
        ("ديمقراطية", "الديموقراطية"),
        ("جرعة", "جرعات"),
        ("وزير", "الوزير"),
        ("الوزير", "ووزير"),
        ("فلسطين", "وفلسطين"),
        ("مسؤول", "مسئول"),
        ("٢٠١٥", "2015"),
    ],
)
def test_query_key_is_among_the_forms_of_each_spelling(query: str, document_word: str) -> None:
    assert search_key(query) in search_forms(document_word)


@pytest.mark.parametrize(
    ("query", "unrelated"),
    [
        ("العراق", "العرب"),
        ("سلمان", "سلمي"),
        ("الرئيس", "الرئاسة"),
        ("بغداد", "بغدادي"),
    ],
)
def test_different_words_stay_apart(query: str, unrelated: str) -> None:
    assert search_key(query) not in search_forms(unrelated)


def test_full_folded_form_is_indexed_too() -> None:
    assert {"بالعراق", "العراق", "عراق"} <= search_forms("بالعراق")


def test_analyze_keeps_one_key_per_word_in_order() -> None:
    analyzed = analyze("قال الرئيسُ: نعم، بالعراق!")
    assert analyzed.keys.split() == [search_key("قال"), search_key("الرئيس"), search_key("نعم"), search_key("العراق")]
    assert "بالعراق" in analyzed.forms.split()


def test_tokens_point_into_the_original_text() -> None:
    text = "زار الوزيرُ مستشفـــى المدينة"
    words = [text[token.start : token.end] for token in tokenize(text)]
    assert words == ["زار", "الوزيرُ", "مستشفـــى", "المدينة"]


def test_words_without_letters_have_no_key() -> None:
    assert search_key("...") == ""
    assert list(tokenize("— ، .")) == []
