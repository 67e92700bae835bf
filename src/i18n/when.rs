//! Times and dates as the reader says them: "3 days ago" / "3天前", "2025-06-08" / "2025年6月8日".

use std::fmt::Write;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use super::Language;
use crate::domain::promise::Standing;
use crate::domain::when::{Ago, Away, ago_of, away_of};
use crate::t;

/// How long ago `then` was, on the desk's clock in `zone`, in `language`.
pub fn ago(language: Language, then: DateTime<Utc>, now: DateTime<Utc>, zone: FixedOffset) -> String {
    match ago_of(then, now, zone) {
        Ago::Today => t!(language, "ago-today"),
        Ago::Yesterday => t!(language, "ago-yesterday"),
        Ago::Days(n) => t!(language, "ago-days", n = n),
        Ago::Weeks(n) => t!(language, "ago-weeks", n = n),
        Ago::Months(n) => t!(language, "ago-months", n = n),
        Ago::Years(n) => t!(language, "ago-years", n = n),
    }
}

/// The same, for a narrow column: "today", "3d", "2w", "5mo", "1y" ("今天", "3天", "2周", "5月", "1年").
pub fn ago_short(language: Language, then: DateTime<Utc>, now: DateTime<Utc>, zone: FixedOffset) -> String {
    match ago_of(then, now, zone) {
        Ago::Today => t!(language, "ago-today"),
        Ago::Yesterday => t!(language, "ago-short-days", n = 1),
        Ago::Days(n) => t!(language, "ago-short-days", n = n),
        Ago::Weeks(n) => t!(language, "ago-short-weeks", n = n),
        Ago::Months(n) => t!(language, "ago-short-months", n = n),
        Ago::Years(n) => t!(language, "ago-short-years", n = n),
    }
}

/// How long someone has been away, as a letter would put it: "45 days", "1 year 5 months" ("1年5个月").
pub fn away(language: Language, days: i64) -> String {
    match away_of(days) {
        Away::Days(n) => days_count(language, n),
        Away::Months(n) => t!(language, "away-months", n = n),
        Away::YearAnd(0) => t!(language, "away-years", n = 1),
        Away::YearAnd(months) => t!(language, "away-year-and", months = months),
        Away::Years(n) => t!(language, "away-years", n = n),
    }
}

/// What the one rule says of a guest: "regular · 6 visits in 12 months", "back after 3 years".
pub fn regular_mark(language: Language, mark: crate::domain::regular::Mark) -> String {
    use crate::domain::regular::Mark;
    match mark {
        Mark::Regular(visits) => crate::t!(language, "mark-regular", n = visits),
        Mark::Back(years) => crate::t!(language, "mark-back", years = years),
    }
}

/// Where a promise stands, as its line says it: "in 25 min", "due now", "overdue 10 min", "in 2 h 5 min", "in 3
/// days"; `None` when no time was promised.
pub fn promise_time(language: Language, standing: Standing) -> Option<String> {
    match standing {
        Standing::Untimed => None,
        Standing::Ahead(left) => Some(t!(language, "promise-in", left = span(language, left))),
        Standing::Due(late) if late.num_minutes() < 1 => Some(t!(language, "promise-due-now")),
        Standing::Due(late) => Some(t!(language, "promise-due-ago", late = span(language, late))),
        Standing::Overdue(late) => Some(t!(language, "promise-overdue", late = span(language, late))),
    }
}

/// A stretch of time to the minute, in the largest units that say it: "25 min", "2 h 5 min", "3 days".
/// A length of time, to the minute above: "25 min", "2 h 5 min", "3 days".
pub fn span(language: Language, length: chrono::Duration) -> String {
    // Minutes to come are rounded up: "in 1 min" until the moment itself.
    let minutes = (length.num_seconds() + 59) / 60;
    match (minutes / (24 * 60), minutes / 60, minutes % 60) {
        (days @ 2.., _, _) => days_count(language, days),
        (_, 0, m) => t!(language, "span-minutes", n = m),
        (_, h, 0) => t!(language, "span-hours", n = h),
        (_, h, m) => t!(language, "span-hours-minutes", hours = h, minutes = m),
    }
}

/// A number of days: "1 day", "7 days", "7天".
pub fn days_count(language: Language, n: i64) -> String {
    t!(language, "days-count", n = n)
}

/// A day: "2025-06-08", "2025年6月8日". The resources hold the pattern, as chrono writes it.
pub fn date(language: Language, day: NaiveDate) -> String {
    formatted(day, &t!(language, "date"))
}

/// A day of the year: "06-08", "6月8日".
pub fn month_day(language: Language, month: u32, day: u32) -> String {
    // A leap year, so that 29 February has a day to be.
    NaiveDate::from_ymd_opt(2000, month, day).map(|day| formatted(day, &t!(language, "month-day"))).unwrap_or_default()
}

/// A birthday as the reader writes one: a whole date, or a day of the year ("--02-29", "2月29日").
pub fn birthday(language: Language, birthday: crate::domain::Birthday) -> String {
    let day = NaiveDate::from_ymd_opt(birthday.year.unwrap_or(2000), birthday.month, birthday.day);
    match (birthday.year, day) {
        (Some(_), Some(day)) => date(language, day),
        (None, Some(day)) => formatted(day, &t!(language, "birthday-no-year")),
        (_, None) => birthday.to_string(),
    }
}

/// `day` as `pattern` writes it; a pattern chrono cannot read gives the ISO form (the resource test reads each).
fn formatted(day: NaiveDate, pattern: &str) -> String {
    let mut text = String::new();
    match write!(text, "{}", day.format(pattern)) {
        Ok(()) => text,
        Err(_) => day.to_string(),
    }
}

/// A moment on the desk's clock in `zone`: "2025-06-08 07:42", "2025年6月8日 07:42".
pub fn date_time(language: Language, at: DateTime<Utc>, zone: FixedOffset) -> String {
    let local = at.with_timezone(&zone);
    t!(language, "date-time", date = date(language, local.date_naive()), time = local.format("%H:%M").to_string())
}

/// A day as the desk's clock in `zone` had it at `at`.
pub fn date_at(language: Language, at: DateTime<Utc>, zone: FixedOffset) -> String {
    date(language, at.with_timezone(&zone).date_naive())
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    #[test]
    fn how_long_ago_reads_like_speech() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let now = Utc::now();
        let said = |language, days| ago(language, now - Duration::days(days), now, utc);
        let en: Vec<String> = [0, 1, 3, 20, 95, 400, 800].map(|days| said(Language::En, days)).into();
        assert_eq!(
            en,
            ["today", "yesterday", "3 days ago", "2 weeks ago", "3 months ago", "1 year ago", "2 years ago"]
        );
        let hans: Vec<String> = [0, 1, 3, 20, 95, 800].map(|days| said(Language::ZhHans, days)).into();
        assert_eq!(hans, ["今天", "昨天", "3天前", "2周前", "3个月前", "2年前"]);
        assert_eq!(said(Language::ZhHant, 95), "3個月前");
        let short = |language, days| ago_short(language, now - Duration::days(days), now, utc);
        let en: Vec<String> = [0, 3, 20, 95, 800].map(|days| short(Language::En, days)).into();
        assert_eq!(en, ["today", "3d", "2w", "3mo", "2y"]);
        let hans: Vec<String> = [0, 3, 20, 95, 800].map(|days| short(Language::ZhHans, days)).into();
        assert_eq!(hans, ["今天", "3天", "2周", "3个月", "2年"]);
    }

    #[test]
    fn time_away_reads_as_a_letter_would_put_it() {
        let en = |days| away(Language::En, days);
        let cases = [(1, "1 day"), (59, "59 days"), (60, "2 months"), (365, "1 year"), (395, "1 year 1 month")];
        for (days, words) in cases {
            assert_eq!(en(days), words, "{days} days");
        }
        assert_eq!([en(534), en(730)], ["1 year 5 months", "2 years"]);
        let hans = |days| away(Language::ZhHans, days);
        assert_eq!([hans(45), hans(90), hans(365), hans(534), hans(1100)], ["45天", "3个月", "1年", "1年5个月", "3年"]);
        assert_eq!(away(Language::ZhHant, 534), "1年5個月");
    }

    #[test]
    fn dates_read_as_the_reader_writes_them() {
        let day = NaiveDate::from_ymd_opt(2025, 6, 8).unwrap();
        assert_eq!(date(Language::En, day), "2025-06-08");
        assert_eq!(date(Language::ZhHans, day), "2025年6月8日");
        assert_eq!(date(Language::ZhHant, day), "2025年6月8日");
        assert_eq!(month_day(Language::En, 6, 8), "06-08");
        assert_eq!(month_day(Language::ZhHans, 6, 8), "6月8日");
        let bangkok = FixedOffset::east_opt(7 * 3600).unwrap();
        let at = Utc.with_ymd_and_hms(2025, 6, 8, 0, 42, 0).unwrap();
        assert_eq!(date_time(Language::En, at, bangkok), "2025-06-08 07:42");
        assert_eq!(date_time(Language::ZhHant, at, bangkok), "2025年6月8日 07:42");
    }
}
