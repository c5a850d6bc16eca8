"""`marsad tag --conll FILE`: IOB2 named-entity tags for pre-tokenized text."""

from __future__ import annotations

from typing import TextIO

import click

from marsad.commands.common import ner_option
from marsad.enrich.ner.conll import parse_conll


@click.command(name="tag")
@ner_option
@click.option(
    "--conll",
    "conll",
    type=click.File("r", encoding="utf-8"),
    required=True,
    help="CoNLL input: token in the first column, blank line between sentences; - for stdin.",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Where to write `token<TAB>tag` lines (default: stdout).",
)
def tag_command(conll: TextIO, output: TextIO) -> None:
    """Tag each token with IOB2 tags over PER, LOC, ORG and MISC."""
    from marsad.enrich.ner import tag_tokens

    sentences = [[row[0] for row in rows] for rows in parse_conll(conll)]
    for i, (tokens, tags) in enumerate(zip(sentences, tag_tokens(sentences), strict=True)):
        if i:
            output.write("\n")
        for token, tag in zip(tokens, tags, strict=True):
            output.write(f"{token}\t{tag}\n")
