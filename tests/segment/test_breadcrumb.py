from __future__ import annotations

import pytest

from marsad.segment.breadcrumb import category_from_line, unglue


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("أخبارالشرق الأوسط", "الشرق الأوسط"),
        ("أخبارالاقتصاد", "الاقتصاد"),
        ("الرئيسية » أخبار » الشرق الأوسط", "الشرق الأوسط"),
        ("الرئيسية / رياضة / كرة القدم", "كرة القدم"),
        ("Accueil > الحياة الوطنية", "الحياة الوطنية"),
        ("منوعات", "منوعات"),
        ("محليات", "محليات"),
        ("الرئيسية", None),
        ("اتفق العراق والولايات المتحدة على انسحاب جميع القوات الأمريكية المقاتلة من العراق", None),
        ("أخبارها", None),
    ],
)
def test_category_from_line(line: str, category: str | None) -> None:
    assert category_from_line(line) == category


@pytest.mark.parametrize(
    ("glued", "repaired"),
    [
        ("أخبارالشرق الأوسط", "أخبار الشرق الأوسط"),
        ("الرئيسيةالعالم", "الرئيسية العالم"),
        ("أخبارها اليوم", "أخبارها اليوم"),
        ("أخبار العالم", "أخبار العالم"),
    ],
)
def test_unglue(glued: str, repaired: str) -> None:
    assert unglue(glued) == repaired
