"""One entity under one key: ``عبد العزيز`` and ``عبدالعزيز`` are the same name, in new
archives and in archives migrated from before the rule (schema 3)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.records import Page, Record
from marsad.store import rows
from marsad.store.base import SearchFilters
from marsad.store.browse import ArchiveBrowser, open_read_only
from marsad.store.ingest import IngestOptions, ingest_pages
from marsad.store.sqlite import SQLiteArchive

# (page id, how the article writes the king's name)
WRITINGS = [("a", "سلمان بن عبد العزيز"), ("b", "سلمان بن عبدالعزيز"), ("c", "سلمان بن عبدالعزيز")]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("عبد الله", "عبدالله"),
        ("عبدالله", "عبدالله"),
        ("سلمان بن عبد العزيز", "سلمان بن عبدالعزيز"),
        ("عبدُ الرحمن  الراشد", "عبدالرحمن الراشد"),
        ("العبد الصالح", "العبد الصالح"),  # a word ending in عبد is not the name part
        ("عبد ربه منصور هادي", "عبد ربه منصور هادي"),  # no article after it: two words
    ],
)
def test_entity_key_joins_abd_to_the_name_after_it(name: str, key: str) -> None:
    assert rows.entity_key(name) == key
    assert rows.entity_keys(name)[0] == key


def _with_king(page: Page) -> list[Record]:
    name = dict(WRITINGS)[str(page.id)]
    body = [f"استقبل خادم الحرمين الشريفين الملك {name} في الرياض اليوم وفدا رسميا."]
    start = body[0].index(name)
    entity = {"text": name, "type": "PER", "canonical": name, "paragraph": 0, "start": start, "end": start + len(name)}
    return [
        Record(
            str(page.id),
            None,
            "واس",
            None,
            "2024-01-0" + str(1 + "abc".index(str(page.id))),
            None,
            "استقبال",
            body,
            entities=[entity],
        )
    ]


def _pages() -> list[Page]:
    return [Page(origin=f"{key}.txt", text=f"نص {key}", id=key) for key, _ in WRITINGS]


def _fail(error: InputError) -> None:
    raise error


def _stored_keys(path: Path) -> list[str]:
    # A plain connection: opening the archive writable would migrate it.
    with closing(sqlite3.connect(path)) as db:
        return sorted(str(key) for (key,) in db.execute("SELECT match_key FROM entities"))


def test_both_writings_are_one_entity_in_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with SQLiteArchive(path) as archive:
        ingest_pages(archive, _pages(), _with_king, on_error=_fail, options=IngestOptions(cluster=False))
    assert set(_stored_keys(path)) == {"سلمان بن عبدالعزيز"}
    browser = ArchiveBrowser(lambda: open_read_only(str(path)))
    found, total = browser.entity_index(kind="PER", name=None, page=1, page_size=10)
    assert total == 1 and found[0].records == 3
    for writing in ("سلمان بن عبد العزيز", "سلمان بن عبدالعزيز"):
        view = browser.entity(writing)
        assert view is not None and view.records == 3
        page = browser.search(None, SearchFilters(entity=writing), sort="date", page=1, page_size=10)
        assert page.total == 3
    browser.close()


def test_migration_3_joins_the_keys_of_an_older_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.store.sqlite as sqlite_module

    path = tmp_path / "old.db"
    older = {version: sql for version, sql in sqlite_module.SQLITE_MIGRATIONS.items() if version <= 2}
    with monkeypatch.context() as patch:
        patch.setattr(sqlite_module, "SQLITE_MIGRATIONS", older)
        patch.setattr(sqlite_module, "SQLITE_VERSION", 2)
        patch.setattr(rows, "entity_key", rows.legacy_entity_key)
        with SQLiteArchive(path) as archive:
            ingest_pages(
                archive, _pages(), _with_king, on_error=_fail, options=IngestOptions(cluster=False, events=False)
            )
            assert archive.schema_version() == 2
    assert set(_stored_keys(path)) == {"سلمان بن عبد العزيز", "سلمان بن عبدالعزيز"}
    # Served read-only, an archive is not migrated: both of its keys are still found.
    browser = ArchiveBrowser(lambda: open_read_only(str(path)))
    spaced = browser.search(None, SearchFilters(entity="سلمان بن عبد العزيز"), sort="date", page=1, page_size=10)
    assert spaced.total == 3
    browser.close()
    with SQLiteArchive(path) as archive:
        assert archive.schema_version() >= 3
    assert set(_stored_keys(path)) == {"سلمان بن عبدالعزيز"}
