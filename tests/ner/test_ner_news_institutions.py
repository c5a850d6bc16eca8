"""Institutions learned from the news: whole names only, marked where the tagger found nothing."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.arabic.normalize import fold_for_search
from marsad.commands.train import ner_institutions_command
from marsad.enrich.ner import find_entities
from marsad.enrich.ner.shipped_lists import news_institutions
from marsad.training.ner.news_institutions import (
    MIN_COUNT,
    NOT_INSTITUTIONS_FILE,
    select_names,
    sequence_counts,
)
from marsad.training.ner.news_places import read_word_list
from marsad.training.ner.paths import source_model_dir


def _grams(rows: dict[str, int]) -> Counter[tuple[str, ...]]:
    return Counter({tuple(name.split()): count for name, count in rows.items()})


def test_sequence_counts_open_with_a_head_word(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    # Sentences we wrote.
    articles = [{"text": "أعلنت وزارة الصحة اليوم أن وزارة الصحة ستفتح مراكز جديدة."}, {"content": "الصحة أولا."}]
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    counts = sequence_counts([path], fold_for_search)
    assert counts[("وزاره", "الصحه")] == 2
    assert counts[("وزاره", "الصحه", "اليوم")] == 1
    assert not any(name[0] == "الصحه" for name in counts)


def test_select_names_keeps_whole_names() -> None:
    n = MIN_COUNT * 10
    counts = _grams(
        {
            "مجلس الوزراء": 10 * n,
            "مجلس الوزراء اليوم": n // 2,  # the next phrase, and skipped besides
            "مجلس الوزراء الموافقه": n // 4,  # under a tenth of مجلس الوزراء: not a continuation
            "وزاره الشوون": 3 * n,  # mostly continued: a name's first half
            "وزاره الشوون الاجتماعيه": n,
            "وزاره الشوون البلديه": n,
            "مجلس الاداره": 2 * n,  # a board, in our list of phrases that name no one
            "شركه كبري": 2 * n,  # not a definite word after the head
        }
    )
    names = select_names(counts, skip_words={"اليوم"}, not_names={"مجلس الاداره"})
    assert names == ["مجلس الوزراء", "وزاره الشوون الاجتماعيه", "وزاره الشوون البلديه"]


def test_a_head_with_the_article_needs_two_more_words() -> None:
    # `المركز الأول` is a rank and `المجلس البلدي` any town's council; with two more words it is a name.
    n = MIN_COUNT * 10
    counts = _grams(
        {
            "المركز الاول": n,
            "المجلس البلدي": n,
            "الهييه العامه": 3 * n,  # mostly continued by the sectors below
            "الهييه العامه الطيران": n,
            "الهييه العامه الطيران المدني": n,
            "الهييه العامه الرياضه": n,
            "الهييه العامه السياحه": n,
            "مركز الشرطه": n,  # `مركز` opens descriptions too
            "مركز الدفاع المدني": n,
            "الاتحاد الاوروبي": n,  # heads that were always written with the article keep two-word names
            "المحكمه العليا": n,
        }
    )
    names = select_names(counts, skip_words=(), not_names=())
    assert names == [
        "الاتحاد الاوروبي",
        "المحكمه العليا",
        "الهييه العامه الرياضه",
        "الهييه العامه السياحه",
        "الهييه العامه الطيران المدني",
        "مركز الدفاع المدني",
    ]


def test_shipped_institutions() -> None:
    names = {" ".join(name) for name in news_institutions()}
    assert {"مجلس الوزراء", "مجلس الشوري", "وزاره الداخليه", "هييه التحقيق الادعاء العام"} <= names
    assert not names & set(read_word_list(source_model_dir() / NOT_INSTITUTIONS_FILE))
    assert "وزاره الشوون" not in names
    # Written as the news writes (`للمهرجان`), matched by name keys (`المهرجان`).
    assert "اللجنه المنظمه المهرجان" not in names
    assert {"اللجنه الاولمبيه السعوديه", "المديريه العامه الجوازات", "الهييه العامه الطيران المدني"} <= names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وافق مجلس الوزراء على نظام جديد اقترحته وزارة الصحة أمس.", ["مجلس الوزراء", "وزارة الصحة"]),
        (
            "وأحالت هيئة التحقيق والادعاء العام القضية إلى ديوان المظالم.",
            ["هيئة التحقيق والادعاء العام", "ديوان المظالم"],
        ),
        ("عقد مجلس الإدارة اجتماعه الدوري.", []),
        (
            "أعلنت الهيئة العامة للطيران المدني أن مؤسسة النقد العربي السعودي وافقت على الخطة.",
            ["الهيئة العامة للطيران المدني", "مؤسسة النقد العربي السعودي"],
        ),
    ],
)
def test_find_entities_marks_learned_institutions(text: str, expected: list[str]) -> None:
    organisations = [span["text"] for span in find_entities([text]) if span["type"] == "ORG"]
    assert [name for name in expected if name in organisations] == expected
    assert "مجلس الإدارة" not in organisations


def test_institutions_command_writes_the_list(tmp_path: Path) -> None:
    news = tmp_path / "shared" / "data" / "news"
    news.mkdir(parents=True)
    # Sentences we wrote; the words after the name vary, as in real news.
    sentences = [
        "قررت هيئة الموانئ البحرية تمديد ساعات العمل في الميناء.",
        "وقالت هيئة الموانئ البحرية إن الحركة عادت.",
        "أعلنت هيئة الموانئ البحرية.",
        "ورفعت هيئة الموانئ البحرية رسوم الرسو.",
    ]
    articles = [{"text": sentence} for sentence in sentences] * (MIN_COUNT // len(sentences))
    with gzip.open(news / "news.jsonl.gz", "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    path = tmp_path / "institutions.tsv"
    result = CliRunner().invoke(ner_institutions_command, ["--shared", str(tmp_path / "shared"), "--out", str(path)])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line[0] != "#"]
    assert json.loads(result.output)["institutions"] == len(rows) == 1
    assert rows[0] == ["هييه المواني البحريه", str(MIN_COUNT)]
