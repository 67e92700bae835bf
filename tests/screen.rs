//! The counter screen without a terminal: key events through the keymap into the state, and whole-screen
//! snapshots of the rendered buffer (ratatui TestBackend + insta).

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regulars::interchange::{self, Format};
use regulars::search::{Index, Results};
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Store};
use regulars::tui::action::{Effect, Msg};
use regulars::tui::app::{App, Focus, Mode};
use regulars::tui::keymap::Keymap;
use regulars::tui::theme::Theme;
use regulars::tui::ui;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

/// A desk over a real guest book in a temporary folder, with effects carried out in-line as the runtime would.
struct Desk {
    _dir: tempfile::TempDir,
    store: Store,
    index: Index,
    app: App,
    keymap: Keymap,
}

impl Desk {
    fn new(fixture: &str, size: (u16, u16)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("book.db"), DEFAULT_BUSY_TIMEOUT).unwrap();
        let parsed = interchange::parse(Format::Jsonl, fixture.as_bytes()).unwrap();
        store.import(parsed.records.into_iter().map(|(_, r)| r).collect(), "Nok", "test").unwrap();
        let index = Index::load(&store).unwrap();
        let app = App::new(size, now(), FixedOffset::east_opt(0).unwrap(), Theme::colour());
        Self { _dir: dir, store, index, app, keymap: Keymap::default() }
    }

    fn counter(size: (u16, u16)) -> Self {
        let mut desk = Self::new(include_str!("fixtures/counter.jsonl"), size);
        let effects = desk.app.start("");
        desk.carry_out(effects);
        desk
    }

    fn carry_out(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            let msg = match effect {
                Effect::Search { generation, query } => {
                    let found = self.index.search(&query, 200);
                    Msg::Results(Results::new(&self.index, generation, query, found))
                }
                Effect::LoadCard(id) => Msg::Card(self.store.history(id).map(Box::new).map_err(|e| e.to_string())),
                Effect::LoadDemo => unreachable!("no demo in these tests"),
            };
            let more = self.app.update(msg);
            self.carry_out(more);
        }
    }

    fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        if let Some(action) = self.keymap.key(self.app.mode(), KeyEvent::new(code, modifiers)) {
            let effects = self.app.update(Msg::Action(action));
            self.carry_out(effects);
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
    let mut desk = Desk::counter((80, 24));
    assert_eq!(desk.selected_name(), Some("Jon Smith"), "an empty query lists the latest guests first");
    desk.type_text("smi");
    assert_eq!(desk.app.query.text(), "smi");
    assert_eq!(desk.selected_name(), Some("Jon Smith"));
    assert_eq!(desk.app.selected_card().map(|c| c.guest.profile.name.as_str()), Some("Jon Smith"));
    desk.key(KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(desk.selected_name(), Some("Emily Smithers"));
    desk.key(KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(desk.selected_name(), Some("Jon Smith"));
    desk.key(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(desk.app.focus, Focus::Guest);
    desk.key(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(desk.app.query.text(), "smi", "letters in guest mode do not type");
    desk.key(KeyCode::Char('?'), KeyModifiers::NONE);
    assert_eq!(desk.app.mode(), Mode::Help);
    desk.key(KeyCode::Esc, KeyModifiers::NONE);
    desk.key(KeyCode::Char('/'), KeyModifiers::NONE);
    assert_eq!(desk.app.focus, Focus::Search);
    desk.key(KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(desk.app.query.text(), "");
    desk.type_text("0108");
    assert_eq!(desk.selected_name(), Some("于明"), "phone digits find the caller");
    desk.key(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(desk.app.query.text(), "");
    desk.key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(desk.app.quit);
}

#[test]
fn snapshot_latin_guest_80x24() {
    let mut desk = Desk::counter((80, 24));
    desk.type_text("jon");
    insta::assert_snapshot!(desk.screen());
}

#[test]
fn snapshot_latin_guest_120x40() {
    let mut desk = Desk::counter((120, 40));
    desk.type_text("smith");
    insta::assert_snapshot!(desk.screen());
}

#[test]
fn snapshot_chinese_guest_with_open_recovery_80x24() {
    let mut desk = Desk::counter((80, 24));
    desk.type_text("于");
    desk.key(KeyCode::Enter, KeyModifiers::NONE);
    insta::assert_snapshot!(desk.screen());
}

#[test]
fn snapshot_chinese_guest_with_open_recovery_120x40() {
    let mut desk = Desk::counter((120, 40));
    desk.type_text("0108");
    insta::assert_snapshot!(desk.screen());
}

#[test]
fn snapshot_empty_book_welcome() {
    for size in [(80, 24), (120, 40)] {
        let mut desk = Desk::new("", size);
        let effects = desk.app.start("");
        desk.carry_out(effects);
        insta::assert_snapshot!(format!("empty_book_welcome_{}x{}", size.0, size.1), desk.screen());
    }
}

#[test]
fn snapshot_help_overlay() {
    for size in [(80, 24), (120, 40)] {
        let mut desk = Desk::counter(size);
        desk.key(KeyCode::F(1), KeyModifiers::NONE);
        insta::assert_snapshot!(format!("help_overlay_{}x{}", size.0, size.1), desk.screen());
    }
}

#[test]
fn snapshot_too_small_terminal() {
    let desk = Desk::counter((60, 20));
    insta::assert_snapshot!(desk.screen());
}

#[test]
fn the_cursor_sits_after_the_typed_text_on_the_search_line() {
    let mut desk = Desk::counter((80, 24));
    desk.type_text("于明");
    desk.key(KeyCode::Left, KeyModifiers::NONE);
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    // " Find › " is 8 columns; 于 is two.
    assert_eq!(ui::cursor(&desk.app, area), Some(ratatui::layout::Position::new(10, 0)));
    desk.key(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(ui::cursor(&desk.app, area), None, "no cursor in guest mode");
}
