"""Hijri to Gregorian, through the Umm al-Qura tables of `hijridate`.

A Hijri day has one Gregorian day. A Hijri month or year straddles two
Gregorian months or years, so it gets the coarsest Gregorian value that is
still true (``YYYY`` when the whole month falls in one Gregorian year), or
None: no value rather than a wrong one.
"""

from __future__ import annotations

import datetime as dt

from hijridate import Hijri

__all__ = ["hijri_to_gregorian_value"]


def _gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        return Hijri(year, month, day, validate=True).to_gregorian()
    except (ValueError, OverflowError):
        return None  # outside the Umm al-Qura table (1343-1500 AH) or not a day of that month


def _month_length(year: int, month: int) -> int | None:
    try:
        return int(Hijri(year, month, 1).month_length())
    except (ValueError, OverflowError):
        return None


def hijri_to_gregorian_value(year: int, month: int | None, day: int | None) -> tuple[str | None, str] | None:
    """(Gregorian value or None, Hijri value) for a Hijri date; None when it is no date."""
    if month is None:
        first, last = _gregorian(year, 1, 1), None
        length = _month_length(year, 12)
        if first is None or length is None:
            return None
        last = _gregorian(year, 12, length)
        year_value = f"{first.year:04d}" if last is not None and last.year == first.year else None
        return year_value, f"{year:04d}"
    if day is None:
        length = _month_length(year, month)
        first = _gregorian(year, month, 1)
        if length is None or first is None:
            return None
        last = _gregorian(year, month, length)
        value: str | None
        if last is not None and (last.year, last.month) == (first.year, first.month):
            value = f"{first.year:04d}-{first.month:02d}"
        elif last is not None and last.year == first.year:
            value = f"{first.year:04d}"
        else:
            value = None
        return value, f"{year:04d}-{month:02d}"
    when = _gregorian(year, month, day)
    if when is None:
        return None
    return when.isoformat(), f"{year:04d}-{month:02d}-{day:02d}"
