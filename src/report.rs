//! The mishap tally as rows of text, shared by `regulars report` and the reports screen so that both always show
//! the same figures.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_scale_to_the_busiest_week() {
        assert_eq!(sparkline(&[0, 1, 4, 8]), " ▁▄█");
        assert_eq!(sparkline(&[0, 0]), "  ");
    }
}
