"""Quoted names after `لـ` or an outlet word are organisations, and keep that type in the article."""

from __future__ import annotations

import pytest

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner import find_entities
from marsad.enrich.ner.quoted_names import mark_organisations, quoted_organisations
from marsad.enrich.ner.tokens import tokenize


def _tokens(text: str) -> list[str]:
    return [token for token, _, _ in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("وقال مدير المستشفى لـ«عكاظ» إن الحالة مستقرة", ["عكاظ"]),
        ("وأوضح ل«الرياض» أن المشروع تأخر", ["الرياض"]),
        ('وقال لـ"سبق" إن الوضع هادئ', ["سبق"]),
        ("وأكد لـ“الوطن” أن اللجنة اجتمعت", ["الوطن"]),
        ("بحسب صحيفة «الشرق الأوسط» اليوم", ["الشرق الأوسط"]),
        ("وذكرت وكالة «رويترز» أن الأسعار ارتفعت", ["رويترز"]),
        # Quotation marks after any other word are a quotation, not a name.
        ("وقال إن «الوضع مستقر» في المدينة", []),
        # No closing mark within a few words: a quotation.
        ("وقال لـ«عكاظ إن الوضع مستقر تماما في المدينة وإن", []),
    ],
)
def test_quoted_organisations(text: str, names: list[str]) -> None:
    tokens = _tokens(text)
    ranges = quoted_organisations(tokens, ["O"] * len(tokens), fold_for_search)
    assert [" ".join(tokens[a:b]) for a, b in ranges] == names


def test_a_tagged_name_running_across_the_mark_is_left_alone() -> None:
    tokens = _tokens("وقال لـ«عكاظ» إن")
    tags = ["O", "O", "B-PER", "I-PER", "I-PER", "O"]
    assert quoted_organisations(tokens, tags, fold_for_search) == []


def test_marked_ranges_become_organisations_whatever_the_tagger_said() -> None:
    tags = ["O", "O", "O", "B-LOC", "I-LOC", "O"]
    assert mark_organisations(tags, [(3, 5)]) == ["O", "O", "O", "B-ORG", "I-ORG", "O"]


def test_the_newspaper_and_the_city_of_one_article_keep_their_types() -> None:
    article = [
        "وقال مدير المستشفى لـ«الرياض» إن الحالة مستقرة.",
        "وأضاف أن المصاب نقل إلى الرياض مساء أمس بطائرة الإخلاء الطبي.",
    ]
    spans = [(span["paragraph"], span["text"], span["type"]) for span in find_entities(article)]
    assert (0, "الرياض", "ORG") in spans
    assert (1, "الرياض", "LOC") in spans
