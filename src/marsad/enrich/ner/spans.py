"""From tagged tokens to entity spans on the text, and short forms to full names."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from typing import Any

from marsad.arabic.clitics import name_proclitics, news_count, restore_name_article
from marsad.arabic.normalize import fold_word
from marsad.enrich.ner.conll import entities
from marsad.enrich.ner.facility_phrases import FACILITY_HEADS
from marsad.enrich.ner.organisation_phrases import is_head
from marsad.given_names import given_names

Span = dict[str, Any]
_SHORTEST_AFTER_AND = 3  # `و` + two letters at least
_WRITTEN_OFTEN = 20


def and_then_name(token: str) -> bool:
    """`وروبي`: `و` and a name, where the whole is no given name (`وليد`, `وائل`) nor a word the news
    writes often or more often than the rest (`وسام`, `وجدي`)."""
    if len(token) <= _SHORTEST_AFTER_AND or fold_word(token) in given_names():
        return False
    whole = news_count(token)
    if whole >= _WRITTEN_OFTEN:
        return False
    rest = news_count(token[1:])
    if whole == rest == 0 and token[1:2] in _W_SOUNDS:
        return False  # `ويلموث`, `ويستفال`: a name the news writes nowhere, its W written with و
    return whole <= rest


# Particles no name opens with: after و they leave the W of a foreign name (`واين`, `وان`).
_PARTICLES = frozenset(fold_word(w) for w in ("أين", "أن", "إن", "ما", "من", "لا", "لن", "لم", "هل", "أي"))
# After a word-initial و, the letters that spell a foreign name's W-sound (`وي`, `وا`, `وو`).
_W_SOUNDS = frozenset("ياو")


def _joined_by_and(token: str, proclitics: str) -> bool:
    """`وروبي`, `والغامدي`: a listed name behind `و` alone, where the proclitics read off the word
    say nothing else, or say more than `و` before a given name (`وفراس` is `و` + `فراس`, not `وف` +
    `راس`; `ولإسرائيل` keeps its `ل` out)."""
    if token[:1] != "و" or (proclitics and fold_word(token[1:]) not in given_names()):
        return False
    return and_then_name(token) or token.startswith("وال")


def _opens_a_body(word: str) -> bool:
    return is_head(fold_word(word))


_SENTENCE_END = frozenset(".!?؟")


def sentences_of(tokens: Sequence[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """Sentence-sized runs of tokens: the model was trained on sentences."""
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for token in tokens:
        current.append(token)
        if token[0] in _SENTENCE_END:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def spans_from_tags(
    paragraph: str, tokens: Sequence[tuple[str, int, int]], tags: Sequence[str], index: int
) -> list[Span]:
    """Entity spans of one paragraph; the first token loses its proclitics."""
    spans: list[Span] = []
    previous_end = -1
    for kind, first, last in entities(tags):
        token, start, _ = tokens[first]
        end = tokens[last - 1][2]
        proclitics = name_proclitics(token)
        if kind == "ORG" and proclitics[-1:] in ("ب", "ل", "ك") and _opens_a_body(token[len(proclitics) - 1 :]):
            proclitics = proclitics[:-1]  # `بلدية جدة`: the head's own letter, not `ب` + `لدية`
        listed = first == previous_end or (first == previous_end + 1 and tokens[previous_end][0] in "،,")
        if listed and _joined_by_and(token, proclitics):
            proclitics = "و"  # `أرشافين وروبي كين وكيث أندروس`: names listed one after another
        elif kind == "PER" and proclitics == "و" and fold_word(token[1:]) in _PARTICLES:
            proclitics = ""  # `واين روني`: no name opens with a particle (`أين`), so the و is the name's W
        previous_end = last
        if proclitics and len(proclitics) < len(token):
            start += len(proclitics)
        text = paragraph[start:end]
        if not text.strip():
            continue
        canonical = restore_name_article(proclitics, text)
        spans.append(
            {
                "text": text,
                "type": kind,
                "canonical": canonical,
                "paragraph": index,
                "start": start,
                "end": end,
            }
        )
    return spans


# `عبد الله` and `عبدالله`, `أبو بكر` and `أبوبكر`: one name, written with or without the space
_JOINED_HEADS = frozenset(fold_word(w) for w in ("عبد", "أبو"))


def joined_heads(folded: list[str]) -> tuple[str, ...]:
    """A name's folded words with `عبد` and `أبو` joined to the word after them."""
    words: list[str] = []
    for word in folded:
        if words and words[-1] in _JOINED_HEADS:
            words[-1] += word
        else:
            words.append(word)
    return tuple(words)


def _words(name: str) -> tuple[str, ...]:
    return joined_heads(fold_word(name).split())


def _contains(long: tuple[str, ...], short: tuple[str, ...], person: bool = False) -> bool:
    """Whether `short` runs inside `long`; for a person, not right after `بن`, where a name is the
    father's, another person (`الملك عبد العزيز` is no short form of `فيصل بن عبدالعزيز`)."""
    n = len(short)
    return n < len(long) and any(
        long[i : i + n] == short and not (person and i and long[i - 1] in _LINEAGE) for i in range(len(long) - n + 1)
    )


_LINEAGE = frozenset(fold_word(w) for w in ("بن", "بنت", "ابن"))


def _lineage_left_out(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """`مازن بترجي` for `مازن بن محمد بترجي`: a given name and a family name, the lineage between
    them left out."""
    return len(short) == 2 < len(long) and long[0] == short[0] and long[-1] == short[1] and long[1] in _LINEAGE


def _facility(span: Span) -> bool:
    """`مطار دبي الدولي`: a facility holds a place's name, of which it is no fuller form."""
    first = span["canonical"].split()[:1]
    return span["type"] == "LOC" and bool(first) and fold_word(first[0]) in FACILITY_HEADS


def link_short_forms(spans: list[Span], fixed: Collection[tuple[int, int]] = ()) -> list[Span]:
    """Within one article: one type per name (the majority), and every short
    form's `canonical` set to the fullest name of that type that contains it
    word for word (`بايدن` → `جو بايدن`), every other form to the name's first
    spelling (`عبدالله النفيسي` after `عبد الله النفيسي`). Spans at `fixed`
    (paragraph, start) keep their type and cast no vote."""
    folded: dict[str, tuple[str, ...]] = {}

    def words_of(span: Span) -> tuple[str, ...]:
        canonical = span["canonical"]
        found = folded.get(canonical)
        if found is None:
            found = folded[canonical] = _words(canonical)
        return found

    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for span in spans:
        if (span["paragraph"], span["start"]) not in fixed:
            votes[words_of(span)][span["type"]] += 1
    for span in spans:
        vote = votes[words_of(span)]
        if vote and (span["paragraph"], span["start"]) not in fixed:
            span["type"] = vote.most_common(1)[0][0]
    fullest: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    first: dict[tuple[str, tuple[str, ...]], str] = {}  # the first spelling of each name
    facilities: set[tuple[str, ...]] = set()
    for span in spans:
        key = (span["type"], words_of(span))
        if key not in first:
            first[key] = span["canonical"]
            fullest[span["type"]].append((key[1], span["canonical"]))
            if _facility(span):
                facilities.add(key[1])
    for span in spans:
        words = words_of(span)
        # (`دبي` is no short form of `مطار دبي الدولي`; `مطار دبي` is)
        own = _facility(span)
        # A fuller form is longer: both tests below need that, so it is checked first.
        size = len(words)
        person = span["type"] == "PER"
        candidates = [
            (len(w), name)
            for w, name in fullest[span["type"]]
            if len(w) > size
            and (_contains(w, words, person) or (person and _lineage_left_out(w, words)))
            and (own or w not in facilities)
        ]
        if candidates:
            span["canonical"] = max(candidates, key=lambda c: c[0])[1]
        else:
            span["canonical"] = first[(span["type"], words)]
    return spans
