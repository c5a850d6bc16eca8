"""Arabic named entities: a CRF trained by our own script, shipped in the package.

`find_entities` gives the record's `entities` field; `tag_tokens` tags
pre-tokenized sentences (the `marsad tag --conll` path). The model loads
lazily, once per process, from `marsad/models/ner`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from marsad.enrich.ner.article import (
    CONLL_WINDOW,
    Tokens,
    article_names,
    complete_name_links,
    drop_god,
    known_entities,
    mark_names,
    name_key_for,
    propagate_in_windows,
    tidy_tags,
    trim_entities,
)
from marsad.enrich.ner.bylines import byline_outlets
from marsad.enrich.ner.facilities import mark_facilities
from marsad.enrich.ner.model import shipped_model
from marsad.enrich.ner.news_institutions import news_institutions
from marsad.enrich.ner.news_places import news_places
from marsad.enrich.ner.organisation_adjectives import extend_organisations
from marsad.enrich.ner.quoted_names import mark_organisations, quoted_organisations
from marsad.enrich.ner.spans import Span, link_short_forms, sentences_of, spans_from_tags
from marsad.enrich.ner.states import extend_states
from marsad.enrich.ner.tokens import tokenize

__all__ = ["Span", "find_entities", "tag_tokens"]


def tag_tokens(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """IOB2 tags over PER, LOC, ORG, MISC for each token of each sentence.

    Names found in a sentence also mark their untagged repeats in the
    neighbouring sentences (a window of `CONLL_WINDOW`)."""
    model = shipped_model()
    return propagate_in_windows(sentences, model.tag(sentences), CONLL_WINDOW, model.extractor.stem_key)


def _record_tags(run: Tokens, tags: list[str], name_key: Callable[[str], str]) -> list[str]:
    """The tagger's tags of one sentence with the corrections records get (CoNLL output
    keeps the tagger's reading): no `الله` formulas, no name ending on `بن`, facilities."""
    tags = complete_name_links(run, trim_entities(run, drop_god(run, tidy_tags(run, tags))))
    return mark_facilities([token for token, _, _ in run], tags, name_key)


def find_entities(paragraphs: Sequence[str]) -> list[Span]:
    """Entity spans of one article's paragraphs, short forms linked to full names.

    Each span is `{text, type, canonical, paragraph, start, end}` with
    `paragraphs[paragraph][start:end] == text`; clitics stay outside the span.
    """
    model = shipped_model()
    runs = [(index, run) for index, paragraph in enumerate(paragraphs) for run in sentences_of(tokenize(paragraph))]
    key = model.extractor.stem_key
    name_key = name_key_for(key)
    tagged = [
        _record_tags(run, tags, name_key)
        for (_, run), tags in zip(runs, model.tag([[t for t, _, _ in run] for _, run in runs]), strict=True)
    ]
    # What the tagger found anywhere in the article, then the curated list, then
    # the towns and institutions learned from the news fill the places where a
    # sentence alone gave too little context.
    listed = {**news_places(), **news_institutions(), **known_entities()}
    names = {**listed, **article_names([run for _, run in runs], tagged, key)}
    spans: list[Span] = []
    # Quoted and byline outlets keep their type against the article's votes: `لـ«الرياض»`
    # is the newspaper, the other `الرياض` of the article the city.
    fixed: set[tuple[int, int]] = set()
    previous = -1
    for (index, run), tags in zip(runs, tagged, strict=True):
        # A listed name also replaces the pieces of it the tagger found (`لطيران المدني`);
        # the article's own names do not, or one mis-tagged span would spread its error.
        tags = mark_names(run, tags, names, key, widen=listed)
        # Again: a person's short form may be `الله` (from `عبد الله`), and propagation marks it.
        tags = trim_entities(run, drop_god(run, tags))
        tokens = [token for token, _, _ in run]
        tags = extend_states(tokens, tags, name_key)
        tags = extend_organisations(tokens, tags, name_key, model.extractor.lexicons.counts)
        ranges = quoted_organisations(tokens, tags, name_key)
        if index != previous:  # a paragraph's first sentence may open with a byline
            ranges += byline_outlets(tokens, tags)
        previous = index
        tags = mark_organisations(tags, ranges)
        fixed.update((index, run[start][1]) for start, _ in ranges)
        spans.extend(spans_from_tags(paragraphs[index], run, tags, index))
    return link_short_forms(spans, fixed=fixed)
