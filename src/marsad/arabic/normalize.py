"""Two normalizations of Arabic text, for two different jobs.

`normalize_display` is conservative: what a reader sees keeps its letters as
written, but loses the invisible and decorative characters that break
matching and copy-paste (tatweel, zero-width and bidi controls, presentation
forms, odd quote marks).

`fold_for_search` is aggressive and lossy: it maps every spelling variant that
Arabic newsrooms use interchangeably onto one key, for matching, search and
deduplication. Never show its output to a reader.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

from marsad.startup_cache import compile_regex

TATWEEL = "\u0640"

# Zero-width and bidi control characters that scraped pages carry invisibly.
_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f"  # zero width space/non-joiner/joiner, LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\u061c"  # Arabic letter mark
    "\ufeff"  # byte order mark / zero width no-break space
    "\u00ad"  # soft hyphen
)

# Quote marks and primes unified to the curly pair Arabic sites use most.
# The double prime ″ appears as a closing quote in real pages (the seed).
_QUOTE_MAP = {
    "\u2033": "\u201d",  # ″ double prime
    "\u201f": "\u201d",  # ‟
    "\u201e": "\u201c",  # „
    "\u301d": "\u201c",
    "\u301e": "\u201d",
    "\uff02": '"',
    "\u02ba": '"',
}

_DISPLAY_TABLE = str.maketrans({**{ch: None for ch in _INVISIBLE}, **_QUOTE_MAP})

# Tatweel is decoration (الــخــبــر) except after a one-letter proclitic standing
# before a quote, a digit or a space (لـ«الصباح», بـ"تعزيز", بـ 500), where it
# is the hyphen that keeps the proclitic readable; that one use is kept.
_TATWEEL_RUN = compile_regex(r"\u0640+")
_PROCLITIC = "بلكوف"


def _drop_decorative_tatweel(text: str) -> str:
    def keep_or_drop(match: regex.Match[str]) -> str:
        at, after = match.start(), match.end()
        proclitic = at >= 1 and text[at - 1] in _PROCLITIC and (at == 1 or not text[at - 2].isalpha())
        followed_by_letter = after < len(text) and text[after].isalpha()
        return TATWEEL if proclitic and not followed_by_letter else ""

    return str(_TATWEEL_RUN.sub(keep_or_drop, text))


# Patterns made only of literal code points run on the standard `re` engine:
# for a plain character class it scans three to four times faster than
# `regex`, and the two agree on such patterns character for character.
_PRESENTATION_FORMS = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")
_OTHER_SPACE_CHARS = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"


def char_class(chars: str) -> re.Pattern[str]:
    """A pattern for one character of `chars`.

    One character, not a run: `re` scans for a plain class at C speed, but
    not for a repeated one (``[...]+`` is several times slower to find).
    """
    return re.compile("[" + re.escape(chars) + "]")


_OTHER_SPACES = char_class(_OTHER_SPACE_CHARS)


# Below this length one regex scan costs less than a search per character.
_SHORT = 512


def contains_any(text: str, chars: str, pattern: re.Pattern[str]) -> bool:
    """Whether `text` has one of `chars` (which `pattern` finds one at a time).

    On a long text, one C-level search per character is far quicker than a
    regex scan when `chars` are few and rarely there.
    """
    if len(text) < _SHORT:
        return pattern.search(text) is not None
    return any(char in text for char in chars)


def collapse_runs(text: str, others: re.Pattern[str], rare: str | None = None) -> str:
    """Each run of U+0020 and of the characters `others` finds, as one U+0020.

    The same as substituting one space for every run of the whole class, but
    a regex engine tries the class at every space of a text, most of which
    stand alone and need no change. Here the engine only looks for the other
    characters (`others` matches one at a time), and C-level string search
    merges the spaces. `rare`, when given, lists the characters `others`
    matches: the engine then runs only on a text that has one of them.
    """
    if rare is None or len(text) < _SHORT or contains_any(text, rare, others):
        text = others.sub(" ", text)
    while "  " in text:
        text = text.replace("  ", " ")
    return text


_DISPLAY_CHANGE_CHARS = _INVISIBLE + "".join(_QUOTE_MAP)
_DISPLAY_CHANGES = char_class(_DISPLAY_CHANGE_CHARS)


def may_have_presentation_forms(text: str) -> bool:
    """False only for a text without Arabic presentation forms (True may be wrong)."""
    # In UTF-8 every character from U+F000 to U+FFFF, and only those, has
    # the lead byte EF. Encoding and one byte search cost a fifth of a regex
    # scan for the two ranges of presentation forms.
    return not text.isascii() and b"\xef" in text.encode("utf-8", "surrogatepass")


def _fold_presentation_forms(text: str) -> str:
    # NFKC on the whole text would also rewrite ligatures of Latin text and
    # superscripts; only the Arabic presentation-form blocks need it.
    if not may_have_presentation_forms(text) or not _PRESENTATION_FORMS.search(text):
        return text
    return _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _translate_present(text: str, present: re.Pattern[str], table: dict[int, str | None]) -> str:
    """`text.translate(table)` for a table of single characters, which `present` finds.

    str.translate looks every character of the text up in the table, in
    Python objects; one C-level str.replace per character actually present is
    many times faster. The same: no replacement contains a character of the
    table, so the order of the replacements cannot matter.
    """
    for char in set(present.findall(text)):
        text = text.replace(char, table[ord(char)] or "")
    return text


def normalize_display(text: str) -> str:
    """Clean text for display without changing how any word is spelled."""
    return normalize_display_lines(text).strip()


def normalize_display_lines(text: str) -> str:
    """`normalize_display` that keeps line breaks and does not strip, for whole pages."""
    text = _fold_presentation_forms(text)
    # Most pages need none of these changes; C-level searches find that out first.
    if contains_any(text, _DISPLAY_CHANGE_CHARS, _DISPLAY_CHANGES):
        text = _translate_present(text, _DISPLAY_CHANGES, _DISPLAY_TABLE)
    if TATWEEL in text:
        text = _drop_decorative_tatweel(text)
    return collapse_runs(text, _OTHER_SPACES, _OTHER_SPACE_CHARS)


# --- folding for matching and search ---------------------------------------

DIACRITICS = compile_regex(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_DIACRITICS_RE = re.compile(DIACRITICS.pattern)

_FOLD_TABLE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ک": "ك",
        "ی": "ي",
        "ۀ": "ه",
        "ە": "ه",
        "ڤ": "ف",
        "چ": "ج",
        "گ": "ك",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        TATWEEL: None,
        **{ch: None for ch in _INVISIBLE},
    }
)


# The frequent variants go through str.replace, which runs in C; the rare ones
# (and digits) through the full table only when a line has one.
_FOLD_FREQUENT = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ة", "ه"), ("ى", "ي"), ("ئ", "ي"), ("ؤ", "و"))
_FOLD_RARE = re.compile(
    "[" + re.escape("".join(ch for ch in map(chr, _FOLD_TABLE) if ch not in dict(_FOLD_FREQUENT))) + "]"
)


def fold_letters(text: str) -> str:
    """`fold_for_search` without lower-casing: safe on regex patterns (``\\S`` stays ``\\S``)."""
    text = _fold_presentation_forms(text)
    text = _DIACRITICS_RE.sub("", text)
    for variant, letter in _FOLD_FREQUENT:
        if variant in text:
            text = text.replace(variant, letter)
    if _FOLD_RARE.search(text):
        text = _translate_present(text, _FOLD_RARE, _FOLD_TABLE)
    return text


# Every character `fold_for_search` deletes (outside the presentation forms,
# which it first expands): a cheap test for "this folds to nothing".
DROPPED_BY_FOLDING = (
    "".join(chr(c) for c in (*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)))
    + TATWEEL
    + _INVISIBLE
)


def fold_for_search(text: str) -> str:
    """Map spelling variants onto one key: hamza/alef forms, ta marbuta, alef
    maqsura, diacritics, tatweel, Arabic-Indic digits, and case for Latin text."""
    return fold_letters(text).lower()


@lru_cache(maxsize=1 << 18)
def fold_word(word: str) -> str:
    """`fold_for_search` of one word, remembered: the tagger's passes fold the same tokens
    again and again (about three times each per article)."""
    return fold_for_search(word)


_ARABIC_INDIC_DIGITS = str.maketrans(
    {**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}}
)


def western_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic-Indic digits to ASCII digits (same length)."""
    return text.translate(_ARABIC_INDIC_DIGITS)


ARABIC_LETTER = compile_regex(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_ANY_LETTER = compile_regex(r"\p{L}")


def arabic_ratio(text: str) -> float:
    """Share of letters in `text` that are Arabic script (0 for text without letters)."""
    letters = len(_ANY_LETTER.findall(text))
    if not letters:
        return 0.0
    return len(ARABIC_LETTER.findall(text)) / letters


# ``عبد العزيز`` and ``عبدالعزيز`` are one name written two ways; so are ``عبد الله`` and ``عبدالله``.
_ABD_SPACED = re.compile(r"(?:(?<= )|^)عبد (?=ال)")


def join_abd(folded: str) -> str:
    """Folded words with ``عبد`` joined to the ``ال`` name after it: how two spellings of one
    name are matched (entity keys in the archive, a speaker's short form against a full name)."""
    return _ABD_SPACED.sub("عبد", folded)
