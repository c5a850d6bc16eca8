"""LSH bands over packed MinHash signatures: which stored texts a new one should be compared with.

Issue #19: datasketch's `MinHashLSH` wants a `MinHash` object per text and a Python hash table
entry per band, about 20 KB a text, so rebuilding it from an archive's stored signatures took
35 s at 31k texts and grew with every ingest. Here a band is one 64-bit number, a mix of its
`r` values: texts whose band values are equal always share it (no candidate is lost), and a
rare collision of different values only adds a candidate, which the caller's similarity check
then rejects. Bands of the stored texts live in sorted NumPy arrays built in one vectorized
pass; texts added since sit in a small dict until the next `compact`. The banding (`b`, `r`)
is datasketch's for the same threshold, so the candidates are those it gave.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["BandIndex", "banding"]

# Odd 64-bit multipliers for mixing a band's values into one key.
_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5, 0x94D049BB133111EB],
    dtype=np.uint64,
)
_COMPACT_AFTER = 4096  # texts in the dict before they join the sorted arrays

Keys = npt.NDArray[np.uint64]


def banding(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's `MinHashLSH` picks for `threshold`."""
    from datasketch.lsh import _optimal_param

    bands, rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(bands), int(rows)


class BandIndex:
    """Band keys of many signatures; `query` gives the keys sharing a band with a signature."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.bands, self.rows = banding(threshold, num_perm)
        if self.rows > len(_MIX):
            raise ValueError(f"{self.rows} rows per band: at most {len(_MIX)}")
        self._sorted = [np.zeros(0, dtype=np.uint64) for _ in range(self.bands)]
        self._owners = [np.zeros(0, dtype=np.int64) for _ in range(self.bands)]
        self._recent: list[dict[int, list[int]]] = [{} for _ in range(self.bands)]
        self._recent_count = 0
        self._removed: set[int] = set()

    def band_keys(self, signatures: npt.NDArray[np.uint32]) -> Keys:
        """(n, bands) band keys of `n` signatures given as an (n, num_perm) array."""
        values = (
            signatures[:, : self.bands * self.rows].astype(np.uint64).reshape(len(signatures), self.bands, self.rows)
        )
        with np.errstate(over="ignore"):
            mixed = values * _MIX[: self.rows]
            keys = mixed[:, :, 0].copy()
            for row in range(1, self.rows):
                keys = (keys ^ (keys >> np.uint64(29))) * _MIX[-1] + mixed[:, :, row]
        return keys

    def stored_keys(self, signatures: npt.NDArray[np.uint32]) -> npt.NDArray[np.int64]:
        """(n, bands) keys an archive keeps for `n` signatures: each band's key mixed with the
        band's number, so that one column holds every band, as signed 64-bit integers."""
        with np.errstate(over="ignore"):
            mixed = self.band_keys(signatures) ^ (np.arange(1, self.bands + 1, dtype=np.uint64) * _MIX[1])
        keys: npt.NDArray[np.int64] = mixed.view(np.int64)
        return keys

    def bulk(self, keys: Sequence[int], signatures: npt.NDArray[np.uint32]) -> None:
        """Index many signatures at once (rows of `signatures`, for `keys`)."""
        if not len(keys):
            return
        owners = np.asarray(keys, dtype=np.int64)
        table = self.band_keys(signatures)
        for band in range(self.bands):
            merged_keys = np.concatenate([self._sorted[band], table[:, band]])
            merged_owners = np.concatenate([self._owners[band], owners])
            order = np.argsort(merged_keys, kind="stable")
            self._sorted[band], self._owners[band] = merged_keys[order], merged_owners[order]
        self._removed.difference_update(int(k) for k in owners)

    def insert(self, key: int, signature: npt.NDArray[np.uint32]) -> None:
        self._removed.discard(key)
        for band, band_key in enumerate(self.band_keys(signature[None, :])[0].tolist()):
            self._recent[band].setdefault(band_key, []).append(key)
        self._recent_count += 1
        if self._recent_count >= _COMPACT_AFTER:
            self.compact()

    def compact(self) -> None:
        """Move the texts added one by one into the sorted arrays."""
        if not self._recent_count:
            return
        for band in range(self.bands):
            pairs = [(band_key, owner) for band_key, owners in self._recent[band].items() for owner in owners]
            added_keys = np.array([band_key for band_key, _ in pairs], dtype=np.uint64)
            added_owners = np.array([owner for _, owner in pairs], dtype=np.int64)
            merged_keys = np.concatenate([self._sorted[band], added_keys])
            merged_owners = np.concatenate([self._owners[band], added_owners])
            order = np.argsort(merged_keys, kind="stable")
            self._sorted[band], self._owners[band] = merged_keys[order], merged_owners[order]
            self._recent[band] = {}
        self._recent_count = 0

    def remove(self, key: int) -> None:
        """Forget `key`: its band entries stay until it is added again, but `query` skips it."""
        self._removed.add(key)

    def query(self, signature: npt.NDArray[np.uint32]) -> set[int]:
        found: set[int] = set()
        for band, band_key in enumerate(self.band_keys(signature[None, :])[0]):
            keys = self._sorted[band]
            start = int(np.searchsorted(keys, band_key, side="left"))
            stop = int(np.searchsorted(keys, band_key, side="right"))
            if stop > start:
                found.update(self._owners[band][start:stop].tolist())
            found.update(self._recent[band].get(int(band_key), ()))
        return found - self._removed if self._removed else found


def stack(signatures: Iterable[npt.NDArray[np.uint32]], num_perm: int) -> npt.NDArray[np.uint32]:
    """Signatures as one (n, num_perm) array."""
    rows = list(signatures)
    return np.stack(rows) if rows else np.zeros((0, num_perm), dtype=np.uint32)
