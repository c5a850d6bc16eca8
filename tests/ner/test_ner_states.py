"""A state's official name takes in its title word (`جمهورية مصر العربية`, `سلطنة عمان`)."""

from __future__ import annotations

import pytest

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner import find_entities
from marsad.enrich.ner.states import extend_states


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        ("زار جمهورية مصر العربية", ["O", "O", "B-LOC", "I-LOC"], ["O", "B-LOC", "I-LOC", "I-LOC"]),
        ("وزير خارجية سلطنة عمان", ["O", "O", "O", "B-LOC"], ["O", "O", "B-LOC", "I-LOC"]),
        # Not a place after the word, or the word already tagged: unchanged.
        ("رئيس جمهورية الموز", ["O", "O", "O"], ["O", "O", "O"]),
        ("حزب الجمهورية مصر", ["B-ORG", "I-ORG", "B-LOC"], ["B-ORG", "I-ORG", "B-LOC"]),
        ("ولاية تكساس", ["O", "B-LOC"], ["O", "B-LOC"]),
    ],
)
def test_extend_states(text: str, tags: list[str], expected: list[str]) -> None:
    assert extend_states(text.split(), list(tags), fold_for_search) == expected


def test_short_forms_link_to_the_official_name() -> None:
    article = ["استقبل الرئيس وزير خارجية جمهورية مصر العربية ووزير خارجية سلطنة عمان، وأكد أن مصر ترحب بالمبادرة."]
    spans = [(span["text"], span["canonical"]) for span in find_entities(article) if span["type"] == "LOC"]
    assert ("جمهورية مصر العربية", "جمهورية مصر العربية") in spans
    assert ("سلطنة عمان", "سلطنة عمان") in spans
    assert ("مصر", "جمهورية مصر العربية") in spans
