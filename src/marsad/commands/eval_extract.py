"""`marsad eval extract`: extraction quality on the real pages in ../shared."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from marsad.evaluation.extraction import SETS, check_floors, evaluate, load_floors
from marsad.evaluation.extraction_table import format_table


@click.command(name="extract")
@click.option(
    "--shared",
    "shared",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="The shared data folder (default: $MARSAD_SHARED, else ../shared beside the project).",
)
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable figures instead of the table.")
@click.option("--check", is_flag=True, help="Exit 1 when any figure is outside its pinned floor.")
@click.option(
    "--set",
    "sets",
    type=click.Choice(SETS),
    multiple=True,
    help="Evaluate only these page sets (repeatable; default: all).",
)
@click.option(
    "--saudinewsnet-limit",
    type=click.IntRange(min=1),
    default=None,
    help="Use only the first N annotated SaudiNewsNet articles.",
)
@click.option("--no-trafilatura", is_flag=True, help="Skip the trafilatura comparison on HTML pages.")
def extract_eval_command(
    shared: Path | None,
    as_json: bool,
    check: bool,
    sets: tuple[str, ...],
    saudinewsnet_limit: int | None,
    no_trafilatura: bool,
) -> None:
    """Word-level body P/R/F1, chrome kept, body lines lost, title and category
    matches of `marsad extract` on the seed, the HTML and WET-like pages, and a
    SaudiNewsNet sample with its real leftovers; trafilatura on the same HTML."""
    try:
        report = evaluate(
            shared,
            sets=sets or SETS,
            saudinewsnet_limit=saudinewsnet_limit,
            with_trafilatura=not no_trafilatura,
        )
    except (FileNotFoundError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    figures = report.figures()
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(format_table(report))
    if check:
        floors = load_floors()
        if sets or saudinewsnet_limit:
            # A partial run measures only some figures; check those it measured.
            floors = {name: bound for name, bound in floors.items() if name in figures}
        failures = check_floors(figures, floors)
        if failures:
            click.echo("extraction quality below its pinned floors:", err=True)
            for failure in failures:
                click.echo(f"  {failure}", err=True)
            click.echo("(floors: src/marsad/evaluation/data/extraction_floors.json)", err=True)
            sys.exit(1)
        click.echo(f"all {len(floors)} pinned extraction figures hold", err=True)
