"""Training the CRF: dev experiments and the final shipped model.

Reproducible by construction: the dev split is a seeded choice of contiguous
blocks of sentences (contiguous, so that sentences of one article do not sit
on both sides), the gazetteer of training names is built out-of-fold for the
training features (otherwise the CRF learns to trust it as the gold label),
and crfsuite's L-BFGS is deterministic. The config and the sha256 of every
input file are written next to the model.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import shutil
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner.article import CONLL_WINDOW, known_entities, propagate_in_windows
from marsad.enrich.ner.conll import Sentence, entities, read_labelled, score
from marsad.enrich.ner.features import FeatureConfig, FeatureExtractor, Lexicons
from marsad.enrich.ner.model import (
    CLUSTERS_FILE,
    CONFIG_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    PRIORS_FILE,
    TRIGGERS_FILE,
    NerModel,
    load_lexicons,
)
from marsad.enrich.ner.spans import sentences_of
from marsad.enrich.ner.tokens import tokenize
from marsad.training.ner.gazetteers import babel_places, merge, names_from, write_tsv
from marsad.training.ner.wiki_names import with_wiki


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


def _extractor(base: Lexicons, gazetteer: dict[str, frozenset[str]], config: FeatureConfig) -> FeatureExtractor:
    lexicons = replace(base, gazetteer=gazetteer)
    return FeatureExtractor(lexicons, config)


def training_features(
    sentences: Sequence[Sentence],
    base: Lexicons,
    places: dict[str, set[str]],
    config: TrainConfig,
    priors: Callable[[int], Mapping[str, tuple[str, ...]]] | None = None,
) -> list[list[list[str]]]:
    """Features of the training sentences with an out-of-fold gazetteer and,
    when `priors` is given, the news priors it names for sentence i."""
    probe = FeatureExtractor(base, config.features)
    key = probe.stem_key
    folds = config.folds
    out: list[list[list[str]]] = [[] for _ in sentences]
    for fold in range(folds):
        rest = [s for i, s in enumerate(sentences) if i % folds != fold]
        gazetteer = merge(places, names_from(rest, key, positions=config.features.gazetteer_positions))
        extractors: dict[int, FeatureExtractor] = {}
        for i in range(fold, len(sentences), folds):
            auto = priors(i) if priors else base.auto
            extractor = extractors.get(id(auto))
            if extractor is None:
                lexicons = replace(base, gazetteer=gazetteer, auto=auto)
                extractor = extractors[id(auto)] = FeatureExtractor(lexicons, config.features)
            out[i] = extractor.sentence_features(sentences[i][0])
    return out


def train_crf(xs: Sequence[list[list[str]]], ys: Sequence[Sequence[str]], path: Path, config: TrainConfig) -> None:
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
    sentences: Sequence[Sentence],
    base: Lexicons,
    config: TrainConfig,
    path: Path,
    priors: Callable[[int], Mapping[str, tuple[str, ...]]] | None = None,
) -> tuple[NerModel, dict[str, frozenset[str]]]:
    """Train on `sentences`; return the model with its full gazetteer."""
    import pycrfsuite

    places = babel_places() if config.features.gazetteer else {}
    xs = training_features(sentences, base, places, config, priors)
    train_crf(xs, [tags for _, tags in sentences], path, config)
    probe = FeatureExtractor(base, config.features)
    gazetteer = merge(places, names_from(sentences, probe.stem_key, positions=config.features.gazetteer_positions))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return NerModel(tagger, _extractor(base, gazetteer, config.features)), gazetteer


def unseen_known_names(
    sentences: Sequence[Sentence], key: Callable[[str], str], positions: bool
) -> dict[str, set[str]]:
    """One-word names of `known_entities.tsv` that never occur in `sentences`.

    They go into the shipped gazetteer: the taggers then see `داعش` as a
    listed ORG name rather than an unknown word. Only words absent from the
    training data are added, so training is unchanged and a common word that
    is also a name (`فتح`, `القاعدة`) keeps what the data says about it."""
    seen = {form for tokens, _ in sentences for token in tokens for form in (fold_for_search(token), key(token))}
    found: dict[str, set[str]] = {}
    for name, kind in known_entities().items():
        if len(name) == 1 and name[0] not in seen:
            found[name[0]] = {("B-" + kind) if positions else kind}
    return found


def news_paragraphs(news_files: Sequence[Path], every: int) -> Iterator[str]:
    """Paragraphs of every `every`-th article, in file order (deterministic)."""
    for path in news_files:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for i, line in enumerate(handle):
                if i % every:
                    continue
                item = json.loads(line)
                text = item.get("content") or item.get("text") or ""
                yield from (p for p in text.split("\n") if p.strip())


def news_type_priors(
    model: NerModel, news_files: Sequence[Path], every: int = 3, min_count: int = 3
) -> dict[str, tuple[str, ...]]:
    """How often our model tags each word as each type across the unlabeled news.

    A word the model calls PER in most of its 30 news occurrences is very
    likely a name even in a sentence where its context says little; the CRF
    gets that as a feature (`T+` for a share of at least 0.6, `T~` for 0.25+).
    """
    total: Counter[str] = Counter()
    typed: dict[str, Counter[str]] = defaultdict(Counter)
    key = model.extractor.stem_key
    for paragraph in news_paragraphs(news_files, every):
        runs = sentences_of(tokenize(paragraph))
        tokens = [[t for t, _, _ in run] for run in runs]
        for sentence, tags in zip(tokens, model.tag(tokens), strict=True):
            keys = [key(token) for token in sentence]
            total.update(keys)
            for kind, start, end in entities(tags):
                for i in range(start, end):
                    typed[keys[i]][kind] += 1
    priors: dict[str, tuple[str, ...]] = {}
    for word, kinds in typed.items():
        if total[word] < min_count:
            continue
        marks = []
        for kind, n in sorted(kinds.items()):
            share = n / total[word]
            if share >= 0.6:
                marks.append(kind + "+")
            elif share >= 0.25:
                marks.append(kind + "~")
        if marks:
            priors[word] = tuple(marks)
    return priors


def write_priors(priors: dict[str, tuple[str, ...]]) -> str:
    lines = ["# folded stem\tmarks: type+ (tagged so in >= 60% of news occurrences) or type~ (>= 25%)"]
    lines.extend(f"{word}\t{','.join(marks)}" for word, marks in sorted(priors.items()))
    return "\n".join(lines) + "\n"


def fit_with_priors(
    sentences: Sequence[Sentence], base: Lexicons, config: TrainConfig, path: Path, news: Sequence[Path]
) -> tuple[NerModel, dict[str, frozenset[str]]]:
    """Train with news priors, built out-of-half for the training features.

    Priors from a model that saw a sentence's own names would just echo its
    labels (measured: 0.736 dev F1 against 0.745 without priors), so each half
    of the training data gets priors from a model trained on the other half;
    the shipped priors come from a model trained on all of it.
    """
    if not config.features.auto:
        return fit(sentences, base, config, path)
    first = replace(config, features=replace(config.features, auto=False))
    half = len(sentences) // 2
    by_half = []
    for part in (sentences[:half], sentences[half:]):
        model, _ = fit(part, base, first, path)
        by_half.append(news_type_priors(model, news))
    model, _ = fit(sentences, base, first, path)
    base.auto = news_type_priors(model, news)
    first_half, second_half = by_half[1], by_half[0]
    return fit(sentences, base, config, path, lambda i: first_half if i < half else second_half)


def evaluate(model: NerModel, sentences: Sequence[Sentence]) -> dict[str, object]:
    started = time.perf_counter()
    predicted = model.tag([tokens for tokens, _ in sentences])
    seconds = time.perf_counter() - started
    gold = [tags for _, tags in sentences]
    scores = score(gold, predicted)
    tokens = sum(len(t) for t, _ in sentences)
    propagated = propagate_in_windows([t for t, _ in sentences], predicted, CONLL_WINDOW, model.extractor.stem_key)
    return {
        "micro_f1": round(scores.micro()[2], 4),
        "per_type_f1": {k: round(v[2], 4) for k, v in scores.per_type().items()},
        "micro_f1_propagated": round(score(gold, propagated).micro()[2], 4),
        "tokens_per_second": round(tokens / seconds),
    }


def dev_experiment(shared: Path, config: TrainConfig, lexicon_dir: Path, work: Path) -> dict[str, object]:
    sentences = read_labelled(shared / "data/ner/anercorp/train.txt")
    train, dev = split_dev(sentences, config)
    base = with_wiki(load_lexicons(lexicon_dir), config.features)
    if not config.features.triggers:
        base.triggers = {}
    news = sorted((shared / "data/news").glob("*.jsonl.gz"))
    model, _ = fit_with_priors(train, base, config, work / "dev.crfsuite", news)
    return evaluate(model, dev)


def train_final(shared: Path, config: TrainConfig, lexicon_dir: Path, out: Path, dev_scores: object) -> None:
    """Train on all of ANERcorp train and write the model directory `out`."""
    train_file = shared / "data/ner/anercorp/train.txt"
    sentences = read_labelled(train_file)
    base = with_wiki(load_lexicons(lexicon_dir), config.features)
    out.mkdir(parents=True, exist_ok=True)
    for name in (CLUSTERS_FILE, TRIGGERS_FILE):
        if (lexicon_dir / name).resolve() != (out / name).resolve():
            shutil.copyfile(lexicon_dir / name, out / name)
    news = sorted((shared / "data/news").glob("*.jsonl.gz"))
    _, gazetteer = fit_with_priors(sentences, base, config, out / MODEL_FILE, news)
    key = FeatureExtractor(base, config.features).stem_key
    gazetteer = merge(gazetteer, unseen_known_names(sentences, key, config.features.gazetteer_positions))
    (out / GAZETTEER_FILE).write_text(write_tsv(gazetteer), encoding="utf-8")
    priors_file = out / PRIORS_FILE
    if config.features.auto:
        priors_file.write_text(write_priors(dict(base.auto)), encoding="utf-8")
    elif priors_file.exists():
        priors_file.unlink()  # a stale file from an earlier run would load as features
    record = {
        "features": asdict(config.features),
        "training": {k: v for k, v in asdict(config).items() if k != "features"},
        "dev": dev_scores,
        "data_sha256": {str(p.relative_to(shared)): sha256(p) for p in [train_file, *news]},
        "files_sha256": {
            name: sha256(out / name)
            for name in (MODEL_FILE, CLUSTERS_FILE, GAZETTEER_FILE, TRIGGERS_FILE, PRIORS_FILE)
            if (out / name).exists()
        },
    }
    (out / CONFIG_FILE).write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
