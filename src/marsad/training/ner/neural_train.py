"""Training the neural tagger (BiLSTM-CRF) with torch; exporting it for NumPy.

Training time only: torch comes with the `ner-train` extra and is imported
inside the functions, never by the runtime (`neural.py` runs the exported
weights in NumPy). One CPU thread, fixed seeds, the same dev split as the
CRF (`train.split_dev`); the epoch is chosen by dev F1 after name
propagation, and the final model is trained on all of train for that many
epochs.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import random
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner.article import CONLL_WINDOW, propagate_in_windows
from marsad.enrich.ner.conll import TYPES, Sentence, normalize_tag, read_labelled, score
from marsad.enrich.ner.features import FeatureConfig, FeatureExtractor, Lexicons
from marsad.enrich.ner.model import CONFIG_FILE, load_lexicons
from marsad.enrich.ner.neural import (
    ACCURATE_FILE,
    NEURAL_FILE,
    ContextStates,
    EncodedTokens,
    NeuralNerModel,
    NeuralWeights,
    TokenEncoder,
    save_weights,
    word_chars,
)
from marsad.training.ner.e5_states import CachedContext, cache_states
from marsad.training.ner.gazetteers import babel_places, merge, names_from
from marsad.training.ner.train import TrainConfig, sha256, split_dev
from marsad.training.ner.wiki_names import lists_sha256, wiki_names

if TYPE_CHECKING:
    import torch

log = logging.getLogger(__name__)

TAGS = ["O", *(f"{p}-{t}" for t in TYPES for p in ("B", "I"))]
# The CRF's shipped feature set (`full+gzpos`) feeds the feature bag.
FEATURES = FeatureConfig(gazetteer_positions=True)


def features_for(base: Lexicons) -> FeatureConfig:
    """The network's feature groups: `FEATURES`, with the Wikipedia names when `base` holds them."""
    return replace(FEATURES, wiki=bool(base.wiki))


@dataclass(slots=True)
class NeuralConfig:
    hidden: int = 128
    feature_dim: int = 50
    char_dim: int = 25
    filters: int = 50
    dropout: float = 0.5
    word_dropout: float = 0.05
    # Share of training tokens whose word-identity features (w=, f=, st=) are
    # hidden, so the network also learns names from vectors, affixes and context.
    identity_dropout: float = 0.0
    learning_rate: float = 1e-3
    batch_size: int = 16
    epochs: int = 24
    patience: int = 8
    seed: int = 13
    min_feature_count: int = 2
    vectors: bool = True
    bag: bool = True
    chars: bool = True
    wojood: bool = False
    # Silver sentences (news tagged by our own taggers, see `silver.py`) drawn
    # afresh each epoch, on top of all the gold ones.
    silver: str | None = None
    silver_per_epoch: int = 0
    # An encoder pretrained on the news (`pretrain.py`) to start from.
    pretrained: str | None = None
    # Words of Arabic Wikipedia's names of places, clubs and people as features (`wiki_names`).
    wiki: bool = False
    # The accurate tagger: these e5 layers' states of each word (`e5.E5Context`), mixed by
    # learned weights, as a sentence input beside the token's own (empty: the default tagger).
    context_layers: tuple[int, ...] = ()
    context_width: int = 384
    split: TrainConfig = field(default_factory=TrainConfig)


@dataclass(slots=True)
class Vectors:
    words: list[str]  # row 0 is the unknown word
    matrix: np.ndarray


def read_vectors(path: Path, min_count: int = 5) -> Vectors:
    """Skip-gram vectors kept by `wordreps.build_clusters(vectors_out=...)`, or the frozen
    vectors a shipped tagger's `.npz` holds (already unit length, row 0 unknown)."""
    with np.load(path) as data:
        if "word_vectors" in data:
            return Vectors([str(w) for w in data["words"]], np.asarray(data["word_vectors"], dtype=np.float32))
        keep = data["counts"] >= min_count
        words = [str(w) for w in data["words"][keep]]
        matrix = np.asarray(data["vectors"][keep], dtype=np.float32)
    # Unit length: the LSTM sees directions, not the frequency-driven norms.
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    return Vectors(["<unk>", *words], np.vstack([np.zeros((1, matrix.shape[1]), np.float32), matrix]))


def effective_vectors(vectors: Vectors, config: NeuralConfig) -> Vectors:
    """The vectors themselves, or only the unknown word's when they are left out (ablation)."""
    if config.vectors:
        return vectors
    return Vectors(["<unk>"], np.zeros((1, vectors.matrix.shape[1]), dtype=np.float32))


def wojood_sentences(path: Path) -> list[Sentence]:
    """Wojood's nested IOB2 reduced to our types: the outer layer, PERS→PER,
    GPE/LOC→LOC, ORG→ORG, everything else O."""
    result: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        row = line.split()
        if not row:
            if tokens:
                result.append((tokens, tags))
            tokens, tags = [], []
            continue
        outer = row[1] if len(row) > 1 else "O"
        tokens.append(row[0])
        tags.append(normalize_tag(outer, ("PER", "LOC", "ORG")))
    return result


def fold_extractors(
    sentences: Sequence[Sentence], base: Lexicons, places: dict[str, set[str]], folds: int
) -> list[FeatureExtractor]:
    """One extractor per fold whose gazetteer leaves that fold's names out
    (otherwise the network learns to trust the gazetteer as the label)."""
    key = FeatureExtractor(base, FEATURES).stem_key
    extractors = []
    for fold in range(folds):
        rest = [s for i, s in enumerate(sentences) if i % folds != fold]
        gazetteer = merge(places, names_from(rest, key, positions=True))
        lexicons = replace(base, gazetteer=gazetteer)
        extractors.append(FeatureExtractor(lexicons, features_for(base)))
    return extractors


def full_extractor(sentences: Sequence[Sentence], base: Lexicons, places: dict[str, set[str]]) -> FeatureExtractor:
    key = FeatureExtractor(base, FEATURES).stem_key
    gazetteer = merge(places, names_from(sentences, key, positions=True))
    lexicons = replace(base, gazetteer=gazetteer)
    return FeatureExtractor(lexicons, features_for(base))


def build_encoder(
    sentences: Sequence[Sentence], extractors: Sequence[FeatureExtractor], config: NeuralConfig
) -> tuple[list[str], str]:
    """Feature and character vocabularies from the training sentences."""
    features: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for i, (tokens, _) in enumerate(sentences):
        extractor = extractors[i % len(extractors)]
        for token in tokens:
            features.update(extractor.own_features(token))
            chars.update(word_chars(fold_for_search(token)))
    kept = sorted(f for f, n in features.items() if n >= config.min_feature_count)
    # Ids 0-3 are padding, unknown and the word boundary marks.
    alphabet = "\0\1\2\3" + "".join(sorted(c for c, n in chars.items() if n >= 2 and c not in "\0\1\2\3"))
    return ["<none>", *kept], alphabet


def make_model(config: NeuralConfig, vectors: Vectors, n_features: int, n_chars: int) -> torch.nn.Module:
    import torch
    from torch import nn

    contexts = len(config.context_layers)

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.words = nn.Embedding.from_pretrained(torch.from_numpy(vectors.matrix), freeze=True)  # type: ignore[no-untyped-call]
            self.features = nn.EmbeddingBag(n_features, config.feature_dim, mode="sum")
            self.chars = nn.Embedding(n_chars, config.char_dim, padding_idx=0)
            self.conv = nn.Linear(3 * config.char_dim, config.filters)
            size = vectors.matrix.shape[1] + config.feature_dim + config.filters
            if contexts:
                # ELMo's scalar mix: softmaxed layer weights and one scale.
                self.mix = nn.Parameter(torch.zeros(contexts))
                self.scale = nn.Parameter(torch.ones(1))
                size += config.context_width
            self.lstm = nn.LSTM(size, config.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * config.hidden, len(TAGS))
            self.transitions = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            self.end = nn.Parameter(torch.zeros(len(TAGS)))
            self.drop = nn.Dropout(config.dropout)

        def token_inputs(self, enc: dict[str, torch.Tensor]) -> torch.Tensor:
            words = self.words(enc["words"])
            bags = self.features(enc["bag_ids"], enc["bag_starts"], per_sample_weights=enc.get("bag_weights"))
            if not config.bag:
                bags = torch.zeros_like(bags)
            chars = self.chars(enc["chars"])
            windows = torch.cat([chars[:, :-2], chars[:, 1:-1], chars[:, 2:]], dim=2)
            conv = self.conv(windows)
            valid = torch.arange(conv.shape[1])[None, :] < (enc["char_lengths"] - 2)[:, None]
            conv = conv.masked_fill(~valid[:, :, None], -1e4).max(dim=1).values
            if not config.chars:
                conv = torch.zeros_like(conv)
            if not contexts:
                return torch.cat([words, bags, conv], dim=1)
            mixed = torch.einsum("nlc,l->nc", enc["context"], self.scale * torch.softmax(self.mix, dim=0))
            return torch.cat([words, bags, conv, mixed], dim=1)

        def emissions(self, inputs: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
            from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

            packed = pack_padded_sequence(self.drop(inputs), lengths, batch_first=True, enforce_sorted=False)
            hidden, _ = self.lstm(packed)
            hidden, _ = pad_packed_sequence(hidden, batch_first=True, total_length=inputs.shape[1])
            return self.out(self.drop(hidden))  # type: ignore[no-any-return]

    return Tagger()


def tensors(encoded: EncodedTokens) -> dict[str, torch.Tensor]:
    import torch

    return {
        "words": torch.from_numpy(encoded.words),
        "bag_ids": torch.from_numpy(encoded.bag_ids),
        "bag_starts": torch.from_numpy(encoded.bag_starts),
        "chars": torch.from_numpy(encoded.chars),
        "char_lengths": torch.from_numpy(encoded.char_lengths),
    }


def concat_encoded(parts: Sequence[EncodedTokens]) -> EncodedTokens:
    offsets = np.cumsum([0, *(len(p.bag_ids) for p in parts[:-1])])
    return EncodedTokens(
        words=np.concatenate([p.words for p in parts]),
        bag_ids=np.concatenate([p.bag_ids for p in parts]),
        bag_starts=np.concatenate([p.bag_starts + o for p, o in zip(parts, offsets, strict=True)]),
        chars=np.concatenate([p.chars for p in parts]),
        char_lengths=np.concatenate([p.char_lengths for p in parts]),
    )


def crf_loss(
    model: Any, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor, lengths: torch.Tensor
) -> torch.Tensor:
    """Negative log-likelihood of the gold paths, summed over the batch."""
    import torch

    batch, steps, _ = emissions.shape
    rows = torch.arange(batch)
    gold = model.start[tags[:, 0]] + emissions[rows, 0, tags[:, 0]]
    alpha = model.start[None, :] + emissions[:, 0]
    for t in range(1, steps):
        step = model.transitions[tags[:, t - 1], tags[:, t]] + emissions[rows, t, tags[:, t]]
        gold = gold + step * mask[:, t]
        nxt = torch.logsumexp(alpha[:, :, None] + model.transitions[None] + emissions[:, t, None, :], dim=1)
        alpha = torch.where(mask[:, t, None], nxt, alpha)
    gold = gold + model.end[tags[rows, lengths - 1]]
    log_z = torch.logsumexp(alpha + model.end[None, :], dim=1)
    return (log_z - gold).sum()  # type: ignore[no-any-return]


def _reorder(weight: np.ndarray, hidden: int) -> np.ndarray:
    """torch's (i, f, g, o) rows → (i, f, o, g) with i, f, o halved (see numpy_layers)."""
    h = hidden
    i, f, g, o = weight[:h], weight[h : 2 * h], weight[2 * h : 3 * h], weight[3 * h :]
    return np.concatenate([0.5 * i, 0.5 * f, 0.5 * o, g])


def export_weights(model: Any, config: NeuralConfig) -> NeuralWeights:
    """The torch model's weights in the layouts `numpy_layers` expects."""
    state = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    h = config.hidden
    inputs, biases, blocks = [], [], []
    for suffix in ("", "_reverse"):
        inputs.append(_reorder(state[f"lstm.weight_ih_l0{suffix}"], h).T)
        biases.append(_reorder(state[f"lstm.bias_ih_l0{suffix}"] + state[f"lstm.bias_hh_l0{suffix}"], h))
        blocks.append(_reorder(state[f"lstm.weight_hh_l0{suffix}"], h))  # (4H, H)
    recurrent = np.stack([block.T for block in blocks])  # (2, H, 4H)
    feature_table = state["features.weight"] if config.bag else np.zeros_like(state["features.weight"])
    input_weight = np.concatenate(inputs, axis=1)
    context_mix = context_weight = None
    if config.context_layers:
        # The sentence input's rows come last; the token rows stay what the cache projects.
        input_weight, context_weight = input_weight[: -config.context_width], input_weight[-config.context_width :]
        weights = np.exp(state["mix"].astype(np.float64) - state["mix"].max())
        context_mix = (state["scale"][0] * weights / weights.sum()).astype(np.float32)
    if not config.chars:
        input_weight[-config.filters :] = 0.0
    return NeuralWeights(
        tags=list(TAGS),
        hidden=h,
        word_vectors=state["words.weight"],
        feature_table=feature_table,
        char_table=state["chars.weight"],
        conv_weight=state["conv.weight"].T.copy(),
        conv_bias=state["conv.bias"],
        input_weight=np.ascontiguousarray(input_weight),
        input_bias=np.concatenate(biases),
        recurrent=recurrent,
        output_weight=state["out.weight"].T.copy(),
        output_bias=state["out.bias"],
        transitions=state["transitions"],
        start=state["start"],
        end=state["end"],
        context_mix=context_mix,
        context_weight=None if context_weight is None else np.ascontiguousarray(context_weight),
    )


def dev_scores(model: NeuralNerModel, sentences: Sequence[Sentence]) -> dict[str, object]:
    tokens = [t for t, _ in sentences]
    started = time.perf_counter()
    predicted = model.tag(tokens)
    seconds = time.perf_counter() - started
    gold = [tags for _, tags in sentences]
    plain = score(gold, predicted)
    propagated = propagate_in_windows(tokens, [list(t) for t in predicted], CONLL_WINDOW, model.extractor.stem_key)
    return {
        "micro_f1": round(plain.micro()[2], 4),
        "per_type_f1": {k: round(v[2], 4) for k, v in plain.per_type().items()},
        "micro_f1_propagated": round(score(gold, propagated).micro()[2], 4),
        "tokens_per_second": round(sum(len(t) for t in tokens) / seconds),
    }


@dataclass(slots=True)
class Trained:
    model: NeuralNerModel
    epochs: int
    history: list[dict[str, object]]
    network: Any  # the torch module, for export checks


def train_network(
    sentences: Sequence[Sentence],
    base: Lexicons,
    vectors: Vectors,
    config: NeuralConfig,
    dev: Sequence[Sentence] | None = None,
    places: dict[str, set[str]] | None = None,
    silver: Sequence[Sentence] = (),
    context: ContextStates | None = None,
) -> Trained:
    """Train on `sentences`; with `dev`, keep the epoch with the best dev F1
    after propagation (early stopping), else train `config.epochs` epochs.

    `silver` sentences are sampled, `config.silver_per_epoch` per epoch; they
    see the gazetteer of all gold sentences, as text does at run time, and add
    nothing to the vocabularies or the gazetteer.

    `context` gives the sentence states of the accurate tagger (`config.context_layers`)
    for the training and dev sentences."""
    import torch

    if bool(config.context_layers) != (context is not None):
        raise ValueError("context layers and context states go together")
    if context is not None and silver:
        raise ValueError("silver sentences have no cached context states")
    states = context.sentence_states([tokens for tokens, _ in sentences]) if context is not None else None

    torch.set_num_threads(1)
    torch.manual_seed(config.seed)
    rng = random.Random(config.seed)
    places = places if places is not None else babel_places()
    vectors = effective_vectors(vectors, config)
    extractors = fold_extractors(sentences, base, places, config.split.folds)
    features, alphabet = build_encoder(sentences, extractors, config)
    encoders = [TokenEncoder(e, vectors.words, features, alphabet) for e in extractors]
    final_encoder = TokenEncoder(full_extractor(sentences, base, places), vectors.words, features, alphabet)
    encoded = [encoders[i % len(encoders)].encode(tokens) for i, (tokens, _) in enumerate(sentences)]
    encoded += [final_encoder.encode(tokens) for tokens, _ in silver]
    tag_index = {t: i for i, t in enumerate(TAGS)}
    gold = [np.array([tag_index[t] for t in tags], dtype=np.int64) for _, tags in [*sentences, *silver]]
    silver_ids = list(range(len(sentences), len(encoded)))
    network: Any = make_model(config, vectors, len(features), len(alphabet))
    if config.pretrained:
        from marsad.training.ner.pretrained import PretrainedEncoder, load_into

        found = load_into(network, PretrainedEncoder.load(Path(config.pretrained)), features, alphabet)
        log.info("pretrained encoder: %d of %d feature rows", found, len(features))
    identity = np.array([f.startswith(("w=", "f=", "st=")) for f in features])
    optimizer = torch.optim.Adam([p for p in network.parameters() if p.requires_grad], lr=config.learning_rate)
    order = list(range(len(sentences)))
    history: list[dict[str, object]] = []
    best: tuple[float, int, dict[str, torch.Tensor]] | None = None
    epochs_run = 0
    for epoch in range(1, config.epochs + 1):
        started = time.perf_counter()
        network.train()
        rng.shuffle(order)
        batches = order
        if silver_ids and config.silver_per_epoch:
            batches = order + rng.sample(silver_ids, min(config.silver_per_epoch, len(silver_ids)))
            rng.shuffle(batches)
        total = 0.0
        for lo in range(0, len(batches), config.batch_size):
            chosen = [i for i in batches[lo : lo + config.batch_size] if len(gold[i])]
            batch = concat_encoded([encoded[i] for i in chosen])
            if config.word_dropout:
                drop = np.array([rng.random() < config.word_dropout for _ in batch.words])
                batch.words = np.where(drop, 0, batch.words)
            lengths = torch.tensor([len(gold[i]) for i in chosen])
            steps = int(lengths.max())
            batch_tensors = tensors(batch)
            if states is not None:
                batch_tensors["context"] = torch.from_numpy(np.concatenate([states[i] for i in chosen]))
            if config.identity_dropout:
                sizes = np.diff(np.append(batch.bag_starts, len(batch.bag_ids)))
                hidden_tokens = np.array([rng.random() < config.identity_dropout for _ in batch.words])
                keep = ~(identity[batch.bag_ids] & np.repeat(hidden_tokens, sizes))
                batch_tensors["bag_weights"] = torch.from_numpy(keep.astype(np.float32))
            inputs = network.token_inputs(batch_tensors)
            padded = inputs.new_zeros((len(chosen), steps, inputs.shape[1]))
            tags = torch.zeros((len(chosen), steps), dtype=torch.long)
            at = 0
            for row, i in enumerate(chosen):
                n = len(gold[i])
                padded[row, :n] = inputs[at : at + n]
                tags[row, :n] = torch.from_numpy(gold[i])
                at += n
            mask = torch.arange(steps)[None, :] < lengths[:, None]
            loss = crf_loss(network, network.emissions(padded, lengths), tags, mask, lengths)
            optimizer.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            torch.nn.utils.clip_grad_norm_(network.parameters(), 5.0)
            optimizer.step()
            total += loss.item()
        epochs_run = epoch
        network.eval()
        record: dict[str, object] = {
            "epoch": epoch,
            "loss": round(total, 1),
            "seconds": round(time.perf_counter() - started),
        }
        if dev is not None:
            scores = dev_scores(NeuralNerModel(export_weights(network, config), final_encoder, context), dev)
            record.update(scores)
            f1 = float(scores["micro_f1_propagated"])  # type: ignore[arg-type]
            if best is None or f1 > best[0]:
                best = (f1, epoch, {k: v.clone() for k, v in network.state_dict().items()})
            elif epoch - best[1] >= config.patience:
                history.append(record)
                log.info("%s", json.dumps(record))
                break
        history.append(record)
        log.info("%s", json.dumps(record))
    if best is not None:
        network.load_state_dict(best[2])
        epochs_run = best[1]
    network.eval()
    model = NeuralNerModel(export_weights(network, config), final_encoder, context)
    return Trained(model, epochs_run, history, network)


def load_inputs(
    shared: Path, lexicon_dir: Path, vectors_file: Path, config: NeuralConfig
) -> tuple[list[Sentence], Lexicons, Vectors]:
    sentences = read_labelled(shared / "data/ner/anercorp/train.txt")
    base = load_lexicons(lexicon_dir)
    base.auto = {}
    if config.wiki:
        base.wiki = wiki_names()
    return sentences, base, read_vectors(vectors_file)


@dataclass(slots=True)
class Member:
    """One trained network of an ensemble, as plain arrays (picklable)."""

    weights: NeuralWeights
    features: list[str]
    chars: str
    epochs: int
    history: list[dict[str, object]]


def _train_member(
    sentences: Sequence[Sentence],
    base: Lexicons,
    vectors: Vectors,
    config: NeuralConfig,
    dev: Sequence[Sentence] | None,
    places: dict[str, set[str]],
    context: ContextStates | None = None,
) -> Member:
    silver = read_labelled(Path(config.silver)) if config.silver else []
    trained = train_network(sentences, base, vectors, config, dev=dev, places=places, silver=silver, context=context)
    encoder = trained.model.encoder
    return Member(trained.model.weights, encoder.features, encoder.chars, trained.epochs, trained.history)


def train_members(
    sentences: Sequence[Sentence],
    base: Lexicons,
    vectors: Vectors,
    config: NeuralConfig,
    seeds: Sequence[int],
    dev: Sequence[Sentence] | None = None,
    jobs: int = 1,
    context: ContextStates | None = None,
) -> tuple[NeuralNerModel, list[Member]]:
    """One network per seed (in `jobs` processes of one thread each), joined
    into one ensemble model whose extractor knows all of `sentences`' names."""
    places = babel_places()
    configs = [replace(config, seed=seed) for seed in seeds]
    if jobs > 1 and len(configs) > 1:
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=spawn) as pool:
            n = len(configs)
            members = list(
                pool.map(
                    _train_member,
                    [sentences] * n,
                    [base] * n,
                    [vectors] * n,
                    configs,
                    [dev] * n,
                    [places] * n,
                    [context] * n,
                )
            )
    else:
        members = [_train_member(sentences, base, vectors, c, dev, places, context) for c in configs]
    first = members[0]
    if any(m.features != first.features or m.chars != first.chars for m in members):
        raise RuntimeError("ensemble members were trained with different vocabularies")
    words = effective_vectors(vectors, config).words
    encoder = TokenEncoder(full_extractor(sentences, base, places), words, first.features, first.chars)
    return NeuralNerModel([m.weights for m in members], encoder, context), members


@dataclass(slots=True)
class DevResult:
    scores: dict[str, object]  # the ensemble's dev scores
    epochs: int  # epochs for the final training: the members' mean best epoch
    members: list[Member]


def training_context(shared: Path, config: NeuralConfig, cache: Path | None, jobs: int) -> CachedContext | None:
    """The accurate tagger's e5 states of ANERcorp train, cached in `cache` (computed first when absent)."""
    if not config.context_layers:
        return None
    if cache is None:
        raise ValueError("a tagger with e5 layers needs a cache folder for their states")
    if config.wojood or config.silver:
        raise ValueError("only ANERcorp train has cached e5 states")
    found = cache_states(shared / "data/ner/anercorp/train.txt", cache, jobs)
    return CachedContext([found], config.context_layers)


def neural_dev_experiment(
    shared: Path,
    lexicon_dir: Path,
    vectors_file: Path,
    config: NeuralConfig,
    seeds: Sequence[int] = (13,),
    jobs: int = 1,
    context_cache: Path | None = None,
) -> DevResult:
    sentences, base, vectors = load_inputs(shared, lexicon_dir, vectors_file, config)
    train, dev = split_dev(sentences, config.split)
    if config.wojood:
        train = train + wojood_sentences(shared / "data/ner/wojood-sample/train.txt")
    context = training_context(shared, config, context_cache, jobs)
    model, members = train_members(train, base, vectors, config, seeds, dev=dev, jobs=jobs, context=context)
    epochs = round(sum(m.epochs for m in members) / len(members))
    return DevResult(dev_scores(model, dev), epochs, members)


def train_final_neural(
    shared: Path,
    lexicon_dir: Path,
    vectors_file: Path,
    config: NeuralConfig,
    out: Path,
    dev: dict[str, object],
    seeds: Sequence[int] = (13,),
    jobs: int = 1,
    context_cache: Path | None = None,
) -> Path:
    """Train on all of ANERcorp train for `config.epochs` epochs (the dev-chosen
    count), one network per seed, and write `ner_neural.npz` plus a `neural`
    record in config.json (with e5 layers: `ner_accurate.npz`, its word vectors read
    from the shipped `ner_neural.npz`, and an `accurate` record).

    The lexicons (clusters, gazetteer, triggers) are the CRF's, read from
    `lexicon_dir`: the gazetteer there is built from all of train, as the
    final model's features expect."""
    sentences, base, vectors = load_inputs(shared, lexicon_dir, vectors_file, config)
    train_file = shared / "data/ner/anercorp/train.txt"
    inputs = [train_file]
    if config.wojood:
        wojood = shared / "data/ner/wojood-sample/train.txt"
        sentences = sentences + wojood_sentences(wojood)
        inputs.append(wojood)
    context = training_context(shared, config, context_cache, jobs)
    model, members = train_members(sentences, base, vectors, config, seeds, jobs=jobs, context=context)
    out.mkdir(parents=True, exist_ok=True)
    accurate = bool(config.context_layers)
    path = out / (ACCURATE_FILE if accurate else NEURAL_FILE)
    meta: dict[str, object] = {"features": asdict(features_for(base))}
    if base.wiki:
        meta["wiki_sha256"] = lists_sha256(dict(base.wiki))
    if accurate:
        meta["context_layers"] = list(config.context_layers)
        shipped = np.load(out / NEURAL_FILE)
        if [str(w) for w in shipped["words"]] != vectors.words:
            raise ValueError(f"the accurate tagger shares {NEURAL_FILE}'s word vectors: train it with --vectors there")
    save_weights(path, model.members, model.encoder, meta, vectors_from=NEURAL_FILE if accurate else None)
    config_path = out / CONFIG_FILE
    record = json.loads(config_path.read_text(encoding="utf-8")) if config_path.is_file() else {}
    record["accurate" if accurate else "neural"] = {
        "config": asdict(config),
        "seeds": list(seeds),
        "dev": dev,
        "data_sha256": {
            **{str(p.relative_to(shared)): sha256(p) for p in inputs},
            "word vectors (wordreps.build_clusters vectors_out)": sha256(vectors_file),
            **({"silver sentences (marsad train ner-silver)": sha256(Path(config.silver))} if config.silver else {}),
            **(
                {"pretrained encoder (marsad train ner-pretrain)": sha256(Path(config.pretrained))}
                if config.pretrained
                else {}
            ),
        },
        "losses": [[r["loss"] for r in m.history] for m in members],
    }
    record.setdefault("files_sha256", {})[NEURAL_FILE] = sha256(path)
    config_path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
