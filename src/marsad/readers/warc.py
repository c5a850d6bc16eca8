"""WARC and WET archives through fastwarc: HTML responses and WET text conversions.

Records are numbered from 1 in file order, every record type counted, so
`path#N` points at the N-th record a WARC tool lists. Records without a single
Arabic character are skipped before any decoding: on a Common Crawl file they
are the vast majority.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

import brotli  # installed with fastwarc, which depends on it
from fastwarc.warc import ArchiveIterator, HeaderMap, WarcRecord, WarcRecordType

from marsad.errors import ErrorHandler, InputError
from marsad.readers.compressed import GZIP_MAGIC, ForwardStream, GzipStream
from marsad.readers.encoding import (
    NotTextError,
    canonical_codec,
    decode_bytes,
    has_arabic,
)
from marsad.readers.options import ReadLimits, ReadStats, megabytes
from marsad.readers.txt import encoding_extra
from marsad.records import Page

_WANTED = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)", re.IGNORECASE | re.DOTALL)
# Arabic letters in UTF-8 (U+0600-06FF, U+0750-077F, presentation forms) or as
# numeric character references, which some old Arabic sites use throughout.
_ARABIC_UTF8 = re.compile(
    rb"[\xd8-\xdb\xdd][\x80-\xbf]|\xef[\xad-\xbb][\x80-\xbf]|&#(?:1[5-9]\d\d|x0*6[0-9a-f]{2});",
    re.IGNORECASE,
)
_ARABIC_REFERENCE = re.compile(r"&#(?:1[5-9]\d\d|x0*6[0-9a-f]{2});", re.IGNORECASE)
_ARABIC_SINGLE_BYTE = re.compile(rb"[\xc1-\xda][^\x80-\xbf]")
_SCAN_CHUNK = 1024 * 1024
_CHUNK_SIZE_LINE = re.compile(rb"[0-9a-fA-F]+[ \t]*(?:;[^\r\n]*)?\r\n")


def iter_warc_pages(
    raw: BinaryIO,
    name: str,
    *,
    gzipped: bool,
    on_error: ErrorHandler,
    limits: ReadLimits,
    stats: ReadStats,
) -> Iterator[Page]:
    """Pages of a WARC/WET stream; every problem is reported with the record number `name#N`.

    After a broken record, an uncompressed file on disk is searched for the next
    record header and reading resumes there (the broken stretch counts as one
    record); in a compressed or piped stream the records after it are lost.
    """
    inflater = GzipStream(raw) if gzipped else None
    can_resume = inflater is None and raw.seekable()
    number = 0
    reported = False
    pass_start = raw.tell() if can_resume else 0
    while True:
        stream = ForwardStream(io.BufferedReader(inflater) if inflater is not None else raw)
        last_start: int | None = None
        try:
            for record in ArchiveIterator(stream, parse_http=True, auto_decode="none"):
                number += 1
                last_start = record.stream_pos
                try:
                    page = _record_page(record, f"{name}#{number}", limits, stats)
                except InputError as error:
                    on_error(error)
                    if error.message.startswith("truncated"):
                        return
                    continue
                if page is not None:
                    yield page
        except (OSError, ValueError) as error:
            # A pass that fails before its first record is still on the same broken stretch.
            scan_from = pass_start + (last_start + 1 if last_start is not None else 1)
            resume = _next_record_start(raw, scan_from) if can_resume else None
            if last_start is not None or not reported:
                number += 1
                reported = True
                outcome = "records after it are lost" if resume is None else "skipped to the next record"
                on_error(InputError(f"{name}#{number}", f"broken WARC record ({error}); {outcome}"))
            if resume is None:
                return
            raw.seek(resume)
            pass_start = resume
            continue
        break
    if inflater is not None and (inflater.truncated or inflater.corrupt):
        detail = "truncated gzip" if inflater.truncated else f"damaged gzip ({inflater.corrupt})"
        on_error(InputError(f"{name}#{number + 1}", f"{detail}; records after #{number} are lost"))
    elif number == 0:
        on_error(InputError(name, "no WARC records (empty or not a WARC file)"))


def _next_record_start(raw: BinaryIO, after: int) -> int | None:
    """Offset of the first `WARC/1.x` line starting after byte `after`, or None at end of file."""
    raw.seek(after)
    position = after
    carry = b""
    while chunk := raw.read(_SCAN_CHUNK):
        data = carry + chunk
        found = data.find(b"\nWARC/1.")
        if found >= 0:
            return position - len(carry) + found + 1
        carry = data[-len(b"\nWARC/1.") :]
        position += len(chunk)
    return None


def _record_page(record: WarcRecord, origin: str, limits: ReadLimits, stats: ReadStats) -> Page | None:
    if record.headers.get("Content-Length") is None:
        raise InputError(origin, "broken or truncated record header (no Content-Length)")
    record_type = record.record_type
    if not record_type & _WANTED:
        return _skip(record, origin, stats, str(record_type))
    if record.is_http:
        status = record.http_headers.status_code
        if status is not None and not 200 <= status < 300:
            return _skip(record, origin, stats, f"http {status}")
    is_text = record_type == WarcRecordType.conversion
    content_type = (record.http_content_type if record.is_http else record.headers.get("Content-Type")) or ""
    content_type = content_type.split(";")[0].strip().lower()
    if not is_text and content_type and content_type not in _HTML_TYPES:
        return _skip(record, origin, stats, "not html")
    expected = record.content_length
    if expected > limits.max_page_bytes:
        record.reader.consume()
        raise InputError(origin, f"record over {megabytes(limits.max_page_bytes)}; skipped")

    data = record.reader.read()
    if len(data) < expected:
        raise InputError(origin, f"truncated record: {len(data)} of {expected} bytes")
    if record.is_http:
        data = decode_http_payload(data, record.http_headers, origin, limits.max_page_bytes)
    if not is_text and not content_type and not _HTML_START.match(data):
        stats.skipped["not html"] += 1
        return None

    declared = canonical_codec(record.http_charset) if record.is_http else None
    if not _may_hold_arabic(data):
        stats.skipped["no arabic"] += 1
        return None
    try:
        decoded = decode_bytes(data, declared=declared, html=not is_text)
    except NotTextError as error:
        raise InputError(origin, str(error)) from error
    content = decoded.text
    if not has_arabic(content) and not _ARABIC_REFERENCE.search(content):
        stats.skipped["no arabic"] += 1
        return None

    extra = encoding_extra(decoded)
    extra["crawl_date"] = record.headers.get("WARC-Date")
    url = _target_uri(record)
    return Page(
        origin=origin,
        text=content if is_text else None,
        html=None if is_text else content,
        url=url,
        # A WARC record id is new at every crawl; a page fetched again (a re-crawl,
        # next month's shard) must keep its id so a changed version replaces the
        # stored one. Page.stable_id derives it from the URL when there is one.
        id=None if url else _record_id(record.record_id),
        extra=extra,
    )


def _skip(record: WarcRecord, origin: str, stats: ReadStats, reason: str) -> Page | None:
    """Pass over a record without reading its content, noticing if the content is cut short."""
    expected = record.content_length
    consumed = record.reader.consume()
    if consumed < expected:
        raise InputError(origin, f"truncated record: {consumed} of {expected} bytes")
    stats.skipped[reason] += 1
    return None


def _may_hold_arabic(data: bytes) -> bool:
    """A cheap test on raw bytes that lets through every record that could hold Arabic text."""
    if _ARABIC_UTF8.search(data):
        return True
    # windows-1256 and ISO-8859-6 put Arabic letters at 0xC1-0xDA. Followed by a
    # byte that is no UTF-8 continuation, such a byte cannot be UTF-8 Cyrillic or Greek.
    return not data.isascii() and _ARABIC_SINGLE_BYTE.search(data) is not None


def _target_uri(record: WarcRecord) -> str | None:
    uri = record.headers.get("WARC-Target-URI")
    return uri.strip().strip("<>") or None if uri else None


def _record_id(record_id: str | None) -> str | None:
    if not record_id:
        return None
    record_id = record_id.strip().strip("<>")
    return record_id.removeprefix("urn:uuid:") or None


def decode_http_payload(
    data: bytes, headers: HeaderMap, origin: str, limit: int = ReadLimits().max_page_bytes
) -> bytes:
    """Undo chunked transfer and gzip/deflate content encoding, which WARC keeps as sent.

    Done here rather than by fastwarc's auto_decode because a payload that fails
    to decode there stops the whole archive; here it costs only its own record.
    """
    transfer = (headers.get("Transfer-Encoding") or "").lower()
    content = (headers.get("Content-Encoding") or "").lower().strip()
    try:
        # Some crawlers store the payload decoded but keep the original headers.
        if "chunked" in transfer and _CHUNK_SIZE_LINE.match(data):
            data = _dechunk(data)
        if content in ("gzip", "x-gzip") and data.startswith(GZIP_MAGIC):
            data = _inflate(data, 16 + zlib.MAX_WBITS, limit)
        elif content == "deflate":
            try:
                data = _inflate(data, zlib.MAX_WBITS, limit)
            except zlib.error:
                data = _inflate(data, -zlib.MAX_WBITS, limit)
        elif content == "br":
            data = _unbrotli(data, origin, limit)
        elif content not in ("", "identity", "gzip", "x-gzip"):
            raise InputError(origin, f"unsupported HTTP content encoding {content!r}")
    except (zlib.error, ValueError) as error:
        raise InputError(origin, f"HTTP payload does not decode ({error})") from error
    return data


def _inflate(data: bytes, wbits: int, limit: int) -> bytes:
    """zlib-decompressed `data`, refused (ValueError) once it grows past `limit` bytes."""
    inflater = zlib.decompressobj(wbits)
    inflated = inflater.decompress(data, limit + 1)
    if len(inflated) > limit:
        raise ValueError(f"decompresses to over {megabytes(limit)}")
    return inflated + inflater.flush()


def _unbrotli(data: bytes, origin: str, limit: int) -> bytes:
    decompressor = brotli.Decompressor()
    try:
        inflated = bytes(decompressor.process(data, output_buffer_limit=limit + 1))
    except brotli.error as error:
        raise InputError(origin, f"HTTP payload does not decode ({error})") from error
    if len(inflated) > limit:
        raise InputError(origin, f"HTTP payload does not decode (decompresses to over {megabytes(limit)})")
    if not decompressor.is_finished():
        raise InputError(origin, "HTTP payload does not decode (brotli stream cut short)")
    return inflated


def _dechunk(data: bytes) -> bytes:
    parts: list[bytes] = []
    position = 0
    while True:
        line_end = data.find(b"\r\n", position)
        if line_end < 0:
            raise ValueError("chunk size line missing")
        size = int(data[position:line_end].split(b";")[0].strip() or b"0", 16)
        if size == 0:
            return b"".join(parts)
        start = line_end + 2
        parts.append(data[start : start + size])
        position = start + size + 2
