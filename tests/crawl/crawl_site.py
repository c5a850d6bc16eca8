"""A news site on 127.0.0.1 for crawler tests: routes the tests define, and a log of every request.

Each route can misbehave in the ways the crawler must survive: answer slowly,
fail with a status for its first N requests, redirect, answer with an ETag or
Last-Modified and a 304 when the crawler sends them back, or send an endless
body. Every request is logged with its arrival time on the same monotonic
clock the crawler's rate limiter uses.
"""

from __future__ import annotations

import asyncio
import itertools
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from warcio.archiveiterator import ArchiveIterator

from marsad.crawl import ConditionalState, Crawler, CrawlOptions, CrawlStats, FetchOptions, WarcFile
from marsad.errors import InputError
from marsad.extraction import ExtractOptions, extract_page
from marsad.readers import iter_pages


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    fail_first: int = 0
    """How many requests get `fail_status` (with `fail_headers`) before the route answers normally."""
    fail_status: int = 500
    fail_headers: dict[str, str] = field(default_factory=dict)
    slow_first: int = 0
    """How many requests wait `slow_seconds` before answering (longer than the crawler's timeout)."""
    slow_seconds: float = 0.0
    drop_first: int = 0
    """How many requests get the connection closed without any answer."""
    etag: str | None = None
    last_modified: str | None = None
    endless: bool = False
    """Stream chunks with no Content-Length until the client hangs up."""
    served: int = 0


@dataclass(frozen=True)
class Hit:
    at: float
    path: str
    headers: dict[str, str]


class Site:
    """One host: a threaded HTTP/1.1 server with keep-alive on an ephemeral port of 127.0.0.1."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Hit] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.origin + path

    def add(self, path: str, route: Route) -> Site:
        self.routes[path] = route
        return self

    def requested(self, path: str) -> list[Hit]:
        """Requests for `path`, query included when `path` has one, else any query."""
        return [hit for hit in self.log if hit.path == path or ("?" not in path and hit.path.split("?")[0] == path)]

    def start(self) -> Site:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _respond(self, handler: BaseHTTPRequestHandler) -> None:
        arrived = time.monotonic()
        with self._lock:
            self.log.append(Hit(arrived, handler.path, {key.lower(): value for key, value in handler.headers.items()}))
            route = self.routes.get(handler.path) or self.routes.get(handler.path.split("?")[0])
            if route is not None:
                route.served += 1
                served = route.served
        if route is None:
            _send(handler, 404, b"not found", "text/plain", {})
            return
        if served <= route.drop_first:
            handler.close_connection = True
            handler.connection.shutdown(socket.SHUT_RDWR)
            return
        if served <= route.slow_first:
            time.sleep(route.slow_seconds)
        if served <= route.fail_first:
            _send(handler, route.fail_status, b"try again", "text/plain", route.fail_headers)
            return
        validators = {}
        if route.etag:
            validators["ETag"] = route.etag
        if route.last_modified:
            validators["Last-Modified"] = route.last_modified
        if route.etag and handler.headers.get("If-None-Match") == route.etag:
            _send(handler, 304, b"", None, validators)
            return
        if route.last_modified and handler.headers.get("If-Modified-Since") == route.last_modified:
            _send(handler, 304, b"", None, validators)
            return
        if route.endless:
            _send_endless(handler, route.content_type)
            return
        _send(handler, route.status, route.body, route.content_type, {**validators, **route.headers})


def _send(
    handler: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str | None, headers: dict[str, str]
) -> None:
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    for key, value in headers.items():
        handler.send_header(key, value)
    if status != 304:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if status != 304:
        handler.wfile.write(body)


def _send_endless(handler: BaseHTTPRequestHandler, content_type: str) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.close_connection = True
    chunk = ("<p>" + "سطر طويل يتكرر بلا نهاية " * 40 + "</p>").encode()
    for _ in range(100_000):
        handler.wfile.write(chunk)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            try:
                site._respond(self)
            except (BrokenPipeError, ConnectionResetError):
                # The crawler hung up on purpose (timeout, size cap).
                self.close_connection = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@dataclass(frozen=True)
class Article:
    """A news article we wrote for these tests, served as an Arabic HTML page."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]
    category: str = "محليات"

    def html(self, *, canonical: str | None = None) -> bytes:
        link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
        body = "".join(f"<p>{paragraph}</p>" for paragraph in self.paragraphs)
        return (
            "<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
            f"<title>{self.title}</title>{link}</head><body>"
            f"<nav><a href='/'>الرئيسية</a> <a href='/local'>{self.category}</a></nav>"
            f"<article><h1>{self.title}</h1>{body}</article>"
            "<footer>جميع الحقوق محفوظة لصحيفة المرصد</footer></body></html>"
        ).encode()


ARTICLES: tuple[Article, ...] = (
    Article(
        "park",
        "افتتاح حديقة عامة جديدة في الحي الشرقي",
        (
            "افتتحت بلدية المدينة صباح اليوم حديقة عامة جديدة على مساحة عشرة آلاف متر مربع في الحي الشرقي.",
            "وقال رئيس البلدية في كلمة خلال حفل الافتتاح إن الحديقة تضم ملاعب للأطفال ومسارات للمشي.",
            "وأضاف أن المشروع استغرق عامين وشارك في تمويله عدد من الشركات المحلية.",
        ),
    ),
    Article(
        "library",
        "مكتبة المدينة تمدد ساعات العمل خلال العطلة",
        (
            "أعلنت إدارة مكتبة المدينة المركزية تمديد ساعات العمل حتى العاشرة مساء طوال أيام العطلة الصيفية.",
            "وأوضحت مديرة المكتبة أن القرار جاء استجابة لطلبات الطلاب والباحثين الذين يرتادون قاعات المطالعة.",
            "وتنظم المكتبة خلال الفترة نفسها ورشا أسبوعية في الكتابة والقراءة للأطفال.",
        ),
    ),
    Article(
        "rain",
        "أمطار غزيرة متوقعة على المناطق الساحلية",
        (
            "توقعت هيئة الأرصاد الجوية هطول أمطار غزيرة على المناطق الساحلية مساء الخميس المقبل.",
            "ودعت الهيئة السائقين إلى توخي الحذر على الطرق السريعة وتجنب الأودية خلال ساعات الهطول.",
            "وأشارت إلى أن درجات الحرارة ستنخفض بمعدل خمس درجات مع نهاية الأسبوع.",
        ),
    ),
    Article(
        "market",
        "سوق الخضار الجديد يفتح أبوابه للتجار",
        (
            "فتح سوق الخضار الجديد أبوابه أمام التجار بعد أشهر من أعمال البناء في المنطقة الصناعية.",
            "وقال مدير السوق إن المبنى يضم مئتي محل ومستودعات مبردة لحفظ المنتجات الزراعية.",
            "ويتوقع أن يخفف السوق الجديد الازدحام عن وسط المدينة في ساعات الصباح.",
        ),
    ),
    Article(
        "school",
        "مدرسة جديدة تستقبل طلابها في الضاحية الشمالية",
        (
            "استقبلت مدرسة الضاحية الشمالية الجديدة أول دفعة من طلابها صباح الأحد بحضور أولياء الأمور.",
            "وأكد مدير التعليم أن المدرسة مجهزة بمختبرات حديثة للعلوم والحاسوب ومكتبة واسعة.",
            "وتتسع المدرسة لنحو ستمئة طالب موزعين على أربعة وعشرين فصلا دراسيا.",
        ),
    ),
    Article(
        "bridge",
        "إغلاق جزئي لجسر الميناء لأعمال الصيانة",
        (
            "أعلنت إدارة المرور إغلاق مسار واحد من جسر الميناء ابتداء من مساء السبت لإجراء أعمال صيانة دورية.",
            "وأوضحت الإدارة أن الأعمال ستستمر أسبوعين وأن التحويلات المرورية ستكون واضحة للسائقين.",
            "ونصحت الإدارة باستخدام الطريق الدائري خلال ساعات الذروة لتفادي الازدحام.",
        ),
    ),
    Article(
        "museum",
        "المتحف الوطني يعرض مخطوطات نادرة",
        (
            "افتتح المتحف الوطني معرضا جديدا يضم مخطوطات نادرة تعود إلى قرون مضت.",
            "وقال أمين المتحف إن المخطوطات رممت بعناية على أيدي مختصين خلال العامين الماضيين.",
            "ويستمر المعرض ثلاثة أشهر ويفتح أبوابه للزوار يوميا عدا الجمعة.",
        ),
    ),
)


WEATHER: tuple[Article, ...] = (
    Article(
        "heat",
        "موجة حر تضرب المناطق الداخلية الأسبوع المقبل",
        (
            "حذر مركز الأرصاد من موجة حر تضرب المناطق الداخلية مطلع الأسبوع المقبل وتستمر أربعة أيام.",
            "وقد تتجاوز درجات الحرارة خمسا وأربعين درجة مئوية في ساعات الظهيرة بحسب المركز.",
            "ونصح المركز بتجنب التعرض المباشر للشمس وشرب كميات كافية من الماء.",
        ),
        category="طقس",
    ),
    Article(
        "fog",
        "ضباب كثيف يحد من الرؤية على الطريق الساحلي",
        (
            "شهد الطريق الساحلي صباح اليوم ضبابا كثيفا حد من الرؤية الأفقية إلى أقل من مئة متر.",
            "ودعت الشرطة السائقين إلى خفض السرعة وترك مسافة أمان كافية بين المركبات.",
            "ويتوقع أن ينقشع الضباب تدريجيا مع ارتفاع درجات الحرارة قبل الظهر.",
        ),
        category="طقس",
    ),
)


def rss(items: list[tuple[str, str]], *, title: str = "صحيفة المرصد") -> bytes:
    """An RSS 2.0 feed of (title, link) items."""
    entries = "".join(
        f"<item><title>{name}</title><link>{escape(link)}</link><pubDate>Sun, 29 Nov 2026 06:00:00 GMT</pubDate></item>"
        for name, link in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.invalid/</link>{entries}</channel></rss>"
    ).encode()


def atom(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f'<entry><title>{name}</title><link rel="alternate" type="text/html" href="{escape(link)}"/>'
        f"<id>{escape(link)}</id><updated>2026-11-29T06:00:00Z</updated></entry>"
        for name, link in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>أخبار الطقس</title>{entries}</feed>"
    ).encode()


def sitemap(urls: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{escape(url)}</loc><lastmod>2026-11-29</lastmod></url>" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    ).encode()


def intervals(hits: list[Hit]) -> Iterator[float]:
    times = sorted(hit.at for hit in hits)
    return (later - earlier for earlier, later in itertools.pairwise(times))


RATE = 20.0
# Arrival times are taken by the server thread after it parses the request: a
# request sent on a fresh connection is stamped a little later than one sent on
# a kept-alive one. This allows for that and for the clock's granularity.
SLACK = 0.001
TIMEOUT = 0.5
MAX_BYTES = 64 * 1024


def run_crawl(
    tmp_path: Path,
    feeds: list[str],
    sitemaps: list[str] | None = None,
    *,
    state: ConditionalState | None = None,
    name: str = "crawl.warc.gz",
    retries: int = 3,
    concurrency: int = 4,
    sites: list[str] | None = None,
) -> tuple[CrawlStats, Path, list[str]]:
    reports: list[str] = []
    options = CrawlOptions(
        rate=RATE,
        concurrency=concurrency,
        max_bytes=MAX_BYTES,
        fetch=FetchOptions(timeout=TIMEOUT, retries=retries, backoff=0.02),
    )
    out = tmp_path / name
    with WarcFile(out) as warc:
        crawler = Crawler(options, warc, state if state is not None else ConditionalState(), report=reports.append)
        stats = asyncio.run(crawler.run(feeds, sitemaps or [], sites or []))
    return stats, out, reports


def warc_responses(path: Path) -> list[tuple[str, int]]:
    """(target URI, HTTP status) of every response record."""
    with path.open("rb") as handle:
        return [
            (record.rec_headers.get_header("WARC-Target-URI"), int(record.http_headers.get_statuscode()))
            for record in ArchiveIterator(handle)
            if record.rec_type == "response"
        ]


def extracted_titles(path: Path) -> Counter[str]:
    """Titles of the host articles marsad's own WARC reader and extractor find in the crawl."""
    errors: list[InputError] = []
    titles: Counter[str] = Counter()
    for page in iter_pages([str(path)], on_error=errors.append):
        for record in extract_page(page, ExtractOptions(enrich=False)):
            if record.parent is None and record.title:
                titles[record.title] += 1
    assert errors == []
    return titles


def serve_articles(site: Site, articles: tuple[Article, ...], prefix: str, **route: object) -> list[str]:
    for article in articles:
        site.add(f"{prefix}{article.slug}", Route(body=article.html(), **route))  # type: ignore[arg-type]
    return [site.url(f"{prefix}{article.slug}") for article in articles]
