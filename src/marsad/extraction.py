"""Pages in, records out: reading HTML, segmenting, building and enriching records."""

from __future__ import annotations

import os
import time
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import regex

from marsad.budget import time_budget
from marsad.enrich import enrich_record
from marsad.errors import OverBudget, StageFailed
from marsad.published import iso_published
from marsad.records import Article, Page, Record, Removed
from marsad.segment.labels import says_something
from marsad.segment.page import PageHints, segment
from marsad.segment.templates import TemplateLearner
from marsad.startup_cache import compile_regex
from marsad.urls import host_of
from marsad.valid_text import clean_page

_LOOKS_LIKE_FEED = compile_regex(r"<(?:rss|feed|channel)[\s>]")
_LOOKS_LIKE_HTML = compile_regex(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>]|<article)", regex.I)


@dataclass(slots=True)
class ExtractOptions:
    """How extraction treats a page; the same object serves the API, the CLI and executors."""

    enrich: bool = True
    templates: dict[str, Collection[str]] = field(default_factory=dict)
    site_affixes: dict[str, Collection[str]] = field(default_factory=dict)
    """Per template group, the site names its headlines carry (learned with the templates)."""
    recurring: dict[str, Collection[str]] = field(default_factory=dict)
    """Per template group, the lines two of its pages or more carry (`TemplateLearner.recurring`)."""
    page_timeout: float | None = None
    """Seconds one page may take, preparing, extracting and enriching together (None: no limit);
    a page over it raises `OverBudget`. The CLI's engines set `budget.DEFAULT_PAGE_TIMEOUT`."""


def learned_options(learner: TemplateLearner, options: ExtractOptions) -> dict[str, frozenset[str]]:
    """Puts what `learner` learned of each source's chrome into `options`; the templates."""
    templates = learner.templates()
    options.templates = dict(templates)
    options.site_affixes = dict(learner.site_affixes())
    options.recurring = dict(learner.recurring())
    return templates


def looks_like_html(text: str) -> bool:
    head = text[:2048]
    if _LOOKS_LIKE_FEED.search(head) and not _LOOKS_LIKE_HTML.search(head):
        return False  # a feed's markup: its items are read as text (`segment.feed_markup`)
    return bool(_LOOKS_LIKE_HTML.search(head)) or ("</" in head and "<" in head[:200])


def source_of(page: Page) -> str | None:
    return page.source or host_of(page.url)


@dataclass(slots=True)
class PreparedPage:
    """A page turned into lines of text, with what its metadata says; ready to segment."""

    page: Page
    text: str
    hints: PageHints
    seconds: float = 0.0
    """Time spent on the page so far (preparing, then segmenting), counted against its budget."""

    @property
    def source(self) -> str | None:
        return source_of(self.page)

    @property
    def template_group(self) -> str:
        """Pages that share chrome: one source, else one folder (or archive) of pages."""
        source = self.source
        if source:
            return source
        origin = self.page.origin.split("#", 1)[0]
        origin = origin.rsplit(":", 1)[0] if origin.rsplit(":", 1)[-1].isdigit() else origin
        return "folder:" + os.path.dirname(origin)


def prepare_page(page: Page, budget: float | None = None) -> PreparedPage:
    """Plain text for `page` (HTML goes through main-content extraction first), within
    `budget` seconds. Raises `OverBudget`, or `StageFailed` naming the stage."""
    started = time.perf_counter()
    clean_page(page)
    if budget is not None and page.html is not None:
        import marsad.readers.html  # noqa: F401  (imported outside the page's budget)
    try:
        with time_budget(budget):
            text, hints, page = _page_text(page)
    except OverBudget as error:
        error.stage = error.stage or "prepare"
        raise
    except Exception as error:
        raise StageFailed("prepare", error) from error
    return PreparedPage(page, text, hints, time.perf_counter() - started)


def _page_text(page: Page) -> tuple[str, PageHints, Page]:
    if page.html is None:
        return page.text or "", PageHints(title=_label(page.title), category=page.category), page
    from marsad.readers.html import html_to_text

    found = html_to_text(page.html, url=page.url)
    enriched = Page(
        origin=page.origin,
        text=found.text,
        html=page.html,
        url=page.url or found.url,
        source=page.source or found.source,
        published=page.published or found.published,
        title=page.title or found.title,
        id=page.id,
        category=page.category,
        extra=page.extra,
    )
    hints = PageHints(
        title=_label(enriched.title),
        category=page.category or found.category,
        outside=found.dropped,
        site_names=frozenset(name for name in (found.site_name,) if name),
    )
    return found.text, hints, enriched


def _label(text: str | None) -> str | None:
    """A title that is only digits, punctuation, a date or a time is none: the UI shows the lead instead."""
    return text if says_something(text) else None


def _record(article: Article, page: Page, record_id: str, parent: str | None) -> Record:
    return Record(
        id=record_id,
        parent=parent,
        source=source_of(page),
        url=page.url,
        published=iso_published(page.published),
        category=article.category,
        title=_label(article.title),
        body=article.body,
        boilerplate=article.boilerplate,
        origin=page.origin,
    )


def extract_page(page: Page, options: ExtractOptions | None = None) -> list[Record]:
    """All records of one page: the host article first, then its embedded stories.

    Raises `OverBudget` when the page takes longer than `options.page_timeout`, and
    `StageFailed` (naming prepare, extract or enrich) for anything else that goes wrong."""
    budget = options.page_timeout if options is not None else None
    prepared, page.prepared = page.prepared, None
    if not isinstance(prepared, PreparedPage):
        prepared = prepare_page(page, budget)
    return extract_prepared(prepared, options)


# Pages whose sentences the tagger reads together.
PREFETCH_WINDOW = 16
# A page larger than this is tagged on its own, inside its own time budget.
_PREFETCH_MAX_CHARS = 50_000


def prefetch_entities(pages: Sequence[Sequence[Record]]) -> None:
    """Tag the sentences of a window's ordinary-sized records together (`ner.prefetch_tags`: the
    network reads a batch of sentences a step, a third of tagging them page by page); best effort:
    a page whose tags are not ready is tagged when it is enriched, within its budget."""
    from marsad.enrich.ner import prefetch_tags

    bodies = [
        record.body for records in pages for record in records if sum(map(len, record.body)) <= _PREFETCH_MAX_CHARS
    ]
    try:
        prefetch_tags(bodies)
    except Exception:  # the page-by-page path reports what is wrong with a page
        return


def extract_pages(pages: Sequence[Page], options: ExtractOptions | None = None) -> list[list[Record] | Exception]:
    """`extract_page` of each page of a window, or the exception it raised (`extract_window`)."""
    options = options or ExtractOptions()
    prepared: list[PreparedPage | Exception] = []
    for page in pages:
        item, page.prepared = page.prepared, None
        try:
            prepared.append(item if isinstance(item, PreparedPage) else prepare_page(page, options.page_timeout))
        except Exception as error:  # reported by the caller against the page's origin
            prepared.append(error)
    ready = iter(extract_window([item for item in prepared if isinstance(item, PreparedPage)], options))
    return [item if isinstance(item, Exception) else next(ready) for item in prepared]


def extract_window(items: Sequence[PreparedPage], options: ExtractOptions) -> list[list[Record] | Exception]:
    """The records of each prepared page of a window, or the exception it raised: the pages are
    segmented one by one, their sentences tagged together, then each is enriched alone, within
    its own budget. The records are those `extract_prepared` gives."""
    results: list[list[Record] | Exception] = []
    segmented: list[tuple[int, PreparedPage, list[Record]]] = []
    for item in items:
        try:
            records = segment_prepared(item, options)
        except Exception as error:
            results.append(error)
            continue
        segmented.append((len(results), item, records))
        results.append(records)
    if options.enrich:
        if len(segmented) > 1:
            prefetch_entities([records for _, _, records in segmented])
        for index, item, records in segmented:
            try:
                enrich_prepared(item, records, options)
            except Exception as error:
                results[index] = error
    return results


def extract_prepared(prepared: PreparedPage, options: ExtractOptions | None = None) -> list[Record]:
    options = options or ExtractOptions()
    records = segment_prepared(prepared, options)
    if options.enrich:
        enrich_prepared(prepared, records, options)
    return records


def segment_prepared(prepared: PreparedPage, options: ExtractOptions) -> list[Record]:
    """The page's records before enrichment (stage ``extract``), within the page's budget."""
    budget = None if options.page_timeout is None else options.page_timeout - prepared.seconds
    if budget is not None:
        _warm_up(options.enrich)
    started = time.perf_counter()
    with _stage("extract"), time_budget(budget):
        records = _segment_records(prepared, options)
    prepared.seconds += time.perf_counter() - started
    return records


def enrich_prepared(prepared: PreparedPage, records: list[Record], options: ExtractOptions) -> None:
    """Enrich the records of one page (stage ``enrich``) within what is left of its budget."""
    budget = None if options.page_timeout is None else options.page_timeout - prepared.seconds
    with _stage("enrich"), time_budget(budget):
        for record in records:
            enrich_record(record)


@contextmanager
def _stage(stage: str) -> Iterator[None]:
    try:
        yield
    except OverBudget as error:
        error.stage = error.stage or stage
        raise
    except Exception as error:
        raise StageFailed(stage, error) from error


# Our own sentence, with a person, a place, a date, a quantity and a quote cue: extracting it
# imports every module and loads every model and table that records need.
_WARM_UP_TEXT = (
    "الاقتصاد\n\nارتفاع صادرات القمح خلال الربع الأول\n\n"
    "وقال محمد العلي في الرياض يوم 3 مارس 2021 إن الشركة باعت 5 آلاف طن من القمح."
)
_warmed: set[bool] = set()


def _warm_up(enrich: bool) -> None:
    """Loads what extraction needs before the first page's budget starts: loading models is
    the process's cost, not the page's, and an import cut short by a timer is best avoided."""
    if enrich in _warmed:
        return
    _warmed.add(enrich)
    page = Page(origin="<warm-up>", text=_WARM_UP_TEXT)
    extract_prepared(prepare_page(page), ExtractOptions(enrich=enrich))


def _segment_records(prepared: PreparedPage, options: ExtractOptions) -> list[Record]:
    page, hints = prepared.page, prepared.hints
    group = prepared.template_group
    if group in options.templates:
        hints.templates = options.templates[group]
    if group in options.site_affixes:
        hints.site_names = frozenset(hints.site_names) | frozenset(options.site_affixes[group])
    if group in options.recurring:
        hints.recurring = options.recurring[group]
    articles = segment(prepared.text, hints)
    if not articles:
        return []
    host_id = page.stable_id()
    records = [_record(articles[0], page, host_id, None)]
    for number, story in enumerate(articles[1:], 1):
        records.append(_record(story, page, f"{host_id}/{number}", host_id))
    if records[0].published is None:
        published = dateline_date(articles[0].boilerplate)
        for record in records:
            record.published = published
    return records


_DATELINE_REASONS = frozenset({"date_line", "byline"})


def dateline_date(removed: Sequence[Removed]) -> str | None:
    """The full date of the page's dateline or date line (`تبوك 21 شوال 1436 هـ الموافق 06 اغسطس
    2015 م واس`), for a page whose metadata gives none; None when no such line names a day."""
    lines = [line.text for line in removed if line.reason in _DATELINE_REASONS and any(c.isdigit() for c in line.text)]
    if not lines:
        return None
    from marsad.enrich.dates import find_dates

    for line in lines:
        for found in find_dates([line], None):
            value = found["value"]
            if isinstance(value, str) and len(value) == 10:
                return value
    return None


def extract(text_or_html: str, **metadata: Any) -> list[Record]:
    """Records of one page given as text or HTML; metadata: url, published, source, title, id,
    enrich (default True) and page_timeout (seconds; default none)."""
    known = {key: metadata.pop(key) for key in ("url", "published", "source", "title", "id") if key in metadata}
    enrich = bool(metadata.pop("enrich", True))
    page_timeout = metadata.pop("page_timeout", None)
    origin = str(metadata.pop("origin", "<string>"))
    is_html = looks_like_html(text_or_html)
    page = Page(
        origin=origin,
        text=None if is_html else text_or_html,
        html=text_or_html if is_html else None,
        extra=metadata,
        **known,
    )
    return extract_page(page, ExtractOptions(enrich=enrich, page_timeout=page_timeout))
