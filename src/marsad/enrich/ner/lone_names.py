"""A person named once or twice, by one word, with nothing around it that says a person is meant.

News introduces people by their full name; a person the article gives only one word,
once, is either someone famous by one name (`نتنياهو`, `القرطبي`, `ميسي`) or, far more
often, an ordinary word the tagger read as a given name: `صالح` ("in favour of"),
`كريم`, `شريف`, `جهاد`, `رجاء`, and the words of poems and colloquial columns
(`ماحلا`, `يلين`). Over the development entity sets (about 1,000 articles of both news
collections) such lone one-word persons were wrong 334 times and right 103.

What tells the two apart is the sentence: a right one nearly always stands after a title,
a role or a nationality (`المدرب اليوناني دونيس`, `الملك حسين`), after a speech verb
(`يقول سترندبرغ`) or a naming one (`يدعى سيرجي`), among other people (`توريز وماتا
ومارتينيز`), alone inside marks or brackets (`«ماتا»`), or before a formula (`عائشة (رضي
الله عنها)`). A one-word person named once or twice, none of its mentions so vouched for, is
no entity (twice as well: `في صالح إيران ... لا في صالح الغرب`); one named three times or more
is someone the article is about.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from marsad.arabic.normalize import fold_for_search
from marsad.enrich.data import nationality_adjectives, read_list
from marsad.enrich.ner.spans import Span

_WORD = re.compile(r"[^\W\d_]+")
_LOOK_BACK = 2  # words: `المدرب اليوناني دونيس`
_PROCLITICS = "وفبل"
_FORMULA_AFTER = re.compile(
    r"\s*(?:\((?:ع|ص|رض)\)|رضي|عليه السلام|عليها السلام|عليهم السلام|عليه الصلاة|صلى|رحمه|رحمها)"
)
_OPENS = re.compile(r"[«\"“(]\s*$")
_CLOSES = re.compile(r"\s*[»\"”)]")
_LIST_GAP = re.compile(r"^\s*(?:[،,/و-]\s*)?(?:و\s*)?$")  # `ماتا و مارتينيز`, `أدريان، فابيان`
_MAX_LIST_GAP = 12
# A one-word name the article gives three times or more is someone it is about.
_MAX_MENTIONS = 2
_SUBJECT_REACH = 4  # words: a speech verb and up to three definite words describing its subject
_WINDOW = 200  # characters, enough for _SUBJECT_REACH words and one more
# `ساكن آخر يدعى سيرجي`, `الوالدة وتدعى إليزابيث`: the sentence says a name comes
_NAMING = ("يدعى", "تدعى", "يسمى", "تسمى", "اسمه", "اسمها", "المدعو", "المدعوة", "الملقب", "الملقبة")


@cache
def _person_words() -> frozenset[str]:
    """Folded words that say a person follows: titles, roles, nationalities, naming verbs."""
    lists = ("titles_before_names.txt", "speaker_titles.txt", "titles_of_address.txt", "foreign_nationalities.txt")
    words = {fold_for_search(word) for name in lists for word in read_list(name)}
    return frozenset(words | nationality_adjectives() | {fold_for_search(word) for word in _NAMING})


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(fold_for_search(word) for word in read_list("cue_verbs.txt"))


@cache
def _speaking() -> frozenset[str]:
    return frozenset(fold_for_search(word) for word in read_list("cue_participles.txt"))


def _speaks_after(paragraph: str, end: int) -> bool:
    """`وأكمل مورينيو حديثه قائلا`: a participle of speech right after the name or its object."""
    words = _speaking()
    return any(fold_for_search(word) in words for word in _WORD.findall(paragraph[end : end + 40])[:_LOOK_BACK])


def _said_by(word: str) -> bool:
    verbs = _speech_verbs()
    return word in verbs or (word[:1] in _PROCLITICS and word[1:] in verbs)


def _words_before(paragraph: str, start: int) -> list[str]:
    """The `_SUBJECT_REACH` words before `start`, read from a window (a paragraph can be long)."""
    begin = max(0, start - _WINDOW)
    words = _WORD.findall(paragraph, begin, start)
    if begin and len(words) <= _SUBJECT_REACH:
        words = _WORD.findall(paragraph, 0, start)  # (the window's first word may be cut)
    return words[-_SUBJECT_REACH:]


def _announced(paragraph: str, start: int) -> bool:
    words = _person_words()
    before = [fold_for_search(word) for word in _words_before(paragraph, start)]
    for at in range(len(before) - 1, -1, -1):
        # `وقال السياسي المحلي راجيش`: a speech verb, then the words describing its subject
        if _said_by(before[at]):
            return True
        if not before[at].startswith("ال"):
            break
    return any(word in words or (word[:1] in _PROCLITICS and word[1:] in words) for word in before[-_LOOK_BACK:])


def _among_people(span: Span, people: Sequence[Span], paragraph: str) -> bool:
    for other in people:
        if other is span or other["paragraph"] != span["paragraph"]:
            continue
        if other["end"] <= span["start"]:
            gap = paragraph[other["end"] : span["start"]]
        elif span["end"] <= other["start"]:
            gap = paragraph[span["end"] : other["start"]]
        else:
            continue
        if len(gap) <= _MAX_LIST_GAP and _LIST_GAP.match(gap):
            return True
    return False


def _vouched_for(span: Span, people: Sequence[Span], paragraph: str) -> bool:
    start, end = span["start"], span["end"]
    return (
        _announced(paragraph, start)
        or _speaks_after(paragraph, end)
        or _FORMULA_AFTER.match(paragraph, end) is not None
        or (_OPENS.search(paragraph, 0, start) is not None and _CLOSES.match(paragraph, end) is not None)
        or _among_people(span, people, paragraph)
    )


def drop_lone_names(spans: list[Span], paragraphs: Sequence[str]) -> list[Span]:
    """`spans` without the one-word persons named once or twice and vouched for by nothing around
    any of their mentions."""
    people = [span for span in spans if span["type"] == "PER"]
    mentions: defaultdict[str, list[Span]] = defaultdict(list)
    for span in people:
        mentions[fold_for_search(span["canonical"]).strip()].append(span)
    dropped = {
        id(span)
        for key, spans_of_name in mentions.items()
        if " " not in key
        and len(spans_of_name) <= _MAX_MENTIONS
        and not any(_vouched_for(span, people, paragraphs[span["paragraph"]]) for span in spans_of_name)
        for span in spans_of_name
    }
    if not dropped:
        return spans
    return [span for span in spans if id(span) not in dropped]
