//! The mishap tally: how often each kind of mishap happens, what it costs, how fast it is put right — so a team
//! can fix the worst first.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::GuestId;

/// One recovery as the tally counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mishap {
    pub guest: Option<GuestId>,
    pub category: String,
    pub opened_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub cost: Option<f64>,
}

/// The period a tally covers unless told otherwise, in days.
pub const REPORT_DAYS: i64 = 90;

/// How many weeks the trend shows.
pub const TREND_WEEKS: usize = 12;

/// The figures for one category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryTally {
    pub category: String,
    /// Mishaps opened in the period.
    pub count: usize,
    /// Opened in the 7, 30 and 90 days up to the period's end.
    pub last_7_days: usize,
    pub last_30_days: usize,
    pub last_90_days: usize,
    /// Opened per week, oldest first, the last week ending at the period's end.
    pub weekly: Vec<u32>,
    pub total_cost: f64,
    /// Median hours from opened to resolved, of those resolved.
    pub median_hours_to_resolve: Option<f64>,
    /// Share of those opened in the period that were resolved on the day they were opened.
    pub resolved_same_day: Option<f64>,
    /// Still open, of those opened in the period.
    pub open: usize,
    /// Guests with two or more mishaps of this kind in the period.
    pub repeat_guests: usize,
    /// Count × average cost (a category with no costs recorded counts each mishap as 1): what to fix first.
    pub priority: f64,
}

/// The tally for a period, categories by priority.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    pub since: DateTime<Utc>,
    pub until: DateTime<Utc>,
    pub categories: Vec<CategoryTally>,
}

/// The `days` calendar days up to `until`: from the start of the first of them to `until`.
pub fn last_days(until: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    (until.date_naive() - Duration::days(days - 1)).and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// Tallies the mishaps opened between `since` and `until` (inclusive), by category, highest priority first; ties by
/// count, then name. Categories with no mishap in the period are left out.
pub fn tally(mishaps: &[Mishap], since: DateTime<Utc>, until: DateTime<Utc>) -> Tally {
    let mut names: Vec<&str> = mishaps.iter().map(|m| m.category.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let mut categories: Vec<CategoryTally> = names
        .into_iter()
        .filter_map(|name| {
            let all: Vec<&Mishap> = mishaps.iter().filter(|m| m.category == name).collect();
            let in_period: Vec<&Mishap> =
                all.iter().copied().filter(|m| m.opened_at >= since && m.opened_at <= until).collect();
            if in_period.is_empty() {
                return None;
            }
            Some(category(name, &all, &in_period, until))
        })
        .collect();
    categories.sort_by(|a, b| {
        b.priority.total_cmp(&a.priority).then(b.count.cmp(&a.count)).then_with(|| a.category.cmp(&b.category))
    });
    Tally { since, until, categories }
}

fn category(name: &str, all: &[&Mishap], in_period: &[&Mishap], until: DateTime<Utc>) -> CategoryTally {
    let within =
        |days: i64| all.iter().filter(|m| m.opened_at <= until && m.opened_at > until - Duration::days(days)).count();
    let mut weekly = vec![0; TREND_WEEKS];
    for m in all.iter().filter(|m| m.opened_at <= until) {
        let weeks_back = usize::try_from((until - m.opened_at).num_days() / 7).unwrap_or(usize::MAX);
        if let Some(slot) = TREND_WEEKS.checked_sub(weeks_back + 1) {
            weekly[slot] += 1;
        }
    }
    let costs: Vec<f64> = in_period.iter().filter_map(|m| m.cost).collect();
    let total_cost: f64 = costs.iter().sum();
    let count = in_period.len();
    let average_cost = if costs.is_empty() { 1.0 } else { total_cost / costs.len() as f64 };
    let mut hours: Vec<f64> =
        in_period.iter().filter_map(|m| m.resolved_at.map(|r| (r - m.opened_at).num_minutes() as f64 / 60.0)).collect();
    hours.sort_by(f64::total_cmp);
    let median_hours_to_resolve = match hours.len() {
        0 => None,
        n if n % 2 == 1 => Some(hours[n / 2]),
        n => Some((hours[n / 2 - 1] + hours[n / 2]) / 2.0),
    };
    let same_day =
        in_period.iter().filter(|m| m.resolved_at.is_some_and(|r| r.date_naive() == m.opened_at.date_naive())).count();
    let mut guests: Vec<GuestId> = in_period.iter().filter_map(|m| m.guest).collect();
    guests.sort_unstable();
    let repeat_guests = guests.chunk_by(|a, b| a == b).filter(|run| run.len() > 1).count();
    CategoryTally {
        category: name.to_owned(),
        count,
        last_7_days: within(7),
        last_30_days: within(30),
        last_90_days: within(90),
        weekly,
        total_cost,
        median_hours_to_resolve,
        resolved_same_day: Some(same_day as f64 / count as f64),
        open: in_period.iter().filter(|m| m.resolved_at.is_none()).count(),
        repeat_guests,
        priority: count as f64 * average_cost,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(month: u32, day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, month, day, hour, 0, 0).unwrap()
    }

    fn mishap(
        guest: Option<i64>,
        category: &str,
        opened: DateTime<Utc>,
        resolved_hours: Option<i64>,
        cost: Option<f64>,
    ) -> Mishap {
        Mishap {
            guest: guest.map(GuestId),
            category: category.into(),
            opened_at: opened,
            resolved_at: resolved_hours.map(|h| opened + Duration::hours(h)),
            cost,
        }
    }

    #[test]
    fn every_figure_on_a_hand_made_book() {
        let until = at(11, 23, 12);
        let since = until - Duration::days(90);
        let mishaps = [
            mishap(Some(1), "late order", at(11, 22, 9), Some(1), Some(5.0)),
            mishap(Some(1), "late order", at(11, 10, 9), Some(20), Some(15.0)),
            mishap(Some(2), "late order", at(10, 1, 9), None, None),
            mishap(None, "noise", at(11, 20, 22), Some(4), None),
            mishap(Some(3), "room upgrade", at(9, 1, 9), Some(72), Some(120.0)),
            // Before the period: counted in no figure but the trend, and not in the trend either (over 12 weeks back).
            mishap(Some(3), "room upgrade", at(1, 5, 9), Some(1), Some(500.0)),
            // A category with nothing in the period is left out.
            mishap(Some(4), "billing error", at(2, 1, 9), None, Some(30.0)),
        ];
        let tally = tally(&mishaps, since, until);
        let names: Vec<&str> = tally.categories.iter().map(|c| c.category.as_str()).collect();
        assert_eq!(names, ["room upgrade", "late order", "noise"], "priority = count × average cost");
        let late = &tally.categories[1];
        assert_eq!((late.count, late.last_7_days, late.last_30_days, late.last_90_days), (3, 1, 2, 3));
        assert_eq!(late.total_cost, 20.0);
        assert_eq!(late.priority, 30.0, "3 × the average of 5 and 15");
        assert_eq!(late.median_hours_to_resolve, Some(10.5));
        assert_eq!(late.resolved_same_day, Some(1.0 / 3.0));
        assert_eq!((late.open, late.repeat_guests), (1, 1));
        assert_eq!(late.weekly.iter().sum::<u32>(), 3);
        assert_eq!(late.weekly[TREND_WEEKS - 1], 1, "the last week holds the 22 November mishap");
        let noise = &tally.categories[2];
        assert_eq!(
            (noise.priority, noise.repeat_guests, noise.resolved_same_day),
            (1.0, 0, Some(0.0)),
            "a guestless mishap counts"
        );
        let room = &tally.categories[0];
        assert_eq!((room.count, room.total_cost, room.median_hours_to_resolve), (1, 120.0, Some(72.0)));
    }

    #[test]
    fn an_empty_book_has_an_empty_tally() {
        let until = at(11, 23, 12);
        assert!(tally(&[], until - Duration::days(30), until).categories.is_empty());
    }
}
