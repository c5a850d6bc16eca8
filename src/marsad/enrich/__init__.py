"""Enrichment: entities, quotes, dates and quantities for every record.

Each enricher reads the record's body paragraphs and returns spans whose
`paragraph`, `start` and `end` point back into that body.
"""

from __future__ import annotations

from marsad.records import Record


def enrich_record(record: Record) -> Record:
    """Fill the enrichment fields of `record` in place (and return it)."""
    from marsad.enrich.dates import find_dates
    from marsad.enrich.quantities import find_quantities
    from marsad.enrich.quotes import find_quotes

    paragraphs = record.body
    record.dates = find_dates(paragraphs, record.published)
    record.quantities = find_quantities(paragraphs)
    record.quotes = find_quotes(paragraphs, title=record.title)
    return record
