"""Quotes and their speakers.

A quote is speech in quote marks (“ ” « » " ″, direct) or a clause reported
after a cue and ``إن``/``أن`` (not direct). A cue is a speech verb
(``قال``, ``أكد``, ``أضاف`` ...) whose subject is the speaker, a participle
(``مضيفا``, ``مؤكدا`` ...) that continues the subject of its clause, or
``وفق``/``بحسب`` + a source, which may also follow the quote. A cue without a
subject (``وتابع:``, ``وأضاف أن``) continues the previous speaker of the
article. Quoted words with no cue next to them (``“داعش”``) are names or
scare quotes, not quotes; so is a one-word quotation.

A span is ``{speaker, text, cue, direct, paragraph, start, end}``; ``text`` is
the quotation without its marks and ``start``/``end`` point at it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
_SUBJECT_STOPS = frozenset(read_list("speaker_stops.txt"))
_COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "بان", "بانه", "بانها", "انهم", "بانهم", ":"})
_SOURCE_PREFIXES = ("ل",)
_MIN_QUOTE_WORDS = 3  # shorter quotations count only right after ``:`` or ``إن``/``أن``
_MEDIA = frozenset(read_list("media_words.txt"))
_SO_CALLED = ("ما يسمي", "ما تسمي", "ما يعرف ب", "ما تعرف ب")
_MIN_REPORTED_WORDS = 3
_MAX_SUBJECT_WORDS = 14

_TOKEN = regex.compile(r"(?P<word>\p{L}+)|\p{N}+|\S")
_OPENERS = {"“": "”″\"", "«": "»", '"': '"', "”": "”″"}


@dataclass(slots=True, frozen=True)
class _Token:
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
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        opens = ch in _OPENERS and (ch != "”" or (i + 1 < n and text[i + 1].isalpha()))
        if opens:
            closers = _OPENERS[ch]
            j = i + 1
            while j < n and text[j] not in closers:
                j += 1
            if j < n:
                regions.append((i, j))
                i = j + 1
                continue
            if ch == '"':
                break  # an unpaired ASCII quote leaves the rest unpaired too
        i += 1
    return regions


def _strip_conjunction(word: str, vocabulary: frozenset[str]) -> tuple[str, int] | None:
    if word in vocabulary:
        return word, 0
    if word[:1] in "وف" and word[1:] in vocabulary:
        return word[1:], 1
    return None


class _Paragraph:
    __slots__ = ("folded", "quotes", "tokens")

    def __init__(self, text: str) -> None:
        self.folded = FoldedText.of(text)
        self.tokens = [
            _Token(m.group(), m.start(), m.end(), m["word"] is not None) for m in _TOKEN.finditer(self.folded.text)
        ]
        self.quotes = quote_regions(self.folded.text) if regex.search(r"[“”«\"″]", text) else []

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

    def words_and_breaks(self) -> list[Word | None]:
        return [Word(t.text, self.original(t.start, t.end)) if t.is_word else None for t in self.tokens]


def _inside(regions: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos <= e for s, e in regions)


def _subject_range(tokens: list[_Token], first: int, limit: int) -> tuple[int, int]:
    i = first
    while i < limit and i - first < _MAX_SUBJECT_WORDS:
        t = tokens[i]
        if t.text in _OPENERS:
            # A short quoted name inside the subject (``الشركة "سياحية" المهندس ...``).
            close = next((j for j in range(i + 1, min(limit, i + 6)) if tokens[j].text in "”»\"″"), None)
            if close is not None and close + 1 < limit and tokens[close + 1].is_word:
                i = close + 1
                continue
        if not t.is_word or t.text in _SUBJECT_STOPS or t.text in _COMPLEMENTIZERS or t.text.startswith("لل"):
            break
        if t.text[:1] == "ل" and t.text[1:] in _MEDIA:
            break  # ``قال فابيوس لمحطة ...``
        if _strip_conjunction(t.text, _VERBS | _PARTICIPLES) is not None:
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
        if not token.is_word or (para.quotes and _inside(para.quotes, token.start)):
            continue
        for kind, vocabulary in (("verb", _VERBS), ("participle", _PARTICIPLES), ("attribution", _ATTRIBUTIONS)):
            found = _strip_conjunction(token.text, vocabulary)
            if found is None:
                continue
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


def _sentence_token_range(tokens: list[_Token], start: int, end: int, cursor: int) -> tuple[int, int]:
    first = cursor
    while first < len(tokens) and tokens[first].start < start:
        first += 1
    last = first
    while last < len(tokens) and tokens[last].end <= end:
        last += 1
    return first, last


def _word_count(text: str) -> int:
    return len(regex.findall(r"[\p{L}\p{N}]+", text))


# ``قال الأستاذ «كاليب ميشو»: ...``: a quoted name before the colon is not the quote.
_LABEL_AFTER = regex.compile(r"\s*:")
_INTRODUCED = regex.compile(r"(?:[:：]|(?<![\p{L}])(?:ان|انه|بان))\s*$")
_TRIM = regex.compile(r"^[\s،,:؛.\-]+|[\s،,:؛.\-]+$")


def find_quotes(
    paragraphs: Sequence[str], *, title: str | None = None, names: Sequence[str] = ()
) -> list[Span]:
    """Direct and reported quotes in `paragraphs` with their speakers, in text order."""
    prepared = [_Paragraph(p) for p in paragraphs]
    book = NameBook()
    for name in names:
        book.add_text_name(name)
    if title:
        title_para = _Paragraph(title)
        book.scan(title_para.words_and_breaks())
    for para in prepared:
        book.scan(para.words_and_breaks())
    spans: list[Span] = []
    current: str | None = None
    for index, para in enumerate(prepared):
        if not any(t.is_word and _has_cue_shape(t.text) for t in para.tokens):
            continue
        cursor = 0
        for s_start, s_end in split_sentences(para.folded.text):
            first, last = _sentence_token_range(para.tokens, s_start, s_end, cursor)
            cursor = last
            current = _sentence_quotes(para, index, first, last, s_end, book, current, spans)
    return spans


_CUE_WORDS = _VERBS | _PARTICIPLES | _ATTRIBUTIONS


def _has_cue_shape(word: str) -> bool:
    return word in _CUE_WORDS or (word[:1] in "وف" and word[1:] in _CUE_WORDS)


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
        direct = [
            r for r in inside
            if (_word_count(para.folded.text[r[0] + 1:r[1]]) >= _MIN_QUOTE_WORDS
                or (_word_count(para.folded.text[r[0] + 1:r[1]]) == 2 and _INTRODUCED.search(para.folded.text, 0, r[0])))
            and not _LABEL_AFTER.match(para.folded.text, r[1] + 1)
        ]
        for open_at, close_at in direct:
            spans.append(_span(para, index, open_at + 1, close_at, speakers[number], cue.word, True))
        if not direct and cue.reported_from is not None and cue.kind != "attribution":
            body = para.folded.text[cue.reported_from:scope_end]
            trimmed = _TRIM.sub("", body)
            if _word_count(trimmed) >= _MIN_REPORTED_WORDS:
                start = cue.reported_from + body.index(trimmed)
                spans.append(_span(para, index, start, start + len(trimmed), speakers[number], cue.word, False))
    return current


def _span(
    para: _Paragraph, index: int, start: int, end: int, speaker: str | None, cue: str, direct: bool
) -> Span:
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
