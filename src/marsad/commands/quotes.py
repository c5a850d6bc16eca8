"""`marsad quotes`: who said what, from the archive, newest first."""

from __future__ import annotations

import json

import click

from marsad.commands.common import open_browser_or_exit
from marsad.commands.ingest import DEFAULT_DB
from marsad.errors import MarsadError
from marsad.store.search import parse_query


@click.command(name="quotes")
@click.argument("query", required=False)
@click.option("--speaker", help="The speaker: a name, or a part of one (any spelling of an entity's name).")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="How many quotes.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per quote and line.")
def quotes_command(query: str | None, speaker: str | None, db: str, limit: int, as_json: bool) -> None:
    """Quotes stored in the archive, newest first: those of --speaker, and/or those whose
    text matches QUERY (the search syntax of `marsad search`)."""
    if not query and not speaker:
        raise click.UsageError("give a QUERY, a --speaker, or both")
    try:
        parsed = parse_query(query) if query else None
    except MarsadError as error:
        raise click.UsageError(f"bad query: {error}") from None
    browser = open_browser_or_exit(db)
    try:
        found = browser.quotes(speaker=speaker, query=parsed, page=1, page_size=limit)[:limit]
    finally:
        browser.close()
    for quote in found:
        if as_json:
            click.echo(json.dumps(quote.to_dict(), ensure_ascii=False))
            continue
        kind = "" if quote.direct else " (reported)"
        click.echo(f"«{quote.text}»")
        click.echo(f"  — {quote.speaker or 'unknown speaker'}{kind}")
        meta = " · ".join(part for part in (quote.record.source, quote.record.published) if part)
        click.echo(f"  {quote.record.title or ''}  {meta}  [{quote.record.id}]\n")
    if not found and not as_json:
        click.echo("no quotes", err=True)
