"""MinHash signatures of article bodies, over shingles of search-folded words.

Folding first means the same wire story with other hamza or ya spellings,
diacritics or tatweel still shares its shingles. Signatures come from rensa
(Rust, the faster one; bench/bench_minhash.py measures it next to datasketch)
and are stored as little-endian uint32 bytes so any later run can rebuild the
LSH index without recomputing them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from marsad.arabic.normalize import fold_for_search
from marsad.cluster.facts import Facts, text_facts
from marsad.startup_cache import compile_regex

__all__ = [
    "DEFAULT_NUM_PERM",
    "DEFAULT_SHINGLE",
    "Fingerprint",
    "fingerprint",
    "folded_words",
    "shingles",
    "signature_from_bytes",
]

DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE = 3
SEED = 1

_WORD = compile_regex(r"[\p{L}\p{N}]+")

Signature = npt.NDArray[np.uint32]


def folded_words(text: str) -> list[str]:
    return [str(word) for word in _WORD.findall(fold_for_search(text))]


def shingles(words: Sequence[str], size: int = DEFAULT_SHINGLE) -> list[str]:
    """Overlapping `size`-word shingles; a text shorter than that is one shingle."""
    if len(words) <= size:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What near-duplicate detection keeps of a text: the hash of its folded words
    (exact duplicates), its MinHash signature (near duplicates) and the names it
    mentions (templates with other facts)."""

    text_hash: str
    signature: Signature
    words: int
    facts: Facts

    def signature_bytes(self) -> bytes:
        return self.signature.astype("<u4").tobytes()


def signature_from_bytes(data: bytes) -> Signature:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def fingerprint(text: str, num_perm: int = DEFAULT_NUM_PERM, shingle: int = DEFAULT_SHINGLE) -> Fingerprint:
    from rensa import RMinHash

    words = folded_words(text)
    text_hash = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
    minhash = RMinHash(num_perm=num_perm, seed=SEED)
    minhash.update(shingles(words, shingle))
    return Fingerprint(text_hash, np.asarray(minhash.digest(), dtype=np.uint32), len(words), text_facts(words))
