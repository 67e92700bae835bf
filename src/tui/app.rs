//! The counter screen's state and the one function that changes it. No I/O here: `update` returns effects for the
//! runtime to carry out.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::action::{Action, Effect, Msg, Undo};
use super::form::{Form, Purpose};
use super::input::LineInput;
use super::theme::Theme;
use super::ui;
use crate::domain::heads_up::HeadsUp;
use crate::domain::tally::{REPORT_DAYS, Tally, last_days};
use crate::domain::text::inert;
use crate::domain::{GuestHistory, GuestId, RecoveryId};
use crate::report::OutreachRow;
use crate::search::{FoundGuest, Results};
use crate::store::AuditEntry;

/// Where keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Typing edits the query.
    Search,
    /// Letters are commands on the selected guest.
    Guest,
}

/// What keys mean right now, for the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Mode {
    Search,
    Guest,
    Form,
    Reports,
    Help,
}

/// How long an untaken heads-up stays up unless the settings say otherwise, in minutes.
pub const HEADS_UP_MINUTES: i64 = 15;

/// How far ahead the outreach screen looks for birthdays, and how long a regular must have been away, in days.
pub const OUTREACH_BIRTHDAYS: i64 = 14;
pub const OUTREACH_LAPSED: i64 = 365;

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
}

/// The whole state of the counter screen.
#[derive(Debug)]
pub struct App {
    pub query: LineInput,
    pub focus: Focus,
    pub help: bool,
    /// The latest results shown: those of the newest search asked for.
    pub results: Option<Results>,
    pub selected: usize,
    /// The first result row on screen.
    pub offset: usize,
    /// The history of the selected guest, once loaded.
    pub card: Option<GuestHistory>,
    pub status: Option<String>,
    /// How many guests the book holds; unknown until the search thread has read it.
    pub guests: Option<usize>,
    /// The generation of the newest search asked for; older results are dropped.
    pub generation: u64,
    pub size: (u16, u16),
    pub now: DateTime<Utc>,
    /// The desk's time zone, for dates on the card.
    pub zone: FixedOffset,
    pub theme: Theme,
    /// Who is at the counter, recorded with the visits logged here.
    pub staff: String,
    /// Where this desk stands.
    pub station: Option<String>,
    /// The last write of this session, for Ctrl-Z.
    pub last_write: Option<Undo>,
    /// A recovery waiting for a second `x` before it is resolved.
    pub confirm_resolve: Option<RecoveryId>,
    /// The form open over the card, if any.
    pub form: Option<Form>,
    /// What the house serves most, for completing orders.
    pub house_items: Vec<String>,
    /// The recovery categories in use, for completing the category.
    pub categories: Vec<String>,
    pub view: View,
    /// The tally last read, for the reports screen.
    pub report: Option<Tally>,
    /// The audit log last read, newest first.
    pub log: Option<Vec<AuditEntry>>,
    /// The outreach list last read.
    pub outreach: Option<Vec<OutreachRow>>,
    /// The first row on screen of the outreach list or the audit log.
    pub list_offset: usize,
    /// Heads-ups of the last while for this desk, newest first.
    pub heads_ups: Vec<HeadsUp>,
    /// How long an untaken heads-up stays up.
    pub heads_up_expiry: Duration,
    /// The guest to select when the next results arrive (opening a heads-up's guest).
    pub want_selected: Option<GuestId>,
    /// A guest being merged into another: the search line is picking the other.
    pub merging: Option<(GuestId, String)>,
    pub quit: bool,
}

impl App {
    pub fn new(size: (u16, u16), now: DateTime<Utc>, zone: FixedOffset, theme: Theme, staff: &str) -> Self {
        Self {
            query: LineInput::default(),
            focus: Focus::Search,
            help: false,
            results: None,
            selected: 0,
            offset: 0,
            card: None,
            status: None,
            guests: None,
            generation: 0,
            size,
            now,
            zone,
            theme,
            staff: staff.to_owned(),
            station: None,
            last_write: None,
            confirm_resolve: None,
            form: None,
            house_items: Vec::new(),
            categories: Vec::new(),
            view: View::Counter,
            report: None,
            log: None,
            outreach: None,
            list_offset: 0,
            heads_ups: Vec::new(),
            heads_up_expiry: Duration::minutes(HEADS_UP_MINUTES),
            want_selected: None,
            merging: None,
            quit: false,
        }
    }

    /// Starts with `query` already typed: the first search.
    pub fn start(&mut self, query: &str) -> Vec<Effect> {
        self.query.set(query);
        vec![self.search(), Effect::LoadHouse]
    }

    pub fn mode(&self) -> Mode {
        match (self.help, &self.form, self.view, self.focus) {
            (true, ..) => Mode::Help,
            (false, Some(_), ..) => Mode::Form,
            (false, None, View::Reports { .. } | View::Outreach | View::Log, _) => Mode::Reports,
            (false, None, View::Counter, Focus::Search) => Mode::Search,
            (false, None, View::Counter, Focus::Guest) => Mode::Guest,
        }
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

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Action(action) => self.act(action),
            Msg::Resize(width, height) => {
                self.size = (width, height);
                self.scroll_to_selection();
                Vec::new()
            }
            Msg::Results(results) => {
                if results.generation != self.generation {
                    return Vec::new();
                }
                self.guests = Some(results.guests);
                // The same guest stays selected when the list is refreshed around them (after a write), or the one
                // a heads-up is about.
                let wanted = self.want_selected.take().or_else(|| self.selected_guest().map(|g| g.id));
                let kept = wanted.and_then(|id| results.found.iter().position(|f| f.id == id));
                let fresh_query = fresh_query_of(self.results.as_ref(), &results) && kept.is_none();
                self.results = Some(results);
                self.selected = if fresh_query { 0 } else { kept.unwrap_or(0) };
                self.offset = 0;
                self.scroll_to_selection();
                self.load_selected()
            }
            Msg::Card(Ok(history)) => {
                self.card = Some(*history);
                Vec::new()
            }
            Msg::Card(Err(error)) => {
                self.status = Some(error);
                Vec::new()
            }
            Msg::Conflict(theirs) => {
                match self.form.as_mut().filter(|form| form.saving) {
                    Some(form) => form.conflict(theirs.profile, theirs.version),
                    None => {
                        self.status = Some("Another desk changed this guest meanwhile; nothing was saved".to_owned())
                    }
                }
                Vec::new()
            }
            Msg::Failed(error) => {
                match self.form.as_mut().filter(|form| form.saving) {
                    // The form stays open with everything typed, and says what went wrong.
                    Some(form) => {
                        form.saving = false;
                        form.error = Some((None, error));
                    }
                    None => self.status = Some(error),
                }
                Vec::new()
            }
            Msg::Report(tally) => {
                self.report = Some(*tally);
                Vec::new()
            }
            Msg::Elsewhere { guests, heads_ups } => {
                let station = self.station.clone().unwrap_or_default();
                // Taken here: cleared here. Taken elsewhere: shown with who took it.
                let taken_here = |h: &HeadsUp| h.taken.as_ref().is_some_and(|t| t.station == station);
                self.heads_ups = heads_ups.into_iter().filter(|h| h.is_for(&station) && !taken_here(h)).collect();
                if guests.is_empty() {
                    return Vec::new();
                }
                // What another desk changed shows here without a key: the query, the selection and any form stay.
                let selected = self.selected_guest().map(|g| g.id);
                let mut effects: Vec<Effect> = guests.iter().map(|&g| Effect::Refresh(g)).collect();
                effects.extend(selected.filter(|id| guests.contains(id)).map(Effect::LoadCard));
                effects.push(self.search());
                effects
            }
            Msg::Log(entries) => {
                self.log = Some(entries);
                Vec::new()
            }
            Msg::Outreach(rows) => {
                self.outreach = Some(rows);
                Vec::new()
            }
            Msg::House { items, categories } => {
                self.house_items = items;
                self.categories = categories;
                Vec::new()
            }
            Msg::Saved { message, undo } => {
                self.status = Some(message);
                self.last_write = undo;
                self.form.take_if(|form| form.saving);
                vec![Effect::LoadHouse, self.search()]
            }
            Msg::Written { guest, message, undo } => {
                self.status = Some(message);
                self.last_write = undo;
                let mut effects = vec![Effect::Refresh(guest), Effect::LoadCard(guest), Effect::LoadHouse];
                if let Some(form) = self.form.take_if(|form| form.saving)
                    && form.purpose == Purpose::NewGuest
                {
                    // Find the new guest at once, selected.
                    self.query.set(form.fields[0].input.text().trim());
                    self.focus = Focus::Guest;
                }
                effects.push(self.search());
                effects
            }
            Msg::BookChanged { message } => {
                self.status = Some(message);
                vec![self.search()]
            }
        }
    }

    fn act(&mut self, action: Action) -> Vec<Effect> {
        let confirming = self.confirm_resolve.take();
        if self.form.is_some() && !matches!(action, Action::ToggleHelp | Action::Quit) {
            return self.in_form(action);
        }
        match action {
            Action::ShowLog => {
                self.view = View::Log;
                self.list_offset = 0;
                vec![Effect::LoadLog]
            }
            Action::SelectPrev | Action::PageUp if matches!(self.view, View::Outreach | View::Log) => {
                let step = if action == Action::PageUp { self.page() / 4 } else { 1 };
                self.list_offset = self.list_offset.saturating_sub(step.max(1));
                Vec::new()
            }
            Action::SelectNext | Action::PageDown if matches!(self.view, View::Outreach | View::Log) => {
                let step = if action == Action::PageDown { self.page() / 4 } else { 1 };
                let rows = if self.view == View::Log {
                    self.log.as_ref().map(Vec::len)
                } else {
                    self.outreach.as_ref().map(Vec::len)
                };
                let last = rows.unwrap_or(0).saturating_sub(1);
                self.list_offset = (self.list_offset + step.max(1)).min(last);
                Vec::new()
            }
            Action::Insert(c) => self.edit(|q| q.insert(c.encode_utf8(&mut [0; 4]))),
            Action::Paste(text) => self.edit(|q| q.insert(&text)),
            Action::DeleteBack => self.edit(LineInput::delete_back),
            Action::DeleteWord => self.edit(LineInput::delete_word),
            Action::ClearQuery => self.edit(LineInput::clear),
            Action::CursorLeft => {
                self.query.left();
                Vec::new()
            }
            Action::CursorRight => {
                self.query.right();
                Vec::new()
            }
            Action::SelectPrev => self.select(self.selected.saturating_sub(1)),
            Action::SelectNext => self.select(self.selected + 1),
            Action::PageUp => self.select(self.selected.saturating_sub(self.page())),
            Action::PageDown => self.select(self.selected + self.page()),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(usize::MAX),
            Action::Click(row) => {
                self.focus = Focus::Search;
                self.select(self.offset + row)
            }
            Action::ShowReports => self.reports(REPORT_DAYS),
            Action::HeadsUpForm => {
                let stations = self.stations();
                if let Some(history) = self.card_for_command() {
                    self.form = Some(Form::heads_up(&history.guest, &stations));
                }
                Vec::new()
            }
            Action::OpenHeadsUp => self.open_heads_up(),
            Action::TakeHeadsUp => match self.live_heads_ups().find(|h| h.taken.is_none()).map(|h| h.id) {
                Some(id) => vec![Effect::TakeHeadsUp(id)],
                None => Vec::new(),
            },
            Action::ShowOutreach => {
                self.view = View::Outreach;
                self.list_offset = 0;
                vec![Effect::LoadOutreach { now: self.now, zone: self.zone }]
            }
            Action::ReportDays(days) => self.reports(days),
            Action::Back if self.view != View::Counter => {
                self.view = View::Counter;
                Vec::new()
            }
            Action::OpenGuest if self.merging.is_some() => self.merge_picked(),
            Action::Back if self.merging.is_some() => {
                self.merging = None;
                self.status = Some("Merge cancelled".to_owned());
                Vec::new()
            }
            Action::OpenGuest => {
                if self.selected_guest().is_some() {
                    self.focus = Focus::Guest;
                    self.status = None;
                }
                Vec::new()
            }
            Action::FocusSearch => {
                self.focus = Focus::Search;
                Vec::new()
            }
            Action::Back => match self.focus {
                Focus::Guest => {
                    self.focus = Focus::Search;
                    Vec::new()
                }
                Focus::Search if !self.query.text().is_empty() => self.edit(LineInput::clear),
                Focus::Search => Vec::new(),
            },
            Action::ToggleHelp => {
                self.help = !self.help;
                Vec::new()
            }
            Action::LoadDemo if self.guests == Some(0) => vec![Effect::LoadDemo],
            Action::LoadDemo => Vec::new(),
            Action::LogUsual => self.log_usual(),
            Action::TickFollowUp => self.tick_follow_up(),
            Action::ResolveRecovery => self.resolve(confirming),
            Action::Undo => match self.last_write.take() {
                Some(undo) => vec![Effect::Undo(undo)],
                None => {
                    self.status = Some("Nothing to undo".to_owned());
                    Vec::new()
                }
            },
            Action::VisitForm => {
                let (now, staff) = (self.now, self.staff.clone());
                let house = std::mem::take(&mut self.house_items);
                if let Some(history) = self.card_for_command() {
                    self.form = Some(Form::visit(history, now, &staff, &house));
                }
                self.house_items = house;
                Vec::new()
            }
            Action::EditGuestForm => {
                if let Some(history) = self.card_for_command() {
                    self.form = Some(Form::edit_guest(&history.guest));
                }
                Vec::new()
            }
            Action::NewGuestForm => {
                self.form = Some(Form::new_guest(self.query.text()));
                Vec::new()
            }
            Action::RecoveryForm => {
                let guest = if self.focus == Focus::Guest { self.selected_card().map(|h| &h.guest) } else { None };
                self.form = Some(Form::recovery(guest, &self.categories));
                Vec::new()
            }
            Action::MergeInto => {
                let Some(history) = self.card_for_command() else { return Vec::new() };
                let (id, name) = (history.guest.id, inert(&history.guest.profile.name).into_owned());
                self.status = Some(format!("Merging {name}: find the other entry, Enter merges into it, Esc cancels"));
                self.merging = Some((id, name));
                self.focus = Focus::Search;
                self.edit(LineInput::clear)
            }
            Action::NextField | Action::PreviousField | Action::Save => Vec::new(),
            Action::Unbound(c) => {
                self.status = Some(format!("“{c}” is not a command here — F1 shows the keys, / goes back to search"));
                Vec::new()
            }
            Action::Quit => {
                self.quit = true;
                Vec::new()
            }
        }
    }

    /// Keys while a form is open: they edit its focused field, move between fields, save or cancel.
    fn in_form(&mut self, action: Action) -> Vec<Effect> {
        let (now, staff) = (self.now, self.staff.clone());
        let Some(form) = self.form.as_mut() else { return Vec::new() };
        let discarding = std::mem::take(&mut form.confirm_discard);
        match action {
            Action::Insert(c) => form.focused().insert(c.encode_utf8(&mut [0; 4])),
            Action::Paste(text) => form.focused().insert(&text),
            Action::DeleteBack => form.focused().delete_back(),
            Action::DeleteWord => form.focused().delete_word(),
            Action::ClearQuery => form.focused().clear(),
            Action::CursorLeft => form.focused().left(),
            // At the end of a field, → takes the completion shown; elsewhere it moves the cursor.
            Action::CursorRight if !form.focused_field().complete() => form.focused().right(),
            Action::NextField => form.next(),
            Action::PreviousField => form.previous(),
            Action::Back if form.changed() && !discarding => {
                form.confirm_discard = true;
                form.error = Some((None, "Esc again to discard what was typed; Ctrl-S saves it".to_owned()));
            }
            Action::Back => {
                self.form = None;
                self.status = Some("Nothing saved".to_owned());
            }
            Action::Save if form.saving => {}
            Action::Save => match form.submission(now, &staff) {
                Ok(submission) => {
                    form.saving = true;
                    form.error = None;
                    return vec![Effect::Save(submission)];
                }
                Err((field, problem)) => {
                    if let Some(field) = field {
                        form.focus = field;
                    }
                    form.error = Some((field, problem));
                }
            },
            _ => {}
        }
        Vec::new()
    }

    /// The heads-ups to show now: not expired, newest first.
    pub fn live_heads_ups(&self) -> impl Iterator<Item = &HeadsUp> {
        self.heads_ups.iter().filter(|h| !h.expired(self.now, self.heads_up_expiry))
    }

    /// The newest heads-up's guest, selected in guest mode.
    fn open_heads_up(&mut self) -> Vec<Effect> {
        let Some((guest, name)) = self.live_heads_ups().next().map(|h| (h.guest, h.name.clone())) else {
            return Vec::new();
        };
        self.view = View::Counter;
        self.focus = Focus::Guest;
        self.want_selected = Some(guest);
        self.query.set(&name);
        vec![self.search()]
    }

    /// Stations heard from, for completing a heads-up's destination.
    fn stations(&self) -> Vec<String> {
        let mut stations: Vec<String> =
            self.heads_ups.iter().map(|h| h.from_station.clone()).filter(|s| !s.is_empty()).collect();
        stations.sort();
        stations.dedup();
        stations
    }

    /// The reports screen over the last `days` days, read afresh.
    fn reports(&mut self, days: i64) -> Vec<Effect> {
        self.view = View::Reports { days };
        vec![Effect::LoadReport { since: last_days(self.now, days), until: self.now }]
    }

    /// Enter while merging: the selected guest is the one to keep.
    fn merge_picked(&mut self) -> Vec<Effect> {
        let Some(into) = self.selected_guest().map(|g| g.id) else { return Vec::new() };
        match self.merging.take() {
            Some((from, _)) if from != into => {
                self.focus = Focus::Guest;
                vec![Effect::Merge { from, into }]
            }
            merging => {
                self.merging = merging;
                self.status = Some("That is the same entry: pick the other one".to_owned());
                Vec::new()
            }
        }
    }

    /// The selected guest's card, for a command on it; says so on the status line when it is not loaded yet.
    fn card_for_command(&mut self) -> Option<&GuestHistory> {
        if self.selected_card().is_none() {
            self.status = Some("Select a guest first".to_owned());
        }
        self.selected_card()
    }

    fn log_usual(&mut self) -> Vec<Effect> {
        let (now, staff) = (self.now, self.staff.clone());
        let Some(history) = self.card_for_command() else { return Vec::new() };
        let who = addressed(history);
        let guest = history.guest.id;
        match history.card().the_usual_visit(now, &staff) {
            Some(visit) => {
                let said = format!("Logged the usual for {who}: {} — Ctrl-Z to undo", inert(&visit.seat_and_order()));
                vec![Effect::LogVisit { guest, visit, said }]
            }
            None => {
                self.status = Some(format!("{who} has no usual yet"));
                Vec::new()
            }
        }
    }

    fn tick_follow_up(&mut self) -> Vec<Effect> {
        let Some(history) = self.card_for_command() else { return Vec::new() };
        let guest = history.guest.id;
        let next = history.card().open_recoveries.iter().find_map(|entry| {
            let index = entry.recovery.follow_ups.iter().position(|f| !f.done)?;
            Some((entry.id, index))
        });
        match next {
            Some((recovery, index)) => vec![Effect::TickFollowUp { guest, recovery, index }],
            None => {
                self.status = Some("No follow-up left to tick — x resolves the recovery".to_owned());
                Vec::new()
            }
        }
    }

    /// The first `x` names the recovery; a second `x` straight after resolves it.
    fn resolve(&mut self, confirming: Option<RecoveryId>) -> Vec<Effect> {
        let Some(history) = self.card_for_command() else { return Vec::new() };
        let guest = history.guest.id;
        let Some(newest) = history.card().open_recoveries.first().map(|e| (e.id, e.recovery.category.clone())) else {
            self.status = Some("No open recovery".to_owned());
            return Vec::new();
        };
        if confirming == Some(newest.0) {
            return vec![Effect::Resolve { guest, recovery: newest.0 }];
        }
        self.confirm_resolve = Some(newest.0);
        self.status = Some(format!("Press x again to resolve “{}”", inert(&newest.1)));
        Vec::new()
    }

    /// Changes the query: typing always returns to the search line and searches again.
    fn edit(&mut self, change: impl FnOnce(&mut LineInput)) -> Vec<Effect> {
        let before = self.query.text().to_owned();
        change(&mut self.query);
        self.focus = Focus::Search;
        if self.query.text() == before {
            return Vec::new();
        }
        vec![self.search()]
    }

    fn search(&mut self) -> Effect {
        self.generation += 1;
        Effect::Search { generation: self.generation, query: self.query.text().to_owned() }
    }

    fn select(&mut self, index: usize) -> Vec<Effect> {
        let last = self.found().len().saturating_sub(1);
        let index = index.min(last);
        if index == self.selected {
            return Vec::new();
        }
        self.selected = index;
        self.scroll_to_selection();
        self.load_selected()
    }

    fn load_selected(&self) -> Vec<Effect> {
        self.selected_guest().map(|guest| Effect::LoadCard(guest.id)).into_iter().collect()
    }

    /// How many result rows fit on screen.
    fn page(&self) -> usize {
        usize::from(ui::list_height(self.size)).max(1)
    }

    fn scroll_to_selection(&mut self) {
        let page = self.page();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
    }
}

/// New results are for another query (select the top match), not a refresh of this one (keep the selection).
fn fresh_query_of(shown: Option<&Results>, new: &Results) -> bool {
    shown.is_none_or(|r| r.query != new.query)
}

/// How staff address the guest: the greeting, or the name.
fn addressed(history: &GuestHistory) -> String {
    let p = &history.guest.profile;
    inert(if p.greeting.is_empty() { &p.name } else { &p.greeting }).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Guest, Profile};
    use crate::search::Field;

    fn app() -> App {
        App::new((100, 30), Utc::now(), FixedOffset::east_opt(0).unwrap(), Theme::plain(), "Nok")
    }

    fn results(generation: u64, names: &[&str]) -> Results {
        Results {
            generation,
            query: String::new(),
            total: names.len(),
            guests: 3,
            found: names
                .iter()
                .enumerate()
                .map(|(i, name)| FoundGuest {
                    id: GuestId(i as i64 + 1),
                    name: (*name).into(),
                    greeting: String::new(),
                    last_visit: None,
                    field: Field::Name,
                    positions: vec![],
                })
                .collect(),
            close: false,
        }
    }

    fn press(app: &mut App, action: Action) -> Vec<Effect> {
        app.update(Msg::Action(action))
    }

    #[test]
    fn typing_searches_with_a_new_generation_each_time() {
        let mut app = app();
        assert_eq!(press(&mut app, Action::Insert('y')), [Effect::Search { generation: 1, query: "y".into() }]);
        assert_eq!(press(&mut app, Action::Insert('u')), [Effect::Search { generation: 2, query: "yu".into() }]);
        assert_eq!(press(&mut app, Action::DeleteWord), [Effect::Search { generation: 3, query: String::new() }]);
        assert_eq!(press(&mut app, Action::DeleteBack), [], "nothing to delete, nothing to search");
    }

    #[test]
    fn stale_results_are_dropped_and_fresh_ones_select_the_top_match() {
        let mut app = app();
        press(&mut app, Action::Insert('y'));
        press(&mut app, Action::Insert('u'));
        assert_eq!(app.update(Msg::Results(results(1, &["Yvonne"]))), []);
        assert!(app.results.is_none());
        assert_eq!(app.update(Msg::Results(results(2, &["Yu Ming", "Yusuf"]))), [Effect::LoadCard(GuestId(1))]);
        assert_eq!(app.selected_guest().map(|g| g.name.as_str()), Some("Yu Ming"));
    }

    #[test]
    fn selection_moves_within_the_results_and_loads_each_card() {
        let mut app = app();
        app.start("e");
        app.update(Msg::Results(results(1, &["Emma", "Eve", "Ed"])));
        assert_eq!(press(&mut app, Action::SelectNext), [Effect::LoadCard(GuestId(2))]);
        assert_eq!(press(&mut app, Action::SelectLast), [Effect::LoadCard(GuestId(3))]);
        assert_eq!(press(&mut app, Action::SelectNext), [], "already at the bottom");
        assert_eq!(press(&mut app, Action::PageUp), [Effect::LoadCard(GuestId(1))]);
        assert_eq!(press(&mut app, Action::Click(1)), [Effect::LoadCard(GuestId(2))]);
    }

    #[test]
    fn the_card_shown_is_always_the_selected_guests() {
        let mut app = app();
        app.start("e");
        app.update(Msg::Results(results(1, &["Emma", "Eve"])));
        let history = |id| GuestHistory {
            guest: Guest {
                id: GuestId(id),
                version: 1,
                profile: Profile { name: "x".into(), ..Profile::default() },
                notes_by: None,
            },
            visits: vec![],
            recoveries: vec![],
        };
        app.update(Msg::Card(Ok(Box::new(history(1)))));
        assert!(app.selected_card().is_some());
        press(&mut app, Action::SelectNext);
        assert!(app.selected_card().is_none(), "the old card is not shown for the new selection");
    }

    #[test]
    fn enter_opens_the_guest_and_esc_comes_back_then_clears() {
        let mut app = app();
        press(&mut app, Action::OpenGuest);
        assert_eq!(app.focus, Focus::Search, "no guest selected, nothing to open");
        app.start("e");
        app.update(Msg::Results(results(1, &["Emma"])));
        press(&mut app, Action::OpenGuest);
        assert_eq!((app.mode(), app.selected_guest().map(|g| g.id)), (Mode::Guest, Some(GuestId(1))));
        press(&mut app, Action::Back);
        assert_eq!((app.mode(), app.query.text()), (Mode::Search, "e"));
        assert_eq!(press(&mut app, Action::Back), [Effect::Search { generation: 2, query: String::new() }]);
        press(&mut app, Action::ToggleHelp);
        assert_eq!(app.mode(), Mode::Help);
    }

    #[test]
    fn the_selection_scrolls_into_view() {
        let mut app = app();
        app.update(Msg::Resize(80, 24));
        app.start("g");
        let names: Vec<String> = (0..60).map(|i| format!("Guest {i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        app.update(Msg::Results(results(1, &names)));
        press(&mut app, Action::PageDown);
        press(&mut app, Action::PageDown);
        let page = usize::from(ui::list_height(app.size));
        assert_eq!(app.selected, 2 * page);
        assert!(app.offset <= app.selected && app.selected < app.offset + page);
    }

    #[test]
    fn demo_guests_are_offered_only_to_an_empty_book() {
        let mut app = app();
        assert_eq!(press(&mut app, Action::LoadDemo), [], "not while the book is still being read");
        app.guests = Some(3);
        assert_eq!(press(&mut app, Action::LoadDemo), []);
        app.guests = Some(0);
        assert_eq!(press(&mut app, Action::LoadDemo), [Effect::LoadDemo]);
    }
}
