"""Places and bodies named after a person: `مستشفى الملك فهد التخصصي`, `مطار الملك عبدالعزيز الدولي`.

Saudi news names thousands of hospitals, universities, airports and roads
after kings and princes (over SaudiNewsNet: `مركز الملك ...` 970 times,
`مستشفى الملك ...` 620, `جامعة الملك ...` 610, `مطار الملك ...` 460). The
tagger reads the person inside (`الملك فهد`, `عبدالعزيز الدولي` as persons,
`جامعة الملك` + `سعود`), yet the reader means the facility. A head word from
our `facilities.tsv`, then a title (`الملك`, `الأمير`, ...), then the person's
name, is one name of the head's type; it goes on through the adjectives and
purpose phrases that belong to it (`التخصصي`, `الدولي`, `للقلب`, `للحوار
الوطني`) and stops at a place (`بالدمام`), a number or any other word.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from marsad.arabic.normalize import fold_for_search, fold_word
from marsad.enrich.ner.article import NAME_LINKS

FACILITIES_FILE = "facilities.tsv"
TITLES = frozenset(fold_for_search(t) for t in ("الملك", "الأمير", "الأميرة", "الشيخ", "الشيخة", "الإمام", "السلطان"))
# After the title: the person's name, at most this many words (`سلطان بن عبدالعزيز آل سعود`).
LONGEST_NAME = 5
# After the name: at most this many words of the facility's own (`التخصصي`, `للحوار الوطني`).
LONGEST_TAIL = 3
_DEFINITE = ("ال", "لل", "بال", "وال", "فال", "كال")


@lru_cache(maxsize=1)
def facility_heads() -> dict[str, str]:
    """Folded head word → entity type, from the shipped `facilities.tsv`."""
    path = resources.files("marsad") / "models" / "ner" / FACILITIES_FILE
    heads: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        word, kind = line.split("\t")[:2]
        heads[fold_for_search(word)] = kind
    return heads


def _person_end(tokens: list[str], keys: list[str], tags: list[str], start: int) -> int:
    """Where the person's name that opens at `start` ends: as far as the tagger's span
    reaches, else one word (two after `عبد`), then on through `بن X` / `آل X` links."""
    end = start + 1
    if tags[start] != "O":
        # The tagger may run the person on into the facility's own words or the
        # next phrase (`عبدالعزيز للعلوم`, `فهد الدولي بالدمام`): a name word has no article.
        while end < len(tags) and tags[end].startswith("I-") and end - start < LONGEST_NAME:
            after_link = keys[end - 1] in NAME_LINKS  # `عبد الله`, `آل سعود`
            folded = fold_word(tokens[end])
            # `بحائل`: a word that loses a proclitic to its key is the next phrase, not the name.
            if not after_link and keys[end] not in NAME_LINKS and (folded.startswith(_DEFINITE) or keys[end] != folded):
                break
            end += 1
    elif keys[start] in NAME_LINKS and end < len(tokens):
        end += 1
    while end + 1 < len(tokens) and keys[end] in NAME_LINKS and end + 2 - start <= LONGEST_NAME:
        end += 2
    return end


def _own_word(folded: str, after_purpose: bool) -> bool:
    """A word of the facility's own name after the person's: a definite adjective
    (`التخصصي`, `الدولي`, `الرياضية`, `العام`), a purpose (`للقلب`, `للإغاثة`) and,
    after a purpose, its own words (`للعلوم والتقنية`). `اليوم` or `الطالب` is the
    next phrase."""
    if folded.startswith("لل") or (after_purpose and folded.startswith("وال")):
        return True
    return folded.startswith("ال") and (folded.endswith(("ي", "يه")) or folded == "العام")


def _tail_end(tokens: list[str], start: int) -> int:
    """Where the facility's own words after the person's name end."""
    end = start
    after_purpose = False
    while end < len(tokens) and end - start < LONGEST_TAIL and tokens[end].isalpha():
        folded = fold_word(tokens[end])
        if folded in TITLES or not _own_word(folded, after_purpose):
            break
        after_purpose = after_purpose or folded.startswith("لل")
        end += 1
    return end


def mark_facilities(
    tokens: list[str],
    tags: list[str],
    key: Callable[[str], str],
    heads: dict[str, str] | None = None,
    keys: list[str] | None = None,
) -> list[str]:
    """`tags` with every head + title + name (+ its own words) tagged as one name of
    the head's type; run on the tagger's tags, before the article's names are read off them."""
    heads = facility_heads() if heads is None else heads
    keys = [key(token) for token in tokens] if keys is None else keys
    i = 0
    while i + 2 < len(tokens):
        kind = heads.get(keys[i])
        if kind is None or keys[i + 1] not in TITLES:
            i += 1
            continue
        name_end = _person_end(tokens, keys, tags, i + 2)
        end = _tail_end(tokens, name_end)
        # A tagged span that began before the head is another reading: leave it.
        if tags[i].startswith("I-"):
            i += 1
            continue
        tags[i] = "B-" + kind
        for j in range(i + 1, end):
            tags[j] = "I-" + kind
        # What the tagger ran on with past the facility (`بالدمام` after `الدولي`) is left
        # untagged, for the article's names and lists to fill.
        while end < len(tags) and tags[end].startswith("I-"):
            tags[end] = "O"
            end += 1
        i = end
    return tags
