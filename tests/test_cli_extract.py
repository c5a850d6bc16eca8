"""`marsad extract` through the real entry point, as a user runs it."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from marsad.cli import cli
from marsad.records import RECORD_FIELDS
from terminal import stderr_on_terminal

PAGE = """أخبارالاقتصاد

ارتفاع صادرات التمور إلى أسواق آسيا بنسبة كبيرة خلال الموسم الحالي

أعلنت هيئة تنمية الصادرات أن صادرات التمور ارتفعت خلال الموسم الحالي بعد دخول أسواق جديدة في شرق آسيا.

وقال رئيس الهيئة إن المزارعين استفادوا من برامج الدعم التي أطلقتها الحكومة لتحسين جودة التعبئة والتغليف.

وأضاف أن الهيئة تعمل مع شركات الشحن لتقليص مدة وصول الشحنات إلى الموانئ الآسيوية.

اترك تعليقاً

زر الذهاب إلى الأعلى
"""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "marsad", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_extract_seed_writes_two_records_with_every_field(shared: Path) -> None:
    seed = shared / "seed" / "000_06b0f5cfdc501643.txt"
    result = run("extract", str(seed), "--published", "2021-07-27", "--no-enrich")
    assert result.returncode == 0, result.stderr
    host, story = records(result.stdout)
    for field in RECORD_FIELDS:
        assert field in host and field in story
    assert host["category"] == "الشرق الأوسط"
    assert story["parent"] == host["id"]
    assert host["published"] == "2021-07-27"
    # Piped: no progress bar, no noise.
    assert result.stderr == ""


def test_extract_batch_reports_bad_input_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    lines = [
        json.dumps({"text": PAGE, "id": "a1", "url": "https://example.sa/news/1"}, ensure_ascii=False),
        "{not json",
        json.dumps({"text": PAGE.replace("التمور", "الحبوب"), "id": "a2"}, ensure_ascii=False),
    ]
    with gzip.open(tmp_path / "dump.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    result = run("extract", str(tmp_path), "--no-enrich")
    assert result.returncode == 0
    found = records(result.stdout)
    assert {record["id"] for record in found} >= {"a1", "a2"}
    assert len(found) == 3
    assert "dump.jsonl.gz:2" in result.stderr
    assert "empty.txt" in result.stderr
    strict = run("extract", str(tmp_path), "--no-enrich", "--strict")
    assert strict.returncode == 1
    assert len(records(strict.stdout)) == 3


def test_extract_from_stdin_to_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("extract", "-", "-o", str(out), "--no-enrich", stdin=PAGE)
    assert result.returncode == 0, result.stderr
    [record] = records(out.read_text(encoding="utf-8"))
    assert record["category"] == "الاقتصاد"
    assert record["title"] == "ارتفاع صادرات التمور إلى أسواق آسيا بنسبة كبيرة خلال الموسم الحالي"
    assert len(record["body"]) == 3
    reasons = {item["reason"] for item in record["boilerplate"]}
    assert {"breadcrumb", "comment_form", "back_to_top"} <= reasons


def test_extract_rejects_a_bad_date() -> None:
    result = run("extract", "-", "--published", "yesterday", stdin=PAGE)
    assert result.returncode == 2
    assert "--published" in result.stderr


def test_missing_file_is_reported(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nope.txt"), "--strict")
    assert result.returncode == 1
    assert "nope.txt" in result.stderr


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in group.commands.items():
        found.append((prefix + name, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, prefix + name + " "))
    return found


@pytest.mark.parametrize(("name", "command"), _commands(cli))
def test_every_command_has_help(name: str, command: click.Command) -> None:
    assert command.help and len(command.help.strip()) > 10, name


def test_progress_shows_on_a_terminal(tmp_path: Path) -> None:
    for number in range(3):
        (tmp_path / f"p{number}.txt").write_text(PAGE.replace("التمور", f"التمور {number}"), encoding="utf-8")
    out = str(tmp_path.parent / "out.jsonl")
    code, text = stderr_on_terminal(
        [sys.executable, "-m", "marsad", "extract", str(tmp_path), "--no-enrich", "-o", out]
    )
    assert code == 0
    assert "extract" in text and "3/3" in text and "page/s" in text
