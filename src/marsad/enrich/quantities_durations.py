"""Compound durations: ``سنة ونصف السنة`` (1.5 years), ``دقيقة و22 ثانية`` (82 seconds).

Arabic writes a length of time as a larger unit and a fraction of it (``ونصف``,
``وربع``, ``وثلث``, optionally repeating the unit: ``ونصف السنة``) or as a larger
unit and a count of the next smaller one (``ساعة و20 دقيقة``, ``3 ساعات و5
دقائق``). Either is one quantity: the fraction adds to the count (a bare unit
word counts one, its dual two), and a smaller unit turns the whole into that
unit (``دقيقة و22 ثانية`` → 82, unit ``ثانية``). The parts found on their own
(``22`` seconds) are replaced by the whole.
"""

from __future__ import annotations

import regex

from marsad.arabic.tokens import FoldedText
from marsad.enrich.data import fold_entry
from marsad.enrich.numbers import tidy_number
from marsad.startup_cache import compile_regex

__all__ = ["combine_durations"]

Found = tuple[int, int, int | float, str | None]

# Each time unit (folded) with its singular, dual and plural forms, and how many of the next
# smaller unit it holds.
_UNITS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, int] | None]] = {
    "قرن": (("قرن", "قرنا"), ("قرنين", "قرنان"), ("قرون",), ("سنه", 100)),
    "سنه": (("سنه", "عام", "عاما"), ("سنتين", "سنتان", "عامين", "عامان"), ("سنوات", "سنين", "اعوام"), ("شهر", 12)),
    "شهر": (("شهر", "شهرا"), ("شهرين", "شهران"), ("اشهر", "شهور"), None),
    "اسبوع": (("اسبوع", "اسبوعا"), ("اسبوعين", "اسبوعان"), ("اسابيع",), ("يوم", 7)),
    "يوم": (("يوم", "يوما"), ("يومين", "يومان"), ("ايام",), ("ساعه", 24)),
    "ساعه": (("ساعه",), ("ساعتين", "ساعتان"), ("ساعات",), ("دقيقه", 60)),
    "دقيقه": (("دقيقه",), ("دقيقتين", "دقيقتان"), ("دقائق",), ("ثانيه", 60)),
    "ثانيه": (("ثانيه",), ("ثانيتين", "ثانيتان"), ("ثوان", "ثواني"), None),
}
_FORM_OF: dict[str, tuple[str, int | None]] = {}  # folded form -> (unit, count the bare form stands for)
for _unit, (_singular, _dual, _plural, _) in _UNITS.items():
    _FORM_OF.update({fold_entry(f): (_unit, 1) for f in _singular})
    _FORM_OF.update({fold_entry(f): (_unit, 2) for f in _dual})
    _FORM_OF.update({fold_entry(f): (_unit, None) for f in _plural})

_FRACTIONS = {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3}
_FORMS = "|".join(sorted(_FORM_OF, key=len, reverse=True))
_UNIT_WORD = compile_regex(rf"(?<![\p{{L}}])(?P<unit>{_FORMS})(?![\p{{L}}])")
_FRACTION_AFTER = compile_regex(
    rf"\G\s+و(?P<fraction>{'|'.join(_FRACTIONS)})(?![\p{{L}}])(?:\s+ال(?P<again>{_FORMS})(?![\p{{L}}]))?"
)
_AND_NUMBER = compile_regex(r"\G\s+و\s?(?=\S)")
_BETWEEN_BEFORE = compile_regex(r"(?<![\p{L}])بين\s+$")


def combine_durations(folded: FoldedText, found: list[Found]) -> list[Found]:
    """`found` (folded offsets) with a compound duration's parts replaced by the whole."""
    text = folded.text
    if _FORM_OF.keys().isdisjoint(folded.word_set()):
        return found
    out = sorted(found)
    for m in _UNIT_WORD.finditer(text):
        unit, bare_count = _FORM_OF[m["unit"]]
        counted = next((q for q in out if _counts(text, q, m.start())), None)
        if counted is None and bare_count is None:
            continue  # ``سنوات ونصف`` without a number
        start = counted[0] if counted is not None else m.start()
        count = counted[2] if counted is not None else bare_count
        assert count is not None
        fraction = _FRACTION_AFTER.match(text, m.end())
        if fraction is not None:
            # ``ونصف السنة`` repeats the unit; ``خمسة أشهر ونصف اليوم الجمعة``: another unit's word after
            # the fraction (``اليوم``, today) is no part of it
            again = fraction["again"] is not None and _FORM_OF[fraction["again"]][0] == unit
            end = fraction.end() if again else fraction.end("fraction")
            whole = (start, end, tidy_number(count + _FRACTIONS[fraction["fraction"]]), _written(folded, m))
            out = _replace(out, whole)
            continue
        smaller = _UNITS[unit][3]
        link = _AND_NUMBER.match(text, m.end())
        if smaller is None or link is None or _BETWEEN_BEFORE.search(text, max(0, start - 12), start):
            continue  # ``بين أسبوع وعشرة أيام`` is a range, not a sum
        part = next((q for q in out if q[0] == link.end()), None)
        if part is None or part[3] is None or _FORM_OF.get(FoldedText.of(part[3]).text, ("",))[0] != smaller[0]:
            continue
        unit_end = _unit_end(text, part[1])
        out = _replace(out, (start, unit_end, tidy_number(count * smaller[1] + part[2]), part[3]))
    return out


def _counts(text: str, quantity: Found, unit_start: int) -> bool:
    """Whether `quantity` is the number counting the unit word at `unit_start`."""
    return quantity[1] <= unit_start and not text[quantity[1] : unit_start].strip()


def _unit_end(text: str, number_end: int) -> int:
    m = _UNIT_WORD.match(text, len(text) - len(text[number_end:].lstrip()))
    return m.end() if m is not None else number_end


def _written(folded: FoldedText, m: regex.Match[str]) -> str:
    start, end = folded.span(m.start("unit"), m.end("unit"))
    return folded.original[start:end]


def _replace(found: list[Found], whole: Found) -> list[Found]:
    kept = [q for q in found if q[1] <= whole[0] or q[0] >= whole[1]]
    return sorted([*kept, whole])
