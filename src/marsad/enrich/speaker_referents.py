"""Whom a definite noun in a speaker's place stands for: ``الصحيفة`` after ``صحيفة «صنداي
تايمز»``, ``البيان`` after ``وقال التجمع في بيان``.

Issue #17's guidelines give as a quote's speaker the organisation behind a statement, never
the statement or "the newspaper" itself. A medium is named right after its noun (quoted, or
a name NER found); a statement's issuer is whoever a sentence that mentions it (``في بيان``,
``بيانا``) makes speak. A noun whose referent the article has not given stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from marsad.enrich.data import fold_entry, nationality_adjectives

__all__ = ["BODIES", "DOCUMENTS", "ISSUED", "MEDIA", "Referents", "document_head", "indefinite_document", "issuer_in"]

# Folded nouns: a medium that publishes, a document that says.
MEDIA = frozenset({"صحيفه", "جريده", "وكاله", "قناه", "مجله", "موقع", "شبكه", "اذاعه", "محطه"})
# Bodies named after their noun the same way (``حركة طالبان الأفغانية`` ... ``وقالت الحركة``).
BODIES = frozenset(
    {"حركه", "شركه", "حزب", "جماعه", "منظمه", "مجموعه", "جمعيه"}
    | {"وزاره", "هيئه", "محكمه", "لجنه", "مؤسسه", "مجلس", "جامعه", "بلديه", "نيابه", "مديريه"}
)
DOCUMENTS = frozenset({"بيان", "تقرير", "دراسه", "رساله", "مذكره", "وثيقه", "تغريده"})

_CLITICS = ("و", "ف", "ب", "ل")
_MEDIUM_NAMED = re.compile(
    r"(?<!\w)[وفبل]?(?P<noun>" + "|".join(sorted(MEDIA | BODIES)) + r")\s+"
    r"(?:[«\"“](?P<quoted>[^«»\"“”]{2,40})[»\"”]|(?P<words>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}))"
)
_MAX_NAME_WORDS = 4


@dataclass(slots=True)
class Referents:
    """The referents an article has given so far, by the bare noun that stands for them."""

    named: dict[str, str] = field(default_factory=dict)

    def note_media(
        self, folded: str, original: Callable[[int, int], str], entities: Mapping[tuple[str, ...], str]
    ) -> None:
        """``صحيفة «صنداي تايمز»``, ``وكالة الأنباء الفرنسية``: a medium named after its noun, and a body so
        (``حركة طالبان الأفغانية``, ``شركة المياه الوطنية``)."""
        for m in _MEDIUM_NAMED.finditer(folded):
            if m["quoted"] is not None:
                self.named[m["noun"]] = original(m.start("quoted"), m.end("quoted")).strip()
                continue
            words = tuple(m["words"].split())
            for size in range(min(len(words), _MAX_NAME_WORDS), 0, -1):
                # ``وكالة الأنباء الفرنسية`` is one name with its noun; ``صحيفة الغارديان`` a name after it
                for key in ((m["noun"], *words[:size]), words[:size]):
                    if key in entities:
                        self.named[m["noun"]] = entities[key]
                        break
                else:
                    continue
                break

    def note_issuer(self, words: Sequence[str], speaker: str | None) -> None:
        """``وقال التجمع في بيان``: the speaker of a sentence that mentions a statement issued it."""
        if not speaker:
            return
        head = fold_entry(speaker).split()[:1]
        if not head or _definite_noun(head[0]) in DOCUMENTS or indefinite_document(head[0]) is not None:
            return  # ``البيان``, ``بيان المنسقية``: a statement does not issue one
        for word in words:
            noun = indefinite_document(word)
            if noun is not None:
                self.named[noun] = speaker

    def stands_for(self, speaker: str | None) -> str | None:
        """The referent of ``الصحيفة``/``البيان`` in a speaker's place, when the article gave one."""
        if not speaker:
            return None
        words = fold_entry(speaker).split()
        if len(words) == 2 and words[1] in nationality_adjectives():
            # ``الصحيفة البريطانية``: the noun and the adjective of its country (``الحركة الشعبية`` is a name)
            words = words[:1]
        if len(words) != 1:
            return None
        noun = _definite_noun(words[0])
        return self.named.get(noun) if noun is not None else None


def _definite_noun(word: str) -> str | None:
    for prefix in ("وال", "فال", "بال", "ال"):
        if word.startswith(prefix):
            bare = word[len(prefix) :]
            return bare if bare in MEDIA or bare in DOCUMENTS or bare in BODIES else None
    return None


def indefinite_document(word: str) -> str | None:
    """``بيان``, ``ببيان``, ``بيانا``, ``وتقرير``: a document noun without the article."""
    return _DOCUMENT_FORMS.get(word)


# Every form `_indefinite_document` reads, looked up at once (it runs on each word of a sentence with a
# cue): the noun, the accusative ``بيانا``, each with a clitic before it.
_DOCUMENT_FORMS = {
    clitic + noun + ending: noun for noun in DOCUMENTS for clitic in ("", *_CLITICS) for ending in ("", "ا")
}


def document_head(word: str) -> bool:
    """``بيان``, ``البيان``, ``وتقرير``: a statement, a report, a study, not who made it."""
    bare = word[1:] if word[:1] in "وف" else word
    return _definite_noun(bare) in DOCUMENTS or indefinite_document(bare) is not None


# ``صادر عن``, ``أصدرته``, ``أعدته``, ``أجراها``: the words before the issuer of a document (folded).
ISSUED = frozenset(
    fold_entry(w)
    for w in (
        "صادر", "صادرة", "الصادر", "الصادرة", "صدر", "صدرت", "أصدرته", "أصدرتها", "أصدره", "أصدرها",
        "أعدته", "أعدتها", "أعده", "أعدها", "أجراها", "أجرته", "أجراه", "أجرتها", "نشرته", "نشرها", "نشره",
    )
)  # fmt: skip
_ISSUER_PREPOSITIONS = frozenset({"عن", "من"})


def issuer_in(words: Sequence[str], originals: Sequence[str], organisations: frozenset[str]) -> str | None:
    """Who issued the document a speaker's words name (folded `words`, written `originals`):
    ``بيان صادر عن قيادة الجيش`` -> ``قيادة الجيش``, ``بيان لنقابة المعلمين`` -> ``نقابة المعلمين``,
    ``تقرير شركة جدوى`` -> ``شركة جدوى``; None where the words name none (``تقرير اقتصادي``)."""
    for at, word in enumerate(words[1:], 1):
        if word in ISSUED:
            rest = list(originals[at + 1 :])
            if rest and words[at + 1] in _ISSUER_PREPOSITIONS:
                rest = rest[1:]
            return " ".join(rest) or None
    if len(words) > 1 and words[1].startswith("ل") and len(words[1]) > 3:
        second = originals[1]
        first = "ا" + second[1:] if words[1].startswith("لل") else second[1:]
        return " ".join([first, *originals[2:]])
    if len(words) > 1 and words[1] in organisations:
        return " ".join(originals[1:])
    return None
