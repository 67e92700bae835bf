//! Keys in an open form, and what comes back when it is saved: written, a clash with another desk, a question,
//! or a failure that keeps every character typed.

use super::{App, Focus, Mode, Then};
use crate::domain::money::parse_amount;
use crate::i18n::Said;
use crate::said;
use crate::store::ClashReport;
use crate::tui::action::{Action, Effect, Undo, Who, Write};
use crate::tui::form::Purpose;
use crate::tui::input::editing;

impl App {
    /// Keys while a form is open: they edit its focused field, move between fields, save or cancel.
    pub(super) fn in_form(&mut self, action: Action) -> Vec<Effect> {
        let (now, staff, money) = (self.now, self.staff.clone(), self.money.clone());
        let (save, back, quit) = (
            self.key(Mode::Form, &Action::Save),
            self.key(Mode::Form, &Action::Back),
            self.key(Mode::Form, &Action::Quit),
        );
        if let Some(guest) = self.form.as_ref().filter(|f| f.saving && action != Action::Quit).map(|f| f.guest()) {
            // What is typed is on its way to the book: nothing typed now could be saved with it.
            self.say(said!("status-saving-busy"), guest);
            return Vec::new();
        }
        let Some(form) = self.form.as_mut() else { return Vec::new() };
        let discarding = std::mem::take(&mut form.confirm_discard);
        if action != Action::Save && !matches!(action, Action::Quit | Action::ToggleHelp) {
            // Changing anything means the next Ctrl-S is asked again, on what is typed now.
            form.confirm_save &= matches!(action, Action::NextField | Action::PreviousField);
        }
        match action {
            Action::Insert(c) => form.typed(c.encode_utf8(&mut [0; 4])),
            Action::Paste(text) => form.typed(&text),
            // At the end of a field, → takes the completion shown; elsewhere it moves the cursor.
            Action::CursorRight if form.focused_field().complete() => {}
            edit if let Some(edit) = editing(&edit) => edit(form.focused()),
            Action::NextField => form.next(),
            Action::PreviousField => form.previous(),
            Action::Back if form.changed() && !discarding => {
                form.confirm_discard = true;
                form.error = Some((None, said!("form-discard-again", back = back, save = save)));
            }
            Action::Back => {
                self.form = None;
                self.say(said!("status-nothing-saved"), None);
            }
            Action::Quit if form.changed() => {
                let prompt = said!("confirm-quit-form", quit = quit, back = back);
                self.ask(prompt.clone(), Action::Quit, Then::Quit, Vec::new());
                self.say(prompt, None);
            }
            Action::Quit => self.quit = true,
            Action::Save if form.saving => {}
            Action::Save => match form.submission(now, self.zone, &staff, |text| parse_amount(text, &money)) {
                Ok(submission) => {
                    form.saving = true;
                    form.error = None;
                    let who = Who { guest: form.guest(), name: form.addressed.clone() };
                    self.status = None;
                    return vec![Effect::Write { who, write: Write::Save(Box::new(submission)) }];
                }
                Err(problem) => {
                    if let Some(field) = problem.field {
                        form.focus = field;
                    }
                    form.confirm_save = problem.confirmable;
                    let text = if problem.confirmable {
                        said!("form-save-anyway", problem = problem.text, save = save)
                    } else {
                        problem.text
                    };
                    form.error = Some((problem.field, text));
                    self.status = None;
                }
            },
            _ => {}
        }
        if let Some(form) = self.form.as_mut() {
            form.propose();
        }
        Vec::new()
    }

    /// A write went through: say so (about the guest it was for), remember how to take it back, close the form
    /// that was saving, and show the change.
    pub(super) fn written(&mut self, who: Who, message: Said, undo: Option<Undo>) -> Vec<Effect> {
        let undo_key = self.key(super::Mode::Guest, &Action::Undo);
        let message = if undo.is_some() { said!("status-to-undo", said = message, key = undo_key) } else { message };
        self.say(message, who.guest);
        let form = self.form.take_if(|form| form.saving);
        let mut effects = vec![Effect::LoadHouse];
        if let Some(guest) = who.guest {
            effects.push(Effect::Refresh(guest));
            if form.as_ref().is_some_and(|f| f.purpose == Purpose::NewGuest) {
                // Find the new guest at once, selected with the card open.
                self.query.set(form.as_ref().map_or("", |f| f.fields[0].input.text().trim()));
                self.want_selected = Some(guest);
                self.focus = Focus::Guest;
            }
            if self.selected_guest().is_some_and(|g| g.id == guest) || self.want_selected == Some(guest) {
                effects.push(self.load_card(guest));
            }
        }
        if let Some(undo) = undo {
            self.remember(who, undo);
        }
        if self.view == super::View::Outreach {
            // Written to: the list is read again, without them.
            effects.push(self.load_outreach());
        }
        if self.view == super::View::Arrivals {
            // Arrived or not: the night is read again, the line marked.
            effects.push(self.load_arrivals());
        }
        if let super::View::Reports { days } = self.view {
            // An owner or a goal set: the tally is read again with it.
            effects.extend(self.reports(days));
        }
        effects.push(self.search());
        effects
    }

    /// Another desk changed a field this edit changed too: the form shows both, and starts from theirs.
    pub(super) fn clashed(&mut self, report: ClashReport) -> Vec<Effect> {
        match self.form.as_mut().filter(|form| form.saving) {
            Some(form) => form.clash(report.theirs.profile, report.theirs.version, report.reconciled),
            None => self.say(said!("error-changed"), None),
        }
        Vec::new()
    }

    /// The book wants the save made deliberately: the form says why, and the next Ctrl-S saves anyway.
    pub(super) fn needs_confirmation(&mut self, why: Said) -> Vec<Effect> {
        let save = self.key(Mode::Form, &Action::Save);
        match self.form.as_mut().filter(|form| form.saving) {
            Some(form) => form.ask_to_confirm(said!("form-confirm-anyway", problem = why, save = save)),
            None => self.say(why, None),
        }
        Vec::new()
    }

    /// A write failed: the form being saved stays open with everything typed and says what went wrong; anything
    /// else says it on the status line.
    pub(super) fn failed(&mut self, error: Said) -> Vec<Effect> {
        match self.form.as_mut().filter(|form| form.saving) {
            Some(form) => {
                form.saving = false;
                form.error = Some((None, said!("form-not-saved", why = error)));
            }
            None => self.say(error, None),
        }
        Vec::new()
    }
}
