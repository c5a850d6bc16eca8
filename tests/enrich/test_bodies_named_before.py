"""A body the article named in full speaks later under its bare noun (``وقالت الوزارة`` after
``وزارة الداخلية التركية``), and a committee after ``ل`` keeps its article in its canonical name
(``للجنة العسكرية`` is ل + ``اللجنة العسكرية``, not ``الجنة``). Every sentence here is written for
the test (issue #17, #18)."""

from __future__ import annotations

import pytest

from marsad.arabic.clitics import restore_name_article
from marsad.enrich.ner import find_entities
from marsad.enrich.quotes import find_quotes


@pytest.mark.parametrize(
    ("opening", "noun", "speaker"),
    [
        (
            "أعلنت وزارة الداخلية التركية أمس توقيف خمسة أشخاص يشتبه في انتمائهم إلى خلية مسلحة.",
            "الوزارة",
            "وزارة الداخلية التركية",
        ),
        ("أصدرت محكمة الاستئناف في باريس حكما نهائيا في قضية الشركة أمس.", "المحكمة", "محكمة الاستئناف"),
    ],
)
def test_a_body_named_in_full_speaks_under_its_bare_noun(opening: str, noun: str, speaker: str) -> None:
    paragraphs = [opening, f'وقالت {noun} في بيان إن "الإجراءات اتخذت وفق القانون المعمول به".']
    quotes = [q for q in find_quotes(paragraphs, entities=find_entities(paragraphs)) if q["direct"]]
    assert [q["speaker"] for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("proclitics", "name", "restored"),
    [
        ("ل", "لجنة العسكرية", "اللجنة العسكرية"),
        ("ل", "لجنة", "اللجنة"),
        ("ل", "لجنة التحكيم", "لجنة التحكيم"),
        ("ل", "لعراق", "العراق"),
        ("ل", "لبنان", "لبنان"),
        ("ل", "لوكالة الدولية للطاقة الذرية", "الوكالة الدولية للطاقة الذرية"),
        ("و", "لجنة العسكرية", "لجنة العسكرية"),
    ],
)
def test_the_article_that_l_swallowed_is_restored_on_a_names_first_word(
    proclitics: str, name: str, restored: str
) -> None:
    assert restore_name_article(proclitics, name) == restored


def test_a_committee_after_l_keeps_its_article() -> None:
    spans = find_entities(["وقال رئيس الوفد إن قرارات للجنة العسكرية ملزمة لكل الأطراف."])
    assert "اللجنة العسكرية" in {span["canonical"] for span in spans}
