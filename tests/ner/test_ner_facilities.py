"""Places and bodies named after a person are one name of the head's type, not the person."""

from __future__ import annotations

import pytest

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner import find_entities
from marsad.enrich.ner.facilities import facility_heads, mark_facilities

HEADS = {"مستشفي": "ORG", "مطار": "LOC", "مركز": "ORG"}


def _mark(text: str, tags: list[str]) -> list[str]:
    return mark_facilities(text.split(), tags, fold_for_search, HEADS)


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        # The tagger's person inside the hospital: the whole name is the hospital.
        (
            "نقل إلى مستشفى الملك فهد التخصصي بالدمام",
            ["O", "O", "O", "O", "B-PER", "O", "O"],
            ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
        ),
        # The tagger ran the person on past the airport's own words: the rest is left for the lists.
        (
            "وصل إلى مطار الملك فهد الدولي بالدمام",
            ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"],
            ["O", "O", "B-LOC", "I-LOC", "I-LOC", "I-LOC", "O"],
        ),
        # No tag at all: one word of name, two after عبد, then بن X.
        (
            "افتتح مركز الأمير عبد الله بن جلوي للقلب أمس",
            ["O"] * 9,
            ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
        ),
        # A purpose goes on with its own words; the next phrase (`اليوم`) does not.
        (
            "أعلن مركز الملك سلمان للإغاثة والأعمال اليوم",
            ["O", "O", "O", "B-PER", "O", "O", "O"],
            ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
        ),
        # No title after the head: no facility.
        (
            "نقل إلى مستشفى فهد في الرياض",
            ["O", "O", "O", "B-PER", "O", "B-LOC"],
            ["O", "O", "O", "B-PER", "O", "B-LOC"],
        ),
        # A span the tagger began before the head is its own reading.
        (
            "وزير الصحة مستشفى الملك فهد",
            ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"],
            ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"],
        ),
    ],
)
def test_mark_facilities(text: str, tags: list[str], expected: list[str]) -> None:
    assert _mark(text, list(tags)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نقل المصاب إلى مستشفى الملك فهد التخصصي بالدمام لتلقي العلاج.", [("مستشفى الملك فهد التخصصي", "ORG")]),
        ("وصل الوفد إلى مطار الملك عبدالعزيز الدولي بجدة مساء أمس.", [("مطار الملك عبدالعزيز الدولي", "LOC")]),
        ("أعلنت جامعة الملك سعود عن قبول 5000 طالب.", [("جامعة الملك سعود", "ORG")]),
        (
            "وأكدت مدينة الملك عبدالعزيز للعلوم والتقنية أن المشروع جاهز.",
            [("مدينة الملك عبدالعزيز للعلوم والتقنية", "LOC")],
        ),
        ("تقام المباراة على ملعب الملك عبد الله بن عبدالعزيز في جدة.", [("ملعب الملك عبد الله بن عبدالعزيز", "LOC")]),
        ("وعولج في بمستشفى الأمير محمد بن عبدالعزيز منذ أسبوع.", [("مستشفى الأمير محمد بن عبدالعزيز", "ORG")]),
    ],
)
def test_find_entities_names_the_facility_not_the_person(text: str, expected: list[tuple[str, str]]) -> None:
    spans = [(span["text"], span["type"]) for span in find_entities([text])]
    for name in expected:
        assert name in spans, spans
    assert not any(kind == "PER" for _, kind in spans), spans


def test_the_king_himself_is_still_a_person() -> None:
    spans = [(span["text"], span["type"]) for span in find_entities(["وقال الملك سلمان إن المملكة ماضية في الإصلاح."])]
    assert ("سلمان", "PER") in spans


def test_shipped_heads() -> None:
    heads = facility_heads()
    assert heads[fold_for_search("مستشفى")] == "ORG"
    assert heads[fold_for_search("مطار")] == "LOC"
    assert set(heads.values()) <= {"ORG", "LOC"}
