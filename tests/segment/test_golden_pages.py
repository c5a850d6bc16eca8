"""Golden records for whole pages we wrote ourselves, in several site styles.

Each `pages/*.expected.json` names its input (a page under `examples/` or
`tests/segment/pages/`, or one line of `examples/collection.jsonl`) and the
records a perfect segmentation gives: exact title, category and body per
record (an embedded story sits in its host's section, so it carries the
host's category), the embedded stories linked to their host, and the boilerplate lines
of the page each with the reason it was removed. Boilerplate is compared over
the whole page, because a line after an embedded story may fairly belong to
either record.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import marsad
from marsad.arabic.normalize import normalize_display

PROJECT = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).resolve().parent / "pages"
GOLDEN = sorted(PAGES.glob("*.expected.json"))

# Pages the segmenter does not get right yet (xfail, not strict): keep this
# list short and say why in the report that adds a name to it.
XFAIL_PAGES: set[str] = set()

REASONS = {
    "breadcrumb", "navigation", "comment_form", "adblock", "share_widget", "follow_widget",
    "related_articles", "copyright", "newsletter_promo", "sms_promo", "sign_off", "photo_caption",
    "back_to_top", "read_more", "byline", "date_line", "tags", "advertisement", "login",
    "search_form", "weather", "print", "template", "short_fragment", "non_arabic",
    "duplicate_title", "embedded_marker",
}  # fmt: skip


def _name(path: Path) -> str:
    return path.name.removesuffix(".expected.json")


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _input(golden: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """The page's text or HTML and the metadata a reader would pass along."""
    source = PROJECT / golden["input"]
    if "jsonl_id" not in golden:
        return source.read_text(encoding="utf-8"), dict(golden.get("metadata", {}))
    for raw in source.read_text(encoding="utf-8").splitlines():
        item = json.loads(raw)
        if item.get("id") == golden["jsonl_id"]:
            content = item.get("html") or item["text"]
            meta = {k: item[k] for k in ("url", "published", "source", "title", "id") if item.get(k)}
            return content, meta
    raise LookupError(f"{golden['jsonl_id']} not in {source}")


def _clean(text: str | None) -> str | None:
    return None if text is None else normalize_display(text)


def _params() -> list[Any]:
    return [
        pytest.param(
            path, id=_name(path), marks=[pytest.mark.xfail(strict=False)] if _name(path) in XFAIL_PAGES else []
        )
        for path in GOLDEN
    ]


def test_there_are_golden_pages_in_several_styles() -> None:
    assert len(GOLDEN) >= 8
    inputs = {_load(path)["input"].rsplit(".", 1)[-1] for path in GOLDEN}
    assert {"txt", "html", "jsonl"} <= inputs


@pytest.mark.parametrize("path", GOLDEN, ids=_name)
def test_golden_file_is_well_formed(path: Path) -> None:
    golden = _load(path)
    content, _ = _input(golden)
    assert content.strip()
    records = golden["records"]
    assert records and records[0]["parent"] is False
    assert all(record["parent"] is True for record in records[1:])
    for record in records:
        assert record["title"] and record["body"]
    for item in golden["boilerplate"]:
        assert item["reason"] in REASONS, item
        assert item["text"] in content, item


@pytest.mark.parametrize("path", _params())
def test_golden_page(path: Path) -> None:
    golden = _load(path)
    content, metadata = _input(golden)
    records = marsad.extract(content, **metadata)
    expected = golden["records"]

    got = [(_clean(r.title), _clean(r.category), len(r.body)) for r in records]
    assert len(records) == len(expected), f"records (title, category, paragraphs): {got}"
    host = records[0]
    assert host.parent is None
    if "id" in metadata:
        assert host.id == metadata["id"]
    for record, gold in zip(records, expected, strict=True):
        assert _clean(record.title) == _clean(gold["title"])
        assert _clean(record.category) == _clean(gold["category"])
        assert [normalize_display(p) for p in record.body] == [normalize_display(p) for p in gold["body"]]
        if gold["parent"]:
            assert record.parent == host.id

    removed = {(normalize_display(item.text), item.reason) for record in records for item in record.boilerplate}
    missing = [
        (item["text"], item["reason"])
        for item in golden["boilerplate"]
        if (normalize_display(item["text"]), item["reason"]) not in removed
    ]
    assert not missing, f"boilerplate lines missing or with another reason: {missing}; got {sorted(removed)}"
