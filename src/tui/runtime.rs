//! The event loop: waits for input or results (no polling, so an idle screen costs no CPU), drains everything that
//! is pending, updates the state, carries out effects, and draws once.

use std::collections::VecDeque;
use std::sync::mpsc;
use std::thread;

use anyhow::{Context, Result, anyhow};
use chrono::{Local, Utc};
use crossterm::event::{self, Event};
use ratatui::layout::Rect;

use super::action::{Action, Effect, Msg, Undo};
use super::app::{App, Mode};
use super::app::{OUTREACH_BIRTHDAYS, OUTREACH_LAPSED};
use super::form::Submission;
use super::keymap::Keymap;
use super::terminal::Screen;
use super::theme::Theme;
use super::ui;
use crate::config::ThemeChoice;
use crate::demo;
use crate::domain::GuestId;
use crate::domain::outreach::prospects;
use crate::domain::tally::tally;
use crate::domain::text::inert;
use crate::report::outreach_rows;
use crate::search::Worker;
use crate::store::{Store, StoreError};

/// How many results a search returns: more than any screen shows.
const RESULT_LIMIT: usize = 200;

/// How many of the house's most frequent items the visit form completes from.
const HOUSE_ITEMS: usize = 200;

/// How the screen starts.
pub struct Options {
    /// Already typed into the search line (`--query`, `--phone`).
    pub query: String,
    /// Who is at the counter, for the audit log.
    pub staff: String,
    /// Where this desk stands, shown on the status line.
    pub station: Option<String>,
    /// How long an untaken heads-up stays up, in minutes.
    pub heads_up_minutes: i64,
    /// The settings' theme; NO_COLOR wins over it.
    pub theme: Option<ThemeChoice>,
    /// How many guests F2 loads into an empty book.
    pub demo_guests: usize,
}

enum Incoming {
    Terminal(Event),
    App(Msg),
    InputFailed(String),
}

/// Runs the counter screen on `store` until the user quits.
pub fn run(store: Store, options: &Options) -> Result<()> {
    let (tx, rx) = mpsc::channel();
    let results = tx.clone();
    let mut desk = Desk::new(store, options, move |msg| {
        let _ = results.send(Incoming::App(msg));
    })?;

    let mut screen = Screen::enter().context("cannot open the terminal screen")?;
    let size = screen.terminal.size()?;
    let mut app = App::new(
        (size.width, size.height),
        Utc::now(),
        *Local::now().offset(),
        Theme::chosen(options.theme),
        &options.staff,
    );
    app.station.clone_from(&options.station);
    app.heads_up_expiry = chrono::Duration::minutes(options.heads_up_minutes);
    watch(
        desk.store.reopen().context("cannot open the guest book to watch for other desks")?,
        options.heads_up_minutes,
        tx.clone(),
    )?;
    thread::spawn(move || {
        loop {
            let incoming = match event::read() {
                Ok(event) => Incoming::Terminal(event),
                Err(error) => Incoming::InputFailed(error.to_string()),
            };
            let failed = matches!(incoming, Incoming::InputFailed(_));
            if tx.send(incoming).is_err() || failed {
                break;
            }
        }
    });

    let keymap = Keymap::default();
    let effects = app.start(&options.query);
    desk.carry_out(&mut app, effects);
    loop {
        app.now = Utc::now();
        screen.terminal.draw(|frame| {
            let area = frame.area();
            frame.render_widget(&app, area);
            if let Some(position) = ui::cursor(&app, area) {
                frame.set_cursor_position(position);
            }
        })?;
        let first = rx.recv().context("the terminal input stopped")?;
        for incoming in std::iter::once(first).chain(rx.try_iter()) {
            let msg = match incoming {
                Incoming::Terminal(event) => translate(&keymap, &app, event),
                Incoming::App(msg) => Some(msg),
                Incoming::InputFailed(error) => return Err(anyhow!("cannot read the keyboard: {error}")),
            };
            if let Some(msg) = msg {
                desk.dispatch(&mut app, msg);
            }
            if app.quit {
                return Ok(());
            }
        }
    }
}

/// How often the book is checked for other desks' writes: well inside the one second a heads-up may take.
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_millis(250);
/// How often heads-ups on screen are re-read even with no write, so that expired ones go.
const HEADS_UP_REFRESH: std::time::Duration = std::time::Duration::from_secs(15);

/// Watches the book on a connection of its own: when another connection commits (`PRAGMA data_version` moves), it
/// reads which guests changed (from the audit log) and the heads-ups of the last while, and sends them in. It sleeps
/// between looks, so an idle desk costs next to nothing.
fn watch(book: Store, heads_up_minutes: i64, tx: mpsc::Sender<Incoming>) -> Result<()> {
    let mut seen_audit = book.audit_head()?;
    thread::spawn(move || {
        let mut version = None;
        let mut last_heads_up_read = std::time::Instant::now();
        let mut showing_heads_ups = true;
        loop {
            let current = book.data_version().ok();
            let stale = showing_heads_ups && last_heads_up_read.elapsed() >= HEADS_UP_REFRESH;
            if current != version || stale {
                version = current;
                last_heads_up_read = std::time::Instant::now();
                let since = Utc::now() - chrono::Duration::minutes(heads_up_minutes + 1);
                let read = book.changed_since(seen_audit).and_then(|changed| Ok((changed, book.heads_ups(since)?)));
                let msg = match read {
                    Ok(((head, guests), heads_ups)) => {
                        seen_audit = head;
                        showing_heads_ups = !heads_ups.is_empty();
                        Msg::Elsewhere { guests, heads_ups }
                    }
                    Err(error) => Msg::Failed(format!("Cannot read other desks' changes: {error}")),
                };
                if tx.send(Incoming::App(msg)).is_err() {
                    return;
                }
            }
            thread::sleep(WATCH_EVERY);
        }
    });
    Ok(())
}

/// A terminal event as a message for `update`, through the keymap.
fn translate(keymap: &Keymap, app: &App, event: Event) -> Option<Msg> {
    let mode = app.mode();
    match event {
        Event::Key(key) => keymap.key(mode, key).map(Msg::Action),
        Event::Mouse(mouse) => {
            let list = ui::areas(Rect::new(0, 0, app.size.0, app.size.1)).list;
            keymap.mouse(mode, mouse, list).map(Msg::Action)
        }
        Event::Paste(text) if mode != Mode::Help => Some(Msg::Action(Action::Paste(text))),
        Event::Resize(width, height) => Some(Msg::Resize(width, height)),
        _ => None,
    }
}

/// Where effects are carried out: the store and the search thread.
pub struct Desk {
    store: Store,
    worker: Worker,
    staff: String,
    /// Where this desk stands; empty when not said.
    station: String,
    demo_guests: usize,
}

impl Desk {
    /// A desk on `store`, with a search thread reading the book on a connection of its own (while the screen
    /// comes up). Search results and read failures arrive later through `deliver`, as messages for `update`.
    pub fn new(store: Store, options: &Options, deliver: impl Fn(Msg) + Clone + Send + 'static) -> Result<Self> {
        let reader = store.reopen().context("cannot open the guest book a second time for search")?;
        let failed = deliver.clone();
        let worker = Worker::spawn(
            reader,
            RESULT_LIMIT,
            move |r| deliver(Msg::Results(r)),
            move |error| {
                failed(Msg::Failed(format!("Cannot read the guest book: {error}")));
            },
        );
        Ok(Self {
            store,
            worker,
            staff: options.staff.clone(),
            station: options.station.clone().unwrap_or_default(),
            demo_guests: options.demo_guests,
        })
    }

    /// Updates the state with `msg`, then with every message its effects produce, until nothing is left to do.
    pub fn dispatch(&mut self, app: &mut App, msg: Msg) {
        let mut queue = VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            for effect in app.update(msg) {
                queue.extend(self.perform(effect));
            }
        }
    }

    /// Carries out effects `update` returned outside `dispatch` (the first search).
    pub fn carry_out(&mut self, app: &mut App, effects: Vec<Effect>) {
        for effect in effects {
            if let Some(msg) = self.perform(effect) {
                self.dispatch(app, msg);
            }
        }
    }

    fn perform(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::Search { generation, query } => {
                self.worker.search(generation, &query);
                None
            }
            Effect::LoadCard(id) => Some(Msg::Card(
                self.store.history(id).map(Box::new).map_err(|e| format!("Cannot read this guest: {e}")),
            )),
            Effect::LoadHouse => Some(
                match self.store.house_items(HOUSE_ITEMS).and_then(|items| Ok((items, self.store.categories()?))) {
                    Ok((items, categories)) => Msg::House { items, categories },
                    Err(error) => Msg::Failed(format!("Cannot read the house's items: {error}")),
                },
            ),
            Effect::LoadReport { since, until } => Some(match self.store.mishaps() {
                Ok(mishaps) => Msg::Report(Box::new(tally(&mishaps, since, until))),
                Err(error) => Msg::Failed(format!("Cannot read the mishaps: {error}")),
            }),
            Effect::LoadLog => Some(match self.store.audit_entries(None, chrono::DateTime::<Utc>::MIN_UTC) {
                Ok(mut entries) => {
                    entries.reverse();
                    Msg::Log(entries)
                }
                Err(error) => Msg::Failed(format!("Cannot read the audit log: {error}")),
            }),
            Effect::LoadOutreach { now, zone } => {
                let today = now.with_timezone(&zone).date_naive();
                let lapsed_before = now - chrono::Duration::days(OUTREACH_LAPSED);
                Some(match self.store.outreach(today, OUTREACH_BIRTHDAYS, lapsed_before) {
                    Ok(histories) => Msg::Outreach(outreach_rows(
                        &prospects(&histories, now, today, OUTREACH_BIRTHDAYS, OUTREACH_LAPSED),
                        zone,
                    )),
                    Err(error) => Msg::Failed(format!("Cannot read the outreach list: {error}")),
                })
            }
            Effect::TakeHeadsUp(id) => {
                let station = self.station.clone();
                Some(match self.store.take_heads_up(id, &station, &self.staff) {
                    Ok(()) => Msg::Saved { message: "Heads-up taken".to_owned(), undo: None },
                    Err(error) => Msg::Failed(format!("Heads-up not taken: {error}")),
                })
            }
            Effect::Refresh(guest) => {
                self.worker.refresh(guest);
                None
            }
            Effect::LoadDemo => Some(self.load_demo()),
            Effect::LogVisit { guest, visit, said } => Some(match self.store.log_visit(guest, visit, &self.staff) {
                Ok(visit) => Msg::Written { guest, message: said, undo: Some(Undo::Visit { guest, visit }) },
                Err(error) => Msg::Failed(format!("The visit was not saved: {error}")),
            }),
            Effect::Save(submission) => Some(self.save(submission)),
            Effect::Merge { from, into } => Some(match self.store.merge_guests(from, into, &self.staff) {
                Ok(merged) => {
                    self.worker.refresh(from);
                    let undo = Some(Undo::Merged(Box::new(merged)));
                    Msg::Written { guest: into, message: "Merged: one guest now — Ctrl-Z to undo".to_owned(), undo }
                }
                Err(error) => Msg::Failed(format!("Not merged: {error}")),
            }),
            Effect::Undo(undo) => Some(self.undo(undo)),
            Effect::TickFollowUp { guest, recovery, index } => {
                Some(match self.store.set_follow_up(recovery, index, true, &self.staff) {
                    Ok(()) => Msg::Written {
                        guest,
                        message: format!("Follow-up {} ticked — Ctrl-Z to undo", index + 1),
                        undo: Some(Undo::FollowUp { guest, recovery, index }),
                    },
                    Err(error) => Msg::Failed(format!("The follow-up was not saved: {error}")),
                })
            }
            Effect::Resolve { guest, recovery } => {
                Some(match self.store.resolve_recovery(recovery, Utc::now(), &self.staff) {
                    Ok(()) => Msg::Written {
                        guest,
                        message: "Recovery resolved — Ctrl-Z to undo".to_owned(),
                        undo: Some(Undo::Resolved { guest, recovery }),
                    },
                    Err(error) => Msg::Failed(format!("The recovery was not resolved: {error}")),
                })
            }
        }
    }

    /// A form's content into the book: the same store operations as the command line's.
    fn save(&mut self, submission: Submission) -> Msg {
        let staff = self.staff.clone();
        let (guest, saved) = match submission {
            Submission::Visit { guest, visit } => {
                let said = format!("Visit logged: {} — Ctrl-Z to undo", inert(&visit.seat_and_order()));
                let saved =
                    self.store.log_visit(guest, visit, &staff).map(|visit| (said, Some(Undo::Visit { guest, visit })));
                (Some(guest), saved)
            }
            Submission::NewGuest(profile) => {
                let said = format!("Added {} — Ctrl-Z to undo", inert(&profile.name));
                match self.store.add_guest(profile, &staff) {
                    Ok(guest) => (Some(guest), Ok((said, Some(Undo::GuestAdded { guest })))),
                    Err(error) => (None, Err(error)),
                }
            }
            Submission::EditGuest { guest, version, before, profile } => {
                let saved = self.store.edit_guest(guest, version, profile, &staff).map(|version| {
                    ("Guest saved — Ctrl-Z to undo".to_owned(), Some(Undo::GuestEdited { guest, version, before }))
                });
                (Some(guest), saved)
            }
            Submission::HeadsUp { guest, to, note } => {
                let said = format!(
                    "Heads-up sent to {}",
                    to.as_deref().map_or_else(|| "every station".to_owned(), |s| inert(s).into_owned())
                );
                let station = self.station.clone();
                let saved =
                    self.store.send_heads_up(guest, &station, to.as_deref(), &note, &staff).map(|_| (said, None));
                (Some(guest), saved)
            }
            Submission::Recovery { guest, recovery } => {
                let said = format!("Recovery recorded: {} — Ctrl-Z to undo", inert(&recovery.category));
                let saved = self
                    .store
                    .add_recovery(guest, recovery, &staff)
                    .map(|recovery| (said, Some(Undo::RecoveryAdded { guest, recovery })));
                (guest, saved)
            }
        };
        match (saved, guest) {
            (Err(StoreError::Changed), Some(guest)) => match self.store.history(guest) {
                Ok(theirs) => Msg::Conflict(Box::new(theirs.guest)),
                Err(error) => Msg::Failed(format!("Not saved: {error}")),
            },
            (Ok((message, undo)), Some(guest)) => Msg::Written { guest, message, undo },
            (Ok((message, undo)), None) => Msg::Saved { message, undo },
            (Err(error), _) => Msg::Failed(format!("Not saved: {error}")),
        }
    }

    /// Takes back the last write, with the store operation that inverts it.
    fn undo(&mut self, undo: Undo) -> Msg {
        let staff = self.staff.clone();
        let done = |guest: Option<GuestId>, message: &str| match guest {
            Some(guest) => Msg::Written { guest, message: message.to_owned(), undo: None },
            None => Msg::Saved { message: message.to_owned(), undo: None },
        };
        let result = match undo {
            Undo::Visit { guest, visit } => {
                self.store.undo_visit(visit, &staff).map(|()| done(Some(guest), "Visit taken back"))
            }
            Undo::FollowUp { guest, recovery, index } => self
                .store
                .set_follow_up(recovery, index, false, &staff)
                .map(|()| done(Some(guest), &format!("Follow-up {} open again", index + 1))),
            Undo::GuestAdded { guest } => self.store.undo_guest_added(guest, &staff).map(|()| {
                self.worker.refresh(guest);
                done(None, "Guest taken back")
            }),
            Undo::GuestEdited { guest, version, before } => {
                self.store.edit_guest(guest, version, *before, &staff).map(|_| done(Some(guest), "Edit taken back"))
            }
            Undo::RecoveryAdded { guest, recovery } => {
                self.store.undo_recovery_added(recovery, &staff).map(|()| done(guest, "Recovery taken back"))
            }
            Undo::Resolved { guest, recovery } => {
                self.store.reopen_recovery(recovery, &staff).map(|()| done(Some(guest), "Recovery open again"))
            }
            Undo::Merged(merged) => self.store.unmerge(&merged, &staff).map(|()| {
                self.worker.refresh(merged.from.id);
                done(Some(merged.into.id), "Merge taken back: two entries again")
            }),
        };
        result.unwrap_or_else(|error| Msg::Failed(format!("Not taken back: {error}")))
    }

    fn load_demo(&mut self) -> Msg {
        let records = demo::guests(self.demo_guests, 1, Local::now().date_naive());
        match self.store.import(records, &self.staff, "demo seed 1") {
            Ok(summary) => {
                self.worker.reload();
                Msg::BookChanged { message: format!("Loaded {} demo guests", summary.added) }
            }
            Err(error) => Msg::Failed(format!("Demo guests not loaded: {error}")),
        }
    }
}
