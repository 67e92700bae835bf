//! The return rate, the first hotel's one number: of the guests who visited in a year, how many came again the next
//! year; per month, the share of visits made by guests who had been before; and whether the letters outreach sent
//! brought anyone back within 3, 6 and 12 months.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, FixedOffset, Utc};
use serde::Serialize;

use super::GuestId;

/// How many months the monthly shares go back, this one included.
pub const MONTHS_SHOWN: usize = 12;

/// The guests of one calendar year and how many of them visited again the year after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cohort {
    pub year: i32,
    pub guests: usize,
    pub returned: usize,
    /// `returned / guests`.
    pub share: f64,
    /// The year after has not ended: `returned` may still grow.
    pub so_far: bool,
}

/// One month's visits, and those made by guests who had visited before that month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Month {
    /// "2026-05".
    pub month: String,
    pub visits: usize,
    pub by_returning: usize,
    /// `by_returning / visits`; `None` in a month with no visit.
    pub share: Option<f64>,
}

/// Guests written to by outreach, and how many visited within 3, 6 and 12 months of the letter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Letters {
    pub written: usize,
    pub back_in_3_months: usize,
    pub back_in_6_months: usize,
    pub back_in_12_months: usize,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Returns {
    pub cohorts: Vec<Cohort>,
    pub months: Vec<Month>,
    pub letters: Letters,
}

/// The return rate of the book's `visits` (guest, when: each guest's together, oldest first, as the index of
/// visits by guest reads them) and outreach's `letters` (guest, when written) at `now`, years and months on the
/// desk's clock in `zone`. Every year with a visit before this one is a cohort. One pass, a guest at a time: a book
/// of two million visits is read without a map of them.
pub fn returns(
    visits: &[(GuestId, DateTime<Utc>)],
    letters: &[(GuestId, DateTime<Utc>)],
    now: DateTime<Utc>,
    zone: FixedOffset,
) -> Returns {
    let local = |at: DateTime<Utc>| at.with_timezone(&zone);
    let this_year = local(now).year();
    let month_of = |at: DateTime<Utc>| {
        let at = local(at);
        at.year() * 12 + i32::try_from(at.month0()).unwrap_or_default()
    };
    // The last MONTHS_SHOWN months, oldest first, as year × 12 + month0.
    let last_month = month_of(now);
    let first_month = last_month - MONTHS_SHOWN as i32 + 1;
    let mut months = vec![(0usize, 0usize); MONTHS_SHOWN];
    let mut cohorts: BTreeMap<i32, (usize, usize)> = BTreeMap::new();
    let mut written: BTreeMap<GuestId, Vec<DateTime<Utc>>> = BTreeMap::new();
    for (guest, at) in letters {
        written.entry(*guest).or_default().push(*at);
    }
    let mut back = Letters { written: letters.len(), ..Letters::default() };
    for run in visits.chunk_by(|a, b| a.0 == b.0) {
        let guest = run[0].0;
        let first = month_of(run[0].1);
        let mut years: Vec<i32> = run.iter().map(|(_, at)| local(*at).year()).collect();
        years.dedup();
        for year in years.iter().filter(|y| **y < this_year) {
            let cohort = cohorts.entry(*year).or_default();
            cohort.0 += 1;
            cohort.1 += usize::from(years.binary_search(&(year + 1)).is_ok());
        }
        for (_, at) in run {
            let month = month_of(*at);
            if let Some(slot) = usize::try_from(month - first_month).ok().and_then(|i| months.get_mut(i)) {
                slot.0 += 1;
                // Returning: their first visit was in an earlier month.
                slot.1 += usize::from(first < month);
            }
        }
        for letter in written.get(&guest).into_iter().flatten() {
            let Some(after) = run.iter().map(|(_, at)| *at).find(|at| at > letter).map(|at| at - *letter) else {
                continue;
            };
            back.back_in_3_months += usize::from(after <= Duration::days(91));
            back.back_in_6_months += usize::from(after <= Duration::days(182));
            back.back_in_12_months += usize::from(after <= Duration::days(365));
        }
    }
    let cohorts = cohorts
        .into_iter()
        .map(|(year, (guests, returned))| Cohort {
            year,
            guests,
            returned,
            share: returned as f64 / guests as f64,
            so_far: year + 1 >= this_year,
        })
        .collect();
    let months = (first_month..=last_month)
        .zip(months)
        .map(|(month, (visits, by_returning))| Month {
            month: format!("{:04}-{:02}", month.div_euclid(12), month.rem_euclid(12) + 1),
            visits,
            by_returning,
            share: (visits > 0).then(|| by_returning as f64 / visits as f64),
        })
        .collect();
    Returns { cohorts, months, letters: back }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(year: i32, month: u32, day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(year, month, day, 12, 0, 0).unwrap()
    }

    #[test]
    fn three_of_ten_guests_of_2024_back_in_2025_is_a_share_of_0_3() {
        let mut visits = Vec::new();
        for guest in 1..=10 {
            visits.push((GuestId(guest), at(2024, 3, 1)));
            visits.push((GuestId(guest), at(2024, 9, 1)));
        }
        for guest in 1..=3 {
            visits.push((GuestId(guest), at(2025, 5, 1)));
        }
        visits.sort();
        let utc = FixedOffset::east_opt(0).unwrap();
        let report = returns(&visits, &[], at(2026, 12, 3), utc);
        let of_2024 = &report.cohorts[0];
        assert_eq!((of_2024.year, of_2024.guests, of_2024.returned, of_2024.share), (2024, 10, 3, 0.3));
        assert!(!of_2024.so_far);
        assert_eq!((report.cohorts[1].year, report.cohorts[1].guests, report.cohorts[1].returned), (2025, 3, 0));
        assert_eq!(report.cohorts.len(), 2, "this year's guests have no next year yet");
    }

    #[test]
    fn a_months_share_counts_visits_of_guests_seen_in_an_earlier_month() {
        let visits = [
            (GuestId(1), at(2026, 10, 5)),
            (GuestId(1), at(2026, 11, 5)),
            (GuestId(2), at(2026, 11, 6)),
            (GuestId(2), at(2026, 11, 20)),
        ];
        let report = returns(&visits, &[], at(2026, 11, 30), FixedOffset::east_opt(0).unwrap());
        let november = report.months.last().unwrap();
        assert_eq!((november.month.as_str(), november.visits, november.by_returning), ("2026-11", 3, 1));
        assert_eq!(report.months.len(), MONTHS_SHOWN);
        assert_eq!(report.months[0].share, None);
    }

    #[test]
    fn a_letter_counts_when_its_guest_came_back_within_the_months() {
        let visits = [(GuestId(1), at(2026, 2, 1)), (GuestId(2), at(2026, 8, 1)), (GuestId(3), at(2025, 12, 1))];
        let written = at(2026, 1, 1);
        let letters = [(GuestId(1), written), (GuestId(2), written), (GuestId(3), written)];
        let report = returns(&visits, &letters, at(2026, 12, 3), FixedOffset::east_opt(0).unwrap());
        assert_eq!(
            report.letters,
            Letters { written: 3, back_in_3_months: 1, back_in_6_months: 1, back_in_12_months: 2 }
        );
    }
}
