"""A bare cue goes on with the last speaker: ``وقال: «...»`` after a paragraph of narrative.

The quotation rules carry the current speaker from cue to cue, and lose it where a paragraph between
names no one or a title they cannot resolve (``ويقول البطل الأولمبي:``). A cue with no subject at all,
opening its sentence, then speaks for the last one who spoke, in its paragraph or the two before, where
that one is named in full, the verb's gender agrees (``وأضافت`` does not go on with a man) and no other
person NER found stands between them outside the quotations. Over every tenth news article this gives
19 quotations a speaker, read: nearly all right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from marsad.arabic.tokens import FoldedText
from marsad.enrich.data import fold_entry
from marsad.enrich.quote_speakers import GOD, TITLES
from marsad.enrich.speaker_checks import PROPHET
from marsad.records import Span
from marsad.startup_cache import compile_regex

__all__ = ["give_bare_cues_the_last_speaker"]

# ``وقال: «``, ``وأضافت "``: a cue with no subject at all opening its sentence (after a comma the
# sentence's own subject speaks, which the rules find or leave).
_BARE_SPEECH = compile_regex(
    r"(?:^|[.!؟?:]\s*)[وف]?(?:قال|قالت|اضاف|اضافت|تابع|تابعت|اوضح|اوضحت|اكد|اكدت|يقول|تقول|يضيف|تضيف|استطرد|اردف)"
    r"\s*:?\s*$"
)
_SPEAKER_REACH = 2  # paragraphs back
# ``قالت``, ``أضافت``, ``تقول``: a woman speaks; ``قال``, ``يقول``: a man (or an organisation).
_FEMININE_CUE = compile_regex(r"(?<!\p{L})[وف]?(?:قالت|اضافت|تابعت|اوضحت|اكدت|تقول|تضيف|ذكرت|اشارت)(?!\p{L})")
_MASCULINE_CUE = compile_regex(r"(?<!\p{L})[وف]?(?:قال|اضاف|تابع|اوضح|اكد|يقول|يضيف|ذكر|اشار)(?!\p{L})")


def _before(paragraphs: Sequence[str], span: Span) -> str:
    start = int(span["start"])
    return FoldedText.of(paragraphs[int(span["paragraph"])][max(0, start - 200) : start]).text


def _same_gender(cue: str, earlier: str) -> bool:
    """Whether the bare cue's verb agrees with the one that introduced the earlier speaker's words
    (``واضافت`` does not go on with a man), where the earlier one shows its verb."""
    feminine = _FEMININE_CUE.search(cue) is not None
    masculine = _MASCULINE_CUE.search(earlier) is not None
    was_feminine = _FEMININE_CUE.search(earlier) is not None
    return not ((feminine and masculine and not was_feminine) or (not feminine and was_feminine and not masculine))


_MIN_FULL_NAME_WORDS = 2


def _named_in_full(name: str) -> bool:
    """A name of two words or more that is no title, nor God or the Prophet (a column strings their
    sayings together, which the sacred speakers' pass reads)."""
    words = name.split()
    return (
        len(words) >= _MIN_FULL_NAME_WORDS
        and name not in PROPHET
        and name != GOD
        and fold_entry(words[0]).removeprefix("و") not in TITLES
    )


def give_bare_cues_the_last_speaker(
    paragraphs: Sequence[str], spans: list[Span], entities: Sequence[Mapping[str, object]]
) -> None:
    """Give each bare cue the rules left without a speaker the last one who spoke (in place)."""
    people = [
        (paragraph, begin, str(e.get("canonical") or e.get("text") or ""))
        for e in entities
        if e.get("type") == "PER"
        and isinstance(paragraph := e.get("paragraph"), int)
        and isinstance(begin := e.get("start"), int)
    ]
    quoted = [(int(span["paragraph"]), int(span["start"]), int(span["end"])) for span in spans]
    people = [(p, s, name) for p, s, name in people if not any(q == p and a <= s < b for q, a, b in quoted)]
    last: Span | None = None
    for span in spans:
        index, start = int(span["paragraph"]), int(span["start"])
        if span["speaker"] is None and last is not None and index - int(last["paragraph"]) <= _SPEAKER_REACH:
            before = FoldedText.of(paragraphs[index][max(0, start - 40) : start]).text.rstrip(" «\"“”'(")
            named = str(last.get("canonical") or last["speaker"])
            since = (int(last["paragraph"]), int(last["end"]))
            others = {name for p, s, name in people if since <= (p, s) < (index, start) and name != named}
            bare = _BARE_SPEECH.search(before) is not None and _same_gender(before, _before(paragraphs, last))
            if bare and not others and _named_in_full(named):
                span["speaker"], span["canonical"] = last["speaker"], last.get("canonical")
        if span["speaker"] is not None:
            last = span
