"""Names in records: bodies named by a head word and what it governs, names listed one after another."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities


def _organisations(text: str) -> list[str]:
    return [span["text"] for span in find_entities([text]) if span["type"] == "ORG"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وأعلنت الإدارة العامة للدفاع المدني أن فرقها أخمدت الحريق.", "الإدارة العامة للدفاع المدني"),
        ("وقالت وزارة العمل والتنمية الاجتماعية إن القرار يبدأ الشهر المقبل.", "وزارة العمل والتنمية الاجتماعية"),
        ("ورحب الحزب الاشتراكي الديمقراطي بنتائج الاقتراع.", "الحزب الاشتراكي الديمقراطي"),
        ("وأعلن الاتحاد السعودي لكرة القدم أمس جدول الموسم.", "الاتحاد السعودي لكرة القدم"),
        ("وأصدرت اللجنة الأولمبية السعودية بيانا.", "اللجنة الأولمبية السعودية"),
        ("وقال مجلس حقوق الإنسان إن التقرير سينشر قريبا.", "مجلس حقوق الإنسان"),
        ("وأحالت الأمانة العامة لمجلس الشورى المشروع إلى اللجان.", "الأمانة العامة لمجلس الشورى"),
        ("وتغلب المنتخب الإسباني على منافسه بهدفين.", "المنتخب الإسباني"),
        # the head's own letter is no preposition (`بلدية`, not ب + `لدية`)
        ("وأغلقت بلدية المعابدة سبعة محلات مخالفة.", "بلدية المعابدة"),
    ],
)
def test_a_head_word_and_what_it_governs_is_one_organisation(text: str, name: str) -> None:
    assert name in _organisations(text)


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        # a verbal noun's object, a body's own organ, a region in general, a team in general
        ("وتولى إدارة المباراة حكم دولي.", "إدارة المباراة"),
        ("عقد مجلس الإدارة اجتماعه الدوري.", "مجلس الإدارة"),
        ("وأغلقت بلدية المحافظة ثلاثة محلات.", "بلدية المحافظة"),
        ("وتأهل المنتخب الوطني إلى النهائي.", "المنتخب الوطني"),
        # `منتخبنا`: a pronoun on the head
        ("وأضاع منتخبنا الفرصة في الدقيقة الأخيرة.", "منتخبنا الفرصة"),
    ],
)
def test_no_organisation_from_actions_organs_or_generic_bodies(text: str, not_a_name: str) -> None:
    assert not_a_name not in _organisations(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a title after the body's name, its adjectives then a noun, another body after `و`
        ("وقال مدير الإدارة العامة للطوارئ الدكتور سالم العلي إن الحالات مستقرة.", "الإدارة العامة للطوارئ"),
        ("وأعلنت وزارة المالية الألمانية التعليق المؤقت للدفعات.", "وزارة المالية الألمانية"),
        ("وشارك فيه ممثلو شرطة منطقة القصيم وبلدية المعابدة.", "شرطة منطقة القصيم"),
    ],
)
def test_the_name_ends_where_the_body_does(text: str, name: str) -> None:
    assert name in _organisations(text)


def test_names_listed_one_after_another_lose_their_conjunction() -> None:
    people = [
        span["text"]
        for span in find_entities(["وشارك في المباراة أرشافين وروبي كين وكيث أندروس من البداية."])
        if span["type"] == "PER"
    ]
    assert "روبي كين" in people
    assert "كيث أندروس" in people


@pytest.mark.parametrize(
    "text",
    ["وقال السفير الأمريكي جوزيف ويستفال إن العلاقات قوية.", "وقال جون ويلموث مدير شعبة السكان إن العدد سيرتفع."],
)
def test_a_foreign_name_that_spells_its_w_with_waw_is_one_name(text: str) -> None:
    # (written nowhere else, whole or without the و: no second person joined by و)
    people = [span["text"] for span in find_entities([text]) if span["type"] == "PER"]
    assert len(people) == 1 and people[0].split()[-1].startswith("وي")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وأعلن تنظيم داعش الإرهابي مسؤوليته عن الهجوم.", "داعش"),
        ("واستهدف تنظيم الدولة الإسلامية المسجد.", "الدولة الإسلامية"),
        ("وأصدر تنظيم الدولة بيانا.", "تنظيم الدولة"),
        # after a body's head word too, where the adjectives of relation would take it
        ("وأعلنت الحكومة ملاحقة منظمة بي كا كا الإرهابية في المدن الحدودية.", "منظمة بي كا كا"),
    ],
)
def test_the_kind_of_body_and_a_judging_adjective_are_not_its_name(text: str, name: str) -> None:
    assert name in _organisations(text)


def test_the_town_a_municipality_is_named_after_is_a_place_too() -> None:
    spans = find_entities(["وأغلقت بلدية المعابدة سبعة محلات، وقالت أمانة جدة إن أمانة المسؤولية كبيرة."])
    places = [span["text"] for span in spans if span["type"] == "LOC"]
    assert "المعابدة" in places
    assert "جدة" in places
    assert "المسؤولية" not in places


def test_a_military_rank_before_a_foreign_officers_name_is_no_part_of_it() -> None:
    text = "وقال كولونيل رالف بيترز إن العملية ستستمر أسابيع في المنطقة الشمالية."
    assert [span["text"] for span in find_entities([text]) if span["type"] == "PER"] == ["رالف بيترز"]


def test_two_people_listed_without_and_are_two() -> None:
    text = "وكان في استقبال الوفد محافظ الطائف ناصر بن سلطان الشريف فهد بن عبدالعزيز بن معمر ومدير الشرطة."
    people = [span["text"] for span in find_entities([text]) if span["type"] == "PER"]
    assert "ناصر بن سلطان الشريف" in people and "فهد بن عبدالعزيز بن معمر" in people


def test_a_family_name_of_the_house_stays_one_name() -> None:
    spans = find_entities(["وحضر الحفل الأمير سلمان بن عبدالعزيز آل سعود."])
    assert [span["text"] for span in spans if span["type"] == "PER"] == ["سلمان بن عبدالعزيز آل سعود"]


def test_a_staff_officers_rank_after_his_rank_is_no_part_of_his_name() -> None:
    text = "وأوضح المتحدث باسم قوات التحالف العميد ركن أحمد عسيري أن الطائرات دمرت مخازن الأسلحة."
    people = [span["text"] for span in find_entities([text]) if span["type"] == "PER"]
    assert people == ["أحمد عسيري"]


def test_hafr_al_batin_is_one_place() -> None:
    text = "وتشمل الأمطار مناطق الرياض والشرقية وحفر الباطن والقصيم حتى مساء الغد."
    places = [span["text"] for span in find_entities([text]) if span["type"] == "LOC"]
    assert "حفر الباطن" in places and "الباطن" not in places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وتشهد دول شمال أفريقيا موجة حر غير مسبوقة منذ أسبوعين بحسب خبراء الأرصاد.", "شمال أفريقيا"),
        ("وصل الفريق إلى لوس أنجلوس أمس استعدادا للمعسكر الصيفي في الولايات المتحدة.", "لوس أنجلوس"),
    ],
)
def test_a_region_and_a_two_word_city_are_one_place(text: str, place: str) -> None:
    places = [span["text"] for span in find_entities([text]) if span["type"] == "LOC"]
    assert place in places and not any(other in place and other != place for other in places)
