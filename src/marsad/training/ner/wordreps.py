"""Word clusters learned from unlabeled Arabic news (training time only).

ANERcorp has 125k tokens; most names in tomorrow's news are not among them.
Words that occur in the same contexts in 34k unlabeled articles (skip-gram
vectors) and fall into the same k-means cluster tend to share a type, so a
cluster id generalises what the CRF learned from a few names to many.

Needs `gensim` (the `ner-train` extra); the runtime only reads the TSV.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner.tokens import words

log = logging.getLogger(__name__)

# Measured on dev: window 5 with these three sizes scored 0.745 micro F1,
# window 2 with (64, 256, 1024, 4096) 0.719 (topical neighbours help more).
CLUSTER_SIZES = (64, 256, 1024)


def news_sentences(news_files: Iterable[Path], extra_conll: Iterable[Path] = ()) -> Iterator[list[str]]:
    """Folded token lists, one per paragraph of every news article (and CoNLL sentence)."""
    for path in news_files:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                text = item.get("content") or item.get("text") or ""
                for paragraph in text.split("\n"):
                    tokens = [fold_for_search(w) for w in words(paragraph)]
                    if len(tokens) > 2:
                        yield tokens
    for path in extra_conll:
        sentence: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if sentence:
                    yield sentence
                sentence = []
            else:
                sentence.append(fold_for_search(line.split()[0]))
        if sentence:
            yield sentence


def spherical_kmeans(vectors: np.ndarray, k: int, seed: int, iterations: int = 20) -> np.ndarray:
    """Cluster ids for unit-normalised rows of `vectors` (cosine k-means)."""
    rng = np.random.default_rng(seed)
    centers = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        for lo in range(0, len(vectors), 20000):
            labels[lo : lo + 20000] = np.argmax(vectors[lo : lo + 20000] @ centers.T, axis=1)
        for c in range(k):
            members = vectors[labels == c]
            if len(members):
                center = members.sum(axis=0)
                centers[c] = center / (np.linalg.norm(center) + 1e-9)
            else:
                centers[c] = vectors[rng.integers(len(vectors))]
    return labels


def build_clusters(
    news_files: list[Path],
    out: Path,
    *,
    extra_conll: list[Path] | None = None,
    min_count: int = 5,
    dim: int = 100,
    window: int = 5,
    epochs: int = 5,
    seed: int = 13,
    vectors_out: Path | None = None,
) -> dict[str, object]:
    """Train skip-gram vectors on the news, cluster them, write `word<TAB>count<TAB>ids...`.

    With `vectors_out`, the vectors themselves are kept too (an `.npz` with
    `words`, `counts` and `vectors`): the neural tagger starts from them."""
    from gensim.models import Word2Vec  # training-time only: the `ner-train` extra

    sentences = list(news_sentences(news_files, extra_conll or []))
    counts: Counter[str] = Counter(token for sentence in sentences for token in sentence)
    log.info("%d sentences, %d tokens, %d types", len(sentences), sum(counts.values()), len(counts))
    model = Word2Vec(
        sentences,
        vector_size=dim,
        window=window,
        min_count=min_count,
        sg=1,
        negative=5,
        epochs=epochs,
        workers=1,  # one worker keeps the vectors reproducible for a fixed seed
        seed=seed,
    )
    vocab = list(model.wv.index_to_key)
    vectors = np.asarray(model.wv.vectors, dtype=np.float32)
    if vectors_out is not None:
        np.savez(
            vectors_out,
            words=np.array(vocab),
            counts=np.array([counts[w] for w in vocab], dtype=np.int64),
            vectors=vectors,
        )
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    columns = [spherical_kmeans(vectors, k, seed + k) for k in CLUSTER_SIZES]
    with out.open("w", encoding="utf-8") as handle:
        handle.write("# word\tcount\t" + "\t".join(f"k{k}" for k in CLUSTER_SIZES) + "\n")
        for i, word in enumerate(vocab):
            ids = "\t".join(str(int(col[i])) for col in columns)
            handle.write(f"{word}\t{counts[word]}\t{ids}\n")
    return {
        "sentences": len(sentences),
        "tokens": sum(counts.values()),
        "vocabulary": len(vocab),
        "min_count": min_count,
        "dim": dim,
        "window": window,
        "epochs": epochs,
        "seed": seed,
        "cluster_sizes": list(CLUSTER_SIZES),
    }


def main() -> None:
    import sys

    logging.basicConfig(level=logging.INFO)
    shared = Path(sys.argv[1])
    out = Path(sys.argv[2])
    news = sorted((shared / "data" / "news").glob("*.jsonl.gz"))
    info = build_clusters(news, out, extra_conll=[shared / "data/ner/anercorp/train.txt"])
    print(json.dumps(info))


if __name__ == "__main__":
    main()
