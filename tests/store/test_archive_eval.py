"""Quality gates on the real data: search recall and cluster precision/recall stay above their floors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.commands.eval_archive import search_eval_command
from marsad.evaluation.archive import (
    check_floors,
    evaluate_clusters,
    evaluate_search_on_shared,
    judge,
    load_floors,
    search_queries,
)


@pytest.mark.slow
def test_search_recall_floors(shared: Path) -> None:
    figures = evaluate_search_on_shared(shared).figures()
    assert check_floors(figures, load_floors()) == []
    assert figures["search_recall_macro"] >= 0.95


@pytest.mark.slow
def test_cluster_floors(shared: Path) -> None:
    figures = evaluate_clusters(shared).figures()
    assert check_floors(figures, load_floors()) == []
    # The bar, on labelled pairs plus generated variants together.
    assert figures["cluster_precision"] >= 0.95 and figures["cluster_recall"] >= 0.9


def test_judgements_follow_their_patterns(shared: Path) -> None:
    # The relevant ids are what each query's judgement pattern selects; spot-check three queries.
    path = shared / "data" / "news" / "newspapers.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        texts = {item["id"]: item["text"] for item in map(json.loads, handle)}
    for item in search_queries()[:3]:
        assert {i for i, text in texts.items() if judge(item["judge"], text)} == set(item["relevant"])


def test_queries_are_written_in_other_spellings_than_most_articles() -> None:
    queries = search_queries()
    assert len(queries) >= 30
    assert all(item["relevant"] for item in queries)


def test_floors_catch_a_drop() -> None:
    assert check_floors({"search_recall_macro": 0.5}, {"search_recall_macro": 0.99})


def test_eval_command_help() -> None:
    result = CliRunner().invoke(search_eval_command, ["--help"])
    assert result.exit_code == 0 and "recall" in result.output
