"""`marsad train ner` and `marsad train ner-clusters`: train the shipped NER model."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path

import click

from marsad.enrich.ner.paths import shared_dir, source_model_dir

_DIR = click.Path(path_type=Path, file_okay=False)
_FILE = click.Path(path_type=Path, dir_okay=False)

VARIANTS = {
    "base": {"clusters": False, "gazetteer": False, "triggers": False},
    "clusters": {"clusters": True, "gazetteer": False, "triggers": False},
    "clusters+gazetteer": {"clusters": True, "gazetteer": True, "triggers": False},
    "full": {"clusters": True, "gazetteer": True, "triggers": True},
    "full-nostem": {"clusters": True, "gazetteer": True, "triggers": True, "stems": False},
    "full+priors": {"clusters": True, "gazetteer": True, "triggers": True, "auto": True},
    "full+ngrams": {"clusters": True, "gazetteer": True, "triggers": True, "char_ngrams": True},
    "full+gzpos": {"clusters": True, "gazetteer": True, "triggers": True, "gazetteer_positions": True},
}


@click.group(name="train")
def train_group() -> None:
    """Train marsad's own models on the data in ../shared (needs the `ner-train` extra)."""


@train_group.command(name="ner-clusters")
@click.option("--shared", type=_DIR, default=None, help="The shared data folder.")
@click.option("--out", type=_FILE, default=None, help="Where to write clusters.tsv.")
def clusters_command(shared: Path | None, out: Path | None) -> None:
    """Learn word clusters from the unlabeled news (skip-gram vectors + k-means).

    Run with PYTHONHASHSEED=0: gensim seeds each word vector from Python's
    string hash, so only a fixed hash seed reproduces the shipped clusters."""
    from marsad.enrich.ner.wordreps import build_clusters

    if os.environ.get("PYTHONHASHSEED") != "0":
        click.echo("warning: PYTHONHASHSEED is not 0; the clusters will differ from the shipped ones", err=True)

    shared = shared or shared_dir()
    out = out or source_model_dir() / "clusters.tsv"
    news = sorted((shared / "data/news").glob("*.jsonl.gz"))
    info = build_clusters(news, out, extra_conll=[shared / "data/ner/anercorp/train.txt"])
    click.echo(json.dumps(info))


@train_group.command(name="ner")
@click.option("--shared", type=_DIR, default=None, help="The shared data folder.")
@click.option("--out", type=_DIR, default=None, help="Model folder to write.")
@click.option(
    "--variant",
    type=click.Choice(sorted(VARIANTS)),
    default="full+gzpos",
    show_default=True,
    help="Feature groups to use.",
)
@click.option("--c1", type=float, default=0.05, show_default=True, help="L1 penalty.")
@click.option("--c2", type=float, default=0.01, show_default=True, help="L2 penalty.")
@click.option("--max-iterations", type=int, default=200, show_default=True, help="L-BFGS iterations.")
@click.option("--dev-only", is_flag=True, help="Only score the variant on the dev split; write no model.")
def ner_train_command(
    shared: Path | None,
    out: Path | None,
    variant: str,
    c1: float,
    c2: float,
    max_iterations: int,
    dev_only: bool,
) -> None:
    """Score a feature variant on the dev split held out of ANERcorp train, then
    (unless --dev-only) train on all of train and write the model folder."""
    from marsad.enrich.ner.features import FeatureConfig
    from marsad.enrich.ner.train import TrainConfig, dev_experiment, train_final

    shared = shared or shared_dir()
    lexicon_dir = source_model_dir()
    out = out or lexicon_dir
    config = TrainConfig(
        features=replace(FeatureConfig(), **VARIANTS[variant]), c1=c1, c2=c2, max_iterations=max_iterations
    )
    with tempfile.TemporaryDirectory() as work:
        dev = dev_experiment(shared, config, lexicon_dir, Path(work))
    click.echo(json.dumps({"variant": variant, "c1": c1, "c2": c2, "dev": dev}, ensure_ascii=False))
    if not dev_only:
        train_final(shared, config, lexicon_dir, out, {"variant": variant, **dev})
        click.echo(f"model written to {out}")
