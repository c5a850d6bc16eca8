"""One entity per person, place or organisation (#21): the rules on names we chose, then on
archives of both backends, where the index, an entity's page, the facets and the entity
filter all see one entity with every variant, and currencies are none."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from archive_state import cli_db, open_location

from marsad.records import Page, Record
from marsad.store.base import SearchFilters
from marsad.store.browse import ArchiveBrowser, open_read_only
from marsad.store.entity_identity import NOT_AN_ENTITY, KeyStats, merge_identities
from marsad.store.ingest import IngestOptions, ingest_pages
from marsad.store.rows import entity_key
from marsad.store.search import parse_query


def _stats(name: str, kind: str, records: int, written: str | None = None) -> KeyStats:
    return KeyStats(entity_key(name), records, Counter({kind: records}), Counter({written or name: records}))


def test_variants_nasab_prefixes_and_kinds_merge_and_currencies_are_out() -> None:
    found = merge_identities(
        [
            _stats("السعودية", "LOC", 300),
            _stats("المملكة العربية السعودية", "LOC", 120),
            _stats("سلمان بن عبد العزيز آل سعود", "PER", 80),
            _stats("سلمان بن عبدالعزيز", "PER", 60),
            _stats("محمد بن سلمان", "PER", 40),
            _stats("محمد بن سلمان بن عبد العزيز", "PER", 50),
            _stats("باراك أوباما", "PER", 70),
            _stats("أوباما", "PER", 90),
            _stats("تنظيم القاعدة", "ORG", 20),
            _stats("القاعدة", "ORG", 35),
            _stats("تنظيم الدولة", "ORG", 10),
            _stats("الدولة", "ORG", 30),
            _stats("دولار", "MISC", 200),
            _stats("الريال", "MISC", 50),
            _stats("العتيبي", "PER", 30),
            _stats("خالد العتيبي", "PER", 12),
            _stats("سامي العتيبي", "PER", 11),
            _stats("الشيخ راشد الغنوشي", "PER", 3),
            _stats("راشد الغنوشي", "PER", 9),
        ]
    )

    def same(a: str, b: str) -> bool:
        return found[entity_key(a)].identity == found[entity_key(b)].identity != NOT_AN_ENTITY

    assert same("السعودية", "المملكة العربية السعودية")
    assert found[entity_key("المملكة العربية السعودية")].name == "السعودية"  # the form written most
    assert same("سلمان بن عبدالعزيز", "سلمان بن عبد العزيز آل سعود")
    assert same("محمد بن سلمان", "محمد بن سلمان بن عبد العزيز")
    assert not same("محمد بن سلمان", "سلمان بن عبدالعزيز")
    assert same("أوباما", "باراك أوباما")
    assert same("تنظيم القاعدة", "القاعدة")
    # A common noun after an organisation's kind is no organisation's bare name.
    assert not same("تنظيم الدولة", "الدولة")
    # A family name two people share is nobody's short form.
    assert not same("العتيبي", "خالد العتيبي") and not same("العتيبي", "سامي العتيبي")
    # A title in front of a name of two words or more.
    assert same("الشيخ راشد الغنوشي", "راشد الغنوشي")
    assert found[entity_key("دولار")].identity == found[entity_key("الريال")].identity == NOT_AN_ENTITY


def _span(paragraph: str, text: str, kind: str, canonical: str | None = None) -> dict[str, object]:
    start = paragraph.index(text)
    return {
        "text": text,
        "type": kind,
        "canonical": canonical or text,
        "paragraph": 0,
        "start": start,
        "end": start + len(text),
    }


ARTICLES = [
    (
        "ksa-1",
        "الرياض",
        "أعلنت المملكة العربية السعودية عن صفقة بقيمة 500 مليون دولار مع شركة صينية.",
        [("المملكة العربية السعودية", "LOC"), ("دولار", "MISC")],
    ),
    (
        "ksa-2",
        "جدة",
        "قالت السعودية إن الصفقة تشمل بناء مصانع جديدة في جدة خلال عامين.",
        [("السعودية", "LOC"), ("جدة", "LOC")],
    ),
    (
        "ksa-3",
        "الرياض",
        "رحبت السعودية بالاتفاق، وأكد مسؤول في المملكة العربية السعودية أن المصانع ستوظف الآلاف.",
        [("السعودية", "LOC"), ("المملكة العربية السعودية", "LOC")],
    ),
    (
        "ksa-4",
        "جدة",
        "ارتفع الريال أمام الدولار بعد إعلان السعودية الصفقة.",
        [("الدولار", "MISC"), ("السعودية", "LOC")],
    ),
]


def _pages() -> list[Page]:
    return [
        Page(origin=f"{key}.txt", text=body, id=key, source=source, published=f"2024-05-0{n}")
        for n, (key, source, body, _) in enumerate(ARTICLES, 1)
    ]


def _extract(page: Page) -> list[Record]:
    _, _, body, names = next(item for item in ARTICLES if item[0] == page.id)
    entities = [_span(body, text, kind) for text, kind in names]
    return [
        Record(
            id=str(page.id),
            parent=None,
            source=page.source,
            url=None,
            published=page.published,
            category=None,
            title=f"خبر {page.id}",
            body=[body],
            entities=entities,
            origin=page.origin,
        )
    ]


def test_an_archive_shows_one_entity_with_every_name(new_location: Callable[[], str]) -> None:
    location = new_location()
    with open_location(location) as archive:
        ingest_pages(archive, _pages(), _extract, on_error=lambda e: None, options=IngestOptions(events=False))
    browser = ArchiveBrowser(lambda: open_read_only(cli_db(location)))
    try:
        index, total = browser.entity_index(kind=None, name=None, page=1, page_size=20)
        names = [(entity.name, entity.records) for entity in index]
        # Three records name the country one way or the other; ksa-3 names it both ways and counts once.
        assert ("السعودية", 4) in names and total == 2
        assert not any("دولار" in name or "المملكة" in name for name, _ in names)
        view = browser.entity("المملكة العربية السعودية")
        assert view is not None and view.name == "السعودية" and view.records == 4
        assert {text for text, _ in view.variants} == {"السعودية", "المملكة العربية السعودية"}
        assert browser.entity("دولار") is None
        # The entity filter and facet see every name of it.
        found = browser.search(None, SearchFilters(entity="السعودية"), sort="date", page=1, page_size=10)
        assert found.total == 4
        facet = browser.search(parse_query("الصفقة"), SearchFilters(), sort="date", page=1, page_size=10)
        assert dict(facet.facets["entity"].values)["السعودية"] == facet.total == 3
    finally:
        browser.close()


def test_the_search_command_finds_every_name_of_an_entity(new_location: Callable[[], str]) -> None:
    from click.testing import CliRunner

    from marsad.commands.search import search_command

    location = new_location()
    with open_location(location) as archive:
        ingest_pages(archive, _pages(), _extract, on_error=lambda e: None, options=IngestOptions(events=False))
    result = CliRunner().invoke(
        search_command, ["--entity", "المملكة العربية السعودية", "--db", cli_db(location), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 4


def test_an_events_people_and_places_are_counted_by_identity(new_location: Callable[[], str]) -> None:
    from marsad.store.browse_events import _event_entities

    location = new_location()
    with open_location(location) as archive:
        ingest_pages(archive, _pages(), _extract, on_error=lambda e: None, options=IngestOptions(events=False))
        rowids = [int(rowid) for (rowid,) in archive.fetch("SELECT rowid FROM records ORDER BY rowid")]
        found = _event_entities(archive, rowids)
    assert ("السعودية", "LOC", 4) in found
    assert not any("دولار" in name or name == "المملكة العربية السعودية" for name, _, _ in found)


def test_trends_name_each_key_by_its_entity_and_leave_currencies_out(new_location: Callable[[], str]) -> None:
    from marsad.store.trends import _identity_names

    location = new_location()
    with open_location(location) as archive:
        ingest_pages(archive, _pages(), _extract, on_error=lambda e: None, options=IngestOptions(events=False))
        found = _identity_names(archive, [entity_key("المملكة العربية السعودية"), entity_key("دولار")])
    assert found[entity_key("المملكة العربية السعودية")] == (entity_key("السعودية"), "السعودية")
    assert found[entity_key("دولار")] is None
