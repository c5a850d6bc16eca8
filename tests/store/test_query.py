"""Query parsing: what users type becomes clauses of analyzed keys; bad syntax gets a readable message."""

from __future__ import annotations

import pytest

from marsad.arabic.search_terms import search_key
from marsad.store.search import (
    MAX_QUERY_TERMS,
    Clause,
    QuerySyntaxError,
    QueryTooLarge,
    fts5_expression,
    make_snippet,
    parse_query,
)


def test_words_phrases_exclusions_and_or() -> None:
    query = parse_query('بالعراق "الرئيس الأميركي" -بغداد مدرسة OR مستشفى')
    assert query.all_of == [
        [Clause((search_key("العراق"),))],
        [Clause((search_key("الرئيس"), search_key("الأمريكي")), phrase=True)],
        [Clause((search_key("مدرسة"),)), Clause((search_key("مستشفى"),))],
    ]
    assert query.none_of == [Clause((search_key("بغداد"),))]


@pytest.mark.parametrize("quotes", ['"{}"', "«{}»", "“{}”"])
def test_arabic_quote_marks_make_phrases(quotes: str) -> None:
    query = parse_query(quotes.format("وزارة الصحة"))
    assert query.all_of[0][0].phrase


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"الرئيس الأميركي', "never closed"),
        ("OR العراق", "both sides"),
        ("العراق OR", "ends with OR"),
        ("العراق OR OR مصر", "both sides"),
        ("-العراق", "only exclude"),
        ("...", "no words"),
        ("", "no words"),
        ('"..."', "no words"),
        ("العراق OR -مصر", "excluded"),
    ],
)
def test_bad_syntax_is_explained(text: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=message):
        parse_query(text)


@pytest.mark.parametrize(
    "text",
    ["NEAR(a b)", "العراق AND", "col:العراق", "a*", "^العراق", "(العراق", "العراق)", "{title}: x", "العراق'"],
)
def test_fts5_operators_typed_by_users_are_only_words(text: str) -> None:
    expression = fts5_expression(parse_query(text))
    # every user word ends up inside double quotes, nothing else from the user survives
    assert "*" not in expression and "^" not in expression and "NEAR" not in expression.upper().replace('"NEAR"', "")


def test_snippet_highlights_the_original_spelling() -> None:
    paragraphs = ["خبر أول لا صلة له.", "وقال الرئيسُ إن الوفد زار بالعراق مدرسةً جديدة."]
    snippet = make_snippet(paragraphs, parse_query("العراق رئيس").highlight_keys())
    assert "<mark>الرئيسُ</mark>" in snippet
    assert "<mark>بالعراق</mark>" in snippet


def test_snippet_is_html_escaped() -> None:
    snippet = make_snippet(["نص <b>العراق</b> & غيره"], parse_query("العراق").highlight_keys())
    assert "&lt;b&gt;<mark>العراق</mark>&lt;/b&gt; &amp;" in snippet


def test_snippet_of_long_paragraph_is_a_window() -> None:
    words = ["كلمة"] * 100 + ["العراق"] + ["كلمة"] * 100
    snippet = make_snippet([" ".join(words)], parse_query("العراق").highlight_keys(), words=20)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert snippet.count("كلمة") < 25


# --- the cost of a query is bounded -------------------------------------------


def _key(word: str) -> Clause:
    return Clause((search_key(word),))


@pytest.mark.parametrize(
    ("text", "all_of", "none_of"),
    [
        # A common word repeated up to the length limit searches as the word once.
        (" ".join(["من"] * 66), [["من"]], []),
        # Spellings with clitics that come down to one key are one word.
        ("بالعراق العراق والعراق", [["العراق"]], []),
        ("السعودية OR السعودية", [["السعودية"]], []),
        ("مصر OR ليبيا ليبيا OR مصر", [["مصر", "ليبيا"]], []),
        # `a (a OR b)` matches what `a` does.
        ("مصر مصر OR ليبيا", [["مصر"]], []),
        ("الانتخابات -تأجيل -تأجيل", [["الانتخابات"]], ["تأجيل"]),
    ],
)
def test_repeats_count_once(text: str, all_of: list[list[str]], none_of: list[str]) -> None:
    query = parse_query(text)
    assert query.all_of == [[_key(word) for word in group] for group in all_of]
    assert query.none_of == [_key(word) for word in none_of]


def test_a_repeated_phrase_counts_once_and_keeps_its_order() -> None:
    query = parse_query('"وزير المالية" "وزير المالية" «وزير المالية»')
    assert query.all_of == [[Clause((search_key("وزير"), search_key("المالية")), phrase=True)]]
    assert fts5_expression(query).count("{title_keys body_keys}") == 1
    # A phrase of one word repeated is a different search from the word: kept as typed.
    assert parse_query('"من من من"').all_of[0][0].keys == (search_key("من"),) * 3


_DISTINCT_WORDS = [
    "الرياض",
    "جدة",
    "مكة",
    "المدينة",
    "الدمام",
    "الطائف",
    "تبوك",
    "أبها",
    "حائل",
    "نجران",
    "جازان",
    "الخبر",
    "القطيف",
    "ينبع",
    "بريدة",
    "عرعر",
    "سكاكا",
    "الباحة",
]


def test_at_most_max_query_terms_different_words_and_phrases() -> None:
    words = _DISTINCT_WORDS[:MAX_QUERY_TERMS]
    assert len(parse_query(" OR ".join(words)).all_of[0]) == MAX_QUERY_TERMS
    # Repeats do not count towards the limit.
    assert len(parse_query(" ".join(words + words)).all_of) == MAX_QUERY_TERMS
    for text in (
        " ".join(_DISTINCT_WORDS[: MAX_QUERY_TERMS + 1]),
        " OR ".join(_DISTINCT_WORDS[: MAX_QUERY_TERMS + 1]),
        " ".join(words) + ' -"وزير المالية"',
    ):
        with pytest.raises(QueryTooLarge, match=f"at most {MAX_QUERY_TERMS}") as raised:
            parse_query(text)
        assert raised.value.terms == MAX_QUERY_TERMS + 1


def test_a_passage_snippet_marks_the_query_in_the_passage_that_holds_it() -> None:
    from marsad.store.search import passage_snippet

    filler = " ".join(["وتابع المتحدث حديثه عن الخطط المقبلة للقطاع"] * 12)
    body = [f"{filler} وأعلنت وزارة الصحة افتتاح المستشفى الجديد في الطائف. {filler}"]
    keys = parse_query("المستشفى").highlight_keys()
    snippet = passage_snippet(body, "العنوان", keys)
    assert "<mark>المستشفى</mark>" in snippet
    assert len(snippet.split()) < 45  # a window of the passage, not the whole paragraph
    assert passage_snippet([], "افتتاح المستشفى", keys) == "افتتاح <mark>المستشفى</mark>"
