//! How long ago, in the words staff would use.

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
    fn counts_calendar_days_on_the_desks_clock() {
        let late = Utc.with_ymd_and_hms(2026, 11, 22, 23, 0, 0).unwrap();
        let breakfast = Utc.with_ymd_and_hms(2026, 11, 23, 7, 30, 0).unwrap();
        assert_eq!(ago(late, breakfast, FixedOffset::east_opt(0).unwrap()), "yesterday");
        // At UTC+8 both moments fall on 23 November.
        assert_eq!(ago(late, breakfast, FixedOffset::east_opt(8 * 3600).unwrap()), "today");
    }
}
