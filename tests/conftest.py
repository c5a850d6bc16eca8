from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]

# The start-up cache (`marsad.startup_cache`) of this test run and of the processes it starts
# lives in a folder of its own, removed at the end, never in the user's cache.
if "MARSAD_CACHE_DIR" not in os.environ:
    _cache = tempfile.mkdtemp(prefix="marsad-test-cache-")
    os.environ["MARSAD_CACHE_DIR"] = _cache
    atexit.register(shutil.rmtree, _cache, True)


def shared_dir() -> Path:
    return Path(os.environ.get("MARSAD_SHARED", PROJECT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set MARSAD_SHARED)")
    return path


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    return (shared / "seed" / "000_06b0f5cfdc501643.txt").read_text(encoding="utf-8")
