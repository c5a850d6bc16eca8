"""URL canonicalization: one key per page, whatever spelling a feed or a link used.

Two forms: `clean_url` is what the crawler requests (tracking parameters and the
fragment dropped, host and scheme lowercased, default port removed, escapes
normalised), and `canonical_key` is the identity used for de-duplication, which
also ignores a trailing slash (a server may redirect one spelling to the other,
so the crawler never *requests* the slash-less form it did not see).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import SplitResult, parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

__all__ = ["canonical_key", "clean_url", "link_canonical", "origin_of"]

_DEFAULT_PORTS = {"http": 80, "https": 443}
# Parameters that say how a reader arrived, never which page they read.
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
_TRACKING_NAMES = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl"}
)
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = "/%:@!$&'()*+,;="
_QUERY_SAFE = _PATH_SAFE + "?"


def clean_url(url: str, base: str | None = None) -> str | None:
    """`url` (resolved against `base`) in the form the crawler requests, or None if it is no http(s) URL."""
    url = url.strip()
    if base is not None:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host.lower()
    except UnicodeError:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    path = _normalise_escapes(parts.path) or "/"
    query = _without_tracking(parts.query)
    return urlunsplit(SplitResult(scheme, netloc, path, query, ""))


def canonical_key(url: str, base: str | None = None) -> str | None:
    """The de-duplication identity of `url`: its clean form without a trailing slash on the path."""
    cleaned = clean_url(url, base)
    if cleaned is None:
        return None
    parts = urlsplit(cleaned)
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(parts._replace(path=path))


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a clean URL: the scope of one robots.txt and of one rate limit."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _normalise_escapes(path: str, safe: str = _PATH_SAFE) -> str:
    # Upper-case escapes, decode escaped unreserved characters, encode raw non-ASCII
    # (Arabic slugs arrive both ways) so that every spelling of a path is one string.
    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(0)[1:], 16))
        return char if char in _UNRESERVED else match.group(0).upper()

    return quote(_ESCAPE.sub(fix, path), safe=safe)


def _without_tracking(query: str) -> str:
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if not _is_tracking(name)]
    if len(kept) == len(pairs):
        # Untouched queries keep their exact spelling (a server may care about `+` vs `%20`).
        return _normalise_escapes(query, _QUERY_SAFE)
    return urlencode(kept, quote_via=quote)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


class _CanonicalLink(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.href: str | None = None
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "body":
            self.done = True
        elif tag == "link":
            values = {name: value or "" for name, value in attrs}
            if "canonical" in values.get("rel", "").lower().split() and values.get("href"):
                self.href = values["href"]
                self.done = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.done = True


def link_canonical(html: str, page_url: str) -> str | None:
    """The clean URL a page names with `<link rel="canonical">` in its head, or None."""
    parser = _CanonicalLink()
    # The head is near the top; feeding pieces lets the parser stop early on long pages.
    for start in range(0, len(html), 16384):
        parser.feed(html[start : start + 16384])
        if parser.done:
            break
    if parser.href is None:
        return None
    return clean_url(parser.href, page_url)
