from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# The archive helpers the store tests use (archive_state) serve these tests too.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from archive_state import new_locations


@pytest.fixture(params=["sqlite", "postgres"])
def new_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Fresh, empty archive locations on each backend (PostgreSQL's skipped without MARSAD_TEST_PG)."""
    with new_locations(request.param, tmp_path) as make:
        yield make
