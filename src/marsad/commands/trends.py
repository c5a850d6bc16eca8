"""`marsad trends`: what is rising on a day, against the days before it."""

from __future__ import annotations

import json

import click

from marsad.commands.common import require_archive
from marsad.commands.events import parse_day
from marsad.commands.ingest import DEFAULT_DB, open_archive_or_exit


@click.command(name="trends")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--day", callback=parse_day, help="The day (YYYY-MM-DD); default: the archive's newest.")
@click.option(
    "--baseline", default=14, show_default=True, type=click.IntRange(1, 365), help="Days before it to compare with."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
def trends_command(db: str, day: str | None, baseline: int, as_json: bool) -> None:
    """What is rising on a day: people, places, organisations and headline words whose
    coverage jumps against their own mean over the days before (a burst score), and the
    events the most outlets covered that day."""
    from marsad.store.trends import latest_day, trends_of_day

    require_archive(db)
    with open_archive_or_exit(db) as archive:
        chosen = day or latest_day(archive)
        if chosen is None:
            raise click.ClickException(f"{archive.display_name()} holds no dated records")
        found = trends_of_day(archive, chosen, baseline_days=baseline)
    if as_json:
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False))
        return
    click.echo(
        f"{found.day}: {found.articles} articles, "
        f"compared with the {found.baseline_articles} of the {baseline} days before"
    )
    if found.articles and not found.baseline_articles:
        click.echo("  the archive holds no articles of the days before: nothing to compare with")
    for title, items in (("rising names", found.entities), ("rising headline words", found.terms)):
        click.echo(f"{title}:")
        for item in items:
            click.echo(
                f"  {item.score:6.1f}  {item.name}  ({item.kind}) {item.articles} articles from {item.outlets} outlets,"
                f" {item.expected:.1f} expected"
            )
        if not items:
            click.echo("  none")
    click.echo("events covered by the most outlets:")
    for event in found.events:
        click.echo(f"  {event.outlets} outlets, {event.records} articles  {event.title or event.id}")
    if not found.events:
        click.echo("  none")
