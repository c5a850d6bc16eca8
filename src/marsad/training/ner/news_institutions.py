"""Institutions the news names again and again: `مجلس الوزراء`, `وزارة الداخلية`, `هيئة الغذاء والدواء`.

ANERcorp leaves ministries and cabinets untagged (`وزارة` is O in all 33 of its
uses in train, `الوزراء` in all 64), so the tagger never names them, while a
reader of today's news wants them as organisations. Their names have a shape
the news itself confirms: a head word (`وزارة`, `هيئة`, `مجلس`, `نادي`, ...)
and definite words after it, repeated in the same order many times. Kept are
the sequences that are whole names: not mostly the start of longer ones
(`وزارة الشؤون` goes on as `الاجتماعية`, `البلدية`, ...), and not a name
with the next phrase's first word (`مجلس الوزراء اليوم`). `find_entities`
marks them as organisations where the tagger found nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from marsad.enrich.ner.shipped_lists import HEADS, LONG_HEADS
from marsad.enrich.ner.tokens import words
from marsad.training.ner.silver import news_texts

NOT_INSTITUTIONS_FILE = "not_institutions.txt"
LONGEST = 5
MIN_COUNT = 20
# A longer sequence is its own name only if this share of the shorter one goes on with it.
MIN_CONTINUATION = 0.1
# A name is dropped when its common continuations (each in 5%+ of its uses) cover this share of them.
MOSTLY_CONTINUED = 0.5


def sequence_counts(paths: Iterable[Path], key: Callable[[str], str]) -> Counter[tuple[str, ...]]:
    """Counts of every run of 2 to `LONGEST` name keys that opens with a head word."""
    counts: Counter[tuple[str, ...]] = Counter()
    for text in news_texts(paths):
        keys = [key(word) for word in words(text)]
        for start, first in enumerate(keys):
            if first in HEADS or first in LONG_HEADS:
                run = keys[start : start + LONGEST]
                for end in range(2, len(run) + 1):
                    if not run[end - 1].isalpha():
                        break
                    counts[tuple(run[:end])] += 1
    return counts


def select_names(counts: Counter[tuple[str, ...]], skip_words: Iterable[str], not_names: Iterable[str]) -> list[str]:
    """The sequences that are whole institution names (see the module's docstring)."""
    skip = frozenset(skip_words)
    rejected = frozenset(not_names)
    continued: Counter[tuple[str, ...]] = Counter()
    for name, count in counts.items():
        # A continuation counts when it is itself common: one `إن` after a rare name is not one.
        if len(name) > 2 and count >= max(MIN_COUNT / 2, 0.05 * counts[name[:-1]]):
            continued[name[:-1]] += count
    names = []
    for name, count in counts.items():
        if count < MIN_COUNT or " ".join(name) in rejected:
            continue
        if not all(word.startswith("ال") and word not in skip for word in name[1:]):
            continue
        if len(name) < 3 and name[0] in LONG_HEADS:
            continue
        if len(name) > 2 and count < MIN_CONTINUATION * counts[name[:-1]]:
            continue
        if continued[name] >= MOSTLY_CONTINUED * count:
            continue
        names.append(" ".join(name))
    return sorted(names)


def write_institutions(names: list[str], counts: Counter[tuple[str, ...]], path: Path) -> int:
    header = (
        "# name keys of an institution's name\tuses in the news — written by `marsad train ner-institutions`; "
        "find_entities marks them as organisations where the tagger found nothing\n"
    )
    rows = "".join(f"{name}\t{counts[tuple(name.split())]}\n" for name in names)
    path.write_text(header + rows, encoding="utf-8")
    return len(names)
