"""Forms a fresh development set showed (issue #17, dev78): prices after the rial sign (``147 ﷼``),
zero written as a word before a percent (``صفر في المائة``; alone, ``صفر`` is the month Safar), and a
plan's or a programme's name in marks (``"خطة دبي 2021"``), which is no quotation. Every sentence is
written for the test."""

from __future__ import annotations

from marsad.enrich.dates import find_dates
from marsad.enrich.quantities import find_quantities
from marsad.enrich.quotes import find_quotes


def _quantities(paragraph: str) -> list[tuple[str, float, str | None]]:
    return [(q["text"], q["value"], q["unit"]) for q in find_quantities([paragraph])]


def test_a_price_before_the_rial_sign_is_in_riyals() -> None:
    paragraph = "وحدد النادي أسعار التذاكر: الدرجة الأولى 150 ﷼ والدرجة الثانية 75 ﷼ للمباراة."
    assert _quantities(paragraph) == [("150 ﷼", 150, "SAR"), ("75 ﷼", 75, "SAR")]


def test_zero_before_a_percent_is_a_quantity_and_safar_stays_a_month() -> None:
    paragraph = "وبقيت أسعار الفائدة قريبة من صفر في المائة طوال العام، ولم تتجاوز صفر بالمئة في أي شهر."
    assert _quantities(paragraph) == [("صفر في المائة", 0, "%"), ("صفر بالمئة", 0, "%")]
    assert _quantities("ويبدأ الموسم في شهر صفر المقبل بعد انتهاء الإجازة.") == []
    assert find_dates(["وبقيت الأسعار قريبة من صفر في المائة."], "2015-08-10") == []


def test_a_plans_name_in_marks_is_no_quotation() -> None:
    paragraph = (
        'وأوضح المدير العام أن المشروع يتماشى مع "خطة التنمية الوطنية 2030"، ويدعم '
        "«مبادرة المدن الذكية» التي أطلقتها الهيئة العام الماضي."
    )
    # What the director said is reported; the names in marks inside it are not his words.
    quotes = find_quotes([paragraph])
    assert [(q["direct"], q["speaker"]) for q in quotes] == [(False, "المدير العام")]


def test_a_plan_introduced_as_speech_stays_a_quotation() -> None:
    paragraph = 'وقال الوزير: "خطة الإنقاذ التي أعلناها ستنقذ آلاف الوظائف في القطاع الخاص".'
    quotes = find_quotes([paragraph])
    assert [(q["text"][:10], q["speaker"]) for q in quotes] == [("خطة الإنقا", "الوزير")]
