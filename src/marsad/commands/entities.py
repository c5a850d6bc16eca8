"""`marsad entities`: the people, places and organisations the archive mentions most."""

from __future__ import annotations

import json

import click

from marsad.commands.common import open_browser_or_exit
from marsad.commands.ingest import DEFAULT_DB
from marsad.store.browse_entities import ENTITY_TYPES

_TYPE_NAMES = {"PER": "person", "LOC": "place", "ORG": "organisation", "MISC": "other"}


@click.command(name="entities")
@click.argument("name", required=False)
@click.option("--type", "kind", type=click.Choice(ENTITY_TYPES, case_sensitive=False), help="Only this type.")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--limit", default=30, show_default=True, type=click.IntRange(1), help="How many entities.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per entity and line.")
def entities_command(name: str | None, kind: str | None, db: str, limit: int, as_json: bool) -> None:
    """The entities the archive mentions, most mentioned first, with how many records
    mention each; NAME keeps those whose name contains it (spelling variants folded)."""
    browser = open_browser_or_exit(db)
    try:
        found, total = browser.entity_index(kind=kind.upper() if kind else None, name=name, page=1, page_size=limit)
    finally:
        browser.close()
    for entity in found:
        if as_json:
            click.echo(json.dumps(entity.to_dict(), ensure_ascii=False))
        else:
            click.echo(f"{entity.records:>7}  {_TYPE_NAMES[entity.type]:<12}  {entity.name}")
    if not as_json:
        click.echo(f"{len(found)} of {total} entities" if found else "no entities", err=True)
