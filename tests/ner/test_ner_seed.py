from pathlib import Path

import pytest

from marsad.enrich.ner import find_entities

EXPECTED = [
    ("جو بايدن", "PER"),
    ("مصطفى الكاظمي", "PER"),
    ("فؤاد حسين", "PER"),
    ("أنتوني بلينكين", "PER"),
    ("قاسم سليماني", "PER"),
    pytest.param(
        "أبو مهدي المهندس",
        "PER",
        # the network taught by the accurate tagger (session 43) reads `المهندس` after a kunya as
        # the title it is elsewhere (`المهندس خالد`) and stops at `أبو مهدي`; strict, so a fix shows
        marks=pytest.mark.xfail(strict=True, reason="the taught network stops before a laqab that is also a title"),
    ),
    ("العراق", "LOC"),
    ("واشنطن", "LOC"),
    ("بغداد", "LOC"),
    ("طهران", "LOC"),
    ("داعش", "ORG"),
    ("الحشد الشعبي", "ORG"),
    ("البرلمان العراقي", "ORG"),
]


@pytest.fixture(scope="module")
def seed_spans(shared: Path) -> tuple[list[str], list[dict[str, object]]]:
    text = (shared / "seed" / "000_06b0f5cfdc501643.txt").read_text(encoding="utf-8")
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return paragraphs, find_entities(paragraphs)


@pytest.mark.parametrize(("name", "kind"), EXPECTED)
def test_seed_entity(seed_spans: tuple[list[str], list[dict[str, object]]], name: str, kind: str) -> None:
    _, spans = seed_spans
    found = {(s["text"], s["type"]) for s in spans} | {(s["canonical"], s["type"]) for s in spans}
    assert (name, kind) in found


@pytest.mark.parametrize(("short", "full"), [("بايدن", "جو بايدن"), ("الكاظمي", "مصطفى الكاظمي")])
def test_seed_short_forms_link(seed_spans: tuple[list[str], list[dict[str, object]]], short: str, full: str) -> None:
    _, spans = seed_spans
    canonicals = {s["canonical"] for s in spans if s["text"] == short}
    assert canonicals == {full}


def test_seed_spans_are_exact_and_clitic_free(seed_spans: tuple[list[str], list[dict[str, object]]]) -> None:
    paragraphs, spans = seed_spans
    for span in spans:
        assert paragraphs[span["paragraph"]][span["start"] : span["end"]] == span["text"]  # type: ignore[index,misc]
        assert span["type"] in {"PER", "LOC", "ORG", "MISC"}
    iraq = [s for s in spans if s["canonical"] == "العراق"]
    assert iraq and all(s["text"] == "العراق" for s in iraq)
    # `بالعراق` in the last paragraphs is found as the name alone.
    assert any(paragraphs[s["paragraph"]][s["start"] - 1 : s["start"]] == "ب" for s in iraq)  # type: ignore[index,operator]
