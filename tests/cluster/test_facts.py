"""The facts check: templated statements about other people or places are other stories."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from marsad.cluster.facts import Facts, conflict, text_facts
from marsad.cluster.index import NearDuplicateIndex
from marsad.cluster.minhash import fingerprint, folded_words
from marsad.records import Page, Record
from marsad.store.ingest import IngestOptions, ingest_pages
from marsad.store.sqlite import SQLiteArchive

# A congratulation telegram template we wrote; only the country and its capital change.
TELEGRAM = (
    "بعث خادم الحرمين الشريفين برقية تهنئة إلى رئيس {country} بمناسبة ذكرى اليوم الوطني لبلاده "
    "وأعرب في البرقية باسم شعب المملكة وحكومتها عن أصدق التهاني وأطيب التمنيات بموفور الصحة والسعادة "
    "ولشعب {country} الصديق المزيد من التقدم والازدهار وأكد حرص المملكة على تعزيز العلاقات مع {capital} "
    "في جميع المجالات بما يخدم مصالح البلدين والشعبين الصديقين ويحقق الأمن والاستقرار في العالم"
)


def _telegram(country: str, capital: str) -> str:
    return TELEGRAM.format(country=country, capital=capital)


def _facts(text: str) -> frozenset[str]:
    return text_facts(folded_words(text)).names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("وصل الوفد إلى باريس قادما من مدريد", {"باريس", "مدريد"}),
        ("وقال المتحدث بالقاهرة إن وفرنسا ولإسبانيا شريكان", {"القاهره", "فرنسا", "اسبانيا"}),
        ("أعلنت الوزارة اليوم عن خطة جديدة للزراعة", set()),
    ],
)
def test_names_are_found_behind_clitics(text: str, names: set[str]) -> None:
    assert _facts(text) == names


@pytest.mark.parametrize(
    ("a", "b", "conflicting"),
    [
        # Other country and other capital on both sides: another telegram.
        (_telegram("فرنسا", "باريس"), _telegram("إيطاليا", "روما"), True),
        (_telegram("إسبانيا", "مدريد"), _telegram("البرتغال", "لشبونة"), True),
        # One name swapped is not enough: a repeat may correct a name.
        (_telegram("فرنسا", "باريس"), _telegram("فرنسا", "روما"), False),
        # Names only added on one side: a longer version of the story.
        (_telegram("فرنسا", "باريس"), _telegram("فرنسا", "باريس") + " وزار لندن وطوكيو ومدريد", False),
        # The same names in other spellings or splits.
        ("زار عبد اللطيف سوريا ولبنان", "زار عبداللطيف سورية ولبنان", False),
        (_telegram("فرنسا", "باريس"), _telegram("فرنسا", "باريس"), False),
    ],
)
def test_conflict(a: str, b: str, conflicting: bool) -> None:
    fa, fb = text_facts(folded_words(a)), text_facts(folded_words(b))
    assert conflict(fa, fb) is conflicting
    assert conflict(fb, fa) is conflicting


def _cluster(texts: list[str], threshold: float = 0.35) -> list[int | None]:
    index = NearDuplicateIndex(threshold=threshold)
    joined: list[int | None] = []
    for key, text in enumerate(texts):
        found = fingerprint(text)
        match = index.find(found.text_hash, found.signature, found.words, found.facts)
        joined.append(index.representative(match.key) if match else None)
        index.add(key, found.text_hash, found.signature, found.words, match.key if match else None, found.facts)
    return joined


def test_templates_with_other_facts_stay_apart() -> None:
    assert _cluster([_telegram("فرنسا", "باريس"), _telegram("إيطاليا", "روما")]) == [None, None]


def test_a_repeat_of_a_template_still_joins() -> None:
    original = _telegram("فرنسا", "باريس")
    assert _cluster([original, "عاجل\n" + original + "\nتابعونا على تويتر"]) == [None, 0]


def test_a_text_without_names_does_not_bridge_two_templates() -> None:
    # The first telegram names no place we know, so it conflicts with neither
    # of the others; the third must still not join a cluster holding the second.
    texts = [_telegram("الدولة الصديقة", "العاصمة"), _telegram("فرنسا", "باريس"), _telegram("إيطاليا", "روما")]
    assert _cluster(texts) == [None, 0, None]


def test_without_facts_similarity_alone_decides() -> None:
    # Signatures rebuilt from the store carry no facts: templates then merge as before.
    index = NearDuplicateIndex(threshold=0.35)
    first, second = fingerprint(_telegram("فرنسا", "باريس")), fingerprint(_telegram("إيطاليا", "روما"))
    index.add(0, first.text_hash, first.signature, first.words)
    match = index.find(second.text_hash, second.signature, second.words, second.facts)
    assert match is not None and match.key == 0


def test_facts_of_texts_rebuilt_from_signatures_are_loaded_when_needed() -> None:
    texts = {0: _telegram("فرنسا", "باريس"), 1: _telegram("فرنسا", "باريس") + " وتابعونا على تويتر"}
    asked: list[list[int]] = []

    def loader(keys: Sequence[int]) -> dict[int, Facts]:
        asked.append(list(keys))
        return {key: fingerprint(texts[key]).facts for key in keys}

    index = NearDuplicateIndex(threshold=0.35, facts_loader=loader)
    for key, text in texts.items():
        # As rebuilt from the store: signatures and clusters, no facts.
        found = fingerprint(text)
        index.add(key, found.text_hash, found.signature, found.words, 0 if key else None)
    other = fingerprint(_telegram("إيطاليا", "روما"))
    assert index.find(other.text_hash, other.signature, other.words, other.facts) is None
    repeat = fingerprint("عاجل\n" + texts[0])
    match = index.find(repeat.text_hash, repeat.signature, repeat.words, repeat.facts)
    assert match is not None and index.representative(match.key) == 0
    assert asked == [[0, 1]]


def test_templates_stay_apart_across_ingest_runs(tmp_path: Path) -> None:
    def page(key: str, text: str) -> Page:
        return Page(origin=key, text=text, title="برقية", id=key, source="واس")

    def extract(page: Page) -> list[Record]:
        body = (page.text or "").splitlines()
        return [
            Record(
                id=page.stable_id(),
                parent=None,
                source=page.source,
                url=None,
                published=None,
                category=None,
                title=page.title,
                body=body,
                origin=page.origin,
            )
        ]

    def fail(error: Exception) -> None:
        raise error

    options = IngestOptions(cluster=True, cluster_threshold=0.35)
    archive = SQLiteArchive(tmp_path / "archive.db")
    try:
        ingest_pages(archive, [page("a", _telegram("فرنسا", "باريس"))], extract, on_error=fail, options=options)
        # A second run rebuilds the index from the stored signatures.
        later = [page("b", _telegram("إيطاليا", "روما")), page("c", "عاجل\n" + _telegram("فرنسا", "باريس"))]
        ingest_pages(archive, later, extract, on_error=fail, options=options)
        records = list(archive.iter_records())
    finally:
        archive.close()
    by_origin = {record.origin: record.cluster for record in records}
    assert by_origin["a"] is not None and by_origin["a"] == by_origin["c"]
    assert by_origin["b"] != by_origin["a"]
