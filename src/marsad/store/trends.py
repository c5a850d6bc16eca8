"""What is rising on a day: people, places, organisations and headline words whose
coverage jumps against their own recent days, and the events the most outlets covered.

A name mentioned in 40 articles every day is not news for being mentioned in 42; one
mentioned in 2 a day and in 30 today is. Each candidate's count on the day (articles
that mention it) is compared with what its share of the articles over the `baseline`
days before predicts for the day's volume — so a day with twice the articles does not
double every word — by a burst score for counts, (today - expected) /
sqrt(expected + 1): a Poisson z-score smoothed so that a name from nothing to a
handful is not infinitely surprising. Only days the archive holds articles of count
in the baseline: an archive that starts last week has no news from the week before. A candidate
needs `min_articles` articles on the day from at least two outlets, so one outlet's
series of reports does not make a trend.

Both backends answer the same queries through `Archive.fetch`; a day's trends read
the records of the day and of the baseline period only.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import regex

from marsad.arabic.search_terms import search_key
from marsad.events.index import DEFAULT_WINDOW_DAYS
from marsad.store.base import Archive
from marsad.store.browse_events import EventSummary, list_events

__all__ = ["DEFAULT_BASELINE_DAYS", "Rising", "Trends", "burst_score", "latest_day", "trends_of_day"]

DEFAULT_BASELINE_DAYS = 14
MIN_ARTICLES = 3
MIN_OUTLETS = 2
MIN_SCORE = 2.0
_LIMIT = 25
_EVENTS = 15
_ENTITY_TYPES = ("PER", "ORG", "LOC")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_MIN_TERM = 3


@dataclass(slots=True)
class Rising:
    """A name or a headline word: its articles on the day, its mean per day before, its score."""

    key: str
    name: str
    kind: str
    articles: int
    outlets: int
    # The articles its share over the baseline days predicts for the day.
    expected: float
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "expected": round(self.expected, 2), "score": round(self.score, 2)}


@dataclass(slots=True)
class Trends:
    day: str
    baseline_days: int
    articles: int
    # Articles over the baseline days the archive holds any of (none: nothing to compare with).
    baseline_articles: int = 0
    entities: list[Rising] = field(default_factory=list)
    terms: list[Rising] = field(default_factory=list)
    events: list[EventSummary] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day,
            "baseline_days": self.baseline_days,
            "articles": self.articles,
            "baseline_articles": self.baseline_articles,
            "entities": [item.to_dict() for item in self.entities],
            "terms": [item.to_dict() for item in self.terms],
            "events": [event.to_dict() for event in self.events],
        }


def burst_score(today: int, expected: float) -> float:
    return (today - expected) / math.sqrt(expected + 1.0)


def latest_day(archive: Archive) -> str | None:
    """The newest publication day in the archive (a historical archive's "today")."""
    found = archive.fetch("SELECT max(published) FROM records")
    value = found[0][0] if found else None
    return str(value)[:10] if value else None


def _next(day: str, days: int) -> str:
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=days)).isoformat()


def trends_of_day(
    archive: Archive,
    day: str,
    *,
    baseline_days: int = DEFAULT_BASELINE_DAYS,
    min_articles: int = MIN_ARTICLES,
    limit: int = _LIMIT,
) -> Trends:
    """Rising entities and headline words of `day` (YYYY-MM-DD), and its events by outlets."""
    first = _next(day, -baseline_days)
    end = _next(day, 1)
    totals = {
        str(published): int(count)
        for published, count in archive.fetch(
            "SELECT substr(published, 1, 10), count(*) FROM records WHERE published >= ? AND published < ? "
            "GROUP BY substr(published, 1, 10)",
            (first, end),
        )
    }
    found = Trends(day=day, baseline_days=baseline_days, articles=totals.pop(day, 0))
    found.baseline_articles = sum(totals.values())
    if not found.articles:
        return found
    # Events covered on the day, counted over the days an event may run (the event window) up to it.
    recent = list_events(archive, since=_next(day, -DEFAULT_WINDOW_DAYS), until=day, min_outlets=MIN_OUTLETS, limit=200)
    found.events = [event for event in recent if event.last_seen == day][:_EVENTS]
    if not found.baseline_articles:
        return found
    volume = (found.articles, found.baseline_articles)
    found.entities = _rising(_entity_counts(archive, first, end), day, volume, min_articles)[:limit]
    found.terms = _rising(_term_counts(archive, first, end), day, volume, min_articles)[:limit]
    return found


# (key, kind) -> per day: (articles, outlets); and key -> the name shown
_Counts = tuple[dict[tuple[str, str], dict[str, tuple[int, int]]], dict[str, str]]


def _entity_counts(archive: Archive, first: str, end: str) -> _Counts:
    rows = archive.fetch(
        "SELECT substr(r.published, 1, 10), e.match_key, e.type, count(DISTINCT r.rowid), "
        "count(DISTINCT r.source_id), max(coalesce(e.canonical, e.text)) "
        "FROM records r JOIN entities e ON e.record_rowid = r.rowid "
        "WHERE r.published >= ? AND r.published < ? AND e.match_key <> '' "
        "GROUP BY substr(r.published, 1, 10), e.match_key, e.type",
        (first, end),
    )
    counts: dict[tuple[str, str], dict[str, tuple[int, int]]] = defaultdict(dict)
    names: dict[str, str] = {}
    for day, key, kind, articles, outlets, name in rows:
        if kind not in _ENTITY_TYPES:
            continue
        counts[(str(key), str(kind))][str(day)] = (int(articles), int(outlets))
        names.setdefault(str(key), str(name))
    return counts, names


def _term_counts(archive: Archive, first: str, end: str) -> _Counts:
    """Headline words per day: the words an editor chose to put first."""
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    outlets: dict[tuple[str, str], set[Any]] = defaultdict(set)
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    for published, title, source in archive.fetch(
        "SELECT published, title, source_id FROM records WHERE published >= ? AND published < ? AND title IS NOT NULL",
        (first, end),
    ):
        day = str(published)[:10]
        words: set[str] = set()
        for word in _WORD.findall(str(title)):
            key = search_key(word)
            if len(key) >= _MIN_TERM:
                words.add(key)
                shown[key][word] += 1
        per_day[day].update(words)
        for key in words:
            outlets[(day, key)].add(source)
    counts: dict[tuple[str, str], dict[str, tuple[int, int]]] = defaultdict(dict)
    for day, keys in per_day.items():
        for key, articles in keys.items():
            counts[(key, "TERM")][day] = (articles, len(outlets[(day, key)]))
    names = {key: spellings.most_common(1)[0][0] for key, spellings in shown.items()}
    return counts, names


def _rising(counts: _Counts, day: str, volume: tuple[int, int], min_articles: int) -> list[Rising]:
    per_key, names = counts
    today_total, before_total = volume
    found = []
    for (key, kind), days in per_key.items():
        articles, outlets = days.get(day, (0, 0))
        if articles < min_articles or outlets < MIN_OUTLETS:
            continue
        before = sum(count for other, (count, _outlets) in days.items() if other != day)
        expected = today_total * before / before_total
        score = burst_score(articles, expected)
        if score >= MIN_SCORE:
            found.append(Rising(key, names.get(key, key), kind, articles, outlets, expected, score))
    found.sort(key=lambda item: (-item.score, -item.articles, item.key))
    return found
