"""Language-model pretraining of the tagger's encoder: targets, batching, the saved file, loading into a tagger."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from marsad.commands.train import ner_pretrain_command
from marsad.training.ner.pretrain import batches, lm_targets, shuffled
from marsad.training.ner.pretrained import PretrainedEncoder

NEWS = [
    ["قال", "وزير", "الخارجية", "فيصل", "بن", "فرحان", "إن", "المملكة", "تدعم", "الحل", "السياسي", "في", "اليمن"],
    ["وصل", "الرئيس", "إلى", "الرياض", "مساء", "الإثنين", "في", "زيارة", "رسمية"],
    ["أعلنت", "وزارة", "الصحة", "تسجيل", "إصابات", "جديدة", "في", "جدة", "ومكة", "المكرمة"],
    ["التقى", "أمير", "منطقة", "القصيم", "رئيس", "بلدية", "بريدة"],
]


def test_targets_are_the_next_and_the_previous_word() -> None:
    # Two sentences of 3 and 2 tokens, padded to 3 steps; word ids as the encoder gives them.
    words = np.array([5, 0, 7, 8, 9])
    forward, backward = lm_targets(words, [3, 2])
    assert forward.tolist() == [[0, 7, 0], [9, 0, 0]]
    assert backward.tolist() == [[0, 5, 0], [0, 8, 0]]


def test_batches_stop_at_the_token_budget() -> None:
    groups = list(batches(NEWS, 2, 20))
    assert [len(g) for g in groups] == [2]  # 13 + 9 tokens reach 20 inside the first group
    assert sum(len(s) for g in batches(NEWS, 3, 10_000) for s in g) == sum(len(s) for s in NEWS)
    assert [len(g) for g in batches(NEWS, 3, 10_000)] == [3, 1]


def test_shuffled_keeps_every_sentence_in_an_order_fixed_by_the_seed() -> None:
    sentences = [[f"كلمة{i}"] for i in range(50)]
    first = list(shuffled(iter(sentences), 8, 13))
    assert sorted(first) == sorted(sentences)
    assert first != sentences
    assert first == list(shuffled(iter(sentences), 8, 13))
    assert first != list(shuffled(iter(sentences), 8, 14))


def test_pretrain_command_refuses_a_folder_without_news(tmp_path: Path) -> None:
    out = tmp_path / "encoder.npz"
    vectors = tmp_path / "vectors.npz"
    vectors.write_bytes(b"")
    result = CliRunner().invoke(
        ner_pretrain_command, ["--shared", str(tmp_path), "--out", str(out), "--vectors", str(vectors)]
    )
    assert result.exit_code == 1
    assert "no news collections" in result.output and str(tmp_path / "data" / "news") in result.output
    assert not out.exists()


def test_saved_encoder_reads_back(tmp_path: Path) -> None:
    state = {"features.weight": np.arange(6, dtype=np.float32).reshape(3, 2), "lstm.bias_ih_l0": np.ones(4, np.float32)}
    saved = PretrainedEncoder(["<none>", "w=قال", "gz=PER"], "\0\1\2\3قال", state, [{"tokens": 12}])
    saved.save(tmp_path / "encoder.npz")
    loaded = PretrainedEncoder.load(tmp_path / "encoder.npz")
    assert loaded.features == saved.features
    assert loaded.chars == saved.chars
    assert loaded.history == [{"tokens": 12}]
    assert set(loaded.state) == set(state)
    np.testing.assert_array_equal(loaded.state["features.weight"], state["features.weight"])


# ---- with torch (training-time dependency; CI does not install it) ----


def test_pretraining_lowers_the_loss_and_loads_into_a_tagger_by_name() -> None:
    torch = pytest.importorskip("torch")
    from marsad.arabic.normalize import fold_for_search
    from marsad.enrich.ner.features import FeatureExtractor, Lexicons
    from marsad.enrich.ner.neural import TokenEncoder
    from marsad.training.ner.neural_train import FEATURES, NeuralConfig, Vectors, build_encoder, make_model
    from marsad.training.ner.pretrain import PretrainConfig, pretrain_encoder
    from marsad.training.ner.pretrained import load_into

    words = ["<unk>", *sorted({fold_for_search(t) for s in NEWS for t in s})]
    rng = np.random.default_rng(3)
    matrix = rng.normal(size=(len(words), 8)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    vectors = Vectors(words, matrix)
    config = NeuralConfig(hidden=6, feature_dim=5, char_dim=4, filters=5, min_feature_count=1)
    extractor = FeatureExtractor(Lexicons(), FEATURES)
    labelled = [(s, ["O"] * len(s)) for s in NEWS]
    features, alphabet = build_encoder(labelled, [extractor], config)
    encoder = TokenEncoder(extractor, words, features, alphabet)
    network = make_model(config, vectors, len(features), len(alphabet))
    before = {k: v.clone() for k, v in network.state_dict().items()}
    pre = PretrainConfig(tokens=10_000, batch_size=4, negatives=8, dropout=0.0, learning_rate=0.02, log_every=10)
    pretrained = pretrain_encoder(NEWS * 60, encoder, network, replace(pre, extra={"test": True}))
    losses = [float(r["loss"]) for r in pretrained.history if "loss" in r]  # type: ignore[arg-type]
    assert losses and losses[-1] < losses[0]
    assert pretrained.features == features
    assert not any(k.startswith(("out.", "transitions", "words.")) for k in pretrained.state)
    assert not torch.equal(before["lstm.weight_ih_l0"], network.state_dict()["lstm.weight_ih_l0"])

    # A tagger with another feature order gets each row by name.
    shuffled = [features[0], *reversed(features[1:])]
    fresh = make_model(config, vectors, len(shuffled), len(alphabet))
    found = load_into(fresh, pretrained, shuffled, alphabet)
    assert found == len(features)
    table = fresh.state_dict()["features.weight"].numpy()
    for i, name in enumerate(shuffled):
        np.testing.assert_array_equal(table[i], pretrained.state["features.weight"][features.index(name)])
    np.testing.assert_array_equal(
        fresh.state_dict()["lstm.weight_hh_l0"].numpy(), pretrained.state["lstm.weight_hh_l0"]
    )

    smaller = replace(config, hidden=4)
    with pytest.raises(ValueError, match="lstm"):
        load_into(make_model(smaller, vectors, len(features), len(alphabet)), pretrained, features, alphabet)
