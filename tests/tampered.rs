//! A book file from elsewhere is not trusted: a schema that is not the one regulars' migrations make is refused
//! before anything runs or is written, naming what is wrong.

mod common;

use common::{Book, GUESTS_JSONL};

/// A book of the test guests, then changed behind regulars' back with `sql`.
fn tampered(sql: &str) -> Book {
    let book = Book::holding(GUESTS_JSONL);
    let conn = rusqlite::Connection::open(&book.path).unwrap();
    conn.execute_batch(sql).unwrap();
    drop(conn);
    book
}

#[test]
fn a_book_with_something_added_to_its_schema_is_refused_naming_it() {
    for (sql, named) in [
        (
            "CREATE TABLE hidden (name TEXT, phone TEXT);
             CREATE TRIGGER copy_names AFTER DELETE ON guests BEGIN
                 INSERT INTO hidden VALUES (OLD.name, OLD.phone);
             END;",
            "a trigger \"copy_names\" was added",
        ),
        (
            "CREATE TRIGGER no_audit AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END;",
            "a trigger \"no_audit\" was added",
        ),
        ("CREATE VIEW everyone AS SELECT name, phone FROM guests;", "a view \"everyone\" was added"),
        ("CREATE INDEX by_phone ON guests (phone);", "an index \"by_phone\" was added"),
        (
            "DROP TRIGGER visit_added;
             CREATE TRIGGER visit_added AFTER INSERT ON visits BEGIN DELETE FROM visits WHERE id <> NEW.id; END;",
            "the trigger \"visit_added\" is not as regulars made it",
        ),
    ] {
        let book = tampered(sql);
        let before = book.dump();
        for args in [vec!["card", "--id", "1"], vec!["forget", "--id", "1", "--yes"], vec!["visit", "--id", "1"]] {
            let run = book.run(&args);
            let error = run.one_line_error();
            assert!(
                error.contains(&format!("the guest book's schema was changed outside regulars: {named};")),
                "{sql}: {error}"
            );
            assert!(error.contains("it was not opened and nothing was written"), "{error}");
        }
        assert_eq!(book.dump(), before, "nothing ran, nothing was written: {sql}");
    }
}

#[test]
fn the_same_book_made_clean_again_works_as_documented() {
    let book = tampered("CREATE TRIGGER no_audit AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END;");
    assert_eq!(book.run(&["card", "--id", "1"]).code, 1);
    let conn = rusqlite::Connection::open(&book.path).unwrap();
    conn.execute_batch("DROP TRIGGER no_audit; ANALYZE;").unwrap();
    drop(conn);
    // SQLite's own statistics (ANALYZE) are no tampering.
    let name = book.ok(&["card", "--id", "1"]).lines().next().unwrap().to_owned();
    book.ok(&["forget", "--id", "1", "--yes"]);
    assert!(book.run(&["card", "--id", "1"]).code != 0, "{name} is erased");
    let log = book.ok(&["log"]);
    assert!(log.contains("guest forgotten") || log.contains("forgot"), "the erasure is in the audit log:\n{log}");
}

#[test]
fn doctor_describes_a_tampered_schema_and_repairs_it_after_a_yes_keeping_a_copy() {
    let book = tampered(
        "CREATE TABLE hidden (name TEXT PRIMARY KEY, phone TEXT);
         CREATE TRIGGER copy_names AFTER DELETE ON guests BEGIN INSERT INTO hidden VALUES (OLD.name, OLD.phone); END;
         DROP INDEX visits_by_guest;
         DROP TRIGGER visit_added;
         INSERT INTO visits (guest_id, at) VALUES (1, 1764000000000);",
    );
    let before = book.dump();
    let told = book.run(&["doctor"]);
    assert_eq!(told.code, 1, "{}", told.stderr);
    for said in [
        "schema: a trigger \"copy_names\" was added",
        "schema: a table \"hidden\" was added",
        "schema: the index \"visits_by_guest\" was taken away",
        "schema: the trigger \"visit_added\" was taken away",
        "regulars doctor --repair",
    ] {
        assert!(told.stdout.contains(said), "{said}: {}", told.stdout);
    }
    assert!(!told.stdout.contains("sqlite_autoindex"), "an added table's own key goes with it: {}", told.stdout);
    // Without a yes, nothing is changed.
    let mut asked = common::binary();
    asked.arg("--db").arg(&book.path).args(["doctor", "--repair"]).stdin(std::process::Stdio::null());
    assert_eq!(common::finish(asked.output().unwrap()).code, 1);
    assert_eq!(book.dump(), before);

    let repaired = book.ok(&["doctor", "--repair", "--yes"]);
    assert!(repaired.contains("the guest book is sound"), "{repaired}");
    let copy = std::fs::read_dir(book.dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.to_string_lossy().contains(".before-repair-"))
        .expect("a copy of the book as it was");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(common::dump(&copy), before, "the copy is the book as it was");
    assert!(repaired.contains(&format!("kept in {}", copy.display())), "{repaired}");
    // The visit logged while its trigger was missing is counted, as the card shows.
    let card = book.ok(&["card", "--id", "1"]);
    assert!(card.contains("Visits       5 since"), "{card}");
    // The book works again, and an erasure leaves no copy of the guest behind.
    book.ok(&["forget", "--id", "1", "--yes"]);
    let conn = rusqlite::Connection::open(&book.path).unwrap();
    let tables: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'hidden'", [], |r| r.get(0)).unwrap();
    assert_eq!(tables, 0);
}

#[test]
fn doctor_will_not_repair_a_changed_table_and_changes_nothing() {
    let book = tampered("ALTER TABLE guests ADD COLUMN secret TEXT;");
    let before = book.dump();
    let run = book.run(&["doctor", "--repair", "--yes"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("schema: the table \"guests\" is not as regulars made it"), "{}", run.stdout);
    assert!(
        run.stderr.contains("restore the book from a backup") && run.stderr.contains("nothing was changed"),
        "{}",
        run.stderr
    );
    assert_eq!(book.dump(), before);
    let copies = std::fs::read_dir(book.dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().contains(".before-repair-"));
    assert_eq!(copies.count(), 0, "no copy is made of a book that is not repaired");
}

#[test]
fn a_server_book_with_code_attached_to_its_tables_is_refused_naming_it() {
    let db = common::pg::database();
    let at = std::path::Path::new(&db);
    let run = |args: &[&str]| common::run_with(at, args, &[]);
    assert_eq!(run(&["demo", "--guests", "20"]).code, 0);
    let clean = run(&["doctor"]);
    assert_eq!(clean.code, 0, "a fresh server book is regulars' own: {}{}", clean.stdout, clean.stderr);
    let before = run(&["export"]).stdout;

    let mut admin = postgres::Client::connect(&db, postgres::NoTls).unwrap();
    // Another application's table in the same database is not the book's business.
    admin.batch_execute("CREATE TABLE other_app (x INT)").unwrap();
    assert_eq!(run(&["find", "an"]).code, 0);
    for (sql, named, undo) in [
        (
            "CREATE TABLE hidden (name TEXT, phone TEXT);
             CREATE FUNCTION copy_names() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN INSERT INTO hidden VALUES (OLD.name, OLD.phone); RETURN OLD; END $$;
             CREATE TRIGGER copy_names AFTER DELETE ON guests FOR EACH ROW EXECUTE FUNCTION copy_names();",
            "a function \"copy_names\" was added",
            "DROP TRIGGER copy_names ON guests; DROP FUNCTION copy_names(); DROP TABLE hidden;",
        ),
        (
            "CREATE RULE no_audit AS ON INSERT TO audit_log DO INSTEAD NOTHING;",
            "a rule \"no_audit\" was added",
            "DROP RULE no_audit ON audit_log;",
        ),
        (
            // Erasing a guest would then delete their recoveries, which the tally keeps.
            "ALTER TABLE recoveries DROP CONSTRAINT recoveries_guest_id_fkey;
             ALTER TABLE recoveries ADD CONSTRAINT recoveries_guest_id_fkey
                 FOREIGN KEY (guest_id) REFERENCES guests(id) ON DELETE CASCADE;",
            "the constraint \"recoveries_guest_id_fkey\" is not as regulars made it",
            "ALTER TABLE recoveries DROP CONSTRAINT recoveries_guest_id_fkey;
             ALTER TABLE recoveries ADD CONSTRAINT recoveries_guest_id_fkey
                 FOREIGN KEY (guest_id) REFERENCES guests(id) ON DELETE SET NULL;",
        ),
        (
            "ALTER TABLE audit_log DISABLE TRIGGER audit_noticed;",
            "the trigger \"audit_noticed\" is not as regulars made it",
            "ALTER TABLE audit_log ENABLE TRIGGER audit_noticed;",
        ),
    ] {
        admin.batch_execute(sql).unwrap();
        for args in [&["card", "--id", "1"][..], &["forget", "--id", "1", "--yes"], &["visit", "--id", "1"]] {
            let refused = run(args);
            let error = refused.one_line_error();
            assert!(
                error.contains(&format!("the guest book's schema was changed outside regulars: {named};")),
                "{error}"
            );
        }
        let doctor = run(&["doctor", "--repair", "--yes"]);
        assert_eq!(doctor.code, 1);
        assert!(doctor.stdout.contains(&format!("schema: {named}")), "{}", doctor.stdout);
        assert!(doctor.stdout.contains("the role that owns the book's tables sets this right"), "{}", doctor.stdout);
        admin.batch_execute(undo).unwrap();
    }
    assert_eq!(run(&["export"]).stdout, before, "nothing was written while refused");

    // One of regulars' own functions given another body.
    admin
        .batch_execute(
            "CREATE OR REPLACE FUNCTION visits_counted() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN DELETE FROM visits WHERE id <> NEW.id; RETURN NULL; END $$;",
        )
        .unwrap();
    let error = run(&["visit", "--id", "1"]);
    let error = error.one_line_error();
    assert!(error.contains("the function \"visits_counted\" is not as regulars made it"), "{error}");
}
