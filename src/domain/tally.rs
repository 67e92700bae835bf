//! The mishap tally: how often each kind of mishap happens, what it costs, how fast it is put right — so a team
//! can fix the worst first, ranked by a priority that weighs recent mishaps, repeat guests and cost (see
//! [`CategoryTally::priority`]).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use serde::Serialize;

use super::GuestId;
use super::goal::{Keeping, Note};
use super::money::{NumberStyle, format_number};

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

/// Mishaps opened this many days before the period's end or less are recent and weigh fully in the priority;
/// older ones weigh half.
pub const RECENT_DAYS: i64 = 30;

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
    /// The costs recorded, added up; 0 when none was.
    pub total_cost: f64,
    /// Median hours from opened to resolved, of those resolved.
    pub median_hours_to_resolve: Option<f64>,
    /// Share of those opened in the period that were resolved on the day they were opened.
    pub resolved_same_day: Option<f64>,
    /// Still open, of those opened in the period.
    pub open: usize,
    /// Guests with two or more mishaps of this kind in the period.
    pub repeat_guests: usize,
    /// Of `count`, those opened in the last [`RECENT_DAYS`] up to the period's end (weighing 1 in the priority)…
    pub recent: usize,
    /// …and those opened before them (weighing 0.5).
    pub older: usize,
    /// Of `count`, those whose guest has two or more of this kind in the period (weighing double).
    pub from_repeat_guests: usize,
    /// Of `count`, those with a cost recorded.
    pub costs_recorded: usize,
    /// What a mishap of this kind cost on average (one with no cost recorded counting as nothing) against the
    /// period's average recorded cost: 1.8 is 1.8 times the average. `None` when none of this kind has a cost, or
    /// the period's average is missing or 0.
    pub cost_vs_average: Option<f64>,
    /// Why the category ranks where it does, as [`CategoryTally::explain`] puts it with a decimal point:
    /// "6 recent · 2 older · 3 from repeat guests · cost 1.8× avg".
    pub why: String,
    /// What to fix first: the sum, over the mishaps m of this kind opened in the period, of
    /// recency(m) × repeat(m) × (1 + cost(m) / average cost), where recency(m) is 1 when m was opened in the last
    /// [`RECENT_DAYS`] up to the period's end, else 0.5; repeat(m) is 2 when m's guest has two or more mishaps of
    /// this kind in the period, else 1 (and 1 for a mishap with no guest); cost(m) is its recorded cost, or 0 when
    /// none was recorded (a missing cost adds nothing: it is never guessed); and the average cost is the mean of
    /// every cost recorded in the period, all categories together (with none, or a mean of 0, the cost term is 0).
    /// A mishap with no cost, recent, from a one-off guest weighs 1.
    pub priority: f64,
    /// Who answers for the category (see [`super::goal::answer`]); `None` when nobody was named.
    pub owner: Option<String>,
    /// Its goal, "1/day"; `None` when none was set.
    pub goal: Option<String>,
    /// Whether the period kept to the goal; `None` without one.
    pub goal_met: Option<bool>,
    /// How its promises were kept: on time, and the first contact.
    #[serde(flatten)]
    pub keeping: Keeping,
    /// What the team changed about it up to the period's end, oldest first (`regulars category note`).
    pub changes: Vec<Note>,
}

impl CategoryTally {
    /// The weeks of [`CategoryTally::weekly`] in which the team changed something, as its slots: for the trend to
    /// mark, so that the effect of a change can be seen.
    pub fn changed_weeks(&self, until: DateTime<Utc>) -> Vec<usize> {
        (self.changes.iter())
            .filter_map(|note| {
                let weeks_back = usize::try_from((until - note.at).num_days() / 7).ok()?;
                TREND_WEEKS.checked_sub(weeks_back + 1)
            })
            .collect()
    }
}

/// The tally for a period, categories by priority.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    pub since: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// The mean of every cost recorded in the period, all categories together, that the priority weighs costs
    /// against; `None` when no cost was recorded or they are all 0.
    pub average_cost: Option<f64>,
    pub categories: Vec<CategoryTally>,
    /// Each owner's categories together (see [`super::goal::answer`]), by name.
    pub owners: Vec<OwnerTally>,
}

/// What one owner answers for, together: their mishaps, whether every goal was met, and how their promises were
/// kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OwnerTally {
    pub owner: String,
    pub categories: usize,
    pub count: usize,
    /// Whether every category of theirs with a goal met it; `None` when none has one.
    pub goals_met: Option<bool>,
    #[serde(flatten)]
    pub keeping: Keeping,
}

impl CategoryTally {
    /// Why the category ranks where it does, in a few words, numbers written in `style`: "6 recent · 2 older ·
    /// 3 from repeat guests · cost 1.8× avg" ("no cost recorded" when none of its mishaps has a cost). Parts that
    /// are zero are left out.
    pub fn explain(&self, style: NumberStyle) -> String {
        let mut parts = Vec::new();
        if self.recent > 0 {
            parts.push(format!("{} recent", self.recent));
        }
        if self.older > 0 {
            parts.push(format!("{} older", self.older));
        }
        // A repeat guest brings two mishaps at least, so this count is never 1.
        if self.from_repeat_guests > 0 {
            parts.push(format!("{} from repeat guests", self.from_repeat_guests));
        }
        parts.push(match self.cost_vs_average {
            _ if self.costs_recorded == 0 => "no cost recorded".to_owned(),
            Some(ratio) => format!("cost {}× avg", format_number(ratio, 1, style)),
            // Costs recorded, and every cost in the period 0.
            None => "cost 0".to_owned(),
        });
        parts.join(" · ")
    }
}

/// The `days` calendar days up to `until` on the desk's clock in `zone`: from the start of the first of them to
/// `until`.
pub fn last_days(until: DateTime<Utc>, days: i64, zone: FixedOffset) -> DateTime<Utc> {
    let first = until.with_timezone(&zone).date_naive() - Duration::days(days - 1);
    start_of(first, zone)
}

/// The first moment of `day` on the desk's clock in `zone`.
pub fn start_of(day: NaiveDate, zone: FixedOffset) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    midnight.and_local_timezone(zone).single().map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}

/// A cost the priority can weigh: recorded, a number, not below zero (the book refuses others; a book edited by
/// hand may hold them).
fn usable_cost(mishap: &Mishap) -> Option<f64> {
    mishap.cost.filter(|cost| cost.is_finite() && *cost >= 0.0)
}

/// The earliest time a tally of `since` to `until` looks at: the period, and the weeks and months before `until`
/// its trends count. A tally given only the mishaps opened from then to `until` is the tally of all of them.
pub fn reads_from(since: DateTime<Utc>, until: DateTime<Utc>) -> DateTime<Utc> {
    let weeks = Duration::days(7 * TREND_WEEKS as i64);
    since.min(until - weeks.max(Duration::days(90)))
}

/// Tallies the mishaps opened between `since` and `until` (inclusive), by category, highest priority first (see
/// [`CategoryTally::priority`]); ties by count, then name. Categories with no mishap in the period are left out.
pub fn tally(mishaps: &[Mishap], since: DateTime<Utc>, until: DateTime<Utc>) -> Tally {
    let in_period = |m: &&Mishap| m.opened_at >= since && m.opened_at <= until;
    let costs: Vec<f64> = mishaps.iter().filter(in_period).filter_map(usable_cost).collect();
    let average_cost = (!costs.is_empty())
        .then(|| costs.iter().fold(0.0, |sum, cost| sum + cost) / costs.len() as f64)
        .filter(|mean| *mean > 0.0);
    let mut names: Vec<&str> = mishaps.iter().map(|m| m.category.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let mut categories: Vec<CategoryTally> = names
        .into_iter()
        .filter_map(|name| {
            let all: Vec<&Mishap> = mishaps.iter().filter(|m| m.category == name).collect();
            let of_period: Vec<&Mishap> = all.iter().copied().filter(in_period).collect();
            if of_period.is_empty() {
                return None;
            }
            Some(category(name, &all, &of_period, until, average_cost))
        })
        .collect();
    categories.sort_by(|a, b| {
        b.priority.total_cmp(&a.priority).then(b.count.cmp(&a.count)).then_with(|| a.category.cmp(&b.category))
    });
    Tally { since, until, average_cost, categories, owners: Vec::new() }
}

/// The median of `values`; `None` of none.
pub(super) fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[n / 2]),
        n => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

fn category(
    name: &str,
    all: &[&Mishap],
    in_period: &[&Mishap],
    until: DateTime<Utc>,
    average_cost: Option<f64>,
) -> CategoryTally {
    let within =
        |days: i64| all.iter().filter(|m| m.opened_at <= until && m.opened_at > until - Duration::days(days)).count();
    let mut weekly = vec![0; TREND_WEEKS];
    for m in all.iter().filter(|m| m.opened_at <= until) {
        let weeks_back = usize::try_from((until - m.opened_at).num_days() / 7).unwrap_or(usize::MAX);
        if let Some(slot) = TREND_WEEKS.checked_sub(weeks_back + 1) {
            weekly[slot] += 1;
        }
    }
    // Folded from +0.0: a sum of nothing in Rust is -0.0, which would print as "-0.00".
    let total_cost = in_period.iter().filter_map(|m| m.cost).fold(0.0, |sum, cost| sum + cost);
    let count = in_period.len();
    let hours: Vec<f64> =
        in_period.iter().filter_map(|m| m.resolved_at.map(|r| (r - m.opened_at).num_minutes() as f64 / 60.0)).collect();
    let median_hours_to_resolve = median(hours);
    let same_day =
        in_period.iter().filter(|m| m.resolved_at.is_some_and(|r| r.date_naive() == m.opened_at.date_naive())).count();
    let mut guests: Vec<GuestId> = in_period.iter().filter_map(|m| m.guest).collect();
    guests.sort_unstable();
    let repeaters: Vec<GuestId> =
        guests.chunk_by(|a, b| a == b).filter(|run| run.len() > 1).map(|run| run[0]).collect();
    let is_recent = |m: &Mishap| m.opened_at > until - Duration::days(RECENT_DAYS);
    let from_repeater = |m: &Mishap| m.guest.is_some_and(|guest| repeaters.binary_search(&guest).is_ok());
    let priority = in_period
        .iter()
        .map(|m| {
            let recency = if is_recent(m) { 1.0 } else { 0.5 };
            let repeat = if from_repeater(m) { 2.0 } else { 1.0 };
            let cost = average_cost.map_or(0.0, |average| usable_cost(m).unwrap_or(0.0) / average);
            recency * repeat * (1.0 + cost)
        })
        .fold(0.0, |sum, weight| sum + weight);
    let recent = in_period.iter().filter(|m| is_recent(m)).count();
    let costs_recorded = in_period.iter().filter(|m| m.cost.is_some()).count();
    let usable_total = in_period.iter().filter_map(|m| usable_cost(m)).fold(0.0, |sum, cost| sum + cost);
    let mut tallied = CategoryTally {
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
        repeat_guests: repeaters.len(),
        recent,
        older: count - recent,
        from_repeat_guests: in_period.iter().filter(|m| from_repeater(m)).count(),
        costs_recorded,
        cost_vs_average: average_cost
            .filter(|_| costs_recorded > 0)
            .map(|average| usable_total / count as f64 / average),
        why: String::new(),
        priority,
        owner: None,
        goal: None,
        goal_met: None,
        keeping: Keeping::default(),
        changes: Vec::new(),
    };
    tallied.why = tallied.explain(NumberStyle::DecimalPoint);
    tallied
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

    /// Floats from sums and quotients: equal to the last few bits.
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
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
        let average = (5.0 + 15.0 + 120.0) / 3.0;
        assert!(tally.average_cost.is_some_and(|a| close(a, average)), "the period's costs only");
        let names: Vec<&str> = tally.categories.iter().map(|c| c.category.as_str()).collect();
        assert_eq!(names, ["late order", "room upgrade", "noise"], "recent repeat guests outweigh one old cost");
        let late = &tally.categories[0];
        assert_eq!((late.count, late.last_7_days, late.last_30_days, late.last_90_days), (3, 1, 2, 3));
        assert_eq!(late.total_cost, 20.0);
        let late_priority = 2.0 * (1.0 + 5.0 / average) + 2.0 * (1.0 + 15.0 / average) + 0.5;
        assert!(close(late.priority, late_priority), "{} against {late_priority}", late.priority);
        assert_eq!((late.recent, late.older, late.from_repeat_guests, late.costs_recorded), (2, 1, 2, 2));
        assert!(late.cost_vs_average.is_some_and(|r| close(r, 20.0 / 3.0 / average)));
        assert_eq!(late.why, "2 recent · 1 older · 2 from repeat guests · cost 0.1× avg");
        assert_eq!(late.median_hours_to_resolve, Some(10.5));
        assert_eq!(late.resolved_same_day, Some(1.0 / 3.0));
        assert_eq!((late.open, late.repeat_guests), (1, 1));
        assert_eq!(late.weekly.iter().sum::<u32>(), 3);
        assert_eq!(late.weekly[TREND_WEEKS - 1], 1, "the last week holds the 22 November mishap");
        let room = &tally.categories[1];
        assert_eq!((room.count, room.total_cost, room.median_hours_to_resolve), (1, 120.0, Some(72.0)));
        assert!(close(room.priority, 0.5 * (1.0 + 120.0 / average)), "old: half weight");
        assert_eq!(room.why, "1 older · cost 2.6× avg");
        let noise = &tally.categories[2];
        assert_eq!(
            (noise.priority, noise.repeat_guests, noise.resolved_same_day),
            (1.0, 0, Some(0.0)),
            "a guestless mishap counts, its missing cost adds nothing"
        );
        assert_eq!((noise.total_cost.to_string().as_str(), noise.why.as_str()), ("0", "1 recent · no cost recorded"));
    }

    #[test]
    fn the_priority_weighs_recency_repeat_guests_and_cost_and_never_guesses_a_cost() {
        let until = at(11, 23, 12);
        let since = until - Duration::days(90);
        let recent = at(11, 20, 9);
        let old = at(9, 20, 9);
        // The costs recorded in the period are 50, 0, 70 and 40: an average of 40.
        let mishaps = [
            // One cost of 50 and one missing: the missing one is not filled in with the average.
            mishap(Some(1), "noise", recent, None, Some(50.0)),
            mishap(Some(2), "noise", recent, None, None),
            // A recorded cost of 0 does not zero the category.
            mishap(Some(3), "spill", recent, None, Some(0.0)),
            mishap(Some(4), "spill", recent, None, None),
            // Recent and the same guest twice, no cost…
            mishap(Some(5), "late order", recent, None, None),
            mishap(Some(5), "late order", at(11, 1, 9), None, None),
            // …outranks old and costly with the same count.
            mishap(Some(6), "room upgrade", old, Some(30), Some(70.0)),
            mishap(Some(7), "room upgrade", old, Some(30), Some(40.0)),
            // Outside the period: in no average.
            mishap(Some(8), "room upgrade", at(1, 5, 9), Some(1), Some(1000.0)),
        ];
        let tally = tally(&mishaps, since, until);
        assert_eq!(tally.average_cost, Some(40.0));
        let figures: Vec<(&str, f64, &str)> =
            tally.categories.iter().map(|c| (c.category.as_str(), c.priority, c.why.as_str())).collect();
        assert_eq!(
            figures,
            [
                ("late order", 2.0 + 2.0, "2 recent · 2 from repeat guests · no cost recorded"),
                ("noise", (1.0 + 50.0 / 40.0) + 1.0, "2 recent · cost 0.6× avg"),
                ("room upgrade", 0.5 * (1.0 + 70.0 / 40.0) + 0.5 * (1.0 + 40.0 / 40.0), "2 older · cost 1.4× avg"),
                ("spill", 1.0 + 1.0, "2 recent · cost 0.0× avg"),
            ]
        );
        let noise = &tally.categories[1];
        assert_eq!((noise.costs_recorded, noise.cost_vs_average), (1, Some(50.0 / 2.0 / 40.0)));
        assert_eq!(tally.categories[0].cost_vs_average, None, "no cost of its own recorded");
    }

    #[test]
    fn the_recent_window_and_the_ties() {
        let until = at(11, 23, 12);
        let mishaps = [
            // Exactly 30 days before the end is no longer recent, as in the 30-day count.
            mishap(None, "b", until - Duration::days(RECENT_DAYS), None, None),
            mishap(None, "b", until - Duration::days(RECENT_DAYS), None, None),
            mishap(None, "c", until - Duration::days(1), None, None),
            mishap(None, "a", until - Duration::days(1), None, None),
        ];
        let tally = tally(&mishaps, until - Duration::days(90), until);
        let ranked: Vec<(&str, f64, usize)> =
            tally.categories.iter().map(|c| (c.category.as_str(), c.priority, c.older)).collect();
        assert_eq!(ranked, [("b", 1.0, 2), ("a", 1.0, 0), ("c", 1.0, 0)], "ties by count, then name");
        assert_eq!(tally.average_cost, None);
    }

    #[test]
    fn a_tally_of_the_mishaps_from_reads_from_is_the_tally_of_all() {
        let until = at(11, 23, 12);
        // A mishap every five days for two years, of three kinds.
        let mishaps: Vec<Mishap> = (0..146)
            .map(|i| {
                let opened = until - Duration::days(5 * i);
                mishap(Some(i % 7), ["spill", "noise", "late order"][(i % 3) as usize], opened, Some(i % 30), None)
            })
            .collect();
        for days in [1, 7, 30, 90, 365] {
            let since = until - Duration::days(days);
            let from = reads_from(since, until);
            let read: Vec<Mishap> = mishaps.iter().filter(|m| m.opened_at >= from).cloned().collect();
            assert!(read.len() < mishaps.len());
            assert_eq!(tally(&read, since, until), tally(&mishaps, since, until), "{days} days");
        }
    }

    #[test]
    fn costs_all_zero_leave_the_cost_out() {
        let until = at(11, 23, 12);
        let mishaps = [mishap(Some(1), "spill", until, None, Some(0.0))];
        let tally = tally(&mishaps, until - Duration::days(7), until);
        let spill = &tally.categories[0];
        assert_eq!((tally.average_cost, spill.priority, spill.why.as_str()), (None, 1.0, "1 recent · cost 0"));
    }

    #[test]
    fn the_reason_is_written_in_the_local_style() {
        let until = at(11, 23, 12);
        let mishaps = [mishap(None, "noise", until, None, Some(30.0)), mishap(None, "spill", until, None, Some(10.0))];
        let tally = tally(&mishaps, until - Duration::days(7), until);
        assert_eq!(tally.categories[0].explain(NumberStyle::DecimalComma), "1 recent · cost 1,5× avg");
    }

    #[test]
    fn an_empty_book_has_an_empty_tally() {
        let until = at(11, 23, 12);
        assert!(tally(&[], until - Duration::days(30), until).categories.is_empty());
    }
}
