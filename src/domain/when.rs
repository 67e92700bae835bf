//! How long ago, in the words staff would use; and a time as a desk says it.

use std::fmt::Display;

use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use super::text::quoted;

/// Why a time or a day typed is not taken, naming what was typed. Display is English (logs, tests); the desk says
/// it in its language (see `i18n::bad_time`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadTime {
    #[error("{} did not happen here: the clocks went forward over it", quoted(.0))]
    Skipped(String),
    #[error(
        "{} is not a time: give 2026-06-08T07:42 (the desk's time), 2026-06-08, 07:42 (today) or 2026-06-08T07:42:00+07:00",
        quoted(.0)
    )]
    NotATime(String),
    #[error("{} is before 1900: a typo in the year?", quoted(.0))]
    Before1900(String),
    /// So far ahead of the desk's clock (how far: `Ahead`).
    #[error("{} is {} from now, in the future: a typo? (--yes takes it as given)", quoted(.0), .1)]
    Future(String, Ahead),
    #[error("{} is not a date: use YYYY-MM-DD", quoted(.0))]
    NotADay(String),
    #[error("{} is in the year {}; a day from 1900 to 2199 is taken", quoted(.0), .1)]
    DayYear(String, i32),
}

/// How far ahead, in the unit a person would say it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ahead {
    Days(i64),
    Hours(i64),
    Minutes(i64),
}

impl Ahead {
    fn of(gap: Duration) -> Self {
        match (gap.num_days(), gap.num_hours(), gap.num_minutes()) {
            (days @ 1.., _, _) => Self::Days(days),
            (_, hours @ 1.., _) => Self::Hours(hours),
            (_, _, minutes) => Self::Minutes(minutes),
        }
    }
}

impl Display for Ahead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Self::Days(n) => f.write_str(&counted(n, "day", "days")),
            Self::Hours(n) => f.write_str(&counted(n, "hour", "hours")),
            Self::Minutes(n) => f.write_str(&counted(n, "minute", "minutes")),
        }
    }
}

/// How far ahead of the desk's clock a time may be (clocks differ by a minute or two) before it is taken for a typo.
const FUTURE_SLACK: Duration = Duration::minutes(5);

/// A time as a desk says it, read in the desk's time `zone` on the day of `now`: RFC 3339 (`2026-06-08T07:42:00+07:00`),
/// a local time without an offset (`2026-06-08T07:42`, `2026-06-08 07:42:00`), a date alone (`2026-06-08`, taken
/// as noon, or as now for today before noon) or `HH:MM` today. A time before 1900 is refused, and one more than a
/// few minutes ahead of `now` unless `future_ok`: a mistyped year would otherwise become the guest's last seat.
pub fn said_time<Tz: TimeZone>(
    text: &str,
    now: DateTime<Utc>,
    zone: &Tz,
    future_ok: bool,
) -> Result<DateTime<Utc>, BadTime> {
    let trimmed = text.trim();
    let local_now = now.with_timezone(zone).naive_local();
    let at = if let Ok(t) = DateTime::parse_from_rfc3339(&trimmed.replacen(' ', "T", 1)) {
        t.with_timezone(&Utc)
    } else if let Some((local, date_alone)) = local_time(trimmed, local_now) {
        // Today's date alone is as of now: noon may not have come yet.
        let local = if date_alone && local.date() == local_now.date() { local.min(local_now) } else { local };
        match zone.from_local_datetime(&local) {
            LocalResult::Single(t) => t.with_timezone(&Utc),
            // The hour the clocks go back happens twice: the first one.
            LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
            LocalResult::None => {
                return Err(BadTime::Skipped(trimmed.to_owned()));
            }
        }
    } else {
        return Err(BadTime::NotATime(trimmed.to_owned()));
    };
    if at.with_timezone(zone).naive_local().date() < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default() {
        return Err(BadTime::Before1900(trimmed.to_owned()));
    }
    if at > now + FUTURE_SLACK && !future_ok {
        return Err(BadTime::Future(trimmed.to_owned(), Ahead::of(at - now)));
    }
    Ok(at)
}

/// A day as `YYYY-MM-DD`, from 1900 to 2199 (the years a time in the book may be in, see `check_time`): for the
/// first and last day of a report or a log. The reason, when it is not one, says what is taken.
pub fn said_day(text: &str) -> Result<NaiveDate, BadTime> {
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| BadTime::NotADay(text.to_owned()))?;
    let year = chrono::Datelike::year(&day);
    if !(1900..2200).contains(&year) {
        return Err(BadTime::DayYear(text.to_owned(), year));
    }
    Ok(day)
}

/// A local date and time, a date alone (noon; said so), or a time alone (today).
fn local_time(text: &str, now: NaiveDateTime) -> Option<(NaiveDateTime, bool)> {
    let text = text.replacen(' ', "T", 1);
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(&text, format) {
            return Some((t, false));
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        return date.and_hms_opt(12, 0, 0).map(|t| (t, true));
    }
    ["%H:%M:%S", "%H:%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(&text, f).ok())
        .map(|t| (now.date().and_time(t), false))
}

/// Calendar days from `then` to `now` as the desk's clock shows them: last night at eleven is "yesterday" at breakfast.
fn days(then: DateTime<Utc>, now: DateTime<Utc>, zone: FixedOffset) -> i64 {
    (now.with_timezone(&zone).date_naive() - then.with_timezone(&zone).date_naive()).num_days()
}

/// How long ago, in the unit a person would say it in: days for two weeks, then weeks, months, years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ago {
    Today,
    Yesterday,
    Days(i64),
    Weeks(i64),
    Months(i64),
    Years(i64),
}

/// How long ago `then` was, counted in days on the desk's clock in `zone`.
pub fn ago_of(then: DateTime<Utc>, now: DateTime<Utc>, zone: FixedOffset) -> Ago {
    let days = days(then, now, zone);
    match days {
        ..=0 => Ago::Today,
        1 => Ago::Yesterday,
        2..=13 => Ago::Days(days),
        14..=59 => Ago::Weeks(days / 7),
        60..=364 => Ago::Months(days / 30),
        _ => Ago::Years(days / 365),
    }
}

/// A count with its noun in the right number: "1 day", "3 days", "1 guest", "0 guests".
pub fn counted<N: Display + PartialEq + From<u8>>(count: N, one: &str, many: &str) -> String {
    let noun = if count == N::from(1) { one } else { many };
    format!("{count} {noun}")
}

/// How long someone has been away, in the units a letter would put it in: under 60 days in days; under two years in
/// months, or a year and months; from two years on in years. Years are 365 days and months 30, counted down (534
/// days are 1 year 5 months; 729 days, a day short of two years, are 1 year 11 months).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Away {
    Days(i64),
    Months(i64),
    /// One year and this many months (none: just the year).
    YearAnd(i64),
    Years(i64),
}

/// How long `days` away are, in the units of [`Away`].
pub fn away_of(days: i64) -> Away {
    let days = days.max(0);
    if days < 60 {
        return Away::Days(days);
    }
    let (years, rest) = (days / 365, days % 365);
    // 360 to 364 days into a year are twelve 30-day months but not yet a year: they stay 11 months.
    let months = (rest / 30).min(11);
    match years {
        0 => Away::Months(months),
        1 => Away::YearAnd(months),
        years => Away::Years(years),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_is_read_as_the_desk_says_it() {
        let bangkok = FixedOffset::east_opt(7 * 3600).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 6, 8, 3, 0, 0).unwrap(); // 10:00 in Bangkok
        let read = |text: &str| said_time(text, now, &bangkok, false);
        let bkk = |h, m| bangkok.with_ymd_and_hms(2026, 6, 8, h, m, 0).unwrap().with_timezone(&Utc);
        assert_eq!(read("2026-06-08T07:42:00"), Ok(bkk(7, 42)), "the desk's own time, no offset");
        assert_eq!(read("2026-06-08 07:42"), Ok(bkk(7, 42)));
        assert_eq!(read("07:42"), Ok(bkk(7, 42)), "a time alone is today");
        assert_eq!(read("2026-06-08T07:42:00+08:00"), Ok(bkk(6, 42)), "RFC 3339 keeps its offset");
        assert_eq!(read("2026-06-08T00:42:00Z"), Ok(bkk(7, 42)));
        assert_eq!(read("2026-06-01"), Ok(bangkok.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap().with_timezone(&Utc)));
        assert_eq!(read("2026-06-08"), Ok(now), "today's date before noon is now");
        assert_eq!(read("10:04"), Ok(bkk(10, 4)), "a clock a few minutes fast is not the future");
        let future = read("2027-01-05").unwrap_err().to_string();
        assert!(
            future.contains("\"2027-01-05\" is 211 days from now, in the future") && future.contains("--yes"),
            "{future}"
        );
        assert!(read("11:30").unwrap_err().to_string().contains("1 hour from now"));
        assert!(said_time("2027-01-05", now, &bangkok, true).is_ok());
        assert!(read("1899-12-31").unwrap_err().to_string().contains("before 1900"));
        let bad = read("yesterday").unwrap_err().to_string();
        assert!(bad.starts_with("\"yesterday\" is not a time: give 2026-06-08T07:42"), "{bad}");
        assert!(read("2026-02-30").is_err());
    }

    #[test]
    fn how_long_ago_is_counted_in_the_unit_a_person_says() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let now = Utc::now();
        let before = |days| ago_of(now - Duration::days(days), now, utc);
        assert_eq!(before(0), Ago::Today);
        assert_eq!(before(-3), Ago::Today);
        assert_eq!(before(1), Ago::Yesterday);
        assert_eq!(before(3), Ago::Days(3));
        assert_eq!(before(20), Ago::Weeks(2));
        assert_eq!(before(95), Ago::Months(3));
        assert_eq!(before(400), Ago::Years(1));
        assert_eq!(before(800), Ago::Years(2));
    }

    #[test]
    fn counts_take_the_singular_for_one() {
        assert_eq!(counted(1, "day", "days"), "1 day");
        assert_eq!(counted(0_usize, "guest", "guests"), "0 guests");
        assert_eq!(counted(2_usize, "guest", "guests"), "2 guests");
    }

    #[test]
    fn time_away_is_counted_as_a_letter_would_put_it() {
        let cases = [
            (0, Away::Days(0)),
            (1, Away::Days(1)),
            (59, Away::Days(59)),
            (60, Away::Months(2)),
            (89, Away::Months(2)),
            (364, Away::Months(11)),
            (365, Away::YearAnd(0)),
            (394, Away::YearAnd(0)),
            (395, Away::YearAnd(1)),
            (534, Away::YearAnd(5)),
            (729, Away::YearAnd(11)),
            (730, Away::Years(2)),
            (1095, Away::Years(3)),
            (-5, Away::Days(0)),
        ];
        for (days, away) in cases {
            assert_eq!(away_of(days), away, "{days} days");
        }
    }

    #[test]
    fn counts_calendar_days_on_the_desks_clock() {
        let late = Utc.with_ymd_and_hms(2026, 11, 22, 23, 0, 0).unwrap();
        let breakfast = Utc.with_ymd_and_hms(2026, 11, 23, 7, 30, 0).unwrap();
        assert_eq!(ago_of(late, breakfast, FixedOffset::east_opt(0).unwrap()), Ago::Yesterday);
        // At UTC+8 both moments fall on 23 November.
        assert_eq!(ago_of(late, breakfast, FixedOffset::east_opt(8 * 3600).unwrap()), Ago::Today);
    }
}
