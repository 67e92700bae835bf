//! Who is a regular, by one rule for the card, the list and tonight's arrivals: at least `regular_visits` visits
//! (a setting) in the last 365 days. A guest whose last visit before this one was more than a year ago is back
//! after a long time instead, and said so.

use chrono::{DateTime, Duration, Utc};

use super::Visit;

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
    let in_year = visits.iter().filter(|v| v.at <= now && now - v.at <= year).count();
    (in_year >= regular_visits).then_some(Mark::Regular(in_year))
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
    fn a_year_away_is_back_after_n_years() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
        assert_eq!(mark(&visits(&[800, 900], now), now, 4), Some(Mark::Back(2)), "not yet back");
        assert_eq!(mark(&visits(&[0, 400, 500], now), now, 4), Some(Mark::Back(1)), "back today");
        assert_eq!(mark(&visits(&[0, 200], now), now, 4), None);
    }
}
