"""Silver sentences: news read as `find_entities` reads it, kept where two taggers agree."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.commands.train import ner_silver_command
from marsad.enrich.ner.conll import read_labelled
from marsad.enrich.ner.model import shipped_model
from marsad.training.ner.silver import agreeing, news_sentences, news_texts, write_conll

# Articles we wrote for these tests, in both field names of the shared collections.
ARTICLES = [
    {
        "text": "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وفدا من البنك الدولي. "
        "وبحث الجانبان تمويل مشروعات المياه في صعيد مصر خلال العام المقبل.\n"
        "قصير جدا.",
    },
    {
        "content": "أعلنت وزارة الصحة السعودية في الرياض عن افتتاح مستشفى جديد في مدينة جدة. "
        "وقال وزير الصحة فهد الجلاجل إن المستشفى يخدم سكان منطقة مكة المكرمة.",
    },
]


def _news(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for article in ARTICLES:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def test_news_sentences_split_like_find_entities(tmp_path: Path) -> None:
    sentences = list(news_sentences([_news(tmp_path)]))
    # Four sentences of 6-60 tokens; "قصير جدا." is too short to teach anything.
    assert len(sentences) == 4
    assert sentences[0][:4] == ["استقبل", "الرئيس", "المصري", "عبد"]
    assert sentences[0][-1] == "."
    assert sentences[2][0] == "أعلنت"


def test_news_sentences_read_every_nth_article_and_leave_evaluated_paragraphs_out(tmp_path: Path) -> None:
    news = [_news(tmp_path)]
    second = list(news_sentences(news, every=2, start=1))
    assert [s[0] for s in second] == ["أعلنت", "وقال"]
    assert [s[0] for s in news_sentences(news, every=2)] == ["استقبل", "وبحث"]
    evaluated = {ARTICLES[1]["content"]}
    assert [s[0] for s in news_sentences(news, skip=evaluated)] == ["استقبل", "وبحث"]


class _Fixed:
    """A tagger answering from a table (the filter's logic, apart from any model)."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [self.table[" ".join(tokens)] for tokens in sentences]


def test_agreeing_keeps_sentences_with_entities_both_tag_alike() -> None:
    both = ["زار", "ماكرون", "بيروت"]
    differ = ["وصل", "الوفد", "إلى", "عمان"]
    empty = ["ارتفعت", "الأسعار", "اليوم"]
    first = _Fixed({"زار ماكرون بيروت": ["O", "B-PER", "B-LOC"], "وصل الوفد إلى عمان": ["O", "O", "O", "B-LOC"]})
    first.table["ارتفعت الأسعار اليوم"] = ["O", "O", "O"]
    second = _Fixed(dict(first.table))
    second.table["وصل الوفد إلى عمان"] = ["O", "O", "O", "B-PER"]
    kept = list(agreeing([both, differ, empty], [first, second], limit=10))
    assert kept == [(both, ["O", "B-PER", "B-LOC"])]
    assert list(agreeing([both, both, both], [first, second], limit=2)) == [(both, ["O", "B-PER", "B-LOC"])] * 2


def test_written_silver_reads_back_as_training_data(tmp_path: Path) -> None:
    sentences = [(["زار", "ماكرون", "بيروت"], ["O", "B-PER", "B-LOC"]), (["في", "دمشق"], ["O", "B-LOC"])]
    path = tmp_path / "silver.conll"
    assert write_conll(sentences, path) == 2
    assert read_labelled(path) == sentences


@pytest.mark.skipif(shipped_model().kind != "neural", reason="needs the shipped BiLSTM-CRF")
def test_silver_command_with_the_shipped_taggers(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    _news(shared / "data" / "news")
    out = tmp_path / "silver.conll"
    result = CliRunner().invoke(ner_silver_command, ["--shared", str(shared), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    kept = read_labelled(out)
    assert report["silver_sentences"] == len(kept) >= 2
    assert all(any(tag != "O" for tag in tags) for _, tags in kept)
    tagged = {" ".join(tokens): tags for tokens, tags in kept}
    minister = next(tags for text, tags in tagged.items() if text.startswith("وقال"))
    assert minister[3:5] == ["B-PER", "I-PER"]  # فهد الجلاجل
    # The CRF ends the name at الفتاح, the BiLSTM-CRF at السيسي: no silver from that sentence.
    assert not any(text.startswith("استقبل") for text in tagged)


def test_a_bad_news_line_is_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n{cut off\n")
    with pytest.raises(ValueError, match=r"news\.jsonl\.gz:2: not a JSON line"):
        list(news_texts([path]))
