"""A form a fresh development set showed (issue #17, dev79): a title's place before the speaker's
name (``مدير مطار أبها فهد العدواني``) is the title's, so the speaker is the person after it. Every
sentence is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities
from marsad.enrich.quotes import find_quotes


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "وقال مدير مطار أبها سالم المريدي إن الرحلات الإضافية تبدأ الأسبوع المقبل لاستيعاب المسافرين.",
            "سالم المريدي",
        ),
        (
            "يأتي ذلك وفقا لما صرح به مدير مطار جازان ماجد الحربي، مؤكدا أن عدد المسافرين زاد هذا الشهر.",
            "ماجد الحربي",
        ),
    ],
)
def test_the_place_of_the_title_is_no_part_of_the_speaker(paragraph: str, speaker: str) -> None:
    paragraphs = ["شهد مطار أبها ومطار جازان حركة كثيفة خلال أيام العيد.", paragraph]
    quotes = find_quotes(paragraphs, entities=find_entities(paragraphs))
    assert [q["speaker"] for q in quotes] == [speaker]


def test_a_body_named_after_its_town_keeps_the_town() -> None:
    paragraphs = ["وقال نادي أبها في بيان إن الفريق يبدأ معسكره الإعدادي في تركيا الأسبوع المقبل."]
    quotes = find_quotes(paragraphs, entities=find_entities(paragraphs))
    assert [q["speaker"] for q in quotes] == ["نادي أبها"]
