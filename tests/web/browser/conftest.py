"""A real archive, a real `marsad serve` and a real headless Chromium for the end-to-end tests.

The archive is built by `marsad ingest` from the bundled examples/ and the
pages beside this file: a hostile page whose title and body hold markup, and
two versions of one story that must fall in one near-duplicate cluster. The
server is the command a user runs, started as a subprocess on a free port.
Without a Chromium binary the tests skip; with one, anything else missing
(Playwright, the `serve` command, a test hook) is a failure.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_harness import CHROMIUM_ARGS, PROJECT, ServerProcess, Tab, chromium_executable, free_port, watch_page

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Playwright

PAGES = Path(__file__).resolve().parent / "pages"
# Ingest runs the NER model over every page, and the server imports the web
# stack: both can be slow on a busy 2-core machine.
INGEST_TIMEOUT = 300.0
SERVE_TIMEOUT = 120.0


@pytest.fixture(scope="session")
def chromium() -> Path:
    path = chromium_executable()
    if path is None:
        pytest.skip("no Chromium binary (set MARSAD_CHROMIUM or source .ci/chromium.sh)")
    return path


@pytest.fixture(scope="session")
def browser_archive(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite archive of examples/ plus our hostile and near-duplicate pages."""
    db = tmp_path_factory.mktemp("browser-archive") / "archive.db"
    command = [sys.executable, "-m", "marsad", "ingest", str(PROJECT / "examples"), str(PAGES), "--db", str(db)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=INGEST_TIMEOUT, check=False)
    if done.returncode != 0:
        pytest.fail(f"`marsad ingest` failed ({done.returncode}):\n{done.stderr}")
    return db


@pytest.fixture(scope="session")
def server(browser_archive: Path) -> Iterator[str]:
    """The base URL (no trailing slash) of a running `marsad serve` over the fixture archive."""
    process = ServerProcess(browser_archive, free_port())
    try:
        process.wait_ready(SERVE_TIMEOUT)
        yield process.url
    finally:
        process.stop()


@pytest.fixture(scope="session")
def playwright(chromium: Path) -> Iterator[Playwright]:
    # One driver for the session: a second sync_playwright() in the same thread is refused.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


def _launch(playwright: Playwright, chromium: Path, profile: Path, *, javascript: bool) -> BrowserContext:
    return playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=str(chromium),
        headless=True,
        args=CHROMIUM_ARGS,
        locale="ar-SA",
        java_script_enabled=javascript,
        viewport={"width": 1280, "height": 900},
    )


@pytest.fixture(scope="session")
def browser_context(
    playwright: Playwright, chromium: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BrowserContext]:
    """Headless Chromium with a fresh user-data dir and JavaScript on, as a reader has it."""
    context = _launch(playwright, chromium, tmp_path_factory.mktemp("chromium-profile"), javascript=True)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def tab(browser_context: BrowserContext, server: str) -> Iterator[Tab]:
    page = browser_context.new_page()
    try:
        yield Tab(page, server, watch_page(page))
    finally:
        page.close()


@pytest.fixture
def no_js_tab(playwright: Playwright, chromium: Path, server: str, tmp_path: Path) -> Iterator[Tab]:
    """A tab in a second browser with JavaScript off: the UI must work without it."""
    context = _launch(playwright, chromium, tmp_path / "chromium-profile-nojs", javascript=False)
    try:
        page = context.new_page()
        yield Tab(page, server, watch_page(page))
    finally:
        context.close()
