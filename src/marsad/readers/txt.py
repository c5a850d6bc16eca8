"""Whole-file pages: a `.txt` or `.html` file (or stdin) is one page."""

from __future__ import annotations

from typing import BinaryIO

from marsad.errors import InputError
from marsad.readers.encoding import Decoded, NotTextError, decode_bytes
from marsad.readers.options import ReadLimits, megabytes
from marsad.records import Page


def read_capped(stream: BinaryIO, origin: str, limits: ReadLimits) -> bytes:
    """All bytes of a one-page input, refusing inputs over the page cap without reading them whole."""
    data = stream.read(limits.max_page_bytes + 1)
    if len(data) > limits.max_page_bytes:
        raise InputError(
            origin,
            f"too large for one page (over {megabytes(limits.max_page_bytes)}); split it or use JSON Lines",
        )
    if not data.strip():
        raise InputError(origin, "empty file")
    return data


def decode_page(data: bytes, origin: str, *, html: bool, declared: str | None = None) -> Decoded:
    try:
        return decode_bytes(data, declared=declared, html=html)
    except NotTextError as error:
        raise InputError(origin, str(error)) from error


def unify_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def encoding_extra(decoded: Decoded) -> dict[str, object]:
    """Page.extra entries worth keeping about how the bytes were decoded."""
    extra: dict[str, object] = {}
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        extra["encoding"] = decoded.encoding
    if decoded.replaced:
        extra["replaced_bytes"] = decoded.replaced
    return extra


def read_text_page(stream: BinaryIO, origin: str, limits: ReadLimits) -> Page:
    decoded = decode_page(read_capped(stream, origin, limits), origin, html=False)
    text = unify_newlines(decoded.text)
    if not text.strip():
        raise InputError(origin, "empty file")
    return Page(origin=origin, text=text, extra=encoding_extra(decoded))


def read_html_page(stream: BinaryIO, origin: str, limits: ReadLimits) -> Page:
    decoded = decode_page(read_capped(stream, origin, limits), origin, html=True)
    return Page(origin=origin, html=decoded.text, extra=encoding_extra(decoded))
