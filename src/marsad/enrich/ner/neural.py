"""The neural NER tagger at run time: a BiLSTM-CRF evaluated in NumPy.

Each token becomes one input vector: its skip-gram vector learned from the
unlabeled news (`wordreps`), the sum of embeddings of the CRF's own token
features (word, stem, clitics, affixes, shape, clusters, gazetteer and
trigger hits; `features.FeatureExtractor.own_features`) and a character CNN.
All of that depends on the token alone, so it is computed once per distinct
token and cached *after* the LSTM's input projection: tagging a sentence is
a table lookup, the recurrence, and Viterbi over the CRF transitions.

Trained by `neural_train` (torch, training time only); the weights ship in
`ner_neural.npz` beside the CRF files.

The accurate tagger (`ner_accurate.npz`) adds one input that depends on the
sentence: each word's multilingual-e5 states (`e5.py`), a learned mix of some
of its layers, projected into the LSTM's gates beside the cached token rows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Protocol

import numpy as np
from threadpoolctl import ThreadpoolController

from marsad.arabic.normalize import fold_word
from marsad.enrich.ner.conll import to_iob2
from marsad.enrich.ner.features import FeatureExtractor
from marsad.enrich.ner.numpy_layers import Array, IntArray, bilstm_emissions, char_cnn, pack, viterbi

NEURAL_FILE = "ner_neural.npz"
ACCURATE_FILE = "ner_accurate.npz"
MAX_CHARS = 20
PAD, UNKNOWN_CHAR, BOW, EOW = 0, 1, 2, 3
# Tokens per packed batch: enough sentences that each time step's NumPy calls
# are shared by many rows, few enough that the gathered inputs stay in cache.
CHUNK_TOKENS = 16_000
# Distinct tokens whose projections are cached before the cache starts afresh (bounded memory:
# 4 KB a token for the default model).
MAX_CACHED_TOKENS = 300_000


def word_chars(folded: str) -> str:
    """The characters the CNN sees: long words keep both ends, where the clitics and affixes are."""
    if len(folded) > MAX_CHARS:
        half = MAX_CHARS // 2
        return folded[:half] + folded[-half:]
    return folded


class _CharTable(dict[int, str]):
    """A `str.translate` table under which a letter outside the alphabet is `UNKNOWN_CHAR`."""

    def __missing__(self, key: int) -> str:
        return chr(UNKNOWN_CHAR)


@dataclass(slots=True)
class EncodedTokens:
    """Integer inputs for a list of distinct tokens."""

    words: IntArray  # (n,) row in the word vectors, 0 for unknown
    bag_ids: IntArray  # feature rows, concatenated
    bag_starts: IntArray  # (n,) where each token's features start in bag_ids
    chars: IntArray  # (n, MAX_CHARS + 2)
    char_lengths: IntArray  # (n,) characters including the two marks


class TokenEncoder:
    """Maps tokens to the ids of their word vector, features and characters."""

    def __init__(
        self,
        extractor: FeatureExtractor,
        words: Sequence[str],
        features: Sequence[str],
        chars: str,
    ) -> None:
        self.extractor = extractor
        self.words = list(words)
        self.features = list(features)
        self.chars = chars
        self._word_index = {w: i for i, w in enumerate(self.words)}
        self._feature_index = {f: i for i, f in enumerate(self.features)}
        self._char_index = {c: i for i, c in enumerate(chars)}
        # `str.translate` turns a word into its character ids, one code point each.
        self._char_table = _CharTable({ord(c): chr(i) for c, i in self._char_index.items()})

    def word_id(self, token: str, folded: str | None = None) -> int:
        folded = fold_word(token) if folded is None else folded
        found = self._word_index.get(folded)
        if found is None:
            found = self._word_index.get(self.extractor.stem_key(token), 0)
        return found

    def feature_ids(self, token: str) -> list[int]:
        return [i for i in map(self._feature_index.get, self.extractor.own_features(token)) if i is not None]

    def encode(self, tokens: Sequence[str]) -> EncodedTokens:
        folded = [fold_word(t) for t in tokens]
        words = np.array([self.word_id(t, f) for t, f in zip(tokens, folded, strict=True)], dtype=np.int64)
        bags = [self.feature_ids(t) for t in tokens]
        starts = np.zeros(len(tokens), dtype=np.int64)
        if bags:
            starts[1:] = np.cumsum([len(b) for b in bags])[:-1]
        bag_ids = np.array([i for bag in bags for i in bag], dtype=np.int64)
        chars, lengths = self._char_matrix(folded)
        return EncodedTokens(words, bag_ids, starts, chars, lengths)

    def _char_matrix(self, folded: Sequence[str]) -> tuple[IntArray, IntArray]:
        """Each word's character ids between the two boundary marks, as rows of one matrix, and their
        lengths; an empty word still gets one convolution window (an unknown character)."""
        table, unknown, marks = self._char_table, chr(UNKNOWN_CHAR), (chr(BOW), chr(EOW))
        words = [marks[0] + (word_chars(f).translate(table) or unknown) + marks[1] for f in folded]
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        ids = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32)
        chars = np.zeros((len(words), MAX_CHARS + 2), dtype=np.int64)
        rows = np.repeat(np.arange(len(words)), lengths)
        chars[rows, np.arange(len(ids)) - np.repeat(np.cumsum(lengths) - lengths, lengths)] = ids
        return chars, lengths


def bag_sums(table: Array, encoded: EncodedTokens) -> Array:
    """Per token, the sum of its feature embeddings (zero when it has none)."""
    out = np.zeros((len(encoded.words), table.shape[1]), dtype=np.float32)
    if len(encoded.bag_ids) == 0:
        return out
    rows = table[encoded.bag_ids].astype(np.float32, copy=False)
    lengths = np.diff(np.append(encoded.bag_starts, len(encoded.bag_ids)))
    nonempty = lengths > 0
    out[nonempty] = np.add.reduceat(rows, encoded.bag_starts[nonempty], axis=0)
    return out


@dataclass(slots=True)
class NeuralWeights:
    tags: list[str]
    hidden: int
    word_vectors: Array
    feature_table: Array
    char_table: Array
    conv_weight: Array
    conv_bias: Array
    input_weight: Array  # (D, 8H): forward then backward, gates (i, f, o, g), i/f/o halved
    input_bias: Array  # (8H,)
    recurrent: Array  # (2, H, 4H): per direction, (i, f, o, g) columns
    output_weight: Array  # (2H, K)
    output_bias: Array
    transitions: Array
    start: Array
    end: Array
    # The accurate tagger's sentence input: per-layer mix weights (softmaxed and scaled) of
    # the e5 layers `context_layers` and their projection into the gates, (C, 8H).
    context_mix: Array | None = None
    context_weight: Array | None = None


class ContextStates(Protocol):
    """Per sentence, each word's states of some encoder layers: (words, layers, width)."""

    layers: tuple[int, ...]

    def sentence_states(self, sentences: Sequence[Sequence[str]]) -> list[Array]: ...


def context_rows(weights: NeuralWeights, states: Array) -> Array:
    """The gate inputs a sentence's context states add to its tokens' rows."""
    assert weights.context_mix is not None and weights.context_weight is not None
    mixed = np.einsum("nlc,l->nc", states.astype(np.float32, copy=False), weights.context_mix)
    rows: Array = mixed @ weights.context_weight
    return rows


def token_inputs(weights: NeuralWeights, encoded: EncodedTokens) -> Array:
    """The LSTM's input vector of each token (before the input projection)."""
    parts = [
        weights.word_vectors[encoded.words].astype(np.float32),
        bag_sums(weights.feature_table, encoded),
        char_cnn(encoded.chars, encoded.char_lengths, weights.char_table, weights.conv_weight, weights.conv_bias),
    ]
    return np.concatenate(parts, axis=1)


@lru_cache(maxsize=1)
def _blas_controller() -> ThreadpoolController:
    # Found once: inspecting the loaded libraries on every call would cost more than the limit saves.
    return ThreadpoolController()


class NeuralNerModel:
    """Same interface as the CRF's `NerModel`: `tag(sentences)` and `extractor.stem_key`.

    With several members (networks trained with different seeds on the same
    data, so sharing the encoder), their emission and transition scores are
    summed before Viterbi."""

    def __init__(
        self,
        members: NeuralWeights | Sequence[NeuralWeights],
        encoder: TokenEncoder,
        context: ContextStates | None = None,
    ) -> None:
        self.members = [members] if isinstance(members, NeuralWeights) else list(members)
        self.weights = self.members[0]
        self.encoder = encoder
        if (self.weights.context_weight is not None) != (context is not None):
            raise ValueError("a tagger trained with sentence context states needs them at run time, and only it")
        self.context = context
        self.kind = "neural" if context is None else "accurate"
        self.extractor = encoder.extractor
        self._rows: dict[str, int] = {}
        self._width = self.weights.input_weight.shape[1]
        self._table = np.zeros((0, self._width * len(self.members)), dtype=np.float32)
        self._used = 0
        self._transitions: Array = np.stack([m.transitions for m in self.members]).sum(axis=0)
        self._start: Array = np.stack([m.start for m in self.members]).sum(axis=0)
        self._end: Array = np.stack([m.end for m in self.members]).sum(axis=0)

    def forget_tokens(self) -> None:
        """Drop the per-token caches (projections, features): memory stays bounded on long runs
        over a whole archive, and a benchmark starts cold."""
        self._rows.clear()
        self._used = 0
        fresh = FeatureExtractor(self.extractor.lexicons, self.extractor.config)
        self.encoder.extractor = self.extractor = fresh

    def _project(self, tokens: Sequence[str]) -> None:
        """Cache the input projection of tokens not seen before."""
        new = list(dict.fromkeys(t for t in tokens if t not in self._rows))
        if not new:
            return
        if len(self._rows) + len(new) > MAX_CACHED_TOKENS:
            self.forget_tokens()
            # Every token of the call is read from the table after this, the ones cached
            # before the cache started afresh too.
            new = list(dict.fromkeys(tokens))
        encoded = self.encoder.encode(new)
        projected = np.concatenate(
            [token_inputs(w, encoded) @ w.input_weight + w.input_bias for w in self.members], axis=1
        )
        needed = self._used + len(new)
        if needed > len(self._table):
            # Room for every token the cache may hold, reserved once: the system hands over its pages
            # as rows are written, where doubling the table copied it again and again (a twentieth of
            # a full-record run). Rows past `_used` are never read.
            grown = np.empty((max(needed, MAX_CACHED_TOKENS), self._table.shape[1]), dtype=np.float32)
            grown[: self._used] = self._table[: self._used]
            self._table = grown
        self._table[self._used : needed] = projected
        for offset, token in enumerate(new):
            self._rows[token] = self._used + offset
        self._used = needed

    def _context(self, sentences: Sequence[Sequence[str]]) -> Array | None:
        """Every token's context rows (one sentence after another), members side by side."""
        if self.context is None:
            return None
        states = np.concatenate(self.context.sentence_states(sentences))
        return np.concatenate([context_rows(w, states) for w in self.members], axis=1)

    def _chunk(self, sentences: Sequence[Sequence[str]]) -> tuple[IntArray, Array]:
        """Tags of the tokens of `sentences` (longest first), one sentence after another, and the path scores."""
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        rows = self._rows
        flat = np.fromiter((rows[t] for s in sentences for t in s), dtype=np.int64, count=int(lengths.sum()))
        batch = pack(lengths)
        forward, backward = flat[batch.forward], flat[batch.backward]
        context = self._context(sentences)
        emissions: Array | None = None
        for m, w in enumerate(self.members):
            base, gates = m * self._width, 4 * w.hidden
            ahead = self._table[forward, base : base + gates]
            behind = self._table[backward, base + gates : base + 2 * gates]
            if context is not None:
                ahead = ahead + context[batch.forward, base : base + gates]
                behind = behind + context[batch.backward, base + gates : base + 2 * gates]
            scores = bilstm_emissions(
                ahead,
                behind,
                w.recurrent,
                w.hidden,
                w.output_weight,
                w.output_bias,
                batch,
            )
            emissions = scores if emissions is None else emissions + scores
        assert emissions is not None
        time_major, best = viterbi(emissions, batch, self._transitions, self._start, self._end)
        tags = np.empty(len(flat), dtype=np.int64)
        tags[batch.forward] = time_major
        return tags, best

    def decode(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[float]]:
        """Raw Viterbi tags (before the IOB2 repair) and path scores per sentence."""
        # The matrices are small (a batch × 128): a second BLAS thread only burns CPU
        # that worker processes (`--workers`, `marsad run`) need for themselves.
        with _blas_controller().limit(limits=1, user_api="blas"):
            return self._decode(sentences)

    def _decode(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[float]]:
        tags: list[list[str]] = [[] for _ in sentences]
        scores = [0.0 for _ in sentences]
        # Longest first, as a packed batch wants; neighbours in a chunk have similar
        # lengths, so its short sentences do not wait through long ones' steps.
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: -len(sentences[i]))
        self._project([t for i in order for t in sentences[i]])
        names = self.weights.tags
        start = 0
        while start < len(order):
            end, count = start, 0
            while end < len(order) and (end == start or count + len(sentences[order[end]]) <= CHUNK_TOKENS):
                count += len(sentences[order[end]])
                end += 1
            chosen = order[start:end]
            found, best = self._chunk([sentences[i] for i in chosen])
            ids = found.tolist()
            position = 0
            for row, i in enumerate(chosen):
                length = len(sentences[i])
                tags[i] = [names[k] for k in ids[position : position + length]]
                scores[i] = float(best[row])
                position += length
            start = end
        return tags, scores

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        tags, _ = self.decode(sentences)
        return [to_iob2(t) for t in tags]


# Per-member arrays; the word vectors are frozen in training, so all members share them.
_MEMBER_ARRAYS = (
    "feature_table",
    "char_table",
    "conv_weight",
    "conv_bias",
    "input_weight",
    "input_bias",
    "recurrent",
    "output_weight",
    "output_bias",
    "transitions",
    "start",
    "end",
)
_CONTEXT_ARRAYS = ("context_mix", "context_weight")


def save_weights(
    path: Path,
    members: NeuralWeights | Sequence[NeuralWeights],
    encoder: TokenEncoder,
    config: dict[str, object],
    vectors_from: str | None = None,
) -> None:
    """Write the members' weights; with `vectors_from` (the name of a weight file beside `path`
    trained with the same frozen word vectors), the words and vectors are read from there."""
    members = [members] if isinstance(members, NeuralWeights) else list(members)
    first = members[0]
    if any(not np.array_equal(m.word_vectors, first.word_vectors) for m in members[1:]):
        raise ValueError("ensemble members must share the word vectors")
    meta = {"tags": first.tags, "hidden": first.hidden, "members": len(members), **config}
    arrays: dict[str, np.ndarray] = {"features": np.array(encoder.features), "chars": np.array(encoder.chars)}
    if vectors_from is None:
        arrays["words"] = np.array(encoder.words)
        arrays["word_vectors"] = first.word_vectors.astype(np.float16)
    else:
        meta["vectors_from"] = vectors_from
    arrays["meta"] = np.array(json.dumps(meta, ensure_ascii=False))
    for i, member in enumerate(members):
        for name in _MEMBER_ARRAYS:
            value = getattr(member, name)
            arrays[f"m{i}_{name}"] = value.astype(np.float16) if name == "feature_table" else value
        for name in _CONTEXT_ARRAYS:
            value = getattr(member, name)
            if value is not None:
                arrays[f"m{i}_{name}"] = value
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


def _words_and_vectors(source: Traversable | Path) -> tuple[list[str], Array]:
    with source.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        # float16: converted per new token
        return [str(w) for w in data["words"]], np.ascontiguousarray(data["word_vectors"])


def load_weights(
    source: Traversable | Path, vectors: Traversable | Path | None = None
) -> tuple[list[NeuralWeights], list[str], list[str], str, dict[str, object]]:
    """Members, word list, feature list, alphabet and the metadata of an `.npz` (its words and
    vectors read from `vectors` when it was written without them)."""
    with source.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        if "vectors_from" in meta:
            if vectors is None:
                raise ValueError(f"{source}: its word vectors are in {meta['vectors_from']}, not given")
            words, word_vectors = _words_and_vectors(vectors)
        else:
            words, word_vectors = _words_and_vectors(source)
        members = []
        for i in range(int(meta.get("members", 1))):
            arrays = {
                # float16 only on disk: a float32 table saves a conversion per lookup.
                name: np.ascontiguousarray(data[f"m{i}_{name}"], dtype=np.float32)
                for name in _MEMBER_ARRAYS
            }
            for name in _CONTEXT_ARRAYS:
                if f"m{i}_{name}" in data:
                    arrays[name] = np.ascontiguousarray(data[f"m{i}_{name}"], dtype=np.float32)
            members.append(
                NeuralWeights(tags=list(meta["tags"]), hidden=int(meta["hidden"]), word_vectors=word_vectors, **arrays)
            )
        return members, words, [str(f) for f in data["features"]], str(data["chars"]), meta
