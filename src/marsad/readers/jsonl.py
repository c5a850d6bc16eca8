"""JSON Lines dumps: one page per line, `text` or `html` plus optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from marsad.errors import ErrorHandler, InputError, InputWarning
from marsad.published import parse_published
from marsad.readers.compressed import GzipStream, open_maybe_gzip
from marsad.readers.options import ReadLimits, ReadStats, megabytes
from marsad.records import Page

_CONTENT_FIELDS = ("text", "html")
_STRING_FIELDS = ("url", "source", "title", "category")
# What `--field OURS=THEIRS` may name on our side.
MAPPED_FIELDS = (*_CONTENT_FIELDS, *_STRING_FIELDS, "published", "id")
# The names public dumps give our fields (SaudiNewsNet: `content`, `date_extracted`; the
# Arabic newspapers corpus: `category_ar`, `country`; Common Crawl derivatives: `timestamp`;
# datatrove and Hugging Face dumps keep them under `metadata`). Tried in order for a field the
# line does not name itself; the last ones are taken only when nothing better is there.
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("content", "body", "article", "maintext", "article_text"),
    "published": (
        "date_published",
        "datePublished",
        "published_at",
        "publish_date",
        "publication_date",
        "pubDate",
        "date",
        "timestamp",
        "created_at",
        "date_extracted",
        "date_download",
    ),
    "title": ("headline",),
    "url": ("link", "source_url"),
    "category": ("category_ar", "section", "categories"),
    "source": ("site_name", "site", "domain", "outlet", "newspaper", "publisher", "country"),
}
_NESTED = "metadata"


def _lookup(item: dict[str, Any], name: str) -> Any:
    """The value at `name`, where `a.b` reads field `b` of the object in field `a`."""
    value: Any = item
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _apply_aliases(item: dict[str, Any], mapped: set[str]) -> dict[str, str]:
    """Our fields from the names dumps commonly give them, except those the user mapped;
    returns which of the dump's names each filled field came from."""
    names_used: dict[str, str] = {}
    found = item.get(_NESTED)
    nested: dict[str, Any] = found if isinstance(found, dict) else {}
    for field, names in ALIASES.items():
        if field in mapped or (field == "text" and "html" in item):
            continue
        arabic = item.get(f"{field}_ar")
        if isinstance(arabic, str) and arabic.strip() and field not in ("text", "published"):
            # A bilingual dump (`category` and `category_ar`): the Arabic one is ours, the other kept.
            if field in item:
                item[f"{field}_other"] = item.pop(field)
            item[field] = item.pop(f"{field}_ar")
            names_used[field] = f"{field}_ar"
        if item.get(field) not in (None, ""):
            continue
        for name in names:
            for holder in (item, nested):
                value = holder.get(name)
                if isinstance(value, str | int | float) and not isinstance(value, bool) and value != "":
                    item[field] = holder.pop(name)
                    names_used[field] = name if holder is item else f"{_NESTED}.{name}"
                    break
            else:
                continue
            break
    if nested:
        for field in ("url", "source", "title", "id"):
            if field not in item and isinstance(nested.get(field), str | int):
                item[field] = nested.pop(field)
                names_used[field] = f"{_NESTED}.{field}"
    return names_used


def iter_jsonl_pages(
    raw: BinaryIO,
    name: str,
    *,
    gzipped: bool,
    on_error: ErrorHandler,
    limits: ReadLimits,
    stats: ReadStats | None = None,
) -> Iterator[Page]:
    """Pages of a JSON Lines stream; a bad line is reported as `name:LINE` and skipped.
    Each line read, good or bad, counts in `stats.consumed` (the progress bar's position)."""
    stream, inflater = open_maybe_gzip(raw, gzipped=gzipped)
    line_number = 0
    while True:
        line = stream.readline(limits.max_line_bytes + 1)
        if not line:
            break
        line_number += 1
        if stats is not None:
            stats.consumed += 1
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
            yield parse_page_line(line, origin, limits.fields, on_warning=on_error)
        except InputError as error:
            on_error(error)
    if line_number == 0 and not _ended_early(inflater):
        on_error(InputError(name, "empty file"))
    if inflater is not None and (inflater.truncated or inflater.corrupt):
        detail = "truncated gzip" if inflater.truncated else f"damaged gzip ({inflater.corrupt})"
        on_error(InputError(f"{name}:{line_number + 1}", f"{detail}; lines after {line_number} are lost"))


def _published(value: object, origin: str, on_warning: ErrorHandler | None) -> str | None:
    if value is None or value == "":
        return None
    found = parse_published(value)
    if found is None and on_warning is not None:
        shown = str(value) if len(str(value)) <= 40 else str(value)[:40] + "…"
        on_warning(InputWarning(origin, f"publication date {shown!r} is not a date; left empty"))
    return found


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
    of the same name (SaudiNewsNet's `date_extracted` is its only date). `a.b` names field `b`
    of the object in field `a`."""
    taken = {theirs: _lookup(item, theirs) for _ours, theirs in fields}
    ours_named = {mapped for mapped, _ in fields}
    for ours, theirs in fields:
        if taken[theirs] is None:
            continue
        item[ours] = taken[theirs]
        if theirs != ours and theirs not in ours_named and "." not in theirs:
            item.pop(theirs, None)


def parse_page_line(
    line: bytes,
    origin: str,
    fields: tuple[tuple[str, str], ...] = (),
    *,
    on_warning: ErrorHandler | None = None,
) -> Page:
    """One JSON Lines record as a Page; raises InputError naming `origin` when it is not one.
    A publication date in no form `parse_published` reads is left out and reported to
    `on_warning` (the page is read all the same)."""
    try:
        item = json.loads(line)
    except UnicodeDecodeError as error:
        raise InputError(origin, f"not UTF-8 ({error.reason} at byte {error.start})") from error
    except json.JSONDecodeError as error:
        raise InputError(origin, f"invalid JSON: {error.msg} at column {error.colno}") from error
    if not isinstance(item, dict):
        raise InputError(origin, f"expected a JSON object, found {type(item).__name__}")
    _map_fields(item, fields)
    names = {ours: theirs for ours, theirs in fields if _lookup(item, ours) is not None}
    names.update(_apply_aliases(item, {ours for ours, _ in fields}))

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
            raise InputError(origin, f"empty {' and '.join(repr(names.get(key, key)) for key in blank)} field")
        named = [name for name in ("text", "html", *ALIASES["text"]) if name in item]
        if named:
            raise InputError(origin, f"empty {named[0]!r} field")  # ``"content": null``
        raise InputError(origin, "no 'text' or 'html' field")

    meta: dict[str, str | None] = {}
    for key in _STRING_FIELDS:
        value = item.pop(key, None)
        if value is not None and not isinstance(value, str):
            raise InputError(origin, f"field {key!r} must be a string, found {type(value).__name__}")
        meta[key] = value or None
    published = _published(item.pop("published", None), origin, on_warning)
    page_id = item.pop("id", None)
    if isinstance(page_id, bool) or (page_id is not None and not isinstance(page_id, str | int)):
        raise InputError(origin, f"field 'id' must be a string or integer, found {type(page_id).__name__}")

    return Page(
        origin=origin,
        text=content.get("text"),
        html=content.get("html"),
        url=meta["url"],
        source=meta["source"],
        published=published,
        category=meta["category"],
        title=meta["title"],
        id=None if page_id is None or page_id == "" else str(page_id),
        extra=item,
    )
