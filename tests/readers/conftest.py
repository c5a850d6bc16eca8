"""Fixtures for reader tests: Arabic pages we wrote, and WARC/WET files built with warcio."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.errors import InputError


@dataclass(frozen=True)
class Article:
    """A short news article we wrote for these tests."""

    title: str = "افتتاح حديقة عامة جديدة في الحي الشرقي"
    paragraphs: tuple[str, ...] = (
        "افتتحت بلدية المدينة صباح اليوم حديقة عامة جديدة على مساحة عشرة آلاف متر مربع في الحي الشرقي.",
        "وقال رئيس البلدية في كلمة خلال حفل الافتتاح إن الحديقة تضم ملاعب للأطفال ومسارات للمشي.",
        "وأضاف أن المشروع استغرق عامين وشارك في تمويله عدد من الشركات المحلية.",
    )

    @property
    def text(self) -> str:
        return self.title + "\n" + "\n".join(self.paragraphs) + "\n"

    def html(self, charset: str = "utf-8", *, meta_charset: bool = True) -> str:
        meta = f'<meta charset="{charset}">' if meta_charset else ""
        body = "".join(f"<p>{p}</p>" for p in self.paragraphs)
        return (
            f"<!DOCTYPE html><html lang='ar' dir='rtl'><head>{meta}<title>{self.title}</title></head>"
            f"<body><article><h1>{self.title}</h1>{body}</article></body></html>"
        )


@pytest.fixture
def article() -> Article:
    return Article()


@dataclass
class Collected:
    """An `on_error` handler that keeps what it is given."""

    errors: list[InputError] = field(default_factory=list)

    def __call__(self, error: InputError) -> None:
        self.errors.append(error)

    @property
    def origins(self) -> list[str]:
        return [error.origin for error in self.errors]


@pytest.fixture
def collected() -> Collected:
    return Collected()


class WarcBuilder:
    """Writes real WARC/WET files with warcio, gzipped per record or plain."""

    def __init__(self) -> None:
        self._records: list[tuple[str, dict[str, object]]] = []

    def warcinfo(self) -> WarcBuilder:
        self._records.append(("warcinfo", {}))
        return self

    def request(self, uri: str) -> WarcBuilder:
        self._records.append(("request", {"uri": uri}))
        return self

    def response(
        self,
        uri: str,
        payload: bytes,
        *,
        content_type: str = "text/html; charset=utf-8",
        status: str = "200 OK",
        headers: tuple[tuple[str, str], ...] = (),
    ) -> WarcBuilder:
        http_headers = [("Content-Type", content_type), *headers]
        self._records.append(("response", {"uri": uri, "payload": payload, "headers": http_headers, "status": status}))
        return self

    def conversion(self, uri: str, text: str) -> WarcBuilder:
        self._records.append(("conversion", {"uri": uri, "payload": text.encode("utf-8")}))
        return self

    def write(self, path: Path, *, gzip: bool) -> Path:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=gzip)
        for kind, item in self._records:
            uri = str(item.get("uri", ""))
            payload = io.BytesIO(item.get("payload", b""))  # type: ignore[arg-type]
            if kind == "warcinfo":
                record = writer.create_warcinfo_record(path.name, {"software": "marsad tests"})
            elif kind == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
                record = writer.create_warc_record(uri, "request", payload=payload, http_headers=http)
            elif kind == "response":
                http = StatusAndHeaders(
                    str(item["status"]),
                    item["headers"],  # type: ignore[arg-type]
                    protocol="HTTP/1.1",
                )
                record = writer.create_warc_record(uri, "response", payload=payload, http_headers=http)
            else:
                record = writer.create_warc_record(uri, "conversion", payload=payload, warc_content_type="text/plain")
            writer.write_record(record)
        path.write_bytes(buffer.getvalue())
        return path


@pytest.fixture
def warc_builder() -> type[WarcBuilder]:
    return WarcBuilder
