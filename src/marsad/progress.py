"""Progress for long work: items, rate and ETA on a terminal, nothing when piped."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def on_terminal() -> bool:
    return sys.stderr.isatty()


def progress(
    items: Iterable[T],
    *,
    desc: str,
    unit: str = "page",
    total: int | None = None,
    position: Callable[[], int] | None = None,
) -> Iterator[T]:
    """Wrap `items` in a progress bar on stderr when stderr is a terminal.

    `position`, when given, says how much of `total` is done (input lines read, bad ones
    included), so that the bar reaches its end even when some inputs yield no item."""
    if not on_terminal():
        yield from items
        return
    # A terminal that reports no size (a bare pty) would get an empty bar.
    size = shutil.get_terminal_size(fallback=(100, 24))
    bar = tqdm(desc=desc, unit=unit, total=total, file=sys.stderr, ncols=size.columns or 100, nrows=size.lines or 24)
    _active.append(bar)
    finished = False
    try:
        for item in items:
            bar.update((position() if position is not None else bar.n + 1) - bar.n)
            yield item
        finished = True
    finally:
        if finished and total is not None and bar.n < total:
            bar.update(total - bar.n)
        bar.close()
        _active.remove(bar)


_active: list[tqdm] = []


def say(message: str) -> None:
    """A line on stderr, printed above a progress bar when one is showing (never on its line)."""
    if _active:
        tqdm.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr, flush=True)
