"""What the frozen e5 encoder gives a tagger: a probe on ANERcorp (issue #18, step 2).

Each word is the e5 state of its first piece (the mean of the last layers), with its
neighbours' on either side; a one-hidden-layer network (ReLU, dropout, Adam, NumPy) learns
the word's tag from that alone, on ANERcorp's training sentences less the dev split, and is
scored on the dev split and on the test set with the conlleval rules of `conll.score`. The
figure says how much an encoder that is not fine-tuned knows about Arabic names before any
of the tagger's own features are added.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.enrich.ner.conll import TYPES, Scores, Sentence, read_labelled, score
from marsad.enrich.ner.e5 import E5Encoder
from marsad.training.ner.train import TrainConfig, split_dev

__all__ = ["ProbeConfig", "probe", "window", "word_states"]

TAGS = ("O", *(f"{prefix}-{kind}" for kind in TYPES for prefix in "BI"))
_MAX_WORDS = 120  # words per encoder pass: well under its 512 pieces


@dataclass(frozen=True, slots=True)
class ProbeConfig:
    hidden: int = 512
    epochs: int = 12
    layers: int = 4  # the last layers averaged into a word's state
    learning_rate: float = 1e-3
    dropout: float = 0.3
    batch: int = 256
    seed: int = 0


def word_states(encoder: E5Encoder, sentences: Iterable[Sequence[str]], layers: int) -> np.ndarray:
    """One row per word: the state of its first piece."""
    rows: list[np.ndarray] = []
    for words in sentences:
        for at in range(0, len(words), _MAX_WORDS):
            states, first = encoder.words(words[at : at + _MAX_WORDS], keep_layers=layers)
            rows.append(states[first])
    return np.concatenate(rows) if rows else np.zeros((0, encoder.w.hidden), np.float32)


def window(states: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
    """Each word's state beside its left and right neighbours' (zeros at a sentence's edges)."""
    width = states.shape[1]
    out = np.zeros((len(states), 3 * width), np.float32)
    at = 0
    for n in lengths:
        s = states[at : at + n]
        out[at : at + n, width : 2 * width] = s
        out[at + 1 : at + n, :width] = s[:-1]
        out[at : at + n - 1, 2 * width :] = s[1:]
        at += n
    return out


class _Network:
    def __init__(self, inputs: int, config: ProbeConfig) -> None:
        self.config = config
        self.rng = np.random.default_rng(config.seed)
        classes = len(TAGS)
        self.p = {
            "W1": self.rng.normal(0, np.sqrt(2 / inputs), (inputs, config.hidden)).astype(np.float32),
            "b1": np.zeros(config.hidden, np.float32),
            "W2": self.rng.normal(0, np.sqrt(1 / config.hidden), (config.hidden, classes)).astype(np.float32),
            "b2": np.zeros(classes, np.float32),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.steps = 0

    def logits(self, x: np.ndarray) -> np.ndarray:
        out: np.ndarray = np.maximum(x @ self.p["W1"] + self.p["b1"], 0) @ self.p["W2"] + self.p["b2"]
        return out

    def step(self, x: np.ndarray, y: np.ndarray) -> None:
        keep = 1 - self.config.dropout
        pre = x @ self.p["W1"] + self.p["b1"]
        mask = (self.rng.random(pre.shape) < keep).astype(np.float32) / keep
        hidden = np.maximum(pre, 0) * mask
        z = hidden @ self.p["W2"] + self.p["b2"]
        z -= z.max(axis=1, keepdims=True)
        probs = np.exp(z)
        probs /= probs.sum(axis=1, keepdims=True)
        probs[np.arange(len(y)), y] -= 1
        g = probs / len(y)
        back = (g @ self.p["W2"].T) * mask * (pre > 0)
        grads = {"W2": hidden.T @ g, "b2": g.sum(0), "W1": x.T @ back, "b1": back.sum(0)}
        self.steps += 1
        lr, b1, b2 = self.config.learning_rate, 0.9, 0.999
        for k, grad in grads.items():
            self.m[k] = b1 * self.m[k] + (1 - b1) * grad
            self.v[k] = b2 * self.v[k] + (1 - b2) * grad**2
            m_hat = self.m[k] / (1 - b1**self.steps)
            v_hat = self.v[k] / (1 - b2**self.steps)
            self.p[k] -= lr * m_hat / (np.sqrt(v_hat) + 1e-8)


def _tags(indices: np.ndarray, lengths: Sequence[int]) -> list[list[str]]:
    out, at = [], 0
    for n in lengths:
        out.append([TAGS[int(i)] for i in indices[at : at + n]])
        at += n
    return out


def probe(
    encoder: E5Encoder, train: Sequence[Sentence], tests: dict[str, Sequence[Sentence]], config: ProbeConfig
) -> dict[str, Scores]:
    """Train the probe on `train`; its conlleval scores on each of `tests`."""

    def prepared(sentences: Sequence[Sentence]) -> tuple[np.ndarray, np.ndarray, list[int]]:
        states = word_states(encoder, [words for words, _ in sentences], config.layers)
        lengths = [len(words) for words, _ in sentences]
        y = np.array([TAGS.index(tag) for _, tags in sentences for tag in tags], np.int64)
        return states, y, lengths

    states, y, lengths = prepared(train)
    mean, spread = states.mean(0), states.std(0) + 1e-6
    x = window((states - mean) / spread, lengths)
    network = _Network(x.shape[1], config)
    for _ in range(config.epochs):
        order = network.rng.permutation(len(x))
        for at in range(0, len(order), config.batch):
            chosen = order[at : at + config.batch]
            network.step(x[chosen], y[chosen])
    scores: dict[str, Scores] = {}
    for name, sentences in tests.items():
        test_states, test_y, test_lengths = prepared(sentences)
        predicted = network.logits(window((test_states - mean) / spread, test_lengths)).argmax(1)
        scores[name] = score(_tags(test_y, test_lengths), _tags(predicted, test_lengths))
    return scores


def anercorp_probe(shared: Path, config: ProbeConfig, encoder: E5Encoder | None = None) -> dict[str, Scores]:
    sentences = read_labelled(shared / "data/ner/anercorp/train.txt")
    train, dev = split_dev(sentences, TrainConfig())
    test = read_labelled(shared / "data/ner/anercorp/test.txt")
    return probe(encoder or E5Encoder.pretrained(), train, {"dev": dev, "test": test}, config)
