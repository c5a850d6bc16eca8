"""Places in today's news: the LOC names `find_entities` gives 40 SaudiNewsNet articles.

ANERcorp (2003) and AQMAR (Wikipedia) say little about the Gulf, Yemeni and
Syrian towns that fill the news marsad reads. `data/places_gold.jsonl` lists,
per article (by url, no text copied), every place name it mentions, annotated
by reading; place names inside organisation names count (`بلدية جدة` → `جدة`).
Scored as sets of folded names per article: a place counts once however often
it recurs, and a name cut short (`خميس` for `خميس مشيط`) is a miss and a false
place.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner import find_entities

NEWS_FILE = "data/news/saudinewsnet.jsonl.gz"


@dataclass(slots=True)
class PlacesResult:
    articles: int
    gold: int
    found: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _fold(name: str) -> str:
    # NFKC first: one gold name keeps the lam-alef ligature of its page.
    return fold_for_search(unicodedata.normalize("NFKC", name)).strip()


def load_gold() -> list[tuple[str, frozenset[str]]]:
    text = (resources.files("marsad.evaluation") / "data" / "places_gold.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [(row["url"], frozenset(_fold(name) for name in row["places"])) for row in rows]


def evaluate_places(shared: Path) -> PlacesResult:
    """Score `find_entities` on the gold articles, read from `shared` by url."""
    gold = load_gold()
    path = shared / NEWS_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path}: SaudiNewsNet not found (set --shared or MARSAD_SHARED)")
    wanted = {url for url, _ in gold}
    content: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            if article.get("url") in wanted:
                content[article["url"]] = article.get("content") or ""
    missing = wanted - content.keys()
    if missing:
        raise ValueError(f"{path}: {len(missing)} gold articles not found, e.g. {sorted(missing)[0]}")
    result = PlacesResult(articles=len(gold), gold=0, found=0, right=0)
    for url, places in gold:
        paragraphs = [line for line in content[url].split("\n") if line.strip()]
        found = {_fold(span["canonical"]) for span in find_entities(paragraphs) if span["type"] == "LOC"}
        result.gold += len(places)
        result.found += len(found)
        result.right += len(found & places)
    return result
