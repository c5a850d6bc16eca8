"""`marsad run` on generated WET and WARC shards: engines agree, shards resume, clusters match ingest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from run_corpus import REWRITE, STORIES, shard_pages, write_corpus, write_wet

from marsad.cli import cli
from marsad.errors import InputError
from marsad.pipeline.engines import open_executor
from marsad.pipeline.parquet import read_records, read_rows
from marsad.pipeline.run_output import run_shard_files
from marsad.pipeline.shard_run import RunOptions, RunSummary, run_shards
from marsad.records import Record
from marsad.store import open_archive


def _fail(error: InputError) -> None:
    raise AssertionError(f"unexpected input error: {error}")


def records_of(out: Path) -> list[dict[str, Any]]:
    """Every record of a run's finished shards, in run order, as the record contract."""
    return [record.to_dict() for path in run_shard_files(out, _fail) for record in read_records(path)]


def run(inputs: list[Path], out: Path, engine: str = "local", workers: int = 1, **options: Any) -> RunSummary:
    executor = open_executor(engine, workers)
    try:
        return run_shards([str(path) for path in inputs], out, executor, on_error=_fail, options=RunOptions(**options))
    finally:
        executor.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def local_out(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    run(corpus, out)
    return out


def test_run_writes_one_shard_and_marker_per_input(corpus: list[Path], local_out: Path) -> None:
    shards = sorted(local_out.glob("*.parquet"))
    markers = sorted(local_out.glob("*.done"))
    assert len(shards) == len(markers) == len(corpus)
    records = records_of(local_out)
    # Every page once: 4 shards of 6 pages, plus the rewrite in shard 1; the English page is skipped.
    assert len(records) == 25
    assert len({record["url"] for record in records}) == 25
    manifest = json.loads((local_out / "_run.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True
    assert manifest["inputs"] == [str(path) for path in corpus]


def test_records_carry_the_whole_contract_with_enrichment(local_out: Path) -> None:
    records = records_of(local_out)
    water = [record for record in records if "600 ألف متر مكعب" in " ".join(record["body"])]
    assert water
    for record in water:
        # The masthead no chrome rule knows is learned per source within each WET shard.
        if record["url"].startswith(("https://akhbar.example/0/", "https://akhbar.example/1/")):
            assert {"text": "صحيفة الأنباء اليومية طبعة الخليج", "reason": "template"} in record["boilerplate"]
        assert any(quantity["value"] == 600000 for quantity in record["quantities"])
        assert any(date["value"] == "2022-03" for date in record["dates"])
        assert any(entity["text"] == "الجبيل" for entity in record["entities"])


def test_near_duplicates_share_a_cluster_and_other_stories_do_not(local_out: Path) -> None:
    records = records_of(local_out)
    by_story: dict[str, set[str | None]] = {}
    for record in records:
        body = " ".join(record["body"])
        for _title, paragraphs in [*STORIES, REWRITE]:
            if paragraphs[0] in body:
                by_story.setdefault(paragraphs[1], set()).add(record["cluster"])
    assert len(by_story) == len(STORIES)
    clusters = [next(iter(found)) for found in by_story.values()]
    assert all(len(found) == 1 for found in by_story.values())
    assert len(set(clusters)) == len(STORIES) and None not in clusters
    rewrite = next(record for record in records if record["url"] == "https://wakala.example/jubail")
    first = next(record for record in records if record["url"] == "https://akhbar.example/0/0")
    assert rewrite["cluster"] == first["cluster"] == first["id"]


@pytest.mark.parametrize("engine", ["processes"])
def test_processes_engine_writes_the_same_records(
    engine: str, corpus: list[Path], local_out: Path, tmp_path: Path
) -> None:
    summary = run(corpus, tmp_path, engine, workers=2)
    assert summary.failed == 0 and summary.pages == 25
    assert records_of(tmp_path) == records_of(local_out)


def test_template_scope_is_the_shard(corpus: list[Path], local_out: Path, tmp_path: Path) -> None:
    run(corpus[1:2], tmp_path, clusters=False)
    alone = [{**record, "cluster": None} for record in records_of(tmp_path)]
    together = [
        {**record, "cluster": None}
        for record in records_of(local_out)
        if record["url"].startswith(("https://akhbar.example/1/", "https://wakala.example"))
    ]
    assert alone == together


def test_parquet_reads_back_every_field_losslessly(local_out: Path) -> None:
    path = run_shard_files(local_out, _fail)[0]
    for row in read_rows(path):
        again = Record.from_dict(row.record.to_dict())
        assert again == row.record
        assert row.fingerprint.words >= 8 and len(row.fingerprint.signature) == 128
        assert len(row.page_hash) == 40


def test_rerun_skips_finished_shards_and_redoes_a_changed_input(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path / "in", shards=2, pages=4)
    out = tmp_path / "out"
    first = run(inputs, out)
    assert first.done_before == 0
    before = records_of(out)
    again = run(inputs, out)
    assert again.done_before == len(inputs) and again.records == first.records
    assert records_of(out) == before
    write_wet(inputs[0], shard_pages(7, 5))
    changed = run(inputs, out)
    assert changed.done_before == len(inputs) - 1
    urls = [record["url"] for record in records_of(out)]
    assert sum(url.startswith("https://akhbar.example/7/") for url in urls) == 5
    assert not any(url.startswith("https://akhbar.example/0/") for url in urls)


def test_bad_page_is_reported_with_file_and_record_and_the_rest_goes_on(tmp_path: Path) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "mixed.warc.gz"
    pages = shard_pages(0, 3)
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for number, (url, text) in enumerate(pages):
            html = f"<html><body><article><p>{'</p><p>'.join(text.splitlines())}</p></article></body></html>"
            fields = [("Content-Type", "text/html; charset=utf-8")]
            if number == 1:  # says gzip, is not
                fields.append(("Content-Encoding", "deflate"))
            headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
            )
    result = CliRunner().invoke(cli, ["run", str(path), "--out", str(tmp_path / "out"), "--no-enrich"])
    assert result.exit_code == 0, result.output
    assert f"skipped {path}#2: HTTP payload does not decode" in result.output
    assert "shard/s" not in result.output  # no progress bar when stderr is not a terminal
    urls = [record["url"] for record in records_of(tmp_path / "out")]
    assert urls == [pages[0][0], pages[2][0]]


def test_clusters_are_those_ingest_finds_over_the_same_pages(corpus: list[Path], tmp_path: Path) -> None:
    run(corpus, tmp_path / "out", templates=False)
    runner = CliRunner()
    db = tmp_path / "raw.db"
    result = runner.invoke(cli, ["ingest", *map(str, corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output

    def partition(pairs: list[tuple[str, str | None]]) -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for record_id, cluster in pairs:
            groups.setdefault(cluster or record_id, set()).add(record_id)
        return {frozenset(group) for group in groups.values()}

    ran = partition([(record["id"], record["cluster"]) for record in records_of(tmp_path / "out")])
    with open_archive(str(db)) as archive:
        stored = partition([(record.id, record.cluster) for record in archive.iter_records()])
    assert ran == stored
    assert max(len(group) for group in ran) > 1


def test_ingest_loads_the_parquet_output_without_extracting_again(local_out: Path, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(local_out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    expected = {record["id"]: record for record in records_of(local_out)}
    clustered = [record["cluster"] for record in expected.values() if record["cluster"]]
    # The archive's own index over the same records in the same order: as many repeats as the run found.
    assert "25 stored (0 replacing an older version), 0 unchanged, 0 failed; 25 records, " in result.output
    assert f"{len(clustered) - len(set(clustered))} near-duplicates" in result.output
    with open_archive(str(db)) as archive:
        stored = {record.id: record.to_dict() for record in archive.iter_records()}
    assert stored.keys() == expected.keys()
    for record_id, record in stored.items():
        assert {key: record[key] for key in ("body", "title", "url", "entities", "dates")} == {
            key: expected[record_id][key] for key in ("body", "title", "url", "entities", "dates")
        }
    again = runner.invoke(cli, ["ingest", str(local_out), "--db", str(db)])
    assert "25 unchanged" in again.output
    found = runner.invoke(cli, ["search", "تحلية المياه", "--db", str(db), "--json", "--all-copies"])
    desalination = {key for key, record in expected.items() if "تحلية المياه" in " ".join(record["body"])}
    assert {json.loads(line)["id"] for line in found.output.strip().splitlines()} == desalination


def test_ingest_skips_an_unfinished_shard_and_says_so(local_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy"
    out.mkdir()
    for path in local_out.iterdir():
        (out / path.name).write_bytes(path.read_bytes())
    unfinished = sorted(out.glob("*.done"))[0]
    unfinished.unlink()
    result = CliRunner().invoke(cli, ["ingest", str(out), "--db", str(tmp_path / "a.db"), "--no-clusters"])
    assert "unfinished shard" in result.output
    assert "19 stored" in result.output


def test_run_command_rejects_workers_for_the_local_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--workers", "2"])
    assert result.exit_code == 2 and "--engine processes or ray" in result.output


@pytest.mark.parametrize("engine", ["local", "processes"])
def test_killed_run_resumes_and_writes_every_page_once(engine: str, tmp_path: Path) -> None:
    inputs = [tmp_path / "in" / f"part-{number}.wet.gz" for number in range(8)]
    inputs[0].parent.mkdir()
    for number, path in enumerate(inputs):
        write_wet(path, shard_pages(number, 60))
    out = tmp_path / "out"
    # Enrichment changes nothing about resuming; without it the test is quicker.
    command = [sys.executable, "-m", "marsad", "run", *map(str, inputs), "--out", str(out), "--no-enrich"]
    command += ["--engine", engine]
    if engine == "processes":
        command += ["--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not list(out.glob("*.done")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    if engine == "processes":
        time.sleep(2.5)  # orphaned workers notice within a second that the driver is gone, and stop
    finished_at_kill = len(list(out.glob("*.done")))
    assert 1 <= finished_at_kill < len(inputs)

    rerun = subprocess.run(command, capture_output=True, text=True, check=True)
    assert f"({finished_at_kill} finished before)" in rerun.stderr
    urls = Counter(record["url"] for record in records_of(out))
    expected = {url for number in range(8) for url, _ in shard_pages(number, 60)}
    assert set(urls) == expected and set(urls.values()) == {1}
    assert not list(out.glob(".*.tmp"))
