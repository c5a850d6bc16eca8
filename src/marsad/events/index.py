"""An incremental event index: add records one by one, learn which event each reports.

This is single-pass clustering as topic detection and tracking does it: a
record joins the event whose centroid its features are most similar to
(cosine of idf-weighted features), if that event was covered within
`window_days` of the record's day and the similarity reaches `threshold`;
otherwise it founds an event of its own. A record that repeats an earlier one
(a near-duplicate found by `cluster.index`) joins that one's event whatever
its similarity: a wire copy and its reprints are one event by definition,
unless the headlines name different particulars (`features.conflict`) or the
repeat comes days later (the next issue of a recurring report).

Inverse document frequencies are those of the records added so far, frozen
into a record's weights when it is added, so a record's contribution to its
event's centroid never changes afterwards and the centroid's norm can be kept
incrementally. Candidates come from the postings of a record's heaviest
features, restricted to events within the window: the cost of an addition
depends on how much news the window holds, not on the size of the archive.

An index over an archive (`events.archive`) starts from what the archive keeps
(`StoredEvents`): each event's centroid and norm as they were when its last
member joined (`restore_event`), the document frequency of every feature
counted over all stored records, and an event's members only when a new record
is checked against them (issue #19: loading every member of the window's events
cost more than the rest of an ingest into a large archive).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Protocol

from marsad.events.features import EventFeatures, conflict, names_conflict

__all__ = ["DEFAULT_THRESHOLD", "DEFAULT_WINDOW_DAYS", "Assignment", "EventIndex", "EventState", "StoredEvents"]

DEFAULT_THRESHOLD = 0.35
DEFAULT_WINDOW_DAYS = 3
# Documents assumed seen, none with any feature, before the first: without them the few
# articles of a small archive's one event would make every word they share look common.
_PRIOR_DOCUMENTS = 100
# How far from its event's days a near-duplicate may be published and still join it as a repeat.
_REPEAT_DAYS = 1
# Features of a record that look up candidate events; lighter ones rarely decide.
_PROBE_FEATURES = 12
# Candidates compared in full, those sharing most probe features first.
_MAX_CANDIDATES = 60


@dataclass(frozen=True, slots=True)
class Assignment:
    event: str
    score: float
    founded: bool


@dataclass(frozen=True, slots=True)
class EventState:
    """What an archive keeps of an event for later runs: its days, size, centroid and norm."""

    label: str
    first_day: int
    last_day: int
    members: int
    norm2: float
    centroid: dict[str, float]


class StoredEvents(Protocol):
    """What an index over an archive reads of the records stored before its run."""

    documents: int

    def frequencies(self, features: Collection[str]) -> dict[str, int]:
        """How many stored records have each of `features` (those with none may be left out)."""
        ...

    def members(self, label: str) -> list[EventFeatures]:
        """The features of the stored members of event `label`."""
        ...

    def member(self, key: int) -> tuple[str, int] | None:
        """The event and day of the stored record `key`, if it is in one."""
        ...


@dataclass(slots=True)
class _Event:
    label: str
    centroid: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    first_day: int = 0
    last_day: int = 0
    members: int = 0
    # None until read from the archive: only events a new record may join need them.
    features: list[EventFeatures] | None = field(default_factory=list)

    def dot(self, vector: dict[str, float]) -> float:
        centroid = self.centroid
        return sum(weight * centroid.get(feature, 0.0) for feature, weight in vector.items())

    def add(self, vector: dict[str, float], day: int, dot: float) -> None:
        # |c + v|^2 = |c|^2 + 2 c.v + |v|^2, with |v| = 1.
        self.norm2 += 2.0 * dot + 1.0
        for feature, weight in vector.items():
            self.centroid[feature] = self.centroid.get(feature, 0.0) + weight
        if self.members == 0:
            self.first_day = self.last_day = day
        else:
            self.first_day = min(self.first_day, day)
            self.last_day = max(self.last_day, day)
        self.members += 1


class EventIndex:
    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        window_days: int = DEFAULT_WINDOW_DAYS,
        stored: StoredEvents | None = None,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        if window_days < 0:
            raise ValueError(f"window_days must be 0 or more, not {window_days}")
        self.threshold = threshold
        self.window_days = window_days
        self._events: dict[str, _Event] = {}
        self._event_of: dict[int, str] = {}
        self._day_of: dict[int, int] = {}
        self._postings: defaultdict[str, set[str]] = defaultdict(set)
        self._df: Counter[str] = Counter()
        self._documents = 0
        self._stored = stored
        # Stored frequencies as read before this run added anything with the feature: a
        # feature is looked up before the first record of the run that has it is placed.
        self._stored_df: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._event_of)

    def event_of(self, key: int) -> str | None:
        return self._event_of.get(key)

    def has_event(self, label: str) -> bool:
        return label in self._events

    def forget(self, key: int) -> None:
        """`key` is gone; what it added to its event's centroid stays until the index is
        built again, as a removed article's words stay in what others wrote about it."""
        self._event_of.pop(key, None)
        self._day_of.pop(key, None)

    def _vector(self, features: EventFeatures) -> dict[str, float]:
        """Features weighted by (smoothed) inverse document frequency, to unit length."""
        df, stored_df = self._df, self._stored_df
        total = self._documents + 1 + _PRIOR_DOCUMENTS
        if self._stored is not None:
            total += self._stored.documents
            unread = [feature for feature in features.weights if feature not in stored_df]
            if unread:
                found = self._stored.frequencies(unread)
                stored_df.update((feature, found.get(feature, 0)) for feature in unread)
        vector = {
            feature: weight * math.log(total / (df[feature] + stored_df.get(feature, 0) + 1))
            for feature, weight in features.weights.items()
        }
        length = math.sqrt(sum(value * value for value in vector.values()))
        if length == 0.0:
            return {}
        return {feature: value / length for feature, value in vector.items() if value > 0.0}

    def _candidates(self, vector: dict[str, float], day: int) -> list[_Event]:
        probes = sorted(vector, key=vector.__getitem__, reverse=True)[:_PROBE_FEATURES]
        shared: Counter[str] = Counter()
        for feature in probes:
            for label in self._postings.get(feature, ()):
                shared[label] += 1
        found = []
        for label, _count in shared.most_common():
            event = self._events[label]
            if event.last_day >= day - self.window_days and event.first_day <= day + self.window_days:
                found.append(event)
                if len(found) >= _MAX_CANDIDATES:
                    break
        return found

    def best(self, features: EventFeatures) -> tuple[str | None, float]:
        """The event within the window that `features` is most similar to, at the threshold
        or above, and whose headlines name no other particulars; and the similarity."""
        vector = self._vector(features)
        scored = [
            (event.dot(vector) / math.sqrt(event.norm2) if event.norm2 > 0.0 else 0.0, event)
            for event in self._candidates(vector, features.day)
        ]
        # Most similar first: the costly headline check runs only on events that could be joined.
        for score, event in sorted(scored, key=lambda item: (-item[0], item[1].label)):
            if score < self.threshold:
                break
            if not self._conflicts(event, features):
                return event.label, score
        return None, 0.0

    def _repeated_event(self, near: int | None, features: EventFeatures) -> str | None:
        """The event of the record `near` repeats, if the repeat belongs to it. A near-duplicate
        whose headline names other people or places is a templated text (the same cable to
        another country); one published a day later with other headline numbers, or days
        later, is the next issue of a recurring report (the weather, a market's close). Those
        join an event only by their own similarity."""
        found = self._member_of(near) if near is not None else None
        event = self._events.get(found[0]) if found is not None else None
        if event is None or found is None:
            return None
        apart = abs(features.day - found[1])
        if apart > _REPEAT_DAYS:
            return None
        # The same day, a repeat may update its numbers; on another, new numbers are a new issue.
        check = names_conflict if apart == 0 else conflict
        if any(check(features, other) for other in self._members(event)):
            return None
        return event.label

    def _member_of(self, key: int) -> tuple[str, int] | None:
        label = self._event_of.get(key)
        if label is not None:
            return label, self._day_of[key]
        return self._stored.member(key) if self._stored is not None else None

    def _members(self, event: _Event) -> list[EventFeatures]:
        if event.features is None:
            event.features = self._stored.members(event.label) if self._stored is not None else []
        return event.features

    def _conflicts(self, event: _Event, features: EventFeatures) -> bool:
        return any(conflict(features, member) for member in self._members(event))

    def add(self, key: int, label: str, features: EventFeatures, *, near: int | None = None) -> Assignment:
        """Add the record `key` (its new event would be called `label`), repeating record
        `near` when a near-duplicate was found; returns the event it joined or founded."""
        if key in self._event_of:
            raise ValueError(f"record {key} is already in an event")
        vector = self._vector(features)
        joined = self._repeated_event(near, features)
        score = 1.0
        if joined is None:
            found, score = self.best(features)
            if found is not None and score >= self.threshold:
                joined = found
        founded = joined is None
        if joined is None:
            joined, score = label, 1.0
            self._events[label] = _Event(label)
        self._place(key, joined, vector, features)
        return Assignment(joined, round(score, 4), founded)

    def restore(self, key: int, label: str, features: EventFeatures) -> None:
        """Add a record stored earlier in event `label`, as it was assigned then."""
        if key in self._event_of:
            return
        if label not in self._events:
            self._events[label] = _Event(label)
        self._place(key, label, self._vector(features), features)

    def restore_event(self, state: EventState) -> None:
        """Take up an event the archive keeps, as it was when its last member joined; its
        members are read when a new record is checked against them."""
        if state.label in self._events:
            return
        self._events[state.label] = _Event(
            state.label, state.centroid, state.norm2, state.first_day, state.last_day, state.members, None
        )
        for feature in state.centroid:
            self._postings[feature].add(state.label)

    def state(self, label: str) -> EventState:
        """Event `label` as an archive keeps it."""
        event = self._events[label]
        return EventState(label, event.first_day, event.last_day, event.members, event.norm2, event.centroid)

    def _place(self, key: int, label: str, vector: dict[str, float], features: EventFeatures) -> None:
        event = self._events[label]
        event.add(vector, features.day, event.dot(vector))
        self._members(event).append(features)
        for feature in vector:
            self._postings[feature].add(label)
        self._event_of[key] = label
        self._day_of[key] = features.day
        self._documents += 1
        self._df.update(features.weights.keys())

    def evict_before(self, day: int) -> list[EventState]:
        """Drop the events no record of `day` or later can join (their last article more than
        the window before it): a pass over an archive in day order keeps only the news of the
        window in memory. Returns what was dropped."""
        gone = [label for label, event in self._events.items() if event.last_day < day - self.window_days]
        dropped = []
        for label in gone:
            dropped.append(self.state(label))
            event = self._events.pop(label)
            for feature in event.centroid:
                postings = self._postings.get(feature)
                if postings is not None:
                    postings.discard(label)
                    if not postings:
                        del self._postings[feature]
        return dropped
