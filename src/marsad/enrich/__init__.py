"""Enrichment: entities, quotes, dates and quantities for every record."""

from __future__ import annotations

from marsad.records import Record


def enrich_record(record: Record) -> Record:
    """Fill the enrichment fields of `record` in place (and return it)."""
    return record
