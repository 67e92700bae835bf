//! The counter screen without a terminal: key events through the keymap into the state, carried out by the real
//! desk on a real guest book, and the rendered buffer read back (ratatui TestBackend).

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regulars::domain::money::Money;
use regulars::interchange::{self, Format};
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Store};
use regulars::tui::action::Msg;
use regulars::tui::app::App;
use regulars::tui::theme::Theme;
use regulars::tui::{Desk, Options, translate};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

pub const COUNTER: &str = include_str!("../fixtures/counter.jsonl");

/// The counter screen over a real guest book in a temporary folder, with the runtime's own desk (store and search
/// thread) carrying out effects; only the terminal is missing.
pub struct Screen {
    pub dir: tempfile::TempDir,
    /// The book's file.
    pub book: PathBuf,
    pub desk: Desk,
    arrivals: Receiver<Msg>,
    pub app: App,
}

impl Screen {
    pub fn new(fixture: &str, size: (u16, u16)) -> Self {
        Self::at_station(fixture, size, None)
    }

    pub fn counter(size: (u16, u16)) -> Self {
        Self::new(COUNTER, size)
    }

    /// A screen at a desk that names its station.
    pub fn at_station(fixture: &str, size: (u16, u16), station: Option<&str>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("book.db"), DEFAULT_BUSY_TIMEOUT).unwrap();
        let parsed = interchange::parse(Format::Jsonl, fixture.as_bytes()).unwrap();
        store.import(parsed.records.into_iter().map(|(_, r)| r).collect(), "Nok", "test").unwrap();
        Self::on(dir, store, size, station)
    }

    /// A second screen on the same book as `other`, at `station`.
    pub fn beside(other: &Screen, size: (u16, u16), station: Option<&str>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&other.book, DEFAULT_BUSY_TIMEOUT).unwrap();
        Self::on(dir, store, size, station)
    }

    fn on(dir: tempfile::TempDir, store: Store, size: (u16, u16), station: Option<&str>) -> Self {
        let store_path = store.path().to_owned();
        let (tx, arrivals) = mpsc::channel();
        let options = Options {
            query: String::new(),
            staff: "Nok".into(),
            station: station.map(str::to_owned),
            demo_guests: 10,
            heads_up_minutes: 15,
            theme: None,
            money: Money::default(),
        };
        let desk = Desk::new(store, &options, move |msg| {
            let _ = tx.send(msg);
        })
        .unwrap();
        let mut app = App::new(size, now(), FixedOffset::east_opt(0).unwrap(), Theme::colour(), "Nok");
        app.station = station.map(str::to_owned);
        let effects = app.start("");
        let book = store_path;
        let mut screen = Self { dir, book, desk, arrivals, app };
        screen.desk.carry_out(&mut screen.app, effects);
        screen.settle();
        screen
    }

    /// Another desk on the same book.
    pub fn other_desk(&self) -> Store {
        Store::open(&self.book, DEFAULT_BUSY_TIMEOUT).unwrap()
    }

    /// Feeds the search thread's answers in until the newest search asked for has been answered.
    pub fn settle(&mut self) {
        while self.app.results.as_ref().is_none_or(|r| r.generation != self.app.generation) {
            let msg = self.arrivals.recv_timeout(Duration::from_secs(10)).expect("the search thread answers");
            self.desk.dispatch(&mut self.app, msg);
        }
    }

    /// Feeds in whatever the search thread and watcher have sent, without waiting for more.
    pub fn drain(&mut self) {
        while let Ok(msg) = self.arrivals.try_recv() {
            self.desk.dispatch(&mut self.app, msg);
        }
    }

    /// A key, translated by the keymap in force exactly as the runtime does, then carried out.
    pub fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.key_unsettled(code, modifiers);
        self.settle();
    }

    /// A key, carried out without waiting for the search it may start: as when keys arrive faster than results.
    pub fn key_unsettled(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        if let Some(msg) = translate(&self.app, Event::Key(KeyEvent::new(code, modifiers))) {
            self.desk.dispatch(&mut self.app, msg);
        }
    }

    pub fn press(&mut self, code: KeyCode) {
        self.key(code, KeyModifiers::NONE);
    }

    pub fn ctrl(&mut self, c: char) {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c), KeyModifiers::NONE);
        }
    }

    pub fn screen(&self) -> String {
        let (width, height) = self.app.size;
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| frame.render_widget(&self.app, frame.area())).unwrap();
        terminal.backend().to_string()
    }

    pub fn selected_name(&self) -> Option<&str> {
        self.app.selected_guest().map(|g| g.name.as_str())
    }

    /// The names in the result list, best first.
    pub fn found_names(&self) -> Vec<&str> {
        self.app.found().iter().map(|g| g.name.as_str()).collect()
    }

    pub fn card_name(&self) -> Option<&str> {
        self.app.selected_card().map(|c| c.guest.profile.name.as_str())
    }

    pub fn status(&self) -> Option<&str> {
        self.app.status_text()
    }

    pub fn visits_on_card(&self) -> usize {
        self.app.selected_card().map_or(0, |c| c.visits.len())
    }

    pub fn form_text(&self, field: usize) -> String {
        self.app.form.as_ref().map(|f| f.fields[field].input.text().to_owned()).unwrap_or_default()
    }
}
