"""How well marsad groups articles into events, against gold written by people
who never saw its output (`docs/guidelines/events.md`).

Each gold set names SaudiNewsNet articles by url with an event label. The
articles go through the real path: extracted and enriched, ingested in order
of extraction date into a fresh SQLite archive (published = that date), where
near-duplicate clustering and event assignment run as at any ingest. Scored:
pairwise precision, recall and F1 (over pairs of articles put in one event)
and B-cubed, for events and, beside them, for near-duplicate clusters alone.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

from marsad.records import Page

__all__ = [
    "AGREEMENT_SETS",
    "EVENT_SETS",
    "EventScores",
    "annotator_agreement",
    "bcubed",
    "evaluate_events",
    "load_event_floors",
    "pairwise",
]

EVENT_SETS = ("dev", "dev3", "dev4", "dev5", "dev6", "dev7", "blind", "blind2")


def _data(name: str) -> Any:
    return json.loads((resources.files("marsad.evaluation") / "data" / name).read_text(encoding="utf-8"))


def load_event_floors() -> dict[str, dict[str, float]]:
    floors: dict[str, dict[str, float]] = _data("events_floors.json")["floors"]
    return floors


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _groups(labels: Mapping[str, str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for item, label in labels.items():
        groups[label].add(item)
    return groups


def _pairs(labels: Mapping[str, str]) -> set[tuple[str, str]]:
    return {pair for group in _groups(labels).values() for pair in combinations(sorted(group), 2)}


def pairwise(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """Precision and recall over the pairs of items each side puts in one group."""
    gold_pairs, predicted_pairs = _pairs(gold), _pairs(predicted)
    right = len(gold_pairs & predicted_pairs)
    precision = right / len(predicted_pairs) if predicted_pairs else 1.0
    recall = right / len(gold_pairs) if gold_pairs else 1.0
    return Scores(precision, recall, _f1(precision, recall))


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """B-cubed: per item, the share of its predicted group in its gold group and back, averaged."""
    gold_groups, predicted_groups = _groups(gold), _groups(predicted)
    precision = recall = 0.0
    for item in gold:
        same = len(gold_groups[gold[item]] & predicted_groups[predicted[item]])
        precision += same / len(predicted_groups[predicted[item]])
        recall += same / len(gold_groups[gold[item]])
    precision /= len(gold)
    recall /= len(gold)
    return Scores(precision, recall, _f1(precision, recall))


@dataclass(frozen=True, slots=True)
class EventScores:
    articles: int
    gold_events: int
    gold_pairs: int
    events: Scores
    events_bcubed: Scores
    near_duplicates: Scores
    near_duplicates_bcubed: Scores

    def figures(self) -> dict[str, float]:
        return {
            "pairwise_precision": round(self.events.precision, 4),
            "pairwise_recall": round(self.events.recall, 4),
            "pairwise_f1": round(self.events.f1, 4),
            "bcubed_f1": round(self.events_bcubed.f1, 4),
            "neardup_precision": round(self.near_duplicates.precision, 4),
            "neardup_recall": round(self.near_duplicates.recall, 4),
            "neardup_f1": round(self.near_duplicates.f1, 4),
            "neardup_bcubed_f1": round(self.near_duplicates_bcubed.f1, 4),
            "recall_over_neardup": round(
                self.events.recall / self.near_duplicates.recall if self.near_duplicates.recall else 0.0, 3
            ),
        }


# (gold set, a second person's grouping of the same articles, what the pair shows)
AGREEMENT_SETS = (
    ("dev3", "dev3_second", "the same guidelines"),
    ("blind", "blind_first", "the first grouping, before the guidelines said how to treat reactions"),
)


def annotator_agreement() -> list[tuple[str, str, Scores, Scores]]:
    """Pairwise and B-cubed scores of a second person's grouping against each gold set that
    has one: how far two careful people agree, which bounds what any program can show."""
    found = []
    for gold_name, other_name, about in AGREEMENT_SETS:
        gold = {item["url"]: item["event"] for item in _data(f"events_{gold_name}.json")["articles"]}
        other = {item["url"]: item["event"] for item in _data(f"events_{other_name}.json")["articles"]}
        found.append((gold_name, about, pairwise(gold, other), bcubed(gold, other)))
    return found


def _articles(shared: Path, urls: set[str]) -> Iterator[dict[str, Any]]:
    path = shared / "data" / "news" / "saudinewsnet.jsonl.gz"
    if not path.is_file():
        raise FileNotFoundError(f"shared data file missing: {path} (set MARSAD_SHARED)")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if item["url"] in urls:
                yield item


def _raise(error: Exception) -> None:
    raise error


def evaluate_events(shared: Path, which: str) -> EventScores:
    """Score events and near-duplicate clusters on the gold set `which` (dev or blind)."""
    from marsad.extraction import extract_page
    from marsad.store.ingest import IngestOptions, ingest_pages
    from marsad.store.sqlite import SQLiteArchive

    gold_set = _data(f"events_{which}.json")
    gold = {item["url"]: item["event"] for item in gold_set["articles"]}
    found = sorted(_articles(shared, set(gold)), key=lambda item: (item["date_extracted"], item["source"], item["url"]))
    if len(found) != len(gold):
        raise FileNotFoundError(f"{len(gold) - len(found)} gold urls of events_{which} not in SaudiNewsNet")
    pages = (
        Page(
            origin=item["url"],
            text=item["content"],
            title=item.get("title") or None,
            url=item["url"],
            source=item["source"],
            published=item["date_extracted"][:10],
        )
        for item in found
    )
    with tempfile.TemporaryDirectory() as folder:
        archive = SQLiteArchive(Path(folder) / "events.db")
        try:
            ingest_pages(archive, pages, extract_page, on_error=_raise, options=IngestOptions(batch_size=1000))
            rows = archive.fetch(
                "SELECT r.url, e.event_id, m.cluster_id FROM records r "
                "JOIN event_members e ON e.record_rowid = r.rowid "
                "LEFT JOIN cluster_members m ON m.record_rowid = r.rowid WHERE r.parent IS NULL"
            )
        finally:
            archive.close()
    events = {url: f"event:{event}" for url, event, _cluster in rows}
    clusters = {url: f"cluster:{cluster}" if cluster else f"alone:{url}" for url, _event, cluster in rows}
    # A page that gave no record is an event of its own on both sides.
    for url in gold:
        events.setdefault(url, f"none:{url}")
        clusters.setdefault(url, f"none:{url}")
    return EventScores(
        articles=len(gold),
        gold_events=len(set(gold.values())),
        gold_pairs=len(_pairs(gold)),
        events=pairwise(gold, events),
        events_bcubed=bcubed(gold, events),
        near_duplicates=pairwise(gold, clusters),
        near_duplicates_bcubed=bcubed(gold, clusters),
    )
