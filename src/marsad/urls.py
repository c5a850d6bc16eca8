"""URLs as pages give them: any string, parsed without ever raising.

`urlsplit` raises `ValueError` on a malformed bracketed host (`http://[::1/news`,
`http://[^...`); one such URL in a dump must cost that page its host name, not
the batch its run.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit

__all__ = ["host_of", "join_url", "scheme_of", "split_url"]


def split_url(url: str) -> SplitResult | None:
    """`urlsplit(url)`, or None where it refuses the URL."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def host_of(url: str | None) -> str | None:
    """The host name of `url` without `www.`; None for no URL or one that does not parse."""
    parts = split_url(url) if url else None
    if parts is None:
        return None
    try:
        host = parts.hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def scheme_of(url: str) -> str:
    """The lower-cased scheme of `url`; empty where there is none or the URL does not parse."""
    parts = split_url(url)
    return parts.scheme.lower() if parts is not None else ""


def join_url(base: str, url: str) -> str | None:
    """`url` resolved against `base`; None where either does not parse."""
    try:
        return urljoin(base, url)
    except ValueError:
        return None
