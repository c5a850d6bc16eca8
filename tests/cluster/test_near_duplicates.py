"""MinHash fingerprints and the incremental near-duplicate index, on stories we wrote."""

from __future__ import annotations

import pytest

from marsad.cluster.index import NearDuplicateIndex
from marsad.cluster.minhash import fingerprint, folded_words, shingles, signature_from_bytes

STORY = (
    "أعلنت وزارة الزراعة اليوم عن خطة جديدة لزيادة إنتاج القمح في المناطق الشمالية خلال الموسم المقبل "
    "وتشمل الخطة توزيع بذور محسنة على المزارعين وحفر آبار جديدة وتدريب الفنيين على أساليب الري الحديثة "
    "وقال الوزير إن الهدف هو تحقيق الاكتفاء الذاتي من القمح خلال خمس سنوات وإن التمويل متوفر بالكامل"
)
OTHER = (
    "افتتح نادي المدينة الرياضي ملعبا جديدا لكرة القدم يتسع لعشرة آلاف متفرج بحضور عدد من المسؤولين "
    "وأكد رئيس النادي أن الملعب سيستضيف مباريات الدوري المحلي ابتداء من الموسم القادم بعد اكتمال التجهيزات"
)


@pytest.mark.parametrize(
    ("variant", "same"),
    [
        (STORY, True),
        ("أعلنـــت وزارة الزراعة اليوم عن خطةٍ جديدة" + STORY[len("أعلنت وزارة الزراعة اليوم عن خطة جديدة") :], True),
        ("الرئيسية » أخبار\n" + STORY + "\nتابعونا على تويتر", True),
        (" ".join(STORY.split()[: int(len(STORY.split()) * 0.75)]), True),
        (STORY.replace("القمح", "الشعير").replace("الشمالية", "الجنوبية"), True),
        (OTHER, False),
    ],
)
def test_variants_of_a_story_are_found(variant: str, same: bool) -> None:
    index = NearDuplicateIndex()
    original = fingerprint(STORY)
    index.add(1, original.text_hash, original.signature, original.words)
    found = fingerprint(variant)
    match = index.find(found.text_hash, found.signature, found.words)
    assert (match is not None and match.key == 1) is same


def test_spelling_variants_hash_alike() -> None:
    assert (
        fingerprint("قالت الحكومة إن المستشفى جاهز").text_hash == fingerprint("قالت الحكومه ان المستشفي جاهز").text_hash
    )


def test_short_texts_never_match() -> None:
    index = NearDuplicateIndex()
    short = fingerprint("عاجل")
    index.add(1, short.text_hash, short.signature, short.words)
    assert index.find(short.text_hash, short.signature, short.words) is None


def test_removed_text_is_forgotten() -> None:
    index = NearDuplicateIndex()
    found = fingerprint(STORY)
    index.add(1, found.text_hash, found.signature, found.words)
    index.remove(1)
    assert index.find(found.text_hash, found.signature, found.words) is None


def test_joining_needs_the_representative_too() -> None:
    # B resembles A and C resembles B, but C is far from A: C must not join A's cluster.
    words = (STORY + " " + OTHER).split()
    texts = [" ".join(words[start : start + 30]) for start in (0, 8, 16)]
    index = NearDuplicateIndex(threshold=0.4)
    matches = []
    for key, text in enumerate(texts):
        found = fingerprint(text)
        match = index.find(found.text_hash, found.signature, found.words)
        matches.append(match.key if match else None)
        index.add(key, found.text_hash, found.signature, found.words, match.key if match else None)
    assert matches == [None, 0, None]


def test_signature_bytes_round_trip() -> None:
    found = fingerprint(STORY)
    assert (signature_from_bytes(found.signature_bytes()) == found.signature).all()


def test_shingles_of_folded_words() -> None:
    assert shingles(folded_words("أحمد قال: الحكومة"), 2) == ["احمد قال", "قال الحكومه"]
    assert shingles(["واحد"], 3) == ["واحد"]


def test_bad_threshold_is_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicateIndex(threshold=0)
