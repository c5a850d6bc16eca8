"""Progress for long work: items, rate and ETA on a terminal, nothing when piped."""

from __future__ import annotations

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
    bar = tqdm(items, desc=desc, unit=unit, total=total, file=sys.stderr, dynamic_ncols=True)
    try:
        yield from bar
    finally:
        bar.close()
