//! The counter screen without a terminal: keys through the keymap into the state, carried out by the real desk on
//! a real book, and whole-screen snapshots of the rendered buffer (ratatui TestBackend + insta).

mod common;

use chrono::{TimeZone, Utc};
use common::screen::Screen;
use crossterm::event::KeyCode;
use regulars::config::Config;
use regulars::i18n::Language;
use regulars::tui::app::{Focus, Mode, View};
use regulars::tui::ui;

#[test]
fn typing_finds_keys_move_the_selection_and_letters_on_a_card_start_the_next_search() {
    let mut screen = Screen::counter((80, 24));
    assert_eq!(screen.selected_name(), Some("Jon Smith"), "an empty query lists the latest guests first");
    screen.type_text("smi");
    assert_eq!(screen.app.query.text(), "smi");
    assert_eq!((screen.selected_name(), screen.card_name()), (Some("Jon Smith"), Some("Jon Smith")));
    screen.press(KeyCode::Down);
    assert_eq!(screen.selected_name(), Some("Emily Smithers"));
    screen.ctrl('p');
    assert_eq!(screen.selected_name(), Some("Jon Smith"));
    screen.press(KeyCode::Enter);
    assert_eq!(screen.app.focus, Focus::Guest);
    screen.type_text("0108");
    assert_eq!(screen.app.query.text(), "0108", "letters typed on an open card are the next search");
    assert_eq!((screen.app.focus, screen.selected_name()), (Focus::Search, Some("于明")));
    screen.press(KeyCode::F(1));
    assert_eq!(screen.app.mode(), Mode::Help);
    screen.press(KeyCode::Esc);
    screen.ctrl('w');
    assert_eq!(screen.app.query.text(), "");
    screen.type_text("emma");
    screen.press(KeyCode::Esc);
    assert_eq!(screen.app.query.text(), "", "Esc on the search line clears it");
    screen.ctrl('c');
    assert!(screen.app.quit);
}

#[test]
fn snapshot_latin_guest_80x24() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("jon");
    insta::assert_snapshot!(screen.screen());
}

#[test]
fn snapshot_latin_guest_120x40() {
    let mut screen = Screen::counter((120, 40));
    screen.type_text("smith");
    insta::assert_snapshot!(screen.screen());
}

#[test]
fn snapshot_chinese_guest_with_open_recovery_80x24() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("于");
    screen.press(KeyCode::Enter);
    insta::assert_snapshot!(screen.screen());
}

#[test]
fn snapshot_chinese_guest_with_open_recovery_120x40() {
    let mut screen = Screen::counter((120, 40));
    screen.type_text("0108");
    insta::assert_snapshot!(screen.screen());
}

#[test]
fn snapshot_empty_book_welcome() {
    for size in [(80, 24), (120, 40)] {
        let screen = Screen::new("", size);
        insta::assert_snapshot!(format!("empty_book_welcome_{}x{}", size.0, size.1), screen.screen());
    }
}

#[test]
fn snapshot_help_overlay() {
    for size in [(80, 24), (120, 40)] {
        let mut screen = Screen::counter(size);
        screen.press(KeyCode::F(1));
        insta::assert_snapshot!(format!("help_overlay_{}x{}", size.0, size.1), screen.screen());
    }
}

#[test]
fn snapshot_too_small_terminal_and_keys_there_change_nothing() {
    let mut screen = Screen::counter((60, 20));
    insta::assert_snapshot!(screen.screen());
    screen.type_text("emma");
    screen.press(KeyCode::F(2));
    assert_eq!(screen.app.query.text(), "", "nothing typed while the screen asks to be enlarged edits the search");
    screen.ctrl('c');
    assert!(screen.app.quit, "Ctrl-C still quits");
}

#[test]
fn the_cursor_sits_after_the_typed_text_on_the_search_line() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("于明");
    screen.press(KeyCode::Left);
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    // " Find › " is 8 columns; 于 is two.
    assert_eq!(ui::cursor(&screen.app, area), Some(ratatui::layout::Position::new(10, 0)));
    screen.press(KeyCode::Enter);
    assert_eq!(ui::cursor(&screen.app, area), None, "no cursor with the card open");
}

#[test]
fn the_visit_form_starts_from_the_usual_and_saves_with_ctrl_s() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("jon");
    screen.press(KeyCode::F(3));
    assert_eq!((screen.form_text(0), screen.form_text(1)), ("Window 2".to_owned(), "Sandwich, Coffee, Egg".to_owned()));
    insta::assert_snapshot!("visit_form_80x24", screen.screen());
    screen.press(KeyCode::Tab);
    screen.press(KeyCode::Tab);
    screen.type_text("two");
    screen.ctrl('s');
    let at = screen.app.form.as_ref().and_then(|f| f.error.as_ref()).map(|(at, _)| *at);
    assert_eq!(at, Some(Some(2)), "an error beside the field");
    assert_eq!(screen.form_error().as_deref(), Some("\"two\" is not a number of people"));
    screen.ctrl('u');
    screen.type_text("2");
    screen.ctrl('s');
    assert!(screen.app.form.is_none(), "saved and closed");
    assert_eq!(
        screen.status().as_deref(),
        Some("Visit logged for Mr. Smith: Window 2 · Sandwich, Coffee, Egg — Ctrl-Z to undo")
    );
    assert_eq!(screen.visits_on_card(), 5);
    assert_eq!(screen.app.selected_card().and_then(|c| c.visits.last()).and_then(|v| v.party_size), Some(2));
}

#[test]
fn a_new_guest_from_the_search_line_is_added_and_selected() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("Nora Quinn");
    screen.ctrl('a');
    assert_eq!(screen.form_text(0), "Nora Quinn", "the typed search is the name");
    screen.press(KeyCode::Tab);
    screen.type_text("ms");
    screen.press(KeyCode::Tab);
    insta::assert_snapshot!("new_guest_form_80x24", screen.screen());
    screen.press(KeyCode::Right);
    assert_eq!(screen.form_text(2), "Ms. Quinn", "→ takes the greeting proposed from the name and title");
    for _ in 0..5 {
        screen.press(KeyCode::Tab);
    }
    screen.type_text("sesame");
    screen.ctrl('s');
    assert!(screen.app.form.is_none());
    assert_eq!(screen.status().as_deref(), Some("Added Nora Quinn — Ctrl-Z to undo"));
    let card = screen.app.selected_card().expect("the new guest is selected");
    assert_eq!(
        (card.guest.profile.greeting.as_str(), card.guest.profile.allergies.as_slice()),
        ("Ms. Quinn", ["sesame".to_owned()].as_slice())
    );
    assert_eq!(screen.app.focus, Focus::Guest, "with the card open");
}

#[test]
fn a_new_guests_greeting_is_proposed_from_name_and_title_and_never_forced() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("欧阳娜娜");
    screen.ctrl('a');
    screen.press(KeyCode::Tab);
    screen.type_text("女士");
    screen.press(KeyCode::Tab);
    assert!(screen.screen().contains("欧阳女士  → takes it"), "{}", screen.screen());
    screen.press(KeyCode::BackTab);
    screen.press(KeyCode::Backspace);
    screen.press(KeyCode::Backspace);
    screen.type_text("先生");
    screen.press(KeyCode::Tab);
    assert!(screen.screen().contains("欧阳先生  → takes it"), "the proposal follows the title typed");
    // Not taken: the guest is saved with no greeting, as typed.
    screen.ctrl('s');
    assert!(screen.app.form.is_none());
    let card = screen.app.selected_card().expect("the new guest is selected");
    assert_eq!(card.guest.profile.greeting, "");
}

#[test]
fn a_form_refuses_an_empty_name_and_esc_asks_before_discarding() {
    let mut screen = Screen::counter((80, 24));
    screen.ctrl('a');
    screen.ctrl('s');
    let form = screen.app.form.as_ref().expect("still open");
    assert_eq!(form.error.as_ref().map(|(field, _)| *field), Some(Some(0)));
    screen.type_text("Zed");
    screen.press(KeyCode::Esc);
    assert!(screen.app.form.is_some(), "the first Esc on a changed form only asks");
    assert_eq!(screen.form_text(0), "Zed");
    screen.press(KeyCode::Esc);
    assert!(screen.app.form.is_none());
    assert_eq!(screen.status().as_deref(), Some("Nothing saved"));
}

#[test]
fn a_recovery_with_no_guest_is_recorded_from_the_search_line() {
    let mut screen = Screen::counter((80, 24));
    screen.ctrl('r');
    screen.type_text("noise");
    screen.press(KeyCode::Tab);
    screen.type_text("wedding party next door");
    for _ in 0..2 {
        screen.press(KeyCode::Tab);
    }
    screen.type_text("1,200.50");
    screen.press(KeyCode::Tab);
    screen.type_text("call the venue; earplugs at the desk");
    insta::assert_snapshot!("recovery_form_80x24", screen.screen());
    screen.ctrl('s');
    assert!(screen.app.form.is_none(), "{:?}", screen.app.form.as_ref().map(|f| &f.error));
    assert_eq!(screen.status().as_deref(), Some("Recovery recorded with no guest: noise — Ctrl-Z to undo"));
    let mishaps = screen.other_desk().export(|_, _| Ok::<_, ()>(())).unwrap().unwrap();
    let cost = mishaps[0].recovery.cost;
    assert_eq!(cost, Some(1200.5), "thousands separators are read");
    // The guest on screen is Jon Smith: taking back a write with no guest is asked first.
    screen.ctrl('z');
    assert_eq!(
        screen.status().as_deref(),
        Some("Take back the recovery with no guest? Ctrl-Z again takes it back · Esc keeps it")
    );
    screen.ctrl('z');
    assert_eq!(screen.status().as_deref(), Some("Took back the recovery with no guest"));
}

#[test]
fn forms_complete_items_and_categories_already_in_the_book() {
    let mut screen = Screen::counter((80, 24));
    screen.ctrl('r');
    screen.type_text("ro");
    assert!(screen.screen().contains("room upgrade  → takes it"), "{}", screen.screen());
    screen.press(KeyCode::Right);
    assert_eq!(screen.form_text(0), "room upgrade");
    screen.press(KeyCode::Esc);
    screen.press(KeyCode::Esc);
    screen.type_text("0108");
    screen.press(KeyCode::F(3));
    screen.press(KeyCode::Tab);
    screen.type_text(", sou");
    screen.press(KeyCode::Right);
    assert_eq!(screen.form_text(1), "豆浆, 油条, soup of the day", "the house's items complete too");
}

#[test]
fn an_edit_is_taken_back_with_ctrl_z_naming_the_guest() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("emma");
    screen.press(KeyCode::F(7));
    screen.press(KeyCode::Tab);
    screen.ctrl('u');
    screen.type_text("Emma");
    screen.ctrl('s');
    assert_eq!(screen.app.selected_card().map(|c| c.guest.profile.greeting.clone()).as_deref(), Some("Emma"));
    assert_eq!(screen.status().as_deref(), Some("Saved Ms. Stone — Ctrl-Z to undo"));
    screen.ctrl('z');
    assert_eq!(screen.status().as_deref(), Some("Took back the edit of Ms. Stone"));
    assert_eq!(screen.app.selected_card().map(|c| c.guest.profile.greeting.clone()).as_deref(), Some("Ms. Stone"));
}

#[test]
fn the_tally_screen_and_the_report_command_agree() {
    let mut screen = Screen::counter((130, 40));
    let mut other = screen.other_desk();
    let noise = regulars::domain::Recovery {
        opened_at: Utc.with_ymd_and_hms(2026, 11, 20, 22, 0, 0).unwrap(),
        category: "noise".into(),
        what_happened: String::new(),
        action_taken: String::new(),
        cost: Some(12.0),
        follow_ups: vec![],
        resolved_at: None,
        staff: "Ana".into(),
    };
    other.add_recovery(None, noise, "Ana").unwrap();
    screen.ctrl('t');
    let shown = screen.screen();
    insta::assert_snapshot!("tally_130x40", shown);
    let report = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
        .args(["--db", screen.book.to_str().unwrap(), "report", "--until", "2026-11-23"])
        .env("REGULARS_CONFIG", "/dev/null")
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    let report = String::from_utf8(report.stdout).unwrap();
    let words = |line: &str| line.replace(['│', '"'], " ").split_whitespace().collect::<Vec<_>>().join(" ");
    let rows: Vec<&str> = report.lines().skip(2).take_while(|line| !line.is_empty()).collect();
    assert_eq!(rows.len(), 2, "{report}");
    for row in rows {
        let category = row.split("  ").next().unwrap();
        let on_screen =
            shown.lines().find(|l| l.contains(&format!("│{category} "))).expect("the category is on screen");
        assert_eq!(words(on_screen), words(row), "screen and command differ for {category}");
    }
    // Why each ranks where it does: beside its bar on screen, under the table in the command.
    let reasons: Vec<&str> = report.lines().skip_while(|l| !l.starts_with("Why this order")).skip(1).collect();
    assert_eq!(reasons.len(), 2, "{report}");
    for reason in reasons {
        let category = reason.split("  ").next().unwrap();
        let bar = shown
            .lines()
            .find(|l| {
                l.split_once(&format!("│{category} ")).is_some_and(|(_, rest)| rest.trim_start().starts_with('█'))
            })
            .expect("the category has a bar");
        assert_eq!(words(&bar.replace('█', " ")), words(reason), "screen and command differ for {category}");
    }
    screen.press(KeyCode::Char('1'));
    assert_eq!(screen.app.report.as_ref().map(|t| t.categories.len()), Some(1), "7 days: the noise only");
    screen.press(KeyCode::Esc);
    assert_eq!(screen.app.view, View::Counter);
}

#[test]
fn the_outreach_screen_lists_whom_to_write_to() {
    let mut screen = Screen::counter((80, 24));
    screen.ctrl('o');
    let rows = screen.app.outreach.clone().expect("the list is read");
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].name.as_str(), rows[0].reason.as_str()), ("Jon Smith", "birthday 11-26 (in 3 days)"));
    insta::assert_snapshot!("outreach_80x24", screen.screen());
    screen.press(KeyCode::Tab);
    assert!(screen.screen().contains("Nobody to write to on this page."), "the page of regulars away is empty");
    screen.press(KeyCode::Tab);
    screen.press(KeyCode::Enter);
    assert_eq!(screen.status().as_deref(), Some("Noted: Mr. Smith was written to for the birthday — Ctrl-Z to undo"));
    assert_eq!(screen.app.outreach.as_ref().map(Vec::len), Some(0), "left out until the next birthday");
    screen.ctrl('z');
    assert_eq!(screen.status().as_deref(), Some("Mr. Smith is on the outreach list again"));
    assert_eq!(screen.app.outreach.as_ref().map(Vec::len), Some(1));
    screen.press(KeyCode::Esc);
    assert_eq!(screen.app.view, View::Counter);
}

#[test]
fn the_audit_log_screen_shows_who_changed_what() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("jon");
    screen.press(KeyCode::F(2));
    screen.ctrl('l');
    let log = screen.app.log.clone().expect("the log is read");
    assert_eq!((log[0].staff.as_str(), log[0].action.as_str()), ("Nok", "visit logged"), "newest first");
    let shown = screen.screen();
    assert!(shown.contains("Nok  visit logged  guest 1 (Jon Smith)"), "{shown}");
    screen.press(KeyCode::Esc);
    assert_eq!(screen.app.view, View::Counter);
}

#[test]
fn the_hint_rows_name_every_command_from_the_keymap() {
    let screen = Screen::counter((120, 40));
    let shown = screen.screen();
    for hint in ["F2 usual", "F3 visit", "F4 recovery", "F9 merge", "F8 heads-up", "^A new guest", "^Z undo", "F1 help"]
    {
        assert!(shown.contains(hint), "{hint:?} is not on the hint rows:\n{shown}");
    }
}

#[test]
fn a_keymap_from_the_settings_drives_the_counter_its_messages_and_its_hints() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let settings =
        "[keys.counter]\n\"F12\" = \"log_usual\"\n\"F2\" = \"none\"\n\"ctrl-z\" = \"none\"\n\"Alt-Z\" = \"undo\"\n";
    std::fs::write(&path, settings).unwrap();
    let mut screen = Screen::counter((120, 40));
    screen.app.keymap = Config::load(&path, true).unwrap().keymap().unwrap();
    screen.type_text("smi");
    screen.press(KeyCode::Enter);
    let visits = screen.visits_on_card();
    screen.press(KeyCode::F(2));
    assert_eq!((screen.visits_on_card(), screen.status()), (visits, None), "F2 is unbound");
    screen.press(KeyCode::F(12));
    let said = screen.status().unwrap_or_default();
    assert!(said.starts_with("Logged the usual for Mr. Smith") && said.ends_with("— Alt-Z to undo"), "{said}");
    let shown = screen.screen();
    assert!(shown.contains("F12 usual") && shown.contains("Alt-Z undo"), "{shown}");
    assert!(!shown.contains("F2 usual") && !shown.contains("^Z undo"), "{shown}");
}

#[test]
fn every_screen_speaks_each_language_and_f11_switches_without_a_restart() {
    let languages = [(Language::En, "en"), (Language::ZhHans, "zh-Hans"), (Language::ZhHant, "zh-Hant")];
    for size in [(80, 24), (120, 40)] {
        for (language, name) in languages {
            let shot = |view: &str, screen: &Screen| {
                insta::assert_snapshot!(format!("{view}_{name}_{}x{}", size.0, size.1), screen.screen());
            };
            // The counter with 于先生's card and his open recovery, then the visit form over it.
            let mut screen = Screen::counter(size);
            screen.app.language = language;
            screen.type_text("0108");
            shot("card", &screen);
            screen.press(KeyCode::F(3));
            shot("form", &screen);
            screen.press(KeyCode::Esc);
            screen.press(KeyCode::F(1));
            shot("help", &screen);
            screen.press(KeyCode::Esc);
            screen.ctrl('t');
            shot("tally", &screen);
            screen.ctrl('o');
            shot("outreach", &screen);
        }
    }
    let mut screen = Screen::counter((120, 40));
    screen.type_text("0108");
    assert!(screen.screen().contains("Greet as"));
    screen.press(KeyCode::F(11));
    assert_eq!(screen.app.language, Language::ZhHans);
    let drawn = screen.screen();
    assert!(drawn.contains("称呼") && drawn.contains("老样子") && drawn.contains("未结补救"), "{drawn}");
    screen.press(KeyCode::F(11));
    assert!(screen.screen().contains("老樣子"));
    screen.press(KeyCode::F(11));
    assert!(screen.screen().contains("Greet as"), "and back to English");
}

#[test]
fn the_arrivals_screen_prepares_the_night_and_marks_a_guest_arrived() {
    use regulars::domain::arrival::Booking;
    let mut screen = Screen::counter((80, 24));
    let mut store = screen.other_desk();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let bookings = vec![
        Booking {
            day,
            time: chrono::NaiveTime::from_hms_opt(19, 30, 0),
            name: "Mr Yu".into(),
            phone: "13800000108".into(),
            party: Some(2),
            place: "Table 4".into(),
            note: "window please".into(),
            ..Booking::default()
        },
        Booking { day, name: "Nora Quinn".into(), party: Some(1), place: "Bar".into(), ..Booking::default() },
        Booking { day, name: "jon smith".into(), party: Some(4), place: "Table 9".into(), ..Booking::default() },
    ];
    let links = regulars::search::matching::links(&bookings, store.known_guests().unwrap());
    store.add_arrivals(&bookings.into_iter().zip(links).collect::<Vec<_>>(), "Nok", "test").unwrap();
    screen.press(KeyCode::F(10));
    insta::assert_snapshot!("arrivals_en_80x24", screen.screen());
    screen.press(KeyCode::F(11));
    insta::assert_snapshot!("arrivals_zh-Hans_80x24", screen.screen());
    screen.press(KeyCode::F(11));
    screen.press(KeyCode::F(11));
    screen.press(KeyCode::Down);
    screen.press(KeyCode::F(2));
    assert!(screen.status().is_some_and(|s| s.contains("not linked to a guest")), "{:?}", screen.status());
    screen.press(KeyCode::Up);
    screen.press(KeyCode::F(2));
    assert_eq!(screen.status().as_deref(), Some("于先生 arrived; their visit is logged"));
    assert!(screen.screen().contains("arrived"), "the line is marked");
    screen.press(KeyCode::Enter);
    let card = screen.app.selected_card().expect("the guest's card opens on the counter");
    assert_eq!(card.guest.profile.name, "于明");
    assert_eq!(card.visits.last().map(|v| v.seat.as_str()), Some("Table 4"), "the visit at the reserved table");
    screen.press(KeyCode::F(10));
    screen.press(KeyCode::F(8));
    let form = screen.app.form.as_ref().expect("the heads-up form, over his card");
    assert_eq!((form.title.id, form.title.name.as_str()), ("form-heads-up-title", "于明"));
    screen.press(KeyCode::Esc);

    // A name alone is a choice: Enter picks the guest on the counter; F4 makes someone new of another.
    screen.press(KeyCode::F(10));
    screen.press(KeyCode::Down);
    screen.press(KeyCode::Down);
    assert!(screen.screen().contains("not certain: 1 guest to choose from"), "{}", screen.screen());
    screen.press(KeyCode::Enter);
    assert!(screen.status().is_some_and(|s| s.starts_with("Who is jon smith?")), "{:?}", screen.status());
    screen.press(KeyCode::Enter);
    assert_eq!(screen.status().as_deref(), Some("The arrival is Mr. Smith"));
    assert!(screen.screen().contains("Mr. Smith · 4 guests · Table 9 · regular"), "{}", screen.screen());
    screen.press(KeyCode::Up);
    screen.press(KeyCode::F(4));
    assert_eq!(screen.status().as_deref(), Some("Nora Quinn added as a new guest, from the booking"));
    assert!(screen.screen().contains("Nora Quinn · 1 guest · Bar · first visit"), "{}", screen.screen());

    // A booking by phone, added by hand and matched as it is saved.
    screen.type_text("a");
    assert!(screen.app.form.is_some(), "a opens the booking form");
    screen.type_text("Walk In");
    for (field, text) in [(2, "20:15"), (3, "2"), (4, "Bar 3")] {
        while screen.app.form.as_ref().is_some_and(|f| f.focus != field) {
            screen.press(KeyCode::Tab);
        }
        screen.type_text(text);
    }
    screen.ctrl('s');
    assert_eq!(screen.status().as_deref(), Some("Booking added: Walk In, new to the book"));
    assert!(screen.screen().contains("20:15  Walk In · 2 guests · Bar 3"), "{}", screen.screen());
    screen.press(KeyCode::Right);
    assert!(screen.screen().contains("2026-11-24: 0 arrivals") && screen.screen().contains("No arrivals for this day"));
    screen.press(KeyCode::Left);
    assert!(screen.screen().contains("2026-11-23: 4 arrivals"), "{}", screen.screen());
}

#[test]
fn the_name_drill_on_the_screen_checks_answers_and_scores_the_night() {
    use regulars::domain::arrival::Booking;
    let mut screen = Screen::counter((80, 24));
    let mut store = screen.other_desk();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let booking = |name: &str, phone: &str, place: &str| Booking {
        day,
        name: name.into(),
        phone: phone.into(),
        party: Some(2),
        place: place.into(),
        ..Booking::default()
    };
    let bookings = vec![booking("Mr Yu", "13800000108", "Table 4"), booking("J Smith", "020 7946 0018", "Bar")];
    let links = regulars::search::matching::links(&bookings, store.known_guests().unwrap());
    store.add_arrivals(&bookings.into_iter().zip(links).collect::<Vec<_>>(), "Nok", "test").unwrap();
    screen.press(KeyCode::F(10));
    screen.type_text("d");
    let shown = screen.screen();
    assert!(shown.contains("Card 1 of 2") && !shown.contains("于明") && !shown.contains("Jon Smith"), "{shown}");
    insta::assert_snapshot!("drill_en_80x24", shown);
    // The card at Table 4 is 于先生's.
    let yu_first = shown.contains("tonight at Table 4");
    screen.type_text(if yu_first { "mr yu" } else { "jon smith" });
    screen.press(KeyCode::Enter);
    assert!(screen.screen().contains("✓ "), "{}", screen.screen());
    screen.type_text("nobody");
    screen.press(KeyCode::Enter);
    assert!(screen.screen().contains("✗ it was") && screen.screen().contains("Card 3 of 3"), "{}", screen.screen());
    screen.press(KeyCode::F(11));
    insta::assert_snapshot!("drill_zh-Hans_80x24", screen.screen());
    screen.type_text(if yu_first { "jon smith" } else { "于先生" });
    screen.press(KeyCode::Enter);
    assert!(screen.screen().contains("今晚的 2 位客人中，你认得 2 位。"), "{}", screen.screen());
    screen.press(KeyCode::Esc);
    assert_eq!(screen.app.view, regulars::tui::app::View::Arrivals);
}
