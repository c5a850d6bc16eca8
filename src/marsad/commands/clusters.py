"""`marsad clusters`: the near-duplicate stories in the archive."""

from __future__ import annotations

import json

import click

from marsad.commands.common import require_archive
from marsad.commands.ingest import DEFAULT_DB, open_archive_or_exit


@click.command(name="clusters")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--min-size", default=2, show_default=True, type=click.IntRange(2), help="Smallest cluster to list.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1), help="How many clusters.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per cluster and line.")
def clusters_command(db: str, min_size: int, limit: int, as_json: bool) -> None:
    """List near-duplicate story clusters, largest first: representative and members."""
    require_archive(db)
    with open_archive_or_exit(db) as archive:
        found = archive.clusters(min_size=min_size, limit=limit)
    for cluster in found:
        if as_json:
            members = [{"id": m, "title": title, "similarity": round(sim, 3)} for m, title, sim in cluster.members]
            click.echo(
                json.dumps(
                    {
                        "id": cluster.id,
                        "representative": cluster.representative,
                        "size": len(members),
                        "members": members,
                    },
                    ensure_ascii=False,
                )
            )
            continue
        click.echo(f"{cluster.id}  ({len(cluster.members)} records)")
        for member, title, similarity in cluster.members:
            star = "*" if member == cluster.representative else " "
            click.echo(f"  {star} {member}  {similarity:.2f}  {title or ''}")
    if not found and not as_json:
        click.echo("no clusters", err=True)
