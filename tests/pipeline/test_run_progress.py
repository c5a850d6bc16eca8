"""`marsad run` shows pages as they are extracted, not only when a shard ends."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from run_corpus import shard_pages, write_wet

from marsad.errors import InputError
from marsad.pipeline.engines import open_executor
from marsad.pipeline.run_progress import PROGRESS_DIR, ReportPages, clear_progress, pages_in_flight, progress_file
from marsad.pipeline.shard_run import run_shards
from terminal import stderr_on_terminal


def _fail(error: InputError) -> None:
    raise error


def test_a_shard_in_flight_reports_its_pages_as_it_goes(tmp_path: Path) -> None:
    step = ReportPages(str(progress_file(tmp_path, "crawl-00.warc.wet.gz")), every=0.0)
    seen = []
    for _page in step.run(f"صفحة {n}" for n in range(5)):
        seen.append(pages_in_flight(tmp_path))
    # The count is written before each page is passed on.
    assert seen == [1, 2, 3, 4, 5]
    other = progress_file(tmp_path, "crawl-01.warc.wet.gz")
    other.write_text("7", encoding="ascii")
    (tmp_path / PROGRESS_DIR / ".crawl-01.warc.wet.gz.123-abcdef01.tmp").write_text("99", encoding="ascii")
    (tmp_path / PROGRESS_DIR / "broken").write_text("؟", encoding="utf-8")
    assert pages_in_flight(tmp_path) == 12
    clear_progress(tmp_path, "crawl-01.warc.wet.gz")
    assert pages_in_flight(tmp_path) == 5
    clear_progress(tmp_path)
    assert pages_in_flight(tmp_path) == 0


def test_finished_and_failed_shards_leave_no_count_behind(tmp_path: Path) -> None:
    good = tmp_path / "in" / "crawl-00.warc.wet.gz"
    good.parent.mkdir()
    write_wet(good, shard_pages(0, 4))
    bad = tmp_path / "in" / "crawl-01.warc.wet.gz"
    bad.write_bytes(b"\x1f\x8b" + os.urandom(64))  # gzip magic, then garbage
    out = tmp_path / "out"
    executor = open_executor("local", 1)
    try:
        summary = run_shards([str(good), str(bad)], out, executor, on_error=lambda _e: None)
    finally:
        executor.close()
    assert summary.pages == 4
    assert not (out / PROGRESS_DIR).exists()


def test_run_on_a_terminal_shows_pages_and_their_rate(tmp_path: Path) -> None:
    shard = tmp_path / "crawl-00.warc.wet.gz"
    write_wet(shard, shard_pages(0, 6))
    command = [sys.executable, "-m", "marsad", "run", str(shard), "--out", str(tmp_path / "out"), "--no-enrich"]
    code, text = stderr_on_terminal(command)
    assert code == 0
    assert re.search(r"pages=6, pages_per_s=\d", text), text
    assert "1/1" in text
    # Piped, the same run prints its summary line only.
    piped = subprocess.run(
        [*command[:-1], "--out", str(tmp_path / "again"), "--no-enrich"], capture_output=True, text=True, timeout=300
    )
    assert piped.returncode == 0 and "pages_per_s" not in piped.stderr and "6 pages read" in piped.stderr
