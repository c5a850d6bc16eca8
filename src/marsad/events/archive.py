"""Events kept in the archive: assigned at ingest, rebuilt on demand.

At ingest each new record joins an event of the days around its own: the
index loads the stored state of the events covered on those days (centroid,
norm, days and size, kept up to date as members join) the first time a
record of that period arrives, reads the members of an event only when a new
record is checked against them, and looks up the stored frequency of a
feature when a new record has it; so an ingest into a large archive costs what
one into the few days it touches does, however many members those days hold.
`rebuild_events` assigns every stored record again, oldest first, as an ingest
of the whole archive in publication order would: after a change of the rules,
or on an archive stored before events existed. An archive whose events were
stored before their states were kept has the states built from its members
once, by the first run that needs them.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Callable, Collection

from marsad.events.features import EventFeatures, event_features
from marsad.events.index import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, Assignment, EventIndex, EventState
from marsad.records import Record
from marsad.store.base import Archive
from marsad.store.day_keys import day_of

__all__ = ["ArchiveEvents", "keep_event_states", "rebuild_events"]


def _iso(day: int) -> str:
    return datetime.date.fromordinal(day).isoformat()


def _ordinal(day: str) -> int:
    return datetime.date.fromisoformat(day[:10]).toordinal()


class _Stored:
    """`events.index.StoredEvents` read from an archive."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.documents = archive.event_documents()

    def frequencies(self, features: Collection[str]) -> dict[str, int]:
        # An archive with no record in an event counts no feature: no query per new record.
        return self.archive.event_frequencies(list(features)) if self.documents else {}

    def members(self, label: str) -> list[EventFeatures]:
        return [EventFeatures.from_json(_ordinal(day), text) for day, text in self.archive.event_member_features(label)]

    def member(self, key: int) -> tuple[str, int] | None:
        found = self.archive.event_member(key)
        return (found[0], _ordinal(found[1])) if found is not None else None


class ArchiveEvents:
    """The event index of one run over an archive."""

    def __init__(
        self,
        archive: Archive,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        window_days: int = DEFAULT_WINDOW_DAYS,
        stored_nothing: bool = False,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.archive = archive
        if not stored_nothing and not archive.event_states_complete():
            if say is not None:
                say(f"marsad: keeping the state of the events stored in {archive.location} (once)")
            keep_event_states(archive)
        stored = None if stored_nothing else _Stored(archive)
        self.index = EventIndex(threshold=threshold, window_days=window_days, stored=stored)
        # Days whose events were read so far; everything counts as read when the
        # archive's events were just forgotten (a rebuild).
        self._loaded: set[int] = set()
        self._nothing_stored = stored_nothing
        # Kept for `flush`: an event joined a hundred times in a batch is written once.
        self._changed: set[str] = set()
        self._counts: Counter[str] = Counter()

    def _load_around(self, day: int) -> None:
        if self._nothing_stored:
            return
        window = self.index.window_days
        wanted = [d for d in range(day - window, day + window + 1) if d not in self._loaded]
        if not wanted:
            return
        for label, first, last, members, norm2, centroid in self.archive.event_states_between(
            _iso(wanted[0]), _iso(wanted[-1])
        ):
            self.index.restore_event(
                EventState(label, _ordinal(first), _ordinal(last), members, norm2, json.loads(centroid))
            )
        self._loaded.update(range(wanted[0], wanted[-1] + 1))

    def _label(self, record_id: str) -> str:
        # A replaced page stores its records under their old ids; the event one of them
        # founded may live on in its other members, so a new event takes another name.
        label, suffix = record_id, 1
        while self.index.has_event(label) or (not self._nothing_stored and self.archive.event_taken(label)):
            suffix += 1
            label = f"{record_id}~{suffix}"
        return label

    def add(self, rowid: int, record: Record, *, near: int | None = None, stored_on: datetime.date) -> Assignment:
        """Assign the stored record `rowid` to an event (joining `near`'s when it repeats that
        record); `stored_on` stands for its day when it has no publication date."""
        features = event_features(record, stored_on)
        self._load_around(features.day)
        assignment = self.index.add(rowid, self._label(record.id), features, near=near)
        self.archive.save_event(rowid, assignment.event, _iso(features.day), assignment.score, features.to_json())
        self._changed.add(assignment.event)
        self._counts.update(features.weights.keys())
        return assignment

    def flush(self) -> None:
        """Write the states of the events joined since the last flush and the new records'
        feature counts; call it before every commit that should keep the assignments."""
        for label in sorted(self._changed):
            _save_state(self.archive, self.index.state(label))
        if self._counts:
            self.archive.count_event_features(sorted(self._counts.items()))
        self._changed.clear()
        self._counts.clear()

    def forget(self, rowid: int) -> None:
        """A record deleted from the archive (its page replaced) is no event's member."""
        self.index.forget(rowid)


def _save_state(archive: Archive, state: EventState) -> None:
    archive.save_event_state(
        state.label,
        _iso(state.first_day),
        _iso(state.last_day),
        state.members,
        state.norm2,
        json.dumps(state.centroid, ensure_ascii=False, separators=(",", ":")),
    )


def keep_event_states(archive: Archive, batch: int = 5000) -> None:
    """Build the states of the events an archive stored before it kept them, from their
    members in day order (as the members of a window were taken up before), with the
    feature frequencies over all of them; the events and their members stay as they are."""
    members = archive.fetch("SELECT record_rowid, event_id, day FROM event_members ORDER BY day, record_rowid")
    archive.execute("DELETE FROM event_states")
    archive.execute("DELETE FROM event_frequencies")
    index = EventIndex()
    frequencies: Counter[str] = Counter()
    for start in range(0, len(members), batch):
        chunk = members[start : start + batch]
        condition, param = archive.in_condition("record_rowid", [int(row[0]) for row in chunk])
        features = dict(archive.fetch(f"SELECT record_rowid, features FROM event_members WHERE {condition}", [param]))
        for rowid, event, day in chunk:
            found = EventFeatures.from_json(_ordinal(str(day)), str(features[rowid]))
            index.restore(int(rowid), str(event), found)
            frequencies.update(found.weights.keys())
        for state in index.evict_before(_ordinal(str(chunk[-1][2]))):
            _save_state(archive, state)
    for state in index.evict_before(10**9):
        _save_state(archive, state)
    archive.count_event_features(sorted(frequencies.items()))
    archive.mark_event_states()


def rebuild_events(
    archive: Archive,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
    on_record: Callable[[int, int], None] | None = None,
    batch: int = 500,
) -> int:
    """Assign every stored record to an event again, in publication order; returns how many events."""
    order = archive.fetch(
        "SELECT r.rowid, r.published, p.ingested_at, m.cluster_id FROM records r "
        "JOIN pages p ON p.id = r.page_id LEFT JOIN cluster_members m ON m.record_rowid = r.rowid"
    )
    keyed = []
    for rowid, published, ingested_at, cluster in order:
        stored_on = datetime.date.fromisoformat(str(ingested_at)[:10])
        known = day_of(published)
        day = _ordinal(known) if known is not None else stored_on.toordinal()
        keyed.append((day, int(rowid), stored_on, cluster))
    keyed.sort(key=lambda item: (item[0], item[1]))
    archive.forget_events()
    events = ArchiveEvents(archive, threshold=threshold, window_days=window_days, stored_nothing=True)
    first_of_cluster: dict[str, int] = {}
    founded = 0
    for start in range(0, len(keyed), batch):
        chunk = keyed[start : start + batch]
        records = archive.iter_records([rowid for _day, rowid, _on, _cluster in chunk])
        for (_day, rowid, stored_on, cluster), record in zip(chunk, records, strict=True):
            near = first_of_cluster.setdefault(str(cluster), rowid) if cluster is not None else None
            assignment = events.add(rowid, record, near=near if near != rowid else None, stored_on=stored_on)
            founded += assignment.founded
        events.flush()
        archive.commit()
        # Records come in day order: events that ended a window before this chunk's last day
        # can take no more members (their repeats found through clusters start events anew).
        events.index.evict_before(chunk[-1][0])
        if on_record is not None:
            on_record(min(start + batch, len(keyed)), len(keyed))
    return founded
