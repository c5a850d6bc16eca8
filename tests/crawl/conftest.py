"""Fixtures for crawler tests: local sites on 127.0.0.1 that the tests fill and that log every request."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from crawl_site import Site


@pytest.fixture
def make_site() -> Iterator[Callable[[], Site]]:
    sites: list[Site] = []

    def make() -> Site:
        site = Site().start()
        sites.append(site)
        return site

    yield make
    for site in sites:
        site.stop()
