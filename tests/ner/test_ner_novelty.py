"""How far an evaluation set's names are from the training data (`marsad eval ner --profile`)."""

from pathlib import Path

from click.testing import CliRunner

from marsad.commands.eval_ner import ner_command
from marsad.enrich.ner.conll import Sentence
from marsad.evaluation.ner_novelty import format_profile, profile

TRAINING: list[Sentence] = [
    (
        ["زار", "جو", "بايدن", "بغداد", "والتقى", "وفد", "الأمم", "المتحدة", "."],
        ["O", "B-PER", "I-PER", "B-LOC", "O", "O", "B-ORG", "I-ORG", "O"],
    )
]
EVALUATION: list[Sentence] = [
    (
        ["استقبل", "مصطفى", "الكاظمي", "جو", "بايدن", "في", "بغداد", "."],
        ["O", "B-PER", "I-PER", "B-PER", "I-PER", "O", "B-LOC", "O"],
    ),
    # Spelled without hamza: the same name once folded.
    (["وأكدت", "الامم", "المتحدة", "دعمها", "."], ["O", "B-ORG", "I-ORG", "O", "O"]),
]


def test_profile_counts_names_training_never_saw() -> None:
    result = profile("evaluation", TRAINING, EVALUATION)
    assert result.tokens == 13
    assert dict(result.entities) == {"PER": 2, "LOC": 1, "ORG": 1}
    assert dict(result.unseen) == {"PER": 1}  # مصطفى الكاظمي; الامم المتحدة is seen once folded
    assert result.unseen_share() == 0.25 and result.unseen_share("PER") == 0.5
    assert result.per_thousand("PER") == 2000 / 13
    assert result.recall("PER", False) is None  # no tagger given


def test_profile_splits_the_taggers_recall_by_seen_and_unseen_names() -> None:
    def tagger(sentences: list[list[str]]) -> list[list[str]]:
        # Finds the names it was trained on and misses the new one.
        return [
            ["O", "O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"],
            ["O", "B-ORG", "I-ORG", "O", "O"],
        ]

    result = profile("evaluation", TRAINING, EVALUATION, tagger)
    assert result.recall("PER", True) == 1.0 and result.recall("PER", False) == 0.0
    assert result.recall("LOC", True) == 1.0 and result.recall("LOC", False) is None
    line = format_profile(result)
    assert "PER" in line and "50% unseen; R seen 1.00, unseen 0.00" in line
    assert "LOC" in line and "R seen 1.00, unseen -" in line


def test_eval_ner_profile_prints_dev_test_and_aqmar(shared: Path) -> None:
    result = CliRunner().invoke(ner_command, ["--shared", str(shared), "--profile", "--limit", "60"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == ["anercorp-dev", "anercorp-test", "aqmar"]
    assert "unseen in training" in lines[0] and "R seen" not in lines[0]  # the shipped model learned dev
    assert "R seen" in lines[1]
