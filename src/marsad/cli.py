"""The `marsad` command: one click group, one module per sub-command in `marsad.commands`.

Sub-commands load when they run: `marsad --help` lists them from `_COMMANDS` without
importing any (a test checks that each listed help is the command's own).
"""

from __future__ import annotations

from importlib import import_module

import click

from marsad import __version__

# name -> ("module:attribute", the one-line help `marsad --help` shows)
_COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("marsad.commands.extract:extract_command", "Extract clean article records from pages and archives."),
    "ingest": ("marsad.commands.ingest:ingest_command", "Extract and store PATHS in the archive."),
    "crawl": ("marsad.commands.crawl:crawl_command", "Fetch the articles that feeds and sitemaps link to, politely."),
    "watch": (
        "marsad.commands.watch:watch_command",
        "Crawl the feeds every --interval seconds, ingest the new pages, and for each saved",
    ),
    "run": ("marsad.commands.run:run_command", "Extract records from INPUTS into --out (local, processes or Ray)."),
    "search": ("marsad.commands.search:search_command", "Search the archive for QUERY."),
    "clusters": ("marsad.commands.clusters:clusters_command", "List near-duplicate story clusters, largest first."),
    "events": (
        "marsad.commands.events:events_command",
        "Events across outlets: articles that report the same happening in their own words, grouped at ingest.",
    ),
    "trends": (
        "marsad.commands.trends:trends_command",
        "What is rising on a day: names and headline words against the days before.",
    ),
    "quotes": ("marsad.commands.quotes:quotes_command", "Quotes stored in the archive, newest first."),
    "entities": (
        "marsad.commands.entities:entities_command",
        "The entities the archive mentions, most mentioned first.",
    ),
    "export": (
        "marsad.commands.export:export_command",
        "Export the archive's records (all, or those matching --query).",
    ),
    "serve": ("marsad.commands.serve:serve_command", "Serve the archive as an Arabic web UI and a JSON API."),
    "tag": ("marsad.commands.tag:tag_command", "Tag each token with IOB2 tags over PER, LOC, ORG and MISC."),
    "train": ("marsad.commands.train:train_group", "Train marsad's own models on the data in ../shared."),
}
_EVAL_COMMANDS: dict[str, tuple[str, str]] = {
    "search": ("marsad.commands.eval_archive:search_eval_command", ""),
    "clusters": ("marsad.commands.eval_archive:clusters_eval_command", ""),
    "archive": ("marsad.commands.eval_archive:archive_eval_command", ""),
    "ner": ("marsad.commands.eval_ner:ner_command", ""),
    "extract": ("marsad.commands.eval_extract:extract_eval_command", ""),
    "enrichment": ("marsad.commands.eval_enrichment:enrichment_command", ""),
    "events": ("marsad.commands.eval_events:events_eval_command", ""),
}


def load_command(target: str) -> click.Command:
    module, attribute = target.split(":")
    command = getattr(import_module(module), attribute)
    if not isinstance(command, click.Command):
        raise TypeError(f"{target} is not a click command")
    return command


class LazyGroup(click.Group):
    """A group whose sub-commands are imported when one is asked for."""

    def __init__(self, *args: object, lazy: dict[str, tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            command = load_command(self.lazy[cmd_name][0])
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            short = self.lazy[name][1] if name in self.lazy and name not in self.commands else None
            if short is None or not short:
                command = self.get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                short = command.get_short_help_str(formatter.width - 6 - len(name))
            rows.append((name, short))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, lazy=_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """marsad (مرصد): clean, structured records from raw Arabic news pages."""


@cli.group(name="eval", cls=LazyGroup, lazy=_EVAL_COMMANDS)
def eval_group() -> None:
    """Measure marsad's quality on the real data in ../shared/data."""


def main() -> None:
    cli()
