"""World towns (GeoNames' Arabic names) mark places the tagger left untagged, where the news confirms them."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities
from marsad.enrich.ner.world_towns import arabic_names, town_names, world_places
from marsad.training.ner.place_votes import PlaceVotes


def _places(text: str) -> list[str]:
    return [span["text"] for span in find_entities([text]) if span["type"] == "LOC"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("شهدت مدينتا الرياض والدمام أمطاراً غزيرة مساء الأحد.", ["الرياض", "الدمام"]),
        ("وقع الطرفان العقد أمس في مقر المطار بالدمام بحضور عدد من المسؤولين.", ["الدمام"]),
        ("ستقام الفعاليات في كل من الخبر والدمام خلال أيام العيد.", ["الدمام"]),
    ],
)
def test_a_town_the_tagger_missed_is_a_place(text: str, places: list[str]) -> None:
    assert _places(text) == places


def test_a_town_named_by_an_ordinary_word_leaves_the_word_alone() -> None:
    # `الخبر` is a town in the Eastern Province and, far more often, "the news".
    assert _places("نقلت الصحيفة الخبر عن مصدر مطلع في الوزارة مساء أمس.") == []
    towns = world_places()
    assert ("الدمام",) in towns
    for word in ("الخبر", "الابيض", "خفي", "الفين", "دير"):
        assert (word,) not in towns


def test_only_arabic_spellings_are_read() -> None:
    towns = [
        {"name": "Tabuk", "alternatenames": ["Tabuk", "تبوك", "تبوک", "تبوک، سعودی عرب"]},
        {"name": "Ras al-Khaimah", "alternatenames": ["رأس الخيمة", "راس الخیمه"]},
        {"name": "No names"},
    ]
    assert arabic_names(towns) == {"تبوك", "رأس الخيمة"}


def test_a_town_must_be_confirmed_by_the_news_and_not_be_a_word_of_naming() -> None:
    names = ["الدمام", "الأبيض", "دير الزور", "دير البلح", "دير", "رأس الخيمة", "فتح"]
    confirmed = frozenset({("الدمام",), ("دير",), ("راس", "الخيمه"), ("دير", "الزور"), ("فتح",)})
    towns = town_names(names, confirmed, common=frozenset({"فتح"}))
    # `الأبيض` is unconfirmed, `دير` opens two towns' names, `فتح` is mostly "opened".
    assert towns == {("الدمام",): "LOC", ("راس", "الخيمه"): "LOC", ("دير", "الزور"): "LOC"}


def test_place_votes_count_whole_spans_and_untagged_uses() -> None:
    votes = PlaceVotes()
    votes.add(["من", "الرياض", "الي", "الدمام"], ["O", "B-LOC", "O", "O"])
    votes.add(["في", "الدمام", "اليوم", "."], ["O", "B-LOC", "O", "O"])
    votes.add(["جامعه", "الدمام", "."], ["B-ORG", "I-ORG", "O"])
    votes.add(["الي", "الدمام", "."], ["O", "B-LOC", "O"])
    assert votes.place[("الدمام",)] == 2
    assert votes.total(("الدمام",)) == 3  # inside `جامعة الدمام` it is neither
    # `الرياض` is a place in all its uses, but in one only: too few to tell.
    assert votes.places() == [(("الدمام",), 2, 2, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "وقعت الشركة السعودية للكهرباء اتفاقية جديدة لتوسيع شبكة التوزيع.",
        "وصل الوفد إلى العاصمة السعودية مساء أمس في زيارة تستغرق يومين.",
        "وتناول اللقاء العلاقات المصرية السعودية وسبل تعزيزها.",
    ],
)
def test_saudi_as_an_adjective_names_no_place(text: str) -> None:
    assert "السعودية" not in _places(text)


def test_saudi_arabia_as_a_noun_stays_a_place() -> None:
    paragraphs = ["وأكدت المملكة العربية السعودية دعمها للاتفاق.", "وكان وزير الخارجية قد زار السعودية الشهر الماضي."]
    places = [span["text"] for span in find_entities(paragraphs) if span["type"] == "LOC"]
    assert places == ["المملكة العربية السعودية", "السعودية"]
