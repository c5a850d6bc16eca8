"""Language-model pretraining of the tagger's encoder on the unlabeled news.

ANERcorp's 125,000 tokens are all the tagger sees of Arabic context. The news
has a hundred times more. Before it learns tags, the BiLSTM learns to read
news: its forward half predicts each sentence's next word, its backward half
the previous one (a bidirectional language model with the tagger's own input
layers: word vectors, feature bag and character CNN). The tagger then starts
from these weights instead of random ones. The network and its run-time cost
are unchanged; only its starting point differs.

The next word is predicted as a direction in the frozen skip-gram space,
scored against the batch's own target words plus words drawn at random (a
sampled softmax): a full softmax over 100,000 words would cost more than the
LSTM itself. Training time only: torch is imported inside the functions.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from marsad.enrich.ner.neural import TokenEncoder
from marsad.training.ner.gazetteers import babel_places
from marsad.training.ner.neural_train import (
    NeuralConfig,
    build_encoder,
    concat_encoded,
    fold_extractors,
    full_extractor,
    load_inputs,
    make_model,
    tensors,
)
from marsad.training.ner.pretrained import PretrainedEncoder
from marsad.training.ner.silver import news_sentences
from marsad.training.ner.train import split_dev

log = logging.getLogger(__name__)

# The parts of the tagger a pretrained encoder carries; the output layer and
# the CRF are the tagger's own.
ENCODER_PREFIXES = ("features.", "chars.", "conv.", "lstm.")


@dataclass(slots=True)
class PretrainConfig:
    tokens: int = 6_000_000  # news tokens to read (one pass)
    batch_size: int = 64
    negatives: int = 1024  # random words scored beside the batch's own targets
    dropout: float = 0.2
    learning_rate: float = 1e-3
    threads: int = 1
    seed: int = 13
    log_every: int = 200  # batches between progress lines (mean loss since the last one)
    extra: dict[str, object] = field(default_factory=dict)


def batches(sentences: Iterable[list[str]], size: int, budget: int) -> Iterator[list[list[str]]]:
    """Sentences in groups of `size`, until `budget` tokens have been handed out."""
    group: list[list[str]] = []
    seen = 0
    for tokens in sentences:
        if seen >= budget:
            break
        group.append(tokens)
        seen += len(tokens)
        if len(group) == size:
            yield group
            group = []
    if group:
        yield group


def lm_targets(words: np.ndarray, lengths: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Per padded position (row-major, rows of max(lengths)): the next word's id
    (forward) and the previous word's id (backward), 0 where there is none or
    it is unknown."""
    steps = max(lengths)
    forward = np.zeros((len(lengths), steps), dtype=np.int64)
    backward = np.zeros((len(lengths), steps), dtype=np.int64)
    at = 0
    for row, n in enumerate(lengths):
        ids = words[at : at + n]
        forward[row, : n - 1] = ids[1:]
        backward[row, 1:n] = ids[:-1]
        at += n
    return forward, backward


def sampled_loss(torch: Any, states: Any, targets: Any, vectors: Any, negatives: Any, head: Any) -> tuple[Any, int]:
    """Summed cross-entropy of each state's target among the batch's targets
    and the drawn negatives; positions whose target is 0 (none, unknown) are
    left out."""
    flat_states = states.reshape(-1, states.shape[-1])
    flat_targets = targets.reshape(-1)
    keep = flat_targets > 0
    if not bool(keep.any()):
        return states.sum() * 0.0, 0
    chosen = flat_states[keep]
    wanted = flat_targets[keep]
    candidates, position = torch.unique(torch.cat([wanted, negatives]), return_inverse=True)
    logits = head(chosen) @ vectors[candidates].T
    loss = torch.nn.functional.cross_entropy(logits, position[: len(wanted)], reduction="sum")
    return loss, len(wanted)


def pretrain_encoder(
    sentences: Iterable[list[str]],
    encoder: TokenEncoder,
    network: Any,
    config: PretrainConfig,
) -> PretrainedEncoder:
    """One pass of bidirectional language modelling over `sentences` (token
    lists), updating `network`'s input layers and LSTM (a `make_model` tagger
    built with `encoder`'s vocabularies and the same word vectors)."""
    import torch
    from torch import nn
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    torch.set_num_threads(config.threads)
    torch.manual_seed(config.seed)
    rng = random.Random(config.seed)
    hidden = network.lstm.hidden_size
    vectors = network.words.weight
    heads = nn.ModuleList([nn.Linear(hidden, vectors.shape[1]), nn.Linear(hidden, vectors.shape[1])])
    drop = nn.Dropout(config.dropout)
    params = [p for p in network.parameters() if p.requires_grad] + list(heads.parameters())
    optimizer = torch.optim.Adam(params, lr=config.learning_rate)
    network.train()
    history: list[dict[str, object]] = []
    started = time.perf_counter()
    seen = loss_sum = 0.0
    predicted = 0
    for number, group in enumerate(batches(sentences, config.batch_size, config.tokens), 1):
        batch = concat_encoded([encoder.encode(tokens) for tokens in group])
        lengths = [len(tokens) for tokens in group]
        forward_ids, backward_ids = lm_targets(batch.words, lengths)
        inputs = network.token_inputs(tensors(batch))
        steps = max(lengths)
        padded = inputs.new_zeros((len(group), steps, inputs.shape[1]))
        at = 0
        for row, n in enumerate(lengths):
            padded[row, :n] = inputs[at : at + n]
            at += n
        lengths_tensor = torch.tensor(lengths)
        packed = pack_padded_sequence(drop(padded), lengths_tensor, batch_first=True, enforce_sorted=False)
        states, _ = network.lstm(packed)
        states, _ = pad_packed_sequence(states, batch_first=True, total_length=steps)
        states = drop(states)
        negatives = torch.tensor([rng.randrange(1, vectors.shape[0]) for _ in range(config.negatives)])
        forward_loss, n_forward = sampled_loss(
            torch, states[:, :, :hidden], torch.from_numpy(forward_ids), vectors, negatives, heads[0]
        )
        backward_loss, n_backward = sampled_loss(
            torch, states[:, :, hidden:], torch.from_numpy(backward_ids), vectors, negatives, heads[1]
        )
        count = n_forward + n_backward
        if not count:
            continue
        loss = (forward_loss + backward_loss) / count
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 5.0)
        optimizer.step()
        seen += sum(lengths)
        loss_sum += float(loss.item()) * count
        predicted += count
        if number % config.log_every == 0:
            record: dict[str, object] = {
                "batches": number,
                "tokens": int(seen),
                "loss": round(loss_sum / max(predicted, 1), 3),
                "tokens_per_second": round(seen / (time.perf_counter() - started)),
            }
            history.append(record)
            log.info("%s", json.dumps(record))
            loss_sum, predicted = 0.0, 0
    network.eval()
    state = {
        k: v.detach().numpy().astype(np.float32)
        for k, v in network.state_dict().items()
        if k.startswith(ENCODER_PREFIXES)
    }
    history.append({"config": asdict(config), "tokens": int(seen), "seconds": round(time.perf_counter() - started)})
    return PretrainedEncoder(list(encoder.features), encoder.chars, state, history)


def shuffled(items: Iterable[list[str]], buffer: int, seed: int) -> Iterator[list[str]]:
    """`items` in a locally shuffled order (a reservoir of `buffer`): batches
    then mix articles and outlets instead of one article's sentences."""
    rng = random.Random(seed)
    pool: list[list[str]] = []
    for item in items:
        pool.append(item)
        if len(pool) >= buffer:
            i = rng.randrange(len(pool))
            pool[i], pool[-1] = pool[-1], pool[i]
            yield pool.pop()
    rng.shuffle(pool)
    yield from pool


def pretrain_on_news(
    shared: Path, lexicon_dir: Path, vectors_file: Path, neural: NeuralConfig, config: PretrainConfig
) -> PretrainedEncoder:
    """Pretrain the encoder of a `neural`-configured tagger on the news in `shared`.

    The feature vocabulary and gazetteer come from ANERcorp train **minus the
    dev split**, so a dev experiment starting from this encoder has seen
    nothing of dev; the final model, trained on all of train, starts from the
    same encoder (rows are matched by feature name)."""
    sentences, base, vectors = load_inputs(shared, lexicon_dir, vectors_file, neural)
    train, _ = split_dev(sentences, neural.split)
    places = babel_places()
    extractors = fold_extractors(train, base, places, neural.split.folds)
    features, alphabet = build_encoder(train, extractors, neural)
    encoder = TokenEncoder(full_extractor(train, base, places), vectors.words, features, alphabet)
    network = make_model(neural, vectors, len(features), len(alphabet))
    news = sorted((shared / "data" / "news").glob("*.jsonl.gz"))
    return pretrain_encoder(shuffled(news_sentences(news), 20_000, config.seed), encoder, network, config)
