"""A place inside an organisation's name is a place the article mentions too."""

from __future__ import annotations

from marsad.enrich.ner import find_entities
from marsad.enrich.ner.nested_places import places_inside_organisations


def test_a_place_the_article_knows_stands_inside_the_organisations_name() -> None:
    paragraphs = ["وقال مدير مصرف أبوظبي الإسلامي إن أرباح المصرف ارتفعت هذا العام في أبوظبي."]
    found = [(e["type"], e["text"]) for e in find_entities(paragraphs)]
    assert ("ORG", "مصرف أبوظبي الإسلامي") in found
    inside = [e for e in find_entities(paragraphs) if e["type"] == "LOC" and e["start"] < 30]
    assert [(e["text"], paragraphs[0][e["start"] : e["end"]]) for e in inside] == [("أبوظبي", "أبوظبي")]


def test_only_known_places_and_their_clitics_left_out() -> None:
    organisation = {
        "text": "لبنك دبي الوطني",
        "type": "ORG",
        "canonical": "بنك دبي الوطني",
        "paragraph": 2,
        "start": 40,
        "end": 55,
    }
    places = {("دبي",): "LOC", ("الوطني",): "MISC"}
    inside = places_inside_organisations([organisation], places, lambda token: token.removeprefix("ل"))
    assert [(e["text"], e["start"], e["end"], e["paragraph"]) for e in inside] == [("دبي", 45, 48, 2)]
