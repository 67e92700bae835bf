//! Departments answer for their mishaps: each category may have an owner and a goal ("1/day": at most one a day),
//! and the tally says whether the period met it, how many promises were kept on time, and how soon a guest heard
//! back (the first contact: a recovery's opening to its first ticked follow-up).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::tally::{OwnerTally, Tally, median};

/// The largest goal a house can set, a day or a week.
const GOAL_MAX: u32 = 100_000;

/// A goal's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Per {
    Day,
    Week,
}

impl Per {
    /// As the book stores it and the command line writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Per::Day => "day",
            Per::Week => "week",
        }
    }

    fn days(self) -> f64 {
        match self {
            Per::Day => 1.0,
            Per::Week => 7.0,
        }
    }
}

/// At most `count` mishaps of a kind `per` day or week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Goal {
    pub count: u32,
    pub per: Per,
}

/// A goal that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a goal: give N/day or N/week, e.g. 1/day")]
pub struct BadGoal(pub String);

impl Goal {
    /// "1/day", "3/week" (also "1 / day", "2/wk", "2/d"); the count from 0 to 100,000.
    pub fn parse(text: &str) -> Result<Self, BadGoal> {
        let bad = || BadGoal(text.to_owned());
        let (count, per) = text.split_once('/').ok_or_else(bad)?;
        let count: u32 = count.trim().parse().ok().filter(|n| *n <= GOAL_MAX).ok_or_else(bad)?;
        let per = match per.trim().to_lowercase().as_str() {
            "day" | "d" => Per::Day,
            "week" | "wk" | "w" => Per::Week,
            _ => return Err(bad()),
        };
        Ok(Self { count, per })
    }

    /// Whether `count` mishaps in the `days` of a period keep to the goal: no more than the goal allows over as
    /// many days ("1/day" over 7 days allows 7).
    pub fn met(&self, count: usize, days: f64) -> bool {
        count as f64 <= f64::from(self.count) * days / self.per.days()
    }
}

impl std::fmt::Display for Goal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.count, self.per.as_str())
    }
}

/// Who answers for a category, and its goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub category: String,
    /// A station or department; empty when nobody was named.
    pub owner: String,
    pub goal: Option<Goal>,
}

/// What the team changed about a category (a staff suggestion acted on), dated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub category: String,
    pub at: DateTime<Utc>,
    pub staff: String,
    pub note: String,
}

/// One follow-up as the tally weighs promises: its recovery, when that opened, when it was due and ticked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub recovery: i64,
    pub category: String,
    pub opened_at: DateTime<Utc>,
    pub due: Option<DateTime<Utc>>,
    pub ticked_at: Option<DateTime<Utc>>,
}

/// How a set of recoveries kept their promises.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Keeping {
    /// Of the follow-ups with a due time that is past or ticked, the share ticked by it; `None` with none.
    pub on_time: Option<f64>,
    /// How many follow-ups `on_time` weighs.
    pub timed: usize,
    /// Median minutes from a recovery's opening to its first ticked follow-up, of those with one.
    pub first_contact_minutes: Option<f64>,
}

/// How the follow-ups `kept` (of recoveries opened in the period) were kept, as of `until`. A follow-up not yet due
/// and not ticked is not weighed: it may still be kept.
pub fn keeping<'a>(kept: impl Iterator<Item = &'a Kept> + Clone, until: DateTime<Utc>) -> Keeping {
    let decided: Vec<bool> = kept
        .clone()
        .filter_map(|k| {
            let due = k.due?;
            match k.ticked_at {
                Some(ticked) => Some(ticked <= due),
                None => (due <= until).then_some(false),
            }
        })
        .collect();
    let on_time =
        (!decided.is_empty()).then(|| decided.iter().filter(|kept| **kept).count() as f64 / decided.len() as f64);
    let mut firsts: Vec<(i64, f64)> = Vec::new();
    for k in kept {
        let Some(ticked) = k.ticked_at else { continue };
        let minutes = (ticked - k.opened_at).num_seconds() as f64 / 60.0;
        match firsts.iter_mut().find(|(recovery, _)| *recovery == k.recovery) {
            Some((_, first)) => *first = first.min(minutes),
            None => firsts.push((k.recovery, minutes)),
        }
    }
    let first_contact_minutes = median(firsts.into_iter().map(|(_, m)| m).collect());
    Keeping { on_time, timed: decided.len(), first_contact_minutes }
}

/// Gives each category of `tally` its owner and goal from `rules`, whether the period met the goal, how its
/// promises were kept (`kept`: the follow-ups of the recoveries the tally read) and what the team changed (`notes`).
pub fn answer(tally: &mut Tally, rules: &[Rule], kept: &[Kept], notes: &[Note]) {
    let (since, until) = (tally.since, tally.until);
    let days = ((until - since).num_seconds() as f64 / 86_400.0).max(1.0);
    for category in &mut tally.categories {
        let rule = rules.iter().find(|r| r.category == category.category);
        category.owner = rule.map(|r| r.owner.clone()).filter(|owner| !owner.is_empty());
        let goal = rule.and_then(|r| r.goal);
        category.goal = goal.map(|g| g.to_string());
        category.goal_met = goal.map(|g| g.met(category.count, days));
        let of_category =
            kept.iter().filter(|k| k.category == category.category && k.opened_at >= since && k.opened_at <= until);
        category.keeping = keeping(of_category, until);
        category.changes = notes.iter().filter(|n| n.category == category.category && n.at <= until).cloned().collect();
    }
    let mut owners: Vec<&str> = tally.categories.iter().filter_map(|c| c.owner.as_deref()).collect();
    owners.sort_unstable();
    owners.dedup();
    tally.owners = owners
        .into_iter()
        .map(|owner| {
            let theirs: Vec<_> = tally.categories.iter().filter(|c| c.owner.as_deref() == Some(owner)).collect();
            let met: Vec<bool> = theirs.iter().filter_map(|c| c.goal_met).collect();
            let of_theirs = kept.iter().filter(|k| {
                k.opened_at >= since && k.opened_at <= until && theirs.iter().any(|c| c.category == k.category)
            });
            OwnerTally {
                owner: owner.to_owned(),
                categories: theirs.len(),
                count: theirs.iter().map(|c| c.count).sum(),
                goals_met: (!met.is_empty()).then(|| met.iter().all(|m| *m)),
                keeping: keeping(of_theirs, until),
            }
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn goals_are_read_in_the_forms_people_write() {
        assert_eq!(Goal::parse("1/day"), Ok(Goal { count: 1, per: Per::Day }));
        assert_eq!(Goal::parse(" 3 / Week "), Ok(Goal { count: 3, per: Per::Week }));
        assert_eq!(Goal::parse("0/d"), Ok(Goal { count: 0, per: Per::Day }));
        for bad in ["", "1", "day", "1/month", "-1/day", "x/day", "100001/day"] {
            assert!(Goal::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Goal::parse("2/wk").unwrap().to_string(), "2/week");
    }

    #[test]
    fn a_goal_is_met_when_the_period_holds_no_more_than_it_allows() {
        let once_a_day = Goal { count: 1, per: Per::Day };
        assert!(once_a_day.met(7, 7.0) && !once_a_day.met(8, 7.0));
        let twice_a_week = Goal { count: 2, per: Per::Week };
        assert!(twice_a_week.met(4, 14.0) && !twice_a_week.met(5, 14.0));
    }

    #[test]
    fn promises_on_time_and_the_first_contact() {
        let opened = Utc.with_ymd_and_hms(2026, 6, 8, 12, 0, 0).unwrap();
        let minutes = |m: i64| Some(opened + Duration::minutes(m));
        let kept =
            |recovery, due, ticked_at| Kept { recovery, category: "upgrade".into(), opened_at: opened, due, ticked_at };
        let all = [
            kept(1, minutes(30), minutes(10)), // on time, first contact 10 min
            kept(1, minutes(60), minutes(90)), // late
            kept(2, minutes(30), None),        // overdue: late
            kept(2, None, minutes(40)),        // untimed: not weighed; first contact 40 min
            kept(3, minutes(600), None),       // not yet due: not weighed
        ];
        let until = opened + Duration::hours(2);
        let keeping = keeping(all.iter(), until);
        assert_eq!(keeping.timed, 3);
        assert!((keeping.on_time.unwrap() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(keeping.first_contact_minutes, Some(25.0));
    }
}
