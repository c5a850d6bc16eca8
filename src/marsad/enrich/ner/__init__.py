"""Arabic named entities: a CRF trained by our own script, shipped in the package.

`find_entities` gives the record's `entities` field; `tag_tokens` tags
pre-tokenized sentences (the `marsad tag --conll` path). The model loads
lazily, once per process, from `marsad/models/ner`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from marsad.enrich.ner.article import (
    CONLL_WINDOW,
    Names,
    article_names,
    first_words,
    known_entities,
    name_key_for,
    propagate_in_windows,
)
from marsad.enrich.ner.lone_names import drop_lone_names
from marsad.enrich.ner.model import shipped_model
from marsad.enrich.ner.nested_places import places_inside_organisations
from marsad.enrich.ner.passes import ARTICLE_PASSES, SENTENCE_PASSES, ArticleNames, TaggedSentence, run_passes
from marsad.enrich.ner.shipped_lists import news_institutions, news_places
from marsad.enrich.ner.spans import Span, link_short_forms, sentences_of, spans_from_tags
from marsad.enrich.ner.tokens import tokenize
from marsad.enrich.ner.world_towns import world_places

__all__ = ["Span", "find_entities", "prefetch_tags", "tag_tokens"]

# Sentences tagged ahead of their article (`prefetch_tags`), consumed by `find_entities`,
# and the paragraphs' sentences as `prefetch_tags` split them (read, not changed, after).
_prefetched: dict[tuple[str, ...], list[str]] = {}
_split: dict[str, list[list[tuple[str, int, int]]]] = {}


def _sentences(paragraph: str) -> list[list[tuple[str, int, int]]]:
    found = _split.get(paragraph)
    return sentences_of(tokenize(paragraph)) if found is None else found


def prefetch_tags(articles: Sequence[Sequence[str]]) -> None:
    """Tag the sentences of several articles' paragraphs in one call, for `find_entities` to
    take when it reaches each article. The network runs a batch of sentences per time step
    whatever their article, so tagging many articles together costs about a third of tagging
    them one by one; the tags are the same (a batch never changes a sentence's tags)."""
    _prefetched.clear()
    _split.clear()
    for paragraphs in articles:
        for paragraph in paragraphs:
            if paragraph not in _split:
                _split[paragraph] = sentences_of(tokenize(paragraph))
    sentences = list(dict.fromkeys(tuple(token for token, _, _ in run) for runs in _split.values() for run in runs))
    if sentences:
        _prefetched.update(zip(sentences, shipped_model().tag([list(s) for s in sentences]), strict=True))


def _tags(sentences: list[list[str]]) -> list[list[str]]:
    """The tagger's tags of `sentences`: those prefetched, and the rest tagged now."""
    found = [_prefetched.pop(tuple(s), None) for s in sentences] if _prefetched else [None] * len(sentences)
    missing = [s for s, tags in zip(sentences, found, strict=True) if tags is None]
    fresh = iter(shipped_model().tag(missing) if missing else [])
    return [list(tags) if tags is not None else next(fresh) for tags in found]


def tag_tokens(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """IOB2 tags over PER, LOC, ORG, MISC for each token of each sentence.

    Names found in a sentence also mark their untagged repeats in the
    neighbouring sentences (a window of `CONLL_WINDOW`)."""
    model = shipped_model()
    return propagate_in_windows(sentences, model.tag(sentences), CONLL_WINDOW, model.extractor.stem_key)


@cache
def _listed() -> tuple[Names, dict[str, int]]:
    """The shipped lists every article's names are read with, and their `first_words`."""
    listed = {**world_places(), **news_places(), **news_institutions(), **known_entities()}
    return listed, first_words(listed)


def find_entities(paragraphs: Sequence[str]) -> list[Span]:
    """Entity spans of one article's paragraphs, short forms linked to full names.

    Each span is `{text, type, canonical, paragraph, start, end}` with
    `paragraphs[paragraph][start:end] == text`; clitics stay outside the span.
    """
    model = shipped_model()
    key = model.extractor.stem_key
    sentences: list[TaggedSentence] = []
    previous = -1
    for index, paragraph in enumerate(paragraphs):
        for run in _sentences(paragraph):
            sentences.append(TaggedSentence(index, run, [], opens_paragraph=index != previous))
            previous = index
    names = ArticleNames(key, name_key_for(key), model.extractor.lexicons.counts)
    for sentence, tags in zip(sentences, _tags([s.tokens for s in sentences]), strict=True):
        sentence.tags = tags
        run_passes(sentence, names, SENTENCE_PASSES)
    # What the tagger found anywhere in the article, then the curated list, then the towns
    # and institutions learned from the news, then the world's towns the news confirms, fill
    # the places where a sentence alone gave too little context.
    names.use(*_listed(), article_names([s.run for s in sentences], [s.tags for s in sentences], key))
    spans: list[Span] = []
    fixed: set[tuple[int, int]] = set()
    for sentence in sentences:
        run_passes(sentence, names, ARTICLE_PASSES)
        fixed.update((sentence.paragraph, sentence.run[start][1]) for start, _ in sentence.fixed)
        spans.extend(spans_from_tags(paragraphs[sentence.paragraph], sentence.run, sentence.tags, sentence.paragraph))
    linked = drop_lone_names(link_short_forms(spans, fixed=fixed), paragraphs)
    inside = places_inside_organisations(linked, names.names, names.name_key)
    return sorted(linked + inside, key=lambda span: (span["paragraph"], span["start"])) if inside else linked
