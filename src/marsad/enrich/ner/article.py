"""Article-level corrections on top of the sentence-level CRF.

The CRF sees one sentence at a time, so it finds `مصطفى الكاظمي` after a
title and misses the bare `الكاظمي` three paragraphs later. Within one
article a name keeps its type ("one sense per discourse"): every full name
found anywhere, and the last word of every person's name, are marked again
wherever they occur untagged. A short list of names the 2003 training corpus
cannot know (organisations and places of today's news, `known_entities.tsv`)
is matched the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from importlib import resources

from marsad.arabic.clitics import restore_article, split_clitics
from marsad.arabic.normalize import fold_for_search, fold_word
from marsad.enrich.data import fold_entry, read_list
from marsad.enrich.ner.conll import entities
from marsad.enrich.ner.shipped_lists import common_words

Tokens = Sequence[tuple[str, int, int]]
# CoNLL input has no article boundaries; names are remembered across this
# many consecutive sentences (dev F1: 0.745 sentence by sentence, 0.759 with
# 10, 0.762 with 20, 0.762 with 40).
CONLL_WINDOW = 20
Names = dict[tuple[str, ...], str]


@lru_cache(maxsize=1 << 16)
def _key(token: str) -> str:
    """Folded stem, with the article ل swallowed put back (`للعراق` → `العراق`)."""
    proclitics, stem, _ = split_clitics(token)
    return fold_for_search(restore_article(proclitics, stem))


@lru_cache(maxsize=1)
def known_entities() -> Names:
    text = (resources.files("marsad") / "models" / "ner" / "known_entities.tsv").read_text(encoding="utf-8")
    names: Names = {}
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        name, kind = line.split("\t")[:2]
        names[listed_name_key(name)] = kind
    return names


def listed_name_key(name: str) -> tuple[str, ...]:
    """The key of a listed name as `mark_names` looks it up: its words folded, a proclitic
    before a later word's article cut (`NISBA` kept as it is)."""
    words = [w if w == NISBA else fold_for_search(w) for w in name.split()]
    return tuple(words[:1] + [_without_proclitic(w) for w in words[1:]])


def _without_proclitic(folded: str) -> str:
    """``بالمعروف`` -> ``المعروف``, ``للثقافة`` -> ``الثقافة``: a later word of a listed name as the
    tokens' name keys read it, with the proclitic before its article cut."""
    if folded.startswith(("وال", "بال", "فال", "كال")):
        return folded[1:]
    if folded.startswith("لل") and len(folded) > 3:
        return "ا" + folded[1:]
    return folded


@lru_cache(maxsize=8)
def name_key_for(key: Callable[[str], str]) -> Callable[[str], str]:
    """`key` for matching names, except that a stem is not cut after the proclitic ك:
    `كيري` (Kerry) is not `ك` + `يري`, which would make every `يرى` ("sees") Kerry.
    One cached function per `key`: every pass over an article looks up every token."""

    @lru_cache(maxsize=1 << 16)
    def name_key(token: str) -> str:
        return _kaf_kept(token, key(token))

    return name_key


@lru_cache(maxsize=1 << 16)
def _kaf_kept(token: str, stem: str) -> str:
    # Cached: every token of every sentence is looked up, and news repeats its words.
    folded = fold_word(token)
    if folded.endswith(stem) and "ك" in folded[: len(folded) - len(stem)]:
        return "ك" + stem
    return stem


def article_names(
    runs: Sequence[Tokens], tagged: Sequence[Sequence[str]], key: Callable[[str], str] | None = None
) -> Names:
    """Names the CRF found in the article, with the last word of each person
    name (`الكاظمي` of `مصطفى الكاظمي`); the majority type wins. A one-word
    name that is mostly an ordinary word (`فتح`, `أمل`: `common_words`) is left out.

    `key` maps a token to its folded stem (the model's own, when it has one)."""
    key = name_key_for(key or _key)
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    for run, tags in zip(runs, tagged, strict=True):
        for kind, start, end in entities(tags):
            words = tuple(key(run[i][0]) for i in range(start, end))
            candidates = [words]
            if kind == "PER" and len(words) > 1 and len(words[-1]) > 2:
                candidates.append(words[-1:])
            for name in candidates:
                counts = votes.setdefault(name, {})
                counts[kind] = counts.get(kind, 0) + 1
    common = common_words()
    return {
        name: max(counts, key=lambda k: counts[k])
        for name, counts in votes.items()
        if len(name) > 1 or name[0] not in common
    }


NISBA = "*"


def _is_nisba(key: str) -> bool:
    """A definite nationality adjective: العراقي, العراقيه (folded)."""
    return key.startswith("ال") and len(key) > 4 and (key.endswith("ي") or key.endswith("يه"))


def _lookup(names: Names, words: tuple[str, ...]) -> str | None:
    kind = names.get(words)
    if kind is None and len(words) > 1 and _is_nisba(words[-1]):
        kind = names.get((*words[:-1], NISBA))
    return kind


# Folding makes the preposition `على` (and `عليه`: `على` + pronoun) the name `علي`; one
# person called علي must not turn every `على` of the article into a person.
_NOT_NAMES = frozenset(
    prefix + word
    for word in ("على", "عليه", "عليها", "عليهم", "عليهما", "عليهن", "عليك", "عليكم", "علينا")
    for prefix in ("", "و", "ف")
)

# Words of a closed class (a preposition with its pronoun, a pronoun, a particle) are
# never a name on their own; the CRF sometimes says `لي` ("to me") is the surname Li.
FUNCTION_WORDS = _NOT_NAMES | frozenset(
    prefix + word
    for word in (
        "لي", "بي", "مني", "عني", "إلي", "الي", "معي", "فيه", "فيها", "له", "لها", "لهم", "لنا", "لك", "لكم",
        "به", "بها", "بهم", "منه", "منها", "منهم", "عنه", "عنها", "عنهم", "معه", "معها", "معهم",
        "هو", "هي", "هم", "هما", "نحن", "أنا", "انا", "أنت", "انت", "أنتم",
        "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "الذي", "التي", "الذين",
        "في", "من", "إلى", "الى", "عن", "مع", "أن", "إن", "ان", "لكن", "قد", "لم", "لن", "ما", "لا",
    )
    for prefix in ("", "و", "ف")
)  # fmt: skip


def _currency_words() -> frozenset[str]:
    from marsad.enrich.data import read_table

    return frozenset(fold_for_search(row[0]) for row in read_table("currencies.tsv") if " " not in row[0])


_CURRENCY_WORDS = _currency_words()
_AMOUNT_WORDS = frozenset(
    fold_for_search(word) for word in ("ألف", "آلاف", "ألفا", "مليون", "ملايين", "مليار", "مليارات", "تريليون")
)


def _is_amount(token: str) -> bool:
    return token[-1:].isdigit() or fold_word(token) in _AMOUNT_WORDS


# Words that join a person's name to the next word and so never end one.
NAME_LINKS = frozenset(fold_for_search(word) for word in ("بن", "بنت", "ابن", "آل", "عبد", "أبو"))


def complete_name_links(run: Tokens, tags: list[str]) -> list[str]:
    """`tags` with a person's name that ends on a link word (`عبدالرحمن بن`) taking
    in the untagged word after it (`عبدالرحمن بن مساعد`, where `مساعد` is also "assistant")."""
    for index in range(len(run) - 1):
        if (
            tags[index][2:] == "PER"
            and tags[index + 1] == "O"
            and fold_word(run[index][0]) in NAME_LINKS
            and run[index + 1][0].isalpha()
            and run[index + 1][0] not in FUNCTION_WORDS
        ):
            tags[index + 1] = "I-PER"
    return tags


_GOD = frozenset(fold_for_search(form) for form in ("الله", "لله", "والله", "بالله", "ولله", "فالله"))
# Words that open a formula with the name of God (`رحمه الله`, `بتوفيق الله`,
# `رضوان الله عليه`): the tagger reads some as persons; they name no one.
_FORMULA_WORDS = frozenset(
    fold_for_search(prefix + word)
    for word in (
        "رحمه", "رحمها", "رحمهم", "يرحمه", "يرحمها", "توفيق", "رضوان", "حفظه", "حفظها", "حفظهم", "يحفظه",
        "شاء", "إذن", "سبحان", "الحمد", "بسم", "رضي", "صلى", "أطال", "أدام", "وفقه", "وفقها", "جزاه",
        # prayers for the dead and the living (`عبدالله بن عبدالعزيز غفر الله له`, `تغمده الله برحمته`)
        "غفر", "يغفر", "تغمده", "تغمدها", "أسكنه", "أسكنها", "تقبله", "عافاه", "شفاه", "نصره", "أيده", "رعاه", "يرعاه",
    )
    for prefix in ("", "و", "ب", "وب")
)  # fmt: skip


def _opens_formula(words: list[str], run: Tokens, at: int, k: int) -> bool:
    """Folded `words[k]` is a formula word followed by God's name (`رحمه الله`); `run[at + k]`
    is the word as written: `رحمة الله` (with ta marbuta) may be a name, Rahmatullah."""
    return (
        k + 1 < len(words) and words[k] in _FORMULA_WORDS and words[k + 1] in _GOD and not run[at + k][0].endswith("ة")
    )


def drop_god(run: Tokens, tags: list[str]) -> list[str]:
    """`tags` without entities that are `الله` alone (as in `إن شاء الله`, `الحمد لله`)
    or a formula with it (`رحمه الله`): in records they are no person, place or body
    a reader follows, and `الله` would top every entity list."""
    spans = entities(tags)
    for _, start, end in spans:
        words = [fold_word(token) for token, _, _ in run[start:end]]
        if (len(words) == 1 and words[0] in _GOD) or (len(words) == 2 and _opens_formula(words, run, start, 0)):
            for j in range(start, end):
                tags[j] = "O"
    return tags


# Words a name never opens with, though the tagger sometimes starts one there: the
# vocative (`يا بلال`) or a byline's word (`بقلم`, `الزميل علي هاشم`). Not the function
# words at large: `فان`, `لي`, `بي` open foreign names (`فان جال`, `لي تشو يينغ`, `بي بي
# سي`), and the news writes `علي` as `على` (`على عبد الله صالح`).
_NOT_NAME_OPENERS = frozenset(("يا", "أيها", "ايها", "بقلم", "الزميل", "الزميلة", "زميلنا"))


def trim_entities(run: Tokens, tags: list[str]) -> list[str]:
    """`tags` with each entity cut free of words that are not its name: a particle or
    byline word it opens with, and a formula with God after a name (`محمد صلى الله
    عليه وسلم` names `محمد`)."""
    for kind, start, end in entities(tags):
        while start < end and run[start][0] in _NOT_NAME_OPENERS:
            tags[start] = "O"
            start += 1
        if start == end:
            continue
        tags[start] = "B-" + kind
        words = [fold_word(token) for token, _, _ in run[start:end]]
        for k in range(1, len(words) - 1):
            if _opens_formula(words, run, start, k):
                for j in range(start + k, end):
                    tags[j] = "O"
                break
        if kind == "PER":
            while end - start > 1 and _before_a_name(run[start][0]):
                # ``دكتور عصام``, ``مستر فرنك ديول``, ``الكولومبي راداميل فالكاو``: a title or a
                # nationality before the name is no part of it
                tags[start] = "O"
                start += 1
                tags[start] = "B-PER"
            told = next((k for k in range(start + 1, end) if _told_outlet(run[k][0])), None)
            for j in range(told if told is not None else end, end):
                tags[j] = "O"  # ``سيف لفرانس برس``: whom the person told, not his name
        if kind == "ORG":
            _trim_organisation(run, tags, start, end)
    return tags


# ``مطار الملك خالد الدولي إلى``, ``اتحاد كرة القدم والتي``: a preposition or a relative pronoun a
# widening pass ran a name on into; ``وكالة حماية البيئة العام الماضي``: the year said relatively.
_TAIL_WORDS = frozenset(
    fold_word(w)
    for w in (
        # (not ``على``: folded it is ``علي``, a name)
        *("إلى", "الى", "في", "من", "عن", "مع", "حتى", "منذ", "عبر", "نحو", "لدى"),
        *("التي", "الذي", "الذين", "اللذين", "اللتين", "والتي", "والذي", "والذين"),
    )
)
_YEAR_WORD = fold_word("العام")
_LETTER_NAME = 2  # the longest spelt-out letter of an acronym (``تي``, ``في``)
_RELATIVE_AFTER_YEAR = frozenset(fold_word(w) for w in ("الماضي", "المقبل", "الجاري", "الحالي", "المنصرم", "القادم"))


def cut_tails(run: Tokens, tags: list[str]) -> list[str]:
    """`tags` with each entity cut free of a preposition or a relative pronoun it ends with, and of
    ``العام`` where a word of time follows it (the year, not ``الأمن العام``)."""
    for _kind, start, end in entities(tags):
        while end - start > 1:
            last = fold_word(run[end - 1][0])
            after = fold_word(run[end][0]) if end < len(run) else ""
            if last not in _TAIL_WORDS and not (last == _YEAR_WORD and after in _RELATIVE_AFTER_YEAR):
                break
            if len(run[end - 2][0]) <= _LETTER_NAME:
                break  # ``ام تي في``: letters spelt out, MTV
            end -= 1
            tags[end] = "O"
    return tags


# ``تنظيم داعش الإرهابي`` names ``داعش``: ``تنظيم`` says what kind of body it is, as ``شركة`` may, and the
# adjective judges it (2,679 ``تنظيم داعش/القاعدة/الدولة`` in the news collections, 593 with ``الإرهابي(ة)``).
_KIND_OF_BODY = frozenset({fold_word("تنظيم")})
# ``ميليشيات الحوثي`` names ``الحوثي``: the writer's word for an armed group, before its name (35 such
# organisations in 3,000 SaudiNewsNet articles as the network read them, 56 as the taught one does).
_ARMED_GROUP = frozenset(fold_word(w) for w in ("ميليشيات", "مليشيات", "ميليشيا", "مليشيا"))
_JUDGING = frozenset(fold_word(w) for w in ("الإرهابي", "الإرهابية", "المتطرف", "المتطرفة", "الإجرامي", "الإجرامية"))


def _trim_organisation(run: Tokens, tags: list[str], start: int, end: int) -> None:
    while end - start > 1 and fold_word(run[end - 1][0]) in _JUDGING:
        end -= 1
        tags[end] = "O"
    rest = [fold_word(token) for token, _, _ in run[start + 1 : end]]
    # (``تنظيم الدولة`` stays: ``الدولة`` alone is any state)
    first = fold_word(run[start][0])
    if rest and (first in _ARMED_GROUP or (first in _KIND_OF_BODY and (len(rest) > 1 or not rest[0].startswith("ال")))):
        tags[start] = "O"
        tags[start + 1] = "B-ORG"


def _before_a_name(token: str) -> bool:
    """A title or a nationality, joined by ``و`` too (``والياباني كي نيشيكوري`` in a list of players)."""
    word = fold_entry(token)
    return word in _not_of_a_name() or (word[:1] == "و" and word[1:] in _not_of_a_name())


@lru_cache(maxsize=1)
def _not_of_a_name() -> frozenset[str]:
    # the titles a speaker's full name drops (``الشيخ``, ``الدكتور``, ``السيد``), written without the
    # article too where the news does (``دكتور``, ``مستر``), and foreign nationalities
    titles = {*read_list("titles_of_address.txt"), *(fold_entry(w) for w in ("دكتور", "مستر", "المستر"))}
    return frozenset(titles) | frozenset(read_list("foreign_nationalities.txt"))


def _told_outlet(token: str) -> bool:
    return token[:1] == "ل" and fold_entry(token[1:]) in _outlets_told()


@lru_cache(maxsize=1)
def _outlets_told() -> frozenset[str]:
    # the words quotes read as the end of a speaker's name (``قال جونز لرويترز``, ``لصحيفة``)
    return frozenset(read_list("media_words.txt"))


def tidy_tags(run: Tokens, tags: list[str]) -> list[str]:
    """The CRF's tags of one sentence after two corrections no context can overturn: a
    function word alone is no entity, and a currency after an amount (`500 ريال`) is the
    currency (MISC, as `دولار` is in the training data), not the football club Real."""
    tags = drop_function_words(run, tags)
    for index in range(1, len(run)):
        if (
            tags[index] != "O"
            and _one_word_entity(tags, index)
            and fold_word(run[index][0]) in _CURRENCY_WORDS
            and _is_amount(run[index - 1][0])
        ):
            tags[index] = "B-MISC"
    return tags


def drop_function_words(run: Tokens, tags: list[str]) -> list[str]:
    """`tags` without one-word entities that are function words (`لي`, `فيه`, `هذا`)."""
    for index, (token, _, _) in enumerate(run):
        if tags[index] != "O" and _one_word_entity(tags, index) and token in FUNCTION_WORDS:
            tags[index] = "O"
    return tags


def first_words(names: Names) -> dict[str, int]:
    """Each word a name of `names` starts with, and the longest name it starts."""
    index: dict[str, int] = {}
    for words in names:
        if words and len(words) > index.get(words[0], 0):
            index[words[0]] = len(words)
    return index


def _one_word_entity(tags: list[str], index: int) -> bool:
    """An entity opens at `index` and no word after it continues it."""
    return tags[index].startswith("B-") and (index + 1 == len(tags) or not tags[index + 1].startswith("I-"))


def _covers(tags: list[str], start: int, end: int, kind: str) -> bool:
    """Tokens `start:end` hold only whole entities of `kind` (at least one) and untagged words:
    a name of that type found there may replace them (`لطيران المدني` inside
    `الهيئة العامة للطيران المدني`)."""
    inside = tags[start:end]
    if not all(tag == "O" or tag[2:] == kind for tag in inside) or all(tag == "O" for tag in inside):
        return False
    # The tagged spans must not run on past either end of the name.
    return not (tags[start].startswith("I-") and start and tags[start - 1] != "O") and not (
        end < len(tags) and tags[end].startswith("I-")
    )


def mark_names(
    run: Tokens,
    tags: list[str],
    names: Names,
    key: Callable[[str], str] | None = None,
    widen: Names | None = None,
    starts: Mapping[str, int] | None = None,
    widen_starts: Mapping[str, int] | None = None,
    keys: Sequence[str] | None = None,
) -> list[str]:
    """Tag untagged occurrences of `names` in one sentence, longest first; an
    occurrence of a name in `widen` may also replace the shorter entities of its
    own type it covers. `keys`, where given, are the run's name keys (`name_key_for(key)`)."""
    if not names:
        return tags
    if keys is None:
        name_key = name_key_for(key or _key)
        keys = [name_key(token) for token, _, _ in run]
    # An article's tables are read by every sentence: its passes give their `first_words` once.
    starts = first_words(names) if starts is None else starts
    widen_starts = (first_words(widen) if widen else {}) if widen_starts is None else widen_starts
    i = 0
    while i < len(run):
        # Only a word some name starts with can open one; and no name is longer than the
        # longest that starts with it.
        longest = max(starts.get(keys[i], 0), widen_starts.get(keys[i], 0))
        for size in range(min(longest, len(run) - i), 0, -1):
            if size == 1 and run[i][0] in FUNCTION_WORDS:
                break
            window = tuple(keys[i : i + size])
            kind = _lookup(names, window)
            if not (kind and all(tag == "O" for tag in tags[i : i + size])):
                kind = _lookup(widen, window) if widen and size > 1 else None
                if not (kind and _covers(tags, i, i + size, kind)):
                    continue
            tags[i] = "B-" + kind
            for j in range(i + 1, i + size):
                tags[j] = "I-" + kind
            i += size - 1
            break
        i += 1
    return tags


def propagate_in_windows(
    sentences: Sequence[Sequence[str]],
    tagged: list[list[str]],
    window: int,
    key: Callable[[str], str] | None = None,
) -> list[list[str]]:
    """`article_names` + `mark_names` over runs of `window` consecutive
    sentences: CoNLL input has no article boundaries."""
    for first in range(0, len(sentences), window):
        runs = [[(token, 0, 0) for token in tokens] for tokens in sentences[first : first + window]]
        part = [tidy_tags(run, tags) for run, tags in zip(runs, tagged[first : first + window], strict=True)]
        names = article_names(runs, part, key)
        for offset, (run, tags) in enumerate(zip(runs, part, strict=True)):
            tagged[first + offset] = mark_names(run, tags, names, key)
    return tagged
