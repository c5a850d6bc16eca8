"""Word-level scores for extracted bodies: bag-of-words precision, recall and F1,
and line-level checks (chrome kept, body lines lost).

Words are compared after `normalize_display` with punctuation and symbols
stripped, as multisets: a word the page repeats three times must be found
three times. Letters are not folded, so an extractor that rewrites spelling
loses points, which is what we want from a display body.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from marsad.arabic.normalize import normalize_display

# Control bytes are no part of a word: a source line may carry them (``\x1a``), and the reader drops them.
_NON_WORD = regex.compile(r"[\p{P}\p{S}\p{Z}\p{Cc}\s]+")


def words(text: str) -> list[str]:
    """The words of `text` as the scores count them."""
    return [word for word in _NON_WORD.split(normalize_display(text)) if word]


def line_key(text: str) -> str:
    """A line reduced to its words, for comparing lines across extractors."""
    return " ".join(words(text))


def bag(lines: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(words(line))
    return counts


@dataclass(slots=True)
class WordCounts:
    """Multiset overlap between a predicted and a gold body; sums across pages."""

    overlap: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: WordCounts) -> WordCounts:
        return WordCounts(self.overlap + other.overlap, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        # An empty prediction claims nothing false; recall carries the miss.
        return self.overlap / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.overlap / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def word_counts(predicted: Iterable[str], gold: Iterable[str], optional: Iterable[str] = ()) -> WordCounts:
    """Overlap of `predicted` and `gold` bodies as word multisets.

    `optional` lines (a standfirst, a deck) are neither required nor wrong:
    predicted words beyond the gold that they account for are not counted
    against precision.
    """
    pred_bag, gold_bag = bag(predicted), bag(gold)
    overlap = sum((pred_bag & gold_bag).values())
    extra = (pred_bag - gold_bag) - bag(optional)
    return WordCounts(overlap=overlap, predicted=overlap + sum(extra.values()), gold=sum(gold_bag.values()))


def _present(key: str, predicted_keys: set[str], predicted_text: str, min_words: int) -> bool:
    if key in predicted_keys:
        return True
    return len(key.split()) >= min_words and f" {key} " in predicted_text


def chrome_kept(chrome: Iterable[str], predicted: Iterable[str], gold: Iterable[str]) -> list[str]:
    """Gold chrome lines that show up in the predicted body.

    A line counts when it is a whole predicted paragraph, or, with three
    words or more, part of one (extractors glue lines). Chrome whose text is
    also part of the gold body cannot be told apart from it and is skipped.
    """
    predicted = list(predicted)
    keys = {line_key(line) for line in predicted}
    predicted_text = " " + " | ".join(line_key(line) for line in predicted) + " "
    gold_text = " " + " | ".join(line_key(line) for line in gold) + " "
    kept = []
    for line in chrome:
        key = line_key(line)
        if not key or f" {key} " in gold_text:
            continue
        if _present(key, keys, predicted_text, min_words=3):
            kept.append(line)
    return kept


def lines_lost(gold: Iterable[str], predicted: Iterable[str]) -> list[str]:
    """Gold body lines whose words are not found, in order, in the predicted body."""
    predicted_text = " " + " ".join(line_key(line) for line in predicted) + " "
    return [line for line in gold if line_key(line) and f" {line_key(line)} " not in predicted_text]


def same_title(predicted: str | None, gold: str | None) -> bool:
    """Titles match when their words match: quotes and dashes around them do not count."""
    if predicted is None or gold is None:
        return predicted is gold
    return line_key(predicted) == line_key(gold)
