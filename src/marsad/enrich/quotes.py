"""Quotes and their speakers.

A quote is speech in quote marks (“ ” « » " ″ and the ASCII apostrophes some
agencies use; after a cue and ``:``, also brackets: ``( )``, ``(( ))``, ``{ }``,
``﴿ ﴾`` and the Saudi agency's ``// ... /``; direct) or a clause reported
after a cue and ``إن``/``أن`` (not direct). A cue is a speech verb
(``قال``, ``أكد``, ``أضاف`` ...) whose subject is the speaker, a participle
(``مضيفا``, ``مؤكدا`` ...) that continues the subject of its clause,
``بقوله:`` (the clause's subject speaks, as after a participle), ``وفق``/``بحسب`` + a
source, which may also follow the quote, ``نقلت ... عن``
+ the speaker (also ``عن X قوله``), ``جاء في بيان`` (the statement speaks;
``جاء فيه``: whoever issued it), or passive ``أفيد`` (nobody is named). A cue
without a subject (``وتابع:``, ``وأضاف أن``) continues the previous speaker of
the article, unless a paragraph without speech opened with another person in
between (``وانتقل الحاكم بوبي جيندال ...`` then ``وقال:``); with no previous
speaker it is the first person the article names with a title. A verb
followed by a noun that governs an organisation (``واعتبر لجوء مؤسسة النقد``)
has an object there, not a subject. A subject may also stand between ``أن`` and
its verb (``أن النبي صلى الله عليه وسلم قال``; blessings are not part of it, and
after ``عن`` only a narrator with a blessing counts); ``سموه``/``معاليه`` stand
for the person the article introduced with that title; a country a statement
speaks about (``ووفق البيان، ... وأكد العراق التزامه “...”``) leaves the
statement the speaker; and a cue with no subject and no speaker before it
falls to the organisation the article opened with (``أغلقت إدارة نادي ...``).

Quoted words with no cue next to them (``“داعش”``) are names or scare quotes,
not quotes, unless they run to six words or more: then they quote the article's
current speaker (``ويشتبه في أن أحد الموقوفين «قام بدعم ...»``). Titles are no quotes
either (``بعنوان "..."``, ``مهرجان «...»``), short quoted
names after an organisation noun (``بنك "دويتشه رايخ بنك"``) and quotations
of one or two words, unless two words follow ``:`` or ``إن``/``أن`` directly.

Missing closing marks (decided on the gold set, where they are common): a
quotation *introduced* by ``:``, ``إن``/``أن`` or a speech verb and not closed
in its paragraph runs to the end of the paragraph (or of a site's glued
paragraph, three spaces), or to the next quote mark; one cut short by the same
mark opening again after a full stop ends at that full stop. A speech that goes
on into the next paragraph is a quote there too, up to its closing mark, and a
paragraph that is one quotation after a paragraph ending in ``:`` belongs to
that cue. A closing mark whose opening one was left out after ``قال X:`` closes
the speech that starts at the colon. An unclosed mark that nothing introduces
still gives no direct quote: no value rather than a guess at where the speech
ends.

A span is ``{speaker, text, cue, direct, paragraph, start, end}``; ``text`` is
the quotation without its marks and ``start``/``end`` point at it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokens import FoldedText
from marsad.enrich.bare_cues import give_bare_cues_the_last_speaker
from marsad.enrich.data import fold_entry, read_list, read_table
from marsad.enrich.ner.shipped_lists import common_words
from marsad.enrich.quote_speakers import (
    CALLED,
    DAY_WORDS,
    GOD,
    NAME_STOPS,
    ORGANISATIONS,
    TITLES,
    NameBook,
    Word,
    descriptor_view,
    heads_a_body,
    is_descriptor,
    is_given_ali,
    looks_like_name,
    name_start,
    speaker_of,
)
from marsad.enrich.sacred_speakers import give_sacred_speakers
from marsad.enrich.speaker_checks import (
    PEOPLE_NOUNS,
    PROPHET,
    canonical,
    is_given_name,
    names_someone,
    opens_l_phrase,
    starts_a_name,
    trimmed,
    without_leading_place,
    without_run_on,
)
from marsad.enrich.speaker_referents import DOCUMENTS, ISSUED, MEDIA, document_head, indefinite_document, issuer_in
from marsad.given_names import given_names
from marsad.records import Span
from marsad.startup_cache import compile_regex

__all__ = ["find_quotes"]

_VERBS = frozenset(read_list("cue_verbs.txt"))
_PARTICIPLES = frozenset(read_list("cue_participles.txt"))
_ATTRIBUTIONS = frozenset(read_list("attribution_cues.txt"))
# ``نقلت الوكالة عن المحافظ محمد العلي قوله``, ``عن المصادر القول``: the speaker is named before the noun.
_NOMINALS = frozenset({"قوله", "قولها", "قولهم", "القول"})
# ``جاء في البيان``, ``جاء فيه``: the text of a statement.
_STATEMENT_VERBS = frozenset({"جاء", "ورد"})
# ``وأفيد بأن ...``: reported speech with no speaker.
_PASSIVE_VERBS = frozenset({"افيد", "يفاد"})
# ``نقلت الوكالة عن المتحدث جواد أن ...``: the speaker follows ``عن``.
_RELAY_VERBS = frozenset({"نقل", "نقلت", "نقلوا"})
_CUE_LOOKUP: dict[str, tuple[str, int]] = {
    prefix + word: (kind, len(prefix))
    for kind, vocabulary in (
        ("attribution", _ATTRIBUTIONS),
        ("participle", _PARTICIPLES),
        ("verb", _VERBS),
        ("nominal", _NOMINALS),
        ("statement", _STATEMENT_VERBS),
        ("relay", _RELAY_VERBS),
        ("passive", _PASSIVE_VERBS),
    )
    for word in vocabulary
    for prefix in ("", "و", "ف")
}
# ``انضم إلى المنتقدين بقوله: "..."``: like a participle, the clause's subject speaks.
_CUE_LOOKUP.update({"ب" + word: ("participle", 1) for word in _NOMINALS})
# ``مكتفيا بالقول إن «...»``, ``وتوجه إلى العسكريين بالقول: «...»`` (303 times in the news
# collections before a quotation or ``إن``): the clause's subject speaks.
_CUE_LOOKUP.update({prefix + "بالقول": ("participle", len(prefix) + 1) for prefix in ("", "و")})
# ``قول النبي صلى الله عليه وسلم: «...»``, ``بقول الحق تبارك وتعالى: «...»``: the saying's owner follows
# the noun, as a verb's subject does.
_SAYING_NOUNS = frozenset(prefix + "قول" for prefix in ("", "و", "ب", "وب"))
_CUE_LOOKUP.update({word: ("verb", len(word) - 3) for word in _SAYING_NOUNS})
_SAYING_REACH = 10  # tokens from the noun to the colon: the owner's name and a blessing
# A verb of describing with the thing described as its object (``ووصفها``; 72 quotations after ``بأنه`` in the
# news) cues speech only where what it was called follows in marks after ``بأنه``: ``ووصفها بأنها «عمل إجرامي»``.
_DESCRIBING_IT = frozenset(
    fold_entry(w) for w in ("وصفه", "وصفها", "وصفهم", "وصفته", "وصفتها", "وصفتهم", "وصفوه", "وصفوها")
)
_CUE_LOOKUP.update({prefix + word: ("verb", len(prefix)) for word in _DESCRIBING_IT for prefix in ("", "و", "ف")})
_THAT_IT = frozenset(("بانه", "بانها", "بانهم", "بانهما"))
_CUE_FORMS = frozenset(_CUE_LOOKUP)
_SUBJECT_STOPS = frozenset(read_list("speaker_stops.txt"))
# ``وبحسب السفير قوطالي فإنه ...``: ``فإن`` after an attribution opens the statement, too (written
# with its hamza: ``فان دير فارت`` is a name).
_COMPLEMENTIZERS = frozenset(
    {"ان", "انه", "انها", "بان", "بانه", "بانها", "انهم", "بانهم", "اننا", "باننا", "فانه", "فانها", "فانهم", ":"}
)
_NOT_QUOTE_BEFORE = frozenset(read_list("not_quote_before.txt"))
# An event or a paper named in marks right after its indefinite noun (``ورقة "اندماج مكاتب المحاماة"``,
# ``ندوة «...»``); with the article or ``ل`` the noun is a complement (``المنسقة الفنية للمعرض “...”``).
_EVENT_TITLED = frozenset(
    fold_entry(w) for w in ("ورقة", "ورشة", "ندوة", "محاضرة", "مؤتمر", "ملتقى", "منتدى", "معرض", "جلسة", "محور")
)
_NAMED_BEFORE = re.compile(r"([^\W\d_]+)[\s:]*$")
_COPULAS = frozenset(("هو", "هي", "هم", "هما"))
_MIN_QUOTE_WORDS = 3  # shorter quotations count only right after ``:`` or ``إن``/``أن``
_MAX_TERM_WORDS = 4  # up to this, words in marks mid-sentence may be a name, not speech
_SPELLED_LETTER = 2  # ``يو``, ``بي``, ``أس``: a Latin letter written out
_MEDIA = frozenset(read_list("media_words.txt"))
# ``قال الوزير للصحفيين``, ``للحضور``: whom a speaker addressed, after ``لل``.
_AUDIENCE = _MEDIA | frozenset(read_list("audience_words.txt"))
# ``للصحيفة``, ``للوكالة``: the press a speaker told, never an organisation's complement.
_PRESS = frozenset(fold_entry(w) for w in ("صحيفة", "جريدة", "وكالة", "قناة", "مجلة", "إذاعة", "محطة"))
_STATEMENT_NOUNS = frozenset({"بيان", "تقرير", "رساله", "تصريح", "نص", "خطاب", "كلمه", "تغريده", "مذكره", "وثيقه"})
_SO_CALLED = ("ما يسمي", "ما تسمي", "ما يعرف ب", "ما تعرف ب")
_MIN_REPORTED_WORDS = 3
_ABBREVIATED_TITLES = frozenset({"د", "م", "ا"})  # دكتور، مهندس، أستاذ
_HONORIFICS = tuple(tuple(h.split()) for h in read_list("speaker_honorifics.txt"))
_PRONOUN_TITLES: dict[str, tuple[str, ...]] = {
    row[0]: tuple(fold_entry(title) for title in row[1].split()) for row in read_table("honorific_pronouns.tsv")
}
# ``أن النبي ... قال``, ``عن أسامة ... قال``: the words that put a subject before its verb.
# ``أن النبي ... قال``, ``لكن اياد البزم المتحدث باسم الوزارة قال``: a subject before its verb.
_SUBJECT_OPENERS = frozenset({"ان", "عن", "لكن", "ولكن"})
_MAX_SUBJECT_WORDS = 14
_MAX_NAME_IN_MARKS = 4  # ``بنك "دويتشه رايخ بنك"``: longer quotations after a noun are speech
# Indefinite nouns a name in marks follows (besides organisations' heads): a site, a group, itself.
_NAME_FOLLOWS = frozenset({"موقع", "مجموعه", "نفسها", "نفسه", "نفسهم"})
# Heads of names that open the marks (besides organisations'): an institute, a group, a site.
# ``يتماشى مع "خطة دبي 2021"``, ``«مبادرة الميثان العالمية»``: a plan's or a programme's name in marks
# (135 after such a head in the news, nearly all names; never when speech introduces them).
_NAME_HEADS = frozenset({"معهد", "مجموعه", "موقع", "خطه", "استراتيجيه", "مبادره", "برنامج"})
_MAX_QUOTED_NAME_WORDS = 3  # ``«لويس إنريكي»`` in a subject is a name, not speech

_TOKEN = re.compile(r"(?P<word>[^\W\d_]+)|(?P<number>\d+)|(?P<mark>\S)")
_WORDS = re.compile(r"[^\W\d_]+")
# ``'...'``: agencies such as Wafa quote with ASCII apostrophes.
_QUOTE_MARK = re.compile(r"[“”«\"″']")
_ANY_MARK = re.compile(r"[“”«»\"″']")
_WORD_OR_NUMBER = re.compile(r"[^\W_]+")
_OPENERS = {"“": '”″"', "«": "»", '"': '"', "”": "”″", "'": "'"}
_STRAIGHT = "\"'"  # marks that open and close alike


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
    """Quotations as (opening mark, closing mark) offsets: the quotation is ``text[open + 1 : close]``.

    ``”`` opens a quotation when a word follows it directly (``بـ”تعزيز العلاقة”``),
    as some sites use it for both ends. A quotation never crosses a paragraph
    break (a run of three spaces where a site glued its paragraphs together).

    A missing closing mark is common at the end of a paragraph. An opening mark
    that is *introduced* (right after ``:``, ``إن``/``أن`` or a speech verb) and
    not closed in its paragraph runs to the paragraph's end, or to the next
    quote mark; it is cut before ``«`` that opens again after a full stop
    (``«...واضح. ونوه إلى أن «...»``). A closing mark with no opening one after
    ``قال المعيبد: ...`` closes the speech that starts at the colon. Any other
    unclosed mark (a name, a scare quote) gives nothing: no value rather than a
    guess at where the speech ends.
    """
    regions: list[tuple[int, int]] = []
    text = _guillemets_turned(text)
    marks = [(m.start(), m.group()) for m in _ANY_MARK.finditer(text)]
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    n = len(text)
    k = 0
    while k < len(marks):
        i, ch = marks[k]
        opens = ch in _OPENERS and (ch != "”" or (i + 1 < n and text[i + 1].isalpha()))
        if ch == "'" and ((i > 0 and text[i - 1].isalnum()) or not (i + 1 < n and text[i + 1].isalpha())):
            opens = False  # an apostrophe opens only before a word and after no letter
        if ch in _STRAIGHT and _closes_a_word(text, i):
            opens = False  # ``الفريق"،``: the end of a quotation opened in an earlier paragraph
        turned = not opens and ch == "»" and _after_a_colon_before_a_word(text, i)
        opens = opens or turned  # ``قائلا:» كنت قريبا ...».``: after a colon a guillemet opens either way round
        if not opens:
            orphan = _speech_before_orphan(text, i, ch, marks, k, breaks, regions)
            if orphan is not None:
                regions.append(orphan)
            k += 1
            continue
        segment_end = next((b for b in breaks if b > i), n)
        closers = "»«" if turned else _OPENERS[ch]
        close = next((j for j in range(k + 1, len(marks)) if marks[j][1] in closers), None)
        if close is not None and marks[close][0] < segment_end:
            if _stray_before_label(text, ch, marks, k, close):
                k += 1
                continue
            reopened = _reopened_before(text, ch, marks, k, close)
            if reopened is None:
                regions.append((i, marks[close][0]))
                k = close + 1
                continue
            if _introduced(text, i):
                regions.append((i, reopened))
            k += 1
            continue
        if _introduced(text, i) or (close is None and _cue_shortly_before(text, i)):
            stop = marks[k + 1][0] if k + 1 < len(marks) and marks[k + 1][0] < segment_end else segment_end
            end = _trim_end(text, i + 1, stop)
            if end > i + 1:
                regions.append((i, end))
            if stop == segment_end:
                k = next((j for j in range(k + 1, len(marks)) if marks[j][0] > segment_end), len(marks))
                continue
        elif ch in _STRAIGHT and close is None:
            break  # an unpaired ASCII quote leaves the rest unpaired too
        k += 1
    return regions


# Brackets that stand for quote marks once speech is introduced: ``قال: (( ... ))`` and
# ``{ ... }``/``﴿ ... ﴾`` in religious texts, ``// ... /`` in the Saudi agency's wire copy
# (``قالت صحيفة "عكاظ" في كلمتها // إن ... /``). In the news collections a cue and a colon
# open ``(`` 460 times.
_BRACKET_OPEN = re.compile(r"\(\(?|[{﴿]|(?<![^\s])//(?!/)")
_SPEECH_BEFORE_PAREN = re.compile(r"(?:[:：]|(?<!\w)(?:ان|انه|انها|بان))\s*$")
_BRACKET_CLOSE = {"(": ")", "((": "))", "{": "}", "﴿": "﴾", "//": "/"}


def bracket_regions(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations in brackets after ``:``, ``إن``/``أن`` or a speech verb, as (last opening
    character, closing bracket) offsets, outside the quotations already found."""
    regions: list[tuple[int, int]] = []
    for match in _BRACKET_OPEN.finditer(text):
        at, opener = match.start(), match.group()
        if opener == "(" and not _SPEECH_BEFORE_PAREN.search(text, max(0, at - 8), at):
            continue  # ``يقول (في المعاهدين ...) "..."``: after a bare verb, an aside
        if not _cue_shortly_before(text, at) or (opener != "//" and not _introduced(text, at)):
            continue  # ``تشمل: (العقيدة، العبادات)``: a list, not speech
        segment_end = next((m.start() for m in _PARAGRAPH_BREAK.finditer(text, at)), len(text))
        close = text.find(_BRACKET_CLOSE[opener], match.end(), segment_end)
        inner = text[match.end() : close]
        if close < 0 or opener[0] in inner or _word_count(inner) < _MIN_QUOTE_WORDS:
            continue  # unclosed, nested, or a number or a word in brackets
        if any(s <= close and at <= e for s, e in taken) or (regions and at < regions[-1][1]):
            continue  # quote marks inside or around it: those are the quotations
        regions.append((match.end() - 1, close))
    return regions


_TURNED = str.maketrans("«»", "»«")


def _guillemets_turned(text: str) -> str:
    """``»نحن نتحدث هنا«``: a paragraph whose guillemets all open with ``»`` and close with
    ``«`` (110 paragraphs of the news collections) read the right way round; the offsets stay."""
    if "»" not in text:
        return text
    marks = [c for c in text if c in "«»"]
    if len(marks) % 2 or any(c != ("»" if i % 2 == 0 else "«") for i, c in enumerate(marks)):
        return text
    return text.translate(_TURNED)


_PARAGRAPH_BREAK = re.compile(r"[ \u00a0]{3,}")
_SENTENCE_END = re.compile(r"[.!؟?]\s")
_INTRODUCERS = re.compile(r"(?:[:：]|(?<!\w)(?:ان|انه|انها|اننا|انهم|بان|بانه|فيه|فيها|قوله|قولها|قولهم))\s*$")


def _introduced(text: str, i: int) -> bool:
    """An opening mark right after ``:``, ``إن``/``أن`` or a speech verb starts speech."""
    before = text[max(0, i - 24) : i]
    if _INTRODUCERS.search(before):
        return True
    words = _WORDS.findall(before)
    return bool(words) and before.rstrip().endswith(words[-1]) and words[-1] in _CUE_FORMS


_CUE_WINDOW = 12  # words


def _cue_shortly_before(text: str, i: int) -> bool:
    """``وقال اوركهاو جورا براهما وهو سياسي محلي بارز لرويتر «وقفت ...`` with no closing mark:
    a speech verb a few words before, in the same sentence, opens the quotation too."""
    before = text[max(0, i - 120) : i]
    cut = max(before.rfind(". "), before.rfind("؟"), before.rfind("!"))
    words = _WORDS.findall(before[cut + 1 :])[-_CUE_WINDOW:]
    return any(word in _CUE_FORMS for word in words) and _word_count(text[i + 1 : i + 200]) >= _MIN_QUOTE_WORDS


def _trim_end(text: str, start: int, stop: int) -> int:
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ".،,:؛"):
        stop -= 1
    return stop


# ``«نانسي عجرم: «رحم الله سعود الدوسري».``: a guillemet left before a short label and its colon
# (12 paragraphs of the news collections, every one a name or a source, then its quotation).
_LABEL_AFTER_STRAY = re.compile(r"\s*[^\s\d.،:«»\"“”][^.،:«»\"“”]{1,40}:\s*")


def _stray_before_label(text: str, ch: str, marks: list[tuple[int, str]], k: int, close: int) -> bool:
    """Whether the guillemet at `marks[k]` stands alone before ``label: «`` that opens again."""
    if ch != "«" or k + 1 >= close or marks[k + 1][1] != "«":
        return False
    return _LABEL_AFTER_STRAY.fullmatch(text, marks[k][0] + 1, marks[k + 1][0]) is not None


def _reopened_before(text: str, ch: str, marks: list[tuple[int, str]], k: int, close: int) -> int | None:
    """Where an unclosed quotation ends when the same mark opens again after a full stop."""
    if ch not in "«“":
        return None
    again = next((j for j in range(k + 1, close) if marks[j][1] == ch), None)
    if again is None or not _introduced(text, marks[again][0]):
        return None
    stops = list(_SENTENCE_END.finditer(text, marks[k][0], marks[again][0]))
    if not stops:
        return None
    return _trim_end(text, marks[k][0] + 1, stops[-1].start() + 1)


def _after_a_colon_before_a_word(text: str, i: int) -> bool:
    """A colon, the guillemet at `i` the other way round and a word (199 times in the news
    collections: ``قائلا:» كنت ...».``)."""
    return text[max(0, i - 2) : i].rstrip().endswith(":") and text[i + 1 : i + 3].strip()[:1].isalpha()


def _speech_before_orphan(
    text: str,
    i: int,
    ch: str,
    marks: list[tuple[int, str]],
    k: int,
    breaks: list[int],
    regions: list[tuple[int, int]],
) -> tuple[int, int] | None:
    """``قال المعيبد: نعمل ... الآن".``: a closing mark whose opening one was left out."""
    if ch not in "”»\"'" or (k > 0 and (not regions or regions[-1][1] < marks[k - 1][0])):
        return None  # the mark before it is unaccounted for: not an orphan
    segment_start = max((b for b in breaks if b < i), default=0)
    floor = max(segment_start, regions[-1][1] + 1 if regions else 0)
    colon = text.rfind(":", floor, i)
    if colon < 0 or _word_count(text[colon + 1 : i]) < _MIN_QUOTE_WORDS:
        return None
    return colon, _trim_end(text, colon + 1, i)


def _closes_a_word(text: str, i: int) -> bool:
    """An ASCII quote glued to the word before it and not to a word after it closes a
    quotation, unless that word is a speech verb (``وتابع" أنا ...``)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if not (before.isalpha() and not after.isalpha()):
        return False
    words = _WORDS.findall(text, max(0, i - 16), i)
    return not (words and words[-1] in _CUE_FORMS)


_tuple_new = tuple.__new__


def _tokens_of(text: str, start: int, end: int) -> list[_Token]:
    # ``tuple.__new__`` skips the named tuple's Python-level ``__new__``: tokens are many.
    matches = _TOKEN.finditer(text, start, end)
    return [_tuple_new(_Token, (m.group(), *m.span(), m.lastgroup == "word")) for m in matches]


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
            self._tokens = _tokens_of(self.folded.text, 0, len(self.folded.text))
        return self._tokens

    @property
    def quotes(self) -> list[tuple[int, int]]:
        if self._quotes is None:
            text = self.folded.text
            marked = quote_regions(text) if _QUOTE_MARK.search(text) else []
            bracketed = bracket_regions(text, marked) if _BRACKET_OPEN.search(text) else []
            self._quotes = sorted(marked + bracketed) if bracketed else marked
        return self._quotes

    def has_cue(self) -> bool:
        return not self.word_set.isdisjoint(_CUE_FORMS)

    def scan_names(self, book: NameBook) -> None:
        book.scan_text(self.folded.text, self.original)

    def sentence(self, start: int, end: int) -> _Paragraph | None:
        """This paragraph seen through one sentence's tokens, or None when it has no cue word."""
        if _CUE_FORMS.isdisjoint(_WORDS.findall(self.folded.text, start, end)):
            return None
        return self.view(start, end)

    def view(self, start: int, end: int) -> _Paragraph:
        """This paragraph seen through the tokens of its text from `start` to `end`."""
        view = object.__new__(_Paragraph)
        view.folded, view.word_set, view._quotes = self.folded, self.word_set, self.quotes
        view._tokens = _tokens_of(self.folded.text, start, end)
        return view

    def original(self, start: int, end: int) -> str:
        s, e = self.folded.span(start, end)
        return self.folded.original[s:e]

    def words(self, first: int, last: int) -> list[Word]:
        """Words of tokens first..last, leaving out words inside quotation marks."""
        words: list[Word] = []
        for t in self.tokens[first:last]:
            if not t.is_word and t.text.isdigit() and words and words[-1].folded == "ال":
                # ``الدول الـ28``: the number glued to the article, one word with it
                words[-1] = Word("ال" + t.text, words[-1].original + self.original(t.start, t.end))
                continue
            if not t.is_word:
                continue
            region = _region_of(self.quotes, t.start) if self.quotes else None
            if region is None:
                words.append(Word(t.text, self.original(t.start, t.end)))
            elif _word_count(self.folded.text[region[0] + 1 : region[1]]) <= _MAX_QUOTED_NAME_WORDS:
                words.append(Word(t.text, self.original(t.start, t.end), quoted=True))
        return words


def _inside(regions: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos <= e for s, e in regions)


def _region_of(regions: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in regions if s <= pos <= e), None)


_CLOSE_TO = frozenset(
    fold_entry(w) for w in ("مقرب", "مقربة", "قريب", "قريبة", "المقرب", "المقربة", "القريب", "القريبة")
)
# ``عنه``, ``عنها``: a pronoun after the verb, what the speech is about; the subject comes after it.
_ABOUT_HIM = frozenset(fold_entry(w) for w in ("عنه", "عنها", "عنهم", "عنهما", "عنهن"))
# ``قال لهم موزع الجملة``, ``رد عليها المدرب``: whom the speaker addressed, then the subject.
_TO_HIM = frozenset(fold_entry(w) for w in ("له", "لها", "لهم", "لهما", "لي", "لنا", "عليه", "عليها", "عليهم"))


def _opens_a_speaker(word: str) -> bool:
    """A title, an organisation's word, a people noun or a given name: a speaker may open with it
    (not ``أمس``, ``إنهم`` or ``في``, after which the verb's subject is the one named before)."""
    bare = word.removeprefix("ال")
    if word in TITLES or bare in TITLES or bare.removesuffix("ه") in TITLES:  # ``المستشارة``
        return True
    return word in ORGANISATIONS or word in PEOPLE_NOUNS or is_given_name(word)


def _subject_range(
    tokens: list[_Token], first: int, limit: int, written: Callable[[int, int], str] | None = None
) -> tuple[int, int]:
    if first + 1 < limit and tokens[first].text in _ABOUT_HIM | _TO_HIM and _opens_a_speaker(tokens[first + 1].text):
        first += 1  # ``الذي قال عنه التلمساني``, ``يقول عنها محلل``: whom it was said of, then who said it
    i = first
    while i < limit and i - first < _MAX_SUBJECT_WORDS:
        t = tokens[i]
        if i > first and written is not None and is_given_ali(t.text, written(t.start, t.end)):
            i += 1  # ``المستشار الزراعي للمحافظ علي مانع``: the name, not the preposition
            continue
        if t.text in _OPENERS:
            # A short quoted name inside the subject (``الشركة "سياحية" المهندس ...``); a longer
            # quotation after the verb is what was said.
            close = next((j for j in range(i + 1, min(limit, i + 6)) if tokens[j].text in "”»\"″'"), None)
            if i == first and close is not None and close - i > _MIN_QUOTE_WORDS and _ends_speech(tokens, close, limit):
                break  # ``هتفوا «الشعب يريد اسقاط النظام» و«...»``: speech right after the verb
            if close is not None and close + 1 < limit and tokens[close + 1].is_word:
                i = close + 1
                continue
            if close is not None and close > i + 1 and (close + 1 == limit or tokens[close + 1].text in ":،,"):
                return first, close + 1  # ``وقال "البرناوي": "..."``: the quoted name ends the subject
        if t.text == "." and i > first and tokens[i - 1].text in _ABBREVIATED_TITLES:
            i += 1  # ``قال د. زكريا الآغا``: the full stop of an abbreviated title
            continue
        if t.text.isdigit() and i > first and tokens[i - 1].text == "ال":
            i += 1  # ``وزراء خارجية الدول الـ28``: the number the article is glued to
            continue
        if t.text == "من" and i > first and tokens[i - 1].text in _CLOSE_TO:
            i += 1  # ``مصدر مقرب من السلطات المحلية``: whom the source is close to names it
            continue
        if t.text == "اول" and _day_before_yesterday([x.text for x in tokens[i + 1 : min(limit, i + 3)]]):
            break  # ``قال أول أمس``, ``أول من أمس``: the day before yesterday, no subject
        if not t.is_word or t.text in _SUBJECT_STOPS or t.text in _COMPLEMENTIZERS or t.text in ("ب", "ل"):
            break  # ``ب`` alone: ``بـ"التاريخية"``, what the subject called something; ``لـ«رويترز»``, whom it told
        if t.text in _NOT_DONE and i > first + 1:
            i -= 1  # ``مصدر مطلع فضل عدم ذكر اسمه``: the verb before ``عدم`` ends the subject
            break
        if i > first and t.text in _DECLINED and _names_the_name(tokens, i + 2, limit):
            break  # ``مسؤول تركي رفض الكشف عن هويته``: who declined to be named; the verb ends the subject
        if i > first and _blessing_at(tokens, i, limit):
            break  # ``رسول الله صلى الله عليه وسلم``, ``عمر بن الخطاب رضي الله عنه``: the name ends there
        if t.text == "فان" and written is not None and written(t.start, t.end) == "فإن":
            break
        if i == first and t.text.startswith(("بال", "وبال")):
            break  # ``وذكر بالتطورات``: a prepositional phrase, the verb's subject is the last speaker
        if i == first and opens_l_phrase(t.text):
            break  # ``قال لفرانس برس``: whom the speaker told, not who spoke
        if (
            i == first
            and written is not None
            and _circumstantial(t.text, written(t.start, t.end), tokens[first - 1].text if first else "")
        ):
            break  # ``وأضاف مبتسما``, ``وقال موجها خطابه``: how he said it; the subject is the last speaker
        if t.text.startswith("لل") and (t.text[2:] in _PRESS or not (i > first and _completes_title(tokens, first, i))):
            # ``قال للصحفيين``, ``للصحيفة``; but ``الجناح المسلح للحزب``, ``المستشار الزراعي للمحافظ`` name the speaker
            break
        if t.text[:1] == "ل" and t.text[1:] in _MEDIA:
            break  # ``قال فابيوس لمحطة ...``
        cue = _CUE_LOOKUP.get(t.text)
        if cue is not None and (cue[0] != "attribution" or i > first):
            break  # (``خالد العتيبي وفق ما بثته الوكالة``: the attribution ends the name)
        i += 1
    return first, i


def _circumstantial(folded: str, written: str, verb: str) -> bool:
    """Whether the word right after a speech verb is a circumstantial participle, not its subject:
    written with the accusative's tanween (``مبتسماً``), or, after a verb of one man (``قال``, not
    ``قالت``: ``وقالت مونيكا``), without it in the participle's shapes that end in the accusative's
    alif (``مُفعِلا``, ``متفاعلا``, ``مستفعلا``: ``متسائلا``, ``مستدركا``; ``فاعلا``: ``ساخرا``,
    ``ضاحكا``). A subject is nominative, so neither opens one. Words ending in a possessive
    (``مديرها``, ``جارها``: its director, her neighbour) and given names (``ماريا``) may be subjects."""
    if _TANWEEN in written:
        return True
    if (
        _CUE_LOOKUP.get(verb, ("",))[0] != "verb"
        or verb.endswith(("ت", "ا", "ن"))
        or not folded.endswith("ا")
        or folded.endswith(("ها", "نا"))
        or folded.startswith("ال")
        or folded in given_names()
    ):
        return False
    return (folded[0] == "م" and len(folded) >= 5) or (len(folded) == 5 and folded[1] == "ا")


# The blessings written after the Prophet's and his companions' names (folded): they close the name.
_BLESSINGS = tuple(
    tuple(fold_entry(w) for w in phrase.split())
    for phrase in (
        "صلى الله عليه وسلم",
        "عليه الصلاة والسلام",
        "عليه السلام",
        "رضي الله عنه",
        "رضي الله عنها",
        "رضي الله عنهم",
        "رضي الله عنهما",
        "رحمه الله",
    )
)


def _ends_speech(tokens: list[_Token], close: int, limit: int) -> bool:
    """Whether a quotation right after a speech verb is what was said, not the speaker's quoted
    name: the sentence ends after it, or another quotation follows (``«...» و«...»``); a name is
    followed by ``إن``, ``:`` or the rest of the clause (``قال «الشبكة السورية» إن``)."""
    after = close + 1
    if after >= limit or tokens[after].text in ".!؟?":
        return True
    return tokens[after].text == "و" and after + 1 < limit and tokens[after + 1].text in _OPENERS


def _blessing_at(tokens: list[_Token], at: int, limit: int, blessings: Sequence[tuple[str, ...]] = _BLESSINGS) -> bool:
    words = [t.text for t in tokens[at:limit] if t.is_word][:4]
    return any(tuple(words[: len(b)]) == b for b in blessings)


# The Prophet's own blessings (``عليه السلام`` is said of every prophet), and the titles an
# article gives him: the name a speaker with no name but the blessing takes.
_PROPHET_BLESSINGS = _BLESSINGS[:2]
_PROPHET_TITLE = re.compile(r"(?<!\w)(?:رسول الله|الرسول|النبي|نبي الله)(?!\w)")
_THE_PROPHET = "رسول الله"


def _prophet_blessed(para: _Paragraph, cue: int, last: int) -> str | None:
    """``وقال النبي صلى الله عليه وسلم:``, ``ويقول عليه الصلاة والسلام: (...)``: the Prophet
    speaks, by the title given with the blessing or else the one the paragraph last gave him."""
    tokens = para.tokens
    if cue + 2 < last and tokens[cue + 1].text in _ABOUT_HIM:
        cue += 1  # ``قال عنه النبي صلى الله عليه وسلم:``
    title = next(
        (n for n in (2, 1) if " ".join(t.text for t in tokens[cue + 1 : cue + 1 + n]) in PROPHET and cue + n < last),
        0,
    )
    if not _blessing_at(tokens, cue + 1 + title, last, _PROPHET_BLESSINGS):
        return None
    if title:
        return para.original(tokens[cue + 1].start, tokens[cue + title].end)
    titles = list(_PROPHET_TITLE.finditer(para.folded.text, 0, tokens[cue].start))
    return para.original(*titles[-1].span()) if titles else _THE_PROPHET


def _completes_title(tokens: list[_Token], first: int, at: int) -> bool:
    """Whether the ``لل`` word at `at` completes the subject's organisation or title rather than
    naming whom the speaker addressed (``للصحفيين``, ``للصحيفة``)."""
    if tokens[first].text in ORGANISATIONS:
        return True
    addressed = tokens[at].text[2:]
    return addressed not in _AUDIENCE and any(tokens[k].text in TITLES for k in range(first, at))


def _source_range(para: _Paragraph, first: int, limit: int) -> tuple[int, int]:
    """The source after ``وفق``/``بحسب``: skips ``لـ`` and ``ما أوردته``."""
    tokens = para.tokens
    i = first
    if i < limit and tokens[i].text in {"ل", "لما"}:
        i += 1
    if i < limit and tokens[i].text == "ما":
        i += 2
    return _subject_range(tokens, i, limit, para.original)


_NOT_DONE = frozenset({"عدم", "دون", "بدون"})
_DECLINED = frozenset(fold_entry(w) for w in ("رفض", "رفضت", "رفضوا", "فضل", "فضلت", "اشترط", "اشترطت"))
_IMPERSONAL = frozenset({"تم", "يتم", "هو", "هي", "جري", "يجري"})
_OWN_NAME = frozenset(fold_entry(w) for w in ("اسمه", "اسمها", "اسمهم", "أسمائهم", "هويته", "هويتها", "هويتهم"))


def _impersonal(tokens: list[_Token], cue: int, last: int) -> bool:
    """``وفق ما تم التخطيط له``, ``وفقا لما هو متفق عليه``, ``حسبما تم الإعلان``: a passive or a
    state after ``ما`` names no source (67 in the news collections; ``وفقا لما كان قاله البنا`` does)."""
    at = cue + 1
    after_ma = tokens[cue].text.endswith("ما")
    if at < last and tokens[at].text in {"لما", "ما"}:
        after_ma, at = True, at + 1
    elif at + 1 < last and tokens[at].text == "ل" and tokens[at + 1].text == "ما":
        after_ma, at = True, at + 2
    return after_ma and at < last and tokens[at].text in _IMPERSONAL


# A verb's "subject" that opens with these is a circumstance (``قال في حوار مع ...``, ``قال أمام الصحافيين``).
_CIRCUMSTANCES = frozenset(fold_entry(w) for w in ("في", "مع", "من", "على", "عن", "إلى", "أمام", "خلال", "بعد", "قبل"))


def _names_someone(tokens: list[_Token], subject: tuple[int, int]) -> bool:
    return subject[0] < subject[1] and tokens[subject[0]].text not in _CIRCUMSTANCES


def _names_the_name(tokens: list[_Token], at: int, last: int) -> bool:
    """Whether a cue's object is the speaker's own name (``ذكر اسمه``, ``الكشف عن هويته``):
    256 times in the news collections, never a cue of speech."""
    if at < last and tokens[at].text == "عن":
        at += 1
    return at < last and tokens[at].text in _OWN_NAME


def _find_cues(para: _Paragraph, first: int, last: int) -> list[_Cue]:
    tokens = para.tokens
    cues: list[_Cue] = []
    for index in range(first, last):
        token = tokens[index]
        found = _CUE_LOOKUP.get(token.text)
        if found is None or (para.quotes and _inside(para.quotes, token.start)):
            continue
        if token.text in _SAYING_NOUNS and not _opens_quotation(para, index, last):
            continue  # ``رب قول أنفذ من صول``, ``في قول الحكومة إنها``: a saying, no speech quoted
        if index > first and tokens[index - 1].text in _NOT_DONE:
            continue  # ``طلب عدم ذكر اسمه``, ``دون أن يوضح``: what was not said
        if _names_the_name(tokens, index + 1, last):
            continue  # ``رافضا ذكر اسمه``, ``رفض الإفصاح عن هويته``: his name, not what he said
        if token.text[found[1] :] in _DESCRIBING_IT and not _described_in_marks(tokens, index, first, last):
            continue  # ``ضد ما وصفه بالتدخل``, ``على حد وصفه``: no words of his quoted as what it is
        for kind in (found[0],):
            word = para.original(token.start + found[1], token.end)
            if kind == "participle":
                subject = (index + 1, index + 1)
            elif kind == "nominal":
                subject = _named_before(tokens, first, index)
            elif kind == "passive":
                subject = (index + 1, index + 1)
            elif kind == "relay":
                source = next((k for k in range(index + 1, min(last, index + 10)) if tokens[k].text == "عن"), None)
                if source is None:
                    continue
                subject = _subject_range(tokens, source + 1, last, para.original)
            elif kind == "statement":
                statement = _statement(tokens, index, last)
                if statement is None:
                    continue
                subject = statement
            elif kind == "attribution":
                if index + 1 < last and tokens[index + 1].text in _CUE_LOOKUP:
                    continue  # ``حسبما أوضح بومجارتنر``: the verb after it is the cue
                if _impersonal(tokens, index, last):
                    continue  # ``وفق ما تم التخطيط له``: as was planned, by nobody named
                if any(c.kind == "verb" and _names_someone(tokens, c.subject) for c in cues):
                    continue  # ``وقال النائب العام سالم كبيش وفق ما بثته الوكالة``: the verb's subject spoke
                subject = _source_range(para, index + 1, last)
            else:
                subject = _subject_range(tokens, _after_so_called(tokens, index + 1, last), last, para.original)
                if _tells(token.text):
                    subject, said = _without_addressee(tokens, subject, last, para.original)
                    cues.append(_Cue(kind, index, word, subject, _reported_start(tokens, said, last)))
                    break
            cues.append(_Cue(kind, index, word, subject, _reported_start(tokens, subject[1], last)))
            break
    return cues


_DESCRIBED_REACH = 8  # tokens from the verb to ``بأنه``: its subject, a circumstance
_OPENING_MARKS = frozenset('«"“')


def _described_in_marks(tokens: list[_Token], index: int, first: int, last: int) -> bool:
    if index > first and tokens[index - 1].text == "ما":
        return False  # ``ما وصفه``: what he called it, the writer's words around it
    for k in range(index + 1, min(last - 1, index + 1 + _DESCRIBED_REACH)):
        if tokens[k].text in _THAT_IT:
            return tokens[k + 1].text in _OPENING_MARKS
    return False


_TELLING = frozenset(fold_entry(w) for w in ("أبلغ", "أبلغت"))
_MEDIUM_WORDS = _MEDIA | {fold_entry("أنباء")}


def _tells(word: str) -> bool:
    return (word[1:] if word[:1] in "وف" else word) in _TELLING


def _without_addressee(
    tokens: list[_Token], subject: tuple[int, int], last: int, written: Callable[[int, int], str]
) -> tuple[tuple[int, int], int]:
    """``أبلغ «الشرق الأوسط» بأن``, ``أبلغت مصادر محلية «الشرق الأوسط»``: after a verb of telling,
    a name in marks is whom the speaker told (a newspaper, 40 times in the news collections),
    never the speaker; the subject is the words before it, or after it when it comes first
    (``وأبلغت «عكاظ» مصادر``). Returns the subject and where what was said may start."""
    first, end = subject
    for at in range(first, end):
        if tokens[at].text not in _OPENERS:
            continue
        close = next((k for k in range(at + 1, min(last, at + 6)) if tokens[k].text in "”»\"″'"), None)
        if close is None:
            break
        if at > first:
            end = at
            while end > first and tokens[end - 1].text in _MEDIUM_WORDS:
                end -= 1  # ``وكالة أنباء "رويترز"``, ``صحيفة «بيلد»``: the medium's noun is the addressee's
            return (first, end), close + 1
        after = _subject_range(tokens, close + 1, last, written)
        return after, after[1]
    return subject, subject[1]


def _opens_quotation(para: _Paragraph, index: int, last: int) -> bool:
    """Whether a colon shortly after the token at `index` opens a quotation (``قول النبي ...: «``)."""
    tokens = para.tokens
    colon = next((k for k in range(index + 1, min(last, index + _SAYING_REACH)) if tokens[k].text == ":"), None)
    return colon is not None and any(tokens[colon].end <= start <= tokens[colon].end + 2 for start, _ in para.quotes)


def _named_before(tokens: list[_Token], first: int, cue: int) -> tuple[int, int]:
    """``عن محافظ الحسكة محمد العلي قوله``: the words between ``عن`` and the noun."""
    for index in range(cue - 1, max(first, cue - 10) - 1, -1):
        if tokens[index].text == "عن":
            # ``عن كاهيل (29 عاما) قوله``: a bracketed age or post after the name is not part of it.
            bracket = next((k for k in range(index + 1, cue) if tokens[k].text == "("), cue)
            return index + 1, bracket
    return cue, cue


def _statement(tokens: list[_Token], index: int, last: int) -> tuple[int, int] | None:
    """``جاء في بيان``: the statement noun; ``جاء فيه``: no subject. None: not about a text."""
    following = tokens[index + 1].text if index + 1 < last else ""
    if following in {"فيه", "فيها"}:
        return index + 1, index + 1
    if following == "في" and index + 2 < last and tokens[index + 2].text.removeprefix("ال") in _STATEMENT_NOUNS:
        return index + 2, index + 3
    return None


def _after_so_called(tokens: list[_Token], first: int, last: int) -> int:
    """``أعلن ما يسمى المجلس الوطني``: the subject starts after "so-called"; ``وأوضح لـ«عكاظ»
    وكيل الوزارة``: after the newspaper the speaker told (some 470 times in the news collections)."""
    for phrase in _SO_CALLED:
        words = phrase.split()
        if all(first + k < last and tokens[first + k].text == w for k, w in enumerate(words)):
            return first + len(words)
    if first + 2 < last and tokens[first].text == "ل" and tokens[first + 1].text in _OPENERS:
        closers = _OPENERS[tokens[first + 1].text]
        close = next((k for k in range(first + 2, min(last, first + 7)) if tokens[k].text in closers), None)
        if close is not None:
            after = close + 1
            return after + 1 if after < last and tokens[after].text in "،," else after
    return first


def _reported_start(tokens: list[_Token], after: int, last: int) -> int | None:
    for index in range(after, min(last, after + 8)):
        text = tokens[index].text
        if text in _COMPLEMENTIZERS:
            return tokens[index].end
        if text in {"“", "«", '"', "”", "'", "."}:
            return None
    return None


def _apposed_name(para: _Paragraph, at: int, last: int) -> list[Word]:
    """The name in commas after a subject of titles only: ``، عمر البرناوي،``."""
    tokens = para.tokens
    if at >= last or tokens[at].text not in "،,":
        return []
    end = at + 1
    while end < last and tokens[end].is_word and end - at <= 4:
        end += 1
    words = para.words(at + 1, end)
    if not (1 < len(words) <= 4) or end >= last or tokens[end].text not in "،,":
        return []
    head = words[0].folded
    if (is_descriptor(head) and not head.startswith("ال")) or head in _SUBJECT_STOPS or head in _COMPLEMENTIZERS:
        return []
    return words


_DASHES = frozenset("-–—")
_MARKS = frozenset('"«»“”')
_MAX_DASHED_TITLE = 8
_MAX_DASHED_NAME = 3


def _dashed_subject(para: _Paragraph, first: int, cue: int) -> list[Word]:
    """``حسين عطية - بائع عطور - يقول``, ``أما السيد حسن - بائع في محل «عطارة» - فيقول``: the name
    that opens the sentence before its title set off by dashes, right before the verb."""
    tokens = para.tokens
    if cue - 1 <= first or tokens[cue - 1].text not in _DASHES:
        return []
    opening = next(
        (k for k in range(cue - 2, max(first, cue - 2 - _MAX_DASHED_TITLE) - 1, -1) if tokens[k].text in _DASHES), None
    )
    if opening is None:
        return []
    words = para.words(first, opening)
    if words and words[0].folded in {"اما", "واما"}:
        words = words[1:]
    if not 1 <= len(words) <= _MAX_DASHED_NAME or not all(tokens[k].is_word for k in range(first, opening)):
        return []
    return words


def _subject_before(para: _Paragraph, first: int, cue: int) -> list[Word]:
    """``وكانت وزارة الداخلية أعلنت``: an organisation named just before its verb, in its clause
    (``... العمل الإعلامي في النادي، وقال``: the club ends the clause before, as an object)."""
    start = max(first, cue - 5)
    start = next((k + 1 for k in range(cue - 1, start - 1, -1) if para.tokens[k].text in "،,؛;."), start)
    words = para.words(start, cue)
    for index, word in enumerate(words):
        if word.folded in ORGANISATIONS:
            rest = words[index + 1 :]
            # ``محبي النادي على وضع إصابته وقال``: the organisation is an object, not the subject.
            if any(w.folded in _SUBJECT_STOPS or w.folded in NAME_STOPS for w in rest):
                return []
            return words[index:]
    return []


def _day_before_yesterday(after: list[str]) -> bool:
    """Whether the words after ``أول`` make it ``أول أمس`` or ``أول من أمس``."""
    return after[:1] == ["امس"] or after == ["من", "امس"]


_KANA = frozenset({"كان", "وكان", "كانت", "وكانت", "فكان", "فكانت"})
_MAX_KANA_RUN = 20  # words from ``كان`` to its verb without ``قد``: a name and its long title


def _subject_after_kana(para: _Paragraph, first: int, cue: int) -> list[Word]:
    """``وكان الناشط علي عبيدات قال لفرانس برس``: the subject between ``كان`` and its verb."""
    tokens = para.tokens
    kana = next((k for k in range(cue - 1, max(first, cue - 8) - 1, -1) if tokens[k].text in _KANA), None)
    if kana is None or not all(t.is_word for t in tokens[kana + 1 : cue]):
        return []
    words = [w for w in para.words(kana + 1, cue) if w.folded != "قد"]
    if not 1 <= len(words) <= 6 or any(
        (w.folded in _SUBJECT_STOPS and not is_given_ali(w.folded, w.original)) or w.folded in _CUE_FORMS for w in words
    ):
        return []
    return words


def _person_after_distant_kana(para: _Paragraph, first: int, cue: int, book: NameBook) -> list[Word]:
    """``وكان هاشم حيدر رئيس الاتحاد ... الذي يقوده الفهد قد أكد``: ``كان`` + a person NER found +
    a long description + ``قد`` + the verb; the person is the verb's subject however far back."""
    tokens = para.tokens
    if cue - 1 <= first:
        return []
    if tokens[cue - 1].text != "قد":
        # ``وكان عمر الشتوي رئيس لجنة ... في المجلس التأسيسي قال``: without ``قد``, the description
        # runs unbroken from ``كان`` to the verb.
        kana = next(
            (k for k in range(cue - 1, max(first, cue - _MAX_KANA_RUN) - 1, -1) if tokens[k].text in _KANA), None
        )
        if kana is None or not all(t.is_word for t in tokens[kana + 1 : cue]):
            return []
    else:
        kana = next((k for k in range(cue - 2, first - 1, -1) if tokens[k].text in _KANA), None)
    if kana is None:
        return []
    words = para.words(kana + 1, min(cue - 1, kana + 1 + _MAX_OPENING_WORDS))
    return words[: book.person_opening(words)]


_POSTPOSING = frozenset({"حسبما", "كما", "مثلما", "وفقما"})


def _postposed(tokens: list[_Token], cue: int) -> bool:
    """Whether the cue at `cue` follows ``حسبما``/``كما``: an attribution after the words it attributes."""
    return cue > 1 and tokens[cue - 1].text in _POSTPOSING and tokens[cue - 2].text in "،,"


def _entity_before(para: _Paragraph, first: int, cue: int, book: NameBook) -> list[Word]:
    """``... معلول قال: «...»``: a person or organisation NER found, right before its verb."""
    tokens = para.tokens
    start = cue
    while start > first and cue - start < 4 and tokens[start - 1].is_word:
        start -= 1
    for begin in range(start, cue):
        opens_clause = begin == first or not tokens[begin - 1].is_word or tokens[begin - 1].text in _CONNECTORS
        folded = tuple(t.text for t in tokens[begin:cue])
        if opens_clause and folded[0] not in _CUE_FORMS and book.entities.get(folded) is not None:
            return para.words(begin, cue)
    return []


def _statement_speaker(para: _Paragraph, first: int, cue: _Cue, current: str | None, book: NameBook) -> str | None:
    """``جاء في بيان`` -> ``البيان``; ``أصدر المركز الإعلامي بيانا ... جاء فيه`` -> the issuer."""
    if cue.subject[1] > cue.subject[0]:
        issuer = _issuer_after(para, cue.subject[1], book)
        if issuer is not None:
            return issuer
        at = cue.subject[0]
        if para.tokens[at].text in _TEXT_OF and at + 1 < len(para.tokens) and para.tokens[at + 1].is_word:
            at += 1  # ``جاء في نص البيان``: the statement, whose text it is
        noun = para.tokens[at]
        written = para.original(noun.start, noun.end)
        return written if noun.text.startswith("ال") else "ال" + written
    words = para.words(first, min(cue.token, first + 3))
    for index, word in enumerate(words):
        if word.folded in ORGANISATIONS:
            phrase = [word]
            for following in para.words(first, cue.token)[index + 1 :]:
                if not following.folded.startswith(("ال", "بال", "لل")):
                    break
                phrase.append(following)
            return " ".join(w.original for w in phrase)
    return current


_ISSUED = frozenset({"صادر", "الصادر", "صادره", "الصادره"})
_TEXT_OF = frozenset({"نص", "فحوي", "متن"})
_MAX_ISSUER_WORDS = 6


def _issuer_after(para: _Paragraph, at: int, book: NameBook) -> str | None:
    """``جاء في بيان صادر عن المؤسسة``: the organisation or person a statement came from."""
    tokens = para.tokens
    if at < len(tokens) and tokens[at].text in _ISSUED:
        at += 1
    if at >= len(tokens) or tokens[at].text != "عن":
        return None
    words = para.words(at + 1, min(_phrase_end(tokens, at + 1, len(tokens)), at + 1 + _MAX_ISSUER_WORDS))
    if not words:
        return None
    named = book.entity_in([w.folded for w in words]) or book.mentioned(words)
    return named or book.named_by_head(words[0].folded)


def _strip_honorifics(words: list[Word]) -> list[Word]:
    """``النبي صلى الله عليه وسلم`` -> ``النبي``: blessings after a name are not the name."""
    folded = [w.folded for w in words]
    for honorific in _HONORIFICS:
        size = len(honorific)
        for at in range(len(folded) - size, 0, -1):
            if tuple(folded[at : at + size]) == honorific:
                return words[:at]
    return words


_BUT = frozenset({"لكن", "ولكن"})


def _goes_on(
    para: _Paragraph, first: int, cues: list[_Cue], cue: _Cue, speakers: list[str | None], book: NameBook
) -> str | None:
    """The speaker a subjectless verb cue joined by و goes on with: that of the last cue before it
    in its sentence that opens a clause (the sentence's first verb, or one after a comma), when
    no comma or full stop comes between; after the sentence's first verb commas may, where a comma
    sets the joined verb off and what that verb reports names no one. A cue inside what was said
    (``أفادت`` in ``وأوضح عيد أن البيانات ... أفادت أن ...``) is no subject for it."""
    tokens = para.tokens
    before = tokens[cue.token - 1] if cue.token else None
    if before is None or not (before.is_word or before.text in "،,") or not tokens[cue.token].text.startswith("و"):
        return None
    for earlier, speaker in zip(reversed(cues[: cues.index(cue)]), reversed(speakers), strict=True):
        start = earlier.token - 1
        while start >= first and tokens[start].text in _CONNECTORS:
            start -= 1
        if earlier.kind == "verb" and (start < first or tokens[start].text in "،,:"):
            # ``وأكد القرشي أن ذلك واجب على المواطنين، وأضاف: "..."``: the verb that opens the
            # sentence still gives the subject across the commas of what it reports, when the joined
            # verb is set off by a comma and no one else is named in between.
            set_off = start < first and before.text in "،," and not _names_between(para, earlier, cue, book)
            stops = ":." if set_off else "،,:."
            if (
                speaker is None
                or not names_someone(book, speaker)
                or any(t.text in stops for t in tokens[earlier.token : cue.token])
            ):
                return None
            return speaker
    return None


def _names_between(para: _Paragraph, earlier: _Cue, cue: _Cue, book: NameBook) -> bool:
    """Whether what the earlier cue reports names a person before the joined verb: ``وأوضح أن
    هتلر اعتبر الإخوان شرا، وقال لهم``, where the joined verb is that person's."""
    folded = [t.text if t.is_word else "" for t in para.tokens]
    opener = next((k for k in range(earlier.token + 1, cue.token) if folded[k] in _COMPLEMENTIZERS), None)
    if opener is None:
        return False
    words = para.words(opener + 1, cue.token)
    named = {word for key in book.persons_found for word in key}
    return book.mentioned(words) is not None or any(w.folded in named for w in words)


def _fronted_subject(para: _Paragraph, first: int, cue: int, openers: frozenset[str] = _SUBJECT_OPENERS) -> list[Word]:
    """``أن النبي صلى الله عليه وسلم قال «...»``: a subject between ``أن``/``عن`` and its verb."""
    tokens = para.tokens
    opener = next((k for k in range(cue - 1, max(first, cue - 10) - 1, -1) if tokens[k].text in openers), None)
    if opener is None or not all(t.is_word for t in tokens[opener + 1 : cue]):
        return []
    written = para.words(opener + 1, cue)
    words = _strip_honorifics(written)
    if tokens[opener].text == "عن" and len(words) == len(written):
        return []  # ``حديثه عن ميسي حين أكد``: after ``عن`` only a narrator with a blessing
    if tokens[opener].text in _BUT and 2 <= len(words) <= 7 and words[0].folded not in _SUBJECT_STOPS:
        # ``لكن اياد البزم المتحدث باسم الوزارة قال``: a name, then its title
        end = next((k for k, w in enumerate(words) if w.folded in TITLES), len(words))
        return words if end >= 2 and all(_name_like_word(w) for w in words[:end]) else []
    if not 1 <= len(words) <= 4 or any(
        w.folded in _SUBJECT_STOPS or w.folded in _CUE_FORMS or w.folded in NAME_STOPS for w in words
    ):
        return []
    return words


def _name_like_word(word: Word) -> bool:
    return not is_descriptor(word.folded) or (word.folded.startswith("ال") and len(word.folded) > 4)


def _by_pronoun_title(subject: list[Word], book: NameBook) -> str | None:
    """``سموه``, ``معاليه``: the person introduced with that title (``صاحب السمو الأمير ...``)."""
    if len(subject) != 1 or subject[0].folded not in _PRONOUN_TITLES:
        return None
    for title in _PRONOUN_TITLES[subject[0].folded]:
        wanted = title.removeprefix("ال")
        # Only people: ``سمو أمير منطقة عسير`` also ends a description with a name, of a place.
        found = next(
            (key for described, key in reversed(book.by_descriptor) if wanted in described and key in book.persons),
            None,
        )
        if found is not None:
            return book.resolve(found)
    return None


_fold_cached = cache(fold_entry)  # speakers repeat across cues
_STATEMENT_PARTIES = frozenset(read_list("statement_parties.txt"))


def _party_of_document(subject: list[Word], current: str | None, book: NameBook) -> bool:
    """Whether `subject` is a party a statement speaks about (``العراق``, ``الطرفان``) while
    that statement is the current speaker: a country does not utter quotations."""
    if not current or not 1 <= len(subject) <= 4:
        return False
    head = current.split()[0]
    if _bare_noun(_fold_cached(head)) not in _STATEMENT_NOUNS:
        return False
    return " ".join(w.folded for w in subject) in _STATEMENT_PARTIES


def _object_phrase(subject: list[Word]) -> bool:
    """``واعتبر لجوء مؤسسة النقد``: a noun governing an organisation is the verb's object
    (its subject is the previous speaker), not a name."""
    return (
        len(subject) > 1
        and subject[0].folded not in TITLES
        and not subject[0].folded.startswith(("ال", "لل"))
        and subject[0].folded not in ORGANISATIONS
        and subject[1].folded in ORGANISATIONS
    )


def _name_after_phrase(para: _Paragraph, at: int, last: int) -> list[Word]:
    """``مقررة الأمم المتحدة المعنية بالحق في الغذاء هلال إيلفر من``: a name of two to
    four words after the prepositional phrase that ended a subject of titles."""
    tokens = para.tokens
    if at >= last or tokens[at].text not in _SUBJECT_STOPS or tokens[at].text in _COMPLEMENTIZERS:
        return []  # ``أكدت الشاعرة أنها جمعت``: after ``أنها`` comes what was said, not a name
    index = at + 1
    while index < last and index - at <= 3 and tokens[index].text.startswith("ال"):
        index += 1
    start = index
    while (
        index < last
        and index - start < 4
        and tokens[index].is_word
        and (index > start or not is_descriptor(tokens[index].text))
        and (index == start or tokens[index].text.startswith("ال") or not is_descriptor(tokens[index].text))
        and tokens[index].text not in _SUBJECT_STOPS
        and tokens[index].text not in _CUE_FORMS
    ):
        index += 1  # ``حمد عبد المحسن المرزوق``: family names with the article belong to it
    if index - start < 2 or start == at + 1:
        return []
    if index < last and tokens[index].is_word and tokens[index].text not in _SUBJECT_STOPS | _COMPLEMENTIZERS:
        return []
    return para.words(start, index)


# What may stand between a subject of titles and the name it introduces: the title's place
# (``السفير التونسي لدى روسيا``, ``المتحدث باسم الرئاسة``), a comma.
_PLACE_OF_TITLE = frozenset({"لدي", "في", "باسم", "ب"})
_NAME_GOES_ON = frozenset({"ابو", "ابا", "ابي", "بن", "ابن", "بنت", "عبد", "ال"})
_MAX_PLACE_WORDS = 4


def _person_after_titles(para: _Paragraph, subject: list[Word], at: int, last: int, book: NameBook) -> str | None:
    """``قال الرئيس التنفيذي للشركة، بن فان بيوردن:``, ``وقال السفير التونسي لدى روسيا علي قوطالي
    في حديث``: the person NER found right after a subject of titles, past a comma or the title's
    place, and ending where the words before what was said end (punctuation, ``إن``/``أن``, or
    a preposition); never a person further on (``خلال لقائه الرئيس الفرنسي``)."""
    tokens = para.tokens
    starts = [at]
    index = at
    if index < last and tokens[index].text in "،,":
        index += 1
        starts = [index]
    elif index < last and tokens[index].text in _PLACE_OF_TITLE:
        # the name opens after one to four words of the place (marks around them aside)
        words = [k for k in range(index + 1, last) if tokens[k].is_word][: _MAX_PLACE_WORDS + 1]
        starts = words[1:]
    folded = [t.text if t.is_word else "" for t in tokens]
    for start in starts:
        if any(not tokens[k].is_word and tokens[k].text not in _MARKS for k in range(at + 1, start)):
            return None  # a comma or a full stop inside the place: the clause has moved on
        if any(folded[k] in _CUE_FORMS or folded[k] in _COMPLEMENTIZERS for k in range(at, start)):
            return None
        if heads_a_body(folded[max(at, start - 3) : start]):
            continue  # ``مسؤول كبير في إدارة الرئيس باراك أوباما``: the body's head is not the official
        keys = [key for key in book.persons_found if len(key) > 1 and tuple(folded[start : start + len(key)]) == key]
        # ``لدى شركة «البلاد للاستثمار» تركي فدعق``: a name NER took for an organisation's, where
        # no organisation's word or article opens it
        # (not after an organisation's word: ``منظمة «هيومن رايتس ووتش»`` is one)
        if not keys and _word_before(tokens, start, at) not in ORGANISATIONS:
            keys = [key for key in book.entities if _plain_name(key) and tuple(folded[start : start + len(key)]) == key]
        if keys:
            end = start + len(max(keys, key=len))
        elif start < last and (
            is_given_name(folded[start])
            or is_given_ali(folded[start], para.original(tokens[start].start, tokens[start].end))
        ):
            # ``علي قوطالي``, ``تركي فدعق``: a given name and one or two more that NER missed
            end = start + 1
            while end < last and end - start < 3 and tokens[end].is_word and _name_word(folded[end]):
                end += 1
            if end - start < 2:
                continue
        else:
            continue
        while end < last and tokens[end].is_word and folded[end - 1] in _NAME_GOES_ON:
            end += 1  # ``فيصل أبا الخيل`` where NER stopped at ``أبا``: a kin word takes the next
        if (
            end < last
            and tokens[end].is_word
            and tokens[end].text not in _SUBJECT_STOPS | _COMPLEMENTIZERS
            and not (keys and end - start >= _FULL_NAME_WORDS and _object_after_name(tokens[end].text))
        ):
            return None  # ``... الرئيس الفرنسي فرانسوا هولاند بقوة``: the name runs on into a clause
        name = para.words(start, end)
        while len(name) > 2 and (name[0].folded in TITLES or is_descriptor(name[0].folded)):
            name = name[1:]  # ``الطيار الركن قاسم سعد الدين``: NER took ranks for the name's
        return _described_name(book, name, subject)
    return None


def _object_after_name(word: str) -> bool:
    """``دعا الأمين العام للأمم المتحدة بان كي مون السلطات البوروندية إلى``: a definite word after a
    full name NER found is the verb's object, and the name ends the subject (after a shorter one it
    may be the family name NER left out: ``محمد سيد المحدثين``)."""
    return word.startswith("ال") and len(word) > _SHORTEST_DEFINITE


_SHORTEST_DEFINITE = 3  # ``الى`` and the like are particles, not a definite noun
_FULL_NAME_WORDS = 3


def _word_before(tokens: list[_Token], at: int, first: int) -> str:
    """The last word before token `at`, not before token `first` (marks passed over)."""
    return next((tokens[k].text for k in range(at - 1, first - 1, -1) if tokens[k].is_word), "")


def _plain_name(key: tuple[str, ...]) -> bool:
    """Two or three words that open with no article and no organisation's word."""
    return 1 < len(key) <= 3 and not key[0].startswith(("ال", "وال")) and key[0] not in ORGANISATIONS


def _described_name(book: NameBook, name: list[Word], subject: list[Word]) -> str:
    """`name` as the article writes it most fully, its titles (`subject`) kept to describe it for
    later mentions (``السفير``)."""
    resolved = book.resolve(book.add(name, subject))
    written = " ".join(w.original for w in name)
    return resolved if resolved and len(resolved) >= len(written) else written


_MAX_TITLE_RUN = 30
# Prepositions of place and affiliation: a name right after one is where someone works or is.
_WHERE_BEFORE_NAME = frozenset({"في", "لدي", "داخل", "بين"})


def _person_before_complementizer(
    para: _Paragraph, subject: list[Word], at: int, last: int, book: NameBook
) -> str | None:
    """``يقول عضو الجمعية البريطانية لإدارة الغضب المتخصص في علم النفس ومؤلف كتاب «...» د. عثمان
    العصفور إن ...``: after a long run of titles and their complements, the person NER found right
    before the ``إن``/``أن`` that opens what was said, in the same clause (no comma or stop between,
    but the point of an abbreviated title, ``د.``)."""
    tokens = para.tokens
    folded = [t.text if t.is_word else "" for t in tokens]
    end = min(last, at + _MAX_TITLE_RUN)
    opener = next((k for k in range(at, end) if folded[k] in _COMPLEMENTIZERS and folded[k] != ":"), None)
    if opener is None:
        return None
    marked = False  # (a book's title in marks may hold any punctuation)
    for k in range(at, opener):
        text = tokens[k].text
        if tokens[k].is_word:
            if folded[k] in _CUE_FORMS and not marked:
                return None  # another speech verb: another clause
        elif text in _MARKS:
            marked = text in "«“" or (text == '"' and not marked)
        elif not marked and not (text == "." and folded[k - 1] in _ABBREVIATED_TITLES):
            return None
    if marked:
        return None
    keys = [key for key in book.persons_found if len(key) > 1 and tuple(folded[opener - len(key) : opener]) == key]
    if not keys:
        return None
    start = opener - len(max(keys, key=len))
    if heads_a_body(folded[max(at, start - 3) : start]):
        return None  # ``مسؤول كبير في إدارة الرئيس باراك أوباما إن``: the body's head is not the speaker
    if start > at and folded[start - 1] in _WHERE_BEFORE_NAME:
        return None  # ``أحد كبار الباحثين في كاسبرسكي لاب إن``: where the speaker works, not who speaks
    return _described_name(book, para.words(start, opener), subject)


def _unnamed(subject: list[Word], book: NameBook) -> bool:
    """Whether `subject` describes someone without naming them: it opens with a title, an
    organisation's word or a noun for people (``مصدر``, ``محلل``), and no word of it is a name
    the article gives a person."""
    head = subject[0].folded
    if head.removeprefix("ال") in _DOCUMENTS:
        return False  # ``بيان وافق عليه الوزراء``: a statement, whose issuer is found elsewhere
    if head.startswith("ال") and head not in ORGANISATIONS and head.removeprefix("ال") not in ORGANISATIONS:
        return False  # ``المتحدث الأمني``: a definite title stands for someone the article names
    if head not in TITLES and head not in ORGANISATIONS and head not in PEOPLE_NOUNS and not is_descriptor(head):
        return False
    folded = [w.folded for w in subject]
    return book.entity_in(folded) is None and not any(book.knows_person(w) for w in folded)


def _an_outlet(speaker: str) -> bool:
    """``رويترز``, ``وكالة الأنباء الفرنسية``: a news outlet, which reports what others said."""
    words = fold_entry(speaker).split()
    return bool(words) and (words[0] in _MEDIA or words[0].removeprefix("ال") in _MEDIA)


_CALLED_NEAR = 6  # ``امرأة مقيمة في جروزني تدعى زارا أحمدوفا``: the words between


_MAX_CALLED_WORDS = 3
# A name NER does not know ends the subject where a quotation, a colon or a comma follows it.
_CLAUSE_END_AFTER_CALLED = frozenset({"«", "“", '"', ":", "،", ","})


def _called_after(para: _Paragraph, at: int, last: int, book: NameBook) -> str | None:
    """The person NER found after ``تدعى``/``يدعى`` a few words past an unnamed subject."""
    tokens = para.tokens
    for index in range(at, min(last, at + _CALLED_NEAR)):
        if not tokens[index].is_word:
            return None  # (a comma or a quotation mark: the subject's clause is over)
        if tokens[index].text in CALLED:
            following = para.words(index + 1, min(last, index + 1 + _MAX_OPENING_WORDS))
            taken = book.person_starting(following)
            if not taken:
                # ``مقيم في مقديشو يدعى مقطر ظاهر «...»``: what follows "called" is a name, NER or not.
                span = index + 1
                while span < min(last, index + 1 + _MAX_CALLED_WORDS) and tokens[span].is_word:
                    span += 1
                words = para.words(index + 1, span)
                taken = next((k for k, w in enumerate(words) if not looks_like_name(w.folded)), len(words))
                if taken < 2 or (span < last and tokens[span].text not in _CLAUSE_END_AFTER_CALLED):
                    return None
            # "called" introduces a name as a title does: the book holds it as a person's from here on.
            key = book.add(following[:taken], para.words(index, index + 1))
            book.titled.add(key)
            return book.resolve(key)
    return None


_AFFILIATION = frozenset({"في", "لدي", "داخل", "من"})
_MAX_AFFILIATION_WORDS = 5
_MAX_UNKNOWN_AFFILIATION = 3


def _with_affiliation(para: _Paragraph, subject: list[Word], at: int, last: int, book: NameBook) -> str:
    """A subject of titles the article names no one for, with the organisation or place it
    belongs to (issue #17's guidelines ask for the fullest description): ``مصدر أمني في وزارة
    الداخلية``, ``محلل غربي في دمشق``, ``البعثة الأميركية لدى الحلف الأطلسي``, ``مسؤول من وزارة
    الخارجية``, ``مسؤولة بالحكومة اليونانية``. The words after ``في``/``لدى``/``من`` (or a glued ``ب``)
    count only where they open with an organisation's word, an organisation or a place NER found
    (never ``في تصريح``, ``في مؤتمر صحفي``), and end before punctuation, ``إن``/``أن``, a speech
    word or a time word."""
    written = " ".join(w.original for w in subject)
    tokens = para.tokens
    glued = at < last and _glued_affiliation(tokens[at].text)
    if at >= last or (tokens[at].text not in _AFFILIATION and not glued):
        return written
    stops = _SUBJECT_STOPS | _COMPLEMENTIZERS | _CUE_FORMS | NAME_STOPS
    opening = at  # the first word the speaker keeps: ``في``, or ``بالحكومة`` itself
    if glued:
        at -= 1  # (the preposition is the word's first letter; its noun opens the phrase)
    end = at + 1
    while (
        end < last
        and end - at <= _MAX_AFFILIATION_WORDS
        and tokens[end].is_word
        and tokens[end].text not in stops
        and not opens_l_phrase(tokens[end].text)  # ``لصحيفة "حريت"``: whom it was said to
        and _TANWEEN not in para.original(tokens[end].start, tokens[end].end)  # ``رافضاً``: an adverb
    ):
        end += 1
    words = [t.text for t in tokens[at + 1 : end]]
    if glued:
        words[0] = words[0][1:]
    declined = _declined_at(tokens, at + 1, end, last)
    if declined is not None:
        # ``مسؤول في وزارة الخارجية فضل عدم الكشف عن هويته``: the verb of declining ends the place
        end, words = declined, words[: declined - at - 1]
    elif any(w in _NOT_DONE for w in words):
        return written  # ``في المدينة ... عدم ...``: the phrase ran into a clause
    ended = declined is not None or (end < last and _TANWEEN in para.original(tokens[end].start, tokens[end].end))
    if not words or (end < last and not ended and tokens[end].text not in stops and tokens[end].text not in ":،,.؛"):
        return written  # the phrase runs on past five words: not a name's place
    head = words[0].removeprefix("ال")
    if head in _DOCUMENTS:
        return written  # ``في بيان``: where it was said, not whom it speaks for
    if declined is not None and (len(words) < 2 or (head not in ORGANISATIONS and words[0] not in ORGANISATIONS)):
        return written  # ``مصدر أمني في المدينة طالبا عدم كشف هويته``: one word may be any city, not a body
    # ``لدى سلطنة عمان ملابسات الحادثة``: the phrase ends with the last organisation or place NER
    # found in it; with none, an organisation's word opens at most three words.
    known = [
        k + len(key)
        for key in (*book.entities, *book.places)
        for k in range(len(words))
        if tuple(words[k : k + len(key)]) == key
    ]
    if known:
        end = at + 1 + max(known)
    elif (head not in ORGANISATIONS and words[0] not in ORGANISATIONS) or len(words) > _MAX_UNKNOWN_AFFILIATION:
        return written
    return written + " " + para.original(tokens[opening].start, tokens[end - 1].end)


def _glued_affiliation(word: str) -> bool:
    """``بالحكومة``, ``بوزارة``: ``ب`` glued to an organisation's word, where the unnamed speaker works
    (``مسؤولة بالحكومة اليونانية``)."""
    noun = word[1:]
    return word.startswith("ب") and (noun in ORGANISATIONS or noun.removeprefix("ال") in ORGANISATIONS)


def _declined_at(tokens: list[_Token], first: int, end: int, last: int) -> int | None:
    """Where an unnamed speaker's place ends at the verb of declining to be named: ``فضل عدم الكشف
    عن هويته``, ``طالبا عدم ذكر اسمه`` (a word, ``عدم``, the naming, the speaker's own name) or
    ``رفض الكشف عن هويته``. None where the phrase holds no such verb after its first word."""
    for k in range(first + 1, end):
        if tokens[k].text in _DECLINED and _names_the_name(tokens, k + 2, last):
            return k
        if k + 1 < last and tokens[k + 1].text in _NOT_DONE and _names_the_name(tokens, k + 3, last):
            return k
    return None


def _nominal_affiliation(
    para: _Paragraph, subject: list[Word], cue: _Cue, speaker: str | None, book: NameBook
) -> str | None:
    """``عن محلل غربي في دمشق قوله``: before ``قوله`` the unnamed speaker's place is inside the
    subject, which `speaker_of` ended before ``في``; it is kept as `_with_affiliation` keeps it."""
    at = next((k for k, w in enumerate(subject) if w.folded in _AFFILIATION), None)
    first, end = cue.subject
    if at is None or at == 0 or end - first != len(subject) or speaker != " ".join(w.original for w in subject[:at]):
        return speaker  # no place, or quoted words make the token count differ from the words'
    if not _unnamed(subject[:at], book):
        return speaker
    return _with_affiliation(para, subject[:at], first + at, end, book)


def _glued_affiliation_after(
    para: _Paragraph, subject: list[Word], cue: _Cue, speaker: str | None, last: int, book: NameBook
) -> str | None:
    """``قالت مسؤولة بالحكومة اليونانية إن``: the subject's words stop the speaker's at a word with ``ب``
    glued to an organisation's word; for a speaker the article does not name, that is where they
    work, kept as `_with_affiliation` keeps ``في``/``من``/``لدى`` phrases."""
    first, end = cue.subject
    if speaker is None or end - first != len(subject):
        return speaker  # (quoted words make the token count differ from the words')
    cut = len(speaker.split())
    if not 0 < cut < len(subject) or speaker != " ".join(w.original for w in subject[:cut]):
        return speaker
    if not _glued_affiliation(subject[cut].folded) or not _unnamed(subject[:cut], book):
        return speaker
    return _with_affiliation(para, subject[:cut], first + cut, last, book)


def _the_current_speakers_title(subject: list[Word], current: str | None, book: NameBook) -> bool:
    """Whether `subject` is a definite title with no name (``المدرب اليوناني``) that the article
    gave the current speaker."""
    if not subject or current is None or not subject[0].folded.startswith("ال"):
        return False
    # only adjectives of origin or more titles after it (``الدكتور البنيان`` names someone)
    names = {word for key in book.persons_found for word in key}
    if any(
        not (_NISBA_WORD.fullmatch(w.folded) or w.folded in TITLES) or book.knows_person(w.folded) or w.folded in names
        for w in subject[1:]
    ):
        return False
    if current not in book.people:
        return False  # only a person NER found, never a phrase a cue's subject ran into
    described = book.by_description(subject)
    if described is not None and described != current:
        return False  # ``اللاعب السويسري``: the Swiss player the article introduced
    return book.holds_title(current, subject[0].folded)


_NISBA_WORD = re.compile(r"ال\w{2,}ي")


def _name_word(word: str) -> bool:
    return (
        word not in _SUBJECT_STOPS
        and word not in _COMPLEMENTIZERS
        and word not in _CUE_FORMS
        and not is_descriptor(word)
    )


def _phrase_end(tokens: list[_Token], start: int, last: int) -> int:
    """Where the words after a subject stop: punctuation, ``إن``/``أن``, or twelve words."""
    end = start
    while end < last and end - start < 12 and (tokens[end].is_word or tokens[end].text in "،,"):
        if tokens[end].text in _COMPLEMENTIZERS:
            break
        end += 1
    return end


# Words that open a sentence before its verb (``كما تجنب``, ``بينما قال``).
_CONNECTORS = frozenset({"كما", "بينما", "ثم", "وقد", "قد", "لكن", "ولكن", "فيما", "وفيما", "حيث", "اذ"})


def _opening_person(sentence: _Paragraph, book: NameBook, cue: str | None = None) -> str | None:
    """The person NER found that the sentence's opening verb has for its subject, if one (and,
    given the `cue` that goes on with that person, where the two verbs agree in gender)."""
    tokens = sentence.tokens
    verb = next((k for k, t in enumerate(tokens) if t.is_word and t.text not in _CONNECTORS), None)
    if verb is not None and tokens[verb].text in _ON_ONES_SIDE:
        verb += 1  # ``بدوره انتقد ...``
    elif verb is not None and _from_ones_side(tokens, verb):
        verb += 2  # ``من جانبه انتقد ...``: the sentence's verb comes after whose side it is
    while verb is not None and verb < len(tokens) and not tokens[verb].is_word:
        verb += 1
    if verb is None or verb + 1 >= len(tokens):
        return None
    if cue is not None and _feminine_past(cue) != _feminine_past(tokens[verb].text):
        return None  # ``انتقد أوباما ... . وتابعت تقول``: she is someone else
    subject = sentence.words(*_subject_range(tokens, verb + 1, len(tokens), sentence.original))
    return book.first_person_in(subject[:_MAX_OPENING_WORDS]) if subject else None


_MAX_OPENING_WORDS = 8
_ON_ONES_SIDE = frozenset(fold_entry(w) for w in ("بدوره", "بدورها", "وبدوره", "وبدورها"))
_SIDES = frozenset(fold_entry(w) for w in ("جانبه", "جانبها", "جهته", "جهتها", "ناحيته", "ناحيتها"))


def _feminine_past(verb: str) -> bool:
    """``قالت``, ``وأضافت``, ``انتقدت``: a verb in the past with the feminine ending."""
    return verb.endswith("ت") and not verb.endswith(("لفت", "ثبت", "سكت", "صمت", "بات", "مات", "فات"))


def _opening_subject(para: _Paragraph, first: int, cue: int, book: NameBook) -> str | None:
    """``وأعرب ناتشو مونريال نجم ملقة ... قائلا:``: a participle's speaker is the subject
    of the verb that opens its sentence, when that subject names someone."""
    tokens = para.tokens
    verb = first
    while verb < cue and tokens[verb].text in _CONNECTORS:
        verb += 1
    if verb + 1 >= cue or not tokens[verb].is_word:
        return None
    head = tokens[verb].text
    if is_descriptor(head) or head in _SUBJECT_STOPS or head in NAME_STOPS or head[:1] in "بل":
        return None  # the sentence opens with a noun or a phrase, not a verb
    subject = para.words(*_subject_range(tokens, verb + 1, cue, para.original))
    if not subject or _object_phrase(subject):
        return None
    if head in _KANA:
        # ``وكان ساركوزي شكك في مستقبل الجزائر، قائلا``: after ``كان`` the verb follows its subject,
        # the name NER found.
        folded = tuple(w.folded for w in subject)
        named = max((len(key) for key in book.entities if folded[: len(key)] == key), default=0)
        if named:
            return speaker_of(subject[:named], book)
    known = book.bounded_by_entity(subject)
    if len(known) < len(subject):
        # ``وواصل الهريفي تغريداته قائلا``: a surname NER found reads like a nisba; its object follows it.
        return speaker_of(known, book)
    start = name_start(descriptor_view(subject))
    if start < len(subject):
        # ``وأظهر تينا سعادة بالغة``: after a verb that is no speech verb its object follows the
        # subject; the name NER found ends the subject.
        subject = [*subject[:start], *book.bounded_by_entity(subject[start:])]
    if start == len(subject) and subject[0].folded not in ORGANISATIONS and subject[0].folded not in TITLES:
        return None  # ``حملت تصريحات ...``: no title, organisation or name after the verb
    if start < len(subject) and book.entity_in([w.folded for w in subject]) is None:
        return None  # ``أساليب الاعتذارات``: words after a verb that name nobody the article knows
    return speaker_of(subject, book)


def _issuer_of(para: _Paragraph, cue: _Cue, speaker: str, last: int) -> str | None:
    """The issuer of the document a speaker names, in its words or after them (``بيان صادر`` +
    ``عن قيادة الجيش اللبناني``, ``تقرير`` + ``أصدرته مكتبة الكونغرس``); None where the article
    names none there."""
    originals = speaker.split()
    issuer = issuer_in([fold_entry(w) for w in originals], originals, ORGANISATIONS)
    if issuer is not None:
        return issuer
    tokens = para.tokens
    at = cue.subject[1]
    if at < last and tokens[at].text in ISSUED:
        at += 1  # ``تقرير أصدرته ...``: the verb of issuing ended the subject
    elif not (at > 0 and tokens[at - 1].text in ISSUED):
        return None
    if at < last and tokens[at].text in ("عن", "من"):
        at += 1
    words = para.words(*_subject_range(tokens, at, last, para.original))
    # (``قيادة الجيش اللبناني الجمعة``: the day it was issued is no part of the name)
    end = next((k for k, w in enumerate(words) if w.folded in DAY_WORDS), len(words))
    return " ".join(w.original for w in words[:end]) or None


def _from_ones_side(tokens: list[_Token], first: int) -> bool:
    """``من جانبه أبدى ...``: whose side it is, then the sentence's verb (`_opening_person` reads past it)."""
    return first + 1 < len(tokens) and tokens[first].text == "من" and tokens[first + 1].text in _SIDES


def _opens_with_a_circumstance(word: str) -> bool:
    return (word[1:] if word[:1] in "وف" else word) in _CIRCUMSTANCES | _ABOUT


_ABOUT = frozenset(fold_entry(w) for w in ("حول", "بشأن", "عند", "منذ", "وسط"))


def _clause_subject(para: _Paragraph, first: int, cue: int) -> list[Word]:
    """The words where a clause names its subject: after the last comma before the cue
    (``من جهة أخرى، طمأن المدافع ...``) and before the first preposition
    (``حديثه عن ميسي`` names an object)."""
    tokens = para.tokens
    start = first
    for index in range(cue - 1, first - 1, -1):
        if tokens[index].text in "،,":
            start = index + 1
            break
    end = start
    while end < cue and (end == start or tokens[end].text not in _SUBJECT_STOPS):
        end += 1
    return para.words(start, end)


def _word_count(text: str) -> int:
    return len(_WORD_OR_NUMBER.findall(text))


# ``قال الأستاذ «كاليب ميشو»: ...``: a quoted name before the colon is not the quote.
_LABEL_AFTER = compile_regex(r"\s*:")
_INTRODUCED = compile_regex(r"(?:[:：]|(?<![\p{L}])(?:ان|انه|بان))\s*$")
_TRIM = compile_regex(r"^[\s،,:؛.\-]+|[\s،,:؛.\-]+$")


def find_quotes(
    paragraphs: Sequence[str],
    *,
    title: str | None = None,
    names: Sequence[str] = (),
    entities: Sequence[Mapping[str, object]] | None = None,
) -> list[Span]:
    """Direct and reported quotes in `paragraphs` with their speakers, in text order.

    `entities` are the article's NER spans. Given them, a speaker must be a person, an
    organisation or a title (`speaker_checks.names_someone`), else it is None; a surname gets the
    full name NER gives in ``canonical``."""
    prepared = [_Paragraph(p) for p in paragraphs]
    if not any(para.has_cue() or _LABEL.match(para.folded.text) for para in prepared):
        return []
    book = NameBook()
    book.add_entities(entities or ())
    _titles_after_people(book, paragraphs, entities or ())
    for name in names:
        book.add_text_name(name)
    if title:
        title_para = _Paragraph(title)
        title_para.scan_names(book)
    for para in prepared:
        para.scan_names(book)
    book.opening_organisation = _opening_organisation(prepared[0]) if prepared else None
    spans: list[Span] = []
    current: str | None = None
    carried: str | None = None  # the cue word when the previous paragraph left its speech open
    open_for = 0  # paragraphs of speech with no mark at all since the quotation opened
    for index, para in enumerate(prepared):
        book.referents.note_media(para.folded.text, para.original, book.entities)
        if carried is not None:
            if _continued_speech(para, index, current, carried, spans) and open_for < _MAX_OPEN_PARAGRAPHS:
                open_for += 1
                continue  # ``وقالت كامبل إن "...`` / a paragraph of her words / ``...".``
            carried = None
        open_for = 0
        if _labelled_quote(para, index, book, spans):
            continue
        if not para.has_cue():
            # ``وانتقل الحاكم بوبي جيندال إلى ...`` then ``وقال:``: the new subject speaks next.
            _note_paragraph_issuers(para, book)
            _uncued_quotes(para, index, current, spans)
            current = _narrative_subject(para, book) or current
            continue
        sentences = _joined_at_semicolons(para.folded.text, _split_at_breaks(para.folded.text))
        previous: tuple[int, int] | None = None
        for s_start, s_end in sentences:
            view = para.sentence(s_start, s_end)
            if view is not None and view.tokens:
                # the sentence right before, with a cue or not (``من جانبه انتقد ... فلان ... . وقال``)
                before = para.view(*previous) if previous is not None else None
                current = _sentence_quotes(view, index, 0, len(view.tokens), s_end, book, current, spans, before)
            previous = (s_start, s_end)
        _uncued_quotes(para, index, current, spans)
        carried = _left_open(para, sentences, spans, index)
    kept = _without_repeats(spans)
    for span in kept:
        if entities is not None and span["speaker"] is not None:
            span["speaker"] = without_run_on(book, _before_adverb(trimmed(str(span["speaker"]))))
        if (
            entities is not None
            and span["speaker"] is not None
            and not names_someone(book, str(span["speaker"]), _STATEMENT_NOUNS)
        ):
            span["speaker"] = None  # ``وقلة احترام قواعد الانضباط``: no speaker rather than a wrong one
        if span["speaker"] is not None:
            # (after the check: the title before the place, ``مدير مطار أبها``, told who speaks)
            span["speaker"] = without_leading_place(book, str(span["speaker"]))
            span["speaker"] = _with_hyphenated_part(paragraphs, str(span["speaker"]))
            span["speaker"] = _issuer_of_document(book, str(span["speaker"])) or span["speaker"]
        span["canonical"] = canonical(book, span["speaker"])
        if entities is not None and span["speaker"] is not None and span["canonical"] == span["speaker"]:
            span["canonical"] = _titled_person(book, str(span["speaker"])) or span["canonical"]
    give_sacred_speakers(paragraphs, kept)
    if entities is not None:
        give_bare_cues_the_last_speaker(paragraphs, kept, entities)
    return kept


# ``تقرير مشترك أصدرته وكالتا الأمم المتحدة``: a verb of issuing between the document and its issuer.
_ISSUED_BY = frozenset(
    fold_entry(w)
    for w in (
        *("أصدرته", "أصدرتها", "أعدته", "أعدتها", "أجرته", "أجرتها"),
        *("نشرته", "نشرتها", "قامت", "قام", "وزعته", "وزعتها"),
    )
)
_DOCUMENTS = _STATEMENT_NOUNS | {"دراسه", "بحث", "استطلاع"}
_WHEN_WORDS = frozenset(fold_entry(w) for w in ("أخيرا", "أخيراً", "مؤخرا", "مؤخراً", "أمس", "اليوم", "حديثا"))


def _issuer_of_document(book: NameBook, speaker: str) -> str | None:
    """The organisation a document stands for (issue #17: the institute, not its study):
    ``بيان للأمم المتحدة`` -> ``الأمم المتحدة``, ``تقرير مؤسسة النقد`` -> ``مؤسسة النقد``, ``دراسة أجرتها
    هيئة الاتصالات`` -> ``هيئة الاتصالات``: the issuer after ``ل``, in the construct, or after a verb of
    issuing, where it names someone (`names_someone`); else None and the document stays the speaker."""
    written = speaker.split()
    folded = fold_entry(speaker).split()
    if len(folded) < 2 or len(folded) != len(written) or folded[0].removeprefix("ال") not in _DOCUMENTS:
        return None
    after = next((i + 1 for i, w in enumerate(folded) if w in _ISSUED_BY), None)
    if after is not None:
        if after < len(folded) and folded[after] == "بها":
            after += 1  # ``قامت بها``
        issuer = written[after:]
    elif folded[1].startswith("لل") or (folded[1][:1] == "ل" and folded[1][1:] in ORGANISATIONS):
        issuer = ["ال" + written[1][2:] if folded[1].startswith("لل") else written[1][1:], *written[2:]]
    elif folded[1] in ORGANISATIONS or book.entity_in(folded[1:]) is not None:
        issuer = written[1:]
    else:
        return None
    # ``غرفة مكة المكرمة أخيراً``: a time adverb after the issuer ends it
    cut = next((i for i, w in enumerate(issuer) if fold_entry(w) in _WHEN_WORDS), len(issuer))
    named = " ".join(issuer[:cut])
    return named if named and names_someone(book, named) else None


# The tanween of the accusative: an adverb or a circumstantial word (``نقلاً``, ``مدهوشًا``); no name
# is written with it.
_TANWEEN = "\u064b"


def _before_adverb(speaker: str) -> str:
    """`speaker` cut before its first word with the accusative's tanween (``الصحيفة الأمريكية
    نقلاً`` -> ``الصحيفة الأمريكية``)."""
    words = speaker.split()
    cut = next((i for i, word in enumerate(words) if _TANWEEN in word), len(words))
    return " ".join(words[:cut]) if cut else speaker


def _with_hyphenated_part(paragraphs: Sequence[str], speaker: str) -> str:
    """``راؤول زامورا`` -> ``راؤول زامورا-روس``, ``بان كي`` -> ``بان كي-مون``: the name's part after a
    hyphen, which the words of a sentence leave out, where the article writes the name so."""
    if not any(speaker + "-" in paragraph for paragraph in paragraphs):
        return speaker  # the common case, without compiling a pattern for each speaker
    pattern = re.compile(rf"(?<!\w){re.escape(speaker)}((?:-[^\W\d_]{{2,}})+)")
    for paragraph in paragraphs:
        found = pattern.search(paragraph)
        if found is not None:
            return speaker + found.group(1)
    return speaker


def _titled_person(book: NameBook, speaker: str) -> str | None:
    """A speaker that is a title and its complement, naming no one (``مدافع منتخب إنجلترا``):
    the one person the article gave that title."""
    words = fold_entry(speaker).split()
    # (an organisation after the title is its complement: ``مدافع منتخب إنجلترا``)
    if not words or book.entity_in(words[:1]) is not None or book.person_in_words(words):
        return None
    if any(book.knows_person(w) for w in words[1:]):
        return None
    if len(words) == 1 and not words[0].startswith("ال"):
        return None  # ``قال ناشط``: an unnamed one, not the activist the article named before
    return book.only_one_titled(words[0])


def _titles_after_people(book: NameBook, paragraphs: Sequence[str], entities: Sequence[Mapping[str, object]]) -> None:
    """Register the title written right after each person NER found (``كاهيل مدافع تشيلسي``)."""
    for entity in entities:
        paragraph, end = entity.get("paragraph"), entity.get("end")
        if entity.get("type") != "PER" or not isinstance(paragraph, int) or not isinstance(end, int):
            continue
        if not 0 <= paragraph < len(paragraphs):
            continue
        name = str(entity.get("canonical") or entity.get("text") or "")
        words = [w for w in fold_entry(name).split() if w not in TITLES]
        if len(words) < 2 or (not is_given_name(words[0]) and words[0] in common_words()):
            continue  # ``غداة تحذير``: what NER took for a person opens with a word, not a name
        after = paragraphs[paragraph][end : end + 60]
        book.add_titles_after(name, [fold_entry(w) for w in _WORDS.findall(after)[:3]])


def _split_at_breaks(text: str) -> list[tuple[int, int]]:
    """Sentences, cut also where a site glued two paragraphs with three spaces."""
    sentences = split_sentences(text)
    if not _PARAGRAPH_BREAK.search(text):
        return sentences
    cut: list[tuple[int, int]] = []
    for start, end in sentences:
        for gap in _PARAGRAPH_BREAK.finditer(text, start, end):
            if gap.start() > start:
                cut.append((start, gap.start()))
            start = gap.end()
        if end > start:
            cut.append((start, end))
    return cut


def _joined_at_semicolons(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``عن المتحدث جواد ؛ أن "..."``: a semicolon before ``أن`` or a quotation does not end the sentence."""
    joined: list[tuple[int, int]] = []
    for start, end in sentences:
        if joined and text[joined[-1][1] - 1] == "؛":
            head = _WORDS.match(text, start)
            if text[start] in '“«"' or (head is not None and head.group() in _COMPLEMENTIZERS):
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


def _without_repeats(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    kept = []
    for span in spans:
        key = (span["paragraph"], span["start"])
        if key not in seen:
            seen.add(key)
            kept.append(span)
    return kept


def _left_open(para: _Paragraph, sentences: list[tuple[int, int]], spans: list[Span], index: int) -> str | None:
    """The cue word when the paragraph ends in ``:`` or in an unclosed quotation."""
    text = para.folded.text
    end = _trim_end(text, 0, len(text))
    if text.rstrip().endswith(":") and sentences:
        view = para.sentence(*sentences[-1])
        cues = _find_cues(view, 0, len(view.tokens)) if view is not None else []
        return cues[-1].word if cues else None
    if para.quotes and para.quotes[-1][1] >= end and spans and spans[-1]["paragraph"] == index and spans[-1]["direct"]:
        return str(spans[-1]["cue"])
    return None


_MAX_OPEN_PARAGRAPHS = 3
# ``عمر فطموش: "المونولوغ في الجزائر مجرد تهريج"``: a name, a colon, then a quotation.
_LABEL = compile_regex(r"^\s*«?(?P<who>[^\d:：«»\"“”.،,]{2,60}?)\s*[:：]\s*(?=[«\"“])")
_MAX_LABEL_WORDS = 6


def _verb_first(words: list[Word], book: NameBook) -> bool:
    """``ويتابع الخطي``: a first word with a conjunction or the imperfect prefix that is no given
    name, before words that name someone."""
    first = words[0].folded
    return (
        first[:1] in "وفي"
        and first not in TITLES
        and first not in ORGANISATIONS
        and not starts_a_name(book, first)
        and names_someone(book, " ".join(w.original for w in words[1:]))
    )


def _labelled_quote(para: _Paragraph, index: int, book: NameBook, spans: list[Span]) -> bool:
    """A paragraph that is a speaker, a colon and a quotation (a headline or a sub-heading):
    the quotation is direct speech of the speaker. True when it added one."""
    text = para.folded.text
    m = _LABEL.match(text)
    if m is None or not para.quotes or para.quotes[0][0] != m.end():
        return False
    who = [w for w in _WORDS.findall(m["who"])]
    if not 1 <= len(who) <= _MAX_LABEL_WORDS or any(
        w in _CUE_FORMS or w in _SUBJECT_STOPS or w in NAME_STOPS or w in _COMPLEMENTIZERS for w in who
    ):
        return False  # ``لقد أردت أن أطرح تساؤلا: "..."``: a sentence, not a speaker
    open_at, close_at = para.quotes[0]
    if _word_count(text[open_at + 1 : close_at]) < _MIN_QUOTE_WORDS:
        return False
    start, end = para.folded.span(m.start("who"), m.end("who"))
    written = para.folded.original[start:end].strip()
    words = [Word(f, o) for f, o in zip(who, written.split(), strict=False)]
    if len(words) != len(who):
        return False
    if len(words) > 1 and _verb_first(words, book):
        words = words[1:]  # ``وختمت يافي: «...»``: a verb, then the speaker
    speaker = speaker_of(words, book)
    if not speaker or not names_someone(book, speaker):
        return False  # ``ملاحظة: "..."``: a label, not a speaker
    spans.append(_span(para, index, open_at + 1, close_at, speaker, ":", True))
    return True


def _continued_speech(para: _Paragraph, index: int, speaker: str | None, cue: str, spans: list[Span]) -> bool:
    """A paragraph that opens with a quotation after ``...:`` or an open quotation
    continues the speech: ``«...»`` as a whole, or up to a closing mark with no opening one.
    A paragraph with no quotation mark at all after an open quotation is speech throughout,
    and the quotation stays open: True then."""
    text = para.folded.text
    start = len(text) - len(text.lstrip())
    mark = _ANY_MARK.search(text)
    if mark is None:
        end = _trim_end(text, start, len(text))
        if not spans or not spans[-1]["direct"] or _word_count(text[start:end]) < _MIN_QUOTE_WORDS:
            return False
        spans.append(_span(para, index, start, end, speaker, cue, True))
        return True
    if mark.start() == start and para.quotes and para.quotes[0][0] == start:
        open_at, close_at = para.quotes[0]
        if _word_count(text[open_at + 1 : close_at]) >= _MIN_QUOTE_WORDS:
            spans.append(_span(para, index, open_at + 1, close_at, speaker, cue, True))
        return False
    if mark.group() in "”»″\"'" and not (para.quotes and para.quotes[0][0] <= mark.start()):
        close_at = _trim_end(text, start, mark.start())
        if _word_count(text[start:close_at]) >= _MIN_QUOTE_WORDS:
            spans.append(_span(para, index, start, close_at, speaker, cue, True))
    return False


def _opening_organisation(para: _Paragraph) -> str | None:
    """``أغلقت إدارة نادي الشباب ...``: the organisation right after the article's first verb,
    with the words its indefinite nouns govern."""
    text = para.folded.text
    words = [m for m in _TOKEN.finditer(text, 0, min(len(text), 80)) if m.lastgroup == "word"][:6]
    if len(words) < 3 or words[1].group() not in ORGANISATIONS or words[1].group().startswith("ال"):
        return None
    end = 2
    while end < len(words) and not words[end - 1].group().startswith("ال"):
        end += 1  # ``إدارة نادي الشباب``: an indefinite noun takes the next word
    return para.original(words[1].start(), words[end - 1].end())


def _narrative_subject(para: _Paragraph, book: NameBook) -> str | None:
    """The person a paragraph without speech opens with, named right after its verb."""
    if not book.persons:
        return None
    words: list[Word] = []
    text = para.folded.text
    for m in _TOKEN.finditer(text, 0, min(len(text), 120)):
        if m.lastgroup != "word" or len(words) == 8 or (words and m.group() in _SUBJECT_STOPS):
            break
        words.append(Word(m.group(), ""))
    if len(words) < 2:
        return None
    return book.mentioned(words[1:])


# Words after which a name is a complement, not the subject of the verb before it.
_NOT_SUBJECT_BEFORE = frozenset({"في", "من", "الي", "علي", "عن", "مع", "ل", "ب", "بين", "لدي", "ضد", "حول"})


def _note_unvoiced_issuer(para: _Paragraph, first: int, last: int, book: NameBook) -> None:
    """``استنكرت الأمانة العامة لعشائر جنوب العراق التفجير ... في بيان نشرته الأمانة``: a sentence
    that mentions a statement without a verb of saying still names its issuer, the body or person
    NER found as the subject of its verb before the statement, for a later ``جاء في البيان``."""
    tokens = para.tokens
    # (run on every sentence: the words are listed only once a statement is found)
    found = next((k for k in range(first, last) if tokens[k].is_word and indefinite_document(tokens[k].text)), None)
    if found is None:
        return
    document = found - first
    folded = [t.text if t.is_word else "" for t in tokens[first:last]]
    # In the statement's own clause: after the last comma before it (``أجرى الوزير فلان مباحثات ...،
    # ولم تكشف الخارجية ... في بيان``: the minister is not who issued it).
    clause = max((k + 1 for k in range(document) if tokens[first + k].text in "،,؛;"), default=0)
    for start in range(max(1, clause), document):
        if not folded[start] or not folded[start - 1] or folded[start - 1] in _NOT_SUBJECT_BEFORE:
            continue
        if folded[start - 1] in MEDIA:
            continue  # ``تناولت صحيفة لوس أنجلوس تايمز ... لرسالة``: the paper that reports a letter
        for size in range(min(_MAX_OPENING_WORDS, document - start), 0, -1):
            canonical = book.entities.get(tuple(folded[start : start + size]))
            if canonical is not None:
                book.referents.note_issuer(folded[document : document + 1], canonical)
                return


_DOCUMENT_WORD = compile_regex("|".join(sorted(DOCUMENTS)))


def _note_paragraph_issuers(para: _Paragraph, book: NameBook) -> None:
    """`_note_unvoiced_issuer` over each sentence of a paragraph with no verb of saying."""
    if _DOCUMENT_WORD.search(para.folded.text) is None:
        return
    for s_start, s_end in _split_at_breaks(para.folded.text):
        view = para.view(s_start, s_end)
        if view.tokens:
            _note_unvoiced_issuer(view, 0, len(view.tokens), book)


def _sentence_quotes(
    para: _Paragraph,
    index: int,
    first: int,
    last: int,
    sentence_end: int,
    book: NameBook,
    current: str | None,
    spans: list[Span],
    before_sentence: _Paragraph | None = None,
) -> str | None:
    _note_unvoiced_issuer(para, first, last, book)
    cues = _find_cues(para, first, last)
    if not cues:
        return current
    tokens = para.tokens
    # A quotation belongs to the sentence it opens in, even when an unclosed one runs on.
    regions = [r for r in para.quotes if tokens[first].start <= r[0] < sentence_end]
    speakers: list[str | None] = []
    for cue in cues:
        if cue.kind == "passive":
            speakers.append(None)  # ``أفيد``: nobody is named, and the previous speaker is not meant
            continue
        speaker: str | None
        if _names_god(tokens, cue.token, last):
            speaker = GOD  # ``قال تعالى``, ``قوله سبحانه``: the Quran is quoted
        elif cue.kind == "verb" and (prophet := _prophet_blessed(para, cue.token, last)) is not None:
            speaker = prophet
        elif cue.kind == "statement":
            speaker = _statement_speaker(para, first, cue, current, book)
        elif cue.kind == "participle":
            opening = None if speakers else _opening_subject(para, first, cue.token, book)
            if opening is None and not speakers and cue.token == first and before_sentence is not None:
                # ``وحث كازومي ماتسوي ... العسكرية. مضيفًا ...``: a participle the writer cut off
                # from its sentence by a full stop goes on with the person that sentence opens with.
                opening = _opening_person(before_sentence, book)
            before = para.words(first, cue.token)
            # ``ويوافقه في الرأي د. مظهر عاشور، ... قائلا``: with no cue before it in the sentence,
            # the first person NER found in the clause.
            in_clause = book.mentioned(before) or (None if any(speakers) else book.first_person_in(before))
            speaker = opening or in_clause or current
        else:
            subject = para.words(*cue.subject)
            if cue.word in _DESCRIBING:
                subject = _up_to_the_named(subject, book)
            if not subject and cue.token + 1 < last and para.tokens[cue.token + 1].text in _PRONOUN_TITLES:
                subject = para.words(cue.token + 1, cue.token + 2)  # ``وقال سموه``
            elif not subject and cue.token + 1 < last:
                # ``قال لافروف إن``: a person NER found, whose name opens with ``ل`` as a phrase would
                following = para.words(cue.token + 1, min(last, cue.token + 1 + _MAX_OPENING_WORDS))
                subject = following[: book.person_starting(following)]
            if _object_phrase(subject):
                subject = []
            if subject and cue.kind == "verb" and not book.entity_in([w.folded for w in subject]):
                # ``لكن خورخي دا سيلفا مدرب النصر أكد قدرة ناديه``: the subject stands between
                # ``لكن`` and the verb; what follows the verb is its object.
                subject = _fronted_subject(para, first, cue.token, _BUT) or subject
            # ``واعتبر المدرب شايفر أن المكسيك تملك الأفضلية وقال: "..."``: a verb joined by و to
            # the sentence's cue shares its subject; the clause before it is what was said.
            goes_on = _goes_on(para, first, cues, cue, speakers, book) if not subject and cue.kind == "verb" else None
            if not subject and cue.kind == "verb" and goes_on is None:
                subject = (
                    _fronted_subject(para, first, cue.token)
                    or _dashed_subject(para, first, cue.token)
                    # ``وكان خالد العتيبي مدير الإدارة قال``: ``كان``'s subject, not the body ending its title
                    or _subject_after_kana(para, first, cue.token)
                    or _person_after_distant_kana(para, first, cue.token, book)
                    or _subject_before(para, first, cue.token)
                    or _entity_before(para, first, cue.token, book)
                )
            described = 1 <= len(subject) <= 3
            again = book.mentioned_again(subject[0].folded, [w.folded for w in subject[1:]]) if described else None
            titled = _by_pronoun_title(subject, book)
            if titled is None and len(subject) == 1 and subject[0].folded in _PRONOUN_TITLES:
                subject = []  # ``وقال سموه`` with no prince named: the previous speaker
            if goes_on is not None:
                speaker = goes_on
            elif titled is not None:
                speaker = titled  # ``وقال سموه``: the prince the article named
            elif _the_current_speakers_title(subject, current, book):
                # ``وقال دونيس "..."`` then ``وأضاف المدرب اليوناني الذي ...``: the coach who spoke
                speaker = current
            elif again is not None:
                speaker = again
            elif _party_of_document(subject, current, book):
                # ``ووفق البيان، ... وأكد العراق التزامه “...”``: the statement's words about a party.
                speaker = current
            elif subject:
                speaker = speaker_of(subject, book)
                name_at = name_start(descriptor_view(subject))
                titles_only = name_at == len(subject)
                apposed = (
                    _apposed_name(para, cue.subject[1], last)
                    if titles_only and subject[0].folded not in ORGANISATIONS
                    else []
                )
                if apposed:
                    # ``المتحدث الرسمي باسم تعليم المدينة، عمر البرناوي، أن``
                    speaker = book.resolve(book.add(apposed, subject))
                elif (
                    titles_only
                    and speaker != " ".join(w.original for w in subject)
                    and (speaker is None or book.entity_in(fold_entry(speaker).split()) is None)
                    and (
                        person := _person_after_titles(para, subject, cue.subject[1], last, book)
                        or _person_before_complementizer(para, subject, cue.subject[1], last, book)
                    )
                    is not None
                ):
                    # ``أكد نائب رئيس التعاون ورئيس بعثة الفريق في معسكر هولندا فيصل أبا الخيل أن``:
                    # the person right after the titles, not whom they described before.
                    speaker = person
                elif titles_only and speaker == " ".join(w.original for w in subject):
                    # ``قال رئيس النادي، القطري ناصر الخليفي``: the name follows the comma.
                    after = para.words(cue.subject[1], _phrase_end(para.tokens, cue.subject[1], last))
                    named = _name_after_phrase(para, cue.subject[1], last)
                    speaker = (
                        _person_after_titles(para, subject, cue.subject[1], last, book)
                        or _person_before_complementizer(para, subject, cue.subject[1], last, book)
                        or book.mentioned(after)
                        or (book.resolve(book.add(named, subject)) if named else speaker)
                    )
                elif (
                    any(tuple(w.folded for w in subject[k:]) in book.places for k in range(1, name_at + 1))
                    and (person := _person_after_titles(para, subject, cue.subject[1], last, book)) is not None
                ):
                    speaker = person  # ``قائد شرطة لافاييت، جيم كرافت``: a place NER found ends the titles
                elif (
                    not titles_only
                    and speaker is not None
                    and book.entity_in(fold_entry(speaker).split()) is None
                    and (person := _person_before_complementizer(para, subject, cue.subject[1], last, book)) is not None
                ):
                    # ``قال مدير مكتب الحملة الوطنية السعودية لنصرة الأشقاء في سورية بلبنان وليد الجلال
                    # إن``: the titles' complement read as a name that no entity holds; the person NER
                    # found right before ``إن`` in the same clause is the one speaking.
                    speaker = person
                plain = speaker == " ".join(w.original for w in subject)
                unnamed = plain and _unnamed(subject, book)
                if (speaker is None or plain) and (called := _called_after(para, cue.subject[1], last, book)):
                    speaker = called  # ``امرأة مقيمة في جروزني تدعى زارا أحمدوفا``
                elif unnamed:
                    speaker = _with_affiliation(para, subject, cue.subject[1], last, book)
                elif cue.kind == "nominal":
                    speaker = _nominal_affiliation(para, subject, cue, speaker, book)
                else:
                    speaker = _glued_affiliation_after(para, subject, cue, speaker, last, book)
            elif cue.kind == "verb":
                # ``طمأن المدافع نواف الصبحي ... وقال "..."``: the clause's own subject,
                # named right after the clause's first verb.
                speaker = book.mentioned(_clause_subject(para, first, cue.token))
                if (
                    speaker is None
                    and not speakers
                    and cue.token > first
                    and (not _opens_with_a_circumstance(tokens[first].text) or _from_ones_side(tokens, first))
                ):
                    # ``وهنأ السديس الجميع بعيد الفطر، وقال "..."``: the person the sentence's own
                    # opening verb has for its subject goes on speaking (not after ``وحول دور أنان،``:
                    # a circumstance names no subject).
                    clause = para.view(tokens[first].start, tokens[cue.token].start)
                    speaker = _opening_person(clause, book, cue.word)
                if speaker is None and not speakers and cue.token == first and before_sentence is not None:
                    # ``انتقد ... العميد أحمد رضا بوردستان ... . وقال "..."``: a bare cue opening its
                    # sentence goes on with the person the sentence before it opens with.
                    speaker = _opening_person(before_sentence, book, cue.word)
                    if speaker is not None and current is not None and (current in speaker or speaker in current):
                        speaker = current  # the same person, written there with a nisba or a title
                speaker = speaker or current
            else:
                speaker = current
        referent = book.referents.stands_for(speaker)
        if referent is not None and names_someone(book, referent):
            speaker = referent  # ``وأضاف البيان``: the issuer the article named
        elif speaker and document_head(fold_entry(speaker.split()[0])):
            # ``وقال بيان صادر عن قيادة الجيش``: the issuer speaks, not the statement, where the
            # words name it. (Dropping a statement that names none let the quote fall to a name
            # the sentence mentions, `وفق البيان، جددت فرنسا`: worse than the statement.)
            speaker = _issuer_of(para, cue, speaker, last) or speaker
        if speaker is None and cue.kind != "attribution" and cue.subject[0] == cue.subject[1]:
            # ``وأضاف:`` with no speaker yet: the organisation the article opened with
            # (``أغلقت إدارة نادي الشباب ... وقالت في بيان``), else the person it is about.
            speaker = book.opening_organisation or book.first_person()
        if speaker:
            book.record_speaker(speaker)
            book.referents.note_issuer([t.text for t in tokens[first:last] if t.is_word], speaker)
        speakers.append(speaker)
        reported_by = cue.kind == "attribution" and speaker is not None and _an_outlet(speaker)
        if speaker and speaker != GOD and not reported_by:
            # after a verse the article's own speakers go on; after ``، حسب رويترز`` the one quoted
            current = speaker
    for number, cue in enumerate(cues):
        scope_start = tokens[cue.token].end
        scope_end = tokens[cues[number + 1].token].start if number + 1 < len(cues) else sentence_end
        if cue.subject[1] > cue.subject[0]:
            scope_start = max(scope_start, tokens[cue.subject[1] - 1].end)
        inside = [r for r in regions if scope_start <= r[0] < scope_end]
        if number + 1 < len(cues) and _postposed(tokens, cues[number + 1].token):
            # ``وأوضحوا "..."، حسبما أوضح بومجارتنر``: the quotation is the later speaker's.
            inside = []
        if number > 0 and _postposed(tokens, cue.token):
            previous_end = tokens[cues[number - 1].token].end
            inside = [r for r in regions if previous_end <= r[0] and r[1] < tokens[cue.token].start] + inside
        if number == 0:
            # ``“...”، وفق البيان``: a quotation before the first cue belongs to it.
            inside = [r for r in regions if r[1] < tokens[cue.token].start] + inside
        if speakers[number] == GOD:
            inside = [r for r in inside if r[0] >= tokens[cue.token].end][:1]  # the verse right after the cue
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


# What follows ``قال``, ``يقول`` or ``قوله`` when the Quran is quoted: ``تعالى``, ``سبحانه``, ``عز وجل``,
# ``جل وعلا``, after ``الله`` or alone (over a thousand times in the news collections). Other verbs
# take God as their object (``وسأل الله عز وجل أن``), and ``جل`` alone is "most of".
_SAYING = frozenset({"قال", "يقول", "قوله", "لقوله", "بقوله", "قول", "بقول"})
_DIVINE = frozenset(
    {("تعالي",), ("سبحانه",), ("تبارك",), ("عز", "وجل"), ("جل", "وعلا"), ("جل", "شانه"), ("جل", "جلاله")}
)
# ``قول الحق تبارك وتعالى``, ``قال المولى عز وجل``: names of God before the praise.
_GOD_NAMES = frozenset({GOD, "الحق", "المولي"})


def _names_god(tokens: list[_Token], cue: int, last: int) -> bool:
    if tokens[cue].text.removeprefix("و").removeprefix("ف") not in _SAYING:
        return False
    at = cue + 1
    if at < last and tokens[at].text in _GOD_NAMES:
        at += 1
    return any(tuple(t.text for t in tokens[at : at + len(words)]) == words for words in _DIVINE)


# A quotation this long with no cue is speech, not a name or a scare quote (dev splits: 4 words
# found more and kept less precision, 8 found fewer).
_UNCUED_WORDS = 6


def _uncued_quotes(para: _Paragraph, index: int, current: str | None, spans: list[Span]) -> None:
    """``ويشتبه في أن أحد الموقوفين «قام بدعم وتسهيل سفرهم ...»``: a long quotation no cue
    introduced goes on quoting the article's current speaker (None before anyone spoke)."""
    if not para.quotes:
        return
    text = para.folded.text
    mine = [(sp["start"], sp["end"]) for sp in spans if sp["paragraph"] == index]
    for region in para.quotes:
        s, e = para.folded.span(region[0] + 1, region[1])
        if any(a < e and s < b for a, b in mine):
            continue
        if _word_count(text[region[0] + 1 : region[1]]) < _UNCUED_WORDS or not _is_quotation(text, region):
            continue
        spans.append(_span(para, index, region[0] + 1, region[1], current, "", True))


# ``ووصفتها بأنها "غير مقبولة"``, ``وصف الانتخابات بـ"التاريخية"``: what a speaker called something,
# in marks after ``بأنه``, or after ``بـ`` with ``وصف`` before it, is their words however short
# (``فاز بـ«كأس الملك»`` names a cup).
_THAT_IT_IS = re.compile(r"(?<!\w)(?:" + "|".join(sorted(_THAT_IT)) + r")\s*$")
_BY_AFTER_DESCRIBING = re.compile(r"(?<!\w)و?(?:وصف|نعت)\w*\s[^.،؛:!؟]{0,60}(?<!\w)ب\s*$")


# ``ووصف أنان محادثاته مع الأسد بأنها``: after a verb of describing the object follows its subject.
_DESCRIBING = frozenset({"وصف", "وصفت", "وصفوا", "نعت", "نعتت"})


def _up_to_the_named(subject: list[Word], book: NameBook) -> list[Word]:
    """`subject` cut after the first person NER found in it, else after the first organisation
    (``سمير السعود مدير فريق الفتح``: the club is part of his title, he is the subject)."""
    if book.person_opening(subject):
        return subject  # ``سمير السعود مدير فريق الفتح ...``: `speaker_of` ends a name it opens with
    folded = [w.folded for w in subject]
    for found in (book.persons_found, book.entities):
        for at in range(len(folded)):
            keys = [key for key in found if tuple(folded[at : at + len(key)]) == key]
            if keys:
                return subject[: at + len(max(keys, key=len))]
    return subject


def _described_as(text: str, opening: int) -> bool:
    return (
        _THAT_IT_IS.search(text, max(0, opening - 8), opening) is not None
        or _BY_AFTER_DESCRIBING.search(text, max(0, opening - 90), opening) is not None
    )


def _is_quotation(text: str, region: tuple[int, int]) -> bool:
    """Three words or more, or two right after ``:``/``إن``; never a name before a colon or a title."""
    named = _NAMED_BEFORE.search(text, max(0, region[0] - 16), region[0])
    inside = text[region[0] + 1 : region[1]]
    words = _word_count(inside)
    if named is not None:
        noun = _bare_noun(named[1])
        if noun in _NOT_QUOTE_BEFORE or named[1] in _NOT_QUOTE_BEFORE or named[1] in _EVENT_TITLED:
            return False  # ``مقال بعنوان "ننتظر الحل"``, ``لمهرجان «من أجل مكة»``, ``ورقة "اندماج ..."``
        if named[1] in _COPULAS and words <= _MAX_TERM_WORDS and not named.group().endswith(":"):
            # ``أن النجم البرتغالي هو «الأفضل في العالم»``, ``مكان واحد، هو «وادي السيليكون»``: what a
            # thing is called or said to be, a term or a name in marks (of 320 such in the news, none speech)
            return False
        indefinite = not named[1].startswith(("ال", "وال", "بال", "لل"))
        if (
            words <= _MAX_NAME_IN_MARKS
            and indefinite
            and (noun in ORGANISATIONS or noun in _NAME_FOLLOWS)
            and not named.group().endswith(":")
        ):
            # ``بنك "دويتشه رايخ بنك"``, ``حسب موقع "سكاي نيوز عربية"``, ``أطلقت على نفسها «مجموعة
            # شباب المنارة»``: the name of the organisation, the site, what it called itself
            return False
    introduced = (words == 2 and _INTRODUCED.search(text, 0, region[0]) is not None) or _described_as(text, region[0])
    if words <= _MAX_TERM_WORDS and not _introduced(text, region[0]) and _name_in_marks(inside):
        return False  # ``منظمة "جمعية مدافعي حقوق الإنسان"``, ``مصرف "يو بي أس"``: a name, not speech
    if _person_in_marks(inside) or _bare_person_in_marks(inside):
        return False  # ``صاحب السمو الملكي "الأمير محمد بن نايف بن عبدالعزيز"``: who, not what was said
    if _list_in_marks(inside):
        return False  # ``"السهم، التايفون، الصقر، الدرع"``: names listed, not speech
    if _spelled_letters(inside):
        return False  # ``«إن بي إيه»``, ``«إف سي إيه»``: an acronym spelled out, a name
    if _WEB_ADDRESS.search(inside):
        return False  # ``«أشلي ماديسون دوت كوم»``, ``«vox.com»``: a site's name, its address
    return (words >= _MIN_QUOTE_WORDS or introduced) and not _LABEL_AFTER.match(text, region[1] + 1)


_KUNYA = frozenset({"ابو", "ابي", "ابا", "ام"})
_NAME_LINKS = frozenset({"بن", "بنت", "ابن", "ال", "عبد"})
_MAX_NAME_WORDS_IN_MARKS = 8


_MIN_LISTED = 3
_MAX_LISTED_WORDS = 2


def _list_in_marks(inside: str) -> bool:
    """Three items or more apart by commas (the last may be joined by و), each of a word or two
    and none said twice (the manoeuvres' names in marks)."""
    items = [item.split() for item in re.split(r"[،,]", inside)]
    if items and not items[-1]:
        items.pop()  # a comma closing the list
    if len(items) >= 2 and len(items[-1]) == 2 and items[-1][1][:1] == "و":
        items[-1:] = [items[-1][:1], items[-1][1:]]  # ``«البرية، الجوية والبحرية»``: the last joined by و
    distinct = len({tuple(item) for item in items}) == len(items)  # ``نشكركم، نشكركم، ...``: a chant
    return len(items) >= _MIN_LISTED and distinct and all(1 <= len(item) <= _MAX_LISTED_WORDS for item in items)


# The names of the Latin letters as Arabic writes them (folded), with which an acronym is spelled.
_LETTER_NAMES = frozenset(
    fold_entry(w)
    for w in (
        "إيه", "ايه", "بي", "سي", "دي", "إي", "اي", "إف", "اف", "جي", "إتش", "اتش", "آي", "جاي", "كيه", "كي",
        "إل", "ال", "إم", "ام", "إن", "ان", "أو", "او", "كيو", "آر", "ار", "إس", "اس", "تي", "يو", "في", "دبليو",
        "إكس", "اكس", "واي", "زد", "زي",
    )
)  # fmt: skip


# A site's address at the end of the words in marks, as Arabic spells it out or as it is written
# (16 in the news collections: ``«كوجار لايف دوت كوم»``, ``“mbc.net”``, ``«www.islamicexpo-sa.com»``).
_WEB_ADDRESS = re.compile(r"(?:\s(?:دوت|دات)\s(?:كوم|نت|أورغ|اورغ|أورج|اورج)|\.(?:com|net|org))\s*$", re.IGNORECASE)


_MIN_LEADING_LETTERS = 3


def _spelled_letters(inside: str) -> bool:
    """Two words or more, each a Latin letter's name (``إن بي إيه``, ``إف سي إيه``), or a name
    opening with three of them (``بي أيه إي سيستمز السعودية``: a company)."""
    words = _WORDS.findall(inside)
    letters = next((k for k, word in enumerate(words) if word not in _LETTER_NAMES), len(words))
    return (len(words) >= 2 and letters == len(words)) or letters >= _MIN_LEADING_LETTERS


def _person_in_marks(inside: str) -> bool:
    """A person's name in marks: a title or a kunya, then given names, their links and family
    names (``اللواء الركن جارالله بن محمد العلويط``, ``أبي حمزة السنحاني``), one word aside at most."""
    words = _WORDS.findall(inside)
    if not 2 <= len(words) <= _MAX_NAME_WORDS_IN_MARKS:
        return False
    head = words[0].removeprefix("و")
    if head not in TITLES and head.removeprefix("ال") not in TITLES and head not in _KUNYA:
        return False
    others = [w for w in words[1:] if not (is_given_name(w) or w in _NAME_LINKS or w in TITLES or w.startswith("ال"))]
    return len(others) <= 1 and any(is_given_name(w) for w in words[1:])


_MAX_BARE_NAME_WORDS = 5


def _bare_person_in_marks(inside: str) -> bool:
    """A person's full name alone in marks, with no title (``أكد المتحدث ...؛ "محمد عبدالعزيز
    الحميدي"؛ تصحيح ...``): a given name, then given names, their links and a family name with
    the article."""
    words = _WORDS.findall(inside)
    if not 2 <= len(words) <= _MAX_BARE_NAME_WORDS or not is_given_name(words[0]):
        return False
    if not all(is_given_name(w) or w in _NAME_LINKS or w.startswith(("ال", "عبدال")) for w in words[1:]):
        return False
    return words[-1].startswith("ال") or len(words) >= 3


def _name_in_marks(inside: str) -> bool:
    """Words in marks that name something: an organisation (``جمعية ...``, ``شركة ...``) or
    letters spelled out (``يو بي أس``, ``دي أش أل``)."""
    words = _WORDS.findall(inside)
    if not words:
        return False
    if all(len(w) <= _SPELLED_LETTER for w in words):
        return True
    head = _bare_noun(words[0])
    if head in ORGANISATIONS or head in _NAME_HEADS:
        if not words[0].startswith(("ال", "وال")):
            return True
        # ``في “المعهد الهندي للإدارة”``: a definite head named by its adjectives and complements
        return len(words) > 1 and all(w.startswith(("ال", "لل")) for w in words[1:])
    return False


def _bare_noun(word: str) -> str:
    """``لمهرجان`` -> ``مهرجان``, ``والبنك`` -> ``بنك``: the noun without its clitics and article."""
    for prefix in ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف"):
        if word.startswith(prefix) and len(word) - len(prefix) > 2:
            return word[len(prefix) :]
    return word


def _span(para: _Paragraph, index: int, start: int, end: int, speaker: str | None, cue: str, direct: bool) -> Span:
    text = para.folded.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
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
