"""How coverage of a search or a name moves over time: matches per day, week or month,
split by outlet, and two searches side by side.

One aggregate per search (`Archive.day_counts`: dated matches by day and outlet) on
either backend; the periods are built here, every period between the first and the
last match present (a week without matches is a zero, not a gap). The interval is
chosen by the span unless asked for: days up to two months, weeks up to two years,
months beyond.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from marsad.store.base import Archive, SearchFilters
from marsad.store.day_keys import day_of
from marsad.store.search import Query

__all__ = ["INTERVALS", "Interval", "Series", "Timeline", "period_of", "timeline"]

Interval = Literal["day", "week", "month"]
INTERVALS: tuple[Interval, ...] = ("day", "week", "month")
# Outlets drawn apart in a single search's chart; the rest are summed as one.
TOP_SOURCES = 5
_DAYS_FOR_DAILY = 62
_DAYS_FOR_WEEKLY = 730
# More periods than this are not drawn as bars anyone can read; a month a bar is kept.
MAX_PERIODS = 400


@dataclass(slots=True)
class Series:
    label: str
    counts: list[int]
    # Outlet -> counts per period (the top outlets, then "" for all others together).
    by_source: dict[str, list[int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts)

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "total": self.total, "counts": self.counts, "by_source": self.by_source}


@dataclass(slots=True)
class Timeline:
    interval: Interval
    periods: list[str]
    series: list[Series]

    def to_dict(self) -> dict[str, Any]:
        return {
            "interval": self.interval,
            "periods": self.periods,
            "series": [series.to_dict() for series in self.series],
        }


def period_of(day: str, interval: Interval) -> str:
    """The period a day (YYYY-MM-DD) falls in: the day, the Monday of its week, or YYYY-MM."""
    if interval == "day":
        return day
    if interval == "month":
        return day[:7]
    date = datetime.date.fromisoformat(day)
    return (date - datetime.timedelta(days=date.weekday())).isoformat()


def _periods(first: str, last: str, interval: Interval) -> list[str]:
    start, end = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
    found: list[str] = []
    day = start
    while day <= end:
        period = period_of(day.isoformat(), interval)
        if not found or found[-1] != period:
            found.append(period)
        if interval == "month":
            day = (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
        else:
            day += datetime.timedelta(days=1 if interval == "day" else 7)
            if interval == "week":
                day -= datetime.timedelta(days=day.weekday())
    return found


def timeline(
    archive: Archive,
    searches: list[tuple[str, Query | None]],
    filters: SearchFilters,
    *,
    interval: Interval | None = None,
) -> Timeline:
    """Matches per period of each (label, query) within `filters`; the first search is also
    split by outlet."""
    counted = [[row for row in archive.day_counts(query, filters) if day_of(row[0])] for _label, query in searches]
    days = sorted({day for rows in counted for day, _source, _count in rows})
    if not days:
        return Timeline(interval or "day", [], [Series(label, []) for label, _query in searches])
    span = (datetime.date.fromisoformat(days[-1]) - datetime.date.fromisoformat(days[0])).days
    chosen: Interval = interval or (
        "day" if span <= _DAYS_FOR_DAILY else "week" if span <= _DAYS_FOR_WEEKLY else "month"
    )
    periods = _periods(days[0], days[-1], chosen)
    if len(periods) > MAX_PERIODS:
        chosen = "month"
        periods = _periods(days[0], days[-1], chosen)
    index = {period: number for number, period in enumerate(periods)}
    series = []
    for position, ((label, _query), rows) in enumerate(zip(searches, counted, strict=True)):
        counts = [0] * len(periods)
        per_source: dict[str, list[int]] = defaultdict(lambda: [0] * len(periods))
        totals: Counter[str] = Counter()
        for day, source, count in rows:
            slot = index[period_of(day, chosen)]
            counts[slot] += count
            per_source[source or ""][slot] += count
            totals[source or ""] += count
        found = Series(label, counts)
        if position == 0:
            top = [name for name, _count in totals.most_common() if name][:TOP_SOURCES]
            found.by_source = {name: per_source[name] for name in top}
            rest = [sum(values) for values in zip(*(v for k, v in per_source.items() if k not in top), strict=True)]
            if rest and any(rest):
                found.by_source[""] = rest
        series.append(found)
    return Timeline(chosen, periods, series)
