"""The HTML pages: right-to-left, readable without JavaScript, rendered by
Jinja2 with autoescape on (no `|safe` anywhere: page text is untrusted)."""

from __future__ import annotations

from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from marsad.store.base import SearchFilters
from marsad.store.browse import QUOTE_RECORD_SAMPLE, ArchiveBrowser
from marsad.web import downloads, present, views
from marsad.web.params import (
    MAX_QUERY_CHARS,
    EntityIndexParams,
    EventParams,
    QuoteParams,
    SearchParams,
    StoryParams,
    TimelineParams,
    TrendParams,
    browser,
    entity_index_params,
    event_params,
    quote_params,
    search_params,
    story_params,
    timeline_params,
    trend_params,
)
from marsad.web.timeline_chart import period_label, timeline_chart

__all__ = ["render", "router", "template_environment"]

router = APIRouter(include_in_schema=False)

_Browser = Annotated[ArchiveBrowser, Depends(browser)]

ENTITY_TYPES = {"PER": "شخص", "LOC": "مكان", "ORG": "منظمة", "MISC": "أخرى"}
FACET_TITLES = {"source": "المصدر", "category": "القسم", "entity": "الكيانات", "month": "الشهر"}


def template_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("marsad.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["arabic_date"] = present.arabic_date
    env.filters["arabic_month"] = present.arabic_month
    env.globals.update(
        article_href=present.article_href,
        entity_href=present.entity_href,
        story_href=present.story_href,
        event_href=present.event_href,
        url_with=present.url_with,
        toggled=present.toggled,
        source_label=lambda name: name or "",
        reason_label=present.reason_label,
        snippet_pieces=present.snippet_pieces,
        month_bounds=present.month_bounds,
        counted=present.counted,
        web_url=present.web_url,
        format_number=present.format_number,
        paragraph_segments=present.paragraph_segments,
        entity_types=ENTITY_TYPES,
        facet_titles=FACET_TITLES,
        max_query_chars=MAX_QUERY_CHARS,
        quote_record_sample=QUOTE_RECORD_SAMPLE,
    )
    return env


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    env: jinja2.Environment = request.app.state.templates
    return HTMLResponse(env.get_template(template).render(path=request.url.path, **context), status_code=status)


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, archive: _Browser, params: Annotated[SearchParams, Depends(search_params)]) -> Any:
    found = views.search(archive, params)
    named = views.named_entity(archive, params)
    return render(request, "search.html", params=params, url_params=params.as_params(), found=found, named=named)


@router.get("/articles/{record_id:path}", response_class=HTMLResponse)
def article_page(request: Request, archive: _Browser, record_id: str) -> Any:
    view = views.article(archive, record_id)
    paragraphs: dict[int, list[Any]] = {}
    for span in view.record.entities:
        if isinstance(span.get("paragraph"), int):
            paragraphs.setdefault(int(span["paragraph"]), []).append(span)
    body = [present.paragraph_segments(text, paragraphs.get(index, [])) for index, text in enumerate(view.record.body)]
    return render(request, "article.html", view=view, record=view.record, body=body)


@router.get("/entities", response_class=HTMLResponse)
def entity_index_page(
    request: Request, archive: _Browser, params: Annotated[EntityIndexParams, Depends(entity_index_params)]
) -> Any:
    found = views.entity_index(archive, params)
    return render(request, "entities.html", params=params, url_params=params.as_params(), found=found)


@router.get("/entities/{name:path}", response_class=HTMLResponse)
def entity_page(request: Request, archive: _Browser, name: str) -> Any:
    view = views.entity(archive, name)
    return render(request, "entity.html", view=view, chart=present.mentions_chart(view.months))


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, archive: _Browser, params: Annotated[QuoteParams, Depends(quote_params)]) -> Any:
    found = views.quotes(archive, params)
    return render(request, "quotes.html", params=params, url_params=params.as_params(), found=found)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, archive: _Browser, params: Annotated[StoryParams, Depends(story_params)]) -> Any:
    found = views.stories(archive, params)
    return render(request, "stories.html", params=params, found=found)


@router.get("/feeds/search.atom")
def search_feed(
    request: Request, archive: _Browser, params: Annotated[SearchParams, Depends(search_params)]
) -> Response:
    """The newest records a search matches, as an Atom feed."""
    title = f"مرصد: {params.text}" if params.text else "مرصد: أحدث السجلات"
    return _feed(request, archive, views.feed_rowids(archive, params.query, params.filters), title)


@router.get("/feeds/entity.atom")
def entity_feed(
    request: Request, archive: _Browser, name: Annotated[str, Query(min_length=1, max_length=200)]
) -> Response:
    """The newest records that mention a person, a place or an organisation, as an Atom feed."""
    rowids = views.feed_rowids(archive, None, SearchFilters(entity=name))
    return _feed(request, archive, rowids, f"مرصد: {name}")


def _feed(request: Request, archive: ArchiveBrowser, rowids: list[int], title: str) -> Response:
    base = str(request.base_url).rstrip("/")
    body = downloads.atom_feed(archive.archive(), rowids, title=title, self_url=str(request.url), base=base)
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request, archive: _Browser, params: Annotated[TimelineParams, Depends(timeline_params)]
) -> Any:
    found = views.timeline(archive, params)
    return render(
        request,
        "timeline.html",
        params=params,
        found=found,
        chart=timeline_chart(found, name_of=archive.source_label),
        period_label=period_label,
    )


@router.get("/today", response_class=HTMLResponse)
def today_page(request: Request, archive: _Browser, params: Annotated[TrendParams, Depends(trend_params)]) -> Any:
    found = views.trends(archive, params)
    return render(request, "today.html", params=params, found=found, day_links=present.day_links(found.day))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, archive: _Browser, params: Annotated[EventParams, Depends(event_params)]) -> Any:
    found = views.events(archive, params)
    return render(request, "events.html", params=params, url_params=params.as_params(), found=found)


@router.get("/events/{event_id:path}", response_class=HTMLResponse)
def event_page(request: Request, archive: _Browser, event_id: str) -> Any:
    return render(request, "event.html", view=views.event(archive, event_id))


@router.get("/stories/{cluster_id:path}", response_class=HTMLResponse)
def story_page(request: Request, archive: _Browser, cluster_id: str) -> Any:
    return render(request, "story.html", story=views.story(archive, cluster_id))
