"""Bad input never stops the batch: each problem is reported with its file (and line) and reading goes on."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path
from typing import Any

import pytest

from marsad.errors import InputError
from marsad.readers import ReadLimits, ReadStats, iter_pages

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
MB = 1024 * 1024


def _write_bad_files(tmp_path: Path, article: Any) -> dict[str, tuple[str, str]]:
    """Bad files by name, with the origin and message fragment each must be reported with."""
    (tmp_path / "binary.txt").write_bytes(PNG_HEADER + bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    # Not UTF-8 and not text in any encoding: random bytes, NULs taken out.
    (tmp_path / "noise.txt").write_bytes(random.Random(7).randbytes(4000).replace(b"\x00", b"\x01"))
    lines = [json.dumps({"text": p}, ensure_ascii=False) for p in article.paragraphs * 20]
    packed = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "latin1-line.jsonl").write_bytes(b'{"text": "' + article.paragraphs[0].encode("cp1256") + b'"}\n')
    return {
        "binary.txt": ("binary.txt", "not text"),
        "blank.html": ("blank.html", "empty file"),
        "cut.jsonl.gz": ("cut.jsonl.gz:", "truncated gzip"),
        "empty.jsonl": ("empty.jsonl", "empty file"),
        "empty.txt": ("empty.txt", "empty file"),
        "latin1-line.jsonl": ("latin1-line.jsonl:1", "not UTF-8"),
        "noise.txt": ("noise.txt", "not text"),
        "missing.txt": ("missing.txt", "no such file"),
    }


def test_every_bad_file_is_reported_and_the_good_ones_still_read(tmp_path: Path, article: Any, collected: Any) -> None:
    expected = _write_bad_files(tmp_path, article)
    good = tmp_path / "good.txt"
    good.write_text(article.text, encoding="utf-8")
    inputs = [str(tmp_path / name) for name in sorted(expected)] + [str(good)]
    stats = ReadStats()

    pages = list(iter_pages(inputs, on_error=collected, stats=stats))

    assert pages[-1].origin == str(good) and pages[-1].text == article.text
    jsonl_pages = [page for page in pages if page.origin.startswith(str(tmp_path / "cut.jsonl.gz"))]
    assert jsonl_pages, "lines before the cut of a truncated gzip are still read"
    assert [p.origin for p in jsonl_pages] == [
        f"{tmp_path / 'cut.jsonl.gz'}:{n}" for n in range(1, len(jsonl_pages) + 1)
    ]
    reported = {Path(error.origin.split(":")[0]).name: error for error in collected.errors}
    assert sorted(reported) == sorted(expected)
    for name, (origin_start, message) in expected.items():
        error = reported[name]
        assert error.origin.startswith(str(tmp_path / origin_start)), error
        assert message in error.message, error
    truncated = reported["cut.jsonl.gz"]
    assert truncated.origin == f"{tmp_path / 'cut.jsonl.gz'}:{len(jsonl_pages) + 1}"
    assert stats.errors == len(expected)


def test_big_single_line_files_do_not_stop_the_batch(tmp_path: Path, article: Any, collected: Any) -> None:
    line = ("كلمة " * (50 * MB // len("كلمة ".encode()))).encode("utf-8")
    big_text = tmp_path / "big.txt"
    big_text.write_bytes(line)
    big_jsonl = tmp_path / "big.jsonl"
    with big_jsonl.open("wb") as out:
        out.write(b'{"text": "' + line + b'"}\n')
        out.write(json.dumps({"text": article.paragraphs[0]}, ensure_ascii=False).encode() + b"\n")
    after = tmp_path / "after.txt"
    after.write_text(article.text, encoding="utf-8")

    pages = list(iter_pages([str(big_text), str(big_jsonl), str(after)], on_error=collected))

    assert [page.origin for page in pages] == [f"{big_jsonl}:2", str(after)]
    assert collected.origins == [str(big_text), f"{big_jsonl}:1"]
    assert "too large" in collected.errors[0].message
    assert "line longer than" in collected.errors[1].message


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.txt", "نص " * 400, "too large"),
        ("page.html", "<p>" + "نص " * 400 + "</p>", "too large"),
    ],
)
def test_page_size_cap_is_configurable(tmp_path: Path, collected: Any, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    small = ReadLimits(max_page_bytes=1000, max_line_bytes=100)
    assert list(iter_pages([str(path)], on_error=collected, limits=small)) == []
    assert collected.origins == [str(path)]
    assert message in collected.errors[0].message


def test_long_jsonl_line_under_the_default_cap_is_read(tmp_path: Path, collected: Any) -> None:
    text = "خبر " * 50_000
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    (page,) = iter_pages([str(path)], on_error=collected)
    assert page.text == text


def test_a_raising_handler_stops_at_the_first_problem_with_its_own_exception(tmp_path: Path, article: Any) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(article.text, encoding="utf-8")

    class Stop(Exception):
        pass

    seen: list[InputError] = []

    def strict(error: InputError) -> None:
        seen.append(error)
        raise Stop(error.origin)

    with pytest.raises(Stop):
        list(iter_pages([str(tmp_path)], on_error=strict))
    assert [error.origin for error in seen] == [str(tmp_path / "a.txt")]
