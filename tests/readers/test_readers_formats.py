"""Each input format gives the pages it holds, with origins that point back into it."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

from marsad.readers import ReadStats, iter_pages


def _pages(inputs: list[str], collected: Any, **kwargs: Any) -> list[Any]:
    return list(iter_pages(inputs, on_error=collected, **kwargs))


def test_txt_file_is_one_page(tmp_path: Path, article: Any, collected: Any) -> None:
    path = tmp_path / "page.txt"
    path.write_text(article.text, encoding="utf-8")
    (page,) = _pages([str(path)], collected)
    assert page.origin == str(path)
    assert page.text == article.text
    assert page.html is None
    assert collected.errors == []


def test_txt_windows_newlines_are_unified(tmp_path: Path, article: Any, collected: Any) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(article.text.replace("\n", "\r\n").encode("utf-8"))
    (page,) = _pages([str(path)], collected)
    assert page.text == article.text


@pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML"])
def test_html_file_is_one_page(tmp_path: Path, article: Any, collected: Any, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_text(article.html(), encoding="utf-8")
    (page,) = _pages([str(path)], collected)
    assert page.origin == str(path)
    assert page.html == article.html()
    assert page.text is None


def _jsonl_lines(article: Any) -> list[str]:
    return [
        json.dumps(
            {
                "text": article.text,
                "url": "https://news.example/a",
                "published": "2024-03-01",
                "source": "صحيفة المثال",
                "title": article.title,
                "id": "a-1",
                "author": "مراسلنا",
            },
            ensure_ascii=False,
        ),
        "{this is not json",
        json.dumps({"html": article.html(), "id": 7}, ensure_ascii=False),
        json.dumps({"url": "https://news.example/no-body"}),
        "",
        json.dumps({"text": ["قائمة", "لا", "نص"]}, ensure_ascii=False),
        json.dumps({"text": article.paragraphs[0], "title": 5}, ensure_ascii=False),
        json.dumps(["مصفوفة"], ensure_ascii=False),
        json.dumps({"text": article.paragraphs[1]}, ensure_ascii=False),
        json.dumps({"text": "   ", "url": "https://news.example/blank"}),
    ]


BAD_JSONL_LINES = {
    2: "invalid JSON",
    4: "no 'text' or 'html'",
    6: "field 'text' must be a string",
    7: "field 'title' must be a string",
    8: "expected a JSON object",
    10: "empty 'text' field",
}


@pytest.mark.parametrize("compressed", [False, True], ids=["jsonl", "jsonl.gz"])
def test_jsonl_bad_lines_are_reported_and_reading_goes_on(
    tmp_path: Path, article: Any, collected: Any, compressed: bool
) -> None:
    data = ("\n".join(_jsonl_lines(article)) + "\n").encode("utf-8")
    path = tmp_path / ("dump.jsonl.gz" if compressed else "dump.jsonl")
    path.write_bytes(gzip.compress(data) if compressed else data)

    pages = _pages([str(path)], collected)

    assert [page.origin for page in pages] == [f"{path}:1", f"{path}:3", f"{path}:9"]
    first, second, third = pages
    assert first.text == article.text
    assert (first.url, first.published, first.source, first.title, first.id) == (
        "https://news.example/a",
        "2024-03-01",
        "صحيفة المثال",
        article.title,
        "a-1",
    )
    assert first.extra == {"author": "مراسلنا"}
    assert second.html == article.html() and second.id == "7"
    assert third.text == article.paragraphs[1]
    assert collected.origins == [f"{path}:{line}" for line in BAD_JSONL_LINES]
    for error, expected in zip(collected.errors, BAD_JSONL_LINES.values(), strict=True):
        assert expected in error.message


def test_jsonl_last_line_without_newline_is_read(tmp_path: Path, article: Any, collected: Any) -> None:
    path = tmp_path / "tail.jsonl"
    path.write_text(json.dumps({"text": article.paragraphs[2]}, ensure_ascii=False), encoding="utf-8")
    (page,) = _pages([str(path)], collected)
    assert page.text == article.paragraphs[2]
    assert collected.errors == []


def test_directory_walk_is_recursive_sorted_and_skips_hidden_and_unknown(
    tmp_path: Path, article: Any, collected: Any
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    files = {
        "b/2.txt": article.text,
        "a/deep/1.html": article.html(),
        "a/0.txt": article.paragraphs[0],
        "z.jsonl": json.dumps({"text": article.paragraphs[1]}, ensure_ascii=False) + "\n",
        ".hidden.txt": "مخفي",
        ".cache/x.txt": "مخفي أيضا",
        "notes.md": "# ملاحظات",
        "image.png": "not read",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")

    stats = ReadStats()
    pages = _pages([str(tmp_path)], collected, stats=stats)

    assert [page.origin for page in pages] == [
        str(tmp_path / "a" / "0.txt"),
        str(tmp_path / "a" / "deep" / "1.html"),
        str(tmp_path / "b" / "2.txt"),
        f"{tmp_path / 'z.jsonl'}:1",
    ]
    assert collected.errors == []
    assert (stats.files, stats.pages, stats.errors) == (4, 4, 0)


def test_empty_directory_is_reported(tmp_path: Path, collected: Any) -> None:
    assert _pages([str(tmp_path)], collected) == []
    assert collected.origins == [str(tmp_path)]
    assert "no readable files" in collected.errors[0].message


class _FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def _stdin_cases(article: Any, warc_bytes: bytes) -> list[tuple[str, bytes, str, str]]:
    jsonl = json.dumps({"text": article.paragraphs[0]}, ensure_ascii=False) + "\n"
    return [
        ("text", article.text.encode("utf-8"), "<stdin>", "text"),
        ("html", article.html().encode("utf-8"), "<stdin>", "html"),
        ("jsonl", jsonl.encode("utf-8"), "<stdin>:1", "text"),
        ("jsonl.gz", gzip.compress(jsonl.encode("utf-8")), "<stdin>:1", "text"),
        ("warc.gz", warc_bytes, "<stdin>#1", "html"),
    ]


@pytest.mark.parametrize("kind", ["text", "html", "jsonl", "jsonl.gz", "warc.gz"])
def test_stdin_format_is_sniffed(
    tmp_path: Path,
    article: Any,
    collected: Any,
    warc_builder: Any,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    warc = warc_builder().response("https://news.example/1", article.html().encode("utf-8"))
    warc_bytes = warc.write(tmp_path / "in.warc.gz", gzip=True).read_bytes()
    cases = {case[0]: case[1:] for case in _stdin_cases(article, warc_bytes)}
    data, origin, field = cases[kind]
    stdin = _FakeStdin(data)
    monkeypatch.setattr("sys.stdin", stdin)

    (page,) = _pages(["-"], collected)

    assert page.origin == origin
    assert getattr(page, field)
    assert collected.errors == []
    assert not stdin.buffer.closed, "stdin belongs to the process, not to the reader"


def test_unknown_extension_given_explicitly_is_read_as_text(tmp_path: Path, article: Any, collected: Any) -> None:
    path = tmp_path / "article.story"
    path.write_text(article.text, encoding="utf-8")
    (page,) = _pages([str(path)], collected)
    assert page.text == article.text


def test_unknown_extension_that_is_not_text_names_the_supported_formats(tmp_path: Path, collected: Any) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert _pages([str(path)], collected) == []
    assert collected.origins == [str(path)]
    assert "not text" in collected.errors[0].message
    assert ".jsonl.gz" in collected.errors[0].message


def test_inputs_are_read_in_the_order_given(tmp_path: Path, article: Any, collected: Any) -> None:
    first, second = tmp_path / "2.txt", tmp_path / "1.txt"
    first.write_text(article.paragraphs[0], encoding="utf-8")
    second.write_text(article.paragraphs[1], encoding="utf-8")
    pages = _pages([str(first), str(second)], collected)
    assert [page.text for page in pages] == [article.paragraphs[0], article.paragraphs[1]]


def test_jsonl_gz_of_several_gzip_members_is_read_whole(tmp_path: Path, article: Any, collected: Any) -> None:
    # Concatenated members are what `cat a.gz b.gz` and many dump tools produce.
    lines = [json.dumps({"text": p}, ensure_ascii=False) + "\n" for p in article.paragraphs]
    path = tmp_path / "members.jsonl.gz"
    path.write_bytes(b"".join(gzip.compress(line.encode("utf-8")) for line in lines))
    pages = list(iter_pages([str(path)], on_error=collected))
    assert [page.text for page in pages] == list(article.paragraphs)
    assert [page.origin for page in pages] == [f"{path}:{n}" for n in (1, 2, 3)]
    assert collected.errors == []


def test_public_api_is_deliberate() -> None:
    import marsad.readers

    assert sorted(marsad.readers.__all__) == [
        "HtmlText",
        "ReadLimits",
        "ReadStats",
        "SUPPORTED_FORMATS",
        "html_to_text",
        "iter_pages",
    ]
    assert all(hasattr(marsad.readers, name) for name in marsad.readers.__all__)


def test_jsonl_field_aliases(tmp_path: Path) -> None:
    from marsad.readers import iter_pages

    path = tmp_path / "dump.jsonl"
    rows = [
        {"content": "نص الخبر الأول عن افتتاح المعرض.", "date": "2015-07-21", "source": "okaz"},
        {"text": "نص صريح", "content": "يبقى في الحقول الإضافية"},
    ]
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    errors: list[object] = []
    first, second = iter_pages([str(path)], on_error=errors.append)
    assert first.text == "نص الخبر الأول عن افتتاح المعرض." and first.published == "2015-07-21"
    assert second.text == "نص صريح" and second.extra["content"] == "يبقى في الحقول الإضافية"
    assert not errors
