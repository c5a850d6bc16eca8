"""Grouping records into events, on articles we wrote: the same happening in three
outlets' words is one event; templated cables to two countries, two officials' reactions
to one attack, and a like story a fortnight later are not."""

from __future__ import annotations

import datetime
from collections import defaultdict

import pytest
from event_samples import ARTICLES, page_for

from marsad.events.features import EventFeatures, conflict, event_features, headline_speaker
from marsad.events.index import EventIndex
from marsad.extraction import extract_page
from marsad.records import Record

STORED_ON = datetime.date(2024, 1, 1)


@pytest.fixture(scope="module")
def records() -> dict[str, Record]:
    return {key: extract_page(page_for(key))[0] for key in ARTICLES}


def _events(records: dict[str, Record], keys: list[str], **options: float) -> dict[str, set[str]]:
    index = EventIndex(**options)  # type: ignore[arg-type]
    found: dict[str, set[str]] = defaultdict(set)
    for number, key in enumerate(keys):
        assignment = index.add(number, key, event_features(records[key], STORED_ON))
        found[assignment.event].add(key)
    return found


def _together(events: dict[str, set[str]], a: str, b: str) -> bool:
    return any(a in members and b in members for members in events.values())


def test_one_happening_in_three_outlets_words_is_one_event(records: dict[str, Record]) -> None:
    events = _events(records, list(ARTICLES))
    assert _together(events, "fire-okaz", "fire-alyaum")
    assert _together(events, "fire-okaz", "fire-sabq")


def test_templated_cables_to_two_countries_are_two_events(records: dict[str, Record]) -> None:
    events = _events(records, list(ARTICLES))
    assert not _together(events, "cable-bolivia", "cable-burkina")
    bolivia = event_features(records["cable-bolivia"], STORED_ON)
    burkina = event_features(records["cable-burkina"], STORED_ON)
    assert conflict(bolivia, burkina)


def test_two_officials_reactions_to_one_attack_are_two_events(records: dict[str, Record]) -> None:
    events = _events(records, list(ARTICLES))
    assert not _together(events, "reaction-tabuk", "reaction-baha")
    assert headline_speaker(records["reaction-tabuk"].title) == "امير تبوك"
    assert headline_speaker("«رئيس الهيئات» يندد بالتفجير") == "رييس الهييات"  # folded
    assert headline_speaker("حريق يلتهم 40 محلا") is None
    # Who acts, before the headline's verb of speaking or acting.
    assert headline_speaker("البحرين تدين التفجير الإرهابي في عسير") == "البحرين"
    assert headline_speaker("بالصور..أمير عسير يزور مصابي التفجير") == "امير عسير"
    assert headline_speaker("خادم الحرمين ونائبه يهنئان رئيس بوليفيا") == "خادم الحرمين ونايبه"
    assert headline_speaker("يدين الجميع هذا العمل") is None


def test_a_like_story_outside_the_window_founds_its_own_event(records: dict[str, Record]) -> None:
    events = _events(records, list(ARTICLES))
    assert not _together(events, "fire-okaz", "fire-later")
    # Within the window the different count in the headline still keeps them apart.
    shifted = _events(records, ["fire-okaz", "fire-later"], window_days=30)
    assert not _together(shifted, "fire-okaz", "fire-later")


def test_a_repeat_joins_the_event_of_the_record_it_repeats(records: dict[str, Record]) -> None:
    day = STORED_ON.toordinal()
    index = EventIndex()
    first = index.add(1, "a", EventFeatures(day, "okaz", {"حريق": 1.0, "سوق": 1.0}))
    # Nothing in common but what the near-duplicate index found: the repeat still joins.
    joined = index.add(2, "b", EventFeatures(day, "sabq", {"نيران": 1.0, "محلات": 1.0}), near=1)
    assert first.founded and not joined.founded and joined.event == "a"
    # A near-duplicate whose headline names another country is a templated cable, not a repeat.
    cables = EventIndex()
    cables.add(1, "bolivia", event_features(records["cable-bolivia"], STORED_ON))
    burkina = cables.add(2, "burkina", event_features(records["cable-burkina"], STORED_ON), near=1)
    assert burkina.founded


def test_features_round_trip_through_their_stored_form(records: dict[str, Record]) -> None:
    features = event_features(records["fire-sabq"], STORED_ON)
    back = EventFeatures.from_json(features.day, features.to_json())
    assert back.weights == features.weights and back.headline == features.headline
    assert back.mentioned == features.mentioned and back.speaker == features.speaker
    assert features.day == datetime.date(2023, 3, 15).toordinal()
    assert features.speaker == "سرحان"
    assert "#40" in features.weights and any(name.startswith("@") for name in features.weights)


def test_a_record_without_a_date_counts_on_the_day_it_was_stored(records: dict[str, Record]) -> None:
    record = records["fire-okaz"]
    undated = Record(**{**{name: getattr(record, name) for name in record.__dataclass_fields__}, "published": None})
    assert event_features(undated, STORED_ON).day == STORED_ON.toordinal()


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        EventIndex(threshold=0.0)
    with pytest.raises(ValueError, match="window"):
        EventIndex(window_days=-1)
