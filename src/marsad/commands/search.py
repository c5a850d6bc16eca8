"""`marsad search`: Arabic-aware full-text search over the archive."""

from __future__ import annotations

import html
import json
import sys
from typing import TYPE_CHECKING

import click

from marsad.commands.common import require_archive
from marsad.commands.ingest import DEFAULT_DB, open_archive_or_exit
from marsad.errors import MarsadError
from marsad.store.search import MARK_CLOSE, MARK_OPEN, Query, parse_query, passage_snippet

if TYPE_CHECKING:
    from marsad.store.base import Archive, SearchFilters, SearchHit

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _check_date(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    import re

    if value is not None and not re.match(_DATE, value):
        raise click.BadParameter(f"{value!r} is not a date like 2015-07-21 (or 2015-07, 2015)", param=param)
    return value


def _terminal_snippet(snippet: str, color: bool) -> str:
    if color:
        snippet = snippet.replace(MARK_OPEN, "\x1b[1;33m").replace(MARK_CLOSE, "\x1b[0m")
    else:
        snippet = snippet.replace(MARK_OPEN, "[").replace(MARK_CLOSE, "]")
    return html.unescape(snippet)


@click.command(name="search")
@click.argument("query", required=False)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--source", help="Only records from this source.")
@click.option("--category", help="Only records in this category.")
@click.option("--entity", help="Only records that mention this entity (canonical name).")
@click.option("--from", "date_from", callback=_check_date, help="Published on or after this date.")
@click.option("--to", "date_to", callback=_check_date, help="Published on or before this date.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1), help="How many results.")
@click.option(
    "--all-copies",
    is_flag=True,
    help="List every near-duplicate copy; by default a story is listed once, at its best-ranked copy.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per result and line.")
def search_command(
    query: str | None,
    db: str,
    source: str | None,
    category: str | None,
    entity: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    all_copies: bool,
    as_json: bool,
) -> None:
    """Search the archive for QUERY: words (all must match), "a phrase", -excluded,
    a OR b. Spelling variants, diacritics and attached clitics match (بالعراق finds
    العراق). QUERY may be left out when --entity or another filter is given."""

    from marsad.store import SearchFilters

    filters = SearchFilters(source=source, category=category, entity=entity, date_from=date_from, date_to=date_to)
    if not query and filters == SearchFilters():
        raise click.UsageError("give a QUERY, or a filter such as --entity")
    try:
        parsed = parse_query(query) if query else None
    except MarsadError as error:
        raise click.UsageError(f"bad query: {error}") from None
    require_archive(db)
    with open_archive_or_exit(db) as archive:
        if entity:
            from dataclasses import replace

            from marsad.store.entity_identity import keys_of_identity
            from marsad.store.rows import entity_keys

            # Every name of the entity: `--entity السعودية` finds `المملكة العربية السعودية` too.
            filters = replace(filters, entity_keys=tuple(keys_of_identity(archive, entity_keys(entity))))
        hits, copies = _search(archive, parsed, filters, limit, collapse=not all_copies)
    keys = parsed.highlight_keys() if parsed else set()
    color = sys.stdout.isatty()
    for hit in hits:
        hit.snippet = passage_snippet(hit.body or [], hit.title or "", keys)
        if as_json:
            click.echo(json.dumps({**hit.to_dict(), "copies": copies.get(hit.rowid, 0)}, ensure_ascii=False))
            continue
        meta = " · ".join(part for part in (hit.source, hit.published, hit.url) if part)
        click.echo(click.style(hit.title or hit.id, bold=True) if color else (hit.title or hit.id))
        click.echo(f"  {meta}  [{hit.id}, score {hit.score:.2f}]")
        if copies.get(hit.rowid):
            count = copies[hit.rowid]
            click.echo(f"  + {count} other {'copy' if count == 1 else 'copies'} of this story (cluster {hit.cluster})")
        click.echo(f"  {_terminal_snippet(hit.snippet, color)}\n")
    if not hits and not as_json:
        click.echo("no results", err=True)


def _search(
    archive: Archive, query: Query | None, filters: SearchFilters, limit: int, *, collapse: bool
) -> tuple[list[SearchHit], dict[int, int]]:
    """The best `limit` hits; with `collapse`, one per near-duplicate story, with how many
    other matching copies each stands for (asking for more hits while copies crowd them out)."""
    if not collapse:
        return archive.search(query, filters, limit), {}
    from marsad.store.collapse import one_per_story

    wanted = limit * 4
    while True:
        hits = archive.search(query, filters, wanted)
        kept, counts = one_per_story(hits, lambda hit: hit.cluster, limit)
        if len(kept) == limit or len(hits) < wanted or wanted >= limit * 64:
            return kept, {hit.rowid: count for hit, count in zip(kept, counts, strict=True)}
        wanted *= 4
