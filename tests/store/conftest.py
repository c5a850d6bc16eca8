from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from archive_state import new_locations


@pytest.fixture(params=["sqlite", "postgres"])
def new_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes fresh, empty archive locations (see archive_state.open_location) on each backend;
    PostgreSQL's are skipped without MARSAD_TEST_PG."""
    with new_locations(request.param, tmp_path) as make:
        yield make
