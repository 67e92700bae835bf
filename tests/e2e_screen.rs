//! The counter screen end to end: the real binary in tmux on a temporary guest book, driven by keys, read off
//! the screen.

mod common;

use std::path::Path;

use common::Book;
use common::tmux::Tmux;

const BINARY: &str = env!("CARGO_BIN_EXE_regulars");

/// A book with the counter fixture's five guests, and a shell in a `width`×`height` tmux window where
/// `regulars --db BOOK ARGS` has been typed and entered.
fn counter_screen(name: &str, width: u16, height: u16, args: &str) -> (Book, Tmux) {
    let book = Book::counter();
    let tmux = Tmux::start(name, width, height, book.dir.path());
    tmux.type_text(&format!("{BINARY} --db {} {args}", book.path.display()));
    tmux.send(&["Enter"]);
    (book, tmux)
}

#[test]
fn find_a_guest_see_the_card_move_and_quit_cleanly() {
    let (_book, tmux) = counter_screen("counter", 100, 30, "");
    tmux.wait_for("the counter screen", |s| s.contains("Find ›") && s.contains("5 guests"));

    tmux.type_text("smi");
    let screen =
        tmux.wait_for("Jon Smith's card", |s| s.contains("2 of 5 guests") && s.contains("Greet as   Mr. Smith"));
    assert!(screen.contains("Last seat  Window 2 · 2026-11-23"), "{screen}");
    assert!(screen.contains("The usual  Sandwich, Coffee, Egg — 3 of last 4"), "{screen}");
    assert!(screen.contains("ALLERGIES  shellfish"), "{screen}");

    tmux.send(&["Down"]);
    let screen = tmux.wait_for("the second match's card", |s| s.contains("Greet as   Emily"));
    assert!(screen.contains("Last seat  Table 9"), "{screen}");

    tmux.send(&["C-u"]);
    tmux.type_text("0108");
    let screen = tmux.wait_for("the caller found by phone digits", |s| s.contains("OPEN RECOVERY"));
    assert!(screen.contains("[ ] portable fans for the hot afternoon"), "{screen}");

    tmux.send(&["C-u"]);
    tmux.type_text("ym");
    tmux.wait_for("于明 found by the initials of his pinyin", |s| s.contains("Greet as   于先生"));

    tmux.send(&["C-c"]);
    let screen = tmux.wait_for("the shell back", |s| !s.contains("Find ›") && s.matches("desk$").count() >= 2);
    assert!(screen.contains(&format!("{BINARY} --db")), "the shell's own screen is back:\n{screen}");
}

#[test]
fn query_flag_opens_with_the_search_run_and_a_too_small_window_says_so() {
    let (_book, tmux) = counter_screen("small", 70, 20, "--phone '+86 (138) 0000-0108'");
    tmux.wait_for("the enlarge message", |s| s.contains("Enlarge the window") && s.contains("70×20"));
    tmux.resize(100, 30);
    let screen = tmux.wait_for("the caller's card", |s| s.contains("Greet as   于先生"));
    assert!(screen.contains("1 of 5 guests"), "{screen}");
    tmux.send(&["C-c"]);
    tmux.wait_for("the shell back", |s| !s.contains("Enlarge") && s.matches("desk$").count() >= 2);
}

#[test]
fn a_guest_added_visited_and_recovered_at_the_counter_is_all_there_after_a_restart() {
    let book = Book::new();
    let tmux = Tmux::start("workflow", 100, 30, book.dir.path());
    let launch = format!("{BINARY} --db {}", book.path.display());
    tmux.type_text(&launch);
    tmux.send(&["Enter"]);
    tmux.wait_for("the welcome page", |s| s.contains("This guest book is empty"));

    tmux.type_text("Nora Quinn");
    tmux.send(&["C-a"]);
    tmux.wait_for("the new guest form", |s| s.contains("Add a guest") && s.contains("Name          Nora Quinn"));
    tmux.send(&["Tab"]);
    tmux.type_text("Ms");
    tmux.send(&["Tab"]);
    tmux.wait_for("the greeting proposed", |s| s.contains("Greeting      Ms. Quinn  → takes it"));
    tmux.send(&["Right", "C-s"]);
    tmux.wait_for("the new guest's card", |s| s.contains("Added Nora Quinn") && s.contains("Greet as   Ms. Quinn"));

    tmux.send(&["F3"]);
    tmux.wait_for("the visit form", |s| s.contains("Log a visit — Nora Quinn"));
    tmux.type_text("Bar 3");
    tmux.send(&["Tab"]);
    tmux.type_text("flat white, croissant");
    tmux.send(&["C-s"]);
    tmux.wait_for("the first visit", |s| s.contains("Visit logged for Ms. Quinn: Bar 3 · flat white, croissant"));

    tmux.send(&["F2"]);
    tmux.wait_for("the usual logged", |s| s.contains("Logged the usual for Ms. Quinn: Bar 3 · flat white, croissant"));

    tmux.send(&["F4"]);
    tmux.wait_for("the recovery form", |s| s.contains("Record a recovery — Nora Quinn"));
    tmux.type_text("late order");
    tmux.send(&["Tab", "Tab", "Tab", "Tab"]);
    tmux.type_text("call back; dessert next time");
    tmux.send(&["C-s"]);
    tmux.wait_for("the recovery on the card", |s| s.contains("OPEN RECOVERY") && s.contains("[ ] dessert next time"));
    tmux.send(&["F5"]);
    tmux.wait_for("the first follow-up ticked", |s| s.contains("[x] call back"));

    tmux.send(&["C-c"]);
    tmux.wait_for_shell();
    tmux.type_text(&launch);
    tmux.send(&["Enter"]);
    tmux.type_text("nora");
    let screen = tmux.wait_for("Nora's card after a restart", |s| s.contains("Greet as   Ms. Quinn"));
    for expected in
        ["The usual  flat white, croissant — 2 of last 2", "Last seat  Bar 3", "[x] call back", "[ ] dessert next time"]
    {
        assert!(screen.contains(expected), "{expected:?} missing after the restart:\n{screen}");
    }
    tmux.send(&["C-c"]);

    let card = book.ok(&["card", "nora"]);
    for expected in [
        "Greet as     Ms. Quinn",
        "The usual    flat white, croissant — 2 of last 2 visits",
        "OPEN RECOVERY",
        "[x] call back",
        "[ ] dessert next time",
    ] {
        assert!(card.contains(expected), "`regulars card` lacks {expected:?}:\n{card}");
    }
}

#[test]
fn the_tally_and_outreach_screens_open_from_the_counter_and_return() {
    let (_book, tmux) = counter_screen("screens", 100, 30, "");
    tmux.wait_for("the counter screen", |s| s.contains("Find ›") && s.contains("5 guests"));
    tmux.send(&["C-t"]);
    tmux.wait_for("the tally", |s| s.contains("Mishap tally · last 90 days") && s.contains("room upgrade"));
    tmux.send(&["Escape"]);
    tmux.wait_for("the counter again", |s| s.contains("┌ Guests"));
    tmux.send(&["C-o"]);
    tmux.wait_for("the outreach list", |s| s.contains("Outreach · birthdays in 14 days"));
    tmux.send(&["Escape"]);
    tmux.wait_for("the counter again", |s| s.contains("┌ Guests"));
    tmux.send(&["C-c"]);
}

#[test]
fn two_desks_on_one_book_see_heads_ups_and_visits_without_a_key() {
    let book = Book::counter();
    two_desks_see_heads_ups_and_visits(&book.path.display().to_string(), book.dir.path(), "");
}

#[test]
fn two_desks_on_one_postgresql_book_see_heads_ups_and_visits_without_a_key() {
    let db = common::pg_counter_database();
    let dir = tempfile::tempdir().unwrap();
    two_desks_see_heads_ups_and_visits(&db, dir.path(), "pg-");
}

/// Two screens on the book `db` (from `cwd`, their tmux sessions' names starting with `prefix`): a heads-up from one
/// and one from the command line show on the other, a heads-up taken is seen taken, and a visit logged at one shows
/// on the other's card, all without a key.
fn two_desks_see_heads_ups_and_visits(db: &str, cwd: &Path, prefix: &str) {
    let lobby = Tmux::start(&format!("{prefix}lobby"), 100, 30, cwd);
    let restaurant = Tmux::start(&format!("{prefix}restaurant"), 100, 30, cwd);
    for (tmux, station) in [(&lobby, "lobby"), (&restaurant, "restaurant")] {
        tmux.type_text(&format!("{BINARY} --db '{db}' --station {station}"));
        tmux.send(&["Enter"]);
        tmux.wait_for("the counter screen", |s| s.contains("5 guests"));
    }
    restaurant.type_text("jon");
    restaurant.wait_for("Jon's card at the restaurant", |s| s.contains("Visits     4 since"));

    // A heads-up from the lobby's screen…
    lobby.type_text("jon");
    lobby.wait_for("Jon's card in the lobby", |s| s.contains("Greet as   Mr. Smith"));
    lobby.send(&["F8"]);
    lobby.wait_for("the heads-up form", |s| s.contains("Heads-up — Jon Smith is on the way"));
    lobby.type_text("restaurant");
    lobby.send(&["Tab"]);
    lobby.type_text("took the lift down");
    lobby.send(&["C-s"]);
    lobby.wait_for("sent", |s| s.contains("Heads-up sent to restaurant"));
    restaurant.wait_for("the banner at the restaurant", |s| {
        s.contains("▶ Mr. Smith (Jon Smith) on the way — from lobby") && s.contains("took the lift down")
    });
    // …taken at the restaurant, which the lobby is told.
    restaurant.send(&["C-y"]);
    restaurant.wait_for("cleared where taken", |s| !s.contains("▶ Mr. Smith"));
    lobby.wait_for("the lobby sees it taken", |s| {
        s.contains("Your heads-up about Mr. Smith was taken by Nok at restaurant")
    });

    // A heads-up from a door system, by the command line, to every station.
    let door =
        common::run_with(Path::new(db), &["--station", "door", "heads-up", "0108", "--note", "at the front door"], &[]);
    assert_eq!(door.code, 0, "{}", door.stderr);
    restaurant.wait_for("the door's heads-up", |s| s.contains("▶ 于先生 (于明) on the way — from door"));
    lobby.wait_for("at the lobby too", |s| s.contains("▶ 于先生 (于明) on the way — from door"));

    // A visit logged in the lobby shows on the restaurant's card without a key.
    lobby.send(&["F2"]);
    lobby.wait_for("the usual logged", |s| {
        s.contains("Logged the usual for Mr. Smith") && s.contains("Visits     5 since")
    });
    restaurant.wait_for("the new visit at the restaurant", |s| s.contains("Visits     5 since"));
    lobby.send(&["C-c"]);
    restaurant.send(&["C-c"]);
}

#[test]
fn a_screen_whose_server_stops_searches_on_keeps_the_form_and_saves_once_it_is_back() {
    let server = common::pg::own_server();
    let db = common::with_counter_fixture(server.database());
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("pg-outage", 100, 30, dir.path());
    tmux.type_text(&format!("{BINARY} --db '{db}' --station restaurant"));
    tmux.send(&["Enter"]);
    tmux.wait_for("the counter screen", |s| s.contains("5 guests"));
    tmux.type_text("jon");
    tmux.wait_for("Jon's card", |s| s.contains("Visits     4 since"));

    server.stop();
    tmux.wait_for("the screen saying so", |s| s.contains("⚠ The book's server cannot be reached"));
    // Search answers from the index in memory; a card read before is shown as read.
    tmux.send(&["C-u"]);
    tmux.type_text("ym");
    tmux.wait_for("于明 found with the server down", |s| s.contains("2 of 5 guests") && s.contains("于明  于先生"));
    tmux.send(&["C-u"]);
    tmux.type_text("jon");
    tmux.wait_for("Jon's card as read", |s| s.contains("Greet as   Mr. Smith") && s.contains("Visits     4 since"));

    // A visit typed now is refused with one line, and the form keeps what was typed.
    // (The banner stands over the panes' titles.)
    tmux.send(&["F3"]);
    tmux.wait_for("the visit form", |s| s.contains("Seat          Window 2"));
    tmux.send(&["C-u"]);
    tmux.type_text("Window 3");
    tmux.send(&["Tab", "C-u"]);
    tmux.type_text("club sandwich");
    tmux.send(&["C-s"]);
    let screen = tmux.wait_for("the save refused", |s| {
        s.contains("Not saved: the guest book server cannot be reached") && s.contains("Window 3")
    });
    assert!(screen.contains("Window 3") && screen.contains("club sandwich"), "the form keeps the typing:\n{screen}");

    // The server comes back: the desk reconnects by itself, says so, and the same form saves.
    server.start_again();
    tmux.wait_for("the desk connected again", |s| s.contains("Connected to the book's server again"));
    tmux.send(&["C-s"]);
    tmux.wait_for("the visit saved", |s| {
        s.contains("Visit logged for Mr. Smith: Window 3 · club sandwich") && s.contains("Visits     5 since")
    });
    tmux.send(&["C-c"]);
    tmux.wait_for("the shell back", |s| !s.contains("Find ›"));
    let visits = common::run_with(Path::new(&db), &["card", "jon"], &[]);
    assert_eq!(visits.stdout.matches("club sandwich").count(), 1, "saved once:\n{}", visits.stdout);
}

#[test]
fn a_name_typed_in_the_other_script_or_spelled_as_in_hong_kong_finds_the_guest() {
    let book =
        Book::holding("{\"name\":\"黄薇\",\"greeting\":\"黄女士\"}\n{\"name\":\"陈大文\",\"greeting\":\"陈先生\"}\n");
    let tmux = Tmux::start("scripts", 100, 30, book.dir.path());
    tmux.type_text(&format!("{BINARY} --db {}", book.path.display()));
    tmux.send(&["Enter"]);
    tmux.wait_for("the counter screen", |s| s.contains("2 guests"));
    tmux.type_text("黃薇");
    tmux.wait_for("黄薇 found by her name in Traditional", |s| {
        s.contains("1 of 2 guests") && s.contains("Greet as   黄女士")
    });
    tmux.send(&["C-u"]);
    tmux.type_text("Chan Tai Man");
    let screen = tmux.wait_for("陈大文 by his Hong Kong spelling", |s| s.contains("Greet as   陈先生"));
    assert!(screen.contains("Cantonese"), "the list says which spelling matched:\n{screen}");
    tmux.send(&["C-c"]);
    tmux.wait_for("the shell back", |s| !s.contains("Find ›"));
}

#[test]
fn a_book_readable_by_others_is_said_on_the_screen_with_the_fix() {
    use std::os::unix::fs::PermissionsExt;
    let book = Book::counter();
    std::fs::set_permissions(&book.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let tmux = Tmux::start("exposed", 120, 30, book.dir.path());
    tmux.type_text(&format!("{BINARY} --db {}", book.path.display()));
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("the warning", |s| s.contains("⚠ the guest book can be read by other users"));
    assert!(screen.contains("chmod 600"), "{screen}");
    tmux.send(&["C-c"]);
}

#[test]
fn the_screen_speaks_the_locales_language_and_f11_switches_it() {
    let book = Book::counter();
    let tmux = Tmux::start("languages", 100, 30, book.dir.path());
    let start = |args: &str| {
        let env = "env -u LC_ALL -u LC_MESSAGES -u REGULARS_LANG LANG=zh_TW.UTF-8";
        tmux.type_text(&format!("{env} {BINARY} --db {} {args}", book.path.display()));
        tmux.send(&["Enter"]);
    };
    start("--query 0108");
    let screen = tmux.wait_for("the card in Traditional Chinese", |s| s.contains("稱呼") && s.contains("老樣子"));
    assert!(screen.contains("未結補救"), "{screen}");
    tmux.send(&["F11"]);
    tmux.wait_for("the card in English, without a restart", |s| s.contains("Greet as") && s.contains("The usual"));
    tmux.send(&["C-c"]);
    tmux.wait_for("the shell back", |s| s.matches("desk$").count() >= 2);
    start("--lang en --query 0108");
    let screen = tmux.wait_for("the card in English by --lang", |s| s.contains("Greet as") && s.contains("The usual"));
    assert!(!screen.contains("稱呼"), "{screen}");
    tmux.send(&["C-c"]);
}
