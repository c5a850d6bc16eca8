"""What several commands share: reporting bad input, counting pages for progress, shared options."""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import click

from marsad.budget import DEFAULT_PAGE_TIMEOUT
from marsad.cluster import DEFAULT_THRESHOLD
from marsad.errors import InputError, InputWarning, MarsadError

if TYPE_CHECKING:
    from marsad.store.browse import ArchiveBrowser

cluster_threshold_option = click.option(
    "--cluster-threshold",
    default=DEFAULT_THRESHOLD,
    show_default=True,
    type=click.FloatRange(0.05, 1.0),
    help="Estimated Jaccard similarity (of 3-word shingles) from which two records are the same story.",
)


def _timeout_or_none(ctx: click.Context, param: click.Parameter, value: float) -> float | None:
    return value or None


def _checked_pair(ours: str, theirs: str, shown: str, hint: str) -> tuple[str, str]:
    from marsad.readers.jsonl import MAPPED_FIELDS

    ours, theirs = ours.strip(), theirs.strip()
    if not theirs or ours not in MAPPED_FIELDS:
        raise click.BadParameter(
            f"{shown!r}: expected OURS=THEIRS with OURS one of {', '.join(MAPPED_FIELDS)}", param_hint=hint
        )
    return ours, theirs


def read_name_table(path: str, option: str) -> dict[str, Any]:
    """A TOML file of `name = "value"` lines, or a `.json` object; a usage error naming `option` when it is not."""
    import json
    import tomllib

    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        table = json.loads(raw) if path.endswith(".json") else tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise click.BadParameter(f"{path}: {error}", param_hint=option) from None
    if not isinstance(table, dict):
        raise click.BadParameter(f'{path}: expected lines of name = "value"', param_hint=option)
    return table


def read_field_map(path: str) -> tuple[tuple[str, str], ...]:
    """(ours, theirs) pairs of a mapping file: TOML (`published = "date_extracted"`) or a JSON object."""
    table = read_name_table(path, "--field-map")
    pairs = []
    for ours, theirs in table.items():
        if not isinstance(theirs, str):
            raise click.BadParameter(f"{path}: {ours} must name one field, as text", param_hint="--field-map")
        pairs.append(_checked_pair(ours, theirs, f"{ours} = {theirs}", f"--field-map {path}"))
    return tuple(pairs)


def _remember_field_map(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.meta["marsad.field_map"] = read_field_map(value)


def _field_pairs(ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    given = []
    for value in values:
        ours, equals, theirs = value.partition("=")
        if not equals:
            _checked_pair("", "", value, "--field")
        given.append(_checked_pair(ours, theirs, value, "--field"))
    # The command line wins over the mapping file, field by field.
    named = {ours for ours, _ in given}
    from_file = [pair for pair in ctx.meta.get("marsad.field_map", ()) if pair[0] not in named]
    return (*from_file, *given)


def field_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--field OURS=THEIRS` (repeatable) and `--field-map FILE`, given to the command as `fields`."""
    command = click.option(
        "--field",
        "fields",
        multiple=True,
        callback=_field_pairs,
        metavar="OURS=THEIRS",
        help="A JSON Lines dump's name for one of our fields, e.g. --field published=date_extracted "
        "--field source=country; `metadata.date` names a field inside another (repeatable). Common "
        "names (content, date_extracted, category_ar, ...) are recognized without it.",
    )(command)
    return click.option(
        "--field-map",
        type=click.Path(dir_okay=False),
        expose_value=False,
        is_eager=True,
        callback=_remember_field_map,
        help='A TOML file of OURS = "THEIRS" lines (or a .json object) with the dump\'s names for our fields.',
    )(command)


def read_source_names(path: str) -> dict[str, str]:
    """A source-names file: TOML lines `okaz = "عكاظ"` (or a .json object), how each source is shown."""
    table = read_name_table(path, "--source-names")
    if not all(isinstance(v, str) and v.strip() for v in table.values()):
        raise click.BadParameter(f'{path}: expected lines like okaz = "عكاظ"', param_hint="--source-names")
    return {str(name): value.strip() for name, value in table.items()}


def _source_names(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dict[str, str]:
    return read_source_names(value) if value else {}


source_names_option = click.option(
    "--source-names",
    type=click.Path(dir_okay=False),
    callback=_source_names,
    help='A TOML file of SOURCE = "الاسم" lines: how each source is shown in the web UI (stored in the archive).',
)

page_timeout_option = click.option(
    "--page-timeout",
    default=DEFAULT_PAGE_TIMEOUT,
    show_default=True,
    type=click.FloatRange(0),
    callback=_timeout_or_none,
    help="Seconds one page may take to extract and enrich; a page over it is reported and skipped (0: no limit).",
)


def _choose_tagger(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    # Read where the tagger is loaded, in this process and in the workers it starts (the
    # process pool and Ray pass the environment on), so the choice needs no threading through.
    if value is None:
        return
    from marsad.enrich.ner.model import KIND_VARIABLE, missing_for

    missing = missing_for(value)
    if missing:
        raise click.BadParameter(missing, param_hint="--ner")
    os.environ[KIND_VARIABLE] = value


ner_option = click.option(
    "--ner",
    type=click.Choice(["neural", "accurate", "crf"]),
    default=None,
    expose_value=False,
    callback=_choose_tagger,
    help="Entity tagger: neural (default, fast), accurate (reads each sentence through multilingual-e5 "
    "as well; needs the `accurate` extra, about 50x slower), crf (the fallback). Default: $MARSAD_NER or neural.",
)


def require_archive(db: str) -> None:
    """A usage error, saying how to make one, when `db` names a SQLite file that is not there."""
    if not db.startswith(("postgresql://", "postgres://")) and not os.path.exists(db):
        raise click.UsageError(f"no archive at {db}; create it with `marsad ingest PATH --db {db}`")


def open_browser_or_exit(db: str) -> ArchiveBrowser:
    """The archive at `db`, read-only, for the read queries the web UI also uses; a clear
    error (never a traceback) when it is missing or not an archive."""
    import sqlite3

    from marsad.store.browse import ArchiveBrowser, open_read_only

    require_archive(db)
    try:
        return ArchiveBrowser(lambda: open_read_only(db))
    except MarsadError as error:
        raise click.ClickException(str(error)) from None
    except sqlite3.Error as error:
        raise click.ClickException(f"cannot open {db} as a marsad archive: {error}") from None


class ErrorLog:
    """Reports each input that could not be read, extracted, written or stored (or only in
    part), as it is found, and counts them; warnings (a page read without one of its fields)
    are reported and counted apart. Printed above the progress bar, never on its line."""

    def __init__(self) -> None:
        self.count = 0
        self.warnings = 0

    def __call__(self, error: InputError) -> None:
        from marsad.progress import say

        if isinstance(error, InputWarning):
            self.warnings += 1
            say(f"marsad: {error.origin}: {error.message}")
            return
        self.count += 1
        stage = f" [{error.stage}]" if error.stage else ""
        say(f"marsad: skipped {error.origin}{stage}: {error.message}")


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
