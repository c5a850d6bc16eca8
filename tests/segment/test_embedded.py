"""Second stories behind `اقرأ أيضاً..` and its variants, and read-more links that are not stories."""

from __future__ import annotations

import pytest

import marsad
from marsad.segment.embedded import find_marker

HOST = [
    "أعلنت وزارة الصحة عن إطلاق حملة تطعيم موسعة ضد الإنفلونزا الموسمية في جميع المناطق اعتبارا من الأسبوع المقبل.",
    "وقال المتحدث باسم الوزارة إن الحملة تستهدف كبار السن والحوامل والمصابين بالأمراض المزمنة بشكل خاص.",
    "وأضاف أن اللقاحات متوفرة مجانا في المراكز الصحية الأولية دون الحاجة إلى حجز موعد مسبق.",
]
STORY = [
    "سجلت المستشفيات الحكومية ارتفاعا في أعداد المراجعين خلال موجة البرد الأخيرة، بحسب تقرير رسمي صدر أمس.",
    "وأوضح التقرير أن أقسام الطوارئ استقبلت أكثر من ضعف المعدل المعتاد من الحالات التنفسية خلال أسبوعين.",
]
OTHER = [
    "افتتحت جامعة المدينة مركزا جديدا لأبحاث الأمراض المعدية بتمويل مشترك مع القطاع الخاص هذا العام.",
    "ويضم المركز مختبرات متقدمة وفريقا بحثيا من أكثر من أربعين باحثا من تخصصات مختلفة.",
]
TITLE = "حملة تطعيم موسعة ضد الإنفلونزا في جميع المناطق"
STORY_TITLE = "ارتفاع المراجعين في المستشفيات مع موجة البرد"


def page(*lines: str) -> str:
    return "\n\n".join(["أخبارالصحة", TITLE, *lines, "مقالات ذات صلة", "اترك تعليقاً"])


@pytest.mark.parametrize(
    "marker_lines",
    [
        [f"اقرأ أيضاً.. {STORY_TITLE}"],
        [f"اقرأ أيضا: {STORY_TITLE}"],
        [f"إقرأ أيضاً: {STORY_TITLE}"],
        [f"إقرأ المزيد: {STORY_TITLE}"],
        ["اقرأ أيضاً..", STORY_TITLE],
        ["إقرأ المزيد", STORY_TITLE],
    ],
)
def test_embedded_story_becomes_its_own_record(marker_lines: list[str]) -> None:
    host, story = marsad.extract(page(*HOST, *marker_lines, *STORY), enrich=False)
    assert host.title == TITLE
    assert host.category == "الصحة"
    assert host.body == HOST
    assert story.title == STORY_TITLE
    assert story.body == STORY
    assert story.parent == host.id
    assert all(item.reason == "embedded_marker" for item in host.boilerplate if item.text in marker_lines)


def test_two_embedded_stories() -> None:
    text = page(*HOST, f"اقرأ أيضاً.. {STORY_TITLE}", *STORY, "اقرأ أيضا: مركز جديد لأبحاث الأمراض المعدية", *OTHER)
    host, first, second = marsad.extract(text, id="p1", enrich=False)
    assert host.body == HOST
    assert (first.id, first.parent, first.body) == ("p1/1", "p1", STORY)
    assert (second.id, second.parent, second.body) == ("p1/2", "p1", OTHER)
    assert second.title == "مركز جديد لأبحاث الأمراض المعدية"


def test_read_more_link_inside_the_article_is_not_a_story() -> None:
    link = f"اقرأ أيضاً: {STORY_TITLE}"
    [host] = marsad.extract(page(HOST[0], HOST[1], link, HOST[2]), enrich=False)
    assert host.body == HOST
    assert {"text": link, "reason": "read_more"} in [item.to_dict() for item in host.boilerplate]


def test_read_more_link_at_the_end_is_not_a_story() -> None:
    link = f"اقرأ أيضا: {STORY_TITLE}"
    [host] = marsad.extract(page(*HOST, link), enrich=False)
    assert host.body == HOST
    assert any(item.text == link for item in host.boilerplate)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("اقرأ أيضاً.. بايدن: قواتنا لن تقوم بمهام قتالية", "بايدن: قواتنا لن تقوم بمهام قتالية"),
        ("اقرأ أيضا:", None),
        ("(اقرأ أيضاً) الحكومة تقر الميزانية", "الحكومة تقر الميزانية"),
        ("إقرأ المزيد", None),
        ("اقرأ كذلك: الحكومة تقر الميزانية", "الحكومة تقر الميزانية"),
    ],
)
def test_find_marker(line: str, title: str | None) -> None:
    marker = find_marker(line)
    assert marker is not None
    assert marker.title == title


@pytest.mark.parametrize("line", ["قرأت الحكومة التقرير أيضا", "اقتراح جديد", "وقرأ الوزير البيان"])
def test_not_a_marker(line: str) -> None:
    assert find_marker(line) is None


def test_a_marker_naming_where_its_links_come_from_carries_no_title() -> None:
    marker = find_marker("اقرأ أيضاً في كتاب وآراء:")
    assert marker is not None and marker.title is None
