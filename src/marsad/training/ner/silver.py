"""Silver training sentences: news on which two different taggers agree.

The BiLSTM-CRF and the CRF make different mistakes (one reads vectors and
letters, the other sparse features), so a sentence both tag the same way,
with at least one entity in it, is right far more often than either alone.
Such sentences from the unlabeled news teach the network names and contexts
that ANERcorp (2003) never shows. Only sentences with an entity are kept:
the news has far more empty ones than ANERcorp, and they would teach the
network to tag less.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from marsad.enrich.ner.conll import Sentence
from marsad.enrich.ner.spans import sentences_of
from marsad.enrich.ner.tokens import tokenize

# Article text fields of the news collections in ../shared/data/news.
TEXT_FIELDS = ("text", "content")
MIN_TOKENS = 6
MAX_TOKENS = 60
BATCH = 2000


class Tagger(Protocol):
    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]: ...


def news_texts(paths: Iterable[Path]) -> Iterator[str]:
    """The article texts of the news collections (JSON Lines, gzip), in file order."""
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for number, raw in enumerate(handle, 1):
                try:
                    article = json.loads(raw)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}:{number}: not a JSON line ({error.msg})") from error
                if not isinstance(article, dict):
                    raise ValueError(f"{path}:{number}: not a JSON object")
                yield next((article[f] for f in TEXT_FIELDS if isinstance(article.get(f), str)), "")


def news_sentences(
    paths: Iterable[Path], every: int = 1, skip: Collection[str] = frozenset(), start: int = 0
) -> Iterator[list[str]]:
    """Token lists of the news articles' sentences, split as `find_entities` splits them: of every
    `every`-th article from the `start`-th, leaving out the paragraphs in `skip` (the evaluation
    sets' articles)."""
    for number, text in enumerate(news_texts(paths)):
        if number < start or (number - start) % every:
            continue
        for paragraph in text.split("\n"):
            if paragraph.strip() in skip:
                continue
            for run in sentences_of(tokenize(paragraph)):
                if MIN_TOKENS <= len(run) <= MAX_TOKENS:
                    yield [token for token, _, _ in run]


def tagged(sentences: Iterable[list[str]], tagger: Tagger, batch: int = 2000) -> Iterator[tuple[list[str], list[str]]]:
    """Each sentence with `tagger`'s tags, tagged `batch` sentences at a time (the network runs a
    batch per time step, so tagging many together costs far less than one by one)."""
    pending: list[list[str]] = []
    for tokens in sentences:
        pending.append(tokens)
        if len(pending) >= batch:
            yield from zip(pending, tagger.tag(pending), strict=True)
            pending = []
    if pending:
        yield from zip(pending, tagger.tag(pending), strict=True)


def agreeing(sentences: Iterable[list[str]], taggers: Sequence[Tagger], limit: int) -> Iterator[Sentence]:
    """Sentences every tagger tags alike, with at least one entity; at most `limit`."""
    kept = 0
    batch: list[list[str]] = []

    def flush() -> Iterator[Sentence]:
        nonlocal kept
        first, *others = [tagger.tag(batch) for tagger in taggers]
        for index, (tokens, tags) in enumerate(zip(batch, first, strict=True)):
            if kept < limit and any(t != "O" for t in tags) and all(o[index] == tags for o in others):
                kept += 1
                yield tokens, tags
        batch.clear()

    for tokens in sentences:
        batch.append(tokens)
        if len(batch) >= BATCH:
            yield from flush()
            if kept >= limit:
                return
    if batch:
        yield from flush()


def write_conll(sentences: Iterable[Sentence], path: Path) -> int:
    """Write `token tag` lines, a blank line after each sentence; the count written."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for tokens, tags in sentences:
            out.write("".join(f"{token} {tag}\n" for token, tag in zip(tokens, tags, strict=True)) + "\n")
            count += 1
    return count
