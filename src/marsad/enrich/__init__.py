"""Enrichment: entities, quotes, dates and quantities for every record.

Each enricher reads the record's body paragraphs and returns spans whose
`paragraph`, `start` and `end` point back into that body.
"""

from __future__ import annotations

from marsad.records import Record


def enrich_record(record: Record) -> Record:
    """Fill the enrichment fields of `record` in place (and return it)."""
    from marsad.enrich.dates import find_dates
    from marsad.enrich.ner import find_entities
    from marsad.enrich.quantities import find_quantities
    from marsad.enrich.quotes import find_quotes

    paragraphs = record.body
    record.entities = find_entities(paragraphs)
    record.dates = find_dates(paragraphs, record.published)
    record.quantities = find_quantities(paragraphs)
    # Speakers are people and organisations: the entities' fullest names help
    # the quote attribution pick and complete them.
    names = list(dict.fromkeys(e["canonical"] for e in record.entities if e["type"] in ("PER", "ORG")))
    record.quotes = find_quotes(paragraphs, title=record.title, names=names)
    return record
