"""An incremental near-duplicate index: add texts one by one, learn which earlier
text each one repeats.

Exact duplicates (same folded words) are found by hash. Near duplicates are
candidates from LSH bands (`bands.BandIndex`: datasketch's banding over packed
signatures), confirmed by the signatures' estimated Jaccard similarity against
the configured threshold, so the LSH only decides what to compare, never what
matches. A text joins a cluster only if it is also similar enough to the cluster's representative: without that anchor,
daily reports that each resemble the day before (weather, market closes)
chain into one cluster. Nor does it join when it names other people or
places than any text in the cluster (`facts.conflict`): templated official
statements share their wording, not their story, and a telegram naming no
country in our gazetteer must not become the bridge between two that do.

Facts live only in memory. Texts rebuilt from stored signatures get theirs
from `facts_loader` (their stored text) the first time a new text might join
their cluster; without a loader they have none and are compared by
similarity alone.

An index over a large archive need not hold every stored text (issue #19):
given `StoredTexts`, it reads the stored texts a new one shares a band with
(the archive keeps each signature's band keys), the oldest stored text of the
same words, and a cluster's stored members when a new text may join it; what
it finds is what an index holding every stored text finds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from marsad.cluster import DEFAULT_THRESHOLD
from marsad.cluster.bands import BandIndex, stack
from marsad.cluster.facts import Facts, conflict
from marsad.cluster.minhash import DEFAULT_NUM_PERM, Signature

__all__ = ["DEFAULT_THRESHOLD", "FactsLoader", "Match", "NearDuplicateIndex", "StoredText", "StoredTexts"]

# The facts of the texts with these keys (those it can still find).
FactsLoader = Callable[[Sequence[int]], dict[int, Facts]]
# A stored text as an index takes it up: (key, text hash, signature, words, the text whose cluster it joined).
StoredText = tuple[int, str, Signature, int, int | None]


class StoredTexts(Protocol):
    """The texts an archive keeps, read by an index when it needs them."""

    def banded(self, keys: list[int]) -> list[StoredText]:
        """The stored texts with any of these band keys (`BandIndex.stored_keys`)."""
        ...

    def texts(self, keys: Sequence[int]) -> list[StoredText]:
        """The stored texts of `keys` (those still stored)."""
        ...

    def first_with_hash(self, text_hash: str) -> int | None:
        """The oldest stored text of `text_hash` long enough to compare."""
        ...

    def clustered_with(self, key: int) -> list[int]:
        """The stored texts in `key`'s cluster."""
        ...


# Texts this short share too little to call them the same story.
MIN_WORDS = 8


@dataclass(frozen=True, slots=True)
class Match:
    key: int
    similarity: float


class NearDuplicateIndex:
    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        num_perm: int = DEFAULT_NUM_PERM,
        facts_loader: FactsLoader | None = None,
        stored: StoredTexts | None = None,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        # Banding tuned a little below the threshold: a missed candidate is a
        # missed duplicate, an extra one only costs a comparison.
        self._bands = BandIndex(threshold=max(0.05, threshold - 0.1), num_perm=num_perm)
        self._signatures: dict[int, Signature] = {}
        self._by_hash: dict[str, int] = {}
        self._hash_of: dict[int, str] = {}
        self._representative: dict[int, int] = {}
        self._facts: dict[int, Facts] = {}
        # The distinct facts of each cluster's texts, by representative: one wire
        # story copied a hundred times is checked against a handful of sets.
        self._cluster_facts: dict[int, Counter[Facts]] = {}
        # Texts added without facts, by representative, until the loader is asked.
        self._facts_loader = facts_loader
        self._unloaded: dict[int, set[int]] = {}
        self._stored = stored
        # Representatives whose clusters' stored members were read.
        self._whole: set[int] = set()

    def __len__(self) -> int:
        return len(self._hash_of)

    def _similarity(self, key: int, signature: Signature) -> float:
        return float(np.count_nonzero(self._signatures[key] == signature)) / self.num_perm

    def _take_up(self, texts: Iterable[StoredText]) -> None:
        """Hold stored texts as `add_stored` would have, each after its cluster's representative."""
        for key, text_hash, signature, words, joined in texts:
            if key in self._hash_of:
                continue
            if joined is not None and joined != key and joined not in self._hash_of and self._stored is not None:
                self._take_up(self._stored.texts([joined]))
            if self._add(key, text_hash, signature, words, joined, None):
                self._bands.insert(key, signature)

    def banding(self) -> str:
        """The banding of the band keys (`bands x rows`), as an archive notes what it keeps."""
        return f"{self._bands.bands}x{self._bands.rows}"

    def stored_keys(self, signatures: npt.NDArray[np.uint32]) -> npt.NDArray[np.int64]:
        """The band keys an archive keeps of each of `signatures` (rows)."""
        return self._bands.stored_keys(signatures)

    def _conflicts(self, anchor: int, facts: Facts | None) -> bool:
        """Whether `facts` conflict with those of any text in `anchor`'s cluster."""
        if facts is None:
            return False
        if self._stored is not None and anchor not in self._whole:
            self._whole.add(anchor)
            self._take_up(self._stored.texts(self._stored.clustered_with(anchor)))
        unloaded = self._unloaded.pop(anchor, None)
        if unloaded and self._facts_loader is not None:
            for key, loaded in self._facts_loader(sorted(unloaded)).items():
                if key in self._signatures and key not in self._facts:
                    self._remember_facts(key, loaded)
        return any(conflict(known, facts) for known in self._cluster_facts.get(anchor, ()))

    def _remember_facts(self, key: int, facts: Facts) -> None:
        self._facts[key] = facts
        self._cluster_facts.setdefault(self.representative(key), Counter())[facts] += 1

    def representative(self, key: int) -> int:
        representative = self._representative.get(key, key)
        return representative if representative in self._hash_of else key

    def find(
        self, text_hash: str, signature: Signature, words: int = MIN_WORDS, facts: Facts | None = None
    ) -> Match | None:
        """The earlier text that this one duplicates best, if any."""
        if words < MIN_WORDS:
            return None
        if self._stored is not None:
            oldest = self._stored.first_with_hash(text_hash)
            if oldest is not None:
                self._take_up(self._stored.texts([oldest]))
                return Match(oldest, 1.0)
            self._take_up(self._stored.banded(self._bands.stored_keys(signature[None, :])[0].tolist()))
        if text_hash in self._by_hash:
            return Match(self._by_hash[text_hash], 1.0)
        best: Match | None = None
        conflicting: dict[int, bool] = {}
        for key in sorted(self._bands.query(signature)):
            similarity = self._similarity(key, signature)
            if similarity < self.threshold or (best is not None and (similarity, -key) <= (best.similarity, -best.key)):
                continue
            anchor = self.representative(key)
            if anchor != key and anchor in self._signatures and self._similarity(anchor, signature) < self.threshold:
                continue
            if anchor not in conflicting:
                conflicting[anchor] = self._conflicts(anchor, facts)
            if conflicting[anchor]:
                continue
            best = Match(int(key), similarity)
        return best

    def add_stored(self, stored: Iterable[tuple[int, str, Signature, int, int | None]]) -> None:
        """Index many texts at once, as an archive keeps them: (key, text hash, signature, words,
        the text whose cluster it joined); their bands are built in one vectorized pass."""
        keys: list[int] = []
        signatures: list[Signature] = []
        for key, text_hash, signature, words, joined in stored:
            if self._add(key, text_hash, signature, words, joined, None):
                keys.append(key)
                signatures.append(signature)
        self._bands.bulk(keys, stack(signatures, self.num_perm))

    def add(
        self,
        key: int,
        text_hash: str,
        signature: Signature,
        words: int = MIN_WORDS,
        joined: int | None = None,
        facts: Facts | None = None,
    ) -> None:
        """Index `key`'s text; `joined` is the earlier text whose cluster it joined, if any."""
        if self._add(key, text_hash, signature, words, joined, facts):
            self._bands.insert(key, signature)

    def _add(
        self, key: int, text_hash: str, signature: Signature, words: int, joined: int | None, facts: Facts | None
    ) -> bool:
        """Everything `add` does but the bands; True when the text's bands are to be added."""
        self._hash_of[key] = text_hash
        if joined is not None:
            self._representative[key] = self.representative(joined)
        if words < MIN_WORDS:
            return False
        self._by_hash.setdefault(text_hash, key)
        if key in self._signatures:
            return False
        self._signatures[key] = signature
        if facts is not None:
            self._remember_facts(key, facts)
        elif self._facts_loader is not None:
            self._unloaded.setdefault(self.representative(key), set()).add(key)
        return True

    def remove(self, key: int) -> None:
        self._unloaded.get(self.representative(key), set()).discard(key)
        facts = self._facts.pop(key, None)
        if facts is not None:
            known = self._cluster_facts.get(self.representative(key))
            if known is not None:
                known[facts] -= 1
                if known[facts] <= 0:
                    del known[facts]
        text_hash = self._hash_of.pop(key, None)
        self._representative.pop(key, None)
        if text_hash is not None and self._by_hash.get(text_hash) == key:
            del self._by_hash[text_hash]
        if self._signatures.pop(key, None) is not None:
            self._bands.remove(key)
