from pathlib import Path

import pytest

from marsad.enrich.ner.conll import Sentence
from marsad.enrich.ner.features import FeatureConfig, FeatureExtractor, Lexicons
from marsad.training.ner.gazetteers import names_from
from marsad.training.ner.train import TrainConfig, evaluate, fit, split_dev

# Sentences we wrote; enough for the trainer to run, not to learn much.
SENTENCES: list[Sentence] = [
    (["زار", "سامي", "نادر", "حمص", "."], ["O", "B-PER", "I-PER", "B-LOC", "O"]),
    (["وصلت", "هدى", "إلى", "حلب", "."], ["O", "B-PER", "O", "B-LOC", "O"]),
    (["أعلنت", "شركة", "النور", "أرباحها", "."], ["O", "B-ORG", "I-ORG", "O", "O"]),
    (["قال", "سامي", "إن", "حمص", "هادئة", "."], ["O", "B-PER", "O", "B-LOC", "O", "O"]),
    (["عاد", "الوفد", "من", "حلب", "."], ["O", "O", "O", "B-LOC", "O"]),
] * 4


def test_dev_split_is_contiguous_and_fixed() -> None:
    sentences = [([str(i)], ["O"]) for i in range(100)]
    config = TrainConfig(blocks=10, dev_blocks=2)
    train, dev = split_dev(sentences, config)
    assert len(dev) == 20 and len(train) == 80
    assert split_dev(sentences, config) == (train, dev)
    starts = [int(tokens[0]) for tokens, _ in dev]
    assert starts[1] - starts[0] == 1  # whole blocks, not scattered sentences


def test_names_from_keeps_words_that_are_mostly_names() -> None:
    sentences: list[Sentence] = [
        (["زار", "سامي", "حمص"], ["O", "B-PER", "B-LOC"]),
        (["حمص", "مدينة"], ["B-LOC", "O"]),
        (["مدينة", "كبيرة"], ["O", "O"]),
        (["مدينة", "حمص"], ["B-LOC", "I-LOC"]),
    ]
    found = names_from(sentences, lambda token: token)
    assert found["سامي"] == {"PER"}
    assert found["حمص"] == {"LOC"}
    assert "مدينة" not in found  # inside a name once in three


def test_names_from_with_positions() -> None:
    sentences: list[Sentence] = [
        (["صوت", "مجلس", "الشورى"], ["O", "B-ORG", "I-ORG"]),
        (["مجلس", "الشورى", "انعقد"], ["B-ORG", "I-ORG", "O"]),
    ]
    found = names_from(sentences, lambda token: token, positions=True)
    assert found == {"مجلس": {"B-ORG"}, "الشورى": {"I-ORG"}}


def test_fit_and_evaluate_end_to_end(tmp_path: Path) -> None:
    config = TrainConfig(max_iterations=30, folds=2, features=FeatureConfig(gazetteer=False))
    model, _ = fit(SENTENCES, Lexicons(), config, tmp_path / "tiny.crfsuite")
    scores = evaluate(model, SENTENCES[:5])
    assert scores["micro_f1"] == pytest.approx(1.0)
    assert model.tag([["زار", "سامي", "حلب"]]) == [["O", "B-PER", "B-LOC"]]


def test_features_are_cached_per_token_and_windowed() -> None:
    extractor = FeatureExtractor(Lexicons(clusters={"حمص": ("1", "2", "3")}, counts={"حمص": 7}))
    first = extractor.sentence_features(["زار", "حمص"])
    assert "c0=1" in first[1] and "1c0=1" in first[0] and "-1f=زار" in first[1]
    # The sentence edge shows once, to the offset that reaches just past it.
    assert "-1=edge" in first[0] and "-2=edge" not in first[0] and "-2=edge" in first[1]
    assert extractor.sentence_features(["زار", "حمص"]) == first
