"""What each page and API route reads from the archive, shared by both so the
HTML and the JSON can never disagree. A missing thing is a 404 `WebError`."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.store.browse import ArchiveBrowser, ArticleView, ClusterSummary, EntityView, QuoteHit, SearchPage
from marsad.store.browse_entities import EntityCount
from marsad.web.params import EntityIndexParams, QuoteParams, SearchParams, StoryParams, WebError

__all__ = [
    "EntityIndexPage",
    "QuotesPage",
    "StoriesPage",
    "article",
    "entity",
    "entity_index",
    "named_entity",
    "quotes",
    "search",
    "stories",
    "story",
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
        raise WebError(404, f"no record with id {record_id!r}")
    return found


def entity(browser: ArchiveBrowser, name: str) -> EntityView:
    found = browser.entity(name) if name.strip() else None
    if found is None:
        raise WebError(404, f"no entity named {name!r} in the archive")
    return found


@dataclass(slots=True)
class QuotesPage:
    quotes: list[QuoteHit]
    page: int
    has_next: bool


def quotes(browser: ArchiveBrowser, params: QuoteParams) -> QuotesPage:
    found = browser.quotes(speaker=params.speaker, query=params.query, page=params.page, page_size=params.size)
    return QuotesPage(quotes=found[: params.size], page=params.page, has_next=len(found) > params.size)


@dataclass(slots=True)
class _Paged:
    total: int
    page: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    def paging(self) -> dict[str, int]:
        """The paging fields of the page's JSON twin."""
        return {"total": self.total, "page": self.page, "page_size": self.size, "pages": self.pages}


@dataclass(slots=True)
class StoriesPage(_Paged):
    stories: list[ClusterSummary]


def stories(browser: ArchiveBrowser, params: StoryParams) -> StoriesPage:
    found, total = browser.clusters(sort=params.sort, page=params.page, page_size=params.size)
    return StoriesPage(stories=found, total=total, page=params.page, size=params.size)


def story(browser: ArchiveBrowser, cluster_id: str) -> ClusterSummary:
    found = browser.cluster(cluster_id)
    if found is None:
        raise WebError(404, f"no story cluster with id {cluster_id!r}")
    return found


@dataclass(slots=True)
class EntityIndexPage(_Paged):
    entities: list[EntityCount]


def entity_index(browser: ArchiveBrowser, params: EntityIndexParams) -> EntityIndexPage:
    found, total = browser.entity_index(kind=params.kind, name=params.name, page=params.page, page_size=params.size)
    return EntityIndexPage(entities=found, total=total, page=params.page, size=params.size)
