"""Crash safety: SIGKILL an ingest mid-batch, run it again, and every page is there exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PAGES = 1500
BATCH = 100

_SCRIPT = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from archive_samples import synthetic_pages, simple_extract
    from marsad.store.sqlite import SQLiteArchive
    from marsad.store.ingest import IngestOptions, ingest_pages

    def report(stats):
        print(stats.pages, flush=True)
        if {slow}:
            time.sleep(0.002)

    with SQLiteArchive({db!r}) as archive:
        ingest_pages(archive, synthetic_pages({pages}), simple_extract, on_error=print,
                     options=IngestOptions(batch_size={batch}), on_page=report)
    print("done", flush=True)
    """
)


def _run(db: Path, slow: bool) -> subprocess.Popen[str]:
    code = _SCRIPT.format(tests=str(Path(__file__).parent), db=str(db), pages=PAGES, batch=BATCH, slow=slow)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun_stores_every_page_once(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    process = _run(db, slow=True)
    assert process.stdout is not None
    for line in process.stdout:
        # Several batches committed, the next one half written.
        if line.strip().isdigit() and int(line) >= 3 * BATCH + BATCH // 2:
            process.send_signal(signal.SIGKILL)
            break
    process.wait()
    assert process.returncode == -signal.SIGKILL

    partial = sqlite3.connect(db)
    stored = partial.execute("SELECT count(*) FROM pages").fetchone()[0]
    partial.close()
    assert 3 * BATCH <= stored < PAGES

    rerun = _run(db, slow=False)
    out, _ = rerun.communicate(timeout=120)
    assert rerun.returncode == 0 and out.strip().endswith("done")

    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')")
    assert check.execute("SELECT count(*), count(DISTINCT id) FROM pages").fetchone() == (PAGES, PAGES)
    assert check.execute("SELECT count(*), count(DISTINCT page_id) FROM records").fetchone() == (PAGES, PAGES)
    assert check.execute("SELECT count(*) FROM records_fts").fetchone()[0] == PAGES
    assert check.execute("SELECT count(*) FROM signatures").fetchone()[0] == PAGES
    expected = {f"page-{n}" for n in range(PAGES)}
    assert {row[0] for row in check.execute("SELECT id FROM pages")} == expected


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
