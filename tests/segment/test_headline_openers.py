"""The counts behind the deck rule: how often a word opens a headline and a sentence."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from marsad.cli import cli
from marsad.segment.openers import headline_opening, headlines_opened

ARTICLES = [
    {"title": "وزير الصحة يفتتح مستشفى", "content": "وقال الوزير إن المستشفى جاهز للعمل. وأضاف أن التشغيل يبدأ غدا."},
    {"title": "وزير التعليم يزور المدارس", "content": "وقال الوزير إن الزيارة تشمل كل المناطق. وأضاف أن الخطة جاهزة."},
]


def test_headline_openers_counts_first_words_of_titles_and_sentences(tmp_path: Path) -> None:
    news = tmp_path / "shared" / "data" / "news"
    news.mkdir(parents=True)
    with gzip.open(news / "saudinewsnet.jsonl.gz", "wt", encoding="utf-8") as handle:
        for article in ARTICLES * 3:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    out = tmp_path / "first_words.tsv"
    result = CliRunner().invoke(
        cli, ["train", "headline-openers", "--shared", str(tmp_path / "shared"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = dict(line.split("\t", 1) for line in out.read_text("utf-8").splitlines() if not line.startswith("#"))
    assert rows["*"] == "6\t12"  # six headlines, twelve sentences of four words or more
    assert rows["وزير"] == "6\t0" and rows["وقال"] == "0\t6" and rows["واضاف"] == "0\t6"


def test_the_shipped_counts_tell_a_headline_from_a_sentence() -> None:
    assert headlines_opened("وزير الصحه يفتتح") > 100
    headline, sentence = headline_opening("وزير الصحه يفتتح"), headline_opening("وقال الوزير ان")
    assert headline is not None and sentence is not None and headline > 2 > 0 > sentence
    assert headline_opening("2.8 مليون ناخب") is None  # a number opens both
