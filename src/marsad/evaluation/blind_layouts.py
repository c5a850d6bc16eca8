"""The blind extraction set: site layouts nobody on the project tuned on (issue #16).

Annotators who never saw marsad's output invented news-site layouts (an
Emirati daily, a Kuwaiti/Qatari portal, an Iraqi site, a Gulf sports site; a
Jordanian/Palestinian daily, a Cairo site, a Maghreb portal, a Sudanese site) under
`docs/guidelines/blind_extraction.md` and wrapped them around real articles of
`../shared/data/news`, pointing at the article's lines instead of copying them
(`data/blind_extraction_*.json`). Here each page is written out as a plain-text
file, one folder per layout, and read back through the same pipeline as
`marsad extract FOLDER` (readers, template learning over a layout's pages,
segmentation), so the figures are those a user would get.

The set is frozen: its errors are never read to choose a rule. A set whose
errors were read becomes a development set, and a fresh blind set is written
(the first blind set's errors were read in session 40: it is
`dev_extraction_blind1_*.json` now).
"""

from __future__ import annotations

import gzip
import json
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from marsad.commands.common import ErrorLog
from marsad.errors import InputError
from marsad.evaluation.extraction import DATA_DIR, Extractor, GoldPage, GoldRecord, PredictedRecord

__all__ = ["BLIND_SET", "DEV_SET", "blind_layouts_extractor", "dev_files", "load_blind_layouts"]

BLIND_SET = "blind_layouts"
DEV_SET = "dev_layouts"
_COLLECTIONS = {"saudinewsnet": "data/news/saudinewsnet.jsonl.gz", "newspapers": "data/news/newspapers.jsonl.gz"}


def blind_files() -> list[Path]:
    return sorted(DATA_DIR.glob("blind_extraction_*.json"))


def dev_files() -> list[Path]:
    """Layouts written under the same guidelines for development: their errors may be read."""
    return sorted(DATA_DIR.glob("dev_extraction_*.json"))


def _article_lines(item: dict[str, Any]) -> list[str]:
    text = item.get("content") or item.get("text") or ""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _articles(root: Path, wanted: dict[str, set[str]]) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for collection, keys in wanted.items():
        path = root / _COLLECTIONS[collection]
        if not path.is_file():
            raise FileNotFoundError(f"shared data file missing: {path} (set MARSAD_SHARED)")
        field = "url" if collection == "saudinewsnet" else "id"
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                item = json.loads(line)
                if item.get(field) in keys:
                    found[(collection, item[field])] = item
    return found


def _key(article: dict[str, str]) -> tuple[str, str]:
    collection = article["collection"]
    return collection, article["url" if collection == "saudinewsnet" else "id"]


def _resolve(pointer: dict[str, Any], item: dict[str, Any], lines: list[str], *, on_page: bool) -> str:
    text = str(item.get("title") or "").strip() if pointer.get("title") else lines[int(pointer["line"])]
    if on_page and pointer.get("nul"):
        middle = len(text) // 2
        text = text[:middle] + "\x00" + text[middle:]
    # On the page: a site's name glued to the headline, a dateline to the first paragraph. In the
    # gold a pointer carries them only where they are the article's (a wire's dateline opening its
    # first paragraph).
    return str(pointer.get("before", "")) + text + str(pointer.get("after", ""))


def load_blind_layouts(root: Path, files: Sequence[Path] | None = None, set_name: str = BLIND_SET) -> list[GoldPage]:
    """The blind pages (or, given `files` and `set_name`, development ones), composed from
    their layouts and the articles they point at."""
    specs = [page for path in (files or blind_files()) for page in json.loads(path.read_text("utf-8"))["pages"]]
    wanted: dict[str, set[str]] = {}
    for spec in specs:
        collection, key = _key(spec["article"])
        wanted.setdefault(collection, set()).add(key)
    articles = _articles(root, wanted)
    pages: list[GoldPage] = []
    for spec in specs:
        item = articles.get(_key(spec["article"]))
        if item is None:
            raise ValueError(f"blind page {spec['name']}: article {spec['article']} not found in {root}")
        lines = _article_lines(item)
        elements = [
            element if isinstance(element, str) else _resolve(element, item, lines, on_page=True)
            for element in spec["elements"]
        ]
        gold = spec["gold"]
        title = _resolve(gold["title"], item, lines, on_page=False)
        body = [_resolve(pointer, item, lines, on_page=False) for pointer in gold["body"]]
        kept = {title, *body}
        chrome = [element for element in elements if element.strip() and element not in kept]
        pages.append(
            GoldPage(
                name=spec["name"],
                set=set_name,
                content="\n".join(elements),
                is_html=False,
                records=[GoldRecord(title=title, body=body)],
                chrome=chrome,
                metadata={"layout": spec["layout"]},
            )
        )
    return pages


def blind_layouts_extractor(pages: Sequence[GoldPage]) -> Extractor:
    """marsad over the pages as `marsad extract` reads a folder of text files, one folder per
    layout; records are extracted once, then handed out page by page."""
    records = dict(_extract_as_files(pages))

    def extract(page: GoldPage) -> list[PredictedRecord]:
        return records.get(page.name, [])

    return extract


def _extract_as_files(pages: Sequence[GoldPage]) -> Iterator[tuple[str, list[PredictedRecord]]]:
    from marsad.commands.extract import extraction_pipeline

    with tempfile.TemporaryDirectory(prefix="marsad-blind-") as folder:
        for page in pages:
            path = Path(folder) / page.metadata["layout"] / f"{page.name}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(page.content.encode("utf-8"))
        pipeline = extraction_pipeline((folder,), published=None, templates=True, enrich=False, errors=_Quiet())
        found: dict[str, list[PredictedRecord]] = {}
        for record in pipeline.stream():
            name = Path(record.origin or "").stem
            found.setdefault(name, []).append(
                PredictedRecord(record.title, record.category, list(record.body), record.parent is not None)
            )
        yield from found.items()


class _Quiet(ErrorLog):
    # A page refused is scored as a page without records; the table says so.
    def __call__(self, error: InputError) -> None:
        self.count += 1
