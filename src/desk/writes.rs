//! The writing thread: every write of the desk, one after another in the order given, on the desk's own
//! connection — none is dropped, however long another desk holds the book. Each answer names the guest the write
//! was for; a write that removes a guest from the index (a merge, a guest taken back, a demo load) tells the search
//! thread before it answers, so the next search sees it.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

use chrono::{Local, Utc};

use super::{DeskOptions, Outbox, drafts, search};
use crate::demo;
use crate::domain::GuestId;
use crate::domain::text::inert;
use crate::store::{Store, StoreError};
use crate::tui::action::{Msg, Undo, Who, Write};
use crate::tui::form::{Draft, Submission};

pub(super) enum Request {
    Write {
        who: Who,
        write: Box<Write>,
    },
    Demo,
    /// Keep a form's typing in the station's draft file (the screen is being closed).
    KeepDraft(Box<Draft>),
}

pub(super) fn spawn(
    store: Store,
    drafts: PathBuf,
    options: DeskOptions,
    inbox: Receiver<Request>,
    search: Sender<search::Request>,
    outbox: Outbox,
    notes: Arc<Mutex<Vec<String>>>,
) -> JoinHandle<()> {
    thread::spawn(move || {
        let mut writer = Writer { store, drafts, options, search, outbox };
        while let Ok(request) = inbox.recv() {
            let msg = match request {
                Request::Write { who, write } => Some(writer.write(who, *write)),
                Request::Demo => Some(writer.load_demo()),
                Request::KeepDraft(draft) => {
                    let note = match drafts::keep(&writer.drafts, &writer.options.station, &draft) {
                        Ok(path) => format!(
                            "the form being typed is kept in {}; it is offered back the next time this station opens the screen",
                            path.display()
                        ),
                        Err(error) => format!("the form being typed could not be kept: {error}"),
                    };
                    if let Ok(mut notes) = notes.lock() {
                        notes.push(note);
                    }
                    None
                }
            };
            if let Some(msg) = msg {
                writer.outbox.send(msg);
            }
            writer.outbox.passed_over(&writer.store);
            writer.outbox.done(1);
        }
    })
}

/// The desk's writer: its connection, who it writes as, and the search thread to tell.
struct Writer {
    store: Store,
    /// Where drafts are kept beside (see `Desk::path`).
    drafts: PathBuf,
    options: DeskOptions,
    search: Sender<search::Request>,
    outbox: Outbox,
}

impl Writer {
    /// Has the search thread read `request` before the next search.
    fn tell_search(&self, request: search::Request) {
        self.outbox.more(1);
        if self.search.send(request).is_err() {
            self.outbox.done(1);
        }
    }

    /// One write, and the message that says how it went, naming the guest.
    fn write(&mut self, who: Who, write: Write) -> Msg {
        let staff = self.options.staff.clone();
        let name = who.name.clone();
        let written = |message: String, undo: Option<Undo>| Msg::Written { who: who.clone(), message, undo };
        let failed = |what: &str, error: StoreError| failure(&who, format!("{what} for {name} not saved"), error);
        match (write, who.guest) {
            (Write::LogVisit { visit, said }, Some(guest)) => match self.store.log_visit(guest, visit, &staff) {
                Ok(visit) => written(said, Some(Undo::Visit(visit))),
                Err(error) => failed("The visit", error),
            },
            (Write::Save(submission), guest) => self.save(who.clone(), guest, *submission),
            (Write::Merge { from, into, said }, _) => match self.store.merge_guests(from, into, &staff) {
                Ok(merged) => {
                    self.tell_search(search::Request::Refresh(from));
                    written(said, Some(Undo::Merged(Box::new(merged))))
                }
                Err(error) => failure(&who, "Not merged".to_owned(), error),
            },
            (Write::TickFollowUp { recovery, index, said }, _) => {
                match self.store.set_follow_up(recovery, index, true, &staff) {
                    Ok(()) => written(said, Some(Undo::FollowUp { recovery, index })),
                    Err(error) => failed("The tick", error),
                }
            }
            (Write::Resolve { recovery, category }, _) => {
                match self.store.resolve_recovery(recovery, Utc::now(), &staff) {
                    Ok(()) => {
                        written(format!("Resolved “{}” for {name}", inert(&category)), Some(Undo::Resolved(recovery)))
                    }
                    Err(error) => failure(&who, format!("Not resolved for {name}"), error),
                }
            }
            (Write::TakeHeadsUp(id), _) => match self.store.take_heads_up(id, &self.options.station, &staff) {
                Ok(()) => written(format!("Took the heads-up: {name} is yours"), None),
                Err(error) => failure(&who, "Heads-up not taken".to_owned(), error),
            },
            (Write::NoteWritten { occasion, of }, Some(guest)) => {
                match self.store.note_written(guest, occasion, &of, &staff) {
                    Ok(Some(id)) => written(
                        format!("Noted: {name} was written to for the {}", occasion.words()),
                        Some(Undo::Written(id)),
                    ),
                    Ok(None) => {
                        written(format!("{name} was noted as written to for the {} already", occasion.words()), None)
                    }
                    Err(error) => failed("The note", error),
                }
            }
            (Write::Undo(undo), guest) => self.undo(who.clone(), guest, undo),
            (Write::LogVisit { .. } | Write::NoteWritten { .. }, None) => Msg::Failed("No guest for it".to_owned()),
        }
    }

    /// A form's content into the book: the same store operations as the command line's.
    fn save(&mut self, who: Who, guest: Option<GuestId>, submission: Submission) -> Msg {
        let staff = self.options.staff.clone();
        let name = who.name.clone();
        let written = |message: String, undo: Option<Undo>| Msg::Written { who: who.clone(), message, undo };
        let not_saved = |error: StoreError| failure(&who, String::new(), error);
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
                let station = self.options.station.clone();
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
    fn undo(&mut self, who: Who, guest: Option<GuestId>, undo: Undo) -> Msg {
        let staff = self.options.staff.clone();
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
                self.tell_search(search::Request::Refresh(guest));
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
                self.tell_search(search::Request::Refresh(merged.from.id));
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
        result.unwrap_or_else(|error| failure(&who, format!("Not taken back for {name}"), error))
    }

    fn load_demo(&mut self) -> Msg {
        let records = demo::guests(self.options.demo_guests, 1, Local::now().date_naive());
        match self.store.import(records, &self.options.staff, "demo seed 1") {
            Ok(summary) => {
                self.tell_search(search::Request::Reload);
                Msg::BookChanged { message: format!("Loaded {} demo guests", summary.added) }
            }
            Err(error) => Msg::Failed(format!("Demo guests not loaded: {error}")),
        }
    }
}

/// What to say of a write that failed with `error`: "`what`: why" (a form's own failure is said alone, in the
/// form). A write whose connection dropped as the server confirmed it was saved all the same: that is said as
/// done, with no undo (what the server returned was lost), and the card is read again like any write's.
fn failure(who: &Who, what: String, error: StoreError) -> Msg {
    match error {
        StoreError::AlreadySaved => Msg::Written {
            who: who.clone(),
            message: match who.name.as_str() {
                "" => format!("Saved: {error}"),
                name => format!("Saved for {name}: {error}"),
            },
            undo: None,
        },
        error if what.is_empty() => Msg::Failed(error.to_string()),
        error => Msg::Failed(format!("{what}: {error}")),
    }
}
