"""Arabic pages and records we wrote ourselves, shared by the archive tests."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from marsad.records import Page, Record

ARTICLES: dict[str, tuple[str, str, list[str]]] = {
    "iraq": (
        "الوسط",
        "وفد حكومي يزور العراق لبحث التعاون",
        [
            "وصل وفد حكومي رفيع إلى بغداد صباح الأحد في زيارة تستمر ثلاثة أيام.",
            "وقال الرئيس إن الزيارة تفتح صفحة جديدة في العلاقات مع العراق والدول المجاورة.",
        ],
    ),
    "usa": (
        "الخليج",
        "الخارجية الأميركية تعلق على المفاوضات",
        [
            "أعلنت وزارة الخارجية الأميركيّة أن المفاوضات ستُستأنف الأسبوع المقبل.",
            "وأضاف المتحدث أن واشنطن ترحب بكل جهد يخفف التوتر في المنطقة.",
        ],
    ),
    "hospital": (
        "الوسط",
        "افتتاح مستشفى جديد في المدينة",
        [
            "افتُتح مستشفـــى جديد يضم مئتي سرير في شمال المدينة.",
            "وأكد مدير الصحة أن المستشفيات الحكومية ستتلقى أجهزة حديثة خلال العام.",
        ],
    ),
    "school": (
        "الخليج",
        "مدرسة القرية تستقبل طلابها",
        [
            "استقبلت مدرسه القرية طلابها بعد ترميم استمر عاما كاملا.",
            "وقالت المعلمة إن الأطفال فرحوا بالفصول الجديدة وبالملعب.",
        ],
    ),
}


def page_for(key: str, version: int = 1) -> Page:
    source, title, body = ARTICLES[key]
    text = "\n".join([title, *body]) + ("" if version == 1 else f"\nتحديث رقم {version}")
    return Page(
        origin=f"{key}.txt",
        text=text,
        url=f"https://example.test/{key}",
        source=source,
        published="2024-03-0" + str(1 + list(ARTICLES).index(key)),
        id=key,
    )


def simple_extract(page: Page) -> list[Record]:
    """A stand-in for marsad's extraction: first line the title, the rest the body."""
    lines = (page.text or "").splitlines()
    if any("انهيار" in line for line in lines):
        raise ValueError("page made to fail")
    return [
        Record(
            id=page.stable_id(),
            parent=None,
            source=page.source,
            url=page.url,
            published=page.published,
            category="أخبار",
            title=lines[0] if lines else None,
            body=lines[1:],
            entities=[{"text": "بغداد", "type": "LOC", "canonical": "بغداد", "paragraph": 0, "start": 0, "end": 5}]
            if "بغداد" in (page.text or "")
            else [],
            origin=page.origin,
        )
    ]


_SUBJECTS = ["الوزير", "المحافظ", "رئيس البلدية", "مدير المستشفى", "المتحدث الرسمي", "قائد الشرطة"]
_VERBS = ["افتتح", "زار", "أعلن عن", "ناقش", "تفقد", "وقع اتفاقية بشأن"]
_OBJECTS = ["مشروعا للمياه", "مدرسة جديدة", "خطة للطرق", "مركزا صحيا", "سوقا شعبية", "حديقة عامة"]
_PLACES = ["في الرياض", "في جدة", "في الدمام", "في أبها", "في تبوك", "في حائل", "في نجران"]


def synthetic_pages(count: int) -> list[Page]:
    """`count` distinct pages of short news text built from our own phrase lists."""
    pages = []
    for n in range(count):
        sentences = [
            f"{_SUBJECTS[(n + i) % 6]} {_VERBS[(n // 6 + i) % 6]} {_OBJECTS[(n // 36 + i) % 6]} "
            f"{_PLACES[(n // 216 + i) % 7]} يوم {n + i}"
            for i in range(4)
        ]
        pages.append(Page(origin=f"synthetic:{n}", text="\n".join([f"خبر رقم {n}", *sentences]), id=f"page-{n}"))
    return pages


def saudinewsnet_day(shared: Path, day: str, limit: int) -> Iterator[Page]:
    """The first `limit` SaudiNewsNet articles extracted on `day`, as pages published that day."""
    with gzip.open(shared / "data" / "news" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            item = json.loads(line)
            if (item.get("date_extracted") or "")[:10] != day:
                continue
            yield Page(
                origin=f"saudinewsnet:{number + 1}",
                text=f"{item.get('title') or ''}\n{item.get('content') or ''}",
                url=item.get("url"),
                source=item.get("source"),
                published=day,
            )
            limit -= 1
            if limit == 0:
                return
