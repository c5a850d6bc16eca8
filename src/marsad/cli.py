"""The `marsad` command: one click group, one module per sub-command in `marsad.commands`."""

from __future__ import annotations

import click

from marsad import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """marsad (مرصد): clean, structured records from raw Arabic news pages."""


@cli.group(name="eval")
def eval_group() -> None:
    """Measure marsad's quality on the real data in ../shared/data."""


def _register() -> None:
    # Imported here so that `import marsad.cli` stays cheap and each command's
    # heavy dependencies load only when that module is imported.
    from marsad.commands import (
        clusters,
        crawl,
        entities,
        eval_archive,
        eval_enrichment,
        eval_extract,
        eval_ner,
        export,
        extract,
        ingest,
        quotes,
        run,
        search,
        serve,
        tag,
        train,
    )

    cli.add_command(extract.extract_command)
    cli.add_command(ingest.ingest_command)
    cli.add_command(crawl.crawl_command)
    cli.add_command(run.run_command)
    cli.add_command(search.search_command)
    cli.add_command(clusters.clusters_command)
    cli.add_command(quotes.quotes_command)
    cli.add_command(entities.entities_command)
    cli.add_command(export.export_command)
    cli.add_command(serve.serve_command)
    cli.add_command(tag.tag_command)
    cli.add_command(train.train_group)
    eval_group.add_command(eval_archive.search_eval_command, name="search")
    eval_group.add_command(eval_archive.clusters_eval_command, name="clusters")
    eval_group.add_command(eval_archive.archive_eval_command, name="archive")
    eval_group.add_command(eval_ner.ner_command, name="ner")
    eval_group.add_command(eval_extract.extract_eval_command, name="extract")
    eval_group.add_command(eval_enrichment.enrichment_command, name="enrichment")


_register()


def main() -> None:
    cli()
