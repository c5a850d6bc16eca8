"""`marsad events`: the happenings the archive's outlets covered, most outlets first."""

from __future__ import annotations

import datetime
import json
import sys
from typing import TYPE_CHECKING

import click

from marsad.commands.common import require_archive
from marsad.commands.ingest import DEFAULT_DB, open_archive_or_exit

if TYPE_CHECKING:
    from marsad.store.base import Archive
    from marsad.store.browse_events import EventView


def parse_day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a day (YYYY-MM-DD)") from None


@click.command(name="events")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--since", callback=parse_day, help="First day (YYYY-MM-DD) whose articles count.")
@click.option("--until", callback=parse_day, help="Last day (YYYY-MM-DD) whose articles count.")
@click.option(
    "--min-outlets", default=2, show_default=True, type=click.IntRange(1), help="Fewest outlets covering an event."
)
@click.option(
    "--min-articles", default=2, show_default=True, type=click.IntRange(1), help="Fewest articles in an event."
)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1), help="How many events.")
@click.option("--event", "event_id", help="Show this one event: its articles in time order, entities and quotes.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event and line.")
@click.option(
    "--rebuild",
    is_flag=True,
    help="Assign every stored record to an event again, in publication order (after an upgrade).",
)
def events_command(
    db: str,
    since: str | None,
    until: str | None,
    min_outlets: int,
    min_articles: int,
    limit: int,
    event_id: str | None,
    as_json: bool,
    rebuild: bool,
) -> None:
    """Events across outlets: articles that report the same happening in their own words,
    grouped at ingest. Listed by how many outlets covered them, then by size; counts are
    over --since/--until when given."""
    from marsad.store.browse_events import event_view, list_events

    require_archive(db)
    with open_archive_or_exit(db) as archive:
        if rebuild:
            _rebuild(archive)
        if event_id is not None:
            view = event_view(archive, event_id)
            if view is None:
                raise click.ClickException(f"no event {event_id!r} in {archive.display_name()}")
            _show_event(view, as_json)
            return
        found = list_events(
            archive, since=since, until=until, min_records=min_articles, min_outlets=min_outlets, limit=limit
        )
        missing = 0 if rebuild else archive.records_without_event()
    for summary in found:
        if as_json:
            click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
            continue
        days = (
            summary.first_seen
            if summary.first_seen == summary.last_seen
            else f"{summary.first_seen}..{summary.last_seen}"
        )
        click.echo(
            f"{summary.id}  {days}  {summary.records} articles, {summary.outlets} outlets: {', '.join(summary.sources)}"
        )
        click.echo(f"  {summary.title or ''}")
    if missing:
        click.echo(
            f"marsad: {missing} stored records are in no event; `marsad events --rebuild` assigns them", err=True
        )
    if not found and not as_json:
        click.echo(
            "no events (try --min-outlets 1, or `marsad events --rebuild` on an archive stored before events)", err=True
        )


def _rebuild(archive: Archive) -> None:
    from marsad.events.archive import rebuild_events
    from marsad.progress import on_terminal
    from marsad.store.lock import holding_ingest_lock

    bar = None
    if on_terminal():
        from tqdm import tqdm

        bar = tqdm(desc="events", unit="record", file=sys.stderr)

    def advance(done: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.update(done - bar.n)

    say = lambda message: click.echo(f"marsad: {message}", err=True)  # noqa: E731
    with holding_ingest_lock(archive, on_wait=say):
        try:
            founded = rebuild_events(archive, on_record=advance)
        except BaseException:
            archive.rollback()
            raise
        archive.commit()
    if bar is not None:
        bar.close()
    click.echo(f"marsad: {founded} events over the archive's records", err=True)


def _show_event(view: EventView, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(view.to_dict(), ensure_ascii=False))
        return
    summary = view.summary
    click.echo(f"{summary.title or summary.id}")
    click.echo(f"{summary.records} articles, {summary.outlets} outlets, first seen {summary.first_seen}")
    for article in view.articles:
        click.echo(f"  {article.day}  {article.source or '-':14s} {article.title or article.id}")
    if view.entities:
        click.echo("entities: " + "، ".join(f"{name} ({count})" for name, _kind, count in view.entities))
    for speaker, text, _record in view.quotes:
        click.echo(f"  {speaker or '?'}: «{text}»")
