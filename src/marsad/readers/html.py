"""Main content of an HTML page as plain text, one paragraph per line, plus its metadata.

resiliparse does the heavy lifting (it is several times faster than
trafilatura). Its main-content heuristics keep the article but also some
chrome; that is what we want here, because the Arabic line segmentation
downstream removes chrome with reasons, while a paragraph dropped here is lost
for good.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

from marsad.errors import OverBudget
from marsad.readers.html_meta import page_meta
from marsad.startup_cache import compile_regex

_BLANK = compile_regex(r"^[\s\p{Cf}\p{Zs}]*$")
_SPACES = compile_regex(r"[\s\p{Zs}]+")
# Title comparison ignores punctuation, quote marks and spacing: sites decorate
# the on-page headline ("...", «...») differently from og:title.
_NOT_WORD = compile_regex(r"[\W_]+")
_TITLE_SEARCH_LINES = 12
_PROSE_WORDS = 20
_SENTENCE_END = compile_regex(r"[.!?؟…][\s\"'”»)]*$")
_ARABIC_CHAR = compile_regex(r"\p{Arabic}")
_SITE_SUFFIX_CHARS = 30

# Main-content extraction costs about the sum, over elements, of their depth (one C call that
# no timer can interrupt: 100,000 nested <div> run for many minutes), so that sum is capped
# before it starts: 50 million is about a second. Elements that browsers close by themselves
# or that hold nothing are not counted as opening a level.
MAX_NESTING = 512
MAX_ELEMENTS = 500_000
MAX_DEPTH_SUM = 50_000_000
_UNNESTED = "area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|option|dt|dd|td|th|tr"
_TAG = re.compile(rf"<(/?)(?!(?:{_UNNESTED})[\s/>])[a-zA-Z][^<>]*?(/?)>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlText:
    """Main text of a page (paragraphs separated by a blank line) and what the page says about itself."""

    text: str
    title: str | None = None
    published: str | None = None
    category: str | None = None
    url: str | None = None
    source: str | None = None
    site_name: str | None = None
    # Lines of the whole page that main-content extraction left out (menus,
    # footers, comment forms), so that every removed line can carry a reason.
    dropped: tuple[str, ...] = ()


def _title_key(text: str) -> str:
    return str(_NOT_WORD.sub(" ", text)).strip().casefold()


def paragraphs_of(extracted: str) -> list[str]:
    """Non-blank lines of an extraction, whitespace collapsed: one paragraph each."""
    lines = (_SPACES.sub(" ", line).strip() for line in extracted.splitlines())
    return [line for line in lines if line and not _BLANK.match(line)]


def drop_title_lines(paragraphs: list[str], title: str | None) -> list[str]:
    """Paragraphs without the headline, which pages repeat near the top of the article."""
    if not title:
        return paragraphs
    key = _title_key(title)
    if not key:
        return paragraphs
    head = [p for p in paragraphs[:_TITLE_SEARCH_LINES] if not _is_title_line(_title_key(p), key)]
    return head + paragraphs[_TITLE_SEARCH_LINES:]


def _is_title_line(line_key: str, title_key: str) -> bool:
    # The <title> text often shows up as a line too: the headline plus " - Site Name".
    if not line_key.startswith(title_key):
        return False
    return len(line_key) - len(title_key) <= _SITE_SUFFIX_CHARS


def _extract(tree: HTMLTree, *, main_content: bool) -> list[str]:
    # User comments are not the article; bullets and alt texts add words no reader saw as text.
    extracted = extract_plain_text(
        tree,
        preserve_formatting=True,
        main_content=main_content,
        list_bullets=False,
        alt_texts=False,
        links=False,
        form_fields=False,
        noscript=False,
        comments=False,
    )
    return paragraphs_of(str(extracted))


def is_prose(paragraph: str) -> bool:
    """A long Arabic paragraph ending a sentence: article text, not a menu or a headline link."""
    if not _SENTENCE_END.search(paragraph) or len(paragraph.split()) < _PROSE_WORDS:
        return False
    return len(_ARABIC_CHAR.findall(paragraph)) * 2 > len(paragraph)


def recover_prose(main: list[str], full: list[str]) -> list[str]:
    """`main` plus the prose paragraphs main-content extraction dropped, in page order.

    resiliparse drops whole blocks by class name (`sidebar`, `related`,
    `hidden`, ...), and some sites wrap the article itself in such a block.
    """
    pending = Counter(main)
    kept = set(main)
    merged: list[str] = []
    for paragraph in full:
        if pending[paragraph] > 0:
            pending[paragraph] -= 1
            merged.append(paragraph)
        elif paragraph not in kept and is_prose(paragraph):
            merged.append(paragraph)
    # If the two extractions disagree on the text itself, the order cannot be trusted.
    return merged if not +pending else main


def check_shape(html: str) -> None:
    """Raises `OverBudget` for markup too deep or too large for main-content extraction."""
    steps = [-1 if close else 0 if empty else 1 for close, empty in _TAG.findall(html)]
    if len(steps) > MAX_ELEMENTS:
        raise OverBudget(f"HTML with {len(steps):,} elements (the cap is {MAX_ELEMENTS:,})", stage="prepare")
    depths = list(itertools.accumulate(steps))
    if depths and min(depths) < 0:
        # Stray closing tags: a depth never goes below the document's top (a slower, exact pass).
        depths = list(itertools.accumulate(steps, lambda depth, step: max(depth + step, 0)))
    deepest = max(depths, default=0)
    if deepest > MAX_NESTING:
        raise OverBudget(f"HTML nested {deepest:,} elements deep (the cap is {MAX_NESTING})", stage="prepare")
    if sum(depths) > MAX_DEPTH_SUM:
        raise OverBudget(f"HTML too deeply nested for its size ({len(steps):,} elements)", stage="prepare")


def html_to_text(html: str, *, url: str | None = None) -> HtmlText:
    """Main content and metadata of one HTML page; `url` is where it was fetched from, if known.

    Raises `OverBudget` for markup that main-content extraction could not finish in time."""
    check_shape(html)
    tree = HTMLTree.parse(html)
    meta = page_meta(tree, url=url)
    full = _extract(tree, main_content=False)
    paragraphs = recover_prose(_extract(tree, main_content=True), full)
    kept = set(paragraphs)
    dropped = tuple(dict.fromkeys(line for line in full if line not in kept))
    paragraphs = drop_title_lines(paragraphs, meta.title)
    return HtmlText(
        dropped=dropped,
        text="\n\n".join(paragraphs),
        title=meta.title,
        published=meta.published,
        category=meta.category,
        url=meta.url,
        source=meta.source,
        site_name=meta.site_name,
    )
