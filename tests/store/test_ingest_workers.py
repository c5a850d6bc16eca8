"""`ingest_pages(..., workers=N)` and `marsad ingest --workers`: extraction in worker
processes, storage here, the same archive as with one process."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest
from archive_samples import ARTICLES, page_for, simple_extract
from click.testing import CliRunner

from marsad.cli import cli
from marsad.errors import InputError
from marsad.extraction import ExtractOptions, extract_page
from marsad.records import Page, Record
from marsad.store.ingest import IngestStats, ingest_pages
from marsad.store.sqlite import SQLiteArchive

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# Paragraphs we wrote, recombined into pages with real chrome around them, so that
# a run spans several chunks of the pool and has near-duplicates to cluster.
_PARAGRAPHS = [
    "أعلنت وزارة الصحة في الرياض يوم الأحد عن افتتاح ثلاثة مستشفيات جديدة في المنطقة الشرقية بسعة 500 سرير.",
    "وقال وزير الصحة فهد الجلاجل إن “المستشفيات الجديدة ستخدم أكثر من مليون نسمة في الدمام والخبر والأحساء”.",
    "وأضاف أن الوزارة تعمل على تدريب ألفي ممرض وممرضة قبل نهاية العام الجاري لتشغيل الأقسام كلها.",
    "وكانت الحكومة قد خصصت 2.5 مليار ريال للقطاع الصحي في ميزانية 2024 بحسب بيان وزارة المالية.",
    "من جهته، أكد مدير مستشفى الملك فهد أن قسم الطوارئ سيستقبل المرضى اعتبارا من الأول من مارس المقبل.",
    "وتأتي هذه الخطوة ضمن خطة لرفع عدد الأسرة في المملكة إلى خمسين ألف سرير خلال السنوات الخمس المقبلة.",
]
_CHROME = ["الرئيسية > أخبار محلية", "شارك الخبر على فيسبوك", "جميع الحقوق محفوظة © 2024", "اقرأ أيضاً"]


def _page(number: int) -> Page:
    start = number % len(_PARAGRAPHS)
    body = _PARAGRAPHS[start:] + _PARAGRAPHS[:start]
    title = f"الصحة تفتتح مستشفيات جديدة في المنطقة الشرقية - تقرير {number}"
    text = "\n".join([_CHROME[0], title, *body[:4], _CHROME[1], _CHROME[2]])
    return Page(
        origin=f"pages.jsonl:{number + 1}",
        text=text,
        source="صحيفة الاختبار",
        published="2024-02-1" + str(number % 10),
        id=f"page-{number}",
    )


def _pages() -> list[Page]:
    examples = [
        Page(origin=str(path), text=path.read_text(encoding="utf-8"), published="2024-05-01")
        for path in sorted(EXAMPLES.glob("*.txt"))
    ]
    return [*examples, *(_page(n) for n in range(21))]


def _stored(path: Path) -> list[dict[str, object]]:
    with SQLiteArchive(path) as archive:
        return [record.to_dict() for record in archive.iter_records()]


def _clusters(path: Path) -> list[tuple[str, ...]]:
    with SQLiteArchive(path) as archive:
        rows = archive.fetch(
            "SELECT m.cluster_id, r.id FROM cluster_members m JOIN records r ON r.rowid = m.record_rowid "
            "ORDER BY m.cluster_id, r.id"
        )
    found: dict[str, list[str]] = {}
    for cluster_id, record_id in rows:
        found.setdefault(str(cluster_id), []).append(str(record_id))
    return sorted(tuple(ids) for ids in found.values())


def _fail(error: InputError) -> None:
    raise error


def test_two_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    extract = functools.partial(extract_page, options=ExtractOptions(enrich=True))
    stats: dict[int, IngestStats] = {}
    for workers in (1, 2):
        with SQLiteArchive(tmp_path / f"w{workers}.db") as archive:
            stats[workers] = ingest_pages(archive, _pages(), extract, on_error=_fail, workers=workers)
    assert stats[1] == stats[2]
    assert stats[2].stored == len(_pages()) and stats[2].duplicates > 0
    one, two = _stored(tmp_path / "w1.db"), _stored(tmp_path / "w2.db")
    assert one == two
    # Enrichment really ran in the workers: names, quotes and quantities came back.
    health = next(r for r in two if r["id"] == "page-1")
    assert any(e["text"] == "فهد الجلاجل" for e in health["entities"])  # type: ignore[attr-defined]
    assert any(q.get("speaker") == "فهد الجلاجل" for q in health["quotes"])  # type: ignore[attr-defined]
    assert 2.5e9 in [q["value"] for q in health["quantities"]]  # type: ignore[attr-defined]
    assert _clusters(tmp_path / "w1.db") == _clusters(tmp_path / "w2.db") != []


def failing_extract(page: Page) -> list[Record]:
    """Module-level, so worker processes can load it: one page raises, one kills its worker."""
    if page.id == "raises":
        raise ValueError("صفحة معطوبة")
    if page.id == "kills":
        os._exit(7)
    return simple_extract(page)


def test_a_page_that_raises_or_kills_its_worker_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    good = [page_for(key) for key in ARTICLES]
    bad = [Page(origin=f"bad.jsonl:{n}", text="عنوان\nنص", id=name) for n, name in ((3, "raises"), (9, "kills"))]
    many = [
        Page(origin=f"more.jsonl:{n}", text=f"خبر رقم {n}\nنص الخبر رقم {n} عن الطقس في جدة", id=f"more-{n}")
        for n in range(20)
    ]
    pages = [*good[:2], bad[0], *many[:10], bad[1], *good[2:], *many[10:]]
    reported: list[InputError] = []
    with SQLiteArchive(tmp_path / "a.db") as archive:
        stats = ingest_pages(archive, pages, failing_extract, on_error=reported.append, workers=2)
        stored = {record.id for record in archive.iter_records()}
    assert (stats.pages, stats.stored, stats.failed) == (len(pages), len(pages) - 2, 2)
    assert stored == {page.id for page in pages} - {"raises", "kills"}
    assert [(e.origin, "ValueError" in e.message, "died" in e.message) for e in reported] == [
        ("bad.jsonl:3", True, False),
        ("bad.jsonl:9", False, True),
    ]


def test_ingest_command_with_workers_then_a_rerun_skips_everything(tmp_path: Path) -> None:
    lines = [json.dumps({"id": p.id, "text": p.text, "source": p.source, "date": p.published}) for p in _pages()[4:]]
    source = tmp_path / "pages.jsonl"
    source.write_text("\n".join([*lines[:5], "{not json", *lines[5:]]) + "\n", encoding="utf-8")
    db = str(tmp_path / "a.db")
    first = CliRunner().invoke(cli, ["ingest", str(source), "--db", db, "--workers", "2", "--no-enrich"])
    assert first.exit_code == 0, first.output
    assert f"{len(lines)} stored" in first.output and "pages.jsonl:6" in first.output
    again = CliRunner().invoke(cli, ["ingest", str(source), "--db", db, "--workers", "2"])
    assert f"0 stored (0 replacing an older version), {len(lines)} unchanged" in again.output
    assert len(_stored(tmp_path / "a.db")) == len(lines)


def test_windowed_extraction_stores_what_page_by_page_extraction_stores(tmp_path: Path) -> None:
    # `marsad ingest` extracts a window of pages at a time, their sentences tagged together
    # (`extraction.extract_pages`), in one process and in workers: the same archive as page by page.
    from marsad.extraction import extract_pages

    options = ExtractOptions(enrich=True)
    extract = functools.partial(extract_page, options=options)
    window = functools.partial(extract_pages, options=options)
    runs = {"pages": (1, None), "windows": (1, window), "windows2": (2, window)}
    stats: dict[str, IngestStats] = {}
    for name, (workers, extract_window) in runs.items():
        with SQLiteArchive(tmp_path / f"{name}.db") as archive:
            stats[name] = ingest_pages(
                archive, _pages(), extract, on_error=_fail, workers=workers, extract_window=extract_window
            )
    assert stats["pages"] == stats["windows"] == stats["windows2"]
    by_page = _stored(tmp_path / "pages.db")
    assert _stored(tmp_path / "windows.db") == by_page == _stored(tmp_path / "windows2.db")
    assert any(record["entities"] for record in by_page)


def test_a_page_that_fails_inside_a_window_is_reported_and_the_window_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marsad.extraction
    from marsad.extraction import extract_pages

    enrich = marsad.extraction.enrich_record

    def enrich_or_fail(record: Record) -> None:
        if record.title and record.title.endswith("تقرير 3"):
            raise ValueError("تعذر إثراء السجل")
        enrich(record)

    monkeypatch.setattr(marsad.extraction, "enrich_record", enrich_or_fail)
    pages = [_page(number) for number in range(6)]
    reported: list[InputError] = []
    options = ExtractOptions(enrich=True)
    with SQLiteArchive(tmp_path / "a.db") as archive:
        stats = ingest_pages(
            archive,
            pages,
            functools.partial(extract_page, options=options),
            on_error=reported.append,
            extract_window=functools.partial(extract_pages, options=options),
        )
        stored = {record.id for record in archive.iter_records()}
    assert (stats.stored, stats.failed) == (5, 1)
    assert [(error.origin, error.stage) for error in reported] == [("pages.jsonl:4", "enrich")]
    assert stored == {f"page-{n}" for n in range(6)} - {"page-3"}
