"""`marsad eval search` and `marsad eval clusters`: the archive's quality on the real data in ../shared."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from marsad.evaluation.archive import (
    check_floors,
    evaluate_clusters,
    evaluate_search_on_shared,
    load_floors,
    shared_dir,
)

_shared_option = click.option(
    "--shared",
    "shared",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="The shared data folder (default: $MARSAD_SHARED, else ../shared beside the project).",
)
_json_option = click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
_check_option = click.option("--check", is_flag=True, help="Exit 1 when a figure is below its pinned floor.")


def _finish(figures: dict[str, float], as_json: bool, check: bool) -> None:
    floors = load_floors()
    if as_json:
        click.echo(json.dumps(figures))
    else:
        for name, value in figures.items():
            floor = floors.get(name)
            click.echo(f"{name:32s} {value:.4f}" + (f"   (floor {floor:.4f})" if floor is not None else ""))
    failures = check_floors(figures, floors)
    for failure in failures:
        click.echo(f"marsad: {failure}", err=True)
    if check and failures:
        sys.exit(1)


@click.command(name="search")
@_shared_option
@_json_option
@_check_option
@click.option("--per-query", is_flag=True, help="Also print recall and precision of every query.")
def search_eval_command(shared: Path | None, as_json: bool, check: bool, per_query: bool) -> None:
    """Variant-query recall of `marsad search` on newspapers.jsonl.gz (our queries and judgements)."""
    report = evaluate_search_on_shared(shared or shared_dir())
    if per_query and not as_json:
        click.echo(f"{'query':24s} {'relevant':>8s} {'found':>6s} {'returned':>8s} recall precision")
        for item in report.queries:
            click.echo(
                f"{item.query:24s} {item.relevant:8d} {item.found_relevant:6d} {item.returned:8d} "
                f"{item.recall:6.3f} {item.precision:9.3f}"
            )
    _finish(report.figures(), as_json, check)


@click.command(name="clusters")
@_shared_option
@_json_option
@_check_option
@click.option("--threshold", type=click.FloatRange(0.05, 1.0), help="Cluster threshold (default: ingest's).")
def clusters_eval_command(shared: Path | None, as_json: bool, check: bool, threshold: float | None) -> None:
    """Near-duplicate pairwise precision/recall: labelled SaudiNewsNet pairs plus generated variants."""
    report = evaluate_clusters(shared or shared_dir(), threshold=threshold)
    if not as_json:
        click.echo(f"{report.labelled_pairs} labelled pairs, {report.generated_pairs} generated pairs")
        for kind, (total, correct) in report.by_kind.items():
            click.echo(f"  {kind:22s} {correct}/{total} correct")
    _finish(report.figures(), as_json, check)


@click.command(name="archive")
@_shared_option
@_json_option
@_check_option
def archive_eval_command(shared: Path | None, as_json: bool, check: bool) -> None:
    """Search recall and cluster precision/recall together, checked against the pinned floors."""
    folder = shared or shared_dir()
    figures = {**evaluate_search_on_shared(folder).figures(), **evaluate_clusters(folder).figures()}
    _finish(figures, as_json, check)
