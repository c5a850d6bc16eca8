"""A real archive for the web tests: the bundled examples/ plus pages we wrote for
these tests (a hostile page, two versions of one story), stored through marsad's
own extraction and ingest into SQLite, built once per test run."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

from marsad.errors import InputError
from marsad.extraction import ExtractOptions, extract_page
from marsad.readers import iter_pages
from marsad.records import Page, Record
from marsad.store.base import Archive
from marsad.store.ingest import ingest_pages

PROJECT = Path(__file__).resolve().parents[2]
EXAMPLES = PROJECT / "examples"

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_ID = "web-hostile-2022-0914"
STORY_A = "web-ferry-2023-0502"
STORY_B = "web-ferry-2023-0503"
SPEAKER = "خالد المنصوري"

_FERRY_BODY = [
    "أعلنت وزارة النقل اليوم تشغيل خط عبّارات جديد بين ميناء ينبع وميناء سفاجا اعتبارا من مطلع الشهر المقبل، بواقع ثلاث رحلات في الأسبوع.",
    "وقال وزير النقل خالد المنصوري إن الخط الجديد سيختصر زمن الرحلة إلى نحو ست ساعات، وسيخدم المسافرين والشاحنات الصغيرة على حد سواء.",
    "وأضاف المنصوري أن العبّارة الأولى تتسع لنحو 900 راكب و120 مركبة، وأن الحجز سيتاح عبر موقع الوزارة قبل أسبوعين من كل رحلة.",
    "ويأتي تشغيل الخط ضمن خطة لتطوير النقل البحري على ساحل البحر الأحمر تشمل تحديث أرصفة الركاب وتوسيع صالات الانتظار في الموانئ.",
]


def web_pages() -> list[Page]:
    """Our own pages: hostile markup in title, body and URL, and one story told twice."""
    hostile_text = "\n".join(
        [
            "الرئيسية » تقنية",
            f"نبّهت شركة لأمن المعلومات في جدة إلى رسائل تحمل {SCRIPT} داخل عناوين الأخبار المنسوخة.",
            f"وقالت مديرة الشركة ريم الزهراني إن وسمًا مثل {IMG} يبقى نصًّا عاديًا في أي موقع يحترم قرّاءه.",
            "وأوضحت الزهراني أن فريقها راجع 25 موقعا إخباريا خلال شهر أغسطس الماضي، ووجد أن معظمها يعالج النصوص قبل عرضها.",
        ]
    )
    return [
        Page(
            origin="web-tests/hostile.txt",
            text=hostile_text,
            url="javascript:alert(1)",
            source="amn-news.example",
            published="2022-09-14",
            title=f"تحذير من عناوين تحمل {SCRIPT} و{IMG} في مواقع الأخبار",
            id=HOSTILE_ID,
        ),
        Page(
            origin="web-tests/ferry-a.txt",
            text="\n".join(["خط عبّارات جديد بين ينبع وسفاجا", *_FERRY_BODY]),
            url="https://bahr-news.example/2023/05/02/ferry",
            source="bahr-news.example",
            published="2023-05-02",
            id=STORY_A,
        ),
        Page(
            origin="web-tests/ferry-b.txt",
            text="\n".join(
                ["تشغيل خط عبّارات بين ينبع وسفاجا الشهر المقبل", *_FERRY_BODY[:3], _FERRY_BODY[3] + " وفق جدول موسمي."]
            ),
            url="https://sahel-daily.example/news/ferry-line",
            source="sahel-daily.example",
            published="2023-05-03",
            id=STORY_B,
        ),
    ]


def _extract(page: Page) -> list[Record]:
    return extract_page(page, ExtractOptions(enrich=True))


def _fail(error: InputError) -> None:
    raise AssertionError(f"{error.origin}: {error.message}")


def fill_archive(archive: Archive) -> None:
    pages: Iterator[Page] = iter_pages([str(EXAMPLES)], on_error=_fail)
    ingest_pages(archive, [*pages, *web_pages()], _extract, on_error=_fail)
    archive.commit()


_built: dict[str, Path] = {}
_lock = threading.Lock()


def example_archive(folder: Path) -> Path:
    """The SQLite archive file, built in `folder` the first time and reused after."""
    with _lock:
        if "sqlite" not in _built:
            from marsad.store.sqlite import SQLiteArchive

            path = folder / "web-archive.db"
            with SQLiteArchive(path) as archive:
                fill_archive(archive)
            _built["sqlite"] = path
        return _built["sqlite"]


POSTGRES_URL = os.environ.get("MARSAD_TEST_PG")


def embedded_pair(path: Path) -> tuple[str, str]:
    """(embedded story id, host id) of one of the examples' pages with a second story."""
    import sqlite3

    with sqlite3.connect(path) as db:
        row = db.execute("SELECT id, parent FROM records WHERE parent IS NOT NULL ORDER BY id LIMIT 1").fetchone()
    assert row is not None, "examples/ holds pages with embedded stories"
    return str(row[0]), str(row[1])
