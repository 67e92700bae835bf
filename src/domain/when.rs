//! How long ago, in the words staff would use.

use chrono::{DateTime, Utc};

/// "today", "yesterday", "3 days ago", "2 weeks ago", "5 months ago", "1 year ago".
pub fn ago(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let days = (now - then).num_days();
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn reads_like_speech() {
        let now = Utc::now();
        let before = |days| ago(now - Duration::days(days), now);
        assert_eq!(before(0), "today");
        assert_eq!(before(-3), "today");
        assert_eq!(before(1), "yesterday");
        assert_eq!(before(3), "3 days ago");
        assert_eq!(before(20), "2 weeks ago");
        assert_eq!(before(95), "3 months ago");
        assert_eq!(before(400), "1 year ago");
        assert_eq!(before(800), "2 years ago");
    }
}
