//! The desk: where the screen's effects are carried out, on the store and the search thread, and turned into
//! messages for `update`. Every message about a write names the guest it was for.

use std::collections::VecDeque;

use anyhow::{Context, Result};
use chrono::{Local, Utc};

use super::action::{Effect, Msg, Undo, Who, Write};
use super::app::App;
use super::app::{OUTREACH_BIRTHDAYS, OUTREACH_LAPSED};
use super::form::Submission;
use super::runtime::Options;
use crate::demo;
use crate::domain::outreach::prospects;
use crate::domain::tally::tally;
use crate::domain::text::inert;
use crate::report::outreach_rows;
use crate::search::Worker;
use crate::store::{Store, StoreError};

/// How many results a search returns: more than any screen shows.
const RESULT_LIMIT: usize = 200;

/// How many of the house's most frequent items the visit form completes from.
const HOUSE_ITEMS: usize = 200;

/// Where effects are carried out: the store and the search thread.
pub struct Desk {
    store: Store,
    worker: Worker,
    staff: String,
    /// Where this desk stands; empty when not said.
    station: String,
    demo_guests: usize,
}

impl Desk {
    /// A desk on `store`, with a search thread reading the book on a connection of its own (while the screen
    /// comes up). Search results and read failures arrive later through `deliver`, as messages for `update`.
    pub fn new(mut store: Store, options: &Options, deliver: impl Fn(Msg) + Clone + Send + 'static) -> Result<Self> {
        let station = options.station.clone().unwrap_or_default();
        // A desk that names its station can be sent heads-ups by name from now on.
        store.register_station(&station).context("cannot note this desk's station in the guest book")?;
        let reader = store.reopen().context("cannot open the guest book a second time for search")?;
        let failed = deliver.clone();
        let worker = Worker::spawn(
            reader,
            RESULT_LIMIT,
            move |r| deliver(Msg::Results(r)),
            move |error| {
                failed(Msg::Failed(format!("Cannot read the guest book: {error}")));
            },
        );
        Ok(Self { store, worker, staff: options.staff.clone(), station, demo_guests: options.demo_guests })
    }

    /// The book this desk writes to, for a watcher of its own.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Ends the search thread and waits for it to close its connection: with the desk's own connection closed
    /// after it, the last desk to quit leaves the whole book in the `.db` file.
    pub fn close(self) {
        self.worker.stop();
    }

    /// Updates the state with `msg`, then with every message its effects produce, until nothing is left to do.
    pub fn dispatch(&mut self, app: &mut App, msg: Msg) {
        let mut queue = VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            for effect in app.update(msg) {
                queue.extend(self.perform(effect));
            }
        }
    }

    /// Carries out effects `update` returned outside `dispatch` (the first search).
    pub fn carry_out(&mut self, app: &mut App, effects: Vec<Effect>) {
        for effect in effects {
            if let Some(msg) = self.perform(effect) {
                self.dispatch(app, msg);
            }
        }
    }

    fn perform(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::Search { generation, query } => {
                self.worker.search(generation, &query);
                None
            }
            Effect::LoadCard(id) => Some(Msg::Card(
                self.store.history(id).map(Box::new).map_err(|e| format!("Cannot read this guest: {e}")),
            )),
            Effect::LoadHouse => Some(self.house()),
            Effect::LoadReport { since, until } => Some(match self.store.mishaps() {
                Ok(mishaps) => Msg::Report(Box::new(tally(&mishaps, since, until))),
                Err(error) => Msg::Failed(format!("Cannot read the mishaps: {error}")),
            }),
            Effect::LoadLog => Some(match self.store.audit_entries(None, chrono::DateTime::<Utc>::MIN_UTC) {
                Ok(mut entries) => {
                    entries.reverse();
                    Msg::Log(entries)
                }
                Err(error) => Msg::Failed(format!("Cannot read the audit log: {error}")),
            }),
            Effect::LoadOutreach { now, zone } => {
                let today = now.with_timezone(&zone).date_naive();
                let lapsed_before = now - chrono::Duration::days(OUTREACH_LAPSED);
                Some(match self.store.outreach(today, OUTREACH_BIRTHDAYS, lapsed_before) {
                    Ok(histories) => Msg::Outreach(outreach_rows(
                        &prospects(&histories, now, today, OUTREACH_BIRTHDAYS, OUTREACH_LAPSED),
                        zone,
                    )),
                    Err(error) => Msg::Failed(format!("Cannot read the outreach list: {error}")),
                })
            }
            Effect::Refresh(guest) => {
                self.worker.refresh(guest);
                None
            }
            Effect::LoadDemo => Some(self.load_demo()),
            Effect::Write { who, write } => Some(self.write(who, write)),
        }
    }

    fn house(&self) -> Msg {
        let read = || -> Result<_, StoreError> {
            Ok((self.store.house_items(HOUSE_ITEMS)?, self.store.categories()?, self.store.stations()?))
        };
        match read() {
            Ok((items, categories, stations)) => Msg::House { items, categories, stations },
            Err(error) => Msg::Failed(format!("Cannot read the house's items: {error}")),
        }
    }

    /// One write, and the message that says how it went, naming the guest.
    fn write(&mut self, who: Who, write: Write) -> Msg {
        let staff = self.staff.clone();
        let name = who.name.clone();
        let written = |message: String, undo: Option<Undo>| Msg::Written { who: who.clone(), message, undo };
        let failed = |what: &str, error: StoreError| Msg::Failed(format!("{what} for {name} not saved: {error}"));
        match (write, who.guest) {
            (Write::LogVisit { visit, said }, Some(guest)) => match self.store.log_visit(guest, visit, &staff) {
                Ok(visit) => written(said, Some(Undo::Visit(visit))),
                Err(error) => failed("The visit", error),
            },
            (Write::Save(submission), guest) => self.save(who.clone(), guest, *submission),
            (Write::Merge { from, into, said }, _) => match self.store.merge_guests(from, into, &staff) {
                Ok(merged) => {
                    self.worker.refresh(from);
                    written(said, Some(Undo::Merged(Box::new(merged))))
                }
                Err(error) => Msg::Failed(format!("Not merged: {error}")),
            },
            (Write::TickFollowUp { recovery, index }, _) => {
                match self.store.set_follow_up(recovery, index, true, &staff) {
                    Ok(()) => written(
                        format!("Ticked follow-up {} for {name}", index + 1),
                        Some(Undo::FollowUp { recovery, index }),
                    ),
                    Err(error) => failed("The tick", error),
                }
            }
            (Write::Resolve { recovery, category }, _) => {
                match self.store.resolve_recovery(recovery, Utc::now(), &staff) {
                    Ok(()) => {
                        written(format!("Resolved “{}” for {name}", inert(&category)), Some(Undo::Resolved(recovery)))
                    }
                    Err(error) => Msg::Failed(format!("Not resolved for {name}: {error}")),
                }
            }
            (Write::TakeHeadsUp(id), _) => match self.store.take_heads_up(id, &self.station, &staff) {
                Ok(()) => written(format!("Took the heads-up: {name} is yours"), None),
                Err(error) => Msg::Failed(format!("Heads-up not taken: {error}")),
            },
            (Write::NoteWritten { occasion, of }, Some(guest)) => {
                match self.store.note_written(guest, occasion, &of, &staff) {
                    Ok(id) => written(
                        format!("Noted: {name} was written to for the {}", occasion.words()),
                        Some(Undo::Written(id)),
                    ),
                    Err(error) => failed("The note", error),
                }
            }
            (Write::Undo(undo), guest) => self.undo(who.clone(), guest, undo),
            (Write::LogVisit { .. } | Write::NoteWritten { .. }, None) => Msg::Failed("No guest for it".to_owned()),
        }
    }

    /// A form's content into the book: the same store operations as the command line's.
    fn save(&mut self, who: Who, guest: Option<crate::domain::GuestId>, submission: Submission) -> Msg {
        let staff = self.staff.clone();
        let name = who.name.clone();
        let written = |message: String, undo: Option<Undo>| Msg::Written { who: who.clone(), message, undo };
        let not_saved = |error: StoreError| Msg::Failed(format!("{error}"));
        match submission {
            Submission::Visit { guest, visit } => {
                let said = format!("Visit logged for {name}: {}", inert(&visit.seat_and_order()));
                match self.store.log_visit(guest, visit, &staff) {
                    Ok(visit) => written(said, Some(Undo::Visit(visit))),
                    Err(error) => not_saved(error),
                }
            }
            Submission::NewGuest { profile, duplicate_ok } => {
                if !duplicate_ok {
                    match self.store.possible_duplicates(&profile) {
                        Ok(found) if !found.is_empty() => {
                            let named: Vec<String> = found
                                .iter()
                                .map(|d| format!("{} (guest {}, same {})", inert(&d.name), d.id, d.same))
                                .collect();
                            return Msg::NeedsConfirmation(format!(
                                "Possibly in the book already: {}",
                                named.join("; ")
                            ));
                        }
                        Ok(_) => {}
                        Err(error) => return not_saved(error),
                    }
                }
                let added = inert(&profile.name).into_owned();
                match self.store.add_guest(profile, &staff) {
                    Ok(guest) => Msg::Written {
                        who: Who { guest: Some(guest), name: added.clone() },
                        message: format!("Added {added}"),
                        undo: Some(Undo::GuestAdded),
                    },
                    Err(error) => not_saved(error),
                }
            }
            Submission::EditGuest { guest, version, base, profile } => {
                match self.store.edit_guest(guest, version, &base, profile, &staff) {
                    Ok(edited) => {
                        let mut said = format!("Saved {name}");
                        if !edited.kept_theirs.is_empty() {
                            said.push_str(&format!(
                                ", keeping another desk's change to {}",
                                edited.kept_theirs.join(", ")
                            ));
                        }
                        let undo = Undo::GuestEdited {
                            version: edited.version,
                            after: Box::new(edited.profile),
                            before: Box::new(edited.before),
                        };
                        written(said, Some(undo))
                    }
                    Err(StoreError::Clash(report)) => Msg::Clash(report),
                    Err(error) => not_saved(error),
                }
            }
            Submission::HeadsUp { guest, to, note, new_station } => {
                let to_whom = to.as_deref().map_or_else(|| "every station".to_owned(), |s| inert(s).into_owned());
                let station = self.station.clone();
                match self.store.send_heads_up(guest, &station, to.as_deref(), &note, &staff, new_station) {
                    Ok(id) => Msg::HeadsUpSent {
                        who: who.clone(),
                        id,
                        message: format!("Heads-up sent to {to_whom}: {name} is on the way"),
                    },
                    Err(error @ StoreError::UnknownStation { .. }) => Msg::NeedsConfirmation(error.to_string()),
                    Err(error) => not_saved(error),
                }
            }
            Submission::Recovery { recovery, .. } => {
                let category = inert(&recovery.category).into_owned();
                let said = match guest {
                    Some(_) => format!("Recovery recorded for {name}: {category}"),
                    None => format!("Recovery recorded with no guest: {category}"),
                };
                match self.store.add_recovery(guest, recovery, &staff) {
                    Ok(recovery) => written(said, Some(Undo::RecoveryAdded(recovery))),
                    Err(error) => not_saved(error),
                }
            }
        }
    }

    /// Takes back a write, with the store operation that inverts it; the message names the guest.
    fn undo(&mut self, who: Who, guest: Option<crate::domain::GuestId>, undo: Undo) -> Msg {
        let staff = self.staff.clone();
        let name = who.name.clone();
        let done = |message: String| Msg::Written { who: who.clone(), message, undo: None };
        let result = match (undo, guest) {
            (Undo::Visit(visit), _) => {
                self.store.undo_visit(visit, &staff).map(|()| done(format!("Took back the visit for {name}")))
            }
            (Undo::FollowUp { recovery, index }, _) => self
                .store
                .set_follow_up(recovery, index, false, &staff)
                .map(|()| done(format!("Follow-up {} open again for {name}", index + 1))),
            (Undo::GuestAdded, Some(guest)) => self.store.undo_guest_added(guest, &staff).map(|()| {
                self.worker.refresh(guest);
                // The guest is gone: nothing to show of them.
                Msg::Written {
                    who: Who { guest: None, name: name.clone() },
                    message: format!("Took back the new guest {name}"),
                    undo: None,
                }
            }),
            (Undo::GuestEdited { version, after, before }, Some(guest)) => self
                .store
                .edit_guest(guest, version, &after, *before, &staff)
                .map(|_| done(format!("Took back the edit of {name}"))),
            (Undo::RecoveryAdded(recovery), guest) => self.store.undo_recovery_added(recovery, &staff).map(|()| {
                done(match guest {
                    Some(_) => format!("Took back the recovery for {name}"),
                    None => "Took back the recovery with no guest".to_owned(),
                })
            }),
            (Undo::Resolved(recovery), _) => self
                .store
                .reopen_recovery(recovery, &staff)
                .map(|()| done(format!("The recovery for {name} is open again"))),
            (Undo::Merged(merged), _) => self.store.unmerge(&merged, &staff).map(|()| {
                self.worker.refresh(merged.from.id);
                let away = inert(&merged.from.profile.name).into_owned();
                done(format!("Took back the merge: {away} and {name} are two entries again"))
            }),
            (Undo::Written(id), _) => {
                self.store.undo_written(id, &staff).map(|()| done(format!("{name} is on the outreach list again")))
            }
            (Undo::GuestAdded | Undo::GuestEdited { .. }, None) => {
                return Msg::Failed("Nothing to take back: no guest".to_owned());
            }
        };
        result.unwrap_or_else(|error| Msg::Failed(format!("Not taken back for {name}: {error}")))
    }

    fn load_demo(&mut self) -> Msg {
        let records = demo::guests(self.demo_guests, 1, Local::now().date_naive());
        match self.store.import(records, &self.staff, "demo seed 1") {
            Ok(summary) => {
                self.worker.reload();
                Msg::BookChanged { message: format!("Loaded {} demo guests", summary.added) }
            }
            Err(error) => Msg::Failed(format!("Demo guests not loaded: {error}")),
        }
    }
}
