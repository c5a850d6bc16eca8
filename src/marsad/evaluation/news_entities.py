"""Entities in today's news: what `find_entities` gives 40 SaudiNewsNet articles.

ANERcorp (2003) and AQMAR (Wikipedia) say little about the people, bodies and
towns that fill the news marsad reads. Two files list, per article (by url,
no text copied), every name it mentions, annotated by reading:
`places_gold.jsonl` (place names, including those inside organisation names:
`بلدية جدة` → `جدة`) and `people_orgs_gold.jsonl` (persons and organisations,
titles left out). Scored as sets of folded names per article: a name counts
once however often it recurs, and a name cut short (`خميس` for `خميس مشيط`)
is a miss and a false find.

Those rules were then tuned by reading that set's errors, so a second set
stays blind: 30 articles of the newspapers collection (18 countries, six
sections), annotated by readers who saw no output of marsad
(`newspapers_gold.jsonl`, ids and names), scored the same way as the
`papers-*` sets. Development sets written later under docs/guidelines/entities.md by
helpers who saw no output of marsad, read first and then for errors: `papersdev*` (newspapers
articles, `papers_dev*_gold.jsonl`) and `newsdev2` to `newsdev30` (30 SaudiNewsNet
articles each, `news_dev2_gold.jsonl` to `news_dev30_gold.jsonl`, keyed by url).
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner import find_entities
from marsad.enrich.ner.spans import joined_heads

NEWS_FILE = "data/news/saudinewsnet.jsonl.gz"
PAPERS_FILE = "data/news/newspapers.jsonl.gz"
# (name printed and pinned, entity type, gold file, field of the gold file)
SETS: tuple[tuple[str, str, str, str], ...] = (
    ("news-places", "LOC", "places_gold.jsonl", "places"),
    ("news-persons", "PER", "people_orgs_gold.jsonl", "persons"),
    ("news-organisations", "ORG", "people_orgs_gold.jsonl", "organisations"),
    ("papers-places", "LOC", "newspapers_gold.jsonl", "places"),
    ("papers-persons", "PER", "newspapers_gold.jsonl", "persons"),
    ("papers-organisations", "ORG", "newspapers_gold.jsonl", "organisations"),
    ("papersdev-places", "LOC", "papers_dev_gold.jsonl", "places"),
    ("papersdev-persons", "PER", "papers_dev_gold.jsonl", "persons"),
    ("papersdev-organisations", "ORG", "papers_dev_gold.jsonl", "organisations"),
    ("papersdev2-places", "LOC", "papers_dev2_gold.jsonl", "places"),
    ("papersdev2-persons", "PER", "papers_dev2_gold.jsonl", "persons"),
    ("papersdev2-organisations", "ORG", "papers_dev2_gold.jsonl", "organisations"),
    ("papersdev3-places", "LOC", "papers_dev3_gold.jsonl", "places"),
    ("papersdev3-persons", "PER", "papers_dev3_gold.jsonl", "persons"),
    ("papersdev3-organisations", "ORG", "papers_dev3_gold.jsonl", "organisations"),
    ("papersdev4-places", "LOC", "papers_dev4_gold.jsonl", "places"),
    ("papersdev4-persons", "PER", "papers_dev4_gold.jsonl", "persons"),
    ("papersdev4-organisations", "ORG", "papers_dev4_gold.jsonl", "organisations"),
    ("papersdev5-places", "LOC", "papers_dev5_gold.jsonl", "places"),
    ("papersdev5-persons", "PER", "papers_dev5_gold.jsonl", "persons"),
    ("papersdev5-organisations", "ORG", "papers_dev5_gold.jsonl", "organisations"),
    ("newsdev2-places", "LOC", "news_dev2_gold.jsonl", "places"),
    ("newsdev2-persons", "PER", "news_dev2_gold.jsonl", "persons"),
    ("newsdev2-organisations", "ORG", "news_dev2_gold.jsonl", "organisations"),
    ("newsdev3-places", "LOC", "news_dev3_gold.jsonl", "places"),
    ("newsdev3-persons", "PER", "news_dev3_gold.jsonl", "persons"),
    ("newsdev3-organisations", "ORG", "news_dev3_gold.jsonl", "organisations"),
    ("newsdev4-places", "LOC", "news_dev4_gold.jsonl", "places"),
    ("newsdev4-persons", "PER", "news_dev4_gold.jsonl", "persons"),
    ("newsdev4-organisations", "ORG", "news_dev4_gold.jsonl", "organisations"),
    ("newsdev5-places", "LOC", "news_dev5_gold.jsonl", "places"),
    ("newsdev5-persons", "PER", "news_dev5_gold.jsonl", "persons"),
    ("newsdev5-organisations", "ORG", "news_dev5_gold.jsonl", "organisations"),
    ("newsdev6-places", "LOC", "news_dev6_gold.jsonl", "places"),
    ("newsdev6-persons", "PER", "news_dev6_gold.jsonl", "persons"),
    ("newsdev6-organisations", "ORG", "news_dev6_gold.jsonl", "organisations"),
    ("newsdev7-places", "LOC", "news_dev7_gold.jsonl", "places"),
    ("newsdev7-persons", "PER", "news_dev7_gold.jsonl", "persons"),
    ("newsdev7-organisations", "ORG", "news_dev7_gold.jsonl", "organisations"),
    ("newsdev8-places", "LOC", "news_dev8_gold.jsonl", "places"),
    ("newsdev8-persons", "PER", "news_dev8_gold.jsonl", "persons"),
    ("newsdev8-organisations", "ORG", "news_dev8_gold.jsonl", "organisations"),
    ("newsdev9-places", "LOC", "news_dev9_gold.jsonl", "places"),
    ("newsdev9-persons", "PER", "news_dev9_gold.jsonl", "persons"),
    ("newsdev9-organisations", "ORG", "news_dev9_gold.jsonl", "organisations"),
    ("newsdev10-places", "LOC", "news_dev10_gold.jsonl", "places"),
    ("newsdev10-persons", "PER", "news_dev10_gold.jsonl", "persons"),
    ("newsdev10-organisations", "ORG", "news_dev10_gold.jsonl", "organisations"),
    ("newsdev11-places", "LOC", "news_dev11_gold.jsonl", "places"),
    ("newsdev11-persons", "PER", "news_dev11_gold.jsonl", "persons"),
    ("newsdev11-organisations", "ORG", "news_dev11_gold.jsonl", "organisations"),
    ("newsdev12-places", "LOC", "news_dev12_gold.jsonl", "places"),
    ("newsdev12-persons", "PER", "news_dev12_gold.jsonl", "persons"),
    ("newsdev12-organisations", "ORG", "news_dev12_gold.jsonl", "organisations"),
    ("newsdev13-places", "LOC", "news_dev13_gold.jsonl", "places"),
    ("newsdev13-persons", "PER", "news_dev13_gold.jsonl", "persons"),
    ("newsdev13-organisations", "ORG", "news_dev13_gold.jsonl", "organisations"),
    ("newsdev14-places", "LOC", "news_dev14_gold.jsonl", "places"),
    ("newsdev14-persons", "PER", "news_dev14_gold.jsonl", "persons"),
    ("newsdev14-organisations", "ORG", "news_dev14_gold.jsonl", "organisations"),
    ("newsdev15-places", "LOC", "news_dev15_gold.jsonl", "places"),
    ("newsdev15-persons", "PER", "news_dev15_gold.jsonl", "persons"),
    ("newsdev15-organisations", "ORG", "news_dev15_gold.jsonl", "organisations"),
    ("newsdev16-places", "LOC", "news_dev16_gold.jsonl", "places"),
    ("newsdev16-persons", "PER", "news_dev16_gold.jsonl", "persons"),
    ("newsdev16-organisations", "ORG", "news_dev16_gold.jsonl", "organisations"),
    ("newsdev17-places", "LOC", "news_dev17_gold.jsonl", "places"),
    ("newsdev17-persons", "PER", "news_dev17_gold.jsonl", "persons"),
    ("newsdev17-organisations", "ORG", "news_dev17_gold.jsonl", "organisations"),
    ("newsdev18-places", "LOC", "news_dev18_gold.jsonl", "places"),
    ("newsdev18-persons", "PER", "news_dev18_gold.jsonl", "persons"),
    ("newsdev18-organisations", "ORG", "news_dev18_gold.jsonl", "organisations"),
    ("newsdev19-places", "LOC", "news_dev19_gold.jsonl", "places"),
    ("newsdev19-persons", "PER", "news_dev19_gold.jsonl", "persons"),
    ("newsdev19-organisations", "ORG", "news_dev19_gold.jsonl", "organisations"),
    ("newsdev20-places", "LOC", "news_dev20_gold.jsonl", "places"),
    ("newsdev20-persons", "PER", "news_dev20_gold.jsonl", "persons"),
    ("newsdev20-organisations", "ORG", "news_dev20_gold.jsonl", "organisations"),
    ("newsdev21-places", "LOC", "news_dev21_gold.jsonl", "places"),
    ("newsdev21-persons", "PER", "news_dev21_gold.jsonl", "persons"),
    ("newsdev21-organisations", "ORG", "news_dev21_gold.jsonl", "organisations"),
    ("newsdev22-places", "LOC", "news_dev22_gold.jsonl", "places"),
    ("newsdev22-persons", "PER", "news_dev22_gold.jsonl", "persons"),
    ("newsdev22-organisations", "ORG", "news_dev22_gold.jsonl", "organisations"),
    ("newsdev23-places", "LOC", "news_dev23_gold.jsonl", "places"),
    ("newsdev23-persons", "PER", "news_dev23_gold.jsonl", "persons"),
    ("newsdev23-organisations", "ORG", "news_dev23_gold.jsonl", "organisations"),
    ("newsdev24-places", "LOC", "news_dev24_gold.jsonl", "places"),
    ("newsdev24-persons", "PER", "news_dev24_gold.jsonl", "persons"),
    ("newsdev24-organisations", "ORG", "news_dev24_gold.jsonl", "organisations"),
    ("newsdev25-places", "LOC", "news_dev25_gold.jsonl", "places"),
    ("newsdev25-persons", "PER", "news_dev25_gold.jsonl", "persons"),
    ("newsdev25-organisations", "ORG", "news_dev25_gold.jsonl", "organisations"),
    ("newsdev26-places", "LOC", "news_dev26_gold.jsonl", "places"),
    ("newsdev26-persons", "PER", "news_dev26_gold.jsonl", "persons"),
    ("newsdev26-organisations", "ORG", "news_dev26_gold.jsonl", "organisations"),
    ("newsdev27-places", "LOC", "news_dev27_gold.jsonl", "places"),
    ("newsdev27-persons", "PER", "news_dev27_gold.jsonl", "persons"),
    ("newsdev27-organisations", "ORG", "news_dev27_gold.jsonl", "organisations"),
    ("newsdev28-places", "LOC", "news_dev28_gold.jsonl", "places"),
    ("newsdev28-persons", "PER", "news_dev28_gold.jsonl", "persons"),
    ("newsdev28-organisations", "ORG", "news_dev28_gold.jsonl", "organisations"),
    ("newsdev29-places", "LOC", "news_dev29_gold.jsonl", "places"),
    ("newsdev29-persons", "PER", "news_dev29_gold.jsonl", "persons"),
    ("newsdev29-organisations", "ORG", "news_dev29_gold.jsonl", "organisations"),
    ("newsdev30-places", "LOC", "news_dev30_gold.jsonl", "places"),
    ("newsdev30-persons", "PER", "news_dev30_gold.jsonl", "persons"),
    ("newsdev30-organisations", "ORG", "news_dev30_gold.jsonl", "organisations"),
)


@dataclass(frozen=True, slots=True)
class Collection:
    """Where a gold file's articles are: the collection, the field naming an article, its text field."""

    file: str
    key: str
    text: str
    label: str


SAUDINEWSNET = Collection(NEWS_FILE, "url", "content", "SaudiNewsNet articles")
NEWSPAPERS = Collection(PAPERS_FILE, "id", "text", "newspapers articles (blind)")
PAPERS_DEV = Collection(PAPERS_FILE, "id", "text", "newspapers articles (dev)")
COLLECTIONS: dict[str, Collection] = {
    "newspapers_gold.jsonl": NEWSPAPERS,
    "papers_dev_gold.jsonl": PAPERS_DEV,
    "papers_dev2_gold.jsonl": PAPERS_DEV,
    "papers_dev3_gold.jsonl": PAPERS_DEV,
    "papers_dev4_gold.jsonl": PAPERS_DEV,
    "papers_dev5_gold.jsonl": PAPERS_DEV,
}


def collection_of(gold_file: str) -> Collection:
    return COLLECTIONS.get(gold_file, SAUDINEWSNET)


@dataclass(slots=True)
class SetScore:
    name: str
    articles: int
    gold: int = 0
    found: int = 0
    right: int = 0
    source: str = SAUDINEWSNET.label

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
    # NFKC first: one gold name keeps the lam-alef ligature of its page. `عبد الله` and
    # `عبدالله` are two spellings of one name (the guidelines list either), as in the records.
    return " ".join(joined_heads(fold_for_search(unicodedata.normalize("NFKC", name)).split()))


def load_gold(file: str, field: str) -> list[tuple[str, frozenset[str]]]:
    """(article key, folded names) per article of one gold file; empty when the file is not shipped."""
    path = resources.files("marsad.evaluation") / "data" / file
    if not path.is_file():
        return []
    key = collection_of(file).key
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row[key], frozenset(fold_name(name) for name in row[field])) for row in rows]


def _articles(shared: Path, collection: Collection, keys: set[str]) -> dict[str, list[str]]:
    path = shared / collection.file
    if not path.is_file():
        raise FileNotFoundError(f"{path}: news collection not found (set --shared or MARSAD_SHARED)")
    content: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            if article.get(collection.key) in keys:
                text = article.get(collection.text) or ""
                content[article[collection.key]] = [p for p in text.split("\n") if p.strip()]
    missing = keys - content.keys()
    if missing:
        raise ValueError(f"{path}: {len(missing)} gold articles not found, e.g. {sorted(missing)[0]}")
    return content


def _keys_by_collection(
    files_and_golds: Iterable[tuple[str, list[tuple[str, frozenset[str]]]]],
) -> dict[Collection, set[str]]:
    """The gold articles' keys of each collection, the collections in the order the gold files come."""
    keys: dict[Collection, set[str]] = {}
    for file, gold in files_and_golds:
        if gold:
            keys.setdefault(collection_of(file), set()).update(key for key, _ in gold)
    return keys


def evaluated_paragraphs(shared: Path) -> set[str]:
    """Every paragraph of the articles the entity sets score (kept out of silver training data);
    a collection the shared folder lacks has none to leave out."""
    found: set[str] = set()
    for collection, keys in _keys_by_collection((file, load_gold(file, field)) for _, _, file, field in SETS).items():
        if (shared / collection.file).is_file():
            for paragraphs in _articles(shared, collection, keys).values():
                found.update(p.strip() for p in paragraphs)
    return found


def evaluate_news(shared: Path) -> list[SetScore]:
    """One score per gold set, each article tagged once (read from `shared` by url or id)."""
    golds = [(name, kind, file, load_gold(file, field)) for name, kind, file, field in SETS]
    golds = [(name, kind, file, gold) for name, kind, file, gold in golds if gold]
    found: dict[tuple[str, str], dict[str, set[str]]] = {}
    for collection, keys in _keys_by_collection((file, gold) for _, _, file, gold in golds).items():  # in SETS order
        for key, paragraphs in _articles(shared, collection, keys).items():
            by_type: dict[str, set[str]] = {}
            for span in find_entities(paragraphs):
                by_type.setdefault(span["type"], set()).add(fold_name(span["canonical"]))
            found[collection.file, key] = by_type
    scores = []
    for name, kind, file, gold in golds:
        collection = collection_of(file)
        score = SetScore(name, articles=len(gold), source=collection.label)
        for key, names in gold:
            predicted = found[collection.file, key].get(kind, set())
            score.gold += len(names)
            score.found += len(predicted)
            score.right += len(predicted & names)
        scores.append(score)
    return scores
