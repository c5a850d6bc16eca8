"""Pages into the archive: skip what is unchanged, extract the rest, store, cluster.

A page is keyed by its stable id and remembered with its content hash, so a
rerun skips unchanged pages before extracting anything, and a changed page
replaces its old version. Writes commit every `batch_size` pages: after a
crash, the pages of the batch in flight are simply not there yet, and the
next run stores them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from marsad.cluster.index import MIN_WORDS, NearDuplicateIndex
from marsad.cluster.minhash import fingerprint, signature_from_bytes
from marsad.errors import ErrorHandler, InputError, MarsadError
from marsad.records import Page, Record
from marsad.store.base import Archive

__all__ = ["IngestOptions", "IngestStats", "ingest_pages", "load_cluster_index"]

Extractor = Callable[[Page], list[Record]]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    batch_size: int = 200
    cluster_threshold: float = 0.6
    cluster: bool = True


@dataclass(slots=True)
class IngestStats:
    pages: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    records: int = 0
    duplicates: int = 0

    def summary(self) -> str:
        return (
            f"{self.pages} pages read: {self.stored} stored ({self.replaced} replacing an older version), "
            f"{self.unchanged} unchanged, {self.failed} failed; {self.records} records, "
            f"{self.duplicates} near-duplicates of an earlier record"
        )


def load_cluster_index(archive: Archive, threshold: float) -> NearDuplicateIndex:
    """The near-duplicate index rebuilt from the signatures the archive keeps."""
    index = NearDuplicateIndex(threshold=threshold)
    for stored in archive.signatures():
        if stored.signature:
            index.add(stored.rowid, stored.text_hash, signature_from_bytes(stored.signature))
        else:
            index.add(stored.rowid, stored.text_hash, signature_from_bytes(b""), words=0)
    return index


def _cluster_record(archive: Archive, index: NearDuplicateIndex, rowid: int, record: Record) -> bool:
    found = fingerprint("\n".join(record.body))
    match = index.find(found.text_hash, found.signature, found.words)
    if match is not None:
        archive.assign_cluster(rowid, match.key, match.similarity)
    index.add(rowid, found.text_hash, found.signature, found.words)
    archive.save_signature(
        rowid, found.text_hash, found.signature_bytes() if found.words >= MIN_WORDS else b""
    )
    return match is not None


def ingest_pages(
    archive: Archive,
    pages: Iterable[Page],
    extract: Extractor,
    *,
    on_error: ErrorHandler,
    options: IngestOptions | None = None,
    on_page: Callable[[IngestStats], None] | None = None,
) -> IngestStats:
    """Store every page of `pages` not already stored with the same content.

    A page whose extraction or storage fails is reported to `on_error` and the
    rest of the batch is still stored.
    """
    options = options or IngestOptions()
    stats = IngestStats()
    known = archive.page_hashes()
    index = load_cluster_index(archive, options.cluster_threshold) if options.cluster else None
    pending = 0
    for page in pages:
        stats.pages += 1
        page_id = page.stable_id()
        content_hash = page.content_hash()
        previous = known.get(page_id)
        if previous == content_hash:
            stats.unchanged += 1
        else:
            try:
                records = extract(page)
                new_rowids, removed = archive.replace_page(page, page_id, records)
            except (MarsadError, ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
                stats.failed += 1
                on_error(InputError(page.origin, f"not stored: {error}"))
            else:
                if index is not None:
                    for rowid in removed:
                        index.remove(rowid)
                    for rowid, record in zip(new_rowids, records, strict=True):
                        stats.duplicates += _cluster_record(archive, index, rowid, record)
                known[page_id] = content_hash
                stats.stored += 1
                stats.replaced += previous is not None
                stats.records += len(records)
                pending += 1
                if pending >= options.batch_size:
                    archive.commit()
                    pending = 0
        if on_page is not None:
            on_page(stats)
    archive.commit()
    return stats
