from pathlib import Path

import pytest

from marsad.enrich.ner.paths import shared_dir


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not (path / "data" / "ner").is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path
