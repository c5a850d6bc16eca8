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

Both backends answer the same two queries through `Archive.fetch`, over the per-day
counts ingest keeps (`marsad.store.day_keys`): the day's candidates, then the baseline
counts of those alone.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import asdict, dataclass, field
from typing import Any

from marsad.events.index import DEFAULT_WINDOW_DAYS
from marsad.store.base import Archive
from marsad.store.browse_events import EventSummary, list_events
from marsad.store.day_keys import DAY_KEYS_SCHEMA
from marsad.store.entity_identity import stored_identities

__all__ = ["DEFAULT_BASELINE_DAYS", "TRENDS_SCHEMA", "Rising", "Trends", "burst_score", "latest_day", "trends_of_day"]

# The schema version that keeps the per-day counts (`day_keys`) trends read.
TRENDS_SCHEMA = DAY_KEYS_SCHEMA
DEFAULT_BASELINE_DAYS = 14
MIN_ARTICLES = 3
MIN_OUTLETS = 2
MIN_SCORE = 2.0
_LIMIT = 25
_EVENTS = 15


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
    rising = _rising(archive, day, first, (found.articles, found.baseline_articles), min_articles)
    found.entities = [item for item in rising if item.kind != "TERM"][:limit]
    found.terms = [item for item in rising if item.kind == "TERM"][:limit]
    return found


def _identity_names(archive: Archive, keys: list[str]) -> dict[str, tuple[str, str] | None]:
    """The entity (its key and usual name) of each key; None for a key that names no entity (a currency)."""
    return {
        key: (found.identity, found.name) if found.identity else None
        for key, found in stored_identities(archive, keys).items()
    }


def _rising(archive: Archive, day: str, first: str, volume: tuple[int, int], min_articles: int) -> list[Rising]:
    """Names and headline words with enough articles and outlets on `day`, scored against
    their share of the articles from `first` to the day before (`marsad.store.day_keys`)."""
    candidates = archive.fetch(
        "SELECT kind, key, sum(articles), count(*), max(name) FROM day_keys WHERE day = ? AND articles > 0 "
        "GROUP BY kind, key HAVING sum(articles) >= ? AND count(*) >= ?",
        (day, min_articles, MIN_OUTLETS),
    )
    if not candidates:
        return []
    condition, param = archive.in_condition("key", sorted({str(row[1]) for row in candidates}))
    before = {
        (str(kind), str(key)): int(total)
        for kind, key, total in archive.fetch(
            f"SELECT kind, key, sum(articles) FROM day_keys WHERE {condition} AND day >= ? AND day < ? "
            "GROUP BY kind, key",
            (param, first, day),
        )
    }
    today_total, before_total = volume
    identities = _identity_names(archive, [str(row[1]) for row in candidates if row[0] != "TERM"])
    found = []
    for kind, key, articles, outlets, name in candidates:
        if kind != "TERM" and str(key) in identities:
            entity = identities[str(key)]
            if entity is None:
                continue  # a currency or a unit is no entity (`store.entity_identity`)
            key, name = entity
        expected = today_total * before.get((str(kind), str(key)), 0) / before_total
        score = burst_score(int(articles), expected)
        if score >= MIN_SCORE:
            found.append(Rising(str(key), str(name), str(kind), int(articles), int(outlets), expected, score))
    found.sort(key=lambda item: (-item.score, -item.articles, item.key))
    # One entry per entity: two of its names rising together show as its best-scored one.
    seen: set[tuple[str, str]] = set()
    kept = []
    for item in found:
        if (item.kind, item.key) not in seen:
            seen.add((item.kind, item.key))
            kept.append(item)
    return kept
