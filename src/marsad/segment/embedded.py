"""Markers of a second story inside a page: `اقرأ أيضاً..`, `اقرأ أيضا:`, `إقرأ المزيد` ..."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from marsad.arabic.normalize import DROPPED_BY_FOLDING, fold_for_search
from marsad.startup_cache import compile_regex

# ``اقرأ أيضاً``, ``اقرئي أيضاً`` (a women's site), after an icon (``📌 اقرأ أيضاً``).
_MARKER = compile_regex(
    r"^[^\p{L}\p{N}]*(?:ا|إ|أ)?قر(?:ا|يي)(?:\s*(?:ايضا|أيضا|ايضاً)|\s+(?:المزيد|كذلك|ايضا))\s*[)\]»]?"
    r"\s*(?:[.…:\-–|»]+\s*)?(?P<title>.*)$"
)
_FOLDED_MARKER = compile_regex(r"^[^\p{L}\p{N}]*ا?قر(?:ا|يي)\s*(?:ايضا|المزيد|كذلك)")

# A paragraph that opens with one of these continues the article it follows;
# a new story's lede does not (it opens with its own verb or subject).
_CONTINUATION = compile_regex(
    r"^(?:و|ف)(?:قال|اضاف|اكد|تابع|اشار|اوضح|كان|في|من|على|علي|لفت|ذكر|بين)"
    # more verbs of a speaker going on (``وتطرق إلى أن``, ``وشدد على``); a lede opens with its verb bare
    r"|^(?:و|ف)(?:تطرق|شدد|نوه|افاد|اعتبر|اعرب|اختتم|ختم|استطرد|اردف|استدرك|زاد|طالب|دعا|كشف|بين|راي)(?!\w)"
    # a particle after the conjunction: ``ولا يزال``, ``ولأنه``, ``وقد``, ``وهذا`` (folded)
    r"|^(?:و|ف)(?:لا|لم|لن|قد|لان|لانه|لانها|هو|هي|هذا|هذه|ذلك|بحسب|وفق|مع|بعد|منذ)(?!\w)"
    # folding writes ``إلى`` as ``الي``
    r"|^(?:كما|ال[يى] ذلك|من جهه)"
    # a demonstrative pointing back at what came before (``هذا التحليل``, ``هذه الخطوه``)
    r"|^(?:هذا|هذه|ذلك|تلك) \w"
    # background an article closes with (``يذكر أن``, ``يشار إلى``, ``الجدير بالذكر``): no lede opens so
    r"|^(?:يذكر|يشار|يجدر|الجدير)(?!\w)"
    # ``ووجهت``, ``ووفقا``: the conjunction before a word that opens with its own و (1,413 paragraphs
    # of the news collections open so, one first paragraph: ``ووري`` "was buried", a verb of its own)
    r"|^وو(?!ري(?!\w))"
)


# Before its قرا, a marker has only spaces, an opening bracket and an alef in
# the folded text. A line whose first character outside these (and outside
# what folding deletes or turns into an alef) is neither ق nor a
# presentation form, which folding expands, has no marker: that settles
# nearly every line without folding it.
_BEFORE_QAF = "".join(regex.findall(r"\s", "".join(map(chr, range(0x3001))))) + "([«" + "اأإآٱٲٳ" + DROPPED_BY_FOLDING


def _may_have_marker(text: str) -> bool:
    rest = text.lstrip(_BEFORE_QAF)
    if rest and not rest[0].isalnum() and not "\ufb50" <= rest[0] <= "\ufeff":
        rest = _ICON.sub("", rest, count=1).lstrip(_BEFORE_QAF)  # an icon before the marker (``📌``)
    return bool(rest) and (rest[0] == "ق" or "\ufb50" <= rest[0] <= "\ufeff")


_ICON = compile_regex(r"^[^\p{L}\p{N}]+")


@dataclass(frozen=True, slots=True)
class Marker:
    title: str | None


def find_marker(text: str) -> Marker | None:
    """The marker on this line, with the story title it carries (if any)."""
    if not _may_have_marker(text):
        return None
    folded = fold_for_search(text)
    if not _FOLDED_MARKER.match(folded):
        return None
    match = _MARKER.match(folded)
    title: str | None = None
    if match and match.group("title").strip():
        # Take the title from the original text: the same number of characters
        # from the end, since folding maps letters one to one or drops marks.
        title = _tail_after_marker(text)
    return Marker(title)


def _tail_after_marker(text: str) -> str | None:
    match = regex.match(
        r"^\s*[(\[«]?\s*[اإأ]?قر[أا]\s*(?:أيضاً|أيضا|ايضاً|ايضا|المزيد|كذلك)\s*[)\]»]?\s*(?:[.…:\-–|»]+\s*)?",
        text,
    )
    if not match:
        return None
    tail = text[match.end() :].strip()
    if tail.endswith(":"):
        return None  # ``اقرأ أيضاً في كتاب وآراء:``: where the links below it come from, no story's title
    return tail or None


def continues_previous(text: str) -> bool:
    return bool(_CONTINUATION.match(fold_for_search(text)))
