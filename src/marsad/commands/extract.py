"""`marsad extract`: pages in, JSON Lines of article records out."""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterator
from typing import IO

import click

from marsad.errors import InputError
from marsad.extraction import ExtractOptions, PreparedPage, extract_prepared, iso_published, prepare_page
from marsad.progress import progress
from marsad.records import Page
from marsad.segment.templates import TemplateLearner

# Templates are learned from at most this many pages held in memory; pages
# after them stream through with what was learned.
TEMPLATE_WINDOW = 20_000


class ErrorLog:
    """Reports bad input as it is found and remembers how much there was."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: InputError) -> None:
        self.count += 1
        click.echo(f"marsad: skipped {error.origin}: {error.message}", err=True)


def _prepared(pages: Iterator[Page], errors: ErrorLog, published: str | None) -> Iterator[PreparedPage]:
    for page in pages:
        if published and not page.published:
            page.published = published
        try:
            yield prepare_page(page)
        except Exception as exc:  # one broken page must not stop the batch
            errors(InputError(page.origin, f"could not read the page: {exc}"))


def run_extract(
    paths: tuple[str, ...],
    out: IO[str],
    *,
    published: str | None,
    templates: bool,
    enrich: bool,
    errors: ErrorLog,
) -> int:
    from marsad.readers import iter_pages

    prepared = _prepared(iter_pages(paths, on_error=errors), errors, published)
    options = ExtractOptions(enrich=enrich)
    if templates:
        window = list(itertools.islice(prepared, TEMPLATE_WINDOW))
        learner = TemplateLearner()
        for item in window:
            learner.observe(item.source, item.text)
        options.templates = dict(learner.templates())
        prepared = itertools.chain(window, prepared)
    written = 0
    for item in progress(prepared, desc="extract"):
        try:
            records = extract_prepared(item, options)
        except Exception as exc:
            errors(InputError(item.page.origin, f"extraction failed: {exc}"))
            continue
        for record in records:
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            written += 1
    return written


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
@click.option("--strict", is_flag=True, help="Exit non-zero if any input could not be read.")
def extract_command(
    paths: tuple[str, ...],
    output: str | None,
    published: str | None,
    fmt: str,
    templates: bool,
    enrich: bool,
    strict: bool,
) -> None:
    """Extract clean article records from PATHS (.txt, .html, .jsonl[.gz], .warc[.gz], .wet[.gz],
    directories, or - for stdin) and write them as JSON Lines."""
    if published and iso_published(published) is None:
        raise click.BadParameter(f"{published!r} is not a date like 2021-07-27", param_hint="--published")
    errors = ErrorLog()
    if output:
        with open(output, "w", encoding="utf-8") as out:
            written = run_extract(paths, out, published=published, templates=templates, enrich=enrich, errors=errors)
    else:
        written = run_extract(paths, sys.stdout, published=published, templates=templates, enrich=enrich, errors=errors)
    if errors.count:
        click.echo(f"marsad: {written} records written; {errors.count} inputs skipped (see above)", err=True)
        if strict:
            sys.exit(1)
