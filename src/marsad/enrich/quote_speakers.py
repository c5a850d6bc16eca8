"""Who a cue's subject names, and the fullest name for it in the article.

A subject such as ``الرئيس الأمريكي جو بايدن`` is descriptors (titles, the
words that complete them, nisbas) followed by a name; ``مكتب الكاظمي`` and
``وزارة الداخلية`` start with an organisation word and are speakers as a
whole. An indefinite title or organisation word takes the next word as its
complement (``سفير نيوزيلندا جيرارد فان بوهيمن``, ``رئيس نادي التعاون محمد
القاسم``, ``المنسق الإعلامي لنادي أربيل الرياضي ريبين رمزي``): the speaker is
the name after the whole description, as in the gold set; with no name left
(``نائب محافظ منطقة موسكو``) it is the description. A name given by NER that
the subject contains is the speaker.

A short name (``بايدن``) resolves to the longest name in the article that ends
with it (``جو بايدن``), a first name to the person it starts (``نجيب`` ->
``نجيب عبد الرزاق``), and a surname the article wrote after given names that
follow a title, an article word, a speech verb or a comma to that full name
(``عسيري`` -> ``موسى أحمد عسيري``); a bare descriptor (``الرئيس الأمريكي``)
resolves to the name that descriptor introduced earlier.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from marsad.enrich.data import fold_entry, nationalities, nationality_adjectives, read_list, read_table
from marsad.enrich.ner.shipped_lists import common_words
from marsad.enrich.speaker_referents import Referents
from marsad.given_names import given_names
from marsad.startup_cache import compile_regex

__all__ = ["NameBook", "Word"]

TITLES = frozenset(read_list("speaker_titles.txt"))
# Words that complete a title (``مدير عام``, ``الأمين العام``, ``أستاذ مشارك``) but never open
# one: alone, ``عام`` is a year (``في كل عام كأنه يدق``: 5,500 such openings in a third of
# SaudiNewsNet, none a speaker's title).
COMPLETING_TITLES = frozenset(fold_entry(w) for w in ("عام", "العام", "مشارك", "المشارك"))
_OPENING_TITLES = TITLES - COMPLETING_TITLES
# ``الأمريكي``, ``السويسري``: a nisba adjective before a name describes its bearer.
_NISBA = compile_regex(r"(?:وال|ال)\p{L}{2,}ي")
ORGANISATIONS = frozenset(read_list("speaker_organisations.txt"))
# God's name: the speaker of the Quran, and the end of many names (``عبد الله``, ``رحمة الله``).
GOD = "الله"
NAME_STOPS = frozenset(read_list("name_stops.txt"))
# The weekdays the dates read (enrich/data/weekdays.tsv) and the day's words around them: when it was
# said, never who said it.
DAY_WORDS = frozenset(row[0] for row in read_table("weekdays.tsv")) | {
    fold_entry(w) for w in ("أمس", "اليوم", "مساء", "صباح")
}

_MAX_NAME_WORDS = 4
# Speech verbs and participles end a name (``المتحدث الرسمي قائلا``); cut after matching,
# as a lookahead over all of them at every word would slow the scan down.
_CUE_WORDS = frozenset(
    prefix + word for word in read_list("cue_verbs.txt") + read_list("cue_participles.txt") for prefix in ("", "و")
) | frozenset({"قوله", "قولها", "قولهم"})  # ``عن الطاهي حسن قوله``: the saying ends the name
_CONSTRUCT_HEADS = frozenset(
    {word.removeprefix("ال") for word in ORGANISATIONS} | {fold_entry(w) for w in ("كرة", "شؤون", "علامة")}
)
# ``انخل دي ماريا لاربع سنوات``: ``ل`` + a number or a medium starts what follows a name.
_NOT_NAME_AFTER_L = frozenset(
    {fold_entry(w) for w in ("أربع", "خمس", "ثلاث", "عشر", "مدة", "فترة", "وكالة", "صحيفة", "قناة", "موقع", "محطة")}
)


def _mention_pattern() -> re.Pattern[str]:
    """The regex twin of `NameBook.scan`: descriptors, then a name of up to four words."""

    def words(entries: frozenset[str]) -> str:
        return "|".join(sorted(map(re.escape, entries), key=len, reverse=True))

    stop = rf"(?:{words(NAME_STOPS | TITLES)})(?!\w)"
    anchor = rf"(?:(?:{words(_OPENING_TITLES)})(?!\w)|(?:و?ال)\w{{2,}}ي(?!\w))"
    # ``الأمين العام للمنظمة``: article words and their ``لل``/``بال`` forms complete a title.
    # ``لعلامة شفروليه``, ``لكرة القدم``: a construct after ``ل`` with its complement.
    construct = rf"(?:ل|ب)(?:{words(_CONSTRUCT_HEADS)})\s+\w+"
    descriptor = rf"(?!(?:{words(NAME_STOPS)})(?!\w))(?:(?:{words(TITLES)})(?!\w)|{construct}|(?:ال|لل|بال|وال)\w+)"
    # Folded ``علي`` is also the preposition ``على``; before ``بن`` it is the name.
    # (a lone letter is a preposition, ``لـ«الحياة»`` with its tatweel folded away, never a name)
    first = rf"(?:علي(?=\s+(?:بن|ابن)\s)|(?!ال|لل|ب|{stop}|ل(?:{words(_NOT_NAME_AFTER_L)})(?!\w))\w{{2,}})"
    # ``عبد الرزاق``, ``بن عبد العزيز``, ``بن مساعد``: an article word or a title's word after these is
    # part of the name.
    more = (
        rf"(?:(?:(?<=عبد\s)|(?<=ابو\s)|(?<=بن\s)|(?<=ابن\s)|(?<=بنت\s))(?:ال\w+|(?!(?:{words(NAME_STOPS)})(?!\w))\w+)"
        rf"|(?!{stop})(?!و)(?!ال\w+\s+(?!{stop})ال)(?!ل(?:{words(_NOT_NAME_AFTER_L)})(?!\w))(?!ل(?!\w))\w+)"
    )
    return re.compile(
        rf"(?<!\w)(?P<desc>{anchor}(?:\s+{descriptor}(?!\w))*)\s+"
        # ``تركي بن عبدالله آل سعود``: ``آل`` and the family may run past four words.
        rf"(?P<name>{first}(?:\s+{more}){{0,{_MAX_NAME_WORDS - 1}}}(?:(?<=\sال)\s+\w+)?)(?!\w)"
    )


_MENTION = _mention_pattern()


_Trie = dict[str, "_Trie"]


def _trie_alternation(entries: frozenset[str]) -> str:
    """`entries` as one regex that shares their prefixes (``المتحدث|المدير`` -> ``الم(?:تحدث|دير)``).

    `re` tries every branch of a flat alternation at each position; a trie tries one
    branch per letter, which makes scanning for titles several times faster.
    """
    trie: _Trie = {}
    for entry in entries:
        node = trie
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}  # an entry ends here

    def emit(node: _Trie) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


# Where a mention can start; `_MENTION` is then tried only there. Each branch matches
# a whole word, so the starts found are those of the flat ``title|title|...`` pattern.
_ANCHOR = re.compile(r"(?<!\w)(?:" + _trie_alternation(_OPENING_TITLES) + r"(?!\w)|(?:و?ال)\w{2,}ي(?!\w))")


# Titles that come before a name, never after it (``الفريق`` is also "the team").
TITLES_BEFORE_NAMES_ONLY = frozenset(read_list("titles_before_names.txt"))


def _title_after_name_pattern() -> re.Pattern[str]:
    after_name = {t for t in TITLES if t.startswith("ال")} - TITLES_BEFORE_NAMES_ONLY
    titles = "|".join(sorted(map(re.escape, after_name), key=len, reverse=True))
    return re.compile(rf"(?<=\s)(?:{titles})(?!\w)")


# ``نفى عدنان المعيبد المتحدث الرسمي``: a two-word name right before its title. Found
# from the title backwards, as titles are rarer than word positions.
_TITLE_AFTER_NAME = _title_after_name_pattern()
_TWO_WORDS_BEFORE = re.compile(r"(?<!\w)(\w+)\s+(\w+)\s+$")


def _names_before_titles(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(name span, title span) for each two-word name that a title follows."""
    found = []
    for title in _TITLE_AFTER_NAME.finditer(text):
        window_start = max(0, title.start() - 40)
        m = _TWO_WORDS_BEFORE.search(text, window_start, title.start())
        if m is None:
            continue
        first, second = m[1], m[2]
        if first in NAME_STOPS or first in TITLES or second in NAME_STOPS or second in TITLES:
            continue
        if first.isdigit() or second.isdigit() or first.startswith(("لل", "و")):
            continue
        if first.startswith("ال") and not _after_cue(text, m.start(1)):
            continue  # ``وقال اليكسي زياتسيف المتحدث``: right after a speech verb it is a given name
        if _after_preposition(text, m.start(1)) and not is_given_name(first):
            continue  # ``في إطار حرص الرئيس``, ``من جهته أكد المدير``: a noun's complement, not a name
        found.append(((m.start(1), m.end(2)), title.span()))
    return found


# ``عبد اللطيف المكي، وزير الصحة،``: a name of two or three words, a comma, then its title.
_APPOSED_TITLE = re.compile(r"(?<!\w)((?:عبد\s+)?\w+\s+\w+)\s*[،,]\s*(?=(\w+\s+\w+))")


def _names_apposed(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(name span, title span) for each name a comma and an indefinite title follow."""
    if "،" not in text and "," not in text:
        return []
    found = []
    for m in _APPOSED_TITLE.finditer(text):
        title = m[2].split()[0]
        words = m[1].split()
        if title not in TITLES or title.startswith("ال") or any(w in NAME_STOPS or w in TITLES for w in words):
            continue
        if not (_name_like(words[0]) or words[0] == "عبد") or not all(
            _name_like(w) or w.startswith("ال") for w in words[1:]
        ):
            continue  # a given name first; family names may carry the article (``المكي``)
        found.append((m.span(1), m.span(2)))
    return found


def _country_as_nisba(word: str) -> str:
    """``مصر`` -> ``مصري``, ``سوريا`` -> ``سوري``, ``اردن`` -> ``اردني``, ``امارات`` -> ``اماراتي``: a
    country's name (without its article) as the adjective of nationality we list; any other word as it is."""
    if word.endswith(("ي", "يه")):
        return word  # an adjective already (``الأميركية``), or one as much as a country (``السعودية``)
    if word.endswith(("يا", "ه")):
        nisba = word[:-1]
    elif word.endswith("ا"):
        nisba = word[:-1] + "ي"
    else:
        nisba = word + "ي"
    return nisba if len(word) > 2 and "ال" + nisba in nationality_adjectives() else word


def _descriptor_words(descriptor: Sequence[Word]) -> frozenset[str]:
    """A description's words as `NameBook.by_descriptor` keeps them: without the article, and a
    country in the construct as its adjective (``وزير خارجية مصر`` is the ``وزير الخارجية المصري``
    the article introduced)."""
    return frozenset(_country_as_nisba(_strip_article(w.folded)) for w in descriptor)


_RUN = re.compile(r"\w+")
_COMMA = re.compile(r"\s*[،,]\s*")
_MAX_APPOSED_TITLE_WORDS = 5
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


# Prepositions before two words and a title: what follows them is a noun phrase (``في إطار حرص
# الرئيس``, ``من جهته أكد المدير``) unless it opens with a given name (``عن كوفي عنان الأمين``).
_PREPOSITIONS = frozenset({"في", "علي", "من", "عن", "الي", "مع", "بعد", "قبل"})


def _word_before(text: str, start: int) -> str | None:
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return m[1] if m is not None else None


def _after_preposition(text: str, start: int) -> bool:
    return _word_before(text, start) in _PREPOSITIONS


def _after_cue(text: str, start: int) -> bool:
    return _word_before(text, start) in _CUE_WORDS


@dataclass(slots=True, frozen=True)
class Word:
    """A word of the folded text, with offsets in the original paragraph."""

    folded: str
    original: str
    quoted: bool = False  # inside short quotation marks (``«لويس إنريكي»``)


def _strip_article(word: str) -> str:
    for prefix in ("وال", "بال", "لل", "ال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix) :]
    return word


def is_descriptor(word: str) -> bool:
    """A title (or ``و`` + a title), a word with the article (``الوزراء``, ``للمنظمة``), a ``ل`` complement
    (``الناطق الإعلامي لنادي الزوراء``, ``لكرة القدم``) or an organisation word
    (``مدير إدارة``, ``ببلدية``): not a given name. Any other word starting with ``ل``
    may be one (``ليلى``, ``لوران``)."""
    return (
        word in TITLES
        or word.startswith(("ال", "لل", "بال", "وال"))
        or _organisation_word(word)
        or (word[:1] in "لب" and word[1:] in _CONSTRUCT_HEADS)
        or (word[:1] == "و" and word[1:] in TITLES)  # ``المحامية وناشطة حقوق الإنسان``: titles joined
    )


def _organisation_word(word: str) -> bool:
    return word in ORGANISATIONS or any(word.startswith(p) and word[1:] in ORGANISATIONS for p in ("ب", "ل", "و"))


def _takes_complement(word: str) -> bool:
    """An indefinite title or organisation word is the first term of a construct
    (``سفير نيوزيلندا``, ``رئيس نادي التعاون``, ``لنادي برشلونة``): the word after it
    belongs to the description even without the article. ``د`` is an abbreviation."""
    if len(word) < 3 or word.startswith(("ال", "وال", "بال", "لل")):
        return False
    stem = word[1:] if word[0] in "بلو" and word not in TITLES else word
    return word in TITLES or stem in TITLES or _organisation_word(word)


def is_given_ali(folded: str, written: str) -> bool:
    """``علي`` written with ``ي`` is the given name; folding makes the preposition ``على`` look the same."""
    return folded == "علي" and written == "علي"


def descriptor_view(words: Sequence[Word]) -> list[str]:
    """The folded words for `name_start`, keeping apart what folding merges: a name written
    with a hamza (``أليسون``, ``إلياس``) is not an article word, nor ``علي`` the preposition."""
    return [
        "ء" + w.folded if w.original[:2] in _HAMZA_AL else ("ء" if is_given_ali(w.folded, w.original) else w.folded)
        for w in words
    ]


_HAMZA_AL = frozenset({"أل", "إل"})


def _indefinite_adjective(before: str, word: str) -> bool:
    """``مسؤول أمني عراقي``, ``محلل غربي``: a nisba without the article after an indefinite noun
    describes it; the news writes it as a name now and then only (``common_words``), unlike
    ``هاني`` or ``فتحي``."""
    return (
        len(word) >= 4
        and word.endswith("ي")
        and word != "علي"
        and not before.startswith(("ال", "وال", "بال", "لل"))
        and (word in common_words() or "ال" + word in nationalities())  # ``مسؤول تركي``: not ``تركي``
    )


def name_start(words: Sequence[str]) -> int:
    """Index of the first word of the name after a subject's descriptors (``len`` if none).

    ``رئيس وزراء ماليزيا نجيب عبد الرزاق``: ``ماليزيا`` completes the construct
    ``رئيس وزراء`` and the name starts at ``نجيب``. The last word is never taken
    as a complement.
    """
    i = 0
    n = len(words)
    while i < n and (is_descriptor(words[i]) or (i > 0 and _indefinite_adjective(words[i - 1], words[i]))):
        i += 1
        if _takes_complement(words[i - 1]) and i + 1 < n and not is_descriptor(words[i]):
            i += 1
        elif (
            i + 2 < n
            and words[i][:1] == "ل"
            and not is_descriptor(words[i])
            and not any(map(is_descriptor, words[i + 1 : i + 3]))
        ):
            i += 1  # ``الوسيط المشترك لسورية كوفي عنان``: ``ل`` and a place complete the title
        elif i + 2 < n and words[i][:1] == "ب" and _listed_place(words[i][1:]):
            i += 1  # ``المتحدث باسم الهلال الأحمر بتبوك خالد العنزي``: ``ب`` and a place the news names
    return i


def _listed_place(word: str) -> bool:
    from marsad.enrich.ner.shipped_lists import news_places

    return news_places().get((word,)) == "LOC"


@dataclass(slots=True)
class NameBook:
    """The names an article uses, and the descriptors that introduced them."""

    names: list[tuple[str, ...]] = field(default_factory=list)
    display: dict[tuple[str, ...], str] = field(default_factory=dict)
    by_descriptor: list[tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=list)
    # Names of people: introduced by a title (``المدافع نواف الصبحي``) or given by NER.
    persons: list[tuple[str, ...]] = field(default_factory=list)
    # The article's folded paragraphs, to find the full name of a bare surname.
    texts: list[tuple[str, Callable[[int, int], str]]] = field(default_factory=list)
    expanded: dict[str, tuple[str, ...] | None] = field(default_factory=dict)
    # Names given by NER for this article: where a subject contains one, it is the speaker.
    given: list[tuple[str, ...]] = field(default_factory=list)
    # The article's people and organisations from NER: folded words -> canonical name.
    entities: dict[tuple[str, ...], str] = field(default_factory=dict)
    persons_found: set[tuple[str, ...]] = field(default_factory=set)  # keys of `entities` NER tagged PER
    people: list[str] = field(default_factory=list)  # canonical names of NER persons
    # Names a title introduced (``الوزير عادل الجبير``): people, unlike words after a nisba.
    titled: set[tuple[str, ...]] = field(default_factory=set)
    # Speakers so far, by their first word without the article.
    spoke: list[tuple[str, str]] = field(default_factory=list)
    # ``أغلقت إدارة نادي الشباب``: whom a cue with no subject and no speaker before it means.
    opening_organisation: str | None = None
    # ``جاري كاهيل مدافع تشيلسي``: titles written after a person NER found, and the name.
    titles_after: list[tuple[frozenset[str], str]] = field(default_factory=list)
    # ``الصحيفة``, ``البيان``: the medium or the statement's issuer the article named before.
    referents: Referents = field(default_factory=Referents)
    places: set[tuple[str, ...]] = field(default_factory=set)  # folded words of the places NER found

    def record_speaker(self, speaker: str) -> None:
        head = _fold_word(speaker.split()[0]) if speaker.split() else ""
        self.spoke.append((_strip_article(head), speaker))

    def mentioned_again(self, word: str, adjectives: Sequence[str] = ()) -> str | None:
        """``وأضاف المصدر`` after ``قال مصدر أمني``, ``وقالت الأمانة`` after ``أكدت الأمانة
        العامة لهيئة كبار العلماء``: the definite noun names the last speaker it started;
        with definite `adjectives` (``قال الخبير القانوني`` after ``خبير قانوني ملم``), the
        last one that also has each of them."""
        if not word.startswith(("ال", "وال")) or not all(a.startswith("ال") for a in adjectives):
            return None
        head = _strip_article(word)
        wanted = {_strip_article(a) for a in adjectives}
        for first, speaker in reversed(self.spoke):
            if first == head and wanted <= {_strip_article(w) for w in fold_entry(speaker).split()}:
                return speaker
        return None

    def add(self, words: Sequence[Word], descriptor: Sequence[Word] = (), *, person: bool = True) -> tuple[str, ...]:
        key = tuple(w.folded for w in words)
        if not key:
            return key
        if key not in self.display:
            self.names.append(key)
            self.display[key] = " ".join(w.original for w in words)
        if descriptor:
            self.by_descriptor.append((frozenset(_strip_article(w.folded) for w in descriptor), key))
            if person and not _organisation_word(key[0]):
                self._add_person(key)
            if any(w.folded in TITLES for w in descriptor):
                self.titled.add(key)
        return key

    def given_in(self, words: Sequence[Word]) -> str | None:
        """A name from NER that the words contain, as the article writes it fully."""
        folded = [w.folded for w in words]
        for key in self.given:
            for start in range(len(folded) - len(key) + 1):
                if tuple(folded[start : start + len(key)]) == key:
                    return self.resolve(key)
        return None

    def add_entities(self, entities: Sequence[Mapping[str, object]]) -> None:
        for entity in entities:
            if entity.get("type") == "LOC":
                self.places.add(tuple(fold_entry(str(entity.get("text") or "")).split()))
            if entity.get("type") in {"PER", "ORG"}:
                canonical = str(entity.get("canonical") or entity.get("text") or "")
                if entity.get("type") == "PER" and canonical not in self.people:
                    self.people.append(canonical)
                for form in (str(entity.get("text") or ""), canonical):
                    key = tuple(fold_entry(form).split())
                    if key and len(self.entities.get(key, "")) < len(canonical):
                        self.entities[key] = canonical
                    if key and entity.get("type") == "PER":
                        self.persons_found.add(key)

    def entity_in(self, words: Sequence[str]) -> str | None:
        """The canonical name of the longest NER person or organisation that `words` contain."""
        best: tuple[str, ...] = ()
        for key in self.entities:
            if len(key) > len(best) and any(
                tuple(words[at : at + len(key)]) == key for at in range(len(words) - len(key) + 1)
            ):
                best = key
        return self.entities[best] if best else None

    def person_in_words(self, words: Sequence[str]) -> bool:
        """Whether folded `words` contain a person NER found."""
        return any(tuple(words[at : at + len(key)]) == key for key in self.persons_found for at in range(len(words)))

    def person_opening(self, words: Sequence[Word]) -> int:
        """How many of `words` the longest NER person of two words or more they open with takes."""
        folded = tuple(w.folded for w in words)
        return max((len(key) for key in self.persons_found if len(key) > 1 and folded[: len(key)] == key), default=0)

    def person_starting(self, words: Sequence[Word]) -> int:
        """How many of `words` the longest NER person they open with takes (0: none)."""
        folded = tuple(w.folded for w in words)
        return max((len(key) for key in self.persons_found if folded[: len(key)] == key), default=0)

    def first_person_in(self, words: Sequence[Word]) -> str | None:
        """The canonical name of the first person NER found in `words`: a clause's subject where
        its verb is no speech verb (``ويوافقه في الرأي د. مظهر عاشور، ... قائلا``)."""
        folded = [w.folded for w in words]
        for at in range(len(folded)):
            keys = [key for key in self.persons_found if tuple(folded[at : at + len(key)]) == key]
            if keys:
                return self.entities[max(keys, key=len)]
        return None

    def bounded_by_entity(self, name: Sequence[Word]) -> list[Word]:
        """`name` cut after the NER person or organisation it starts with: ``لويس تينا عزمه
        التتويج`` -> ``لويس تينا`` (the verb's object ran on after the subject)."""
        folded = tuple(w.folded for w in name)
        best = max((len(key) for key in self.entities if folded[: len(key)] == key), default=0)
        past = best and (_runs_past_name(folded[best:]) or _possessed(name[best:]))
        return list(name[:best]) if past else list(name)

    def _add_person(self, key: tuple[str, ...]) -> None:
        # ``لمدينة ديار بكر``: a place NER found is no person, though a surname ends it.
        if len(key) > 1 and key not in self.persons and key not in self.places and not _holds_a_body(key):
            self.persons.append(key)

    def add_text_name(self, name: str) -> None:
        folded = fold_entry(name).split()
        if folded:
            key = self.add([Word(f, o) for f, o in zip(folded, name.split(), strict=False)])
            self._add_person(key)
            if key not in self.given:
                self.given.append(key)

    def scan_text(self, text: str, original: Callable[[int, int], str]) -> None:
        """`scan` over a whole folded text with one regular expression (C speed).

        `original` maps a folded (start, end) to the written text, only for the names kept.
        """
        self.texts.append((text, original))
        spans = []
        covered = 0
        for anchor in _ANCHOR.finditer(text):
            if anchor.start() < covered:
                continue
            m = _MENTION.match(text, anchor.start())
            if m is not None:
                spans.append((m.span("name"), m.span("desc")))
                covered = m.end()
        apposed = _names_apposed(text) + self._titles_apposed_before(text)
        for (n_start, n_end), (desc_start, desc_end) in spans + _names_before_titles(text) + apposed:
            name = []
            for w in _RUN.finditer(text, n_start, n_end):
                word = w.group()
                if word in _CUE_WORDS or (word == "فان" and original(w.start(), w.end()) == "فإن"):
                    break  # a speech verb, or ``فإن`` (with its hamza; ``فان دير فارت`` is a name)
                if word.startswith("ل") and word[1:] in _CUE_WORDS:
                    break  # ``مها أبو عوف لتوضح``: a speech verb of purpose after the name
                name.append(Word(w.group(), original(w.start(), w.end())))
            if not name:
                continue
            described = [
                Word(w.group(), original(w.start(), w.end())) for w in _RUN.finditer(text, desc_start, desc_end)
            ]
            if described and len(name) == 1 and _takes_complement(described[-1].folded):
                continue  # ``المتحدث باسم تعليم المدينة``: the complement, not a name
            if described and _indefinite_adjective(described[-1].folded, name[0].folded):
                continue  # ``مسؤول أمني عراقي قوله``: an adjective of the description, not a name
            if tuple(text[max(0, desc_start - 12) : desc_start].split()[-1:]) in _MANNER:
                continue  # ``بشكل مسؤول يتيح حماية ...``: the title word is how something is done
            while described and len(name) > 1 and _takes_complement(described[-1].folded):
                # ``رئيس وزراء ماليزيا نجيب``: the construct takes the first word of the match.
                described, name = [*described, name[0]], name[1:]
            while desc_end <= n_start and len(name) > 1 and name[0].folded.startswith(("ال", "وال")):
                # ``حاكم لويزيانا الجمهوري بوبي جيندال``: a nisba after the construct.
                described, name = [*described, name[0]], name[1:]
            if described and len(name) >= 3 and name[0].folded[:1] == "ل" and not is_l_name(name[0].folded):
                # ``الوسيط المشترك لسورية كوفي عنان``: ``ل`` and a place complete the title.
                described, name = [*described, name[0]], name[1:]
            if n_start >= desc_end and self._person_ends_at(text, desc_start):
                # ``راشد بن عبدالله آل خليفة وزير الداخلية البحريني خالص التعازي``: the description
                # is the title of the person NER found before it; what follows is the verb's object.
                continue
            name = self.bounded_by_entity(_cut_after_surname(self._cut_at_phrase(name)))
            while len(name) > 1 and name[-1].folded[:1] == "ب" and _listed_place(name[-1].folded[1:]):
                name = name[:-1]  # ``مستشفى الملك فهد بتبوك``: where it stands is no part of the name
            before = text[max(0, desc_start - 20) : desc_start].split()
            # ``الأثر الاقتصادي جراء``: a nisba after a definite noun is its adjective.
            person = any(w.folded in TITLES for w in described) or not (
                before and before[-1].startswith("ال") and before[-1][-1].isalpha()
            )
            self.add(name, described, person=person)

    def _titles_apposed_before(self, text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """(name span, title span) for ``وزير الأوقاف الأردني، الدكتور هايل داود``: a title and its
        complement, a comma, then (after an honorific) a person NER found of two words or more. The
        comma keeps the title from the name's own run, so ``الوزير الأردني`` later found no one."""
        if "،" not in text and "," not in text:
            return []
        found = []
        for comma in _COMMA.finditer(text):
            runs = list(_RUN.finditer(text, comma.end(), min(len(text), comma.end() + 80)))
            after = [w.group() for w in runs]
            at = 1 if after and after[0] in TITLES and after[0].startswith("ال") else 0
            person = max(
                (key for key in self.persons_found if len(key) > 1 and tuple(after[at : at + len(key)]) == key),
                key=len,
                default=None,
            )
            if person is None or runs[at].start() != (runs[0].end() + 1 if at else comma.end()):
                continue  # (words right after the comma, one space between the honorific and the name)
            offset = max(0, comma.start() - 60)
            before = text[offset : comma.start()]
            words = list(_RUN.finditer(before))[-_MAX_APPOSED_TITLE_WORDS:]
            head = next(
                (k for k, w in enumerate(words) if w.group() in TITLES and not w.group().startswith("ال")), None
            )
            if head is None or not before.endswith(words[-1].group()):
                continue  # no indefinite title in the words before the comma, or no word right before it
            name_start, name_end = runs[at].start(), runs[at + len(person) - 1].end()
            found.append(((name_start, name_end), (offset + words[head].start(), comma.start())))
        return found

    def _cut_at_phrase(self, name: list[Word]) -> list[Word]:
        """``ميجيل هيريرا بالخطأ الذي ارتكبه``: a prepositional phrase (ب or ل with the article)
        ends a name, as `_continues_name` reads it, unless it follows ``بن`` or ``عبد`` or is a
        word of a person NER found (``مايكل باليير``)."""
        for index in range(1, len(name)):
            word = name[index].folded
            if (
                word.startswith(("بال", "لل"))
                and word not in _GOD_WORDS
                and name[index - 1].folded not in _KIN
                and not any(word in person for person in self.persons_found)
            ):
                return name[:index]
        return name

    def _person_ends_at(self, text: str, at: int) -> bool:
        """Whether the words right before `at` end a person NER found (of two words or more)."""
        before = tuple(text[max(0, at - 80) : at].split())
        return any(len(key) > 1 and before[-len(key) :] == key for key in self.persons_found)

    def resolve(self, key: tuple[str, ...]) -> str:
        """The fullest known name ending with `key` (token-wise), else `key` as written. A
        surname NER tagged as a person gives the full name NER resolved it to, before any
        words a title happened to precede (``أصبح تاريكس``)."""
        ner = self._ner_full_name(key)
        best: tuple[str, ...] | None = None
        for name in self.names:
            if (
                len(name) >= len(key)
                and name[len(name) - len(key) :] == key
                and (best is None or len(name) > len(best))
                and (name == key or not _holds_a_body(name))  # not ``القدم بنادي الهلال`` for ``الهلال``
            ):
                best = name
        if ner is not None and (best is None or len(best) <= len(ner.split())):
            return ner
        if len(key) == 1 and (best is None or len(best) == 1):
            # ``قال نجيب`` after ``نجيب عبد الرزاق``: a person called by the first name.
            best = next((name for name in self.persons if name[0] == key[0]), None) or self._expand(key[0])
        return self.display[best] if best is not None else self.display.get(key, " ".join(key))

    def _ner_full_name(self, key: tuple[str, ...]) -> str | None:
        """The full name NER resolved the person `key` to, when it ends with `key` and adds given
        names only (not ``الإنابة`` or ``قرية آل سرور`` that NER ran into it)."""
        if key not in self.persons_found:
            return None
        named = self.entities.get(key, "")
        folded = tuple(fold_entry(named).split())
        extra = folded[: len(folded) - len(key)]
        if not extra or folded[len(extra) :] != key or len(extra) > _MAX_NAME_WORDS - 1:
            return None
        written = named.split()[: len(extra)]
        for word, form in zip(written, extra, strict=False):
            if word[:2] in _HAMZA_AL:
                continue  # ``أليكس``: a hamza, not the article
            if is_descriptor(form) or not (_name_like(form) or form in _KIN):
                return None
        return named

    def _expand(self, surname: str) -> tuple[str, ...] | None:
        """``عسيري`` -> ``موسى أحمد عسيري``: where the article writes the surname after one
        or two given names, themselves after a title, an article word, a speech verb or
        punctuation (``الحيرة والقلق موسى أحمد عسيري``), that is the full name."""
        if surname in self.expanded:
            return self.expanded[surname]
        found = self._expand_uncached(surname)
        self.expanded[surname] = found
        return found

    def _expand_uncached(self, surname: str) -> tuple[str, ...] | None:
        if not _name_like(surname) and not surname.startswith("ال"):
            return None
        if sum(text.count(surname) for text, _ in self.texts) < 2:
            return None  # the short mention itself is one; the full name would be another
        pattern = re.compile(rf"(?<!\w){re.escape(surname)}(?!\w)")
        best: list[Word] = []
        for text, original in self.texts:
            for m in pattern.finditer(text):
                before = list(_RUN.finditer(text, max(0, m.start() - 60), m.start()))
                given: list[re.Match[str]] = []
                for word in reversed(before[-3:]):
                    gap = text[word.end() : (given[0].start() if given else m.start())]
                    named = _given_before(word.group(), original(word.start(), word.end()))
                    if gap.strip() or len(given) == 2 or not named:
                        break
                    given.insert(0, word)
                while given and not (_introduces_name(text, given[0].start()) or _known_given(given[0], original)):
                    given.pop(0)
                if len(given) + 1 > len(best):
                    best = [Word(w.group(), original(w.start(), w.end())) for w in given]
                    best.append(Word(surname, original(m.start(), m.end())))
        if len(best) < 2:
            return None
        key = self.add(best, [])
        self._add_person(key)
        return key

    def full_name_of(self, surname: str) -> str | None:
        """The full name the article writes before `surname` (`_expand`), as written; none for a
        word of the language (``رسول``, ``الهيئة``) or God's name, which ends ``عبد الله``."""
        if surname in common_words() or surname == GOD:
            return None
        key = self._expand(surname)
        if key is None:
            return None
        written = self.display.get(key, " ".join(key))
        # the words before it are names, not a verb or a preposition (``أصدرت سولانج``)
        given = zip(key[:-1], written.split(), strict=False)
        if not all(
            w in _KIN or is_given_name(w) or (_given_before(w, o) and w not in common_words()) for w, o in given
        ):
            return None
        return written

    def resolve_words(self, words: Sequence[Word]) -> str:
        key = tuple(w.folded for w in words)
        resolved = self.resolve(key)
        return " ".join(w.original for w in words) if resolved == " ".join(key) else resolved

    def described_in_full(self, descriptor: Sequence[Word]) -> str | None:
        """The person the article introduced with every word of `descriptor` (a country in the
        construct read as its adjective), the latest such; None where no one was."""
        wanted = _descriptor_words(descriptor)
        for described, key in reversed(self.by_descriptor):
            if wanted <= described and key in self.persons:
                return self.resolve(key)
        return None

    def by_description(self, descriptor: Sequence[Word]) -> str | None:
        """``اللاعب السويسري`` -> the name ``السويسري`` (with or without a title) introduced."""
        if len(descriptor) == 1 and descriptor[0].folded in _UNNAMED_PEOPLE:
            return None  # ``قال ناشط``: an unnamed one, not the activist the article named before
        wanted = _descriptor_words(descriptor)
        nisbas = frozenset(_strip_article(w.folded) for w in descriptor if _NISBA.fullmatch(w.folded))
        if len(descriptor) == 1:
            # ``واشار الباحث`` after ``سيباستيان ابيس الباحث في مؤسسة ...``: the one person of that
            # title, before any other words the title happened to precede
            only = self.only_one_titled(descriptor[0].folded)
            if only is not None:
                return only
        for described, key in reversed(self.by_descriptor):
            if wanted <= described:
                return self.resolve(key)
        head = _strip_article(descriptor[0].folded) if descriptor else ""
        if head in TITLES and len(wanted) > 1:
            # ``مدير الوكالة توست تول`` then ``مدير الوكالة الأميركية للتنمية``: a fuller description
            # with the same title and every word of the first.
            for described, key in reversed(self.by_descriptor):
                if len(described) > 1 and head in described and described <= wanted and key in self.persons:
                    return self.resolve(key)
        if nisbas:
            for described, key in reversed(self.by_descriptor):
                if nisbas <= described:
                    return self.resolve(key)
        return None

    def only_one_titled(self, title: str) -> str | None:
        """``جاري كاهيل مدافع تشيلسي`` then ``وقال مدافع منتخب إنجلترا``: the one person the
        article gave that title, when only one has it."""
        head = _strip_article(title)
        if head not in TITLES and title not in TITLES:
            return None
        people = {
            self.resolve(key) for described, key in self.by_descriptor if head in described and key in self.persons
        }
        people |= {name for described, name in self.titles_after if head in described}
        if len(people) > 1:
            # ``الباحث سوق القمح`` is a title before other words; the person NER found is the one.
            people = {name for name in people if tuple(fold_entry(name).split()) in self.persons_found}
        return people.pop() if len(people) == 1 else None

    def holds_title(self, person: str, title: str) -> bool:
        """Whether the article gave `person` the title `title` (folded, with or without the
        article): before the name (``المدرب سامي الجابر``) or after it (``دونيس مدرب الهلال``)."""
        head = _strip_article(title)
        if head not in TITLES and title not in TITLES:
            return False
        if any(head in described and name == person for described, name in self.titles_after):
            return True
        return any(head in described and self.resolve(key) == person for described, key in self.by_descriptor)

    def add_titles_after(self, name: str, following: Sequence[str]) -> None:
        """``جاري كاهيل مدافع تشيلسي``: a person NER found, then a title and its complement.
        Kept apart from the names the subjects resolve against: only `only_one_titled` reads it."""
        if not name or not following or following[0] not in TITLES:
            return
        descriptor = [following[0]]
        for word in following[1:_MAX_TITLE_AFTER]:
            if word in TITLES or word in _SPEAKER_STOPS:
                break
            descriptor.append(word)
        self.titles_after.append((frozenset(_strip_article(w) for w in descriptor), name))

    def knows(self, word: str) -> bool:
        """Whether a name of two words or more ends or starts with `word`."""
        return any(len(name) > 1 and word in (name[0], name[-1]) for name in self.names)

    def surname_after_titles(self, subject: Sequence[Word]) -> str | None:
        """``الوزير الجبير``, ``الزميل الزهراني``: titles, then a family name with the article that
        ends a person the article named in full (``عادل الجبير``): that person."""
        if len(subject) < 2 or not all(_strip_article(w.folded) in TITLES or w.folded in TITLES for w in subject[:-1]):
            return None
        surname = subject[-1].folded
        if not surname.startswith("ال") or surname in TITLES:
            return None
        if not any(key[-1] == surname for key in self.persons_found):
            return None  # ``مدير المستشفى``: a noun with the article, no family name NER found
        if self.knows_person(surname):
            full = self.resolve((surname,))
            return full if len(full.split()) > 1 else None
        # the person NER found in full, the one of that family name
        found = {key for key in self.persons_found if len(key) > 1 and key[-1] == surname}
        return self.entities.get(found.pop()) if len(found) == 1 else None

    def knows_person(self, word: str) -> bool:
        """Whether a person's name of two words or more (not ``ولاية ميسيسيبي``) ends or starts with `word`."""
        return any(len(name) > 1 and word in (name[0], name[-1]) for name in self.persons)

    def first_person(self) -> str | None:
        """The first person the article names with a title: the usual speaker of its quotes."""
        return self.resolve(self.persons[0]) if self.persons else None

    def named_by_head(self, word: str) -> str | None:
        """``المؤسسة`` -> ``مؤسسة عبدالعزيز سعود البابطين الثقافية``: the last organisation NER
        found whose name opens with the definite noun's bare form."""
        if not word.startswith("ال") or _strip_article(word) not in ORGANISATIONS:
            return None
        head = _strip_article(word)
        found = [name for key, name in self.entities.items() if len(key) > 1 and key[0] == head]
        if found:
            return found[-1]
        opening = self.opening_organisation
        return opening if opening and _fold_word(opening.split()[0]) == head else None

    def mentioned(self, words: Sequence[Word], *, last: bool = False) -> str | None:
        """The first (or `last`) word of `words` that ends a person's name, resolved.

        Only people count: a clause about ``مؤسسة النقد`` does not make it the speaker.
        """
        ends = {name[-1] for name in self.persons}
        for word in reversed(words) if last else words:
            if word.folded in ends and word.folded not in TITLES:
                return self.resolve((word.folded,))
        return None


_SPEAKER_STOPS = frozenset(read_list("speaker_stops.txt"))
# ``بشكل``/``بصورة``/``بطريقة`` + an adjective say how (``بشكل مسؤول``, ``بصورة رسمية``: 136 in the news).
_MANNER = frozenset((w,) for w in ("بشكل", "بصوره", "بطريقه"))
_MAX_TITLE_AFTER = 3


def _holds_a_body(key: tuple[str, ...]) -> bool:
    """``القدم بنادي الهلال``, ``شرف نادي الهلال``: a body's word (after ``ب``/``ل`` or not) past the
    first word makes the words a phrase about an organisation, no person's name."""
    return any(word in ORGANISATIONS or (word[:1] in "بل" and word[1:] in ORGANISATIONS) for word in key[1:])


def _name_after_adjective(name: Sequence[Word]) -> int:
    """Where a name starts again after an article word inside it (``هوتسبير السابق هاري
    ريدناب`` -> 2), or 0: the article word must be followed by two words without it, and
    not be a family name after ``عبد``/``بن``."""
    for at in range(1, len(name) - 2):
        word = name[at].folded
        if not word.startswith("ال") or name[at - 1].folded in _KIN:
            continue
        rest = [w.folded for w in name[at + 1 :]]
        if len(rest) >= 2 and not any(w.startswith("ال") for w in rest[:2]) and all(map(_name_like, rest[:2])):
            return at + 1
    return 0


def _runs_past_name(rest: Sequence[str]) -> bool:
    """Whether words after a name NER found are not more of it: two or more, with an article
    or preposition word among them (``عزمه التتويج``), and not ``عبد``/``بن`` + a name."""
    return (
        len(rest) >= 2
        and rest[0] not in _KIN
        and any(w.startswith(("ال", "بال", "لل")) or (w[:1] in "بل" and not _name_like(w)) for w in rest)
    )


def _possessed(rest: Sequence[Word]) -> bool:
    """``رانييري رضاه``: one word after the name that is a noun with its pronoun (written with
    ``ه``, where a name's feminine ending is ``ة``), the verb's object, not more of the name."""
    if len(rest) != 1:
        return False
    word = rest[0]
    return (
        len(word.original) > 3
        and word.original.endswith("ه")
        and not word.original.endswith(("له", "اللّه"))
        and not is_given_name(word.folded)
    )


_fold_word = cache(fold_entry)  # speakers' first words repeat across cues
_KIN = frozenset({"عبد", "ابو", "بن", "ابن", "بنت"})
_ONE_OF = frozenset({"احد", "احدي"})
CALLED = frozenset(fold_entry(w) for w in ("يدعى", "ويدعى", "تدعى", "وتدعى", "واسمه", "واسمها", "اسمه", "اسمها"))


def is_l_name(word: str) -> bool:
    """Given names that start with ``ل`` (``ليلى``, ``لوران``): not ``ل`` + a complement."""
    return word in _L_NAMES


_L_NAMES = frozenset(read_list("names_with_l.txt"))
# ``ليونيل ميسي نجم برشلونة``: a noun in apposition after a name of two words or more.
_APPOSITION = frozenset({fold_entry(w) for w in ("نجم", "زميل", "زميلة", "قائد", "مدافع", "مهاجم", "حارس", "لاعب")})


def _cut_after_surname(name: list[Word]) -> list[Word]:
    """``سعد الحربي جماهير النادي``: a family name with the article ends the name unless
    another one follows (``عبد الله السبيعي``, ``الحربي القحطاني``)."""
    for index in range(2, len(name) - 1):
        if name[index].folded in _APPOSITION:
            return name[:index]
    for index in range(1, len(name) - 1):
        word, following = name[index].folded, name[index + 1].folded
        family = word.startswith("ال") and word != "ال"  # ``آل`` folds to ``ال`` and takes the next word
        if family and name[index - 1].folded not in _KIN and not following.startswith("ال"):
            return name[: index + 1]
    return name


_GOD_WORDS = frozenset({"بالله", "لله"})  # ``المعتصم بالله``


# ``متهكما``, ``مبتسما``: an adverbial participle after a name describes the speaking.
# ``مبتسما``, ``مازحا``: a participle in the accusative after a name says how it was said
_ADVERBIAL = re.compile(r"م[^\Wا]\w{2,}ا|[^\Wا]ا[^\Wا]{2}ا")
# adverbs of time, which the speaker checks read after a participle (``بخاري الموجود حاليا``)
_TIME_ADVERBS = frozenset({"حاليا", "سابقا", "لاحقا"})


def _adverbial(word: str) -> bool:
    """(``رانيا``, ``دانيا`` are given names.)"""
    return _ADVERBIAL.fullmatch(word) is not None and word not in _TIME_ADVERBS and not is_given_name(word)


def _name_like(word: str, *, before_name: bool = False) -> bool:
    return (
        len(word) > 1
        and not word.startswith(("ال", "و", "ف", "بال", "لل"))  # ``وهددت``: a verb with its conjunction
        and word not in NAME_STOPS
        and word not in TITLES
        and word not in _CUE_WORDS
        and word not in _SPEAKER_STOPS
        and not _organisation_word(word)
        and (before_name or not _adverbial(word))
        and not word.endswith(("ها", "هم", "هن", "كم"))  # ``احترامها``: a noun with its pronoun
    )


def looks_like_name(word: str) -> bool:
    """A word that may be part of a name: no article or conjunction glued to it, no title, cue,
    stop word or organisation's word, no pronoun ending."""
    return _name_like(word)


@cache
def _gazetteer_given_names() -> frozenset[str]:
    """Words that begin people's names in the NER training data (the tagger's gazetteer), and the
    Arabic given names of our list that are no ordinary words (``فهد``, ``منصور``; not ``منى``)."""
    listed = set(read_list("arabic_given_names.txt")) - common_words()
    return frozenset(fold_entry(word) for word in given_names()) | listed


def is_given_name(word: str) -> bool:
    """Whether `word` (folded) begins people's names in the tagger's gazetteer."""
    return word in _gazetteer_given_names()


def _given_before(folded: str, written: str) -> bool:
    """Whether a word right before a surname may be a given name of it: name-like, and also
    what `_name_like` turns down that is a name here: a name shaped like an adverbial participle
    (one follows a name, never precedes it: ``مونيكا`` is no ``متهكما``), ``علي`` written with
    ``ي``, a name written with ``آل`` that folding makes look like the article (``آلان``)."""
    return _name_like(folded, before_name=True) or is_given_ali(folded, written) or _written_with_al(written)


_AL_WORDS = ("آلاف", "آلي", "آلة", "آلات", "آلام")


def _known_given(word: re.Match[str], original: Callable[[int, int], str]) -> bool:
    """A given name known as one wherever it stands (``قادها آلان نيفيل``): ``علي`` written with
    ``ي``, or a name written with ``آل`` that folding makes look like the article."""
    written = original(word.start(), word.end())
    return is_given_ali(word.group(), written) or _written_with_al(written)


def _written_with_al(written: str) -> bool:
    return written.startswith("آل") and not written.startswith(_AL_WORDS)


def _introduces_name(text: str, start: int) -> bool:
    """What may stand right before a full name: a comma, a title, an article word, a speech verb."""
    before = text[max(0, start - 30) : start].rstrip()
    if before[-1:] in {"،", ","}:
        return True
    if not before or not before[-1].isalnum():
        # A sentence opens with its verb (``اتفق العراق``); quoted words are not a name.
        return False
    word = before.split()[-1]
    return word in TITLES or word in _CUE_WORDS or word.startswith(("ال", "وال", "بال", "لل"))


def _continues_name(subject: Sequence[Word], first: int, j: int) -> bool:
    """Whether word `j` still belongs to the name that starts at `first`:
    ``باربره جافي بالمحكمة العليا`` and ``برودكين متهكما`` end before the last words."""
    word = subject[j].folded
    if is_given_ali(word, subject[j].original):
        return True
    after_kin = j > first and subject[j - 1].folded in _KIN
    if after_kin and word not in NAME_STOPS:
        return True  # ``عبدالله بن مساعد``: after ``بن`` a title's word (``مساعد``) is the father's name
    if word in TITLES or word in NAME_STOPS:
        return False
    if j == first:
        return True
    if _adverbial(word):
        return False
    return not word.startswith(("بال", "لل"))


def heads_a_body(before: Sequence[str]) -> bool:
    """Whether folded words `before` a person end with a body's word and a title (``إدارة الرئيس``,
    ``حكومة رئيس الوزراء``): the person heads the body someone belongs to, and is not that someone
    (``مسؤول كبير في إدارة الرئيس باراك أوباما``)."""
    titled = [k for k in range(len(before)) if before[k] in TITLES or "ال" + before[k] in TITLES]
    last = ((), ("الوزراء",))
    return any(k > 0 and before[k - 1] in ORGANISATIONS and tuple(before[k + 1 :]) in last for k in titled)


def _title_after(subject: Sequence[Word], size: int) -> bool:
    return size < len(subject) and (subject[size].folded in TITLES or is_descriptor(subject[size].folded))


# ``ناشط``, ``مسؤول``, ``مصدر``: indefinite, these stand for someone the article does not name.
_UNNAMED_PEOPLE = frozenset(w for w in read_list("speaker_nouns.txt") if not w.startswith("ال"))


def _organisation_name(subject: Sequence[Word]) -> Sequence[Word]:
    """An organisation's name at the head of a subject: its head and the indefinite nouns that
    govern up to a definite one (``إدارة نادي التعاون``), then the definite words, joined by و
    too, and the ``ل`` phrases that go on describing it (``وزارة الكهرباء والطاقة``, ``الأمانة
    العامة لهيئة كبار العلماء``); an indefinite word after them is the verb's object (``جددت
    إدارة نادي التعاون عقد لاعب ...``)."""
    end = _definite_at(subject, 0)
    while end is not None and end + 1 < len(subject):
        word = subject[end + 1].folded
        if word.startswith(("ال", "لل", "وال")) and word != "ال":
            end += 1
        elif word[:1] == "ل" and (phrase := _definite_at(subject, end + 1)) is not None:
            end = phrase
        elif subject[end].folded in _ROYAL and _name_after_title(word):
            end += 1  # ``المؤسسة العامة لجسر الملك فهد``: a king's or a prince's name after his title
            while end + 2 < len(subject) and subject[end + 1].folded in _KIN:
                if not _name_after_title(subject[end + 2].folded):
                    break
                end += 2  # ``... الملك فهد بن عبدالعزيز``
        else:
            break
    return subject[: end + 1] if end is not None else subject


_MAX_CONSTRUCT = 4


def _name_after_title(word: str) -> bool:
    """A word that may name the person after a title (``فهد``: `_name_like` reads its ``ف`` as a conjunction)."""
    return len(word) > 1 and not word.startswith(("ال", "لل", "بال")) and word not in NAME_STOPS and word not in TITLES


# The titles a place or a body is named after with the person's name (``جسر الملك فهد``, ``مدينة الأمير
# سلطان``), written with the article as the chain reads them (or with ``ل``: ``لجسر الملك فهد`` ends in الملك).
_ROYAL = frozenset(fold_entry(w) for w in ("الملك", "الأمير", "الأميرة", "الشيخ", "الشيخة", "السلطان", "الإمام"))


def _definite_at(subject: Sequence[Word], start: int) -> int | None:
    """Where the chain of indefinite nouns from `start` reaches its definite word, if it does soon."""
    for index in range(start, min(len(subject), start + _MAX_CONSTRUCT)):
        if subject[index].folded.startswith(("ال", "لل")):
            return index
    return None


_LONG_TITLE_WORDS = 5  # a title this long may hold a phrase the name rules read as a name
# A name NER found may run past `_MAX_NAME_WORDS` with its lineage (``بن``, ``آل``), not otherwise.
_LINEAGE_WORDS = frozenset({"بن", "ابن", "بنت", "ال"})


def _person_found_at_end(subject: Sequence[Word], book: NameBook) -> int:
    """How many words at the end of a long subject are a person NER found (0 for none)."""
    if len(subject) <= _LONG_TITLE_WORDS:
        return 0
    # ``الأمير عبدالله بن مساعد بن عبدالعزيز``: a name with its father's and grandfather's runs past
    # the words a name the rules read may take; NER's spans are as long as the names.
    lineages = {key for key in book.persons_found if _LINEAGE_WORDS.intersection(key)}
    longest = max(map(len, lineages), default=0)
    for size in range(min(max(longest, _MAX_NAME_WORDS), len(subject) - 1), 1, -1):
        key = tuple(w.folded for w in subject[-size:])
        if key in book.persons_found and (size <= _MAX_NAME_WORDS or key in lineages):
            title = subject[:-size]
            # ``الرئيس الروسي فلاديمير بوتين لرئيس الوزراء الإسرائيلي بنيامين نتنياهو``: someone named
            # before, or a title after ``ل``, makes the last person whom the speaker spoke to.
            if any(w.folded[:1] == "ل" and w.folded[1:] in TITLES for w in title) or _names_a_person(title, book):
                return 0
            return size
    return 0


def _names_a_person(words: Sequence[Word], book: NameBook) -> bool:
    folded = [w.folded for w in words]
    return any(
        tuple(folded[start : start + size]) in book.persons_found
        for size in range(2, _MAX_NAME_WORDS + 1)
        for start in range(len(folded) - size + 1)
    )


def speaker_of(subject: Sequence[Word], book: NameBook) -> str | None:
    """The speaker a cue's subject names, resolved against `book`; None for no subject."""
    if not subject:
        return None
    called = next((at for at, w in enumerate(subject) if w.folded in CALLED), None)
    if called is not None and called + 1 < len(subject):
        # ``أحد سكان سوروتش ويدعى محمد جيليك``: the name after "called" is the speaker.
        name = subject[called + 1 : called + 1 + _MAX_NAME_WORDS]
        return book.resolve(book.add(name, subject[:called]))
    given = book.given_in(subject)
    if given is not None:
        return given
    size = book.person_opening(subject)
    if size and (name_start(descriptor_view(subject)) > 0 or _title_after(subject, size)):
        # ``قال العز بن عبد السلام``: a person NER found where the rules read a title first;
        # ``ريتشارد هورويل المحامي المكلف``: a title after the name describes it
        return book.resolve(book.add(subject[:size], subject[size:]))
    first = subject[0].folded
    if first in ORGANISATIONS:
        name = list(_organisation_name(subject))
        while len(name) > 1 and name[-1].folded in DAY_WORDS:
            name.pop()  # ``قال مصدر أمني الخميس``, ``أعلنت وزارة الداخلية أمس``: the day is no part of it
        return " ".join(w.original for w in name)
    if first in _ONE_OF and len(subject) > 1:
        # ``أحد رجال الأعمال البارزين``: one of a group the article does not name, up to whom
        # he spoke to (``لمراسل``) or ``ما نصه``
        stops = (k for k in range(2, len(subject)) if subject[k].folded[:1] == "ل" or subject[k].folded == "ما")
        end = next(stops, None)
        return " ".join(w.original for w in subject[:end])
    quoted = [w for w in subject if w.quoted]
    after_quoted = subject.index(quoted[-1]) + 1 if quoted else 0
    size = book.person_opening(subject[after_quoted:]) if quoted else 0
    if size:
        # ``مدير شركة «بلاتينوم ريكوردز» تيمور مرمرشي``: the marks hold the company's name in
        # the description; the person NER found right after it is the speaker.
        return book.resolve(book.add(subject[after_quoted : after_quoted + size], subject[:after_quoted]))
    if quoted and len(quoted) < len(subject) and (len(quoted) > 1 or subject[-1].quoted):
        # ``المدير الفني لنادي برشلونة «لويس إنريكي»``: the marks delimit the name.
        first_quoted = subject.index(quoted[0])
        key = book.add(quoted, subject[:first_quoted])
        return book.resolve(key)
    if quoted and len(quoted) < len(subject):
        subject = [w for w in subject if not w.quoted]  # ``الشركة "سياحية" المهندس صالح قدح``
    while (
        len(subject) > 1
        and subject[-1].folded in NAME_STOPS
        and not is_given_ali(subject[-1].folded, subject[-1].original)
    ):
        subject = subject[:-1]  # ``مسؤول عسكري أميركي الخميس``: the day is not the speaker's
    ending = _person_found_at_end(subject, book)
    if ending:
        # ``نائب وزير الخزانة لشؤون مكافحة الإرهاب والاستخبارات المالية آدم زوبين``: a long title,
        # then the person NER found; the title's own words are no name.
        return book.resolve(book.add(subject[-ending:], subject[:-ending]))
    i = name_start(descriptor_view(subject))
    if i == len(subject):
        if len(subject) == 1 and subject[0].folded not in TITLES:
            return book.resolve_words(subject[:1])  # ``الكاظمي``, ``العراق``
        described = book.surname_after_titles(subject) or book.by_description(subject)
        return described if described is not None else " ".join(w.original for w in subject)
    j = i
    while j < len(subject) and j - i < _MAX_NAME_WORDS and _continues_name(subject, i, j):
        j += 1
    if j < len(subject) and subject[j - 1].folded == "ال":
        j += 1  # ``عبدالله بن شاكر آل الشيخ``: ``آل`` takes the family name after it
    name = subject[i:j]
    restart = _name_after_adjective(name)
    if restart:
        # ``مدرب توتنهام هوتسبير السابق هاري ريدناب``: the team's name and its adjective
        # belong to the description; the person's name follows the adjective.
        i, name = i + restart, name[restart:]
    if not name:  # ``الرئيس ... في``: a stop word where the name would be
        described = book.by_description(subject[:i])
        return described if described is not None else " ".join(w.original for w in subject[:i])
    construct = not is_descriptor(subject[i - 1].folded) or _takes_complement(subject[i - 1].folded)
    if len(name) == 1 and i >= 2 and construct and not book.knows_person(name[0].folded):
        # ``نائب محافظ منطقة موسكو``: one unknown word after a construct is its last term; ``وزير خارجية
        # مصر`` stands for the ``وزير الخارجية المصري سامح شكري`` the article introduced.
        return book.described_in_full(subject[:j]) or " ".join(w.original for w in subject[:j])
    if (
        len(name) == 1
        and construct
        and name[0].folded in common_words()
        and not is_given_name(name[0].folded)
        and not book.knows_person(name[0].folded)
    ):
        # ``مستشار أبحاث في الشركة``: a word of the language after a title is its complement, no name.
        return " ".join(w.original for w in subject[:j])
    key = book.add(name, subject[:i])
    return book.resolve(key)
