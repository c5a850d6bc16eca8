"""An organisation's name takes in the relational adjectives after it (`مؤسسة البترول الكويتية`)."""

from __future__ import annotations

import pytest

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner import find_entities
from marsad.enrich.ner.organisation_adjectives import extend_organisations, is_relational_adjective

# Folded news counts of a few words and their other gender (the tagger's lexicon has them all).
NEWS_COUNTS = {"القضيه": 1342, "الاتفاقيه": 605, "الاتفاقي": 29, "الكويتيه": 474, "الكويتي": 689}


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        (
            "قالت مؤسسة البترول الكويتية أمس",
            ["O", "B-ORG", "I-ORG", "O", "O"],
            ["O", "B-ORG", "I-ORG", "I-ORG", "O"],
        ),
        (
            "أعلنت وزارة الخارجية الأمريكية",
            ["O", "B-ORG", "I-ORG", "O"],
            ["O", "B-ORG", "I-ORG", "I-ORG"],
        ),
        # Two adjectives at most.
        (
            "قررت الهيئة التشريعية القومية السودانية الجديدة",
            ["O", "B-ORG", "O", "O", "O", "O"],
            ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"],
        ),
        # A club or a company named alone: the adjective describes it.
        ("فاز ليفربول الإنجليزي", ["O", "B-ORG", "O"], ["O", "B-ORG", "O"]),
        ("فاز نادي ليفربول الإنجليزي", ["O", "B-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG", "O"]),
        # Time, order and what a body issues are not part of its name.
        ("بيان وزارة المالية الصحفي", ["O", "B-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG", "O"]),
        ("اجتماع مجلس الوزراء الحالي", ["O", "B-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG", "O"]),
        # A conjunction opens a new phrase; a tagged word is someone else's name.
        ("وزارة الداخلية والسعودية", ["B-ORG", "I-ORG", "O"], ["B-ORG", "I-ORG", "O"]),
        ("وزارة الداخلية المصرية", ["B-ORG", "I-ORG", "B-LOC"], ["B-ORG", "I-ORG", "B-LOC"]),
        # A noun of the same ending, which the news never writes in the other gender.
        (
            "وأحالت هيئة التحقيق القضية",
            ["O", "B-ORG", "I-ORG", "O"],
            ["O", "B-ORG", "I-ORG", "O"],
        ),
        ("ووقعت وزارة الدفاع الاتفاقية", ["O", "B-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG", "O"]),
    ],
)
def test_extend_organisations(text: str, tags: list[str], expected: list[str]) -> None:
    assert extend_organisations(text.split(), list(tags), fold_for_search, NEWS_COUNTS) == expected


@pytest.mark.parametrize(
    ("word", "relational"),
    [
        ("الكويتية", True),
        ("الكويتي", True),
        ("الإسلامي", True),  # not in the counts: judged by its shape
        ("الماضية", False),
        ("القضية", False),
        ("الاتفاقية", False),
        ("الكبير", False),
    ],
)
def test_relational_adjectives(word: str, relational: bool) -> None:
    assert is_relational_adjective(fold_for_search(word), NEWS_COUNTS) is relational


def test_records_name_the_whole_body() -> None:
    article = ["قالت مؤسسة البترول الكويتية أمس إن سعر برميل النفط ارتفع، وأكدت وزارة الخارجية الأمريكية دعمها."]
    organisations = {span["text"] for span in find_entities(article) if span["type"] == "ORG"}
    assert "مؤسسة البترول الكويتية" in organisations
    assert "وزارة الخارجية الأمريكية" in organisations
