"""Entities in today's news: what `find_entities` gives 40 SaudiNewsNet articles.

ANERcorp (2003) and AQMAR (Wikipedia) say little about the people, bodies and
towns that fill the news marsad reads. Two files list, per article (by url,
no text copied), every name it mentions, annotated by reading:
`places_gold.jsonl` (place names, including those inside organisation names:
`بلدية جدة` → `جدة`) and `people_orgs_gold.jsonl` (persons and organisations,
titles left out). Scored as sets of folded names per article: a name counts
once however often it recurs, and a name cut short (`خميس` for `خميس مشيط`)
is a miss and a false find.
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
# (name printed and pinned, entity type, gold file, field of the gold file)
SETS: tuple[tuple[str, str, str, str], ...] = (
    ("news-places", "LOC", "places_gold.jsonl", "places"),
    ("news-persons", "PER", "people_orgs_gold.jsonl", "persons"),
    ("news-organisations", "ORG", "people_orgs_gold.jsonl", "organisations"),
)


@dataclass(slots=True)
class SetScore:
    name: str
    articles: int
    gold: int = 0
    found: int = 0
    right: int = 0

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


def fold_name(name: str) -> str:
    # NFKC first: one gold name keeps the lam-alef ligature of its page.
    return fold_for_search(unicodedata.normalize("NFKC", name)).strip()


def load_gold(file: str, field: str) -> list[tuple[str, frozenset[str]]]:
    """(url, folded names) per article of one gold file; empty when the file is not shipped."""
    path = resources.files("marsad.evaluation") / "data" / file
    if not path.is_file():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["url"], frozenset(fold_name(name) for name in row[field])) for row in rows]


def _articles(path: Path, urls: set[str]) -> dict[str, list[str]]:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: SaudiNewsNet not found (set --shared or MARSAD_SHARED)")
    content: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            if article.get("url") in urls:
                content[article["url"]] = [p for p in (article.get("content") or "").split("\n") if p.strip()]
    missing = urls - content.keys()
    if missing:
        raise ValueError(f"{path}: {len(missing)} gold articles not found, e.g. {sorted(missing)[0]}")
    return content


def evaluate_news(shared: Path) -> list[SetScore]:
    """One score per gold set, each article tagged once (read from `shared` by url)."""
    golds = [(name, kind, load_gold(file, field)) for name, kind, file, field in SETS]
    golds = [(name, kind, gold) for name, kind, gold in golds if gold]
    urls = {url for _, _, gold in golds for url, _ in gold}
    content = _articles(shared / NEWS_FILE, urls)
    found: dict[str, dict[str, set[str]]] = {url: {} for url in urls}
    for url in urls:
        for span in find_entities(content[url]):
            found[url].setdefault(span["type"], set()).add(fold_name(span["canonical"]))
    scores = []
    for name, kind, gold in golds:
        score = SetScore(name, articles=len(gold))
        for url, names in gold:
            predicted = found[url].get(kind, set())
            score.gold += len(names)
            score.found += len(predicted)
            score.right += len(predicted & names)
        scores.append(score)
    return scores
