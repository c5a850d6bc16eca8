"""Main content of an HTML page as plain text, one paragraph per line, plus its metadata.

resiliparse does the heavy lifting (it is several times faster than
trafilatura). Its main-content heuristics keep the article but also some
chrome; that is what we want here, because the Arabic line segmentation
downstream removes chrome with reasons, while a paragraph dropped here is lost
for good.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

from marsad.readers.html_meta import page_meta

_BLANK = regex.compile(r"^[\s\p{Cf}\p{Zs}]*$")
_SPACES = regex.compile(r"[\s\p{Zs}]+")
# Title comparison ignores punctuation, quote marks and spacing: sites decorate
# the on-page headline ("...", «...») differently from og:title.
_NOT_WORD = regex.compile(r"[\W_]+")
_TITLE_SEARCH_LINES = 12
_SITE_SUFFIX_CHARS = 30


@dataclass(frozen=True, slots=True)
class HtmlText:
    """Main text of a page (paragraphs separated by a blank line) and what the page says about itself."""

    text: str
    title: str | None = None
    published: str | None = None
    category: str | None = None
    url: str | None = None
    source: str | None = None


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


def html_to_text(html: str, *, url: str | None = None) -> HtmlText:
    """Main content and metadata of one HTML page; `url` is where it was fetched from, if known."""
    tree = HTMLTree.parse(html)
    # User comments are not the article; bullets and alt texts add words no reader saw as text.
    meta = page_meta(tree, url=url)
    extracted = extract_plain_text(
        tree,
        preserve_formatting=True,
        main_content=True,
        list_bullets=False,
        alt_texts=False,
        links=False,
        form_fields=False,
        noscript=False,
        comments=False,
    )
    paragraphs = paragraphs_of(str(extracted))
    paragraphs = drop_title_lines(paragraphs, meta.title)
    return HtmlText(
        text="\n\n".join(paragraphs),
        title=meta.title,
        published=meta.published,
        category=meta.category,
        url=meta.url,
        source=meta.source,
    )
