"""What each page and API route reads from the archive, shared by both so the
HTML and the JSON can never disagree. A missing thing is a 404 `WebError`."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.store.base import SearchFilters
from marsad.store.browse import ArchiveBrowser, ArticleView, ClusterSummary, EntityView, QuoteHit, SearchPage
from marsad.store.browse_entities import EntityCount
from marsad.store.browse_events import EVENTS_SCHEMA, EventSummary, EventView, count_events, event_view, list_events
from marsad.store.browse_results import MAX_PAGE, last_page
from marsad.store.search import Query
from marsad.store.timeline import Timeline
from marsad.store.timeline import timeline as build_timeline
from marsad.store.trends import TRENDS_SCHEMA, Trends
from marsad.web.downloads import FEED_ENTRIES, matching_rowids
from marsad.web.params import (
    EntityIndexParams,
    EventParams,
    QuoteParams,
    SearchParams,
    StoryParams,
    TimelineParams,
    TrendParams,
    WebError,
)

__all__ = [
    "EntityIndexPage",
    "EventsPage",
    "QuotesPage",
    "StoriesPage",
    "article",
    "entity",
    "entity_index",
    "event",
    "events",
    "export_rowids",
    "feed_rowids",
    "named_entity",
    "quotes",
    "search",
    "stories",
    "story",
    "timeline",
    "trends",
]


def named_entity(browser: ArchiveBrowser, params: SearchParams) -> EntityCount | None:
    """The entity a plain-word query names, for a link to its page beside the results."""
    text = params.text
    if not text or len(text) > 80 or any(mark in text for mark in '"«»-') or " OR " in text:
        return None
    return browser.entity_named(text)


def search(browser: ArchiveBrowser, params: SearchParams) -> SearchPage:
    return browser.search(
        params.query,
        params.filters,
        sort=params.sort,
        page=params.page,
        page_size=params.size,
        collapse=params.duplicates == "collapse",
    )


def article(browser: ArchiveBrowser, record_id: str) -> ArticleView:
    found = browser.article(record_id)
    if found is None:
        raise WebError(404, f"no record with id {record_id!r}", "لا خبر بهذا المعرّف في الأرشيف.")
    return found


def entity(browser: ArchiveBrowser, name: str) -> EntityView:
    found = browser.entity(name) if name.strip() else None
    if found is None:
        raise WebError(
            404,
            f"no entity named {name!r} in the archive",
            "لا كيان بهذا الاسم في الأرشيف (والعملات والوحدات ليست كيانات).",
        )
    return found


@dataclass(slots=True)
class QuotesPage:
    quotes: list[QuoteHit]
    page: int
    has_next: bool


def quotes(browser: ArchiveBrowser, params: QuoteParams) -> QuotesPage:
    page = min(params.page, MAX_PAGE)
    found = browser.quotes(speaker=params.speaker, query=params.query, page=page, page_size=params.size)
    shown = browser.name_speakers(found[: params.size])
    return QuotesPage(quotes=shown, page=page, has_next=len(found) > params.size and page < MAX_PAGE)


@dataclass(slots=True)
class _Paged:
    total: int
    page: int
    size: int

    @property
    def pages(self) -> int:
        return last_page(self.total, self.size)

    def paging(self) -> dict[str, int]:
        """The paging fields of the page's JSON twin."""
        return {"total": self.total, "page": self.page, "page_size": self.size, "pages": self.pages}


@dataclass(slots=True)
class StoriesPage(_Paged):
    stories: list[ClusterSummary]


def _clamped(page: int, total: int, size: int) -> int:
    """A page past the last one is the last one: every page number the user can reach answers."""
    return min(page, last_page(total, size))


def stories(browser: ArchiveBrowser, params: StoryParams) -> StoriesPage:
    found, total = browser.clusters(sort=params.sort, page=params.page, page_size=params.size)
    page = _clamped(params.page, total, params.size)
    if page != params.page:
        found, total = browser.clusters(sort=params.sort, page=page, page_size=params.size)
    return StoriesPage(stories=found, total=total, page=page, size=params.size)


def story(browser: ArchiveBrowser, cluster_id: str) -> ClusterSummary:
    found = browser.cluster(cluster_id)
    if found is None:
        raise WebError(404, f"no story cluster with id {cluster_id!r}", "لا قصة بهذا المعرّف في الأرشيف.")
    return found


@dataclass(slots=True)
class EventsPage(_Paged):
    events: list[EventSummary]


def _require_events(browser: ArchiveBrowser) -> None:
    if browser.schema_version < EVENTS_SCHEMA:
        raise WebError(
            404,
            f"this archive is at schema version {browser.schema_version}, before events (version {EVENTS_SCHEMA}); "
            "open it read-write once and run `marsad events --rebuild`",
            "هذا الأرشيف أقدم من تجميع الأحداث؛ افتحه مرة للكتابة ثم شغّل marsad events --rebuild.",
        )


def export_rowids(browser: ArchiveBrowser, params: SearchParams, limit: int) -> list[int]:
    """The records a download holds: the search's matches in the page's order, at most `limit`."""
    filters = browser.resolve(params.filters)
    return matching_rowids(browser.archive(), params.query, filters, by_date=params.sort == "date", limit=limit)


def feed_rowids(browser: ArchiveBrowser, query: Query | None, filters: SearchFilters) -> list[int]:
    """The newest matches, for a feed."""
    return browser.archive().ranked_rowids(query, browser.resolve(filters), by_date=True, limit=FEED_ENTRIES)


def timeline(browser: ArchiveBrowser, params: TimelineParams) -> Timeline:
    """Matches per period of the search (all records when there is none), and of the one to
    compare with, within the filters."""
    searches: list[tuple[str, Query | None]] = [(params.text or params.filters.entity or "كل السجلات", params.query)]
    if params.compare is not None:
        searches.append((params.compare_text or "", params.compare))
    return build_timeline(browser.archive(), searches, browser.resolve(params.filters), interval=params.interval)


def trends(browser: ArchiveBrowser, params: TrendParams) -> Trends:
    if browser.schema_version < TRENDS_SCHEMA:
        raise WebError(
            404,
            f"this archive is at schema version {browser.schema_version}, before the per-day counts trends read "
            f"(version {TRENDS_SCHEMA}); open it read-write once to build them",
            "هذا الأرشيف أقدم من عدّ الكلمات اليومي؛ افتحه مرة للكتابة ليُبنى.",
        )
    found = browser.trends(params.day, params.baseline)
    if found is None:
        raise WebError(404, "the archive holds no dated records", "لا سجلات مؤرخة في الأرشيف.")
    return found


def events(browser: ArchiveBrowser, params: EventParams) -> EventsPage:
    _require_events(browser)
    archive = browser.archive()
    total = count_events(archive, since=params.since, until=params.until, min_outlets=params.outlets)
    page = _clamped(params.page, total, params.size)
    found = list_events(
        archive,
        since=params.since,
        until=params.until,
        min_outlets=params.outlets,
        limit=params.size,
        offset=(page - 1) * params.size,
    )
    return EventsPage(events=found, total=total, page=page, size=params.size)


def event(browser: ArchiveBrowser, event_id: str) -> EventView:
    _require_events(browser)
    found = event_view(browser.archive(), event_id)
    if found is None:
        raise WebError(404, f"no event with id {event_id!r}", "لا حدث بهذا المعرّف في الأرشيف.")
    return found


@dataclass(slots=True)
class EntityIndexPage(_Paged):
    entities: list[EntityCount]


def entity_index(browser: ArchiveBrowser, params: EntityIndexParams) -> EntityIndexPage:
    found, total = browser.entity_index(kind=params.kind, name=params.name, page=params.page, page_size=params.size)
    page = _clamped(params.page, total, params.size)
    if page != params.page:
        found, total = browser.entity_index(kind=params.kind, name=params.name, page=page, page_size=params.size)
    return EntityIndexPage(entities=found, total=total, page=page, size=params.size)
