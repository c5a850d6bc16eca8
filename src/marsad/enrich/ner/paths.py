"""Where the shared third-party data lives: `$MARSAD_SHARED`, else `../shared` beside the project."""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path:
    env = os.environ.get("MARSAD_SHARED")
    if env:
        return Path(env)
    # src/marsad/enrich/ner/paths.py → the project root is parents[4].
    return Path(__file__).resolve().parents[4].parent / "shared"


def source_model_dir() -> Path:
    """The model folder in the source tree, where training writes."""
    return Path(__file__).resolve().parents[2] / "models" / "ner"
