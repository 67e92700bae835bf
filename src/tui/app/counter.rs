//! The counter: what is typed, what it finds, and which guest is selected. What is shown is what is changed: every
//! new query selects its best match, the card is always the selected guest's, and Enter pressed before the results
//! of the query typed have come waits for them rather than acting on the list of a query typed a moment ago.

use super::{App, Focus, View};
use crate::domain::GuestId;
use crate::domain::heads_up::HeadsUp;
use crate::domain::tally::REPORT_DAYS;
use crate::said;
use crate::search::Results;
use crate::tui::action::{Action, Effect};
use crate::tui::input::{Inserted, LineInput, editing};

impl App {
    /// A key on the counter screen (not in a form, not on a list screen).
    pub(super) fn on_counter(&mut self, action: Action) -> Vec<Effect> {
        if let Some(edit) = editing(&action) {
            return self.edit(edit);
        }
        match action {
            Action::Insert(c) => self.typed(c.encode_utf8(&mut [0; 4])),
            Action::Paste(text) => self.typed(&text),
            Action::SelectPrev => self.select(self.selected.saturating_sub(1)),
            Action::SelectNext => self.select(self.selected + 1),
            Action::PageUp => self.select(self.selected.saturating_sub(self.page())),
            Action::PageDown => self.select(self.selected + self.page()),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(usize::MAX),
            Action::Click(row) => self.select(self.offset + row),
            Action::OpenGuest => self.enter(),
            Action::Back => self.back(),
            Action::LoadDemo if self.guests == Some(0) => vec![Effect::LoadDemo],
            Action::ShowReports => self.reports(REPORT_DAYS),
            Action::ShowOutreach => self.show_outreach(),
            Action::ShowArrivals => self.show_arrivals(),
            Action::ShowPromises => self.show_promises(),
            Action::ShowLog => self.show_log(),
            Action::OpenHeadsUp => self.open_heads_up(),
            other => self.command(other),
        }
    }

    /// Enter: open the top match of the query as typed (waiting for its results if they are still coming), or,
    /// while merging, pick it as the entry to keep.
    pub(super) fn enter(&mut self) -> Vec<Effect> {
        if !self.results_current() {
            self.enter_when_found = true;
            return Vec::new();
        }
        if self.merging.is_some() {
            return self.merge_picked();
        }
        if self.linking.is_some() {
            return self.link_picked();
        }
        if self.selected_guest().is_some() {
            self.focus = Focus::Guest;
        }
        Vec::new()
    }

    fn back(&mut self) -> Vec<Effect> {
        if self.focus == Focus::Guest {
            self.focus = Focus::Search;
            return Vec::new();
        }
        if let Some(merging) = self.merging.take() {
            self.say(said!("status-merge-cancelled", name = &merging.name), None);
            return Vec::new();
        }
        if let Some((_, name)) = self.linking.take() {
            self.say(said!("status-linking-cancelled", name = name), None);
            return self.show_arrivals();
        }
        self.enter_when_found = false;
        self.edit(LineInput::clear)
    }

    /// Changes the query: editing always returns to the search line and searches again.
    /// Typing or a paste, in one edit and one search. Letters typed on an open card start the next search: the next
    /// guest's name is typed the moment the last guest leaves. What goes past the search line's limit is left out,
    /// and the status line says so.
    fn typed(&mut self, text: &str) -> Vec<Effect> {
        let fresh = self.focus == Focus::Guest;
        let mut inserted = Inserted::Whole;
        let effects = self.edit(|q| {
            if fresh {
                q.clear();
            }
            inserted = q.insert(text);
        });
        if let Inserted::Cut { kept } = inserted {
            let limit = self.query.limit();
            self.say(said!("status-search-line-cut", limit = limit, kept = kept), None);
        }
        effects
    }

    pub(super) fn edit(&mut self, change: impl FnOnce(&mut LineInput)) -> Vec<Effect> {
        let before = self.query.text().to_owned();
        change(&mut self.query);
        self.focus = Focus::Search;
        if self.query.text() == before {
            return Vec::new();
        }
        self.enter_when_found = false;
        vec![self.search()]
    }

    pub(super) fn search(&mut self) -> Effect {
        self.generation += 1;
        Effect::Search { generation: self.generation, query: self.query.text().to_owned() }
    }

    /// New results: a new query selects its best match; the same query again (a refresh after a write) keeps the
    /// guest selected where they still are.
    pub(super) fn results_arrived(&mut self, results: Results) -> Vec<Effect> {
        if results.generation != self.generation {
            return Vec::new();
        }
        let first = self.guests.is_none();
        self.guests = Some(results.guests);
        let before = self.selected_guest().map(|g| g.id);
        let refresh = self.results.as_ref().is_some_and(|shown| shown.query == results.query);
        let wanted = self.want_selected.take().or(if refresh { before } else { None });
        self.results = Some(results);
        self.selected = wanted.and_then(|id| self.found().iter().position(|f| f.id == id)).unwrap_or(0);
        self.offset = 0;
        self.scroll_to_selection();
        if !refresh {
            // A new query reads the card afresh, even of the same guest: it is what the desk is about to act on.
            self.card = None;
        }
        let mut effects = self.selection_moved(before);
        if first {
            effects.push(Effect::LoadHouse);
        }
        if std::mem::take(&mut self.enter_when_found) {
            effects.extend(self.enter());
        }
        effects.extend(self.caught_up());
        effects
    }

    fn select(&mut self, index: usize) -> Vec<Effect> {
        let last = self.found().len().saturating_sub(1);
        let index = index.min(last);
        if index == self.selected {
            return Vec::new();
        }
        let before = self.selected_guest().map(|g| g.id);
        self.selected = index;
        self.scroll_to_selection();
        self.selection_moved(before)
    }

    /// After the selection may have moved from `before`: a message about another guest goes, and the card of the
    /// guest now selected is read unless it is on screen already.
    fn selection_moved(&mut self, before: Option<GuestId>) -> Vec<Effect> {
        let now = self.selected_guest().map(|g| g.id);
        if now != before && self.status.as_ref().is_some_and(|s| s.guest.is_some() && s.guest != now) {
            self.status = None;
        }
        match now {
            Some(id) if self.card.as_ref().is_none_or(|card| card.guest.id != id) => vec![self.load_card(id)],
            _ => Vec::new(),
        }
    }

    /// Another desk wrote: what changed shows here without a key; the query, the selection and any form stay.
    pub(super) fn elsewhere(&mut self, guests: Vec<GuestId>, heads_ups: Vec<HeadsUp>) -> Vec<Effect> {
        let station = self.station.clone().unwrap_or_default();
        let sent_here =
            |h: &HeadsUp| self.sent_ids.contains(&h.id) || (!station.is_empty() && h.from_station == station);
        let (sent, others): (Vec<HeadsUp>, Vec<HeadsUp>) = heads_ups.into_iter().partition(sent_here);
        // Taken here: cleared here. Taken elsewhere: shown with who took it.
        let taken_here = |h: &HeadsUp| h.taken.as_ref().is_some_and(|t| t.station == station);
        self.heads_ups = others.into_iter().filter(|h| h.is_for(&station) && !taken_here(h)).collect();
        self.sent_heads_ups = sent;
        if guests.is_empty() {
            return Vec::new();
        }
        let selected = self.selected_guest().map(|g| g.id);
        let mut effects: Vec<Effect> = guests.iter().map(|&g| Effect::Refresh(g)).collect();
        if let Some(id) = selected.filter(|id| guests.contains(id)) {
            effects.push(self.load_card(id));
        }
        effects.push(self.search());
        effects
    }

    /// The newest heads-up's guest, selected with the card open.
    fn open_heads_up(&mut self) -> Vec<Effect> {
        let Some((guest, name)) = self.live_heads_ups().next().map(|h| (h.guest, h.name.clone())) else {
            self.say(said!("status-no-heads-up"), None);
            return Vec::new();
        };
        self.view = View::Counter;
        self.merging = None;
        self.want_selected = Some(guest);
        self.query.set(&name);
        self.enter_when_found = true;
        vec![self.search()]
    }

    /// The heads-ups to show now: not expired, newest first.
    pub fn live_heads_ups(&self) -> impl Iterator<Item = &HeadsUp> {
        self.heads_ups.iter().filter(|h| !h.expired(self.now, self.heads_up_expiry))
    }

    /// Heads-ups this desk sent that another desk has taken lately: the sender sees the loop closed.
    pub fn taken_heads_ups(&self) -> impl Iterator<Item = &HeadsUp> {
        self.sent_heads_ups.iter().filter(|h| h.taken.is_some() && !h.expired(self.now, self.heads_up_expiry))
    }

    /// How many result rows fit on screen, as the renderer last laid them out.
    pub(super) fn page(&self) -> usize {
        usize::from(self.layout.list.height).max(1)
    }

    pub(super) fn scroll_to_selection(&mut self) {
        let page = self.page();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
    }
}
