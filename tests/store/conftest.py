from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get("MARSAD_TEST_PG")


@pytest.fixture(params=["sqlite", "postgres"])
def new_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes fresh, empty archive locations (see archive_state.open_location) on each backend;
    PostgreSQL's are skipped without MARSAD_TEST_PG."""
    schemas: list[str] = []
    if request.param == "sqlite":
        yield lambda: str(tmp_path / f"archive-{uuid.uuid4().hex[:8]}.db")
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
