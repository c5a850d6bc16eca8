from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from marsad.commands.eval_enrichment import enrichment_command
from marsad.evaluation.enrichment import GOLD_SPLITS, below_floors, load_floors, load_gold


def test_help_says_what_it_measures() -> None:
    result = CliRunner().invoke(enrichment_command, ["--help"])
    assert result.exit_code == 0
    assert "quotes" in result.output and "dates" in result.output


def test_floors_are_pinned_for_every_area() -> None:
    floors = load_floors()
    assert {
        "dates_span_f1",
        "dates_value_f1",
        "quantities_value_f1",
        "quotes_direct_recall",
        "quotes_speaker_accuracy",
    } <= set(floors)
    assert below_floors({name: 1.0 for name in floors}, floors) == []
    assert below_floors({}, floors)


def test_gold_points_into_the_shared_data(shared: Path) -> None:
    articles, problems = load_gold()
    assert problems == []
    assert len(articles) >= 60
    assert {a.split for a in articles} == set(GOLD_SPLITS)
    for article in articles:
        for p, s, e, *_ in [*article.dates, *article.quantities, *article.quotes]:
            assert 0 <= s < e <= len(article.paragraphs[p])


def test_check_passes_on_the_gold_set(shared: Path) -> None:
    result = CliRunner().invoke(enrichment_command, ["--check", "--split", "all"])
    assert result.exit_code == 0, result.output
    assert "dates (value)" in result.output


def test_the_blind_set_resolves_and_its_misses_are_never_listed(shared: Path) -> None:
    from marsad.evaluation.enrichment import blind_paths

    articles, problems = load_gold(paths=blind_paths())
    assert not problems
    assert len(articles) >= 60 and {a.split for a in articles} == {"blind"}
    for article in articles:
        for paragraph, start, end, *_ in article.dates + article.quantities + article.quotes:
            assert 0 <= start < end <= len(article.paragraphs[paragraph]), article.key
    result = CliRunner().invoke(enrichment_command, ["--split", "blind", "--misses"])
    assert result.exit_code == 0, result.output
    assert "blind (blind" in result.output and "miss:" not in result.output


def test_the_blind_split_holds_its_floors(shared: Path) -> None:
    import json
    from importlib import resources

    from marsad.evaluation.enrichment import evaluate

    floors = json.loads(
        resources.files("marsad.evaluation").joinpath("data/enrichment_floors.json").read_text("utf-8")
    )["blind_floors"]
    scores, _, problems = evaluate("blind")
    assert not problems
    assert below_floors(scores.figures(), floors) == []


def test_agreement_scores_a_second_annotator_not_marsad(shared: Path) -> None:
    from marsad.evaluation.enrichment import agreement

    scores, problems = agreement()
    assert problems == []
    assert scores.articles == 18
    # Two people under the same guidelines: the ceiling the targets sit under.
    assert scores.quote_found.f1 > 0.9 and scores.speaker_accuracy > 0.9
    result = CliRunner().invoke(enrichment_command, ["--agreement"])
    assert result.exit_code == 0 and "agreement (a second annotator" in result.output
