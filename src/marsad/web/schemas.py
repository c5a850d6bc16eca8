"""The JSON API's response shapes, so that /openapi.json describes every field."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ArticleResponse",
    "EntityResponse",
    "ErrorResponse",
    "QuotesResponse",
    "SearchResponse",
    "StoriesResponse",
    "StoryResponse",
]


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status, repeated.")
    message: str = Field(description="What was wrong, for a person to read.")


class ErrorResponse(BaseModel):
    error: ErrorBody


class RecordLink(BaseModel):
    id: str
    title: str | None
    published: str | None = None
    source: str | None = None


class SearchResult(BaseModel):
    id: str
    title: str | None
    url: str | None
    published: str | None
    source: str | None
    category: str | None
    cluster: str | None = Field(description="The near-duplicate story the record belongs to.")
    snippet: str = Field(description="HTML-escaped text around the matches, which are wrapped in <mark>.")
    copies: int = Field(
        description="Other matching records of the same near-duplicate story, not listed (duplicates=collapse)."
    )


class FacetValue(BaseModel):
    value: str = Field(description="What to pass back as the filter parameter.")
    label: str
    count: int = Field(
        description="Matching records with this value (among the first `estimated_facets[name]` matches "
        "where that is given)."
    )


class DateRange(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    date_from: str | None = Field(alias="from")
    date_to: str | None = Field(alias="to")


class EntityCountItem(BaseModel):
    name: str = Field(description="The canonical name; its page is /api/entities/{name}.")
    type: str = Field(description="PER, LOC, ORG or MISC.")
    records: int = Field(description="Records that mention it.")


class SearchResponse(BaseModel):
    query: str | None
    sort: str
    total: int = Field(description="All matching records.")
    page: int
    page_size: int
    pages: int
    results: list[SearchResult]
    facets: dict[str, list[FacetValue]] = Field(description="source, category, entity and month.")
    facets_over: int = Field(description="How many matches the facets count: all of them.")
    estimated_facets: dict[str, int] = Field(
        description="Facets counted over only the first N matches (the entities of a very broad search), by name."
    )
    date_range: DateRange
    duplicates_hidden: int = Field(
        description="Matching records not listed because their near-duplicate story is listed once; "
        "only the first `facets_over` matches are collapsed."
    )
    entity: EntityCountItem | None = Field(
        description="The entity the query names (a surname finds the full name), with its records."
    )


class ArticleResponse(BaseModel):
    """A whole record as `marsad extract` writes it, with its links in the archive."""

    model_config = ConfigDict(extra="allow")

    id: str
    parent: str | None
    source: str | None
    url: str | None
    published: str | None
    category: str | None
    title: str | None
    body: list[str]
    boilerplate: list[dict[str, str]]
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    quantities: list[dict[str, Any]]
    cluster: str | None
    host: RecordLink | None = Field(description="For an embedded story: the page's host record.")
    embedded: list[RecordLink] = Field(description="For a host record: the stories embedded in its page.")
    cluster_members: list[RecordLink] = Field(description="The other records of its near-duplicate story.")


class Variant(BaseModel):
    text: str
    count: int


class MonthCount(BaseModel):
    month: str
    records: int


class Cooccurring(BaseModel):
    name: str
    type: str | None
    records: int


class Quote(BaseModel):
    speaker: str | None
    text: str
    cue: str | None
    direct: bool | None
    record: RecordLink


class EntityResponse(BaseModel):
    name: str
    type: str | None
    mentions: int
    records: int
    variants: list[Variant]
    months: list[MonthCount]
    cooccurring: list[Cooccurring]
    quotes: list[Quote]
    latest: list[RecordLink]


class QuotesResponse(BaseModel):
    speaker: str | None
    query: str | None
    page: int
    has_next: bool
    quotes: list[Quote]


class Member(RecordLink):
    similarity: float


class StoryResponse(BaseModel):
    id: str
    size: int
    representative: RecordLink
    newest: str | None
    members: list[Member]


class StoriesResponse(BaseModel):
    sort: str
    total: int
    page: int
    pages: int
    stories: list[StoryResponse]


class EventSummaryResponse(BaseModel):
    id: str
    title: str | None
    first_seen: str = Field(description="The first day (YYYY-MM-DD) an article of the event appeared.")
    last_seen: str
    records: int = Field(description="Articles in the event (within the period asked for, on a listing).")
    outlets: int = Field(description="Distinct outlets among them.")
    sources: list[str]


class EventsResponse(BaseModel):
    since: str | None
    until: str | None
    outlets: int
    total: int
    page: int
    page_size: int
    pages: int
    events: list[EventSummaryResponse]


class EventArticle(BaseModel):
    id: str
    title: str | None
    source: str | None
    published: str | None
    day: str
    score: float = Field(description="Similarity to the event when the article joined it (1 for its first).")


class EventEntity(BaseModel):
    name: str
    type: str
    articles: int = Field(description="How many of the event's articles mention it.")


class EventQuote(BaseModel):
    speaker: str | None
    text: str
    record: str


class EventResponse(EventSummaryResponse):
    articles: list[EventArticle]
    entities: list[EventEntity]
    quotes: list[EventQuote]


class TimelineSeries(BaseModel):
    label: str
    total: int
    counts: list[int] = Field(description="Matches per period, in the order of `periods`.")
    by_source: dict[str, list[int]] = Field(
        description='The first search\'s counts by source (its top five; "" sums the others); empty for the second.'
    )


class TimelineResponse(BaseModel):
    interval: str = Field(description="day, week (periods named by their Monday) or month (YYYY-MM).")
    periods: list[str]
    series: list[TimelineSeries]


class RisingItem(BaseModel):
    key: str = Field(description="The folded key it is counted under.")
    name: str
    kind: str = Field(description="PER, ORG, LOC, or TERM for a headline word.")
    articles: int = Field(description="Articles of the day that mention it.")
    outlets: int
    expected: float = Field(description="What its share over the baseline days predicts for the day.")
    score: float = Field(description="(articles - expected) / sqrt(expected + 1)")


class TrendsResponse(BaseModel):
    day: str
    baseline_days: int
    articles: int
    baseline_articles: int = Field(description="Articles of the baseline days (0: nothing to compare with).")
    entities: list[RisingItem]
    terms: list[RisingItem]
    events: list[EventSummaryResponse]


class EntityIndexResponse(BaseModel):
    type: str | None
    q: str | None
    total: int = Field(description="Entities of this type (and name filter) in the archive.")
    page: int
    page_size: int
    pages: int
    entities: list[EntityCountItem] = Field(description="Most mentioned first.")
