"""The seed page's must-reach figures (issue 3), record by record.

The page is split here the way the segmenter splits it: the host body runs
from ``اتفق العراق`` to the line before the ``اقرأ أيضاً..`` story title; the
story body from ``قال الرئيس الأمريكي جو بايدن`` to the line ending
``بالوقوف وراءها.``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.enrich.dates import find_dates
from marsad.enrich.quantities import find_quantities
from marsad.enrich.quotes import find_quotes

PUBLISHED = "2021-07-27"


def _records(seed_text: str) -> tuple[list[str], list[str]]:
    lines = [line.strip() for line in seed_text.splitlines() if line.strip()]
    host_start = next(i for i, line in enumerate(lines) if line.startswith("اتفق العراق"))
    story_title = next(i for i, line in enumerate(lines) if line.startswith("اقرأ أيضاً.."))
    story_start = next(i for i, line in enumerate(lines) if line.startswith("قال الرئيس الأمريكي جو بايدن"))
    story_end = next(i for i, line in enumerate(lines) if line.endswith("بالوقوف وراءها."))
    assert story_start == story_title + 1
    return lines[host_start:story_title], lines[story_start : story_end + 1]


@pytest.fixture(scope="module")
def records(shared: Path) -> tuple[list[str], list[str]]:
    return _records((shared / "seed" / "000_06b0f5cfdc501643.txt").read_text(encoding="utf-8"))


def test_host_dates(records: tuple[list[str], list[str]]) -> None:
    host, _ = records
    values = {d["text"]: d["value"] for d in find_dates(host, PUBLISHED)}
    assert values["31 ديسمبر/كانون الأول 2021"] == "2021-12-31"
    assert values["مساء الإثنين"] == "2021-07-26"
    assert values["31 ديسمبر للعام الجاري"] == "2021-12-31"


def test_story_dates(records: tuple[list[str], list[str]]) -> None:
    _, story = records
    found = find_dates(story, PUBLISHED)
    values = {d["text"]: d["value"] for d in found}
    assert values["مساء الأحد"] == "2021-07-25"
    assert values["يوم الجمعة"] == "2021-07-23"
    assert values["أكتوبر/تشرين الأول المقبل"] == "2021-10"
    assert values["2014"] == "2014"
    assert values["5 يناير/كانون الثاني 2020"] == "2020-01-05"
    assert not any(d["text"] in {"3000", "2500"} or d["value"] in {"3000", "2500"} for d in found)


def test_story_quantities(records: tuple[list[str], list[str]]) -> None:
    _, story = records
    found = {(q["value"], q["unit"]) for q in find_quantities(story)}
    assert (500000, "جرعة") in found
    assert {3000, 2500} <= {value for value, _ in found}


def test_host_quote_speakers(records: tuple[list[str], list[str]]) -> None:
    host, _ = records
    quotes = [q for q in find_quotes(host) if q["direct"]]
    office = [q for q in quotes if "شهد التأكيد المتبادل" in q["text"]]
    assert [q["speaker"] for q in office] == ["مكتب الكاظمي"]
    # ``ووفق البيان، ... وأكد العراق، من جانبه، التزامه “...”``: the quoted words are the
    # joint statement's, about Iraq; Iraq did not utter them.
    statement = [q for q in quotes if q not in office]
    assert len(statement) == 5
    assert {q["speaker"] for q in statement} == {"البيان"}


def test_story_quote_speakers(records: tuple[list[str], list[str]]) -> None:
    _, story = records
    quotes = find_quotes(story)
    assert len([q for q in quotes if q["direct"]]) == 9
    speakers = [q["speaker"] for q in quotes]
    assert speakers[-2:] == ["مصطفى الكاظمي", "مصطفى الكاظمي"]
    assert set(speakers[:-2]) == {"جو بايدن"}
    assert len(speakers) == 10  # nine direct quotes and the opening reported one


def test_offsets_hold_on_the_seed(records: tuple[list[str], list[str]]) -> None:
    for body in records:
        for span in [*find_dates(body, PUBLISHED), *find_quantities(body), *find_quotes(body)]:
            assert body[span["paragraph"]][span["start"] : span["end"]] == span["text"]
