"""Query parsing: what users type becomes clauses of analyzed keys; bad syntax gets a readable message."""

from __future__ import annotations

import pytest

from marsad.arabic.search_terms import search_key
from marsad.store.search import Clause, QuerySyntaxError, fts5_expression, make_snippet, parse_query


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
