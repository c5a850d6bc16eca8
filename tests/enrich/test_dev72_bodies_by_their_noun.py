"""Forms two fresh development sets (dev72 and dev73; issue #17) showed: a body the article named after
its noun (``حركة طالبان الأفغانية``, ``شركة المياه الوطنية``) speaks, by the name NER gave it, when the noun
alone stands in the speaker's place (``وقالت الحركة``), and a medium does so with the adjective of its country
(``وقالت الصحيفة البريطانية``). Every sentence is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities
from marsad.enrich.quotes import find_quotes


def _speakers(paragraphs: list[str]) -> list[str | None]:
    return [q["speaker"] for q in find_quotes(paragraphs, entities=find_entities(paragraphs))]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            [
                "قتل ثلاثة جنود في هجوم على قاعدة عسكرية في ولاية هلمند جنوب أفغانستان أمس.",
                "وتبنت حركة طالبان الأفغانية الهجوم في رسالة إلى وسائل الإعلام.",
                "وقالت الحركة إن مقاتليها سيواصلون الهجمات حتى خروج القوات الأجنبية من البلاد.",
            ],
            "طالبان",
        ),
        (
            [
                "نشرت صحيفة «الديلي ميل» تقريرا عن ارتفاع أسعار المساكن في العاصمة البريطانية.",
                "وقالت الصحيفة البريطانية إن «الأسعار ارتفعت بنسبة عشرة في المئة خلال عام واحد».",
            ],
            "الديلي ميل",
        ),
    ],
)
def test_a_body_named_after_its_noun_speaks_where_the_noun_stands(paragraphs: list[str], speaker: str) -> None:
    assert _speakers(paragraphs)[-1] == speaker


def test_a_bodys_statement_stays_the_bodys() -> None:
    paragraphs = [
        "وأعلنت الشركة في بيان أن أرباحها تراجعت في الربع الثاني من العام.",
        "وأوضح البيان أن «عدد المشتركين بلغ سبعة ملايين مشترك بنهاية يونيو».",
    ]
    assert _speakers(paragraphs)[-1] == "الشركة"
