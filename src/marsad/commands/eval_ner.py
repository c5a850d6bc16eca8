"""`marsad eval ner`: entity-level F1 of the shipped tagger on ANERcorp test and AQMAR, and names in today's news."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from marsad.commands.common import ner_option
from marsad.shared_data import shared_dir


def _news(shared: Path, pinned: dict[str, float], as_json: bool, kind: str) -> list[str]:
    """Print the names found in today's news (`evaluation/news_entities.py`); what falls short of a floor."""
    from marsad.evaluation.news_entities import evaluate_news

    try:
        scores = evaluate_news(shared)
    except (FileNotFoundError, ValueError) as error:
        click.echo(f"news: not measured: {error}", err=True)
        return ["news: not measured"]
    failed = []
    for score in scores:
        if as_json:
            figures = {"precision": score.precision, "recall": score.recall, "f1": score.f1}
            click.echo(json.dumps({"model": kind, **asdict(score), **figures}, ensure_ascii=False))
        else:
            click.echo(
                f"{score.name:20s} F1 {score.f1:.4f} (P {score.precision:.4f} R {score.recall:.4f})  "
                f"| {score.articles} {score.source}, {score.gold} names (sets per article)"
            )
        floor = pinned.get(score.name)
        if floor is not None and score.f1 < floor:
            failed.append(f"{score.name}: F1 {score.f1:.4f} < floor {floor:.4f}")
    return failed


def _data_file(shared: Path, relative: str, what: str = "data set") -> Path:
    path = shared / relative
    if not path.is_file():
        raise click.ClickException(f"{path}: {what} not found (set --shared or MARSAD_SHARED)")
    return path


def _profiles(shared: Path, limit: int | None, as_json: bool) -> None:
    """The dev split against the rest of train, each evaluation set against all of train."""
    from marsad.enrich.ner import tag_tokens
    from marsad.enrich.ner.conll import read_labelled
    from marsad.evaluation.ner import DATASETS
    from marsad.evaluation.ner_novelty import format_profile, profile
    from marsad.training.ner.train import TrainConfig, split_dev

    train = read_labelled(_data_file(shared, "data/ner/anercorp/train.txt", "training set"))
    rest, dev = split_dev(train, TrainConfig())
    results = [profile("anercorp-dev", rest, dev[:limit])]
    for name, relative, keep in DATASETS:
        # The shipped tagger learned all of train: its recall is read on the evaluation sets only.
        results.append(profile(name, train, read_labelled(_data_file(shared, relative), keep)[:limit], tag_tokens))
    for result in results:
        if not as_json:
            click.echo(format_profile(result))
            continue
        found = {
            f"{kind} {'seen' if seen else 'unseen'}": count for (kind, seen), count in (result.found or {}).items()
        }
        figures = {"entities": dict(result.entities), "unseen": dict(result.unseen), "found": found}
        click.echo(json.dumps({"name": result.name, "tokens": result.tokens, **figures}, ensure_ascii=False))


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
@ner_option
@click.option(
    "--profile",
    is_flag=True,
    help="Only print how each set differs from training: entities per type, the share never seen in training, "
    "and the tagger's recall on each share.",
)
def ner_command(shared: Path | None, limit: int | None, as_json: bool, check: bool, profile: bool) -> None:
    """Print micro and per-type F1 (CoNLL entity rules) and tokens/s on ANERcorp
    test (PER LOC ORG MISC) and AQMAR (PER LOC ORG, out of domain), then the
    places, persons and organisations found in 40 SaudiNewsNet articles
    against our annotation (sets of names per article)."""
    from marsad.enrich.ner import tag_tokens
    from marsad.enrich.ner.model import shipped_model
    from marsad.evaluation.ner import DATASETS, evaluate_dataset, floors

    shared = shared or shared_dir()
    if profile:
        _profiles(shared, limit, as_json)
        return
    tag_tokens([["تحميل"]])  # load the model outside the timed part
    kind = shipped_model().kind  # the neural tagger when its weights are shipped, else the CRF
    if not as_json:
        click.echo(f"model: {kind}")
    pinned = floors(kind)
    failed: list[str] = []
    for name, relative, keep in DATASETS:
        result = evaluate_dataset(name, _data_file(shared, relative), keep, tag_tokens, limit)
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
    failed += _news(shared, pinned, as_json, kind)
    if check and failed:
        for line in failed:
            click.echo(line, err=True)
        sys.exit(1)
