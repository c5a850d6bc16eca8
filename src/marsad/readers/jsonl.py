"""JSON Lines dumps: one page per line, `text` or `html` plus optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from marsad.errors import ErrorHandler, InputError
from marsad.readers.compressed import GzipStream, open_maybe_gzip
from marsad.readers.options import ReadLimits, megabytes
from marsad.records import Page

_CONTENT_FIELDS = ("text", "html")
_STRING_FIELDS = ("url", "published", "source", "title")
# What `--field OURS=THEIRS` may name on our side.
MAPPED_FIELDS = (*_CONTENT_FIELDS, *_STRING_FIELDS, "id")
# Other names public dumps use for the same fields (SaudiNewsNet has `content`).
_ALIASES = {"text": ("content", "body", "article"), "published": ("date_published", "datePublished", "date")}


def _apply_aliases(item: dict[str, Any]) -> None:
    if "text" in item or "html" in item:
        aliases = {key: names for key, names in _ALIASES.items() if key != "text"}
    else:
        aliases = _ALIASES
    for field, names in aliases.items():
        if field in item:
            continue
        for name in names:
            if isinstance(item.get(name), str):
                item[field] = item.pop(name)
                break


def iter_jsonl_pages(
    raw: BinaryIO,
    name: str,
    *,
    gzipped: bool,
    on_error: ErrorHandler,
    limits: ReadLimits,
) -> Iterator[Page]:
    """Pages of a JSON Lines stream; a bad line is reported as `name:LINE` and skipped."""
    stream, inflater = open_maybe_gzip(raw, gzipped=gzipped)
    line_number = 0
    while True:
        line = stream.readline(limits.max_line_bytes + 1)
        if not line:
            break
        line_number += 1
        origin = f"{name}:{line_number}"
        if len(line) > limits.max_line_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream, limits.max_line_bytes)
            on_error(InputError(origin, f"line longer than {megabytes(limits.max_line_bytes)}; skipped"))
            continue
        if not line.endswith(b"\n") and _ended_early(inflater):
            # The partial last line of a cut-off gzip is not worth a JSON error of its own.
            line_number -= 1
            break
        if not line.strip():
            continue
        try:
            yield parse_page_line(line, origin, limits.fields)
        except InputError as error:
            on_error(error)
    if line_number == 0 and not _ended_early(inflater):
        on_error(InputError(name, "empty file"))
    if inflater is not None and (inflater.truncated or inflater.corrupt):
        detail = "truncated gzip" if inflater.truncated else f"damaged gzip ({inflater.corrupt})"
        on_error(InputError(f"{name}:{line_number + 1}", f"{detail}; lines after {line_number} are lost"))


def _ended_early(inflater: GzipStream | None) -> bool:
    return inflater is not None and (inflater.truncated or inflater.corrupt is not None)


def _skip_rest_of_line(stream: Any, chunk: int) -> None:
    # Reading a huge line in bounded pieces keeps memory flat whatever its length.
    while True:
        piece = stream.readline(chunk)
        if not piece or piece.endswith(b"\n"):
            return


def _map_fields(item: dict[str, Any], fields: tuple[tuple[str, str], ...]) -> None:
    """The dump's names for our fields, as the user gave them: theirs wins over a field of ours
    of the same name (SaudiNewsNet's `date_extracted` is its only date)."""
    taken = {theirs: item[theirs] for _ours, theirs in fields if theirs in item}
    for ours, theirs in fields:
        if theirs in taken:
            item[ours] = taken[theirs]
            if theirs != ours and theirs not in (mapped for mapped, _ in fields):
                item.pop(theirs, None)


def parse_page_line(line: bytes, origin: str, fields: tuple[tuple[str, str], ...] = ()) -> Page:
    """One JSON Lines record as a Page; raises InputError naming `origin` when it is not one."""
    try:
        item = json.loads(line)
    except UnicodeDecodeError as error:
        raise InputError(origin, f"not UTF-8 ({error.reason} at byte {error.start})") from error
    except json.JSONDecodeError as error:
        raise InputError(origin, f"invalid JSON: {error.msg} at column {error.colno}") from error
    if not isinstance(item, dict):
        raise InputError(origin, f"expected a JSON object, found {type(item).__name__}")
    _map_fields(item, fields)
    _apply_aliases(item)

    content: dict[str, str] = {}
    blank: list[str] = []
    for key in _CONTENT_FIELDS:
        value = item.pop(key, None)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(origin, f"field {key!r} must be a string, found {type(value).__name__}")
        if value.strip():
            content[key] = value
        else:
            blank.append(key)
    if not content:
        if blank:
            raise InputError(origin, f"empty {' and '.join(repr(key) for key in blank)} field")
        raise InputError(origin, "no 'text' or 'html' field")

    meta: dict[str, str | None] = {}
    for key in _STRING_FIELDS:
        value = item.pop(key, None)
        if value is not None and not isinstance(value, str):
            raise InputError(origin, f"field {key!r} must be a string, found {type(value).__name__}")
        meta[key] = value or None
    page_id = item.pop("id", None)
    if isinstance(page_id, bool) or (page_id is not None and not isinstance(page_id, str | int)):
        raise InputError(origin, f"field 'id' must be a string or integer, found {type(page_id).__name__}")

    return Page(
        origin=origin,
        text=content.get("text"),
        html=content.get("html"),
        url=meta["url"],
        source=meta["source"],
        published=meta["published"],
        title=meta["title"],
        id=None if page_id is None or page_id == "" else str(page_id),
        extra=item,
    )
