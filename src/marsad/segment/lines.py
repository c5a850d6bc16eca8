"""What one line of a page looks like: its words, script, punctuation and chrome match.

Segmentation decides with these features; computing them once per line keeps
the rest of the stage simple and fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from operator import itemgetter

import regex

from marsad.arabic.normalize import char_class, contains_any, normalize_display, normalize_display_lines
from marsad.segment.rules import (
    REGEX_WHITESPACE,
    Match,
    chrome_rules,
    function_words,
    key_of_folded,
    keys_of_folded_lines,
    line_folded,
    line_folded_lines,
    line_key,
)
from marsad.startup_cache import compile_regex

# A line ending in one of these reads as a finished sentence (or an opened
# quote or list). Lines are stripped of every str.isspace() character, so
# the last character is the one to read.
_SENTENCE_END_CHARS = ".!؟?:;؛…\"”»″')]"
_BULLET_CHARS = "•·▪■◦●‣*-"
_BULLET = compile_regex(f"^[{regex.escape(_BULLET_CHARS)}]\\s")


class Kind(Enum):
    PROSE = "prose"  # a paragraph of running text
    MEDIUM = "medium"  # a short finished sentence
    HEADLINE = "headline"  # Arabic words without sentence punctuation: a title or a link
    FRAGMENT = "fragment"  # one or two words
    FOREIGN = "foreign"  # mostly not Arabic script
    CHROME = "chrome"  # matched a chrome rule


@dataclass(slots=True)
class Line:
    index: int
    text: str
    key: str
    words: int
    arabic: float
    function_share: float
    ends_sentence: bool
    chrome: Match | None
    kind: Kind
    bullet: bool = False
    boxed: bool = False
    """Part of a box inside the article (`اقرأ أيضاً` and its links): not body, but no argument
    that the article ends here either."""

    def box(self, match: Match) -> None:
        """Make this line chrome that sits inside the article (a caption, a post, a table's row)."""
        self.chrome = match
        self.kind = Kind.CHROME
        self.boxed = True

    @property
    def score(self) -> float:
        """How much this line argues for being inside the article body."""
        if self.boxed:
            return 0.0
        if self.kind is Kind.PROSE:
            return float(min(self.words, 80))
        if self.kind is Kind.MEDIUM:
            return 1.0
        if self.kind is Kind.CHROME:
            return -12.0
        if self.kind is Kind.HEADLINE:
            return -(3.0 + 0.3 * self.words)
        if self.kind is Kind.FOREIGN:
            return -4.0
        return -2.0


# Characters outside the Arabic blocks, the Arabic-Indic digits (the only
# characters of these blocks for which str.isdigit() holds) and a string of
# Arabic-script characters none of which is a digit.
_NOT_ARABIC_SCRIPT = re.compile("[^\u0600-\u06ff\u0750-\u077f]")
_ARABIC_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_ARABIC_LETTERS_ONLY = re.compile("[\u0600-\u065f\u066a-\u06ef\u06fa-\u06ff\u0750-\u077f]*")
_first = itemgetter(0)


def arabic_share(tokens: list[str]) -> float:
    """Share of the lettered tokens that are written in Arabic script."""
    # One string of first characters, read by C-level scans, instead of a
    # Python loop over the tokens; most lines are all Arabic words.
    firsts = "".join(map(_first, tokens))
    if not firsts:
        return 0.0
    if _ARABIC_LETTERS_ONLY.fullmatch(firsts):
        return 1.0
    others = _NOT_ARABIC_SCRIPT.findall(firsts)
    arabic = len(firsts) - len(others) - len(_ARABIC_DIGIT.findall(firsts))
    lettered = arabic + sum(map(str.isalpha, others))
    return arabic / lettered if lettered else 0.0


_CLAUSED_WORDS = 15
_CLAUSE_COMMAS = 2


# Chrome that sits between the article's paragraphs (a market box, a match card, a social post's
# counters, an appeal for donations): not body, and no argument that the article ends there.
INLINE_REASONS = frozenset({"data_box", "embed", "appeal", "photo_caption", "advertisement"})


def classify(words: int, arabic: float, function_share: float, ends_sentence: bool, commas: int = 0) -> Kind:
    if words == 0 or arabic < 0.4:
        return Kind.FOREIGN if words else Kind.FRAGMENT
    if words < 3:
        return Kind.FRAGMENT
    if ends_sentence and words >= 6:
        return Kind.PROSE
    # Long running text is prose even without a final stop (tags or a photo
    # credit are often glued to the end of the last paragraph).
    if words >= 80 and arabic >= 0.6:
        return Kind.PROSE
    if words >= 40 and function_share >= 0.03:
        return Kind.PROSE
    if words >= 20 and function_share >= 0.06:
        return Kind.PROSE
    # A sentence broken off at the line's end: clauses parted by commas (one title in 31k
    # SaudiNewsNet titles of 15 words or more has two Arabic commas).
    if words >= _CLAUSED_WORDS and commas >= _CLAUSE_COMMAS and function_share > 0:
        return Kind.PROSE
    if ends_sentence and words >= 3 and function_share > 0:
        return Kind.MEDIUM
    return Kind.HEADLINE


# Line boundaries of str.splitlines() other than \n (the pages of one
# collection rarely have any, and then need no splitting and joining again).
_OTHER_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_OTHER_LINE_BREAK = char_class(_OTHER_LINE_BREAKS)

# Features of a long line are read from its head: a widget announces itself
# early, and the script and function-word share of a few hundred characters
# of prose are those of the whole paragraph. This bounds the work per line.
_HEAD = 400


# Whitespace that the folding of a page's lines keeps but `line_key` turns
# into a space: a line with none of it has `line_key(text) == key`.
_KEPT_IN_PAGE_FOLD = char_class(REGEX_WHITESPACE.translate(str.maketrans("", "", " \t\x0b\x0c\r")))


def key_of_line(line: Line) -> str:
    """`line_key(line.text)`, taken from the line's features when they already hold it."""
    text = line.text
    if len(text) <= _HEAD and not _KEPT_IN_PAGE_FOLD.search(text):
        return line.key
    return line_key(text)


# ``الشاشة<TAB>5.5 بوصة``: a spec table's cells parted by a tab, which normalizing turns into a space;
# read as a bar, the row is a table's as rows parted by bars are (`data_boxes`). Two such rows together
# make a table: a first cell holding a letter and at most four words (a tab after a bullet or a number,
# ``•<TAB>``, ``(3)<TAB>``, opens an item; a lone tabbed line of the news collections is a headline's).
_TAB_CELL = re.compile(r"^([^\t]{0,40}?[^\W\d_][^\t]{0,40}?)\t+(?=\S)")
_MAX_CELL_WORDS = 4


def _first_cell(line: str) -> re.Match[str] | None:
    found = _TAB_CELL.match(line.strip())
    return found if found is not None and len(found.group(1).split()) <= _MAX_CELL_WORDS else None


def cells_to_bars(text: str) -> str:
    """Tabs between a table's cells written as bars, where two rows or more run together."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    cells = [_first_cell(line) if "\t" in line else None for line in lines]
    for index, found in enumerate(cells):
        neighbours = cells[max(0, index - 1) : index] + cells[index + 1 : index + 2]
        if found is not None and any(other is not None for other in neighbours):
            lines[index] = f"{found.group(1)} | {lines[index].strip()[found.end() :]}"
    return "\n".join(lines)


def describe(index: int, raw: str) -> Line | None:
    """Features of one raw line, or None for a line with nothing visible on it."""
    text = normalize_display(cells_to_bars(raw))
    if not text:
        return None
    folded = line_folded(text[:_HEAD])
    return _features(index, text, folded, key_of_folded(folded))


def _features(index: int, text: str, folded: str, key: str) -> Line:
    tokens = key.split()
    words = _word_count(text, tokens)
    return _line(index, text, key, tokens, words, chrome_rules().match(text, key, folded, words))


def _word_count(text: str, tokens: list[str]) -> int:
    return len(tokens) if len(text) <= _HEAD else len(tokens) + text.count(" ", _HEAD)


def _line(index: int, text: str, key: str, tokens: list[str], words: int, chrome: Match | None) -> Line:
    if tokens:
        function_share = sum(map(function_words().__contains__, tokens)) / len(tokens)
        arabic = arabic_share(tokens)
    else:
        function_share = arabic = 0.0
    ends_sentence = text[-1] in _SENTENCE_END_CHARS if text else False
    # ``... على ضفاف «السويس»``: a name in guillemets ends the line, not a sentence.
    ends_as_sentence = ends_sentence and not _ends_with_a_quoted_name(text)
    kind = Kind.CHROME if chrome else classify(words, arabic, function_share, ends_as_sentence, text.count("،"))
    bullet = text[0] in _BULLET_CHARS and _BULLET.match(text) is not None if text else False
    boxed = chrome is not None and chrome.reason in INLINE_REASONS
    return Line(index, text, key, words, arabic, function_share, ends_sentence, chrome, kind, bullet, boxed)


# A name in guillemets at the line's end, glued to a preposition too (``بـ«الذبح والقتل»``), not
# after a cue (``قال إن «الاتفاق نهائي»``, ``...: «...»``); a line that opens with a quotation
# (more than a name) quotes.
_QUOTED_NAME_AT_END = compile_regex(r"(?<!(?:\s[إاأ]ن|:)\s*)(?<=.)«[^«»]{1,30}»$")
_QUOTATION_AT_START = compile_regex(r"«[^«»]*»")
_MAX_QUOTED_NAME_WORDS = 3


def _ends_with_a_quoted_name(text: str) -> bool:
    if text[-1] != "»":
        return False
    m = _QUOTED_NAME_AT_END.search(text)
    if m is None or len(m[0].split()) > _MAX_QUOTED_NAME_WORDS:
        return False
    opening = _QUOTATION_AT_START.match(text)
    return opening is None or len(opening[0].split()) <= _MAX_QUOTED_NAME_WORDS


def describe_lines(text: str) -> list[Line]:
    """Features of every visible line of a page.

    Normalizing and folding the whole page in one pass each costs far less
    than one pass per line; the lines are split apart afterwards.
    """
    if contains_any(text, _OTHER_LINE_BREAKS, _OTHER_LINE_BREAK):
        text = "\n".join(text.splitlines())
    display = [line for line in map(str.strip, normalize_display_lines(cells_to_bars(text)).split("\n")) if line]
    if not display:
        return []
    heads = [line[:_HEAD] for line in display]
    folded = [line.strip() for line in line_folded_lines("\n".join(heads)).split("\n")]
    if len(folded) != len(display):  # a fold that changed the line count: fall back, line by line
        folded = [line_folded(head) for head in heads]
    keys = list(map(str.strip, keys_of_folded_lines("\n".join(folded)).split("\n")))
    tokens = list(map(str.split, keys))
    words = [
        len(line_tokens) if len(line) <= _HEAD else len(line_tokens) + line.count(" ", _HEAD)
        for line, line_tokens in zip(display, tokens, strict=True)
    ]
    chrome = chrome_rules().match_lines(keys, folded, words)
    for index, line in enumerate(display):
        match = chrome[index]
        if match is not None and match.reason == "date_line" and "%" in line and _WORDS_BESIDE_PERCENT.search(line):
            chrome[index] = None  # ``• الأحد 17/10 (88.55-100%)``: a list's item, its day and its share
    for index, line in enumerate(display):
        if (
            chrome[index] is None
            and ("|" in line or " - " in line or " · " in line or " • " in line)
            and words[index] <= _MAX_META_WORDS
        ):
            chrome[index] = compound_meta(line)
    return list(map(_line, range(len(display)), display, keys, tokens, words, chrome))


_WORDS_BESIDE_PERCENT = compile_regex(r"\p{L}.*%")
_META_SEPARATOR = compile_regex(r"\s+[|·•]\s+|\s*\|\s*(?=\S)")
_META_REASONS = frozenset({"date_line", "share_widget", "print", "byline", "photo_caption", "weather"})


_MAX_META_WORDS = 14
_DASHED = compile_regex(r"\s+[-–—]\s+")
_SOURCE_FIELD = compile_regex(r"^\(?[^\d()|]{2,30}\)?$")
# A field that is a date by itself: a year, a time of day or a time ago (``منذ 45 دقيقة``), not a lone number.
_FULL_DATE = compile_regex(r"(?<!\d)(?:1[3-9]|20)\d\d(?!\d)|\d{1,2}:\d\d|^(?:منذ|قبل)\s")


def compound_meta(text: str) -> Match | None:
    """A line of meta fields side by side (`مشاهدات: 2,871 | مشاركات: 54`, `الثلاثاء 12 رمضان 1433
    هـ | العدد 4323`): chrome when every field is, for the reason of the first. Beside a date,
    a place or a source counts as a field too (`الدوحة | الجمعة 13 يوليو 2012 - 08:40`,
    `الرياض - (الضاد) - 10 أغسطس 2015`), and a dateline may carry its wire service
    (`صنعاء (الضاد) - خدمة الأخبار العربية`)."""
    fields = [field.strip() for field in _META_SEPARATOR.split(text) if field.strip()]
    matches = [chrome_rules().match(field) for field in fields]
    if len(fields) >= 2 and all(match is not None and match.reason in _META_REASONS for match in matches):
        return matches[0]
    return _dated_source_line(text)


def _dated_source_line(text: str) -> Match | None:
    from marsad.segment.templates import is_dateline  # templates reads lines: imported when first needed

    fields = [field.strip() for part in _META_SEPARATOR.split(text) for field in _DASHED.split(part) if field.strip()]
    if len(fields) < 2:
        return None
    matches = [chrome_rules().match(field) for field in fields]
    dated = [
        m
        for m, field in zip(matches, fields, strict=True)
        if m is not None and m.reason == "date_line" and _FULL_DATE.search(field)
    ]

    def source(field: str, match: Match | None) -> bool:
        if match is not None and match.reason in _META_REASONS:
            return True
        if field[-1:] in ":.؟!":
            return False  # ``3 - المعادن الثمينة.``: an item of a numbered list
        return is_dateline(field) or (len(field.split()) <= 3 and _SOURCE_FIELD.match(field) is not None)

    if dated and all(source(field, match) for field, match in zip(fields, matches, strict=True)):
        return dated[0]
    if is_dateline(fields[0]) and len(text.split()) <= 8 and all(len(f.split()) <= 4 for f in fields[1:]):
        return Match("byline", False)  # ``صنعاء (الضاد) - خدمة الأخبار العربية``
    return None
