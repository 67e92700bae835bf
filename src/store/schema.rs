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
    // 2: ids are never reused, so the audit log's "visit 12" names one visit for ever (without AUTOINCREMENT,
    // SQLite hands out the highest id again once its row is deleted, as an undo does). The tables are rebuilt with
    // AUTOINCREMENT (run with foreign keys off, checked before commit), each counter starting above every id the
    // table or the audit log has ever named. Stations record every desk that has opened the book, so a heads-up to a
    // misspelt one is caught. Outreach contacts record who was written to, when and for which occasion, so a guest
    // is left out until the next one. Book settings hold the version of the search keys, so a book whose keys were
    // computed by an older rule has them recomputed once. Each audit row names the desk session that wrote it, so a
    // desk watching for other desks' writes can pass over its own.
    "DROP TRIGGER visit_added;
    DROP TRIGGER visit_removed;
    DROP TRIGGER visit_moved;
    CREATE TABLE new_guests (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
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
    INSERT INTO new_guests SELECT * FROM guests;
    DROP TABLE guests;
    ALTER TABLE new_guests RENAME TO guests;
    CREATE TABLE new_visits (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        guest_id   INTEGER NOT NULL REFERENCES guests(id) ON DELETE CASCADE,
        at         INTEGER NOT NULL,
        seat       TEXT NOT NULL DEFAULT '',
        items      TEXT NOT NULL DEFAULT '[]',
        party_size INTEGER,
        staff      TEXT NOT NULL DEFAULT '',
        note       TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO new_visits SELECT * FROM visits;
    DROP TABLE visits;
    ALTER TABLE new_visits RENAME TO visits;
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
    CREATE TABLE new_recoveries (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        guest_id      INTEGER REFERENCES guests(id) ON DELETE SET NULL,
        opened_at     INTEGER NOT NULL,
        category      TEXT NOT NULL,
        what_happened TEXT NOT NULL DEFAULT '',
        action_taken  TEXT NOT NULL DEFAULT '',
        cost          REAL,
        resolved_at   INTEGER,
        staff         TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO new_recoveries SELECT * FROM recoveries;
    DROP TABLE recoveries;
    ALTER TABLE new_recoveries RENAME TO recoveries;
    CREATE INDEX recoveries_by_guest ON recoveries (guest_id, opened_at);
    CREATE INDEX recoveries_by_opened ON recoveries (opened_at);
    CREATE TABLE new_heads_ups (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
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
    INSERT INTO new_heads_ups SELECT * FROM heads_ups;
    DROP TABLE heads_ups;
    ALTER TABLE new_heads_ups RENAME TO heads_ups;
    CREATE INDEX heads_ups_by_time ON heads_ups (sent_at);
    CREATE INDEX heads_ups_by_sender ON heads_ups (from_station, sent_at);
    DELETE FROM sqlite_sequence WHERE name IN ('guests', 'visits', 'recoveries', 'heads_ups');
    INSERT INTO sqlite_sequence (name, seq) VALUES
        ('guests', max(coalesce((SELECT max(id) FROM guests), 0),
                       coalesce((SELECT max(guest_id) FROM audit_log), 0))),
        ('visits', max(coalesce((SELECT max(id) FROM visits), 0),
                       coalesce((SELECT max(CAST(substr(detail, 7) AS INTEGER)) FROM audit_log
                                 WHERE detail LIKE 'visit %'), 0))),
        ('recoveries', max(coalesce((SELECT max(id) FROM recoveries), 0),
                           coalesce((SELECT max(CAST(substr(detail, 10) AS INTEGER)) FROM audit_log
                                     WHERE detail LIKE 'recovery %'), 0))),
        ('heads_ups', max(coalesce((SELECT max(id) FROM heads_ups), 0),
                          coalesce((SELECT max(CAST(substr(detail, 10) AS INTEGER)) FROM audit_log
                                    WHERE detail LIKE 'heads-up %'), 0)));
    CREATE TABLE stations (
        name       TEXT PRIMARY KEY,
        first_seen INTEGER NOT NULL,
        last_seen  INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO stations (name, first_seen, last_seen)
        SELECT from_station, min(sent_at), max(sent_at) FROM heads_ups WHERE from_station <> '' GROUP BY from_station;
    INSERT OR IGNORE INTO stations (name, first_seen, last_seen)
        SELECT taken_station, min(taken_at), max(taken_at) FROM heads_ups
        WHERE taken_station IS NOT NULL AND taken_station <> '' GROUP BY taken_station;
    CREATE TABLE outreach_contacts (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        guest_id   INTEGER NOT NULL REFERENCES guests(id) ON DELETE CASCADE,
        reason     TEXT NOT NULL CHECK (reason IN ('birthday', 'lapsed')),
        occasion   TEXT NOT NULL,
        written_at INTEGER NOT NULL,
        staff      TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX outreach_contacts_by_occasion ON outreach_contacts (guest_id, reason, occasion);
    CREATE TABLE book_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    ALTER TABLE audit_log ADD COLUMN desk TEXT NOT NULL DEFAULT '';",
    // 3: the other spellings of each guest's name, searched like the name (see `search::spell`); computed with
    // the other search keys when they are computed again.
    "ALTER TABLE guests ADD COLUMN spelling_keys TEXT NOT NULL DEFAULT '';",
    // 4: the names a guest also goes by (a JSON list), searched like the name through the spellings.
    "ALTER TABLE guests ADD COLUMN other_names TEXT NOT NULL DEFAULT '[]';",
    // 5: what a command that searches once checks a row by besides its mask (see `search::Needs`): the letters its
    // keys hold more than once, and how its spellings' words start. Computed with the other search keys.
    "ALTER TABLE guests ADD COLUMN repeat_mask INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE guests ADD COLUMN spelling_starts INTEGER NOT NULL DEFAULT 0;",
    // 6: the latest visits of the whole house (what the house serves most, for completing orders) read from an
    // index instead of sorting every visit: with years of history that sort took a third of a second.
    "CREATE INDEX visits_by_time ON visits (at);",
    // 7: the house's latest visits are the ones logged last, read backwards along the visits' own ids; the index
    // of migration 6 cost every visit an insert at a random place in a tree of every visit, which more than
    // doubled the time to import years of history (18 s → 46 s for two million visits).
    "DROP INDEX visits_by_time;",
    // 8: who a guest is for good. The book's own id, so that its exports name each guest `BOOK:ID` and importing
    // one again (here or into another book, which keeps the key as the guest's origin) finds the same guest, with
    // or without a phone or email to know them by.
    "ALTER TABLE guests ADD COLUMN origin TEXT;
     CREATE UNIQUE INDEX guests_by_origin ON guests (origin) WHERE origin IS NOT NULL;
     INSERT INTO book_settings (key, value) VALUES ('book_id', lower(hex(randomblob(16))))
         ON CONFLICT (key) DO NOTHING;",
    // 9: tonight's guests. Each arrival is a booking as the booking system gave it (the day and time on the desk's
    // calendar and clock, text; the table or room as `place`), the guest it is for when that is certain, else the
    // guests to choose among (a JSON list of ids), where it stands (expected, arrived, no-show) and the visit logged
    // when they came. `identity` is the booking as imported, so that a file imported twice adds each booking once.
    // An arrival goes with its guest when the guest is erased: it is their personal data too.
    "CREATE TABLE arrivals (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        day        TEXT NOT NULL,
        time       TEXT NOT NULL DEFAULT '',
        name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
        phone      TEXT NOT NULL DEFAULT '',
        email      TEXT NOT NULL DEFAULT '',
        party      INTEGER,
        place      TEXT NOT NULL DEFAULT '',
        note       TEXT NOT NULL DEFAULT '',
        guest_id   INTEGER REFERENCES guests(id) ON DELETE CASCADE,
        candidates TEXT NOT NULL DEFAULT '[]',
        status     TEXT NOT NULL DEFAULT 'expected' CHECK (status IN ('expected', 'arrived', 'no-show')),
        visit_id   INTEGER REFERENCES visits(id) ON DELETE SET NULL,
        identity   TEXT NOT NULL UNIQUE,
        added_at   INTEGER NOT NULL,
        added_by   TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX arrivals_by_day ON arrivals (day, time);
    CREATE INDEX arrivals_by_guest ON arrivals (guest_id);",
    // 10: the name drill's progress, per staff member and guest (see `domain::drill`): the Leitner box and when the
    // card is due again. Not audited — it is what a person has learnt, not what the book says of a guest — and it
    // goes with the guest when they are erased.
    "CREATE TABLE drill_cards (
        staff    TEXT NOT NULL,
        guest_id INTEGER NOT NULL REFERENCES guests(id) ON DELETE CASCADE,
        level    INTEGER NOT NULL DEFAULT 0,
        due_at   INTEGER NOT NULL,
        PRIMARY KEY (staff, guest_id)
    );",
    // 11: promises with a clock and an owner. A follow-up may name who keeps it (a station or department, '' for
    // nobody named) and when it is due; a tick records when and by whom. Each kind of mishap may be given to a
    // department with a goal (at most `goal` a day or a week), and what a team changed about it is noted, dated.
    "ALTER TABLE follow_ups ADD COLUMN owner TEXT NOT NULL DEFAULT '';
     ALTER TABLE follow_ups ADD COLUMN due_at INTEGER;
     ALTER TABLE follow_ups ADD COLUMN done_at INTEGER;
     ALTER TABLE follow_ups ADD COLUMN done_by TEXT NOT NULL DEFAULT '';
     CREATE INDEX follow_ups_open ON follow_ups (done, due_at);
     CREATE TABLE categories (
        name     TEXT PRIMARY KEY,
        owner    TEXT NOT NULL DEFAULT '',
        goal     INTEGER CHECK (goal >= 0),
        goal_per TEXT CHECK (goal_per IN ('day', 'week')),
        set_at   INTEGER NOT NULL,
        set_by   TEXT NOT NULL DEFAULT ''
     ) WITHOUT ROWID;
     CREATE TABLE category_notes (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        category TEXT NOT NULL,
        at       INTEGER NOT NULL,
        staff    TEXT NOT NULL DEFAULT '',
        note     TEXT NOT NULL
     );
     CREATE INDEX category_notes_by_category ON category_notes (category, at);",
];
