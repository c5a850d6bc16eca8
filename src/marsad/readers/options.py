"""Limits that keep one bad input from exhausting memory, and counters of what was read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What the readers are told: size caps (anything larger is reported as an error and
    skipped), and the names a dump gives its fields."""

    max_page_bytes: int = 20 * MIB
    """A `.txt`/`.html` file, a stdin page or one WARC record."""
    max_line_bytes: int = 1 * MIB
    """One JSON Lines record."""
    fields: tuple[tuple[str, str], ...] = ()
    """(our field, the dump's field) pairs for JSON Lines, as `--field published=date_extracted` gives them."""


@dataclass(slots=True)
class ReadStats:
    """What the readers saw; fill one by passing it to `iter_pages(..., stats=...)`."""

    files: int = 0
    pages: int = 0
    errors: int = 0
    warnings: int = 0
    """Things left out of pages that were read all the same (a publication date in no known form)."""
    consumed: int = 0
    """Input units read so far, counted as `count_pages` counts them (JSON Lines lines, files)."""
    skipped: Counter[str] = field(default_factory=Counter)
    """Records passed over on purpose, by reason (`no arabic`, `not html`, `http 404`, ...)."""
    repaired: int = 0
    """Pages that held control characters or lone surrogates (removed or replaced, see `marsad.valid_text`)."""
    removed_controls: int = 0
    replaced_surrogates: int = 0


def megabytes(size: int) -> str:
    return f"{size / MIB:.1f} MB"
