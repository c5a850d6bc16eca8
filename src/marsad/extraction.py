"""Pages in, records out: reading HTML, segmenting, building and enriching records."""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import regex

from marsad.enrich import enrich_record
from marsad.records import Article, Page, Record
from marsad.segment.page import PageHints, segment

_LOOKS_LIKE_HTML = regex.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>]|<article)", regex.I)
_ISO_DATE = regex.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


@dataclass(slots=True)
class ExtractOptions:
    """How extraction treats a page; the same object serves the API, the CLI and executors."""

    enrich: bool = True
    templates: dict[str, Collection[str]] = field(default_factory=dict)


def looks_like_html(text: str) -> bool:
    head = text[:2048]
    return bool(_LOOKS_LIKE_HTML.search(head)) or ("</" in head and "<" in head[:200])


def source_of(page: Page) -> str | None:
    if page.source:
        return page.source
    if page.url:
        host = urlsplit(page.url).hostname
        if host:
            return host.removeprefix("www.")
    return None


def iso_published(value: str | None) -> str | None:
    """`value` as an ISO 8601 date or datetime, or None when it is not one."""
    if not value:
        return None
    value = value.strip()
    if _ISO_DATE.match(value):
        return value.replace(" ", "T") if len(value) > 10 else value
    return None


@dataclass(slots=True)
class PreparedPage:
    """A page turned into lines of text, with what its metadata says; ready to segment."""

    page: Page
    text: str
    hints: PageHints

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


def prepare_page(page: Page) -> PreparedPage:
    """Plain text for `page` (HTML goes through main-content extraction first)."""
    text, hints, page = _page_text(page)
    return PreparedPage(page, text, hints)


def _page_text(page: Page) -> tuple[str, PageHints, Page]:
    if page.html is None:
        return page.text or "", PageHints(title=page.title), page
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
        extra=page.extra,
    )
    hints = PageHints(title=enriched.title, category=found.category, outside=found.dropped)
    return found.text, hints, enriched


def _record(article: Article, page: Page, record_id: str, parent: str | None) -> Record:
    return Record(
        id=record_id,
        parent=parent,
        source=source_of(page),
        url=page.url,
        published=iso_published(page.published),
        category=article.category,
        title=article.title,
        body=article.body,
        boilerplate=article.boilerplate,
        origin=page.origin,
    )


def extract_page(page: Page, options: ExtractOptions | None = None) -> list[Record]:
    """All records of one page: the host article first, then its embedded stories."""
    return extract_prepared(prepare_page(page), options)


def extract_prepared(prepared: PreparedPage, options: ExtractOptions | None = None) -> list[Record]:
    options = options or ExtractOptions()
    page, hints = prepared.page, prepared.hints
    group = prepared.template_group
    if group in options.templates:
        hints.templates = options.templates[group]
    articles = segment(prepared.text, hints)
    if not articles:
        return []
    host_id = page.stable_id()
    records = [_record(articles[0], page, host_id, None)]
    for number, story in enumerate(articles[1:], 1):
        records.append(_record(story, page, f"{host_id}/{number}", host_id))
    if options.enrich:
        for record in records:
            enrich_record(record)
    return records


def extract(text_or_html: str, **metadata: Any) -> list[Record]:
    """Records of one page given as text or HTML; metadata: url, published, source, title, id."""
    known = {key: metadata.pop(key) for key in ("url", "published", "source", "title", "id") if key in metadata}
    enrich = bool(metadata.pop("enrich", True))
    origin = str(metadata.pop("origin", "<string>"))
    is_html = looks_like_html(text_or_html)
    page = Page(
        origin=origin,
        text=None if is_html else text_or_html,
        html=text_or_html if is_html else None,
        extra=metadata,
        **known,
    )
    return extract_page(page, ExtractOptions(enrich=enrich))
