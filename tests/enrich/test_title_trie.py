"""The prefix-tree pattern of speaker titles finds exactly what the flat alternation finds."""

from __future__ import annotations

import re

import pytest

from marsad.enrich.quote_speakers import TITLES, _trie_alternation


def _flat(entries: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, entries), key=len, reverse=True)) + r")(?!\w)")


def _trie(entries: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + _trie_alternation(entries) + r")(?!\w)")


@pytest.mark.parametrize(
    "text",
    [
        "وقال وزير الخارجية في مؤتمر صحفي إن المحادثات مستمرة",
        "أكد المتحدث باسم الوزارة والمدير العام للهيئة أن العمل بدأ",
        "صرحت وزيرة الصحة بأن الحملة تشمل جميع المناطق",
        "وأوضح الرئيس التنفيذي للشركة أن الأرباح ارتفعت، فيما قال الرئيسان إن الاتفاق قريب",
        "المديرية والمديرون والمدير",
        "",
    ],
)
def test_trie_finds_the_same_titles_as_the_flat_pattern(text: str) -> None:
    flat = [m.span() for m in _flat(TITLES).finditer(text)]
    trie = [m.span() for m in _trie(TITLES).finditer(text)]
    assert trie == flat


def test_every_title_and_only_whole_titles_match() -> None:
    pattern = _trie(TITLES)
    for title in TITLES:
        assert pattern.fullmatch(title), title
        assert not pattern.fullmatch(title + "ون") or (title + "ون") in TITLES


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (frozenset({"المتحدث", "المدير"}), "الم(?:تحدث|دير)"),
        (frozenset({"وزير", "وزيرة"}), "وزير(?:ة)?"),
        (frozenset({"أمير"}), "أمير"),
    ],
)
def test_shared_beginnings_are_written_once(entries: frozenset[str], expected: str) -> None:
    assert _trie_alternation(entries) == expected
