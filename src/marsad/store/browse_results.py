"""What the archive's read side (marsad.store.browse) answers with: plain
dataclasses, each with `to_dict()` for the JSON API."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from marsad.records import Record

__all__ = [
    "ArticleView",
    "ClusterSummary",
    "EntityView",
    "Facet",
    "QuoteHit",
    "RecordLink",
    "SearchPage",
    "SearchResult",
]


# Deep pages cost an OFFSET scan; nobody reads page 500 of a search. Past it, narrow the search.
MAX_PAGE = 500


def last_page(total: int, page_size: int) -> int:
    """The last page a listing of `total` items serves: never past `MAX_PAGE`, never below 1."""
    return max(1, min(MAX_PAGE, -(-total // page_size)))


@dataclass(slots=True)
class RecordLink:
    """Enough of a record to link to it."""

    id: str
    title: str | None
    published: str | None = None
    source: str | None = None
    lead: str | None = None
    """The lead's first words, for a record without a title (shown marked as such)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class SearchResult:
    id: str
    title: str | None
    url: str | None
    published: str | None
    source: str | None
    category: str | None
    cluster: str | None
    snippet: str
    # Other matching records of the same near-duplicate story, listed under this one.
    copies: int = 0
    lead: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Facet:
    """Counts of one field's values over every match, largest first; `estimated_from`: counted
    over only that many of the first matches instead (the entities of a very broad search)."""

    name: str
    values: list[tuple[str, int]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    estimated_from: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "values": [{"value": v, "label": self.labels.get(v, v), "count": n} for v, n in self.values],
        }


@dataclass(slots=True)
class SearchPage:
    results: list[SearchResult]
    total: int
    page: int
    page_size: int
    facets: dict[str, Facet]
    date_range: tuple[str | None, str | None]
    # Near-duplicate copies not listed because their story is listed once (within the sample).
    duplicates_hidden: int = 0

    @property
    def facet_sample(self) -> int:
        """How many matches the facets count: all of them."""
        return self.total

    @property
    def pages(self) -> int:
        return last_page(self.total - self.duplicates_hidden, self.page_size)

    @property
    def pages_capped(self) -> bool:
        """More results than `MAX_PAGE` pages show: the user is told to narrow the search."""
        return self.total - self.duplicates_hidden > MAX_PAGE * self.page_size

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "page": self.page,
            "page_size": self.page_size,
            "pages": self.pages,
            "results": [result.to_dict() for result in self.results],
            "facets": {name: facet.to_dict()["values"] for name, facet in self.facets.items()},
            "facets_over": self.facet_sample,
            "estimated_facets": {
                name: facet.estimated_from for name, facet in self.facets.items() if facet.estimated_from is not None
            },
            "date_range": {"from": self.date_range[0], "to": self.date_range[1]},
            "duplicates_hidden": self.duplicates_hidden,
        }


@dataclass(slots=True)
class ArticleView:
    record: Record
    host: RecordLink | None
    embedded: list[RecordLink]
    cluster_members: list[RecordLink]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.record.to_dict(),
            "host": self.host.to_dict() if self.host else None,
            "embedded": [link.to_dict() for link in self.embedded],
            "cluster_members": [link.to_dict() for link in self.cluster_members],
        }


@dataclass(slots=True)
class QuoteHit:
    speaker: str | None
    text: str
    cue: str | None
    direct: bool | None
    record: RecordLink
    speaker_entity: str | None = None
    """The entity the speaker is (its usual name), when the archive holds one: its page is linked."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "text": self.text,
            "cue": self.cue,
            "direct": self.direct,
            "record": self.record.to_dict(),
        }


@dataclass(slots=True)
class EntityView:
    name: str
    key: str
    type: str | None
    mentions: int
    records: int
    variants: list[tuple[str, int]]
    months: list[tuple[str, int]]
    cooccurring: list[tuple[str, str | None, int]]
    quotes: list[QuoteHit]
    latest: list[RecordLink]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "mentions": self.mentions,
            "records": self.records,
            "variants": [{"text": text, "count": n} for text, n in self.variants],
            "months": [{"month": month, "records": n} for month, n in self.months],
            "cooccurring": [{"name": name, "type": kind, "records": n} for name, kind, n in self.cooccurring],
            "quotes": [quote.to_dict() for quote in self.quotes],
            "latest": [link.to_dict() for link in self.latest],
        }


@dataclass(slots=True)
class ClusterSummary:
    id: str
    size: int
    representative: RecordLink
    newest: str | None
    members: list[tuple[RecordLink, float]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "size": self.size,
            "representative": self.representative.to_dict(),
            "newest": self.newest,
            "members": [{**link.to_dict(), "similarity": round(sim, 3)} for link, sim in self.members],
        }
