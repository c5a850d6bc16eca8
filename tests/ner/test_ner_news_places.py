"""Towns learned from the news: counted after place words, marked where the tagger found nothing."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from marsad.commands.train import ner_common_words_command, ner_institutions_command, ner_places_command
from marsad.enrich.ner import find_entities
from marsad.enrich.ner.shipped_lists import news_places
from marsad.evaluation.news_entities import SetScore, evaluate_news, load_gold
from marsad.training.ner.news_places import MIN_AFTER, not_places, place_counts, write_places
from marsad.training.ner.paths import source_model_dir

# Sentences we wrote: a town after place words, a word that follows one only by chance.
TOWN = "افتتح المحافظ مشروعات في محافظة الوادعة وبمدينة الوادعة أمس."
OTHER = "وقعت الحادثة في مدينة كبيرة ثم انتقلت الشرطة إلى منطقة كبيرة وكبيرة أخرى والمدينة كبيرة جدا كبيرة."


def _news(folder: Path, articles: list[dict[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    return path


def test_place_counts_read_both_text_fields_and_proclitic_place_words(tmp_path: Path) -> None:
    path = _news(tmp_path, [{"text": TOWN}, {"content": OTHER}])
    after, seen = place_counts([path])
    assert after["الوادعه"] == 2 and seen["الوادعه"] == 2  # محافظة الوادعة, بمدينة الوادعة
    assert after["كبيره"] == 2 and seen["كبيره"] == 4  # وكبيرة is another word


def test_write_places_keeps_words_mostly_seen_after_place_words(tmp_path: Path) -> None:
    path = _news(tmp_path, [{"text": TOWN}, {"content": OTHER}] * MIN_AFTER)
    after, seen = place_counts([path])
    out = tmp_path / "places.tsv"
    assert write_places(after, seen, out, skip_words=["الوادعة"]) == 1
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if line[0] != "#"]
    # كبيرة follows a place word in 2 of its 4 uses: kept by the share alone, so
    # the skip list takes out the real town here to show it is honoured.
    assert rows == [["كبيره", str(2 * MIN_AFTER), str(4 * MIN_AFTER)]]


def test_shipped_places_are_towns_and_skip_our_exclusions() -> None:
    places = {name for (name,) in news_places()}
    assert {"الطايف", "ينبع", "ابها", "تعز", "حمص", "القصيم"} <= places
    assert not places & not_places(source_model_dir())
    assert "اليورو" not in places  # منطقة اليورو


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("وصل وفد الوزارة إلى الطائف أمس قادما من ينبع.", ["الطائف", "ينبع"]),
        ("أعلنت إمارة منطقة القصيم عن مشروعات جديدة في بريدة وعنيزة.", ["القصيم", "بريدة", "عنيزة"]),
        ("ارتفع سعر صرف اليورو أمام الدولار في منطقة اليورو.", []),
    ],
)
def test_find_entities_marks_learned_towns(text: str, towns: list[str]) -> None:
    places = [span["text"] for span in find_entities([text]) if span["type"] == "LOC"]
    assert [town for town in towns if town in places] == towns
    assert "اليورو" not in places


def test_places_command_writes_the_list(tmp_path: Path) -> None:
    _news(tmp_path / "shared" / "data" / "news", [{"text": TOWN}] * MIN_AFTER)
    out = tmp_path / "places.tsv"
    result = CliRunner().invoke(ner_places_command, ["--shared", str(tmp_path / "shared"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["places"] == 1
    assert out.read_text(encoding="utf-8").splitlines()[1].split("\t")[0] == "الوادعه"


def test_places_gold_has_forty_articles_with_names() -> None:
    gold = load_gold("places_gold.jsonl", "places")
    assert len(gold) == 40 and len({url for url, _ in gold}) == 40
    assert sum(len(places) for _, places in gold) == 112


def test_people_and_organisations_gold_covers_the_same_articles() -> None:
    places = [url for url, _ in load_gold("places_gold.jsonl", "places")]
    persons = load_gold("people_orgs_gold.jsonl", "persons")
    organisations = load_gold("people_orgs_gold.jsonl", "organisations")
    assert [url for url, _ in persons] == [url for url, _ in organisations] == places
    assert sum(map(len, (names for _, names in persons))) >= 95
    assert sum(map(len, (names for _, names in organisations))) >= 110


def test_news_scores_every_gold_set(shared: Path) -> None:
    scores = {score.name: score for score in evaluate_news(shared)}
    kinds = ("places", "persons", "organisations")
    prefixes = (
        "news",
        "papers",
        "papersdev",
        "papersdev2",
        "papersdev3",
        "papersdev4",
        "papersdev5",
        "newsdev2",
        "newsdev3",
        "newsdev4",
        "newsdev5",
        "newsdev6",
        "newsdev7",
        "newsdev8",
        "newsdev9",
        "newsdev10",
        "newsdev11",
        "newsdev12",
        "newsdev13",
        "newsdev14",
        "newsdev15",
        "newsdev16",
        "newsdev17",
        "newsdev18",
        "newsdev19",
        "newsdev20",
        "newsdev21",
        "newsdev22",
        "newsdev23",
        "newsdev24",
        "newsdev25",
        "newsdev26",
        "newsdev27",
        "newsdev28",
        "newsdev29",
        "newsdev30",
    )
    assert set(scores) == {f"{prefix}-{kind}" for prefix in prefixes for kind in kinds}
    assert all(0 < score.right <= min(score.found, score.gold) for score in scores.values())
    assert {score.articles for name, score in scores.items() if name.startswith("news-")} == {40}
    assert {score.articles for name, score in scores.items() if name.startswith("papers-")} == {30}
    assert scores["papers-places"].source == "newspapers articles (blind)"
    assert {score.articles for name, score in scores.items() if name.startswith("papersdev-")} == {25}
    assert scores["papersdev-places"].source == "newspapers articles (dev)"
    assert {
        score.articles
        for name, score in scores.items()
        if name.startswith(("papersdev2-", "papersdev3-", "papersdev4-"))
    } == {30}
    assert {score.articles for name, score in scores.items() if name.startswith("papersdev5-")} == {24}
    assert {
        score.articles
        for name, score in scores.items()
        if name.startswith(tuple(f"newsdev{number}-" for number in range(2, 31)))
    } == {30}
    assert scores["newsdev2-places"].source == "SaudiNewsNet articles"


def test_blind_newspapers_gold_names_thirty_articles_of_many_countries() -> None:
    # Annotated by readers who saw no output of marsad; keyed by the collection's ids.
    gold = {kind: load_gold("newspapers_gold.jsonl", kind) for kind in ("persons", "organisations", "places")}
    ids = [key for key, _ in gold["places"]]
    assert len(ids) == len(set(ids)) == 30
    assert [key for key, _ in gold["persons"]] == [key for key, _ in gold["organisations"]] == ids
    assert len({key.rstrip("0123456789")[:2] for key in ids}) >= 15  # country codes open the ids
    assert sum(len(names) for _, names in gold["places"]) >= 140
    assert sum(len(names) for _, names in gold["persons"]) >= 140
    assert sum(len(names) for _, names in gold["organisations"]) >= 100


def test_places_result_figures() -> None:
    result = SetScore("news-places", articles=2, gold=10, found=8, right=6)
    assert (result.precision, result.recall) == (0.75, 0.6)
    assert result.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert SetScore("news-places", articles=0).f1 == 0.0


def test_places_evaluation_names_a_missing_news_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"saudinewsnet\.jsonl\.gz"):
        evaluate_news(tmp_path)


@pytest.mark.parametrize("command", [ner_places_command, ner_institutions_command, ner_common_words_command])
def test_list_builders_refuse_a_folder_without_news(tmp_path: Path, command: click.Command) -> None:
    out = tmp_path / "list.tsv"
    out.write_text("# kept\n", encoding="utf-8")
    result = CliRunner().invoke(command, ["--shared", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 1
    assert "no news collections" in result.output and str(tmp_path / "data" / "news") in result.output
    assert out.read_text(encoding="utf-8") == "# kept\n"
