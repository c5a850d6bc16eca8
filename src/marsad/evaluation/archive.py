"""How well the archive finds and groups: variant-query search recall and
near-duplicate cluster precision/recall, on the real data in ../shared.

Search: `data/search_queries.json` holds our queries, each written in a
spelling the articles mostly do not use (clitics, hamza, ta marbuta, loanword
variants, diacritics, tatweel, phrases), with the ids of the articles in
newspapers.jsonl.gz that mention the word in any legitimate spelling. The
articles go into a fresh archive as they are (title = first line), so the
figure measures search, not extraction.

Clusters: `data/cluster_pairs.json` holds SaudiNewsNet pairs we labelled by
reading them; to them we add variants we generate from other articles: the
same story with other chrome lines, an edited headline, a trimmed ending.
A pair is predicted "same story" when both records end up in one cluster.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from marsad.cluster.index import DEFAULT_THRESHOLD
from marsad.records import Page, Record
from marsad.shared_data import shared_dir
from marsad.store.base import Archive, SearchFilters
from marsad.store.ingest import IngestOptions, ingest_pages
from marsad.store.search import parse_query
from marsad.store.sqlite import SQLiteArchive

__all__ = [
    "ClusterReport",
    "SearchReport",
    "check_floors",
    "evaluate_clusters",
    "evaluate_search",
    "load_floors",
    "shared_dir",
]

_DIACRITICS_TATWEEL = regex.compile(r"[\u064B-\u0652\u0670\u0640]")


def _data(name: str) -> Any:
    return json.loads((resources.files("marsad.evaluation") / "data" / name).read_text(encoding="utf-8"))


def load_floors() -> dict[str, float]:
    floors: dict[str, float] = _data("archive_floors.json")["floors"]
    return floors


def _jsonl_gz(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        raise FileNotFoundError(f"shared data file missing: {path} (set MARSAD_SHARED)")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _lines_record(page: Page) -> list[Record]:
    lines = [line.strip() for line in (page.text or "").splitlines() if line.strip()]
    return [
        Record(
            id=page.stable_id(),
            parent=None,
            source=page.source,
            url=page.url,
            published=page.published,
            category=None,
            title=page.title if page.title is not None else (lines[0] if lines else None),
            body=lines if page.title is not None else lines[1:],
            origin=page.origin,
        )
    ]


# --- search --------------------------------------------------------------------


@dataclass(slots=True)
class QueryResult:
    query: str
    tests: str
    relevant: int
    found_relevant: int
    returned: int

    @property
    def recall(self) -> float:
        return self.found_relevant / self.relevant if self.relevant else 1.0

    @property
    def precision(self) -> float:
        return self.found_relevant / self.returned if self.returned else 1.0


@dataclass(slots=True)
class SearchReport:
    queries: list[QueryResult] = field(default_factory=list)

    @property
    def recall_macro(self) -> float:
        return sum(q.recall for q in self.queries) / len(self.queries)

    @property
    def recall_micro(self) -> float:
        return sum(q.found_relevant for q in self.queries) / sum(q.relevant for q in self.queries)

    @property
    def precision_macro(self) -> float:
        return sum(q.precision for q in self.queries) / len(self.queries)

    def figures(self) -> dict[str, float]:
        return {
            "search_recall_macro": round(self.recall_macro, 4),
            "search_recall_micro": round(self.recall_micro, 4),
            "search_recall_min": round(min(q.recall for q in self.queries), 4),
            "search_precision_macro": round(self.precision_macro, 4),
        }


def newspapers_pages(shared: Path) -> Iterator[Page]:
    path = shared / "data" / "news" / "newspapers.jsonl.gz"
    for number, item in enumerate(_jsonl_gz(path), 1):
        yield Page(origin=f"{path.name}:{number}", text=item["text"], id=item["id"], source=item.get("country"))


def build_archive(archive: Archive, pages: Iterator[Page]) -> None:
    def fail(error: Exception) -> None:
        raise error

    ingest_pages(archive, pages, _lines_record, on_error=fail, options=IngestOptions(cluster=False, batch_size=1000))


def search_queries() -> list[dict[str, Any]]:
    queries: list[dict[str, Any]] = _data("search_queries.json")["queries"]
    return queries


def judge(pattern: str, text: str) -> bool:
    """The judgement rule the relevant ids were made with (kept so tests can check them)."""
    return regex.search(pattern, _DIACRITICS_TATWEEL.sub("", text)) is not None


def evaluate_search(archive: Archive) -> SearchReport:
    report = SearchReport()
    for item in search_queries():
        relevant = set(item["relevant"])
        hits = archive.search(parse_query(item["query"]), SearchFilters(), 1_000_000)
        found = {hit.id for hit in hits}
        report.queries.append(
            QueryResult(item["query"], item["tests"], len(relevant), len(found & relevant), len(found))
        )
    return report


# --- clusters ------------------------------------------------------------------

# Chrome lines we wrote, in the styles sites wrap a syndicated story with.
_CHROME_BEFORE = ("الرئيسية » أخبار محلية", "نشر في: الأحد ٢ أغسطس ٢٠١٥")
_CHROME_AFTER = (
    "تابعونا على تويتر وفيسبوك لمزيد من الأخبار",
    "اشترك في خدمة الرسائل القصيرة لتصلك آخر الأخبار العاجلة",
    "جميع الحقوق محفوظة للموقع",
)
_VARIANT_KINDS = ("chrome", "headline", "trimmed")
_GENERATED_BASES = 40


@dataclass(frozen=True, slots=True)
class Story:
    key: str
    title: str
    body: list[str]
    source: str | None


def _variant(story: Story, kind: str) -> Story:
    if kind == "chrome":
        return Story(f"{story.key}#chrome", story.title, [*_CHROME_BEFORE, *story.body, *_CHROME_AFTER], "copier")
    if kind == "headline":
        return Story(
            f"{story.key}#headline", "عاجل: " + story.title[: len(story.title) // 2] + " (تحديث)", story.body, "copier"
        )
    words = " ".join(story.body).split()
    kept = words[: max(1, int(len(words) * 0.7))]
    return Story(f"{story.key}#trimmed", story.title, [" ".join(kept)], "copier")


@dataclass(slots=True)
class ClusterReport:
    labelled_pairs: int = 0
    generated_pairs: int = 0
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    labelled_counts: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp, fp, fn

    @property
    def precision(self) -> float:
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_positive + self.false_negative
        return self.true_positive / actual if actual else 1.0

    def add(self, kind: str, same: bool, predicted: bool) -> None:
        counts = self.by_kind.setdefault(kind, [0, 0])
        counts[0] += 1
        counts[1] += same == predicted
        if kind == "labelled":
            self.labelled_counts[0] += same and predicted
            self.labelled_counts[1] += predicted and not same
            self.labelled_counts[2] += same and not predicted
        if same and predicted:
            self.true_positive += 1
        elif predicted:
            self.false_positive += 1
        elif same:
            self.false_negative += 1
        else:
            self.true_negative += 1

    def figures(self) -> dict[str, float]:
        tp, fp, fn = self.labelled_counts
        # Generated pairs are what the labelled ones leave of the totals.
        gtp, gfp, gfn = self.true_positive - tp, self.false_positive - fp, self.false_negative - fn
        return {
            "cluster_precision": round(self.precision, 4),
            "cluster_recall": round(self.recall, 4),
            "cluster_precision_labelled": round(tp / (tp + fp) if tp + fp else 1.0, 4),
            "cluster_recall_labelled": round(tp / (tp + fn) if tp + fn else 1.0, 4),
            "cluster_precision_generated": round(gtp / (gtp + gfp) if gtp + gfp else 1.0, 4),
            "cluster_recall_generated": round(gtp / (gtp + gfn) if gtp + gfn else 1.0, 4),
        }


def _stories(shared: Path) -> tuple[dict[str, Story], list[Story]]:
    """SaudiNewsNet articles by url, and the bases for generated variants (spread over the file)."""
    pairs = _data("cluster_pairs.json")["pairs"]
    wanted = {pair["a"] for pair in pairs} | {pair["b"] for pair in pairs}
    by_url: dict[str, Story] = {}
    bases: list[Story] = []
    path = shared / "data" / "news" / "saudinewsnet.jsonl.gz"
    for number, item in enumerate(_jsonl_gz(path)):
        body = [line.strip() for line in item["content"].splitlines() if line.strip()]
        story = Story(item["url"], item.get("title") or "", body, item.get("source"))
        if item["url"] in wanted:
            by_url[item["url"]] = story
        elif number % 701 == 0 and len(" ".join(body).split()) >= 80 and len(bases) < _GENERATED_BASES:
            bases.append(story)
    missing = wanted - set(by_url)
    if missing:
        raise FileNotFoundError(f"{len(missing)} labelled urls not found in {path}")
    return by_url, bases


def evaluate_clusters(shared: Path, threshold: float | None = None) -> ClusterReport:
    by_url, bases = _stories(shared)
    stories = list(by_url.values())
    generated: list[tuple[str, str, bool]] = []
    for index, base in enumerate(bases):
        stories.append(base)
        variants = [_variant(base, kind) for kind in _VARIANT_KINDS]
        stories.extend(variants)
        generated.extend((base.key, variant.key, True) for variant in variants)
        other = bases[(index + 1) % len(bases)]
        generated.append((base.key, other.key, False))
        generated.append((variants[0].key, other.key, False))
    options = IngestOptions(cluster=True, batch_size=1000, cluster_threshold=threshold or DEFAULT_THRESHOLD)
    pages = (
        Page(origin=story.key, text="\n".join(story.body), title=story.title, id=story.key, source=story.source)
        for story in stories
    )
    with tempfile.TemporaryDirectory() as folder:
        archive = SQLiteArchive(Path(folder) / "clusters.db")
        try:
            ingest_pages(archive, pages, _lines_record, on_error=_raise, options=options)
            cluster_of = {record.id: record.cluster for record in archive.iter_records()}
        finally:
            archive.close()

    def together(a: str, b: str) -> bool:
        return cluster_of.get(a) is not None and cluster_of.get(a) == cluster_of.get(b)

    report = ClusterReport()
    for pair in _data("cluster_pairs.json")["pairs"]:
        report.labelled_pairs += 1
        report.add("labelled", pair["same_story"], together(pair["a"], pair["b"]))
    for a, b, same in generated:
        report.generated_pairs += 1
        kind = b.rsplit("#", 1)[-1] if same else "different"
        report.add(f"generated-{kind}", same, together(a, b))
    return report


def _raise(error: Exception) -> None:
    raise error


# --- floors --------------------------------------------------------------------


def check_floors(figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Every figure below its pinned floor, as a message."""
    return [
        f"{name} = {figures[name]:.4f} is below its floor {floor:.4f}"
        for name, floor in floors.items()
        if name in figures and figures[name] < floor
    ]


def evaluate_search_on_shared(shared: Path) -> SearchReport:
    with tempfile.TemporaryDirectory() as folder:
        archive = SQLiteArchive(Path(folder) / "search.db")
        try:
            build_archive(archive, newspapers_pages(shared))
            return evaluate_search(archive)
        finally:
            archive.close()
