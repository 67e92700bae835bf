//! Rows that cannot be read (a tag list that is not a list, text where a time belongs — a book edited by hand or by
//! a broken tool): a read for showing passes over them and notes them here, so that one bad row never stops the desk;
//! a read for a write refuses them, so that nothing is saved from half a guest.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

use super::sql::{Row, Sql, Value};
use super::{Result, StoreError};

/// What kind of row could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Guest,
    Visit,
    Recovery,
    /// Known by its recovery's id: follow-ups have no id of their own.
    FollowUp,
    OutreachNote,
    HeadsUp,
    AuditEntry,
    /// Known by name, not by id.
    Station,
}

impl Kind {
    /// The table the row is in, as `regulars doctor` and a database tool name it.
    pub fn table(self) -> &'static str {
        match self {
            Self::Guest => "guests",
            Self::Visit => "visits",
            Self::Recovery => "recoveries",
            Self::FollowUp => "follow_ups",
            Self::OutreachNote => "outreach_contacts",
            Self::HeadsUp => "heads_ups",
            Self::AuditEntry => "audit_log",
            Self::Station => "stations",
        }
    }

    fn said(self) -> &'static str {
        match self {
            Self::Guest => "guest",
            Self::Visit => "visit",
            Self::Recovery => "recovery",
            Self::FollowUp => "a follow-up of recovery",
            Self::OutreachNote => "outreach note",
            Self::HeadsUp => "heads-up",
            Self::AuditEntry => "audit entry",
            Self::Station => "station",
        }
    }
}

/// A row a read passed over: which, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub kind: Kind,
    /// The row's id (a follow-up's recovery's), when that much of it can be read.
    pub id: Option<i64>,
    pub why: String,
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.id {
            Some(id) => write!(f, "{} {id} ({})", self.kind.said(), self.why),
            None => write!(f, "a row of {} ({})", self.kind.table(), self.why),
        }
    }
}

/// The unreadable rows a connection's reads have passed over since they were last asked for, each once; the first
/// `NOTICED_KEPT` are kept with why, the rest only counted (a tool that spoiled every visit must not fill memory).
#[derive(Default)]
pub(super) struct Noticed(RefCell<Seen>);

#[derive(Default)]
struct Seen {
    rows: Vec<Unreadable>,
    known: HashSet<(Kind, Option<i64>)>,
    more: usize,
}

/// How many unreadable rows a connection keeps with why until asked.
const NOTICED_KEPT: usize = 1000;

impl Noticed {
    pub(super) fn note(&self, row: Unreadable) {
        let mut seen = self.0.borrow_mut();
        if seen.known.insert((row.kind, row.id)) {
            if seen.rows.len() < NOTICED_KEPT {
                seen.rows.push(row);
            } else {
                seen.more += 1;
            }
        }
    }

    pub(super) fn note_all(&self, rows: Unreadables) {
        for row in rows.rows {
            self.note(row);
        }
        self.0.borrow_mut().more += rows.more;
    }

    pub(super) fn take(&self) -> Unreadables {
        let seen = self.0.take();
        Unreadables { rows: seen.rows, more: seen.more }
    }
}

/// The unreadable rows reads passed over: those kept with why, and how many more there were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unreadables {
    pub rows: Vec<Unreadable>,
    pub more: usize,
}

impl Unreadables {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.more == 0
    }

    /// How many rows in all.
    pub fn count(&self) -> usize {
        self.rows.len() + self.more
    }
}

/// How a read meets a row it cannot read.
#[derive(Clone, Copy)]
pub(super) enum Reading<'a> {
    /// Fails: what is read is about to be written back.
    Strict,
    /// Passes over it and notes it: what is read is shown or sent out, and the rest must not wait for one row.
    Past(&'a Noticed),
}

impl Reading<'_> {
    /// Meets a row of `kind` that cannot be read: an error when strict, else noted.
    pub(super) fn pass(self, kind: Kind, id: Option<i64>, why: String) -> Result<()> {
        let row = Unreadable { kind, id, why };
        match self {
            Reading::Strict => Err(StoreError::Unreadable(Box::new(row))),
            Reading::Past(noticed) => {
                noticed.note(row);
                Ok(())
            }
        }
    }
}

impl dyn Sql + '_ {
    /// As `each`, over rows of `kind` whose column 0 is the row's id, meeting an unreadable row as `reading` says;
    /// returns the ids of the rows passed over (for what hangs on them). `each` must change nothing before it has
    /// read the whole row, so that a row passed over leaves no trace.
    pub(super) fn each_of(
        &self,
        reading: Reading<'_>,
        kind: Kind,
        sql: &str,
        args: &[Value],
        each: &mut dyn FnMut(&dyn Row) -> Result<()>,
    ) -> Result<Vec<Option<i64>>> {
        let mut passed = Vec::new();
        self.each(sql, args, &mut |row| match each(row) {
            Err(StoreError::Corrupt(why)) => {
                let id = row.int(0).ok().flatten();
                passed.push(id);
                reading.pass(kind, id, why)
            }
            other => other,
        })?;
        Ok(passed)
    }

    /// Every row of `kind` as `each_of` reads them, each made into a `T`.
    pub(super) fn rows_of<T>(
        &self,
        reading: Reading<'_>,
        kind: Kind,
        sql: &str,
        args: &[Value],
        mut make: impl FnMut(&dyn Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut rows = Vec::new();
        self.each_of(reading, kind, sql, args, &mut |row| {
            rows.push(make(row)?);
            Ok(())
        })?;
        Ok(rows)
    }
}
