"""The fast paths of normalization, folding and line features agree with the plain definitions.

Each fast function is checked against the straightforward implementation it
replaced (kept here as the oracle) on Arabic lines we wrote with the awkward
characters of scraped pages, and on seeded random strings over an alphabet
of exactly those characters.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

import pytest
import regex

from marsad.arabic import normalize
from marsad.arabic.normalize import fold_for_search, normalize_display_lines
from marsad.segment import embedded, lines, rules, templates
from marsad.segment.embedded import find_marker
from marsad.segment.lines import arabic_share, describe, describe_lines
from marsad.segment.page_patterns import PagePatterns, required_literals
from marsad.segment.rules import key_of_folded, keys_of_folded_lines, line_folded, line_folded_lines

# --- the plain definitions -------------------------------------------------

_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad"
_PRESENTATION = regex.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")


def plain_display_lines(text: str) -> str:
    text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = text.translate(normalize._DISPLAY_TABLE)
    if normalize.TATWEEL in text:
        text = normalize._drop_decorative_tatweel(text)
    return str(regex.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text))


def plain_fold(text: str) -> str:
    text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = normalize.DIACRITICS.sub("", text)
    return text.translate(normalize._FOLD_TABLE).lower()


def plain_without_icons(line: str) -> str:
    """Icons (symbols other than ``©®℗™``, joiners) and blanks before a line's first other character."""
    at = 0
    while at < len(line) and (
        line[at] in " \t\u200d\ufe0f" or (unicodedata.category(line[at]) in ("So", "Sk") and line[at] not in "©®℗™")
    ):
        at += 1
    return line[at:] if any(line[k] not in " \t" for k in range(at)) else line


def plain_line_folded(text: str) -> str:
    return plain_without_icons(str(regex.sub(r"\s+", " ", plain_fold(text))).strip())


def plain_line_folded_lines(text: str) -> str:
    folded = str(regex.sub(r"[\t\x0b\x0c\r ]+", " ", plain_fold(text)))
    return "\n".join(plain_without_icons(line) for line in folded.split("\n"))


def plain_key_of_folded(folded: str) -> str:
    return str(regex.sub(r"[\p{P}\p{S}\s]+", " ", folded)).strip()


def plain_keys_of_folded_lines(folded: str) -> str:
    return str(regex.sub(r"[\p{P}\p{S}\t\x0b\x0c\r ]+", " ", folded))


def plain_arabic_share(tokens: list[str]) -> float:
    lettered = arabic = 0
    for token in tokens:
        first = token[0]
        if "\u0600" <= first <= "\u06ff" or "\u0750" <= first <= "\u077f":
            if not first.isdigit():
                arabic += 1
                lettered += 1
        elif first.isalpha():
            lettered += 1
    return arabic / lettered if lettered else 0.0


_PLAIN_MARKER = regex.compile(r"^\s*[(\[«]?\s*ا?قرا\s*(?:ايضا|المزيد|كذلك)")
_PLAIN_SENTENCE_END = regex.compile(r"[.!؟?:;؛…\"”»″')\]]\s*$")


# --- inputs ---------------------------------------------------------------

LINES = [
    "أعلنت الوزارة، اليوم الأحد، عن خطةٍ جديدة لدعم المزارعين في المناطق الجنوبية.",
    "الــخــبــر  العاجل\tمن  بيروت",
    "لـ«الصباح» قال المدير: ″الوضع مستقر″ وبـ 500 دينار",
    "اقرأ أيضاً.. ارتفاع أسعار النفط في الأسواق الآسيوية",
    "  « إقرأ المزيد » : تفاصيل الاجتماع",
    "(اقرا كذلك) الحكومة تناقش الموازنة",
    "ﻻ ﺗﻮﺟﺪ تعليقات ﷺ",
    "شارك\u200f عبر\u200b فيسبوك | تويتر | واتساب",
    "الرياض - واس",
    "٢٠٢٤/٠٣/١٥ ۱۲:۳۰",
    "Accueil › Politique › الشرق الأوسط",
    "İstanbul ΣΟΦΙΑ Ωmega — ألمانيا: الحكومة",
    "جميع الحقوق محفوظة © 2024 صحيفة المدينة",
    "\u1680فاصل\x1fغريب\u3000بين\u00a0الكلمات",
    "ً ٌ ٍ كلمة ً وحدها",
    "𝐁𝐨𝐥𝐝 نص 🙂 ✓ ★ مع رموز",
    "• البند الأول",
    "- البند الثاني",
    "قال الوزير إن «الاتفاق نهائي»",
]

_ALPHABET = (
    "ابتثجحخدذرسشصضطظعغفقكلمنهوي"
    "أإآٱٲٳةىئؤکیۀەڤچگ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳0123456789"
    "،؛؟.:!\"'()[]«»“”″„‟-–—/|•·…©°%"
    " \t\u00a0\u2002\u2009\u202f\u3000\u1680\x1f" + _INVISIBLE + "ﻻﺗﻮﷺﹰﹱﭐ" + "abcXYZİΣσ𝐁🙂★✓"
)


def random_lines(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 60))) for _ in range(count)]


SAMPLES = LINES + random_lines(400, 7)


# --- the checks -----------------------------------------------------------


@pytest.mark.parametrize("text", SAMPLES[:40])
def test_display_normalization_matches_plain_definition(text: str) -> None:
    assert normalize_display_lines(text) == plain_display_lines(text)


def test_display_and_fold_on_random_text() -> None:
    for text in SAMPLES:
        assert normalize_display_lines(text) == plain_display_lines(text), text
        assert fold_for_search(text) == plain_fold(text), text


def test_folded_lines_and_keys_on_random_text() -> None:
    for text in SAMPLES:
        assert line_folded(text) == plain_line_folded(text), text
        folded = fold_for_search(text)
        assert key_of_folded(folded) == plain_key_of_folded(folded), text
    joined = "\n".join(SAMPLES)
    assert line_folded_lines(joined) == plain_line_folded_lines(joined)
    folded_lines = plain_line_folded_lines(joined)
    assert keys_of_folded_lines(folded_lines) == plain_keys_of_folded_lines(folded_lines)


def test_keys_of_text_outside_common_scripts_take_the_full_path() -> None:
    # A mathematical bold letter and an emoji are outside the scripts of the fast class.
    folded = "مرحبا🙂،𝐁 ✓ ★ نص"
    assert rules._UNCOMMON.search(folded)
    assert key_of_folded(folded) == plain_key_of_folded(folded)


@pytest.mark.parametrize("text", SAMPLES[:60])
def test_arabic_share_matches_plain_definition(text: str) -> None:
    tokens = key_of_folded(line_folded(text)).split() or text.split()
    if tokens:
        assert arabic_share(tokens) == plain_arabic_share(tokens)


def test_marker_pretest_never_skips_a_marker() -> None:
    markers = [text for text in SAMPLES if _PLAIN_MARKER.match(fold_for_search(text))]
    assert len(markers) >= 3
    for text in SAMPLES:
        if _PLAIN_MARKER.match(fold_for_search(text)):
            assert find_marker(text) is not None, text
        else:
            assert find_marker(text) is None, text


def test_marker_pretest_characters_fold_only_to_what_may_precede_the_marker() -> None:
    allowed = set(rules._WHITESPACE) | set("([«ا")
    for char in embedded._BEFORE_QAF:
        assert set(fold_for_search(char)) <= allowed, hex(ord(char))


def test_marker_pretest_stops_at_characters_that_fold_to_something_else() -> None:
    # Every Arabic-block character not skipped by the pre-test (and not ق)
    # folds to a character that cannot stand before a marker's قرا.
    allowed = set(rules._WHITESPACE) | set("([«اق")
    for code in range(0x0600, 0x0800):
        char = chr(code)
        if char in embedded._BEFORE_QAF or char == "ق":
            continue
        folded = fold_for_search(char)
        assert folded and folded[0] not in allowed, hex(code)


def test_sentence_end_and_bullet_read_from_line_ends() -> None:
    for index, text in enumerate(SAMPLES):
        line = describe(index, text)
        if line is None:
            continue
        assert line.ends_sentence == bool(_PLAIN_SENTENCE_END.search(line.text)), text
        assert line.bullet == bool(regex.match(r"^[•·▪■◦●‣*-]\s", line.text)), text


def test_page_lines_equal_line_by_line_features() -> None:
    page = "\n".join(LINES)
    batch = describe_lines(page)
    single = [line for line in (describe(i, raw) for i, raw in enumerate(LINES)) if line is not None]
    assert [(line.text, line.key, line.kind, line.words) for line in batch] == [
        (line.text, line.key, line.kind, line.words) for line in single
    ]


def plain_chrome_reason(text: str) -> str | None:
    """The rule order of `ChromeRules.match`, one rule at a time."""
    chrome = rules.chrome_rules()
    folded = rules.line_folded(text)
    key = rules.key_of_folded(folded)
    words = key.count(" ") + 1 if key else 0
    if key in chrome.exact:
        return chrome.exact[key].reason
    if words <= rules.PREFIX_MAX_WORDS:
        for group in chrome.prefixes.values():
            for rule in group:
                if key == rule.phrase or key.startswith(rule.phrase + " "):
                    return rule.reason
    if words <= rules.LONG_CONTAINS_MAX_WORDS:
        for rule in chrome.long_contains:
            if rule.phrase in key:
                return rule.reason
    if words > rules.CONTAINS_MAX_WORDS:
        return None
    for rule in chrome.contains:
        if rule.phrase in key:
            return rule.reason
    ordered = [r for r in chrome.patterns if r.phrase.startswith("^")] + [
        r for r in chrome.patterns if not r.phrase.startswith("^")
    ]
    for rule in ordered:
        assert rule.pattern is not None
        if rule.pattern.search(folded):
            return rule.reason
    return None


CHROME_LINES = [
    "2024/03/15 | 12:30",
    "كتب: محمد العلي",
    "صورة أرشيفية",
    "12:30 م",
    "شارك فيسبوك تويتر",
    "// انتهى //",
    "جميع الحقوق محفوظة © 2024",
    "للاشتراك في خدمة الأخبار أرسل رسالة إلى الرقم 88888",
    "الرئيسية | أخبار | رياضة",
    "الطقس اليوم 35 °",
    "الصورة: من حفل الافتتاح",
    "١٥ مارس ٢٠٢٤",
    "5 دقائق قراءة",
]


def test_chrome_rules_agree_with_rule_by_rule_order() -> None:
    fired = 0
    for text in CHROME_LINES + SAMPLES:
        match = rules.chrome_rules().match(text)
        assert (match.reason if match else None) == plain_chrome_reason(text), text
        fired += match is not None
    assert fired >= len(CHROME_LINES) - 2


def test_lines_module_keeps_its_public_names() -> None:
    assert callable(lines.classify) and callable(lines.describe_lines)


# --- the regex rules over a whole page --------------------------------------


@dataclass(frozen=True)
class _Rule:
    reason: str
    phrase_pattern: str


def _patterns(*specs: tuple[str, str]) -> PagePatterns:
    rules_ = [_Rule(reason, pattern) for reason, pattern in specs]
    return PagePatterns(
        [rule for rule in rules_ if rule.phrase_pattern.startswith("^")],
        [rule for rule in rules_ if not rule.phrase_pattern.startswith("^")],
    )


@pytest.mark.parametrize(
    "lines_",
    [
        ["//", "انتهي", "خبر عادي عن الطقس"],  # ^[\s/|]* runs on into the next line
        ["الرياض |", " جده | مكه | المدينه", "|"],  # \s[|»]\s across a line break
        ["", "انتهي", ""],
        ["نص", "2024", "يتبع", "/", "/انتهي/"],
    ],
)
def test_page_patterns_match_across_line_breaks_like_line_by_line(lines_: list[str]) -> None:
    patterns = _patterns(
        ("sign_off", r"^[\s/|]*انتهي[\s/|.]*$"),
        ("number", r"^\d{1,4}$"),
        ("navigation", r"(\s[|»›>•·]\s).*(\s[|»›>•·]\s)"),
        ("more", r"^[\s/|]*يتبع[\s/|.]*$"),
    )
    assert patterns.by_page
    assert patterns.reasons(lines_) == [patterns.reason(line) for line in lines_]


def test_page_patterns_agree_with_line_by_line_on_the_chrome_rules() -> None:
    chrome = rules.chrome_rules().regexes
    folded = [line_folded(text) for text in CHROME_LINES + SAMPLES]
    rng = random.Random(3)
    for _ in range(30):
        page = rng.sample(folded, 25)
        assert chrome.reasons(page) == [chrome.reason(line) for line in page]


def test_patterns_that_look_past_a_line_end_run_line_by_line() -> None:
    patterns = _patterns(("x", r"^نص(?=\s)"), ("y", r"خبر\b"))
    assert not patterns.by_page
    lines_ = ["نص", "نص اخر", "خبر"]
    assert patterns.reasons(lines_) == [None, "x", "y"]


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("(للاشتراك|اشترك).{0,60}(ارسل|رساله)", ("للاشتراك", "اشترك")),
        (r"(ارشيفيه|تعبيريه)\)?$", ("ارشيفيه", "تعبيريه")),
        (r"(ا\.ب|ج)x", ("ا.ب", "ج")),
        ("(copyright|حقوق)", None),  # a cased literal: IGNORECASE could match it otherwise
        ("(اب|جد)?س", None),  # optional group
        ("(اب|جد){0,2}س", None),
        ("(اب|جد)س|ص", None),  # alternation at the top level
        (r"(\s[|»]\s).*", None),
        ("(?:اب|جد)", None),
        ("س(اب|جد)", None),
    ],
)
def test_required_literals(pattern: str, literals: tuple[str, ...] | None) -> None:
    assert required_literals(pattern) == literals


@pytest.mark.parametrize("page", ["", "\n\n", "  \n\t\n\u200f", "\r\n\u2028\x85"])
def test_pages_without_visible_lines_have_no_lines(page: str) -> None:
    assert describe_lines(page) == []


def test_other_line_breaks_split_lines_as_splitlines_does() -> None:
    page = "الخبر الأول\r\nالخبر الثاني\u2028الخبر الثالث\x85الخبر الرابع\x0cالخامس"
    assert [line.text for line in describe_lines(page)] == [line.strip() for line in page.splitlines()]


def test_first_character_dispatch_keeps_every_anchored_pattern_that_matches() -> None:
    chrome = rules.chrome_rules().regexes
    assert chrome.by_page
    for text in CHROME_LINES + SAMPLES:
        folded = line_folded(text)
        chosen = chrome._anchored_for(folded[:1])
        for rule, pattern in zip(chrome.anchored, chrome.each_anchored, strict=True):
            if pattern.match(folded):
                assert chosen is not None and f"(?P<r{chrome.anchored.index(rule)}>" in chosen.pattern, text


def test_lookahead_patterns_are_not_chosen_by_first_character() -> None:
    patterns = _patterns(("x", r"^(?=\S*\d)ع"), ("y", r"^عاجل$"))
    assert not patterns.by_page
    assert patterns.reason("ع9") == "x"
    assert patterns.reason("عاجل") == "y"
    assert patterns.reason("خبر") is None


@pytest.mark.parametrize(
    "text",
    ["الرياض - واس", "القاهرة (رويترز)", "جدة: محمد العتيبي", "الرياض واس", "ﻻ - ﺗﻮ", "دبي — وام", "خبر عادي"],
)
def test_dateline_pretest_agrees_with_the_folded_match(text: str) -> None:
    folded = fold_for_search(text).strip()
    expected = len(folded.split()) <= 6 and bool(templates.DATELINE.match(folded))
    assert templates.is_dateline(text) == expected


def test_dateline_pretest_on_random_text() -> None:
    for text in SAMPLES:
        folded = fold_for_search(text).strip()
        assert templates.is_dateline(text) == (len(folded.split()) <= 6 and bool(templates.DATELINE.match(folded)))


def test_anchored_patterns_one_by_one_agree_with_their_alternation(monkeypatch: pytest.MonkeyPatch) -> None:
    # Before a first character has opened ten lines its patterns are tried one by one (a one-page run
    # compiles no alternation); after that, joined. Both read each line the same.
    from marsad.segment import page_patterns

    folded = [line_folded(text) for text in CHROME_LINES + SAMPLES]
    monkeypatch.setattr(page_patterns, "_ALTERNATION_AFTER", 10**9)
    with monkeypatch.context() as nothing_kept:
        nothing_kept.setattr(page_patterns, "known_regex", lambda pattern, flags=0: None)
        one_by_one = rules.ChromeRules(rules.parse_rules(rules._data_lines("chrome.tsv"))).regexes
        singly = [one_by_one.reason(line) for line in folded]
        assert not one_by_one._by_first  # nothing was joined
    monkeypatch.setattr(page_patterns, "_ALTERNATION_AFTER", 0)
    joined = rules.ChromeRules(rules.parse_rules(rules._data_lines("chrome.tsv"))).regexes
    assert [joined.reason(line) for line in folded] == singly
    assert joined._by_first
    assert any(reason is not None for reason in singly)
    # An alternation an earlier run compiled (the start-up cache) is taken before the tenth line.
    compiled = {
        (pattern.pattern, int(pattern.flags) & int(regex.IGNORECASE)): pattern
        for pattern in joined._by_numbers.values()
        if pattern
    }
    monkeypatch.setattr(page_patterns, "known_regex", lambda text, flags=0: compiled.get((text, int(flags))))
    monkeypatch.setattr(page_patterns, "_ALTERNATION_AFTER", 10**9)
    kept = rules.ChromeRules(rules.parse_rules(rules._data_lines("chrome.tsv"))).regexes
    assert [kept.reason(line) for line in folded] == singly
    assert kept._by_first and set(kept._by_first) <= set(joined._by_first)


# Photo captions and credits of the kinds the gated patterns read (our own lines), and lines that
# hold a gate's words without being chrome.
GATED_LINES = [
    "الأمير خالد الفيصل خلال افتتاح المعرض الدولي للكتاب - تصوير: أحمد الحربي",
    "جانب من الحضور في حفل تخريج الدفعة الأولى (تصوير: عبدالله الزهراني)",
    "رجال الإطفاء يخمدون الحريق في مبنى الإدارة القديم - صورة أرشيفية",
    "جانب من المؤتمر الصحفي لوزير الخارجية في الرياض (أ ف ب)",
    "المتظاهرون يتجمعون في ساحة التحرير وسط القاهرة - رويترز",
    "الوزير يستقبل وفد الغرفة التجارية في مكتبه بجدة (الصورة: واس)",
    "صحيفة يومية سياسية شاملة",
    "الحجاج يؤدون صلاة الجمعة في المسجد الحرام - Photo : AFP",
    "نشرت صحيفة الرياض اليوم تقريرا عن موقع المشروع الجديد وأكدت أن العمل فيه يسير وفق الخطة.",
    "وقال مدير التصوير في المهرجان إن الأرشيف يضم آلاف الصور النادرة.",
    "مصدر الصورة: وكالة الأنباء السعودية",
]


def test_gated_patterns_agree_with_rule_by_rule_order() -> None:
    chrome = rules.chrome_rules()
    gated_fired = 0
    for text in GATED_LINES:
        match = chrome.match(text)
        assert (match.reason if match else None) == plain_chrome_reason(text), text
        folded = line_folded(text)
        first = next((n for n, pattern in enumerate(chrome.regexes.each_anchored) if pattern.match(folded)), None)
        gated_fired += first is not None and first in chrome.regexes._gates
    assert gated_fired >= 5  # the lines went through the gated path, not around it


def test_gate_words_are_read_only_where_every_match_holds_one() -> None:
    from marsad.segment.page_patterns import gate_words

    assert gate_words(r"^(\S+\s){3,15}\S*\s?[-–—|]\s?(تصوير|عدسه|الصوره)$") == ("تصوير", "عدسه", "الصوره")
    # an alternative's opening word, before what may follow it or be left out
    assert gate_words(r"^(\S+\s){2,20}[-–]\s?(من الارشيف|ارشيف(\s\S+){0,2}|archives?)$") == (
        "من الارشيف",
        "ارشيف",
        "archive",
    )
    assert gate_words(r"^(\S+\s){2,20}(ph\.? dr|photo)$") == ("ph", "photo")
    assert gate_words(r"^(\S+\s){2,20}(تصوير|عدسه)?$") is None  # optional group
    assert gate_words(r"^(\S+\s){2,20}(تصوير|\S+)$") is None  # an alternative with no word
    assert gate_words(r"^\S+ (تصوير|عدسه)|^صوره") is None  # alternation at the top level
    assert gate_words(r"^(\S+\s){2,20}(?=تصوير)") is None  # a lookahead consumes nothing
    assert gate_words(r"^(\S+\s){2,20}(ع|ق)$") is None  # single letters are on every line
