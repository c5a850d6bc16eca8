"""What a crawl remembers for the next one: each page's ETag and Last-Modified.

Kept per requested URL in a small JSON file, written atomically at the end of a
crawl (and when it is interrupted), so the next crawl asks `If-None-Match` /
`If-Modified-Since` and an unchanged page costs a 304 instead of a download.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError

__all__ = ["ConditionalState"]

_VERSION = 1


class ConditionalState:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._validators: dict[str, dict[str, str]] = {}
        if path is not None and path.exists():
            self._validators = _load(path)

    def __len__(self) -> int:
        return len(self._validators)

    def request_headers(self, url: str) -> dict[str, str]:
        """The conditional headers for a request to `url` (empty when nothing is known)."""
        known = self._validators.get(url, {})
        headers: dict[str, str] = {}
        if "etag" in known:
            headers["If-None-Match"] = known["etag"]
        if "last_modified" in known:
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def remember(self, url: str, response_headers: Mapping[str, str]) -> None:
        """Keep the validators of a response that was stored (or forget stale ones when it has none)."""
        lowered = {name.lower(): value for name, value in response_headers.items()}
        validators = {
            key: value
            for key, header in (("etag", "etag"), ("last_modified", "last-modified"))
            if (value := lowered.get(header))
        }
        if validators:
            self._validators[url] = validators
        else:
            self._validators.pop(url, None)

    def save(self) -> None:
        if self.path is None:
            return
        temporary = self.path.with_name(self.path.name + ".tmp")
        payload = {"version": _VERSION, "urls": dict(sorted(self._validators.items()))}
        temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=0), encoding="utf-8")
        os.replace(temporary, self.path)


def _load(path: Path) -> dict[str, dict[str, str]]:
    try:
        payload: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MarsadError(f"{path}: not a marsad crawl state file ({error})") from None
    if not isinstance(payload, dict) or payload.get("version") != _VERSION or not isinstance(payload.get("urls"), dict):
        raise MarsadError(f"{path}: not a marsad crawl state file (expected version {_VERSION} with a 'urls' object)")
    validators: dict[str, dict[str, str]] = {}
    for url, known in payload["urls"].items():
        if isinstance(known, dict):
            kept = {key: str(value) for key, value in known.items() if key in ("etag", "last_modified")}
            if kept:
                validators[str(url)] = kept
    return validators
