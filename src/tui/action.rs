//! What the user asks for, and what comes back from the search thread and the store.

use serde::{Deserialize, Serialize};

use super::form::{Draft, Submission};
use super::ui::Layout;
use crate::domain::heads_up::HeadsUp;
use crate::domain::outreach::Occasion;
use crate::domain::tally::Tally;
use crate::domain::{GuestHistory, GuestId, Profile, RecoveryId, Visit, VisitId};
use crate::i18n::Said;
use crate::report::OutreachRow;
use crate::search::Results;
use crate::store::{AuditEntry, ClashReport, Merged, Unreadables};
use chrono::{DateTime, FixedOffset, Utc};

/// A user intent, produced by the keymap from a key or mouse event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Type a character: into the search line, or on an open card as the start of the next search.
    Insert(char),
    /// Pasted text, inserted like typing.
    Paste(String),
    DeleteBack,
    /// The cluster under the cursor.
    DeleteForward,
    DeleteWord,
    DeleteWordForward,
    DeleteToEnd,
    ClearQuery,
    CursorLeft,
    CursorRight,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    SelectPrev,
    SelectNext,
    PageUp,
    PageDown,
    SelectFirst,
    SelectLast,
    /// A click on the n-th visible row of the result list.
    Click(usize),
    /// Open the selected guest's card (the top match of the query as typed, once it is found).
    OpenGuest,
    /// Esc: close the card, cancel what is pending, or clear the search.
    Back,
    ToggleHelp,
    /// Fill an empty book with demo guests.
    LoadDemo,
    /// Log a visit now at the usual seat with the usual order.
    LogUsual,
    /// Tick the next open follow-up of the newest open recovery (this station's own first).
    TickFollowUp,
    /// The promises list: every open follow-up in the book.
    ShowPromises,
    /// Tick the promise selected on the promises list.
    TickPromise,
    /// The tally: name who answers for a category, and its goal.
    CategoryForm,
    /// Resolve the newest open recovery (asks for the key again first).
    ResolveRecovery,
    /// Take back this session's last write for the guest on screen.
    Undo,
    /// Open the form to log a visit for the selected guest.
    VisitForm,
    /// Open the form to add a guest (named as typed on the search line).
    NewGuestForm,
    /// Open the form to edit the selected guest.
    EditGuestForm,
    /// Open the form to record a recovery for the guest on screen.
    RecoveryForm,
    /// Open the form to record a recovery for nobody in particular.
    MishapForm,
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
    /// Tonight's arrivals: who is expected, how to greet them, what they need.
    ShowArrivals,
    /// The arrival selected came: mark it arrived and log their visit at the reserved table.
    MarkArrived,
    /// The arrival selected did not come.
    MarkNoShow,
    /// The arrival selected is someone new: add them as a guest from the booking.
    ArrivalIsNew,
    /// The form to add a booking by hand to the arrivals of the day shown.
    ArrivalForm,
    /// The name drill on the night shown.
    ShowDrill,
    /// The arrivals of the day before, the day after the one shown.
    DayBefore,
    DayAfter,
    /// The screen's next language (English, Simplified, Traditional Chinese), without a restart.
    SwitchLanguage,
    /// The form to tell other desks the selected guest is on the way.
    HeadsUpForm,
    /// Open the card of the guest the newest heads-up is about.
    OpenHeadsUp,
    /// Take the newest heads-up: it clears here, the other desks see who took it.
    TakeHeadsUp,
    NextField,
    PreviousField,
    /// The outreach list's other page: birthdays, lapsed regulars.
    NextPage,
    /// Note that the guest selected on the outreach list has been written to, for this occasion.
    NoteWritten,
    /// Ctrl-S in a form.
    Save,
    Quit,
}

/// Everything `App::update` reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Action(Action),
    Resize(u16, u16),
    Results(Results),
    /// A guest's history (the one asked for with `ticket`), or why it could not be read.
    Card {
        ticket: u64,
        card: Result<Box<GuestHistory>, Said>,
    },
    /// The book changed in bulk and the search thread has the new index: search again.
    BookChanged {
        message: Said,
    },
    /// A write went through: for whom, what to say, and how to take it back.
    Written {
        who: Who,
        message: Said,
        undo: Option<Undo>,
    },
    /// A heads-up went out: this desk follows it until another desk takes it.
    HeadsUpSent {
        who: Who,
        id: i64,
        message: Said,
    },
    /// The mishap tally for the period asked for.
    Report {
        ticket: u64,
        tally: Box<Tally>,
    },
    /// The return rate, for the tally's panel: read after the tally, as it reads every visit.
    Returns {
        ticket: u64,
        returns: Box<crate::domain::returns::Returns>,
    },
    /// A part of the outreach list, in order. The first part says how many guests each page holds (birthdays,
    /// regulars away) and replaces the list shown; the next ones add to it until one says there is no `more`.
    Outreach {
        ticket: u64,
        rows: Vec<OutreachRow>,
        counts: Option<[usize; 2]>,
        more: bool,
    },
    /// The drill's cards for the night.
    Drill {
        ticket: u64,
        deck: Box<crate::store::Deck>,
    },
    /// The day's arrivals, prepared from their guests' cards.
    Arrivals {
        ticket: u64,
        rows: Vec<crate::domain::arrival::Prepared>,
    },
    /// The audit log, newest first.
    Log {
        ticket: u64,
        entries: Vec<AuditEntry>,
    },
    /// Where the renderer put the panes, fed back after a draw: paging and clicks go by it.
    Layout(Layout),
    /// A form typed before the screen was closed by a signal, offered back.
    Draft(Box<Draft>),
    /// The terminal closed or the process was told to end (SIGTERM, SIGHUP, SIGINT): keep what is typed, then quit.
    Closing,
    /// Another desk wrote: these guests changed; these are the heads-ups of the last while and the book's open
    /// promises.
    Elsewhere {
        guests: Vec<GuestId>,
        heads_ups: Vec<HeadsUp>,
        promises: Vec<crate::domain::promise::Promise>,
    },
    /// The clock moved on with no key: a promise may have fallen due.
    Tick,
    /// What the house serves most, the recovery categories in use and the stations known, for completing forms.
    House {
        items: Vec<String>,
        categories: Vec<String>,
        stations: Vec<String>,
    },
    /// Another desk changed a field the edit being saved changed too: theirs, and the edit reconciled with it.
    Clash(Box<ClashReport>),
    /// The save needs a deliberate second Ctrl-S: a possible duplicate guest, a station no desk uses.
    NeedsConfirmation(Said),
    /// A failure to report on the status line, or in the form being saved.
    Failed(Said),
    /// Rows of the book a read passed over because they cannot be read: what is shown is the rest.
    Unreadable(Unreadables),
    /// The book's server could not be reached, or can be again.
    Link(Link),
}

/// Whether the desk reaches the book's server (a file book is always reached).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// Why not: the server is down, or the network is.
    Lost(String),
    Back,
}

/// Whom a write is for: the guest (none for a recovery with no guest) and how the screen names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub guest: Option<GuestId>,
    /// The greeting, or the name; already inert.
    pub name: String,
}

/// How to take back a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    Visit(VisitId),
    FollowUp {
        recovery: RecoveryId,
        index: usize,
    },
    GuestAdded,
    /// The profile before the edit, to be put back over the profile the edit saved (at `version`).
    GuestEdited {
        version: i64,
        after: Box<Profile>,
        before: Box<Profile>,
    },
    RecoveryAdded(RecoveryId),
    Resolved(RecoveryId),
    Merged(Box<Merged>),
    /// A note that the guest was written to, by its id.
    Written(i64),
}

impl Undo {
    /// What the write was, for the message that takes it back: "the visit", "the edit".
    pub fn what(&self) -> Said {
        Said::new(match self {
            Undo::Visit(_) => "undo-the-visit",
            Undo::FollowUp { .. } => "undo-the-tick",
            Undo::GuestAdded => "undo-the-new-guest",
            Undo::GuestEdited { .. } => "undo-the-edit",
            Undo::RecoveryAdded(_) => "undo-the-recovery",
            Undo::Resolved(_) => "undo-the-resolve",
            Undo::Merged(_) => "undo-the-merge",
            Undo::Written(_) => "undo-the-note-written",
        })
    }
}

/// A write to the book, with the guest it is for (the same `Who` comes back with the answer).
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// A visit, with what to say once it is saved.
    LogVisit {
        visit: Visit,
        said: Said,
    },
    /// A form's content.
    Save(Box<Submission>),
    Merge {
        from: GuestId,
        into: GuestId,
        said: Said,
    },
    TickFollowUp {
        recovery: RecoveryId,
        index: usize,
        /// What the status line says once it is saved: the task and its recovery, by name.
        said: Said,
    },
    Resolve {
        recovery: RecoveryId,
        category: String,
    },
    TakeHeadsUp(i64),
    /// Note that the guest was written to for an occasion (`of`: which one).
    NoteWritten {
        occasion: Occasion,
        of: String,
    },
    /// Take back a write.
    Undo(Undo),
    /// An arrival came (its visit logged at the reserved table), or did not (`came` false).
    Arrival {
        id: i64,
        came: bool,
    },
    /// Keep how the staff member did on a drill card; `said` is the answer's verdict, said once it is kept.
    KeepDrill {
        progress: crate::domain::drill::Progress,
        said: Said,
    },
    /// Says whom an arrival is for: this guest, or someone new, added from the booking (`None`).
    LinkArrival {
        id: i64,
        guest: Option<GuestId>,
    },
}

/// Work for the runtime: the only way state changes reach the search thread and the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Search {
        generation: u64,
        query: String,
    },
    /// Read a guest's history; the answer carries `ticket`, and only the newest ticket's is shown.
    LoadCard {
        ticket: u64,
        guest: GuestId,
    },
    /// Read what forms complete from: the house's frequent items, the recovery categories, the stations.
    LoadHouse,
    /// Tally the mishaps opened since then, up to now.
    LoadReport {
        ticket: u64,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
        /// The desk's zone, for the return rate's years and months.
        zone: FixedOffset,
    },
    /// Read the audit log.
    LoadLog {
        ticket: u64,
    },
    /// Read the drill's cards for `staff` on the night of `day`.
    LoadDrill {
        ticket: u64,
        day: chrono::NaiveDate,
        now: DateTime<Utc>,
        staff: String,
    },
    /// Read `day`'s arrivals, prepared as of `today` on the desk's clock, `regular_visits` a year making a regular.
    LoadArrivals {
        ticket: u64,
        day: chrono::NaiveDate,
        today: chrono::NaiveDate,
        zone: FixedOffset,
        regular_visits: usize,
    },
    /// List the guests to write to, as of `now`.
    LoadOutreach {
        ticket: u64,
        now: DateTime<Utc>,
        zone: FixedOffset,
        /// The language the rows' words are in.
        language: crate::i18n::Language,
    },
    /// Keep a form's typing in a private file, to offer it back next time (the screen is being closed).
    KeepDraft(Box<Draft>),
    /// Have the search thread read this guest again after a write.
    Refresh(GuestId),
    LoadDemo,
    Write {
        who: Who,
        write: Write,
    },
}
