from __future__ import annotations

import datetime as dt

import pytest

from marsad.enrich.dates import find_dates

PUBLISHED = "2024-03-14"  # a Thursday


def _dates(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None, str]]:
    return [(d["text"], d["value"], d["kind"]) for d in find_dates([text], published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Gregorian months, every series, with and without pairing
        ("تنتهي المهلة في 30 يونيو 2025 رسميا", [("30 يونيو 2025", "2025-06-30", "absolute")]),
        ("وقع الاتفاق في 12 تشرين الثاني 2019", [("12 تشرين الثاني 2019", "2019-11-12", "absolute")]),
        ("افتتح المعرض يوم 3 جويلية 2022 بالعاصمة", [("3 جويلية 2022", "2022-07-03", "absolute")]),
        ("صدر القرار في 9 أفريل 2021", [("9 أفريل 2021", "2021-04-09", "absolute")]),
        ("وفي 7 أوت 2020 وصل الفريق", [("7 أوت 2020", "2020-08-07", "absolute")]),
        ("تأسست الشركة في 2 فيفري 2001", [("2 فيفري 2001", "2001-02-02", "absolute")]),
        ("منذ 14 ماي 2018 والمفاوضات متعثرة", [("14 ماي 2018", "2018-05-14", "absolute")]),
        ("تنتهي الهدنة في 1 يناير/كانون الثاني 2026", [("1 يناير/كانون الثاني 2026", "2026-01-01", "absolute")]),
        ("حتى 20 كانون الأول (ديسمبر) 2023", [("20 كانون الأول (ديسمبر) 2023", "2023-12-20", "absolute")]),
        ("ارتفعت المبيعات منذ أغسطس آب 2017", [("أغسطس آب 2017", "2017-08", "absolute")]),
        ("في شهر سبتمبر من عام 2016 وقعت الحادثة", [("شهر سبتمبر من عام 2016", "2016-09", "absolute")]),
        ("ولدت في ٨ مارس ٢٠٠٠", [("٨ مارس ٢٠٠٠", "2000-03-08", "absolute")]),
        # numeric dates, both digit sets
        ("نشر التقرير بتاريخ 2019/02/08 صباحا", [("2019/02/08", "2019-02-08", "absolute")]),
        ("نشر التقرير بتاريخ ٨/٢/٢٠١٩ صباحا", [("٨/٢/٢٠١٩", "2019-02-08", "absolute")]),
        ("يبدأ التسجيل في 05-09-2024", [("05-09-2024", "2024-09-05", "absolute")]),
        # Hijri, converted (Umm al-Qura), Hijri value kept
        ("أقيم الحفل في 1 رمضان 1445هـ", [("1 رمضان 1445هـ", "2024-03-11", "hijri")]),
        ("صدر الأمر في 15 / 3 / 1440 هـ", [("15 / 3 / 1440 هـ", "2018-11-23", "hijri")]),
        ("في العاشر من ذي الحجة 1444 هـ", [("العاشر من ذي الحجة 1444 هـ", "2023-06-28", "hijri")]),
        # years in context, and ranges of years
        ("تعمل الشركة منذ 2014 في السوق", [("2014", "2014", "absolute")]),
        ("ارتفعت الأسعار عام 2020 بشدة", [("2020", "2020", "absolute")]),
        ("بين عامي 2010 و2012 تضاعف الإنتاج", [("2010", "2010", "absolute"), ("2012", "2012", "absolute")]),
        ("بني المسجد عام 1187 للميلاد", [("1187", "1187", "absolute")]),
        ("اكتمل المشروع في 2019م", [("2019م", "2019", "absolute")]),
        # relative to publication (Thursday 14 March 2024)
        ("وصل الوزير أمس إلى الرياض", [("أمس", "2024-03-13", "relative")]),
        ("عقد المجلس جلسته مساء الإثنين", [("مساء الإثنين", "2024-03-11", "relative")]),
        ("غادر الوفد يوم الجمعة الماضي", [("يوم الجمعة الماضي", "2024-03-08", "relative")]),
        ("سيزور الرئيس المدينة يوم الأحد", [("يوم الأحد", "2024-03-17", "relative")]),
        ("أعلنت الوزارة اليوم (الخميس) النتائج", [("اليوم (الخميس)", "2024-03-14", "relative")]),
        ("تبدأ الانتخابات في أكتوبر المقبل", [("أكتوبر المقبل", "2024-10", "relative")]),
        ("تراجعت الصادرات في يناير الماضي", [("يناير الماضي", "2024-01", "relative")]),
        ("تراجعت الصادرات الشهر الماضي", [("الشهر الماضي", "2024-02", "relative")]),
        ("ستفتتح المحطة العام المقبل", [("العام المقبل", "2025", "relative")]),
        ("تنتهي الخطة في 31 ديسمبر للعام الجاري", [("31 ديسمبر للعام الجاري", "2024-12-31", "relative")]),
        ("أغلق السوق في 10 مارس", [("10 مارس", "2024-03-10", "relative")]),
        ("تحدث الرئيس عبر الهاتف، الثلاثاء، مع نظيره", [("الثلاثاء", "2024-03-12", "relative")]),
        ("وقع الزلزال فجر أمس الأول", [("فجر أمس الأول", "2024-03-12", "relative")]),
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ينتشر في المنطقة نحو 3000 جندي",
        "انضم 2500 متطوع إلى الحملة",
        "للاستفسار اتصل على 0501234567 أو 920001234",
        "تنص المادة 2019 من اللائحة على ذلك",
        "صدر القرار رقم 2015 بشأن التنظيم",
        "بلغت قيمة الصفقة 1500 دولار",
        "يقع الفندق على بعد 1200 متر",
        "31 فبراير 2021 تاريخ لا وجود له",
        "انتهى في 30/02/2020 على ما قيل",
        "عام 99999 بعد الميلاد",
        "وصلت سيارة صفر كيلومتر",
        "أدى المصلون صلاة الجمعة في المسجد",
        "سقط الطيار بطائرة F-2015 التجريبية",
    ],
)
def test_not_dates(text: str) -> None:
    assert _dates(text) == []


def test_offsets_point_into_each_paragraph() -> None:
    paragraphs = ["لا تاريخ هنا", "وصل الوفد أمس، ثم غادر في 3 مايو 2023."]
    found = find_dates(paragraphs, PUBLISHED)
    assert [(d["paragraph"], paragraphs[d["paragraph"]][d["start"] : d["end"]]) for d in found] == [
        (1, "أمس"),
        (1, "3 مايو 2023"),
    ]
    assert all(paragraphs[d["paragraph"]][d["start"] : d["end"]] == d["text"] for d in found)


def test_hijri_keeps_its_own_value() -> None:
    (span,) = find_dates(["في 5 شوال 1436هـ"], None)
    assert span["kind"] == "hijri"
    assert span["hijri"] == "1436-10-05"
    assert span["value"] == "2015-07-21"


def test_hijri_year_alone_is_the_gregorian_year_holding_most_of_it() -> None:
    (span,) = find_dates(["خلال عام 1436 هـ"], None)
    assert span["hijri"] == "1436"
    assert span["value"] == "2015"  # 1436 AH runs from October 2014 to October 2015


def test_relative_dates_without_publication_have_no_value() -> None:
    assert _dates("وصل الوفد أمس", None) == [("أمس", None, "relative")]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2021-07-27", "2021-07-25"),  # Tuesday: the Sunday before
        ("2021-07-25", "2021-07-25"),  # Sunday: that day, as a Sunday paper reads it
        ("2021-07-25T22:10:00", "2021-07-25"),
    ],
)
def test_bare_weekday_against_publication(published: str, expected: str) -> None:
    (span,) = find_dates(["وصل الضيف مساء الأحد إلى المطار"], published)
    assert span["value"] == expected
    assert dt.date.fromisoformat(span["value"]).isoweekday() == 7
