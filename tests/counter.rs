//! The counter made trustworthy, as state tests on the real desk and book: what is shown is what is changed,
//! typing never writes, take-backs cannot surprise, clashes keep both desks' changes, allergens and merges ask.

mod common;

use common::screen::Screen;
use crossterm::event::{KeyCode, KeyModifiers};
use regulars::domain::Profile;
use regulars::tui::app::Focus;

fn audit_rows(screen: &Screen) -> usize {
    screen.other_desk().audit_entries(None, chrono::DateTime::<chrono::Utc>::MIN_UTC).unwrap().len()
}

#[test]
fn every_new_query_selects_its_best_match_and_commands_act_on_it() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("emily");
    screen.press(KeyCode::Enter);
    assert_eq!(screen.card_name(), Some("Emily Smithers"));
    screen.press(KeyCode::Esc);
    screen.press(KeyCode::Esc);
    screen.type_text("smi");
    // Emily still matches "smi", but Jon Smith is the best match: he is selected and his card is shown.
    assert_eq!(screen.found_names()[0], "Jon Smith");
    assert_eq!((screen.selected_name(), screen.card_name()), (Some("Jon Smith"), Some("Jon Smith")));
    screen.press(KeyCode::Enter);
    screen.press(KeyCode::F(2));
    assert!(screen.status().is_some_and(|s| s.starts_with("Logged the usual for Mr. Smith")), "{:?}", screen.status());
}

#[test]
fn enter_pressed_before_the_results_arrive_opens_the_top_match_of_what_was_typed() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("jon");
    screen.press(KeyCode::Esc);
    for c in "emma".chars() {
        screen.key_unsettled(KeyCode::Char(c), KeyModifiers::NONE);
    }
    screen.key_unsettled(KeyCode::Enter, KeyModifiers::NONE);
    screen.key_unsettled(KeyCode::F(2), KeyModifiers::NONE);
    assert!(
        screen.status().is_some_and(|s| s.starts_with("Still finding")),
        "a command before the results of the query typed does nothing: {:?}",
        screen.status()
    );
    screen.settle();
    assert_eq!((screen.app.focus, screen.card_name()), (Focus::Guest, Some("Emma Stone")));
    assert!(
        screen.status().is_some_and(|s| s.starts_with("F2 not done: “emma” finds another guest first")),
        "F2 was pressed on Jon's card, and \"emma\" found Emma: nothing is logged for either: {:?}",
        screen.status()
    );
    assert!(screen.app.undo.is_empty(), "nothing was written");
}

#[test]
fn a_name_typed_on_an_open_card_searches_and_writes_nothing() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("jon");
    screen.press(KeyCode::Enter);
    let before = audit_rows(&screen);
    let visits = screen.visits_on_card();
    screen.type_text("fiona");
    assert_eq!(screen.app.query.text(), "fiona");
    assert!(screen.app.form.is_none() && screen.app.confirm.is_none());
    assert_eq!(audit_rows(&screen), before, "nothing was written");
    screen.press(KeyCode::Esc);
    screen.type_text("jon");
    assert_eq!(screen.visits_on_card(), visits);
}

#[test]
fn ctrl_z_takes_back_the_write_for_the_guest_on_screen_and_asks_before_any_other() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("0108");
    screen.press(KeyCode::F(2));
    assert!(screen.status().is_some_and(|s| s.starts_with("Logged the usual for 于先生")), "{:?}", screen.status());
    assert_eq!(screen.visits_on_card(), 4);
    screen.press(KeyCode::Esc);
    screen.type_text("jon");
    assert_eq!(screen.status().as_deref(), None, "the message about 于先生 went when another guest was selected");
    screen.ctrl('z');
    assert_eq!(
        screen.status().as_deref(),
        Some("Take back the visit for 于先生 — not the guest on screen? Ctrl-Z again takes it back · Esc keeps it")
    );
    screen.press(KeyCode::Esc);
    screen.press(KeyCode::Esc);
    screen.type_text("0108");
    assert_eq!(screen.visits_on_card(), 4, "Esc kept it");
    screen.ctrl('z');
    assert_eq!(screen.status().as_deref(), Some("Took back the visit for 于先生"));
    assert_eq!(screen.visits_on_card(), 3);
    screen.ctrl('z');
    assert_eq!(screen.status().as_deref(), Some("Nothing to take back in this session"));
}

#[test]
fn an_allergen_in_the_usual_asks_first_and_the_card_marks_it() {
    let mut screen = Screen::counter((100, 30));
    let mut other = screen.other_desk();
    let jon = other.history(regulars::domain::GuestId(1)).unwrap().guest;
    let eggs = Profile { allergies: vec!["shellfish".into(), "eggs".into()], ..jon.profile.clone() };
    other.edit_guest(jon.id, jon.version, &jon.profile, eggs, "Ana").unwrap();
    screen.type_text("jon");
    assert!(screen.screen().contains("⚠ Egg"), "the card marks the allergen in the usual:\n{}", screen.screen());
    let visits = screen.visits_on_card();
    screen.press(KeyCode::F(2));
    assert_eq!(
        screen.status().as_deref(),
        Some("⚠ ALLERGY: Mr. Smith is allergic — Egg has eggs. F2 again logs it anyway · Esc cancels")
    );
    assert_eq!(screen.visits_on_card(), visits, "nothing logged yet");
    screen.press(KeyCode::Esc);
    assert_eq!(screen.visits_on_card(), visits);
    screen.press(KeyCode::F(2));
    screen.press(KeyCode::F(2));
    assert_eq!(screen.visits_on_card(), visits + 1, "a deliberate second F2 logs it");
    // The visit form shows it and asks the same.
    screen.press(KeyCode::F(3));
    screen.ctrl('s');
    let error = screen.form_error().expect("asked");
    assert!(error.starts_with("⚠ ALLERGY: Egg has eggs"), "{error:?}");
    screen.ctrl('s');
    assert!(screen.app.form.is_none());
    assert_eq!(screen.visits_on_card(), visits + 2);
}

#[test]
fn a_clash_between_two_desks_keeps_the_field_each_changed_and_every_allergy() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("0108");
    screen.press(KeyCode::F(7));
    // Up from the name: other names, notes, preferences.
    for _ in 0..3 {
        screen.press(KeyCode::Up);
    }
    screen.ctrl('u');
    screen.type_text("quiet table");
    // Meanwhile desk B adds an allergy.
    let mut other = screen.other_desk();
    let yu = other.history(regulars::domain::GuestId(2)).unwrap().guest;
    let shellfish = Profile { allergies: vec!["peanuts".into(), "shellfish".into()], ..yu.profile.clone() };
    other.edit_guest(yu.id, yu.version, &yu.profile, shellfish, "Ana").unwrap();
    screen.ctrl('s');
    assert!(screen.app.form.is_none(), "{:?}", screen.app.form.as_ref().map(|f| &f.error));
    assert_eq!(
        screen.status().as_deref(),
        Some("Saved 于先生, keeping another desk's change to Allergies — Ctrl-Z to undo")
    );
    let saved = screen.other_desk().history(yu.id).unwrap().guest.profile;
    assert_eq!(saved.allergies, ["peanuts", "shellfish"], "the allergy the other desk added is kept");
    assert_eq!(saved.preferences, ["quiet table"]);
    let log = screen.other_desk().audit_entries(Some(yu.id), chrono::DateTime::<chrono::Utc>::MIN_UTC).unwrap();
    assert!(log.last().is_some_and(|e| e.detail.starts_with("fields: preferences")), "{:?}", log.last());

    // Both change the greeting: that one field is put to the user, theirs beside ours.
    screen.press(KeyCode::F(7));
    screen.press(KeyCode::Tab);
    screen.ctrl('u');
    screen.type_text("于总");
    let yu = other.history(yu.id).unwrap().guest;
    let renamed = Profile {
        greeting: "Mr. Yu".into(),
        allergies: vec!["peanuts".into(), "shellfish".into(), "sesame".into()],
        ..yu.profile.clone()
    };
    other.edit_guest(yu.id, yu.version, &yu.profile, renamed, "Ana").unwrap();
    screen.ctrl('s');
    let form = screen.app.form.as_ref().expect("the form stays open");
    assert_eq!(form.fields[1].input.text(), "于总", "what was typed stays");
    assert_eq!(form.fields[6].input.text(), "peanuts, shellfish, sesame", "their allergy is in the form now");
    assert_eq!(form.clashes.len(), 1);
    assert_eq!((form.clashes[0].field, form.clashes[0].theirs.as_str()), ("greeting", "Mr. Yu"));
    insta::assert_snapshot!("edit_clash_100x30", screen.screen());
    screen.ctrl('s');
    assert!(screen.app.form.is_none(), "a second Ctrl-S saves ours where both changed");
    let saved = screen.other_desk().history(yu.id).unwrap().guest.profile;
    assert_eq!((saved.greeting.as_str(), saved.allergies.len()), ("于总", 3));
}

#[test]
fn ctrl_c_with_typing_in_a_form_asks_first() {
    let mut screen = Screen::counter((100, 30));
    screen.ctrl('r');
    screen.type_text("late order");
    screen.ctrl('c');
    assert!(!screen.app.quit, "the first Ctrl-C only asks");
    assert!(screen.status().is_some_and(|s| s.starts_with("Quit and lose what is typed")));
    screen.press(KeyCode::Esc);
    assert_eq!(screen.form_text(0), "late order", "Esc goes back to the form with everything typed");
    screen.ctrl('c');
    screen.ctrl('c');
    assert!(screen.app.quit);
}

#[test]
fn a_merge_shows_both_guests_and_asks() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("emily");
    screen.press(KeyCode::F(9));
    assert!(screen.app.merging.is_some());
    assert!(screen.screen().contains("Into › "));
    screen.type_text("jon smith");
    screen.press(KeyCode::Enter);
    let shown = screen.screen();
    assert!(shown.contains("Merge away:  Emily Smithers") && shown.contains("Into:        Jon Smith"), "{shown}");
    assert_eq!(screen.app.selected_card().map(|c| c.visits.len()), Some(4), "nothing merged yet");
    screen.press(KeyCode::Enter);
    assert_eq!(screen.status().as_deref(), Some("Merged Emily Smithers into Jon Smith — Ctrl-Z to undo"));
    let card = screen.app.selected_card().expect("the kept guest is shown");
    assert_eq!((card.guest.profile.name.as_str(), card.visits.len()), ("Jon Smith", 5));
    assert!(!screen.screen().contains('␊'), "the merge's note is on a line of its own, not a ␊");
    screen.ctrl('z');
    assert_eq!(
        screen.status().as_deref(),
        Some("Took back the merge: Emily Smithers and Mr. Smith are two entries again")
    );
}

#[test]
fn a_new_guest_with_the_phone_of_one_in_the_book_is_flagged() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("J Smith");
    screen.ctrl('a');
    for _ in 0..3 {
        screen.press(KeyCode::Tab);
    }
    screen.type_text("020 7946 0018");
    screen.ctrl('s');
    assert_eq!(
        screen.form_error().as_deref(),
        Some("Possibly in the book already: Jon Smith (guest 1, same phone) — Ctrl-S again saves anyway")
    );
    screen.ctrl('s');
    assert!(screen.app.form.is_none(), "a second Ctrl-S adds them anyway");
    assert_eq!(screen.status().as_deref(), Some("Added J Smith — Ctrl-Z to undo"));
}

#[test]
fn a_heads_up_to_a_station_no_desk_uses_asks_and_the_sender_sees_it_taken() {
    let mut lobby = Screen::at_station(common::screen::COUNTER, (100, 30), Some("lobby"));
    let mut restaurant = Screen::beside(&lobby, (100, 30), Some("restaurant"));
    lobby.type_text("0108");
    lobby.press(KeyCode::F(8));
    lobby.type_text("restuarant");
    lobby.ctrl('s');
    assert_eq!(
        lobby.form_error().as_deref(),
        Some(
            "no desk has opened the guest book as station \"restuarant\"; the stations are lobby, restaurant — Ctrl-S again saves anyway"
        )
    );
    lobby.ctrl('u');
    lobby.type_text("restaurant");
    lobby.ctrl('s');
    assert_eq!(lobby.status().as_deref(), Some("Heads-up sent to restaurant: 于先生 is on the way"));
    restaurant.wait_for("the heads-up at the restaurant", |s| s.screen().contains("于先生 (于明) on the way"));
    restaurant.ctrl('y');
    assert_eq!(restaurant.status().as_deref(), Some("Took the heads-up: 于先生 is yours"));
    lobby.wait_for("the lobby told", |s| s.screen().contains("Your heads-up about 于先生 was taken"));
    let shown = lobby.screen();
    assert!(shown.contains("Your heads-up about 于先生 was taken by Nok at restaurant"), "{shown}");
}

#[test]
fn resolving_asks_and_a_recovery_with_every_follow_up_done_offers_it() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("0108");
    screen.press(KeyCode::F(5));
    assert_eq!(
        screen.status().as_deref(),
        Some("Ticked “portable fans for the hot afternoon” on room upgrade for 于先生 — Ctrl-Z to undo")
    );
    assert!(screen.screen().contains("Every follow-up is done — F6 resolves it"), "{}", screen.screen());
    screen.press(KeyCode::F(5));
    assert_eq!(screen.status().as_deref(), Some("Every follow-up of “room upgrade” is done — F6 resolves it"));
    screen.press(KeyCode::F(6));
    assert_eq!(
        screen.status().as_deref(),
        Some("Resolve “room upgrade” for 于先生? F6 again resolves it · Esc cancels")
    );
    screen.press(KeyCode::F(6));
    assert_eq!(screen.status().as_deref(), Some("Resolved “room upgrade” for 于先生 — Ctrl-Z to undo"));
    assert!(!screen.screen().contains("OPEN RECOVERY"));
    assert!(screen.screen().contains("1 resolved"), "the card counts resolved recoveries");
    screen.ctrl('z');
    assert_eq!(screen.status().as_deref(), Some("The recovery for 于先生 is open again"));
}

#[test]
fn a_failed_save_never_says_saved() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("emma");
    screen.press(KeyCode::F(7));
    screen.ctrl('s');
    assert_eq!(screen.status().as_deref(), Some("Saved Ms. Stone — Ctrl-Z to undo"));
    screen.press(KeyCode::F(7));
    for _ in 0..4 {
        screen.press(KeyCode::Tab);
    }
    screen.type_text("31/02");
    screen.ctrl('s');
    assert!(screen.app.form.as_ref().is_some_and(|f| f.error.is_some()));
    assert_eq!(screen.status().as_deref(), None, "no stale “Saved” beside a form that was not saved");
}

#[test]
fn snapshot_a_long_field_being_typed_80x24() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("emma");
    screen.press(KeyCode::F(7));
    for _ in 0..8 {
        screen.press(KeyCode::Tab);
    }
    screen.type_text("prefers the terrace when it is warm, the second window otherwise; sparkling water, no ice; END");
    let shown = screen.screen();
    assert!(shown.contains("no ice; END"), "the end of what is typed shows:\n{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn snapshot_a_card_whose_seat_usual_and_allergies_are_long_80x24() {
    let long = r#"{"name":"Chanthira Wongsawat","greeting":"Khun Chanthira","allergies":["peanuts","tree nuts","shellfish","sesame","gluten","lactose"],"visits":[{"at":"2026-11-01T08:00:00Z","seat":"Garden terrace, the corner table under the frangipani","order":["jasmine tea","coconut pancakes with palm sugar","mango sticky rice"]},{"at":"2026-11-20T08:00:00Z","seat":"Garden terrace, the corner table under the frangipani","order":["jasmine tea","coconut pancakes with palm sugar","mango sticky rice"]}]}"#;
    let mut screen = Screen::new(long, (80, 24));
    screen.type_text("chan");
    let shown = screen.screen();
    for whole in ["frangipani", "mango sticky rice", "lactose"] {
        assert!(shown.contains(whole), "{whole:?} is cut:\n{shown}");
    }
    insta::assert_snapshot!(shown);
}

#[test]
fn ticking_takes_the_recovery_the_card_shows_and_names_the_task() {
    // The newest recovery (shown first) has every follow-up done; an older one still has one open.
    let fixture = r#"{"name":"Yu Ming","greeting":"于先生","phone":"+86 138 0000 0108","recoveries":[{"opened_at":"2026-06-01T09:00:00Z","category":"late order","follow_ups":[{"task":"call back"}]},{"opened_at":"2026-06-08T09:00:00Z","category":"room upgrade","follow_ups":[{"task":"early breakfast ready","done":true},{"task":"portable fans","done":true}]}]}
"#;
    let mut screen = Screen::new(fixture, (100, 30));
    screen.type_text("yu");
    screen.press(KeyCode::F(5));
    assert_eq!(screen.status().as_deref(), Some("Every follow-up of “room upgrade” is done — F6 resolves it"));
    let open = screen.other_desk().recent_history(regulars::domain::GuestId(1)).unwrap();
    let late = open.recoveries.iter().find(|e| e.recovery.category == "late order").unwrap();
    assert!(!late.recovery.follow_ups[0].done, "the older recovery's follow-up is not ticked behind the card's back");
    // Once the shown one is resolved, the older one is shown, and ticked by name.
    screen.press(KeyCode::F(6));
    screen.press(KeyCode::F(6));
    screen.press(KeyCode::F(5));
    assert_eq!(screen.status().as_deref(), Some("Ticked “call back” on late order for 于先生 — Ctrl-Z to undo"));
}
