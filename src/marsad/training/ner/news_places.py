"""Towns the news names after `مدينة`, `محافظة`, `بلدة`, ...: places ANERcorp never shows.

The tagger learned its places from 2003 news, so the towns of today's Gulf,
Yemeni and Syrian news slip past it even right after `مدينة`: over 140,000
news sentences it names `الطائف` in 17 of 372 uses and `ينبع` in 1 of 127.
The news itself says which words are towns: a word that follows a place word
(`مدينة الطائف`, `بمحافظة ينبع`) in a good share of all its uses is one.
`find_entities` marks such words as places wherever the tagger left them
untagged, as it does the curated `known_entities.tsv`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner.tokens import words
from marsad.training.ner.silver import news_texts

NOT_PLACES_FILE = "not_places.txt"
# Folded place words; proclitics may be attached (`بمدينة`, `لمحافظة`, `وبمدينة`).
PLACE_WORDS = frozenset({"مدينه", "محافظه", "منطقه", "بلده", "ولايه", "قريه", "عاصمه", "مدينتي", "محافظتي"})
_PROCLITICS = "بلوف"
MIN_AFTER = 10
MIN_SHARE = 0.2


def _is_place_word(folded: str) -> bool:
    # Up to two proclitics: `وبمدينة`.
    for _ in range(2):
        if folded in PLACE_WORDS:
            return True
        if len(folded) > 4 and folded[0] in _PROCLITICS:
            folded = folded[1:]
    return folded in PLACE_WORDS


def place_counts(paths: Iterable[Path]) -> tuple[Counter[str], Counter[str]]:
    """For each folded word of the news: uses right after a place word, and all uses."""
    after: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for text in news_texts(paths):
        folded = [fold_for_search(word) for word in words(text)]
        seen.update(folded)
        after.update(word for previous, word in pairwise(folded) if _is_place_word(previous))
    return after, seen


def _may_be_name(word: str) -> bool:
    # `قرية وهجرة` ("village and hamlet") puts the conjunction و on the next word.
    return word.isalpha() and len(word) > 1 and not word.startswith("و")


def read_word_list(path: Path) -> list[str]:
    """Folded lines of one of our word lists (`#` starts a comment)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [fold_for_search(line.strip()) for line in lines if line.strip() and not line.startswith("#")]


def not_places(folder: Path) -> frozenset[str]:
    """Our own list of words that follow a place word without being places (folded)."""
    return frozenset(read_word_list(folder / NOT_PLACES_FILE))


def write_places(after: Counter[str], seen: Counter[str], path: Path, skip_words: Iterable[str] = ()) -> int:
    """The words seen `MIN_AFTER`+ times after a place word, in at least `MIN_SHARE` of their uses."""
    skip = frozenset(fold_for_search(word) for word in skip_words) | PLACE_WORDS
    rows = sorted(
        (word, n, seen[word])
        for word, n in after.items()
        if n >= MIN_AFTER and n >= MIN_SHARE * seen[word] and _may_be_name(word) and word not in skip
    )
    header = (
        "# folded word\tuses after a place word (مدينة، محافظة، ...)\tall uses in the news — written by "
        "`marsad train ner-places`; find_entities marks them as places where the tagger found nothing\n"
    )
    path.write_text(header + "".join(f"{w}\t{a}\t{n}\n" for w, a, n in rows), encoding="utf-8")
    return len(rows)
