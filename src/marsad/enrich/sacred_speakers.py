"""God and the Prophet as speakers: the Quran and the hadith quoted in religious writing.

A column on faith quotes verses and sayings far more than any minister, and names their speaker
in ways no rule for people reads: God before the verb with his praise (``والله تعالى يقول:``,
``وصدق الله العظيم في قوله``), the Prophet far from the verb, with his blessing between them
(``أن رسول الله - صلى الله عليه وسلم - أتى على امرأة ... فقال لها:``), or only by the blessing's
abbreviation (``قوله «ص»:``). This pass reads the clause before each quotation found and,
where God or the Prophet speaks there, gives the quotation to him; a bare cue after one of his
sayings (``وأضاف «``, ``و«``) goes on with him.

The Prophet is named as the article names him, its fullest form first: ``محمد`` where the
article writes the name with the blessing, else ``رسول الله``, ``النبي``, ``الرسول``.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from marsad.arabic.tokens import FoldedText
from marsad.records import Span
from marsad.startup_cache import compile_regex

__all__ = ["GOD", "give_sacred_speakers"]

GOD = "الله"

# Written folded (hamza, ta marbuta and alif maqsura as `FoldedText` leaves them).
_BLESSING = (
    r"(?:[-–(]\s*)?(?:صلي الله عليه (?:وعلي اله )?وسلم|عليه (?:افضل )?الصلاه و(?:اتم )?(?:السلام|التسليم)"
    r"|ﷺ|«\s*ص\s*»|\(\s*ص\s*\)|\(\s*#\s*\))(?:\s*[-–)])?"
)
_PROPHET_TITLES = (
    r"رسول الله|الرسول|النبي|نبي الله|نبي الرحمه|نبينا|رسولنا|المصطفي|خاتم المرسلين|خاتم الانبياء|سيد الخلق"
    r"|صاحب معجزه القران"
)
_PROPHET = compile_regex(
    rf"(?<!\w)(?:(?:{_PROPHET_TITLES})(?:\s+(?:الكريم|الاكرم|الامين))?(?:\s*{_BLESSING})?|{_BLESSING})"
)
# Who comes to the Prophet or asks him speaks himself (``جاء رجل إلى النبي فقال:``).
_ADDRESSED = compile_regex(r"(?<!\w)(?:الي|علي|من|سال|ساله|سالت|جاء|جاءت|اتي|اتت|يا)\s*$")
_SAYING = compile_regex(
    r"(?<!\w)(?:[وف]?(?:قال|يقول|قوله|لقوله|بقوله|قول|حديثه|حديث|اوضح|بين|رد)"
    r"|في قوله|اذ يقول|حين قال|حيث قال)(?!\w)"
)
# ``والله تعالى يقول``, ``وصدق الله العظيم في قوله``, ``وصدق الله إذ يقول في محكم قرآنه``.
_GOD_PRAISED = compile_regex(
    r"(?<!\w)[وف]?(?:الله|المولي|الحق|ربنا|الخالق)\s+(?:سبحانه\s+و)?"
    r"(?:تعالي|سبحانه|عز وجل|عزوجل|جل وعلا|جل جلاله|تبارك وتعالي|العظيم)(?!\w)"
)
_GOD_TRUE = compile_regex(r"(?<!\w)[وف]?صدق الله(?!\w)")
# What stands between a saying and its quotation: ``في محكم قرآنه``, ``لها``, a colon.
_FILLERS = r"(?:\s*(?:في محكم (?:كتابه|قرانه|التنزيل)|لها|له|لهم|لهن|عنه|عنها|\([^()]{0,80}\)|:|،|-|–))*\s*"
_TO_QUOTE = compile_regex(rf"^{_FILLERS}$")
# ``كما أوضح ذلك رسول الله صلى الله عليه وسلم «``, ``قوله «ص»:``: the saying, then who says it.
_PROPHET_AFTER = compile_regex(rf"^\s*(?:ذلك\s+)?(?:{_PROPHET.pattern}){_FILLERS}$")
# A cue alone after a quotation, or a conjunction joining the next one (``وأضاف «``, ``و«``).
_BARE_CUE = compile_regex(r"^\W*(?:و|او|[وف]?(?:قال|اضاف|تابع|يقول|يضيف|قال لها|قال له)|وحديثه)?\W*$")
# ``(البقرة: 255)``, ``«الأنعام: 152»``: a verse's reference between two quotations leaves the cue bare.
_REFERENCE = compile_regex(r"[(«\[]\s*\w+(?:\s\w+)?\s*:\s*\d+(?:\s*[-–]\s*\d+)?\s*[)»\]]")
_SENTENCE_END = compile_regex(r"[.!؟?]\s+|\.{2,}")
_NAMED_WITH_BLESSING = compile_regex(rf"(?<!\w)محمد\s*{_BLESSING}|(?:سيدنا|نبينا|النبي|الرسول)\s+محمد(?!\w)")
_THE_PROPHET = "prophet"  # named as the article names him (`_prophet_of`)
_OPENING_MARKS = "«\"“”'(‹{﴿ "
_CLOSING_MARKS = "»\"”“')›}﴾"
_ARTICLE_FORMS = tuple((form, compile_regex(rf"(?<!\w){form}(?!\w)")) for form in ("رسول الله", "النبي", "الرسول"))


def _prophet_of(folded_article: str) -> str:
    if _NAMED_WITH_BLESSING.search(folded_article):
        return "محمد"
    return next((form for form, written in _ARTICLE_FORMS if written.search(folded_article)), "رسول الله")


# ``بفضل الله سبحانه``, ``إلى رحمة الله تعالى``, ``بإذن الله``: God's name governed by a word before it
# is no subject; nor is a name the saying stands far from.
_GOVERNED = compile_regex(
    r"(?<!\w)(?:ب?فضل|رحمه|وجه|الي|من|عند|باذن|اذن|بحمد|سبيل|عبد|بيت|كتاب|دين|امر|ذكر|شرع|رضا|رضوان|مرضاه|لوجه|نعمه|بنعمه|لله)\s*$"
)
_MAX_WORDS_TO_SAYING = 16
_WORDS = compile_regex(r"\w+")


def _subject(head: str, named: regex.Match[str]) -> bool:
    if _GOVERNED.search(head, 0, named.start()):
        return False
    return len(_WORDS.findall(head, named.end())) <= _MAX_WORDS_TO_SAYING


def _said_by(clause: str) -> str | None:
    """GOD or `_THE_PROPHET` where the clause before a quotation has him speak, else None."""
    sayings = list(_SAYING.finditer(clause))
    if not sayings:
        return None
    last = sayings[-1]
    if _PROPHET_AFTER.match(clause[last.end() :]):
        return _THE_PROPHET
    if _TO_QUOTE.match(clause[last.end() :]) is None:
        return None  # the saying is not what introduces the quotation
    head = clause[: last.start()]
    god = [m.end() for m in (*_GOD_PRAISED.finditer(head), *_GOD_TRUE.finditer(head)) if _subject(head, m)]
    prophet = [
        m.end() for m in _PROPHET.finditer(head) if _subject(head, m) and not _ADDRESSED.search(head[: m.start()])
    ]
    if not god and not prophet:
        return None
    return GOD if max(god, default=-1) > max(prophet, default=-1) else _THE_PROPHET


def give_sacred_speakers(paragraphs: Sequence[str], spans: list[Span]) -> None:
    """Sets `speaker` and `canonical` of the quotations God or the Prophet speaks (in place)."""
    prophet: str | None = None
    previous: str | None = None
    god_before = False  # the last quotation is God's by the quotation rules (``قال تعالى:``)
    last_end: tuple[int, int] = (-1, 0)
    for span in spans:
        index, start = int(span["paragraph"]), int(span["start"])
        since = last_end[1] if last_end[0] == index else 0
        clause = _clause(paragraphs[index], since, start)
        who = _said_by(clause)
        bare = _REFERENCE.sub("", clause)
        if who is None and previous is not None and last_end[0] == index and _BARE_CUE.match(bare):
            who = previous
        elif who is None and god_before and last_end[0] == index and _BARE_CUE.match(bare) and _SAYING.search(bare):
            # ``قال تعالى: {...} (البقرة: 255)، وقال: {...}``: God, whom the quotation rules read, goes on
            who = GOD
        if who is not None:
            if who == _THE_PROPHET:
                prophet = prophet or _prophet_of(" ".join(_fold(p) for p in paragraphs))
                who = prophet
            span["speaker"] = span["canonical"] = who
        # ``قال تعالى:`` the quotation rules read themselves: God speaks on after a bare cue too.
        previous = who
        god_before = who is None and span.get("speaker") == GOD
        end = int(span["end"])
        # A quotation closed by its mark ends the clause before the next one; a reported one
        # may hold who speaks next (``قال: سمعت رسول الله - صلى الله عليه وسلم - يقول: ((``).
        closed = paragraphs[index][end : end + 1] in _CLOSING_MARKS
        last_end = (index, end if closed else start)


def _clause(paragraph: str, since: int, start: int) -> str:
    """The sentence before `start` (from `since` at most), folded, its opening marks left out."""
    before = paragraph[since:start]
    clause_start = max([0, *(m.end() for m in _SENTENCE_END.finditer(before))])
    return _fold(before[clause_start:]).rstrip(_OPENING_MARKS)


def _fold(text: str) -> str:
    return FoldedText.of(text).text
