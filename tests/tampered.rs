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
                error.contains(&format!("the guest book file was changed outside regulars: {named};")),
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
