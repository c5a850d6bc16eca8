"""What several commands share: reporting bad input, counting pages for progress, shared options."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable

import click

from marsad.cluster.index import DEFAULT_THRESHOLD
from marsad.errors import InputError

cluster_threshold_option = click.option(
    "--cluster-threshold",
    default=DEFAULT_THRESHOLD,
    show_default=True,
    type=click.FloatRange(0.05, 1.0),
    help="Estimated Jaccard similarity (of 3-word shingles) from which two records are the same story.",
)


class ErrorLog:
    """Reports each input that could not be read or stored, as it is found, and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: InputError) -> None:
        self.count += 1
        click.echo(f"marsad: skipped {error.origin}: {error.message}", err=True)


def count_pages(paths: Iterable[str]) -> int | None:
    """How many pages the inputs hold, cheaply, for the progress bar's ETA (None if unknown)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            total += sum(len(files) for _, _, files in os.walk(path))
        elif path.endswith((".jsonl", ".jsonl.gz")):
            opener = gzip.open if path.endswith(".gz") else open
            try:
                with opener(path, "rb") as handle:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
            except (OSError, EOFError):
                return None
        elif path.endswith((".warc", ".warc.gz", ".wet", ".wet.gz")):
            return None
        else:
            total += 1
    return total
