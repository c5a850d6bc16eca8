"""The outlet in a byline is an organisation: the part next to the place or to `وكالات`."""

from __future__ import annotations

import pytest

from marsad.enrich.ner import find_entities
from marsad.enrich.ner.bylines import byline_outlets
from marsad.enrich.ner.tokens import tokenize


def _tokens(text: str) -> list[str]:
    return [token for token, _, _ in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "places", "outlets"),
    [
        ("سبق- وكالات: صارعت ربة منزل لصاً", [], ["سبق"]),
        ("عين اليوم – الرياض", ["الرياض"], ["عين اليوم"]),
        ("الرياض - واس: أعلنت الوزارة", ["الرياض"], ["واس"]),
        # The reporter's name is not next to the place: only the outlet is taken.
        ("مشاري الحنتوشي- سبق- الرياض: توقع الباحث", ["الرياض"], ["سبق"]),
        # No place or wire beside it: not a byline we can read.
        ("سبق - خاص: أعلنت الوزارة", [], []),
        # A dash inside a sentence is no byline.
        ("أعلنت الوزارة أن الرحلات - بين جدة والقاهرة - ستبدأ غدا", ["جدة"], []),
    ],
)
def test_byline_outlets(text: str, places: list[str], outlets: list[str]) -> None:
    tokens = _tokens(text)
    tags = ["B-LOC" if token in places else "O" for token in tokens]
    assert [" ".join(tokens[a:b]) for a, b in byline_outlets(tokens, tags)] == outlets


def test_a_bylined_article() -> None:
    article = [
        "سبق- الرياض: أعلنت الرئاسة العامة للأرصاد وحماية البيئة هطول أمطار رعدية على منطقة الباحة.",
        "وقالت الرئاسة إن الأمطار تستمر حتى مساء الخميس.",
    ]
    spans = [(span["paragraph"], span["text"], span["type"]) for span in find_entities(article)]
    assert (0, "سبق", "ORG") in spans
    assert (0, "الرياض", "LOC") in spans
    # Only a paragraph's first sentence may be a byline.
    assert not any(kind == "ORG" and text == "الرئاسة" for _, text, kind in spans)
