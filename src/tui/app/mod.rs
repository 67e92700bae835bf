//! The counter screen's state and the one function that changes it. No I/O here: `update` returns effects for the
//! runtime to carry out. Each part of the state has its own file: the search and selection (`counter`), the
//! commands on the guest on screen (`commands`), forms and their saves (`forms`), take-backs (`undo`), and the
//! tally, outreach and log screens (`lists`). A question that needs a deliberate second key is one mechanism,
//! `Confirm`, whatever it is about.

mod arrivals;
mod commands;
mod counter;
mod drafts;
mod drill;
mod forms;
mod lists;
mod promises;
mod undo;

use std::collections::HashSet;

use chrono::{DateTime, Duration, FixedOffset, Utc};

pub use undo::UndoEntry;

use super::action::{Action, Effect, Link, Msg};
use super::form::{Draft, Form};
use super::input::LineInput;
use super::keymap::Keymap;
use super::theme::Theme;
use super::ui::Layout;
use crate::domain::heads_up::HeadsUp;
use crate::domain::money::Money;
use crate::domain::outreach::Occasion;
use crate::domain::tally::Tally;
use crate::domain::{GuestHistory, GuestId};
use crate::i18n::{Language, Said};
use crate::report::OutreachRow;
use crate::said;
use crate::search::{FoundGuest, Results};
use crate::store::{AuditEntry, Kind, Unreadable, Unreadables};

/// Where keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Typing edits the query.
    Search,
    /// The selected guest's card is open: commands act on them; typing starts the next search.
    Guest,
}

/// What keys mean right now, for the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Mode {
    Search,
    Guest,
    /// The counter over an empty book.
    Welcome,
    Form,
    Reports,
    Help,
}

/// How long an untaken heads-up stays up unless the settings say otherwise, in minutes.
pub const HEADS_UP_MINUTES: i64 = 15;

/// How far ahead the outreach screen looks for birthdays, and how long a regular must have been away, in days.
pub const OUTREACH_BIRTHDAYS: i64 = 14;
pub const OUTREACH_LAPSED: i64 = 365;

/// How many of the audit log's latest rows the log screen shows: days of a busy house; `regulars log` has the rest.
pub const LOG_SHOWN: usize = 2000;

/// The most the search line holds: longer than any name the book takes, short enough that a paste of a whole
/// document is one quick search, not seconds of work behind every key typed after it.
pub const SEARCH_MAX: usize = crate::domain::guest::SHORT_FIELD_MAX;

/// Which screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Counter,
    /// The mishap tally over this many days.
    Reports {
        days: i64,
    },
    Outreach,
    /// The audit log.
    Log,
    /// Tonight's arrivals.
    Arrivals,
    /// The name drill.
    Drill,
    /// Every open promise in the book.
    Promises,
}

/// The last message, and the guest it is about: it goes when another guest is selected, so a "Ctrl-Z to undo" is
/// never read as being about the guest now on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: Said,
    pub guest: Option<GuestId>,
}

/// A question waiting for a deliberate key: `again` does it, Esc cancels, any other key cancels and does its own
/// work. `detail` lines are shown in a box over the card (both guests of a merge).
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub prompt: Said,
    pub again: Action,
    pub then: Then,
    pub detail: Vec<Said>,
}

/// What a confirmation does.
#[derive(Debug, Clone, PartialEq)]
pub enum Then {
    Effects(Vec<Effect>),
    /// Take back the session's write with this id.
    TakeBack(u64),
    Quit,
}

/// A guest being merged into another: the search line is picking the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merging {
    pub from: GuestId,
    pub name: String,
    /// One line about the guest, shown beside the other when asking.
    pub summary: Said,
}

/// The whole state of the counter screen.
#[derive(Debug)]
pub struct App {
    pub query: LineInput,
    pub focus: Focus,
    pub help: bool,
    /// The first line of the help on screen.
    pub help_offset: usize,
    /// The latest results shown: those of the newest search asked for.
    pub results: Option<Results>,
    pub selected: usize,
    /// The first result row on screen.
    pub offset: usize,
    /// The history of the selected guest, once loaded.
    pub card: Option<GuestHistory>,
    pub status: Option<Status>,
    /// Why the book's server cannot be reached, while it cannot: said across the screen until it is back.
    pub server_lost: Option<String>,
    /// The rows of the book the desk has found it cannot read (each said once, when first met), and how many more
    /// a reading thread counted without keeping them.
    pub unreadable: HashSet<(Kind, Option<i64>)>,
    pub unreadable_more: usize,
    /// How many guests the book holds; unknown until the search thread has read it.
    pub guests: Option<usize>,
    /// The generation of the newest search asked for; older results are dropped.
    pub generation: u64,
    pub size: (u16, u16),
    /// Where the renderer last put the panes (fed back after each draw): paging and clicks go by it.
    pub layout: Layout,
    /// The last ticket handed out for a load; each view shows only the answer to its newest.
    tickets: u64,
    /// The newest ticket asked for the card, the tally, the outreach list and the log.
    card_ticket: u64,
    report_ticket: u64,
    outreach_ticket: u64,
    log_ticket: u64,
    /// A draft offered back, waiting for its guest's card to be read before its form can be made.
    pending_draft: Option<Box<Draft>>,
    /// A command pressed on a guest whose card was still being read: done when that card is in, unless another
    /// key comes first.
    when_read: Option<(Action, GuestId)>,
    pub now: DateTime<Utc>,
    /// The desk's time zone, for dates on the card.
    pub zone: FixedOffset,
    pub theme: Theme,
    /// The bindings in force: what keys mean, and what the hints and the help say they mean.
    pub keymap: Keymap,
    /// How amounts are written here: the currency, and the decimal mark typed in a cost.
    pub money: Money,
    /// Who is at the counter, recorded with the visits logged here.
    pub staff: String,
    /// Where this desk stands.
    pub station: Option<String>,
    /// The language the screen speaks.
    pub language: Language,
    /// This session's writes that can be taken back, oldest first.
    pub undo: Vec<UndoEntry>,
    /// The id the next remembered write gets.
    next_undo: u64,
    /// A question waiting for its key.
    pub confirm: Option<Confirm>,
    /// The form open over the card, if any.
    pub form: Option<Form>,
    /// What the house serves most, for completing orders.
    pub house_items: Vec<String>,
    /// The recovery categories in use, for completing the category.
    pub categories: Vec<String>,
    /// The stations desks have opened the book as, for completing a heads-up's destination.
    pub stations: Vec<String>,
    pub view: View,
    /// The tally last read, for the reports screen.
    pub report: Option<Tally>,
    /// The return rate, for the tally's panel.
    pub returns: Option<crate::domain::returns::Returns>,
    /// The tally shows only what this owner answers for (Tab cycles them); `None`: every category.
    pub report_owner: Option<String>,
    /// The audit log last read, newest first.
    pub log: Option<Vec<AuditEntry>>,
    /// The outreach list last read.
    pub outreach: Option<Vec<OutreachRow>>,
    /// Tonight's arrivals, as last read, and the one selected.
    pub tonight: arrivals::Tonight,
    /// The name drill under way.
    pub drill: drill::DrillScreen,
    /// The book's open promises.
    pub promises: promises::Promises,
    /// How many guests each page of the outreach list holds (birthdays, regulars away), and whether more of its
    /// rows are still coming.
    pub outreach_counts: [usize; 2],
    pub outreach_more: bool,
    /// The first row on screen of the outreach list or the audit log.
    pub list_offset: usize,
    /// The outreach list's page: birthdays or lapsed regulars.
    pub outreach_page: Occasion,
    /// The guest selected on the outreach page.
    pub outreach_selected: usize,
    /// Heads-ups of the last while for this desk, newest first.
    pub heads_ups: Vec<HeadsUp>,
    /// Heads-ups this desk sent, newest first: it sees when and where each was taken.
    pub sent_heads_ups: Vec<HeadsUp>,
    /// The ids of the heads-ups this desk sent in this session.
    sent_ids: Vec<i64>,
    /// How long an untaken heads-up stays up.
    pub heads_up_expiry: Duration,
    /// Visits in the last year that make a guest a regular (the `regular_visits` setting).
    pub regular_visits: usize,
    /// The guest to select when the next results arrive (opening a heads-up's guest, a guest just added).
    pub want_selected: Option<GuestId>,
    /// Enter was pressed before the results of the query typed arrived: it acts on them when they come.
    pub enter_when_found: bool,
    /// A guest being merged into another.
    pub merging: Option<Merging>,
    /// An arrival whose guest is being picked on the counter: its id and the name booked under.
    pub linking: Option<(i64, String)>,
    pub quit: bool,
}

impl App {
    pub fn new(size: (u16, u16), now: DateTime<Utc>, zone: FixedOffset, theme: Theme, staff: &str) -> Self {
        Self {
            query: LineInput::with_limit(SEARCH_MAX),
            focus: Focus::Search,
            help: false,
            help_offset: 0,
            results: None,
            selected: 0,
            offset: 0,
            card: None,
            status: None,
            server_lost: None,
            unreadable: HashSet::new(),
            unreadable_more: 0,
            guests: None,
            generation: 0,
            size,
            layout: Layout::default(),
            tickets: 0,
            card_ticket: 0,
            returns: None,
            report_owner: None,
            report_ticket: 0,
            outreach_ticket: 0,
            log_ticket: 0,
            pending_draft: None,
            when_read: None,
            now,
            zone,
            theme,
            keymap: Keymap::default(),
            money: Money::default(),
            staff: staff.to_owned(),
            station: None,
            language: Language::default(),
            undo: Vec::new(),
            next_undo: 1,
            confirm: None,
            form: None,
            house_items: Vec::new(),
            categories: Vec::new(),
            stations: Vec::new(),
            view: View::Counter,
            report: None,
            log: None,
            outreach: None,
            outreach_counts: [0, 0],
            outreach_more: false,
            list_offset: 0,
            tonight: arrivals::Tonight::default(),
            drill: drill::DrillScreen::default(),
            promises: promises::Promises::default(),
            outreach_page: Occasion::Birthday,
            outreach_selected: 0,
            heads_ups: Vec::new(),
            sent_heads_ups: Vec::new(),
            sent_ids: Vec::new(),
            heads_up_expiry: Duration::minutes(HEADS_UP_MINUTES),
            regular_visits: crate::domain::regular::REGULAR_VISITS,
            want_selected: None,
            enter_when_found: false,
            merging: None,
            linking: None,
            quit: false,
        }
    }

    /// Starts with `query` already typed: the first search. (What forms complete from is read once the first
    /// results are in, so that it does not compete with building the index.)
    pub fn start(&mut self, query: &str) -> Vec<Effect> {
        self.query.set(query);
        vec![self.search()]
    }

    pub fn mode(&self) -> Mode {
        match (self.help, &self.form, self.view, self.focus) {
            (true, ..) => Mode::Help,
            (false, Some(_), ..) => Mode::Form,
            (false, None, View::Reports { .. } | View::Outreach | View::Log | View::Arrivals | View::Promises, _) => {
                Mode::Reports
            }
            (false, None, View::Counter, _) if self.guests == Some(0) => Mode::Welcome,
            // What is typed is the answer: the search line's keys, which the drill reads its own way.
            (false, None, View::Drill, _) => Mode::Search,
            (false, None, View::Counter, Focus::Search) => Mode::Search,
            (false, None, View::Counter, Focus::Guest) => Mode::Guest,
        }
    }

    /// The last message, if any, in the screen's language.
    pub fn status_text(&self) -> Option<String> {
        self.status.as_ref().map(|s| s.text.text(self.language))
    }

    pub fn found(&self) -> &[FoundGuest] {
        self.results.as_ref().map_or(&[], |r| &r.found)
    }

    pub fn selected_guest(&self) -> Option<&FoundGuest> {
        self.found().get(self.selected)
    }

    /// The card to show: the loaded history, if it is the selected guest's.
    pub fn selected_card(&self) -> Option<&GuestHistory> {
        let id = self.selected_guest()?.id;
        self.card.as_ref().filter(|card| card.guest.id == id)
    }

    /// Whether the results on screen are those of the query as typed (not of a query typed a moment ago).
    pub fn results_current(&self) -> bool {
        self.results.as_ref().is_some_and(|r| r.generation == self.generation)
    }

    /// Changes the state for `msg`, handled at `now` (the one clock: a visit logged after an idle hour is stamped
    /// with the time of its key, not of the last redraw), and says what to do about it.
    pub fn update(&mut self, msg: Msg, now: DateTime<Utc>) -> Vec<Effect> {
        self.now = now;
        match msg {
            Msg::Action(action) => self.act(action),
            Msg::Resize(width, height) => {
                self.size = (width, height);
                self.scroll_to_selection();
                Vec::new()
            }
            Msg::Results(results) => self.results_arrived(results),
            Msg::Card { ticket, card } => self.card_arrived(ticket, card),
            Msg::Layout(layout) => {
                self.layout = layout;
                self.scroll_to_selection();
                Vec::new()
            }
            Msg::Draft(draft) => self.offer_draft(*draft),
            Msg::Closing => self.closing(),
            Msg::Written { who, message, undo } => self.written(who, message, undo),
            Msg::HeadsUpSent { who, id, message } => {
                self.sent_ids.push(id);
                self.written(who, message, None)
            }
            Msg::Clash(report) => self.clashed(*report),
            Msg::NeedsConfirmation(why) => self.needs_confirmation(why),
            Msg::Failed(error) => self.failed(error),
            Msg::Unreadable(rows) => self.unreadable_met(rows),
            Msg::Link(Link::Lost(why)) => {
                self.server_lost = Some(why);
                Vec::new()
            }
            Msg::Link(Link::Back) => {
                self.server_lost = None;
                self.say(said!("status-server-back"), None);
                // The card on screen may be behind: read it again (the watcher reads what other desks wrote).
                self.selected_guest().map(|g| g.id).map(|id| self.load_card(id)).into_iter().collect()
            }
            Msg::Report { ticket, tally } => {
                if ticket == self.report_ticket {
                    self.report = Some(*tally);
                }
                Vec::new()
            }
            Msg::Returns { ticket, returns } => {
                if ticket == self.report_ticket {
                    self.returns = Some(*returns);
                }
                Vec::new()
            }
            Msg::Outreach { ticket, rows, counts, more } => self.outreach_read(ticket, rows, counts, more),
            Msg::Arrivals { ticket, rows } => self.arrivals_read(ticket, rows),
            Msg::Drill { ticket, deck } => self.drill_read(ticket, *deck),
            Msg::Log { ticket, entries } => {
                if ticket == self.log_ticket {
                    self.log = Some(entries);
                }
                Vec::new()
            }
            Msg::Elsewhere { guests, heads_ups, promises } => {
                self.promises_read(promises);
                self.elsewhere(guests, heads_ups)
            }
            // The clock moved on: a promise may have fallen due.
            Msg::Tick => Vec::new(),
            Msg::House { items, categories, stations } => {
                self.house_items = items;
                self.categories = categories;
                self.stations = stations;
                Vec::new()
            }
            Msg::BookChanged { message } => {
                self.say(message, None);
                vec![self.search()]
            }
        }
    }

    fn act(&mut self, action: Action) -> Vec<Effect> {
        self.when_read = None;
        if let Some(confirm) = self.confirm.take() {
            if action == confirm.again {
                return self.confirmed(confirm.then);
            }
            self.status = None;
            if action == Action::Back {
                self.say(said!("status-not-done"), None);
                return Vec::new();
            }
        }
        if action == Action::ToggleHelp {
            self.help = !self.help;
            self.help_offset = 0;
            return Vec::new();
        }
        if self.help && action != Action::Quit {
            let page = self.page();
            self.help_offset = match action {
                Action::SelectNext => self.help_offset + 1,
                Action::PageDown => self.help_offset + page,
                Action::SelectPrev => self.help_offset.saturating_sub(1),
                Action::PageUp => self.help_offset.saturating_sub(page),
                _ => self.help_offset,
            };
            return Vec::new();
        }
        self.help = false;
        if self.form.is_some() {
            return self.in_form(action);
        }
        if action == Action::Quit {
            self.quit = true;
            return Vec::new();
        }
        if action == Action::SwitchLanguage {
            // The same on every screen: everything is said at drawing time, but the outreach rows, whose words are
            // read in a language — read again in the new one.
            self.language = self.language.next();
            return if self.view == View::Outreach { vec![self.load_outreach()] } else { Vec::new() };
        }
        let effects = match self.view {
            View::Counter => self.on_counter(action),
            View::Arrivals => self.on_arrivals(action),
            View::Drill => self.on_drill(action),
            View::Promises => self.on_promises(action),
            View::Reports { .. } | View::Outreach | View::Log => self.on_list(action),
        };
        // A write is on its way: say so until its answer comes (another desk may hold the book for a while).
        if let Some(Effect::Write { who, .. }) = effects.iter().find(|e| matches!(e, Effect::Write { .. })) {
            let text = match who.name.as_str() {
                "" => said!("status-saving"),
                name => said!("status-saving-for", name = name),
            };
            self.status = Some(Status { text, guest: who.guest });
        }
        effects
    }

    fn confirmed(&mut self, then: Then) -> Vec<Effect> {
        self.status = None;
        match then {
            Then::Effects(effects) => effects,
            Then::TakeBack(id) => self.take_back(id),
            Then::Quit => {
                self.quit = true;
                Vec::new()
            }
        }
    }

    /// The key for `action` in `mode`, as the keymap in force names it (a house may have remapped it); the
    /// action's own name in brackets if the house left it without one.
    pub fn key(&self, mode: Mode, action: &Action) -> String {
        self.keymap
            .key_for(mode, action)
            .unwrap_or_else(|| format!("[{}]", super::keymap::action_name(action).unwrap_or("no key")))
    }

    /// A new ticket for a load.
    fn ticket(&mut self) -> u64 {
        self.tickets += 1;
        self.tickets
    }

    /// Reads a guest's card; only the answer to the newest such request is shown.
    pub(super) fn load_card(&mut self, guest: GuestId) -> Effect {
        self.card_ticket = self.ticket();
        Effect::LoadCard { ticket: self.card_ticket, guest }
    }

    /// A card read: shown if it answers the newest request (and, for a draft waiting for it, its form is made).
    fn card_arrived(&mut self, ticket: u64, card: Result<Box<GuestHistory>, Said>) -> Vec<Effect> {
        if ticket != self.card_ticket {
            return Vec::new();
        }
        match card {
            Ok(history) => {
                let mut effects = self.draft_card_arrived(&history);
                self.card = Some(*history);
                effects.extend(self.caught_up());
                effects
            }
            Err(error) => {
                self.say(error, None);
                Vec::new()
            }
        }
    }

    /// Puts a question to the user: `again` does it.
    fn ask(&mut self, prompt: Said, again: Action, then: Then, detail: Vec<Said>) {
        self.confirm = Some(Confirm { prompt, again, then, detail });
    }

    /// Says the rows not met before, with how many the desk has met in all: the screen goes on with the rest.
    fn unreadable_met(&mut self, rows: Unreadables) -> Vec<Effect> {
        self.unreadable_more += rows.more;
        let new: Vec<Unreadable> =
            rows.rows.into_iter().filter(|row| self.unreadable.insert((row.kind, row.id))).collect();
        if let Some(first) = new.first() {
            let first = Said::verbatim(first.to_string());
            let text = match self.unreadable.len() + self.unreadable_more {
                1 => said!("status-unreadable-one", row = first),
                n => said!("status-unreadable-many", n = n, row = first),
            };
            self.say(text, None);
        }
        Vec::new()
    }

    /// Shows `text` on the status line, about `guest` if it is about one.
    fn say(&mut self, text: Said, guest: Option<GuestId>) {
        self.status = Some(Status { text, guest });
    }

    /// The outreach rows on the page shown.
    pub fn outreach_page_rows(&self) -> Vec<&OutreachRow> {
        let page = self.outreach_page;
        self.outreach.iter().flatten().filter(|row| row.occasions.iter().any(|(o, _)| *o == page)).collect()
    }
}

#[cfg(test)]
mod tests;
