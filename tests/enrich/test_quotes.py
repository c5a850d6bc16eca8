from __future__ import annotations

import pytest

from marsad.enrich.quotes import find_quotes, quote_regions


def _quotes(paragraphs: list[str], names: tuple[str, ...] = ()) -> list[tuple[str | None, str, bool]]:
    return [(q["speaker"], q["text"], q["direct"]) for q in find_quotes(paragraphs, names=names)]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            ["قالت وزيرة الصحة سلمى الحربي إن “اللقاح آمن وفعال للجميع”."],
            [("سلمى الحربي", "اللقاح آمن وفعال للجميع", True)],
        ),
        (
            ["وأكد المتحدث باسم الشرطة العقيد فهد العنزي: «القبض على المتهمين تم فجر اليوم»."],
            [("فهد العنزي", "القبض على المتهمين تم فجر اليوم", True)],
        ),
        (
            ['وقال المدرب كارلوس مانويل "الفريق قدم مباراة كبيرة رغم الغيابات".'],
            [("كارلوس مانويل", "الفريق قدم مباراة كبيرة رغم الغيابات", True)],
        ),
        (
            ["وأعلنت وزارة الداخلية أن الطرق ستغلق مساء الجمعة لأعمال الصيانة."],
            [("وزارة الداخلية", "الطرق ستغلق مساء الجمعة لأعمال الصيانة", False)],
        ),
        (
            ["“الأسعار ستنخفض خلال الربع المقبل”، وفق التقرير."],
            [("التقرير", "الأسعار ستنخفض خلال الربع المقبل", True)],
        ),
        (
            ["وبحسب البيان، فإن الشركة “ملتزمة بتعويض جميع المتضررين”."],
            [("البيان", "ملتزمة بتعويض جميع المتضررين", True)],
        ),
        (
            ["ونقلت الوكالة عن مصدر أن “الاتفاق بات وشيكا جدا”."],
            [("مصدر", "الاتفاق بات وشيكا جدا", True)],
        ),
        (
            ["وقع الطرفان اتفاق “الشراكة الاستراتيجية” في جدة."],
            [],
        ),
        (
            ["ويعرض المسرح مسرحية «الغريب» هذا المساء، قال المخرج."],
            [],
        ),
    ],
)
def test_find_quotes(paragraphs: list[str], expected: list[tuple[str | None, str, bool]]) -> None:
    assert _quotes(paragraphs) == expected


def test_subjectless_cues_continue_the_previous_speaker() -> None:
    paragraphs = [
        "قال رئيس البلدية خالد السبيعي إن “المشروع سيكتمل قبل نهاية الصيف”.",
        "وتابع: “نعمل على مدار الساعة لتسليمه”، مضيفا أن “التكلفة لم تتجاوز الميزانية”.",
        "وأضاف أن “المرحلة الثانية تبدأ في الخريف المقبل”.",
    ]
    speakers = [q["speaker"] for q in find_quotes(paragraphs) if q["direct"]]
    assert speakers == ["خالد السبيعي"] * 4


def test_short_names_resolve_to_the_fullest_mention() -> None:
    paragraphs = [
        "التقى الأمين العام للمنظمة أنطونيو فيريرا وزير الخارجية سامي النعيمي أمس.",
        "وقال فيريرا إن “الحوار هو الطريق الوحيد للحل”.",
        "من جهته، أعرب النعيمي عن تفاؤله، لافتا إلى أن “الجولة المقبلة ستكون حاسمة”.",
    ]
    assert _quotes(paragraphs) == [
        ("أنطونيو فيريرا", "الحوار هو الطريق الوحيد للحل", True),
        ("سامي النعيمي", "الجولة المقبلة ستكون حاسمة", True),
    ]


def test_names_from_ner_help_resolution() -> None:
    paragraphs = ["وقال بلحاج إن “الانتخابات ستجرى في موعدها المحدد”."]
    assert _quotes(paragraphs, names=("عبد الكريم بلحاج",)) == [
        ("عبد الكريم بلحاج", "الانتخابات ستجرى في موعدها المحدد", True),
    ]


def test_a_bare_title_resolves_to_the_person_it_introduced() -> None:
    paragraphs = [
        "استقبل الرئيس الفرنسي لوك مارتان نظيره في باريس.",
        "وقال الرئيس الفرنسي إن “العلاقات بين البلدين متينة للغاية”.",
    ]
    assert _quotes(paragraphs)[0][0] == "لوك مارتان"


def test_an_introduced_quote_left_open_runs_to_the_paragraph_end() -> None:
    # Newsrooms often drop the closing mark at the end of a paragraph.
    quotes = [q for q in find_quotes(["وقال المدير: “سنواصل العمل حتى النهاية"]) if q["direct"]]
    assert [(q["speaker"], q["text"]) for q in quotes] == [("المدير", "سنواصل العمل حتى النهاية")]


def test_an_unclosed_mark_that_nothing_introduces_gives_no_direct_quote() -> None:
    assert [q for q in find_quotes(["وقال المدير إن مشروع “الواحة الخضراء يتأخر كثيرا"]) if q["direct"]] == []


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("قال “نعم” ثم “لا”", [(4, 8), (13, 16)]),
        ('«أ» و"ب"', [(0, 2), (5, 7)]),
        ("بـ”تعزيز العلاقة”.", [(2, 16)]),
        ("“بلا إغلاق", []),
        ("أنهى الجملة ″", []),
        ("قال: “نعم سنفعل.", [(5, 15)]),
        ("قال: «أولا. ثم أضاف ان «ثانيا»", [(5, 10), (23, 29)]),
        ('قال: نعم سنفعل ذلك".', [(3, 18)]),
        ('وتابع" نحن هنا"', [(5, 14)]),
        ("قال: “نعم سنفعل   وقال “لا”", [(5, 15), (23, 26)]),
    ],
)
def test_quote_regions(text: str, regions: list[tuple[int, int]]) -> None:
    assert quote_regions(text) == regions


def test_offsets_point_at_the_quotation() -> None:
    paragraphs = ["تمهيد بلا اقتباس.", "وأوضح المهندس سالم الدوسري: «العمل يسير وفق الخطة الزمنية»."]
    (quote,) = find_quotes(paragraphs)
    assert paragraphs[quote["paragraph"]][quote["start"] : quote["end"]] == quote["text"]
    assert quote["cue"] == "أوضح"
