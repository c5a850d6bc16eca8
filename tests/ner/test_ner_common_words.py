"""One-word names that are mostly ordinary words: listed from the news, never propagated."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from click.testing import CliRunner

from marsad.commands.train import ner_common_words_command
from marsad.enrich.ner.article import article_names, known_entities, mark_names
from marsad.enrich.ner.shipped_lists import common_words
from marsad.enrich.ner.tokens import tokenize
from marsad.training.ner.common_words import MIN_COUNT, name_shares, write_common_words


class _Names:
    """Tags the words of `names` as one-word PER, everything else O."""

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [["B-PER" if token in self.names else "O" for token in tokens] for tokens in sentences]


def test_shares_count_uses_and_named_uses_by_key() -> None:
    sentences = [["زار", "كرم", "حمص"], ["أعطى", "كرم", "الضيافة"], ["كرم", "الحاتمي"]]
    tagger = _Names({"كرم"})
    seen, named = name_shares(iter(sentences), tagger, key=str, batch=2)
    assert seen["كرم"] == 3 and named["كرم"] == 3
    assert seen["حمص"] == 1 and named["حمص"] == 0


def test_listed_words_are_common_and_rarely_named(tmp_path: Path) -> None:
    seen = Counter({"فتح": 740, "بايدن": 300, "سامي": 5, "امل": 289})
    named = Counter({"فتح": 18, "بايدن": 290, "سامي": 1})
    path = tmp_path / "common_words.tsv"
    assert write_common_words(seen, named, path) == 2
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    # Too rare to judge (سامي) or mostly a name (بايدن): not listed.
    assert rows == [["امل", "289", "0"], ["فتح", "740", "18"]]


def test_shipped_list_has_ordinary_words_not_names() -> None:
    common = common_words()
    assert {"فتح", "امل", "شبه"} <= common
    assert not {"مصر", "دبي", "بايدن", "حماس", "العراق"} & common


def test_an_ordinary_word_tagged_once_is_not_propagated() -> None:
    # An article we wrote: the movement once, the verb later.
    runs = [tokenize("أصدرت حركة فتح بيانا أمس"), tokenize("قررت الشركة فتح فرع جديد في غزة")]
    tagged = [["O", "O", "B-ORG", "O", "O"], ["O", "O", "O", "O", "O", "O", "B-LOC"]]
    names = article_names(runs, tagged)
    assert ("فتح",) not in names
    assert names[("غزه",)] == "LOC"
    assert mark_names(runs[1], list(tagged[1]), names)[2] == "O"
    # The curated list names the movement only with its head word.
    assert ("فتح",) not in known_entities()
    run = tokenize("بيان لحركة فتح")
    assert mark_names(run, ["O"] * len(run), known_entities()) == ["O", "B-ORG", "I-ORG"]


def test_common_words_command_lists_from_tagged_news(tmp_path: Path) -> None:
    # Sentences we wrote, each repeated past MIN_COUNT so the shares count.
    articles = [
        {"text": "قررت الشركة فتح فرع جديد في المدينة الصناعية هذا العام."},
        {"content": "استقبل الرئيس إيمانويل ماكرون في باريس وفدا من رجال الأعمال."},
    ] * MIN_COUNT
    news = tmp_path / "shared" / "data" / "news"
    news.mkdir(parents=True)
    with gzip.open(news / "news.jsonl.gz", "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    path = tmp_path / "common_words.tsv"
    result = CliRunner().invoke(ner_common_words_command, ["--shared", str(tmp_path / "shared"), "--out", str(path)])
    assert result.exit_code == 0, result.output
    listed = {line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines() if line[0] != "#"}
    assert json.loads(result.output)["words"] == len(listed)
    assert {"فتح", "فرع", "الشركه"} <= listed
    assert not {"ماكرون", "باريس"} & listed
