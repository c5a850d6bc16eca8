"""`marsad serve --workers N`: several server processes share one port over the same archive."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import httpx
from webfixtures import SPEAKER, STORY_A


def _workers_of(pid: int) -> list[int]:
    """The uvicorn worker processes (spawned children) of the server process `pid`."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    found = []
    for child in children:
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except FileNotFoundError:
            continue
        if b"spawn_main" in command:
            found.append(int(child))
    return found


def test_two_workers_serve_the_archive_and_stop_together(archive_path: Path) -> None:
    command = [sys.executable, "-m", "marsad", "serve", "--db", str(archive_path), "--port", "0", "--workers", "2"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    workers: list[int] = []
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        match = re.fullmatch(r"marsad: serving (http://127\.0\.0\.1:\d+/) \(2 processes\)\n", line)
        assert match, line
        base = match.group(1)
        urls = [
            f"{base}api/articles/{STORY_A}",
            f"{base}api/search?q={quote('العراق')}",
            f"{base}api/quotes?speaker={quote(SPEAKER)}",
            f"{base}?q={quote('بالعراق')}",
            f"{base}stories",
        ] * 6
        # Sent at once, right after the address is printed: they wait for the workers, none is refused.
        with ThreadPoolExecutor(max_workers=10) as pool:
            statuses = list(pool.map(lambda url: httpx.get(url, timeout=60).status_code, urls))
        assert statuses == [200] * len(urls)
        assert httpx.get(f"{base}api/articles/{STORY_A}", timeout=60).json()["id"] == STORY_A
        workers = _workers_of(process.pid)
        assert len(workers) == 2
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    assert process.returncode == 0
    assert all(not Path(f"/proc/{pid}").exists() or b"Z" in Path(f"/proc/{pid}/stat").read_bytes() for pid in workers)


def test_an_older_archive_is_served_with_a_note_on_what_migrating_adds() -> None:
    from marsad.commands.serve import schema_note
    from marsad.store.schema import SQLITE_VERSION

    assert "web indexes" in (schema_note("old.db", 1) or "")
    keys = schema_note("old.db", 2) or ""
    assert "عبدالعزيز" in keys and "--read-write" in keys
    events = schema_note("old.db", 3) or ""
    assert "events" in events and "marsad events --rebuild" in events
    trends = schema_note("old.db", SQLITE_VERSION - 1) or ""
    assert "trends" in trends and "--read-write" in trends
    assert schema_note("new.db", SQLITE_VERSION) is None
