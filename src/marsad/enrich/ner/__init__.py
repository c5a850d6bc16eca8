"""Arabic named entities: a CRF trained by our own script, shipped in the package.

`find_entities` gives the record's `entities` field; `tag_tokens` tags
pre-tokenized sentences (the `marsad tag --conll` path). The model loads
lazily, once per process, from `marsad/models/ner`.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.enrich.ner.model import shipped_model
from marsad.enrich.ner.spans import Span, link_short_forms, sentences_of, spans_from_tags
from marsad.enrich.ner.tokens import tokenize

__all__ = ["Span", "find_entities", "tag_tokens"]


def tag_tokens(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """IOB2 tags over PER, LOC, ORG, MISC for each token of each sentence."""
    return shipped_model().tag(sentences)


def find_entities(paragraphs: Sequence[str]) -> list[Span]:
    """Entity spans of one article's paragraphs, short forms linked to full names.

    Each span is `{text, type, canonical, paragraph, start, end}` with
    `paragraphs[paragraph][start:end] == text`; clitics stay outside the span.
    """
    model = shipped_model()
    spans: list[Span] = []
    for index, paragraph in enumerate(paragraphs):
        tokens = tokenize(paragraph)
        runs = sentences_of(tokens)
        tagged = model.tag([[t for t, _, _ in run] for run in runs])
        for run, tags in zip(runs, tagged, strict=True):
            spans.extend(spans_from_tags(paragraph, run, tags, index))
    return link_short_forms(spans)
