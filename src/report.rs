//! The mishap tally and the outreach list as rows of text, shared by `regulars report` / `regulars outreach` and
//! their screens, so that both always show the same thing.

use chrono::FixedOffset;
use serde::Serialize;

use crate::domain::TheUsual;
use crate::domain::outreach::{Prospect, Reason};
use crate::domain::tally::{CategoryTally, Tally};

/// The columns, as headed on screen and in the command's output.
pub const HEADERS: [&str; 12] = [
    "category",
    "count",
    "7 days",
    "30 days",
    "90 days",
    "cost",
    "to resolve",
    "same day",
    "open",
    "repeat guests",
    "priority",
    "12 weeks",
];

/// One row of text per category, in the tally's order (highest priority first).
pub fn rows(tally: &Tally) -> Vec<[String; 12]> {
    tally.categories.iter().map(row).collect()
}

fn row(c: &CategoryTally) -> [String; 12] {
    [
        c.category.clone(),
        c.count.to_string(),
        c.last_7_days.to_string(),
        c.last_30_days.to_string(),
        c.last_90_days.to_string(),
        format!("{:.2}", c.total_cost),
        c.median_hours_to_resolve.map_or_else(|| "—".to_owned(), |h| format!("{h:.1} h")),
        c.resolved_same_day.map_or_else(|| "—".to_owned(), |share| format!("{:.0}%", share * 100.0)),
        c.open.to_string(),
        c.repeat_guests.to_string(),
        format!("{:.1}", c.priority),
        sparkline(&c.weekly),
    ]
}

/// "▁▃█▂": each week's count as a bar an eighth of the busiest week high.
pub fn sparkline(values: &[u32]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let top = values.iter().copied().max().unwrap_or(0).max(1);
    values.iter().map(|&v| if v == 0 { ' ' } else { BARS[((v * 8).div_ceil(top) as usize).clamp(1, 8) - 1] }).collect()
}

/// One guest to write to, with what a personal note needs; the columns of the mail-merge CSV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutreachRow {
    /// "birthday in 3 days", "not seen for 400 days", or both.
    pub reason: String,
    pub name: String,
    pub greeting: String,
    pub phone: String,
    pub email: String,
    pub birthday: String,
    pub last_visit: String,
    pub last_seat: String,
    pub the_usual: String,
    /// Open and past recoveries: "room upgrade (open); late order (resolved)".
    pub recoveries: String,
}

pub fn outreach_rows(prospects: &[Prospect<'_>], zone: FixedOffset) -> Vec<OutreachRow> {
    prospects
        .iter()
        .map(|p| {
            let h = p.history;
            let card = h.card();
            let profile = &h.guest.profile;
            let reason = p
                .reasons
                .iter()
                .map(|r| match r {
                    Reason::Birthday { in_days: 0, .. } => "birthday today".to_owned(),
                    Reason::Birthday { on, in_days } => format!("birthday {} (in {in_days} days)", on.format("%m-%d")),
                    Reason::Lapsed { days } => format!("not seen for {days} days"),
                })
                .collect::<Vec<_>>()
                .join("; ");
            let the_usual = match &card.the_usual {
                Some(TheUsual::Usual { items, times, of_last }) => {
                    format!("{} ({times} of last {of_last})", items.join(", "))
                }
                Some(TheUsual::LastOrder { items, .. }) => format!("{} (last order)", items.join(", ")),
                None => String::new(),
            };
            let recoveries = h
                .recoveries
                .iter()
                .rev()
                .map(|e| {
                    format!("{} ({})", e.recovery.category, if e.recovery.is_open() { "open" } else { "resolved" })
                })
                .collect::<Vec<_>>()
                .join("; ");
            OutreachRow {
                reason,
                name: profile.name.clone(),
                greeting: profile.greeting.clone(),
                phone: profile.phone.clone(),
                email: profile.email.clone(),
                birthday: profile.birthday.map(|b| b.to_string()).unwrap_or_default(),
                last_visit: h
                    .visits
                    .last()
                    .map(|v| v.at.with_timezone(&zone).format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                last_seat: card.last_seat.map(|s| s.seat.to_owned()).unwrap_or_default(),
                the_usual,
                recoveries,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_scale_to_the_busiest_week() {
        assert_eq!(sparkline(&[0, 1, 4, 8]), " ▁▄█");
        assert_eq!(sparkline(&[0, 0]), "  ");
    }
}
