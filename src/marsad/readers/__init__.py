"""Readers: every input marsad accepts, turned into a stream of `Page`s.

`iter_pages` is the one entry point. Whatever is wrong with one input (a binary
file, a cut-off archive, a bad JSON line) is reported through `on_error` as an
`InputError` naming the file and line or record, and reading goes on.
"""

from __future__ import annotations

import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import BinaryIO

from marsad.errors import ErrorHandler, InputError, InputWarning
from marsad.readers.compressed import GzipStream
from marsad.readers.html import HtmlText, html_to_text
from marsad.readers.jsonl import iter_jsonl_pages
from marsad.readers.options import ReadLimits, ReadStats
from marsad.readers.paths import SUPPORTED_FORMATS, Format, Source, expand_inputs
from marsad.readers.sniff import sniffed
from marsad.readers.txt import read_html_page, read_text_page
from marsad.readers.warc import iter_warc_pages
from marsad.records import Page
from marsad.valid_text import clean_page

__all__ = ["SUPPORTED_FORMATS", "HtmlText", "ReadLimits", "ReadStats", "html_to_text", "iter_pages"]


def iter_pages(
    inputs: Iterable[str],
    *,
    on_error: ErrorHandler,
    limits: ReadLimits | None = None,
    stats: ReadStats | None = None,
) -> Iterator[Page]:
    """Pages from files, directories (recursively) and `-` (stdin), in the order given.

    Never raises for bad input: each problem goes to `on_error` (which may raise
    to stop, as `--strict` does) and the next page, line or file is read. Every
    page comes out valid text: control characters removed, lone surrogates
    replaced (counted in `stats`).
    """
    limits = limits or ReadLimits()
    stats = stats if stats is not None else ReadStats()

    def report(error: InputError) -> None:
        if isinstance(error, InputWarning):
            stats.warnings += 1
        else:
            stats.errors += 1
        try:
            on_error(error)
        except Exception as raised:
            raise _HandlerRaised(raised) from raised

    try:
        for source in expand_inputs(inputs, report):
            stats.files += 1
            lines_before = stats.consumed
            for page in _read_source(source, report, limits, stats):
                stats.pages += 1
                repaired = clean_page(page)
                if repaired:
                    stats.repaired += 1
                    stats.removed_controls += repaired.controls
                    stats.replaced_surrogates += repaired.surrogates
                yield page
            if stats.consumed == lines_before:
                stats.consumed += 1  # a file of one page (or none): one unit, as `count_pages` counts it
    except _HandlerRaised as stop:
        # The caller's handler chose to stop (`--strict`): give it back its own exception, once.
        raise stop.raised from None


class _HandlerRaised(Exception):
    """Carries an exception raised by `on_error` past the readers' own error handling."""

    def __init__(self, raised: Exception) -> None:
        super().__init__(str(raised))
        self.raised = raised


def _read_source(source: Source, on_error: ErrorHandler, limits: ReadLimits, stats: ReadStats) -> Iterator[Page]:
    with ExitStack() as stack:
        try:
            if source.path is None:
                raw: BinaryIO = sys.stdin.buffer
            elif source.path.stat().st_size == 0:
                raise InputError(source.name, "empty file")
            else:
                raw = stack.enter_context(source.path.open("rb"))
            fmt, gzipped = source.format, source.gzipped
            if fmt is None:
                fmt, gzipped, raw = sniffed(raw)
            yield from _read_format(raw, source.name, fmt, gzipped, on_error, limits, stats)
        except InputError as error:
            if source.format is None and source.path is not None and error.message.startswith("not text"):
                error = InputError(error.origin, f"{error.message}; supported formats: {SUPPORTED_FORMATS}")
            on_error(error)
        except _HandlerRaised:
            raise
        except Exception as error:
            # Last line of defence: a library choking on malformed bytes costs one file, not the batch.
            on_error(InputError(source.name, f"unreadable: {_describe(error)}", stage="read"))


def _describe(error: Exception) -> str:
    if isinstance(error, OSError | ValueError | EOFError | zlib.error):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _read_format(
    raw: BinaryIO,
    name: str,
    fmt: Format,
    gzipped: bool,
    on_error: ErrorHandler,
    limits: ReadLimits,
    stats: ReadStats,
) -> Iterator[Page]:
    if fmt is Format.JSONL:
        yield from iter_jsonl_pages(raw, name, gzipped=gzipped, on_error=on_error, limits=limits, stats=stats)
    elif fmt is Format.WARC:
        yield from iter_warc_pages(raw, name, gzipped=gzipped, on_error=on_error, limits=limits, stats=stats)
    else:
        inflater = GzipStream(raw) if gzipped else None
        stream: BinaryIO = io.BufferedReader(inflater) if inflater is not None else raw
        page = read_html_page(stream, name, limits) if fmt is Format.HTML else read_text_page(stream, name, limits)
        if inflater is not None and (inflater.truncated or inflater.corrupt):
            raise InputError(name, "truncated or damaged gzip")
        yield page
