"""Names in records, session 24: facilities named by a head word and a name, two people the tagger
read as one, and a quoted person after `لـ`. Our own sentences; the passes are tested on tags
given here where the tagger's reading of a sentence is not what is under test."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities
from marsad.enrich.ner.coordinated_names import split_coordinated_people
from marsad.enrich.ner.facility_phrases import mark_facility_phrases
from marsad.enrich.ner.quoted_names import quoted_organisations


def _key(token: str) -> str:
    return token.removeprefix("و")


def _names(text: str, kind: str) -> list[str]:
    return [span["text"] for span in find_entities([text]) if span["type"] == kind]


@pytest.mark.parametrize(
    ("tokens", "tags", "expected"),
    [
        # a place the tagger found, then the facility's adjective
        (["إلى", "مطار", "دبي", "الدولي", "أمس"], ["O", "O", "B-LOC", "O", "O"], ["O", "B-LOC", "I-LOC", "I-LOC", "O"]),
        # a club after a stadium
        (["على", "ملعب", "الأهلي", "."], ["O", "O", "B-ORG", "O"], ["O", "B-LOC", "I-LOC", "O"]),
        # a definite word names a facility only with a naming adjective
        (["ملعب", "الشعب", "الدولي"], ["O", "O", "O"], ["B-LOC", "I-LOC", "I-LOC"]),
        (["ملعب", "المباراة", "النهائية"], ["O", "O", "O"], ["O", "O", "O"]),
        # a place after a preposition is where the hotel is, not its name
        (["فندق", "بسويسرا"], ["O", "B-LOC"], ["O", "B-LOC"]),
    ],
)
def test_a_facility_head_and_the_name_after_it_are_one_place(
    tokens: list[str], tags: list[str], expected: list[str]
) -> None:
    assert mark_facility_phrases(tokens, list(tags), _key) == expected


def test_the_place_inside_a_facility_stays_a_place_of_its_own() -> None:
    spans = find_entities(["وصل الوفد إلى مطار دبي الدولي أمس، ثم توجه إلى دبي."])
    places = {(span["text"], span["canonical"]) for span in spans if span["type"] == "LOC"}
    assert ("مطار دبي الدولي", "مطار دبي الدولي") in places
    assert ("دبي", "دبي") in places  # no short form of the airport


@pytest.mark.parametrize(
    ("tokens", "tags", "expected"),
    [
        (["جوارديولا", "وميسي"], ["B-PER", "I-PER"], ["B-PER", "B-PER"]),
        (["عبد", "الغني", "والعنزي"], ["B-PER", "I-PER", "I-PER"], ["B-PER", "I-PER", "B-PER"]),
        # `و` + an adjective of origin before the next person describes that person
        (["مودي", "والباكستاني", "نواز"], ["B-PER", "I-PER", "B-PER"], ["B-PER", "O", "B-PER"]),
        # a surname the news writes with its `و` stays (`سكوت ووكر`, `جيم ويب`)
        (["سكوت", "ووكر"], ["B-PER", "I-PER"], ["B-PER", "I-PER"]),
        (["جيم", "ويب"], ["B-PER", "I-PER"], ["B-PER", "I-PER"]),
    ],
)
def test_two_people_joined_by_wa_are_two(tokens: list[str], tags: list[str], expected: list[str]) -> None:
    assert split_coordinated_people(tokens, list(tags)) == expected


def test_a_person_listed_after_another_loses_the_joining_wa() -> None:
    assert _names("وتألق جوارديولا وميسي في المباراة.", "PER") == ["جوارديولا", "ميسي"]


@pytest.mark.parametrize(
    ("tokens", "tags", "ranges"),
    [
        # two words the tagger reads as a person stay one
        (["هدفين", "لـ", "«", "فيرناندو", "توريس", "»"], ["O", "O", "O", "B-PER", "I-PER", "O"], []),
        # one word alone is the outlet's or the club's, whatever the tagger read
        (["وقال", "لـ", "«", "عكاظ", "»"], ["O", "O", "O", "B-PER", "O"], [(3, 4)]),
        (["وقال", "لـ", "«", "الرياض", "»"], ["O", "O", "O", "B-LOC", "O"], [(3, 4)]),
    ],
)
def test_a_quoted_person_after_li_stays_a_person(
    tokens: list[str], tags: list[str], ranges: list[tuple[int, int]]
) -> None:
    assert quoted_organisations(tokens, tags, _key) == ranges


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a company's own word after its head, indefinite, then a purpose, a definite word or a place
        ("وفازت شركة بانورما للمقاولات بعقد توسعة المطار.", "شركة بانورما للمقاولات"),
        ("وأعلنت شركة سينوبر للتقنيات المالية شراكة جديدة.", "شركة سينوبر للتقنيات المالية"),
        ("وقالت شركة نفط الكويت إن الإنتاج ارتفع.", "شركة نفط الكويت"),
        # after a complement the tagger found only the body's adjectives go on with its name
        ("وواجه منتخب الصين النتيجة الصعبة بهدوء.", "منتخب الصين"),
    ],
)
def test_companies_and_bodies_named_after_a_word_of_their_own(text: str, name: str) -> None:
    assert name in _names(text, "ORG")


@pytest.mark.parametrize("text", ["وهي شركة كبرى في المنطقة.", "وتملك الحكومة حصة في بنك على الأقل."])
def test_a_kind_of_company_or_a_preposition_after_the_head_names_none(text: str) -> None:
    assert not any(name.startswith(("شركة", "بنك")) for name in _names(text, "ORG"))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وقال دكتور عصام الشريف إن الحالة مستقرة.", "عصام الشريف"),
        ("وسجل الكولومبي راداميل فالكاو هدفين.", "راداميل فالكاو"),
        # an Arab family name that is also a country's adjective stays (`السويدي`, `الكندي`)
        ("وقالت شمسة السويدي إن المعرض يفتح غدا.", "شمسة السويدي"),
        # joined by و in a list of players, and in the feminine
        (
            "وجاء في المراكز التالية السويسري ستانيسلاس فافرينكا والياباني كي نيشيكوري والتشيكي توماس بيرديتش.",
            "كي نيشيكوري",
        ),
        ("وتقدمت الدنماركية كارولين فوزنياكي إلى الدور الثاني.", "كارولين فوزنياكي"),
        # a title of nobility
        ("وقالت رئيسة المجلس البارونة فرانسيس ديسوزا إن التحقيق سيأخذ مجراه.", "فرانسيس ديسوزا"),
        ("وأعلن السير أليكس فيرغسون اعتزاله التدريب بعد سبعة وعشرين عاما.", "أليكس فيرغسون"),
    ],
)
def test_a_title_or_a_foreign_nationality_before_a_name_is_no_part_of_it(text: str, person: str) -> None:
    assert person in _names(text, "PER")


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("وشارك في التمويل البنك الدولي والصندوق العربي للإنماء.", ["البنك الدولي", "الصندوق العربي للإنماء"]),
        ("ودعت الأمم المتحدة والجامعة العربية إلى وقف القتال.", ["الأمم المتحدة", "الجامعة العربية"]),
    ],
)
def test_two_bodies_joined_by_wa_are_two(text: str, bodies: list[str]) -> None:
    assert _names(text, "ORG") == bodies


@pytest.mark.parametrize(
    ("tokens", "tags", "ranges"),
    [
        # the Algerian papers quote with two apostrophes: two tokens on each side
        (["تصريح", "لـ", "'", "'", "الخبر", "'", "'", "،"], ["O"] * 8, [(4, 5)]),
        # one apostrophe is no quotation mark (it writes foreign names: `أو'نيل`)
        (["تصريح", "لـ", "'", "الخبر", "'"], ["O"] * 5, []),
    ],
)
def test_an_outlet_quoted_with_two_apostrophes_after_li(
    tokens: list[str], tags: list[str], ranges: list[tuple[int, int]]
) -> None:
    assert quoted_organisations(tokens, tags, _key) == ranges


def test_a_name_without_its_lineage_is_the_full_name() -> None:
    paragraphs = [
        "أعلن مازن بن محمد بترجي نائب رئيس الغرفة عن الملتقى.",
        "وأكد مازن بترجي حرص قطاع الأعمال على العلاقات.",
    ]
    persons = {(span["text"], span["canonical"]) for span in find_entities(paragraphs) if span["type"] == "PER"}
    assert ("مازن بترجي", "مازن بن محمد بترجي") in persons


def test_a_listed_name_with_clitics_on_its_later_words_is_found_whole() -> None:
    from marsad.enrich.ner import find_entities

    spans = find_entities(["وضبطت دوريات هيئة الأمر بالمعروف والنهي عن المنكر عددا من المخالفين في السوق."])
    assert ("هيئة الأمر بالمعروف والنهي عن المنكر", "ORG") in {(s["text"], s["type"]) for s in spans}


def test_the_holy_cities_are_named_whole_and_their_short_forms_link_to_them() -> None:
    from marsad.enrich.ner import find_entities

    spans = find_entities(["وصل الحجاج إلى مكة المكرمة أمس قادمين من المدينة المنورة.", "وتستعد مكة لاستقبال المزيد."])
    assert {(s["text"], s["canonical"]) for s in spans if s["type"] == "LOC"} == {
        ("مكة المكرمة", "مكة المكرمة"),
        ("المدينة المنورة", "المدينة المنورة"),
        ("مكة", "مكة المكرمة"),
    }


@pytest.mark.parametrize(
    ("text", "landform", "inside"),
    [
        ("وأعلنت الشرطة القبض على المتهم في وادي الدواسر أمس.", "وادي الدواسر", "الدواسر"),
        ("ويصب نهر الأردن في البحر الميت جنوبا.", "نهر الأردن", "الأردن"),
        ("وتقدمت القوات نحو جبل سنجار شمال العراق.", "جبل سنجار", "سنجار"),
    ],
)
def test_a_landform_and_the_name_after_it_are_one_place_with_its_place_inside(
    text: str, landform: str, inside: str
) -> None:
    # (`وادي` is no و + `ادي`: its و is its own)
    places = {span["text"] for span in find_entities([text]) if span["type"] == "LOC"}
    assert {landform, inside} <= places
    assert "ادي الدواسر" not in places
