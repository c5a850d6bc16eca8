"""One ingest at a time per archive: a second one waits, says so, and the archive ends
as two ingests one after the other leave it (#15)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from archive_samples import simple_extract, synthetic_pages
from archive_state import archive_state, cli_db, open_location, state_at
from click.testing import CliRunner

from marsad.commands.ingest import ingest_command
from marsad.errors import InputError
from marsad.store.ingest import IngestOptions, ingest_pages
from marsad.store.lock import IngestLocked


def _fail(error: InputError) -> None:
    raise error


def test_an_ingest_waits_for_the_lock_then_gives_up_after_its_timeout(new_location: Callable[[], str]) -> None:
    location = new_location()
    said: list[str] = []
    with open_location(location) as holder, open_location(location) as archive:
        assert holder.try_ingest_lock()
        with pytest.raises(IngestLocked, match=r"another ingest still holds .* after 0\.3 s"):
            ingest_pages(
                archive,
                synthetic_pages(5),
                simple_extract,
                on_error=_fail,
                options=IngestOptions(lock_timeout=0.3),
                on_wait=said.append,
            )
        assert said == [f"marsad: another ingest holds {archive.display_name()}; waiting..."]
        assert archive.counts()["pages"] == 0
        holder.release_ingest_lock()
        stats = ingest_pages(archive, synthetic_pages(5), simple_extract, on_error=_fail, on_wait=said.append)
        assert stats.stored == 5 and len(said) == 1


def test_the_ingest_command_refuses_after_its_lock_timeout(new_location: Callable[[], str], tmp_path: Path) -> None:
    location = new_location()
    page = tmp_path / "visit.txt"
    page.write_text(
        "وزير الخارجية يزور عمّان\nوصل وزير الخارجية إلى عمّان مساء الاثنين في زيارة رسمية تستمر يومين.\n",
        encoding="utf-8",
    )
    with open_location(location) as holder:
        assert holder.try_ingest_lock()
        result = CliRunner().invoke(ingest_command, [str(page), "--db", cli_db(location), "--lock-timeout", "0.2"])
    assert result.exit_code == 1
    assert "marsad: another ingest holds" in result.output and "waiting..." in result.output
    assert "still holds" in result.output and "nothing was stored" in result.output
    assert "password" not in result.output


_SCRIPT = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from archive_samples import synthetic_pages, simple_extract
    from archive_state import open_location
    from marsad.store.ingest import IngestOptions, ingest_pages

    def report(stats):
        print(stats.stored, flush=True)
        time.sleep({pause})

    with open_location({location!r}) as archive:
        ingest_pages(archive, synthetic_pages({pages})[{half}::2], simple_extract, on_error=print,
                     options=IngestOptions(batch_size=20), on_page=report)
    """
)
PAGES = 300


def _start(location: str, half: int, pause: float) -> subprocess.Popen[str]:
    code = _SCRIPT.format(tests=str(Path(__file__).parent), location=location, pages=PAGES, half=half, pause=pause)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


@pytest.mark.slow
def test_two_ingests_at_once_end_as_one_after_the_other(new_location: Callable[[], str]) -> None:
    location = new_location()
    first = _start(location, half=0, pause=0.01)
    assert first.stdout is not None
    first.stdout.readline()  # it has stored a page: it holds the archive
    second = _start(location, half=1, pause=0.0)
    _, second_err = second.communicate(timeout=120)
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == second.returncode == 0, first_err + second_err
    assert "marsad: another ingest holds" in second_err

    sequential = new_location()
    pages = synthetic_pages(PAGES)
    with open_location(sequential) as archive:
        for half in (0, 1):
            ingest_pages(archive, pages[half::2], simple_extract, on_error=_fail, options=IngestOptions(20))
        expected = archive_state(archive)
    assert len(expected["members"]) > 50
    assert state_at(location) == expected
