"""The JSON API under /api: the same data as the pages, described by OpenAPI."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends
from fastapi.responses import Response, StreamingResponse

from marsad.store.browse import ArchiveBrowser
from marsad.web import downloads, views
from marsad.web.params import (
    EntityIndexParams,
    EventParams,
    ExportParams,
    QuoteParams,
    SearchParams,
    StoryParams,
    TimelineParams,
    TrendParams,
    browser,
    entity_index_params,
    event_params,
    export_params,
    quote_params,
    search_params,
    story_params,
    timeline_params,
    trend_params,
)
from marsad.web.schemas import (
    ArticleResponse,
    EntityIndexResponse,
    EntityResponse,
    ErrorResponse,
    EventResponse,
    EventsResponse,
    QuotesResponse,
    SearchResponse,
    StoriesResponse,
    StoryResponse,
    TimelineResponse,
    TrendsResponse,
)

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["archive"])

_Browser = Annotated[ArchiveBrowser, Depends(browser)]

_TOO_SLOW: dict[int | str, dict[str, Any]] = {
    503: {"model": ErrorResponse, "description": "The request ran past the server's time limit and was stopped"}
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {
        "model": ErrorResponse,
        "description": "The query is too long, malformed, or has too many different words and phrases",
    },
    422: {"model": ErrorResponse, "description": "A parameter is out of range or of the wrong form"},
    **_TOO_SLOW,
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "No such item"},
    **_TOO_SLOW,
}


@router.get(
    "/search", response_model=SearchResponse, responses=_ERRORS, summary="Search records, with facets and pagination"
)
def api_search(archive: _Browser, params: Annotated[SearchParams, Depends(search_params)]) -> dict[str, Any]:
    found = views.search(archive, params)
    named = views.named_entity(archive, params)
    return {
        "query": params.text,
        "sort": params.sort,
        **found.to_dict(),
        "entity": named.to_dict() if named else None,
    }


@router.get(
    "/articles/{record_id:path}",
    response_model=ArticleResponse,
    responses=_NOT_FOUND,
    summary="One record with its links",
)
def api_article(archive: _Browser, record_id: str) -> dict[str, Any]:
    return views.article(archive, record_id).to_dict()


@router.get(
    "/entities",
    response_model=EntityIndexResponse,
    responses=_ERRORS,
    summary="The most mentioned entities, of one type or all, optionally by part of their name",
)
def api_entity_index(
    archive: _Browser, params: Annotated[EntityIndexParams, Depends(entity_index_params)]
) -> dict[str, Any]:
    found = views.entity_index(archive, params)
    return {
        "type": params.kind,
        "q": params.name,
        **found.paging(),
        "entities": [entity.to_dict() for entity in found.entities],
    }


@router.get(
    "/entities/{name:path}",
    response_model=EntityResponse,
    responses=_NOT_FOUND,
    summary="An entity: variants, mentions, quotes",
)
def api_entity(archive: _Browser, name: str) -> dict[str, Any]:
    return views.entity(archive, name).to_dict()


@router.get(
    "/quotes", response_model=QuotesResponse, responses=_ERRORS, summary="Quotes by speaker and/or text, newest first"
)
def api_quotes(archive: _Browser, params: Annotated[QuoteParams, Depends(quote_params)]) -> dict[str, Any]:
    found = views.quotes(archive, params)
    return {
        "speaker": params.speaker,
        "query": params.text,
        "page": found.page,
        "has_next": found.has_next,
        "quotes": [quote.to_dict() for quote in found.quotes],
    }


@router.get(
    "/stories",
    response_model=StoriesResponse,
    responses=_ERRORS,
    summary="Near-duplicate story clusters, largest or newest first",
)
def api_stories(archive: _Browser, params: Annotated[StoryParams, Depends(story_params)]) -> dict[str, Any]:
    found = views.stories(archive, params)
    return {"sort": params.sort, **found.paging(), "stories": [story.to_dict() for story in found.stories]}


@router.get(
    "/stories/{cluster_id:path}",
    response_model=StoryResponse,
    responses=_NOT_FOUND,
    summary="One story cluster and its members",
)
def api_story(archive: _Browser, cluster_id: str) -> dict[str, Any]:
    return views.story(archive, cluster_id).to_dict()


@router.get(
    "/events",
    response_model=EventsResponse,
    responses=_ERRORS,
    summary="Events across outlets, those covered by the most outlets first",
)
def api_events(archive: _Browser, params: Annotated[EventParams, Depends(event_params)]) -> dict[str, Any]:
    found = views.events(archive, params)
    return {
        "since": params.since,
        "until": params.until,
        "outlets": params.outlets,
        **found.paging(),
        "events": [event.to_dict() for event in found.events],
    }


@router.get(
    "/events/{event_id:path}",
    response_model=EventResponse,
    responses=_NOT_FOUND,
    summary="One event: its articles in time order, entities and quotes",
)
def api_event(archive: _Browser, event_id: str) -> dict[str, Any]:
    return views.event(archive, event_id).to_dict()


@router.get(
    "/trends",
    response_model=TrendsResponse,
    responses=_NOT_FOUND | _ERRORS,
    summary="What is rising on a day: names and headline words against the days before, and its events",
)
def api_trends(archive: _Browser, params: Annotated[TrendParams, Depends(trend_params)]) -> dict[str, Any]:
    return views.trends(archive, params).to_dict()


@router.get(
    "/timeline",
    response_model=TimelineResponse,
    responses=_ERRORS,
    summary="Matches of a search (or of all records) per day, week or month, split by source; "
    "a second search beside it",
)
def api_timeline(archive: _Browser, params: Annotated[TimelineParams, Depends(timeline_params)]) -> dict[str, Any]:
    return views.timeline(archive, params).to_dict()


_EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The matching records as a file (CSV and JSON Lines streamed)",
            "content": {media: {} for media in _EXPORT_TYPES.values()},
        },
        **_ERRORS,
    },
    summary="Download the records a search matches as CSV, JSON Lines or Parquet (at most 2,000)",
)
def api_export(
    archive: _Browser,
    params: Annotated[SearchParams, Depends(search_params)],
    export: Annotated[ExportParams, Depends(export_params)],
) -> Response:
    rowids = views.export_rowids(archive, params, export.limit)
    name = f"marsad-{export.slug(params.text)}.{export.format}"
    # An HTTP header is Latin-1: an ASCII name for old clients, the Arabic one encoded beside it.
    fallback = f"marsad-records.{export.format}"
    headers = {"Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"}
    media = _EXPORT_TYPES[export.format]
    if export.format == "parquet":
        return Response(downloads.parquet_bytes(archive.archive(), rowids), media_type=media, headers=headers)
    lines = downloads.csv_lines if export.format == "csv" else downloads.jsonl_lines
    return StreamingResponse(lines(archive.archive(), rowids), media_type=media, headers=headers)
