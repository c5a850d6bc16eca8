"""A name ends before a preposition or a relative pronoun a widening pass ran it on into, and before
``العام`` said of the year, and a given name keeps the letter a prefix would be (newsdev21, 22; issue #18).
Every sentence is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities
from marsad.enrich.ner.article import cut_tails


def _entities(sentence: str) -> list[tuple[str, str]]:
    return [(e["type"], e["text"]) for e in find_entities([sentence])]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "وبذلك يرتفع عدد الرحلات من وإلى مطار الملك خالد الدولي إلى ٨٨ وجهة.",
            ("LOC", "مطار الملك خالد الدولي"),
        ),
        ("وقرر اتحاد كرة القدم والتي تشرف لجانه على المسابقات إلغاء اللجان.", ("ORG", "اتحاد كرة القدم")),
        ("وأكدت وكالة حماية البيئة العام الماضي أن الخطة جاهزة.", ("ORG", "وكالة حماية البيئة")),
    ],
)
def test_a_name_ends_before_the_word_it_was_run_on_into(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in _entities(sentence)


def test_cut_tails_keeps_a_general_office_ali_and_spelt_out_letters() -> None:
    run = [(word, 0, 0) for word in ["النائب", "العام", "محمد", "علي", "و", "ام", "تي", "في"]]
    tags = ["B-ORG", "I-ORG", "B-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG"]
    assert cut_tails(run, list(tags)) == tags


def test_cut_tails_cuts_the_year_before_a_word_of_time() -> None:
    run = [(word, 0, 0) for word in ["وكالة", "حماية", "البيئة", "العام", "الماضي"]]
    tags = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    assert cut_tails(run, tags) == ["B-ORG", "I-ORG", "I-ORG", "O", "O"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("وقال المدرب بسام العامري إن الفريق جاهز للموسم الجديد.", "بسام العامري"),
        ("وأكد لامين دياك رئيس الاتحاد الدولي أن التحقيق مستمر.", "لامين دياك"),
    ],
)
def test_a_given_name_opening_with_a_prefix_letter_keeps_it(sentence: str, name: str) -> None:
    assert ("PER", name) in _entities(sentence)
