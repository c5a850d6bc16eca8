"""A pretrained encoder's weights as saved by `pretrain` and loaded into a tagger by `neural_train`.

Apart from `pretrain` so that the tagger's trainer can start from saved weights without
importing the pretraining code that itself builds on the trainer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


@dataclass(slots=True)
class PretrainedEncoder:
    """Encoder weights with the vocabularies their rows belong to."""

    features: list[str]
    chars: str
    state: dict[str, np.ndarray]
    history: list[dict[str, object]]

    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {f"state/{k}": v for k, v in self.state.items()}
        arrays["features"] = np.array(self.features, dtype=str)
        arrays["chars"] = np.array(self.chars)
        arrays["history"] = np.array(json.dumps(self.history))
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path) -> PretrainedEncoder:
        with np.load(path) as data:
            state = {k.removeprefix("state/"): np.asarray(data[k]) for k in data.files if k.startswith("state/")}
            return cls(
                [str(f) for f in data["features"]],
                str(data["chars"]),
                state,
                json.loads(str(data["history"])),
            )


def load_into(network: Any, pretrained: PretrainedEncoder, features: Sequence[str], chars: str) -> int:
    """Copy the pretrained encoder into a tagger whose vocabularies may differ:
    feature and character rows are matched by name, the rest by shape.
    Returns how many feature rows were found."""
    import torch

    state = network.state_dict()
    rows = {name: i for i, name in enumerate(pretrained.features)}
    table = pretrained.state["features.weight"]
    found = 0
    with torch.no_grad():
        for i, name in enumerate(features):
            j = rows.get(name)
            if j is not None:
                state["features.weight"][i] = torch.from_numpy(table[j])
                found += 1
        letters = {c: i for i, c in enumerate(pretrained.chars)}
        for i, c in enumerate(chars):
            j = letters.get(c)
            if j is not None:
                state["chars.weight"][i] = torch.from_numpy(pretrained.state["chars.weight"][j])
        for key, value in pretrained.state.items():
            if key in ("features.weight", "chars.weight"):
                continue
            if state[key].shape != value.shape:
                raise ValueError(f"pretrained {key} has shape {value.shape}, the tagger {tuple(state[key].shape)}")
            state[key].copy_(torch.from_numpy(value))
    network.load_state_dict(state)
    return found
