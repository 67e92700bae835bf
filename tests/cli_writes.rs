//! The command line writes only to a guest it is certain of, keeps the whole book through export and import, and
//! says things in words that are right: the counter-safety issue's command-line half.

mod common;

use common::{Book, GUESTS_JSONL};

#[test]
fn a_write_whose_query_matches_several_guests_is_refused_with_the_candidates() {
    let book = Book::holding(GUESTS_JSONL);
    let before = book.dump();
    let run = book.run(&["visit", "m", "--usual"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let mut lines = run.stderr.lines();
    assert_eq!(
        lines.next(),
        Some("regulars: \"m\" matches 3 guests; none is clearly the one, so nothing was changed. Say which with --id:")
    );
    let candidates: Vec<&str> = lines.collect();
    assert_eq!(candidates.len(), 3, "{}", run.stderr);
    assert!(candidates.iter().any(|c| c.contains("--id 1") && c.contains("Yu Ming · 于先生 · +86 138 0000 0108")));
    assert_eq!(book.dump(), before, "nothing was written");
    for args in [
        &["guest", "edit", "m", "--notes", "x"][..],
        &["heads-up", "m"],
        &["recovery", "add", "m", "--category", "late order"],
        &["guest", "merge", "m", "--into", "yu"],
        &["forget", "m", "--yes"],
        &["log", "--guest", "m"],
    ] {
        let run = book.run(args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains("none is clearly the one"), "{args:?}: {}", run.stderr);
    }
    assert_eq!(book.dump(), before, "nothing was written");
    // A query one typo away is never written to either.
    let run = book.run(&["visit", "emmma", "--seat", "Bar"]);
    assert!(run.stderr.contains("has no exact match; those one typo away are"), "{}", run.stderr);
}

#[test]
fn a_whole_name_a_whole_phone_number_or_an_id_is_clear() {
    let book = Book::holding(GUESTS_JSONL);
    book.ok(&["guest", "add", "--name", "Yu Mingjie"]);
    // "yu ming" matches both Yu Ming and Yu Mingjie; it is the whole of one name.
    assert!(book.ok(&["visit", "yu ming", "--seat", "Bar 1"]).contains("logged for Yu Ming:"));
    assert!(book.ok(&["visit", "+86 138 0000 0108", "--seat", "Bar 1"]).contains("logged for Yu Ming:"));
    assert!(book.ok(&["visit", "--id", "4", "--seat", "Bar 2"]).contains("logged for Yu Mingjie:"));
    let card = book.ok(&["card", "yu"]);
    assert!(card.starts_with("Yu Ming"), "{card}");
    assert!(card.contains("(1 other guest matches \"yu\": regulars find \"yu\" lists it)"), "{card}");
}

#[test]
fn every_command_that_takes_a_guest_takes_an_id() {
    let book = Book::holding(GUESTS_JSONL);
    assert!(book.ok(&["card", "--id", "3"]).starts_with("Emma Stone"));
    assert!(book.ok(&["visit", "--id", "3", "--seat", "Bar 4"]).starts_with("visit 6 logged for Emma Stone"));
    assert!(book.ok(&["guest", "edit", "--id", "3", "--greeting", "Ms. Stone"]).contains("guest 3 updated"));
    assert!(book.ok(&["recovery", "add", "--id", "3", "--category", "cold food"]).contains("opened for Emma Stone"));
    book.ok(&["heads-up", "--id", "3"]);
    assert!(book.ok(&["log", "--guest-id", "3"]).contains("guest edited  guest 3 (Emma Stone)  fields: greeting"));
    assert!(book.ok(&["export", "--id", "3"]).contains("\"name\":\"Emma Stone\""));
    let merged = book.ok(&["guest", "merge", "--id", "3", "--into-id", "2"]);
    assert_eq!(merged.trim(), "guest 3 merged into guest 2: 王建华");
    assert!(book.ok(&["forget", "--id", "2", "--yes"]).contains("guest 2 erased"));
    let run = book.run(&["card", "--id", "99"]);
    assert!(run.one_line_error().contains("guest 99 is not in the guest book"), "{}", run.stderr);
}

#[test]
fn resolving_twice_is_refused_and_audited_once() {
    let book = Book::holding(GUESTS_JSONL);
    book.ok(&["recovery", "resolve", "1"]);
    let before = book.dump();
    let run = book.run(&["recovery", "resolve", "1"]);
    assert!(run.one_line_error().contains("1 was resolved already, on "), "{}", run.stderr);
    assert_eq!(book.dump(), before);
}

#[test]
fn a_heads_up_to_a_station_no_desk_uses_is_refused_unless_meant() {
    let book = Book::holding(GUESTS_JSONL);
    book.ok(&["--station", "restaurant", "heads-up", "--id", "1"]);
    let before = book.dump();
    let run = book.run(&["--station", "lobby", "heads-up", "--id", "1", "--to", "restuarant"]);
    assert_eq!(
        run.one_line_error(),
        "regulars: no desk has opened the guest book as station \"restuarant\"; the stations are lobby, restaurant; nothing was sent (--yes sends it anyway)"
    );
    assert_eq!(book.dump(), before);
    assert!(book.ok(&["heads-up", "--id", "1", "--to", "restaurant"]).contains("heads-up sent to restaurant"));
    assert!(book.ok(&["heads-up", "--id", "1", "--to", "terrace", "--yes"]).contains("heads-up sent to terrace"));
}

#[test]
fn export_and_import_keep_the_whole_book_with_mishaps_of_no_guest() {
    let book = Book::holding(GUESTS_JSONL);
    book.ok(&["recovery", "add", "--category", "noise", "--cost", "1,200.50", "--follow-up", "earplugs"]);
    book.ok(&["recovery", "add", "--category", "billing error", "--at", "2026-11-01T10:00:00Z"]);
    book.ok(&["--station", "lobby", "heads-up", "--id", "1"]);
    let today = chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string();
    let exported = book.ok(&["export"]);
    assert!(exported.contains("{\"mishap\":{"), "{exported}");
    let report = book.ok(&["report", "--until", &today]);
    let outreach = book.ok(&["outreach", "--birthdays", "366"]);

    let copy = Book::new();
    let file = copy.write("book.jsonl", &exported);
    let out = copy.ok(&["import", file.to_str().unwrap()]);
    assert!(out.contains("3 added, 0 merged, 0 already there, 2 recoveries with no guest"), "{out}");
    assert_eq!(copy.ok(&["export"]), exported, "export → import → export is byte-identical");
    assert_eq!(copy.ok(&["report", "--until", &today]), report, "the tally is the same");
    assert_eq!(copy.ok(&["outreach", "--birthdays", "366"]), outreach, "the outreach list is the same");
    let again = copy.ok(&["import", file.to_str().unwrap()]);
    assert!(again.contains("0 added, 0 merged, 3 already there"), "importing twice adds nothing: {again}");
    assert!(!again.contains("recover"), "{again}");
}

#[test]
fn the_tally_never_prints_a_negative_zero_and_counts_are_worded_right() {
    let book = Book::holding(GUESTS_JSONL);
    book.ok(&["recovery", "add", "--category", "noise", "--cost", "0"]);
    let report = book.ok(&["report"]);
    assert!(!report.contains("-0.00") && !report.contains("-0.0"), "{report}");
    assert!(report.contains("(90 days)"), "{report}");
    let one_day = book.ok(&["report", "--since", "2026-11-23", "--until", "2026-11-23"]);
    assert!(one_day.contains("(1 day)"), "{one_day}");
    let found = book.ok(&["find", "王"]);
    assert!(found.contains(", 1 visit  id 2"), "{found}");
    let found = book.ok(&["find", "yu"]);
    assert!(found.contains(", 4 visits  id 1"), "{found}");
    let list =
        book.write("one.jsonl", "{\"mishap\":{\"opened_at\":\"2026-11-01T10:00:00Z\",\"category\":\"noise\"}}\n");
    assert!(book.ok(&["import", list.to_str().unwrap()]).contains("1 recovery with no guest"));
}

#[test]
fn amounts_are_read_as_the_locale_writes_them() {
    let book = Book::holding(GUESTS_JSONL);
    book.ok(&["recovery", "add", "--category", "room upgrade", "--cost", "1,200.50"]);
    let german = common::run_with(
        &book.path,
        &["recovery", "add", "--category", "room upgrade", "--cost", "1.200,50"],
        &[("LC_ALL", "de_DE.UTF-8")],
    );
    assert_eq!(german.code, 0, "{}", german.stderr);
    let costs = |book: &Book| -> Vec<String> {
        let json: serde_json::Value = serde_json::from_str(&book.ok(&["report", "--json"])).unwrap();
        json["categories"].as_array().unwrap().iter().map(|c| c["total_cost"].to_string()).collect()
    };
    assert!(costs(&book).contains(&"2401.0".to_owned()), "1200.5 twice: {:?}", costs(&book));
    let run = book.run(&["recovery", "add", "--category", "x", "--cost", "12.345.6"]);
    assert!(run.one_line_error().contains("\"12.345.6\" is not an amount"), "{}", run.stderr);
}

#[test]
fn a_new_guest_with_the_phone_of_one_in_the_book_is_refused_unless_meant() {
    let book = Book::holding(GUESTS_JSONL);
    let run = book.run(&["guest", "add", "--name", "Ming Yu", "--phone", "13800000108"]);
    assert_eq!(
        run.one_line_error(),
        "regulars: possibly in the book already: Yu Ming (guest 1, same phone); nothing was added (--yes adds them anyway)"
    );
    assert!(book.ok(&["guest", "add", "--name", "Ming Yu", "--phone", "13800000108", "--yes"]).contains("added"));
}

#[test]
fn outreach_notes_who_was_written_to_and_pages_by_reason() {
    let book = Book::new();
    let soon = (chrono::Utc::now().date_naive() + chrono::Duration::days(3)).format("%m-%d").to_string();
    let long_ago = (chrono::Utc::now() - chrono::Duration::days(500)).to_rfc3339();
    let longer_ago = (chrono::Utc::now() - chrono::Duration::days(600)).to_rfc3339();
    let list = format!(
        "{{\"name\":\"Birthday Girl\",\"birthday\":\"--{soon}\"}}\n\
         {{\"name\":\"Old Regular\",\"visits\":[{{\"at\":\"{longer_ago}\"}},{{\"at\":\"{long_ago}\"}}]}}\n"
    );
    let file = book.write("outreach.jsonl", list);
    book.ok(&["import", file.to_str().unwrap()]);
    assert!(!book.ok(&["outreach", "--only", "lapsed"]).contains("Birthday Girl"));
    assert!(book.ok(&["outreach", "--only", "birthdays"]).contains("Birthday Girl"));
    let noted = book.ok(&["outreach", "--written", "1"]);
    assert!(noted.starts_with("noted: Birthday Girl was written to for the birthday ("), "{noted}");
    let left = book.ok(&["outreach"]);
    assert!(!left.contains("Birthday Girl") && left.contains("Old Regular"), "left out till next time:\n{left}");
    assert!(book.ok(&["export"]).contains("\"written_to\":[{\"occasion\":\"birthday\""));
    let run = book.run(&["outreach", "--written", "1"]);
    assert!(run.one_line_error().contains("guest 1 is not on the outreach list now"), "{}", run.stderr);
}

#[test]
fn csv_and_json_lines_on_a_terminal_are_inert_but_exact_in_a_file() {
    let book = Book::new();
    let hostile = "{\"name\":\"Eve \\u001b[2J\\u009b31m\"}\n";
    let file = book.write("hostile.jsonl", hostile);
    book.ok(&["import", file.to_str().unwrap()]);
    let binary = env!("CARGO_BIN_EXE_regulars");
    for format in ["csv", "jsonl"] {
        let command = format!("{binary} --db {} export --format {format}", book.path.display());
        // `script` gives the command a terminal of its own, as a user at the desk has.
        let shown = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .env("REGULARS_CONFIG", "/dev/null")
            .output()
            .expect("script (util-linux) runs a command in a terminal");
        let shown = String::from_utf8_lossy(&shown.stdout);
        assert!(shown.contains("Eve"), "{format}: {shown:?}");
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{9b}'), "{format} on a terminal drove it: {shown:?}");
    }
    let raw = book.ok(&["export", "--format", "csv"]);
    assert!(raw.contains("Eve \u{1b}[2J\u{9b}31m"), "to a pipe the data is exact: {raw:?}");
}

#[test]
fn the_tally_counts_days_on_the_desks_clock() {
    let book = Book::new();
    // 03:00 on 23 November in Bangkok is still 22 November in London.
    book.ok(&["recovery", "add", "--category", "noise", "--at", "2026-11-22T20:00:00Z"]);
    let on = |tz: &str| {
        common::run_with(&book.path, &["report", "--since", "2026-11-23", "--until", "2026-11-23"], &[("TZ", tz)])
    };
    let bangkok = on("<+07>-7");
    assert!(bangkok.stdout.starts_with("Mishap tally 2026-11-23 – 2026-11-23 (1 day)"), "{}", bangkok.stdout);
    assert!(bangkok.stdout.contains("\nnoise "), "counted on the 23rd in Bangkok:\n{}", bangkok.stdout);
    let london = on("UTC");
    assert!(london.stdout.contains("No mishaps recorded in this period."), "{}", london.stdout);
}
