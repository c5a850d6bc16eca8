"""Progress for long work: items, rate and ETA on a terminal, nothing when piped."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def on_terminal() -> bool:
    return sys.stderr.isatty()


def progress(items: Iterable[T], *, desc: str, unit: str = "page", total: int | None = None) -> Iterator[T]:
    """Wrap `items` in a progress bar on stderr when stderr is a terminal."""
    if not on_terminal():
        yield from items
        return
    # A terminal that reports no size (a bare pty) would get an empty bar.
    size = shutil.get_terminal_size(fallback=(100, 24))
    bar = tqdm(
        items, desc=desc, unit=unit, total=total, file=sys.stderr, ncols=size.columns or 100, nrows=size.lines or 24
    )
    try:
        yield from bar
    finally:
        bar.close()
