"""`marsad events` and `marsad ingest --no-events` through their click commands, on our articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from event_samples import ARTICLES

from marsad.commands.events import events_command
from marsad.commands.ingest import ingest_command


def _dump(folder: Path) -> Path:
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for key, (outlet, day, title, body) in ARTICLES.items():
            item = {"id": key, "title": title, "text": body, "source": outlet, "published": day}
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("events-cli")
    db = folder / "archive.db"
    result = CliRunner().invoke(ingest_command, [str(_dump(folder)), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "new events" in result.output
    return db


def test_events_lists_the_happening_three_outlets_told(archive: Path) -> None:
    result = CliRunner().invoke(events_command, ["--db", str(archive)])
    assert result.exit_code == 0, result.output
    assert "3 articles, 3 outlets: alyaum, okaz, sabq" in result.output
    assert "2023-03-14..2023-03-15" in result.output
    assert ARTICLES["fire-okaz"][2] in result.output


def test_events_json_and_one_event(archive: Path) -> None:
    listed = CliRunner().invoke(events_command, ["--db", str(archive), "--json", "--min-outlets", "1"])
    events = [json.loads(line) for line in listed.output.splitlines()]
    assert events[0]["records"] == 3 and events[0]["sources"] == ["alyaum", "okaz", "sabq"]
    shown = CliRunner().invoke(events_command, ["--db", str(archive), "--event", events[0]["id"], "--json"])
    view = json.loads(shown.output)
    assert [article["source"] for article in view["articles"]] == ["okaz", "alyaum", "sabq"]
    text = CliRunner().invoke(events_command, ["--db", str(archive), "--event", events[0]["id"]])
    assert "first seen 2023-03-14" in text.output and "entities:" in text.output


def test_a_period_and_errors(archive: Path) -> None:
    later = CliRunner().invoke(events_command, ["--db", str(archive), "--since", "2023-04-01"])
    assert later.exit_code == 0 and "no events" in later.output
    bad = CliRunner().invoke(events_command, ["--db", str(archive), "--since", "2023-02-30"])
    assert bad.exit_code == 2 and "not a day" in bad.output
    missing = CliRunner().invoke(events_command, ["--db", str(archive), "--event", "nothing-here"])
    assert missing.exit_code == 1 and "no event 'nothing-here'" in missing.output
    absent = CliRunner().invoke(events_command, ["--db", str(archive.parent / "none.db")])
    assert absent.exit_code == 2 and "no archive" in absent.output


def test_an_archive_ingested_without_events_gets_them_by_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    result = CliRunner().invoke(ingest_command, [str(_dump(tmp_path)), "--db", str(db), "--no-events"])
    assert result.exit_code == 0, result.output
    before = CliRunner().invoke(events_command, ["--db", str(db)]).output
    assert "no events" in before and f"{len(ARTICLES)} stored records are in no event" in before
    rebuilt = CliRunner().invoke(events_command, ["--db", str(db), "--rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "events over the archive's records" in rebuilt.output
    assert "3 articles, 3 outlets" in rebuilt.output
