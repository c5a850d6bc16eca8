"""The plumbing of the browser tests: the server subprocess, the Chromium launch, a watched tab.

Chromium is Debian's (`.ci/chromium.sh` installs it and exports
MARSAD_CHROMIUM); Playwright only drives it through its executable path.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Dialog, Locator, Page, Request, Response, Route

PROJECT = Path(__file__).resolve().parents[3]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVING_LINE = re.compile(r"marsad: serving (http://\S+)")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def chromium_executable() -> Path | None:
    path = Path(os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium"))
    return path if path.is_file() and os.access(path, os.X_OK) else None


def screenshot_dir() -> Path:
    return Path(os.environ.get("MARSAD_SCREENSHOTS", PROJECT / "out" / "screenshots"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class ServerProcess:
    """`marsad serve` as a user starts it; `url` comes from the address line it prints."""

    def __init__(self, db: Path, port: int) -> None:
        self.command = [sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port)]
        self.process = subprocess.Popen(
            self.command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8"
        )
        self.stderr_lines: list[str] = []
        self.ready = threading.Event()
        self.url = ""
        # Drained all along, so that a chatty access log never fills the pipe and blocks the server.
        self.reader = threading.Thread(target=self._read_stderr, daemon=True)
        self.reader.start()

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr_lines.append(line)
            match = SERVING_LINE.search(line)
            if match and not self.ready.is_set():
                self.url = match.group(1).rstrip("/")
                self.ready.set()
        self.ready.set()  # the process ended: wake the waiter, which then finds no url

    def wait_ready(self, timeout: float) -> None:
        self.ready.wait(timeout)
        if not self.url:
            self.stop()
            log = "".join(self.stderr_lines[-40:])
            pytest.fail(
                f"`{' '.join(self.command)}` printed no 'marsad: serving http://...' line "
                f"within {timeout:.0f} s (exit code {self.process.poll()}):\n{log}"
            )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self.reader.join(timeout=5)


@dataclass
class Watch:
    """What a page did that it must not: dialogs, script errors, requests leaving this machine."""

    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.dialogs == [], f"a dialog fired (script from page text ran): {self.dialogs}"
        assert self.page_errors == [], f"JavaScript errors: {self.page_errors}"
        assert self.external_requests == [], f"requests left the machine: {self.external_requests}"


def watch_page(page: Page) -> Watch:
    watch = Watch()

    def on_dialog(dialog: Dialog) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_route(route: Route, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in LOCAL_HOSTS:
            watch.external_requests.append(request.url)
            route.abort()
        else:
            route.continue_()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    page.route("**/*", on_route)
    return watch


@dataclass
class Tab:
    """One browser tab on the server, with what it is watched for."""

    page: Page
    base: str
    watch: Watch

    def open(self, path: str, status: int = 200) -> Response:
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None, f"no response for {path}"
        assert response.status == status, f"GET {path}: status {response.status}, expected {status}"
        return response

    def follow(self, target: Locator, *, key: str | None = None, status: Collection[int] = (200,)) -> Response:
        """Click `target` (or press `key` in it) and wait for the page it leads to."""
        with self.page.expect_navigation(wait_until="load") as navigation:
            if key is None:
                target.click()
            else:
                target.press(key)
        response = navigation.value
        assert response is not None, "the click led nowhere"
        assert response.status in status, f"{response.url}: status {response.status}, expected {set(status)}"
        return response

    def path(self) -> str:
        return urlsplit(self.page.url).path

    def screenshot(self, name: str) -> Path:
        folder = screenshot_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{name}.png"
        self.page.screenshot(path=str(target), full_page=True)
        return target
