"""An incremental near-duplicate index: add texts one by one, learn which earlier
text each one repeats.

Exact duplicates (same folded words) are found by hash. Near duplicates are
candidates from datasketch's LSH bands, confirmed by the signatures' estimated
Jaccard similarity against the configured threshold, so the LSH only decides
what to compare, never what matches. A text joins a cluster only if it is
also similar enough to the cluster's representative: without that anchor,
daily reports that each resemble the day before (weather, market closes)
chain into one cluster.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from marsad.cluster.minhash import DEFAULT_NUM_PERM, SEED, Signature

__all__ = ["DEFAULT_THRESHOLD", "Match", "NearDuplicateIndex"]

DEFAULT_THRESHOLD = 0.4
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
        self._representative: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._hash_of)

    def _minhash(self, signature: Signature) -> object:
        from datasketch import MinHash

        return MinHash(num_perm=self.num_perm, seed=SEED, hashvalues=signature.astype(np.uint64), scheme="affine32")

    def _similarity(self, key: int, signature: Signature) -> float:
        return float(np.count_nonzero(self._signatures[key] == signature)) / self.num_perm

    def representative(self, key: int) -> int:
        representative = self._representative.get(key, key)
        return representative if representative in self._hash_of else key

    def find(self, text_hash: str, signature: Signature, words: int = MIN_WORDS) -> Match | None:
        """The earlier text that this one duplicates best, if any."""
        if words < MIN_WORDS:
            return None
        if text_hash in self._by_hash:
            return Match(self._by_hash[text_hash], 1.0)
        best: Match | None = None
        for key in self._lsh.query(self._minhash(signature)):
            similarity = self._similarity(key, signature)
            if similarity < self.threshold or (best is not None and (similarity, -key) <= (best.similarity, -best.key)):
                continue
            anchor = self.representative(key)
            if anchor != key and anchor in self._signatures and self._similarity(anchor, signature) < self.threshold:
                continue
            best = Match(int(key), similarity)
        return best

    def add(
        self, key: int, text_hash: str, signature: Signature, words: int = MIN_WORDS, joined: int | None = None
    ) -> None:
        """Index `key`'s text; `joined` is the earlier text whose cluster it joined, if any."""
        self._hash_of[key] = text_hash
        if joined is not None:
            self._representative[key] = self.representative(joined)
        if words < MIN_WORDS:
            return
        self._by_hash.setdefault(text_hash, key)
        if key not in self._signatures:
            self._signatures[key] = signature
            self._lsh.insert(key, self._minhash(signature), check_duplication=False)

    def remove(self, key: int) -> None:
        text_hash = self._hash_of.pop(key, None)
        self._representative.pop(key, None)
        if text_hash is not None and self._by_hash.get(text_hash) == key:
            del self._by_hash[text_hash]
        if self._signatures.pop(key, None) is not None:
            self._lsh.remove(key)
