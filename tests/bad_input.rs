//! Bad input of every kind: one clear line on standard error, exit status 1, and a guest book left as it was.

mod common;

use common::{Book, GUESTS_JSONL, run_with};

/// Imports `contents` as `name` and asserts the import is refused with an error containing `expected`, leaving the
/// book exactly as it was.
fn refused_import(name: &str, contents: impl AsRef<[u8]>, expected: &str) {
    let book = Book::holding(GUESTS_JSONL);
    let before = book.dump();
    let file = book.write(name, contents);
    let run = book.run(&["import", file.to_str().unwrap()]);
    let error = run.one_line_error();
    assert!(error.contains(expected), "expected {expected:?} in {error:?}");
    assert!(error.contains(name), "the error names the file: {error:?}");
    assert!(error.ends_with("nothing was imported"), "{error:?}");
    assert_eq!(book.dump(), before, "the book changed after a refused import of {name}");
}

#[test]
fn empty_or_blank_names_are_refused() {
    refused_import("empty.jsonl", "{\"name\":\"Ann\"}\n{\"name\":\"\"}\n", "line 2: field `name`: is empty");
    refused_import("blank.csv", "name,phone\nAnn,1\n   ,2\n", "line 3: field `name`: is empty");
    refused_import("missing.jsonl", "{\"phone\":\"0108\"}\n", "line 1: missing field `name`");
}

#[test]
fn a_one_megabyte_field_is_refused() {
    let huge = "x".repeat(1 << 20);
    refused_import(
        "huge.jsonl",
        format!("{{\"name\":\"Ann\",\"notes\":\"{huge}\"}}\n"),
        "line 1: field `notes`: is too long (1048576 characters; at most 4000)",
    );
    refused_import("huge.csv", format!("name\n{huge}\n"), "line 2: field `name`: is too long");
}

#[test]
fn invalid_dates_and_times_are_refused() {
    refused_import("leap.jsonl", "{\"name\":\"Ann\",\"birthday\":\"1981-02-29\"}\n", "line 1: field `birthday`");
    refused_import(
        "bday.csv",
        "name,birthday\nAnn,31/31/1980\n",
        "line 2: field `birthday`: \"31/31/1980\" is not a date",
    );
    refused_import(
        "visit.jsonl",
        "{\"name\":\"Ann\",\"visits\":[{\"at\":\"2025-06-08\"},{\"at\":\"2025-13-01T08:00:00Z\"}]}\n",
        "line 1: field `visits[0].at`: \"2025-06-08\" is not an RFC 3339 time",
    );
    refused_import(
        "resolved.jsonl",
        "{\"name\":\"Ann\",\"recoveries\":[{\"opened_at\":\"2025-06-08T08:00:00Z\",\"category\":\"noise\",\"resolved_at\":\"soon\"}]}\n",
        "field `recoveries[0].resolved_at`",
    );
}

#[test]
fn malformed_json_lines_are_refused() {
    refused_import("truncated.jsonl", "{\"name\":\"Ann\"}\n{\"name\":\"Bo\",\"tags\":[\"vip\"", "line 2: ");
    refused_import("garbage.jsonl", "{\"name\":\"Ann\"}\nnot json\n", "line 2: expected ident (column 2)");
    refused_import(
        "types.jsonl",
        "{\"name\":\"Ann\",\"visits\":[{\"at\":\"2025-06-08T08:00:00Z\",\"party_size\":-2}]}\n",
        "field `visits[0].party_size`",
    );
    refused_import("utf8.jsonl", b"{\"name\":\"Ann\"}\n{\"name\":\"B\xff\"}\n".as_slice(), "line 2: not valid UTF-8");
}

#[test]
fn malformed_csv_is_refused() {
    refused_import("ragged.csv", "name,phone\nAnn,1\nBo,2,extra\n", "line 3: has 3 fields where the header has 2");
    refused_import(
        "noname.csv",
        "guest,phone\nAnn,1\n",
        "no name column in the header row (\"guest\", \"phone\"); name it with --map name=HEADER",
    );
}

#[test]
fn an_unknown_format_is_refused() {
    let book = Book::new();
    let file = book.write("guests.doc", "Ann\n");
    let run = book.run(&["import", file.to_str().unwrap()]);
    assert!(run.one_line_error().contains("give --format jsonl, csv, vcard or xlsx"), "{}", run.stderr);
}

#[test]
fn a_directory_is_not_a_book() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_with(dir.path(), &["card", "x"], &[]);
    assert!(run.one_line_error().contains("is a directory, not a guest book file"), "{}", run.stderr);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_untouched() {
    let book = Book::new();
    let contents = "name,phone\nAnn,1\n".repeat(200);
    std::fs::write(&book.path, &contents).unwrap();
    let run = book.run(&["demo", "--guests", "3"]);
    assert!(run.one_line_error().contains("not a guest book (not a SQLite database)"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&book.path).unwrap(), contents);
}

#[test]
fn a_book_from_a_newer_version_is_refused_and_untouched() {
    let book = Book::holding(GUESTS_JSONL);
    rusqlite::Connection::open(&book.path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let bytes = std::fs::read(&book.path).unwrap();
    let run = book.run(&["visit", "yu", "--seat", "Bar 1"]);
    assert!(run.one_line_error().contains("written by a newer regulars (schema 99;"), "{}", run.stderr);
    assert_eq!(std::fs::read(&book.path).unwrap(), bytes);
}

#[test]
fn a_book_held_by_another_writer_is_busy_not_broken() {
    let book = Book::holding(GUESTS_JSONL);
    let before = book.dump();
    let holder = rusqlite::Connection::open(&book.path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE; UPDATE guests SET notes = 'held' WHERE id = 1;").unwrap();
    let run = run_with(&book.path, &["visit", "yu", "--seat", "Bar 1"], &[("REGULARS_BUSY_TIMEOUT", "200")]);
    let error = run.one_line_error();
    assert!(error.contains("the visit was not saved: the guest book is busy"), "{error}");
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(book.dump(), before);
}

#[test]
fn a_read_only_book_is_refused() {
    let book = Book::holding(GUESTS_JSONL);
    let before = book.dump();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&book.path, std::fs::Permissions::from_mode(0o400)).unwrap();
    // Root ignores permission bits; the immutable attribute stops even root.
    let immutable = std::process::Command::new("chattr").arg("+i").arg(&book.path).status().is_ok_and(|s| s.success());
    let run = book.run(&["visit", "yu", "--seat", "Bar 1"]);
    if immutable {
        std::process::Command::new("chattr").arg("-i").arg(&book.path).status().unwrap();
    }
    let writable_anyway = !immutable && is_root();
    if writable_anyway {
        eprintln!("skipped: running as root without chattr, so the file cannot be made read-only");
        return;
    }
    assert!(run.one_line_error().contains("the guest book is read-only"), "{}", run.stderr);
    assert_eq!(book.dump(), before);
}

fn is_root() -> bool {
    std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn terminal_escapes_in_guest_data_are_shown_inert() {
    let book = Book::new();
    let hostile = "{\"name\":\"Eve \\u001b[2J\\u001b]52;c;cm0gLXJm\\u0007\\u009b31m\\u202Eevil\",\"phone\":\"555 0100\",\"notes\":\"line1\\nline2\"}\n";
    let file = book.write("hostile.jsonl", hostile);
    book.ok(&["import", file.to_str().unwrap()]);
    // The data itself is kept exactly (the export adds the guest's key, who wrote the notes, and when).
    let mut exported: serde_json::Value = serde_json::from_str(&book.ok(&["export"])).unwrap();
    let noted = exported.as_object_mut().unwrap();
    assert!(noted.remove("key").is_some_and(|key| key.as_str().is_some_and(|key| key.ends_with(":1"))));
    assert_eq!(noted.remove("notes_by"), Some(serde_json::json!("Nok")));
    assert!(noted.remove("notes_at").is_some());
    assert_eq!(exported, serde_json::from_str::<serde_json::Value>(hostile).unwrap());
    for args in [&["card", "eve"][..], &["find", "eve"], &["find", "eve", "--json"], &["visit", "eve"]] {
        let out = book.ok(args);
        assert!(out.contains("Eve"), "{out}");
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{args:?} printed raw control characters: {out:?}"
        );
    }
    assert!(book.ok(&["card", "eve"]).contains("Eve ␛[2J␛]52;c;cm0gLXJm␇"));
}

#[test]
fn escaped_invalid_surrogates_are_refused() {
    refused_import("surrogate.jsonl", "{\"name\":\"Ann\"}\n{\"name\":\"B\\ud800o\"}\n", "line 2: ");
    refused_import("low.jsonl", "{\"name\":\"\\udc00\"}\n", "line 1: ");
}

#[test]
fn extreme_numbers_and_names_get_one_line_and_change_nothing() {
    let book = Book::holding(GUESTS_JSONL);
    let before = book.dump();
    for args in [
        vec!["outreach", "--lapsed", "999999999999"],
        vec!["outreach", "--birthdays=-1"],
        vec!["find", "yu", "--limit", "99999999999"],
        vec!["--busy-timeout", "18446744073709551615", "find", "yu"],
        vec!["demo", "--guests", "99999999999"],
    ] {
        let run = book.run(&args);
        assert_eq!(run.code, 2, "{args:?}: a usage error: {}", run.stderr);
        assert!(run.stderr.starts_with("error: invalid value") && !run.stderr.contains("panicked"), "{}", run.stderr);
    }
    let huge = book.write(
        "huge.jsonl",
        "{\"name\":\"Ann\",\"recoveries\":[{\"opened_at\":\"2026-01-02T09:00:00Z\",\"category\":\"noise\",\"cost\":1e308}]}\n",
    );
    let huge = book.run(&["import", huge.to_str().unwrap()]);
    assert!(huge.one_line_error().contains("must be a number from 0 to 1,000,000,000,000"), "{}", huge.stderr);
    let name = "x".repeat(10_000);
    let staff = run_with(&book.path, &["guest", "add", "--name", "Ann"], &[("REGULARS_STAFF", &name)]);
    assert!(staff.one_line_error().contains("Staff: is too long (10000 characters; at most 200)"), "{}", staff.stderr);
    assert_eq!(book.dump(), before);
}

#[test]
fn times_out_of_any_guest_book_s_years_and_impossible_parties_are_refused() {
    for (visit, expected) in [
        (r#"{"at":"9999-01-01T08:00:00Z"}"#, "line 1: field `visits[0].at`: is in the year 9999"),
        (r#"{"at":"0202-06-08T08:00:00Z"}"#, "line 1: field `visits[0].at`: is in the year 202"),
        (
            r#"{"at":"2026-06-08T08:00:00Z","party_size":4000000000}"#,
            "field `visits[0].party_size`: must be from 1 to 10,000",
        ),
    ] {
        refused_import("far.jsonl", format!("{{\"name\":\"Ann\",\"visits\":[{visit}]}}\n"), expected);
    }
    refused_import(
        "old.jsonl",
        "{\"name\":\"Ann\",\"recoveries\":[{\"opened_at\":\"1066-10-14T09:00:00Z\",\"category\":\"noise\"}]}\n",
        "field `recoveries[0].opened_at`: is in the year 1066",
    );
}
