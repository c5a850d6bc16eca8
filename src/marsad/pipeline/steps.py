"""The step protocol, and the steps that turn inputs into records.

A step takes an iterator of items and yields items; it knows nothing about
where it runs. An executor chains steps and never looks inside an item. Each
step keeps counters (items in and out, errors, seconds) that become the run's
statistics.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from marsad.errors import ErrorHandler, page_error
from marsad.extraction import (
    PREFETCH_WINDOW,
    ExtractOptions,
    PreparedPage,
    extract_window,
    learned_options,
    prepare_page,
)
from marsad.pipeline.collector import batch_collection
from marsad.progress import progress
from marsad.readers.options import ReadStats
from marsad.records import Page, Record
from marsad.segment.templates import TemplateLearner

if TYPE_CHECKING:
    from marsad.pipeline.parquet import ShardRow

T = TypeVar("T")


class Step(Protocol):
    """One stage of a pipeline: a generator over items."""

    name: str
    stats: Counter[str]

    def run(self, data: Iterable[Any], rank: int = 0, world_size: int = 1) -> Iterator[Any]: ...


@dataclass
class ReadPages:
    """Source step: the pages of the inputs (files, directories, `-`), bad ones reported."""

    inputs: tuple[str, ...]
    on_error: ErrorHandler
    name: str = "read"
    stats: Counter[str] = field(default_factory=Counter)
    # A dump's own names for our fields (`--field published=date_extracted`).
    fields: tuple[tuple[str, str], ...] = ()
    read: ReadStats = field(default_factory=ReadStats)
    """What the readers saw so far; `read.consumed` is where a progress bar stands."""

    def run(self, data: Iterable[Any] = (), rank: int = 0, world_size: int = 1) -> Iterator[Page]:
        from marsad.readers import iter_pages
        from marsad.readers.options import ReadLimits

        read = self.read
        limits = ReadLimits(fields=self.fields)
        for number, page in enumerate(iter_pages(self.inputs, on_error=self.on_error, stats=read, limits=limits)):
            if number % world_size == rank:
                self.stats["pages"] += 1
                yield page
        for key in ("repaired", "removed_controls", "replaced_surrogates", "warnings"):
            if getattr(read, key):
                self.stats[key] = getattr(read, key)


@dataclass
class ShowProgress:
    """Passes items through, with a progress bar (items, rate, ETA) when stderr is a terminal."""

    desc: str
    total: int | None = None
    unit: str = "page"
    name: str = "progress"
    stats: Counter[str] = field(default_factory=Counter)
    position: Callable[[], int] | None = None
    """How much of `total` is done, when items are not the unit of `total` (lines read)."""

    def run(self, data: Iterable[Any], rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        yield from progress(data, desc=self.desc, unit=self.unit, total=self.total, position=self.position)


@dataclass
class PreparePages:
    """Main-content extraction for HTML, metadata defaults; a page that fails is reported."""

    on_error: ErrorHandler
    published: str | None = None
    page_timeout: float | None = None
    name: str = "prepare"
    stats: Counter[str] = field(default_factory=Counter)

    def run(self, data: Iterable[Page], rank: int = 0, world_size: int = 1) -> Iterator[PreparedPage]:
        for page in data:
            if self.published and not page.published:
                page.published = self.published
            try:
                prepared = prepare_page(page, self.page_timeout)
            except Exception as exc:  # one broken page must not stop the batch
                self.stats["errors"] += 1
                self.on_error(page_error(page.origin, exc, "prepare"))
                continue
            self.stats["pages"] += 1
            yield prepared


@dataclass
class LearnTemplates:
    """Learns per-source chrome from the first `window` pages, then lets every page through.

    It holds at most `window` pages in memory; pages after them stream through
    with what was learned.
    """

    options: ExtractOptions
    window: int = 20_000
    learner: TemplateLearner = field(default_factory=TemplateLearner)
    name: str = "templates"
    stats: Counter[str] = field(default_factory=Counter)

    def run(self, data: Iterable[PreparedPage], rank: int = 0, world_size: int = 1) -> Iterator[PreparedPage]:
        def learn(held: list[PreparedPage]) -> None:
            for item in held:
                observe(self.learner, item)
            learned = learned_options(self.learner, self.options)
            self.stats["sources"] = len(learned)
            self.stats["lines"] = sum(len(keys) for keys in learned.values())

        return _after_learning(data, self.window, learn)


def learn_templates_from_pages(pages: Iterable[Page], options: ExtractOptions, window: int) -> Iterator[Page]:
    """The pages, unchanged, after per-source chrome was learned from the first `window`
    of them into `options.templates` (for `marsad ingest`, which extracts whole pages).

    The window holds raw pages, HTML included, so it is smaller than `LearnTemplates`'s;
    a page that cannot be prepared is left to the extraction that follows to report."""

    def learn(held: list[Page]) -> None:
        learner = TemplateLearner()
        for page in held:
            try:
                prepared = prepare_page(page, options.page_timeout)
            except Exception:  # reported, with its origin, when the page is extracted
                continue
            observe(learner, prepared)
            page.prepared = prepared
        learned_options(learner, options)

    return _after_learning(pages, window, learn)


def observe(learner: TemplateLearner, item: PreparedPage) -> None:
    """Lets `learner` see one page; a page it chokes on is left out of learning only (its
    extraction, which comes next, reports whatever is wrong with it)."""
    try:
        learner.observe(item.template_group, item.text)
    except Exception:  # learning is a statistic over many pages: one fewer changes nothing
        return


def _after_learning(items: Iterable[T], window: int, learn: Callable[[list[T]], None]) -> Iterator[T]:
    """Every item, in order, once `learn` has seen the first `window` of them (held meanwhile)."""
    rest = iter(items)
    held = list(itertools.islice(rest, window))
    learn(held)
    yield from held
    yield from rest


@dataclass(slots=True)
class PageRecords:
    """The records of one page, with the content hash of the page they came from."""

    page_hash: str
    records: list[Record]


# Pages whose sentences the tagger reads together.
ENRICH_WINDOW = PREFETCH_WINDOW


@dataclass
class ExtractPageRecords:
    """Segmentation and enrichment: each prepared page becomes its records, kept together."""

    options: ExtractOptions
    on_error: ErrorHandler
    name: str = "extract"
    stats: Counter[str] = field(default_factory=Counter)

    def run(self, data: Iterable[PreparedPage], rank: int = 0, world_size: int = 1) -> Iterator[PageRecords]:
        # Pages go through in windows: segmented one by one, their sentences tagged together
        # (`ner.prefetch_tags`, a third of the tagger's time), then enriched one by one, each
        # within its own budget, a failing page reported and skipped as before.
        items = iter(data)
        with batch_collection() as collection:
            while window := list(itertools.islice(items, ENRICH_WINDOW if self.options.enrich else 1)):
                yield from self._window(window)
                collection.loaded()  # the model and its lexicons stand loaded after the first window

    def _window(self, window: list[PreparedPage]) -> Iterator[PageRecords]:
        for item, records in zip(window, extract_window(window, self.options), strict=True):
            if isinstance(records, Exception):
                self._failed(item, records)
                continue
            self.stats["pages"] += 1
            self.stats["records"] += len(records)
            yield PageRecords(item.page.content_hash(), records)

    def _failed(self, item: PreparedPage, exc: Exception) -> None:
        self.stats["errors"] += 1
        self.on_error(page_error(item.page.origin, exc))


@dataclass
class ExtractRecords:
    """Segmentation and enrichment: each prepared page becomes its records."""

    options: ExtractOptions
    on_error: ErrorHandler
    name: str = "extract"
    stats: Counter[str] = field(default_factory=Counter)

    def run(self, data: Iterable[PreparedPage], rank: int = 0, world_size: int = 1) -> Iterator[Record]:
        pages = ExtractPageRecords(self.options, self.on_error, self.name, self.stats)
        for found in pages.run(data, rank, world_size):
            yield from found.records


@dataclass
class FingerprintRecords:
    """The near-duplicate fingerprint of each record's body (stage one of clustering: per shard,
    in parallel); records come out as shard rows, in order."""

    name: str = "fingerprint"
    stats: Counter[str] = field(default_factory=Counter)

    def run(self, data: Iterable[PageRecords], rank: int = 0, world_size: int = 1) -> Iterator[ShardRow]:
        # Here, not at the top: extraction alone needs neither NumPy nor the shard format.
        from marsad.cluster.minhash import fingerprint
        from marsad.pipeline.parquet import ShardRow

        for found in data:
            for record in found.records:
                self.stats["records"] += 1
                yield ShardRow(record, found.page_hash, fingerprint("\n".join(record.body)))
