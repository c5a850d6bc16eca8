"""Pages into the archive: skip what is unchanged, extract the rest, store, cluster.

A page is keyed by its stable id and remembered with its content hash, so a
rerun skips unchanged pages before extracting anything, and a changed page
replaces its old version. Writes commit every `batch_size` pages, records
with their fingerprints, clusters and search terms in one transaction: after a
crash, the pages of the batch in flight are simply not there yet, and the
next run stores them. One ingest at a time holds an archive (marsad.store.lock).

A record stored without its fingerprint (by `cluster=False`, or by a crash
before #15 on PostgreSQL) is repaired when an ingest that clusters starts:
every record from the oldest such one on is clustered again, in rowid order,
so the clusters are those a clean run would have built.
"""

from __future__ import annotations

import datetime
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from marsad.cluster.facts import Facts, text_facts
from marsad.cluster.index import DEFAULT_THRESHOLD, MIN_WORDS, NearDuplicateIndex, StoredText
from marsad.cluster.minhash import Fingerprint, Signature, fingerprint, folded_words, signature_from_bytes
from marsad.errors import ErrorHandler, InputError, MarsadError, page_error
from marsad.events.archive import ArchiveEvents
from marsad.pipeline.collector import batch_collection
from marsad.records import Page, Record
from marsad.store.base import Archive, StoredSignature
from marsad.store.lock import holding_ingest_lock, say_on_stderr

__all__ = ["ExtractedPage", "IngestOptions", "IngestStats", "ingest_extracted", "ingest_pages", "load_cluster_index"]

Extractor = Callable[[Page], list[Record]]
# A window of pages in, each page's records (or what it raised) out: `extraction.extract_pages`.
WindowExtractor = Callable[[list[Page]], list[list[Record] | Exception]]


@dataclass(slots=True)
class ExtractedPage:
    """A page extracted earlier (by `marsad run`): its records in order, host first, with
    their near-duplicate fingerprints when known, and the page's content hash."""

    page: Page
    content_hash: str
    records: list[Record]
    fingerprints: list[Fingerprint | None] = field(default_factory=list)


@dataclass(slots=True)
class _KnownHashPage(Page):
    # The archive stores `content_hash()`; an extracted page no longer has its raw content.
    known_hash: str = ""

    def content_hash(self) -> str:
        return self.known_hash


@dataclass(frozen=True, slots=True)
class IngestOptions:
    batch_size: int = 200
    cluster_threshold: float = DEFAULT_THRESHOLD
    cluster: bool = True
    # Each new record joins the event it reports (marsad.events), or founds one.
    events: bool = True
    # Seconds to wait while another ingest holds the archive; None waits as long as it takes.
    lock_timeout: float | None = None


@dataclass(slots=True)
class IngestStats:
    pages: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    records: int = 0
    duplicates: int = 0
    # Stored records found without a fingerprint, fingerprinted and clustered again.
    repaired: int = 0
    # Events the new records founded (the others joined one).
    events: int = 0

    def summary(self) -> str:
        repaired = f"; {self.repaired} stored records without a fingerprint repaired" if self.repaired else ""
        return (
            f"{self.pages} pages read: {self.stored} stored ({self.replaced} replacing an older version), "
            f"{self.unchanged} unchanged, {self.failed} failed; {self.records} records, "
            f"{self.duplicates} near-duplicates of an earlier record, {self.events} new events{repaired}"
        )


def _stored_facts(archive: Archive, rowids: Sequence[int]) -> dict[int, Facts]:
    # One rowid at a time: iter_records skips a missing rowid, which would misalign a batch.
    found: dict[int, Facts] = {}
    for rowid in rowids:
        for record in archive.iter_records([rowid]):
            found[rowid] = text_facts(folded_words("\n".join(record.body)))
    return found


class _StoredTexts:
    """`cluster.index.StoredTexts` read from an archive (the records before rowid `before`, when given)."""

    def __init__(self, archive: Archive, before: int | None) -> None:
        self.archive = archive
        self.before = before

    def _texts(self, found: Iterable[StoredSignature]) -> list[StoredText]:
        return [
            (
                stored.rowid,
                stored.text_hash,
                signature_from_bytes(stored.signature),
                MIN_WORDS if stored.signature else 0,
                stored.representative,
            )
            for stored in found
            if self.before is None or stored.rowid < self.before
        ]

    def banded(self, keys: list[int]) -> list[StoredText]:
        return self._texts(self.archive.banded_signatures(keys, self.before))

    def texts(self, keys: Sequence[int]) -> list[StoredText]:
        return self._texts(self.archive.stored_signatures(keys))

    def first_with_hash(self, text_hash: str) -> int | None:
        return self.archive.first_with_text_hash(text_hash, self.before)

    def clustered_with(self, key: int) -> list[int]:
        return self.archive.clustered_with(key, self.before)


def load_cluster_index(
    archive: Archive, threshold: float, before: int | None = None, say: Callable[[str], None] | None = None
) -> NearDuplicateIndex:
    """The near-duplicate index over the signatures the archive keeps (of the records before
    rowid `before`, when given): it reads the stored texts a new one may repeat when it needs
    them, and recomputes facts from the stored text only for clusters a new text may join.
    An archive whose band keys are missing or of another banding has them written first,
    in the transaction of the batch that needed them (said to `say`: a long step, once)."""
    index = NearDuplicateIndex(
        threshold=threshold,
        facts_loader=lambda rowids: _stored_facts(archive, rowids),
        stored=_StoredTexts(archive, before),
    )
    if archive.signature_banding() != index.banding():
        if say is not None and archive.fetch("SELECT 1 FROM signatures LIMIT 1"):
            say(f"marsad: writing the band keys of the stored signatures for {archive.location} (once)")
        keep_signature_bands(archive, index)
    return index


def keep_signature_bands(archive: Archive, index: NearDuplicateIndex, chunk: int = 8192) -> None:
    """Write the band keys of every stored signature, in `index`'s banding (once per archive,
    and again if the banding changes with the clustering threshold)."""
    archive.execute("DELETE FROM signature_bands")
    rowids: list[int] = []
    signatures: list[Signature] = []

    def write() -> None:
        if rowids:
            keys = index.stored_keys(np.stack(signatures))
            archive.execute_many(
                "INSERT INTO signature_bands(band_key, record_rowid) VALUES (?, ?)",
                [(key, rowid) for rowid, row in zip(rowids, keys.tolist(), strict=True) for key in row],
            )
        rowids.clear()
        signatures.clear()

    for stored in archive.signatures():
        if stored.signature:
            rowids.append(stored.rowid)
            signatures.append(signature_from_bytes(stored.signature))
            if len(rowids) >= chunk:
                write()
    write()
    archive.mark_signature_banding(index.banding())


def _cluster_record(
    archive: Archive, index: NearDuplicateIndex, rowid: int, body: list[str], known: Fingerprint | None = None
) -> int | None:
    """Cluster a stored record; returns the rowid of the earlier record it repeats, if any."""
    found = known if known is not None else fingerprint("\n".join(body))
    match = index.find(found.text_hash, found.signature, found.words, found.facts)
    if match is not None:
        archive.assign_cluster(rowid, match.key, match.similarity)
    index.add(rowid, found.text_hash, found.signature, found.words, match.key if match else None, found.facts)
    archive.save_signature(rowid, found.text_hash, found.signature_bytes() if found.words >= MIN_WORDS else b"")
    if found.words >= MIN_WORDS:
        archive.save_signature_bands(rowid, index.stored_keys(found.signature[None, :])[0].tolist())
    return match.key if match is not None else None


class _StoredPages:
    """The content hash each page id is stored with, read a page at a time as the run meets
    it: a run over a few pages of a large archive holds those pages' hashes, not all of them."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self._hashes: dict[str, str | None] = {}

    def get(self, page_id: str) -> str | None:
        if page_id not in self._hashes:
            self._hashes[page_id] = self.archive.page_hash(page_id)
        return self._hashes[page_id]

    def __setitem__(self, page_id: str, content_hash: str) -> None:
        self._hashes[page_id] = content_hash


class _Ingest:
    """One ingest run's state: what is stored, the lazily built cluster index, the batch in flight."""

    def __init__(
        self,
        archive: Archive,
        extract: Extractor,
        on_error: ErrorHandler,
        options: IngestOptions,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.archive = archive
        self.say = say
        self.extract = extract
        self.on_error = on_error
        self.options = options
        self.stats = IngestStats()
        self.known = _StoredPages(archive)
        # Built on the first page that needs storing: a rerun over unchanged pages never pays for it.
        self.index: NearDuplicateIndex | None = None
        self.events: ArchiveEvents | None = None
        self.today = datetime.datetime.now(datetime.UTC).date()
        self.pending = 0

    def repair(self) -> None:
        """Cluster again every record from the oldest one stored without a fingerprint
        on, as a clean run would have: later records were clustered without it."""
        if not self.options.cluster:
            return
        first, missing = self.archive.unsigned_records()
        if first is None:
            return
        self.archive.forget_clusters_from(first)
        self.index = load_cluster_index(self.archive, self.options.cluster_threshold, before=first, say=self.say)
        for rowid, body in self.archive.iter_bodies(first):
            _cluster_record(self.archive, self.index, rowid, body)
        # One transaction: a crash half way leaves the damage as it was, for the next run.
        self.archive.commit()
        self.stats.repaired = missing

    def fresh(self, page: Page) -> tuple[str, str] | None:
        """(page id, content hash) of a page to store; None, counted, when it is stored unchanged."""
        self.stats.pages += 1
        page_id = page.stable_id()
        content_hash = page.content_hash()
        if self.known.get(page_id) == content_hash:
            self.stats.unchanged += 1
            return None
        return page_id, content_hash

    def add(self, page: Page) -> None:
        key = self.fresh(page)
        if key is None:
            return
        try:
            records = self.extract(page)
        except Exception as error:  # one page the extractor chokes on must not stop the batch
            self.stats.failed += 1
            self.on_error(page_error(page.origin, error))
            return
        self.store(page, *key, records, [])

    def add_window(self, pages: list[Page], extract_window: WindowExtractor) -> None:
        """`add` of each page, the fresh ones extracted together (their sentences tagged at once)."""
        fresh = [(page, key) for page in pages if (key := self.fresh(page)) is not None]
        results = extract_window([page for page, _ in fresh]) if fresh else []
        for (page, key), result in zip(fresh, results, strict=True):
            if isinstance(result, Exception):  # one page the extractor chokes on must not stop the batch
                self.stats.failed += 1
                self.on_error(page_error(page.origin, result))
                continue
            self.store(page, *key, result, [])

    def fail(self, page: Page, why: str, stage: str = "store") -> None:
        self.stats.failed += 1
        self.on_error(InputError(page.origin, why, stage=stage))

    def add_extracted(self, item: ExtractedPage) -> None:
        self.stats.pages += 1
        page = item.page
        page_id = item.records[0].id if item.records else page.stable_id()
        if self.known.get(page_id) == item.content_hash:
            self.stats.unchanged += 1
            return
        stored = _KnownHashPage(
            origin=page.origin,
            url=page.url,
            source=page.source,
            published=page.published,
            title=page.title,
            id=page_id,
            extra=page.extra,
            known_hash=item.content_hash,
        )
        self.store(stored, page_id, item.content_hash, item.records, item.fingerprints)

    def store(
        self,
        page: Page,
        page_id: str,
        content_hash: str,
        records: list[Record],
        fingerprints: Sequence[Fingerprint | None],
    ) -> None:
        previous = self.known.get(page_id)
        try:
            new_rowids, removed = self.archive.replace_page(page, page_id, records)
        except MarsadError as error:
            self.fail(page, f"not stored: {error}")
            return
        except Exception as error:
            # The page's savepoint was rolled back; only a database that stopped working stops the run.
            if _archive_unusable(error):
                raise
            self.fail(page, f"not stored: {type(error).__name__}: {error}")
            return
        repeats: list[int | None] = [None] * len(records)
        if self.options.cluster:
            if self.index is None:
                self.index = load_cluster_index(self.archive, self.options.cluster_threshold, say=self.say)
            for rowid in removed:
                self.index.remove(rowid)
            for position, (rowid, record) in enumerate(zip(new_rowids, records, strict=True)):
                known = fingerprints[position] if position < len(fingerprints) else None
                repeats[position] = _cluster_record(self.archive, self.index, rowid, record.body, known)
                self.stats.duplicates += repeats[position] is not None
        if self.options.events:
            self._assign_events(new_rowids, records, removed, repeats)
        self.known[page_id] = content_hash
        self.stats.stored += 1
        self.stats.replaced += previous is not None
        self.stats.records += len(records)
        self.pending += 1
        if self.pending >= self.options.batch_size:
            self.commit()
            self.pending = 0

    def commit(self) -> None:
        """Commit what is stored, with the event states it changed."""
        if self.events is not None:
            self.events.flush()
        self.archive.commit()

    def _assign_events(
        self, rowids: list[int], records: list[Record], removed: list[int], repeats: list[int | None]
    ) -> None:
        if self.events is None:
            self.events = ArchiveEvents(self.archive, say=self.say)
        for rowid in removed:
            self.events.forget(rowid)
        for rowid, record, near in zip(rowids, records, repeats, strict=True):
            self.stats.events += self.events.add(rowid, record, near=near, stored_on=self.today).founded


def _archive_unusable(error: Exception) -> bool:
    """True for errors of the database itself (disk full, connection lost), which every page
    after this one would meet too; False for what one page's data caused."""
    import sqlite3

    if isinstance(error, sqlite3.OperationalError | sqlite3.InterfaceError | sqlite3.ProgrammingError):
        return True
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and isinstance(error, psycopg.OperationalError | psycopg.InterfaceError)


def ingest_pages(
    archive: Archive,
    pages: Iterable[Page],
    extract: Extractor,
    *,
    on_error: ErrorHandler,
    options: IngestOptions | None = None,
    on_page: Callable[[IngestStats], None] | None = None,
    workers: int = 1,
    on_wait: Callable[[str], None] | None = None,
    extract_window: WindowExtractor | None = None,
) -> IngestStats:
    """Store every page of `pages` not already stored with the same content.

    A page whose extraction or storage fails is reported to `on_error` and the
    rest of the batch is still stored. With `workers` > 1, pages are extracted
    in that many processes (`extract` must then be picklable: a module-level
    function or a `functools.partial` of one) and stored here, in input order.
    Given `extract_window` (`extraction.extract_pages` for `extract`'s options),
    pages are extracted a window at a time, their sentences tagged together.
    While another ingest holds the archive, this one says so to `on_wait`
    (stderr by default) and waits (see `IngestOptions.lock_timeout`); it says there
    too when it first builds what an archive of an older version lacks.
    """
    with _ingest_run(archive, extract, on_error, options or IngestOptions(), on_wait) as run:
        if workers > 1:
            _add_in_parallel(run, pages, workers, on_page, extract_window)
            return run.stats
        with batch_collection() as collection:
            if extract_window is None:
                for page in pages:
                    run.add(page)
                    if on_page is not None:
                        on_page(run.stats)
                return run.stats
            from marsad.extraction import PREFETCH_WINDOW

            source = iter(pages)
            while window := list(itertools.islice(source, PREFETCH_WINDOW)):
                run.add_window(window, extract_window)
                collection.loaded()  # the model and its lexicons stand loaded after the first window
                if on_page is not None:
                    on_page(run.stats)
    return run.stats


@contextmanager
def _ingest_run(
    archive: Archive,
    extract: Extractor,
    on_error: ErrorHandler,
    options: IngestOptions,
    on_wait: Callable[[str], None] | None,
) -> Iterator[_Ingest]:
    with holding_ingest_lock(archive, timeout=options.lock_timeout, on_wait=on_wait):
        # What is stored is read under the lock: an ingest that finished meanwhile counts.
        run = _Ingest(archive, extract, on_error, options, say=on_wait or say_on_stderr)
        try:
            run.repair()
            yield run
        except BaseException:
            # Interrupted (Ctrl-C, a failing reader): the batch in flight goes, as it would in a crash.
            archive.rollback()
            raise
        run.commit()
        if run.stats.stored:
            # A new full name can gather names stored before it: identities are of the whole archive.
            archive.rebuild_entity_identities()


def _add_in_parallel(
    run: _Ingest,
    pages: Iterable[Page],
    workers: int,
    on_page: Callable[[IngestStats], None] | None,
    extract_window: WindowExtractor | None,
) -> None:
    from marsad.pipeline.extract_pool import ExtractPool

    fresh = ((page, key) for page in pages if (key := run.fresh(page)) is not None)
    pool_of = ExtractPool[tuple[str, str]]
    with pool_of(run.extract, workers, fingerprints=run.options.cluster, extract_window=extract_window) as pool:
        for page, (page_id, content_hash), result in pool.map(fresh):
            if result.error is not None:
                run.fail(page, result.error, result.stage)
            else:
                run.store(page, page_id, content_hash, result.records, result.fingerprints)
            if on_page is not None:
                on_page(run.stats)


def ingest_extracted(
    archive: Archive,
    pages: Iterable[ExtractedPage],
    *,
    on_error: ErrorHandler,
    options: IngestOptions | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> IngestStats:
    """Store pages whose records were extracted earlier (the Parquet output of `marsad run`).

    Nothing is extracted again. Records are clustered against the archive with
    its own index, reusing their fingerprints, so their cluster ids are the
    archive's, whatever `cluster` they arrived with.
    """
    with _ingest_run(archive, _no_extractor, on_error, options or IngestOptions(), on_wait) as run:
        for item in pages:
            run.add_extracted(item)
    return run.stats


def _no_extractor(page: Page) -> list[Record]:
    raise MarsadError(f"{page.origin}: an extracted page is not extracted again")
