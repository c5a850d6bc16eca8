"""A timeline drawn server-side as SVG geometry: stacked bars by outlet for one search,
side-by-side bars for two, right to left like the page (the first period at the right)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from marsad.store.timeline import Timeline
from marsad.web.present import arabic_date, arabic_month

__all__ = ["Rect", "TimelineChart", "period_label", "timeline_chart"]

_PLOT_BOTTOM = 34  # room under the bars for the period labels
_MAX_SLOT = 48.0
_TICKS = 6
_LABEL_WIDTH = 110.0
OTHER_OUTLETS = "مصادر أخرى"


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    kind: str  # the CSS class: src-0 ... src-5, or series-0 / series-1
    title: str


@dataclass(frozen=True, slots=True)
class TimelineChart:
    width: int
    height: int
    rects: list[Rect]
    ticks: list[tuple[float, str]]
    # (CSS class, label, total) for the legend, in drawing order
    legend: list[tuple[str, str, int]]
    peak: int


def period_label(period: str, interval: str) -> str:
    if interval == "month":
        return arabic_month(period)
    if interval == "week":
        return "أسبوع " + arabic_date(period)
    return arabic_date(period)


def timeline_chart(
    found: Timeline, *, width: int = 720, height: int = 220, name_of: Callable[[str], str] = str
) -> TimelineChart:
    """The chart of `found`; `name_of` gives each outlet's display name (`okaz` -> `عكاظ`)."""
    periods = found.periods
    if not periods:
        return TimelineChart(width, height, [], [], [], 0)
    plot = height - _PLOT_BOTTOM
    slot = min(width / len(periods), _MAX_SLOT)
    compare = len(found.series) > 1
    peak = max(max(series.counts) for series in found.series) or 1
    rects: list[Rect] = []
    legend: list[tuple[str, str, int]] = []
    if compare:
        for number, series in enumerate(found.series):
            legend.append((f"series-{number}", series.label, series.total))
    else:
        stacks = list(found.series[0].by_source.items())
        for number, (source, counts) in enumerate(stacks):
            legend.append((f"src-{number}", name_of(source) if source else OTHER_OUTLETS, sum(counts)))
    for index, period in enumerate(periods):
        x = width - (index + 1) * slot
        label = period_label(period, found.interval)
        if compare:
            bar = slot * 0.8 / len(found.series)
            for number, series in enumerate(found.series):
                count = series.counts[index]
                tall = plot * count / peak
                rects.append(
                    Rect(
                        round(x + slot * 0.9 - (number + 1) * bar, 2),
                        round(plot - tall, 2),
                        round(bar, 2),
                        round(tall, 2),
                        f"series-{number}",
                        f"{series.label} · {label}: {count}",
                    )
                )
            continue
        base = float(plot)
        for number, (source, counts) in enumerate(found.series[0].by_source.items()):
            count = counts[index]
            if not count:
                continue
            tall = plot * count / peak
            base -= tall
            rects.append(
                Rect(
                    round(x + slot * 0.1, 2),
                    round(base, 2),
                    round(slot * 0.8, 2),
                    round(tall, 2),
                    f"src-{number}",
                    f"{name_of(source) if source else OTHER_OUTLETS} · {label}: {count}",
                )
            )
    # Labels at least a label's width apart, centred under their bar and kept inside the chart.
    step = max(1, len(periods) // _TICKS, math.ceil(_LABEL_WIDTH / slot))
    half = _LABEL_WIDTH / 2
    ticks = [
        (round(min(max(width - (i + 0.5) * slot, half), width - half), 2), period_label(periods[i], found.interval))
        for i in range(0, len(periods), step)
    ]
    return TimelineChart(width, height, rects, ticks, legend, peak)
