"""Shards for the run tests: WET and WARC files of Arabic news pages we wrote."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CHROME = (
    "الرئيسية | أخبار | اقتصاد | رياضة\nتابعونا على وسائل التواصل الاجتماعي\nجميع الحقوق محفوظة لموقع الأنباء اليومية"
)

STORIES = [
    (
        "افتتاح محطة جديدة لتحلية المياه في الساحل الشرقي",
        [
            "افتتح وزير البيئة والمياه محطة جديدة لتحلية المياه في مدينة الجبيل بطاقة إنتاجية تبلغ 600 ألف متر مكعب يوميا.",
            "وقال الوزير في كلمته إن المحطة تخدم أكثر من مليوني نسمة في المنطقة الشرقية وتعتمد على الطاقة الشمسية جزئيا.",
            "وأوضح أن العمل في المشروع بدأ في مارس 2022 واستغرق ثلاثين شهرا بتكلفة بلغت 2.5 مليار ريال.",
        ],
    ),
    (
        "ارتفاع صادرات التمور إلى الأسواق الأوروبية",
        [
            "سجلت صادرات التمور ارتفاعا بنسبة 12 في المئة خلال النصف الأول من العام مقارنة بالفترة نفسها من العام الماضي.",
            "وأكد المركز الوطني للنخيل والتمور أن الأسواق الأوروبية استحوذت على ربع الصادرات للمرة الأولى.",
            "وتوقع مسؤولو المركز أن تتجاوز قيمة الصادرات 1.8 مليار ريال بنهاية العام الجاري بفضل الطلب المتزايد.",
        ],
    ),
    (
        "انطلاق معرض الكتاب الدولي بمشاركة ألف دار نشر",
        [
            "انطلقت اليوم فعاليات معرض الكتاب الدولي في الرياض بمشاركة ألف دار نشر من ثلاثين دولة عربية وأجنبية.",
            "وقالت هيئة الأدب والنشر والترجمة إن المعرض يستمر عشرة أيام ويضم أكثر من مئتي فعالية ثقافية.",
            "وأشار المنظمون إلى أن عدد الزوار في الدورة الماضية تجاوز مليون زائر خلال أيام المعرض.",
        ],
    ),
    (
        "تمديد التسجيل في برنامج الابتعاث الخارجي",
        [
            "أعلنت وزارة التعليم تمديد فترة التسجيل في برنامج الابتعاث الخارجي حتى نهاية الشهر المقبل.",
            "وأوضحت الوزارة أن البرنامج يشمل تخصصات الطب والهندسة والذكاء الاصطناعي في جامعات مصنفة عالميا.",
            "ودعت الوزارة الطلاب الراغبين إلى استكمال وثائقهم عبر المنصة الإلكترونية قبل انتهاء المهلة.",
        ],
    ),
]

# A rewrite of the first story (another site, a few words changed), and an unrelated one.
REWRITE = (
    "افتتاح محطة لتحلية المياه في الجبيل",
    [
        "افتتح وزير البيئة والمياه محطة جديدة لتحلية المياه في مدينة الجبيل بطاقة إنتاجية تبلغ 600 ألف متر مكعب يوميا.",
        "وقال الوزير في كلمته إن المحطة تخدم أكثر من مليوني نسمة في المنطقة الشرقية وتعتمد على الطاقة الشمسية جزئيا.",
        "وأوضح أن العمل في المشروع بدأ في مارس 2022 واستغرق ثلاثين شهرا بتكلفة إجمالية بلغت 2.5 مليار ريال سعودي.",
    ],
)


def page_text(title: str, paragraphs: Sequence[str], number: int) -> str:
    """A page as a WET conversion gives it: the title first, the article, the site's chrome
    (with a masthead line that no chrome rule knows: the per-shard template learner must)."""
    body = "\n".join(paragraphs)
    return f"صحيفة الأنباء اليومية طبعة الخليج\n{title}\n{body}\nرقم الخبر {number} في أرشيف الموقع\n{CHROME}\n"


def shard_pages(shard: int, count: int) -> list[tuple[str, str]]:
    """(url, text) of the pages of one shard; each shard holds every story once, plus the rewrite in shard 1."""
    pages = []
    for number in range(count):
        title, paragraphs = STORIES[(shard + number) % len(STORIES)]
        url = f"https://akhbar.example/{shard}/{number}"
        pages.append((url, page_text(f"{title} ({shard}-{number})", paragraphs, shard * 100 + number)))
    if shard == 1:
        pages.append(("https://wakala.example/jubail", page_text(*REWRITE, number=999)))
    return pages


def write_wet(path: Path, pages: Sequence[tuple[str, str]], *, gzip: bool = True, english: bool = True) -> None:
    """A WET file as Common Crawl writes it: a warcinfo record, then one conversion record per page."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "marsad-tests"}))
        for url, text in pages:
            record = writer.create_warc_record(
                url,
                "conversion",
                payload=io.BytesIO(text.encode("utf-8")),
                warc_content_type="text/plain",
                warc_headers_dict={"WARC-Date": "2024-05-01T10:00:00Z"},
            )
            writer.write_record(record)
        if english:
            record = writer.create_warc_record(
                "https://news.example/en",
                "conversion",
                payload=io.BytesIO(b"An English page that the Arabic test skips before any decoding.\n"),
                warc_content_type="text/plain",
            )
            writer.write_record(record)


def write_warc(path: Path, pages: Sequence[tuple[str, str]]) -> None:
    """A WARC file of HTML responses, one per page."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, text in pages:
            lines = text.strip().split("\n")
            html = (
                f"<!doctype html><html lang=ar><head><meta charset=utf-8><title>{lines[0]}</title></head><body>"
                f"<nav>{lines[-3]}</nav><article><h1>{lines[0]}</h1>"
                + "".join(f"<p>{line}</p>" for line in lines[1:-3])
                + f"</article><footer>{lines[-1]}</footer></body></html>"
            )
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)


def write_corpus(folder: Path, shards: int = 3, pages: int = 6) -> list[Path]:
    """`shards` WET shards (gzipped, one gzip member per record) and one HTML WARC shard."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for shard in range(shards):
        path = folder / f"crawl-{shard:02d}.warc.wet.gz"
        write_wet(path, shard_pages(shard, pages))
        paths.append(path)
    warc = folder / "responses.warc.gz"
    write_warc(warc, shard_pages(shards, pages))
    paths.append(warc)
    return paths
