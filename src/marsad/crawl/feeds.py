"""Article links from RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom feeds.

Parsed with defusedxml, so a feed cannot expand entities into a memory bomb or
make the parser read local files. Elements are matched by local name: feeds in
the wild mix namespaces freely (an RSS 2.0 item with an Atom link, Dublin Core
dates), and the link is what matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from marsad.crawl.canonical import clean_url

__all__ = ["FeedEntry", "FeedError", "local_name", "parse_feed", "parse_xml"]

_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
FEED_ROOTS = frozenset({"rss", "feed", "RDF", "channel"})


class FeedError(ValueError):
    """A document that is not a readable feed or sitemap; the message says why."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    url: str
    """The article's clean URL (see `marsad.crawl.canonical.clean_url`)."""
    title: str | None = None
    published: str | None = None
    """As the feed wrote it (RFC 822 in RSS, ISO 8601 in Atom)."""


def local_name(element: Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_xml(data: bytes, what: str) -> Element:
    """The root element of an XML document, or a FeedError saying why it is not one."""
    # A byte-order mark or blank lines before the XML declaration are common and harmless.
    data = data.lstrip(b"\xef\xbb\xbf").lstrip()
    if not data:
        raise FeedError(f"empty {what}")
    try:
        root: Element = fromstring(data)
    except DefusedXmlException as error:
        raise FeedError(f"{what} refused: {type(error).__name__} (entities or external references)") from None
    except ParseError as error:
        raise FeedError(f"{what} is not well-formed XML ({error})") from None
    return root


def parse_feed(data: bytes, feed_url: str) -> list[FeedEntry]:
    """The entries of a feed, in feed order, each with a clean absolute URL.

    Entries without a usable http(s) link are left out; a document that is not
    RSS or Atom raises FeedError.
    """
    root = parse_xml(data, "feed")
    if local_name(root) not in FEED_ROOTS:
        raise FeedError(f"not an RSS or Atom feed (root element <{local_name(root)}>)")
    return feed_entries(root, feed_url)


def feed_entries(root: Element, feed_url: str) -> list[FeedEntry]:
    base = urljoin(feed_url, root.get(_XML_BASE, ""))
    for child in root:
        # Atom's feed-level xml:base is often on the root; RSS has none.
        if local_name(child) == "channel" and child.get(_XML_BASE):
            base = urljoin(base, child.get(_XML_BASE, ""))
    entries: list[FeedEntry] = []
    for item in root.iter():
        if local_name(item) not in ("item", "entry"):
            continue
        item_base = urljoin(base, item.get(_XML_BASE, ""))
        link = _entry_link(item)
        url = clean_url(link, item_base) if link else None
        if url is None:
            continue
        entries.append(FeedEntry(url=url, title=_child_text(item, "title"), published=_published(item)))
    return entries


def _entry_link(item: Element) -> str | None:
    # FeedBurner rewrites <link> to a tracking redirect and keeps the real one here.
    original = _child_text(item, "origLink")
    if original:
        return original
    alternates: list[tuple[int, str]] = []
    text_link: str | None = None
    for child in item:
        if local_name(child) != "link":
            continue
        href = child.get("href")
        if href:
            rel = child.get("rel", "alternate")
            if rel == "alternate":
                html_first = 0 if child.get("type", "text/html") in ("text/html", "application/xhtml+xml") else 1
                alternates.append((html_first, href.strip()))
        elif child.text and child.text.strip():
            text_link = text_link or child.text.strip()
    if alternates:
        return min(alternates, key=lambda pair: pair[0])[1]
    if text_link:
        return text_link
    about = item.get(_RDF_ABOUT)
    if about:
        return about
    for child in item:
        if local_name(child) == "guid" and child.get("isPermaLink", "true").lower() != "false":
            text = (child.text or "").strip()
            if text.startswith(("http://", "https://")):
                return text
    return None


def _child_text(item: Element, name: str) -> str | None:
    for child in item:
        if local_name(child) == name:
            text = "".join(child.itertext()).strip()
            return text or None
    return None


def _published(item: Element) -> str | None:
    for name in ("pubDate", "published", "date", "issued", "updated"):
        value = _child_text(item, name)
        if value:
            return value
    return None
