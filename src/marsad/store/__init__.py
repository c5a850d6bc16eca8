"""The archive: pages and records in SQLite (default) or PostgreSQL, with Arabic-aware search."""

from __future__ import annotations

from marsad.store.base import Archive, SearchFilters, SearchHit

__all__ = ["Archive", "SearchFilters", "SearchHit", "open_archive"]


def open_archive(location: str) -> Archive:
    """The archive at `location`: a `postgresql://` URL or a SQLite file path (created if missing)."""
    if location.startswith(("postgresql://", "postgres://")):
        from marsad.store.postgres import PostgresArchive

        return PostgresArchive(location)
    from marsad.store.sqlite import SQLiteArchive

    return SQLiteArchive(location)
