"""`marsad eval events`: events across outlets against gold grouped by people who never saw marsad's output."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from marsad.evaluation.events import (
    EVENT_SETS,
    EventScores,
    annotator_agreement,
    evaluate_events,
    load_event_floors,
)
from marsad.shared_data import shared_dir

_KINDS = {
    "dev": "dev: weights and threshold were chosen on it",
    "dev3": "dev: the headline checks were chosen on it",
    "dev4": "dev: read fresh first, then tuned on",
    "dev5": "dev: read fresh first, then tuned on",
    "dev6": "dev: read fresh first, then tuned on",
    "dev7": "dev: read fresh first, then tuned on",
    "blind2": "blind: grouped without marsad's output in view, never read for errors",
    "blind": "blind: grouped without marsad's output in view, never read for errors",
}


def _table(which: str, scores: EventScores) -> list[str]:
    lines = [
        f"{which} ({_KINDS[which]}): {scores.articles} articles, {scores.gold_events} gold events, "
        f"{scores.gold_pairs} same-event pairs"
    ]
    for label, pair, b3 in (
        ("events", scores.events, scores.events_bcubed),
        ("near-duplicates alone", scores.near_duplicates, scores.near_duplicates_bcubed),
    ):
        lines.append(
            f"  {label:<22} pairwise P {pair.precision:.3f}  R {pair.recall:.3f}  F1 {pair.f1:.3f}   "
            f"B-cubed P {b3.precision:.3f}  R {b3.recall:.3f}  F1 {b3.f1:.3f}"
        )
    ratio = scores.figures()["recall_over_neardup"]
    lines.append(f"  events find {ratio:.2f}x the same-event pairs near-duplicate clusters find")
    return lines


@click.command(name="events")
@click.option(
    "--shared",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="The shared data folder (default: $MARSAD_SHARED, else ../shared beside the project).",
)
@click.option("--set", "sets", type=click.Choice(EVENT_SETS), multiple=True, help="Gold sets to score (default: both).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--check", is_flag=True, help="Exit 1 when a figure is below its pinned floor.")
def events_eval_command(shared: Path | None, sets: tuple[str, ...], as_json: bool, check: bool) -> None:
    """Pairwise and B-cubed precision, recall and F1 of `marsad`'s events on SaudiNewsNet
    articles grouped into events under docs/guidelines/events.md, beside near-duplicate
    clusters alone. ``dev`` and ``dev3`` to ``dev7`` are where the rules were chosen; ``blind`` and
    ``blind2`` are never read for errors. The last lines score a second person's grouping of
    the same articles against a gold set: how far two people agree, a bound on any program's figure."""
    folder = shared or shared_dir()
    floors = load_event_floors()
    figures: dict[str, dict[str, float]] = {}
    failures = []
    for which in sets or EVENT_SETS:
        scores = evaluate_events(folder, which)
        figures[which] = scores.figures()
        if not as_json:
            click.echo("\n".join(_table(which, scores)))
        for name, floor in floors.get(which, {}).items():
            if figures[which][name] < floor:
                failures.append(f"{which} {name} = {figures[which][name]:.4f} is below its floor {floor:.4f}")
    agreement = annotator_agreement()
    figures["agreement"] = {name: round(pair.f1, 4) for name, _about, pair, _b3 in agreement}
    if as_json:
        click.echo(json.dumps(figures))
    else:
        for name, about, pair, b3 in agreement:
            click.echo(
                f"agreement on {name} (two people, {about}; not marsad): pairwise P {pair.precision:.3f}  "
                f"R {pair.recall:.3f}  F1 {pair.f1:.3f}   B-cubed F1 {b3.f1:.3f}"
            )
    for failure in failures:
        click.echo(f"marsad: {failure}", err=True)
    if check and failures:
        sys.exit(1)
