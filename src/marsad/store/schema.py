"""The archive's tables, and the migrations that bring an older archive up to date.

Both backends share the logical schema; each has its own DDL because SQLite's
FTS5 table and PostgreSQL's `tsvector` column differ. A migration is a list of
statements keyed by the version it produces; `schema_version` records the
version an archive is at, so opening an archive applies only what is missing.
"""

from __future__ import annotations

SQLITE_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE sources (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        """CREATE TABLE pages (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            origin TEXT,
            url TEXT,
            source_id INTEGER REFERENCES sources(id),
            published TEXT,
            ingested_at TEXT NOT NULL
        )""",
        """CREATE TABLE records (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            parent TEXT,
            position INTEGER NOT NULL,
            source_id INTEGER REFERENCES sources(id),
            url TEXT,
            published TEXT,
            category TEXT,
            title TEXT,
            body TEXT NOT NULL,
            boilerplate TEXT NOT NULL,
            extra TEXT
        )""",
        "CREATE INDEX records_page ON records(page_id)",
        "CREATE INDEX records_published ON records(published)",
        "CREATE INDEX records_source ON records(source_id)",
        "CREATE INDEX records_category ON records(category)",
        """CREATE TABLE entities (
            record_rowid INTEGER NOT NULL REFERENCES records(rowid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT,
            type TEXT,
            canonical TEXT,
            match_key TEXT,
            paragraph INTEGER,
            start INTEGER,
            "end" INTEGER,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX entities_record ON entities(record_rowid)",
        "CREATE INDEX entities_key ON entities(match_key)",
        """CREATE TABLE quotes (
            record_rowid INTEGER NOT NULL REFERENCES records(rowid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            speaker TEXT,
            text TEXT,
            cue TEXT,
            direct INTEGER,
            paragraph INTEGER,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX quotes_record ON quotes(record_rowid)",
        """CREATE TABLE dates (
            record_rowid INTEGER NOT NULL REFERENCES records(rowid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT,
            value TEXT,
            kind TEXT,
            paragraph INTEGER,
            start INTEGER,
            "end" INTEGER,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX dates_record ON dates(record_rowid)",
        """CREATE TABLE quantities (
            record_rowid INTEGER NOT NULL REFERENCES records(rowid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT,
            value REAL,
            unit TEXT,
            paragraph INTEGER,
            start INTEGER,
            "end" INTEGER,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX quantities_record ON quantities(record_rowid)",
        """CREATE TABLE clusters (
            id TEXT PRIMARY KEY,
            representative INTEGER NOT NULL REFERENCES records(rowid)
        )""",
        """CREATE TABLE cluster_members (
            record_rowid INTEGER PRIMARY KEY REFERENCES records(rowid) ON DELETE CASCADE,
            cluster_id TEXT NOT NULL REFERENCES clusters(id),
            similarity REAL NOT NULL
        )""",
        "CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id)",
        """CREATE TABLE signatures (
            record_rowid INTEGER PRIMARY KEY REFERENCES records(rowid) ON DELETE CASCADE,
            text_hash TEXT NOT NULL,
            signature BLOB NOT NULL
        )""",
        "CREATE INDEX signatures_hash ON signatures(text_hash)",
        # Indexed: search_terms output, never the original text. `*_forms` has
        # every form of every word (word queries), `*_keys` one key per word in
        # order (phrase queries). Contentless: the terms are recomputed from
        # `records` to delete a row, which halves the file.
        """CREATE VIRTUAL TABLE records_fts USING fts5(
            title_forms, body_forms, title_keys, body_keys,
            content = '', tokenize = "unicode61 remove_diacritics 0"
        )""",
        # `analyzer`: the search_terms fingerprint the index was built with.
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
}

# Version 2: indexes for the web UI's read side (marsad.store.browse). Covering
# indexes let an entity page, a facet or a cluster list be answered from the
# index alone, without reading the tables' rows.
_BROWSE_INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS entities_key_record ON entities(match_key, record_rowid, canonical, type, text)",
    "CREATE INDEX IF NOT EXISTS entities_record_key ON entities(record_rowid, match_key, canonical, type)",
    "CREATE INDEX IF NOT EXISTS entities_text ON entities(text)",
    "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker)",
    "CREATE INDEX IF NOT EXISTS records_parent ON records(parent)",
    "CREATE INDEX IF NOT EXISTS cluster_members_cluster_record ON cluster_members(cluster_id, record_rowid)",
)

SQLITE_MIGRATIONS[2] = _BROWSE_INDEXES

# Version 3: entity keys join ``عبد`` to the ``ال`` name after it (`rows.entity_key`),
# so that ``عبد العزيز`` and ``عبدالعزيز`` are one entity. Plain SQL both backends share.
_JOINED_ABD: tuple[str, ...] = (
    "UPDATE entities SET match_key = substr(replace(' ' || match_key, ' عبد ال', ' عبدال'), 2) "
    "WHERE ' ' || match_key LIKE '% عبد ال%'",
)
SQLITE_MIGRATIONS[3] = _JOINED_ABD


def _event_members(rowid: str, real: str) -> tuple[str, ...]:
    """Version 4: each record's event (marsad.events), with what the event index needs
    to load the window around a new record without reading the records themselves:
    the day, the outlet and the record's features (JSON)."""
    return (
        f"""CREATE TABLE event_members (
            record_rowid {rowid} PRIMARY KEY REFERENCES records(rowid) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            day TEXT NOT NULL,
            source_id {rowid},
            score {real} NOT NULL,
            features TEXT NOT NULL
        )""",
        "CREATE INDEX event_members_event ON event_members(event_id, day, record_rowid)",
        "CREATE INDEX event_members_day ON event_members(day, event_id)",
    )


SQLITE_MIGRATIONS[4] = _event_members("INTEGER", "REAL")

# Version 5: articles per day, outlet and name or headline word (marsad.store.day_keys), for trends.
# An outlet-less record counts under source 0: NULLs never collide in a primary key.
_DAY_KEYS: tuple[str, ...] = (
    """CREATE TABLE day_keys (
        day TEXT NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        source_id BIGINT NOT NULL,
        articles INTEGER NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (day, kind, key, source_id)
    )""",
    "CREATE INDEX day_keys_key ON day_keys(key, day)",
)
SQLITE_MIGRATIONS[5] = _DAY_KEYS

# Version 6: every entity key's identity (marsad.store.entity_identity), rebuilt after each ingest.
_ENTITY_IDENTITIES: tuple[str, ...] = (
    """CREATE TABLE entity_identities (
        match_key TEXT PRIMARY KEY,
        identity TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        records INTEGER NOT NULL
    )""",
    "CREATE INDEX entity_identities_identity ON entity_identities(identity, match_key)",
    "CREATE INDEX entity_identities_records ON entity_identities(records)",
    # How each source is shown (`okaz` -> `عكاظ`), from `marsad ingest --source-names FILE`.
    "CREATE TABLE source_names (name TEXT PRIMARY KEY, display TEXT NOT NULL)",
)
SQLITE_MIGRATIONS[6] = _ENTITY_IDENTITIES


def _event_states(real: str) -> tuple[str, ...]:
    """Version 7: what a later ingest needs of the stored events (issue #19), so that it
    reads the window's events, not every member of them: each event's days, size,
    centroid (JSON) and squared norm, and how many stored records have each feature.
    An archive with events stored before this version has them rebuilt from its members
    once (`events.archive`); one without any is complete at once."""
    return (
        f"""CREATE TABLE event_states (
            event_id TEXT PRIMARY KEY,
            first_day TEXT NOT NULL,
            last_day TEXT NOT NULL,
            members INTEGER NOT NULL,
            norm2 {real} NOT NULL,
            centroid TEXT NOT NULL
        )""",
        "CREATE INDEX event_states_days ON event_states(last_day, first_day)",
        "CREATE TABLE event_frequencies (feature TEXT PRIMARY KEY, documents INTEGER NOT NULL)",
        "INSERT INTO meta(key, value) SELECT 'event_states', '1' WHERE NOT EXISTS (SELECT 1 FROM event_members)",
    )


SQLITE_MIGRATIONS[7] = _event_states("REAL")


def _signature_bands(rowid: str, table_options: str) -> tuple[str, ...]:
    """Version 8: the LSH band keys of every stored signature (`cluster.bands.stored_band_keys`),
    so that an ingest looks up the stored texts sharing a band with a new one instead of
    banding every stored signature in memory (issue #19). An archive with signatures stored
    before this version has the keys written once, by the first ingest that needs them
    (`meta.signature_bands` names the banding they were written with)."""
    return (
        f"""CREATE TABLE signature_bands (
            band_key BIGINT NOT NULL,
            record_rowid {rowid} NOT NULL REFERENCES records(rowid) ON DELETE CASCADE,
            PRIMARY KEY (band_key, record_rowid)
        ){table_options}""",
        "CREATE INDEX signature_bands_record ON signature_bands(record_rowid)",
    )


SQLITE_MIGRATIONS[8] = _signature_bands("INTEGER", " WITHOUT ROWID")

SQLITE_VERSION = max(SQLITE_MIGRATIONS)


POSTGRES_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE sources (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        """CREATE TABLE pages (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            origin TEXT,
            url TEXT,
            source_id BIGINT REFERENCES sources(id),
            published TEXT,
            ingested_at TEXT NOT NULL
        )""",
        """CREATE TABLE records (
            rowid BIGSERIAL PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            parent TEXT,
            position INTEGER NOT NULL,
            source_id BIGINT REFERENCES sources(id),
            url TEXT,
            published TEXT,
            category TEXT,
            title TEXT,
            body TEXT NOT NULL,
            boilerplate TEXT NOT NULL,
            extra TEXT,
            forms_vec TSVECTOR NOT NULL,
            keys_vec TSVECTOR NOT NULL
        )""",
        "CREATE INDEX records_page ON records(page_id)",
        "CREATE INDEX records_published ON records(published)",
        "CREATE INDEX records_source ON records(source_id)",
        "CREATE INDEX records_category ON records(category)",
        # Built by marsad from search_terms output (see postgres.py), never by a
        # PostgreSQL text search configuration, so both backends match alike.
        # Ranking reads every matching row's tsvectors; uncompressed out-of-line
        # storage makes that about three times faster than the default.
        "ALTER TABLE records ALTER COLUMN forms_vec SET STORAGE EXTERNAL",
        "ALTER TABLE records ALTER COLUMN keys_vec SET STORAGE EXTERNAL",
        "CREATE INDEX records_forms ON records USING GIN (forms_vec)",
        "CREATE INDEX records_keys ON records USING GIN (keys_vec)",
        """CREATE TABLE entities (
            record_rowid BIGINT NOT NULL REFERENCES records(rowid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT, type TEXT, canonical TEXT, match_key TEXT,
            paragraph INTEGER, start INTEGER, "end" INTEGER, data TEXT NOT NULL
        )""",
        "CREATE INDEX entities_record ON entities(record_rowid)",
        "CREATE INDEX entities_key ON entities(match_key)",
        """CREATE TABLE quotes (
            record_rowid BIGINT NOT NULL REFERENCES records(rowid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            speaker TEXT, text TEXT, cue TEXT, direct BOOLEAN, paragraph INTEGER, data TEXT NOT NULL
        )""",
        "CREATE INDEX quotes_record ON quotes(record_rowid)",
        """CREATE TABLE dates (
            record_rowid BIGINT NOT NULL REFERENCES records(rowid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT, value TEXT, kind TEXT, paragraph INTEGER, start INTEGER, "end" INTEGER,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX dates_record ON dates(record_rowid)",
        """CREATE TABLE quantities (
            record_rowid BIGINT NOT NULL REFERENCES records(rowid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT, value DOUBLE PRECISION, unit TEXT, paragraph INTEGER, start INTEGER, "end" INTEGER,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX quantities_record ON quantities(record_rowid)",
        """CREATE TABLE clusters (
            id TEXT PRIMARY KEY,
            representative BIGINT NOT NULL REFERENCES records(rowid)
        )""",
        """CREATE TABLE cluster_members (
            record_rowid BIGINT PRIMARY KEY REFERENCES records(rowid) ON DELETE CASCADE,
            cluster_id TEXT NOT NULL REFERENCES clusters(id),
            similarity DOUBLE PRECISION NOT NULL
        )""",
        "CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id)",
        """CREATE TABLE signatures (
            record_rowid BIGINT PRIMARY KEY REFERENCES records(rowid) ON DELETE CASCADE,
            text_hash TEXT NOT NULL,
            signature BYTEA NOT NULL
        )""",
        "CREATE INDEX signatures_hash ON signatures(text_hash)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
}

POSTGRES_MIGRATIONS[2] = _BROWSE_INDEXES
POSTGRES_MIGRATIONS[3] = _JOINED_ABD
POSTGRES_MIGRATIONS[4] = _event_members("BIGINT", "DOUBLE PRECISION")
POSTGRES_MIGRATIONS[5] = _DAY_KEYS
POSTGRES_MIGRATIONS[6] = _ENTITY_IDENTITIES
POSTGRES_MIGRATIONS[7] = _event_states("DOUBLE PRECISION")
POSTGRES_MIGRATIONS[8] = _signature_bands("BIGINT", "")

POSTGRES_VERSION = max(POSTGRES_MIGRATIONS)
