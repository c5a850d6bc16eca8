"""Page and child-sitemap links from sitemaps, sitemap indexes, gzipped sitemaps and text sitemaps.

The sitemaps.org protocol also allows a plain list of URLs and an RSS or Atom
feed as a sitemap; both are read. News sitemaps give a publication date, kept
next to `lastmod`.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from marsad.crawl.canonical import clean_url
from marsad.crawl.feeds import FEED_ROOTS, FeedError, feed_entries, local_name, parse_xml

__all__ = ["MAX_SITEMAP_BYTES", "Sitemap", "SitemapEntry", "parse_sitemap"]

MAX_SITEMAP_BYTES = 50 * 1024 * 1024
"""The protocol's limit for one uncompressed sitemap; a gzipped one is never inflated past it."""

_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    url: str
    lastmod: str | None = None


@dataclass(slots=True)
class Sitemap:
    pages: list[SitemapEntry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    """Child sitemaps named by a sitemap index."""


def parse_sitemap(data: bytes, sitemap_url: str) -> Sitemap:
    """Everything `data` links to; raises FeedError when it is no sitemap in any of the allowed forms."""
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data)
    stripped = data.lstrip(b"\xef\xbb\xbf").lstrip()
    if not stripped.startswith(b"<"):
        return _text_sitemap(stripped, sitemap_url)
    root = parse_xml(stripped, "sitemap")
    kind = local_name(root)
    found = Sitemap()
    if kind in FEED_ROOTS:
        found.pages = [SitemapEntry(entry.url, entry.published) for entry in feed_entries(root, sitemap_url)]
    elif kind == "urlset":
        for url_element in root:
            if local_name(url_element) != "url":
                continue
            loc = _text(url_element, "loc")
            cleaned = clean_url(loc, sitemap_url) if loc else None
            if cleaned is not None:
                found.pages.append(SitemapEntry(cleaned, _text(url_element, "lastmod") or _news_date(url_element)))
    elif kind == "sitemapindex":
        for child in root:
            loc = _text(child, "loc") if local_name(child) == "sitemap" else None
            cleaned = clean_url(loc, sitemap_url) if loc else None
            if cleaned is not None:
                found.sitemaps.append(cleaned)
    else:
        raise FeedError(f"not a sitemap (root element <{kind}>)")
    return found


def _gunzip(data: bytes) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        inflated = inflater.decompress(data, MAX_SITEMAP_BYTES + 1)
    except zlib.error as error:
        raise FeedError(f"gzipped sitemap does not inflate ({error})") from None
    if len(inflated) > MAX_SITEMAP_BYTES:
        raise FeedError(f"sitemap inflates past {MAX_SITEMAP_BYTES // (1024 * 1024)} MB; refused")
    if not inflater.eof:
        raise FeedError("gzipped sitemap does not inflate (truncated)")
    return inflated


def _text_sitemap(data: bytes, sitemap_url: str) -> Sitemap:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise FeedError("not a sitemap (neither XML nor UTF-8 text)") from None
    found = Sitemap()
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        cleaned = clean_url(line) if line.startswith(("http://", "https://")) else None
        if cleaned is None:
            raise FeedError(f"not a sitemap (line {number} of the text form is no http(s) URL)")
        found.pages.append(SitemapEntry(cleaned))
    return found


def _text(parent: Element, name: str) -> str | None:
    for child in parent:
        if local_name(child) == name:
            text = (child.text or "").strip()
            return text or None
    return None


def _news_date(url_element: Element) -> str | None:
    for child in url_element:
        if local_name(child) == "news":
            return _text(child, "publication_date")
    return None
