"""Speakers and the words around a name: a ``ل`` phrase to a place or body the article names, right
after a person's name, is where the person went or whom they addressed, never more of the name; a
title set off by a comma before a name (``وزير الأوقاف الأردني، الدكتور هايل داود``) is that person's,
so the title alone stands for them later; and ``وزير خارجية مصر`` is the ``وزير الخارجية المصري`` named
before. Sentences written for the test."""

from __future__ import annotations

import pytest

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


def _canonical_speakers(paragraphs: list[str]) -> list[str | None]:
    quotes = find_quotes(paragraphs, entities=find_entities(paragraphs))
    return [q["canonical"] for q in quotes if q["direct"]]


@pytest.mark.parametrize(
    ("introduced", "first_said", "title_alone", "speaker"),
    [
        # A title set off by a comma before the name is that person's.
        (
            "أشاد وزير الأوقاف الأردني، الدكتور هايل داود، بالتوسعة الكبيرة للمسجد الحرام.",
            'وقال داود: "هذه التوسعة من أولويات المملكة في ظل ما يشهده الحرم من زحام".',
            'وأردف الوزير الأردني: "هذه التوسعة حدث غير مسبوق في تاريخ الحرم".',
            "هايل داود",
        ),
        # A country in the title's construct is the adjective the person was introduced with.
        (
            "التقى وزير الخارجية المصري سامح شكري نظيره السعودي في الرياض أمس.",
            'وقال شكري: "العلاقات بين البلدين قوية ومتينة وتاريخية".',
            'وأكد وزير خارجية مصر: "سنعمل معا لمواجهة التحديات في المنطقة".',
            "سامح شكري",
        ),
    ],
)
def test_a_title_alone_stands_for_the_person_introduced_with_it(
    introduced: str, first_said: str, title_alone: str, speaker: str
) -> None:
    another = 'وأضاف الأمير خالد الفيصل: "نحن سعداء بهذه الزيارة الكريمة".'
    assert _canonical_speakers([introduced, first_said, another, title_alone]) == [speaker, "خالد الفيصل", speaker]
