"""The neural tagger's layers in NumPy: char CNN, bidirectional LSTM, CRF Viterbi.

The runtime has no torch. Every layer works on a batch of sentences padded
to one length; the caller buckets sentences by length so little is padding.
Weight layouts are those `neural_train.export_weights` writes:

- LSTM gates are ordered (i, f, o, g) with the rows of i, f and o halved, so
  one `tanh` over all gates gives the sigmoids as `0.5 * tanh + 0.5`;
- the backward direction reads each sentence reversed within its own
  length, so padding stays at the end for both directions.
"""

from __future__ import annotations

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
    width = char_ids.shape[1]
    out = tables[0][char_ids[:, :-2]]
    out += tables[1][char_ids[:, 1:-1]]
    out += tables[2][char_ids[:, 2:]]
    out += bias
    valid = np.arange(width - 2)[None, :] < (lengths - 2)[:, None]
    out[~valid] = np.float32(-1e4)
    return np.asarray(out.max(axis=1), dtype=np.float32)


def reverse_index(lengths: IntArray, steps: int) -> IntArray:
    """Per sentence, the position read at step t when running backwards:
    `length - 1 - t` inside the sentence, `t` on the padding."""
    t = np.arange(steps)[None, :]
    return np.where(t < lengths[:, None], lengths[:, None] - 1 - t, t)


def lstm_direction(inputs: Array, recurrent: Array, hidden: int, out: Array) -> None:
    """One LSTM direction over (B, T, 4H) input projections, writing (B, T, H) into `out`."""
    h = hidden
    batch, steps, _ = inputs.shape
    state = np.zeros((batch, h), dtype=np.float32)
    cell = np.zeros((batch, h), dtype=np.float32)
    gates = np.empty((batch, 4 * h), dtype=np.float32)
    for t in range(steps):
        np.matmul(state, recurrent, out=gates)
        gates += inputs[:, t]
        np.tanh(gates, out=gates)
        sig = gates[:, : 3 * h] * 0.5 + 0.5
        cell *= sig[:, h : 2 * h]
        cell += sig[:, :h] * gates[:, 3 * h :]
        state = sig[:, 2 * h :] * np.tanh(cell)
        out[:, t] = state


def bilstm(projected: Array, lengths: IntArray, recurrent: Array, hidden: int) -> Array:
    """Both LSTM directions over input projections.

    `projected` is (B, T, 8H): per token, the forward then the backward
    direction's input projection (gates i, f, o, g each), biases included.
    `recurrent` is (2, H, 4H), one matrix per direction. Returns (B, T, 2H)
    outputs `[forward, backward]` aligned with the tokens."""
    batch, steps, _ = projected.shape
    h = hidden
    rev = reverse_index(lengths, steps)
    rows = np.arange(batch)[:, None]
    outputs = np.empty((batch, steps, 2 * h), dtype=np.float32)
    lstm_direction(projected[:, :, : 4 * h], recurrent[0], h, outputs[:, :, :h])
    backward = np.empty((batch, steps, h), dtype=np.float32)
    # The backward direction runs forwards over each sentence reversed in place.
    lstm_direction(projected[rows, rev, 4 * h :], recurrent[1], h, backward)
    outputs[:, :, h:] = backward[rows, rev]
    return outputs


def viterbi(
    emissions: Array, lengths: IntArray, transitions: Array, start: Array, end: Array
) -> tuple[IntArray, Array]:
    """Best tag path per sentence and its score under a linear-chain CRF.

    `transitions[i, j]` scores tag i followed by tag j. Padding steps keep the
    scores unchanged, so each sentence ends at its own length."""
    batch, steps, _ = emissions.shape
    score = start[None, :] + emissions[:, 0]
    pointers = np.zeros((batch, steps, emissions.shape[2]), dtype=np.int64)
    for t in range(1, steps):
        candidates = score[:, :, None] + transitions[None, :, :]
        best = candidates.argmax(axis=1)
        new = np.take_along_axis(candidates, best[:, None, :], axis=1)[:, 0] + emissions[:, t]
        inside = (t < lengths)[:, None]
        score = np.where(inside, new, score)
        pointers[:, t] = best
    score = score + end[None, :]
    last = score.argmax(axis=1)
    best_score = score[np.arange(batch), last]
    paths = np.zeros((batch, steps), dtype=np.int64)
    rows = np.arange(batch)
    current = last
    for t in range(steps - 1, -1, -1):
        inside = t < lengths
        # Until a sentence's last token is reached (from the right) its tag is `last`.
        at_end = t == lengths - 1
        current = np.where(at_end, last, current)
        paths[:, t] = np.where(inside, current, 0)
        if t > 0:
            current = np.where(inside, pointers[rows, t, current], current)
    return paths, best_score.astype(np.float32)
