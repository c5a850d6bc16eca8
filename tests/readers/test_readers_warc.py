"""WARC and WET files written with warcio, read back through fastwarc."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import Any

import brotli
import pytest

from marsad.readers import ReadLimits, ReadStats, iter_pages
from marsad.records import Page

ENGLISH_PAGE = b"<html><head><title>Weather</title></head><body><p>Sunny all week.</p></body></html>"
WET_TEXT = "أمطار غزيرة على المناطق الساحلية\nتوقعت هيئة الأرصاد هطول أمطار غزيرة مساء الخميس."


def _mixed_archive(builder: Any, article: Any) -> Any:
    cp1256 = article.html("windows-1256", meta_charset=False).encode("cp1256")
    return (
        builder()
        .warcinfo()
        .request("https://news.example/park")
        .response("https://news.example/park", article.html().encode("utf-8"))
        .response("https://news.example/weather", ENGLISH_PAGE)
        .response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
        .response("https://news.example/gone", b"<html>not here</html>", status="404 Not Found")
        .response(
            "https://news.example/old",
            cp1256,
            content_type="text/html; charset=windows-1256",
        )
    )


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_warc_yields_arabic_html_responses(
    tmp_path: Path, article: Any, collected: Any, warc_builder: Any, compressed: bool
) -> None:
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    path = _mixed_archive(warc_builder, article).write(tmp_path / name, gzip=compressed)
    stats = ReadStats()

    pages = list(iter_pages([str(path)], on_error=collected, stats=stats))

    assert collected.errors == []
    assert [page.origin for page in pages] == [f"{path}#3", f"{path}#7"]
    park, old = pages
    assert park.url == "https://news.example/park"
    assert park.html == article.html()
    assert park.text is None and park.published is None
    assert park.id is None and park.stable_id() == Page(origin="x", url="https://news.example/park").stable_id()
    assert park.extra["crawl_date"]
    assert old.extra["encoding"] == "cp1256"
    assert all(p in (old.html or "") for p in article.paragraphs)
    assert stats.skipped == {"warcinfo": 1, "request": 1, "no arabic": 1, "not html": 1, "http 404": 1}


@pytest.mark.parametrize("compressed", [False, True], ids=["wet", "wet.gz"])
def test_wet_conversion_records_are_text_pages(
    tmp_path: Path, collected: Any, warc_builder: Any, compressed: bool
) -> None:
    archive = (
        warc_builder()
        .warcinfo()
        .conversion("https://news.example/rain", WET_TEXT)
        .conversion("https://news.example/en", "Rain expected on Thursday evening.")
    )
    path = archive.write(tmp_path / ("crawl.wet.gz" if compressed else "crawl.wet"), gzip=compressed)

    (page,) = iter_pages([str(path)], on_error=collected)

    assert page.origin == f"{path}#2"
    assert page.text == WET_TEXT
    assert page.html is None
    assert page.url == "https://news.example/rain"
    assert collected.errors == []


def _archive_of_five(builder: Any, article: Any) -> Any:
    archive = builder()
    for number in range(5):
        html = article.html().replace(article.title, f"{article.title} {number}")
        archive.response(f"https://news.example/{number}", html.encode("utf-8"))
    return archive


@pytest.mark.parametrize(
    ("compressed", "keep"),
    [(True, 0.7), (True, 0.95), (False, 0.7), (False, 0.9)],
    ids=["gz-mid", "gz-late", "plain-mid", "plain-late"],
)
def test_truncated_warc_yields_records_before_the_cut_and_names_the_broken_one(
    tmp_path: Path, article: Any, collected: Any, warc_builder: Any, compressed: bool, keep: float
) -> None:
    full = _archive_of_five(warc_builder, article).write(tmp_path / "full.warc", gzip=compressed)
    data = full.read_bytes()
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    path.write_bytes(data[: int(len(data) * keep)])

    pages = list(iter_pages([str(path)], on_error=collected))

    assert pages, "records before the cut must still be read"
    assert [page.origin for page in pages] == [f"{path}#{n}" for n in range(1, len(pages) + 1)]
    assert len(collected.errors) == 1
    (error,) = collected.errors
    assert error.origin == f"{path}#{len(pages) + 1}"
    assert "truncated" in error.message


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (b"this line is not a WARC header\r\n\r\n", "skipped to the next record"),
        (b"WARC/1.0\r\nno colon on this header line\r\n\r\n", "broken or truncated record header"),
    ],
    ids=["garbage-line", "broken-header"],
)
def test_reading_resumes_after_a_broken_record_in_a_plain_warc(
    tmp_path: Path, article: Any, collected: Any, warc_builder: Any, damage: bytes, message: str
) -> None:
    data = _archive_of_five(warc_builder, article).write(tmp_path / "full.warc", gzip=False).read_bytes()
    third = data.index(b"WARC/1", data.index(b"WARC/1", 10) + 10)
    path = tmp_path / "broken.warc"
    path.write_bytes(data[:third] + damage + data[third:])

    pages = list(iter_pages([str(path)], on_error=collected))

    # The damaged stretch counts as record 3; the five real records follow it in order.
    assert [page.origin for page in pages] == [f"{path}#{n}" for n in (1, 2, 4, 5, 6)]
    assert [page.url for page in pages] == [f"https://news.example/{n}" for n in range(5)]
    assert collected.origins == [f"{path}#3"]
    assert message in collected.errors[0].message


def test_broken_record_in_a_piped_warc_ends_it_with_a_message(
    tmp_path: Path, article: Any, collected: Any, warc_builder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _archive_of_five(warc_builder, article).write(tmp_path / "full.warc", gzip=False).read_bytes()
    third = data.index(b"WARC/1", data.index(b"WARC/1", 10) + 10)
    stdin = type("Stdin", (), {"buffer": io.BytesIO(data[:third] + b"garbage\r\n\r\n" + data[third:])})()
    monkeypatch.setattr("sys.stdin", stdin)

    pages = list(iter_pages(["-"], on_error=collected))

    assert [page.origin for page in pages] == ["<stdin>#1", "<stdin>#2"]
    assert collected.origins == ["<stdin>#3"]
    assert "records after it are lost" in collected.errors[0].message


def _chunked(data: bytes) -> bytes:
    half = len(data) // 2
    return b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (data[:half], data[half:])) + b"0\r\n\r\n"


def test_http_payload_encodings_are_undone_and_a_bad_one_costs_only_its_record(
    tmp_path: Path, article: Any, collected: Any, warc_builder: Any
) -> None:
    html = article.html().encode()
    archive = (
        warc_builder()
        .response("https://news.example/gzip", gzip.compress(html), headers=(("Content-Encoding", "gzip"),))
        .response(
            "https://news.example/broken",
            b"\x1f\x8b\x08\x00 damaged after the magic",
            headers=(("Content-Encoding", "gzip"),),
        )
        .response("https://news.example/br", brotli.compress(html), headers=(("Content-Encoding", "br"),))
        .response("https://news.example/chunked", _chunked(html), headers=(("Transfer-Encoding", "chunked"),))
        # Stored already decoded while the header still says gzip, as some crawlers do.
        .response("https://news.example/stale", html, headers=(("Content-Encoding", "gzip"),))
    )
    path = archive.write(tmp_path / "encoded.warc", gzip=False)

    pages = list(iter_pages([str(path)], on_error=collected))

    assert [page.origin for page in pages] == [f"{path}#{n}" for n in (1, 3, 4, 5)]
    assert all(page.html == article.html() for page in pages)
    assert collected.origins == [f"{path}#2"]
    assert "does not decode" in collected.errors[0].message


def test_file_that_is_not_a_warc_is_reported(tmp_path: Path, collected: Any) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("ملاحظات فقط وليست أرشيفا", encoding="utf-8")
    assert list(iter_pages([str(path)], on_error=collected)) == []
    assert len(collected.errors) == 1
    assert collected.errors[0].origin.startswith(str(path))


ARABIC_LINE = "وصل وفد المفاوضين إلى العاصمة صباح اليوم لبحث ملف المياه."


def _entities(text: str) -> str:
    return "".join(f"&#{ord(ch)};" if ord(ch) > 127 else ch for ch in text)


@pytest.mark.parametrize(
    ("payload", "content_type", "kept"),
    [
        (f"<html><body><p>{ARABIC_LINE}</p></body></html>".encode("cp1256"), "text/html; charset=windows-1256", True),
        (f"<html><body><p>{ARABIC_LINE}</p></body></html>".encode("iso-8859-6"), "text/html", True),
        # The header lies (Latin-1) about windows-1256 bytes, as old Arabic servers did.
        (f"<html><body><p>{ARABIC_LINE}</p></body></html>".encode("cp1256"), "text/html; charset=iso-8859-1", True),
        (f"<html><body><p>{_entities(ARABIC_LINE)}</p></body></html>".encode(), "text/html", True),
        ("<html><body><p>Делегация прибыла в столицу утром.</p></body></html>".encode(), "text/html", False),
        ("<html><body><p>Η αντιπροσωπεία έφτασε στην πρωτεύουσα.</p></body></html>".encode(), "text/html", False),
        ("<html><body><p>État des négociations à Genève.</p></body></html>".encode("cp1252"), "text/html", False),
    ],
    ids=["cp1256", "iso-8859-6-undeclared", "latin1-lie", "entities", "russian", "greek", "french-cp1252"],
)
def test_cheap_arabic_test_keeps_arabic_in_any_encoding_and_skips_the_rest(
    tmp_path: Path, collected: Any, warc_builder: Any, payload: bytes, content_type: str, kept: bool
) -> None:
    path = (
        warc_builder()
        .response("https://x.example/", payload, content_type=content_type)
        .write(tmp_path / "one.warc", gzip=False)
    )
    stats = ReadStats()
    pages = list(iter_pages([str(path)], on_error=collected, stats=stats))
    assert collected.errors == []
    assert len(pages) == int(kept)
    if kept:
        assert ARABIC_LINE in (pages[0].html or "") or _entities(ARABIC_LINE) in (pages[0].html or "")
    else:
        assert stats.skipped == {"no arabic": 1}


def test_record_over_the_page_cap_is_reported_and_the_next_one_read(
    tmp_path: Path, article: Any, collected: Any, warc_builder: Any
) -> None:
    small = "<html><body><p>خبر قصير جدا.</p></body></html>".encode()
    archive = (
        warc_builder()
        .response("https://x.example/big", article.html().encode())
        .response("https://x.example/small", small)
    )
    path = archive.write(tmp_path / "capped.warc.gz", gzip=True)

    pages = list(iter_pages([str(path)], on_error=collected, limits=ReadLimits(max_page_bytes=len(small) + 10)))

    assert [page.origin for page in pages] == [f"{path}#2"]
    assert collected.origins == [f"{path}#1"]
    assert "record over" in collected.errors[0].message


def test_a_page_crawled_twice_keeps_its_id_across_archives(
    tmp_path: Path, article: Any, collected: Any, warc_builder: Any
) -> None:
    # Each crawl gives its records new WARC-Record-IDs; the page is the same page,
    # so ingest can replace the older version instead of storing both.
    first = warc_builder().response("https://news.example/park", article.html().encode("utf-8"))
    second = warc_builder().response(
        "https://news.example/park", article.html().replace("عامين", "ثلاثة أعوام").encode("utf-8")
    )
    pages = [
        page
        for path in (
            first.write(tmp_path / "monday.warc.gz", gzip=True),
            second.write(tmp_path / "tuesday.warc.gz", gzip=True),
        )
        for page in iter_pages([str(path)], on_error=collected)
    ]
    assert collected.errors == []
    assert len(pages) == 2
    assert pages[0].stable_id() == pages[1].stable_id()
    assert pages[0].content_hash() != pages[1].content_hash()
