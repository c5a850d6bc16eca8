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

import unicodedata

import regex

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
_TATWEEL_RUN = regex.compile(r"\u0640+")
_PROCLITIC = "بلكوف"


def _drop_decorative_tatweel(text: str) -> str:
    def keep_or_drop(match: regex.Match[str]) -> str:
        at, after = match.start(), match.end()
        proclitic = at >= 1 and text[at - 1] in _PROCLITIC and (at == 1 or not text[at - 2].isalpha())
        followed_by_letter = after < len(text) and text[after].isalpha()
        return TATWEEL if proclitic and not followed_by_letter else ""

    return str(_TATWEEL_RUN.sub(keep_or_drop, text))


_PRESENTATION_FORMS = regex.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")
_SPACES = regex.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


_DISPLAY_CHANGES = regex.compile("[" + regex.escape(_INVISIBLE + "".join(_QUOTE_MAP)) + "]")


def _fold_presentation_forms(text: str) -> str:
    # NFKC on the whole text would also rewrite ligatures of Latin text and
    # superscripts; only the Arabic presentation-form blocks need it.
    if not _PRESENTATION_FORMS.search(text):
        return text
    return str(_PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text))


def normalize_display(text: str) -> str:
    """Clean text for display without changing how any word is spelled."""
    return normalize_display_lines(text).strip()


def normalize_display_lines(text: str) -> str:
    """`normalize_display` that keeps line breaks and does not strip, for whole pages."""
    text = _fold_presentation_forms(text)
    # str.translate looks up every character in Python; most lines need no
    # change at all, and a C-level search finds that out first.
    if _DISPLAY_CHANGES.search(text):
        text = text.translate(_DISPLAY_TABLE)
    if TATWEEL in text:
        text = _drop_decorative_tatweel(text)
    return str(_SPACES.sub(" ", text))


# --- folding for matching and search ---------------------------------------

DIACRITICS = regex.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")

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
_FOLD_RARE = regex.compile(
    "[" + regex.escape("".join(ch for ch in map(chr, _FOLD_TABLE) if ch not in dict(_FOLD_FREQUENT))) + "]"
)


def fold_letters(text: str) -> str:
    """`fold_for_search` without lower-casing: safe on regex patterns (``\\S`` stays ``\\S``)."""
    text = _fold_presentation_forms(text)
    text = DIACRITICS.sub("", text)
    for variant, letter in _FOLD_FREQUENT:
        text = text.replace(variant, letter)
    if _FOLD_RARE.search(text):
        text = text.translate(_FOLD_TABLE)
    return text


def fold_for_search(text: str) -> str:
    """Map spelling variants onto one key: hamza/alef forms, ta marbuta, alef
    maqsura, diacritics, tatweel, Arabic-Indic digits, and case for Latin text."""
    return fold_letters(text).lower()


_ARABIC_INDIC_DIGITS = str.maketrans(
    {**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}}
)


def western_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic-Indic digits to ASCII digits (same length)."""
    return text.translate(_ARABIC_INDIC_DIGITS)


ARABIC_LETTER = regex.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_ANY_LETTER = regex.compile(r"\p{L}")


def arabic_ratio(text: str) -> float:
    """Share of letters in `text` that are Arabic script (0 for text without letters)."""
    letters = len(_ANY_LETTER.findall(text))
    if not letters:
        return 0.0
    return len(ARABIC_LETTER.findall(text)) / letters
