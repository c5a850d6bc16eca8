"""Bodies named by a head word and what it governs: `وزارة الاتصالات وتقنية المعلومات`.

The news names most bodies the same way: an institution's head word (`وزارة`,
`هيئة`, `شرطة`, `بلدية`, `حزب`, `الإدارة`, ...), then the definite nouns and
adjectives it governs (`الإدارة العامة للدفاع المدني`, `الحزب الاشتراكي
الديمقراطي`, `شرطة منطقة القصيم`, `اللجنة الأولمبية السعودية`). The tagger,
trained on ANERcorp's 2003 news, finds few of them whole (`لدفاع المدني`) and
none across the 18 countries of the newspapers collection, whose ministries,
parties and clubs the shipped lists do not hold.

A head word the tagger left untagged (or tagged as the start of an organisation)
becomes an organisation's first word when definite words follow it, each with
the article, a purpose's `لل` or `و` + the article, up to where the phrase
ends: punctuation, a word without the article, a preposition, or a word of time,
order or issue (`الحالي`, `الصحفي`). A place or a name the tagger found right
after an indefinite head is its complement (`بلدية جدة`, `شرطة منطقة القصيم`).
Heads that also open descriptions (`اللجنة`, `الإدارة`, `المجلس`) need two
words after them (`اللجنة المنظمة` names no body; `الإدارة العامة للمرور` does).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from marsad.arabic.normalize import fold_for_search, fold_word
from marsad.enrich.ner.shipped_lists import HEADS, LONG_HEADS
from marsad.segment.rules import function_words

# Heads of bodies beyond the institution heads the lists were built on.
MORE_HEADS = frozenset(
    fold_for_search(word)
    for word in (
        "ائتلاف", "تحالف", "شرطة", "مديرية", "شعبة", "نيابة", "كلية", "معهد", "لجنة", "مصرف",
        "نقابة", "مفوضية", "منتخب",
    )
)  # fmt: skip
MORE_LONG_HEADS = frozenset({"ال" + head for head in MORE_HEADS} | {"المجلس", "الحزب", "الجمعيه", "الوزاره"})
# Heads that are also verbal nouns (`إدارة المباراة` is managing it, `قيادة الحزب` its leaders):
# a body only as `الإدارة العامة ...` or with a purpose (`إدارة للمرور`).
_ALSO_ACTIONS = frozenset(fold_for_search(w) for w in ("إدارة", "الإدارة", "قيادة", "القيادة", "رئاسة", "الرئاسة"))
_GENERAL = fold_for_search("العامة")
# A national team: `المنتخب الإسباني`, one adjective of its country (`المنتخب الوطني` is any).
_TEAM = fold_for_search("المنتخب")
_ANY_TEAM = frozenset(fold_for_search(w) for w in ("الوطني", "الأول", "الأولمبي", "الرديف", "الشاب"))
_ALL_HEADS = HEADS | MORE_HEADS | LONG_HEADS | MORE_LONG_HEADS
# Definite heads whose phrases describe as often as they name need this many words after them.
LONG_HEAD_WORDS = 2
MAX_WORDS = 6
# Words after a head that end the name: time, order, what a body issues, demonstratives.
_NOT_OF_THE_NAME = frozenset(
    fold_for_search(word)
    for base in (
        "الحالي", "الماضي", "السابق", "الجديد", "الجاري", "التالي", "الأول", "الثاني", "الأخير", "الأخرى",
        "المعني", "الرسمي", "الصحفي", "الإلكتروني", "المذكور", "نفسه", "ذاته", "المقبل", "المنظم", "المختص",
        "الحاكم", "المعارض", "المشترك", "اليوم", "الأمس", "الذي", "التي", "الذين", "اللذين", "اللتين",
        # titles: the name of the person the body's phrase is followed by (`... للطوارئ الدكتور`)
        "الشيخ", "الدكتور", "الأستاذ", "المهندس", "الرائد", "العقيد", "العميد", "اللواء", "الفريق", "النقيب",
        "الأمير", "الملك", "السيد", "الرئيس", "الوزير", "السفير", "النائب", "المدير", "المتحدث", "الساعة",
        # ranks and what a body is said to be (`المركز الثالث`, `التابع لرئاسة الجمهورية`)
        "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر", "التابع", "المهيمن",
        "الكامل", "المنحل", "الوحيد", "الأكبر", "الأعلى", "الأقدم", "المنتهي",
    )
    for word in (base, base + "ة")
)  # fmt: skip
_GLUED = ("وال", "فال", "بال", "كال")
# Adjectives of a body's name that are no relational ones (`مستشفى نجران العام`, `المحكمة العليا`).
_PLAIN_ADJECTIVES = frozenset(fold_for_search(w) for w in ("العام", "العامة", "الكبرى", "الكبير", "العليا", "الأعلى"))
# A word that alone after a head names a place's body in general (`بلدية المحافظة`), not one body.
_GENERIC_COMPLEMENTS = frozenset(
    fold_for_search(w)
    for w in (
        "المحافظة", "المنطقة", "المدينة", "البلاد", "الدولة", "المملكة", "القرية",
        # a body's own organ (`مجلس الإدارة`, `مجلس الأمناء`, `مجلس الجامعة`)
        "الإدارة", "الأمناء", "التحرير", "الشركة", "النادي", "الجامعة", "الكلية", "الجمعية", "المدرسة",
    )
)  # fmt: skip
# The fields a body's name gives with `ل` and a noun after them (`الاتحاد السعودي لكرة القدم`,
# `اللجنة الوطنية لحقوق الإنسان`, `الهيئة الوطنية لمكافحة الفساد`); a verbal noun there is
# what the sentence says the body does (`مستشفى الخبر الجامعي لمعايدة المرضى`).
_FIELDS = frozenset(
    fold_for_search(w) for w in ("كرة", "حقوق", "شؤون", "رعاية", "مكافحة", "حماية", "تنمية", "علوم", "بحوث")
)
_PRONOUN_ENDINGS = ("ها", "هم", "هما", "هن", "كم", "نا")
# A purpose (`للطيران`) belongs to the name among its first words only: later it is what the
# sentence says the body does (`البنك المركزي الأوروبي للضمانات اللازمة`).
_PURPOSE_WITHIN = 3


def _name_word(token: str, folded: str, first: bool, following: str) -> bool:
    """A word the head's phrase goes on with: the article (`الصحة`), a purpose (`للطيران`), a field
    (`لكرة القدم`) and, after the first, `و` + the article (`والتنمية`). A plural of people
    (`الفلسطينيين`) is whom the sentence goes on about."""
    if not token.isalpha() or folded in _NOT_OF_THE_NAME or folded.endswith(("يين", "يون")):
        return False
    if not first and folded.startswith(("و", "ل")) and folded.endswith(_PRONOUN_ENDINGS):
        return False  # `ورعايتها`: the body's doing, with its pronoun
    if folded.startswith("لل") and len(folded) > 3:
        return True
    if folded.startswith("ل") and not folded.startswith("ال"):
        # `لكرة القدم`, `لحقوق الإنسان`: a field the body serves, where its noun follows; `لمجلس
        # الشورى`: the body it belongs to
        return (folded[1:] in _FIELDS or folded[1:] in _ALL_HEADS) and following.startswith("ال")
    if first and folded in _FIELDS:
        return following.startswith("ال")  # `مجلس حقوق الإنسان`, `مركز مكافحة التطرف`
    if folded.startswith("وال") and not first:
        return folded[1:] not in _NOT_OF_THE_NAME
    return folded.startswith("ال") and len(folded) > 3


@lru_cache(maxsize=1 << 16)
def _head(token: str, key: str) -> str:
    """The head word under its clitics: the name key, or, where the key took a letter of the word
    for a preposition (`بلدية` keys as `لديه`), the word folded without `و`/`ف` (and `لل` as `ال`)."""
    folded = fold_word(token)
    if key in _ALL_HEADS:
        # (`منتخبنا`: the key without its pronoun is a head, the word with it names no body)
        return key if folded.endswith(key) else ""
    for form in (
        folded,
        folded[1:] if folded[:1] in "وف" else "",
        "ال" + folded[2:] if folded.startswith("لل") else "",
    ):
        if form in _ALL_HEADS:
            return form
    return key


def is_head(folded: str) -> bool:
    """Whether a folded word is an institution's head word (`بلديه`, `الوزاره`)."""
    return folded in _ALL_HEADS


def _another_body(folded: str) -> bool:
    """`وبلدية`, `والاتحاد`: `و` + a head word opens the next body of a list."""
    return folded.startswith("و") and folded[1:] in _ALL_HEADS


def _coordinated_end(tokens: list[str], tags: list[str], end: int) -> int:
    """Past a name the tagger or the lists know, only a field joined by `و` and its adjectives
    (`وزارة العمل` + `والتنمية الاجتماعية`): a plain noun after it is the sentence's."""
    if end >= len(tokens) or tags[end] != "O" or not fold_word(tokens[end]).startswith("وال"):
        return end
    end += 1
    while end < len(tokens) and tags[end] == "O" and _nisba(fold_word(tokens[end])):
        end += 1
    return end


# Companies are named by a word of their own after the head, definite or not (`شركة نفط الكويت`,
# `شركة سينوبر للتقنيات المالية`, `بنك الكويت الوطني`); these words say what kind of company it is.
_COMPANY_HEADS = frozenset(fold_for_search(w) for w in ("شركة", "بنك", "مصرف"))
_KIND_OF_COMPANY = frozenset(
    fold_for_search(w)
    for w in (
        "كبرى", "كبيرة", "صغيرة", "متوسطة", "خاصة", "عامة", "واحدة", "جديدة", "أخرى", "محلية", "عالمية",
        "وطنية", "أجنبية", "تابعة", "مساهمة", "ناشئة", "حكومية", "عملاقة", "عربية", "سعودية", "أمريكية",
        "مقاولات", "تأمين", "استثمار", "اتصالات", "طيران", "تطوير",
    )
)  # fmt: skip


def _company_word(tokens: list[str], tags: list[str], at: int) -> bool:
    """An indefinite word of the company's own name after its head, where the name goes on with a
    definite word, a purpose or a place (`شركة بانورما للمقاولات`, `شركة نفط الكويت`)."""
    token, following = tokens[at], fold_word(tokens[at + 1])
    folded = fold_word(token)
    if tags[at] != "O" or not token.isalpha() or folded.startswith(("ال", "ل", "و")) or folded in _KIND_OF_COMPANY:
        return False
    if folded in function_words():
        return False  # `بنك على الأقل`
    return following.startswith(("ال", "لل")) or tags[at + 1].startswith("B-")


def _nisba(folded: str) -> bool:
    """`الألمانية`, `الدولي`: the article and a relational ending."""
    return folded.startswith("ال") and len(folded) > 4 and folded.endswith(("ي", "يه"))


def _nisba_place(tags: list[str], at: int, folded: str) -> bool:
    """`السعودية` in `اللجنة الأولمبية السعودية`: a one-word place the tagger found, with the
    article and a relational ending, is the body's adjective."""
    alone = tags[at] == "B-LOC" and (at + 1 >= len(tags) or tags[at + 1] != "I-LOC")
    return alone and _nisba(folded)


def mark_organisation_phrases(
    tokens: list[str], tags: list[str], key: Callable[[str], str], keys: list[str] | None = None
) -> list[str]:
    """`tags` with each head word + the definite words it governs tagged as one organisation,
    where the tagger found none or a shorter one starting there (`keys`: the tokens' keys, if known)."""
    keys = [key(token) for token in tokens] if keys is None else keys
    i = 0
    while i + 1 < len(tokens):
        head = _head(tokens[i], keys[i])
        if head not in _ALL_HEADS or tags[i] not in ("O", "B-ORG"):
            i += 1
            continue
        long_head = (head in LONG_HEADS or head in MORE_LONG_HEADS) and head != _TEAM
        end = _phrase_end(tokens, tags, keys, i, head, long_head)
        words = end - i - 1
        generic = words == 1 and fold_word(tokens[i + 1]) in _GENERIC_COMPLEMENTS
        if generic or words < (LONG_HEAD_WORDS if long_head else 1):
            i += 1
            continue
        # An organisation the tagger or the lists found there, of more than its head, stands: they
        # know where a listed name ends (`هيئة التحقيق والادعاء العام`, not on into `القضية`).
        tagged_end = i + 1
        while tagged_end < len(tags) and tags[tagged_end] == "I-ORG":
            tagged_end += 1
        if tags[i] == "B-ORG" and tagged_end - i > 1:
            end = _coordinated_end(tokens, tags, tagged_end)  # `وزارة العمل` + `والتنمية الاجتماعية`
        if tags[i] == "B-ORG" and tagged_end >= end:
            i = tagged_end
            continue
        tags[i] = "B-ORG"
        for j in range(i + 1, end):
            tags[j] = "I-ORG"
        while end < len(tags) and tags[end].startswith("I-"):
            tags[end] = "O"  # what another span ran on with past the body's name
            end += 1
        i = end
    return tags


def _phrase_end(tokens: list[str], tags: list[str], keys: list[str], i: int, head: str, long_head: bool) -> int:
    """Where the phrase a head word at `i` governs ends."""
    end = i + 1
    if not long_head and end < len(tokens) and tags[end].startswith("B-") and tags[end] != "B-PER":
        # `بلدية جدة`, `شرطة منطقة القصيم`: a place or a body the tagger found is the complement
        end += 1
        while end < len(tokens) and tags[end].startswith("I-"):
            end += 1
    elif not long_head and end < len(tokens) and tags[end] == "O" and keys[end] in ("منطقه", "محافظه"):
        end += 1  # `شرطة منطقة` + the region
        if end < len(tokens) and tags[end].startswith("B-"):
            end += 1
            while end < len(tokens) and tags[end].startswith("I-") and end - i < MAX_WORDS:
                end += 1
    elif not long_head and head in _COMPANY_HEADS and end + 1 < len(tokens) and _company_word(tokens, tags, end):
        end += 1  # `شركة نفط` + `الكويت`, `شركة بانورما` + `للمقاولات`: a company's own word first
        if tags[end] == "B-LOC":  # `شركة نفط الكويت`: the place its name holds
            end += 1
            while end < len(tokens) and tags[end] == "I-LOC":
                end += 1
    # after a complement the tagger found (`منتخب الصين`, `هيئة الكهرباء`), only the body's adjectives
    # and purpose go on with its name (`منتخب الصين النتيجة` is the sentence's)
    after_adjective = end > i + 1 and tags[i + 1] != "O"
    while end < len(tokens) and end - i < MAX_WORDS:
        folded = fold_word(tokens[end])
        purpose = folded.startswith("ل") and not folded.startswith("ال")
        adjective = _nisba(folded) or folded in _PLAIN_ADJECTIVES or (folded.startswith("وال") and _nisba(folded[1:]))
        if (purpose and end - i > _PURPOSE_WITHIN) or (after_adjective and not (adjective or purpose)):
            break  # `وزارة المال الألمانية التعليق`: after its adjectives the name is over
        following = fold_word(tokens[end + 1]) if end + 1 < len(tokens) else ""
        if not _name_word(tokens[end], folded, end == i + 1, following) or _another_body(folded):
            break
        if head in _ALSO_ACTIONS and end == i + 1 and folded != _GENERAL and not folded.startswith("لل"):
            break
        if head == _TEAM and (end > i + 1 or folded in _ANY_TEAM or not folded.endswith("ي")):
            break
        if tags[end] not in ("O", "I-ORG", "B-ORG") and not _nisba_place(tags, end, folded):
            break
        after_adjective = adjective
        end += 1
    return end
