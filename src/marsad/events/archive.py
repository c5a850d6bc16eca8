"""Events kept in the archive: assigned at ingest, rebuilt on demand.

At ingest each new record joins an event of the days around its own: the
index loads those days' stored members (their features are kept beside
them, so no record is read again) the first time a record of that period
arrives, and nothing else, so an ingest into a large archive costs what one
into the few days it touches does. `rebuild_events` assigns every stored
record again, oldest first, as an ingest of the whole archive in
publication order would: after a change of the rules, or on an archive
stored before events existed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from marsad.events.features import EventFeatures, event_features
from marsad.events.index import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, Assignment, EventIndex
from marsad.records import Record
from marsad.store.base import Archive
from marsad.store.day_keys import day_of

__all__ = ["ArchiveEvents", "rebuild_events"]


def _iso(day: int) -> str:
    return datetime.date.fromordinal(day).isoformat()


def _ordinal(day: str) -> int:
    return datetime.date.fromisoformat(day[:10]).toordinal()


class ArchiveEvents:
    """The event index of one run over an archive."""

    def __init__(
        self,
        archive: Archive,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        window_days: int = DEFAULT_WINDOW_DAYS,
        stored_nothing: bool = False,
    ) -> None:
        self.archive = archive
        self.index = EventIndex(threshold=threshold, window_days=window_days)
        # Stored members read so far, by day; everything counts as read when the
        # archive's events were just forgotten (a rebuild).
        self._loaded: set[int] = set()
        self._nothing_stored = stored_nothing

    def _load_around(self, day: int) -> None:
        if self._nothing_stored:
            return
        # An event within the window of `day` may have members up to a window further away.
        reach = 2 * self.index.window_days
        wanted = [d for d in range(day - reach, day + reach + 1) if d not in self._loaded]
        if not wanted:
            return
        for rowid, event, stored_day, features in self.archive.event_members_between(_iso(wanted[0]), _iso(wanted[-1])):
            self.index.restore(rowid, event, EventFeatures.from_json(_ordinal(stored_day), features))
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
        return assignment

    def forget(self, rowid: int) -> None:
        """A record deleted from the archive (its page replaced) is no event's member."""
        self.index.forget(rowid)


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
        archive.commit()
        # Records come in day order: events that ended a window before this chunk's last day
        # can take no more members (their repeats found through clusters start events anew).
        events.index.evict_before(chunk[-1][0])
        if on_record is not None:
            on_record(min(start + batch, len(keyed)), len(keyed))
    return founded
