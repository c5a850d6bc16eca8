"""A body's head word or a judging adjective alone is no organisation (generic_bodies.py)."""

from __future__ import annotations

import pytest

from marsad.enrich.data import fold_entry
from marsad.enrich.ner import find_entities
from marsad.enrich.ner.generic_bodies import drop_generic_bodies


def found(sentence: str) -> list[tuple[str, str]]:
    return [(span["text"], str(span["type"])) for span in find_entities([sentence])]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("وبحسب معلومات منظمة “أوبك”، فقد أنتجت الدول الأعضاء أكثر من ثلاثين مليون برميل.", "أوبك"),
        ("وذكرت الوكالة أن الوزير نايف الحربي وصل إلى جدة مساء أمس.", "نايف الحربي"),
        ("وقتلت ميليشيات الحوثي الانقلابية زعيما قبليا في محافظة البيضاء.", "الحوثي"),
    ],
)
def test_a_head_alone_is_no_organisation_and_the_name_beside_it_stays(sentence: str, kept: str) -> None:
    spans = found(sentence)
    assert kept in [text for text, _ in spans]
    assert not {text for text, kind in spans if kind == "ORG"} & {"منظمة", "الوكالة", "ميليشيات"}


def test_only_one_word_spans_of_a_generic_word_are_dropped() -> None:
    tokens = ["وذكرت", "الوكالة", "أن", "البنك", "الأهلي", "التجاري", "رفع", "أرباحه"]
    tags = ["O", "B-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert drop_generic_bodies(tokens, tags, lambda token: fold_entry(token.removeprefix("و"))) == [
        "O",
        "O",
        "O",
        "B-ORG",
        "I-ORG",
        "I-ORG",
        "O",
        "O",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "وقصف الجيش الإسرائيلي مواقع في قطاع غزة أمس.",
        "وأعلنت الحكومة المصرية خطة جديدة لدعم الصادرات.",
        "وانتشرت القوات الأمريكية في قاعدة قرب بغداد.",
    ],
)
def test_a_generic_body_with_a_nationality_is_no_organisation(sentence: str) -> None:
    assert [text for text, kind in found(sentence) if kind == "ORG"] == []


def test_a_body_named_by_its_region_stays() -> None:
    assert ("البرلمان العربي", "ORG") in found("وقال البرلمان العربي إن القرار يخالف القانون الدولي.")


@pytest.mark.parametrize("group", ["ميليشيات", "مليشيا", "ميليشيا", "مليشيات"])
def test_the_writers_word_for_an_armed_group_is_no_part_of_its_name(group: str) -> None:
    from marsad.enrich.ner.article import trim_entities

    words = ["وأعلنت", group, "الحوثي", "مسؤوليتها"]
    run = [(word, 0, 0) for word in words]
    assert trim_entities(run, ["O", "B-ORG", "I-ORG", "O"]) == ["O", "O", "B-ORG", "O"]
    # alone, the word names no one body
    assert drop_generic_bodies(words, ["O", "B-ORG", "B-ORG", "O"], fold_entry) == ["O", "O", "B-ORG", "O"]
