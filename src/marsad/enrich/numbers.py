"""Numbers written in digits or in Arabic words, as values.

``3,000`` ``3٬000`` ``2.5`` ``٢٫٥`` ``2,5`` (a decimal comma when fewer than three
digits follow), and word numbers such as ``خمسمائة``, ``ثلاثة آلاف وخمسمائة``,
``خمسة وعشرون``, ``مليون ونصف``, ``ربع``. Words are matched folded (see
`FoldedText`), one word at a time, so a number word glued to ``و`` continues
the number before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.enrich.data import read_list, read_table

__all__ = ["NUMBER_WORDS", "WordNumber", "parse_digits", "parse_number_words", "tidy_number"]

NUMBER_WORDS: dict[str, tuple[float, str]] = {row[0]: (float(row[1]), row[2]) for row in read_table("number_words.tsv")}
_NOT_ALONE = frozenset(read_list("number_words_alone.txt"))


def tidy_number(value: float) -> int | float:
    """An integral float as an int (``500000``, not ``500000.0``); others rounded to 4 places."""
    if value == int(value) and abs(value) < 1e18:
        return int(value)
    return round(value, 4)


def parse_digits(text: str) -> int | float | None:
    """A folded digit string (ASCII digits, ``,`` and ``.``) as a number; None if malformed."""
    if "," in text:
        head, _, tail = text.partition(",")
        groups = text.split(",")
        if all(len(g) == 3 for g in groups[1:-1]) and len(groups[-1].split(".")[0]) == 3 and len(head) <= 3:
            text = text.replace(",", "")
        elif len(groups) == 2 and "." not in text:
            text = f"{head}.{tail}"  # ``2,5``: a decimal comma
        else:
            return None
    try:
        return tidy_number(float(text))
    except ValueError:
        return None


@dataclass(slots=True, frozen=True)
class WordNumber:
    value: int | float
    words: int  # how many words of the input it used
    last_role: str


def _strip_conjunction(word: str) -> str | None:
    if word.startswith("و") and word[1:] in NUMBER_WORDS:
        return word[1:]
    return None


def parse_number_words(words: Sequence[str]) -> WordNumber | None:
    """The number spelled by the first words of `words` (folded), or None if they spell none."""
    total = 0.0
    current = 0.0
    last_scale = 0.0
    previous_role = ""
    used = 0
    for index, raw in enumerate(words):
        joined = False
        if index == 0 or (raw in NUMBER_WORDS and NUMBER_WORDS[raw][1] in {"scale", "teen", "hundred"}):
            word = raw
        else:
            stripped = _strip_conjunction(raw)
            if stripped is None:
                break
            word, joined = stripped, True
        if word not in NUMBER_WORDS:
            break
        value, role = NUMBER_WORDS[word]
        if joined and previous_role == "unit" and role in {"unit", "teen"}:
            break  # ``ستة وثمانية أسابيع``, ``ثلاث وعشر سنوات``: two numbers, not a sum
        if role == "unit":
            if previous_role in {"unit", "teenunit", "ten"} and not joined:
                break
            current += value
        elif role == "teenunit":
            if previous_role and not joined:
                break
            current += value
        elif role == "teen":
            if previous_role in {"unit", "teenunit"} and not joined:
                current += 10
            elif previous_role and not joined:
                break
            else:
                current += value
        elif role == "ten":
            if previous_role and not joined:
                break
            current += value
        elif role == "hundred":
            if previous_role == "unit" and not joined and value == 100 and current < 10:
                current *= 100  # ``ثلاث مائة``
            elif previous_role and not joined:
                break
            else:
                current += value
        elif role == "scale":
            if previous_role == "scale" and not joined:
                break
            if joined and current == 0:
                break
            factor = value
            current = (
                (current or 1) * factor
                if value in {1e3, 1e6, 1e9, 1e12}
                else (value if current == 0 else current * value / 2)
            )
            total += current
            current = 0
            last_scale = factor if value in {1e3, 1e6, 1e9, 1e12} else value / 2
        elif role == "fraction":
            if joined and last_scale and previous_role == "scale":
                total += value * last_scale  # ``مليون ونصف``
            elif previous_role:
                break
            else:
                current = value
        previous_role = role
        used = index + 1
    if used == 0:
        return None
    if used == 1 and words[0] in _NOT_ALONE:
        return None
    if previous_role == "teenunit":
        return None  # ``أحد`` without ``عشر`` is "one of"/"someone", not a number
    return WordNumber(tidy_number(total + current), used, previous_role)
