//! The promises list (F12): every open follow-up in the book, this station's own first, then soonest due, as the
//! watcher last read them (so it is always current, with no load of its own). ↑↓ select, Enter opens the guest's
//! card on the counter, x ticks the promise. The banner calls out those due here and those overdue anywhere, and
//! the screen wakes by itself when the next one falls due.

use chrono::{DateTime, Duration, Utc};

use super::{App, View};
use crate::domain::promise::{self, Promise};
use crate::domain::text::inert;
use crate::promises::Clock;
use crate::said;
use crate::tui::action::{Action, Effect, Who, Write};

/// The book's open promises, and the one selected.
#[derive(Debug, Clone)]
pub struct Promises {
    /// In the list's order for this station.
    pub open: Vec<Promise>,
    pub selected: usize,
    /// How long after its due time a promise is overdue, and called out at every desk.
    pub grace: Duration,
}

impl Default for Promises {
    fn default() -> Self {
        Self { open: Vec::new(), selected: 0, grace: Duration::minutes(promise::OVERDUE_AFTER_MINUTES) }
    }
}

impl App {
    /// The clock promises are said by here.
    pub fn clock(&self) -> Clock {
        Clock { now: self.now, zone: self.zone, grace: self.promises.grace, language: self.language }
    }

    /// The promises list.
    pub(super) fn show_promises(&mut self) -> Vec<Effect> {
        self.view = View::Promises;
        // The most pressing first: this station's own, soonest due.
        self.promises.selected = 0;
        self.list_offset = 0;
        Vec::new()
    }

    /// The book's promises as the watcher read them, in this station's order; the selection stays on its promise.
    pub(super) fn promises_read(&mut self, mut open: Vec<Promise>) {
        let selected = self.selected_promise().map(|p| (p.recovery, p.position));
        promise::order(&mut open, self.station.as_deref().unwrap_or_default());
        self.promises.selected = selected
            .and_then(|(recovery, position)| open.iter().position(|p| p.recovery == recovery && p.position == position))
            .unwrap_or(self.promises.selected)
            .min(open.len().saturating_sub(1));
        self.promises.open = open;
    }

    /// What the banner calls out now: those due at this station and those overdue anywhere, the longest due first.
    pub fn calling(&self) -> Vec<&Promise> {
        let station = self.station.as_deref().unwrap_or_default();
        let mut calling: Vec<&Promise> =
            self.promises.open.iter().filter(|p| p.calls(station, self.now, self.promises.grace)).collect();
        calling.sort_by_key(|p| p.due);
        calling
    }

    /// When a promise next falls due or overdue: the screen is drawn again then, with no key pressed. While one
    /// with a time is open, at least every minute, so that "in 25 min" counts down.
    pub fn next_wake(&self) -> Option<DateTime<Utc>> {
        let change = promise::next_change(&self.promises.open, self.now, self.promises.grace);
        let timed = self.promises.open.iter().any(|p| p.due.is_some());
        let seconds = self.now.timestamp();
        let next_minute = DateTime::from_timestamp(seconds - seconds.rem_euclid(60) + 60, 0).filter(|_| timed);
        change.into_iter().chain(next_minute).min()
    }

    pub fn selected_promise(&self) -> Option<&Promise> {
        self.promises.open.get(self.promises.selected)
    }

    /// A key on the promises list.
    pub(super) fn on_promises(&mut self, action: Action) -> Vec<Effect> {
        let count = self.promises.open.len();
        if let Some(selected) = super::lists::moved(&action, self.promises.selected, count) {
            self.promises.selected = selected;
            return Vec::new();
        }
        match action {
            Action::NoteWritten => self.open_promise(),
            Action::TickPromise => self.tick_promise(),
            other => self.on_list(other),
        }
    }

    /// Enter: the promise's guest, with their card open on the counter.
    fn open_promise(&mut self) -> Vec<Effect> {
        let Some(promise) = self.selected_promise() else { return Vec::new() };
        let (Some(guest), Some(name)) = (promise.guest, promise.name.clone()) else {
            self.say(said!("status-promise-no-guest", category = inert(&promise.category)), None);
            return Vec::new();
        };
        self.view = View::Counter;
        self.merging = None;
        self.want_selected = Some(guest);
        self.enter_when_found = true;
        self.query.set(&name);
        vec![self.search()]
    }

    /// x: the selected promise ticked, who and when recorded.
    fn tick_promise(&mut self) -> Vec<Effect> {
        let Some(promise) = self.selected_promise() else { return Vec::new() };
        let name = promise.name.as_deref().map(|n| inert(n).into_owned()).unwrap_or_default();
        let who = Who { guest: promise.guest, name: name.clone() };
        let said = said!(
            "status-ticked",
            task = inert(&promise.task),
            category = inert(&promise.category),
            name = name.as_str()
        );
        let (recovery, index) = (promise.recovery, promise.position.saturating_sub(1));
        vec![Effect::Write { who, write: Write::TickFollowUp { recovery, index, said } }]
    }
}
