"""A governor's place is no word of his name (title_complements.py)."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities


@pytest.mark.parametrize(
    ("sentence", "place", "person"),
    [
        ("وقال حاكم نيوجيرسي كريس كريستي إن الاتفاق سيئ للولايات المتحدة.", "نيوجيرسي", "كريس كريستي"),
        ("وانتقد سيناتور تكساس تيد كروز الاتفاق بشدة أمس.", "تكساس", "تيد كروز"),
        ("واستقبل محافظ أملج زياد بن عبد المحسن البازعي الوفد الزائر.", "أملج", "زياد بن عبد المحسن البازعي"),
    ],
)
def test_the_place_a_title_governs_is_a_place_and_the_name_follows(sentence: str, place: str, person: str) -> None:
    spans = {(span["text"], span["type"]) for span in find_entities([sentence])}
    assert {(place, "LOC"), (person, "PER")} <= spans


def test_a_place_the_article_names_opening_a_person_is_split_from_it() -> None:
    from marsad.enrich.ner.title_complements import split_leading_places

    tokens = ["مدير", "تعليم", "جازان", "عثمان", "عريبي"]
    tags = ["O", "O", "B-PER", "I-PER", "I-PER"]
    names = {("جازان",): "LOC", ("عثمان", "عريبي"): "PER"}
    assert split_leading_places(tokens, tags, lambda token: token, names) == ["O", "O", "B-LOC", "B-PER", "I-PER"]
    # a given name that is also a place's name opens the person it names
    assert split_leading_places(
        ["محمد", "علي", "حسن"], ["B-PER", "I-PER", "I-PER"], lambda t: t, {("محمد",): "LOC"}
    ) == [
        "B-PER",
        "I-PER",
        "I-PER",
    ]


def test_a_body_the_article_names_opening_a_person_is_split_from_it() -> None:
    from marsad.enrich.ner.title_complements import split_leading_places

    tokens = ["المنتدب", "في", "موبايلي", "خليفة", "الشامسي"]
    tags = ["O", "O", "B-PER", "I-PER", "I-PER"]
    names = {("موبايلي",): "ORG"}
    assert split_leading_places(tokens, tags, lambda token: token, names) == ["O", "O", "B-ORG", "B-PER", "I-PER"]
    # two words stay a person's name: the body alone before a one-word name is left as read
    assert split_leading_places(["موبايلي", "خليفة"], ["B-PER", "I-PER"], lambda t: t, names) == ["B-PER", "I-PER"]
