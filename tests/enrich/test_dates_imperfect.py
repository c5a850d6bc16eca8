"""A verb in the imperfect right before a bare weekday schedules it (issue #17: a weekday is the
next one in future context). Every sentence here is written for the test; 2015-07-22 is a Wednesday."""

from __future__ import annotations

import pytest

from marsad.enrich.dates import find_dates

PUBLISHED = "2015-07-22"


def _weekday_value(sentence: str) -> str | None:
    found = [d for d in find_dates([sentence], PUBLISHED) if "السبت" in d["text"] or "الأحد" in d["text"]]
    assert len(found) == 1, found
    return found[0]["value"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("يلتقي الفريق نظيره الأهلي يوم السبت في جدة ضمن الجولة الأولى.", "2015-07-25"),
        ("ويستأنف اللاعبون تدريباتهم مساء السبت استعدادا للمباراة.", "2015-07-25"),
        ("وحددت الإدارة موعد التسجيل على أن يكون يوم الأحد ولمدة يوم واحد.", "2015-07-26"),
        # The perfect tells what was: the Saturday before publication.
        ("التقى الفريق نظيره الأهلي يوم السبت في جدة ضمن الجولة الأولى.", "2015-07-18"),
        # ``يذكر أن`` opens background, ``لا يزال`` what still holds: no schedule.
        ("يذكر أن الفريق خسر مساء السبت أمام الأهلي.", "2015-07-18"),
        ("ولا يزال الطريق مغلقا منذ صباح الأحد بسبب السيول.", "2015-07-19"),
    ],
)
def test_an_imperfect_before_a_weekday_puts_it_ahead(sentence: str, value: str) -> None:
    assert _weekday_value(sentence) == value


def test_a_day_and_month_is_not_moved_by_an_imperfect() -> None:
    found = find_dates(["ويوافق العيد هذا العام 18 يوليو حسب التقويم."], "2015-08-01")
    assert [d["value"] for d in found if "يوليو" in d["text"]] == ["2015-07-18"]
