"""Whether a line opens as headlines open or as an article's sentences do.

Counts of first words from SaudiNewsNet (`data/first_words.tsv`, written by
`marsad train headline-openers`): how many of its 31k headlines and of its
articles' 284k sentences each word opens. A deck under (or an overline over) a
headline goes on about the headline's subject and opens as a sentence does
(``أثار جدلاً``, ``قال إن``, ``في مؤتمرها``, ``فيما``); a headline opens with who or
what it is about.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

FIRST_WORDS_FILE = "first_words.tsv"
TOTALS = "*"  # the row of all headlines and all sentences counted
_SMOOTHING = 0.5


@lru_cache(maxsize=1)
def _counts() -> tuple[dict[str, tuple[int, int]], int, int]:
    path = resources.files("marsad.segment").joinpath("data", FIRST_WORDS_FILE)
    counts: dict[str, tuple[int, int]] = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            word, titles, sentences = row.split("\t")
            counts[word] = (int(titles), int(sentences))
    titles_total, sentences_total = counts.pop(TOTALS, (1, 1))
    return counts, titles_total, sentences_total


def headline_opening(key: str) -> float | None:
    """How much likelier the line's first word opens a headline than a sentence (a log ratio);
    None where a number opens it, as both do."""
    words = key.split()
    if not words or words[0][0].isdigit():
        return None
    counts, titles_total, sentences_total = _counts()
    titles, sentences = counts.get(words[0], (0, 0))
    return math.log((titles + _SMOOTHING) / titles_total) - math.log((sentences + _SMOOTHING) / sentences_total)


def headlines_opened(key: str) -> int:
    """How many of the counted headlines the line's first word opens."""
    words = key.split()
    return _counts()[0].get(words[0], (0, 0))[0] if words else 0
