"""Forms four fresh development sets (dev54 to dev57; issue #17) showed: ``عام`` alone is a year and
opens no speaker's title, a relative year confirmed in figures is one date, a month set off by a
comma from ``من العام المقبل``, a day of the current month without ``من``, SMS short codes before a
Latin operator name, a number spaced inside its brackets, a service's number to call, and particles
after a number. Every sentence is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.dates import find_dates
from marsad.enrich.ner import find_entities
from marsad.enrich.quantities import find_quantities
from marsad.enrich.quotes import find_quotes

PUBLISHED = "2015-07-26"


def _quotes(paragraph: str) -> list[tuple[str, str | None]]:
    found = find_quotes([paragraph], entities=find_entities([paragraph]))
    return [(q["text"], q["speaker"]) for q in found]


def _dates(paragraph: str) -> list[tuple[str, str | None]]:
    return [(d["text"], d["value"]) for d in find_dates([paragraph], PUBLISHED)]


def _quantities(paragraph: str) -> list[tuple[str, object, str | None]]:
    return [(q["text"], q["value"], q["unit"]) for q in find_quantities([paragraph])]


def test_a_year_opens_no_speakers_title() -> None:
    paragraph = (
        "أشعر أن كل مسافر في كل عام كأنه يدق مسمارا في نعش السياحة، لقد أحزنني ما قاله الكاتب "
        '"الصحفي" سامي المطيري في زاويته (رأي) حين أكد "أن المدن الساحلية فقدت زوارها منذ سنوات طويلة".'
    )
    # no speaker is better than a verb phrase after the year taken for a title
    assert [speaker for _, speaker in _quotes(paragraph)] in ([None], ["سامي المطيري"])


def test_a_year_after_a_writing_verb_is_no_speaker() -> None:
    paragraph = "وهو ما عبر عنه أحد الرحالة الذي كتب عام 1869 «الطريق إلى الشمال طويل ولن يقطعه أحد وحده»."
    assert all(speaker != "عام" for _, speaker in _quotes(paragraph))


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("وتتوقع الشركة أن يبدأ التشغيل خلال العام المقبل 2016 بحسب خطتها.", [("العام المقبل 2016", "2016")]),
        (
            "وتقام الانتخابات في العاشر من شهر مارس (آذار) من العام المقبل 2016 في جميع المحافظات.",
            [("العاشر من شهر مارس (آذار) من العام المقبل 2016", "2016-03-10")],
        ),
        (
            "وقد يجري التصويت في يونيو (حزيران)، من العام المقبل وفق ما ذكرت المصادر.",
            [("يونيو (حزيران)، من العام المقبل", "2016-06")],
        ),
    ],
)
def test_a_relative_year_is_one_date_with_its_month_and_figures(
    paragraph: str, expected: list[tuple[str, str]]
) -> None:
    assert _dates(paragraph) == expected


def test_a_year_to_come_before_a_count_stays_a_count() -> None:
    paragraph = "ويتوقع المنظمون أن يحضر العام المقبل 3000 زائر من دول الخليج."
    assert _dates(paragraph) == [("العام المقبل", "2016")]
    assert _quantities(paragraph) == [("3000", 3000, "زائر")]


def test_a_day_of_the_current_month_without_min_is_a_day_not_a_count() -> None:
    paragraph = "وينطلق الملتقى يوم الثلاثاء 28 الشهر الجاري في قاعة المؤتمرات بالمدينة."
    assert _dates(paragraph) == [("28 الشهر الجاري", "2015-07-28")]
    assert _quantities(paragraph) == []


def test_a_short_code_before_a_latin_operator_name_is_no_quantity() -> None:
    paragraph = (
        "لمراسلة الكاتب أرسل رسالة تبدأ بالرمز (215) ثم نص الرسالة إلى 88412 - Stc 635099 - Mobily 737300 - Zain"
    )
    assert _quantities(paragraph) == []


def test_a_number_spaced_inside_its_brackets_counts_the_noun_after_them() -> None:
    paragraph = "وكان الفقيد في عز شبابه ( 31 ) عاما حين وافته المنية أثناء أداء الواجب."
    assert _quantities(paragraph) == [("31", 31, "عاما")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "ودعت الوزارة إلى الإبلاغ عبر مركز الاتصال لخدمة العملاء (19911)، أو من خلال فروعها في المناطق.",
        "ويمكن التواصل مع الهيئة على الهاتف المجاني 19988 لاستقبال الشكاوى على مدار الساعة.",
        "وتستقبل الشركة البلاغات على الرقم الموحد 19933 وتقوم بمعالجتها فورا.",
    ],
)
def test_a_service_number_to_call_is_no_quantity(paragraph: str) -> None:
    assert _quantities(paragraph) == []


def test_calls_counted_after_a_service_line_stay_a_count() -> None:
    paragraph = "وتلقى الهاتف المجاني 3400 اتصال خلال الشهر الماضي من مختلف المناطق."
    assert _quantities(paragraph) == [("3400", 3400, "اتصال")]


def test_a_particle_after_a_number_is_no_unit() -> None:
    paragraph = 'وأشارت المكتبة إلى أن قطار القراءة "3" سوف يقدم باقة من الأنشطة للأطفال.'
    assert [unit for _, _, unit in _quantities(paragraph)] == [None]


def test_a_range_of_days_written_tight_against_a_hijri_date_gives_both_days() -> None:
    found = [
        (d["text"], d["value"])
        for d in find_dates(["وتقام الدورة في الفترة 2-3/7/1436هـ في مقر النادي الأدبي."], PUBLISHED)
    ]
    assert found == [("2", "2015-04-21"), ("3/7/1436هـ", "2015-04-22")]
    assert find_dates(["وانتهت المباراة 2-3 لصالح الضيوف بعد مباراة قوية."], PUBLISHED) == []


def test_a_numeric_date_glued_to_a_preposition_is_read() -> None:
    found = [(d["text"], d["value"]) for d in find_dates(["ووثق تاريخ كتابتها بـ15-4-1416هـ في ديوانه."], PUBLISHED)]
    assert found == [("15-4-1416هـ", "1995-09-10")]
