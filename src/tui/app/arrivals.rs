//! The arrivals screen: tonight's guests in time order, one line each that prepares the greeting. ↑↓ select, Enter
//! opens the guest's card on the counter, F2 marks them arrived (their visit logged at the reserved table), F5 a
//! no-show, F8 sends a heads-up about them, ← → show the day before and after; on an arrival the book is not sure of, Enter picks the guest on the
//! counter and F4 adds them as someone new. The other lists' keys go to the other lists.

use super::{App, Mode, View};
use crate::domain::arrival::{Link, Prepared};
use crate::domain::text::inert;
use crate::said;
use crate::tui::action::{Action, Effect, Who, Write};

/// Tonight's arrivals as last read, and the one selected.
#[derive(Debug, Clone, Default)]
pub struct Tonight {
    pub rows: Option<Vec<Prepared>>,
    pub selected: usize,
    /// The day shown, when it is not today.
    pub day: Option<chrono::NaiveDate>,
    ticket: u64,
}

impl App {
    /// The arrivals screen, read afresh.
    pub(super) fn show_arrivals(&mut self) -> Vec<Effect> {
        self.view = View::Arrivals;
        self.list_offset = 0;
        vec![self.load_arrivals()]
    }

    /// Today, on the desk's calendar.
    pub fn today(&self) -> chrono::NaiveDate {
        self.now.with_timezone(&self.zone).date_naive()
    }

    /// The day the arrivals screen shows: today, unless another was chosen.
    pub fn arrivals_day(&self) -> chrono::NaiveDate {
        self.tonight.day.unwrap_or_else(|| self.today())
    }

    /// Reads the arrivals of the day shown afresh.
    pub(super) fn load_arrivals(&mut self) -> Effect {
        self.tonight.ticket = self.ticket();
        Effect::LoadArrivals {
            ticket: self.tonight.ticket,
            day: self.arrivals_day(),
            today: self.today(),
            zone: self.zone,
            regular_visits: self.regular_visits,
        }
    }

    /// The arrivals read: shown if they answer the newest request, the selection kept in range.
    pub(super) fn arrivals_read(&mut self, ticket: u64, rows: Vec<Prepared>) -> Vec<Effect> {
        if ticket == self.tonight.ticket {
            self.tonight.selected = self.tonight.selected.min(rows.len().saturating_sub(1));
            self.tonight.rows = Some(rows);
        }
        Vec::new()
    }

    /// A key on the arrivals screen.
    pub(super) fn on_arrivals(&mut self, action: Action) -> Vec<Effect> {
        let count = self.tonight.rows.as_ref().map_or(0, Vec::len);
        if let Some(selected) = super::lists::moved(&action, self.tonight.selected, count) {
            self.tonight.selected = selected;
            return Vec::new();
        }
        match action {
            Action::NoteWritten => match self.selected_arrival().map(|row| &row.arrival) {
                Some(arrival) if !matches!(arrival.link, Link::Guest(_)) => {
                    let (id, name) = (arrival.id, inert(&arrival.booking.name).into_owned());
                    self.link(id, name)
                }
                _ => self.open_arrival(),
            },
            Action::DayBefore | Action::DayAfter => {
                let day = self.arrivals_day();
                let next = if action == Action::DayBefore { day.pred_opt() } else { day.succ_opt() };
                let Some(next) = next else { return Vec::new() };
                self.tonight.day = (next != self.today()).then_some(next);
                self.tonight.selected = 0;
                self.tonight.rows = None;
                vec![self.load_arrivals()]
            }
            Action::ShowDrill => self.show_drill(self.arrivals_day()),
            Action::ArrivalForm => {
                self.form = Some(crate::tui::form::Form::arrival(self.arrivals_day()));
                self.status = None;
                Vec::new()
            }
            Action::ArrivalIsNew => {
                let Some(row) = self.selected_arrival().filter(|row| !matches!(row.arrival.link, Link::Guest(_)))
                else {
                    return Vec::new();
                };
                let who = Who { guest: None, name: inert(&row.arrival.booking.name).into_owned() };
                vec![Effect::Write { who, write: Write::LinkArrival { id: row.arrival.id, guest: None } }]
            }
            // The heads-up form is the counter's: the guest's card is opened, and the form over it once it is in.
            Action::HeadsUpForm => {
                let Some(Link::Guest(guest)) = self.selected_arrival().map(|row| row.arrival.link.clone()) else {
                    return Vec::new();
                };
                let effects = self.open_arrival();
                self.when_read = Some((Action::HeadsUpForm, guest));
                effects
            }
            Action::MarkArrived | Action::MarkNoShow => {
                let Some(row) = self.selected_arrival() else { return Vec::new() };
                let guest = match row.arrival.link {
                    Link::Guest(guest) => Some(guest),
                    _ => None,
                };
                if action == Action::MarkArrived && guest.is_none() {
                    self.say(said!("status-arrival-not-linked", name = inert(&row.arrival.booking.name)), None);
                    return Vec::new();
                }
                let who = Who { guest, name: inert(&row.greeting).into_owned() };
                let write = Write::Arrival { id: row.arrival.id, came: action == Action::MarkArrived };
                vec![Effect::Write { who, write }]
            }
            other => self.on_list(other),
        }
    }

    /// Enter on an arrival the book is not sure of: the counter searches the name booked under, and Enter there
    /// says it is the guest selected (Esc goes back to the arrivals).
    fn link(&mut self, id: i64, name: String) -> Vec<Effect> {
        let (enter, back) = (self.key(Mode::Search, &Action::OpenGuest), self.key(Mode::Search, &Action::Back));
        self.view = View::Counter;
        self.merging = None;
        self.query.set(&name);
        self.say(said!("status-linking", name = name.as_str(), enter = enter, back = back), None);
        self.linking = Some((id, name));
        vec![self.search()]
    }

    /// Enter on the counter while linking: the guest on screen is the one the arrival is for.
    pub(super) fn link_picked(&mut self) -> Vec<Effect> {
        if self.wait_for_card(&Action::OpenGuest) {
            return Vec::new();
        }
        let Some(who) = self.on_screen().map(super::commands::who) else { return Vec::new() };
        let Some((id, _)) = self.linking.take() else { return Vec::new() };
        self.view = View::Arrivals;
        let guest = who.guest;
        vec![Effect::Write { who, write: Write::LinkArrival { id, guest } }]
    }

    fn selected_arrival(&self) -> Option<&Prepared> {
        self.tonight.rows.as_ref()?.get(self.tonight.selected)
    }

    /// Enter: the selected arrival's guest, with their card open on the counter; one the book is not sure of is
    /// looked up by the name booked under, to choose from the list.
    fn open_arrival(&mut self) -> Vec<Effect> {
        let Some(row) = self.selected_arrival() else { return Vec::new() };
        let guest = match row.arrival.link {
            Link::Guest(guest) => Some(guest),
            _ => None,
        };
        let name = row.name.clone();
        self.view = View::Counter;
        self.merging = None;
        self.want_selected = guest;
        self.enter_when_found = guest.is_some();
        self.query.set(&name);
        vec![self.search()]
    }
}
