"""A light request is answered while heavy ones are still running: a real uvicorn
server over the real app, three searches that keep SQLite busy until the test lets
them end, then a light search. Only the order of events is asserted, never a time."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import uvicorn
from webfixtures import STORY_A, STORY_B

from marsad.store.browse import ArchiveBrowser, SearchPage, open_read_only
from marsad.store.search import Query
from marsad.web.app import create_app
from marsad.web.time_limit import limit_archive

HEAVY_WORD = "مؤتمر"
# A bounded count, run again and again: SQLite stays busy until the test says stop.
BUSY = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) SELECT count(*) FROM n"
# Long enough that no heavy search is cut before the test ends it; if one is, it answers 503.
TIME_LIMIT = 120.0
# A bound on waiting for the server, not a measure of it: a broken server fails here instead of hanging.
WAIT = 60.0


class HeavySearches(ArchiveBrowser):
    """A search for HEAVY_WORD keeps its connection working until `release` is set."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.release = threading.Event()
        self.running = 0
        self.all_running = threading.Event()
        self._count = threading.Lock()

    def search(self, query: Query | None, *args: Any, **kwargs: Any) -> SearchPage:
        if query is not None and query.text == HEAVY_WORD:
            with self._count:
                self.running += 1
                if self.running == 3:
                    self.all_running.set()
            while not self.release.is_set():
                self.archive().fetch(BUSY)
        return super().search(query, *args, **kwargs)


@pytest.fixture
def heavy_server(archive_path: Path) -> Iterator[tuple[str, HeavySearches]]:
    browser = HeavySearches(lambda: limit_archive(open_read_only(str(archive_path)), TIME_LIMIT))
    app = create_app(str(archive_path), time_limit=TIME_LIMIT, browser=browser)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        given_up = time.monotonic() + WAIT
        while not server.started and thread.is_alive() and time.monotonic() < given_up:
            time.sleep(0.05)
        assert server.started, "the server did not start"
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}", browser
    finally:
        browser.release.set()
        server.should_exit = True
        thread.join(WAIT)


def test_a_light_search_is_answered_while_three_heavy_ones_run(heavy_server: tuple[str, HeavySearches]) -> None:
    base, browser = heavy_server
    with ThreadPoolExecutor(max_workers=4) as pool:
        heavy: list[Future[httpx.Response]] = [
            pool.submit(httpx.get, f"{base}/api/search?q={quote(HEAVY_WORD)}", timeout=WAIT + TIME_LIMIT)
            for _ in range(3)
        ]
        # Each heavy search gives up its admission slot after a slice, so all three get in...
        assert browser.all_running.wait(WAIT), f"only {browser.running} of 3 heavy searches started"
        # ...and a light one sent after them is not queued behind their whole run.
        light = httpx.get(f"{base}/api/search?q={quote('عبارات')}&sort=date&duplicates=all", timeout=WAIT)
        finished = [future.result().status_code for future in heavy if future.done()]
        assert light.status_code == 200
        assert [result["id"] for result in light.json()["results"]] == [STORY_B, STORY_A]
        assert all(status == 503 for status in finished), f"heavy searches answered before the light one: {finished}"
        browser.release.set()
        statuses = [future.result().status_code for future in heavy]
    assert set(statuses) <= {200, 503}
