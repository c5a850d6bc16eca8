"""The crawl's archive: a gzipped WARC 1.1 file of request and response records, via warcio.

The response payload is stored as decoded by the HTTP client (no transfer or
content coding), so the original `Content-Encoding`, `Transfer-Encoding` and
`Content-Length` headers are renamed `X-Crawler-*` and a true `Content-Length`
is set: the convention Common Crawl uses, which keeps every WARC reader (and
marsad's) from trying to decode an already decoded payload.
"""

from __future__ import annotations

import io
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from warcio.warcwriter import WARCWriter

from marsad import __version__
from marsad.crawl.fetch import Exchange

__all__ = ["WarcFile"]

_RENAMED = frozenset({"content-encoding", "transfer-encoding", "content-length"})


class WarcFile:
    def __init__(self, path: Path, *, description: str = "") -> None:
        self.path = path
        self.records = 0
        self._handle: BinaryIO = path.open("xb")
        self._writer = WARCWriter(self._handle, gzip=True, warc_version="1.1")
        info = {
            "software": f"marsad/{__version__} (python-httpx, warcio)",
            "format": "WARC File Format 1.1",
            "robots": "obey",
        }
        if description:
            info["description"] = description
        self._writer.write_record(self._writer.create_warcinfo_record(path.name, info))

    def write(self, exchange: Exchange) -> None:
        """A request record and its response record, linked by WARC-Concurrent-To."""
        date = exchange.date.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        headers = {"WARC-Date": date}
        request_block = _http_block(exchange.request_line, exchange.request_headers, b"")
        response_block = _http_block(
            f"{exchange.http_version} {exchange.status} {exchange.reason}".rstrip(),
            _stored_headers(exchange.response_headers, len(exchange.body)),
            exchange.body,
        )
        request = self._writer.create_warc_record(
            exchange.url,
            "request",
            payload=io.BytesIO(request_block),
            length=len(request_block),
            warc_headers_dict=dict(headers),
        )
        response = self._writer.create_warc_record(
            exchange.url,
            "response",
            payload=io.BytesIO(response_block),
            length=len(response_block),
            warc_headers_dict=dict(headers),
        )
        self._writer.write_request_response_pair(request, response)
        self._handle.flush()
        self.records += 1

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> WarcFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def _stored_headers(headers: list[tuple[str, str]], body_length: int) -> list[tuple[str, str]]:
    stored = [(f"X-Crawler-{key}" if key.lower() in _RENAMED else key, value) for key, value in headers]
    stored.append(("Content-Length", str(body_length)))
    return stored


def _http_block(first_line: str, headers: list[tuple[str, str]], body: bytes) -> bytes:
    lines = [first_line, *(f"{key}: {value}" for key, value in headers)]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace") + body
