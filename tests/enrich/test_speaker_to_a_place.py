"""A ``ل`` phrase to a place or body the article names, right after a person's name, is where the
person went or whom they addressed, never more of the name. Sentences written for the test."""

from __future__ import annotations

from marsad.enrich.ner import find_entities
from marsad.enrich.quotes import find_quotes


def test_a_visit_to_a_named_country_is_not_part_of_the_speaker() -> None:
    paragraphs = [
        "بدأت إيران محادثات جديدة مع الوسطاء الدوليين حول الملف النووي.",
        "وعند زيارة المبعوث الأممي الجنرال كورت فالدهايم لإيران عام 1980 قال: «لقد جئت وسيطا للتوصل إلى حل».",
    ]
    quotes = find_quotes(paragraphs, entities=find_entities(paragraphs))
    assert [(q["speaker"], q["text"]) for q in quotes if q["direct"]] == [
        ("كورت فالدهايم", "لقد جئت وسيطا للتوصل إلى حل")
    ]
