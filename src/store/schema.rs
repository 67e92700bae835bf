//! The guest book's schema, as numbered migrations. `PRAGMA user_version` records how many have been applied.

/// Each entry moves the schema one version on; never edit a released entry, append a new one.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: guests, visits, recoveries with follow-ups, and the audit log. Times are UTC milliseconds since the epoch;
    // lists are JSON arrays of strings. A guest's search keys (folded text with pinyin) are computed when the guest
    // is written, with a mask of the characters they hold (first, so a scan can skip a guest cheaply); triggers keep
    // each guest's visit count and last visit, so search loads one table. Heads-ups pass between desks: "the guest
    // is on the way" from one station to another or to all, until one takes it.
    "CREATE TABLE guests (
        id          INTEGER PRIMARY KEY,
        search_mask INTEGER NOT NULL DEFAULT 0,
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        greeting    TEXT NOT NULL DEFAULT '',
        phone       TEXT NOT NULL DEFAULT '',
        email       TEXT NOT NULL DEFAULT '',
        birthday    TEXT,
        tags        TEXT NOT NULL DEFAULT '[]',
        allergies   TEXT NOT NULL DEFAULT '[]',
        preferences TEXT NOT NULL DEFAULT '[]',
        notes       TEXT NOT NULL DEFAULT '',
        notes_by    TEXT NOT NULL DEFAULT '',
        notes_at    INTEGER,
        name_key     TEXT NOT NULL DEFAULT '',
        greeting_key TEXT NOT NULL DEFAULT '',
        visit_count   INTEGER NOT NULL DEFAULT 0,
        last_visit_at INTEGER,
        version     INTEGER NOT NULL DEFAULT 1,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
    );
    CREATE TABLE visits (
        id         INTEGER PRIMARY KEY,
        guest_id   INTEGER NOT NULL REFERENCES guests(id) ON DELETE CASCADE,
        at         INTEGER NOT NULL,
        seat       TEXT NOT NULL DEFAULT '',
        items      TEXT NOT NULL DEFAULT '[]',
        party_size INTEGER,
        staff      TEXT NOT NULL DEFAULT '',
        note       TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX visits_by_guest ON visits (guest_id, at);
    CREATE TRIGGER visit_added AFTER INSERT ON visits BEGIN
        UPDATE guests SET visit_count = visit_count + 1, last_visit_at = max(coalesce(last_visit_at, NEW.at), NEW.at)
        WHERE id = NEW.guest_id;
    END;
    CREATE TRIGGER visit_removed AFTER DELETE ON visits BEGIN
        UPDATE guests SET visit_count = visit_count - 1,
                          last_visit_at = (SELECT max(at) FROM visits WHERE guest_id = OLD.guest_id)
        WHERE id = OLD.guest_id;
    END;
    CREATE TRIGGER visit_moved AFTER UPDATE OF guest_id, at ON visits BEGIN
        UPDATE guests SET visit_count = (SELECT count(*) FROM visits WHERE guest_id = guests.id),
                          last_visit_at = (SELECT max(at) FROM visits WHERE guest_id = guests.id)
        WHERE id IN (OLD.guest_id, NEW.guest_id);
    END;
    CREATE TABLE recoveries (
        id            INTEGER PRIMARY KEY,
        guest_id      INTEGER REFERENCES guests(id) ON DELETE SET NULL,
        opened_at     INTEGER NOT NULL,
        category      TEXT NOT NULL,
        what_happened TEXT NOT NULL DEFAULT '',
        action_taken  TEXT NOT NULL DEFAULT '',
        cost          REAL,
        resolved_at   INTEGER,
        staff         TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX recoveries_by_guest ON recoveries (guest_id, opened_at);
    CREATE INDEX recoveries_by_opened ON recoveries (opened_at);
    CREATE TABLE follow_ups (
        recovery_id INTEGER NOT NULL REFERENCES recoveries(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        task        TEXT NOT NULL,
        done        INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (recovery_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE audit_log (
        id       INTEGER PRIMARY KEY,
        at       INTEGER NOT NULL,
        staff    TEXT NOT NULL,
        action   TEXT NOT NULL,
        guest_id INTEGER,
        detail   TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_by_guest ON audit_log (guest_id, at);
    CREATE TABLE heads_ups (
        id            INTEGER PRIMARY KEY,
        guest_id      INTEGER NOT NULL REFERENCES guests(id) ON DELETE CASCADE,
        from_station  TEXT NOT NULL DEFAULT '',
        to_station    TEXT,
        note          TEXT NOT NULL DEFAULT '',
        sent_at       INTEGER NOT NULL,
        sent_by       TEXT NOT NULL DEFAULT '',
        taken_at      INTEGER,
        taken_by      TEXT,
        taken_station TEXT
    );
    CREATE INDEX heads_ups_by_time ON heads_ups (sent_at);",
];
