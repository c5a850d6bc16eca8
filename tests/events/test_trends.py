"""What is rising on a day, on an archive of articles we wrote: a flood that four outlets
report on one day rises; the daily weather and market reports every outlet carries do not."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from archive_state import open_location
from click.testing import CliRunner

from marsad.commands.trends import trends_command
from marsad.errors import InputError
from marsad.extraction import extract_page
from marsad.records import Page
from marsad.store.base import Archive
from marsad.store.ingest import ingest_pages
from marsad.store.trends import burst_score, latest_day, trends_of_day

DAY = "2023-11-20"
OUTLETS = ("okaz", "alyaum", "sabq", "alriyadh")
# The daily reports every outlet carries, with the day's figures.
ROUTINE = (
    (
        "الأرصاد: العظمى في الرياض {high} درجة مع رياح خفيفة",
        "توقع المركز الوطني للأرصاد أن تبلغ درجة الحرارة العظمى في مدينة الرياض {high} درجة مئوية، "
        "مع ارتفاع تدريجي في درجات الحرارة ورياح خفيفة إلى معتدلة على المناطق الوسطى.",
    ),
    (
        "مؤشر السوق السعودية يغلق مرتفعا {points} نقطة",
        "أغلق مؤشر السوق المالية السعودية تداولات اليوم مرتفعا {points} نقطة، بدعم من أسهم المصارف "
        "والبتروكيماويات، وبلغت قيمة التداولات نحو خمسة مليارات ريال بحسب بيانات تداول.",
    ),
)
FLOOD = (
    "سيول القنفذة تغمر الأحياء المنخفضة والدفاع المدني ينقذ 40 أسرة",
    "غمرت سيول جارفة الأحياء المنخفضة في محافظة القنفذة بعد أمطار غزيرة هطلت منذ فجر اليوم، "
    "وأعلن الدفاع المدني أن فرقه أنقذت 40 أسرة احتجزتها المياه، فيما وجه محافظ القنفذة بفتح مراكز الإيواء.",
)


def _day(offset: int) -> str:
    return (datetime.date.fromisoformat(DAY) + datetime.timedelta(days=offset)).isoformat()


def _pages() -> list[Page]:
    pages = []
    for offset in range(-6, 1):
        for outlet in OUTLETS[:3]:
            figures = {"high": 30 - offset, "points": 40 + 3 * offset}
            for number, (title, body) in enumerate(ROUTINE):
                pages.append(
                    Page(
                        origin=f"{outlet}-{offset}-{number}",
                        text=body.format(**figures),
                        title=title.format(**figures),
                        id=f"{outlet}-{offset}-{number}",
                        source=outlet,
                        published=_day(offset),
                    )
                )
    for outlet in OUTLETS:
        title, body = FLOOD
        pages.append(
            Page(
                origin=f"flood-{outlet}",
                text=f"{body}\nنقلا عن {outlet}.",
                title=title,
                id=f"flood-{outlet}",
                source=outlet,
                published=DAY,
            )
        )
    return pages


def _fail(error: InputError) -> None:
    raise error


@pytest.fixture()
def archive(new_location: Callable[[], str]) -> Archive:
    archive = open_location(new_location())
    ingest_pages(archive, _pages(), extract_page, on_error=_fail)
    return archive


def test_a_flood_four_outlets_report_rises_and_the_routine_does_not(archive: Archive) -> None:
    with archive:
        found = trends_of_day(archive, DAY, baseline_days=7)
        assert found.articles == 6 + 4 and found.baseline_articles == 6 * 6
        terms = {item.name: item for item in found.terms}
        assert any(name.startswith("سيول") for name in terms), terms
        assert not {"طقس", "مؤشر", "السوق"} & set(terms)
        names = [item.name for item in found.entities]
        assert any("القنفذة" in name or "القنفذه" in name for name in names), names
        assert not any(name == "الرياض" for name in names)
        flood = next(item for item in found.entities if "القنفذ" in item.name)
        assert flood.articles == 4 and flood.outlets == 4 and flood.expected == 0.0
        # The flood first; then the day's weather and market reports, each carried by three outlets.
        assert [(event.records, event.outlets) for event in found.events] == [(4, 4), (3, 3), (3, 3)]
        assert latest_day(archive) == DAY


def test_a_day_without_earlier_days_has_nothing_to_compare_with(archive: Archive) -> None:
    with archive:
        first = trends_of_day(archive, _day(-6), baseline_days=7)
        assert first.articles == 6 and first.baseline_articles == 0 and first.entities == first.terms == []
        empty = trends_of_day(archive, "2020-01-01")
        assert empty.articles == 0 and empty.events == []


def test_burst_score() -> None:
    assert burst_score(4, 0.0) == 4.0
    assert burst_score(42, 40.0) < 1.0 < burst_score(30, 2.0)


def test_trends_command(tmp_path: pytest.TempPathFactory) -> None:
    db = str(tmp_path / "archive.db")  # type: ignore[operator]
    with open_location(db) as archive:
        ingest_pages(archive, _pages(), extract_page, on_error=_fail)
    result = CliRunner().invoke(trends_command, ["--db", db, "--baseline", "7"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{DAY}: 10 articles, compared with the 36 of the 7 days before")
    assert "القنفذ" in result.output and "4 articles from 4 outlets" in result.output


def _counts(archive: Archive) -> list[tuple[object, ...]]:
    return sorted(
        (str(day), str(kind), str(key), int(source), int(articles))
        for day, kind, key, source, articles in archive.fetch(
            "SELECT day, kind, key, source_id, articles FROM day_keys WHERE articles > 0"
        )
    )


def test_counts_follow_replaced_pages_and_match_a_rebuild(archive: Archive) -> None:
    with archive:
        before = _counts(archive)
        assert ("2023-11-20", "TERM", "سيول", 0, 1) not in before  # every flood page has an outlet
        # One outlet rewrites its flood story under another headline, and moves it a day.
        page = next(page for page in _pages() if page.id == "flood-okaz")
        page.title = "أمطار غزيرة على القنفذة"
        page.published = _day(-1)
        page.text = (page.text or "") + "\nوتواصل فرق الدفاع المدني أعمالها."
        assert ingest_pages(archive, [page], extract_page, on_error=_fail).replaced == 1
        after = _counts(archive)
        assert after != before
        archive.rebuild_day_keys()
        assert _counts(archive) == after
        flood = next(
            item for item in trends_of_day(archive, DAY, baseline_days=7).terms if item.name.startswith("سيول")
        )
        assert flood.articles == 3
