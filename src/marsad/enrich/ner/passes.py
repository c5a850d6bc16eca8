"""What happens to a tagged sentence of an article, in order.

The tagger reads one sentence at a time. A record's entities then go through the passes
below: `SENTENCE_PASSES` on each sentence alone, right after tagging; then the article's
names are collected (what the tagger found anywhere in it, and the shipped lists), and
`ARTICLE_PASSES` run on each sentence with those names in hand. Each pass is a small
function over one `TaggedSentence`, named with the data it reads, so that this list is
the one place to read what a record's tags go through. CoNLL output (`tag_tokens`) keeps
the tagger's own reading and skips them. After the passes, `find_entities` links short
forms to full names (`spans.link_short_forms`), drops one-word persons named once with
nothing vouching for them (`lone_names`) and adds the places inside organisations' names
(`nested_places`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from marsad.enrich.ner.adjective_places import drop_adjective_places, drop_trailing_nationalities
from marsad.enrich.ner.article import (
    Names,
    Tokens,
    complete_name_links,
    cut_tails,
    drop_god,
    first_words,
    mark_names,
    tidy_tags,
    trim_entities,
)
from marsad.enrich.ner.bylines import byline_outlets
from marsad.enrich.ner.coordinated_names import split_coordinated_bodies, split_coordinated_people, split_listed_people
from marsad.enrich.ner.facilities import mark_facilities
from marsad.enrich.ner.facility_phrases import mark_facility_phrases
from marsad.enrich.ner.generic_bodies import drop_bodies_by_nationality, drop_generic_bodies
from marsad.enrich.ner.organisation_adjectives import extend_organisations
from marsad.enrich.ner.organisation_phrases import mark_organisation_phrases
from marsad.enrich.ner.possessed_tails import cut_possessed_tails
from marsad.enrich.ner.quoted_names import mark_organisations, quoted_organisations
from marsad.enrich.ner.states import extend_states
from marsad.enrich.ner.surnames import extend_surnames
from marsad.enrich.ner.title_complements import split_governed_places, split_leading_places

__all__ = ["ARTICLE_PASSES", "SENTENCE_PASSES", "ArticleNames", "Pass", "TaggedSentence", "run_passes"]


@dataclass(slots=True)
class ArticleNames:
    """What the article-wide passes know: the name keys, and the names found or listed."""

    key: Callable[[str], str]  # the tagger's stem key
    name_key: Callable[[str], str]  # `article.name_key_for(key)`: keys that keep name letters
    word_counts: Mapping[str, int]  # the tagger's word counts (`Lexicons.counts`)
    listed: Names = field(default_factory=dict)  # the shipped lists: known entities, towns, institutions
    names: Names = field(default_factory=dict)  # the listed names and those the tagger found in the article
    listed_starts: dict[str, int] = field(default_factory=dict)  # `article.first_words` of each table
    starts: dict[str, int] = field(default_factory=dict)

    def use(self, listed: Names, listed_starts: dict[str, int], found: Names) -> None:
        """The article's tables, indexed once for every sentence's look-ups: the shipped lists
        (with their `first_words`, the same for every article), and those with the names the
        tagger `found` in the article (which win where both have one)."""
        self.listed, self.names = listed, {**listed, **found}
        self.listed_starts = listed_starts
        self.starts = dict(listed_starts)
        for word, size in first_words(found).items():
            if size > self.starts.get(word, 0):
                self.starts[word] = size


@dataclass(slots=True)
class TaggedSentence:
    """One sentence of an article: its tokens with their offsets, and its tags as the passes
    leave them. `fixed` holds the token ranges whose type the article's votes may not change
    (quoted and byline outlets)."""

    paragraph: int
    run: Tokens
    tags: list[str]
    opens_paragraph: bool = False
    fixed: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[str] = field(init=False)  # the run's words: every pass reads them, none changes them
    keys: list[str] | None = None  # their name keys (`ArticleNames.name_key`), once the article's passes start

    def __post_init__(self) -> None:
        self.tokens = [token for token, _, _ in self.run]


@dataclass(frozen=True, slots=True)
class Pass:
    name: str
    data: str  # what the pass reads besides the tags: a shipped file, or the words it is written for
    apply: Callable[[TaggedSentence, ArticleNames], None]


def _keys(s: TaggedSentence, names: ArticleNames) -> list[str]:
    """The sentence's name keys, found once for the passes that read every token's."""
    if s.keys is None:
        s.keys = [names.name_key(token) for token in s.tokens]
    return s.keys


def _tidy(s: TaggedSentence, _: ArticleNames) -> None:
    s.tags = tidy_tags(s.run, s.tags)


def _formulas(s: TaggedSentence, _: ArticleNames) -> None:
    s.tags = drop_god(s.run, s.tags)


def _trim(s: TaggedSentence, _: ArticleNames) -> None:
    s.tags = trim_entities(s.run, s.tags)


def _tails(s: TaggedSentence, _: ArticleNames) -> None:
    s.tags = cut_tails(s.run, s.tags)


def _name_links(s: TaggedSentence, _: ArticleNames) -> None:
    s.tags = complete_name_links(s.run, s.tags)


def _coordinated(s: TaggedSentence, _: ArticleNames) -> None:
    people = split_listed_people(s.tokens, split_coordinated_people(s.tokens, s.tags))
    s.tags = split_coordinated_bodies(s.tokens, people)


def _facilities(s: TaggedSentence, names: ArticleNames) -> None:
    s.tags = mark_facilities(s.tokens, s.tags, names.name_key, keys=_keys(s, names))


def _organisation_phrases(s: TaggedSentence, names: ArticleNames) -> None:
    s.tags = mark_organisation_phrases(s.tokens, s.tags, names.name_key, keys=_keys(s, names))


def _article_names(s: TaggedSentence, names: ArticleNames) -> None:
    # A listed name also replaces the pieces of it the tagger found (`لطيران المدني`);
    # the article's own names do not, or one mis-tagged span would spread its error.
    s.tags = mark_names(
        s.run,
        s.tags,
        names.names,
        names.key,
        widen=names.listed,
        starts=names.starts,
        widen_starts=names.listed_starts,
        keys=_keys(s, names),
    )


def _facility_phrases(s: TaggedSentence, names: ArticleNames) -> None:
    s.tags = mark_facility_phrases(s.tokens, s.tags, names.name_key, keys=_keys(s, names))


def _adjective_places(s: TaggedSentence, names: ArticleNames) -> None:
    keys = _keys(s, names)
    s.tags = drop_trailing_nationalities(keys, drop_adjective_places(keys, s.tags))


def _states(s: TaggedSentence, names: ArticleNames) -> None:
    s.tags = extend_states(s.tokens, s.tags, names.name_key)


def _organisation_adjectives(s: TaggedSentence, names: ArticleNames) -> None:
    s.tags = extend_organisations(s.tokens, s.tags, names.name_key, names.word_counts)


def _outlets(s: TaggedSentence, names: ArticleNames) -> None:
    # Quoted and byline outlets keep their type against the article's votes: `لـ«الرياض»`
    # is the newspaper, the other `الرياض` of the article the city.
    ranges = quoted_organisations(s.tokens, s.tags, names.name_key)
    if s.opens_paragraph:  # a paragraph's first sentence may open with a byline
        ranges += byline_outlets(s.tokens, s.tags)
    s.tags = mark_organisations(s.tags, ranges)
    s.fixed.extend(ranges)


def _governed_places(s: TaggedSentence, names: ArticleNames) -> None:
    s.tags = split_leading_places(
        s.tokens, split_governed_places(s.tokens, s.tags, names.name_key), names.name_key, names.names
    )


def _surnames(s: TaggedSentence, names: ArticleNames) -> None:
    s.tags = extend_surnames(s.tokens, s.tags, names.name_key)


def _possessed_tails(s: TaggedSentence, names: ArticleNames) -> None:
    s.tags = cut_possessed_tails(s.tokens, s.tags, names.name_key, names.names)


def _generic_bodies(s: TaggedSentence, names: ArticleNames) -> None:
    s.tags = drop_bodies_by_nationality(s.tokens, drop_generic_bodies(s.tokens, s.tags, names.name_key), names.name_key)


# Each sentence alone, as soon as it is tagged.
SENTENCE_PASSES: tuple[Pass, ...] = (
    Pass("tidy", "function words alone (`لي`, `فيه`); enrich/data/currencies.tsv after an amount", _tidy),
    Pass("formulas", "religious formulas: `الله`, `رحمه الله`, `صلى الله عليه وسلم`", _formulas),
    Pass("trim", "words no name opens with (`يا`, `بقلم`), formulas after a name", _trim),
    Pass("name links", "`بن`, `بنت`, `آل`, `عبد`, `أبو` joining two parts of a name", _name_links),
    Pass(
        "coordinated names",
        "`و` + a name the news writes alone (`جوارديولا وميسي`), a family name then another's `X بن Y`, `و` + a body's"
        " head (`... والصندوق العربي`): two",
        _coordinated,
    ),
    Pass("facilities", "models/ner/facilities.tsv: `مستشفى الملك فهد`, `مطار` + name", _facilities),
)

# Each sentence again, with the names of the whole article and the shipped lists.
ARTICLE_PASSES: tuple[Pass, ...] = (
    Pass(
        "article names",
        "names found anywhere in the article; models/ner/known_entities.tsv, places.tsv, institutions.tsv",
        _article_names,
    ),
    Pass(
        "organisation phrases",
        "institution heads (shipped_lists.HEADS and more) + the definite words they govern",
        _organisation_phrases,
    ),
    Pass(
        "facility phrases",
        "facility heads (`مطار`, `ملعب`, `استاد`, `سجن`, ...) + the name after them: `مطار دبي الدولي`",
        _facility_phrases,
    ),
    # A person's short form may be `الله` (from `عبد الله`), and the names pass marks it.
    Pass("formulas again", "religious formulas", _formulas),
    Pass("trim again", "words no name opens with, formulas after a name", _trim),
    Pass("states", "`جمهورية`, `مملكة`, `سلطنة`, `إمارة` before a country", _states),
    Pass(
        "organisation adjectives",
        "institution heads (shipped_lists.HEADS) and the tagger's word counts",
        _organisation_adjectives,
    ),
    Pass("outlets", "quoted names after `لـ` or an institution head; bylines (`الرياض - واس`)", _outlets),
    Pass(
        "governed places",
        "`حاكم` + a place + a person as one; a named place or body opening a person",
        _governed_places,
    ),
    Pass("surnames", "a one-word person + a word the news writes as a name (not in common_words.tsv)", _surnames),
    Pass(
        "generic bodies",
        "enrich/data/generic_bodies.txt: a head (`الوكالة`), `الإرهابي` alone; nationality_adjectives.txt",
        _generic_bodies,
    ),
    Pass("tails", "a preposition or a relative pronoun a name was run on into; `العام` before a word of time", _tails),
    Pass(
        "possessed tails", "a noun with its pronoun after a person the article names (`رانييري رضاه`)", _possessed_tails
    ),
    Pass(
        "adjective places",
        "`السعودية` after a definite word: the adjective (`الشركة السعودية`); a nationality closing a town's name"
        " (`ميلانو الإيطالية`): nationality_adjectives.txt, foreign_nationalities.txt",
        _adjective_places,
    ),
)


def run_passes(sentence: TaggedSentence, names: ArticleNames, passes: tuple[Pass, ...]) -> None:
    for step in passes:
        step.apply(sentence, names)
