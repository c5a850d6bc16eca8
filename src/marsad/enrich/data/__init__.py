"""Word lists and patterns of the enrichment rules, kept as data files.

Each ``.tsv`` file has a header line and tab-separated rows; each ``.txt`` file
has one entry a line. Lines starting with ``#`` are comments. Entries are
folded (`fold_same_length` plus diacritics dropped) when they are read, so the
files keep the spelling newsrooms use.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex

from marsad.arabic.tokens import FoldedText

__all__ = ["alternation", "fold_entry", "nationality_adjectives", "read_list", "read_table"]


def fold_entry(entry: str) -> str:
    return FoldedText.of(entry.strip()).text


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def read_list(name: str) -> tuple[str, ...]:
    """Folded entries of a ``.txt`` list, longest first (so alternations prefer the longest)."""
    entries = {fold_entry(line) for line in _lines(name)}
    return tuple(sorted(entries, key=lambda e: (-len(e), e)))


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a ``.tsv`` table without its header; the first column is folded."""
    rows = []
    for line in _lines(name)[1:]:
        cells = line.split("\t")
        rows.append((fold_entry(cells[0]), *(c.strip() for c in cells[1:])))
    return tuple(rows)


@cache
def nationality_adjectives() -> frozenset[str]:
    """The adjectives of nationality (`nationality_adjectives.txt`), folded, in both genders (``السوري``,
    ``السوريه``)."""
    masculine = read_list("nationality_adjectives.txt")
    return frozenset(masculine) | frozenset(fold_entry(word + "ة") for word in masculine)


@cache
def nationalities() -> frozenset[str]:
    """Every adjective of nationality we list, folded: `nationality_adjectives` and the foreign ones
    that describe a person before the name (`foreign_nationalities.txt`)."""
    return nationality_adjectives() | frozenset(read_list("foreign_nationalities.txt"))


def alternation(entries: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal entries, longest first; spaces match any run of spaces."""
    ordered = sorted(set(entries), key=lambda e: (-len(e), e))
    return "|".join(regex.escape(e).replace(r"\ ", r"\s+") for e in ordered)
