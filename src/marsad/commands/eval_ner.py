"""`marsad eval ner`: entity-level F1 of the shipped tagger on ANERcorp test and AQMAR."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from marsad.enrich.ner.paths import shared_dir

PLACES_NAME = "news-places"


def _news_places(shared: Path, floor: float | None, as_json: bool, kind: str) -> list[str]:
    """Print the place names of today's news (`evaluation/places.py`); what falls short of the floor."""
    from marsad.evaluation.places import evaluate_places

    try:
        result = evaluate_places(shared)
    except (FileNotFoundError, ValueError) as error:
        click.echo(f"{PLACES_NAME}: not measured: {error}", err=True)
        return [f"{PLACES_NAME}: not measured"]
    if as_json:
        figures = {"precision": result.precision, "recall": result.recall, "f1": result.f1}
        click.echo(json.dumps({"model": kind, "name": PLACES_NAME, **asdict(result), **figures}))
    else:
        click.echo(
            f"{PLACES_NAME:14s} LOC F1 {result.f1:.4f} (P {result.precision:.4f} R {result.recall:.4f})  "
            f"| {result.articles} SaudiNewsNet articles, {result.gold} place names (sets per article)"
        )
    if floor is not None and result.f1 < floor:
        return [f"{PLACES_NAME}: LOC F1 {result.f1:.4f} < floor {floor:.4f}"]
    return []


@click.command(name="ner")
@click.option(
    "--shared",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The shared data folder (default: $MARSAD_SHARED or ../shared).",
)
@click.option("--limit", type=int, default=None, help="Only the first N sentences of each set.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per data set.")
@click.option("--check", is_flag=True, help="Exit non-zero if a micro F1 is below its pinned floor.")
def ner_command(shared: Path | None, limit: int | None, as_json: bool, check: bool) -> None:
    """Print micro and per-type F1 (CoNLL entity rules) and tokens/s on ANERcorp
    test (PER LOC ORG MISC) and AQMAR (PER LOC ORG, out of domain), then the
    place names found in 40 SaudiNewsNet articles against our annotation."""
    from marsad.enrich.ner import tag_tokens
    from marsad.enrich.ner.evaluate import DATASETS, evaluate_dataset, floors
    from marsad.enrich.ner.model import shipped_model

    shared = shared or shared_dir()
    tag_tokens([["تحميل"]])  # load the model outside the timed part
    kind = shipped_model().kind  # the neural tagger when its weights are shipped, else the CRF
    if not as_json:
        click.echo(f"model: {kind}")
    pinned = floors()
    failed: list[str] = []
    for name, relative, keep in DATASETS:
        path = shared / relative
        if not path.is_file():
            raise click.ClickException(f"{path}: data set not found (set --shared or MARSAD_SHARED)")
        result = evaluate_dataset(name, path, keep, tag_tokens, limit)
        floor = pinned.get(name)
        if floor is not None and result.micro_f1 < floor:
            failed.append(f"{name}: micro F1 {result.micro_f1:.4f} < floor {floor:.4f}")
        if as_json:
            click.echo(json.dumps({"model": kind, **asdict(result)}, ensure_ascii=False))
            continue
        types = "  ".join(f"{k} {v:.4f}" for k, v in sorted(result.per_type_f1.items()))
        click.echo(
            f"{name:14s} micro F1 {result.micro_f1:.4f} (P {result.precision:.4f} R {result.recall:.4f})  "
            f"{types}  | {result.sentences} sentences, {result.tokens} tokens, "
            f"{result.tokens_per_second:,.0f} tokens/s"
        )
    failed += _news_places(shared, pinned.get(PLACES_NAME), as_json, kind)
    if check and failed:
        for line in failed:
            click.echo(line, err=True)
        sys.exit(1)
