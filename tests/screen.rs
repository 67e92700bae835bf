//! The counter screen without a terminal: key events through the keymap into the state, and whole-screen
//! snapshots of the rendered buffer (ratatui TestBackend + insta).

use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regulars::interchange::{self, Format};
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Store};
use regulars::tui::action::Msg;
use regulars::tui::app::{App, Focus, Mode};
use regulars::tui::keymap::Keymap;
use regulars::tui::theme::Theme;
use regulars::tui::ui;
use regulars::tui::{Desk, Options};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

/// The counter screen over a real guest book in a temporary folder, with the runtime's own desk (store and search
/// thread) carrying out effects; only the terminal is missing.
struct Screen {
    dir: tempfile::TempDir,
    desk: Desk,
    arrivals: Receiver<Msg>,
    app: App,
    keymap: Keymap,
}

impl Screen {
    fn new(fixture: &str, size: (u16, u16)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("book.db"), DEFAULT_BUSY_TIMEOUT).unwrap();
        let parsed = interchange::parse(Format::Jsonl, fixture.as_bytes()).unwrap();
        store.import(parsed.records.into_iter().map(|(_, r)| r).collect(), "Nok", "test").unwrap();
        let (tx, arrivals) = mpsc::channel();
        let options = Options {
            query: String::new(),
            staff: "Nok".into(),
            station: None,
            demo_guests: 10,
            heads_up_minutes: 15,
            theme: None,
        };
        let desk = Desk::new(store, &options, move |msg| tx.send(msg).unwrap()).unwrap();
        let mut app = App::new(size, now(), FixedOffset::east_opt(0).unwrap(), Theme::colour(), "Nok");
        let effects = app.start("");
        let mut screen = Self { dir, desk, arrivals, app, keymap: Keymap::default() };
        screen.desk.carry_out(&mut screen.app, effects);
        screen.settle();
        screen
    }

    fn counter(size: (u16, u16)) -> Self {
        Self::new(include_str!("fixtures/counter.jsonl"), size)
    }

    /// Another desk on the same book.
    fn other_desk(&self) -> Store {
        Store::open(&self.dir.path().join("book.db"), DEFAULT_BUSY_TIMEOUT).unwrap()
    }

    /// Feeds the search thread's answers in until the newest search asked for has been answered.
    fn settle(&mut self) {
        while self.app.results.as_ref().is_none_or(|r| r.generation != self.app.generation) {
            let msg = self.arrivals.recv_timeout(Duration::from_secs(10)).expect("the search thread answers");
            self.desk.dispatch(&mut self.app, msg);
        }
    }

    fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        if let Some(action) = self.keymap.key(self.app.mode(), KeyEvent::new(code, modifiers)) {
            self.desk.dispatch(&mut self.app, Msg::Action(action));
            self.settle();
        }
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c), KeyModifiers::NONE);
        }
    }

    fn screen(&self) -> String {
        let (width, height) = self.app.size;
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| frame.render_widget(&self.app, frame.area())).unwrap();
        terminal.backend().to_string()
    }

    fn selected_name(&self) -> Option<&str> {
        self.app.selected_guest().map(|g| g.name.as_str())
    }
}

#[test]
fn typing_finds_and_keys_move_the_selection_and_focus() {
    let mut screen = Screen::counter((80, 24));
    assert_eq!(screen.selected_name(), Some("Jon Smith"), "an empty query lists the latest guests first");
    screen.type_text("smi");
    assert_eq!(screen.app.query.text(), "smi");
    assert_eq!(screen.selected_name(), Some("Jon Smith"));
    assert_eq!(screen.app.selected_card().map(|c| c.guest.profile.name.as_str()), Some("Jon Smith"));
    screen.key(KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(screen.selected_name(), Some("Emily Smithers"));
    screen.key(KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(screen.selected_name(), Some("Jon Smith"));
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(screen.app.focus, Focus::Guest);
    screen.key(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(screen.app.query.text(), "smi", "letters in guest mode do not type");
    screen.key(KeyCode::Char('?'), KeyModifiers::NONE);
    assert_eq!(screen.app.mode(), Mode::Help);
    screen.key(KeyCode::Esc, KeyModifiers::NONE);
    screen.key(KeyCode::Char('/'), KeyModifiers::NONE);
    assert_eq!(screen.app.focus, Focus::Search);
    screen.key(KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(screen.app.query.text(), "");
    screen.type_text("0108");
    assert_eq!(screen.selected_name(), Some("于明"), "phone digits find the caller");
    screen.key(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(screen.app.query.text(), "");
    screen.key(KeyCode::Char('c'), KeyModifiers::CONTROL);
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
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
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
        screen.key(KeyCode::F(1), KeyModifiers::NONE);
        insta::assert_snapshot!(format!("help_overlay_{}x{}", size.0, size.1), screen.screen());
    }
}

#[test]
fn snapshot_too_small_terminal() {
    let screen = Screen::counter((60, 20));
    insta::assert_snapshot!(screen.screen());
}

#[test]
fn the_cursor_sits_after_the_typed_text_on_the_search_line() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("于明");
    screen.key(KeyCode::Left, KeyModifiers::NONE);
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    // " Find › " is 8 columns; 于 is two.
    assert_eq!(ui::cursor(&screen.app, area), Some(ratatui::layout::Position::new(10, 0)));
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(ui::cursor(&screen.app, area), None, "no cursor in guest mode");
}

fn visits_on_card(screen: &Screen) -> usize {
    screen.app.selected_card().map_or(0, |c| c.visits.len())
}

#[test]
fn u_logs_the_usual_and_ctrl_z_takes_it_back() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("jon");
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(visits_on_card(&screen), 4);
    screen.key(KeyCode::Char('u'), KeyModifiers::NONE);
    assert_eq!(
        screen.app.status.as_deref(),
        Some("Logged the usual for Mr. Smith: Window 2 · Sandwich, Coffee, Egg — Ctrl-Z to undo")
    );
    assert_eq!(visits_on_card(&screen), 5, "the card shows the new visit at once");
    assert_eq!(screen.app.selected_guest().map(|g| g.name.as_str()), Some("Jon Smith"), "still on the same guest");
    let newest = screen.app.selected_card().and_then(|c| c.visits.last().cloned()).unwrap();
    assert_eq!((newest.seat.as_str(), newest.staff.as_str()), ("Window 2", "Nok"));
    screen.key(KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(screen.app.status.as_deref(), Some("Visit taken back"));
    assert_eq!(visits_on_card(&screen), 4);
    screen.key(KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(screen.app.status.as_deref(), Some("Nothing to undo"));
}

#[test]
fn a_guest_with_no_usual_is_told_so() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("王建华");
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    screen.key(KeyCode::Char('u'), KeyModifiers::NONE);
    assert_eq!(screen.app.status.as_deref(), Some("王先生 has no usual yet"));
    assert_eq!(visits_on_card(&screen), 0);
}

#[test]
fn f_ticks_the_next_follow_up_and_x_twice_resolves() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("0108");
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    let open = |screen: &Screen| screen.app.selected_card().map_or(0, |c| c.card().open_recoveries.len());
    let done = |screen: &Screen| -> Vec<bool> {
        screen.app.selected_card().unwrap().recoveries[0].recovery.follow_ups.iter().map(|f| f.done).collect()
    };
    assert_eq!(done(&screen), [true, false]);
    screen.key(KeyCode::Char('f'), KeyModifiers::NONE);
    assert_eq!(done(&screen), [true, true]);
    assert_eq!(screen.app.status.as_deref(), Some("Follow-up 2 ticked — Ctrl-Z to undo"));
    screen.key(KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(done(&screen), [true, false]);
    screen.key(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(screen.app.status.as_deref(), Some("Press x again to resolve “room upgrade”"));
    assert_eq!(open(&screen), 1);
    screen.key(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(screen.app.status.as_deref(), Some("Recovery resolved — Ctrl-Z to undo"));
    assert_eq!(open(&screen), 0);
    assert!(!screen.screen().contains("OPEN RECOVERY"));
    ctrl(&mut screen, 'z');
    assert_eq!((screen.app.status.as_deref(), open(&screen)), (Some("Recovery open again"), 1));
}

fn ctrl(screen: &mut Screen, c: char) {
    screen.key(KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn form_text(screen: &Screen, field: usize) -> String {
    screen.app.form.as_ref().map(|f| f.fields[field].input.text().to_owned()).unwrap_or_default()
}

#[test]
fn the_visit_form_starts_from_the_usual_and_saves_with_ctrl_s() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("jon");
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    screen.key(KeyCode::Char('v'), KeyModifiers::NONE);
    assert_eq!(
        (form_text(&screen, 0), form_text(&screen, 1)),
        ("Window 2".to_owned(), "Sandwich, Coffee, Egg".to_owned())
    );
    insta::assert_snapshot!("visit_form_80x24", screen.screen());
    screen.key(KeyCode::Tab, KeyModifiers::NONE);
    screen.key(KeyCode::Tab, KeyModifiers::NONE);
    screen.type_text("two");
    ctrl(&mut screen, 's');
    let error = screen.app.form.as_ref().and_then(|f| f.error.clone());
    assert_eq!(error, Some((Some(2), "\"two\" is not a number of people".to_owned())), "an error beside the field");
    ctrl(&mut screen, 'u');
    screen.type_text("2");
    ctrl(&mut screen, 's');
    assert!(screen.app.form.is_none(), "saved and closed");
    assert_eq!(screen.app.status.as_deref(), Some("Visit logged: Window 2 · Sandwich, Coffee, Egg — Ctrl-Z to undo"));
    assert_eq!(visits_on_card(&screen), 5);
    assert_eq!(screen.app.selected_card().and_then(|c| c.visits.last()).and_then(|v| v.party_size), Some(2));
}

#[test]
fn a_new_guest_from_the_search_line_is_added_and_selected() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("Nora Quinn");
    ctrl(&mut screen, 'a');
    assert_eq!(form_text(&screen, 0), "Nora Quinn", "the typed search is the name");
    screen.key(KeyCode::Tab, KeyModifiers::NONE);
    screen.type_text("Ms. Quinn");
    insta::assert_snapshot!("new_guest_form_80x24", screen.screen());
    for _ in 0..5 {
        screen.key(KeyCode::Tab, KeyModifiers::NONE);
    }
    screen.type_text("sesame");
    ctrl(&mut screen, 's');
    assert!(screen.app.form.is_none());
    assert_eq!(screen.app.status.as_deref(), Some("Added Nora Quinn — Ctrl-Z to undo"));
    let card = screen.app.selected_card().expect("the new guest is selected");
    assert_eq!(
        (card.guest.profile.greeting.as_str(), card.guest.profile.allergies.as_slice()),
        ("Ms. Quinn", ["sesame".to_owned()].as_slice())
    );
}

#[test]
fn a_form_refuses_an_empty_name_and_esc_asks_before_discarding() {
    let mut screen = Screen::counter((80, 24));
    ctrl(&mut screen, 'a');
    ctrl(&mut screen, 's');
    let form = screen.app.form.as_ref().expect("still open");
    assert_eq!(form.error.as_ref().map(|(field, _)| *field), Some(Some(0)));
    screen.type_text("Zed");
    screen.key(KeyCode::Esc, KeyModifiers::NONE);
    assert!(screen.app.form.is_some(), "the first Esc on a changed form only asks");
    assert_eq!(form_text(&screen, 0), "Zed");
    screen.key(KeyCode::Esc, KeyModifiers::NONE);
    assert!(screen.app.form.is_none());
    assert_eq!(screen.app.status.as_deref(), Some("Nothing saved"));
}

#[test]
fn a_failed_save_keeps_every_character_typed() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("emma");
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    screen.key(KeyCode::Char('e'), KeyModifiers::NONE);
    insta::assert_snapshot!("edit_guest_form_80x24", screen.screen());
    for _ in 0..8 {
        screen.key(KeyCode::Tab, KeyModifiers::NONE);
    }
    screen.type_text("likes the terrace");
    // Meanwhile another desk changes the same guest.
    let mut other = screen.other_desk();
    let guest = screen.app.selected_card().unwrap().guest.clone();
    let theirs = regulars::domain::Profile { notes: "from the lobby".into(), ..guest.profile.clone() };
    other.edit_guest(guest.id, guest.version, theirs, "Ana").unwrap();
    ctrl(&mut screen, 's');
    let form = screen.app.form.as_ref().expect("the form stays open");
    assert_eq!(form.fields[8].input.text(), "likes the terrace");
    let (_, problem) = form.error.clone().unwrap();
    assert_eq!(problem, "Another desk saved this guest meanwhile");
    assert_eq!(
        form.their_differences(),
        [("Notes", "from the lobby".to_owned())],
        "both versions are in front of the user"
    );
    insta::assert_snapshot!("edit_conflict_80x24", screen.screen());
    // Choosing theirs or ours: a second Ctrl-S saves ours over theirs, deliberately.
    ctrl(&mut screen, 's');
    assert!(screen.app.form.is_none());
    assert_eq!(screen.app.selected_card().map(|c| c.guest.profile.notes.clone()).as_deref(), Some("likes the terrace"));
}

#[test]
fn a_recovery_with_no_guest_is_recorded_from_the_search_line() {
    let mut screen = Screen::counter((80, 24));
    ctrl(&mut screen, 'r');
    screen.type_text("noise");
    screen.key(KeyCode::Tab, KeyModifiers::NONE);
    screen.type_text("wedding party next door");
    for _ in 0..3 {
        screen.key(KeyCode::Tab, KeyModifiers::NONE);
    }
    screen.type_text("call the venue; earplugs at the desk");
    insta::assert_snapshot!("recovery_form_80x24", screen.screen());
    ctrl(&mut screen, 's');
    assert!(screen.app.form.is_none());
    assert_eq!(screen.app.status.as_deref(), Some("Recovery recorded: noise — Ctrl-Z to undo"));
    ctrl(&mut screen, 'z');
    assert_eq!(screen.app.status.as_deref(), Some("Recovery taken back"));
}

#[test]
fn m_merges_the_selected_guest_into_the_one_picked_next() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("emily");
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    screen.key(KeyCode::Char('m'), KeyModifiers::NONE);
    assert!(screen.app.merging.is_some());
    assert!(screen.screen().contains("Into › "));
    screen.type_text("jon smith");
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(screen.app.status.as_deref(), Some("Merged: one guest now — Ctrl-Z to undo"));
    let card = screen.app.selected_card().expect("the kept guest is shown");
    assert_eq!(card.guest.profile.name, "Jon Smith");
    assert_eq!(card.visits.len(), 5, "Emily's visit moved over");
    assert!(card.guest.profile.notes.contains("also known as Emily Smithers"));
    screen.key(KeyCode::Esc, KeyModifiers::NONE);
    ctrl(&mut screen, 'u');
    screen.type_text("smithers");
    assert_eq!(screen.app.query.text(), "smithers");
    assert!(screen.app.found().iter().all(|g| g.name != "Emily Smithers"), "the merged entry is gone from search");
    ctrl(&mut screen, 'z');
    assert_eq!(screen.app.status.as_deref(), Some("Merge taken back: two entries again"));
    screen.key(KeyCode::Esc, KeyModifiers::NONE);
    ctrl(&mut screen, 'u');
    screen.type_text("emily smithers");
    let card = screen.app.selected_card().expect("Emily is back");
    assert_eq!((card.guest.profile.name.as_str(), card.visits.len()), ("Emily Smithers", 1));
}

#[test]
fn forms_complete_items_and_categories_already_in_the_book() {
    let mut screen = Screen::counter((80, 24));
    ctrl(&mut screen, 'r');
    screen.type_text("ro");
    assert!(screen.screen().contains("room upgrade  → takes it"), "{}", screen.screen());
    screen.key(KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(form_text(&screen, 0), "room upgrade");
    screen.key(KeyCode::Esc, KeyModifiers::NONE);
    screen.key(KeyCode::Esc, KeyModifiers::NONE);
    screen.type_text("0108");
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    screen.key(KeyCode::Char('v'), KeyModifiers::NONE);
    screen.key(KeyCode::Tab, KeyModifiers::NONE);
    screen.type_text(", sou");
    screen.key(KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(form_text(&screen, 1), "豆浆, 油条, soup of the day", "the house's items complete too");
}

#[test]
fn an_edit_is_taken_back_with_ctrl_z() {
    let mut screen = Screen::counter((80, 24));
    screen.type_text("emma");
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    screen.key(KeyCode::Char('e'), KeyModifiers::NONE);
    screen.key(KeyCode::Tab, KeyModifiers::NONE);
    ctrl(&mut screen, 'u');
    screen.type_text("Emma");
    ctrl(&mut screen, 's');
    assert_eq!(screen.app.selected_card().map(|c| c.guest.profile.greeting.clone()).as_deref(), Some("Emma"));
    ctrl(&mut screen, 'z');
    assert_eq!(screen.app.status.as_deref(), Some("Edit taken back"));
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
    screen.key(KeyCode::F(3), KeyModifiers::NONE);
    let shown = screen.screen();
    insta::assert_snapshot!("tally_130x40", shown);
    let report = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
        .args(["--db", screen.dir.path().join("book.db").to_str().unwrap(), "report", "--until", "2026-11-23"])
        .env("REGULARS_CONFIG", "/nonexistent/config.toml")
        .output()
        .unwrap();
    let report = String::from_utf8(report.stdout).unwrap();
    let words = |line: &str| line.replace(['│', '"'], " ").split_whitespace().collect::<Vec<_>>().join(" ");
    let rows: Vec<&str> = report.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{report}");
    for row in rows {
        let category = row.split("  ").next().unwrap();
        let on_screen =
            shown.lines().find(|l| l.contains(&format!("│{category} "))).expect("the category is on screen");
        assert_eq!(words(on_screen), words(row), "screen and command differ for {category}");
    }
    screen.key(KeyCode::Char('1'), KeyModifiers::NONE);
    assert_eq!(screen.app.report.as_ref().map(|t| t.categories.len()), Some(1), "7 days: the noise only");
    screen.key(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(screen.app.view, regulars::tui::app::View::Counter);
}

#[test]
fn the_outreach_screen_lists_whom_to_write_to() {
    let mut screen = Screen::counter((80, 24));
    screen.key(KeyCode::F(4), KeyModifiers::NONE);
    let rows = screen.app.outreach.clone().expect("the list is read");
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].name.as_str(), rows[0].reason.as_str()), ("Jon Smith", "birthday 11-26 (in 3 days)"));
    insta::assert_snapshot!("outreach_80x24", screen.screen());
    screen.key(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(screen.app.view, regulars::tui::app::View::Counter);
}

#[test]
fn the_audit_log_screen_shows_who_changed_what() {
    let mut screen = Screen::counter((100, 30));
    screen.type_text("jon");
    screen.key(KeyCode::Enter, KeyModifiers::NONE);
    screen.key(KeyCode::Char('u'), KeyModifiers::NONE);
    screen.key(KeyCode::F(7), KeyModifiers::NONE);
    let log = screen.app.log.clone().expect("the log is read");
    assert_eq!((log[0].staff.as_str(), log[0].action.as_str()), ("Nok", "visit logged"), "newest first");
    let shown = screen.screen();
    assert!(shown.contains("Nok  visit logged  guest 1 (Jon Smith)"), "{shown}");
    screen.key(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(screen.app.view, regulars::tui::app::View::Counter);
}
