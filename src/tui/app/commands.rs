//! Commands on the guest on screen: the usual, a visit, a recovery, a tick, a resolve, an edit, a heads-up, a
//! merge. Each acts on exactly the guest whose card is shown for the query as typed, and refuses, saying why, when
//! the screen is not showing one yet. Writes that could surprise (an allergen in the usual, a resolve, a merge)
//! ask for a deliberate key first.

use super::{App, Focus, Merging, Mode, Then};
use crate::domain::allergen::allergens_in;
use crate::domain::text::inert;
use crate::domain::{GuestHistory, TheUsual};
use crate::i18n::Said;
use crate::said;
use crate::tui::action::{Action, Effect, Who, Write};
use crate::tui::form::Form;
use crate::tui::input::LineInput;

impl App {
    /// A command key on the counter.
    pub(super) fn command(&mut self, action: Action) -> Vec<Effect> {
        if needs_card(&action) && self.wait_for_card(&action) {
            return Vec::new();
        }
        match action {
            Action::LogUsual => self.log_usual(),
            Action::VisitForm => {
                let house = std::mem::take(&mut self.house_items);
                if let Some(history) = self.on_screen() {
                    self.form = Some(Form::visit(history, &house));
                }
                self.house_items = house;
                self.opened_form()
            }
            Action::EditGuestForm => {
                if let Some(history) = self.on_screen() {
                    self.form = Some(Form::edit_guest(&history.guest));
                }
                self.opened_form()
            }
            Action::RecoveryForm => {
                let categories = std::mem::take(&mut self.categories);
                if let Some(history) = self.on_screen() {
                    self.form = Some(Form::recovery(Some(&history.guest), &categories));
                }
                self.categories = categories;
                self.opened_form()
            }
            Action::MishapForm => {
                self.form = Some(Form::recovery(None, &self.categories));
                self.opened_form()
            }
            Action::NewGuestForm => {
                self.form = Some(Form::new_guest(self.query.text()));
                self.opened_form()
            }
            Action::HeadsUpForm => {
                let stations = std::mem::take(&mut self.stations);
                if let Some(history) = self.on_screen() {
                    self.form = Some(Form::heads_up(&history.guest, &stations));
                }
                self.stations = stations;
                self.opened_form()
            }
            Action::TickFollowUp => self.tick_follow_up(),
            Action::ResolveRecovery => self.resolve(),
            Action::MergeInto => self.merge_from(),
            Action::Undo => self.undo(),
            Action::TakeHeadsUp => {
                let newest = self.live_heads_ups().find(|h| h.taken.is_none()).map(|h| {
                    let name = inert(addressed_as(&h.name, &h.greeting)).into_owned();
                    (Who { guest: Some(h.guest), name }, h.id)
                });
                match newest {
                    Some((who, id)) => vec![Effect::Write { who, write: Write::TakeHeadsUp(id) }],
                    None => {
                        self.say(said!("status-no-heads-up-to-take"), None);
                        Vec::new()
                    }
                }
            }
            _ => Vec::new(),
        }
    }

    /// A form just opened (or not, when there was no guest to open it on): the status line is about the form now.
    fn opened_form(&mut self) -> Vec<Effect> {
        if self.form.is_some() {
            self.status = None;
        }
        Vec::new()
    }

    /// Whether the command `action` waits for the screen to catch up with the keys: the results of the query as
    /// typed, or the card of the guest selected. It is done on the guest selected when it was pressed, the moment
    /// the screen shows that guest's card — and not done, saying so, if the query as typed finds another guest
    /// first. Another key before then cancels it.
    pub(super) fn wait_for_card(&mut self, action: &Action) -> bool {
        let Some(guest) = self.selected_guest() else { return false };
        let (id, name) = (guest.id, inert(addressed_as(&guest.name, &guest.greeting)).into_owned());
        let key = self.key(self.mode(), action);
        let text = if !self.results_current() {
            said!("status-still-finding-then", query = inert(self.query.text()), key = key, name = name)
        } else if self.selected_card().is_none() {
            said!("status-reading-card", name = name, key = key)
        } else {
            return false;
        };
        self.say(text, Some(id));
        self.when_read = Some((action.clone(), id));
        true
    }

    /// The screen has caught up a little (results or a card came): a command waiting for it is done, if the guest
    /// it was pressed on is still the one selected and their card is in; not done, saying so, if the query found
    /// another guest first.
    pub(super) fn caught_up(&mut self) -> Vec<Effect> {
        let Some((action, waiting)) = self.when_read.take() else { return Vec::new() };
        if self.selected_guest().map(|g| g.id) != Some(waiting) {
            let key = self.key(self.mode(), &action);
            let text = said!("status-not-done-other-guest", key = key, query = inert(self.query.text()));
            self.say(text, None);
            return Vec::new();
        }
        if !self.results_current() || self.selected_card().is_none() {
            self.when_read = Some((action, waiting));
            return Vec::new();
        }
        self.act(action)
    }

    /// The guest the screen shows for the query as typed, for a command on them (after `wait_for_card`: a guest
    /// selected has their card in); says on the status line why there is none.
    pub(super) fn on_screen(&mut self) -> Option<&GuestHistory> {
        let problem = if !self.results_current() {
            said!("status-still-finding", query = inert(self.query.text()))
        } else {
            said!("status-no-guest-selected")
        };
        if self.selected_card().is_none() {
            self.say(problem, None);
        }
        self.selected_card()
    }

    fn log_usual(&mut self) -> Vec<Effect> {
        let (now, staff) = (self.now, self.staff.clone());
        let mode = self.mode();
        let (usual_key, visit_key, back) =
            (self.key(mode, &Action::LogUsual), self.key(mode, &Action::VisitForm), self.key(mode, &Action::Back));
        let Some(history) = self.on_screen() else { return Vec::new() };
        let who = who(history);
        let allergies = history.guest.profile.allergies.clone();
        let Some(visit) = history.card().the_usual_visit(now, &staff) else {
            let text = said!("status-no-usual", name = &who.name, key = visit_key);
            self.say(text, who.guest);
            return Vec::new();
        };
        let said = said!("status-usual-logged", name = &who.name, visit = inert(&visit.seat_and_order()));
        let hits: Vec<Said> = allergens_in(&visit.order, &allergies)
            .iter()
            .map(|hit| said!("allergy-item-has", item = inert(hit.item), allergy = inert(hit.allergy)))
            .collect();
        let write = Effect::Write { who: who.clone(), write: Write::LogVisit { visit, said } };
        if hits.is_empty() {
            return vec![write];
        }
        let prompt = said!("confirm-usual-allergy", name = &who.name, hits = hits, key = usual_key, back = back);
        self.ask(prompt.clone(), Action::LogUsual, Then::Effects(vec![write]), Vec::new());
        self.say(prompt, who.guest);
        Vec::new()
    }

    fn tick_follow_up(&mut self) -> Vec<Effect> {
        let resolve_key = self.key(self.mode(), &Action::ResolveRecovery);
        let station = self.station.clone().unwrap_or_default();
        let Some(history) = self.on_screen() else { return Vec::new() };
        let who = who(history);
        // The recovery the card shows first, the newest open one, as resolving takes: never an older one's behind it.
        let Some(shown) = history.card().open_recoveries.first().copied() else {
            self.say(said!("status-no-open-recovery", name = &who.name), who.guest);
            return Vec::new();
        };
        let category = inert(&shown.recovery.category).into_owned();
        // This station's own promise first (the restaurant ticks the breakfast, not the lobby's call back), then
        // the first open one.
        let open = |f: &&crate::domain::FollowUp| !f.done;
        let follow_ups = &shown.recovery.follow_ups;
        let own = follow_ups.iter().position(|f| {
            open(&f) && f.owner.as_deref().is_some_and(|owner| crate::domain::promise::same_station(owner, &station))
        });
        let Some(index) = own.or_else(|| follow_ups.iter().position(|f| open(&f))) else {
            self.say(said!("status-all-follow-ups-done", category = &category, key = resolve_key), who.guest);
            return Vec::new();
        };
        let task = inert(&shown.recovery.follow_ups[index].task).into_owned();
        let said = said!("status-ticked", task = task, category = &category, name = &who.name);
        vec![Effect::Write { who, write: Write::TickFollowUp { recovery: shown.id, index, said } }]
    }

    /// Resolving asks first, naming the recovery.
    fn resolve(&mut self) -> Vec<Effect> {
        let (key, back) = (self.key(self.mode(), &Action::ResolveRecovery), self.key(self.mode(), &Action::Back));
        let Some(history) = self.on_screen() else { return Vec::new() };
        let who = who(history);
        let Some(newest) = history.card().open_recoveries.first().map(|e| (e.id, e.recovery.category.clone())) else {
            self.say(said!("status-no-open-recovery", name = &who.name), who.guest);
            return Vec::new();
        };
        let (recovery, category) = newest;
        let prompt = said!("confirm-resolve", category = inert(&category), name = &who.name, key = key, back = back);
        let write = Effect::Write { who: who.clone(), write: Write::Resolve { recovery, category } };
        self.ask(prompt.clone(), Action::ResolveRecovery, Then::Effects(vec![write]), Vec::new());
        self.say(prompt, who.guest);
        Vec::new()
    }

    /// The first step of a merge: this guest is the one to merge away; the search line picks the one to keep.
    fn merge_from(&mut self) -> Vec<Effect> {
        let (enter, back) = (self.key(Mode::Search, &Action::OpenGuest), self.key(Mode::Search, &Action::Back));
        let Some(history) = self.on_screen() else { return Vec::new() };
        let merging = Merging {
            from: history.guest.id,
            name: inert(&history.guest.profile.name).into_owned(),
            summary: summary(history),
        };
        self.say(said!("status-merging", name = &merging.name, enter = enter, back = back), None);
        self.merging = Some(merging);
        self.focus = Focus::Search;
        self.edit(LineInput::clear)
    }

    /// Enter while merging: the guest on screen is the one to keep. Both are shown, and Enter again merges.
    pub(super) fn merge_picked(&mut self) -> Vec<Effect> {
        if self.wait_for_card(&Action::OpenGuest) {
            return Vec::new();
        }
        let Some(merging) = self.merging.clone() else { return Vec::new() };
        let (enter, back) = (self.key(Mode::Search, &Action::OpenGuest), self.key(Mode::Search, &Action::Back));
        let Some(into) = self.on_screen() else { return Vec::new() };
        if into.guest.id == merging.from {
            self.say(said!("status-same-entry"), None);
            return Vec::new();
        }
        let who = who(into);
        let name = inert(&into.guest.profile.name).into_owned();
        let detail = vec![
            said!("merge-away", guest = merging.summary.clone()),
            said!("merge-into", guest = summary(into)),
            Said::verbatim(""),
            said!("merge-what-moves"),
        ];
        let said = said!("status-merged", away = &merging.name, name = &name);
        let write = Effect::Write { who, write: Write::Merge { from: merging.from, into: into.guest.id, said } };
        let prompt = said!("confirm-merge", away = &merging.name, name = &name, enter = enter, back = back);
        self.ask(prompt.clone(), Action::OpenGuest, Then::Effects(vec![write]), detail);
        self.say(prompt, None);
        Vec::new()
    }
}

/// Whom a write on this guest is for, named as staff address them.
pub(super) fn who(history: &GuestHistory) -> Who {
    let p = &history.guest.profile;
    Who { guest: Some(history.guest.id), name: inert(addressed_as(&p.name, &p.greeting)).into_owned() }
}

/// How staff address a guest: the greeting, or the name.
fn addressed_as<'a>(name: &'a str, greeting: &'a str) -> &'a str {
    if greeting.is_empty() { name } else { greeting }
}

/// One line about a guest, to tell two entries apart: name, greeting, phone, visits, the usual, id.
fn summary(history: &GuestHistory) -> Said {
    let p = &history.guest.profile;
    let card = history.card();
    let mut parts = vec![inert(&p.name).into_owned()];
    for field in [&p.greeting, &p.phone, &p.email] {
        if !field.is_empty() {
            parts.push(inert(field).into_owned());
        }
    }
    let (details, n, id) = (parts.join(" · "), card.visit_count, history.guest.id.0);
    match &card.the_usual {
        Some(TheUsual::Usual { items, .. }) => {
            said!("merge-summary-usual", details = details, n = n, usual = inert(&items.join(", ")), id = id)
        }
        _ => said!("merge-summary", details = details, n = n, id = id),
    }
}

/// The commands that act on the card on screen.
fn needs_card(action: &Action) -> bool {
    matches!(
        action,
        Action::LogUsual
            | Action::VisitForm
            | Action::EditGuestForm
            | Action::RecoveryForm
            | Action::HeadsUpForm
            | Action::TickFollowUp
            | Action::ResolveRecovery
            | Action::MergeInto
    )
}
