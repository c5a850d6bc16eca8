"""Taggers for dev experiments on silver labels: trained without the ANERcorp dev split."""

from __future__ import annotations

from pathlib import Path

from marsad.enrich.ner.features import FeatureConfig
from marsad.enrich.ner.model import load_lexicons
from marsad.training.ner.neural_train import NeuralConfig, load_inputs, train_members
from marsad.training.ner.silver import Tagger
from marsad.training.ner.train import TrainConfig, fit_with_priors, split_dev
from marsad.training.ner.variants import SHIPPED_VARIANT, VARIANTS


def dev_split_taggers(shared: Path, lexicon_dir: Path, vectors_file: Path, work: Path) -> list[Tagger]:
    """Both taggers trained on ANERcorp train minus the dev split (needs torch).

    Silver for a dev experiment must come from taggers that never saw the dev
    sentences: the shipped ones did, and the names they learned there would
    reach the experiment through the silver labels."""
    config = NeuralConfig()
    sentences, base, vectors = load_inputs(shared, lexicon_dir, vectors_file, config)
    train, dev = split_dev(sentences, config.split)
    neural, _ = train_members(train, base, vectors, config, [config.seed], dev=dev)
    crf_config = TrainConfig(features=FeatureConfig(**VARIANTS[SHIPPED_VARIANT]))
    news = sorted((shared / "data/news").glob("*.jsonl.gz"))
    crf, _ = fit_with_priors(train, load_lexicons(lexicon_dir), crf_config, work / "dev.crfsuite", news)
    return [neural, crf]
