"""Whether a short label (a title, a category) says anything in words.

A title or a section name that is only digits, punctuation, a date or a time (`431`,
`2/ 8/ 1990م`, `الأحد`, `2012 12:00 صباحا`) is no label: a record is better without one.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.enrich.data import fold_entry, read_list, read_table
from marsad.startup_cache import compile_regex

_WORD = compile_regex(r"\p{L}+")
# Words of dates and clock times besides the month, weekday and day-part lists.
_TIME_WORDS = (
    "am pm gmt utc ص م هـ ه هجري هجرية هجريه ميلادي ميلادية الموافق يوم الساعة الساعه صباحا مساء مساءا "
    "ظهرا فجرا ليلا عصرا منذ ساعة ساعات دقيقة دقائق ثانية ثوان تاريخ آخر اخر تحديث"
)


@lru_cache(maxsize=1)
def date_words() -> frozenset[str]:
    words = {fold_entry(word) for word in _TIME_WORDS.split()}
    for table in ("gregorian_months.tsv", "hijri_months.tsv", "weekdays.tsv"):
        for row in read_table(table):
            words.update(row[0].split())
    words.update(part for entry in read_list("day_parts.txt") for part in entry.split())
    return frozenset(words)


def says_something(text: str | None) -> bool:
    """True when `text` holds a word of two letters or more that is no date or time word."""
    if not text:
        return False
    words = date_words()
    for word in _WORD.findall(text):
        if len(word) < 2:
            continue
        folded = fold_entry(word.lower())
        if folded not in words and folded.removeprefix("ال") not in words:
            return True
    return False
