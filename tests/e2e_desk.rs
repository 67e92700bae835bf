//! A screen that never waits, never misdates and never loses typing — on the real binary in tmux.

mod common;

use std::time::Duration;

use chrono::{DateTime, Utc};
use common::Book;
use common::tmux::Tmux;

const BINARY: &str = env!("CARGO_BIN_EXE_regulars");

/// The counter screen in a 100×30 tmux window, started so that its process id is written to `pid` (the shell's
/// `exec` keeps the id).
fn screen(book: &Book, name: &str, args: &str) -> Tmux {
    let tmux = Tmux::start(name, 100, 30, book.dir.path());
    let pid = book.file("pid");
    tmux.type_text(&format!("sh -c 'echo $$ > {}; exec {BINARY} --db {} {args}'", pid.display(), book.path.display()));
    tmux.send(&["Enter"]);
    tmux.wait_for("the counter screen", |s| s.contains("Find ›") && s.contains("5 guests"));
    tmux
}

fn signal(book: &Book, name: &str) {
    let pid = std::fs::read_to_string(book.file("pid")).unwrap();
    let status = std::process::Command::new("kill").args([&format!("-{name}"), pid.trim()]).status().unwrap();
    assert!(status.success());
}

/// The time of the newest visit of guest `id`, from the export.
fn last_visit_at(book: &Book, id: &str) -> DateTime<Utc> {
    let line: serde_json::Value = serde_json::from_str(&book.ok(&["export", "--id", id])).unwrap();
    let at = line["visits"].as_array().unwrap().iter().filter_map(|v| v["at"].as_str()).max().unwrap().to_owned();
    DateTime::parse_from_rfc3339(&at).unwrap().with_timezone(&Utc)
}

#[test]
fn a_visit_logged_after_a_minute_idle_is_stamped_with_the_time_of_its_key() {
    let book = Book::counter();
    let tmux = screen(&book, "idle", "");
    tmux.type_text("jon");
    tmux.wait_for("Jon's card", |s| s.contains("Greet as   Mr. Smith"));
    std::thread::sleep(Duration::from_secs(60));
    let pressed = Utc::now();
    tmux.send(&["F2"]);
    tmux.wait_for("the usual logged", |s| s.contains("Logged the usual for Mr. Smith"));
    let logged = Utc::now();
    let at = last_visit_at(&book, "1");
    assert!(pressed - chrono::Duration::seconds(1) <= at && at <= logged, "stamped {at}, key at {pressed}");
    tmux.send(&["C-c"]);
    tmux.wait_for_shell();
}

#[test]
fn keys_typed_while_another_desk_holds_the_book_show_and_the_visit_is_saved_after() {
    let book = Book::counter();
    let tmux = screen(&book, "locked", "");
    tmux.type_text("jon");
    tmux.wait_for("Jon's card", |s| s.contains("Greet as   Mr. Smith"));
    tmux.send(&["Enter"]);
    let lock = rusqlite::Connection::open(&book.path).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE").unwrap();
    tmux.send(&["F2"]);
    tmux.wait_for("saving", |s| s.contains("Saving for Mr. Smith…"));
    tmux.type_text("emma");
    // The book is still locked: the typing shows and the search answers all the same.
    tmux.wait_for("Emma found while the book is locked", |s| s.contains("Find › emma") && s.contains("Ms. Stone"));
    lock.execute_batch("COMMIT").unwrap();
    tmux.wait_for("the visit saved once the lock went", |s| s.contains("Logged the usual for Mr. Smith"));
    tmux.send(&["C-c"]);
    tmux.wait_for_shell();
    let card = book.ok(&["card", "--id", "1"]);
    assert!(card.contains("Visits       5 since"), "{card}");
}

#[test]
fn sigterm_and_sighup_give_the_terminal_back_and_a_form_typed_is_offered_again() {
    let book = Book::counter();
    let tmux = screen(&book, "signals", "--station lobby");
    signal(&book, "TERM");
    tmux.wait_for_shell();
    // A sane terminal reads lines (icanon) and echoes (echo); raw mode would show "-icanon -echo".
    tmux.type_text("stty -a | tr ' ;' '\\n\\n' | grep -cxE 'icanon|echo'");
    tmux.send(&["Enter"]);
    let shown = tmux.wait_for("stty's answer", |s| s.trim_end().ends_with("desk$") && s.contains("\n2\n"));
    assert!(!shown.contains("Find ›"), "out of the alternate screen:\n{shown}");

    tmux.type_text(&format!(
        "clear; sh -c 'echo $$ > {}; exec {BINARY} --db {} --station lobby'",
        book.file("pid").display(),
        book.path.display()
    ));
    tmux.send(&["Enter"]);
    tmux.wait_for("the counter screen", |s| s.contains("5 guests"));
    tmux.send(&["C-r"]);
    tmux.type_text("late order");
    tmux.send(&["Tab"]);
    tmux.type_text("the soup came cold, 20 minutes");
    tmux.wait_for("the form typed", |s| s.contains("the soup came cold, 20 minutes"));
    signal(&book, "HUP");
    let shown = tmux.wait_for_shell();
    assert!(shown.contains("the form being typed is kept in"), "{shown}");
    tmux.type_text(&format!("{BINARY} --db {} --station lobby", book.path.display()));
    tmux.send(&["Enter"]);
    let shown = tmux.wait_for("the form offered back", |s| {
        s.contains("Record a recovery (no guest)") && s.contains("A form typed before the screen was closed is back")
    });
    assert!(shown.contains("Category      late order"), "{shown}");
    assert!(shown.contains("the soup came cold, 20 minutes"), "every character typed is back:\n{shown}");
    tmux.send(&["C-s"]);
    tmux.wait_for("saved", |s| s.contains("Recovery recorded with no guest: late order"));
    tmux.send(&["C-c"]);
    tmux.wait_for_shell();
}
