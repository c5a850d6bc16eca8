"""Where training reads (the shared data) and writes (the model folder in the source tree)."""

from __future__ import annotations

from pathlib import Path

from marsad.shared_data import shared_dir

__all__ = ["shared_dir", "source_model_dir"]


def source_model_dir() -> Path:
    """The model folder in the source tree, where training writes."""
    return Path(__file__).resolve().parents[2] / "models" / "ner"
