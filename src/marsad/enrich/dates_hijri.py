"""Hijri to Gregorian, through the Umm al-Qura tables of `hijridate`.

A Hijri day has one Gregorian day. A Hijri month or year straddles two
Gregorian months or years: a month gets ``YYYY`` (the year of its middle), a
year the Gregorian year that holds most of its days, as the annotation
guidelines (docs/guidelines/blind_enrichment.md) read them.
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

__all__ = ["hijri_to_gregorian_value", "nearest_hijri_year", "relative_hijri_year"]


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


# A Hijri year is 354.37 days, 0.970229 Gregorian years; 1 AH began in July 622 (622.54).
_HIJRI_YEAR_IN_GREGORIAN = 0.970229
_FIRST_HIJRI_YEAR_START = 622.54


def _year_by_mean_length(year: int) -> tuple[str | None, str] | None:
    """``79 هجرية`` -> 698: outside the Umm al-Qura table, the Gregorian year that holds most
    of the Hijri year, from the mean year length (right to a day or two, enough for a year)."""
    if year < 1:
        return None
    start = _FIRST_HIJRI_YEAR_START + (year - 1) * _HIJRI_YEAR_IN_GREGORIAN
    first = int(start)
    value = first if first + 1 - start >= _HIJRI_YEAR_IN_GREGORIAN / 2 else first + 1
    return f"{value:04d}", f"{year:04d}"


def hijri_to_gregorian_value(year: int, month: int | None, day: int | None) -> tuple[str | None, str] | None:
    """(Gregorian value or None, Hijri value) for a Hijri date; None when it is no date."""
    if month is None:
        first, last = _gregorian(year, 1, 1), None
        length = _month_length(year, 12)
        if first is None or length is None:
            return _year_by_mean_length(year)
        last = _gregorian(year, 12, length)
        if last is None:
            return None, f"{year:04d}"
        # A Hijri year straddles two Gregorian years: its value is the one that holds most of it.
        in_first = (dt.date(first.year, 12, 31) - first).days + 1
        in_last = (last - dt.date(last.year, 1, 1)).days + 1
        year_value = first.year if last.year == first.year or in_first >= in_last else last.year
        return f"{year_value:04d}", f"{year:04d}"
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
            middle = _gregorian(year, month, 15)  # a month across New Year: the year of its middle
            value = f"{middle.year:04d}" if middle is not None else None
        return value, f"{year:04d}-{month:02d}"
    when = _gregorian(year, month, day)
    if when is None:
        return None
    return when.isoformat(), f"{year:04d}-{month:02d}-{day:02d}"


def nearest_hijri_year(month: int, day: int, published: dt.date, direction: int = 0) -> int | None:
    """The Hijri year that puts `day` `month` closest to `published` (a news date is near it); on
    or before it for ``الماضي`` (`direction` -1), on or after it for ``المقبل`` (+1)."""
    try:
        current = Gregorian(published.year, published.month, published.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
    best: tuple[int, int] | None = None
    for year in (current - 1, current, current + 1):
        when = _gregorian(year, month, day)
        if when is None or (direction < 0 and when > published) or (direction > 0 and when < published):
            continue
        if best is None or abs((when - published).days) < best[0]:
            best = (abs((when - published).days), year)
    return best[1] if best else None


def relative_hijri_year(month: int, direction: int, published: dt.date) -> int | None:
    """The Hijri year of ``رجب الماضي`` (-1), ``رمضان المقبل`` (+1) or ``الحالي`` (0) as seen from
    `published`: the last such month begun before it, the next one after it, or the current year's."""
    try:
        today = Gregorian(published.year, published.month, published.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    if direction < 0:
        return today.year if month < today.month else today.year - 1
    if direction > 0:
        return today.year if month > today.month else today.year + 1
    return today.year
