"""Quality gates on the real data: events against gold grouped by people who never saw
marsad's output stay above their floors, and the scoring itself is right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.commands.eval_events import events_eval_command
from marsad.evaluation.events import (
    EVENT_SETS,
    annotator_agreement,
    bcubed,
    evaluate_events,
    load_event_floors,
    pairwise,
)


def test_pairwise_and_bcubed_on_a_small_case() -> None:
    gold = {"a": "1", "b": "1", "c": "1", "d": "2"}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    pairs = pairwise(gold, predicted)
    # Gold pairs ab ac bc; predicted ab cd: one right of two, one found of three.
    assert (pairs.precision, round(pairs.recall, 4)) == (0.5, 0.3333)
    b3 = bcubed(gold, predicted)
    assert round(b3.precision, 4) == round((1 + 1 + 0.5 + 0.5) / 4, 4)
    assert round(b3.recall, 4) == round((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 4)
    assert pairwise(gold, gold).f1 == 1.0 and bcubed(gold, gold).f1 == 1.0


def test_gold_sets_are_whole() -> None:
    for which in (*EVENT_SETS, "blind_first", "dev3_second"):
        data = json.loads(
            (Path(__file__).parents[2] / "src/marsad/evaluation/data" / f"events_{which}.json").read_text()
        )
        urls = [item["url"] for item in data["articles"]]
        # (the issue asks 300 articles at least of a blind set; a development day may hold fewer)
        assert len(urls) == len(set(urls)) >= (300 if which.startswith("blind") else 250), which
        labels = [item["event"] for item in data["articles"]]
        multi = {label for label in labels if labels.count(label) > 1}
        assert multi == set(data["events"]), which
    agreement = {name: pair.f1 for name, _about, pair, _b3 in annotator_agreement()}
    assert set(agreement) == {"dev3", "blind"} and all(0.5 < f1 < 1.0 for f1 in agreement.values())


@pytest.mark.slow
@pytest.mark.parametrize("which", EVENT_SETS)
def test_event_floors(shared: Path, which: str) -> None:
    figures = evaluate_events(shared, which).figures()
    floors = load_event_floors()[which]
    failing = {name: (figures[name], floor) for name, floor in floors.items() if figures[name] < floor}
    assert failing == {}


def test_eval_command_prints_both_kinds(shared: Path) -> None:
    result = CliRunner().invoke(events_eval_command, ["--set", "dev", "--shared", str(shared)])
    assert result.exit_code == 0, result.output
    assert "near-duplicates alone" in result.output and "agreement" in result.output
