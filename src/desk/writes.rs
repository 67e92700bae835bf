//! The writing thread: every write of the desk, one after another in the order given, on the desk's own
//! connection — none is dropped, however long another desk holds the book. Each answer names the guest the write
//! was for; a write that removes a guest from the index (a merge, a guest taken back, a demo load) tells the search
//! thread before it answers, so the next search sees it.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

use chrono::{Local, Utc};

use super::{DeskOptions, Outbox, drafts, search};
use crate::demo;
use crate::domain::GuestId;
use crate::domain::text::inert;
use crate::i18n::Said;
use crate::said;
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
    search: search::Inbox,
    outbox: Outbox,
    notes: Arc<Mutex<Vec<Said>>>,
) -> JoinHandle<()> {
    thread::spawn(move || {
        let mut writer = Writer { store, drafts, options, search, outbox };
        while let Ok(request) = inbox.recv() {
            let msg = match request {
                Request::Write { who, write } => Some(writer.write(who, *write)),
                Request::Demo => Some(writer.load_demo()),
                Request::KeepDraft(draft) => {
                    let note = match drafts::keep(&writer.drafts, &writer.options.station, &draft) {
                        Ok(path) => said!("draft-kept", path = path.display().to_string()),
                        Err(error) => said!("draft-not-kept", why = Said::verbatim(error.to_string())),
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
    search: search::Inbox,
    outbox: Outbox,
}

impl Writer {
    /// Has the search thread read `request` before the next search.
    fn tell_search(&self, request: search::Request) {
        self.outbox.more(1);
        if !self.search.send(request) {
            self.outbox.done(1);
        }
    }

    /// One write, and the message that says how it went, naming the guest.
    fn write(&mut self, who: Who, write: Write) -> Msg {
        let staff = self.options.staff.clone();
        let name = who.name.clone();
        let written = |message: Said, undo: Option<Undo>| Msg::Written { who: who.clone(), message, undo };
        let failed = |what: &'static str, error: StoreError| {
            failure(&who, Some(said!("write-not-saved", what = Said::new(what), name = &name)), error)
        };
        match (write, who.guest) {
            (Write::LogVisit { visit, said }, Some(guest)) => match self.store.log_visit(guest, visit, &staff) {
                Ok(visit) => written(said, Some(Undo::Visit(visit))),
                Err(error) => failed("write-the-visit", error),
            },
            (Write::Save(submission), guest) => self.save(who.clone(), guest, *submission),
            (Write::Merge { from, into, said }, _) => match self.store.merge_guests(from, into, &staff) {
                Ok(merged) => {
                    self.tell_search(search::Request::Refresh(from));
                    written(said, Some(Undo::Merged(Box::new(merged))))
                }
                Err(error) => failure(&who, Some(said!("write-not-merged")), error),
            },
            (Write::TickFollowUp { recovery, index, said }, _) => {
                match self.store.set_follow_up(recovery, index, true, &staff) {
                    Ok(()) => written(said, Some(Undo::FollowUp { recovery, index })),
                    Err(error) => failed("write-the-tick", error),
                }
            }
            (Write::Resolve { recovery, category }, _) => {
                match self.store.resolve_recovery(recovery, Utc::now(), &staff) {
                    Ok(()) => written(
                        said!("write-resolved", category = inert(&category), name = &name),
                        Some(Undo::Resolved(recovery)),
                    ),
                    Err(error) => failure(&who, Some(said!("write-not-resolved", name = &name)), error),
                }
            }
            (Write::TakeHeadsUp(id), _) => match self.store.take_heads_up(id, &self.options.station, &staff) {
                Ok(()) => written(said!("write-took-heads-up", name = &name), None),
                Err(error) => failure(&who, Some(said!("write-heads-up-not-taken")), error),
            },
            (Write::NoteWritten { occasion, of }, Some(guest)) => {
                match self.store.note_written(guest, occasion, &of, &staff) {
                    Ok(Some(id)) => written(
                        said!("write-noted-written", name = &name, occasion = occasion_said(occasion)),
                        Some(Undo::Written(id)),
                    ),
                    Ok(None) => {
                        written(said!("write-noted-already", name = &name, occasion = occasion_said(occasion)), None)
                    }
                    Err(error) => failed("write-the-note", error),
                }
            }
            (Write::Undo(undo), guest) => self.undo(who.clone(), guest, undo),
            (Write::Arrival { id, came: true }, _) => match self.store.mark_arrived(id, Utc::now(), &staff) {
                Ok(Some(_)) => written(said!("write-arrived", name = &name), None),
                Ok(None) => written(said!("write-arrived-already", name = &name), None),
                Err(error) => failure(&who, Some(said!("write-arrival-not-marked", name = &name)), error),
            },
            (Write::KeepDrill { progress, said }, _) => match self.store.keep_drill(&staff, &progress) {
                Ok(()) => written(said, None),
                Err(error) => failure(&who, None, error),
            },
            (Write::LinkArrival { id, guest: Some(guest) }, _) => {
                match self.store.link_arrival(id, Some(guest), &staff) {
                    Ok(()) => written(said!("write-arrival-linked", name = &name), None),
                    Err(error) => failure(&who, Some(said!("write-arrival-not-marked", name = &name)), error),
                }
            }
            (Write::LinkArrival { id, guest: None }, _) => match self.store.add_guest_for_arrival(id, &staff) {
                Ok(guest) => {
                    self.tell_search(search::Request::Refresh(guest));
                    Msg::Written {
                        who: Who { guest: Some(guest), name: name.clone() },
                        message: said!("write-arrival-new-guest", name = &name),
                        undo: None,
                    }
                }
                Err(error) => failure(&who, Some(said!("write-arrival-not-marked", name = &name)), error),
            },
            (Write::Arrival { id, came: false }, _) => match self.store.mark_no_show(id, &staff) {
                Ok(()) => written(said!("write-no-show", name = &name), None),
                Err(error) => failure(&who, Some(said!("write-arrival-not-marked", name = &name)), error),
            },
            (Write::LogVisit { .. } | Write::NoteWritten { .. }, None) => Msg::Failed(said!("write-no-guest")),
        }
    }

    /// A form's content into the book: the same store operations as the command line's.
    fn save(&mut self, who: Who, guest: Option<GuestId>, submission: Submission) -> Msg {
        let staff = self.options.staff.clone();
        let name = who.name.clone();
        let written = |message: Said, undo: Option<Undo>| Msg::Written { who: who.clone(), message, undo };
        let not_saved = |error: StoreError| failure(&who, None, error);
        match submission {
            Submission::Arrival(booking) => {
                let name = inert(&booking.name).into_owned();
                let added = self.store.known_guests().and_then(|known| {
                    let links = crate::search::matching::links(std::slice::from_ref(&booking), known);
                    let link = links.into_iter().next().unwrap_or(crate::domain::arrival::Link::New);
                    let said = match &link {
                        crate::domain::arrival::Link::Guest(_) => said!("write-arrival-added-known", name = &name),
                        crate::domain::arrival::Link::Choose(_) => said!("write-arrival-added-choose", name = &name),
                        crate::domain::arrival::Link::New => said!("write-arrival-added-new", name = &name),
                    };
                    self.store.add_arrivals(&[(booking, link)], &staff, "by hand").map(|_| said)
                });
                match added {
                    Ok(said) => written(said, None),
                    Err(error) => not_saved(error),
                }
            }
            Submission::Category { name, owner, goal } => {
                match self.store.set_category(&name, owner.as_deref(), goal, &staff) {
                    Ok(rule) => {
                        let owner =
                            if rule.owner.is_empty() { "—".to_owned() } else { inert(&rule.owner).into_owned() };
                        let goal = rule.goal.map_or_else(|| "—".to_owned(), |g| g.to_string());
                        written(
                            said!("write-category-set", category = inert(&rule.category), owner = owner, goal = goal),
                            None,
                        )
                    }
                    Err(error) => not_saved(error),
                }
            }
            Submission::Visit { guest, visit } => {
                let said = said!("write-visit-logged", name = &name, visit = inert(&visit.seat_and_order()));
                match self.store.log_visit(guest, visit, &staff) {
                    Ok(visit) => written(said, Some(Undo::Visit(visit))),
                    Err(error) => not_saved(error),
                }
            }
            Submission::NewGuest { profile, duplicate_ok } => {
                if !duplicate_ok {
                    match self.store.possible_duplicates(&profile) {
                        Ok(found) if !found.is_empty() => {
                            let named = crate::i18n::duplicates(&found);
                            return Msg::NeedsConfirmation(said!("write-possibly-in-book", guests = named));
                        }
                        Ok(_) => {}
                        Err(error) => return not_saved(error),
                    }
                }
                let added = inert(&profile.name).into_owned();
                match self.store.add_guest(profile, &staff) {
                    Ok(guest) => Msg::Written {
                        who: Who { guest: Some(guest), name: added.clone() },
                        message: said!("write-added", name = &added),
                        undo: Some(Undo::GuestAdded),
                    },
                    Err(error) => not_saved(error),
                }
            }
            Submission::EditGuest { guest, version, base, profile } => {
                match self.store.edit_guest(guest, version, &base, profile, &staff) {
                    Ok(edited) => {
                        let said = match edited.kept_theirs.as_slice() {
                            [] => said!("write-saved", name = &name),
                            kept => {
                                let fields: Vec<Said> = kept.iter().map(|field| Said::named("field", field)).collect();
                                said!("write-saved-keeping", name = &name, fields = fields)
                            }
                        };
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
                let to_whom = to.as_deref().map_or_else(|| said!("write-every-station"), |s| Said::verbatim(inert(s)));
                let station = self.options.station.clone();
                match self.store.send_heads_up(guest, &station, to.as_deref(), &note, &staff, new_station) {
                    Ok(id) => Msg::HeadsUpSent {
                        who: who.clone(),
                        id,
                        message: said!("write-heads-up-sent", to = to_whom, name = &name),
                    },
                    Err(error @ StoreError::UnknownStation { .. }) => {
                        Msg::NeedsConfirmation(crate::i18n::error(&error))
                    }
                    Err(error) => not_saved(error),
                }
            }
            Submission::Recovery { recovery, .. } => {
                let category = inert(&recovery.category).into_owned();
                let said = match guest {
                    Some(_) => said!("write-recovery-recorded", name = &name, category = &category),
                    None => said!("write-mishap-recorded", category = &category),
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
        let done = |message: Said| Msg::Written { who: who.clone(), message, undo: None };
        let result = match (undo, guest) {
            (Undo::Visit(visit), _) => {
                self.store.undo_visit(visit, &staff).map(|()| done(said!("undo-took-back-visit", name = &name)))
            }
            (Undo::FollowUp { recovery, index }, _) => self
                .store
                .set_follow_up(recovery, index, false, &staff)
                .map(|()| done(said!("undo-follow-up-open", n = index + 1, name = &name))),
            (Undo::GuestAdded, Some(guest)) => self.store.undo_guest_added(guest, &staff).map(|()| {
                self.tell_search(search::Request::Refresh(guest));
                // The guest is gone: nothing to show of them.
                Msg::Written {
                    who: Who { guest: None, name: name.clone() },
                    message: said!("undo-took-back-new-guest", name = &name),
                    undo: None,
                }
            }),
            (Undo::GuestEdited { version, after, before }, Some(guest)) => self
                .store
                .edit_guest(guest, version, &after, *before, &staff)
                .map(|_| done(said!("undo-took-back-edit", name = &name))),
            (Undo::RecoveryAdded(recovery), guest) => self.store.undo_recovery_added(recovery, &staff).map(|()| {
                done(match guest {
                    Some(_) => said!("undo-took-back-recovery", name = &name),
                    None => said!("undo-took-back-mishap"),
                })
            }),
            (Undo::Resolved(recovery), _) => {
                self.store.reopen_recovery(recovery, &staff).map(|()| done(said!("undo-recovery-open", name = &name)))
            }
            (Undo::Merged(merged), _) => self.store.unmerge(&merged, &staff).map(|()| {
                self.tell_search(search::Request::Refresh(merged.from.id));
                let away = inert(&merged.from.profile.name).into_owned();
                done(said!("undo-took-back-merge", away = away, name = &name))
            }),
            (Undo::Written(id), _) => {
                self.store.undo_written(id, &staff).map(|()| done(said!("undo-outreach-again", name = &name)))
            }
            (Undo::GuestAdded | Undo::GuestEdited { .. }, None) => {
                return Msg::Failed(said!("undo-no-guest"));
            }
        };
        result.unwrap_or_else(|error| failure(&who, Some(said!("undo-not-taken-back", name = &name)), error))
    }

    fn load_demo(&mut self) -> Msg {
        let records = demo::guests(self.options.demo_guests, 1, Local::now().date_naive());
        match self.store.import(records, &self.options.staff, "demo seed 1") {
            Ok(summary) => {
                self.tell_search(search::Request::Reload);
                Msg::BookChanged { message: said!("write-demo-loaded", n = summary.added) }
            }
            Err(error) => Msg::Failed(said!("write-demo-not-loaded", why = crate::i18n::error(&error))),
        }
    }
}

/// What to say of a write that failed with `error`: "`what`: why" (a form's own failure is said alone, in the
/// form). A write whose connection dropped as the server confirmed it was saved all the same: that is said as
/// done, with no undo (what the server returned was lost), and the card is read again like any write's.
fn failure(who: &Who, what: Option<Said>, error: StoreError) -> Msg {
    let why = crate::i18n::error(&error);
    match (error, what) {
        (StoreError::AlreadySaved, _) => Msg::Written {
            who: who.clone(),
            message: match who.name.as_str() {
                "" => said!("write-saved-anyway", why = why),
                name => said!("write-saved-anyway-for", name = name, why = why),
            },
            undo: None,
        },
        (_, None) => Msg::Failed(why),
        (_, Some(what)) => Msg::Failed(said!("write-failed", what = what, why = why)),
    }
}

/// An occasion for writing, as a message says it: "the birthday".
fn occasion_said(occasion: crate::domain::outreach::Occasion) -> Said {
    Said::new(match occasion {
        crate::domain::outreach::Occasion::Birthday => "write-for-birthday",
        crate::domain::outreach::Occasion::Lapsed => "write-for-lapsed",
    })
}
