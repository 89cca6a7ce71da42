"""The store's schema as an ordered list of migrations.

``PRAGMA user_version`` holds the number of migrations applied. Opening a database applies the missing ones
in one transaction each, so a database written by an older wirecoder is upgraded in place and one written by
a newer wirecoder is refused rather than misread.
"""
from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: the initial schema
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        arguments TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        summary TEXT
    );
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        run_id INTEGER REFERENCES runs(id),
        origin TEXT NOT NULL,
        url TEXT,
        title TEXT,
        source TEXT,
        published TEXT,
        published_from TEXT,
        language TEXT,
        status TEXT NOT NULL CHECK (status IN ('coded', 'duplicate', 'failed')),
        duplicate_of TEXT,
        similarity REAL,
        error_code TEXT,
        error_message TEXT,
        text TEXT NOT NULL,
        record TEXT,
        minhash BLOB,
        stored_at TEXT NOT NULL
    );
    CREATE INDEX documents_doc_id ON documents(doc_id);
    CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        event_key TEXT NOT NULL,
        event_type TEXT,
        sub_event_type TEXT,
        date TEXT,
        date_end TEXT,
        country TEXT,
        background INTEGER NOT NULL DEFAULT 0,
        fatalities_best INTEGER,
        injured_best INTEGER,
        confidence REAL,
        data TEXT NOT NULL
    );
    CREATE INDEX events_document ON events(document_id);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_country ON events(country);
    CREATE INDEX events_type ON events(event_type, sub_event_type);
    CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('actor1', 'actor2', 'assoc')),
        name TEXT,
        kind TEXT,
        country TEXT,
        text TEXT,
        start INTEGER,
        "end" INTEGER
    );
    CREATE INDEX actors_event ON actors(event_id);
    CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
    CREATE TABLE places (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT, start INTEGER, "end" INTEGER, name TEXT, geonameid INTEGER,
        lat REAL, lon REAL, country TEXT, admin1 TEXT,
        feature_class TEXT, feature_code TEXT, geo_precision INTEGER
    );
    CREATE INDEX places_document ON places(document_id);
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        quote_key TEXT, speaker TEXT, speaker_role TEXT, cue TEXT,
        text TEXT, start INTEGER, "end" INTEGER, direct INTEGER
    );
    CREATE INDEX quotes_document ON quotes(document_id);
    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        field TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT
    );
    CREATE INDEX evidence_event ON evidence(event_id);
    CREATE TABLE failures (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES runs(id),
        origin TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        failed_at TEXT NOT NULL
    );
    CREATE INDEX failures_run ON failures(run_id);
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='id'
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
    END;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
    END;
    """,
    # incidents: reports (one per stored event) merged into incidents (docs/incidents.md, docs/store.md)
    """
    CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        incident_key TEXT NOT NULL UNIQUE,
        event_type TEXT, sub_event_type TEXT,
        date TEXT, date_end TEXT, date_sort TEXT NOT NULL,
        country TEXT, admin1 TEXT, location TEXT, lat REAL, lon REAL,
        fatalities_best INTEGER, injured_best INTEGER,
        number_of_sources INTEGER NOT NULL, number_of_reports INTEGER NOT NULL,
        first_reported TEXT, last_reported TEXT,
        background INTEGER NOT NULL DEFAULT 0,
        record TEXT NOT NULL,
        created_seq INTEGER NOT NULL, changed_seq INTEGER NOT NULL
    );
    CREATE INDEX incidents_date ON incidents(date_sort, incident_key);
    CREATE INDEX incidents_country ON incidents(country, date_sort);
    CREATE INDEX incidents_changed ON incidents(changed_seq);
    CREATE INDEX incidents_lat ON incidents(lat);
    CREATE TABLE reports (
        event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        report_key TEXT NOT NULL UNIQUE,
        report_ref TEXT NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        incident_id INTEGER REFERENCES incidents(id) ON DELETE SET NULL,
        component INTEGER NOT NULL,
        country TEXT, day_lo INTEGER, day_hi INTEGER,
        features TEXT NOT NULL
    );
    CREATE INDEX reports_block ON reports(country, day_lo);
    CREATE INDEX reports_incident ON reports(incident_id);
    CREATE INDEX reports_component ON reports(component);
    CREATE INDEX reports_ref ON reports(report_ref);
    CREATE INDEX reports_document ON reports(document_id);
    CREATE TABLE incident_log (
        seq INTEGER PRIMARY KEY,
        incident_key TEXT NOT NULL,
        change TEXT NOT NULL CHECK (change IN ('created', 'updated', 'removed')),
        figures_changed INTEGER NOT NULL,
        logged_at TEXT NOT NULL
    );
    CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO store_meta (key, value) SELECT 'incidents_stale', '1' WHERE EXISTS (SELECT 1 FROM events);
    """,
    # watch: the sources polled, the items they listed, the alerts owed (store/watch.py)
    """
    CREATE TABLE watch_sources (
        id INTEGER PRIMARY KEY,
        address TEXT NOT NULL UNIQUE,
        kind TEXT,
        etag TEXT,
        last_modified TEXT,
        polls INTEGER NOT NULL DEFAULT 0,
        failures INTEGER NOT NULL DEFAULT 0,
        last_polled_at TEXT,
        last_ok_at TEXT,
        next_poll_at TEXT,
        last_error_code TEXT,
        last_error TEXT
    );
    CREATE TABLE watch_items (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES watch_sources(id),
        item_key TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT,
        published TEXT,
        content TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error TEXT,
        first_seen_at TEXT NOT NULL,
        done_at TEXT,
        UNIQUE (source_id, item_key)
    );
    CREATE INDEX watch_items_status ON watch_items(status);
    CREATE TABLE watch_alerts (
        id INTEGER PRIMARY KEY,
        alert_id TEXT NOT NULL,
        sink TEXT NOT NULL,
        rule TEXT NOT NULL,
        incident_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        next_attempt_at TEXT NOT NULL,
        delivered_at TEXT,
        UNIQUE (alert_id, sink)
    );
    CREATE INDEX watch_alerts_status ON watch_alerts(status, next_attempt_at);
    CREATE TABLE watch_cursors (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    """,
    # reviews by analysts (the desk): an append-only log, the state it folds into per report or incident,
    # the API's write tokens (hashes only), and on each event the values the desk shows and filters on (the
    # coder's, or the reviewed ones), kept in step by triggers so that re-coding an article keeps its reviews
    """
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('report', 'incident')),
        target_key TEXT NOT NULL,
        document_id TEXT,
        event_key TEXT,
        incident_id TEXT,
        action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'correct')),
        field TEXT,
        old_value TEXT,
        new_value TEXT,
        reason TEXT,
        comment TEXT,
        reviewer TEXT NOT NULL,
        reviewed_at TEXT NOT NULL
    );
    CREATE INDEX reviews_target ON reviews(target_kind, target_key, id);
    CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN
        SELECT RAISE(ABORT, 'the review log is append-only');
    END;
    CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN
        SELECT RAISE(ABORT, 'the review log is append-only');
    END;
    CREATE TABLE review_state (
        target_kind TEXT NOT NULL,
        target_key TEXT NOT NULL,
        document_id TEXT,
        event_key TEXT,
        incident_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected', 'corrected')),
        event_type TEXT, sub_event_type TEXT, date TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL,
        fatalities INTEGER,
        state TEXT NOT NULL,
        PRIMARY KEY (target_kind, target_key)
    );
    CREATE INDEX review_state_report ON review_state(document_id, event_key);
    CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        note TEXT
    );
    ALTER TABLE events ADD COLUMN review_status TEXT;
    ALTER TABLE events ADD COLUMN shown_type TEXT;
    ALTER TABLE events ADD COLUMN shown_sub_type TEXT;
    ALTER TABLE events ADD COLUMN shown_date TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN shown_country TEXT;
    ALTER TABLE events ADD COLUMN shown_admin1 TEXT;
    ALTER TABLE events ADD COLUMN shown_lat REAL;
    ALTER TABLE events ADD COLUMN shown_lon REAL;
    ALTER TABLE events ADD COLUMN shown_fatalities INTEGER;
    UPDATE events SET
        shown_type = event_type, shown_sub_type = sub_event_type, shown_date = coalesce(date, ''), shown_country = country,
        shown_admin1 = json_extract(data, '$.location.admin1'), shown_lat = json_extract(data, '$.location.lat'), shown_lon = json_extract(data, '$.location.lon'), shown_fatalities = fatalities_best;
    -- covering indexes: pages, map points and weekly counts read the index alone (the rows hold big JSON)
    CREATE INDEX events_shown_date ON events(shown_date, id, review_status, background, shown_fatalities,
                                             shown_type, shown_lat, shown_lon);
    CREATE INDEX events_shown_fatalities ON events(coalesce(shown_fatalities, -1), id);
    CREATE INDEX events_shown_country ON events(shown_country, shown_date, id, review_status, background,
                                                shown_fatalities, shown_type, shown_lat, shown_lon);
    CREATE INDEX events_shown_type ON events(shown_type, review_status, background, shown_fatalities);
    CREATE INDEX events_review_status ON events(review_status);
    CREATE TRIGGER events_shown AFTER INSERT ON events BEGIN
        UPDATE events SET
        shown_type = new.event_type, shown_sub_type = new.sub_event_type, shown_date = coalesce(new.date, ''), shown_country = new.country,
        shown_admin1 = json_extract(new.data, '$.location.admin1'), shown_lat = json_extract(new.data, '$.location.lat'), shown_lon = json_extract(new.data, '$.location.lon'), shown_fatalities = new.fatalities_best
        WHERE id = new.id;
        UPDATE events SET review_status = rs.status,
        shown_type = coalesce(rs.event_type, events.event_type), shown_sub_type = coalesce(rs.sub_event_type, events.sub_event_type), shown_date = coalesce(coalesce(rs.date, events.date), ''), shown_country = coalesce(rs.country, events.country),
        shown_admin1 = coalesce(rs.admin1, json_extract(events.data, '$.location.admin1')), shown_lat = coalesce(rs.lat, json_extract(events.data, '$.location.lat')), shown_lon = coalesce(rs.lon, json_extract(events.data, '$.location.lon')), shown_fatalities = coalesce(rs.fatalities, events.fatalities_best)
        FROM review_state rs JOIN documents d ON d.doc_id = rs.document_id
        WHERE events.id = new.id AND d.id = new.document_id AND rs.target_kind = 'report'
        AND rs.event_key = new.event_key;
    END;
    CREATE TRIGGER review_state_insert AFTER INSERT ON review_state WHEN new.target_kind = 'report' BEGIN
        UPDATE events SET review_status = new.status,
        shown_type = coalesce(new.event_type, events.event_type), shown_sub_type = coalesce(new.sub_event_type, events.sub_event_type), shown_date = coalesce(coalesce(new.date, events.date), ''), shown_country = coalesce(new.country, events.country),
        shown_admin1 = coalesce(new.admin1, json_extract(events.data, '$.location.admin1')), shown_lat = coalesce(new.lat, json_extract(events.data, '$.location.lat')), shown_lon = coalesce(new.lon, json_extract(events.data, '$.location.lon')), shown_fatalities = coalesce(new.fatalities, events.fatalities_best)
        FROM documents d WHERE d.doc_id = new.document_id AND events.document_id = d.id
        AND events.event_key = new.event_key;
    END;
    CREATE TRIGGER review_state_update AFTER UPDATE ON review_state WHEN new.target_kind = 'report' BEGIN
        UPDATE events SET review_status = new.status,
        shown_type = coalesce(new.event_type, events.event_type), shown_sub_type = coalesce(new.sub_event_type, events.sub_event_type), shown_date = coalesce(coalesce(new.date, events.date), ''), shown_country = coalesce(new.country, events.country),
        shown_admin1 = coalesce(new.admin1, json_extract(events.data, '$.location.admin1')), shown_lat = coalesce(new.lat, json_extract(events.data, '$.location.lat')), shown_lon = coalesce(new.lon, json_extract(events.data, '$.location.lon')), shown_fatalities = coalesce(new.fatalities, events.fatalities_best)
        FROM documents d WHERE d.doc_id = new.document_id AND events.document_id = d.id
        AND events.event_key = new.event_key;
    END;
    """,
    # the store's generation: a number that every change the desk's reads can see raises (events, documents,
    # incidents and their reports, reviews), made in any process, so that a reader may keep the results of
    # reads until it moves (store/cache.py); reviews are append-only, so only their inserts count
    """
    CREATE TABLE store_generation (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL);
    INSERT INTO store_generation (id, generation) VALUES (1, 0);
    CREATE TRIGGER generation_events_insert AFTER INSERT ON events BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_events_update AFTER UPDATE ON events BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_events_delete AFTER DELETE ON events BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_documents_insert AFTER INSERT ON documents BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_documents_update AFTER UPDATE ON documents BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_documents_delete AFTER DELETE ON documents BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_incidents_insert AFTER INSERT ON incidents BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_incidents_update AFTER UPDATE ON incidents BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_incidents_delete AFTER DELETE ON incidents BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_reports_insert AFTER INSERT ON reports BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_reports_update AFTER UPDATE ON reports BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_reports_delete AFTER DELETE ON reports BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_reviews_insert AFTER INSERT ON reviews BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_review_state_insert AFTER INSERT ON review_state BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_review_state_update AFTER UPDATE ON review_state BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    CREATE TRIGGER generation_review_state_delete AFTER DELETE ON review_state BEGIN UPDATE store_generation SET generation = generation + 1 WHERE id = 1; END;
    """,
    # covering indexes for the desk's filters: a country's or a type's page, points and counts are read from the
    # index alone (the sub-type and the article are in it too; reading the rows, which hold the event's JSON,
    # cost 10-40 times more on 10^5 events)
    """
    DROP INDEX events_shown_date;
    DROP INDEX events_shown_country;
    CREATE INDEX events_shown_date ON events(shown_date, id, review_status, background, shown_fatalities, shown_type,
                                             shown_sub_type, shown_lat, shown_lon, shown_country, document_id);
    CREATE INDEX events_shown_country ON events(shown_country, shown_date, id, review_status, background,
                                                shown_fatalities, shown_type, shown_sub_type, shown_lat, shown_lon,
                                                document_id);
    """,
    # the desk's whole-store views kept cheap after every write (an ingest moves the store's generation twice a
    # second, and the page asks for them at every opening): each event's map point as the JSON the API sends,
    # stored in an index in the map's order (20,000 points: concatenated, not formatted, 48 -> 7 ms on 10^5
    # events); events and fatalities per shown day, review status and background, kept by triggers (weekly
    # counts of everything: 28 -> 1 ms); and the number of articles with events (the desk's summary)
    """
    ALTER TABLE events ADD COLUMN shown_point TEXT GENERATED ALWAYS AS (
        printf('[%d,%.5f,%.5f,%s,%s,%s]', id, shown_lat, shown_lon, json_quote(shown_type),
               coalesce(shown_fatalities, 'null'), json_quote(review_status))) VIRTUAL;
    CREATE INDEX events_points ON events(shown_date, id, review_status, background, shown_lat, shown_lon, shown_point);
    CREATE TABLE event_days (
        day TEXT NOT NULL,
        review_status TEXT NOT NULL,  -- '' when unreviewed
        background INTEGER NOT NULL,
        events INTEGER NOT NULL,
        fatalities INTEGER NOT NULL,
        PRIMARY KEY (day, review_status, background)
    ) WITHOUT ROWID;
    INSERT INTO event_days (day, review_status, background, events, fatalities)
        SELECT shown_date, coalesce(review_status, ''), background, count(*), coalesce(sum(shown_fatalities), 0)
        FROM events GROUP BY 1, 2, 3;
    CREATE TABLE desk_counts (id INTEGER PRIMARY KEY CHECK (id = 1), articles INTEGER NOT NULL);
    INSERT INTO desk_counts (id, articles) SELECT 1, count(DISTINCT document_id) FROM events;
    CREATE TRIGGER event_days_insert AFTER INSERT ON events BEGIN
        INSERT INTO event_days (day, review_status, background, events, fatalities)
        VALUES (new.shown_date, coalesce(new.review_status, ''), new.background, 1, coalesce(new.shown_fatalities, 0))
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
        UPDATE desk_counts SET articles = articles + 1 WHERE id = 1 AND NOT EXISTS (
            SELECT 1 FROM events WHERE document_id = new.document_id AND id != new.id);
    END;
    CREATE TRIGGER event_days_update AFTER UPDATE OF shown_date, review_status, background, shown_fatalities
    ON events BEGIN
        UPDATE event_days SET events = events - 1, fatalities = fatalities - coalesce(old.shown_fatalities, 0)
        WHERE day = old.shown_date AND review_status = coalesce(old.review_status, '') AND background = old.background;
        INSERT INTO event_days (day, review_status, background, events, fatalities)
        VALUES (new.shown_date, coalesce(new.review_status, ''), new.background, 1, coalesce(new.shown_fatalities, 0))
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
    END;
    CREATE TRIGGER event_days_delete AFTER DELETE ON events BEGIN
        UPDATE event_days SET events = events - 1, fatalities = fatalities - coalesce(old.shown_fatalities, 0)
        WHERE day = old.shown_date AND review_status = coalesce(old.review_status, '') AND background = old.background;
        UPDATE desk_counts SET articles = articles - 1 WHERE id = 1 AND NOT EXISTS (
            SELECT 1 FROM events WHERE document_id = old.document_id);
    END;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
