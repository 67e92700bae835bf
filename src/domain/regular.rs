//! Who is a regular, by one rule for the card, the list and tonight's arrivals: at least `regular_visits` visits
//! (a setting) in the last 365 days. A guest whose last visit before this one was more than a year ago is back
//! after a long time instead, and said so.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::{GuestId, Visit};

/// How many visits in the last year make a regular unless the settings say otherwise.
pub const REGULAR_VISITS: usize = 4;

/// How far back the rule looks, and how long away makes a guest "back".
pub const YEAR_DAYS: i64 = 365;

/// What the rule says of a guest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// This many visits in the last 365 days, `regular_visits` or more.
    Regular(usize),
    /// Back (or not yet back) after this many whole years away, one at least.
    Back(i64),
}

/// The mark of a guest with `visits` (oldest first: the latest ones held, which must be at least `regular_visits`
/// when there are more) at `now`; `None` for a guest neither regular nor long away.
pub fn mark(visits: &[Visit], now: DateTime<Utc>, regular_visits: usize) -> Option<Mark> {
    let year = Duration::days(YEAR_DAYS);
    let mut latest = visits.iter().rev().map(|v| v.at);
    let last = latest.next()?;
    // Back today after a year away: the visit logged as they came is the latest, the one before it the gap.
    let gap_from = match now - last < Duration::days(1) {
        true => latest.next().map(|before| (before, last)),
        false => Some((last, now)),
    };
    if let Some((from, to)) = gap_from.filter(|(from, to)| *to - *from > year) {
        return Some(Mark::Back(((to - from).num_days() / YEAR_DAYS).max(1)));
    }
    regular(visits.iter().map(|v| v.at), now, regular_visits).map(Mark::Regular)
}

/// How many of the visits at `times` fall in the year up to `now`, when they are `regular_visits` or more.
pub fn regular(
    times: impl IntoIterator<Item = DateTime<Utc>>,
    now: DateTime<Utc>,
    regular_visits: usize,
) -> Option<usize> {
    let year = Duration::days(YEAR_DAYS);
    let in_year = times.into_iter().filter(|at| *at <= now && now - *at <= year).count();
    (in_year >= regular_visits).then_some(in_year)
}

/// The visits of every guest who can be a regular, for the result list to mark them without reading the book at
/// each keystroke: a guest's visits in the year up to their own last visit, kept when they are `regular_visits` or
/// more. That holds every visit of the year up to any later moment, so the mark is right whenever it is drawn; a
/// guest with fewer becomes a regular only by visiting, which reads them again.
#[derive(Debug, Default)]
pub struct Recent {
    least: usize,
    /// Seconds since 1970 (four bytes a visit, not twelve: regulars' visits are most of what is kept).
    visits: HashMap<GuestId, Box<[u32]>>,
}

impl Recent {
    /// Nobody yet, keeping guests with at least `regular_visits` visits in their last year.
    pub fn new(regular_visits: usize) -> Self {
        Self { least: regular_visits, visits: HashMap::new() }
    }

    /// How many visits a guest kept here has at least.
    pub fn least(&self) -> usize {
        self.least
    }

    /// `guest`'s visits in the year up to their last (any order), replacing what was kept of them. (A visit
    /// before 1970 or after 2106 is left out: it is in no year this desk will see.)
    pub fn set(&mut self, guest: GuestId, times: Vec<DateTime<Utc>>) {
        let mut times: Vec<u32> = times.iter().filter_map(|at| u32::try_from(at.timestamp()).ok()).collect();
        let year = u32::try_from(Duration::days(YEAR_DAYS).num_seconds()).unwrap_or(u32::MAX);
        let last = times.iter().max().copied().unwrap_or_default();
        times.retain(|at| last - at <= year);
        if times.len() < self.least.max(1) {
            self.visits.remove(&guest);
        } else {
            times.sort_unstable();
            self.visits.insert(guest, times.into_boxed_slice());
        }
    }

    /// What is kept of `guest`: nothing for a guest who cannot be a regular.
    pub fn of(&self, guest: GuestId) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        let times = self.visits.get(&guest).map_or(&[][..], |times| times);
        times.iter().filter_map(|at| DateTime::from_timestamp(i64::from(*at), 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn visits(days_ago: &[i64], now: DateTime<Utc>) -> Vec<Visit> {
        let mut at: Vec<DateTime<Utc>> = days_ago.iter().map(|d| now - Duration::days(*d)).collect();
        at.sort();
        at.into_iter()
            .map(|at| Visit {
                at,
                seat: String::new(),
                order: Vec::new(),
                party_size: None,
                staff: String::new(),
                note: String::new(),
            })
            .collect()
    }

    #[test]
    fn four_visits_in_a_year_make_a_regular() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
        assert_eq!(mark(&visits(&[1, 30, 100, 300], now), now, 4), Some(Mark::Regular(4)));
        assert_eq!(mark(&visits(&[1, 30, 100, 400], now), now, 4), None, "one of them over a year ago");
        assert_eq!(mark(&visits(&[1, 30, 100, 400, 500, 600], now), now, 3), Some(Mark::Regular(3)));
        assert_eq!(mark(&[], now, 4), None);
    }

    #[test]
    fn what_is_kept_for_the_list_marks_a_regular_at_any_later_moment() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
        let mut recent = Recent::new(4);
        let times = |days_ago: &[i64]| visits(days_ago, now).into_iter().map(|v| v.at).collect::<Vec<_>>();
        recent.set(GuestId(1), times(&[300, 1, 30, 100, 500]));
        recent.set(GuestId(2), times(&[1, 30, 400]));
        assert_eq!(recent.of(GuestId(1)).count(), 4, "the visit over a year before the last is not kept");
        assert_eq!(recent.of(GuestId(2)).count(), 0, "three visits cannot make a regular");
        let of = |guest, at| regular(recent.of(guest), at, 4);
        assert_eq!(of(GuestId(1), now), Some(4));
        assert_eq!(of(GuestId(1), now + Duration::days(66)), None, "the visit of 300 days ago has left the year");
        assert_eq!(of(GuestId(1), now - Duration::days(2)), None, "before the latest visit");
        recent.set(GuestId(1), Vec::new());
        assert!(recent.visits.is_empty(), "a guest without visits is let go");
    }

    #[test]
    fn a_year_away_is_back_after_n_years() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
        assert_eq!(mark(&visits(&[800, 900], now), now, 4), Some(Mark::Back(2)), "not yet back");
        assert_eq!(mark(&visits(&[0, 400, 500], now), now, 4), Some(Mark::Back(1)), "back today");
        assert_eq!(mark(&visits(&[0, 200], now), now, 4), None);
    }
}
