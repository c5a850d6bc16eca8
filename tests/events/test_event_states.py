"""What the archive keeps of its events for later ingests (issue #19): each event's state
(centroid, norm, days, size) and the stored records' feature frequencies. A later run reads
those instead of every member of the window's events, and must decide exactly as one run
over all the pages would have."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive_samples import saudinewsnet_day
from archive_state import open_location
from event_samples import ARTICLES, page_for

from marsad.errors import InputError
from marsad.events.archive import rebuild_events
from marsad.extraction import ExtractOptions, extract_page
from marsad.records import Page
from marsad.store.base import Archive
from marsad.store.ingest import IngestOptions, ingest_pages

FIRE = ("fire-okaz", "fire-alyaum", "fire-sabq")


def _fail(error: InputError) -> None:
    raise error


def _ingest(archive: Archive, pages: list[Page], said: list[str] | None = None, **options: Any) -> None:
    extract = functools.partial(extract_page, options=ExtractOptions(enrich=options.pop("enrich", True)))
    stats = ingest_pages(
        archive,
        pages,
        extract,
        on_error=_fail,
        options=IngestOptions(**options),
        on_wait=said.append if said is not None else None,
    )
    assert stats.failed == 0


def _assigned(archive: Archive) -> list[tuple[str, str, float]]:
    return sorted(
        (str(record), str(event), float(score))
        for record, event, score in archive.fetch(
            "SELECT r.id, e.event_id, e.score FROM event_members e JOIN records r ON r.rowid = e.record_rowid"
        )
    )


def _states(archive: Archive) -> dict[str, tuple[Any, ...]]:
    rows = archive.fetch("SELECT event_id, first_day, last_day, members, norm2, centroid FROM event_states")
    return {str(row[0]): (*row[1:5], json.loads(row[5])) for row in rows}


def _frequencies(archive: Archive) -> dict[str, int]:
    return {str(feature): int(n) for feature, n in archive.fetch("SELECT feature, documents FROM event_frequencies")}


def test_two_ingests_decide_and_keep_what_one_does(new_location: Callable[[], str]) -> None:
    keys = list(ARTICLES)
    with open_location(new_location()) as once:
        _ingest(once, [page_for(key) for key in keys])
        expected = (_assigned(once), _states(once), _frequencies(once))
    location = new_location()
    with open_location(location) as archive:
        _ingest(archive, [page_for(key) for key in keys[:4]])
    with open_location(location) as archive:
        _ingest(archive, [page_for(key) for key in keys[4:]])
        assert (_assigned(archive), _states(archive), _frequencies(archive)) == expected
    states = expected[1]
    fire = {event for record, event, _score in expected[0] if record in FIRE}
    assert len(fire) == 1
    assert states[fire.pop()][2] == 3
    assert sum(state[2] for state in states.values()) == len(keys)


def test_batches_of_real_news_over_three_days_decide_as_one_run(shared: Path, tmp_path: Path) -> None:
    # Three days of SaudiNewsNet wire copy and rewrites, ingested in one run and in three (one a day):
    # every assignment, score, kept state and frequency the same.
    days = [list(saudinewsnet_day(shared, day, 60)) for day in ("2015-08-09", "2015-08-10", "2015-08-11")]
    with open_location(str(tmp_path / "once.db")) as once:
        _ingest(once, [page for pages in days for page in pages], enrich=False)
        expected = (_assigned(once), _states(once), _frequencies(once))
    location = str(tmp_path / "daily.db")
    for pages in days:
        with open_location(location) as archive:
            _ingest(archive, pages, enrich=False)
    with open_location(location) as archive:
        assert (_assigned(archive), _states(archive), _frequencies(archive)) == expected
    assert len(expected[0]) == 180
    # Some events gather several outlets' articles, and some span two days.
    assert any(state[2] > 1 for state in expected[1].values())
    assert any(state[0] != state[1] for state in expected[1].values())


def test_events_stored_before_their_states_are_kept_once_from_their_members(new_location: Callable[[], str]) -> None:
    location = new_location()
    with open_location(location) as archive:
        _ingest(archive, [page_for(key) for key in ("fire-okaz", "fire-alyaum", "cable-bolivia")])
        kept = _states(archive)
        # As an archive of schema 6 has them: members, no states, no frequencies.
        archive.execute("DELETE FROM event_states")
        archive.execute("DELETE FROM event_frequencies")
        archive.execute("DELETE FROM meta WHERE key = 'event_states'")
        archive.commit()
        assert not archive.event_states_complete()
    said: list[str] = []
    with open_location(location) as archive:
        _ingest(archive, [page_for("fire-sabq")], said)
        assert any("state of the events" in line for line in said)
        assert archive.event_states_complete()
        events = {record: event for record, event, _score in _assigned(archive)}
        assert events["fire-sabq"] == events["fire-okaz"] == events["fire-alyaum"]
        states = _states(archive)
        assert set(states) == set(kept)
        assert states[events["fire-okaz"]][2] == 3
        assert _frequencies(archive)


def test_rebuild_keeps_the_states_of_its_events(new_location: Callable[[], str]) -> None:
    with open_location(new_location()) as archive:
        _ingest(archive, [page_for(key) for key in ARTICLES])
        before = _states(archive)
        counted = _frequencies(archive)
        rebuild_events(archive)
        archive.commit()
        assert archive.event_states_complete()
        after = _states(archive)
        events = {event for _record, event, _score in _assigned(archive)}
        assert set(after) == events
        assert sorted(state[2] for state in after.values()) == sorted(state[2] for state in before.values())
        # Every record's features counted once, in whatever order the records came.
        assert _frequencies(archive) == counted
