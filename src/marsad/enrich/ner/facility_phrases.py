"""Places named by a facility's head word and what follows it: `مطار دبي الدولي`, `ملعب الأهلي`,
`استاد البحرين الوطني`, `سجن عوفر`, `صالة نادي الشارقة`.

The entity guidelines list named facilities among places (`docs/guidelines/entities.md`), and
the news names stadiums, airports, halls, prisons and crossings this way: a head word in the
construct, then a name the tagger or the article knows (a town, a club, a person), then the
facility's own adjectives (`الدولي`, `الوطني`, `الرياضية`, `الكبرى`). Without a known name
after it, a head and a definite word name a facility only with such an adjective (`ملعب الشعب
الدولي`), since `ملعب المباراة` or `مطار العاصمة` name none. Facilities named after a king or
a prince (`مطار الملك خالد`) are `facilities.py`'s; the place inside a facility's name stays a
place of the article (`nested_places.py`).
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.arabic.clitics import name_proclitics
from marsad.arabic.normalize import fold_for_search, fold_word

__all__ = ["FACILITY_HEADS", "LANDFORM_HEADS", "mark_facility_phrases"]

FACILITY_HEADS = frozenset(
    fold_for_search(word)
    for word in (
        "مطار", "ميناء", "ملعب", "استاد", "ستاد", "صالة", "ساحة", "فندق", "سجن", "مضمار", "حديقة",
        "جسر", "برج", "مسجد", "جامع", "قلعة", "منتجع", "معبر",
    )
)  # fmt: skip
# Landforms name places the same way (`وادي الدواسر`, `جبل عرفات`, `نهر النيل`); `وادي` is keyed
# as ``و`` + ``ادي`` by the clitic splitter, so these are looked up whole.
LANDFORM_HEADS = frozenset(fold_for_search(word) for word in ("وادي", "جبل", "نهر", "بحيرة"))
# The keys a head's token may have (`وادي`'s is `ادي`): only these are folded to be sure.
_HEAD_KEYS = FACILITY_HEADS | LANDFORM_HEADS | {"ادي"}
# The facility's own adjectives after its name (`مطار دبي الدولي`, `حديقة المحرق الكبرى`); the
# first few also make a name of a head and a definite word alone (`ملعب الشعب الدولي`), where
# any relational adjective would not (`ملعب المباراة النهائية`).
_NAMING = frozenset(
    fold_for_search(w)
    for base in ("الدولي", "الوطني", "الرياضي", "الأولمبي", "البلدي", "المركزي")
    for w in (base, base + "ة")
)
_OWN = _NAMING | frozenset(fold_for_search(w) for w in ("الكبرى", "الكبير", "العام", "القديم", "الجديد"))
_LONGEST_TAIL = 3


def _adjective(folded: str) -> bool:
    return folded in _OWN or (folded.startswith("ال") and len(folded) > 4 and folded.endswith(("ي", "يه")))


def _tail(tokens: list[str], tags: list[str], at: int, *, naming: bool = False) -> int:
    end = at
    while end < len(tokens) and end - at < _LONGEST_TAIL and tags[end] == "O" and tokens[end].isalpha():
        folded = fold_word(tokens[end])
        if not (folded in _NAMING if naming and end == at else _adjective(folded)):
            break
        end += 1
    return end


def _not_a_complement(token: str, key: str) -> bool:
    """A word after a preposition (`فندق بسويسرا`, `مسجد لبني عبس`) or another facility's head."""
    return bool(name_proclitics(token)) or key in FACILITY_HEADS


def mark_facility_phrases(
    tokens: list[str], tags: list[str], key: Callable[[str], str], keys: list[str] | None = None
) -> list[str]:
    """`tags` with each facility head + the name after it (+ its adjectives) tagged as one place
    (`keys`: the tokens' keys, when the sentence has them already)."""
    keys = [key(token) for token in tokens] if keys is None else keys
    i = 0
    while i + 1 < len(tokens):
        if (
            tags[i] != "O"
            or keys[i] not in _HEAD_KEYS
            or (keys[i] not in FACILITY_HEADS and fold_word(tokens[i]) not in LANDFORM_HEADS)
        ):
            i += 1
            continue
        end = i + 1
        if _not_a_complement(tokens[end], keys[end]):
            i += 1
            continue
        if tags[end].startswith("B-"):
            end += 1
            while end < len(tags) and tags[end].startswith("I-"):
                end += 1
            end = _tail(tokens, tags, end)
        elif tags[end] == "O" and fold_word(tokens[end]).startswith("ال") and tokens[end].isalpha():
            tail = _tail(tokens, tags, end + 1, naming=True)
            end = tail if tail > end + 1 else i + 1
        if end == i + 1:
            i += 1
            continue
        tags[i] = "B-LOC"
        for j in range(i + 1, end):
            tags[j] = "I-LOC"
        i = end
    return tags
