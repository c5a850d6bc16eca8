"""Near-duplicate clustering over a run's shards, in stages that scale out.

1. In the parallel stage each record gets its fingerprint (`FingerprintRecords`
   step): MinHash signature, folded-text hash, word count, the names it
   mentions. That is the expensive part, and it is written into the shard.
2. `assign_clusters` reads only the fingerprint columns of every shard, in the
   run's shard order, and feeds them through the same `NearDuplicateIndex`
   (LSH buckets, similarity threshold, representative anchor, facts check) and
   the same founding rule as `marsad ingest`. Over the same pages in the same
   order it therefore finds the same pairs, whatever engine ran stage one. It
   holds a signature (512 bytes) and the names of every record in memory.
3. `JoinClusters` writes each shard's cluster ids into its `cluster` column, one
   task per shard, through the run's executor.

A cluster's id is the id of the record that founded it (the earlier text the
first duplicate matched), as in the archive.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.cluster.facts import Facts
from marsad.cluster.index import DEFAULT_THRESHOLD, NearDuplicateIndex
from marsad.cluster.minhash import DEFAULT_NUM_PERM, signature_from_bytes
from marsad.pipeline.parquet import FINGERPRINT_COLUMNS, write_table

__all__ = ["ClusterAssignment", "JoinClusters", "assign_clusters"]


@dataclass(slots=True)
class ClusterAssignment:
    """Cluster ids per shard file (one entry per row, None for a record in no cluster)."""

    by_shard: dict[str, list[str | None]]
    clusters: int
    duplicates: int

    def digest(self) -> str:
        """A short hash of the whole assignment, recorded in each joined shard's marker."""
        hasher = hashlib.sha1()
        for name in sorted(self.by_shard):
            hasher.update(name.encode("utf-8"))
            for cluster in self.by_shard[name]:
                hasher.update(b"\x00" + (cluster or "").encode("utf-8", "surrogatepass"))
        return hasher.hexdigest()[:16]


def _fingerprints(path: Path) -> Iterator[tuple[str, str, bytes, int, list[str]]]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(columns=list(FINGERPRINT_COLUMNS), batch_size=4096):
        columns = [batch.column(name).to_pylist() for name in FINGERPRINT_COLUMNS]
        yield from zip(*columns, strict=True)


def assign_clusters(shard_files: Sequence[Path], threshold: float = DEFAULT_THRESHOLD) -> ClusterAssignment:
    """Stage two: cluster ids for every record of `shard_files`, taken in the order given."""
    index = NearDuplicateIndex(threshold=threshold)
    empty = np.zeros(DEFAULT_NUM_PERM, dtype=np.uint32)
    record_ids: list[str] = []
    cluster_of: dict[int, str] = {}
    used: set[str] = set()
    positions: list[tuple[str, int]] = []
    duplicates = 0
    for path in shard_files:
        for row, (record_id, text_hash, minhash, words, names) in enumerate(_fingerprints(path)):
            key = len(record_ids)
            record_ids.append(record_id)
            positions.append((path.name, row))
            signature = signature_from_bytes(minhash) if minhash else empty
            facts = Facts(frozenset(names or ()))
            match = index.find(text_hash, signature, words, facts)
            if match is not None:
                duplicates += 1
                if match.key not in cluster_of:
                    cluster_of[match.key] = _new_cluster_id(record_ids[match.key], used)
                cluster_of[key] = cluster_of[match.key]
            index.add(key, text_hash, signature, words, match.key if match else None, facts)
    by_shard: dict[str, list[str | None]] = {path.name: [] for path in shard_files}
    for key, (name, _row) in enumerate(positions):
        by_shard[name].append(cluster_of.get(key))
    return ClusterAssignment(by_shard, len(used), duplicates)


def _new_cluster_id(base: str, used: set[str]) -> str:
    # The archive's rule: the founder's id, with ~2, ~3 ... when a page was given twice.
    cluster_id, suffix = base, 1
    while cluster_id in used:
        suffix += 1
        cluster_id = f"{base}~{suffix}"
    used.add(cluster_id)
    return cluster_id


@dataclass(frozen=True, slots=True)
class JoinClusters:
    """Stage three, one task per shard: write the shard's cluster ids into its `cluster` column."""

    path: str
    clusters: tuple[str | None, ...]

    def run(self) -> str:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pq.read_table(self.path)
        if table.num_rows != len(self.clusters):
            raise ValueError(f"{self.path}: {table.num_rows} rows, but {len(self.clusters)} cluster ids")
        position = table.schema.get_field_index("cluster")
        table = table.set_column(position, "cluster", pa.array(list(self.clusters), type=pa.string()))
        write_table(table, Path(self.path))
        return self.path


def join_clusters(task: JoinClusters) -> str:
    """The executor's task function for stage three."""
    return task.run()
