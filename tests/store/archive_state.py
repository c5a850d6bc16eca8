"""Open a test archive of either backend from one string, and read back everything an
ingest decides (records, fingerprints, clusters) in a form two archives can be compared by.

A location is a SQLite path, or `pg:SCHEMA` for a schema on the server MARSAD_TEST_PG
names; subprocesses open theirs with the same function.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from marsad.store.base import Archive

PG_URL = os.environ.get("MARSAD_TEST_PG")


@contextmanager
def new_locations(backend: str, folder: Path) -> Iterator[Callable[[], str]]:
    """A maker of fresh, empty archive locations on `backend` (sqlite, or postgres: skipped
    without MARSAD_TEST_PG); the PostgreSQL schemas it made are dropped afterwards."""
    schemas: list[str] = []
    if backend == "sqlite":
        yield lambda: str(folder / f"archive-{uuid.uuid4().hex[:8]}.db")
        return
    if not PG_URL:
        pytest.skip("set MARSAD_TEST_PG to a PostgreSQL URL to run these")
    import psycopg

    def make() -> str:
        name = "marsad_test_" + uuid.uuid4().hex[:12]
        with psycopg.connect(PG_URL, autocommit=True) as db:
            db.execute(f"CREATE SCHEMA {name}")
        schemas.append(name)
        return "pg:" + name

    yield make
    with psycopg.connect(PG_URL, autocommit=True) as db:
        for name in schemas:
            db.execute(f"DROP SCHEMA {name} CASCADE")


def open_location(location: str) -> Archive:
    if location.startswith("pg:"):
        from marsad.store.postgres import PostgresArchive

        return PostgresArchive(os.environ["MARSAD_TEST_PG"], schema=location[3:])
    from marsad.store.sqlite import SQLiteArchive

    return SQLiteArchive(location)


def archive_state(archive: Archive) -> dict[str, Any]:
    """Everything an ingest decides, keyed by record id: rowids are left out, since
    PostgreSQL never hands out again the rowids of a rolled-back batch."""
    return {
        "pages": sorted(archive.fetch("SELECT id, content_hash FROM pages")),
        # In rowid order: the order records were stored in is the order they were clustered in.
        "records": archive.fetch("SELECT id, page_id, position, title, body FROM records ORDER BY rowid"),
        "signatures": sorted(
            (str(record_id), str(text_hash), bytes(signature))
            for record_id, text_hash, signature in archive.fetch(
                "SELECT r.id, s.text_hash, s.signature FROM signatures s JOIN records r ON r.rowid = s.record_rowid"
            )
        ),
        "members": sorted(
            (str(record_id), str(cluster_id), round(float(similarity), 6))
            for record_id, cluster_id, similarity in archive.fetch(
                "SELECT r.id, m.cluster_id, m.similarity FROM cluster_members m "
                "JOIN records r ON r.rowid = m.record_rowid"
            )
        ),
        "clusters": sorted(
            archive.fetch("SELECT c.id, r.id FROM clusters c JOIN records r ON r.rowid = c.representative")
        ),
    }


def state_at(location: str) -> dict[str, Any]:
    with open_location(location) as archive:
        return archive_state(archive)


def cli_db(location: str) -> str:
    """`location` as `marsad ingest --db` takes it."""
    if location.startswith("pg:"):
        url = os.environ["MARSAD_TEST_PG"]
        return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{location[3:]}"
    return location
