"""A person named once by one word, with nothing around it that says a person is meant, is
no entity (lone_names.py)."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities
from marsad.enrich.ner.lone_names import drop_lone_names
from marsad.enrich.ner.spans import Span


def person(paragraph: str, word: str, canonical: str | None = None, at: int = 0) -> Span:
    start = paragraph.index(word, at)
    return {
        "text": word,
        "type": "PER",
        "canonical": canonical or word,
        "paragraph": 0,
        "start": start,
        "end": start + len(word),
    }


def kept(paragraph: str, *spans: Span) -> list[str]:
    return [span["text"] for span in drop_lone_names(list(spans), [paragraph])]


def test_an_ordinary_word_read_as_a_given_name_goes() -> None:
    text = "وأكد أن الاتفاق يصب في صالح إيران وحدها"
    assert kept(text, person(text, "صالح")) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("وتعاقد النادي مع المدرب اليوناني دونيس لموسمين", "دونيس"),  # a role and a nationality
        ("وكان الملك حسين قد زار المدينة", "حسين"),  # a title
        ("يقول سترندبرغ إن الحياة صراع", "سترندبرغ"),  # a speech verb
        ("وقال ساكن آخر في موسكو يدعى سيرجي إن الهدايا باهظة", "سيرجي"),  # a naming verb
        ("وروت عائشة رضي الله عنها الحديث", "عائشة"),  # a formula after
        ("وسجل الهدف «ماتا» في الدقيقة الأخيرة", "ماتا"),  # alone in marks
    ],
)
def test_a_lone_name_that_something_vouches_for_stays(text: str, word: str) -> None:
    assert kept(text, person(text, word)) == [word]


def test_a_name_among_other_people_stays() -> None:
    text = "ومن النجوم توريز وماتا ومارتينيز"
    spans = [person(text, "توريز"), person(text, "ماتا"), person(text, "مارتينيز")]
    assert kept(text, *spans) == ["توريز", "ماتا", "مارتينيز"]


def test_an_ordinary_word_read_twice_as_a_given_name_goes() -> None:
    text = "والاتفاق يصب في صالح إيران وحدها لا في صالح الغرب"
    assert kept(text, person(text, "صالح"), person(text, "صالح", at=20)) == []


def test_a_name_vouched_for_once_or_linked_to_a_full_name_stays() -> None:
    text = "وقال صالح إن صالح سيعود"
    assert kept(text, person(text, "صالح"), person(text, "صالح", at=6)) == ["صالح", "صالح"]
    text = "غادر الملعب بعد الإصابة هازارد"
    assert kept(text, person(text, "هازارد", canonical="إدين هازارد")) == ["هازارد"]


def test_places_and_organisations_are_left_alone() -> None:
    text = "وصل الوفد إلى جدة"
    place = {**person(text, "جدة"), "type": "LOC"}
    assert kept(text, place) == ["جدة"]


def test_the_records_keep_the_coach_and_lose_the_verb() -> None:
    paragraphs = ["وأشرف على تدريبات الفريق المدرب البرتغالي جوميز، فيما غاب عن المران ميدو وحسام."]
    names = [(span["text"], span["type"]) for span in find_entities(paragraphs)]
    assert ("جوميز", "PER") in names
    assert all(text != "أشرف" for text, _ in names)


def test_the_records_lose_in_favour_of() -> None:
    paragraphs = ["أكد المتحدث أن الاتفاق الأخير يصب في صالح إيران وحدها، ولا يخدم مصالح دول المنطقة."]
    assert [span["text"] for span in find_entities(paragraphs)] == ["إيران"]
