"""How often a word opens a headline and how often it opens a sentence of an article.

Of two headline-like lines side by side above an article, one is often the deck:
a sentence that goes on about the headline's subject (``أثار جدلاً قانونياً ...``,
``قال إن التتويج له طعم خاص``, ``في مؤتمرها الخاص بالمطورين``). Such lines open
as the article's own sentences do, with a verb whose subject was named above or
with a preposition; headlines open with the name of who or what they are about.
SaudiNewsNet gives both sides: 31k titles and their articles' sentences.
`segment.title_line` reads the counts of each first word (`FIRST_WORDS_FILE`).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

from marsad.segment.openers import FIRST_WORDS_FILE, TOTALS
from marsad.segment.rules import line_key

__all__ = ["FIRST_WORDS_FILE", "first_word_counts", "write_first_words"]
MIN_COUNT = 5  # rarer words read as the unseen do
_MIN_SENTENCE_WORDS = 4
_SENTENCE_END = re.compile(r"[.!؟\n]+")


def first_word_counts(saudinewsnet: Path) -> tuple[Counter[str], Counter[str]]:
    """Per first word (line key): headlines it opens, and article sentences it opens."""
    titles: Counter[str] = Counter()
    sentences: Counter[str] = Counter()
    with gzip.open(saudinewsnet, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            title = line_key(article.get("title") or "").split()
            if title:
                titles[title[0]] += 1
            for sentence in _SENTENCE_END.split(article.get("content") or ""):
                words = line_key(sentence).split()
                if len(words) >= _MIN_SENTENCE_WORDS:
                    sentences[words[0]] += 1
    return titles, sentences


def write_first_words(titles: Counter[str], sentences: Counter[str], path: Path) -> int:
    """Write the totals (first row) and every word seen `MIN_COUNT`+ times; return the word count."""
    words = sorted(
        w
        for w in titles.keys() | sentences.keys()
        if titles[w] + sentences[w] >= MIN_COUNT and w.isprintable() and any(c.isalnum() for c in w)
    )
    rows = ["# word\theadlines opened\tarticle sentences opened (SaudiNewsNet; `marsad train headline-openers`)"]
    rows.append(f"{TOTALS}\t{sum(titles.values())}\t{sum(sentences.values())}")
    rows += [f"{w}\t{titles[w]}\t{sentences[w]}" for w in words]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(words)
