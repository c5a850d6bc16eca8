"""What an article says happened, as a weighted bag of features for grouping by event.

Two outlets writing their own story on one happening share its particulars,
not its wording: the people, places and organisations, the numbers, the day,
and the few content words of the headline and the first paragraph. So a
record's features are the search keys (clitics stripped, spellings folded) of
its title and lead, and its entities, quantities and dates as features of
their own. Weights by kind are set on the development gold
(`marsad eval events`); inverse document frequency, applied by the index,
makes the words every article uses count for little.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from dataclasses import dataclass

from marsad.arabic.normalize import fold_for_search
from marsad.arabic.search_terms import search_key
from marsad.cluster.facts import one_edit as _one_edit
from marsad.cluster.facts import text_facts
from marsad.cluster.minhash import folded_words
from marsad.published import iso_published
from marsad.records import Record
from marsad.startup_cache import compile_regex
from marsad.store.rows import entity_key

__all__ = ["EventFeatures", "conflict", "event_day", "event_features", "headline_speaker", "names_conflict"]

# The lead: where a news story says what happened. Later paragraphs add
# background, which different stories of one region share.
LEAD_WORDS = 60
LEAD_PARAGRAPHS = 3
TITLE_WEIGHT = 1.5
LEAD_WEIGHT = 1.0
ENTITY_WEIGHT = 1.5
# A ministry or an agency recurs across unrelated stories of a week (more so since the records name
# bodies by their head words, `ner/organisation_phrases.py`): half the weight of a person or a place.
ORGANISATION_WEIGHT = 0.75
NUMBER_WEIGHT = 1.5
# Keys this short are particles and pronouns the clitic stripping left.
_MIN_KEY = 3
_WORD = compile_regex(r"[\p{L}\p{M}\p{N}]+")
_ENTITY_TYPES = frozenset({"PER", "ORG", "LOC", "GPE", "FAC"})
# Organisations are left out of a headline's particulars: one ministry's decision is
# reported under the ministry's name by one outlet and under its minister's by another.
_HEADLINE_TYPES = frozenset({"PER", "LOC"})


@dataclass(frozen=True, slots=True)
class EventFeatures:
    """A record's day (proleptic ordinal), outlet and weighted features, with the people
    and places its headline names and those its headline and lead mention."""

    day: int
    source: str | None
    weights: dict[str, float]
    headline: frozenset[str] = frozenset()
    mentioned: frozenset[str] = frozenset()
    speaker: str | None = None

    def to_json(self) -> str:
        return json.dumps(
            {"w": self.weights, "h": sorted(self.headline), "m": sorted(self.mentioned), "s": self.speaker},
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, day: int, text: str) -> EventFeatures:
        data = json.loads(text)
        return cls(day, None, data["w"], frozenset(data["h"]), frozenset(data["m"]), data.get("s"))


def conflict(a: EventFeatures, b: EventFeatures) -> bool:
    """Whether the two report different happenings for all their shared words: a headline
    gives who speaks or acts (`أمير تبوك: ...`, `البحرين تدين ...`) and the other article
    never mentions them — two parties' condemnations of one attack; or each headline names
    a person, a place or a number the other article's headline and lead never mention —
    condolence cables to Bolivia and to Burkina Faso, soldiers killed on two fronts.
    Templated news shares its words, not its particulars."""
    if _speaker_missing(a, b) or _speaker_missing(b, a):
        return True
    return _names_missing(a.headline, b.mentioned) and _names_missing(b.headline, a.mentioned)


def names_conflict(a: EventFeatures, b: EventFeatures) -> bool:
    """`conflict` on the headlines' people and places alone: what tells a templated text from
    a repeat of one story, whose updates change its numbers but not its names."""
    return _names_missing(_names(a.headline), b.mentioned) and _names_missing(_names(b.headline), a.mentioned)


def _names(headline: frozenset[str]) -> frozenset[str]:
    return frozenset(name for name in headline if not name.isdigit())


def _speaker_missing(a: EventFeatures, b: EventFeatures) -> bool:
    """A headline that gives who speaks (``أمير تبوك: ...``) reports that speaker's statement;
    an article that never mentions the speaker reports something else."""
    return a.speaker is not None and not _mentions(b.mentioned, a.speaker)


def _names_missing(names: frozenset[str], words: frozenset[str]) -> bool:
    return any(not _mentions(words, name) for name in names)


def _mentions(words: frozenset[str], name: str) -> bool:
    """Whether every word of `name` is among `words`, with a clitic before it or one letter
    spelt otherwise (سوريا / سوريه)."""
    for part in name.split():
        if part in words:
            continue
        if not any(word.endswith(part) for word in words) and not (
            len(part) >= 4 and any(abs(len(word) - len(part)) <= 1 and _one_edit(word, part) for word in words)
        ):
            return False
    return True


def event_day(published: str | None, fallback: datetime.date) -> int:
    """The ordinal day a record was published, or `fallback` (the day it was stored) without one."""
    value = iso_published(published)
    if value is None:
        return fallback.toordinal()
    return datetime.date.fromisoformat(value[:10]).toordinal()


def _words(text: str, weight: float, limit: int | None, into: defaultdict[str, float]) -> int:
    taken = 0
    for word in _WORD.findall(text):
        if limit is not None and taken >= limit:
            break
        taken += 1
        key = search_key(word)
        if len(key) >= _MIN_KEY and not key.isdigit():
            into[key] += weight
        elif key.isdigit() and len(key) >= 2:
            # A number in the story (a death toll, a sum, a year) is a particular of it.
            into["#" + key] += NUMBER_WEIGHT
    return taken


# ``أمير تبوك: يد العدالة ستطال ...``, ``«رئيس الهيئات» يندد ...``: who speaks, before a colon
# or in quotation marks at the head of the headline.
_SPEAKER_HEAD = compile_regex(r"^\s*([^:：.!؟?]{2,40}?)\s*[:：]\s*\S")
_QUOTED_HEAD = compile_regex(r"^\s*[«\"“]([^»\"”]{2,30})[»\"”]\s+\S")
_MAX_SPEAKER_WORDS = 4


def headline_speaker(title: str | None) -> str | None:
    """The folded words of who a headline says speaks or acts, or None."""
    if not title:
        return None
    found = _SPEAKER_HEAD.match(title) or _QUOTED_HEAD.match(title)
    if found is not None:
        words = _without_tail(folded_words(found.group(1)))
        return " ".join(words) if 0 < len(words) <= _MAX_SPEAKER_WORDS else None
    return _actor_before_verb(title)


def _without_tail(words: list[str]) -> list[str]:
    """The speaker without what follows it: ``مجلس الأمن بالإجماع``, ``مدير الأمن العام لـ المدينة``
    (a prepositional phrase: a word from ب or ل with the article on)."""
    for index, word in enumerate(words[1:], start=1):
        if word.startswith(("بال", "لل")) or word in ("ل", "لـ"):
            return words[:index]
    return words


def _actor_before_verb(title: str) -> str | None:
    """``البحرين تدين التفجير ...``, ``أمير الباحة يزور المصابين``: the words before the
    headline's first verb of speaking or acting are who speaks or acts."""
    words = folded_words(title.split("..")[-1])
    for index, word in enumerate(words[: _MAX_SPEAKER_WORDS + 1]):
        if word in _ACTION_VERBS:
            return " ".join(words[:index]) if index else None
    return None


# Present-tense verbs news headlines put after who speaks or acts (folded; he, she, they two).
_ACTION_VERBS = frozenset(
    fold
    for stem in (
        "دين",
        "ستنكر",
        "ندد",
        "شجب",
        "عزي",
        "هنئ",
        "ستقبل",
        "لتقي",
        "بحث",
        "ؤكد",
        "طالب",
        "رحب",
        "زور",
        "فتتح",
        "دشن",
        "وجه",
        "علن",
        "كرم",
        "تلقى",
        "شيد",
        "صدر",
        "دعو",
        "حذر",
        "نفي",
        "قدم",
        "وقع",
        "رأس",
        "تفقد",
        "طلق",
        "عتمد",
        "كشف",
        "قف",
        "بعث",
        "نعى",
        "ثمن",
        "بارك",
        "شكر",
        "وافق",
        "قرر",
        "صف",
    )
    for person in ("ي", "ت")
    for fold in (fold_for_search(person + stem), fold_for_search(person + stem + "ان"))
)


def _headline_names(record: Record) -> frozenset[str]:
    """The people and places the headline names: words the gazetteer lists, and the names the
    tagger found in the article that the headline repeats."""
    title = folded_words(record.title or "")
    if not title:
        return frozenset()
    names = set(text_facts(title).names)
    words = frozenset(title)
    for entity in record.entities:
        if entity.get("type") in _HEADLINE_TYPES:
            name = " ".join(folded_words(str(entity.get("text") or "")))
            if name and _mentions(words, name):
                names.add(name)
    return frozenset(names)


def _in_lead(span: dict[str, object]) -> bool:
    paragraph = span.get("paragraph")
    return isinstance(paragraph, int) and paragraph < LEAD_PARAGRAPHS


def event_features(record: Record, fallback: datetime.date) -> EventFeatures:
    weights: defaultdict[str, float] = defaultdict(float)
    if record.title:
        _words(record.title, TITLE_WEIGHT, None, weights)
    left = LEAD_WORDS
    lead = []
    for paragraph in record.body[:LEAD_PARAGRAPHS]:
        if left <= 0:
            break
        lead.append(paragraph)
        left -= _words(paragraph, LEAD_WEIGHT, left, weights)
    for entity in record.entities:
        if entity.get("type") not in _ENTITY_TYPES:
            continue
        key = entity_key(str(entity.get("canonical") or entity.get("text") or ""))
        if key:
            weights["@" + key] = ORGANISATION_WEIGHT if entity.get("type") == "ORG" else ENTITY_WEIGHT
    for quantity in record.quantities:
        if _in_lead(quantity) and isinstance(quantity.get("value"), int | float):
            weights[f"#{quantity['value']:g}"] = NUMBER_WEIGHT
    for date in record.dates:
        value = date.get("value")
        if _in_lead(date) and isinstance(value, str) and len(value) == len("2015-08-10"):
            weights["~" + value] = NUMBER_WEIGHT
    headline = _headline_names(record)
    mentioned = frozenset(folded_words("\n".join([record.title or "", *lead])))
    # A number in the headline is a particular too: 531 violations in one region, 267 in another.
    headline |= {word for word in folded_words(record.title or "") if word.isdigit()}
    return EventFeatures(
        event_day(record.published, fallback),
        record.source,
        dict(weights),
        headline,
        mentioned,
        headline_speaker(record.title),
    )
