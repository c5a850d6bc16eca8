from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.extraction import ExtractOptions
from marsad.pipeline.local import LocalExecutor
from marsad.pipeline.steps import ExtractRecords, LearnTemplates, PreparePages, ReadPages

PAGE = """{category}

{title}

أكدت الهيئة العامة للإحصاء في تقريرها الشهري رقم {number} أن معدل التضخم تراجع في المدن الرئيسية.

وأوضح التقرير رقم {number} أن أسعار المواد الغذائية والنقل سجلت انخفاضا طفيفا مقارنة بالشهر الماضي.

وتوقع خبراء اقتصاديون في التقرير رقم {number} أن يستمر هذا الاتجاه خلال الربع المقبل.

زوروا معرض الهيئة الدائم في مقرها الرئيسي
"""


def write_pages(folder: Path, count: int) -> None:
    for number in range(count):
        text = PAGE.format(
            category="أخبارالاقتصاد", title=f"تراجع التضخم في تقرير الهيئة رقم {number} لهذا الشهر", number=number
        )
        (folder / f"page{number}.txt").write_text(text, encoding="utf-8")


def test_pipeline_reads_prepares_and_extracts(tmp_path: Path) -> None:
    write_pages(tmp_path, 4)
    (tmp_path / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    errors: list[InputError] = []
    options = ExtractOptions(enrich=False)
    executor = LocalExecutor(
        [
            ReadPages((str(tmp_path),), errors.append),
            PreparePages(errors.append, "2024-03-01"),
            ExtractRecords(options, errors.append),
        ]
    )
    records = list(executor.stream())
    assert len(records) == 4
    assert {record.published for record in records} == {"2024-03-01"}
    assert {record.category for record in records} == {"الاقتصاد"}
    assert [error.origin for error in errors] == [str(tmp_path / "broken.txt")]
    stats = executor.stats()
    assert stats["read"]["pages"] == 4
    assert stats["extract"]["records"] == 4


def test_pipeline_shards_by_rank(tmp_path: Path) -> None:
    write_pages(tmp_path, 5)

    def titles(rank: int) -> set[str | None]:
        options = ExtractOptions(enrich=False)
        executor = LocalExecutor(
            [ReadPages((str(tmp_path),), print), PreparePages(print), ExtractRecords(options, print)]
        )
        return {record.title for record in executor.stream(rank=rank, world_size=2)}

    first, second = titles(0), titles(1)
    assert len(first) + len(second) == 5
    assert not first & second


def test_learn_templates_step_sets_options(tmp_path: Path) -> None:
    write_pages(tmp_path, 4)
    options = ExtractOptions(enrich=False)
    executor = LocalExecutor(
        [
            ReadPages((str(tmp_path),), print),
            PreparePages(print),
            LearnTemplates(options),
            ExtractRecords(options, print),
        ]
    )
    records = list(executor.stream())
    assert len(records) == 4
    for record in records:
        assert {"text": "زوروا معرض الهيئة الدائم في مقرها الرئيسي", "reason": "template"} in [
            b.to_dict() for b in record.boilerplate
        ]


def test_executor_needs_steps() -> None:
    with pytest.raises(ValueError):
        LocalExecutor([])
