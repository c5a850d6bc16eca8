"""The search analyzer: the terms an Arabic word is indexed and searched under.

Arabic glues conjunctions, prepositions, the article and pronouns onto words
(`وبالعراق`, `رئيسها`), and no letter rule can tell `و + زير` from `وزير`.
Instead of guessing one split, a word is indexed under every form that
stripping clitics can reach (its *forms*: the whole folded word included), and
a query word is searched under one deterministic member of that set, its
*key*: the shortest form. Because stripping more clitics off a word only
reaches forms that its bare stem reaches too, the key of `العراق` is among the
forms of `بالعراق`, and the key of `والرئيس` among those of `رئيس`; a wrong
split only conflates a rare word, it never loses a match.

Phrases need one term per position, so every token also has its key, indexed
in order in a separate column.

Loanword spellings (`الأمريكية`/`الأميركية`) are unified by a prefix table in
`data/search_variants.tsv`. Everything here is self-contained and pure, so
SQLite and PostgreSQL index exactly the same terms.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.arabic.normalize import fold_for_search
from marsad.startup_cache import compile_regex

__all__ = [
    "ANALYZER_VERSION",
    "Token",
    "analyze",
    "analyze_words",
    "analyzer_fingerprint",
    "marked_words",
    "search_forms",
    "search_key",
    "tokenize",
]

_WORD = compile_regex(r"[\p{L}\p{M}\p{N}]+")
_NOT_TERM_CHAR = compile_regex(r"[^\p{L}\p{N}]+")
_ARABIC = compile_regex(r"\p{Arabic}")

# One letter at a time, so `وبال` is reached as و then ب then ال. The future
# marker س is left alone: it would turn سلمان into لمان.
_PROCLITICS = ("ال", "و", "ف", "ب", "ك", "ل")
# Attached pronouns. The pronoun ه is left alone: ة is folded to ه, and
# stripping it would make الرياضة (sport) match الرياض. The masculine plural
# and dual endings are left alone too: they end too many names (فلسطين،
# سلمان، لبنان).
_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا")
# The feminine plural leads back to the singular: جرعات → جرعه (جرعة folded).
_FEMININE_PLURAL = "ات"
_MIN_STEM = 3


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the original text: where it is, its folded form and its search forms."""

    start: int
    end: int
    folded: str
    forms: frozenset[str]
    key: str


# Bump when a change here alters the terms of any word: archives compare
# `analyzer_fingerprint()` with the one their index was built with and rebuild.
ANALYZER_VERSION = 1


def _variants_text() -> str:
    return (resources.files("marsad.arabic") / "data" / "search_variants.tsv").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def analyzer_fingerprint() -> str:
    """Identifies the analyzer's behaviour: its version and its loanword table."""
    digest = hashlib.sha1(_variants_text().encode("utf-8")).hexdigest()[:12]
    return f"{ANALYZER_VERSION}:{digest}"


@lru_cache(maxsize=1)
def _variant_prefixes() -> tuple[dict[str, str], tuple[int, ...]]:
    text = _variants_text()
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        variant, canonical = line.split("\t")[:2]
        table[variant.strip()] = canonical.strip()
    # Longest variant first so that a more specific spelling wins.
    return table, tuple(sorted({len(variant) for variant in table}, reverse=True))


def _canonical_spelling(form: str) -> str:
    table, lengths = _variant_prefixes()
    for length in lengths:
        canonical = table.get(form[:length])
        if canonical is not None and len(form) >= length:
            return canonical + form[length:]
    return form


def _one_step(form: str) -> Iterator[str]:
    respelt = _canonical_spelling(form)
    if respelt != form:
        # A variant spelling only leads to its canonical spelling, so both
        # spellings reach exactly the same stripped forms.
        yield respelt
        return
    for prefix in _PROCLITICS:
        if form.startswith(prefix) and len(form) - len(prefix) >= _MIN_STEM:
            yield form[len(prefix) :]
    for suffix in _SUFFIXES:
        if form.endswith(suffix) and len(form) - len(suffix) >= _MIN_STEM:
            yield form[: -len(suffix)]
    if form.endswith(_FEMININE_PLURAL) and len(form) - len(_FEMININE_PLURAL) >= _MIN_STEM:
        yield form[: -len(_FEMININE_PLURAL)] + "ه"


def _fold_term(word: str) -> str:
    return str(_NOT_TERM_CHAR.sub("", fold_for_search(word)))


@lru_cache(maxsize=200_000)
def _forms_and_key(folded: str) -> tuple[frozenset[str], str]:
    """The closure of `folded` under stripping one clitic and respelling a loanword.

    Forms that still carry a variant spelling are dropped: their respelt form
    is in the set, and a key must never be a spelling the other variant lacks.
    """
    if not folded:
        return frozenset(), ""
    if not _ARABIC.match(folded):
        return frozenset({folded}), folded
    reached = {folded}
    frontier = [folded]
    while frontier:
        form = frontier.pop()
        for nxt in _one_step(form):
            if nxt not in reached:
                reached.add(nxt)
                frontier.append(nxt)
    forms = frozenset(form for form in reached if _canonical_spelling(form) == form)
    key = min(forms, key=lambda form: (len(form), form))
    return forms, key


@lru_cache(maxsize=1_000_000)
def _analyze_word(word: str) -> tuple[str, frozenset[str], str]:
    folded = _fold_term(word)
    forms, key = _forms_and_key(folded)
    return folded, forms, key


def search_forms(word: str) -> frozenset[str]:
    """Every term `word` is indexed under: its folded form and each clitic-stripped form."""
    return _analyze_word(word)[1]


def search_key(word: str) -> str:
    """The one term a query word is searched under (empty for a word without letters or digits)."""
    return _analyze_word(word)[2]


def tokenize(text: str) -> Iterator[Token]:
    """The words of `text` with their offsets in `text` (not in the folded text)."""
    for match in _WORD.finditer(text):
        folded, forms, key = _analyze_word(match.group())
        if folded:
            yield Token(match.start(), match.end(), folded, forms, key)


def marked_words(text: str, keys: set[str] | frozenset[str]) -> list[tuple[int, int, bool]]:
    """(start, end, matches) of each word of `text`: whether one of its search forms is a query key.
    The snippet's inner loop, written for speed: a word is analyzed once per process (cached)."""
    analyze = _analyze_word
    spans: list[tuple[int, int, bool]] = []
    append = spans.append
    for match in _WORD.finditer(text):
        folded, forms, _key = analyze(match.group())
        if folded:
            append((match.start(), match.end(), not keys.isdisjoint(forms)))
    return spans


def analyze_words(text: str) -> list[tuple[frozenset[str], str]]:
    """(forms, key) of each word of `text` in order: what a position-aware index stores."""
    found = []
    for word in _WORD.findall(text):
        folded, forms, key = _analyze_word(word)
        if folded:
            found.append((forms, key))
    return found


@dataclass(frozen=True, slots=True)
class Analyzed:
    """What the index stores for one text: all forms (for words) and keys in order (for phrases)."""

    forms: str
    keys: str


def analyze(text: str) -> Analyzed:
    """Space-separated index terms of `text` for the full-text index of either backend."""
    forms: list[str] = []
    keys: list[str] = []
    for word in _WORD.findall(text):
        folded, token_forms, key = _analyze_word(word)
        if folded:
            forms.extend(token_forms)
            keys.append(key)
    return Analyzed(" ".join(forms), " ".join(keys))
