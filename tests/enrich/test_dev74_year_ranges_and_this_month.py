"""Forms fresh development sets showed (issue #17): dev74, two years in brackets with the era's letter
after the second (``(1494 - 1517 م)``) are a period, not two counts, and a day ``من هذا الشهر`` is a
day of the publication's month; dev75, a fraction's plural with a pronoun (``ثلاثة أرباعه``). Every
sentence is written for the test."""

from __future__ import annotations

from marsad.enrich.dates import find_dates
from marsad.enrich.quantities import find_quantities


def test_two_years_in_brackets_with_the_era_are_dates_not_counts() -> None:
    paragraph = "ومن أمثلة الحروب الكبرى الحروب الإيطالية (1494 - 1517 م). والحروب الإسبانية (1581 - 1609 م) في أوروبا."
    dates = [(d["text"], d["value"]) for d in find_dates([paragraph], "2015-08-10")]
    assert dates == [("1494", "1494"), ("1517 م", "1517"), ("1581", "1581"), ("1609 م", "1609")]
    assert find_quantities([paragraph]) == []


def test_a_day_of_this_month_is_a_day_of_the_publications_month() -> None:
    paragraph = "وقتل المهاجمون خمس نساء في القرية في الثامن من هذا الشهر بعد اتهامهن بممارسة السحر."
    assert [(d["text"], d["value"]) for d in find_dates([paragraph], "2015-08-10")] == [
        ("الثامن من هذا الشهر", "2015-08-08")
    ]


def test_a_fractions_plural_with_a_pronoun_keeps_its_share() -> None:
    # dev75: ``ثلاثة أرباعه`` is three quarters (of it), not three of something counted
    paragraph = "وتحمل هذا العبء الثقيل الذي يمثل القلق ثلاثة أرباعه.. ورغم ذلك تمضي."
    assert [(q["text"], q["value"]) for q in find_quantities([paragraph])] == [("ثلاثة أرباعه", 0.75)]
