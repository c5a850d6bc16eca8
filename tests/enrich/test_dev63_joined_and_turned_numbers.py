"""Forms two fresh development sets (dev63 and dev64; issue #17) showed: numbers joined by a plus
name a group or a minute (``مجموعة 5+1``, ``الدقيقة 45+2``), a right-to-left mark after a decimal
point shows a number the page turned around (``8.\u200f14 مليون`` is 14.8 million), a number a few
words after ``رقم`` is an identifier, and two nouns after a preposition and before a title are no
name; dev65 and dev66: ``غرة`` before a Hijri month is its first day. Every sentence is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.dates import find_dates
from marsad.enrich.ner import find_entities
from marsad.enrich.quantities import find_quantities
from marsad.enrich.quotes import find_quotes


def _quantities(paragraph: str) -> list[tuple[str, object, str | None]]:
    return [(q["text"], q["value"], q["unit"]) for q in find_quantities([paragraph])]


@pytest.mark.parametrize(
    "paragraph",
    [
        "وعقد وزير الخارجية لقاء مع ممثلي مجموعة 5+1 في فيينا لبحث الملف النووي.",
        "ووقعت طهران ودول (5 + 1) الاتفاق بعد مفاوضات طويلة.",
        "وأدرك الفريق التعادل في الدقيقة 90+3 من ركلة ركنية.",
        "وتجتمع آلية (7+7) للحوار الوطني في الخرطوم الأسبوع المقبل.",
    ],
)
def test_numbers_joined_by_a_plus_are_no_quantities(paragraph: str) -> None:
    assert _quantities(paragraph) == []


def test_a_count_beside_numbers_joined_by_a_plus_stays() -> None:
    paragraph = "وسجل المهاجم في الدقيقة 45+2 أمام 40 ألف متفرج ملأوا الملعب."
    assert _quantities(paragraph) == [("40 ألف", 40000, "متفرج")]


@pytest.mark.parametrize(
    ("paragraph", "value", "unit"),
    [
        ("وحقق الفيلم الجديد إيرادات بلغت 8.\u200f14 مليون دولار في أسبوعه الأول.", 14800000, "USD"),
        ("وضرب زلزال قوته 5.\u200f7 درجة سواحل الجزر صباح أمس.", 7.5, "درجة"),
        ("وارتفعت المبيعات إلى معدل سنوي قدره 04.\u200f5 مليون وحدة.", 5040000, "وحدة"),
    ],
)
def test_a_mark_after_the_decimal_point_turns_the_number_around(paragraph: str, value: float, unit: str) -> None:
    [(_, found, found_unit)] = _quantities(paragraph)
    assert (found, found_unit) == (value, unit)


def test_a_decimal_without_the_mark_is_read_as_written() -> None:
    paragraph = "وأغلق خام برنت عند 56.95 دولار للبرميل."
    assert _quantities(paragraph) == [("56.95 دولار", 56.95, "USD")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "وشكر المرضى شركة الاتصالات على توفيرها رقم الخدمة ٥٠٦٠ لاستقبال رسائل التبرع.",
        "وأوضحت المواطنة أن رقم البلاغ هو (4387) ولم تتلق أي رد حتى الآن.",
    ],
)
def test_a_number_a_few_words_after_raqm_is_an_identifier(paragraph: str) -> None:
    assert _quantities(paragraph) == []


def test_a_count_after_a_record_stays_a_count() -> None:
    paragraph = "وكان الرقم القياسي السابق 95446 متفرجا في المباراة النهائية."
    assert [(value, unit) for _, value, unit in _quantities(paragraph)] == [(95446, "متفرجا")]


def test_two_nouns_after_a_preposition_and_before_a_title_are_no_speaker() -> None:
    paragraph = (
        "وأكد حرص بلاده على «تعزيز العلاقات الثنائية»، مشيراً إلى أن زيارته تأتي في إطار حرص "
        "الرئيس عبدالفتاح السيسي «على تدعيم أواصر الأخوة بين البلدين»."
    )
    found = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert found and all(q["speaker"] not in ("إطار حرص", "حرص بلاده") for q in found)


def test_a_given_name_after_a_preposition_and_before_a_title_is_a_name() -> None:
    paragraph = "ونقل البيان عن كوفي عنان الأمين العام السابق قوله «إن الحل السياسي هو الطريق الوحيد»."
    found = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert [q["speaker"] for q in found] == ["كوفي عنان"]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("ويبدأ تسجيل الناخبين في غرة ذي القعدة المقبل في جميع الدوائر.", ("غرة ذي القعدة المقبل", "2015-08-16")),
        ("وأعلنت المحكمة العليا أن غرة شهر شوال وافقت الجمعة.", ("غرة شهر شوال", "2015-07-17")),
    ],
)
def test_ghurra_before_a_hijri_month_is_its_first_day(paragraph: str, expected: tuple[str, str]) -> None:
    assert expected in [(d["text"], d["value"]) for d in find_dates([paragraph], "2015-08-02")]


def test_a_person_after_a_long_title_is_the_speaker_not_the_titles_phrase() -> None:
    paragraph = (
        "ونقل البيان عن نائب وزير الخزانة لشؤون مكافحة الإرهاب والاستخبارات المالية آدم زوبين قوله إن "
        '"الوزارة ستواصل استخدام أدواتها المالية لإضعاف شبكة الدعم".'
    )
    found = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert [q["speaker"] for q in found] == ["آدم زوبين"]


def test_the_person_spoken_to_after_a_long_subject_is_no_speaker() -> None:
    paragraph = (
        "وقال الرئيس الروسي فلاديمير بوتين لرئيس الوزراء الإسرائيلي بنيامين نتنياهو اليوم إن "
        '"الاتفاق النووي سيعزز الاستقرار في المنطقة".'
    )
    found = find_quotes([paragraph], entities=find_entities([paragraph]))
    assert all(q["speaker"] != "بنيامين نتنياهو" for q in found)
