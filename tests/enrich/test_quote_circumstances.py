"""A word of manner right after a speech verb (``وأضاف مبتسما``, ``وقال موجهاً حديثه``) is no
subject: the speaker is the one who spoke last. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities
from marsad.enrich.quotes import find_quotes

OPENING = "وقال مدرب المنتخب سالم العتيبي: «اللاعبون جاهزون للمباراة النهائية بعد أسبوع من التدريب»."


def _speakers(paragraphs: list[str]) -> list[tuple[str | None, str]]:
    quotes = find_quotes(paragraphs, entities=find_entities(paragraphs))
    return [(q["canonical"] or q["speaker"], q["text"]) for q in quotes if q["direct"]]


@pytest.mark.parametrize(
    "follow_on",
    [
        "وأضاف مبتسما: «لن نخذل جماهيرنا في هذا الموسم مهما كانت الظروف».",
        "وتابع ساخرا من منتقديه: «لن نخذل جماهيرنا في هذا الموسم مهما كانت الظروف».",
        "وقال موجهاً حديثه للإعلاميين: «لن نخذل جماهيرنا في هذا الموسم مهما كانت الظروف».",
        "وأضاف مستدركا «لن نخذل جماهيرنا في هذا الموسم مهما كانت الظروف».",
    ],
)
def test_a_word_of_manner_after_the_verb_keeps_the_last_speaker(follow_on: str) -> None:
    said = _speakers([OPENING, follow_on])
    assert said[-1] == ("سالم العتيبي", "لن نخذل جماهيرنا في هذا الموسم مهما كانت الظروف")


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # A woman's name of the participle's shape after a woman's verb speaks.
        ("وقالت مونيكا بيريز: «الدراسة شملت ألف مريض على مدى ثلاث سنوات».", "مونيكا بيريز"),
        # A noun with a possessive (its director, her neighbour) is a subject.
        ("وقال مديرها خالد الحربي: «الدراسة شملت ألف مريض على مدى ثلاث سنوات».", "خالد الحربي"),
    ],
)
def test_a_subject_of_the_same_shape_still_speaks(paragraph: str, speaker: str) -> None:
    said = _speakers(["أعلن مستشفى الملك فهد نتائج دراسة جديدة أمس.", paragraph])
    assert said[-1][0] == speaker


def test_a_verb_describing_its_object_cues_the_words_in_marks_after_bianna() -> None:
    """Session 44: ``ووصفها بأنها «...»`` quotes what the speaker called it, however short; ``ما
    وصفه`` (what he called it) and ``على حد وصفه`` cue nothing by themselves."""
    paragraph = "وأدان النائب محمد العلي الهجوم على المستشفى ووصفه بأنه «عمل إجرامي» يستهدف المدنيين."
    quotes = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert [(q["text"], q["speaker"], q["direct"]) for q in quotes] == [("عمل إجرامي", "محمد العلي", True)]
    aside = "وتحدث التقرير عن الأوضاع في المدينة على حد وصفه، دون أن يذكر أرقاما جديدة."
    assert find_quotes([aside], entities=find_entities([aside])) == []
