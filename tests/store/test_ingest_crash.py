"""Crash safety: SIGKILL an ingest mid-batch, again and again, run it once more, and the
archive is the one a clean run builds: every page once, every fingerprint, the same clusters."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from archive_samples import simple_extract, synthetic_pages
from archive_state import archive_state, open_location, state_at

from marsad.store.ingest import IngestOptions, ingest_pages

PAGES = 1500
BATCH = 100
KILLS = 5

_SCRIPT = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from archive_samples import synthetic_pages, simple_extract
    from archive_state import open_location
    from marsad.store.ingest import IngestOptions, ingest_pages

    def report(stats):
        print(stats.stored, flush=True)
        if {slow}:
            time.sleep(0.002)

    with open_location({location!r}) as archive:
        ingest_pages(archive, synthetic_pages({pages}), simple_extract, on_error=print,
                     options=IngestOptions(batch_size={batch}), on_page=report)
    print("done", flush=True)
    """
)


def _run(location: str, slow: bool) -> subprocess.Popen[str]:
    code = _SCRIPT.format(tests=str(Path(__file__).parent), location=location, pages=PAGES, batch=BATCH, slow=slow)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)


def _kill_after(location: str, stored: int) -> None:
    process = _run(location, slow=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip().isdigit() and int(line) >= stored:
            process.send_signal(signal.SIGKILL)
            break
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"


def _committed(location: str) -> tuple[int, int, int]:
    with open_location(location) as archive:
        counts = archive.counts()
        signatures = int(archive.fetch("SELECT count(*) FROM signatures")[0][0])
    return counts["pages"], counts["records"], signatures


@pytest.mark.slow
def test_five_sigkills_mid_batch_then_rerun_build_what_a_clean_run_builds(new_location: Callable[[], str]) -> None:
    location = new_location()
    before = 0
    for kill in range(KILLS):
        # Each run stores a few batches, then dies half way into the next one.
        _kill_after(location, 2 * BATCH + 17 * (kill + 1))
        pages, records, signatures = _committed(location)
        # Whole batches only, each page with its fingerprint: nothing half stored.
        assert pages % BATCH == 0 and before < pages < PAGES
        assert records == signatures == pages
        before = pages

    rerun = _run(location, slow=False)
    out, _ = rerun.communicate(timeout=120)
    assert rerun.returncode == 0 and out.strip().endswith("done")

    clean = new_location()
    with open_location(clean) as archive:
        ingest_pages(archive, synthetic_pages(PAGES), simple_extract, on_error=print, options=IngestOptions(BATCH))
        expected = archive_state(archive)
    assert len(expected["members"]) > 100  # the pages do form clusters worth comparing
    found = state_at(location)
    for part in expected:
        assert found[part] == expected[part], part
    if not location.startswith("pg:"):
        check = sqlite3.connect(location)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        check.execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')")
        assert check.execute("SELECT count(*) FROM records_fts").fetchone()[0] == PAGES
        check.close()


@pytest.mark.slow
def test_sigkill_of_the_ingest_command_then_rerun(tmp_path: Path) -> None:
    import json
    import time

    sys.path.insert(0, str(Path(__file__).parent))
    from archive_samples import synthetic_pages

    source = tmp_path / "pages.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for page in synthetic_pages(1200):
            out.write(json.dumps({"id": page.id, "text": page.text}, ensure_ascii=False) + "\n")
    db = tmp_path / "archive.db"
    code = (
        "from marsad.commands.ingest import ingest_command; "
        f"ingest_command.main([{str(source)!r}, '--db', {str(db)!r}, '--batch-size', '50'])"
    )
    process = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=0.1) as probe:
                    stored = probe.execute("SELECT count(*) FROM pages").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 150:
                process.send_signal(signal.SIGKILL)
                break
        time.sleep(0.01)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "ingest finished before it could be killed"

    rerun = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')")
    assert check.execute("SELECT count(*), count(DISTINCT id) FROM pages").fetchone() == (1200, 1200)
    assert check.execute("SELECT count(DISTINCT page_id) FROM records").fetchone()[0] == 1200
