"""The ray engine on a local Ray runtime with 2 CPUs: the same records as the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from run_corpus import write_corpus

from marsad.cli import cli
from marsad.errors import InputError
from marsad.pipeline.parquet import read_records
from marsad.pipeline.run_output import run_shard_files

pytest.importorskip("ray")


def _fail(error: InputError) -> None:
    raise AssertionError(f"unexpected input error: {error}")


def _records(out: Path) -> list[dict[str, object]]:
    return [record.to_dict() for path in run_shard_files(out, _fail) for record in read_records(path)]


def test_ray_engine_writes_the_records_of_the_local_engine(tmp_path: Path) -> None:
    inputs = [str(path) for path in write_corpus(tmp_path / "in")]
    runner = CliRunner()
    local = runner.invoke(cli, ["run", *inputs, "--out", str(tmp_path / "local")])
    assert local.exit_code == 0, local.output
    ray = runner.invoke(cli, ["run", *inputs, "--out", str(tmp_path / "ray"), "--engine", "ray", "--workers", "2"])
    assert ray.exit_code == 0, ray.output
    assert "4 shards (0 finished before), 25 pages read" in ray.output
    records = _records(tmp_path / "ray")
    assert len(records) == 25
    assert records == _records(tmp_path / "local")
    assert len({record["cluster"] for record in records}) == 4


def test_ray_engine_joins_a_running_runtime_with_address_auto(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    import ray

    inputs = [str(path) for path in write_corpus(tmp_path / "in", shards=2, pages=4)]
    local = CliRunner().invoke(cli, ["run", *inputs, "--out", str(tmp_path / "local"), "--no-enrich"])
    assert local.exit_code == 0, local.output
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        command = [sys.executable, "-m", "marsad", "run", *inputs, "--out", str(tmp_path / "ray"), "--no-enrich"]
        command += ["--engine", "ray", "--workers", "2", "--address", "auto"]
        environment = {**os.environ, "RAY_ADDRESS": ray.get_runtime_context().gcs_address}
        finished = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=300)
        assert finished.returncode == 0, finished.stderr
        assert "3 shards (0 finished before), 13 pages read" in finished.stderr
    finally:
        ray.shutdown()
    assert _records(tmp_path / "ray") == _records(tmp_path / "local")


def test_ray_workers_enforce_the_page_budget_and_go_on(tmp_path: Path) -> None:
    import json

    from hostile_pages import deep_html, long_page, page_text

    shard = tmp_path / "in" / "dump.jsonl"
    shard.parent.mkdir()
    items = [{"text": page_text(1)}, {"text": long_page(3_000)}, {"text": page_text(2)}]
    shard.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    deep = tmp_path / "in" / "deep.html"
    deep.write_text(deep_html(100_000), encoding="utf-8")
    command = ["run", str(shard), str(deep), "--out", str(tmp_path / "ray"), "--engine", "ray", "--workers", "2"]
    result = CliRunner().invoke(cli, [*command, "--page-timeout", "0.5"])
    assert result.exit_code == 0, result.output
    # The deep page is refused for its depth, or, on a loaded machine, for the budget the depth
    # check runs under: either way it is named and the batch goes on.
    deep_line = next(line for line in result.output.splitlines() if "deep.html" in line)
    assert "nested 100,002 elements deep" in deep_line or "over the page's time budget" in deep_line
    assert "dump.jsonl:2" in result.output and "over the page's time budget" in result.output
    records = _records(tmp_path / "ray")
    assert [record["title"] for record in records] == [
        "افتتاح المستشفى الجديد رقم 1 في الطائف",
        "افتتاح المستشفى الجديد رقم 2 في الطائف",
    ]
