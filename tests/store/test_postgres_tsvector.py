"""The tsvector literals PostgreSQL stores: built in Python from marsad's analyzer, no server needed."""

from __future__ import annotations

from marsad.store.postgres import _lexeme, tsvector_literals


def _entries(literal: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in literal.split(" "):
        term, _, positions = item.rpartition(":")
        found[term] = positions.split(",")
    return found


def test_title_words_weigh_a_and_body_words_b_with_running_positions() -> None:
    forms, keys = tsvector_literals("الكاظمي في واشنطن", ["وقال الرئيس إن الزيارة ناجحة", "وعاد الكاظمي إلى بغداد"])
    forms_found = _entries(forms)
    assert forms_found["'الكاظمي'"] == forms_found["'كاظمي'"] == ["1A", "10B"]
    assert forms_found["'واشنطن'"] == ["3A"]
    assert forms_found["'بغداد'"] == ["12B"]
    # Every clitic-stripped form is indexed at the word's position: ``وقال`` also as ``قال``.
    assert forms_found["'وقال'"] == forms_found["'قال'"] == ["4B"]
    # One key per word (its shortest form), for phrase search: each position exactly once.
    positions = [p for found in _entries(keys).values() for p in found]
    assert sorted(positions, key=lambda p: int(p[:-1])) == ["1A", "2A", "3A"] + [f"{n}B" for n in range(4, 13)]


def test_quotes_and_backslashes_in_terms_are_escaped() -> None:
    assert _lexeme("o'brien") == "'o''brien'"
    assert _lexeme("a\\b") == "'a\\\\b'"


def test_words_past_the_last_position_share_it_once() -> None:
    _forms, keys = tsvector_literals("عنوان", ["خبر " * 16_400])
    positions = _entries(keys)["'خبر'"]
    assert positions[0] == "2B" and positions[-1] == "16383B"
    assert len(positions) == len(set(positions)) == 16_382
