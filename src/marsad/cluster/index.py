"""An incremental near-duplicate index: add texts one by one, learn which earlier
text each one repeats.

Exact duplicates (same folded words) are found by hash. Near duplicates are
candidates from datasketch's LSH bands, confirmed by the signatures' estimated
Jaccard similarity against the configured threshold, so the LSH only decides
what to compare, never what matches.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from marsad.cluster.minhash import DEFAULT_NUM_PERM, SEED, Signature

__all__ = ["DEFAULT_THRESHOLD", "Match", "NearDuplicateIndex"]

DEFAULT_THRESHOLD = 0.6
# Texts this short share too little to call them the same story.
MIN_WORDS = 8


@dataclass(frozen=True, slots=True)
class Match:
    key: int
    similarity: float


class NearDuplicateIndex:
    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = DEFAULT_NUM_PERM) -> None:
        from datasketch import MinHashLSH

        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        # Banding tuned a little below the threshold: a missed candidate is a
        # missed duplicate, an extra one only costs a comparison.
        self._lsh = MinHashLSH(threshold=max(0.05, threshold - 0.1), num_perm=num_perm)
        self._signatures: dict[int, Signature] = {}
        self._by_hash: dict[str, int] = {}
        self._hash_of: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._hash_of)

    def _minhash(self, signature: Signature) -> object:
        from datasketch import MinHash

        return MinHash(num_perm=self.num_perm, seed=SEED, hashvalues=signature.astype(np.uint64), scheme="affine32")

    def find(self, text_hash: str, signature: Signature, words: int = MIN_WORDS) -> Match | None:
        """The earlier text that this one duplicates best, if any."""
        if text_hash in self._by_hash:
            return Match(self._by_hash[text_hash], 1.0)
        if words < MIN_WORDS:
            return None
        best: Match | None = None
        for key in self._lsh.query(self._minhash(signature)):
            similarity = float(np.count_nonzero(self._signatures[key] == signature)) / self.num_perm
            if similarity >= self.threshold and (
                best is None or similarity > best.similarity or (similarity == best.similarity and key < best.key)
            ):
                best = Match(int(key), similarity)
        return best

    def add(self, key: int, text_hash: str, signature: Signature, words: int = MIN_WORDS) -> None:
        self._hash_of[key] = text_hash
        self._by_hash.setdefault(text_hash, key)
        if words >= MIN_WORDS and key not in self._signatures:
            self._signatures[key] = signature
            self._lsh.insert(key, self._minhash(signature), check_duplication=False)

    def remove(self, key: int) -> None:
        text_hash = self._hash_of.pop(key, None)
        if text_hash is not None and self._by_hash.get(text_hash) == key:
            del self._by_hash[text_hash]
        if self._signatures.pop(key, None) is not None:
            self._lsh.remove(key)
