"""Events in the archive, on both backends: assigned at ingest, carried across ingests
through the stored features, kept whole when a page is replaced, rebuilt on demand, and
read back as the CLI, the web UI and the API show them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from archive_state import open_location
from event_samples import ARTICLES, page_for

from marsad.errors import InputError
from marsad.events.archive import rebuild_events
from marsad.extraction import extract_page
from marsad.records import Page
from marsad.store.base import Archive
from marsad.store.browse_events import count_events, event_view, list_events
from marsad.store.ingest import IngestOptions, ingest_pages

FIRE = ("fire-okaz", "fire-alyaum", "fire-sabq")


def _fail(error: InputError) -> None:
    raise error


def _ingest(archive: Archive, keys: list[str] | tuple[str, ...], **options: Any) -> None:
    stats = ingest_pages(
        archive, [page_for(key) for key in keys], extract_page, on_error=_fail, options=IngestOptions(**options)
    )
    assert stats.failed == 0


def _event_of(archive: Archive) -> dict[str, str]:
    return {
        str(record): str(event)
        for record, event in archive.fetch(
            "SELECT r.id, e.event_id FROM event_members e JOIN records r ON r.rowid = e.record_rowid"
        )
    }


def test_ingest_groups_one_happening_across_outlets(new_location: Callable[[], str]) -> None:
    with open_location(new_location()) as archive:
        _ingest(archive, list(ARTICLES))
        events = _event_of(archive)
        assert set(events) == set(ARTICLES)
        assert len({events[key] for key in FIRE}) == 1
        assert events["cable-bolivia"] != events["cable-burkina"]
        assert events["reaction-tabuk"] != events["reaction-baha"]
        listed = list_events(archive, min_outlets=2)
        assert [(event.records, event.outlets, event.sources) for event in listed] == [
            (3, 3, ["alyaum", "okaz", "sabq"])
        ]
        fire = listed[0]
        assert fire.first_seen == "2023-03-14" and fire.last_seen == "2023-03-15"
        assert fire.title == ARTICLES["fire-okaz"][2]
        assert count_events(archive, min_outlets=2) == 1
        assert count_events(archive, min_records=1) == len(set(events.values()))
        # A period counts only the articles within it.
        assert [
            event.records for event in list_events(archive, since="2023-03-15", min_records=1) if event.id == fire.id
        ] == [1]
        view = event_view(archive, fire.id)
        assert view is not None
        assert [article.day for article in view.articles] == ["2023-03-14", "2023-03-14", "2023-03-15"]
        assert any("جدة" in name for name, _kind, _count in view.entities)
        assert event_view(archive, "no-such-event") is None


def test_a_later_ingest_joins_events_stored_earlier(new_location: Callable[[], str]) -> None:
    location = new_location()
    with open_location(location) as archive:
        _ingest(archive, ["fire-okaz", "fire-alyaum", "cable-bolivia"])
    # A new run knows the stored events only through their rows and features.
    with open_location(location) as archive:
        _ingest(archive, ["fire-sabq", "cable-burkina"])
        events = _event_of(archive)
    assert events["fire-sabq"] == events["fire-okaz"] == events["fire-alyaum"]
    assert events["cable-burkina"] != events["cable-bolivia"]


def test_a_replaced_page_keeps_its_event_and_names_no_event_twice(new_location: Callable[[], str]) -> None:
    with open_location(new_location()) as archive:
        _ingest(archive, list(FIRE))
        before = _event_of(archive)
        outlet, day, title, body = ARTICLES["fire-okaz"]
        changed = Page(
            origin="fire-okaz",
            text=body + "\nوتقدر الخسائر بملايين الريالات.",
            title=title,
            id="fire-okaz",
            url=f"https://{outlet}.example/fire-okaz",
            source=outlet,
            published=day,
        )
        stats = ingest_pages(archive, [changed], extract_page, on_error=_fail)
        assert stats.replaced == 1
        after = _event_of(archive)
        assert set(after) == set(FIRE) and len(set(after.values())) == 1
        assert after["fire-alyaum"] == before["fire-alyaum"]


def test_rebuild_assigns_every_record_again(new_location: Callable[[], str]) -> None:
    with open_location(new_location()) as archive:
        _ingest(archive, list(ARTICLES), events=False)
        assert _event_of(archive) == {}
        assert archive.records_without_event() == len(ARTICLES)
        founded = rebuild_events(archive)
        archive.commit()
        events = _event_of(archive)
        assert archive.records_without_event() == 0
        assert founded == len(set(events.values()))
        assert len({events[key] for key in FIRE}) == 1
        assert events["reaction-tabuk"] != events["reaction-baha"]
        # Rebuilding again gives the same groups.
        groups = sorted(sorted(k for k, v in events.items() if v == event) for event in set(events.values()))
        rebuild_events(archive)
        again = _event_of(archive)
        assert sorted(sorted(k for k, v in again.items() if v == event) for event in set(again.values())) == groups
