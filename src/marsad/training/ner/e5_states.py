"""Each word's e5 states for the sentences the accurate tagger trains and is scored on.

Reading a sentence through the 12-layer encoder costs tens of milliseconds on these CPUs,
so every training run reads the states from a cache written once per CoNLL file: the
states of `STORED_LAYERS` (float16, the first piece of each word), computed in worker
processes with progress, keyed by each sentence's words. A run then takes the layers its
configuration mixes (`CachedContext`), the same way `e5.E5Context` gives them at run time.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

import numpy as np

from marsad.enrich.ner.conll import read_labelled
from marsad.enrich.ner.e5 import E5Context, E5Encoder
from marsad.progress import progress

__all__ = ["STORED_LAYERS", "CachedContext", "cache_states"]

# Layers kept in the cache (1-based outputs): a run mixes any of them.
STORED_LAYERS = (4, 6, 8, 10, 12)
_SHARD = 64  # sentences a worker reads per task


def _encode(words: list[list[str]]) -> list[np.ndarray]:
    context = _worker_context()
    return [context.word_states(w).astype(np.float16) for w in words]


@lru_cache(maxsize=1)
def _worker_context() -> E5Context:
    return E5Context(E5Encoder.pretrained(), STORED_LAYERS)


def cache_file(conll: Path, cache_dir: Path) -> Path:
    digest = hashlib.sha256(conll.read_bytes()).hexdigest()[:16]
    return cache_dir / f"e5_{conll.stem}_{digest}.npz"


def cache_states(conll: Path, cache_dir: Path, jobs: int = 1) -> Path:
    """The cache of `conll`'s sentences, written first if it is not there."""
    out = cache_file(conll, cache_dir)
    if out.is_file():
        return out
    sentences = [words for words, _ in read_labelled(conll)]
    shards = [sentences[at : at + _SHARD] for at in range(0, len(sentences), _SHARD)]
    states: list[np.ndarray] = []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        done = progress(pool.map(_encode, shards), desc=f"e5 states of {conll.name}", unit="shard", total=len(shards))
        for found in done:
            states.extend(found)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial.npz")
    np.savez(
        partial,
        layers=np.array(STORED_LAYERS),
        lengths=np.array([len(s) for s in sentences], dtype=np.int64),
        words=np.array(["\t".join(s) for s in sentences]),
        states=np.concatenate(states) if states else np.zeros((0, len(STORED_LAYERS), 384), np.float16),
    )
    partial.replace(out)
    return out


class CachedContext:
    """`neural.ContextStates` read from caches: the stored states of a sentence's words, at
    `layers`. Picklable (files and layers only), so training processes load it themselves."""

    def __init__(self, files: Sequence[Path], layers: Sequence[int]) -> None:
        missing = [layer for layer in layers if layer not in STORED_LAYERS]
        if missing:
            raise ValueError(f"e5 layers {missing} are not cached (stored: {STORED_LAYERS})")
        self.files = [Path(f) for f in files]
        self.layers = tuple(layers)
        self._by_words: dict[tuple[str, ...], np.ndarray] | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"files": self.files, "layers": self.layers}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["files"], state["layers"])  # type: ignore[misc]

    def _index(self) -> dict[tuple[str, ...], np.ndarray]:
        if self._by_words is None:
            found: dict[tuple[str, ...], np.ndarray] = {}
            for path in self.files:
                with np.load(path) as data:
                    rows = [STORED_LAYERS.index(layer) for layer in self.layers]
                    states = data["states"][:, rows]
                    at = 0
                    for text, n in zip(data["words"], data["lengths"], strict=True):
                        words = tuple(str(text).split("\t")) if n else ()
                        found[words] = states[at : at + n]
                        at += int(n)
            self._by_words = found
        return self._by_words

    def sentence_states(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        index = self._index()
        try:
            return [index[tuple(words)].astype(np.float32) for words in sentences]
        except KeyError as missing:
            raise KeyError(f"a sentence with no cached e5 states: {' '.join(missing.args[0])[:80]}") from None
