"""MinHash signatures/s: rensa (what marsad uses) next to datasketch, on the same SaudiNewsNet shingles.

    .venv/bin/python bench/bench_minhash.py [--limit 10000] [--num-perm 128]

Both libraries get the same input: 3-word shingles of search-folded words of
each article body (shingling time is reported separately and excluded from
the signature rates). Also prints how closely the two libraries' Jaccard
estimates agree with the exact shingle Jaccard on near-duplicate candidates,
and the time of marsad's whole incremental index (fingerprint + LSH query +
insert) per article. Reads ``$MARSAD_SHARED/data/news/saudinewsnet.jsonl.gz``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time

import numpy as np

from marsad.cluster.index import NearDuplicateIndex
from marsad.cluster.minhash import fingerprint, folded_words, shingles
from marsad.evaluation.archive import shared_dir


def _bodies(limit: int) -> list[str]:
    path = shared_dir() / "data" / "news" / "saudinewsnet.jsonl.gz"
    bodies = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            bodies.append(json.loads(line)["content"])
            if len(bodies) >= limit:
                break
    return bodies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=10_000)
    parser.add_argument("--num-perm", type=int, default=128)
    args = parser.parse_args()

    bodies = _bodies(args.limit)
    start = time.perf_counter()
    shingle_sets = [shingles(folded_words(body)) for body in bodies]
    shingle_time = time.perf_counter() - start
    print(f"{len(bodies)} articles; folding + shingling: {len(bodies) / shingle_time:,.0f} articles/s")

    from rensa import RMinHash

    start = time.perf_counter()
    rensa_sigs = []
    for items in shingle_sets:
        minhash = RMinHash(num_perm=args.num_perm, seed=1)
        minhash.update(items)
        rensa_sigs.append(np.asarray(minhash.digest(), dtype=np.uint64))
    rensa_rate = len(bodies) / (time.perf_counter() - start)

    from datasketch import MinHash

    start = time.perf_counter()
    datasketch_sigs = []
    for items in shingle_sets:
        minhash = MinHash(num_perm=args.num_perm, seed=1)
        minhash.update_batch([item.encode("utf-8") for item in items])
        datasketch_sigs.append(minhash.hashvalues)
    datasketch_rate = len(bodies) / (time.perf_counter() - start)

    print(f"rensa RMinHash      {rensa_rate:12,.0f} signatures/s")
    print(f"datasketch MinHash  {datasketch_rate:12,.0f} signatures/s (update_batch)")
    print(f"ratio rensa / datasketch: {rensa_rate / datasketch_rate:.1f}x")

    # Estimate quality on consecutive-article pairs with real overlap.
    errors: dict[str, list[float]] = {"rensa": [], "datasketch": []}
    for i in range(len(bodies) - 1):
        for j in range(i + 1, min(i + 30, len(bodies))):
            a, b = set(shingle_sets[i]), set(shingle_sets[j])
            if not a or not b:
                continue
            exact = len(a & b) / len(a | b)
            if exact < 0.2:
                continue
            errors["rensa"].append(abs(float(np.mean(rensa_sigs[i] == rensa_sigs[j])) - exact))
            errors["datasketch"].append(abs(float(np.mean(datasketch_sigs[i] == datasketch_sigs[j])) - exact))
    if errors["rensa"]:
        print(
            f"mean |estimate - exact Jaccard| on {len(errors['rensa'])} overlapping pairs: "
            f"rensa {np.mean(errors['rensa']):.3f}, datasketch {np.mean(errors['datasketch']):.3f}"
        )

    index = NearDuplicateIndex()
    start = time.perf_counter()
    duplicates = 0
    for key, body in enumerate(bodies):
        found = fingerprint(body)
        match = index.find(found.text_hash, found.signature, found.words, found.facts)
        duplicates += match is not None
        joined = match.key if match is not None else None
        index.add(key, found.text_hash, found.signature, found.words, joined, found.facts)
    rate = len(bodies) / (time.perf_counter() - start)
    print(
        f"marsad incremental index (fold, shingle, rensa signature, LSH query + insert): {rate:,.0f} articles/s; "
        f"{duplicates} near-duplicates of an earlier article ({duplicates / len(bodies):.1%})"
    )


if __name__ == "__main__":
    main()
