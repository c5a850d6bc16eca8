"""Weekday words that are no dates (issue #17): the Gulf family names written as weekdays after a
given name (``محمد الخميس``, ``حسين الجمعة``), days that recur (``أيام الخميس والجمعة والسبت``) and
Friday's sermons (``خطب الجمعة``); the day the agencies write after whoever spoke stays a date.
Every sentence is written for the test."""

from __future__ import annotations

import pytest

from marsad.enrich.dates import find_dates

PUBLISHED = "2015-08-01"  # a Saturday


def _dates(sentence: str) -> list[tuple[str, str | None]]:
    return [(sentence[d["start"] : d["end"]], d["value"]) for d in find_dates([sentence], published=PUBLISHED)]


@pytest.mark.parametrize(
    "sentence",
    [
        "وأوضح رئيس اللجنة الاجتماعية بحي الروضة محمد الخميس أن ثلاث جهات تعمل على البرنامج.",
        "وشارك في الورشة سليمان النزهة وعبدالعزيز الخميس وناصر البريدي.",
        "والتقى الزملاء مدير إدارة التشغيل والصيانة حسين الجمعة في مكتبه.",
        "ويقام المهرجان في الحدائق العامة أيام الخميس والجمعة والسبت من كل أسبوع.",
        "ووزعت الوزارة موسوعة خطب الجمعة على فروعها في المناطق.",
    ],
)
def test_a_weekday_word_that_names_no_day(sentence: str) -> None:
    assert _dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("وقال فلاديمير بوتين السبت إن المفاوضات ستستمر.", ("السبت", "2015-08-01")),
        ("وقالت القوات الموالية للرئيس عبدربه منصور هادي الخميس إنها سيطرت على المدينة.", ("الخميس", "2015-07-30")),
        ("وأعلنت الوزارة الخميس عن حزمة من البرامج الجديدة.", ("الخميس", "2015-07-30")),
    ],
)
def test_the_day_after_a_full_name_or_a_body_is_a_date(sentence: str, day: tuple[str, str]) -> None:
    assert _dates(sentence) == [day]
