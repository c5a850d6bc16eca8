"""Training the CRF: dev experiments and the final shipped model.

Reproducible by construction: the dev split is a seeded choice of contiguous
blocks of sentences (contiguous, so that sentences of one article do not sit
on both sides), the gazetteer of training names is built out-of-fold for the
training features (otherwise the CRF learns to trust it as the gold label),
and crfsuite's L-BFGS is deterministic. The config and the sha256 of every
input file are written next to the model.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from marsad.enrich.ner.conll import Sentence, read_labelled, score
from marsad.enrich.ner.features import FeatureConfig, FeatureExtractor, Lexicons
from marsad.enrich.ner.gazetteers import babel_places, merge, names_from, write_tsv
from marsad.enrich.ner.model import (
    CLUSTERS_FILE,
    CONFIG_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    TRIGGERS_FILE,
    NerModel,
    load_lexicons,
)


@dataclass(slots=True)
class TrainConfig:
    features: FeatureConfig = field(default_factory=FeatureConfig)
    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 200
    seed: int = 13
    dev_blocks: int = 4
    blocks: int = 40
    folds: int = 5


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def split_dev(sentences: Sequence[Sentence], config: TrainConfig) -> tuple[list[Sentence], list[Sentence]]:
    size = -(-len(sentences) // config.blocks)
    chosen = set(random.Random(config.seed).sample(range(config.blocks), config.dev_blocks))
    train: list[Sentence] = []
    dev: list[Sentence] = []
    for i, sentence in enumerate(sentences):
        (dev if i // size in chosen else train).append(sentence)
    return train, dev


def _extractor(
    base: Lexicons, gazetteer: dict[str, frozenset[str]], config: FeatureConfig
) -> FeatureExtractor:
    lexicons = Lexicons(base.clusters, base.counts, gazetteer, base.triggers)
    return FeatureExtractor(lexicons, config)


def training_features(
    sentences: Sequence[Sentence], base: Lexicons, places: dict[str, set[str]], config: TrainConfig
) -> list[list[list[str]]]:
    """Features of the training sentences with an out-of-fold gazetteer."""
    probe = FeatureExtractor(base, config.features)
    key = lambda token: probe._key(token)[1]  # noqa: E731 - the stem key the features look up
    folds = config.folds
    out: list[list[list[str]]] = [[] for _ in sentences]
    for fold in range(folds):
        held = [s for i, s in enumerate(sentences) if i % folds == fold]
        rest = [s for i, s in enumerate(sentences) if i % folds != fold]
        extractor = _extractor(base, merge(places, names_from(rest, key)), config.features)
        for i in range(fold, len(sentences), folds):
            out[i] = extractor.sentence_features(sentences[i][0])
        del held
    return out


def train_crf(
    xs: Sequence[list[list[str]]], ys: Sequence[Sequence[str]], path: Path, config: TrainConfig
) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, list(y))
    trainer.set_params(
        {
            "c1": config.c1,
            "c2": config.c2,
            "max_iterations": config.max_iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def fit(
    sentences: Sequence[Sentence], base: Lexicons, config: TrainConfig, path: Path
) -> tuple[NerModel, dict[str, frozenset[str]]]:
    """Train on `sentences`; return the model with its full gazetteer."""
    import pycrfsuite

    places = babel_places() if config.features.gazetteer else {}
    xs = training_features(sentences, base, places, config)
    train_crf(xs, [tags for _, tags in sentences], path, config)
    probe = FeatureExtractor(base, config.features)
    gazetteer = merge(places, names_from(sentences, lambda t: probe._key(t)[1]))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return NerModel(tagger, _extractor(base, gazetteer, config.features)), gazetteer


def evaluate(model: NerModel, sentences: Sequence[Sentence]) -> dict[str, object]:
    started = time.perf_counter()
    predicted = model.tag([tokens for tokens, _ in sentences])
    seconds = time.perf_counter() - started
    scores = score([tags for _, tags in sentences], predicted)
    tokens = sum(len(t) for t, _ in sentences)
    return {
        "micro_f1": round(scores.micro()[2], 4),
        "per_type_f1": {k: round(v[2], 4) for k, v in scores.per_type().items()},
        "tokens_per_second": round(tokens / seconds),
    }


def dev_experiment(shared: Path, config: TrainConfig, lexicon_dir: Path, work: Path) -> dict[str, object]:
    sentences = read_labelled(shared / "data/ner/anercorp/train.txt")
    train, dev = split_dev(sentences, config)
    base = load_lexicons(lexicon_dir)
    if not config.features.triggers:
        base.triggers = {}
    model, _ = fit(train, base, config, work / "dev.crfsuite")
    return evaluate(model, dev)


def train_final(shared: Path, config: TrainConfig, lexicon_dir: Path, out: Path, dev_scores: object) -> None:
    """Train on all of ANERcorp train and write the model directory `out`."""
    train_file = shared / "data/ner/anercorp/train.txt"
    sentences = read_labelled(train_file)
    base = load_lexicons(lexicon_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name in (CLUSTERS_FILE, TRIGGERS_FILE):
        if (lexicon_dir / name).resolve() != (out / name).resolve():
            shutil.copyfile(lexicon_dir / name, out / name)
    _, gazetteer = fit(sentences, base, config, out / MODEL_FILE)
    (out / GAZETTEER_FILE).write_text(write_tsv(gazetteer), encoding="utf-8")
    news = sorted((shared / "data/news").glob("*.jsonl.gz"))
    record = {
        "features": asdict(config.features),
        "training": {k: v for k, v in asdict(config).items() if k != "features"},
        "dev": dev_scores,
        "data_sha256": {str(p.relative_to(shared)): sha256(p) for p in [train_file, *news]},
        "files_sha256": {
            name: sha256(out / name) for name in (MODEL_FILE, CLUSTERS_FILE, GAZETTEER_FILE, TRIGGERS_FILE)
        },
    }
    (out / CONFIG_FILE).write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
