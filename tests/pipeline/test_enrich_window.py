"""Enrichment in windows (issue #19): a window's sentences are tagged together, then each page
is enriched alone; the records are those of page-by-page extraction, and a page that fails in
a window is reported while the others come through."""

from __future__ import annotations

from pathlib import Path

import pytest

import marsad
from marsad.enrich import ner
from marsad.errors import InputError
from marsad.extraction import ExtractOptions
from marsad.pipeline import steps
from marsad.pipeline.local import LocalExecutor
from marsad.pipeline.steps import ExtractRecords, PreparePages, ReadPages

PEOPLE = ["عادل الجبير", "سامح شكري", "أيمن الصفدي", "ناصر بوريطة", "فيصل بن فرحان", "رمطان لعمامرة"]
CITIES = ["الرياض", "القاهرة", "عمّان", "الرباط", "جدة", "الجزائر"]


def write_pages(folder: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        person, city = PEOPLE[number % len(PEOPLE)], CITIES[number % len(CITIES)]
        text = "\n".join(
            [
                "سياسة",
                f"{person} يبحث في {city} ملفات المنطقة مع نظرائه العرب",
                f"وصل وزير الخارجية {person} إلى {city} يوم الإثنين 3 مارس 2021 في زيارة تستغرق {number + 2} أيام.",
                f'وقال {person} إن "المحادثات تتناول ملفات المنطقة كلها" وإن 500 ألف لاجئ ينتظرون حلا.',
                f"وأضاف أن اللقاء المقبل سيعقد في {CITIES[(number + 1) % len(CITIES)]} الشهر المقبل.",
            ]
        )
        path = folder / f"page{number:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def pipeline_records(folder: Path, errors: list[InputError]) -> list[marsad.Record]:
    executor = LocalExecutor(
        [
            ReadPages((str(folder),), errors.append),
            PreparePages(errors.append, "2021-03-05"),
            ExtractRecords(ExtractOptions(), errors.append),
        ]
    )
    return list(executor.stream())


def test_windowed_enrichment_gives_the_page_by_page_records(tmp_path: Path) -> None:
    paths = write_pages(tmp_path, steps.ENRICH_WINDOW + 3)  # a full window and a short one
    errors: list[InputError] = []
    windowed = pipeline_records(tmp_path, errors)
    one_by_one = [marsad.extract(path.read_text(encoding="utf-8"), published="2021-03-05")[0] for path in paths]
    assert errors == []
    assert [r.entities for r in windowed] == [r.entities for r in one_by_one]
    assert [r.quotes for r in windowed] == [r.quotes for r in one_by_one]
    assert any(e["text"] == "عادل الجبير" for e in windowed[0].entities)


def test_a_window_tags_its_sentences_in_one_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_pages(tmp_path, 6)
    model = ner.shipped_model()
    calls: list[int] = []
    original = type(model).tag

    def counting(self: object, sentences: list[list[str]]) -> list[list[str]]:
        calls.append(len(sentences))
        return original(self, sentences)  # type: ignore[arg-type]

    monkeypatch.setattr(type(model), "tag", counting)
    pipeline_records(tmp_path, [])
    # One call tags the six pages' distinct sentences; every page then finds its tags ready.
    assert len(calls) == 1 and calls[0] >= 12


def test_a_failing_page_in_a_window_is_reported_and_the_others_enriched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pages(tmp_path, 5)
    from marsad import enrich

    original = enrich.enrich_record

    def failing_on_cairo(record: marsad.Record) -> marsad.Record:
        if "القاهرة" in (record.title or ""):
            raise RuntimeError("a broken enricher")
        return original(record)

    monkeypatch.setattr("marsad.extraction.enrich_record", failing_on_cairo)
    errors: list[InputError] = []
    records = pipeline_records(tmp_path, errors)
    assert len(records) == 4 and all(record.entities for record in records)
    assert [Path(error.origin).name for error in errors] == ["page01.txt"]
    assert "enrich" in str(errors[0])


def test_a_batch_collects_garbage_less_often_and_restores_the_collector_after(tmp_path: Path) -> None:
    import gc

    write_pages(tmp_path, steps.ENRICH_WINDOW + 3)
    before = gc.get_threshold()
    errors: list[InputError] = []
    executor = LocalExecutor(
        [
            ReadPages((str(tmp_path),), errors.append),
            PreparePages(errors.append, "2021-03-05"),
            ExtractRecords(ExtractOptions(), errors.append),
        ]
    )
    stream = executor.stream()
    first = next(stream)
    during = gc.get_threshold()
    rest = list(stream)
    assert during[0] >= 10_000 and during[1:] == before[1:]
    assert gc.get_threshold() == before  # restored once the batch is done
    assert gc.get_freeze_count() == 0
    assert errors == [] and len([first, *rest]) == steps.ENRICH_WINDOW + 3


def test_nested_batches_restore_the_collector_once_the_outer_one_ends() -> None:
    import gc

    from marsad.pipeline.collector import batch_collection

    before = gc.get_threshold()
    with batch_collection() as outer:
        outer.loaded()
        with batch_collection():
            pass
        assert gc.get_threshold()[0] >= 10_000  # the inner batch's end leaves the outer one's setting
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
