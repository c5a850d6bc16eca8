"""Quotes and their speakers.

A quote is speech in quote marks (“ ” « » " ″, direct) or a clause reported
after a cue and ``إن``/``أن`` (not direct). A cue is a speech verb
(``قال``, ``أكد``, ``أضاف`` ...) whose subject is the speaker, a participle
(``مضيفا``, ``مؤكدا`` ...) that continues the subject of its clause, or
``وفق``/``بحسب`` + a source, which may also follow the quote. A cue without a
subject (``وتابع:``, ``وأضاف أن``) continues the previous speaker of the
article. Quoted words with no cue next to them (``“داعش”``) are names or
scare quotes, not quotes; so are titles (``بعنوان "..."``) and quotations of
one or two words, unless two words follow ``:`` or ``إن``/``أن`` directly.
An unclosed quotation gives no direct quote: no value rather than a guess at
where the speech ends.

A span is ``{speaker, text, cue, direct, paragraph, start, end}``; ``text`` is
the quotation without its marks and ``start``/``end`` point at it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import regex

from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokens import FoldedText
from marsad.enrich.data import read_list
from marsad.enrich.quote_speakers import ORGANISATIONS, NameBook, Word, speaker_of
from marsad.records import Span

__all__ = ["find_quotes"]

_VERBS = frozenset(read_list("cue_verbs.txt"))
_PARTICIPLES = frozenset(read_list("cue_participles.txt"))
_ATTRIBUTIONS = frozenset(read_list("attribution_cues.txt"))
_CUE_LOOKUP: dict[str, tuple[str, int]] = {
    prefix + word: (kind, len(prefix))
    for kind, vocabulary in (("attribution", _ATTRIBUTIONS), ("participle", _PARTICIPLES), ("verb", _VERBS))
    for word in vocabulary
    for prefix in ("", "و", "ف")
}
_CUE_FORMS = frozenset(_CUE_LOOKUP)
_SUBJECT_STOPS = frozenset(read_list("speaker_stops.txt"))
_COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "بان", "بانه", "بانها", "انهم", "بانهم", ":"})
_NOT_QUOTE_BEFORE = frozenset(read_list("not_quote_before.txt"))
_NAMED_BEFORE = re.compile(r"([^\W\d_]+)[\s:]*$")
_MIN_QUOTE_WORDS = 3  # shorter quotations count only right after ``:`` or ``إن``/``أن``
_MEDIA = frozenset(read_list("media_words.txt"))
_SO_CALLED = ("ما يسمي", "ما تسمي", "ما يعرف ب", "ما تعرف ب")
_MIN_REPORTED_WORDS = 3
_MAX_SUBJECT_WORDS = 14

_TOKEN = re.compile(r"(?P<word>[^\W\d_]+)|(?P<number>\d+)|(?P<mark>\S)")
_WORDS = re.compile(r"[^\W\d_]+")
_QUOTE_MARK = re.compile(r"[“”«\"″]")
_ANY_MARK = re.compile(r"[“”«»\"″]")
_WORD_OR_NUMBER = re.compile(r"[^\W_]+")
_OPENERS = {"“": '”″"', "«": "»", '"': '"', "”": "”″"}


class _Token(NamedTuple):
    text: str  # folded
    start: int
    end: int
    is_word: bool


@dataclass(slots=True)
class _Cue:
    kind: str  # verb, participle or attribution
    token: int  # index into the paragraph's tokens
    word: str  # the cue as written, without a glued conjunction
    subject: tuple[int, int]  # token range of its subject
    reported_from: int | None  # folded offset where a reported clause starts


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Closed quotations as (opening mark, closing mark) offsets; an unclosed one is skipped.

    ``”`` opens a quotation when a word follows it directly (``بـ”تعزيز العلاقة”``),
    as some sites use it for both ends.
    """
    regions: list[tuple[int, int]] = []
    marks = [(m.start(), m.group()) for m in _ANY_MARK.finditer(text)]
    n = len(text)
    k = 0
    while k < len(marks):
        i, ch = marks[k]
        opens = ch in _OPENERS and (ch != "”" or (i + 1 < n and text[i + 1].isalpha()))
        if ch == '"' and _closes_a_word(text, i):
            opens = False  # ``الفريق"،``: the end of a quotation opened in an earlier paragraph
        if opens:
            closers = _OPENERS[ch]
            close = next((j for j in range(k + 1, len(marks)) if marks[j][1] in closers), None)
            if close is not None:
                regions.append((i, marks[close][0]))
                k = close + 1
                continue
            if ch == '"':
                break  # an unpaired ASCII quote leaves the rest unpaired too
        k += 1
    return regions


def _closes_a_word(text: str, i: int) -> bool:
    """An ASCII quote glued to the word before it and not to a word after it closes a quotation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalpha() and not after.isalpha()


class _Paragraph:
    """A paragraph's folded text; tokens and quotations are made only when asked for."""

    __slots__ = ("_quotes", "_tokens", "folded", "word_set")

    def __init__(self, text: str) -> None:
        self.folded = FoldedText.of(text)
        self.word_set = self.folded.word_set()
        self._tokens: list[_Token] | None = None
        self._quotes: list[tuple[int, int]] | None = None

    @property
    def tokens(self) -> list[_Token]:
        if self._tokens is None:
            self._tokens = [
                _Token(m.group(), m.start(), m.end(), m.lastgroup == "word") for m in _TOKEN.finditer(self.folded.text)
            ]
        return self._tokens

    @property
    def quotes(self) -> list[tuple[int, int]]:
        if self._quotes is None:
            text = self.folded.text
            self._quotes = quote_regions(text) if _QUOTE_MARK.search(text) else []
        return self._quotes

    def has_cue(self) -> bool:
        return not self.word_set.isdisjoint(_CUE_FORMS)

    def scan_names(self, book: NameBook) -> None:
        book.scan_text(self.folded.text, self.original)

    def sentence(self, start: int, end: int) -> _Paragraph | None:
        """This paragraph seen through one sentence's tokens, or None when it has no cue word."""
        if _CUE_FORMS.isdisjoint(_WORDS.findall(self.folded.text, start, end)):
            return None
        view = object.__new__(_Paragraph)
        view.folded, view.word_set, view._quotes = self.folded, self.word_set, self.quotes
        view._tokens = [
            _Token(m.group(), m.start(), m.end(), m.lastgroup == "word")
            for m in _TOKEN.finditer(self.folded.text, start, end)
        ]
        return view

    def original(self, start: int, end: int) -> str:
        s, e = self.folded.span(start, end)
        return self.folded.original[s:e]

    def words(self, first: int, last: int) -> list[Word]:
        """Words of tokens first..last, leaving out words inside quotation marks."""
        return [
            Word(t.text, self.original(t.start, t.end))
            for t in self.tokens[first:last]
            if t.is_word and not (self.quotes and _inside(self.quotes, t.start))
        ]


def _inside(regions: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos <= e for s, e in regions)


def _subject_range(tokens: list[_Token], first: int, limit: int) -> tuple[int, int]:
    i = first
    while i < limit and i - first < _MAX_SUBJECT_WORDS:
        t = tokens[i]
        if t.text in _OPENERS:
            # A short quoted name inside the subject (``الشركة "سياحية" المهندس ...``).
            close = next((j for j in range(i + 1, min(limit, i + 6)) if tokens[j].text in '”»"″'), None)
            if close is not None and close + 1 < limit and tokens[close + 1].is_word:
                i = close + 1
                continue
        if not t.is_word or t.text in _SUBJECT_STOPS or t.text in _COMPLEMENTIZERS or t.text.startswith("لل"):
            break
        if t.text[:1] == "ل" and t.text[1:] in _MEDIA:
            break  # ``قال فابيوس لمحطة ...``
        cue = _CUE_LOOKUP.get(t.text)
        if cue is not None and cue[0] != "attribution":
            break
        i += 1
    return first, i


def _source_range(para: _Paragraph, first: int, limit: int) -> tuple[int, int]:
    """The source after ``وفق``/``بحسب``: skips ``لـ`` and ``ما أوردته``."""
    tokens = para.tokens
    i = first
    if i < limit and tokens[i].text in {"ل", "لما"}:
        i += 1
    if i < limit and tokens[i].text == "ما":
        i += 2
    return _subject_range(tokens, i, limit)


def _find_cues(para: _Paragraph, first: int, last: int) -> list[_Cue]:
    tokens = para.tokens
    cues: list[_Cue] = []
    for index in range(first, last):
        token = tokens[index]
        found = _CUE_LOOKUP.get(token.text)
        if found is None or (para.quotes and _inside(para.quotes, token.start)):
            continue
        for kind in (found[0],):
            word = para.original(token.start + found[1], token.end)
            if kind == "participle":
                subject = (index + 1, index + 1)
            elif kind == "attribution":
                subject = _source_range(para, index + 1, last)
            else:
                subject = _subject_range(tokens, _after_so_called(tokens, index + 1, last), last)
            cues.append(_Cue(kind, index, word, subject, _reported_start(tokens, subject[1], last)))
            break
    return cues


def _after_so_called(tokens: list[_Token], first: int, last: int) -> int:
    """``أعلن ما يسمى المجلس الوطني``: the subject starts after "so-called"."""
    for phrase in _SO_CALLED:
        words = phrase.split()
        if all(first + k < last and tokens[first + k].text == w for k, w in enumerate(words)):
            return first + len(words)
    return first


def _reported_start(tokens: list[_Token], after: int, last: int) -> int | None:
    for index in range(after, min(last, after + 8)):
        text = tokens[index].text
        if text in _COMPLEMENTIZERS:
            return tokens[index].end
        if text in {"“", "«", '"', "”", "."}:
            return None
    return None


def _subject_before(para: _Paragraph, first: int, cue: int) -> list[Word]:
    """``وكانت وزارة الداخلية أعلنت``: an organisation named just before its verb."""
    words = para.words(max(first, cue - 5), cue)
    for index, word in enumerate(words):
        if word.folded in ORGANISATIONS:
            return words[index:]
    return []


def _word_count(text: str) -> int:
    return len(_WORD_OR_NUMBER.findall(text))


# ``قال الأستاذ «كاليب ميشو»: ...``: a quoted name before the colon is not the quote.
_LABEL_AFTER = regex.compile(r"\s*:")
_INTRODUCED = regex.compile(r"(?:[:：]|(?<![\p{L}])(?:ان|انه|بان))\s*$")
_TRIM = regex.compile(r"^[\s،,:؛.\-]+|[\s،,:؛.\-]+$")


def find_quotes(paragraphs: Sequence[str], *, title: str | None = None, names: Sequence[str] = ()) -> list[Span]:
    """Direct and reported quotes in `paragraphs` with their speakers, in text order."""
    prepared = [_Paragraph(p) for p in paragraphs]
    if not any(para.has_cue() for para in prepared):
        return []
    book = NameBook()
    for name in names:
        book.add_text_name(name)
    if title:
        title_para = _Paragraph(title)
        title_para.scan_names(book)
    for para in prepared:
        para.scan_names(book)
    spans: list[Span] = []
    current: str | None = None
    for index, para in enumerate(prepared):
        if not para.has_cue():
            continue
        for s_start, s_end in split_sentences(para.folded.text):
            view = para.sentence(s_start, s_end)
            if view is not None and view.tokens:
                current = _sentence_quotes(view, index, 0, len(view.tokens), s_end, book, current, spans)
    return spans


def _sentence_quotes(
    para: _Paragraph,
    index: int,
    first: int,
    last: int,
    sentence_end: int,
    book: NameBook,
    current: str | None,
    spans: list[Span],
) -> str | None:
    cues = _find_cues(para, first, last)
    if not cues:
        return current
    tokens = para.tokens
    regions = [r for r in para.quotes if tokens[first].start <= r[0] and r[1] < sentence_end]
    speakers: list[str | None] = []
    for cue in cues:
        if cue.kind == "participle":
            speaker = book.mentioned(para.words(first, cue.token)) or current
        else:
            subject = para.words(*cue.subject)
            if not subject and cue.kind == "verb":
                subject = _subject_before(para, first, cue.token)
            if subject:
                speaker = speaker_of(subject, book)
                if speaker == " ".join(w.original for w in subject):
                    # ``قال رئيس النادي، القطري ناصر الخليفي``: the name follows the comma.
                    after = para.words(cue.subject[1], min(len(para.tokens), cue.subject[1] + 6))
                    speaker = book.mentioned(after) or speaker
            elif cue.kind == "verb":
                # ``طمأن المدافع نواف الصبحي ... وقال "..."``: the clause's own subject.
                speaker = book.mentioned(para.words(first, cue.token)) or current
            else:
                speaker = current
        speakers.append(speaker)
        if speaker:
            current = speaker
    for number, cue in enumerate(cues):
        scope_start = tokens[cue.token].end
        scope_end = tokens[cues[number + 1].token].start if number + 1 < len(cues) else sentence_end
        if cue.subject[1] > cue.subject[0]:
            scope_start = max(scope_start, tokens[cue.subject[1] - 1].end)
        inside = [r for r in regions if scope_start <= r[0] and r[1] < scope_end]
        if number == 0:
            # ``“...”، وفق البيان``: a quotation before the first cue belongs to it.
            inside = [r for r in regions if r[1] < tokens[cue.token].start] + inside
        direct = [r for r in inside if _is_quotation(para.folded.text, r)]
        for open_at, close_at in direct:
            spans.append(_span(para, index, open_at + 1, close_at, speakers[number], cue.word, True))
        if not direct and cue.reported_from is not None and cue.kind != "attribution":
            body = para.folded.text[cue.reported_from : scope_end]
            trimmed = _TRIM.sub("", body)
            if _word_count(trimmed) >= _MIN_REPORTED_WORDS:
                start = cue.reported_from + body.index(trimmed)
                spans.append(_span(para, index, start, start + len(trimmed), speakers[number], cue.word, False))
    return current


def _is_quotation(text: str, region: tuple[int, int]) -> bool:
    """Three words or more, or two right after ``:``/``إن``; never a name before a colon or a title."""
    named = _NAMED_BEFORE.search(text, max(0, region[0] - 16), region[0])
    if named is not None and named[1] in _NOT_QUOTE_BEFORE:
        return False  # ``مقال بعنوان "ننتظر الحل"``
    words = _word_count(text[region[0] + 1 : region[1]])
    introduced = words == 2 and _INTRODUCED.search(text, 0, region[0]) is not None
    return (words >= _MIN_QUOTE_WORDS or introduced) and not _LABEL_AFTER.match(text, region[1] + 1)


def _span(para: _Paragraph, index: int, start: int, end: int, speaker: str | None, cue: str, direct: bool) -> Span:
    s, e = para.folded.span(start, end)
    return {
        "speaker": speaker,
        "text": para.folded.original[s:e],
        "cue": cue,
        "direct": direct,
        "paragraph": index,
        "start": s,
        "end": e,
    }
