//! The name drill on the screen: each card shows what staff would see or hear of a guest, never the name; the answer
//! is typed and Enter checks it (as forgivingly as `regulars drill` does), the verdict shown and kept in the book; a
//! miss is asked once more before the end; the score closes the drill. Esc goes back to the arrivals.

use super::{App, View};
use crate::domain::drill::Session;
use crate::i18n::Said;
use crate::search::matching::names;
use crate::store::Deck;
use crate::tui::action::{Action, Effect, Who, Write};
use crate::tui::input::{LineInput, editing};

/// The drill under way: its cards, how far it is, what is typed, and the last verdict.
#[derive(Debug, Clone, Default)]
pub struct DrillScreen {
    pub deck: Option<Deck>,
    pub session: Session,
    pub answer: LineInput,
    pub verdict: Option<Said>,
    ticket: u64,
}

impl App {
    /// The drill of the night of `day`, read afresh.
    pub(super) fn show_drill(&mut self, day: chrono::NaiveDate) -> Vec<Effect> {
        self.view = View::Drill;
        self.drill.ticket = self.ticket();
        self.drill.deck = None;
        self.drill.verdict = None;
        self.drill.answer.clear();
        vec![Effect::LoadDrill { ticket: self.drill.ticket, day, now: self.now, staff: self.staff.clone() }]
    }

    pub(super) fn drill_read(&mut self, ticket: u64, deck: Deck) -> Vec<Effect> {
        if ticket == self.drill.ticket {
            self.drill.session = Session::new(deck.cards.iter().map(|card| card.progress).collect());
            self.drill.deck = Some(deck);
        }
        Vec::new()
    }

    /// A key on the drill: what is typed is the answer, Enter checks it, Esc goes back.
    pub(super) fn on_drill(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Insert(c) => {
                self.drill.answer.insert(c.encode_utf8(&mut [0; 4]));
                Vec::new()
            }
            Action::Paste(text) => {
                self.drill.answer.insert(&text);
                Vec::new()
            }
            Action::OpenGuest => self.check_answer(),
            Action::Back => self.show_arrivals(),
            edit if let Some(edit) = editing(&edit) => {
                edit(&mut self.drill.answer);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Enter: the answer checked against the card's guest, the verdict shown, the card's progress kept.
    fn check_answer(&mut self) -> Vec<Effect> {
        let (Some(deck), Some(current)) = (&self.drill.deck, self.drill.session.current()) else { return Vec::new() };
        let Some(card) = deck.cards.iter().find(|card| card.progress.guest == current.guest) else { return Vec::new() };
        let profile = &card.history.guest.profile;
        let right = names(self.drill.answer.text().trim(), profile);
        let verdict = crate::tonight::verdict(profile, right);
        let Some(progress) = self.drill.session.answer(right, self.now) else { return Vec::new() };
        self.drill.verdict = Some(verdict.clone());
        self.drill.answer.clear();
        let who = Who { guest: None, name: String::new() };
        vec![Effect::Write { who, write: Write::KeepDrill { progress, said: verdict } }]
    }
}
