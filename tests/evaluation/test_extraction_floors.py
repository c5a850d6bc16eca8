"""The extraction quality gate: marsad on the real pages of ../shared must not
fall below the floors pinned in `marsad/evaluation/data/extraction_floors.json`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.commands.eval_extract import extract_eval_command
from marsad.evaluation.extraction import check_floors, evaluate, load_floors


def test_extraction_holds_its_pinned_floors(shared: Path) -> None:
    report = evaluate(shared)
    failures = check_floors(report.figures(), load_floors())
    assert not failures, "\n".join(failures)


def test_eval_extract_command_checks_floors_and_prints_json(shared: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        extract_eval_command, ["--shared", str(shared), "--set", "seed", "--no-trafilatura", "--json", "--check"]
    )
    assert result.exit_code == 0, result.output
    assert '"marsad.seed.f1"' in result.output


def test_eval_extract_check_fails_clearly_below_a_floor(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    impossible = {"marsad.seed.f1": {"min": 1.5}}
    monkeypatch.setattr("marsad.commands.eval_extract.load_floors", lambda: impossible)
    result = CliRunner().invoke(
        extract_eval_command, ["--shared", str(shared), "--set", "seed", "--no-trafilatura", "--check"]
    )
    assert result.exit_code == 1
    assert "marsad.seed.f1" in result.output and "below its floor" in result.output
