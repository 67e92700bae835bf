//! The counter screen without a terminal: key events through the keymap into the state, carried out by the real
//! desk service (its threads on a real guest book), and the rendered buffer read back (ratatui TestBackend). The
//! layout drawn is fed back to the state as the runtime does.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use regulars::desk::{Desk, DeskOptions};
use regulars::interchange;
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Store};
use regulars::tui::action::Msg;
use regulars::tui::app::App;
use regulars::tui::theme::Theme;
use regulars::tui::{translate, ui};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

pub const COUNTER: &str = include_str!("../fixtures/counter.jsonl");

/// The counter screen over a real guest book in a temporary folder, with the real desk service; only the terminal
/// is missing. Every message is handled at `clock`.
pub struct Screen {
    pub dir: tempfile::TempDir,
    /// The book's file.
    pub book: PathBuf,
    pub desk: Option<Desk>,
    arrivals: Receiver<Msg>,
    pub app: App,
    pub clock: DateTime<Utc>,
    /// Every message the desk sent, for tests that count them.
    pub received: Vec<Msg>,
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
        Self::opened(fixture, size, station, "")
    }

    /// A screen opened with a query already typed (as `--query` does), before the book is read.
    pub fn with_query(fixture: &str, size: (u16, u16), query: &str) -> Self {
        Self::opened(fixture, size, None, query)
    }

    fn opened(fixture: &str, size: (u16, u16), station: Option<&str>, query: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("book.db"), DEFAULT_BUSY_TIMEOUT).unwrap();
        let parsed = interchange::parse(fixture.as_bytes()).unwrap();
        store.import(parsed.guests(), "Nok", "test").unwrap();
        Self::on(dir, store, size, station, query)
    }

    /// A screen on a book of `fixture` changed behind regulars' back by `sql` (rows it cannot read).
    pub fn spoiled(fixture: &str, size: (u16, u16), sql: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.db");
        let mut store = Store::open(&path, DEFAULT_BUSY_TIMEOUT).unwrap();
        let parsed = interchange::parse(fixture.as_bytes()).unwrap();
        store.import(parsed.guests(), "Nok", "test").unwrap();
        drop(store);
        rusqlite::Connection::open(&path).unwrap().execute_batch(sql).unwrap();
        let store = Store::open(&path, DEFAULT_BUSY_TIMEOUT).unwrap();
        Self::on(dir, store, size, None, "")
    }

    /// A second screen on the same book as `other`, at `station`.
    pub fn beside(other: &Screen, size: (u16, u16), station: Option<&str>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&other.book, DEFAULT_BUSY_TIMEOUT).unwrap();
        Self::on(dir, store, size, station, "")
    }

    fn on(dir: tempfile::TempDir, store: Store, size: (u16, u16), station: Option<&str>, query: &str) -> Self {
        let book = store.path().unwrap().to_owned();
        let (tx, arrivals) = mpsc::channel();
        let options = DeskOptions {
            staff: "Nok".into(),
            station: station.unwrap_or_default().to_owned(),
            demo_guests: 10,
            heads_up_minutes: 15,
            regular_visits: regulars::domain::regular::REGULAR_VISITS,
        };
        let desk = Desk::open(store, &options, move |msg| {
            let _ = tx.send(msg);
        })
        .unwrap();
        let mut app = App::new(size, now(), FixedOffset::east_opt(0).unwrap(), Theme::colour(), "Nok");
        app.station = station.map(str::to_owned);
        let effects = app.start(query);
        desk.carry_out(effects);
        let mut screen = Self { dir, book, desk: Some(desk), arrivals, app, clock: now(), received: Vec::new() };
        screen.feed_layout();
        screen.settle();
        screen
    }

    pub fn desk(&self) -> &Desk {
        self.desk.as_ref().expect("the desk is open")
    }

    /// Another desk on the same book.
    pub fn other_desk(&self) -> Store {
        Store::open(&self.book, DEFAULT_BUSY_TIMEOUT).unwrap()
    }

    /// One message, handled at the screen's clock, as the runtime does.
    pub fn dispatch(&mut self, msg: Msg) {
        let desk = self.desk.as_ref().expect("the desk is open");
        desk.dispatch(&mut self.app, msg, self.clock);
        self.feed_layout();
    }

    /// The layout a draw of this size gives, fed back when it changed.
    fn feed_layout(&mut self) {
        let layout = ui::layout(Rect::new(0, 0, self.app.size.0, self.app.size.1));
        if layout != self.app.layout
            && let Some(desk) = &self.desk
        {
            desk.dispatch(&mut self.app, Msg::Layout(layout), self.clock);
        }
    }

    /// Feeds the desk's answers in until every request handed to it has been answered and the newest search asked
    /// for is on screen. (The watcher's messages, which answer no request, are fed in as they come.)
    pub fn settle(&mut self) {
        let started = Instant::now();
        loop {
            while let Ok(msg) = self.arrivals.try_recv() {
                self.received.push(msg.clone());
                self.dispatch(msg);
            }
            let current = self.app.results.as_ref().is_some_and(|r| r.generation == self.app.generation);
            if self.desk().is_idle() && current && self.arrivals_empty() {
                return;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "the desk did not answer");
            if let Ok(msg) = self.arrivals.recv_timeout(Duration::from_millis(20)) {
                self.received.push(msg.clone());
                self.dispatch(msg);
            }
        }
    }

    fn arrivals_empty(&mut self) -> bool {
        match self.arrivals.try_recv() {
            Ok(msg) => {
                self.received.push(msg.clone());
                self.dispatch(msg);
                false
            }
            Err(_) => true,
        }
    }

    /// Feeds the desk's messages in (the watcher's included) until `ready` holds; panics after 10 s. A wait for the
    /// desk, not a timing assertion.
    pub fn wait_for(&mut self, what: &str, ready: impl Fn(&Screen) -> bool) {
        let started = Instant::now();
        while !ready(self) {
            assert!(started.elapsed() < Duration::from_secs(10), "waited for {what}:\n{}", self.screen());
            if let Ok(msg) = self.arrivals.recv_timeout(Duration::from_millis(50)) {
                self.received.push(msg.clone());
                self.dispatch(msg);
            }
        }
    }

    /// A key, translated by the keymap in force exactly as the runtime does, then carried out and settled.
    pub fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.key_unsettled(code, modifiers);
        self.settle();
    }

    /// A key, carried out without waiting for what it starts: as when keys arrive faster than answers.
    pub fn key_unsettled(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        if let Some(msg) = translate(&self.app, Event::Key(KeyEvent::new(code, modifiers))) {
            self.dispatch(msg);
        }
    }

    /// A paste, as a terminal in bracketed-paste mode delivers it: one event.
    pub fn paste(&mut self, text: &str) {
        if let Some(msg) = translate(&self.app, Event::Paste(text.to_owned())) {
            self.dispatch(msg);
        }
        self.settle();
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

    /// The runs of cells drawn in the highlight style, row by row, as they read.
    pub fn highlighted(&self) -> Vec<String> {
        let (width, height) = self.app.size;
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| frame.render_widget(&self.app, frame.area())).unwrap();
        let matched = self.app.theme.matched;
        let buffer = terminal.backend().buffer();
        let mut runs = Vec::new();
        for y in 0..height {
            let mut run = String::new();
            for x in 0..width {
                let cell = &buffer[(x, y)];
                let lit = Some(cell.fg) == matched.fg && cell.modifier.contains(matched.add_modifier);
                if lit {
                    run.push_str(cell.symbol());
                } else if !run.is_empty() {
                    runs.push(std::mem::take(&mut run));
                }
            }
            if !run.is_empty() {
                runs.push(run);
            }
        }
        runs
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

    /// What the open form says is wrong, in the screen's language.
    pub fn form_error(&self) -> Option<String> {
        let (_, said) = self.app.form.as_ref()?.error.as_ref()?;
        Some(said.text(self.app.language))
    }

    /// The status line's message, in the screen's language.
    pub fn status(&self) -> Option<String> {
        self.app.status_text()
    }

    pub fn visits_on_card(&self) -> usize {
        self.app.selected_card().map_or(0, |c| c.visits.len())
    }

    pub fn form_text(&self, field: usize) -> String {
        self.app.form.as_ref().map(|f| f.fields[field].input.text().to_owned()).unwrap_or_default()
    }

    /// Offers back the draft kept for `station`, as the runtime does when the screen opens.
    pub fn offer_draft(&mut self, station: &str) {
        if let Some(draft) = regulars::desk::drafts::take(&self.book, station).unwrap() {
            self.dispatch(Msg::Draft(Box::new(draft)));
            self.settle();
        }
    }

    /// Closes the desk: every write done, every connection closed. Returns what the desk had to say.
    pub fn close(&mut self) -> Vec<String> {
        let language = self.app.language;
        self.desk.take().map(Desk::close).unwrap_or_default().iter().map(|note| note.text(language)).collect()
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        self.close();
    }
}
