"""Guess the format of an input that has no telling file name (stdin, odd extensions)."""

from __future__ import annotations

import io
import re
import zlib
from typing import BinaryIO

from marsad.readers.compressed import GZIP_MAGIC
from marsad.readers.paths import Format

SNIFF_BYTES = 64 * 1024
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_BOM_UTF8 = b"\xef\xbb\xbf"


class PrefixedStream(io.RawIOBase):
    """Bytes already read for sniffing, followed by the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _inflate_head(head: bytes) -> bytes:
    # Enough of the decompressed start to recognise the format; a damaged or cut
    # stream is the format reader's to report, with its position.
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
    except zlib.error:
        return b""


def sniff_format(head: bytes) -> tuple[Format, bool]:
    """Format and gzip flag of a stream starting with `head`."""
    gzipped = head.startswith(GZIP_MAGIC)
    content = _inflate_head(head) if gzipped else head
    content = content.removeprefix(_BOM_UTF8)
    stripped = content.lstrip()
    if stripped.startswith(b"WARC/1."):
        return Format.WARC, gzipped
    if stripped.startswith(b"{"):
        return Format.JSONL, gzipped
    if _HTML_START.match(content):
        return Format.HTML, gzipped
    return Format.TXT, gzipped


def sniffed(stream: BinaryIO) -> tuple[Format, bool, BinaryIO]:
    """Sniff `stream` and return a stream that still starts at its first byte."""
    head = stream.read(SNIFF_BYTES)
    fmt, gzipped = sniff_format(head)
    return fmt, gzipped, io.BufferedReader(PrefixedStream(head, stream))
