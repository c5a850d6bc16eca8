"""Near-duplicates against a large archive without holding it (issue #19): the archive keeps
each signature's band keys, and a later ingest reads only the stored texts a new one may
repeat (sharing a band, the same words, the members of a cluster it may join). What it
decides must be what one run over all the pages decides."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from archive_samples import saudinewsnet_day
from archive_state import archive_state, open_location

from marsad.errors import InputError
from marsad.extraction import ExtractOptions, extract_page
from marsad.records import Page
from marsad.store.base import Archive
from marsad.store.ingest import IngestOptions, ingest_pages

_EXTRACT = functools.partial(extract_page, options=ExtractOptions(enrich=False))


def _fail(error: InputError) -> None:
    raise error


def _reprinted(page: Page, how: str) -> Page:
    """The same story on another site: word for word, or with a line of its own."""
    text = page.text if how == "same" else f"{page.text}\nنقلا عن وكالة الأنباء، بتصرف يسير"
    return Page(origin=f"{page.origin}#{how}", text=text, url=f"{page.url}#{how}", source="reprints")


def _pages(shared: Path) -> tuple[list[Page], list[Page]]:
    first = list(saudinewsnet_day(shared, "2015-08-10", 120))
    later = list(saudinewsnet_day(shared, "2015-08-11", 40))
    # Reprints of stored stories arrive with the later pages.
    later += [_reprinted(page, "same") for page in first[:10]] + [_reprinted(page, "line") for page in first[10:30]]
    return first, later


def _ingest(archive: Archive, pages: list[Page], said: list[str] | None = None) -> None:
    stats = ingest_pages(
        archive,
        pages,
        _EXTRACT,
        on_error=_fail,
        options=IngestOptions(events=False),
        on_wait=said.append if said is not None else None,
    )
    assert stats.failed == 0


def _whole_index_read(*_args: Any) -> Any:
    raise AssertionError("the ingest read every stored signature")


def test_a_later_ingest_reads_only_what_it_may_repeat_and_decides_as_one_run(
    new_location: Callable[[], str], shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, later = _pages(shared)
    with open_location(new_location()) as once:
        _ingest(once, first + later)
        expected = archive_state(once)
    location = new_location()
    with open_location(location) as archive:
        _ingest(archive, first)
    said: list[str] = []
    with open_location(location) as archive:
        monkeypatch.setattr(type(archive), "signatures", _whole_index_read)
        _ingest(archive, later, said)
        assert archive_state(archive) == expected
        assert said == []
        clusters = archive.fetch(
            "SELECT count(DISTINCT m.cluster_id) FROM cluster_members m JOIN records r ON r.rowid = m.record_rowid "
            "JOIN pages p ON p.id = r.page_id WHERE p.url LIKE ? OR p.url LIKE ?",
            ("%#line", "%#same"),
        )
    # Every reprint joined a stored story's cluster.
    assert clusters[0][0] >= 25


def test_band_keys_are_written_once_for_an_archive_stored_without_them(
    new_location: Callable[[], str], shared: Path
) -> None:
    first, later = _pages(shared)
    with open_location(new_location()) as once:
        _ingest(once, first + later)
        expected = archive_state(once)
        bands = once.fetch("SELECT count(*) FROM signature_bands")[0][0]
    location = new_location()
    with open_location(location) as archive:
        _ingest(archive, first)
        # As an archive of schema 7 has it: signatures, no band keys.
        archive.execute("DELETE FROM signature_bands")
        archive.execute("DELETE FROM meta WHERE key = 'signature_bands'")
        archive.commit()
    said: list[str] = []
    with open_location(location) as archive:
        _ingest(archive, later, said)
        assert archive_state(archive) == expected
        assert archive.fetch("SELECT count(*) FROM signature_bands")[0][0] == bands
        # A long step, once: the user is told.
        assert any("band keys" in line for line in said)
        assert archive.signature_banding() is not None


def test_another_threshold_writes_the_band_keys_of_its_banding(new_location: Callable[[], str], shared: Path) -> None:
    first, later = _pages(shared)
    location = new_location()
    with open_location(location) as archive:
        _ingest(archive, first)
        banding = archive.signature_banding()
    said: list[str] = []
    with open_location(location) as archive:
        stats = ingest_pages(
            archive,
            later,
            _EXTRACT,
            on_error=_fail,
            options=IngestOptions(events=False, cluster_threshold=0.6),
            on_wait=said.append,
        )
        assert stats.failed == 0 and stats.duplicates >= 10
        now = archive.signature_banding()
        assert now is not None and now != banding
        bands = int(now.split("x")[0])
        signed = archive.fetch("SELECT count(*) FROM signatures WHERE length(signature) > 0")[0][0]
        assert archive.fetch("SELECT count(*) FROM signature_bands")[0][0] == signed * bands
        assert any("band keys" in line for line in said)
