"""The neural tagger's layers in NumPy: char CNN, bidirectional LSTM, CRF Viterbi.

The runtime has no torch. The recurrent layers run on *packed* batches, as
torch's `PackedSequence` does: sentences sorted longest first and read
time-major, so at step t the sentences still running are a prefix of the
batch and no step computes padding (padding cost about a third of the
recurrence on news text, whose sentences run from one token to a few hundred).
Weight layouts are those `neural_train.export_weights` writes:

- LSTM gates are ordered (i, f, o, g) with the rows of i, f and o halved, so
  one `tanh` over all gates gives the sigmoids as `0.5 * tanh + 0.5`;
- the backward direction reads each sentence reversed within its own length.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float32]
IntArray = NDArray[np.int64]


def char_cnn(char_ids: IntArray, lengths: IntArray, embedding: Array, weight: Array, bias: Array) -> Array:
    """Max-pooled width-3 convolution over each word's characters.

    `char_ids` is (words, L) with the word's characters between two boundary
    marks and 0 after them; `lengths` counts the characters with the marks;
    `weight` is (3 * char_dim, filters)."""
    # A window's score is the sum of its three letters' contributions, so the
    # alphabet is projected once and each window becomes three table lookups.
    dim = embedding.shape[1]
    tables = [embedding @ weight[k * dim : (k + 1) * dim] for k in range(3)]
    out = np.empty((len(char_ids), weight.shape[1]), dtype=np.float32)
    # Words of one length at a time: a word has only its own windows, no padding to mask.
    for length in np.unique(lengths):
        rows = np.flatnonzero(lengths == length)
        ids = char_ids[rows, :length]
        windows = tables[0][ids[:, :-2]]
        windows += tables[1][ids[:, 1:-1]]
        windows += tables[2][ids[:, 2:]]
        out[rows] = windows.max(axis=1)
    # (the bias is the same for every window, so it is added after the max)
    out += bias
    return out


@dataclass(frozen=True, slots=True)
class PackedBatch:
    """Sentences of a batch, longest first, read one time step after another.

    Tokens have two numberings: *flat*, the sentences' tokens one sentence
    after another, and *time-major*, step 0 of every sentence, then step 1 of
    those still running, and so on. `forward[r]` is the flat token read at
    time-major row r; `backward[r]` the one read there by the backward
    direction (the sentence reversed within its length)."""

    lengths: IntArray  # (B,) non-increasing
    active: IntArray  # (T,) sentences still running at each step: always a prefix
    offsets: IntArray  # (T + 1,) where each step's rows start in time-major order
    forward: IntArray  # (N,)
    backward: IntArray  # (N,)

    @property
    def steps(self) -> int:
        return len(self.active)


def pack(lengths: IntArray) -> PackedBatch:
    """The packed layout of sentences of `lengths`, which must be non-increasing and positive."""
    lengths = np.asarray(lengths, dtype=np.int64)
    if len(lengths) == 0 or lengths[-1] < 1 or np.any(np.diff(lengths) > 0):
        raise ValueError("pack: lengths must be positive and sorted longest first")
    steps = int(lengths[0])
    # Sentences running at step t: those longer than t, a prefix since lengths decrease.
    active = len(lengths) - np.searchsorted(lengths[::-1], np.arange(steps), side="right")
    offsets = np.zeros(steps + 1, dtype=np.int64)
    np.cumsum(active, out=offsets[1:])
    starts = np.zeros(len(lengths), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    sentence = np.arange(offsets[-1]) - np.repeat(offsets[:-1], active)
    step = np.repeat(np.arange(steps), active)
    return PackedBatch(
        lengths=lengths,
        active=active.astype(np.int64),
        offsets=offsets,
        forward=starts[sentence] + step,
        backward=starts[sentence] + lengths[sentence] - 1 - step,
    )


def lstm_direction(inputs: Array, recurrent: Array, hidden: int, batch: PackedBatch) -> Array:
    """One LSTM direction over time-major input projections (N, 4H); returns (N, H) outputs, time-major."""
    h = hidden
    width = int(batch.active[0])
    out = np.empty((len(inputs), h), dtype=np.float32)
    state = np.zeros((width, h), dtype=np.float32)
    cell = np.zeros((width, h), dtype=np.float32)
    gates_buffer = np.empty((width, 4 * h), dtype=np.float32)
    for t in range(batch.steps):
        n, first, last = int(batch.active[t]), int(batch.offsets[t]), int(batch.offsets[t + 1])
        gates = gates_buffer[:n]
        np.matmul(state[:n], recurrent, out=gates)
        gates += inputs[first:last]
        np.tanh(gates, out=gates)
        sig = gates[:, : 3 * h] * 0.5 + 0.5
        running = cell[:n]
        running *= sig[:, h : 2 * h]
        running += sig[:, :h] * gates[:, 3 * h :]
        np.multiply(sig[:, 2 * h :], np.tanh(running), out=state[:n])
        out[first:last] = state[:n]
    return out


def bilstm_emissions(
    projected_forward: Array,
    projected_backward: Array,
    recurrent: Array,
    hidden: int,
    output_weight: Array,
    output_bias: Array,
    batch: PackedBatch,
) -> Array:
    """Tag scores of every token, time-major (N, K), from both LSTM directions.

    `projected_forward[r]` is the forward direction's input projection of the
    token `batch.forward[r]`, `projected_backward[r]` the backward one's of
    `batch.backward[r]` (each (N, 4H), biases included); `recurrent` is
    (2, H, 4H) and `output_weight` (2H, K) over `[forward, backward]`."""
    h = hidden
    forward = lstm_direction(projected_forward, recurrent[0], h, batch)
    backward = lstm_direction(projected_backward, recurrent[1], h, batch)
    by_token = np.empty((len(forward), output_weight.shape[1]), dtype=np.float32)
    by_token[batch.backward] = backward @ output_weight[h:]
    scores = forward @ output_weight[:h]
    scores += by_token[batch.forward]
    scores += output_bias
    return scores


def viterbi(
    emissions: Array, batch: PackedBatch, transitions: Array, start: Array, end: Array
) -> tuple[IntArray, Array]:
    """Best tag path per sentence and its score under a linear-chain CRF.

    `emissions` is time-major (N, K); `transitions[i, j]` scores tag i
    followed by tag j. Returns the tags time-major (N,) and each sentence's
    path score (B,)."""
    score = start[None, :] + emissions[: batch.offsets[1]]
    pointers = np.zeros(emissions.shape, dtype=np.int64)
    for t in range(1, batch.steps):
        n, first, last = int(batch.active[t]), int(batch.offsets[t]), int(batch.offsets[t + 1])
        candidates = score[:n, :, None] + transitions[None, :, :]
        best = candidates.argmax(axis=1)
        score[:n] = np.take_along_axis(candidates, best[:, None, :], axis=1)[:, 0] + emissions[first:last]
        pointers[first:last] = best
    score += end[None, :]
    final = score.argmax(axis=1)
    best_score = score[np.arange(len(final)), final]
    tags = np.zeros(len(emissions), dtype=np.int64)
    current = final.copy()
    for t in range(batch.steps - 1, -1, -1):
        n, first, last = int(batch.active[t]), int(batch.offsets[t]), int(batch.offsets[t + 1])
        # A sentence's path starts, from the right, at its own last token.
        ending = batch.lengths[:n] == t + 1
        current[:n][ending] = final[:n][ending]
        tags[first:last] = current[:n]
        if t > 0:
            current[:n] = pointers[np.arange(first, last), current[:n]]
    return tags, best_score.astype(np.float32)
