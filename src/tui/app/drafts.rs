//! Nothing typed is lost when the screen is closed under the user (a signal, a lost terminal): a form with typing is
//! kept as a draft, and the next time the station opens the screen it is offered back, prefilled.

use super::{App, Focus, Mode};
use crate::domain::GuestHistory;
use crate::i18n::Said;
use crate::said;
use crate::tui::action::Action;
use crate::tui::action::Effect;
use crate::tui::form::{Draft, DraftKind, Form};

impl App {
    /// What the status line says over a form offered back.
    fn offered(&self) -> Said {
        let (save, back) = (self.key(Mode::Form, &Action::Save), self.key(Mode::Form, &Action::Back));
        said!("status-draft-back", save = save, back = back)
    }

    /// The screen is being closed: a form with typing is kept, then the screen quits.
    pub(super) fn closing(&mut self) -> Vec<Effect> {
        self.quit = true;
        match self.form.as_ref().filter(|form| form.changed()) {
            Some(form) => vec![Effect::KeepDraft(Box::new(form.draft(self.now)))],
            None => Vec::new(),
        }
    }

    /// A draft kept last time: its form is made again — at once when it is about nobody, once the guest's card is
    /// read when it is about a guest (the form completes and checks from their history).
    pub(super) fn offer_draft(&mut self, draft: Draft) -> Vec<Effect> {
        match draft.guest {
            Some(guest) => {
                self.pending_draft = Some(Box::new(draft));
                vec![self.load_card(guest)]
            }
            None => {
                let mut form = match draft.kind {
                    DraftKind::Recovery => Form::recovery(None, &self.categories),
                    DraftKind::Arrival => Form::arrival(self.today()),
                    DraftKind::Category => Form::category(&self.categories, None),
                    _ => Form::new_guest(""),
                };
                form.refill(&draft);
                self.form = Some(form);
                self.say(self.offered(), None);
                Vec::new()
            }
        }
    }

    /// A card has arrived: if a draft waits for this guest, its form is made over the card, prefilled, and the
    /// guest is looked up so that the card behind it is theirs.
    pub(super) fn draft_card_arrived(&mut self, history: &GuestHistory) -> Vec<Effect> {
        let Some(draft) = self.pending_draft.take_if(|d| d.guest == Some(history.guest.id)) else {
            return Vec::new();
        };
        let mut form = match draft.kind {
            DraftKind::Visit => Form::visit(history, &self.house_items),
            DraftKind::EditGuest => Form::edit_guest(&history.guest),
            DraftKind::HeadsUp => Form::heads_up(&history.guest, &self.stations),
            DraftKind::Recovery | DraftKind::NewGuest | DraftKind::Arrival | DraftKind::Category => {
                Form::recovery(Some(&history.guest), &self.categories)
            }
        };
        form.refill(&draft);
        self.form = Some(form);
        self.say(self.offered(), Some(history.guest.id));
        self.query.set(&history.guest.profile.name);
        self.want_selected = Some(history.guest.id);
        self.focus = Focus::Guest;
        vec![self.search()]
    }
}
