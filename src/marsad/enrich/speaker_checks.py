"""Whether a quote's speaker names someone, and the full name it stands for.

Issue #17 asks for speakers that are entities: a person, an organisation, or a title
or description standing for one, resolved to the full name the article gives, or no
speaker at all rather than a wrong one. `names_someone` is that test, on the words a
subject gave (`NameBook` holds the article's names and its NER people and
organisations); `trimmed` drops what a subject dragged in before the name; and
`canonical` gives the full name NER found for a surname (``كامبل`` -> ``أليسون كامبل``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from marsad.arabic.normalize import join_abd
from marsad.enrich.data import fold_entry, read_list
from marsad.enrich.ner.shipped_lists import common_words
from marsad.enrich.quote_speakers import (
    _KIN,
    _MAX_NAME_WORDS,
    _NISBA,
    _ONE_OF,
    COMPLETING_TITLES,
    GOD,
    ORGANISATIONS,
    TITLES,
    NameBook,
    Word,
    _name_like,
    _strip_article,
    descriptor_view,
    heads_a_body,
    is_descriptor,
    is_given_ali,
    is_given_name,
    is_l_name,
)

__all__ = [
    "PEOPLE_NOUNS",
    "canonical",
    "is_given_name",
    "names_someone",
    "opens_l_phrase",
    "starts_a_name",
    "trimmed",
    "without_leading_place",
    "without_run_on",
]


def names_someone(book: NameBook, speaker: str, documents: frozenset[str] = frozenset()) -> bool:
    """Whether `speaker` is a person, an organisation or a title: it holds a name NER found,
    is a name the article introduced with a title, or opens with a title, an organisation
    word or a document (``البيان``)."""
    words = fold_entry(speaker).split()
    if not words or words == ["د"] or any(_IMPERFECT_PLURAL.fullmatch(w) and not _named(book, w) for w in words):
        # ``لايحتملون غياب الشاوي``: a clause, not a name (``يوهان``, ``تومسون`` in a person NER found are names)
        return False
    if (
        words[0] in _NOT_A_NAME_START
        or (opens_l_phrase(words[0]) and tuple(words) not in book.persons_found)  # ``لافروف`` is a name
        or (_opens_b_phrase(words[0]) and book.entity_in(words) is None)
        or _object_pronoun_phrase(words[-1])
        or (len(words[0]) < 3 and len(words) == 1)
        or (words[0].endswith(("ها", "هم", "هما")) and words[0] not in TITLES and len(words[0]) > 4)
    ):
        return False  # ``فهو يبلغ``, ``عدم تنفيذ``, ``لصوامع الغلال``, ``اللجنة ... بمحاكمته``
    if (
        _entity_after_descriptors(book, words)
        or tuple(words) in book.titled
        or canonical(book, speaker, expand=False) != speaker
    ):
        return True
    if len(words) == 1 and words[0] in ORGANISATIONS and not words[0].startswith("ال") and words[0] not in PEOPLE_NOUNS:
        return False  # ``شركة`` alone: which one is not said
    if " ".join(words) in PROPHET:
        return True  # ``قال رسول الله صلى الله عليه وسلم``: the Prophet, by the title the article gives
    if " ".join(words) in _COUNTRIES or _starts_with_given_name(words, speaker.split()[0]):
        return True
    if len(words) == _KNOWN_AS_WORDS and words[0] in _KNOWN_AS and _name_like(_strip_article(words[1])):
        return True  # ``ابن القيم``, ``ابن خلدون``: a scholar known by his father's or forebear's name
    if _given_and_family_name(words) and (starts_a_name(book, words[0]) or book.entity_in(words[-1:])):
        return True  # ``اعتبار الغزالي`` has the shape too: the first word must be a given name
    if len(words) <= _MAX_NAME_WORDS and tuple(words[-1:]) in book.persons_found and _names_before(book, words):
        return True  # ``يوكيا أمانو``: names before a surname NER tagged as a person
    if len(words) <= _MAX_NAME_WORDS and _named_through(book, words):
        return True  # ``هونج ليو سيفيرت``: a person NER found, after a word NER took for a name too
    head = words[0]
    if head.removeprefix("و") in _ONE_OF:
        return len(words) > 1  # ``أحد الباعة``: one of a group; ``أحد`` alone names nobody
    if _strip_article(head) in _PLACE_WORDS:
        return False  # ``مدينة غاو``: a place does not speak
    for form in (head, head.removeprefix("و")):
        bare = _strip_article(form)
        if form in COMPLETING_TITLES:
            continue  # ``الذي كتب عام 1869``: a year, not the title it completes elsewhere
        if (
            form in TITLES
            or form in ORGANISATIONS
            or bare in ORGANISATIONS
            or bare in documents
            or form in PEOPLE_NOUNS
        ):
            return True
        if form.startswith("ال") and "ال" + bare in TITLES:
            return True
    return False


def _named(book: NameBook, word: str) -> bool:
    """Whether `word` is a word of a person NER found."""
    return any(word in key for key in book.persons_found)


_KNOWN_AS = frozenset({"ابن"})
_KNOWN_AS_WORDS = 2


def _named_through(book: NameBook, words: Sequence[str]) -> bool:
    """Whether the words end with a person of two words or more that NER found, and every word
    before it is a given name or no word of the language (a foreign given name NER cut off)."""
    ending = next((k for k in range(len(words) - 1, 1, -1) if tuple(words[len(words) - k :]) in book.persons_found), 0)
    return bool(ending) and all(is_given_name(w) or w not in common_words() for w in words[: len(words) - ending])


def _names_before(book: NameBook, words: Sequence[str]) -> bool:
    """Whether the words before a surname are given names, or the whole stands in a longer name NER
    found (``الوكالة الدولية للطاقة الذرية يوكيا أمانو``), not a verb (``أصدرت سولانج``)."""
    if all(map(is_given_name, words[:-1])):
        return True
    size = len(words)
    return any(tuple(words) == key[at : at + size] for key in book.entities for at in range(len(key) - size + 1))


def _entity_after_descriptors(book: NameBook, words: Sequence[str]) -> bool:
    """Whether `words` hold an NER person or organisation with only titles, organisation
    words or article words before it (``المتحدث باسم الحركة فوزي برهوم``), not a verb or
    a verbal noun (``اعتبار الغزالي``, ``أخذ الفيفا``)."""
    for key in book.entities:
        for at in range(len(words) - len(key) + 1):
            if tuple(words[at : at + len(key)]) == key and all(
                is_descriptor(w) or w in _KIN or _NISBA.fullmatch(w) for w in words[:at]
            ):
                return True
    return False


def starts_a_name(book: NameBook, word: str) -> bool:
    """Whether `word` (folded) is a given name: known to the tagger's gazetteer, or the first
    word of a person NER or a title introduced in this article."""
    return (
        is_given_name(word)
        or any(key[0] == word for key in book.entities if len(key) > 1)
        or any(name[0] == word for name in book.persons)
    )


# Words that open a clause, never a name (a pronoun, ``عدم``, a demonstrative).
_NOT_A_NAME_START = frozenset(
    fold_entry(w) for w in ("فهو", "وهو", "فهي", "وهي", "هو", "هي", "عدم", "ذلك", "هذا", "هذه", "كما", "لكن", "غير")
)


def _opens_b_phrase(word: str) -> bool:
    """``بعمليات الدخول``: ``ب`` + a word of the language opens a phrase, not a speaker (``بندر``,
    ``بشار`` are no ``ب`` + a word; ``برهان`` is, and NER's person then tells)."""
    return (
        len(word) > _MIN_B_PHRASE
        and word[0] == "ب"
        and word[1:] in common_words()
        and word not in common_words()
        and not is_given_name(word)
    )


_MIN_B_PHRASE = 3
PROPHET = frozenset(
    fold_entry(t)
    for t in (
        "رسول الله",
        "الرسول",
        "النبي",
        "نبي الله",
        "الرسول الكريم",
        "النبي الكريم",
        "رسولنا الكريم",
        "نبينا الكريم",
    )
)


def opens_l_phrase(word: str) -> bool:
    """``لصوامع``, ``لصحة``: ``ل`` + a noun opens a phrase, not a speaker (``لجنة``, ``ليلى``
    aside). ``ب`` is left alone: too many names start with it (``برهان``, ``باربره``)."""
    return (
        word[:1] == "ل"
        and not word.startswith(("ال", "لل"))
        and len(word) > 3
        and word not in ORGANISATIONS
        and word not in TITLES
        and not is_l_name(word)
        and not is_given_name(word)
    )


def _object_pronoun_phrase(word: str) -> bool:
    """``بمحاكمته``: a preposition, a verbal noun and its pronoun close a clause, not a name."""
    return (
        word[:1] in "بل" and not word.startswith(("ال", "بو")) and word.endswith(("ته", "تها", "تهم")) and len(word) > 5
    )


def trimmed(speaker: str) -> str:
    """`speaker` without what a subject dragged in before the name: a preposition glued to
    an organisation (``بمحكمة النقض`` -> ``محكمة النقض``), a ``ل``/``ب`` phrase
    (``لألعاب القوى بدر الدين`` -> ``بدر الدين``) or a verb with its object pronoun
    (``أصدرته ليلى الطرابلسي``)."""
    written = speaker.split()
    folded = fold_entry(speaker).split()
    if len(written) != len(folded) or not folded:
        return speaker
    first = folded[0]
    if first[:1] in "بل" and _strip_article(first[1:]) in ORGANISATIONS and first not in ORGANISATIONS:
        return " ".join([written[0][1:], *written[1:]])
    at = 0  # and ``محمد بن نايف بن``: a kin word left at the end is cut below
    while at < len(folded) - 1 and _dragged_in(folded[at]):
        at += 1
        while at < len(folded) - 1 and folded[at].startswith("ال"):
            at += 1  # ``لألعاب القوى``: the complement of the phrase
    end = len(written)
    while end - at > 1 and folded[end - 1] in _KIN:
        end -= 1
    return " ".join(written[at:end])


def _plain_word(word: str) -> bool:
    return not word.startswith("ال") and word not in TITLES and word not in ORGANISATIONS


def without_leading_place(book: NameBook, speaker: str) -> str:
    """`speaker` without a place the article names before a given name: ``مدير مطار أبها فهد العدواني``
    leaves ``أبها فهد العدواني`` after the titles, and the town is the title's, not the man's."""
    written = speaker.split()
    folded = fold_entry(speaker).split()
    if len(written) != len(folded):
        return speaker
    for size in (2, 1):
        # (a name after the place: a given name, or a word with no article, title or body's word in it
        # and a family name with the article: ``فهد العدواني``)
        rest = folded[size:]
        if (
            len(rest) >= 2
            and tuple(folded[:size]) in book.places
            and (is_given_name(rest[0]) or (_plain_word(rest[0]) and rest[-1].startswith("ال")))
        ):
            return " ".join(written[size:])
    return speaker


def without_run_on(book: NameBook, speaker: str) -> str:
    """`speaker` cut after the person or organisation NER found at its start, where the subject
    ran on into the verb's object or an apposition: ``جان قهوجي عناصر الجيش``, ``باراك أوباما
    تنظيم أول``, ``أماندا سميث المنسقة الفنية``. NER's boundary is trusted for people unless the
    next word may be more of the name; an organisation keeps an adjective or an ``ل`` complement
    after it (``الجيش السوري الحر``, ``مجلس التعاون لدول الخليج``); a person named after it is left."""
    written = speaker.split()
    folded = fold_entry(speaker).split()
    if len(written) != len(folded):
        return speaker
    if (
        len(folded) > 1
        and folded[0] in _COPULAS
        and any(tuple(folded[1 : 1 + len(k)]) == k for k in book.persons_found)
    ):
        # ``قال متحدث باسم الرئاسة هو جربا شيهو``: the pronoun joins the title to the name
        return without_run_on(book, " ".join(written[1:]))
    # NER's name at the start, or after an organisation's word (``منظمة «هيومان رايتس ووتش»``), whichever
    # reaches further (``الجيش السوري`` opens with the word).
    names = [key for key in book.entities if not (len(key) == 1 and key[0] in ORGANISATIONS)]  # not ``حزب`` alone
    at, best = max(
        (
            (start, max((key for key in names if tuple(folded[start : start + len(key)]) == key), key=len))
            for start in ((0, 1) if len(folded) > 2 and folded[0] in ORGANISATIONS else (0,))
            if any(tuple(folded[start : start + len(key)]) == key for key in names)
        ),
        key=lambda found: found[0] + len(found[1]),
        default=(0, ()),
    )
    if not best:
        return _person_at_end(book, written, folded)
    rest = folded[at + len(best) :]
    if not rest or rest[0] in _KIN or _person_in(book, rest):
        return speaker
    if best in book.persons_found:
        if _more_of_a_name(book, rest):
            return speaker
    elif (verbal := next((k for k, word in enumerate(rest) if _VERBAL_NOUN.fullmatch(word)), None)) is not None and all(
        word.startswith("ال") and not _title(word) for word in rest[:verbal]
    ):
        # ``الجيش السوري الحر التعامل``: the organisation's adjectives, then the verb's object
        return " ".join(written[: at + len(best) + verbal])
    elif (
        (rest[0].startswith(("ال", "وال")) and not _title(rest[0]) and not _VERBAL_NOUN.fullmatch(rest[0]))
        or rest[0][:1] == "ل"
        or rest[0].endswith(("يه", "يين", "يون"))
    ):
        return speaker  # ``الجيش السوري الحر``; but ``مونيكا جيدو الباحثة`` (NER took her for an organisation)
    return " ".join(written[: at + len(best)])


_COPULAS = frozenset({"هو", "هي"})
# ``التعامل``, ``الاستماع``, ``الانسحاب``, ``الاعتراف``: verbal nouns of the derived forms, the verb's
# object after an organisation (``وأعلن الجيش السوري الحر التعامل``), never a word of its name.
_VERBAL_NOUN = re.compile(r"ال(?:ت\w{1,2}ا\w{1,2}|است\w{2}ا\w|ان\w{1,2}ا\w|ا\wت\wا\w)")


def _title(word: str) -> bool:
    """A title with the article, feminine too (``الباحثه``, ``المنسقه``)."""
    bare = _strip_article(word)
    return any(form in TITLES for form in (word, bare, bare.removesuffix("ه"), "ال" + bare.removesuffix("ه")))


def _person_at_end(book: NameBook, written: Sequence[str], folded: Sequence[str]) -> str:
    """``ميونيخ كارل هاينتس رومينيغه``, ``وصناعة جدة محمد النفيعي``: a subject that ends with a
    person NER found of two words or more, after the end of another name or a word no name
    has (not a given name, a kin word or a title), is that person."""
    for size in range(len(folded) - 1, 1, -1):
        key = tuple(folded[len(folded) - size :])
        if key in book.persons_found and key[0] not in _KIN:  # ``بن سعد البوعينين`` is no whole name
            before = folded[len(folded) - size - 1]
            if before in _KIN or before in TITLES or is_given_name(before) or before.startswith("ال"):
                break
            if _name_like(before) and not any(before in other for other in book.entities if other != key):
                break  # ``عيد عماش الكربولي``: a given name the gazetteer lacks, not another name's end
            return " ".join(written[len(written) - size :])
    return " ".join(written)


def _person_in(book: NameBook, words: Sequence[str]) -> bool:
    return any(
        tuple(words[i : i + len(key)]) == key for key in book.persons_found for i in range(len(words) - len(key) + 1)
    )


def _pronoun_suffixed(word: str) -> bool:
    return len(word) >= 4 and word.endswith(("ها", "هم", "هن"))


def _more_of_a_name(book: NameBook, rest: Sequence[str]) -> bool:
    """Whether the words after a person NER found may still be the name NER cut short: one more
    name (``اوركهاو جورا براهما``) or a family name with the article (``عدنان المعيبد``), not a
    title (``العضو``), a feminine or plural noun (``المنسقة``, ``الليبيين``) or, with more words
    after it, the start of an organisation or place the article names (``بانيتا الكونغرس الأميركي``)."""
    first = rest[0]
    if any(first in key for key in book.persons_found):
        return True  # ``خالد السلامة`` where the article names ``السلامة`` elsewhere
    if _to_someone_named(book, rest):
        return False  # ``كورت فالدهايم لإيران``: whither he went, not his name
    if len(rest) > 1 and first.startswith("ال") and _complement(rest[1]):
        return False  # ``روب بروكس المتخصص بعلاقة``: a participle and its complement, no family name
    if len(first) > _MIN_B_PHRASE and first[0] == "ب" and first[1:] in common_words() and not is_given_name(first):
        return False  # ``انتقد أحمد رضا بوردستان بشدة``: how he spoke, no name
    if len(rest) == 1 and not first.startswith("ال") and not _pronoun_suffixed(first) and first not in TITLES:
        return True  # ``سوزان ورال``
    return (
        first.startswith("ال")
        and first not in TITLES
        and _strip_article(first) not in TITLES
        and not first.endswith(("ه", "ين", "ون", "ات"))
        and (len(rest) == 1 or not any(key[0] == first for key in book.entities if key not in book.persons_found))
    )


def _to_someone_named(book: NameBook, rest: Sequence[str]) -> bool:
    """Whether `rest` opens with ``ل`` glued to a place or body the article names (``لإيران``,
    ``للأمم المتحدة``): a phrase after a name, never a part of one."""
    first = rest[0]
    if len(first) < _MIN_L_PHRASE or first[0] != "ل":
        return False
    bare = "ال" + first[2:] if first.startswith("لل") else first[1:]
    bodies = (key for key in book.entities if key not in book.persons_found)
    return any(tuple([bare, *rest[1 : len(key)]]) == key for key in (*bodies, *book.places))


_MIN_L_PHRASE = 3


def canonical(book: NameBook, speaker: str | None, *, expand: bool = True) -> str | None:
    """The full name NER gives for `speaker` where the speaker is a part of it (``كامبل`` ->
    ``أليسون كامبل``); else the speaker. A longer description is never cut to a name in it. With
    `expand`, a surname NER missed gets the given names the article writes before it elsewhere
    (not evidence that the speaker names someone: ``مكة`` stands before ``المكرمة``)."""
    if not speaker:
        return speaker
    written = speaker.split()
    words = tuple(fold_entry(speaker).split())
    if words == (GOD,):
        return speaker  # God's name ends many names (``رحمة الله``, ``عبد الله``) and is none of them
    if len(words) >= 2 and len(written) == len(words) and words[0] in _HONORIFIC_TITLES:
        # ``الدكتور الشعيبي`` -> ``فاروق الشعيبي``, ``الشيخ محمد عبد الرازق`` -> ``محمد عبد الرازق``:
        # the name the title precedes, as fully as the article gives it.
        rest = " ".join(written[1:])
        named = canonical(book, rest)
        if named is not None and (named != rest or words[1:] in book.entities):
            return named  # only a name the article gives: NER found it, or a fuller one ends with it
    # (``عبد الغني`` is the ``عبدالغني`` of ``حسين عبدالغني``: newsrooms write the name both ways)
    joined = _abd_joined(words)
    best, found = joined, speaker
    for person in book.people:
        full = _abd_joined(tuple(fold_entry(person).split()))
        given = person.split()[: len(full) - len(joined)]
        if len(full) > len(best) and full[len(full) - len(joined) :] == joined and _given_names(given):
            best, found = full, person
    if expand and found == speaker and (fuller := _fuller_organisation(book, words)) is not None:
        return fuller
    if found == speaker and len(words) >= _MIN_LINEAGE_WORDS and (longer := _lineage_goes_on(book, words)) is not None:
        return longer
    if found == speaker and len(words) == _GIVEN_AND_FAMILY and (lineage := _lineage_between(book, words)) is not None:
        return lineage
    if found == speaker and (titled := _person_after_title(book, words)) is not None:
        return titled
    if found == speaker and len(words) == 1:
        # ``نيفيل`` -> ``آلان نيفيل``, written after a given name where NER missed the person
        expanded = book.full_name_of(words[0]) if expand else None
        return _spelled_otherwise(book, words[0]) or expanded or speaker
    return found


def _person_after_title(book: NameBook, words: tuple[str, ...]) -> str | None:
    """``مدير التنسيق والمتابعة في سوق عكاظ فهد الحارثي`` -> ``فهد الحارثي``: a description that
    opens with a person's title and ends with a person NER found (of two words or more) stands for
    that person; not a kinsman's (``زوجة السياسي كمال عمر``) nor a body's (``مكتب الرئيس ...``)."""
    head = words[0].removeprefix("و")
    if not (head in TITLES or "ال" + _strip_article(head) in TITLES) or any(w in _KIN for w in words):
        return None
    for size in range(min(len(words) - 1, _MAX_NAME_WORDS), 1, -1):
        if words[-size:] in book.persons_found:
            if heads_a_body(words[:-size][-3:]):
                return None  # ``مسؤول كبير في إدارة الرئيس باراك أوباما``: not the official
            return book.entities.get(words[-size:])
    return None


def _abd_joined(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(join_abd(" ".join(words)).split()) if "عبد" in words else words


_MIN_LINEAGE_WORDS = 2
_LINEAGE = frozenset({"بن", "بنت", "ابن", "ال"})


def _lineage_goes_on(book: NameBook, words: tuple[str, ...]) -> str | None:
    """``فيصل بن خالد`` -> ``فيصل بن خالد بن عبدالعزيز``: the one person NER found whose name
    opens with the speaker's and goes on with the lineage (``بن``, ``آل``)."""
    return _the_one_person(
        book, lambda full: full[: len(words)] == words and len(full) > len(words) and full[len(words)] in _LINEAGE
    )


def _lineage_between(book: NameBook, words: tuple[str, ...]) -> str | None:
    """``مازن بترجي`` -> ``مازن بن محمد بترجي``: a given and a family name stand for the one person
    NER found with both and the father's name between them (after ``بن``/``بنت``)."""
    return _the_one_person(
        book,
        lambda full: len(full) > len(words) and full[0] == words[0] and full[-1] == words[-1] and full[1] in _LINEAGE,
    )


def _the_one_person(book: NameBook, fits: Callable[[tuple[str, ...]], bool]) -> str | None:
    """The person NER found whose folded name `fits`, if exactly one does."""
    found = {person for person in book.people if fits(tuple(fold_entry(person).split()))}
    return next(iter(found)) if len(found) == 1 else None


_GIVEN_AND_FAMILY = 2
_MAX_SHORT_FORM = 3
# The head nouns of a group's name that a short form drops (``جبهة النصرة`` -> ``النصرة``).
_GROUP_HEADS = ORGANISATIONS | frozenset(fold_entry(w) for w in ("جبهة", "تنظيم", "جماعة", "ائتلاف", "كتائب"))


def _fuller_organisation(book: NameBook, words: tuple[str, ...]) -> str | None:
    """``النصرة`` -> ``جبهة النصرة``, ``صندوق النقد`` -> ``صندوق النقد الدولي``: the one longer
    organisation NER found in the article that is the speaker's words with a head noun before
    a one-word definite name, or with relational adjectives after them."""
    if not words or len(words) > _MAX_SHORT_FORM or words in book.persons_found:
        return None
    fuller = {
        name
        for key, name in book.entities.items()
        if key not in book.persons_found
        and (
            (len(words) == 1 and words[0].startswith("ال") and key[1:] == words and key[0] in _GROUP_HEADS)
            or (len(key) > len(words) and key[: len(words)] == words and all(map(_nisba, key[len(words) :])))
        )
    }
    return fuller.pop() if len(fuller) == 1 else None


def _nisba(word: str) -> bool:
    """``الدولي``, ``التونسيه``, ``الجوي``: a relational adjective after an organisation's name; not
    an adjective of quality whose root ends in a weak letter (``القوي``, ``الغني``), ``ي`` as well."""
    bare = word.removesuffix("ه")
    return _NISBA.fullmatch(bare) is not None and bare.removeprefix("و") not in _WEAK_ROOT_ADJECTIVES


_WEAK_ROOT_ADJECTIVES = frozenset(
    fold_entry(w) for w in ("القوي", "الغني", "الذكي", "الثري", "السخي", "الوفي", "الأبي", "العلي", "النقي", "الشقي")
)


_HONORIFIC_TITLES = frozenset(read_list("titles_of_address.txt"))
_LONG_VOWELS = str.maketrans("", "", "اويى")
_MIN_SKELETON = 3


def _spelled_otherwise(book: NameBook, surname: str) -> str | None:
    """``فليكيس`` -> ``أليسون فيليكس``: a foreign surname written with other long vowels than in
    the full name NER found (the same consonants in the same order), when one name only fits."""
    skeleton = surname.translate(_LONG_VOWELS)
    if len(skeleton) < _MIN_SKELETON or surname.startswith("ال"):
        return None
    fits = {
        name
        for name in book.people
        if len(name.split()) > 1
        and fold_entry(name).split()[-1] != surname
        and fold_entry(name).split()[-1].translate(_LONG_VOWELS) == skeleton
    }
    return fits.pop() if len(fits) == 1 else None


def _given_names(words: Sequence[str]) -> bool:
    """Whether `words` before a surname are given names (``محمد بن عبد الملك``), not a title
    or an organisation that NER ran into the name (``الاتحاد الأوروبي``)."""
    folded = descriptor_view([Word(fold_entry(word), word) for word in words])
    return all(not is_descriptor(word) or (at > 0 and folded[at - 1] in _KIN) for at, word in enumerate(folded))


PEOPLE_NOUNS = frozenset(read_list("speaker_nouns.txt"))
_PLACE_WORDS = frozenset(fold_entry(w) for w in ("مدينة", "بلدة", "قرية", "منطقة", "إقليم", "ولاية", "حي", "مخيم"))
# ``يحتملون``, ``ويطالبون``: an imperfect verb of a plural subject never stands in a name.
_IMPERFECT_PLURAL = re.compile(r"(?:و|ف|ل|لا)?[يت]\w{2,}(?:ون|ان)")
_COUNTRIES = frozenset(read_list("speaker_countries.txt"))


def _starts_with_given_name(words: Sequence[str], first_written: str = "") -> bool:
    """``رأفت الصباغ``, ``علي قوطالي``: a known given name and up to three more words of a name."""
    return (
        2 <= len(words) <= 4
        and (is_given_name(words[0]) or is_given_ali(words[0], first_written))
        and all(_name_like(w) or w in _KIN or w.startswith("ال") for w in words[1:])
    )


_ABOUT_HIM = frozenset({"عنه", "عنها", "عنهم", "عنهما"})


def _dragged_in(word: str) -> bool:
    """A word that cannot open a speaker's name: ``ل``/``ب`` + a noun, or a verb with its
    object pronoun (``أصدرته``)."""
    if word in TITLES or word in ORGANISATIONS or is_l_name(word) or word in _KIN:
        return False
    if word in _ABOUT_HIM:
        return True  # ``قال عنه عبدالقدوس الأنصاري``: whom the speaker spoke of, before the speaker
    if word[:1] in "لب" and not word.startswith("ال") and len(word) > 3:
        # ``لألعاب``: the preposition before a noun; ``برهان``, ``بوبي`` are names.
        return word[1:].startswith("ال") or word[1:] in TITLES
    return word.endswith(("ته", "تها", "تهم")) and len(word) > 4


def _given_and_family_name(words: Sequence[str]) -> bool:
    """``مطلق البقمي``, ``محمد بن سعد القحطاني``: given names, then a family name with the
    article and the nisba ending, the commonest shape of an Arabic name NER may miss."""
    last = words[-1]
    return (
        2 <= len(words) <= 5
        and last.startswith("ال")
        and last.endswith("ي")
        and len(last) > 4
        and _name_like(words[0])
        and all(_name_like(w) or w in _KIN for w in words[1:-1])
    )


_PREPOSITIONS = frozenset(fold_entry(w) for w in ("في", "من", "على", "عن", "إلى", "الى", "مع"))
_ADVERBS = frozenset(fold_entry(w) for w in ("حاليا", "حالياً", "مؤخرا", "مؤخراً", "سابقا", "سابقاً", "هناك", "هنا"))


def _complement(word: str) -> bool:
    """A preposition or a word glued to ``ب``/``ل`` (``بعلاقة``, ``بـ``, ``لشؤون``): what follows a
    participle (``المتخصص``, ``المعروف``), never the next part of a name (``بن``, ``بو``)."""
    if word in _PREPOSITIONS or word in _ADVERBS or word in {"ب", "بـ", "ل", "لـ"}:
        return True  # (``بخاري الموجود حاليا``: an adverb after the participle)
    return (
        word[:1] in "بل"
        and len(word) > 3
        and word not in _KIN
        and not word.startswith(("بو", "ال"))
        and not is_given_name(word)
    )
