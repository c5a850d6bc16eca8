"""Hostile input through the real CLI: one bad page is reported (file, line, stage) and never
stops the batch, loses records already written, or stalls the run (issue #15)."""

from __future__ import annotations

import gzip
import json
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from hostile_pages import ARTICLE, SECOND, deep_html, long_page, page_text


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "marsad", *args], capture_output=True, text=True, check=False, timeout=300, cwd=cwd
    )


def write_jsonl(path: Path, items: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    return path


def read_records(path: Path) -> list[dict[str, object]]:
    # Strict UTF-8: a record that cannot be encoded must never reach the file.
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()]


def stored_records(db: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(db) as connection:
        return sorted(connection.execute("SELECT id, title FROM records").fetchall())


def output_of(command: str, folder: Path) -> list[str]:
    """Where `command` (extract, ingest or run) writes, in `folder`."""
    if command == "extract":
        return ["-o", str(folder / "out.jsonl")]
    if command == "ingest":
        return ["--db", str(folder / "archive.db")]
    return ["--out", str(folder / "run")]


def kept(command: str, folder: Path, result: subprocess.CompletedProcess[str]) -> int:
    """How many records `command` wrote or stored in `folder`."""
    if command == "extract":
        return len(read_records(folder / "out.jsonl"))
    if command == "ingest":
        return len(stored_records(folder / "archive.db"))
    return int(result.stderr.split(" records written")[0].rsplit(" ", 1)[-1])


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


def test_a_malformed_url_costs_only_its_host_name(tmp_path: Path) -> None:
    items: list[dict[str, object]] = [
        {"text": page_text(number), "url": f"https://news.example/health/{number}"} for number in range(6)
    ]
    items[2]["url"] = "http://[::1/news/1"
    items[4]["url"] = "http://[^broken/news"
    dump = write_jsonl(tmp_path / "dump.jsonl", items)
    html = tmp_path / "canonical.html"
    html.write_text(
        '<html><head><link rel="canonical" href="http://[::1/x"><title>افتتاح مستشفى</title></head>'
        f"<body><h1>افتتاح مستشفى جديد في الطائف</h1><p>{ARTICLE}</p><p>{SECOND}</p></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run("extract", str(dump), str(html), "-o", str(out), "--no-enrich", "--strict")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    records = read_records(out)
    assert len(records) == 7
    by_url = {record["url"]: record for record in records}
    assert by_url["http://[::1/news/1"]["source"] is None
    assert by_url["https://news.example/health/0"]["source"] == "news.example"

    db = tmp_path / "archive.db"
    result = run("ingest", str(dump), str(html), "--db", str(db), "--no-enrich", "--strict")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert len(stored_records(db)) == 7


def test_a_lone_surrogate_is_replaced_and_every_record_is_written_and_stored(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": page_text(n), "url": f"https://news.example/h/{n}"}, ensure_ascii=False) for n in range(6)
    ]
    # A JSON escape for half a surrogate pair, in the text and in the title: valid JSON, invalid text.
    lines[3] = lines[3].replace("الخبر 3", "الخبر \\udc80 3")[:-1] + ', "title": "عنوان \\ud83d مكسور"}'
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")

    out = tmp_path / "out.jsonl"
    result = run("extract", str(dump), "-o", str(out), "--no-enrich", "--strict")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    records = read_records(out)
    assert len(records) == 6
    assert records[3]["title"] == "عنوان \ufffd مكسور"
    assert "2 lone surrogates replaced" in result.stderr

    # Piped to stdout as well: valid UTF-8 bytes, whatever the stream's error handler.
    piped = subprocess.run(
        [sys.executable, "-m", "marsad", "extract", str(dump), "--no-enrich"], capture_output=True, timeout=300
    )
    assert piped.returncode == 0
    assert len(piped.stdout.decode("utf-8").splitlines()) == 6

    db = tmp_path / "archive.db"
    first = run("ingest", str(dump), "--db", str(db), "--no-enrich")
    no_traceback(first)
    assert first.returncode == 0, first.stderr
    assert len(stored_records(db)) == 6
    again = run("ingest", str(dump), "--db", str(db), "--no-enrich")
    assert again.returncode == 0, again.stderr
    assert "6 unchanged" in again.stderr


def test_a_stray_nul_byte_does_not_make_a_page_binary(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    text = page_text(1)
    page.write_bytes(text.replace("الطائف\n", "الطائف\x00\n", 1).encode("utf-8"))
    out = tmp_path / "out.jsonl"
    result = run("extract", str(page), "-o", str(out), "--no-enrich")
    assert result.returncode == 0, result.stderr
    (record,) = read_records(out)
    assert record["title"] == "افتتاح المستشفى الجديد رقم 1 في الطائف"
    assert "\x00" not in json.dumps(record)
    assert "1 control characters removed" in result.stderr


def test_a_real_binary_file_is_still_refused(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    result = run("extract", str(binary), "--no-enrich")
    assert "not text" in result.stderr


def test_an_impossible_publication_date_is_not_stored(tmp_path: Path) -> None:
    items: list[dict[str, object]] = [
        {"text": page_text(1), "published": "9999-99-99"},
        {"text": page_text(2), "published": "2021-02-30"},
        {"text": page_text(3), "published": "2021-07-27"},
    ]
    out = tmp_path / "out.jsonl"
    result = run("extract", str(write_jsonl(tmp_path / "d.jsonl", items)), "-o", str(out), "--no-enrich")
    assert result.returncode == 0, result.stderr
    assert [record["published"] for record in read_records(out)] == [None, None, "2021-07-27"]


@pytest.mark.parametrize(
    "engine",
    [
        ("extract",),
        ("ingest",),
        ("ingest", "--workers", "2"),
        ("run", "--engine", "processes", "--workers", "2"),
    ],
    ids=["extract", "ingest", "ingest-workers", "run-processes"],
)
def test_a_page_nested_100k_deep_is_reported_within_its_budget_and_the_rest_goes_on(
    tmp_path: Path, engine: tuple[str, ...]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a-deep.html").write_text(deep_html(100_000), encoding="utf-8")
    (inputs / "b-good.txt").write_text(page_text(1), encoding="utf-8")
    write_jsonl(inputs / "c-dump.jsonl", [{"html": deep_html(5_000)}, {"text": page_text(2)}])
    command, *options = engine
    files = [str(path) for path in sorted(inputs.iterdir())]
    result = run(command, *files, *output_of(command, tmp_path), *options, "--no-enrich", "--strict")
    no_traceback(result)
    assert result.returncode == 1, result.stderr  # --strict: the skipped pages make it fail, at the end
    assert "a-deep.html" in result.stderr and "nested 100,002 elements deep" in result.stderr
    assert "c-dump.jsonl:1" in result.stderr and "[prepare]" in result.stderr
    assert kept(command, tmp_path, result) == 2


@pytest.mark.parametrize(
    "engine",
    [("extract",), ("ingest", "--workers", "2"), ("run", "--engine", "processes", "--workers", "2")],
    ids=["extract", "ingest-workers", "run-processes"],
)
def test_a_page_over_its_time_budget_is_reported_and_the_rest_goes_on(tmp_path: Path, engine: tuple[str, ...]) -> None:
    # Enriching the long page takes many seconds; its budget here is half of one.
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_jsonl(
        inputs / "dump.jsonl",
        [{"text": page_text(1)}, {"text": long_page(3_000)}, {"text": page_text(2)}],
    )
    command, *options = engine
    result = run(command, str(inputs / "dump.jsonl"), *output_of(command, tmp_path), *options, "--page-timeout", "0.5")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "dump.jsonl:2" in result.stderr
    assert "over the page's time budget" in result.stderr
    assert "dump.jsonl:1" not in result.stderr and "dump.jsonl:3" not in result.stderr
    if command == "extract":
        records = read_records(tmp_path / "out.jsonl")
        assert [record["title"] for record in records] == [
            "افتتاح المستشفى الجديد رقم 1 في الطائف",
            "افتتاح المستشفى الجديد رقم 2 في الطائف",
        ]
        assert records[0]["entities"], "the pages within budget are enriched"
    else:
        assert kept(command, tmp_path, result) == 2


def _gzip_bomb_warc(path: Path, good_html: bytes) -> None:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"

    def record(uri: str, body_length: int) -> bytes:
        head = (
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http) + body_length}\r\n\r\n"
        )
        return head.encode() + http

    with path.open("wb") as out:
        member = zlib.compressobj(9, zlib.DEFLATED, 31)
        out.write(member.compress(record("https://news.example/1", len(good_html)) + good_html + b"\r\n\r\n"))
        out.write(member.flush())
        # 1 GB of zeros in about 1 MB.
        size = 1 << 30
        member = zlib.compressobj(9, zlib.DEFLATED, 31)
        out.write(member.compress(record("https://news.example/2", size)))
        zeros = bytes(1 << 24)
        for _ in range(size // len(zeros)):
            out.write(member.compress(zeros))
        out.write(member.compress(b"\r\n\r\n") + member.flush())


def test_gzip_bombs_are_refused_quickly_and_what_came_before_is_kept(tmp_path: Path) -> None:
    good = f"<html><body><h1>افتتاح مستشفى</h1><p>{ARTICLE}</p><p>{SECOND}</p></body></html>".encode()
    _gzip_bomb_warc(tmp_path / "crawl.warc.gz", good)
    with gzip.open(tmp_path / "dump.jsonl.gz", "wb") as dump:
        dump.write((json.dumps({"text": page_text(1)}, ensure_ascii=False) + "\n").encode())
        dump.write(b'{"text": "' + b"a" * (300 << 20) + b'"}\n')
    out = tmp_path / "out.jsonl"
    result = run("extract", str(tmp_path / "crawl.warc.gz"), str(tmp_path / "dump.jsonl.gz"), "-o", str(out))
    no_traceback(result)
    assert "decompression bomb" in result.stderr
    assert len(read_records(out)) == 2


def test_odd_json_values_are_reported_by_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": page_text(1)}, ensure_ascii=False),
        '{"text": ["a list"]}',
        '{"text": "نص", "url": 7}',
        '{"text": "نص", "id": 1.5}',
        '{"text": 1e999}',
        "[1, 2, 3]",
        '"just a string"',
        json.dumps({"text": page_text(2), "extra": {"nested": ["\x00", {"k": "v"}]}}, ensure_ascii=False),
    ]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", str(dump), "-o", str(out), "--no-enrich")
    no_traceback(result)
    for line in range(2, 8):
        assert f"dump.jsonl:{line}" in result.stderr
    assert len(read_records(out)) == 2
