"""A nationality adjective closing a town's name describes the town (adjective_places.py)."""

from __future__ import annotations

import pytest

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner import find_entities
from marsad.enrich.ner.adjective_places import drop_trailing_nationalities


def places(paragraph: str) -> list[str]:
    return [span["text"] for span in find_entities([paragraph]) if span["type"] == "LOC"]


def trimmed(words: str, tags: str) -> list[str]:
    keys = [fold_for_search(word) for word in words.split()]
    return drop_trailing_nationalities(keys, tags.split())


@pytest.mark.parametrize(
    ("paragraph", "town"),
    [
        ("وصل الفريق إلى مدينة ميلانو الإيطالية أمس استعدادا للمباراة.", "ميلانو"),
        ("وأقيم الحفل في مدينة برونو التشيكية بحضور الوزير.", "برونو"),
    ],
)
def test_the_town_leaves_its_countrys_adjective_out(paragraph: str, town: str) -> None:
    assert places(paragraph) == [town]


def test_after_a_definite_word_the_adjective_is_the_name() -> None:
    assert trimmed("شبه الجزيرة الكورية", "B-LOC I-LOC I-LOC") == ["B-LOC", "I-LOC", "I-LOC"]
    assert trimmed("الولايات المتحدة الأمريكية", "B-LOC I-LOC I-LOC") == ["B-LOC", "I-LOC", "I-LOC"]


def test_an_indefinite_word_before_the_adjective_ends_the_place() -> None:
    assert trimmed("ميناء جيهان التركي", "B-LOC I-LOC I-LOC") == ["B-LOC", "I-LOC", "O"]
    assert trimmed("بنك مصر المصري", "B-ORG I-ORG I-ORG") == ["B-ORG", "I-ORG", "I-ORG"]  # places only
    assert trimmed("لندن", "B-LOC") == ["B-LOC"]
