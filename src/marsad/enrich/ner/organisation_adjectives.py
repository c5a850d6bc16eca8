"""An organisation's name takes in the adjectives of relation that follow it.

Arabic names of bodies end in definite relational adjectives: `مؤسسة البترول
الكويتية`, `مصرف أبوظبي الإسلامي`, `الهيئة التشريعية القومية`, `وزارة العمل
الأمريكية`. The tagger (ANERcorp rarely has such names) and the name lists
often stop before them, and a reader names the whole. An organisation right
before untagged words of that form (the article, a relational ending `ي`/`ية`)
is extended over at most two of them, when its name opens with an
institution's head word (`وزارة`, `مؤسسة`, `مصرف`, `هيئة`, `الاتحاد`, ...):
after a club or a company named alone the adjective describes it
(`ليفربول الإنجليزي`), and so it does after `نادي`. Adjectives of time and
order (`الحالية`, `الماضي`, `الثانية`) describe the moment, not the body, and
stop the extension.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.ner.shipped_lists import HEADS, LONG_HEADS

MAX_ADJECTIVES = 2
# The other gender's count, as a share of the word's own, that makes a pair.
MIN_PARTNER_SHARE = 0.2
# Name keys of the words that open a name an adjective of relation may close.
NAME_HEADS = (HEADS | LONG_HEADS | {"مصرف", "المصرف"}) - {"نادي", "النادي"}
# Folded: ة -> ه, ى -> ي.
_NOT_OF_THE_NAME = frozenset(
    fold_for_search(word)
    for base in (
        # time and order
        "الحالي", "الماضي", "الثاني", "التالي", "الجاري", "الآتي", "النهائي", "الأخرى",
        # what a body issues, not what it is (`بيان وزارة المالية الصحفي`, `موقع ... الإلكتروني`)
        "المعني", "الرسمي", "الصحفي", "الإلكتروني", "الرقمي",
        # nouns of the same shape that the news also writes in the other gender
        "النادي", "المحامي",
        # what a writer thinks of the body, not its name (`منظمة بي كا كا الإرهابية`), as the trim reads it
        "الإرهابي", "الإجرامي",
    )
    for word in (base, base + "ة")
)  # fmt: skip


def is_relational_adjective(folded: str, counts: Mapping[str, int]) -> bool:
    """`الكويتيه`, `الاسلامي`: the article, at least three letters, a relational ending,
    and, for a word the news has seen, its other gender seen too.

    Nouns share the ending (`القضية`, `الاتفاقية`, `القاضي`) but not the pair: the
    news writes `الكويتي` 1.5 times as often as `الكويتية`, `القضي` never beside
    1,342 `القضية`. `counts` are folded news word counts (the tagger's lexicon).
    """
    if not (folded.startswith("ال") and len(folded) >= 6) or folded in _NOT_OF_THE_NAME:
        return False
    if folded.endswith("يه"):
        partner = folded[:-1]
    elif folded.endswith("ي"):
        partner = folded + "ه"
    else:
        return False
    seen = counts.get(folded, 0)
    return not seen or counts.get(partner, 0) >= MIN_PARTNER_SHARE * seen


def extend_organisations(
    tokens: list[str], tags: list[str], key: Callable[[str], str], counts: Mapping[str, int]
) -> list[str]:
    """`tags` with each organisation extended over the relational adjectives right after it."""
    i = 0
    start = 0
    while i < len(tokens):
        if tags[i] == "B-ORG":
            start = i
        if tags[i] not in ("B-ORG", "I-ORG") or (i + 1 < len(tokens) and tags[i + 1] == "I-ORG"):
            i += 1
            continue
        if key(tokens[start]) not in NAME_HEADS:
            i += 1
            continue
        # `i` ends an organisation named by a head word: take the untagged adjectives that follow.
        added = 0
        while (
            added < MAX_ADJECTIVES
            and i + 1 < len(tokens)
            and tags[i + 1] == "O"
            # Written with the article and nothing before it: `والكويتية` opens a new phrase.
            and tokens[i + 1].startswith("ال")
            and is_relational_adjective(key(tokens[i + 1]), counts)
        ):
            tags[i + 1] = "I-ORG"
            i += 1
            added += 1
        i += 1
    return tags
