//! Dates and times as other systems export them: `1990-06-08`, `06-08`, `06/08/1990` or `08/06/1990` (which, only
//! when the file or `--date-order` says), `1990年6月8日`, `19900608` (vCard), an Excel serial number (xlsx); and a
//! sale's time with or without seconds, AM/PM or an offset.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use crate::domain::Birthday;
use crate::domain::text::quoted;

/// Which comes first in a date written with slashes: 06/08/1990 is 8 June (`Dmy`) or 6 August (`Mdy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DateOrder {
    Dmy,
    Mdy,
}

/// A day, read from what a column holds; the reason, when it is not one, says what is taken.
pub fn day(text: &str, order: Option<DateOrder>, serial: bool) -> Result<NaiveDate, String> {
    parsed_day(text.trim(), order, serial).and_then(|day| day.ok_or_else(|| not_a_date(text)))
}

/// A birthday: a whole date, or a month and day without the year (`06-08`, `--06-08`, `6月8日`).
pub fn birthday(text: &str, order: Option<DateOrder>, serial: bool) -> Result<Birthday, String> {
    let text = text.trim();
    if let Ok(birthday) = text.parse::<Birthday>() {
        return Ok(birthday);
    }
    if let Some((month, day)) = month_day(text) {
        return format!("--{month:02}-{day:02}").parse();
    }
    let day = day(text, order, serial)?;
    day.format("%Y-%m-%d").to_string().parse()
}

/// A sale's time in the desk's `zone`: a date and time together, or a date and a time apart; RFC 3339 with its
/// own offset is taken as it says.
pub fn time<Tz: TimeZone>(
    date: &str,
    clock: Option<&str>,
    zone: &Tz,
    order: Option<DateOrder>,
) -> Result<DateTime<Utc>, String> {
    let date = date.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(date) {
        return Ok(at.with_timezone(&Utc));
    }
    let (day_part, clock_part) = match clock.map(str::trim).filter(|c| !c.is_empty()) {
        Some(clock) => (date, clock),
        None => date.split_once([' ', 'T']).map_or((date, ""), |(d, c)| (d, c.trim())),
    };
    let day = day(day_part, order, false)?;
    let clock = if clock_part.is_empty() {
        NaiveTime::MIN
    } else {
        clock_time(clock_part).ok_or_else(|| format!("{} is not a time of day", quoted(clock_part)))?
    };
    let local = NaiveDateTime::new(day, clock);
    zone.from_local_datetime(&local).earliest().map(|at| at.with_timezone(&Utc)).ok_or_else(|| {
        format!("{} does not happen on the desk's clock (the clocks went forward)", quoted(&local.to_string()))
    })
}

fn clock_time(text: &str) -> Option<NaiveTime> {
    let upper = text.to_uppercase().replace('.', "");
    for format in ["%H:%M:%S%.f", "%H:%M", "%I:%M:%S %p", "%I:%M %p", "%I:%M:%S%p", "%I:%M%p", "%I %p"] {
        if let Ok(time) = NaiveTime::parse_from_str(&upper, format) {
            return Some(time);
        }
    }
    // An offset after the time ("07:42:00+07:00"): the time as the desk's clock said it.
    let cut = upper.find(['+', 'Z']).or_else(|| upper.rfind('-').filter(|&i| i > 4))?;
    clock_time(&upper[..cut])
}

fn not_a_date(text: &str) -> String {
    format!("{} is not a date: use YYYY-MM-DD", quoted(text.trim()))
}

fn parsed_day(text: &str, order: Option<DateOrder>, serial: bool) -> Result<Option<NaiveDate>, String> {
    if let Some(day) = chinese(text) {
        return Ok(Some(day));
    }
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"] {
        if let Ok(day) = NaiveDate::parse_from_str(text, format) {
            return Ok(Some(day));
        }
    }
    if let Some(day) = slashed(text, order)? {
        return Ok(Some(day));
    }
    if serial && let Ok(number) = text.parse::<f64>() {
        return Ok(excel_serial(number));
    }
    Ok(None)
}

/// `1990年6月8日`.
fn chinese(text: &str) -> Option<NaiveDate> {
    let (year, rest) = text.split_once('年')?;
    let (month, day) = month_day(rest)?;
    NaiveDate::from_ymd_opt(year.trim().parse().ok()?, month, day)
}

/// `6月8日`, `06-08`, `--06-08`.
fn month_day(text: &str) -> Option<(u32, u32)> {
    let (month, day) = if let Some((month, rest)) = text.split_once('月') {
        (month, rest.trim_end_matches(['日', '号', '號']))
    } else {
        let text = text.strip_prefix("--").unwrap_or(text);
        let (month, day) = text.split_once('-')?;
        (month, day)
    };
    let (month, day) = (month.trim().parse().ok()?, day.trim().parse().ok()?);
    NaiveDate::from_ymd_opt(2000, month, day).map(|_| (month, day))
}

/// `06/08/1990` or `6.8.1990` read as `order` says; without it, only when one reading is impossible (13/06/1990)
/// or both are the same day (06/06/1990).
fn slashed(text: &str, order: Option<DateOrder>) -> Result<Option<NaiveDate>, String> {
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    let [a, b, year] = parts[..] else { return Ok(None) };
    let (Ok(a), Ok(b), Ok(year)) = (a.parse::<u32>(), b.parse::<u32>(), year.parse::<i32>()) else { return Ok(None) };
    let year = if year < 100 { 2000 + year } else { year };
    let dmy = NaiveDate::from_ymd_opt(year, b, a);
    let mdy = NaiveDate::from_ymd_opt(year, a, b);
    Ok(match (order, dmy, mdy) {
        (Some(DateOrder::Dmy), day, _) | (Some(DateOrder::Mdy), _, day) => day,
        (None, Some(day), None) | (None, None, Some(day)) => Some(day),
        (None, Some(d), Some(m)) if d == m => Some(d),
        (None, Some(_), Some(_)) => {
            return Err(format!(
                "{} could be either day: say which comes first with --date-order dmy or --date-order mdy",
                quoted(text)
            ));
        }
        (None, None, None) => None,
    })
}

/// A day as Excel counts them: days since 30 December 1899 (so that its 1900, wrongly a leap year, comes out right
/// from March 1900 on); the time of day, a fraction, is dropped.
fn excel_serial(number: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&number) {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    start.checked_add_signed(Duration::days(number.floor() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_as_exports_write_them() {
        assert_eq!(day("1990-06-08", None, false), Ok(d(1990, 6, 8)));
        assert_eq!(day("1990/6/8", None, false), Ok(d(1990, 6, 8)));
        assert_eq!(day("1990年6月8日", None, false), Ok(d(1990, 6, 8)));
        assert_eq!(day("19900608", None, false), Ok(d(1990, 6, 8)));
        assert_eq!(day("13/06/1990", None, false), Ok(d(1990, 6, 13)));
        assert_eq!(day("06/13/1990", None, false), Ok(d(1990, 6, 13)));
        assert_eq!(day("06/06/1990", None, false), Ok(d(1990, 6, 6)));
        assert!(day("06/08/1990", None, false).unwrap_err().contains("--date-order"));
        assert_eq!(day("06/08/1990", Some(DateOrder::Dmy), false), Ok(d(1990, 8, 6)));
        assert_eq!(day("06/08/1990", Some(DateOrder::Mdy), false), Ok(d(1990, 6, 8)));
        assert_eq!(day("33032", None, true), Ok(d(1990, 6, 8)));
        assert!(day("33032", None, false).is_err(), "a number is a day only in a workbook");
        assert!(day("soon", None, false).unwrap_err().contains("is not a date"));
    }

    #[test]
    fn birthdays_with_and_without_a_year() {
        let said = |text: &str| birthday(text, None, false).map(|b| b.to_string());
        assert_eq!(said("1990-06-08").as_deref(), Ok("1990-06-08"));
        assert_eq!(said("06-08").as_deref(), Ok("--06-08"));
        assert_eq!(said("6月8日").as_deref(), Ok("--06-08"));
        assert_eq!(said("1990年6月8日").as_deref(), Ok("1990-06-08"));
    }

    #[test]
    fn a_sales_time_on_the_desks_clock() {
        let zone = FixedOffset::east_opt(7 * 3600).unwrap();
        let at = |date: &str, clock: Option<&str>| time(date, clock, &zone, None).map(|t| t.to_rfc3339());
        assert_eq!(at("2025-06-08 07:42", None).as_deref(), Ok("2025-06-08T00:42:00+00:00"));
        assert_eq!(at("2025-06-08T07:42:00", None).as_deref(), Ok("2025-06-08T00:42:00+00:00"));
        assert_eq!(at("2025-06-08", Some("7:42 AM")).as_deref(), Ok("2025-06-08T00:42:00+00:00"));
        assert_eq!(at("2025-06-08", Some("7:42 pm")).as_deref(), Ok("2025-06-08T12:42:00+00:00"));
        assert_eq!(at("2025-06-08T07:42:00+08:00", None).as_deref(), Ok("2025-06-07T23:42:00+00:00"));
        assert!(at("2025-06-08", Some("breakfast")).is_err());
    }
}
