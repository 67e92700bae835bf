//! The arrivals screen: tonight's guests in time order, one line each that prepares the greeting. ↑↓ select, Enter
//! opens the guest's card on the counter, F2 marks them arrived (their visit logged at the reserved table), F5 a
//! no-show, F8 sends a heads-up about them; the other lists' keys go to the other lists.

use super::{App, View};
use crate::domain::arrival::{Link, Prepared};
use crate::domain::text::inert;
use crate::said;
use crate::tui::action::{Action, Effect, Who, Write};

/// Tonight's arrivals as last read, and the one selected.
#[derive(Debug, Clone, Default)]
pub struct Tonight {
    pub rows: Option<Vec<Prepared>>,
    pub selected: usize,
    ticket: u64,
}

impl App {
    /// The arrivals screen, read afresh.
    pub(super) fn show_arrivals(&mut self) -> Vec<Effect> {
        self.view = View::Arrivals;
        self.list_offset = 0;
        vec![self.load_arrivals()]
    }

    /// Reads today's arrivals (on the desk's calendar) afresh.
    pub(super) fn load_arrivals(&mut self) -> Effect {
        self.tonight.ticket = self.ticket();
        let today = self.now.with_timezone(&self.zone).date_naive();
        Effect::LoadArrivals { ticket: self.tonight.ticket, day: today, today, zone: self.zone }
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
        match action {
            Action::SelectPrev | Action::PageUp => {
                self.tonight.selected = self.tonight.selected.saturating_sub(1);
                Vec::new()
            }
            Action::SelectNext | Action::PageDown => {
                self.tonight.selected = (self.tonight.selected + 1).min(count.saturating_sub(1));
                Vec::new()
            }
            Action::NoteWritten => self.open_arrival(),
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
