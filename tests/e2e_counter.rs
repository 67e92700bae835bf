//! The counter made trustworthy, on the real binary in tmux: each fault a new user met, now behaving as it should.

mod common;

use common::Book;
use common::tmux::Tmux;

const BINARY: &str = env!("CARGO_BIN_EXE_regulars");

/// The counter screen on `book` in a 100×30 tmux window, with `args`.
fn screen(book: &Book, name: &str, args: &str) -> Tmux {
    let tmux = Tmux::start(name, 100, 30, book.dir.path());
    tmux.type_text(&format!("{BINARY} --db {} {args}", book.path.display()));
    tmux.send(&["Enter"]);
    tmux.wait_for("the counter screen", |s| s.contains("Find ›") && s.contains("5 guests"));
    tmux
}

/// The card's visit count for a query, from the command line.
fn visits(book: &Book, query: &str) -> String {
    let card = book.ok(&["card", query]);
    card.lines().find(|l| l.trim_start().starts_with("Visits")).unwrap_or_default().trim().to_owned()
}

#[test]
fn the_selection_follows_the_query_and_the_next_name_needs_no_key_first() {
    let book = Book::counter();
    let tmux = screen(&book, "follow", "");
    tmux.type_text("emily");
    tmux.wait_for("Emily's card", |s| s.contains("Greet as   Emily"));
    tmux.send(&["Enter"]);
    tmux.send(&["Escape"]);
    tmux.wait_for("back on the search line", |s| s.contains("Find › emily"));
    // Keys paced as a person presses them: two ESC bytes read together are one Alt-Esc, which clears nothing, and
    // the screen shows no difference to wait for between a card and the search line at this width.
    std::thread::sleep(std::time::Duration::from_millis(300));
    tmux.send(&["Escape"]);
    tmux.wait_for("the search cleared", |s| s.contains("latest first"));
    tmux.type_text("smi");
    // Emily still matches "smi"; Jon Smith is the best match, and his is the card shown.
    tmux.wait_for("Jon Smith selected", |s| s.contains("2 of 5 guests") && s.contains("Greet as   Mr. Smith"));
    tmux.send(&["Enter"]);
    tmux.send(&["F2"]);
    tmux.wait_for("the usual for Jon", |s| s.contains("Logged the usual for Mr. Smith"));
    // The next guest walks up: their name is typed at once, on Jon's open card.
    tmux.type_text("emma");
    tmux.wait_for("Emma's card", |s| s.contains("Find › emma") && s.contains("Greet as   Ms. Stone"));
    tmux.send(&["C-c"]);
    tmux.wait_for_shell();
    assert_eq!(visits(&book, "jon smith"), "Visits       5 since 2026-10-02");
    assert_eq!(visits(&book, "emily"), "Visits       1 since 2024-03-01");
}

#[test]
fn a_name_typed_on_an_open_card_searches_and_writes_nothing() {
    let book = Book::counter();
    let tmux = screen(&book, "fiona", "");
    tmux.type_text("jon");
    tmux.wait_for("Jon's card", |s| s.contains("Find › jon ") && s.contains("Greet as   Mr. Smith"));
    tmux.send(&["Enter"]);
    // The card open: its hints no longer offer Enter (an Enter before the query's own results waits for them).
    tmux.wait_for("the card open", |s| s.contains("Greet as   Mr. Smith") && !s.contains("Enter open"));
    let before = book.dump();
    tmux.type_text("fiona");
    tmux.wait_for("a search for fiona", |s| s.contains("Find › fiona") && s.contains("No guest matches"));
    tmux.type_text("hw");
    tmux.wait_for("still typing", |s| s.contains("Find › fionahw"));
    assert!(!tmux.screen().contains("Heads-up —") && !tmux.screen().contains("Add a guest"), "no form opened");
    tmux.send(&["C-c"]);
    tmux.wait_for_shell();
    assert_eq!(book.dump(), before, "nothing was written");
}

#[test]
fn ctrl_z_on_another_guest_asks_and_names_them() {
    let book = Book::counter();
    let tmux = screen(&book, "undo", "");
    tmux.type_text("0108");
    tmux.wait_for("于明's card", |s| s.contains("Greet as   于先生"));
    tmux.send(&["F2"]);
    tmux.wait_for("the usual logged", |s| s.contains("Logged the usual for 于先生") && s.contains("Ctrl-Z to undo"));
    tmux.send(&["Escape"]);
    tmux.send(&["C-u"]);
    tmux.type_text("jon");
    // The message about 于先生 goes with him. (Waited for, not asserted on the first screen with Jon's card: a
    // capture can land mid-frame, the card drawn and the status line below it not yet.)
    tmux.wait_for("Jon's card, the message about 于先生 gone", |s| {
        s.contains("Greet as   Mr. Smith") && !s.contains("Ctrl-Z to undo")
    });
    tmux.send(&["C-z"]);
    tmux.wait_for("asked first", |s| s.contains("Take back the visit for 于先生 — not the guest on screen?"));
    tmux.send(&["Escape"]);
    tmux.wait_for("kept", |s| s.contains("Not done"));
    assert_eq!(visits(&book, "0108"), "Visits       4 since 2025-06-01", "于明's visit is still there");
    tmux.send(&["C-z"]);
    tmux.send(&["C-z"]);
    tmux.wait_for("taken back, named", |s| s.contains("Took back the visit for 于先生"));
    tmux.send(&["C-c"]);
    tmux.wait_for_shell();
    assert_eq!(visits(&book, "0108"), "Visits       3 since 2025-06-01");
}

#[test]
fn a_clash_between_two_desks_keeps_both_edits_and_the_allergy() {
    let book = Book::counter();
    let a = screen(&book, "desk-a", "--station lobby");
    let b = screen(&book, "desk-b", "--station restaurant");
    for desk in [&a, &b] {
        desk.type_text("0108");
        desk.wait_for("于明's card", |s| s.contains("Greet as   于先生"));
        desk.send(&["F7"]);
        desk.wait_for("the edit form", |s| s.contains("Edit — 于明"));
    }
    // Desk B adds an allergy and saves.
    b.send(&["Tab", "Tab", "Tab", "Tab", "Tab", "Tab"]);
    b.type_text(", shellfish");
    b.send(&["C-s"]);
    b.wait_for("B saved", |s| s.contains("Saved 于先生"));
    // Desk A, which changed only the preferences, saves after.
    a.send(&["Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab"]);
    a.type_text("quiet table");
    a.send(&["C-s"]);
    a.wait_for("A saved, keeping B's change", |s| s.contains("keeping another desk's change to Allergies"));
    for desk in [&a, &b] {
        desk.send(&["C-c"]);
        desk.wait_for_shell();
    }
    let card = book.ok(&["card", "0108"]);
    assert!(card.contains("Allergies    peanuts, shellfish"), "the allergy B added is kept:\n{card}");
    assert!(card.contains("Preferences  quiet table"), "A's change is kept:\n{card}");
    let log = book.ok(&["log", "--guest", "0108"]);
    assert!(log.contains("guest edited  guest 2 (于明)  fields: allergies"), "{log}");
    assert!(log.contains("fields: preferences; joined with another desk's change to allergies"), "{log}");
}

#[test]
fn an_allergen_in_the_usual_asks_first() {
    let book = Book::counter();
    book.ok(&["guest", "edit", "--id", "1", "--allergies", "shellfish, eggs"]);
    let tmux = screen(&book, "allergen", "");
    tmux.type_text("jon");
    tmux.wait_for("the usual marked", |s| s.contains("⚠ Egg") && s.contains("ALLERGIES  shellfish, eggs"));
    tmux.send(&["F2"]);
    tmux.wait_for("asked first", |s| s.contains("⚠ ALLERGY: Mr. Smith is allergic — Egg has eggs. F2 again logs it"));
    tmux.send(&["Escape"]);
    tmux.wait_for("not logged", |s| s.contains("Not done"));
    tmux.send(&["C-c"]);
    tmux.wait_for_shell();
    assert_eq!(visits(&book, "jon smith"), "Visits       4 since 2026-10-02");
    let refused = book.run(&["visit", "--id", "1", "--usual"]);
    assert_eq!(
        refused.one_line_error(),
        "regulars: ALLERGY: Jon Smith is allergic — Egg has eggs; nothing was saved (--yes logs it anyway)"
    );
    book.ok(&["visit", "--id", "1", "--usual", "--yes"]);
    assert_eq!(visits(&book, "jon smith"), "Visits       5 since 2026-10-02");
}

#[test]
fn ctrl_c_on_a_changed_form_asks_first() {
    let book = Book::counter();
    let tmux = screen(&book, "quit", "");
    tmux.send(&["C-r"]);
    tmux.wait_for("the recovery form", |s| s.contains("Record a recovery (no guest)"));
    tmux.type_text("late order");
    tmux.send(&["C-c"]);
    tmux.wait_for("asked first", |s| s.contains("Quit and lose what is typed in the form?"));
    tmux.send(&["Escape"]);
    tmux.wait_for("back in the form", |s| s.contains("Category      late order") && !s.contains("Quit and lose"));
    tmux.send(&["C-c"]);
    tmux.send(&["C-c"]);
    tmux.wait_for_shell();
}

#[test]
fn after_the_last_desk_quits_the_db_file_alone_holds_every_write() {
    let book = Book::counter();
    let tmux = screen(&book, "checkpoint", "");
    tmux.type_text("jon");
    tmux.wait_for("Jon's card", |s| s.contains("Greet as   Mr. Smith"));
    tmux.send(&["F2"]);
    tmux.wait_for("the usual logged", |s| s.contains("Logged the usual for Mr. Smith"));
    tmux.send(&["C-c"]);
    tmux.wait_for_shell();
    let wal = book.path.with_extension("db-wal");
    let left = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert_eq!(left, 0, "the write-ahead log is empty or gone after the last desk quit");
    let copy = book.file("copied.db");
    std::fs::copy(&book.path, &copy).unwrap();
    let card = common::run_with(&copy, &["card", "jon smith"], &[]);
    assert!(
        card.stdout.contains("Visits       5 since 2026-10-02"),
        "the copy of the .db alone has the visit: {}",
        card.stdout
    );
}
