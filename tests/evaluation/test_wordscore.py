"""Word-level scores: the arithmetic the extraction gate relies on."""

from __future__ import annotations

import pytest

from marsad.evaluation.wordscore import (
    WordCounts,
    chrome_kept,
    line_key,
    lines_lost,
    same_title,
    word_counts,
    words,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الوزير: «المشروع يكتمل قريباً».", ["قال", "الوزير", "المشروع", "يكتمل", "قريباً"]),
        ("بلغت النسبة 18% في 2024", ["بلغت", "النسبة", "18", "في", "2024"]),
        ("الـــرياض – واس", ["الرياض", "واس"]),  # tatweel dropped, dash is punctuation
        ("// انتهى //", ["انتهى"]),
        ("…", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_word_counts_are_a_multiset_overlap() -> None:
    gold = ["المطر المطر يهطل على المدينة"]
    counts = word_counts(["المطر يهطل على المدينة اليوم"], gold)
    assert (counts.overlap, counts.predicted, counts.gold) == (4, 5, 5)
    assert counts.precision == pytest.approx(0.8)
    assert counts.recall == pytest.approx(0.8)
    assert counts.f1 == pytest.approx(0.8)


def test_perfect_and_empty_predictions() -> None:
    gold = ["افتتح الوزير المعرض", "وحضر الافتتاح مئات الزوار"]
    assert word_counts(gold, gold).f1 == 1.0
    empty = word_counts([], gold)
    assert (empty.precision, empty.recall, empty.f1) == (1.0, 0.0, 0.0)


def test_optional_lines_do_not_cost_precision_and_are_not_required() -> None:
    gold = ["نص المقابلة الكامل"]
    deck = ["ملخص في سطر"]
    with_deck = word_counts(gold + deck, gold, optional=deck)
    without_deck = word_counts(gold, gold, optional=deck)
    assert with_deck.f1 == without_deck.f1 == 1.0
    # but chrome beyond the optional text still counts against precision
    assert word_counts([*gold, *deck, "اترك تعليقاً"], gold, optional=deck).precision < 1.0


def test_counts_add_up_across_pages() -> None:
    total = WordCounts(3, 4, 5) + WordCounts(1, 1, 2)
    assert (total.overlap, total.predicted, total.gold) == (4, 5, 7)


def test_chrome_kept_counts_whole_and_glued_lines() -> None:
    chrome = ["اترك تعليقاً", "زر الذهاب إلى الأعلى", "شارك"]
    gold = ["وصل الوفد إلى الرياض مساء أمس"]
    predicted = ["وصل الوفد إلى الرياض مساء أمس زر الذهاب إلى الأعلى", "اترك تعليقاً"]
    assert chrome_kept(chrome, predicted, gold) == ["اترك تعليقاً", "زر الذهاب إلى الأعلى"]


def test_chrome_kept_ignores_short_chrome_inside_prose_and_chrome_that_is_body_text() -> None:
    # "شارك" inside a sentence is a word of the article, not the share button.
    assert chrome_kept(["شارك"], ["شارك الوزير في الاجتماع"], ["شارك الوزير في الاجتماع"]) == []
    # a chrome line whose words are also gold body cannot be told apart.
    assert chrome_kept(["الشرق الأوسط"], ["أخبار الشرق الأوسط اليوم"], ["أخبار الشرق الأوسط اليوم"]) == []


def test_lines_lost_tolerates_split_and_merged_paragraphs() -> None:
    gold = ["الفقرة الأولى من الخبر", "الفقرة الثانية من الخبر", "الفقرة الثالثة"]
    merged = ["الفقرة الأولى من الخبر الفقرة الثانية من الخبر"]
    assert lines_lost(gold, merged) == ["الفقرة الثالثة"]


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("«شعر وردي» يثير السخرية", "شعر وردي يثير السخرية", True),
        ("عنوان الخبر - اسم الموقع", "عنوان الخبر", False),
        (None, None, True),
        (None, "عنوان", False),
    ],
)
def test_same_title(predicted: str | None, gold: str | None, same: bool) -> None:
    assert same_title(predicted, gold) is same


def test_line_key_drops_punctuation_and_spacing() -> None:
    assert line_key("  اقرأ أيضاً..  عنوان  ") == "اقرأ أيضاً عنوان"


def test_control_bytes_are_no_part_of_a_word() -> None:
    # a source line may carry them (``\x1a``) where the reader has dropped them from the page
    gold = ["\x1a\x1a هذا هو محترف الأهلي الرابع", "صفقات الفرق أقوى\x1b من ودياتها"]
    assert lines_lost(gold, ["هذا هو محترف الأهلي الرابع", "صفقات الفرق أقوى من ودياتها"]) == []
    assert line_key("\x07مشاهدات: 1204") == "مشاهدات 1204"
