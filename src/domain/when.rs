//! How long ago, in the words staff would use.

use std::fmt::Display;

use chrono::{DateTime, FixedOffset, Utc};

/// Calendar days from `then` to `now` as the desk's clock shows them: last night at eleven is "yesterday" at breakfast.
fn days(then: DateTime<Utc>, now: DateTime<Utc>, zone: FixedOffset) -> i64 {
    (now.with_timezone(&zone).date_naive() - then.with_timezone(&zone).date_naive()).num_days()
}

/// "today", "yesterday", "3 days ago", "2 weeks ago", "5 months ago", "1 year ago".
pub fn ago(then: DateTime<Utc>, now: DateTime<Utc>, zone: FixedOffset) -> String {
    let days = days(then, now, zone);
    let (count, unit) = match days {
        ..=0 => return "today".to_owned(),
        1 => return "yesterday".to_owned(),
        2..=13 => (days, "day"),
        14..=59 => (days / 7, "week"),
        60..=364 => (days / 30, "month"),
        _ => (days / 365, "year"),
    };
    format!("{count} {unit}{} ago", if count == 1 { "" } else { "s" })
}

/// The same, for a narrow column: "today", "3d", "2w", "5mo", "1y".
pub fn ago_short(then: DateTime<Utc>, now: DateTime<Utc>, zone: FixedOffset) -> String {
    match days(then, now, zone) {
        ..=0 => "today".to_owned(),
        days @ 1..=13 => format!("{days}d"),
        days @ 14..=59 => format!("{}w", days / 7),
        days @ 60..=364 => format!("{}mo", days / 30),
        days => format!("{}y", days / 365),
    }
}

/// A count with its noun in the right number: "1 day", "3 days", "1 guest", "0 guests".
pub fn counted<N: Display + PartialEq + From<u8>>(count: N, one: &str, many: &str) -> String {
    let noun = if count == N::from(1) { one } else { many };
    format!("{count} {noun}")
}

/// How long someone has been away, as a letter would put it: under 60 days "45 days" ("1 day"); under two years
/// "5 months", "1 year", "1 year 5 months"; from two years on "3 years". Years are 365 days and months 30, counted
/// down (534 days are 1 year 5 months; 729 days, a day short of two years, are 1 year 11 months).
pub fn in_words(days: i64) -> String {
    let days = days.max(0);
    if days < 60 {
        return counted(days, "day", "days");
    }
    let (years, rest) = (days / 365, days % 365);
    // 360 to 364 days into a year are twelve 30-day months but not yet a year: they stay 11 months.
    let months = (rest / 30).min(11);
    match (years, months) {
        (0, months) => counted(months, "month", "months"),
        (1, 0) => "1 year".to_owned(),
        (1, months) => format!("1 year {}", counted(months, "month", "months")),
        (years, _) => counted(years, "year", "years"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn reads_like_speech() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let now = Utc::now();
        let before = |days| ago(now - Duration::days(days), now, utc);
        assert_eq!(before(0), "today");
        assert_eq!(before(-3), "today");
        assert_eq!(before(1), "yesterday");
        assert_eq!(before(3), "3 days ago");
        assert_eq!(before(20), "2 weeks ago");
        assert_eq!(before(95), "3 months ago");
        assert_eq!(before(400), "1 year ago");
        assert_eq!(before(800), "2 years ago");
        let short = |days| ago_short(now - Duration::days(days), now, utc);
        assert_eq!([short(0), short(3), short(20), short(95), short(800)], ["today", "3d", "2w", "3mo", "2y"]);
    }

    #[test]
    fn counts_take_the_singular_for_one() {
        assert_eq!(counted(1, "day", "days"), "1 day");
        assert_eq!(counted(0_usize, "guest", "guests"), "0 guests");
        assert_eq!(counted(2_usize, "guest", "guests"), "2 guests");
    }

    #[test]
    fn time_away_reads_as_a_letter_would_put_it() {
        let cases = [
            (0, "0 days"),
            (1, "1 day"),
            (2, "2 days"),
            (59, "59 days"),
            (60, "2 months"),
            (89, "2 months"),
            (90, "3 months"),
            (364, "11 months"),
            (365, "1 year"),
            (394, "1 year"),
            (395, "1 year 1 month"),
            (425, "1 year 2 months"),
            (500, "1 year 4 months"),
            (534, "1 year 5 months"),
            (729, "1 year 11 months"),
            (730, "2 years"),
            (1094, "2 years"),
            (1095, "3 years"),
            (1200, "3 years"),
            (-5, "0 days"),
        ];
        for (days, words) in cases {
            assert_eq!(in_words(days), words, "{days} days");
        }
    }

    #[test]
    fn counts_calendar_days_on_the_desks_clock() {
        let late = Utc.with_ymd_and_hms(2026, 11, 22, 23, 0, 0).unwrap();
        let breakfast = Utc.with_ymd_and_hms(2026, 11, 23, 7, 30, 0).unwrap();
        assert_eq!(ago(late, breakfast, FixedOffset::east_opt(0).unwrap()), "yesterday");
        // At UTC+8 both moments fall on 23 November.
        assert_eq!(ago(late, breakfast, FixedOffset::east_opt(8 * 3600).unwrap()), "today");
    }
}
