"""The request parameters the pages and the API share, their bounds, and the
errors a request can earn (one type, rendered as JSON under /api and as a page
elsewhere)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query as QueryParam
from fastapi import Request

from marsad.errors import MarsadError
from marsad.store.base import SearchFilters
from marsad.store.browse import ArchiveBrowser
from marsad.store.browse_entities import ENTITY_TYPES
from marsad.store.browse_results import MAX_PAGE
from marsad.store.search import MAX_QUERY_TERMS, Query, QuerySyntaxError, QueryTooLarge, parse_query

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE",
    "MAX_PAGE_SIZE",
    "MAX_QUERY_CHARS",
    "EventParams",
    "ExportParams",
    "QuoteParams",
    "SearchParams",
    "StoryParams",
    "TimelineParams",
    "TrendParams",
    "WebError",
    "browser",
    "event_params",
    "export_params",
    "quote_params",
    "search_params",
    "story_params",
    "timeline_params",
    "trend_params",
]

MAX_QUERY_CHARS = 200
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# What the pages call each parameter, for messages about it.
_ARABIC_NAMES = {
    "q": "الاستعلام",
    "compare": "البحث المقارن",
    "source": "المصدر",
    "category": "القسم",
    "entity": "الكيان",
    "from": "من تاريخ",
    "to": "إلى تاريخ",
    "since": "من تاريخ",
    "until": "إلى تاريخ",
    "day": "اليوم",
    "sort": "الترتيب",
    "duplicates": "المكررات",
    "interval": "الفترة",
    "format": "الصيغة",
    "page": "رقم الصفحة",
    "size": "عدد النتائج في الصفحة",
    "limit": "الحد",
    "outlets": "عدد المصادر",
    "baseline": "أيام المقارنة",
    "type": "النوع",
    "name": "الاسم",
    "speaker": "المتحدث",
}


def arabic_name(name: str) -> str:
    return _ARABIC_NAMES.get(name, name)


class WebError(Exception):
    """A request the app refuses or cannot answer, with its HTTP status and a readable
    message; `page_message`, in Arabic, is what an HTML page shows instead when given;
    `hint`: the search box comes back with the query, to be fixed (a malformed query)."""

    def __init__(self, status: int, message: str, page_message: str | None = None, *, hint: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.page_message = page_message
        self.hint = hint


def browser(request: Request) -> ArchiveBrowser:
    found: ArchiveBrowser = request.app.state.browser
    return found


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _text(value: str | None, name: str) -> str | None:
    value = _clean(value)
    if value is not None and len(value) > MAX_QUERY_CHARS:
        raise WebError(
            400,
            f"'{name}' is {len(value)} characters long; the limit is {MAX_QUERY_CHARS}",
            f"النص طويل ({len(value)} حرفًا) والحد {MAX_QUERY_CHARS} حرف: اختصره.",
        )
    return value


def parsed_query(text: str | None) -> Query | None:
    text = _text(text, "q")
    if text is None:
        return None
    try:
        return parse_query(text)
    except QueryTooLarge as error:
        raise WebError(
            400,
            f"bad query: {error}",
            f"في الاستعلام {error.terms} كلمة وعبارة مختلفة، ولا يُبحث بأكثر من {MAX_QUERY_TERMS} معًا: "
            "احذف بعضها (الكلمة المكررة تُعد مرة واحدة).",
            hint=True,
        ) from None
    except QuerySyntaxError as error:
        raise WebError(400, f"bad query: {error}", error.arabic, hint=True) from None
    except MarsadError as error:
        raise WebError(400, f"bad query: {error}", "تعذّر فهم الاستعلام: صحّحه وأعد البحث.", hint=True) from None


def _date(value: str | None, name: str) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    if not _DATE.match(value):
        raise WebError(
            422,
            f"'{name}' must be a date like 2021-07-27, not {value[:40]!r}",
            f"«{_ARABIC_NAMES.get(name, name)}» يجب أن يكون تاريخًا مثل 2021-07-27.",
        )
    try:
        date.fromisoformat(value)
    except ValueError:
        raise WebError(
            422,
            f"'{name}' is not a calendar date: {value!r}",
            f"«{_ARABIC_NAMES.get(name, name)}» ليس تاريخًا في التقويم.",
        ) from None
    return value


def _choice(value: str | None, name: str, allowed: tuple[str, ...]) -> str:
    value = _clean(value)
    if value is None:
        return allowed[0]
    if value not in allowed:
        raise WebError(
            422,
            f"'{name}' must be one of {', '.join(allowed)}, not {value[:40]!r}",
            f"قيمة «{_ARABIC_NAMES.get(name, name)}» غير معروفة في هذا الرابط.",
        )
    return value


_Q = Annotated[
    str | None,
    QueryParam(
        description=f'Words (all must match), "a phrase", -excluded, a OR b; at most {MAX_QUERY_CHARS} characters.'
    ),
]
_PAGE = Annotated[
    int, QueryParam(ge=1, description=f"1-based page number; one past the last (at most {MAX_PAGE}) gives the last.")
]
_SOURCE = Annotated[
    list[str] | None, QueryParam(description="Only records from this source (repeat it for any of several).")
]
_CATEGORY = Annotated[
    list[str] | None, QueryParam(description="Only records in this category (repeat it for any of several).")
]


def _choices(values: list[str] | None, name: str) -> tuple[str, ...]:
    """The distinct non-empty values of a repeatable parameter."""
    found = [_text(value, name) for value in values or []]
    return tuple(dict.fromkeys(value for value in found if value))


def _one_or_several(values: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    return (values[0], ()) if len(values) == 1 else (None, values)


_ENTITY = Annotated[str | None, QueryParam(description="Only records mentioning this entity.")]
_FROM = Annotated[str | None, QueryParam(alias="from", description="Published on or after (YYYY-MM-DD).")]
_TO = Annotated[str | None, QueryParam(alias="to", description="Published on or before (YYYY-MM-DD).")]
_SIZE = Annotated[int, QueryParam(ge=1, le=MAX_PAGE_SIZE, description="Results per page.")]


@dataclass(frozen=True, slots=True)
class SearchParams:
    text: str | None
    query: Query | None
    filters: SearchFilters
    sort: Literal["relevance", "date"]
    page: int
    size: int
    duplicates: Literal["collapse", "all"] = "collapse"

    def as_params(self) -> dict[str, Any]:
        """The parameters as they appear in the page's URL, for building links."""
        return {
            "q": self.text,
            "source": chosen_values(self.filters.source, self.filters.sources),
            "category": chosen_values(self.filters.category, self.filters.categories),
            "entity": self.filters.entity,
            "from": self.filters.date_from,
            "to": self.filters.date_to,
            "sort": None if self.sort == "relevance" else self.sort,
            "page": self.page,
            "size": None if self.size == DEFAULT_PAGE_SIZE else self.size,
            "duplicates": None if self.duplicates == "collapse" else self.duplicates,
        }


def chosen_values(one: str | None, several: tuple[str, ...]) -> list[str]:
    """A facet's chosen values, as the URL repeats them."""
    return [one] if one else list(several)


def search_params(
    q: _Q = None,
    source: _SOURCE = None,
    category: _CATEGORY = None,
    entity: _ENTITY = None,
    date_from: _FROM = None,
    date_to: _TO = None,
    sort: Annotated[str | None, QueryParam(description="relevance (default) or date.")] = None,
    page: _PAGE = 1,
    size: _SIZE = DEFAULT_PAGE_SIZE,
    duplicates: Annotated[
        str | None,
        QueryParam(
            description="collapse (default): a near-duplicate story once, with its number of other copies; "
            "all: every record."
        ),
    ] = None,
) -> SearchParams:
    chosen = _choice(sort, "sort", ("relevance", "date"))
    shown = _choice(duplicates, "duplicates", ("collapse", "all"))
    one_source, sources = _one_or_several(_choices(source, "source"))
    one_category, categories = _one_or_several(_choices(category, "category"))
    return SearchParams(
        text=_text(q, "q"),
        query=parsed_query(q),
        filters=SearchFilters(
            source=one_source,
            sources=sources,
            category=one_category,
            categories=categories,
            entity=_text(entity, "entity"),
            date_from=_date(date_from, "from"),
            date_to=_date(date_to, "to"),
        ),
        sort="date" if chosen == "date" else "relevance",
        page=page,
        size=size,
        duplicates="all" if shown == "all" else "collapse",
    )


@dataclass(frozen=True, slots=True)
class QuoteParams:
    speaker: str | None
    text: str | None
    query: Query | None
    page: int
    size: int

    def as_params(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "q": self.text, "page": self.page}


def quote_params(
    speaker: Annotated[str | None, QueryParam(description="The speaker: a name, or a part of one.")] = None,
    q: _Q = None,
    page: _PAGE = 1,
    size: _SIZE = DEFAULT_PAGE_SIZE,
) -> QuoteParams:
    return QuoteParams(
        speaker=_text(speaker, "speaker"), text=_text(q, "q"), query=parsed_query(q), page=page, size=size
    )


@dataclass(frozen=True, slots=True)
class StoryParams:
    sort: Literal["size", "newest"]
    page: int
    size: int


def story_params(
    sort: Annotated[str | None, QueryParam(description="size (largest first, default) or newest.")] = None,
    page: _PAGE = 1,
    size: _SIZE = DEFAULT_PAGE_SIZE,
) -> StoryParams:
    chosen = _choice(sort, "sort", ("size", "newest"))
    return StoryParams(sort="newest" if chosen == "newest" else "size", page=page, size=size)


@dataclass(frozen=True, slots=True)
class ExportParams:
    format: Literal["csv", "jsonl", "parquet"]
    limit: int

    @staticmethod
    def slug(text: str | None) -> str:
        """A file name part from the query: its letters and digits, or "records"."""
        words = re.findall(r"\w+", text or "")
        return "-".join(words)[:60] or "records"


def export_params(
    format: Annotated[str | None, QueryParam(description="csv (default), jsonl or parquet.")] = None,
    limit: Annotated[int, QueryParam(ge=1, le=2000, description="At most this many records.")] = 2000,
) -> ExportParams:
    chosen = _choice(format, "format", ("csv", "jsonl", "parquet"))
    return ExportParams(format=chosen, limit=limit)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class TimelineParams:
    text: str | None
    query: Query | None
    compare_text: str | None
    compare: Query | None
    filters: SearchFilters
    interval: Literal["day", "week", "month"] | None

    def as_params(self) -> dict[str, Any]:
        return {
            "q": self.text,
            "compare": self.compare_text,
            "entity": self.filters.entity,
            "source": chosen_values(self.filters.source, self.filters.sources),
            "from": self.filters.date_from,
            "to": self.filters.date_to,
            "interval": self.interval,
        }


def timeline_params(
    q: _Q = None,
    compare: Annotated[
        str | None, QueryParam(description="A second search drawn beside the first, in the same syntax.")
    ] = None,
    entity: _ENTITY = None,
    source: _SOURCE = None,
    date_from: _FROM = None,
    date_to: _TO = None,
    interval: Annotated[
        str | None, QueryParam(description="day, week or month; chosen by the span when left out.")
    ] = None,
) -> TimelineParams:
    chosen = _choice(interval, "interval", ("auto", "day", "week", "month"))
    return TimelineParams(
        text=_text(q, "q"),
        query=parsed_query(q),
        compare_text=_text(compare, "compare"),
        compare=parsed_query(compare),
        filters=SearchFilters(
            source=_one_or_several(_choices(source, "source"))[0],
            sources=_one_or_several(_choices(source, "source"))[1],
            entity=_text(entity, "entity"),
            date_from=_date(date_from, "from"),
            date_to=_date(date_to, "to"),
        ),
        interval=None if chosen == "auto" else chosen,  # type: ignore[arg-type]
    )


@dataclass(frozen=True, slots=True)
class TrendParams:
    day: str | None
    baseline: int


def trend_params(
    day: Annotated[str | None, QueryParam(description="The day (YYYY-MM-DD); the archive's newest by default.")] = None,
    baseline: Annotated[int, QueryParam(ge=1, le=90, description="Days before it to compare with.")] = 14,
) -> TrendParams:
    return TrendParams(day=_date(day, "day"), baseline=baseline)


@dataclass(frozen=True, slots=True)
class EventParams:
    since: str | None
    until: str | None
    outlets: int
    page: int
    size: int

    def as_params(self) -> dict[str, Any]:
        return {"since": self.since, "until": self.until, "outlets": self.outlets, "page": self.page}


def event_params(
    since: Annotated[str | None, QueryParam(description="First day (YYYY-MM-DD) whose articles count.")] = None,
    until: Annotated[str | None, QueryParam(description="Last day (YYYY-MM-DD) whose articles count.")] = None,
    outlets: Annotated[int, QueryParam(ge=1, le=100, description="Fewest outlets covering an event.")] = 2,
    page: _PAGE = 1,
    size: _SIZE = DEFAULT_PAGE_SIZE,
) -> EventParams:
    first, last = _date(since, "since"), _date(until, "until")
    if first and last and first > last:
        raise WebError(422, f"'since' ({first}) is after 'until' ({last})", "تاريخ البداية بعد تاريخ النهاية.")
    return EventParams(since=first, until=last, outlets=outlets, page=page, size=size)


@dataclass(frozen=True, slots=True)
class EntityIndexParams:
    kind: str | None
    name: str | None
    page: int
    size: int

    def as_params(self) -> dict[str, Any]:
        return {"type": self.kind, "q": self.name, "page": self.page}


def entity_index_params(
    kind: Annotated[
        str | None, QueryParam(alias="type", description="PER, LOC, ORG or MISC; all types when left out.")
    ] = None,
    q: Annotated[
        str | None,
        QueryParam(
            description=f"Only names containing this (folded like entity names); at most {MAX_QUERY_CHARS} characters."
        ),
    ] = None,
    page: _PAGE = 1,
    size: _SIZE = DEFAULT_PAGE_SIZE,
) -> EntityIndexParams:
    chosen = _clean(kind)
    if chosen is not None:
        chosen = _choice(chosen.upper(), "type", ENTITY_TYPES)
    return EntityIndexParams(kind=chosen, name=_text(q, "q"), page=page, size=size)
