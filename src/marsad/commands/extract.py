"""`marsad extract`: pages in, JSON Lines of article records out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO

import click

from marsad.commands.common import ErrorLog, count_pages, field_option, ner_option, page_timeout_option
from marsad.errors import ErrorHandler, InputError, raise_error
from marsad.extraction import ExtractOptions
from marsad.pipeline.local import LocalExecutor
from marsad.pipeline.steps import ExtractRecords, LearnTemplates, PreparePages, ReadPages, ShowProgress, Step
from marsad.progress import on_terminal
from marsad.published import iso_published
from marsad.records import Record


def extraction_pipeline(
    paths: tuple[str, ...],
    *,
    published: str | None,
    templates: bool,
    enrich: bool,
    errors: ErrorLog,
    page_timeout: float | None = None,
    fields: tuple[tuple[str, str], ...] = (),
) -> LocalExecutor:
    options = ExtractOptions(enrich=enrich, page_timeout=page_timeout)
    total = count_pages(paths) if on_terminal() else None
    reader = ReadPages(paths, errors, fields=fields)
    steps: list[Step] = [
        reader,
        ShowProgress("extract", total, position=lambda: reader.read.consumed),
        PreparePages(errors, published, page_timeout),
    ]
    if templates:
        steps.append(LearnTemplates(options))
    steps.append(ExtractRecords(options, errors))
    return LocalExecutor(steps)


def write_jsonl(records: Iterator[Record], out: IO[str], on_error: ErrorHandler = raise_error) -> int:
    """Writes each record as one line; a record that cannot be written whole (text that no
    encoding accepts) is reported against its page and the next one is written."""
    written = 0
    for record in records:
        try:
            line = json.dumps(record.to_dict(), ensure_ascii=False) + "\n"
            line.encode("utf-8")
        except (TypeError, ValueError) as error:
            on_error(InputError(record.origin or record.id, f"record {record.id} not written: {error}", stage="write"))
            continue
        out.write(line)
        written += 1
    return written


def repair_note(read: dict[str, int]) -> str:
    """What the readers repaired, for the end of a run: no page is refused for a few bad characters."""
    return (
        f"{read['repaired']} pages held invalid characters, repaired: {read.get('removed_controls', 0)} "
        f"control characters removed, {read.get('replaced_surrogates', 0)} lone surrogates replaced by U+FFFD"
    )


@click.command(name="extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o", "--output", "output", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout."
)
@click.option("--published", help="Publication date (YYYY-MM-DD) for pages that do not carry one.")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True, help="Output format."
)
@click.option(
    "--templates/--no-templates",
    default=True,
    show_default=True,
    help="Learn per-source chrome from lines that recur across the pages of one source.",
)
@click.option("--enrich/--no-enrich", default=True, show_default=True, help="Fill entities, quotes, dates, quantities.")
@page_timeout_option
@ner_option
@field_option
@click.option("--strict", is_flag=True, help="Exit non-zero if any input could not be read or extracted.")
def extract_command(
    paths: tuple[str, ...],
    output: str | None,
    published: str | None,
    fmt: str,
    templates: bool,
    enrich: bool,
    page_timeout: float | None,
    fields: tuple[tuple[str, str], ...],
    strict: bool,
) -> None:
    """Extract clean article records from PATHS (.txt, .html, .jsonl[.gz], .warc[.gz], .wet[.gz],
    directories, or - for stdin) and write them as JSON Lines."""
    if published and iso_published(published) is None:
        raise click.BadParameter(f"{published!r} is not a date like 2021-07-27", param_hint="--published")
    errors = ErrorLog()
    pipeline = extraction_pipeline(
        paths,
        published=published,
        templates=templates,
        enrich=enrich,
        errors=errors,
        page_timeout=page_timeout,
        fields=fields,
    )
    records = pipeline.stream()
    if output:
        with open(output, "w", encoding="utf-8") as out:
            written = write_jsonl(records, out, errors)
    else:
        written = write_jsonl(records, sys.stdout, errors)
    read = pipeline.stats()["read"]
    if read.get("repaired"):
        click.echo(f"marsad: {repair_note(read)}", err=True)
    if errors.warnings:
        click.echo(f"marsad: {errors.warnings} warnings (see above): those records lack the field", err=True)
    if errors.count:
        click.echo(f"marsad: {written} records written; {errors.count} inputs skipped (see above)", err=True)
        if strict:
            sys.exit(1)
