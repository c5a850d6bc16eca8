"""Scoring of whole pages, the floors check, the gold files and the
SaudiNewsNet annotation rules, on pages we write ourselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.evaluation.annotate_saudinewsnet import classify_line, content_lines, glued_leftover
from marsad.evaluation.extraction import (
    SETS,
    GoldPage,
    GoldRecord,
    PredictedRecord,
    Report,
    check_floors,
    load_floors,
    load_pages,
    load_saudinewsnet,
    run,
    score_page,
    summarise,
)
from marsad.evaluation.extraction_table import format_table

HOST = GoldRecord(
    title="افتتاح جسر جديد في جدة",
    category="محليات",
    body=["افتتح أمين جدة اليوم جسرا جديدا على طريق الملك.", "ويخفف الجسر الزحام عن الأحياء الشمالية."],
)
STORY = GoldRecord(
    title="تحويلات مرورية في الكورنيش",
    parent=True,
    body=["أعلنت إدارة المرور تحويلات مؤقتة على طريق الكورنيش."],
)
PAGE = GoldPage(
    name="jeddah",
    set="test",
    content="",
    is_html=False,
    records=[HOST, STORY],
    chrome=["اترك تعليقاً", "زر الذهاب إلى الأعلى"],
)


def _perfect(page: GoldPage) -> list[PredictedRecord]:
    return [PredictedRecord(r.title, r.category, list(r.body), r.parent) for r in page.records]


def test_a_perfect_extraction_scores_full_marks() -> None:
    score = score_page(PAGE, _perfect(PAGE), "test", 0.0)
    assert score.words.f1 == 1.0
    assert score.chrome_kept == [] and score.lines_lost == []
    assert score.titles == (2, 2) and score.categories == (1, 1) and score.records == (2, 2)


def test_chrome_kept_lines_lost_and_wrong_titles_are_counted() -> None:
    predicted = [
        PredictedRecord("أخبار جدة", None, [HOST.body[0], "زر الذهاب إلى الأعلى"], False),
        PredictedRecord(STORY.title, None, list(STORY.body), True),
    ]
    score = score_page(PAGE, predicted, "test", 0.0)
    assert score.chrome_kept == ["زر الذهاب إلى الأعلى"]
    assert score.lines_lost == [HOST.body[1]]
    assert score.titles == (1, 2) and score.categories == (0, 1)
    assert 0 < score.words.f1 < 1


def test_a_story_folded_into_the_host_loses_its_title_not_its_words() -> None:
    predicted = [PredictedRecord(HOST.title, HOST.category, [*HOST.body, STORY.title, *STORY.body], False)]
    score = score_page(PAGE, predicted, "test", 0.0)
    assert score.records == (1, 2)
    assert score.titles == (1, 2)
    assert score.words.recall == 1.0 and score.words.precision < 1.0


def test_report_figures_and_floors() -> None:
    scores = run([PAGE], _perfect, "marsad")
    report = Report(scores, [summarise(scores)])
    figures = report.figures()
    assert figures["marsad.test.f1"] == 1.0
    assert figures["marsad.test.chrome_kept"] == 0
    assert check_floors(figures, {"marsad.test.f1": {"min": 0.9}, "marsad.test.chrome_kept": {"max": 0}}) == []
    failures = check_floors(
        figures, {"marsad.test.f1": {"min": 1.01}, "marsad.test.lines_lost": {"max": -1}, "marsad.x.f1": {"min": 0}}
    )
    assert len(failures) == 3
    assert any("below its floor" in f for f in failures)
    assert any("not measured" in f for f in failures)
    assert "jeddah" in format_table(report)


def test_every_pinned_floor_names_a_figure_the_evaluation_reports() -> None:
    floors = load_floors()
    assert floors
    for name, bound in floors.items():
        tool, set_name, _ = name.split(".", 2)
        assert tool in {"marsad", "trafilatura"}
        assert set_name in set(SETS)
        assert set(bound) <= {"min", "max"} and bound


def test_gold_pages_resolve_into_the_shared_files(shared: Path) -> None:
    pages = {page.name: page for page in load_pages(shared)}
    seed = pages["seed"]
    assert [len(r.body) for r in seed.records] == [10, 14]
    assert seed.records[0].category == "الشرق الأوسط"
    assert seed.records[1].parent and seed.records[1].title and seed.records[1].title.startswith("بايدن")
    assert len(seed.chrome) == 6
    assert {page.set for page in pages.values()} == {"seed", "pages_html", "pages_wet"}
    for page in pages.values():
        assert all(record.body and record.title for record in page.records), page.name
        assert page.chrome, page.name


def test_saudinewsnet_gold_matches_the_corpus(shared: Path) -> None:
    pages = load_saudinewsnet(shared, limit=60)
    assert len(pages) == 60
    assert sum(len(page.chrome) for page in pages) > 0
    assert all(page.metadata["title"] for page in pages if page.records[0].title)


@pytest.mark.parametrize(
    ("line", "index", "count", "reason"),
    [
        ("// انتهى //", 5, 7, "sign_off"),
        ("//يتبع//", 4, 6, "sign_off"),
        ("09:41 ت م", 6, 7, "date_line"),
        ("أبها 3 رجب 1437 هـ الموافق 10 أبريل 2016 م واس", 0, 5, "date_line"),
        ("...المزيد", 3, 4, "read_more"),
        ("للتواصل أرسل sms إلى 88000 الاتصالات أو 600000 موبايلي", 8, 10, "sms_promo"),
        ("writer.name@example.com", 9, 10, "byline"),
        ("سعد الفلاني - تبوك", 0, 6, "byline"),
        ("* خدمة «لوس أنجليس تايمز»", 9, 10, "byline"),
        ("(تصوير: ماجد العنزي)", 2, 6, "photo_caption"),
        ("تعليقات ()", 0, 1, "comment_form"),
        ("* * *", 4, 9, "short_fragment"),
        ("سمات الرياض أمطار", 4, 5, "tags"),
        # real text stays body
        ("وقال المتحدث إن الفرق الميدانية باشرت الحادث فور وقوعه.", 2, 6, None),
        ("الهلال - النصر", 4, 9, None),  # a fixture inside the article, not a byline
        ("سمات الشخصية القيادية كثيرة", 1, 5, None),  # "features", not the tag list
    ],
)
def test_saudinewsnet_leftover_rules(line: str, index: int, count: int, reason: str | None) -> None:
    assert classify_line(line, index, count, "عنوان لا علاقة له") == reason


@pytest.mark.parametrize(
    ("line", "last", "reason", "kept"),
    [
        (
            "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك افتتح المحافظ مساء أمس مهرجان الصيف في الحديقة العامة بحضور الأهالي",
            False,
            "share_widget",
            "افتتح المحافظ مساء أمس مهرجان الصيف في الحديقة العامة بحضور الأهالي",
        ),
        (
            "وأكدت الشرطة أن التحقيقات ما زالت جارية لمعرفة ملابسات الحادث وأسبابه. سمات الشرطة حادث جدة",
            True,
            "tags",
            "وأكدت الشرطة أن التحقيقات ما زالت جارية لمعرفة ملابسات الحادث وأسبابه.",
        ),
    ],
)
def test_saudinewsnet_glued_leftovers(line: str, last: bool, reason: str, kept: str) -> None:
    glued = glued_leftover(line, last=last)
    assert glued is not None and glued[2] == reason
    assert (line[: glued[0]] + line[glued[1] :]).strip() == kept


def test_content_lines_skip_blank_lines() -> None:
    assert content_lines(" سطر أول\n\n  \nسطر ثان \n") == ["سطر أول", "سطر ثان"]
