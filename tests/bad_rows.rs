//! One bad row never stops the desk: a book with a row in each table that cannot be read (a tag list that is not a
//! list, text where a time belongs, bytes where text belongs — a book edited by hand) is searched, shown, listed,
//! tallied and exported without it, each such row named; `regulars doctor` lists them all.

mod common;

use common::Book;
use common::screen::{COUNTER, Screen};
use regulars::store::Kind;

/// One bad row in each table of the counter fixture's book (guests 1 Jon Smith, 2 于明, 3 Emma Stone, …): Emma's
/// tags, one of Jon's visits, a recovery for nobody, one follow-up of 于明's recovery 1, an audit row, a heads-up and
/// an outreach note about Jon.
const SPOIL: &str = "
    UPDATE guests SET tags = '{not a list' WHERE id = 3;
    UPDATE visits SET items = 'sandwich' WHERE id = (SELECT min(id) FROM visits WHERE guest_id = 1);
    INSERT INTO recoveries (guest_id, opened_at, category, cost, staff)
        VALUES (NULL, 1763900000000, 'noise', 'a lot', 'Ana');
    UPDATE follow_ups SET task = x'ff' WHERE recovery_id = 1 AND position = 1;
    UPDATE audit_log SET at = 'yesterday' WHERE id = 2;
    INSERT INTO heads_ups (guest_id, from_station, note, sent_at, sent_by)
        VALUES (1, 'lobby', x'ff', CAST(strftime('%s', 'now') AS INTEGER) * 1000, 'Ana');
    INSERT INTO outreach_contacts (guest_id, reason, occasion, written_at, staff)
        VALUES (1, 'lapsed', '2026-11-23', 'last week', 'Ana');";

fn spoiled() -> Book {
    let book = Book::counter();
    let conn = rusqlite::Connection::open(&book.path).unwrap();
    conn.execute_batch(SPOIL).unwrap();
    book
}

#[test]
fn commands_go_on_without_the_bad_rows_and_name_them() {
    let book = spoiled();

    let found = book.run(&["find", "smith"]);
    assert_eq!(found.code, 0, "{}", found.stderr);
    assert!(found.stdout.contains("Jon Smith") && found.stdout.contains("Emily Smithers"), "{}", found.stdout);
    let found = book.run(&["find", "e"]);
    assert_eq!(found.code, 0, "{}", found.stderr);
    assert!(!found.stdout.contains("Emma Stone"), "the unreadable guest is left out: {}", found.stdout);
    assert!(
        found.stderr.contains("guest 3 (tags is not a list of text) cannot be read and was left out"),
        "{}",
        found.stderr
    );

    let card = book.run(&["card", "--id", "1"]);
    assert_eq!(card.code, 0, "{}", card.stderr);
    assert!(card.stdout.starts_with("Jon Smith") && card.stdout.contains("Visits       3 since"), "{}", card.stdout);
    assert!(card.stderr.contains("(items is not a list of text)"), "{}", card.stderr);
    // A recovery one of whose follow-ups cannot be read is left out whole: a follow-up is ticked by its place.
    let card = book.run(&["card", "--id", "2"]);
    assert_eq!(card.code, 0, "{}", card.stderr);
    assert!(!card.stdout.contains("room upgrade"), "{}", card.stdout);
    assert!(card.stderr.contains("a follow-up of recovery 1 (task holds bytes where text belongs)"), "{}", card.stderr);
    assert!(card.stderr.contains("recovery 1 (one of its follow-ups cannot be read)"), "{}", card.stderr);
    // The unreadable guest's own card says why, in one line, rather than showing half of them.
    let error = book.run(&["card", "--id", "3"]);
    let error = error.one_line_error();
    assert!(error.contains("guest 3 (tags is not a list of text) cannot be read"), "{error}");
    assert!(error.contains("regulars doctor"), "{error}");

    for args in [&["outreach", "--lapsed", "1"][..], &["report", "--since", "2026-01-01"], &["log"]] {
        let run = book.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
    let log = book.run(&["log"]);
    assert!(log.stderr.contains("audit entry 2 (at holds text where a number belongs)"), "{}", log.stderr);
}

#[test]
fn an_export_writes_every_readable_row_names_the_rest_and_fails() {
    let book = spoiled();
    let export = book.run(&["export", "--format", "jsonl"]);
    assert_eq!(export.code, 1, "{}", export.stderr);
    let lines: Vec<&str> = export.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "every guest but Emma Stone: {}", export.stdout);
    assert!(lines.iter().any(|line| line.contains("Jon Smith")) && !export.stdout.contains("Emma Stone"));
    for named in ["guest 3 (tags", "visit ", "recovery 2 (cost", "a follow-up of recovery 1 (task", "outreach note"] {
        assert!(export.stderr.contains(named), "{named}: {}", export.stderr);
    }
    assert!(export.stderr.trim_end().ends_with("cannot be read"), "{}", export.stderr);

    let out = book.file("out.jsonl");
    let to_file = book.run(&["export", "--format", "jsonl", "--out", out.to_str().unwrap()]);
    assert_eq!(to_file.code, 1, "{}", to_file.stderr);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), export.stdout, "the file holds the same readable rows");
}

#[test]
fn doctor_lists_every_row_that_cannot_be_read() {
    let book = spoiled();
    let before = book.dump();
    let doctor = book.run(&["doctor"]);
    assert_eq!(doctor.code, 1, "{}", doctor.stderr);
    let rows: Vec<&str> = doctor.stdout.lines().filter(|line| line.starts_with("row: ")).collect();
    for named in [
        "row: guest 3 (",
        "row: visit ",
        "row: recovery 1 (one of its follow-ups",
        "row: recovery 2 (cost",
        "row: a follow-up of recovery 1 (",
        "row: audit entry 2 (",
    ] {
        assert!(rows.iter().any(|row| row.starts_with(named)), "{named}: {}", doctor.stdout);
    }
    assert!(rows.iter().any(|row| row.starts_with("row: heads-up ")), "{}", doctor.stdout);
    assert!(rows.iter().any(|row| row.starts_with("row: outreach note ")), "{}", doctor.stdout);
    assert_eq!(rows.len(), 8, "each once: {}", doctor.stdout);
    assert!(doctor.stderr.contains("8 rows of the guest book cannot be read"), "{}", doctor.stderr);
    assert_eq!(book.dump(), before, "doctor changes nothing");

    let sound = Book::counter().run(&["doctor"]);
    assert_eq!(sound.code, 0, "{}", sound.stderr);
    assert!(sound.stdout.contains("the guest book is sound"), "{}", sound.stdout);
}

#[test]
fn the_screen_searches_and_shows_without_the_bad_rows_and_says_so() {
    let mut screen = Screen::spoiled(COUNTER, (100, 30), SPOIL);
    let said = screen.status().unwrap_or_default().to_owned();
    assert!(
        said.contains("rows of the book cannot be read and are left out") && said.contains("regulars doctor"),
        "{said}"
    );
    assert!(screen.app.unreadable.contains(&(Kind::Guest, Some(3))));
    // The promises every desk's watcher reads pass the unreadable follow-up over instead of failing.
    let promises = screen.other_desk().promises().expect("the promises, the bad follow-up left out");
    assert!(promises.iter().all(|p| !p.task.is_empty()), "{promises:?}");

    screen.type_text("smith");
    let names = screen.found_names();
    assert!(names.contains(&"Jon Smith") && names.contains(&"Emily Smithers"), "{names:?}");
    assert_eq!(screen.card_name(), Some("Jon Smith"));
    assert_eq!(screen.visits_on_card(), 3, "the unreadable visit left out");
    assert!(screen.app.unreadable.iter().any(|(kind, _)| *kind == Kind::Visit), "{:?}", screen.app.unreadable);
    assert!(screen.screen().contains("Jon Smith"), "{}", screen.screen());
}
