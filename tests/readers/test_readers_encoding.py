"""Pages in the encodings Arabic sites still serve decode to the text we wrote."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest

from marsad.readers import iter_pages
from marsad.readers.encoding import NotTextError, decode_bytes

NEWS = "هل تنجح المفاوضات؟ قال الوزير، في مؤتمر صحفي مساء أمس، إن الجولة المقبلة ستعقد في عمّان."
FRENCH = "Le ministre a annoncé hier une réforme économique très attendue par les élèves et les crèches."


@pytest.mark.parametrize(
    ("text", "encoding", "declared", "html", "expected_codec"),
    [
        (NEWS, "cp1256", None, False, "cp1256"),
        (NEWS, "iso-8859-6", None, False, "iso8859-6"),
        (NEWS, "cp1256", "windows-1256", False, "cp1256"),
        (NEWS, "iso-8859-6", "ISO-8859-6", False, "iso8859-6"),
        # Sites declare Latin-1 and serve windows-1256; the mojibake has no Arabic letter.
        (NEWS, "cp1256", "iso-8859-1", False, "cp1256"),
        (NEWS, "utf-8", "windows-1256", False, "utf-8"),
        (FRENCH, "cp1252", "windows-1252", False, "cp1252"),
    ],
)
def test_decode_bytes(text: str, encoding: str, declared: str | None, html: bool, expected_codec: str) -> None:
    decoded = decode_bytes(text.encode(encoding), declared=declared, html=html)
    assert decoded.text == text
    assert decoded.encoding == expected_codec


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        ('<meta charset="windows-1256">', "cp1256"),
        ("<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-6'>", "iso-8859-6"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256" />', "cp1256"),
        ("", "cp1256"),
        ("", "iso-8859-6"),
    ],
)
def test_html_pages_in_arabic_code_pages(
    tmp_path: Path, collected: Any, article: Any, head: str, encoding: str
) -> None:
    html = f"<html><head>{head}<title>{article.title}</title></head><body><p>{NEWS}</p></body></html>"
    path = tmp_path / "old.html"
    path.write_bytes(html.encode(encoding))
    (page,) = iter_pages([str(path)], on_error=collected)
    assert page.html == html
    assert page.extra["encoding"] == codecs.lookup(encoding).name
    assert collected.errors == []


@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6"])
def test_text_pages_in_arabic_code_pages(tmp_path: Path, collected: Any, article: Any, encoding: str) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(article.text.encode(encoding))
    (page,) = iter_pages([str(path)], on_error=collected)
    assert page.text == article.text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + NEWS.encode("utf-8"), NEWS),
        (codecs.BOM_UTF16_LE + NEWS.encode("utf-16-le"), NEWS),
        (codecs.BOM_UTF16_BE + NEWS.encode("utf-16-be"), NEWS),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_byte_order_marks(data: bytes, expected: str) -> None:
    assert decode_bytes(data).text == expected


def test_a_few_broken_utf8_bytes_are_replaced(tmp_path: Path, collected: Any, article: Any) -> None:
    data = article.text.encode("utf-8")
    cut = data.index(b" ", 40)
    path = tmp_path / "damaged.txt"
    # A lone lead byte: what a truncated copy-paste or a bad transcoder leaves behind.
    path.write_bytes(data[:cut] + b"\xd8" + data[cut:])
    (page,) = iter_pages([str(path)], on_error=collected)
    assert page.text is not None
    assert page.text.count("\ufffd") == 1
    assert page.text.replace("\ufffd", "") == article.text
    assert page.extra["replaced_bytes"] == 1
    assert collected.errors == []


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(0, 32)) * 20,
        b"\x00" * 100,
    ],
    ids=["png", "control-bytes", "nul"],
)
def test_binary_is_not_text(data: bytes) -> None:
    with pytest.raises(NotTextError, match="not text"):
        decode_bytes(data)
