"""Speakers and the words around a name: a ``ل`` phrase to a place or body the article names, right
after a person's name, is where the person went or whom they addressed, never more of the name; a
title set off by a comma before a name (``وزير الأوقاف الأردني، الدكتور هايل داود``) is that person's,
so the title alone stands for them later; and ``وزير خارجية مصر`` is the ``وزير الخارجية المصري`` named
before. Sentences written for the test."""

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


def test_a_title_set_off_by_a_comma_before_a_name_stands_for_that_person_later() -> None:
    paragraphs = [
        "أشاد وزير الأوقاف الأردني، الدكتور هايل داود، بالتوسعة الكبيرة للمسجد الحرام.",
        'وقال داود: "هذه التوسعة من أولويات المملكة في ظل ما يشهده الحرم من زحام".',
        'وأضاف الأمير خالد الفيصل: "نحن سعداء بهذه الزيارة الكريمة".',
        'وأردف الوزير الأردني: "هذه التوسعة حدث غير مسبوق في تاريخ الحرم".',
    ]
    quotes = find_quotes(paragraphs, entities=find_entities(paragraphs))
    assert [q["canonical"] for q in quotes if q["direct"]] == ["هايل داود", "خالد الفيصل", "هايل داود"]


def test_a_country_in_the_construct_is_the_adjective_the_article_introduced_the_person_with() -> None:
    paragraphs = [
        "التقى وزير الخارجية المصري سامح شكري نظيره السعودي في الرياض أمس.",
        'وقال شكري: "العلاقات بين البلدين قوية ومتينة وتاريخية".',
        'وأضاف الوزير عادل الجبير: "نحن نرحب بالزيارة الكريمة".',
        'وأكد وزير خارجية مصر: "سنعمل معا لمواجهة التحديات في المنطقة".',
    ]
    quotes = find_quotes(paragraphs, entities=find_entities(paragraphs))
    assert [q["canonical"] for q in quotes if q["direct"]] == ["سامح شكري", "عادل الجبير", "سامح شكري"]
