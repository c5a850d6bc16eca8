"""Pages into the archive: skip what is unchanged, extract the rest, store, cluster.

A page is keyed by its stable id and remembered with its content hash, so a
rerun skips unchanged pages before extracting anything, and a changed page
replaces its old version. Writes commit every `batch_size` pages: after a
crash, the pages of the batch in flight are simply not there yet, and the
next run stores them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from marsad.cluster.facts import Facts, text_facts
from marsad.cluster.index import DEFAULT_THRESHOLD, MIN_WORDS, NearDuplicateIndex
from marsad.cluster.minhash import fingerprint, folded_words, signature_from_bytes
from marsad.errors import ErrorHandler, InputError, MarsadError
from marsad.records import Page, Record
from marsad.store.base import Archive

__all__ = ["IngestOptions", "IngestStats", "ingest_pages", "load_cluster_index"]

Extractor = Callable[[Page], list[Record]]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    batch_size: int = 200
    cluster_threshold: float = DEFAULT_THRESHOLD
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


def _stored_facts(archive: Archive, rowids: Sequence[int]) -> dict[int, Facts]:
    # One rowid at a time: iter_records skips a missing rowid, which would misalign a batch.
    found: dict[int, Facts] = {}
    for rowid in rowids:
        for record in archive.iter_records([rowid]):
            found[rowid] = text_facts(folded_words("\n".join(record.body)))
    return found


def load_cluster_index(archive: Archive, threshold: float) -> NearDuplicateIndex:
    """The near-duplicate index rebuilt from the signatures the archive keeps (facts
    are recomputed from the stored text only for clusters a new text may join)."""
    index = NearDuplicateIndex(threshold=threshold, facts_loader=lambda rowids: _stored_facts(archive, rowids))
    for stored in archive.signatures():
        words = MIN_WORDS if stored.signature else 0
        index.add(stored.rowid, stored.text_hash, signature_from_bytes(stored.signature), words, stored.representative)
    return index


def _cluster_record(archive: Archive, index: NearDuplicateIndex, rowid: int, record: Record) -> bool:
    found = fingerprint("\n".join(record.body))
    match = index.find(found.text_hash, found.signature, found.words, found.facts)
    if match is not None:
        archive.assign_cluster(rowid, match.key, match.similarity)
    index.add(rowid, found.text_hash, found.signature, found.words, match.key if match else None, found.facts)
    archive.save_signature(rowid, found.text_hash, found.signature_bytes() if found.words >= MIN_WORDS else b"")
    return match is not None


class _Ingest:
    """One ingest run's state: what is stored, the lazily built cluster index, the batch in flight."""

    def __init__(self, archive: Archive, extract: Extractor, on_error: ErrorHandler, options: IngestOptions) -> None:
        self.archive = archive
        self.extract = extract
        self.on_error = on_error
        self.options = options
        self.stats = IngestStats()
        self.known = archive.page_hashes()
        # Built on the first page that needs storing: a rerun over unchanged pages never pays for it.
        self.index: NearDuplicateIndex | None = None
        self.pending = 0

    def add(self, page: Page) -> None:
        self.stats.pages += 1
        page_id = page.stable_id()
        content_hash = page.content_hash()
        previous = self.known.get(page_id)
        if previous == content_hash:
            self.stats.unchanged += 1
            return
        try:
            records = self.extract(page)
        except Exception as error:  # one page the extractor chokes on must not stop the batch
            self.stats.failed += 1
            self.on_error(InputError(page.origin, f"extraction failed: {type(error).__name__}: {error}"))
            return
        try:
            new_rowids, removed = self.archive.replace_page(page, page_id, records)
        except MarsadError as error:
            self.stats.failed += 1
            self.on_error(InputError(page.origin, f"not stored: {error}"))
            return
        if self.options.cluster:
            if self.index is None:
                self.index = load_cluster_index(self.archive, self.options.cluster_threshold)
            for rowid in removed:
                self.index.remove(rowid)
            for rowid, record in zip(new_rowids, records, strict=True):
                self.stats.duplicates += _cluster_record(self.archive, self.index, rowid, record)
        self.known[page_id] = content_hash
        self.stats.stored += 1
        self.stats.replaced += previous is not None
        self.stats.records += len(records)
        self.pending += 1
        if self.pending >= self.options.batch_size:
            self.archive.commit()
            self.pending = 0


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
    run = _Ingest(archive, extract, on_error, options or IngestOptions())
    for page in pages:
        run.add(page)
        if on_page is not None:
            on_page(run.stats)
    archive.commit()
    return run.stats
