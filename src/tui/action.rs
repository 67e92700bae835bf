//! What the user asks for, and what comes back from the search thread and the store.

use serde::{Deserialize, Serialize};

use super::form::Submission;
use crate::domain::heads_up::HeadsUp;
use crate::domain::tally::Tally;
use crate::domain::{Guest, GuestHistory, GuestId, Profile, RecoveryId, Visit, VisitId};
use crate::report::OutreachRow;
use crate::search::Results;
use crate::store::{AuditEntry, Merged};
use chrono::{DateTime, FixedOffset, Utc};

/// A user intent, produced by the keymap from a key or mouse event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Type a character into the search line.
    Insert(char),
    /// Pasted text, inserted into the search line.
    Paste(String),
    DeleteBack,
    DeleteWord,
    ClearQuery,
    CursorLeft,
    CursorRight,
    SelectPrev,
    SelectNext,
    PageUp,
    PageDown,
    SelectFirst,
    SelectLast,
    /// A click on the n-th visible row of the result list.
    Click(usize),
    /// Open the selected guest's card for commands ("guest mode").
    OpenGuest,
    /// Back to the search line.
    FocusSearch,
    /// Esc: leave guest mode, or clear the query on the search line.
    Back,
    ToggleHelp,
    /// Fill an empty book with demo guests.
    LoadDemo,
    /// Log a visit now at the usual seat with the usual order.
    LogUsual,
    /// Tick the next open follow-up of the newest open recovery.
    TickFollowUp,
    /// Resolve the newest open recovery (asks for the key again first).
    ResolveRecovery,
    /// Take back the last write of this session.
    Undo,
    /// Open the form to log a visit for the selected guest.
    VisitForm,
    /// Open the form to add a guest (named as typed on the search line).
    NewGuestForm,
    /// Open the form to edit the selected guest.
    EditGuestForm,
    /// Open the form to record a recovery: for the guest in guest mode, for nobody in particular from search.
    RecoveryForm,
    /// Merge the selected guest into another, picked next on the search line.
    MergeInto,
    /// The mishap tally screen.
    ShowReports,
    /// The tally over this many days.
    ReportDays(i64),
    /// The outreach list: birthdays coming up, regulars who have not been back.
    ShowOutreach,
    /// Who changed what, and when: the audit log.
    ShowLog,
    /// The form to tell other desks the selected guest is on the way.
    HeadsUpForm,
    /// Open the card of the guest the newest heads-up is about.
    OpenHeadsUp,
    /// Take the newest heads-up: it clears here, the other desks see who took it.
    TakeHeadsUp,
    NextField,
    PreviousField,
    /// Ctrl-S in a form.
    Save,
    /// A letter in guest mode that is not a command.
    Unbound(char),
    Quit,
}

/// Everything `App::update` reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Action(Action),
    Resize(u16, u16),
    Results(Results),
    /// The selected guest's history, or why it could not be read.
    Card(Result<Box<GuestHistory>, String>),
    /// The book changed in bulk and the search thread has the new index: search again.
    BookChanged {
        message: String,
    },
    /// A write went through: what to say, and how to take it back.
    Written {
        guest: GuestId,
        message: String,
        undo: Option<Undo>,
    },
    /// The mishap tally for the period asked for.
    Report(Box<Tally>),
    /// The outreach list.
    Outreach(Vec<OutreachRow>),
    /// The audit log, newest first.
    Log(Vec<AuditEntry>),
    /// Another desk wrote: these guests changed; these are the heads-ups of the last while.
    Elsewhere {
        guests: Vec<GuestId>,
        heads_ups: Vec<HeadsUp>,
    },
    /// What the house serves most and the recovery categories in use, for completing forms.
    House {
        items: Vec<String>,
        categories: Vec<String>,
    },
    /// A write that leaves no guest to show went through (a recovery with no guest, a guest taken back).
    Saved {
        message: String,
        undo: Option<Undo>,
    },
    /// Another desk changed the guest being edited: here it is as they saved it.
    Conflict(Box<Guest>),
    /// A failure to report on the status line, or in the form being saved.
    Failed(String),
}

/// How to take back a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    Visit {
        guest: GuestId,
        visit: VisitId,
    },
    FollowUp {
        guest: GuestId,
        recovery: RecoveryId,
        index: usize,
    },
    GuestAdded {
        guest: GuestId,
    },
    /// The profile before the edit, to be put back over the version the edit made.
    GuestEdited {
        guest: GuestId,
        version: i64,
        before: Box<Profile>,
    },
    RecoveryAdded {
        guest: Option<GuestId>,
        recovery: RecoveryId,
    },
    Resolved {
        guest: GuestId,
        recovery: RecoveryId,
    },
    Merged(Box<Merged>),
}

/// Work for the runtime: the only way state changes reach the search thread and the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Search {
        generation: u64,
        query: String,
    },
    LoadCard(GuestId),
    /// Read what forms complete from: the house's frequent items, the recovery categories.
    LoadHouse,
    /// Tally the mishaps opened since then, up to now.
    LoadReport {
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    },
    /// Read the audit log.
    LoadLog,
    /// List the guests to write to, as of `now`.
    LoadOutreach {
        now: DateTime<Utc>,
        zone: FixedOffset,
    },
    TakeHeadsUp(i64),
    /// Have the search thread read this guest again after a write.
    Refresh(GuestId),
    LoadDemo,
    LogVisit {
        guest: GuestId,
        visit: Visit,
        said: String,
    },
    /// Save a form's content.
    Save(Submission),
    Merge {
        from: GuestId,
        into: GuestId,
    },
    TickFollowUp {
        guest: GuestId,
        recovery: RecoveryId,
        index: usize,
    },
    Resolve {
        guest: GuestId,
        recovery: RecoveryId,
    },
    /// Take back a write.
    Undo(Undo),
}
