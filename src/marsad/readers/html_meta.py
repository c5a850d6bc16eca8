"""Article metadata from an HTML page: title, dates, section, canonical URL, site name.

Sources in order of trust: JSON-LD (what the newsroom's CMS states), Open Graph and
`article:*` meta tags, then what is visible on the page (`<h1>`, `<time>`, `<title>`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from resiliparse.parse.html import HTMLTree

from marsad.urls import host_of, join_url, scheme_of

_ARTICLE_TYPES = {"article", "newsarticle", "reportagenews", "blogposting", "analysisnewsarticle", "report"}
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "date",
)
_SECTION_KEYS = ("article:section", "og:section", "section", "category", "parsely-section")
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2}:?\d{2}|Z)?)?")
# "Home" crumbs carry no category.
_HOME_CRUMBS = {"الرئيسية", "الرئيسيه", "الصفحة الرئيسية", "home", "accueil"}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None = None
    published: str | None = None
    category: str | None = None
    url: str | None = None
    source: str | None = None
    site_name: str | None = None


def iso_date(value: str | None) -> str | None:
    """`value` as an ISO 8601 date or datetime, or None when it does not start with one."""
    if not value:
        return None
    match = _ISO_DATE.match(value)
    if not match:
        return None
    date, time, zone = match.groups()
    if not time:
        return str(date)
    return f"{date}T{time}{zone or ''}"


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    # CMSs often escape twice: `&quot;` survives the HTML parser inside attributes and JSON-LD.
    if "&" in value:
        value = html.unescape(value)
    value = _SPACES.sub(" ", value).strip()
    return value or None


def meta_tags(tree: HTMLTree) -> dict[str, str]:
    """`<meta>` values by lowercased property/name/itemprop; the first occurrence wins."""
    found: dict[str, str] = {}
    document = tree.document
    if document is None:
        return found
    for element in document.query_selector_all("meta"):
        content = element.getattr("content")
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = element.getattr(attribute)
            if key:
                found.setdefault(key.strip().lower(), content)
    return found


def json_ld_objects(tree: HTMLTree) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, `@graph` members included."""
    document = tree.document
    if document is None:
        return
    for script in document.query_selector_all('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # Broken JSON-LD is common; the other sources still count.
        yield from _objects(data)


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"))


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _first_string(value: Any) -> str | None:
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, list):
        for item in value:
            found = _first_string(item)
            if found:
                return found
    return None


def _breadcrumb_category(item: dict[str, Any], title: str | None) -> str | None:
    names: list[str] = []
    elements = item.get("itemListElement")
    for element in elements if isinstance(elements, list) else []:
        if not isinstance(element, dict):
            continue
        name = element.get("name")
        inner = element.get("item")
        if name is None and isinstance(inner, dict):
            name = inner.get("name")
        name = _clean(name) if isinstance(name, str) else None
        if name and name.lower() not in _HOME_CRUMBS and name != title:
            names.append(name)
    return names[-1] if names else None


_BREADCRUMB_SELECTORS = (
    '[class*="breadcrumb"] a',
    '[id*="breadcrumb"] a',
    'nav[aria-label*="breadcrumb" i] a',
    '[class*="breadcrumb"] span',
)


def _html_breadcrumb_category(tree: HTMLTree, title: str | None) -> str | None:
    """The last named crumb of a visible breadcrumb trail (`الرئيسية › لبنان` gives `لبنان`)."""
    document = tree.document
    if document is None:
        return None
    for selector in _BREADCRUMB_SELECTORS:
        names = [_clean(node.text) for node in document.query_selector_all(selector)]
        crumbs = [name for name in names if name and name.lower() not in _HOME_CRUMBS and name != title]
        # A crumb as long as a headline is the article itself, not its section.
        crumbs = [name for name in crumbs if len(name.split()) <= 5]
        if crumbs:
            return crumbs[-1]
    return None


def _strip_site_suffix(title: str, site: str | None) -> str:
    # "Headline - Example.com", "Headline | Site": keep the longer side of the separator.
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        if separator in title:
            head, _, tail = title.rpartition(separator)
            if (site and site.lower() in tail.lower()) or len(tail) < len(head) / 2:
                return head.strip()
    return title


def page_meta(tree: HTMLTree, *, url: str | None = None) -> PageMeta:
    meta = meta_tags(tree)
    article: dict[str, Any] = {}
    breadcrumb: dict[str, Any] = {}
    for item in json_ld_objects(tree):
        kinds = _types(item)
        if not article and kinds & _ARTICLE_TYPES:
            article = item
        elif not breadcrumb and "breadcrumblist" in kinds:
            breadcrumb = item

    document = tree.document
    h1 = document.query_selector("h1") if document is not None else None
    site = _clean(meta.get("og:site_name")) or _clean(meta.get("application-name"))
    page_title = _clean(tree.title)
    title = (
        _first_string(article.get("headline"))
        or _clean(meta.get("og:title"))
        or _clean(meta.get("twitter:title"))
        or (_clean(h1.text) if h1 is not None else None)
        or (_strip_site_suffix(page_title, site) if page_title else None)
    )
    if title and page_title and title == page_title:
        title = _strip_site_suffix(title, site)

    published = iso_date(_first_string(article.get("datePublished")))
    for key in _DATE_KEYS:
        published = published or iso_date(meta.get(key))
    if published is None and document is not None:
        time = document.query_selector("time[datetime]")
        published = iso_date(time.getattr("datetime")) if time is not None else None

    category = _first_string(article.get("articleSection"))
    for key in _SECTION_KEYS:
        category = category or _clean(meta.get(key))
    category = category or _breadcrumb_category(breadcrumb, title)
    category = category or _html_breadcrumb_category(tree, title)

    canonical = document.query_selector('link[rel="canonical"]') if document is not None else None
    page_url = (
        (_clean(canonical.getattr("href")) if canonical is not None else None) or _clean(meta.get("og:url")) or url
    )
    if page_url and not scheme_of(page_url):
        # A relative canonical link means something only next to the URL we were given.
        page_url = join_url(url, page_url) if url else None
    return PageMeta(
        title=title,
        published=published,
        category=category,
        url=page_url,
        source=site or host_of(page_url) or host_of(url),
        site_name=site,
    )
