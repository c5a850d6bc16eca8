"""Who said it after a long run of titles whose complement reads like a name (issue #17): the
person NER found right before ``إن``/``أن`` speaks, not the complement's words; a name right
after ``في`` is where the speaker works. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities
from marsad.enrich.quotes import find_quotes


def _speakers(paragraphs: list[str]) -> list[object]:
    return [q["speaker"] for q in find_quotes(paragraphs, entities=find_entities(paragraphs))]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "وقال مدير مكتب الجمعية الخيرية لرعاية الأيتام في منطقة الجوف خالد العنزي إن "
            '"الجمعية ستوزع السلال الغذائية على الأسر هذا الأسبوع".',
            "خالد العنزي",
        ),
        (
            "وقال رئيس قسم الطوارئ بمستشفى الملك فهد لخدمة المرضى في جدة سامي الغامدي أن "
            '"القسم استقبل أكثر من مئة حالة".',
            "سامي الغامدي",
        ),
    ],
)
def test_the_person_before_the_complementizer_speaks_after_long_titles(paragraph: str, speaker: str) -> None:
    assert _speakers([paragraph]) == [speaker]


def test_a_name_after_fi_is_where_the_speaker_works() -> None:
    paragraphs = [
        "وتقول كاسبرسكي لاب إن الفيروس يسرق كلمات السر من المتصفحات.",
        'وقال أحد كبار الباحثين في كاسبرسكي لاب إن "الفيروس يحتوي على وحدة تستهدف المصارف".',
    ]
    assert _speakers(paragraphs)[-1] == "أحد كبار الباحثين"


def test_a_verb_set_off_by_a_comma_goes_on_with_the_sentences_speaker() -> None:
    paragraph = (
        "وأكد المهندس فهد الشمري أن صيانة الطرق تعتبر أولوية للأمانة، وأضاف: "
        '"سننتهي من أعمال الصيانة في الأحياء الشمالية قبل بداية العام الدراسي".'
    )
    assert _speakers([paragraph])[-1] == "فهد الشمري"


def test_a_person_named_in_what_was_reported_takes_the_joined_verb() -> None:
    paragraphs = [
        'قال الدكتور سالم الحربي أستاذ التاريخ: "إن القائد الفرنسي نابليون بونابرت هو من أسس المدرسة".',
        'وأوضح أن نابليون بونابرت اعتبر المدرسة مشروعه الأهم، وقال لجنوده: "هذه المدرسة أهم من كل انتصاراتي".',
    ]
    assert _speakers(paragraphs)[-1] != "سالم الحربي"


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # ``كان``'s subject speaks, not the body that ends the subject's title
        ("وكان خالد العتيبي مدير الإدارة قال أمس: «سنبدأ تنفيذ المشروع قبل نهاية العام».", "خالد العتيبي"),
        # without ``قد``, a long title between the name and the verb; ``أول أمس`` is no subject
        (
            "وكان سعيد الحارثي رئيس لجنة الشؤون المالية والاقتصادية والتنمية في مجلس الشورى قال أول أمس "
            "الأحد: «سنرفع توصياتنا إلى المجلس خلال أسبوعين».",
            "سعيد الحارثي",
        ),
    ],
)
def test_the_subject_after_kana_speaks(paragraph: str, speaker: str) -> None:
    assert _speakers([paragraph]) == [speaker]


def test_a_statement_speaks_for_the_body_that_issued_it_without_a_verb_of_saying() -> None:
    paragraphs = [
        "أدانت وزارة الخارجية الأردنية الهجوم الإرهابي على المسجد في بيان أصدرته مساء أمس.",
        'وجاء في البيان: "إن الأردن يقف إلى جانب الأشقاء في مواجهة الإرهاب".',
    ]
    assert _speakers(paragraphs) == ["وزارة الخارجية الأردنية"]


def test_a_paper_reporting_a_letter_did_not_write_it() -> None:
    paragraphs = [
        "تناولت صحيفة الغارديان البريطانية تسريب رسالة إلكترونية من مكتب المحاماة.",
        'وتقول الرسالة "إن العقد سيوقع قبل نهاية الشهر".',
    ]
    assert "الغارديان" not in str(_speakers(paragraphs))


def test_a_force_speaks_like_its_plural() -> None:
    paragraph = 'وقالت قوة المهام المشتركة في بيان الليلة الماضية: "إن الضربات أصابت وحدات تكتيكية للتنظيم".'
    assert _speakers([paragraph]) == ["قوة المهام المشتركة"]


def test_the_subject_after_kana_speaks_for_a_participle() -> None:
    paragraph = (
        "أثارت تصريحات الرئيس الفرنسي السابق، نيكولا ساركوزي، في تونس ردود أفعال غاضبة. وكان ساركوزي شكك "
        'في مستقبل البلاد، قائلاً: "لا أحد يعرف ما ستؤول إليه الأوضاع هناك".'
    )
    assert _speakers([paragraph]) == ["نيكولا ساركوزي"]


def test_a_full_name_after_titles_ends_the_subject_before_the_verbs_object() -> None:
    # (``بان`` is also ``بأن`` folded: the titles end there, and the name NER found follows)
    paragraph = 'ودعا الأمين العام للأمم المتحدة بان كي مون الأطراف الليبية إلى "الحوار من أجل إنهاء الانقسام".'
    assert _speakers([paragraph]) == ["بان كي مون"]
