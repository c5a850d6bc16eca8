"""Words of Arabic Wikipedia's names as NER features (`wiki_names`, the `wk=` features)."""

import pytest

import marsad.training.ner.wiki_names as wiki_module
from marsad.enrich.ner.features import FeatureConfig, FeatureExtractor, Lexicons
from marsad.training.ner.wiki_names import (
    MAX_NAMES_PER_WORD,
    WikiNamesMissing,
    name_words,
    package_dir,
    wiki_names,
    word_lists,
)


def test_name_words_fold_and_drop_the_disambiguation() -> None:
    assert name_words("ليمبورغ (بلجيكا)") == ["ليمبورغ"]
    assert name_words("مقاطعة أكوماك (فرجينيا)") == ["مقاطعه", "اكوماك"]
    assert name_words("سان-بطرسبورغ") == ["سان", "بطرسبورغ"]
    assert name_words("50 سنت") == ["سنت"]


def test_word_lists_mark_first_and_later_words_with_the_type() -> None:
    lists = word_lists([("آخن", "LOC"), ("نادي فرانكفورت", "ORG"), ("يهوذا الإسخريوطي", "PER")])
    assert lists["اخن"] == {"B-LOC"}
    assert lists["فرانكفورت"] == {"I-ORG"}
    assert lists["نادي"] == {"B-ORG"}
    assert lists["يهوذا"] == {"B-PER"} and lists["الاسخريوطي"] == {"I-PER"}


def test_heads_shared_by_many_names_are_left_out_but_names_standing_alone_stay() -> None:
    counties = [(f"مقاطعة {name}", "LOC") for name in ("أكوماك", "أدا", "أبفيل", "ألكونا", "أرينك", "أوغلايز")]
    towns = [(f"{prefix} لندن", "LOC") for prefix in ("شمال", "جنوب", "شرق", "غرب", "وسط", "مدينة")]
    titles = counties * 3 + towns * 3 + [("لندن", "LOC")]
    assert len(counties) * 3 > MAX_NAMES_PER_WORD
    lists = word_lists(titles)
    assert "مقاطعه" not in lists  # a head: in 18 names, never a name alone
    assert lists["لندن"] == {"B-LOC", "I-LOC"}  # in 19 names, and a name by itself
    assert lists["اكوماك"] == {"I-LOC"}


def test_particles_and_short_words_are_not_name_words() -> None:
    lists = word_lists([("جزيرة في البحر", "LOC"), ("أم درمان", "LOC")])
    assert "في" not in lists and "ام" not in lists
    assert lists["درمان"] == {"I-LOC"}


def test_the_features_fire_on_a_clitic_free_stem() -> None:
    lexicons = Lexicons(wiki={"بطرسبورغ": frozenset({"I-LOC"}), "فرانكفورت": frozenset({"B-LOC", "I-ORG"})})
    extractor = FeatureExtractor(lexicons, FeatureConfig(wiki=True))
    assert "wk=I-LOC" in extractor.own_features("بطرسبورغ")
    assert {"wk=B-LOC", "wk=I-ORG"} <= set(extractor.own_features("وفرانكفورت"))
    assert not any(f.startswith("wk=") for f in FeatureExtractor(lexicons, FeatureConfig()).own_features("بطرسبورغ"))


def test_the_installed_tables_name_world_places_clubs_and_people() -> None:
    # arwikicats is a dependency: its tables are read where it is installed, never imported.
    lists = wiki_names()
    assert len(lists) > 10_000
    assert "B-LOC" in lists["لندن"] and "B-LOC" in lists["باريس"]
    assert "I-PER" in lists["ميركل"]
    assert "مقاطعه" not in lists


def test_a_missing_package_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wiki_module, "PACKAGE", "ArWikiCatsNotInstalled")
    with pytest.raises(WikiNamesMissing, match="arwikicats"):
        package_dir()
