"""The LSH bands over packed signatures (issue #19) give datasketch's candidates, in bulk or
one by one, and the index rebuilt in bulk finds what the one-by-one index finds."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.cluster.bands import BandIndex
from marsad.cluster.index import NearDuplicateIndex
from marsad.cluster.minhash import SEED, fingerprint

_BASE = (
    "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة الطائف بطاقة ثلاثمئة سرير في إطار خطتها لتوسيع الخدمات "
    "الصحية في المحافظات وقال المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من نصف مليون نسمة في المحافظة والقرى "
    "المجاورة لها وإن التشغيل يبدأ الشهر المقبل بكوادر وطنية مؤهلة ومدربة على أحدث الأجهزة الطبية"
)


def _signatures(count: int) -> np.ndarray:
    words = _BASE.split()
    rng = np.random.default_rng(7)
    texts = []
    for number in range(count):
        # variants of one story: a word or two replaced (near duplicates), or half of them
        changed = 0.04 if number % 2 else 0.5
        variant = [w if rng.random() > changed else f"كلمة{rng.integers(1000)}" for w in words]
        texts.append(" ".join(variant))
    return np.stack([fingerprint(text).signature for text in texts])


def _datasketch_candidates(signatures: np.ndarray, threshold: float) -> list[set[int]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=signatures.shape[1])
    hashes = [
        MinHash(num_perm=signatures.shape[1], seed=SEED, hashvalues=s.astype(np.uint64), scheme="affine32")
        for s in signatures
    ]
    for key, minhash in enumerate(hashes):
        lsh.insert(key, minhash)
    return [set(lsh.query(minhash)) for minhash in hashes]


@pytest.mark.parametrize("threshold", [0.25, 0.5])
def test_bands_give_the_candidates_datasketch_gives(threshold: float) -> None:
    signatures = _signatures(120)
    expected = _datasketch_candidates(signatures, threshold)
    bulk = BandIndex(threshold, signatures.shape[1])
    bulk.bulk(list(range(len(signatures))), signatures)
    one_by_one = BandIndex(threshold, signatures.shape[1])
    for key, signature in enumerate(signatures):
        one_by_one.insert(key, signature)
    assert [bulk.query(s) for s in signatures] == expected
    assert [one_by_one.query(s) for s in signatures] == expected
    assert any(len(found) > 1 for found in expected) and any(len(found) == 1 for found in expected)


def test_a_removed_key_is_no_candidate_until_added_again() -> None:
    signatures = _signatures(10)
    bands = BandIndex(0.25, signatures.shape[1])
    bands.bulk(list(range(10)), signatures)
    bands.remove(3)
    assert 3 not in bands.query(signatures[3])
    bands.insert(3, signatures[3])
    bands.compact()
    assert 3 in bands.query(signatures[3])


def test_an_index_rebuilt_in_bulk_finds_what_the_one_by_one_index_finds() -> None:
    signatures = _signatures(60)
    stored = [(key, f"hash{key}", signature, 20, None) for key, signature in enumerate(signatures[:40])]
    bulk = NearDuplicateIndex()
    bulk.add_stored(stored)
    one_by_one = NearDuplicateIndex()
    for row in stored:
        one_by_one.add(*row)
    found = [bulk.find(f"hash{key}", s, 20) for key, s in enumerate(signatures[40:], start=40)]
    assert found == [one_by_one.find(f"hash{key}", s, 20) for key, s in enumerate(signatures[40:], start=40)]
    assert any(match is not None for match in found) and any(match is None for match in found)
