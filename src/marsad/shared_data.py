"""Where the shared third-party data lives: `$MARSAD_SHARED`, else `../shared` beside the project."""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path:
    """The shared data folder: `$MARSAD_SHARED`, else `../shared` beside the project root."""
    env = os.environ.get("MARSAD_SHARED")
    if env:
        return Path(env)
    # src/marsad/shared_data.py → the project root is parents[2].
    return (Path(__file__).resolve().parents[2].parent / "shared").resolve()
