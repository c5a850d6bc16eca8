"""Who said it and how much, in the forms the dev48 to dev50 sets (issue #17) showed: a subjectless
cue after a clause that ends with an organisation as its object, a columnist's contact footer, a
name written with and without the space after ``عبد``, a name or a company alone in quotation marks,
a speaker hinting (``ألمح``), a person named after a long run of titles, a speed per hour. Every
sentence here is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities
from marsad.enrich.quantities import find_quantities
from marsad.enrich.quotes import find_quotes


def _direct(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    quotes = find_quotes(paragraphs, entities=find_entities(paragraphs))
    return [(q["text"], q.get("canonical") or q["speaker"]) for q in quotes if q["direct"]]


def test_an_organisation_closing_the_clause_before_the_cue_is_its_object_not_the_speaker() -> None:
    paragraphs = [
        "أوضح مدير المركز الإعلامي بنادي الوحدة هاني الحجازي أن الموسم المقبل سيشهد تغييرات.",
        "وأكد الحجازي أن هذه الخطوة بداية لعمل إعلامي منظم في النادي، وقال: «لن يكون هذا اللقاء الأخير مع الإعلاميين».",
    ]
    assert _direct(paragraphs) == [("لن يكون هذا اللقاء الأخير مع الإعلاميين", "هاني الحجازي")]


def test_a_columnists_contact_footer_names_no_speaker() -> None:
    paragraphs = [
        "يتصل بك أحدهم بعد نشر المقال قائلاً: «انتهت مشكلاتنا ولم يبق إلا هذا الموضوع؟».",
        "للتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (20) ثم مسافة ثم نص الرسالة",
    ]
    assert [speaker for _text, speaker in _direct(paragraphs)] == [None]


def test_a_name_written_with_the_space_after_abd_is_the_full_name_written_without_it() -> None:
    paragraphs = [
        "قال لاعب الوسط في نادي الفيصلي حسين عبدالرحيم إن الفريق جاهز للموسم.",
        "وأضاف عبد الرحيم: «المدرب يعرف ما يريد من كل لاعب في الفريق».",
    ]
    assert _direct(paragraphs) == [("المدرب يعرف ما يريد من كل لاعب في الفريق", "حسين عبدالرحيم")]


@pytest.mark.parametrize(
    "paragraph",
    [
        'أكد المتحدث باسم مديرية المياه بالمنطقة؛ "خالد عبدالرحمن السبيعي"؛ معالجة التسرب خلال يومين.',
        'نظمت "إم إس إيه للخدمات البحرية السعودية" عددا من البرامج لأطفال المستشفى. وقال مديرها سامي الخالد إن البرنامج سنوي.',
    ],
)
def test_a_name_alone_in_quotation_marks_is_no_quote(paragraph: str) -> None:
    assert _direct([paragraph]) == []


def test_a_minister_who_hints_then_announces_is_the_speaker_not_the_hint() -> None:
    paragraph = (
        "فيما ألمح الوزير الياباني المسؤول عن الملف كينجي ساتو، إلى أن جولة جديدة قد تعقد قريبا، "
        "معلنا للإذاعة الرسمية بقوله: «إذا لم نتفق في الجولة المقبلة فسيصبح الأمر صعبا للغاية»."
    )
    assert _direct([paragraph]) == [("إذا لم نتفق في الجولة المقبلة فسيصبح الأمر صعبا للغاية", "كينجي ساتو")]


def test_the_person_after_a_long_run_of_titles_before_inna_is_the_speaker() -> None:
    paragraph = (
        "يقول عضو الجمعية الخليجية لإدارة الأزمات المتخصص في علم النفس ومؤلف كتاب «كيف ننجو من الضغط؟» "
        "د. سامر القحطاني إن الإنسان حين يغضب «تضطرب لديه الساعة البيولوجية ويقل تركيزه في اليوم التالي»."
    )
    assert _direct([paragraph]) == [("تضطرب لديه الساعة البيولوجية ويقل تركيزه في اليوم التالي", "سامر القحطاني")]


def test_a_speed_per_hour_is_its_unit_for_both_ends_of_a_range() -> None:
    found = find_quantities(["وتكون الرياح شمالية غربية بسرعة 20 - 40 كم/ساعة على السواحل."])
    assert [(q["text"], q["unit"]) for q in found] == [("20", "كم/ساعة"), ("40", "كم/ساعة")]


def test_a_name_before_its_title_between_dashes_is_the_verbs_subject() -> None:
    paragraphs = [
        "ويؤكد منصور خان - أحد بائعي الملابس - أن الحركة ضعيفة جدا، مضيفا «الأسعار مرتفعة هذا العام».",
        "سامي عطية - بائع عطور - يقول من جانبه «كانت الحركة جيدة في الأيام الأولى من الشهر الكريم».",
        "أما السيد نبيل - بائع في محل «عطارة» - فيقول: «المبيعات لم تصل إلى نصف ما كانت عليه لأن الإقبال ضعيف جدا».",
    ]
    speakers = [speaker for _text, speaker in _direct(paragraphs)]
    assert speakers[:2] == ["منصور خان", "سامي عطية"]
    assert "الإقبال ضعيف جدا" not in speakers


def test_goals_minutes_after_scorers_and_a_score_in_words_count_nothing() -> None:
    paragraph = (
        "وفاز الفريق على ضيفه بأربعة أهداف مقابل ثلاثة، سجلها لوكاس مورا (12) وكريم بنزيمة (58) "
        "مقابل هدف لدافيد سيلفا (77)، وبلغ عدد الحضور (35) ألف مشجع."
    )
    found = find_quantities([paragraph], find_entities([paragraph]))
    assert [q["value"] for q in found] == [35000]


def test_digits_in_guillemets_before_their_scale_word_are_scaled() -> None:
    found = find_quantities(["وخصصت الأمانة «150» مليونا لمشاريع تصريف السيول في الأحياء الجنوبية."])
    assert [(q["text"], q["value"]) for q in found] == [("«150» مليونا", 150_000_000)]


def test_a_speech_verb_of_purpose_after_a_name_is_no_part_of_it() -> None:
    paragraphs = [
        "خرجت شقيقته الفنانة ليلى أبو عوف لتوضح حقيقة مرضه بعد الجدل الذي أثاره ظهوره الأخير.",
        "ليلى أكدت أن شقيقها بخير، حيث قالت: «أقسم بالله إنه سليم ولا يعاني من أي مرض».",
    ]
    assert [speaker for _text, speaker in _direct(paragraphs)] == ["ليلى أبو عوف"]
