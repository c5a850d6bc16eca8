"""`marsad eval enrichment`: dates, quantities and quotes against our gold annotations."""

from __future__ import annotations

import json

import click

from marsad.evaluation.enrichment import (
    BLIND,
    FIRST,
    FLOOR_KEYS,
    GOLD_SPLITS,
    Scores,
    agreement,
    below_floors,
    evaluate,
    load_floors,
)

_SPLITS: dict[str, str | None] = {"all": None, **{name: name for name in (FIRST, *GOLD_SPLITS, BLIND)}}
_CHECKED = tuple(FLOOR_KEYS)  # the parts of the gold that have floors


def _table(name: str, scores: Scores) -> list[str]:
    rows = [
        ("dates (span)", scores.date_span),
        ("dates (value)", scores.date_value),
        ("dates (value, overlap)", scores.date_value_overlap),
        ("quantities (value)", scores.quantity_value),
        ("direct quotes found", scores.quote_found),
    ]
    kinds = {
        "blind": "blind: labelled without marsad's output in view, never read for errors",
        "agreement": "a second annotator scored against the first; not marsad",
    }
    kind = kinds.get(name, "dev")
    lines = [f"{name} ({kind}): {scores.articles} articles"]
    # A part with nothing labelled and nothing found (``dev7`` labels quotes only) has no figure.
    lines += [
        f"  {label:<22} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  (tp {c.tp} fp {c.fp} fn {c.fn})"
        for label, c in rows
        if c.tp or c.fp or c.fn
    ]
    if scores.quantity_value.tp:
        lines.append(f"  {'quantity unit right':<22} {scores.unit_accuracy:.3f} of the quantities found")
    lines.append(f"  {'quote speaker right':<22} {scores.speaker_accuracy:.3f} of the direct quotes found")
    lines.append(f"  {'  or names overlap':<22} {scores.speaker_contains_accuracy:.3f} (one name inside the other)")
    lines.append(f"  {'  no speaker given':<22} {scores.speaker_missing_share:.3f} (the gold names one)")
    return lines


@click.command(name="enrichment")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable figures instead of the table.")
@click.option("--check", is_flag=True, help="Exit 1 when a figure over the whole gold set is below its floor.")
@click.option("--misses", is_flag=True, help="Also list every miss (for tuning rules on the dev split).")
@click.option(
    "--split",
    "splits",
    type=click.Choice(list(_SPLITS)),
    multiple=True,
    help="Report these splits (repeatable; default: all, first, every dev split from dev2 on, and blind).",
)
@click.option(
    "--agreement",
    "agreement_only",
    is_flag=True,
    help="Score a second annotator's labels of 18 dev2 articles against the first: human agreement.",
)
def enrichment_command(as_json: bool, check: bool, misses: bool, splits: tuple[str, ...], agreement_only: bool) -> None:
    """Precision, recall and F1 of dates (span and value), quantities (value) and
    direct quotes (found, speaker right) on our annotated SaudiNewsNet and
    newspapers articles. ``first`` is the first gold set: ``dev`` is where rules
    were tuned, the ``test`` splits were annotated after tuning. ``dev2``,
    ``dev3`` and on (issue #17) were labelled under the blind set's guidelines on other
    articles, and their errors are read for tuning (``dev7`` to ``dev9``: quotes only). Every split but ``blind`` is
    development data.
    ``blind`` was labelled by annotators who never saw marsad's output, under
    docs/guidelines/blind_enrichment.md; its misses are never listed. ``--check``
    holds ``first``, every dev split from ``dev2`` on and ``blind`` to their floors."""
    if agreement_only:
        scores, problems = agreement()
        for problem in problems:
            click.echo(f"warning: {problem}", err=True)
        click.echo("\n".join(_table("agreement", scores)))
        return
    wanted = splits or ("all", *FLOOR_KEYS)  # the whole gold, then each part with floors, blind last
    report: dict[str, dict[str, float]] = {}
    for split in dict.fromkeys((*wanted, *_CHECKED) if check else wanted):
        try:
            scores, missed, problems = evaluate(_SPLITS[split])
        except FileNotFoundError as error:
            raise click.ClickException(f"shared news data not found: {error}") from error
        for problem in problems:
            click.echo(f"warning: {problem}", err=True)
        report[split] = scores.figures()
        if split in wanted and not as_json:
            click.echo("\n".join(_table(split, scores)))
            if misses and split != "blind":
                click.echo("\n".join(f"  miss: {line}" for line in missed))
    if as_json:
        click.echo(json.dumps({k: v for k, v in report.items() if k in wanted}, indent=1))
    if check:
        failures = [
            f"{split}: {line}" for split in _CHECKED for line in below_floors(report[split], load_floors(split))
        ]
        for failure in failures:
            click.echo(f"below floor: {failure}", err=True)
        if failures:
            raise SystemExit(1)
