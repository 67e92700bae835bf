//! The guest book's world, with no terminal and no SQL: guests, visits, the usual, recoveries.

pub mod allergen;
pub mod arrival;
pub mod cells;
pub mod clash;
pub mod drill;
pub mod goal;
pub mod guest;
pub mod heads_up;
pub mod merge;
pub mod money;
pub mod outreach;
pub mod promise;
pub mod recovery;
pub mod regular;
pub mod returns;
pub mod tally;
pub mod text;
pub mod usual;
pub mod visit;
pub mod when;

use chrono::{DateTime, Utc};
use thiserror::Error;

pub use guest::{Birthday, Guest, GuestId, Noted, Profile};
pub use merge::{GuestRecord, Incoming, MergePlan};
pub use recovery::{FollowUp, Recovery, RecoveryId};
pub use usual::{LastSeat, TheUsual};
pub use visit::{Visit, VisitId};

/// A value the guest book will not take, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{field}: {problem}")]
pub struct ValidationError {
    pub field: &'static str,
    pub problem: Problem,
}

/// What is wrong with a value. Display is English, for logs and JSON; the desk says each in its language (see
/// `i18n::problem`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Problem {
    #[error("is too long ({chars} characters; at most {max})")]
    TooLong { chars: usize, max: usize },
    #[error("is in the year {0}; a time from 1900 to 2199 is taken")]
    Year(i32),
    #[error("is empty; every guest needs a name")]
    NoName,
    #[error("is empty; say what kind of mishap it was")]
    NoCategory,
    #[error("is empty; say what the team changed")]
    NoNote,
    #[error("must be a number from 0 to 1,000,000,000,000")]
    Cost,
    #[error("is before the recovery was opened")]
    BeforeOpened,
    #[error("must be from 1 to 10,000")]
    PartySize,
    #[error("is the same guest")]
    SameGuest,
    #[error("has visits or recoveries now; kept")]
    HasHistory,
    #[error("{0} was resolved already, on {1}; nothing was changed")]
    ResolvedAlready(i64, String),
    #[error("file exists already; nothing was written")]
    Exists,
    #[error("of a server's book is a copy into a new file book (regulars copy) or pg_dump; nothing was written")]
    ServerBackup,
    #[error("the book to copy into is not empty (it has {0}); nothing was copied")]
    NotEmpty(String),
    /// A matter for whoever runs the book (its address, TLS, a repair), in the words of the check or the library
    /// that found it.
    #[error("{0}")]
    Said(String),
}

impl ValidationError {
    pub fn new(field: &'static str, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// Refuses a value longer than `max` characters, naming the field.
pub fn check_len(field: &'static str, value: &str, max: usize) -> Result<(), ValidationError> {
    let chars = value.chars().count();
    if chars > max {
        return Err(ValidationError::new(field, Problem::TooLong { chars, max }));
    }
    Ok(())
}

/// Refuses a time outside the years a guest book can mean, naming the field: a mistyped year (9999, 0202) would
/// otherwise become a guest's last visit for ever, or sort before every other.
pub fn check_time(field: &'static str, at: DateTime<Utc>) -> Result<(), ValidationError> {
    let year = chrono::Datelike::year(&at);
    if !(1900..2200).contains(&year) {
        return Err(ValidationError::new(field, Problem::Year(year)));
    }
    Ok(())
}

/// Trims every item, drops empty ones and checks each against the short-field limit.
fn check_list(field: &'static str, items: &mut Vec<String>) -> Result<(), ValidationError> {
    items.retain(|item| !item.trim().is_empty());
    for item in items.iter_mut() {
        *item = item.trim().to_owned();
        check_len(field, item, guest::SHORT_FIELD_MAX)?;
    }
    Ok(())
}

/// A recovery with the book's id for it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryEntry {
    pub id: RecoveryId,
    pub recovery: Recovery,
}

/// One guest with their history: visits oldest first, recoveries oldest first, and the notes written to them for an
/// occasion (outreach), oldest first. An export or a merge holds every visit; a card only the latest, with what the
/// visits before them add up to in `earlier`, so that a guest of ten years costs what a guest of ten days does.
#[derive(Debug, Clone, PartialEq)]
pub struct GuestHistory {
    pub guest: Guest,
    pub visits: Vec<Visit>,
    pub earlier: Earlier,
    pub recoveries: Vec<RecoveryEntry>,
    pub written: Vec<outreach::Written>,
}

/// What the visits before those held add up to; nothing (the default) when every visit is held.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Earlier {
    pub count: usize,
    pub first: Option<DateTime<Utc>>,
    /// The seat of the latest seated visit among them, and its time: the "old seat" of a guest whose latest visits
    /// were all take-aways.
    pub seat: Option<(String, DateTime<Utc>)>,
}

/// How many past visits a card lists.
pub const RECENT_VISITS_SHOWN: usize = 5;

/// Everything staff need on one screen about a guest, derived from the history.
#[derive(Debug, Clone, PartialEq)]
pub struct Card<'a> {
    pub guest: &'a Guest,
    pub last_seat: Option<LastSeat<'a>>,
    pub usual_seat: Option<&'a str>,
    pub the_usual: Option<TheUsual<'a>>,
    pub visit_count: usize,
    pub first_visit: Option<DateTime<Utc>>,
    /// Unresolved recoveries, newest first.
    pub open_recoveries: Vec<&'a RecoveryEntry>,
    /// The latest visits, newest first.
    pub recent_visits: Vec<&'a Visit>,
}

impl Card<'_> {
    /// A visit at `at` at the usual seat with the usual order: what "the usual" logs. `None` when the guest has
    /// neither a usual seat nor an order yet.
    pub fn the_usual_visit(&self, at: DateTime<Utc>, staff: &str) -> Option<Visit> {
        if self.usual_seat.is_none() && self.the_usual.is_none() {
            return None;
        }
        Some(Visit {
            at,
            seat: self.usual_seat.unwrap_or_default().to_owned(),
            order: self.the_usual.as_ref().map(|usual| usual.items().to_vec()).unwrap_or_default(),
            party_size: None,
            staff: staff.to_owned(),
            note: String::new(),
        })
    }
}

impl GuestHistory {
    /// How many visits the guest has made, held or not.
    pub fn visit_count(&self) -> usize {
        self.earlier.count + self.visits.len()
    }

    /// The time of the latest visit.
    pub fn last_visit(&self) -> Option<DateTime<Utc>> {
        self.visits.last().map(|v| v.at)
    }

    /// The card for this guest.
    pub fn card(&self) -> Card<'_> {
        let mut open_recoveries: Vec<&RecoveryEntry> =
            self.recoveries.iter().filter(|entry| entry.recovery.is_open()).collect();
        open_recoveries.sort_by_key(|entry| std::cmp::Reverse(entry.recovery.opened_at));
        Card {
            guest: &self.guest,
            last_seat: usual::last_seat(&self.visits)
                .or_else(|| self.earlier.seat.as_ref().map(|(seat, at)| LastSeat { seat, at: *at })),
            usual_seat: usual::usual_seat(&self.visits),
            the_usual: usual::the_usual(&self.visits),
            visit_count: self.visit_count(),
            first_visit: self.earlier.first.or_else(|| self.visits.first().map(|v| v.at)),
            open_recoveries,
            recent_visits: self.visits.iter().rev().take(RECENT_VISITS_SHOWN).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn recovery(day: u32, resolved: bool) -> Recovery {
        let at = Utc.with_ymd_and_hms(2025, 6, day, 9, 0, 0).unwrap();
        Recovery {
            opened_at: at,
            category: "room upgrade".into(),
            what_happened: String::new(),
            action_taken: String::new(),
            cost: None,
            follow_ups: vec![FollowUp::new("fans")],
            resolved_at: resolved.then_some(at),
            staff: String::new(),
        }
    }

    #[test]
    fn the_usual_visit_takes_the_usual_seat_and_order() {
        let guest = Guest {
            id: GuestId(1),
            version: 1,
            profile: Profile { name: "Yu".into(), ..Default::default() },
            notes_by: None,
        };
        let visit = |day: u32, seat: &str, order: &[&str]| Visit {
            at: Utc.with_ymd_and_hms(2025, 6, day, 8, 0, 0).unwrap(),
            seat: seat.into(),
            order: order.iter().map(|s| s.to_string()).collect(),
            party_size: Some(2),
            staff: "Ana".into(),
            note: "x".into(),
        };
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap();
        let empty = GuestHistory {
            guest: guest.clone(),
            visits: vec![],
            earlier: Earlier::default(),
            recoveries: vec![],
            written: vec![],
        };
        assert_eq!(empty.card().the_usual_visit(now, "Nok"), None);
        let regular = GuestHistory {
            guest,
            visits: vec![visit(1, "Window 2", &["tea"]), visit(2, "Window 2", &["tea"]), visit(3, "Bar", &["coffee"])],
            recoveries: vec![],
            earlier: Default::default(),
            written: vec![],
        };
        let usual = regular.card().the_usual_visit(now, "Nok").unwrap();
        assert_eq!(
            (usual.at, usual.seat.as_str(), usual.order.as_slice()),
            (now, "Window 2", ["tea".to_owned()].as_slice())
        );
        assert_eq!((usual.party_size, usual.staff.as_str(), usual.note.as_str()), (None, "Nok", ""));
    }

    #[test]
    fn card_lists_open_recoveries_newest_first() {
        let guest = Guest {
            id: GuestId(1),
            version: 1,
            profile: Profile { name: "Yu".into(), ..Default::default() },
            notes_by: None,
        };
        let recoveries = [(1, false), (2, true), (3, false)]
            .into_iter()
            .map(|(day, resolved)| RecoveryEntry { id: RecoveryId(day.into()), recovery: recovery(day, resolved) })
            .collect();
        let history = GuestHistory { guest, visits: vec![], earlier: Earlier::default(), recoveries, written: vec![] };
        let open: Vec<RecoveryId> = history.card().open_recoveries.iter().map(|e| e.id).collect();
        assert_eq!(open, [RecoveryId(3), RecoveryId(1)]);
    }
}
