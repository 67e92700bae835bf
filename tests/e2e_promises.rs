//! Two desks on the real binary in tmux, on the real clock: the lobby promises the restaurant an early breakfast due
//! in a minute; the restaurant's banner says so when it falls due, the lobby's once it is overdue, and a tick at the
//! restaurant clears both.

mod common;

use std::time::{Duration, Instant};

use common::Book;
use common::tmux::Tmux;

const BINARY: &str = env!("CARGO_BIN_EXE_regulars");

fn desk(book: &Book, station: &str, config: &std::path::Path) -> Tmux {
    let tmux = Tmux::start(&format!("promise-{station}"), 100, 30, book.dir.path());
    let db = book.path.display();
    tmux.type_text(&format!("exec {BINARY} --db {db} --config {} --station {station}", config.display()));
    tmux.send(&["Enter"]);
    tmux.wait_for("the counter screen", |s| s.contains("Find ›") && s.contains("5 guests"));
    tmux
}

/// Sleeps until `at`: the promise is kept by the real clock.
fn sleep_until(at: Instant) {
    std::thread::sleep(at.saturating_duration_since(Instant::now()));
}

#[test]
fn a_promise_reaches_its_owner_when_due_every_desk_when_overdue_and_a_tick_clears_both() {
    let book = Book::counter();
    // Overdue a minute after its time, so that the test takes two minutes rather than eleven.
    let config = book.write("config.toml", "overdue_after_minutes = 1\n");
    let lobby = desk(&book, "lobby", &config);
    let restaurant = desk(&book, "restaurant", &config);

    lobby.type_text("jon");
    lobby.wait_for("Jon's card", |s| s.contains("Greet as   Mr. Smith"));
    lobby.send(&["F4"]);
    lobby.wait_for("the recovery form", |s| s.contains("Record a recovery"));
    lobby.type_text("room upgrade");
    lobby.send(&["Tab", "Tab", "Tab", "Tab"]);
    lobby.type_text("early breakfast ready @restaurant due:+1m");
    lobby.send(&["C-s"]);
    let made = Instant::now();
    lobby.wait_for("the recovery saved", |s| {
        s.contains("@restaurant · in 1 min") || s.contains("@restaurant · due now")
    });
    let ahead = restaurant.wait_for("the promise read at the restaurant", |s| !s.contains("Find › jon"));
    assert!(!ahead.contains('⏰'), "not due yet:\n{ahead}");

    sleep_until(made + Duration::from_secs(58));
    let due = restaurant.wait_for("the banner at the restaurant", |s| s.contains("⏰"));
    assert!(due.contains("@restaurant · early breakfast ready — Jon Smith"), "{due}");
    assert!(!lobby.screen().contains('⏰'), "due is the owner's business:\n{}", lobby.screen());

    sleep_until(made + Duration::from_secs(118));
    let overdue = lobby.wait_for("the banner at the lobby", |s| s.contains("⏰ overdue"));
    assert!(overdue.contains("@restaurant · early breakfast ready"), "{overdue}");

    restaurant.send(&["F12"]);
    restaurant.wait_for("the promises list", |s| s.contains("▶") && s.contains("early breakfast ready"));
    restaurant.send(&["x"]);
    // The tick is said at once; the list and the banner follow when the watcher reads the book's promises again.
    let ticked = restaurant.wait_for("the tick at the restaurant", |s| {
        s.contains("Ticked “early breakfast ready”") && !s.contains('⏰') && s.contains("0 overdue")
    });
    assert!(!ticked.contains("@restaurant  early breakfast"), "{ticked}");
    lobby.wait_for("the tick seen at the lobby", |s| !s.contains('⏰'));
    let card = book.ok(&["card", "jon"]);
    assert!(card.contains("[x] early breakfast ready"), "{card}");
    for tmux in [lobby, restaurant] {
        tmux.send(&["C-c"]);
    }
}
