"""The cluster stages on shard files: repeats across shards join, templated statements do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.cluster.minhash import fingerprint
from marsad.pipeline.cluster_stages import JoinClusters, assign_clusters, join_clusters
from marsad.pipeline.parquet import ShardRow, read_records, write_rows
from marsad.records import Record

TELEGRAM = (
    "بعث خادم الحرمين الشريفين برقية تهنئة إلى رئيس {country} بمناسبة ذكرى اليوم الوطني لبلاده، "
    "أعرب فيها عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة لفخامته ولشعب {country} الصديق "
    "اطراد التقدم والازدهار، وتلقى الديوان البرقية في {capital} صباح اليوم."
)
FLOOD = (
    "أعلنت هيئة الأرصاد عن أمطار غزيرة على المناطق الجنوبية مساء اليوم مع رياح نشطة تثير الغبار "
    "وتحد من مدى الرؤية الأفقية على الطرق السريعة، ودعت السكان إلى الابتعاد عن مجاري الأودية."
)
FLOOD_REPEAT = FLOOD.replace("مساء اليوم", "مساء الخميس").replace("ودعت السكان", "ودعت الهيئة السكان")


def _row(record_id: str, text: str) -> ShardRow:
    record = Record(record_id, None, "wakala.example", None, None, None, None, [text])
    return ShardRow(record, "0" * 40, fingerprint(text))


def _shard(path: Path, rows: list[tuple[str, str]]) -> Path:
    write_rows([_row(record_id, text) for record_id, text in rows], path)
    return path


@pytest.fixture
def shards(tmp_path: Path) -> list[Path]:
    return [
        _shard(tmp_path / "a.parquet", [("fr", TELEGRAM.format(country="فرنسا", capital="باريس")), ("flood", FLOOD)]),
        _shard(
            tmp_path / "b.parquet",
            [
                ("jp", TELEGRAM.format(country="اليابان", capital="طوكيو")),
                ("flood-2", FLOOD_REPEAT),
                ("fr-2", TELEGRAM.format(country="فرنسا", capital="باريس")),
            ],
        ),
    ]


def test_repeats_across_shards_share_the_founders_id_and_templates_stay_apart(shards: list[Path]) -> None:
    assignment = assign_clusters(shards)
    assert assignment.by_shard == {"a.parquet": ["fr", "flood"], "b.parquet": [None, "flood", "fr"]}
    assert (assignment.clusters, assignment.duplicates) == (2, 2)


def test_shard_order_decides_the_founder(shards: list[Path]) -> None:
    assignment = assign_clusters(list(reversed(shards)))
    assert assignment.by_shard["b.parquet"] == [None, "flood-2", "fr-2"]
    assert assignment.by_shard["a.parquet"] == ["fr-2", "flood-2"]


def test_join_writes_the_cluster_column_and_keeps_everything_else(shards: list[Path]) -> None:
    before = list(read_records(shards[1]))
    assignment = assign_clusters(shards)
    join_clusters(JoinClusters(str(shards[1]), tuple(assignment.by_shard["b.parquet"])))
    after = list(read_records(shards[1]))
    assert [record.cluster for record in after] == [None, "flood", "fr"]
    assert [(record.id, record.body) for record in after] == [(record.id, record.body) for record in before]


def test_join_refuses_ids_that_do_not_fit_the_shard(shards: list[Path]) -> None:
    with pytest.raises(ValueError, match="3 rows, but 2 cluster ids"):
        join_clusters(JoinClusters(str(shards[1]), ("x", None)))
