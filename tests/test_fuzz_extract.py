"""Fuzzing `marsad.extract` and the readers with generated hostile pages (issue #15).

Strategies: Arabic text laced with control characters, lone surrogates and odd
Unicode; HTML with random tags, attributes and deep nesting; JSON Lines with
odd types and malformed URLs; raw bytes. Whatever the input, extraction either
returns records that encode as UTF-8 and keep the record contract, or refuses
the page with `OverBudget` (too deep to extract in time); the readers report
bad lines through `on_error` with their file and line, and never raise.

CI runs a bounded number of examples; a longer run for local use:

    MARSAD_FUZZ_EXAMPLES=5000 .venv/bin/pytest tests/test_fuzz_extract.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
from marsad.errors import InputError, OverBudget
from marsad.readers import iter_pages
from marsad.records import RECORD_FIELDS, Record

EXAMPLES = int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

WORDS = [
    "أعلنت",
    "وزارة",
    "الصحة",
    "اليوم",
    "عن",
    "افتتاح",
    "مستشفى",
    "في",
    "الرياض",
    "وقال",
    "محمد",
    "العلي",
    "إن",
    "500",
    "ألف",
    "جرعة",
    "31",
    "ديسمبر/كانون",
    "الأول",
    "2021",
    "اقرأ",
    "أيضاً..",
    "«",
    "»",
    ":",
    "أخبارالشرق",
    "الأوسط",
    "زر",
    "الذهاب",
    "إلى",
    "الأعلى",
    "١٤٤٢",
    "هـ",
    "مساء",
    "الإثنين",
]

# Every code point, surrogates and controls included, weighted towards what pages really hold.
odd_char = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x1F),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.sampled_from(["\u200f", "\u200e", "\u202b", "\ufeff", "\u0640", "\ufffd", "\u2028", "\x85", "\u00a0"]),
    st.characters(exclude_categories=()),
)
token = st.one_of(st.sampled_from(WORDS), st.text(odd_char, min_size=1, max_size=6))
line = st.lists(token, min_size=0, max_size=25).map(" ".join)
page_text = st.lists(line, min_size=0, max_size=30).map("\n".join)

TAGS = ["div", "p", "span", "article", "section", "a", "h1", "h2", "ul", "li", "table", "td", "script", "style", "b"]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """HTML with random structure: siblings, nesting up to thousands deep, unclosed tags, attributes."""
    parts: list[str] = ["<html><head><title>", draw(line), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(TAGS))
        depth = draw(st.one_of(st.integers(0, 5), st.integers(0, 3000)))
        attribute = draw(st.sampled_from(["", ' class="sidebar"', ' id="x"', ' href="http://[::1/x"', " data-x='\"'"]))
        closed = draw(st.booleans())
        parts.append(f"<{tag}{attribute}>" * depth + draw(line) + (f"</{tag}>" * depth if closed else ""))
        parts.append(draw(st.sampled_from(["", "<br>", "<p>", "</div>", "<!-- x -->", "<![CDATA[", "&#1575;"])))
    parts.append("</body></html>")
    return "".join(parts)


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(odd_char, max_size=20)),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)
url = st.one_of(
    st.sampled_from(["http://[::1/news/1", "http://[^x/y", "https://news.example/a", "", "javascript:alert(1)", "//"]),
    st.text(odd_char, max_size=30),
)


def check(records: list[Record]) -> None:
    for record in records:
        data = record.to_dict()
        assert set(RECORD_FIELDS) <= set(data)
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # nothing that cannot be written
        for span in record.entities + record.dates + record.quantities:
            paragraph = record.body[span["paragraph"]]
            assert 0 <= span["start"] <= span["end"] <= len(paragraph)


def extract_or_refuse(page: str, **metadata: Any) -> None:
    try:
        records = marsad.extract(page, **metadata)
    except OverBudget:
        return  # refused, with its reason: the one outcome besides records
    check(records)


@FUZZ
@given(text=page_text, published=st.one_of(st.none(), st.sampled_from(["2021-07-27", "9999-99-99", "x"])))
def test_arabic_text_with_controls_and_surrogates_extracts(text: str, published: str | None) -> None:
    extract_or_refuse(text, published=published, url="http://[::1/x")


@FUZZ
@given(page=html_pages())
def test_random_and_deeply_nested_html_extracts_or_is_refused(page: str) -> None:
    extract_or_refuse(page, enrich=False)


@FUZZ
@given(
    items=st.lists(
        st.fixed_dictionaries(
            {"text": st.one_of(page_text, json_value), "url": st.one_of(url, json_value)},
            optional={"id": json_value, "title": st.one_of(line, json_value), "published": json_value},
        ),
        min_size=1,
        max_size=5,
    )
)
def test_jsonl_with_odd_types_and_urls_never_stops_the_reader(
    tmp_path_factory: Any, items: list[dict[str, Any]]
) -> None:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    dump = folder / "dump.jsonl"
    # ensure_ascii keeps lone surrogates as escapes, as real dumps carry them.
    dump.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    errors: list[InputError] = []
    pages = list(iter_pages([str(dump)], on_error=errors.append))
    assert len(pages) + len(errors) >= len(items) or not items
    assert all(error.origin.startswith(f"{dump}:") for error in errors)
    for page in pages:
        check(marsad.extract_page(page, marsad.ExtractOptions(enrich=False)))


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".warc", ".wet"]))
def test_random_bytes_in_any_format_are_reported_never_raised(tmp_path_factory: Any, data: bytes, suffix: str) -> None:
    folder: Path = tmp_path_factory.mktemp("bytes")
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    errors: list[InputError] = []
    for page in iter_pages([str(path)], on_error=errors.append):
        check(marsad.extract_page(page, marsad.ExtractOptions(enrich=False)))
    assert all(error.origin.startswith(str(path)) for error in errors)
