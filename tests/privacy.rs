//! Guest data is personal data: erasing a guest leaves no trace of them in the files, one guest's record can be
//! exported on request, every change is in the audit log, and the files are private.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::Book;

const MARKER: &str = "Zyxwvut Qqqqmarker";
const PHONE: &str = "+44 20 9876 5432";

fn files_contain(book: &Book, needle: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{}{suffix}", book.path.display());
        if let Ok(bytes) = std::fs::read(&path)
            && bytes.windows(needle.len()).any(|w| w == needle)
        {
            found.push(path);
        }
    }
    found
}

#[test]
fn a_forgotten_guest_is_nowhere_in_the_files() {
    let book = Book::new();
    let list = format!(
        "{{\"name\":\"{MARKER}\",\"phone\":\"{PHONE}\",\"notes\":\"{MARKER} likes tea\",\"visits\":[{{\"at\":\"2026-01-02T08:00:00Z\",\"seat\":\"Bar\"}}],\"recoveries\":[{{\"opened_at\":\"2026-01-02T09:00:00Z\",\"category\":\"noise\",\"what_happened\":\"{MARKER} complained\",\"cost\":5}}]}}\n{}",
        include_str!("fixtures/counter.jsonl")
    );
    let file = book.write("list.jsonl", list);
    book.ok(&["import", file.to_str().unwrap()]);
    std::fs::remove_file(&file).unwrap();
    book.ok(&["visit", "qqqqmarker", "--seat", "Window 1"]);
    assert!(!files_contain(&book, MARKER.as_bytes()).is_empty(), "the marker is in the book before");

    let run = book.run(&["forget", "qqqqmarker"]);
    assert_eq!(run.code, 1, "without --yes and no answer, nothing is erased");
    assert!(run.stderr.contains("nothing was erased"));
    assert_eq!(book.ok(&["forget", "qqqqmarker", "--yes"]).trim(), "guest 1 erased");

    assert_eq!(
        files_contain(&book, MARKER.as_bytes()),
        Vec::<String>::new(),
        "the name is gone from .db, -wal and -shm"
    );
    assert_eq!(files_contain(&book, PHONE.as_bytes()), Vec::<String>::new(), "the phone too");
    let report = book.ok(&["report", "--since", "2026-01-01", "--until", "2026-12-31", "--json"]);
    assert!(report.contains("\"noise\""), "the mishap stays in the tally: {report}");
    let log = book.ok(&["log"]);
    assert!(log.contains("guest forgotten  guest 1 (no longer in the book)"), "{log}");
}

#[test]
fn one_guests_record_can_be_exported() {
    let book = Book::counter();
    let one = book.ok(&["export", "--id", "2"]);
    assert_eq!(one.lines().count(), 1);
    assert!(one.starts_with("{\"name\":\"于明\""), "{one}");
    assert!(one.contains("\"recoveries\""));
    assert!(book.run(&["export", "--id", "99"]).one_line_error().contains("guest 99 is not in the guest book"));
}

#[test]
fn every_write_path_leaves_an_audit_row() {
    let book = Book::new();
    book.ok(&["guest", "add", "--name", "Ann Lee"]);
    book.ok(&["guest", "edit", "ann", "--greeting", "Ms. Lee"]);
    book.ok(&["visit", "ann", "--seat", "Bar"]);
    book.ok(&["recovery", "add", "ann", "--category", "noise", "--follow-up", "call"]);
    book.ok(&["recovery", "follow-up", "1", "1"]);
    book.ok(&["recovery", "resolve", "1"]);
    book.ok(&["guest", "add", "--name", "Ann L."]);
    book.ok(&["heads-up", "ann lee"]);
    book.ok(&["guest", "merge", "ann l.", "--into", "ann lee"]);
    let log = book.ok(&["log", "--guest", "ann lee"]);
    for action in [
        "guest added",
        "guest edited",
        "visit logged",
        "recovery opened",
        "follow-up done",
        "recovery resolved",
        "heads-up sent",
        "guest merged",
    ] {
        assert!(log.contains(&format!("Nok  {action}  guest 1 (Ann Lee)")), "no {action:?} row for the guest:\n{log}");
    }
    assert!(book.ok(&["log"]).contains("guest merged away  guest 2 (no longer in the book)"));
}

#[test]
fn a_book_readable_by_others_gets_a_warning_with_the_fix() {
    let book = Book::new();
    book.ok(&["demo", "--guests", "3"]);
    assert_eq!(std::fs::metadata(&book.path).unwrap().permissions().mode() & 0o777, 0o600);
    std::fs::set_permissions(&book.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = book.run(&["find", "a"]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("can be read by other users; fix it with: chmod 600"), "{}", run.stderr);
}
