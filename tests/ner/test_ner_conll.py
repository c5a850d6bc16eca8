from pathlib import Path

import pytest

from marsad.enrich.ner.conll import entities, normalize_tag, parse_conll, read_labelled, score, to_iob2


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PER", "I-PER", "O"], [("PER", 0, 2)]),
        (["O", "I-LOC", "I-LOC"], [("LOC", 1, 3)]),  # an I- after O opens an entity
        (["B-ORG", "I-LOC"], [("ORG", 0, 1), ("LOC", 1, 2)]),
        (["B-PER", "B-PER"], [("PER", 0, 1), ("PER", 1, 2)]),
        (["I-MISC"], [("MISC", 0, 1)]),
        (["O", "O"], []),
    ],
)
def test_entities_follow_conll_rules(tags: list[str], expected: list[tuple[str, int, int]]) -> None:
    assert entities(tags) == expected


@pytest.mark.parametrize(
    ("tag", "keep", "expected"),
    [
        ("B-PERS", ("PER", "LOC", "ORG", "MISC"), "B-PER"),
        ("I-PERS", ("PER",), "I-PER"),
        ("B-MISC", ("PER", "LOC", "ORG"), "O"),
        ("O", ("PER",), "O"),
        ("B-LOC", ("PER", "LOC"), "B-LOC"),
    ],
)
def test_normalize_tag(tag: str, keep: tuple[str, ...], expected: str) -> None:
    assert normalize_tag(tag, keep) == expected


def test_to_iob2_repairs_orphan_inside_tags() -> None:
    assert to_iob2(["O", "I-PER", "I-PER", "I-LOC"]) == ["O", "B-PER", "I-PER", "B-LOC"]


def test_score_counts_exact_matches_only() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    scores = score(gold, pred)
    precision, recall, _ = scores.micro()
    assert (precision, recall) == (0.5, 0.5)
    assert scores.per_type()["LOC"] == (1.0, 1.0, 1.0)
    assert scores.per_type()["PER"][2] == 0.0


def test_read_labelled(tmp_path: Path) -> None:
    path = tmp_path / "mini.txt"
    path.write_text("زار B-PERS\nعلي I-PERS\nبغداد B-LOC\n\nأمس O\n", encoding="utf-8")
    assert read_labelled(path) == [(["زار", "علي", "بغداد"], ["B-PER", "I-PER", "B-LOC"]), (["أمس"], ["O"])]


def test_parse_conll_skips_docstart() -> None:
    lines = ["-DOCSTART- O", "", "كتب O", "سامي B-PER", "", ""]
    assert parse_conll(lines) == [[["كتب", "O"], ["سامي", "B-PER"]]]


def test_one_word_entities_chunk_as_entities_does() -> None:
    from marsad.enrich.ner.conll import entities, one_word_entities

    tags = ["B-PER", "O", "I-PER", "B-PER", "I-PER", "I-ORG", "B-ORG", "I-LOC", "B-PER"]
    expected = [start for kind, start, end in entities(tags) if kind == "PER" and end - start == 1]
    assert one_word_entities(tags, "PER") == expected == [0, 2, 8]
    assert one_word_entities(tags, "ORG") == [5, 6]
    assert one_word_entities(["O", "O"], "ORG") == []
