"""Word tokens with character offsets, split the way ANERcorp splits them.

ANERcorp keeps clitics attached (`بالعراق` is one token) but separates
punctuation, so the tagger sees news text tokenized the same way it was
trained on.
"""

from __future__ import annotations

from marsad.startup_cache import compile_regex

# Letters, marks and digits form words; a few word-internal joiners (the
# apostrophe of `D'Alema`, the dot of `U.S.`) stay inside Latin words only.
_TOKEN = compile_regex(r"[\p{L}\p{M}\p{N}_]+(?:['.][\p{Latin}]+)*|[^\s\p{L}\p{M}\p{N}_]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Tokens of `text` as (token, start, end), with `text[start:end] == token`."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def words(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text)]
