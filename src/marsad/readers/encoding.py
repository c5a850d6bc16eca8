"""Turn the bytes of a page into text, whatever encoding the site used.

Order of evidence: a byte-order mark; strict UTF-8 (valid UTF-8 with non-ASCII
bytes is almost never another encoding by accident); UTF-8 with a few broken
bytes, decoded with replacement characters; what the page or its HTTP response
declares; the two single-byte Arabic code pages that Arabic sites still serve
(windows-1256, ISO-8859-6); then charset-normalizer. Anything else, and
anything where control bytes are more than a trace (and Arabic letters not the
bulk), is refused as not text. A stray NUL in an Arabic page is a scraping
artefact, not a sign of binary: the page is read and the byte removed later
(`marsad.valid_text`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from marsad.startup_cache import compile_regex

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Only the head of a document is searched for a <meta> declaration, as browsers do.
_META_WINDOW = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
_ARABIC_CODE_PAGES = ("cp1256", "iso8859-6")  # names as codecs.lookup() gives them
_ARABIC_LETTER = compile_regex(r"(?V1)[\p{Script=Arabic}&&\p{L}]")
_WORD = compile_regex(r"[\p{L}\p{M}]+")
_ARABIC_WORD = compile_regex(r"[\p{Script=Arabic}\p{M}]+")
# A single-byte Arabic code page is only believed when nearly all non-ASCII words it
# produces are Arabic words: Latin or Cyrillic bytes read as cp1256 give mixed words.
_ARABIC_SHARE_NEEDED = 0.9
# Invalid UTF-8 is tolerated when it is a few broken bytes in otherwise good text.
_MAX_REPLACEMENT_SHARE = 0.01
_BINARY_PROBE = 8192
_SCORE_CHARS = 65536
# C0 control bytes other than tab, newlines, form feed and escape.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b")
_MAX_CONTROL_SHARE = 0.01


class NotTextError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0
    """How many undecodable bytes were replaced by U+FFFD."""


def canonical_codec(label: str | None) -> str | None:
    """Python's codec name for a charset label from a page or header, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    # Browsers treat these Latin-1 labels as windows-1252 (WHATWG encoding standard).
    if label in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"}:
        label = "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_html_charset(data: bytes) -> str | None:
    """The charset named by a `<meta charset>` or `http-equiv` tag in the document head."""
    match = _META_CHARSET.search(data[:_META_WINDOW])
    return match.group(1).decode("ascii", "replace") if match else None


def looks_binary(data: bytes) -> bool:
    """More than a trace of control bytes (NUL included) never occurs in text, unless the
    bytes are mostly Arabic letters in UTF-8: a page of prose is text whatever else it holds.

    Only for encodings without BOM: UTF-16/32 text is full of NULs and is
    recognised by its BOM before this test.
    """
    probe = data[:_BINARY_PROBE]
    controls = len(probe) - len(probe.translate(None, _CONTROL_BYTES))
    if controls <= len(probe) * _MAX_CONTROL_SHARE:
        return False
    return not _mostly_arabic_letters(probe)


def _mostly_arabic_letters(probe: bytes) -> bool:
    text = probe.decode("utf-8", errors="ignore")
    return len(_ARABIC_LETTER.findall(text)) * 2 > len(text) - text.count(" ")


def _strict(data: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def arabic_share(text: str) -> float:
    """Share of the letters in non-ASCII words that sit in all-Arabic words; 0.0 when there are none.

    A wrong code page also produces Arabic letters (French `é` read as windows-1256
    is `ى`), but inside Latin words; real Arabic text has them in Arabic words.
    """
    arabic = other = 0
    # The head of a page tells its encoding as well as the whole, at a fraction of the cost.
    for word in _WORD.findall(text, 0, _SCORE_CHARS):
        if word.isascii():
            continue
        if _ARABIC_WORD.fullmatch(word):
            arabic += len(word)
        else:
            other += len(word)
    return arabic / (arabic + other) if arabic + other else 0.0


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def _best_arabic_code_page(data: bytes) -> Decoded | None:
    best: Decoded | None = None
    best_share = 0.0
    for codec in _ARABIC_CODE_PAGES:
        text = _strict(data, codec)
        if text is None:
            continue
        share = arabic_share(text)
        # Strict ">" keeps cp1256 on a tie: the far more common of the two.
        if share > best_share:
            best, best_share = Decoded(text, codec), share
    return best if best_share >= _ARABIC_SHARE_NEEDED else None


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> Decoded:
    """Decode page bytes; `declared` is a charset from outside the page (HTTP header).

    Raises NotTextError when the bytes are binary or no encoding explains them.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as error:
                raise NotTextError(f"broken {codec} text after a byte-order mark") from error
    if looks_binary(data):
        raise NotTextError("not text (binary?): contains control bytes")
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged

    candidates = [canonical_codec(declared)]
    if html:
        candidates.append(canonical_codec(declared_html_charset(data)))
    for candidate in candidates:
        declared_text = _strict(data, candidate)
        if declared_text is None or candidate is None:
            continue
        # Sites declare Latin-1 and serve windows-1256: the mojibake has no Arabic words.
        if candidate in _ARABIC_CODE_PAGES or arabic_share(declared_text) > 0:
            return Decoded(declared_text, candidate)
        arabic = _best_arabic_code_page(data)
        return arabic if arabic is not None else Decoded(declared_text, candidate)

    arabic = _best_arabic_code_page(data)
    if arabic is not None:
        return arabic

    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None and guess.encoding:
        guessed = _strict(data, guess.encoding)
        if guessed is not None:
            return Decoded(guessed, guess.encoding)

    raise NotTextError("not text (binary?): no encoding explains these bytes")


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few broken bytes (a cut multi-byte character, a stray byte).

    Believed only when the valid multi-byte characters far outnumber the broken
    ones: a Latin-1 page with three accents has no valid ones at all.
    """
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    valid_non_ascii = sum(1 for ch in text if ord(ch) > 127) - replaced
    if replaced <= len(text) * _MAX_REPLACEMENT_SHARE and valid_non_ascii >= 10 * replaced:
        return Decoded(text, "utf-8", replaced=replaced)
    return None
