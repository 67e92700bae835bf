//! The desk service on a real book: one write is one write, one card load and one search; a locked book never
//! stops the screen; a lost index is said; a clash on taking back a merge is refused; a form is kept when the
//! screen is closed under the user. And the architecture it stands on: search knows nothing of the store.

mod common;

use std::time::Duration;

use common::screen::Screen;
use crossterm::event::{KeyCode, KeyModifiers};
use regulars::domain::{GuestId, Profile};
use regulars::tui::action::Msg;

#[test]
fn one_usual_is_one_write_one_card_load_and_one_search() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("jon");
    screen.received.clear();
    screen.press(KeyCode::F(2));
    // Long enough for the watcher to see the desk's own commit (it looks four times a second) and pass over it.
    std::thread::sleep(Duration::from_millis(700));
    screen.settle();
    let count = |kind: fn(&Msg) -> bool| screen.received.iter().filter(|m| kind(m)).count();
    assert_eq!(count(|m| matches!(m, Msg::Written { .. })), 1);
    assert_eq!(count(|m| matches!(m, Msg::Card { .. })), 1, "{:#?}", screen.received);
    assert_eq!(count(|m| matches!(m, Msg::Results(_))), 1, "{:#?}", screen.received);
    assert!(
        screen.received.iter().all(|m| !matches!(m, Msg::Elsewhere { guests, .. } if !guests.is_empty())),
        "the watcher passed over this desk's own write"
    );
}

#[test]
fn a_name_asked_for_before_the_spellings_are_read_is_found_by_them() {
    // The first results come before the names' other spellings are read; the query is answered again once they are.
    let guests = "{\"name\":\"陳大文\"}\n{\"name\":\"Emma Stone\"}\n";
    let mut screen = Screen::with_query(guests, (100, 30), "chan tai man");
    screen.wait_for("陳大文 found by the Cantonese spelling", |s| s.found_names() == ["陳大文"]);
    let results = screen.app.results.as_ref().map(|r| r.found.iter().map(|f| f.field).collect::<Vec<_>>());
    assert_eq!(results, Some(vec![regulars::search::Field::Spelled(regulars::search::Spelling::Cantonese)]));
}

#[test]
fn a_write_waiting_for_a_locked_book_leaves_the_screen_answering() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("jon");
    screen.press(KeyCode::Enter);
    // Another desk holds the book's write lock.
    let lock = rusqlite::Connection::open(&screen.book).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE").unwrap();
    screen.key_unsettled(KeyCode::F(2), KeyModifiers::NONE);
    assert_eq!(screen.status().as_deref(), Some("Saving for Mr. Smith…"));
    for c in "emma".chars() {
        screen.key_unsettled(KeyCode::Char(c), KeyModifiers::NONE);
    }
    screen.wait_for("the search answered while the write waits", |s| {
        s.app.results_current() && s.card_name() == Some("Emma Stone")
    });
    assert!(!screen.desk().is_idle(), "the visit is still waiting for the lock");
    lock.execute_batch("COMMIT").unwrap();
    screen.settle();
    assert!(screen.status().is_some_and(|s| s.starts_with("Logged the usual for Mr. Smith")), "{:?}", screen.status());
    assert_eq!(screen.other_desk().history(GuestId(1)).unwrap().visits.len(), 5);
}

#[test]
fn taking_back_a_merge_after_another_desk_edited_the_kept_guest_is_refused() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("emily");
    screen.press(KeyCode::F(9));
    screen.type_text("jon smith");
    screen.press(KeyCode::Enter);
    screen.press(KeyCode::Enter);
    assert!(screen.status().is_some_and(|s| s.starts_with("Merged Emily Smithers into Jon Smith")));
    let mut other = screen.other_desk();
    let jon = other.history(GuestId(1)).unwrap().guest;
    let edited = Profile { greeting: "Jon".into(), ..jon.profile.clone() };
    other.edit_guest(jon.id, jon.version, &jon.profile, edited, "Ana").unwrap();
    screen.ctrl('z');
    assert_eq!(
        screen.status().as_deref(),
        Some("Not taken back for Mr. Smith: another desk changed this guest meanwhile; nothing was saved")
    );
    assert_eq!(screen.other_desk().history(GuestId(1)).unwrap().guest.profile.greeting, "Jon", "theirs is kept");
}

#[test]
fn a_guest_that_cannot_be_read_is_left_out_of_search_and_said_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    let mut store = regulars::store::Store::open(&path, regulars::store::DEFAULT_BUSY_TIMEOUT).unwrap();
    store.add_guest(Profile { name: "Ann".into(), ..Profile::default() }, "Nok").unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE guests SET tags = 'not a list' WHERE id = 1", []).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let options = regulars::desk::DeskOptions {
        staff: "Nok".into(),
        station: String::new(),
        demo_guests: 0,
        heads_up_minutes: 15,
        regular_visits: regulars::domain::regular::REGULAR_VISITS,
    };
    let desk = regulars::desk::Desk::open(store, &options, move |msg| {
        let _ = tx.send(msg);
    })
    .unwrap();
    let said = std::iter::from_fn(|| rx.recv_timeout(Duration::from_secs(10)).ok())
        .find_map(|msg| if let Msg::Unreadable(rows) = msg { Some(rows) } else { None })
        .expect("the row is said");
    assert_eq!((said.rows.len(), said.more), (1, 0), "{said:?}");
    assert_eq!((said.rows[0].kind, said.rows[0].id), (regulars::store::Kind::Guest, Some(1)));
    assert_eq!(said.rows[0].to_string(), "guest 1 (tags is not a list of text)");
    desk.close();
}

#[test]
fn a_form_typed_when_the_screen_is_closed_is_kept_and_offered_back() {
    let mut screen = Screen::at_station(common::screen::COUNTER, (100, 30), Some("lobby"));
    screen.ctrl('r');
    screen.type_text("late order");
    screen.press(KeyCode::Tab);
    screen.type_text("the soup came cold");
    screen.dispatch(Msg::Closing);
    assert!(screen.app.quit);
    let notes = screen.close();
    assert!(notes.iter().any(|n| n.starts_with("the form being typed is kept in")), "{notes:?}");
    let kept = regulars::desk::drafts::path(&screen.book, "lobby");
    let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&kept).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600, "a draft holds guest data: readable by its owner only");

    let mut again = Screen::beside(&screen, (100, 30), Some("lobby"));
    again.offer_draft("lobby");
    assert_eq!((again.form_text(0), again.form_text(1)), ("late order".to_owned(), "the soup came cold".to_owned()));
    assert!(again.status().is_some_and(|s| s.starts_with("A form typed before the screen was closed is back")));
    assert!(!kept.exists(), "offered back once");
    again.ctrl('s');
    assert!(again.app.form.is_none());
}

#[test]
fn an_edit_kept_as_a_draft_still_keeps_what_another_desk_changed_meanwhile() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("0108");
    screen.press(KeyCode::F(7));
    for _ in 0..7 {
        screen.press(KeyCode::Tab);
    }
    screen.type_text("quiet table");
    screen.dispatch(Msg::Closing);
    screen.close();
    let mut other = screen.other_desk();
    let yu = other.history(GuestId(2)).unwrap().guest;
    let shellfish = Profile { allergies: vec!["peanuts".into(), "shellfish".into()], ..yu.profile.clone() };
    other.edit_guest(yu.id, yu.version, &yu.profile, shellfish, "Ana").unwrap();
    let mut again = Screen::beside(&screen, (100, 30), None);
    again.offer_draft("");
    assert_eq!(again.form_text(7), "quiet table");
    again.ctrl('s');
    let saved = again.other_desk().history(GuestId(2)).unwrap().guest.profile;
    assert_eq!((saved.allergies.len(), saved.preferences.as_slice()), (2, ["quiet table".to_owned()].as_slice()));
}

#[test]
fn search_knows_nothing_of_the_store_and_sql_lives_in_the_store_only() {
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let shown = file.display().to_string();
        if shown.contains("/src/search/") {
            assert!(!text.contains("crate::store"), "{shown} reaches into the store");
        }
        if !shown.contains("/src/store/") {
            assert!(!text.contains("rusqlite"), "{shown} uses SQLite directly");
        }
    }
}
