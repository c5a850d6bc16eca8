"""A batch is one transaction on both backends, and an archive damaged by an ingest
that stored records without their fingerprints (#15) is repaired by the next ingest."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from archive_samples import simple_extract, synthetic_pages
from archive_state import archive_state, open_location

from marsad.errors import InputError
from marsad.store.ingest import IngestOptions, IngestStats, _Ingest, ingest_pages


def _fail(error: InputError) -> None:
    raise error


def test_pages_become_visible_a_whole_batch_at_a_time(new_location: Callable[[], str]) -> None:
    location = new_location()
    seen: list[tuple[int, int, int]] = []
    with open_location(location) as writer, open_location(location) as reader:

        def probe(stats: IngestStats) -> None:
            # What another connection sees: committed state only.
            pages, signatures, members = reader.fetch(
                "SELECT (SELECT count(*) FROM pages), (SELECT count(*) FROM signatures), "
                "(SELECT count(*) FROM cluster_members)"
            )[0]
            reader.rollback()  # a fresh snapshot for the next probe
            seen.append((int(pages), int(signatures), int(members)))

        ingest_pages(
            writer, synthetic_pages(60), simple_extract, on_error=_fail, options=IngestOptions(7), on_page=probe
        )
        final = archive_state(writer)
    assert {pages for pages, _, _ in seen} == set(range(0, 60, 7))
    assert all(signatures == pages for pages, signatures, _ in seen)
    committed = {pages: members for pages, _, members in seen}
    assert committed[56] > 0 and len(final["signatures"]) == 60


def test_records_stored_without_fingerprints_are_clustered_again_as_a_clean_run_would(
    new_location: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = synthetic_pages(240)
    clean = new_location()
    with open_location(clean) as archive:
        ingest_pages(archive, pages, simple_extract, on_error=_fail)
        expected = archive_state(archive)
        # A page whose record founded a cluster that later pages joined: losing its
        # fingerprint changes what those pages join.
        founders = {record_id for _, record_id in expected["clusters"]}
        damaged = next(n for n, page in enumerate(pages) if n >= 40 and page.id in founders)

    location = new_location()
    with open_location(location) as archive:
        ingest_pages(archive, pages[:damaged], simple_extract, on_error=_fail)
        # What a crash left before #15: the record stored, its fingerprint not...
        ingest_pages(archive, [pages[damaged]], simple_extract, on_error=_fail, options=IngestOptions(cluster=False))
        # ... and the runs after it clustering without it, as they did before the repair.
        with monkeypatch.context() as patched:
            patched.setattr(_Ingest, "repair", lambda self: None)
            ingest_pages(archive, pages, simple_extract, on_error=_fail)
        assert archive_state(archive)["members"] != expected["members"]

        stats = ingest_pages(archive, pages, simple_extract, on_error=_fail)
        assert (stats.unchanged, stats.stored, stats.repaired) == (len(pages), 0, 1)
        assert "1 stored records without a fingerprint repaired" in stats.summary()
        assert archive_state(archive) == expected
        again = ingest_pages(archive, pages, simple_extract, on_error=_fail)
        assert again.repaired == 0


def test_an_ingest_without_clusters_neither_fingerprints_nor_repairs(new_location: Callable[[], str]) -> None:
    with open_location(new_location()) as archive:
        no_clusters = IngestOptions(cluster=False)
        ingest_pages(archive, synthetic_pages(20), simple_extract, on_error=_fail, options=no_clusters)
        stats = ingest_pages(archive, synthetic_pages(30), simple_extract, on_error=_fail, options=no_clusters)
        assert stats.repaired == 0
        assert archive.fetch("SELECT count(*) FROM signatures")[0][0] == 0


def test_an_interrupted_ingest_drops_its_batch_in_flight(new_location: Callable[[], str]) -> None:
    pages = synthetic_pages(25)

    def interrupted(stats: IngestStats) -> None:
        if stats.stored == 13:
            raise KeyboardInterrupt

    with open_location(new_location()) as archive:
        with pytest.raises(KeyboardInterrupt):
            ingest_pages(archive, pages, simple_extract, on_error=_fail, options=IngestOptions(5), on_page=interrupted)
        assert archive.counts()["pages"] == 10
        assert archive.fetch("SELECT count(*) FROM signatures")[0][0] == 10
