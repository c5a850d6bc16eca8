"""Search queries: parsing the user's text, building each backend's full-text
expression from the parsed terms, and snippets highlighted on the original text.

The syntax is small: words (all must match), `"a phrase"`, `-word` or
`-"a phrase"` to exclude, and `OR` between two items. Every word goes through
the search analyzer, and the backend expression is built here with every term
quoted, so no user text ever reaches FTS5's or PostgreSQL's query parser.

A query's cost grows with its terms (each is ranked against every match: a
common word repeated 67 times took seconds), so a repeated word, phrase or
alternative counts once, and at most `MAX_QUERY_TERMS` different ones are searched.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from marsad.arabic.normalize import fold_for_search
from marsad.arabic.search_terms import marked_words, search_key
from marsad.errors import MarsadError
from marsad.startup_cache import compile_regex

__all__ = [
    "MAX_QUERY_TERMS",
    "Clause",
    "Query",
    "QuerySyntaxError",
    "QueryTooLarge",
    "fts5_expression",
    "make_snippet",
    "parse_query",
    "tsquery_clauses",
]


class QuerySyntaxError(MarsadError):
    """A query the user has to fix; the message says what and where, `arabic` says it to a reader
    of the web UI with the fix that fits."""

    def __init__(self, message: str, arabic: str) -> None:
        super().__init__(message)
        self.arabic = arabic


# Words and phrases (each alternative of an OR, each excluded item) in one query,
# repeats counted once: more than an analyst's query holds, few enough that the
# costliest query of common words stays within a few tenths of a second.
MAX_QUERY_TERMS = 16


class QueryTooLarge(QuerySyntaxError):
    """A query of more different words and phrases than are searched at once."""

    def __init__(self, terms: int) -> None:
        super().__init__(
            f"the query has {terms} different words and phrases; at most {MAX_QUERY_TERMS} are searched at once",
            f"في الاستعلام {terms} كلمة وعبارة مختلفة، ولا يُبحث بأكثر من {MAX_QUERY_TERMS} معًا: احذف بعضها.",
        )
        self.terms = terms


@dataclass(frozen=True, slots=True)
class Clause:
    """A word (one key) or a phrase (keys in order)."""

    keys: tuple[str, ...]
    phrase: bool = False


@dataclass(slots=True)
class Query:
    """Every group in `all_of` must match (a group matches when any of its clauses
    does); no clause of `none_of` may match."""

    text: str
    all_of: list[list[Clause]] = field(default_factory=list)
    none_of: list[Clause] = field(default_factory=list)

    def highlight_keys(self) -> set[str]:
        return {key for group in self.all_of for clause in group for key in clause.keys}


_ITEM = compile_regex(r'\s*(-?)(?:"([^"]*)("?)|(\S+))')
_STRAY_QUOTES = compile_regex(r'["\u201c\u201d\u00ab\u00bb]')


def _clause(text: str, phrase: bool, position: int) -> Clause | None:
    keys = tuple(key for key in (search_key(word) for word in regex.findall(r"[\p{L}\p{M}\p{N}]+", text)) if key)
    if not keys:
        if phrase:
            raise QuerySyntaxError(
                f"the phrase at character {position + 1} has no words to search for",
                f"العبارة بين علامتي التنصيص عند الحرف {position + 1} فارغة: اكتب فيها كلمة أو احذفها.",
            )
        return None
    return Clause(keys, phrase=phrase and len(keys) > 1)


def parse_query(text: str) -> Query:
    """Parse the user's query; raise `QuerySyntaxError` with a readable message if it is malformed."""
    # Arabic keyboards type « » and curly quotes; treat them as phrase quotes.
    normalized = _STRAY_QUOTES.sub('"', text)
    query = Query(text=text)
    pending_or = False
    position = 0
    while position < len(normalized):
        match = _ITEM.match(normalized, position)
        if match is None:
            break
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        position = match.end()
        negated = bool(match.group(1))
        if match.group(4) is not None:
            word = match.group(4)
            if word == "OR" and not negated:
                if pending_or or not query.all_of:
                    raise QuerySyntaxError(
                        f"OR at character {start + 1} needs an item on both sides",
                        f"كلمة OR عند الحرف {start + 1} تصل بين بديلين: ضع كلمة أو عبارة قبلها وبعدها.",
                    )
                pending_or = True
                continue
            clause = _clause(word, False, start)
            if clause is None:
                if negated and word == "-":
                    raise QuerySyntaxError(
                        f"'-' at character {start + 1} must be followed by a word or phrase",
                        f"علامة الاستبعاد (-) عند الحرف {start + 1} يجب أن تلتصق بالكلمة المستبعدة، مثل -الرياض.",
                    )
                continue
        else:
            if match.group(2) is None:
                continue
            if not match.group(3):
                raise QuerySyntaxError(
                    f"the quote at character {start + 1} is never closed",
                    f"علامة التنصيص عند الحرف {start + 1} لم تُغلق: أغلق العبارة بعلامة تنصيص ثانية.",
                )
            clause = _clause(match.group(2), True, start)
            if clause is None:
                continue
        if negated:
            if pending_or:
                raise QuerySyntaxError(
                    f"OR cannot join an excluded item (character {start + 1})",
                    f"لا تصل OR بين كلمة مستبعدة وغيرها (الحرف {start + 1}): احذف OR أو علامة الاستبعاد.",
                )
            query.none_of.append(clause)
        elif pending_or:
            query.all_of[-1].append(clause)
            pending_or = False
        else:
            query.all_of.append([clause])
    if pending_or:
        raise QuerySyntaxError(
            "the query ends with OR; put a word or phrase after it",
            "ينتهي الاستعلام بكلمة OR: أضف بعدها كلمة أو عبارة.",
        )
    if not query.all_of:
        if query.none_of:
            raise QuerySyntaxError(
                "a query cannot only exclude; add a word or phrase to look for",
                "لا يكفي الاستبعاد وحده: أضف كلمة أو عبارة يُبحث عنها.",
            )
        raise QuerySyntaxError(
            "the query has no words to search for", "لا كلمات في الاستعلام يُبحث عنها: اكتب كلمة أو عبارة."
        )
    _collapse(query)
    terms = sum(len(group) for group in query.all_of) + len(query.none_of)
    if terms > MAX_QUERY_TERMS:
        raise QueryTooLarge(terms)
    return query


def _collapse(query: Query) -> None:
    """Drop what cannot change the matches: a repeated clause, a repeated group, and a
    group of alternatives that holds every clause of another group (`a (a OR b)` is `a`)."""
    groups: list[list[Clause]] = []
    seen: set[frozenset[Clause]] = set()
    for group in query.all_of:
        unique = list(dict.fromkeys(group))
        if frozenset(unique) not in seen:
            seen.add(frozenset(unique))
            groups.append(unique)
    query.all_of = [group for group in groups if not any(other < frozenset(group) for other in seen)]
    query.none_of = list(dict.fromkeys(query.none_of))


# --- SQLite FTS5 ---------------------------------------------------------------


def _fts5_clause(clause: Clause) -> str:
    if clause.phrase:
        return '{title_keys body_keys} : "' + " ".join(clause.keys) + '"'
    return '{title_forms body_forms} : "' + clause.keys[0] + '"'


def fts5_expression(query: Query) -> str:
    """The FTS5 MATCH expression for `query` over the archive's analyzed columns."""
    groups = []
    for group in query.all_of:
        alternatives = [_fts5_clause(clause) for clause in group]
        groups.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
    expression = " AND ".join(groups)
    for clause in query.none_of:
        expression = f"({expression}) NOT {_fts5_clause(clause)}"
    return expression


# --- PostgreSQL ----------------------------------------------------------------


def tsquery_clauses(query: Query) -> tuple[list[list[tuple[str, str]]], list[tuple[str, str]]]:
    """For PostgreSQL: each clause as (column, tsquery text) with every lexeme quoted."""

    def one(clause: Clause) -> tuple[str, str]:
        if clause.phrase:
            return "keys_vec", " <-> ".join(f"'{key}'" for key in clause.keys)
        return "forms_vec", f"'{clause.keys[0]}'"

    return [[one(clause) for clause in group] for group in query.all_of], [one(c) for c in query.none_of]


# --- snippets ------------------------------------------------------------------

MARK_OPEN = "<mark>"
MARK_CLOSE = "</mark>"


def make_snippet(paragraphs: list[str], keys: set[str], words: int = 30) -> str:
    """A window of about `words` words of the original text around the densest
    matches, HTML-escaped, with matching words wrapped in <mark>...</mark>."""
    best: tuple[int, str, list[tuple[int, int, bool]], int] | None = None
    for paragraph in paragraphs:
        marked = marked_words(paragraph, keys)
        if not marked:
            continue
        hits = [i for i, span in enumerate(marked) if span[2]]
        if best is None:
            best = (0, paragraph, marked, 0)
        if not hits:
            continue
        # The window holding the most matches; two pointers over the match positions.
        count, first, low = 0, hits[0], 0
        for high, position in enumerate(hits):
            while position - hits[low] >= words:
                low += 1
            if high - low + 1 > count:
                count, first = high - low + 1, hits[low]
        if count > best[0]:
            best = (count, paragraph, marked, max(0, first - 3))
            if count >= words // 3:
                break
    if best is None:
        return ""
    _, paragraph, marked, first = best
    window = marked[first : first + words]
    start, end = window[0][0], window[-1][1]
    pieces = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end, hit in window:
        if hit:
            pieces.append(html.escape(paragraph[cursor:span_start], quote=False))
            pieces.append(MARK_OPEN + html.escape(paragraph[span_start:span_end], quote=False) + MARK_CLOSE)
            cursor = span_end
    pieces.append(html.escape(paragraph[cursor:end], quote=False))
    pieces.append("…" if end < len(paragraph.rstrip(".،؛!؟ ")) else "")
    return "".join(pieces)


_PASSAGE_WORDS = 45


def passage_snippet(body: list[str], title: str, keys: set[str]) -> str:
    """A highlighted snippet from the first passage likely to hold the query: one whose
    folded text contains a query key (a cheap test), else the first passage. Analyzing
    every word of a long article for each of twenty results is what is slow (issue #19:
    two likely passages instead of one cost a third of a query's time), and some
    sources put a whole article in one paragraph, hence passages of bounded length;
    they are cut and folded only until the likely one is found."""
    first: str | None = None
    for paragraph in body:
        for passage in _passages(paragraph):
            if first is None:
                first = passage
                if not keys:
                    break
            if any(key in fold_for_search(passage) for key in keys):
                return make_snippet([passage], keys)
        if first is not None and not keys:
            break
    return make_snippet([first] if first is not None else [title], keys)


def _passages(paragraph: str) -> Iterator[str]:
    words = paragraph.split()
    if len(words) <= _PASSAGE_WORDS:
        yield paragraph
        return
    for start in range(0, len(words), _PASSAGE_WORDS):
        yield " ".join(words[start : start + _PASSAGE_WORDS])
