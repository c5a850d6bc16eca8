"""Split Arabic clitics off a word: `وبالعراق` → (`وب`, `العراق`, ``).

Proclitics are the conjunctions و ف, the prepositions ب ل ك, the future
marker س and the article ال (which stays on the stem: a name is `العراق`, not
`عراق`); enclitics are the attached pronouns (`حكومته` → `حكومت` + `ه`).
The three parts always concatenate back to the token, so callers can turn
them into character offsets.

The article makes most splits safe by itself (`بالعراق`). A bare one-letter
prefix is ambiguous (`وقال` is و + قال, `وزير` is one word, `بايدن` a name),
so those splits need evidence: the stem must be a word that occurs in the news
more often than the whole token does. The word counts come from the lexicon
shipped with the NER model; without it only the article-backed splits are made.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

from marsad.arabic.normalize import DIACRITICS, fold_for_search, fold_word
from marsad.startup_cache import cached

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ك", "ل")
_ARTICLE = "ال"
# Longest first, so `هما` wins over `ها` and `كما` over `ك`.
_PRONOUNS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه")
_MIN_STEM = 2
# Names and common words whose first letter looks like a proclitic; the
# lexicon catches most, these are the ones where the remainder is also a word.
_NEVER_SPLIT = frozenset(
    {
        "فيصل",
        "كمال",
        "كريم",
        "لندن",
        "فرنسا",
        "بشار",
        "بكر",
        "لبنان",
        "بلال",
        "وليد",
        "وائل",
        "كامل",
        "باسم",
        "بدر",
        "فارس",
        "فريد",
        "لطفي",
        "كاظم",
        "وسام",
        "فلاح",
        "بحر",
        "بيت",
        "كرم",
        "فاضل",
        "لؤي",
        "ليلى",
        "فتح",
        "وفاء",
        "وطن",
        "وجد",
        "بلد",
        "كتب",
        "فكر",
        "لجنة",
        # given names the news writes less often than the word left after a prefix letter (newsdev21, 22)
        "بسام",
        "بسمة",
        "لبنى",
        "فراس",
        "لامين",
        "فدوى",
        "لجين",
    }
)


@lru_cache(maxsize=1)
def _lexicon() -> Mapping[str, int]:
    return cached("clitic_lexicon", _read_lexicon)


def _read_lexicon() -> dict[str, int]:
    counts: dict[str, int] = {}
    try:
        source = resources.files("marsad") / "models" / "ner" / "clusters.tsv"
        text = source.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return counts
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        word, count = line.split("\t", 2)[:2]
        counts[word] = int(count)
    return counts


def _count(word: str, lexicon: Mapping[str, int]) -> int:
    return lexicon.get(fold_word(word), 0)


def _bare_prefix_ok(token: str, stem: str, lexicon: Mapping[str, int]) -> bool:
    """A one-letter prefix without the article is split off only when the
    stem is the better-attested word."""
    if len(stem) < 3 or fold_word(token) in _NEVER_SPLIT or token in _NEVER_SPLIT:
        return False
    stem_count = _count(stem, lexicon)
    if stem_count < 20:
        return False
    # و and ف attach to almost any word, so a stem a quarter as frequent as
    # the whole is enough (وقال); ب ل ك need the stem to be the commoner form.
    if token[0] in _CONJUNCTIONS and len(token) - len(stem) == 1:
        return 4 * stem_count >= _count(token, lexicon)
    return stem_count > _count(token, lexicon)


def _split_proclitics(token: str, lexicon: Mapping[str, int]) -> int:
    """Length of the proclitic part of `token`."""
    i = 0
    if len(token) > 3 and token[0] in _CONJUNCTIONS:
        i = 1
    j = i
    if token[j : j + 2] == "لل" and len(token) - j >= 4:
        # ل + ال is written لل: the preposition is the first ل, the second
        # is what is left of the article.
        return j + 1
    if len(token) > j + 1 and token[j] in _PREPOSITIONS and token[j + 1 : j + 3] == _ARTICLE:
        j += 1
    if token[j : j + 2] == _ARTICLE and len(token) - j - 2 >= _MIN_STEM:
        return j  # the article stays on the stem
    if i and token[i] == "س" and len(token) - i >= 5 and token[i + 1] in "يتنأ":
        return i + 1  # future marker, only after a conjunction (سيارة, سيطرة stay whole)
    # No article: each bare prefix letter needs the lexicon's support.
    for cut in (2, 1):
        if len(token) > cut and all(ch in "وفبلك" for ch in token[:cut]):
            if cut == 2 and token[0] not in _CONJUNCTIONS:
                continue
            if _bare_prefix_ok(token, token[cut:], lexicon):
                return cut
    return 0


def _split_enclitic(stem: str, lexicon: Mapping[str, int]) -> int:
    """Length of the pronoun suffix on `stem` (0 when none is attested)."""
    if stem.startswith(_ARTICLE):
        return 0  # a definite noun carries no possessive pronoun
    for pronoun in _PRONOUNS:
        if not stem.endswith(pronoun) or len(stem) - len(pronoun) < 3:
            continue
        base = stem[: -len(pronoun)]
        # حكومته: the ta marbuta becomes ت before a suffix.
        candidates = [base, base[:-1] + "ة"] if base.endswith("ت") else [base]
        if fold_word(stem) in _NEVER_SPLIT:
            return 0
        whole = _count(stem, lexicon)
        if any(_count(c, lexicon) >= 20 and _count(c, lexicon) > whole for c in candidates):
            return len(pronoun)
    return 0


def news_count(word: str) -> int:
    """How often the news collections write `word` (folded), from the shipped word clusters."""
    return _count(word, _lexicon())


def split_clitics(token: str, lexicon: Mapping[str, int] | None = None) -> tuple[str, str, str]:
    """(proclitics, stem, enclitics) of `token`; `"".join(result) == token`.

    `lexicon` maps folded words to their corpus counts; by default the one
    shipped with the NER model.
    """
    if len(token) < 3 or not DIACRITICS.sub("", token).isalpha():
        return "", token, ""
    lex = _lexicon() if lexicon is None else lexicon
    cut = _split_proclitics(token, lex)
    proclitics, stem = token[:cut], token[cut:]
    tail = _split_enclitic(stem, lex)
    if tail:
        return proclitics, stem[:-tail], stem[-tail:]
    return proclitics, stem, ""


def restore_article(proclitics: str, stem: str, lexicon: Mapping[str, int] | None = None) -> str:
    """The stem with the article that ل swallowed: `للعراق` is ل + العراق, written
    with one ل less; `للبنان` is ل + لبنان. The lexicon tells the two apart."""
    if not (proclitics.endswith("ل") and stem.startswith("ل")) or stem.startswith(_ARTICLE):
        return stem
    lex = _lexicon() if lexicon is None else lexicon
    with_article = "ا" + stem
    if _count(stem, lex) > _count(with_article, lex):
        return stem
    return with_article


def restore_name_article(proclitics: str, name: str) -> str:
    """`restore_article` for a name of one word or more, where ل may also have swallowed the whole
    article of a word that opens with ل (the news writes that word far more often with its article):
    `للجنة العسكرية` is ل + `اللجنة العسكرية` (not `الجنة`, "paradise"), and `للجنة التحكيم`, a
    construct, ل + `لجنة التحكيم`; else as `restore_article` (`للعراق`, `للبنان`, `لوكالة`). The
    tagger's features keep `restore_article`, which they were trained with."""
    if not (proclitics.endswith("ل") and name.startswith("ل")) or name.startswith(_ARTICLE):
        return name
    lex = _lexicon()
    words = name.split()
    whole = _count("ال" + words[0], lex)
    if whole <= _count("ا" + words[0], lex) or whole <= _count(words[0], lex):
        return restore_article(proclitics, name, lex)
    second = fold_word(words[1]) if len(words) > 1 else ""
    if second.startswith("ال") and not second.endswith(("يه", "ي")):
        return name  # `لجنة التحكيم`: the first word is a construct's, without the article
    return "ال" + name


def stem_form(token: str) -> str:
    """The stem as a dictionary form: `للعراق` → `العراق`, `حكومته` → `حكومة`."""
    proclitics, stem, enclitics = split_clitics(token)
    stem = restore_article(proclitics, stem)
    if enclitics and stem.endswith("ت"):
        stem = stem[:-1] + "ة"
    return stem


# Words a place's name opens with whose و is their own: `وادي الدواسر` is no و + `ادي` (`أدى`, "led
# to", folds to ادي and is far commoner, so the splitter cuts it for the tagger's features).
_NAME_HEADS_WITH_W = frozenset({"وادي", "واحه"})


def name_proclitics(token: str, lexicon: Mapping[str, int] | None = None) -> str:
    """The proclitics before a name that begins at `token`.

    Names differ from words in three ways `split_clitics` cannot see: a
    foreign name the news knows may begin like a proclitic and the article
    (`فاليري` is not ف + `اليري`, `كاليفورنيا` not ك + `اليفورنيا`); a name
    after و may begin like a preposition (`وباسم` is و + `باسم`, the
    better-attested stem, not و + ب + `اسم`); and a name the news never saw
    after و is still و + the name (`وهوبارت`, `وتياجو`), where a word would
    need the lexicon's support, unless a foreign W reads better (`ويلفرد`); and a
    preposition is never followed by a conjunction (`لوكاس` is whole).
    """
    lex = _lexicon() if lexicon is None else lexicon
    if fold_for_search(token) in _NAME_HEADS_WITH_W:
        return ""
    proclitics, stem, _ = split_clitics(token, lex)
    if proclitics:
        if stem.startswith(_ARTICLE) and not _count(stem, lex) and _count(token, lex):
            return ""
        # A conjunction never follows a preposition: `لوكاس` (Lucas) is not ل + `وكاس`
        # (which the news knows as و + `كاس`).
        if (
            proclitics in _PREPOSITIONS
            and stem[:1] in _CONJUNCTIONS
            and _count(token, lex)
            and _count(stem[1:], lex) > _count(stem, lex)
        ):
            return ""
        restored = restore_article(proclitics, stem, lex)
        if len(proclitics) == 2 and proclitics[0] in _CONJUNCTIONS and _count(token[1:], lex) >= _count(restored, lex):
            return proclitics[0]  # وبايدن: و + بايدن, not و + ب + ايدن
        return proclitics
    bare = DIACRITICS.sub("", token)
    # و before ا or ي in a name the news never saw is most often a foreign W
    # (`ويلفرد`, `وايتمان`), not the conjunction.
    if (
        len(bare) > 4
        and bare[0] == "و"
        and bare[1] not in "اي"
        and bare.isalpha()
        and not _count(bare, lex)
        and fold_for_search(bare) not in _NEVER_SPLIT
    ):
        return token[0]
    return ""
