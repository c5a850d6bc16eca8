"""`marsad run`: a corpus of input shards in, one Parquet shard of records out per input."""

from __future__ import annotations

import functools
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from marsad.commands.common import ErrorLog, cluster_threshold_option, field_option, ner_option, page_timeout_option
from marsad.errors import MarsadError
from marsad.pipeline.engines import ENGINES
from marsad.progress import on_terminal
from marsad.published import iso_published

if TYPE_CHECKING:
    from marsad.pipeline.shard_run import ShardResult


def shard_progress(results: Iterator[ShardResult], total: int, out_dir: Path) -> Iterator[ShardResult]:
    """A bar over shards with the pages extracted so far (shards in flight included) and
    their rate, refreshed every second, on a terminal only."""
    if not on_terminal() or total == 0:
        yield from results
        return
    from tqdm import tqdm

    from marsad.pipeline.run_progress import pages_in_flight

    started = time.perf_counter()
    finished_pages = 0
    stop = threading.Event()
    drawing = threading.Lock()
    # A terminal that reports no size (a bare pty) would get an empty bar.
    size = shutil.get_terminal_size(fallback=(100, 24))
    with tqdm(
        total=total, desc="run", unit="shard", file=sys.stderr, ncols=size.columns or 100, nrows=size.lines or 24
    ) as bar:

        def show() -> None:
            with drawing:  # the watcher thread and this one both redraw
                pages = finished_pages + pages_in_flight(out_dir)
                elapsed = max(time.perf_counter() - started, 1e-9)
                bar.set_postfix(pages=pages, pages_per_s=f"{pages / elapsed:.1f}", refresh=False)
                bar.refresh()

        def keep_showing() -> None:
            while not stop.wait(1.0):
                show()

        watcher = threading.Thread(target=keep_showing, name="marsad-run-progress", daemon=True)
        watcher.start()
        try:
            for result in results:
                with drawing:
                    finished_pages += result.pages
                    bar.update(1)
                show()
                yield result
        finally:
            stop.set()
            watcher.join()


@click.command(name="run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Folder for the Parquet shards.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True, help="Where the shards run.")
@click.option(
    "--workers", type=click.IntRange(1), default=1, show_default=True, help="Shards at a time (processes, ray)."
)
@click.option("--address", help="Ray cluster to use: auto, or ray://HOST:PORT (default: a local Ray runtime).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for pages that do not carry one.")
@click.option(
    "--templates/--no-templates",
    default=True,
    show_default=True,
    help="Learn per-source chrome from lines that recur across the pages of one shard.",
)
@click.option("--enrich/--no-enrich", default=True, show_default=True, help="Fill entities, quotes, dates, quantities.")
@click.option(
    "--clusters/--no-clusters", default=True, show_default=True, help="Fill `cluster` with near-duplicate ids."
)
@cluster_threshold_option
@page_timeout_option
@ner_option
@field_option
@click.option("--strict", is_flag=True, help="Exit non-zero if any page or shard could not be processed.")
def run_command(
    inputs: tuple[str, ...],
    out: str,
    engine: str,
    workers: int,
    address: str | None,
    published: str | None,
    templates: bool,
    enrich: bool,
    clusters: bool,
    cluster_threshold: float,
    page_timeout: float | None,
    fields: tuple[tuple[str, str], ...],
    strict: bool,
) -> None:
    """Extract records from INPUTS (files, or directories of files) into --out: one Parquet
    shard per input file, each with a completion marker, so a rerun skips finished shards
    and an interrupted run resumes. Near-duplicate cluster ids are joined in at the end."""
    from marsad.pipeline.engines import open_executor
    from marsad.pipeline.shard_run import RunOptions, run_shards

    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise click.ClickException(
            "marsad run writes Parquet, which needs pyarrow: pip install 'marsad[parquet]'"
        ) from None

    if published and iso_published(published) is None:
        raise click.BadParameter(f"{published!r} is not a date like 2021-07-27", param_hint="--published")
    if engine == "local" and workers > 1:
        raise click.BadParameter("the local engine runs one shard at a time; use --engine processes or ray")
    errors = ErrorLog()
    options = RunOptions(
        published=published,
        templates=templates,
        enrich=enrich,
        clusters=clusters,
        cluster_threshold=cluster_threshold,
        page_timeout=page_timeout,
        fields=fields,
    )
    try:
        executor = open_executor(engine, workers, address)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    try:
        watch = functools.partial(shard_progress, out_dir=Path(out))
        summary = run_shards(inputs, Path(out), executor, on_error=errors, options=options, watch=watch)
    except MarsadError as error:
        raise click.ClickException(str(error)) from None
    finally:
        executor.close()
    click.echo(f"marsad: {summary.line()} -> {out}", err=True)
    if summary.failed or (strict and errors.count):
        sys.exit(1)
