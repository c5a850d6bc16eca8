"""The items that flow through marsad: a raw `Page` in, `Record`s out.

The field names of `Record.to_dict()` are the record contract of design.md:
other code (the archive, the web UI, users' scripts) relies on them.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

Span = dict[str, Any]


@dataclass(slots=True)
class Page:
    """One page as a reader found it: raw text or HTML plus what we know about it.

    `origin` names where it came from (``path``, ``path:line`` or ``path#record``)
    so that every message about this page can point the user at it.
    """

    origin: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    title: str | None = None
    id: str | None = None
    category: str | None = None
    """The dump's own section name, trusted over what segmentation finds."""
    extra: dict[str, Any] = field(default_factory=dict)
    prepared: Any = field(default=None, repr=False, compare=False)
    """The page's main text when a step already extracted it (template learning in `marsad
    ingest`), so that main-content extraction runs once per page; taken by the extraction."""

    def content_hash(self) -> str:
        payload = (self.html if self.html is not None else self.text) or ""
        return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()

    def stable_id(self) -> str:
        """The page's own id, else one derived from its URL, else from its content."""
        if self.id:
            return self.id
        basis = self.url or self.content_hash()
        return hashlib.sha1(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class Removed:
    """A line taken out of the article, with a short machine-readable reason."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "reason": self.reason}


@dataclass(slots=True)
class Article:
    """What segmentation finds in a page: one article (host or embedded story)."""

    title: str | None
    body: list[str]
    category: str | None = None
    boilerplate: list[Removed] = field(default_factory=list)
    embedded: bool = False


@dataclass(slots=True)
class Record:
    """One article with everything marsad knows about it; serialises to the record contract."""

    id: str
    parent: str | None
    source: str | None
    url: str | None
    published: str | None
    category: str | None
    title: str | None
    body: list[str]
    boilerplate: list[Removed] = field(default_factory=list)
    entities: list[Span] = field(default_factory=list)
    quotes: list[Span] = field(default_factory=list)
    dates: list[Span] = field(default_factory=list)
    quantities: list[Span] = field(default_factory=list)
    cluster: str | None = None
    origin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["boilerplate"] = [removed.to_dict() for removed in self.boilerplate]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        known: dict[str, Any] = {name: data.get(name) for name in cls.__dataclass_fields__}
        known["boilerplate"] = [Removed(**item) for item in data.get("boilerplate") or []]
        for list_field in ("body", "entities", "quotes", "dates", "quantities"):
            known[list_field] = list(data.get(list_field) or [])
        return cls(**known)


RECORD_FIELDS: tuple[str, ...] = (
    "id",
    "parent",
    "source",
    "url",
    "published",
    "category",
    "title",
    "body",
    "boilerplate",
    "entities",
    "quotes",
    "dates",
    "quantities",
    "cluster",
)
