"""Words that are names only now and then: never marked again across an article alone.

Name propagation marks every untagged repeat of a name found in the article.
For a one-word name that is mostly an ordinary word, that is wrong far more
often than right: one `حركة فتح` made every `فتح` ("opened") of the article an
organisation, one `أمل` the movement made every "hope" one. Which words are
like that is read off the news: the words our own tagger tags as (part of) a
name in under `MAX_SHARE` of their occurrences, among those seen at least
`MIN_COUNT` times. On the ANERcorp dev split (CRF trained without it, shares
from its tags of 140,000 news sentences) this lifted F1 after propagation from
0.7756 to 0.7788, all of it precision (0.8188 → 0.8260, recall unchanged); the
shipped list (shares from the shipped tagger) gives 0.7772 there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from marsad.training.ner.silver import Tagger, tagged

MIN_COUNT = 20
MAX_SHARE = 0.3


def name_shares(
    sentences: Iterable[list[str]], tagger: Tagger, key: Callable[[str], str], batch: int = 2000
) -> tuple[Counter[str], Counter[str]]:
    """Occurrences of each word key, and how many of them `tagger` put inside a name."""
    seen: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for tokens, tags in tagged(sentences, tagger, batch):
        for token, tag in zip(tokens, tags, strict=True):
            word = key(token)
            seen[word] += 1
            if tag != "O":
                named[word] += 1
    return seen, named


def write_common_words(seen: Counter[str], named: Counter[str], path: Path) -> int:
    """The words seen `MIN_COUNT`+ times that the tagger names in under `MAX_SHARE` of their uses.

    Words it never named are listed too: an article about the movement `أمل`
    gets it tagged where the news sample never did."""
    rows = sorted(
        (word, n, named[word]) for word, n in seen.items() if n >= MIN_COUNT and named[word] < MAX_SHARE * n and word
    )
    header = (
        "# name key\tnews occurrences\toccurrences tagged as (part of) a name — written by "
        "`marsad train ner-common-words`; one-word names listed here are not propagated\n"
    )
    path.write_text(header + "".join(f"{w}\t{n}\t{k}\n" for w, n, k in rows), encoding="utf-8")
    return len(rows)
