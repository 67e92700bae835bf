//! The guest book's world, with no terminal and no SQL: guests, visits, the usual, recoveries.

pub mod guest;
pub mod merge;
pub mod recovery;
pub mod text;
pub mod usual;
pub mod visit;
pub mod when;

use chrono::{DateTime, Utc};
use thiserror::Error;

pub use guest::{Birthday, Guest, GuestId, Profile};
pub use merge::{GuestRecord, MergePlan};
pub use recovery::{FollowUp, Recovery, RecoveryId};
pub use usual::{LastSeat, TheUsual};
pub use visit::{Visit, VisitId};

/// A value the guest book will not take, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{field}: {problem}")]
pub struct ValidationError {
    pub field: &'static str,
    pub problem: String,
}

impl ValidationError {
    pub fn new(field: &'static str, problem: impl Into<String>) -> Self {
        Self { field, problem: problem.into() }
    }
}

fn check_len(field: &'static str, value: &str, max: usize) -> Result<(), ValidationError> {
    let chars = value.chars().count();
    if chars > max {
        return Err(ValidationError::new(field, format!("is too long ({chars} characters; at most {max})")));
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

/// One guest with their whole history: visits oldest first, recoveries oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct GuestHistory {
    pub guest: Guest,
    pub visits: Vec<Visit>,
    pub recoveries: Vec<RecoveryEntry>,
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

impl GuestHistory {
    /// The card for this guest.
    pub fn card(&self) -> Card<'_> {
        let mut open_recoveries: Vec<&RecoveryEntry> =
            self.recoveries.iter().filter(|entry| entry.recovery.is_open()).collect();
        open_recoveries.sort_by_key(|entry| std::cmp::Reverse(entry.recovery.opened_at));
        Card {
            guest: &self.guest,
            last_seat: usual::last_seat(&self.visits),
            usual_seat: usual::usual_seat(&self.visits),
            the_usual: usual::the_usual(&self.visits),
            visit_count: self.visits.len(),
            first_visit: self.visits.first().map(|v| v.at),
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
            follow_ups: vec![FollowUp { task: "fans".into(), done: false }],
            resolved_at: resolved.then_some(at),
            staff: String::new(),
        }
    }

    #[test]
    fn card_lists_open_recoveries_newest_first() {
        let guest = Guest { id: GuestId(1), version: 1, profile: Profile { name: "Yu".into(), ..Default::default() } };
        let recoveries = [(1, false), (2, true), (3, false)]
            .into_iter()
            .map(|(day, resolved)| RecoveryEntry { id: RecoveryId(day.into()), recovery: recovery(day, resolved) })
            .collect();
        let history = GuestHistory { guest, visits: vec![], recoveries };
        let open: Vec<RecoveryId> = history.card().open_recoveries.iter().map(|e| e.id).collect();
        assert_eq!(open, [RecoveryId(3), RecoveryId(1)]);
    }
}
