"""A person the tagger cut after the given name takes in the surname after it (surnames.py)."""

from __future__ import annotations

import pytest

from marsad.enrich.data import fold_entry
from marsad.enrich.ner.surnames import extend_surnames


def extended(sentence: str, person_at: int) -> list[str]:
    tokens = sentence.split()
    tags = ["O"] * len(tokens)
    tags[person_at] = "B-PER"
    return extend_surnames(tokens, tags, lambda token: fold_entry(token.removeprefix("و")))


def test_a_given_name_takes_in_the_surname_after_it() -> None:
    assert extended("خلال زيارة المهندس إبراهيم محلب رئيس مجلس الوزراء", 3) == [
        "O", "O", "O", "B-PER", "I-PER", "O", "O", "O"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "person_at"),
    [
        ("أن أوباما سيقول في خطابه", 1),  # a future verb
        ("وقوات صالح تراجعوا من المنطقة", 1),  # a plural past
        ("وكانت سياسة الملك فيصل رحمه الله", 3),  # a formula
        ("ومن قبله كتاب موسى إماما ورحمة", 3),  # an accusative
        ("وأكد محمد أن الفريق جاهز", 1),  # a function word
        ("وقال أحمد المتحدث باسم الوزارة", 1),  # a word the news writes as no name
    ],
)
def test_verbs_formulas_and_common_words_are_no_surnames(sentence: str, person_at: int) -> None:
    tags = extended(sentence, person_at)
    assert tags.count("I-PER") == 0
