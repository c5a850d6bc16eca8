"""The neural tagger: NumPy layers against brute force and against torch, the shipped weights."""

import itertools
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from marsad.enrich.ner.conll import Sentence
from marsad.enrich.ner.features import FeatureExtractor, Lexicons
from marsad.enrich.ner.model import NerModel, model_dir, open_model
from marsad.enrich.ner.neural import (
    NEURAL_FILE,
    NeuralNerModel,
    NeuralWeights,
    TokenEncoder,
    bag_sums,
    load_weights,
    save_weights,
)
from marsad.enrich.ner.numpy_layers import bilstm_emissions, lstm_direction, pack, viterbi

# Sentences we wrote.
SENTENCES: list[Sentence] = [
    (["زار", "سامي", "نادر", "حمص", "."], ["O", "B-PER", "I-PER", "B-LOC", "O"]),
    (["وصلت", "هدى", "إلى", "حلب", "."], ["O", "B-PER", "O", "B-LOC", "O"]),
    (["أعلنت", "شركة", "النور", "أرباحها", "."], ["O", "B-ORG", "I-ORG", "O", "O"]),
    (["قال", "سامي", "إن", "حمص", "هادئة", "."], ["O", "B-PER", "O", "B-LOC", "O", "O"]),
    (
        ["عاد", "الوفد", "من", "حلب", "إلى", "دمشق", "مساء", "أمس", "."],
        ["O", "O", "O", "B-LOC", "O", "B-LOC", "O", "O", "O"],
    ),
]


def _brute_force(
    emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> tuple[list[int], float]:
    best: tuple[float, list[int]] = (-np.inf, [])
    for path in itertools.product(range(emissions.shape[1]), repeat=len(emissions)):
        s = start[path[0]] + end[path[-1]] + sum(emissions[t, k] for t, k in enumerate(path))
        s += sum(trans[a, b] for a, b in itertools.pairwise(path))
        if s > best[0]:
            best = (float(s), list(path))
    return best[1], best[0]


def _time_major(per_sentence: list[np.ndarray], order: np.ndarray) -> np.ndarray:
    """Rows of sentences (one array per sentence, longest first) in a packed batch's time-major order."""
    return np.concatenate(per_sentence)[order]


def test_pack_reads_each_step_of_the_sentences_still_running() -> None:
    batch = pack(np.array([3, 3, 1]))
    assert batch.active.tolist() == [3, 2, 2]
    assert batch.offsets.tolist() == [0, 3, 5, 7]
    # Flat positions: sentence 0 is 0-2, sentence 1 is 3-5, sentence 2 is 6.
    assert batch.forward.tolist() == [0, 3, 6, 1, 4, 2, 5]
    assert batch.backward.tolist() == [2, 5, 6, 1, 4, 0, 3]
    with pytest.raises(ValueError, match="longest first"):
        pack(np.array([1, 3]))


def test_viterbi_matches_brute_force_on_a_packed_batch() -> None:
    rng = np.random.default_rng(0)
    lengths = np.array([4, 3, 2, 1])
    per_sentence = [rng.normal(size=(n, 3)).astype(np.float32) for n in lengths]
    trans, start, end = (rng.normal(size=s).astype(np.float32) for s in ((3, 3), 3, 3))
    batch = pack(lengths)
    time_major, scores = viterbi(_time_major(per_sentence, batch.forward), batch, trans, start, end)
    flat = np.empty(len(time_major), dtype=np.int64)
    flat[batch.forward] = time_major
    position = 0
    for b, emissions in enumerate(per_sentence):
        path, value = _brute_force(emissions, trans, start, end)
        assert list(flat[position : position + len(emissions)]) == path
        assert scores[b] == pytest.approx(value, rel=1e-5)
        position += len(emissions)


def _lstm_alone(inputs: np.ndarray, recurrent: np.ndarray, hidden: int) -> np.ndarray:
    """One sentence through the LSTM step by step, in float64: the reference."""
    state, cell, out = np.zeros(hidden), np.zeros(hidden), []
    for x in inputs.astype(np.float64):
        gates = np.tanh(state @ recurrent + x)
        i, f, o = (gates[k * hidden : (k + 1) * hidden] * 0.5 + 0.5 for k in range(3))
        cell = f * cell + i * gates[3 * hidden :]
        state = o * np.tanh(cell)
        out.append(state)
    return np.array(out)


def test_packed_lstm_runs_each_sentence_as_if_alone() -> None:
    rng = np.random.default_rng(1)
    hidden = 4
    recurrent = rng.normal(size=(hidden, 4 * hidden)).astype(np.float32)
    lengths = np.array([5, 3, 3, 1])
    per_sentence = [rng.normal(size=(n, 4 * hidden)).astype(np.float32) for n in lengths]
    batch = pack(lengths)
    out = lstm_direction(_time_major(per_sentence, batch.forward), recurrent, hidden, batch)
    flat = np.empty_like(out)
    flat[batch.forward] = out
    position = 0
    for inputs in per_sentence:
        expected = _lstm_alone(inputs, recurrent, hidden)
        np.testing.assert_allclose(flat[position : position + len(inputs)], expected, rtol=1e-5, atol=1e-6)
        position += len(inputs)


def test_backward_direction_reads_each_sentence_reversed() -> None:
    rng = np.random.default_rng(3)
    hidden = 3
    recurrent = rng.normal(size=(2, hidden, 4 * hidden)).astype(np.float32)
    output = rng.normal(size=(2 * hidden, 2)).astype(np.float32)
    bias = rng.normal(size=2).astype(np.float32)
    lengths = np.array([4, 2])
    forward_in = [rng.normal(size=(n, 4 * hidden)).astype(np.float32) for n in lengths]
    backward_in = [rng.normal(size=(n, 4 * hidden)).astype(np.float32) for n in lengths]
    batch = pack(lengths)
    scores = bilstm_emissions(
        _time_major(forward_in, batch.forward),
        _time_major(backward_in, batch.backward),
        recurrent,
        hidden,
        output,
        bias,
        batch,
    )
    flat = np.empty_like(scores)
    flat[batch.forward] = scores
    position = 0
    for fwd, bwd in zip(forward_in, backward_in, strict=True):
        states = np.concatenate(
            [_lstm_alone(fwd, recurrent[0], hidden), _lstm_alone(bwd[::-1], recurrent[1], hidden)[::-1]], axis=1
        )
        np.testing.assert_allclose(flat[position : position + len(fwd)], states @ output + bias, rtol=1e-4, atol=1e-5)
        position += len(fwd)


def test_bag_sums_handle_tokens_without_features() -> None:
    table = np.arange(12, dtype=np.float32).reshape(4, 3)
    encoder = TokenEncoder(FeatureExtractor(Lexicons()), ["<unk>"], ["<none>", "w=سامي", "sh=ar"], "\0\1\2\3")
    encoded = encoder.encode(["سامي", "123", "حمص"])
    sums = bag_sums(table, encoded)
    np.testing.assert_allclose(sums[0], table[1] + table[2])  # w=سامي and sh=ar
    np.testing.assert_allclose(sums[1], 0.0)  # no known feature
    np.testing.assert_allclose(sums[2], table[2])


def test_wojood_outer_layer_is_mapped(tmp_path: Path) -> None:
    from marsad.training.ner.neural_train import wojood_sentences

    path = tmp_path / "wojood.txt"
    path.write_text(
        "التقى O\nوزير B-OCC\nخارجية I-OCC B-ORG\nالأردن I-OCC I-ORG B-GPE\nسامي B-PERS\nفي O\nعمان B-GPE\nيوم B-DATE\n\n"
        "وصل O\nالوفد O\nإلى O\nنهر B-LOC\nالأردن I-LOC\n",
        encoding="utf-8",
    )
    first, second = wojood_sentences(path)
    assert first[1] == ["O", "O", "O", "O", "B-PER", "O", "B-LOC", "O"]
    assert second[1] == ["O", "O", "O", "B-LOC", "I-LOC"]


def test_open_model_falls_back_to_the_crf(tmp_path: Path) -> None:
    directory = model_dir()
    for name in ("ner.crfsuite", "config.json", "clusters.tsv", "gazetteer.tsv", "triggers.tsv"):
        (tmp_path / name).write_bytes((directory / name).read_bytes())
    with ExitStack() as stack:
        assert isinstance(open_model(tmp_path, stack), NerModel)
        with pytest.raises(ValueError, match="MARSAD_NER"):
            open_model(tmp_path, stack, kind="bert")


# ---- against torch (training-time dependency; CI does not install it) ----


@pytest.fixture(scope="module")
def tiny_trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, object, NeuralNerModel]:
    torch = pytest.importorskip("torch")
    from marsad.training.ner.neural_train import NeuralConfig, Vectors, export_weights, train_network

    words = ["<unk>", "سامي", "حمص", "حلب", "دمشق", "إلى", "من"]
    rng = np.random.default_rng(2)
    vectors = Vectors(words, rng.normal(size=(len(words), 8)).astype(np.float32))
    config = NeuralConfig(hidden=6, feature_dim=5, char_dim=4, filters=5, epochs=3, batch_size=2, min_feature_count=1)
    config = replace(config, split=replace(config.split, folds=2))
    trained = train_network(SENTENCES * 2, Lexicons(), vectors, config, places={})
    # Random transitions, so the comparison also exercises the CRF part.
    network = trained.network
    with torch.no_grad():
        network.transitions.normal_()
        network.start.normal_()
        network.end.normal_()
    model = NeuralNerModel(export_weights(network, config), trained.model.encoder)
    return torch, network, model


def _torch_decode(torch: object, network: object, model: NeuralNerModel, tokens: list[str]) -> tuple[list[int], float]:
    import torch as th

    from marsad.training.ner.neural_train import tensors

    net: th.nn.Module = network  # type: ignore[assignment]
    with th.no_grad():
        inputs = net.token_inputs(tensors(model.encoder.encode(tokens)))  # type: ignore[operator]
        emissions = net.emissions(inputs[None], th.tensor([len(tokens)]))[0].numpy()  # type: ignore[operator]
    trans, start, end = (getattr(net, n).detach().numpy() for n in ("transitions", "start", "end"))
    return (
        _brute_force(emissions, trans, start, end)
        if len(tokens) <= 5
        else _python_viterbi(emissions, trans, start, end)
    )


def _python_viterbi(
    emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> tuple[list[int], float]:
    scores = [start[k] + emissions[0, k] for k in range(len(start))]
    back = []
    for t in range(1, len(emissions)):
        step = [max(range(len(start)), key=lambda i, j=j: scores[i] + trans[i, j]) for j in range(len(start))]
        scores = [scores[step[j]] + trans[step[j], j] + emissions[t, j] for j in range(len(start))]
        back.append(step)
    last = max(range(len(start)), key=lambda k: scores[k] + end[k])
    path = [last]
    for step in reversed(back):
        path.append(step[path[-1]])
    return path[::-1], float(scores[last] + end[last])


@pytest.mark.parametrize(
    "tokens",
    [
        ["زار", "سامي", "حمص"],
        ["وصل", "الوفد", "إلى", "دمشق", "قادما", "من", "حلب", "صباح", "اليوم", "."],
        ["بيروت"],
    ],
)
def test_numpy_forward_matches_torch(tiny_trained: tuple[object, object, NeuralNerModel], tokens: list[str]) -> None:
    torch, network, model = tiny_trained
    path, value = _torch_decode(torch, network, model, tokens)
    # Decoded in a batch with sentences of other lengths: padding must not matter.
    batch = [tokens, ["قال", "سامي", "إن", "حلب", "هادئة", "جدا", "اليوم", "."], ["حمص"]]
    tags, scores = model.decode(batch)
    assert tags[0] == [model.weights.tags[k] for k in path]
    # float16 storage of the word vectors and feature table costs a little precision.
    assert scores[0] == pytest.approx(value, abs=0.02)


# ---- the shipped weights ----

SHIPPED = [
    (
        ["قال", "الرئيس", "الأمريكي", "جو", "بايدن", "إن", "واشنطن", "تدعم", "بغداد", "."],
        {"جو": "B-PER", "بايدن": "I-PER", "واشنطن": "B-LOC", "بغداد": "B-LOC"},
    ),
    (
        ["وصل", "وزير", "الخارجية", "فؤاد", "حسين", "إلى", "طهران", "أمس", "."],
        {"فؤاد": "B-PER", "حسين": "I-PER", "طهران": "B-LOC"},
    ),
    (
        ["وأكد", "رئيس", "الوزراء", "مصطفى", "الكاظمي", "أن", "العراق", "لن", "يكون", "ساحة", "للصراع", "."],
        {"مصطفى": "B-PER", "الكاظمي": "I-PER", "العراق": "B-LOC"},
    ),
]


@pytest.mark.skipif(not (model_dir() / NEURAL_FILE).is_file(), reason="the neural model is not shipped")
def test_shipped_neural_model_tags_our_sentences() -> None:
    with ExitStack() as stack:
        model = open_model(model_dir(), stack, kind="neural")
    assert isinstance(model, NeuralNerModel)
    tagged = model.tag([tokens for tokens, _ in SHIPPED])
    for (tokens, expected), tags in zip(SHIPPED, tagged, strict=True):
        assert len(tags) == len(tokens)
        found = {token: tag for token, tag in zip(tokens, tags, strict=True) if token in expected}
        assert found == expected, list(zip(tokens, tags, strict=True))
    assert model.tag([[]]) == [[]]


@pytest.mark.skipif(not (model_dir() / NEURAL_FILE).is_file(), reason="the neural model is not shipped")
def test_shipped_model_tags_a_sentence_the_same_in_any_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.enrich.ner.neural as neural

    with ExitStack() as stack:
        model = open_model(model_dir(), stack, kind="neural")
    assert isinstance(model, NeuralNerModel)
    sentences = [tokens for tokens, _ in SHIPPED] + [["بغداد"], [], ["وصل", "الوفد", "إلى", "بيروت", "."]]
    together = model.decode(sentences)
    monkeypatch.setattr(neural, "CHUNK_TOKENS", 1)  # every sentence a batch of its own
    alone = model.decode(sentences)
    assert alone[0] == together[0]
    assert alone[1] == pytest.approx(together[1], abs=1e-4)


@pytest.mark.skipif(not (model_dir() / NEURAL_FILE).is_file(), reason="the neural model is not shipped")
def test_a_full_token_cache_starts_afresh_without_losing_the_calls_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long run fills the projection cache; the call that overflows it still holds tokens
    cached before, and they must be projected again, not looked up in the emptied cache
    (a whole news collection stopped with a KeyError there)."""
    import marsad.enrich.ner.neural as neural

    with ExitStack() as stack:
        model = open_model(model_dir(), stack, kind="neural")
    assert isinstance(model, NeuralNerModel)
    first = [["وصل", "الوفد", "إلى", "بيروت", "."]]
    second = [["غادر", "الوفد", "بيروت", "إلى", "دمشق", "مساء", "أمس", "."]]
    expected = model.decode(first + second)
    model.forget_tokens()
    monkeypatch.setattr(neural, "MAX_CACHED_TOKENS", 6)
    model.decode(first)  # five tokens cached; the next call brings four new ones
    assert model.decode(second)[0] == expected[0][1:]
    assert model.decode(first)[0] == expected[0][:1]


def _random_weights(seed: int, encoder: TokenEncoder, hidden: int = 4) -> NeuralWeights:
    rng = np.random.default_rng(seed)
    size = 3 + 2 + 5  # word vector, feature embedding, char filters

    def r(*shape: int) -> np.ndarray:
        return rng.normal(size=shape).astype(np.float32)

    return NeuralWeights(
        tags=["O", "B-PER", "I-PER", "B-LOC", "I-LOC"],
        hidden=hidden,
        word_vectors=np.ones((len(encoder.words), 3), dtype=np.float16),
        feature_table=r(len(encoder.features), 2).astype(np.float16),
        char_table=r(len(encoder.chars), 4),
        conv_weight=r(12, 5),
        conv_bias=r(5),
        input_weight=r(size, 8 * hidden),
        input_bias=r(8 * hidden),
        recurrent=r(2, hidden, 4 * hidden),
        output_weight=r(2 * hidden, 5),
        output_bias=r(5),
        transitions=r(5, 5),
        start=r(5),
        end=r(5),
    )


def test_ensemble_sums_member_scores_and_survives_saving(tmp_path: Path) -> None:
    encoder = TokenEncoder(FeatureExtractor(Lexicons()), ["<unk>", "حلب"], ["<none>", "sh=ar"], "\0\1\2\3حلبسامي")
    members = [_random_weights(3, encoder), _random_weights(4, encoder)]
    sentences = [["زار", "سامي", "حلب"], ["حلب"], ["وصل", "الوفد", "إلى", "حمص", "أمس"]]
    singles = [NeuralNerModel(m, encoder).decode(sentences)[1] for m in members]
    tags, scores = NeuralNerModel(members, encoder).decode(sentences)
    # The best path under summed scores scores at most the members' own best paths summed.
    assert all(len(t) == len(s) for t, s in zip(tags, sentences, strict=True))
    assert all(s <= a + b + 1e-4 for s, a, b in zip(scores, *singles, strict=True))
    save_weights(tmp_path / NEURAL_FILE, members, encoder, {"features": {}})
    loaded, words, features, chars, meta = load_weights(tmp_path / NEURAL_FILE)
    assert meta["members"] == 2 and words == encoder.words and features == encoder.features and chars == encoder.chars
    again = NeuralNerModel(loaded, TokenEncoder(FeatureExtractor(Lexicons()), words, features, chars))
    assert again.decode(sentences)[0] == tags


def test_unseen_known_names_skip_words_the_training_data_has() -> None:
    from marsad.training.ner.train import unseen_known_names

    # `فتح` occurs here as a verb: the data's evidence about it wins over the list.
    sentences: list[Sentence] = [(["فتح", "المعبر", "أمس", "."], ["O", "O", "O", "O"])]
    found = unseen_known_names(sentences, lambda token: token, positions=True)
    assert found["داعش"] == {"B-ORG"}
    assert "فتح" not in found
    assert all(" " not in word for word in found)
    assert unseen_known_names(sentences, lambda token: token, positions=False)["داعش"] == {"ORG"}


def test_eval_reports_the_model_it_measured(shared: Path) -> None:
    import json

    from click.testing import CliRunner

    from marsad.commands.eval_ner import ner_command
    from marsad.enrich.ner.model import shipped_model

    result = CliRunner().invoke(ner_command, ["--shared", str(shared), "--limit", "20", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [row["name"] for row in rows] == [
        "anercorp-test",
        "aqmar",
        "news-places",
        "news-persons",
        "news-organisations",
        "papers-places",
        "papers-persons",
        "papers-organisations",
        "papersdev-places",
        "papersdev-persons",
        "papersdev-organisations",
        "papersdev2-places",
        "papersdev2-persons",
        "papersdev2-organisations",
        "papersdev3-places",
        "papersdev3-persons",
        "papersdev3-organisations",
        "papersdev4-places",
        "papersdev4-persons",
        "papersdev4-organisations",
        "papersdev5-places",
        "papersdev5-persons",
        "papersdev5-organisations",
        "newsdev2-places",
        "newsdev2-persons",
        "newsdev2-organisations",
        "newsdev3-places",
        "newsdev3-persons",
        "newsdev3-organisations",
        "newsdev4-places",
        "newsdev4-persons",
        "newsdev4-organisations",
        "newsdev5-places",
        "newsdev5-persons",
        "newsdev5-organisations",
        "newsdev6-places",
        "newsdev6-persons",
        "newsdev6-organisations",
        "newsdev7-places",
        "newsdev7-persons",
        "newsdev7-organisations",
        "newsdev8-places",
        "newsdev8-persons",
        "newsdev8-organisations",
        "newsdev9-places",
        "newsdev9-persons",
        "newsdev9-organisations",
        "newsdev10-places",
        "newsdev10-persons",
        "newsdev10-organisations",
        "newsdev11-places",
        "newsdev11-persons",
        "newsdev11-organisations",
        "newsdev12-places",
        "newsdev12-persons",
        "newsdev12-organisations",
        "newsdev13-places",
        "newsdev13-persons",
        "newsdev13-organisations",
        "newsdev14-places",
        "newsdev14-persons",
        "newsdev14-organisations",
        "newsdev15-places",
        "newsdev15-persons",
        "newsdev15-organisations",
        "newsdev16-places",
        "newsdev16-persons",
        "newsdev16-organisations",
        "newsdev17-places",
        "newsdev17-persons",
        "newsdev17-organisations",
        "newsdev18-places",
        "newsdev18-persons",
        "newsdev18-organisations",
        "newsdev19-places",
        "newsdev19-persons",
        "newsdev19-organisations",
        "newsdev20-places",
        "newsdev20-persons",
        "newsdev20-organisations",
        "newsdev21-places",
        "newsdev21-persons",
        "newsdev21-organisations",
        "newsdev22-places",
        "newsdev22-persons",
        "newsdev22-organisations",
        "newsdev23-places",
        "newsdev23-persons",
        "newsdev23-organisations",
        "newsdev24-places",
        "newsdev24-persons",
        "newsdev24-organisations",
        "newsdev25-places",
        "newsdev25-persons",
        "newsdev25-organisations",
        "newsdev26-places",
        "newsdev26-persons",
        "newsdev26-organisations",
        "newsdev27-places",
        "newsdev27-persons",
        "newsdev27-organisations",
        "newsdev28-places",
        "newsdev28-persons",
        "newsdev28-organisations",
        "newsdev29-places",
        "newsdev29-persons",
        "newsdev29-organisations",
        "newsdev30-places",
        "newsdev30-persons",
        "newsdev30-organisations",
    ]
    assert {row["model"] for row in rows} == {shipped_model().kind}
    import os

    expected = os.environ.get("MARSAD_NER") or ("neural" if (model_dir() / NEURAL_FILE).is_file() else "crf")
    assert shipped_model().kind == expected


def test_silver_sentences_train_without_joining_the_vocabularies() -> None:
    pytest.importorskip("torch")
    from marsad.training.ner.neural_train import NeuralConfig, Vectors, train_network

    # News-like sentences we wrote, with the tags two taggers agreed on.
    silver: list[Sentence] = [
        (["استقبل", "كريم", "ضيوفه", "في", "طرطوس", "."], ["O", "B-PER", "O", "O", "B-LOC", "O"]),
        (["غادر", "الوفد", "طرطوس", "مساء", "."], ["O", "O", "B-LOC", "O", "O"]),
    ] * 3
    words = ["<unk>", "سامي", "حمص", "طرطوس"]
    vectors = Vectors(words, np.random.default_rng(3).normal(size=(len(words), 8)).astype(np.float32))
    config = NeuralConfig(
        hidden=6, feature_dim=5, char_dim=4, filters=5, epochs=2, batch_size=2, min_feature_count=1, silver_per_epoch=4
    )
    config = replace(config, split=replace(config.split, folds=2))
    trained = train_network(SENTENCES * 2, Lexicons(), vectors, config, places={}, silver=silver)
    assert len(trained.history) == 2
    features = set(trained.model.encoder.features)
    assert "w=سامي" in features
    # Silver words teach the network, not the vocabularies the shipped gazetteer and features come from.
    assert not any("طرطوس" in feature or "كريم" in feature for feature in features)
    assert len(trained.model.tag([["زار", "كريم", "طرطوس", "."]])[0]) == 4
