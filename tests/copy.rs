//! `regulars copy`: a file book to a PostgreSQL book and back, exactly — every row, id, version, time and audit
//! row, and the id counters — all or nothing.

mod common;

use std::path::Path;

use common::{Book, dump, run_with};

/// The counter fixture, with a visit, a recovery with follow-ups, a mishap of no guest, a heads-up, a guest
/// written to and a guest forgotten (so that the id counters run ahead of the ids the book holds).
fn a_book_with_history() -> Book {
    let book = Book::counter();
    book.ok(&["visit", "jon", "--seat", "Window 2", "--order", "sandwich, coffee", "--at", "2026-11-25T08:00:00Z"]);
    book.ok(&["recovery", "add", "yu", "--category", "room upgrade", "--cost", "40.5", "--follow-up", "fans"]);
    book.ok(&["recovery", "add", "--category", "noise"]);
    book.ok(&["--station", "lobby", "heads-up", "jon", "--note", "took the lift"]);
    book.ok(&["forget", "emily", "--yes"]);
    book
}

fn sqlite_sequence(path: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn.prepare("SELECT name, seq FROM sqlite_sequence ORDER BY name").unwrap();
    stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?))).unwrap().map(Result::unwrap).collect()
}

#[test]
fn a_file_book_copied_to_postgresql_and_back_is_the_same_book() {
    let original = a_book_with_history();
    let server = common::pg::database();
    let back = original.file("back.db");
    let to_server = original.ok(&["copy", "--to", &server]);
    assert!(to_server.contains("4 guests") && to_server.contains("audit rows"), "{to_server}");
    let from_server = original.ok(&["copy", "--from", &server, "--to", &back.to_string_lossy()]);
    assert_eq!(from_server.lines().count(), 1, "{from_server}");

    assert_eq!(dump(&back), original.dump(), "every row, id, version and time kept");
    assert_eq!(sqlite_sequence(&back), sqlite_sequence(&original.path), "the id counters kept");
    let export = |db: &Path| {
        let run = run_with(db, &["export", "--format", "jsonl"], &[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    let exported = export(&original.path);
    assert!(exported.contains("Jon Smith") && exported.contains("noise"), "{exported}");
    assert_eq!(export(Path::new(&server)), exported, "the server's book exports the same");
    assert_eq!(export(&back), exported, "byte for byte");
    let log = |db: &Path| run_with(db, &["log"], &[]).stdout;
    assert_eq!(log(&back), log(&original.path), "the audit log as it was");

    // A new visit gets the same id in each: no id is handed out twice.
    let visit = ["visit", "jon", "--seat", "Bar 1", "--order", "tea"];
    let ids: Vec<String> = [original.path.as_path(), Path::new(&server), back.as_path()]
        .into_iter()
        .map(|db| run_with(db, &visit, &[]))
        .map(|run| run.stdout.split_whitespace().nth(1).unwrap_or(&run.stderr).to_owned())
        .collect();
    assert!(ids.iter().all(|id| *id == ids[0]) && !ids[0].is_empty(), "{ids:?}");
}

#[test]
fn a_copy_into_a_book_that_holds_guests_is_refused_and_leaves_both_as_they_were() {
    let original = a_book_with_history();
    let other = Book::counter();
    let before = other.dump();
    let refused = original.run(&["copy", "--to", &other.path.to_string_lossy()]);
    assert!(refused.one_line_error().contains("not empty"), "{}", refused.stderr);
    assert_eq!(other.dump(), before);

    let server = common::pg_counter_database();
    let refused = original.run(&["copy", "--to", &server]);
    assert!(refused.one_line_error().contains("not empty"), "{}", refused.stderr);

    // A new file the copy could not fill is not left behind.
    let not_a_book = original.write("notes.txt", "not a guest book");
    let new = original.file("new.db");
    let failed = original.run(&["copy", "--from", &not_a_book.to_string_lossy(), "--to", &new.to_string_lossy()]);
    assert!(failed.one_line_error().contains("notes.txt"), "{}", failed.stderr);
    assert!(!new.exists());
}

#[test]
fn backup_of_a_server_book_is_a_file_book_holding_all_of_it() {
    let server = common::pg_counter_database();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.db");
    let backup = run_with(Path::new(&server), &["backup", &file.to_string_lossy()], &[]);
    assert_eq!(backup.code, 0, "{}", backup.stderr);
    let export = |db: &Path| run_with(db, &["export", "--format", "jsonl"], &[]).stdout;
    assert_eq!(export(&file), export(Path::new(&server)));
    let again = run_with(Path::new(&server), &["backup", &file.to_string_lossy()], &[]);
    assert!(again.one_line_error().contains("exists already"), "{}", again.stderr);
}
