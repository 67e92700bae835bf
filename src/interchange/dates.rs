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
        return format!("--{month:02}-{day:02}").parse().map_err(|e: crate::domain::guest::BadBirthday| e.to_string());
    }
    let day = day(text, order, serial)?;
    day.format("%Y-%m-%d").to_string().parse().map_err(|e: crate::domain::guest::BadBirthday| e.to_string())
}

/// A sale's time on the desk's clock in `zone`: a date and time together, or a date and a time apart; a time with
/// its own offset (RFC 3339, `+0800`, ` +08:00`, `Z`) is taken as it says.
pub fn time<Tz: TimeZone>(
    date: &str,
    clock: Option<&str>,
    zone: &Tz,
    order: Option<DateOrder>,
) -> Result<DateTime<Utc>, String> {
    let date = date.trim();
    let clock = clock.map(str::trim).filter(|c| !c.is_empty());
    let whole = match clock {
        Some(clock) => format!("{date} {clock}"),
        None => date.to_owned(),
    };
    if let Some(at) = with_offset(&whole) {
        return Ok(at);
    }
    let (day_part, clock_part) = match clock {
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

/// A date and time written with an offset, in the forms exports use.
fn with_offset(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    let text = text.replacen('T', " ", 1).replace(" +", "+").replace(" -", "-");
    let text = text.strip_suffix('Z').map_or(text.clone(), |t| format!("{t}+00:00"));
    ["%Y-%m-%d %H:%M:%S%.f%#z", "%Y-%m-%d %H:%M%#z"]
        .iter()
        .find_map(|format| DateTime::parse_from_str(&text, format).ok())
        .map(|at| at.with_timezone(&Utc))
}

pub(super) fn clock_time(text: &str) -> Option<NaiveTime> {
    // "7:42 a.m." as "7:42 AM"; the dots of fractional seconds are kept.
    let upper = text.to_uppercase().replace("A.M.", "AM").replace("P.M.", "PM");
    ["%H:%M:%S%.f", "%H:%M", "%I:%M:%S %p", "%I:%M %p", "%I:%M:%S%p", "%I:%M%p", "%I %p"]
        .iter()
        .find_map(|format| NaiveTime::parse_from_str(&upper, format).ok())
}

fn not_a_date(text: &str) -> String {
    format!("{} is not a date: use YYYY-MM-DD", quoted(text.trim()))
}

fn parsed_day(text: &str, order: Option<DateOrder>, serial: bool) -> Result<Option<NaiveDate>, String> {
    if let Some(day) = chinese(text) {
        return Ok(Some(day));
    }
    // The year first, written with four digits (chrono would take "08/06/25" as the year 8).
    let year_first = text.len() >= 8 && text.chars().take(4).all(|c| c.is_ascii_digit());
    if year_first {
        for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
            if let Ok(day) = NaiveDate::parse_from_str(text, format) {
                return Ok(Some(day));
            }
        }
        if text.len() == 8 && text.chars().all(|c| c.is_ascii_digit()) {
            return Ok(NaiveDate::parse_from_str(text, "%Y%m%d").ok());
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
/// or both are the same day (06/06/1990). One kind of separator, digits only, the year written with four.
fn slashed(text: &str, order: Option<DateOrder>) -> Result<Option<NaiveDate>, String> {
    let Some(separator) = ['/', '.'].into_iter().find(|&s| text.contains(s)) else { return Ok(None) };
    let parts: Vec<&str> = text.split(separator).collect();
    let [a, b, year] = parts[..] else { return Ok(None) };
    let digits =
        |part: &str, most: usize| !part.is_empty() && part.len() <= most && part.chars().all(|c| c.is_ascii_digit());
    if !(digits(a, 2) && digits(b, 2) && digits(year, 4)) {
        return Ok(None);
    }
    if year.len() != 4 {
        return Err(format!("{} has a year of {} digits: write it with four (1975, 2025)", quoted(text), year.len()));
    }
    let (Ok(a), Ok(b), Ok(year)) = (a.parse::<u32>(), b.parse::<u32>(), year.parse::<i32>()) else { return Ok(None) };
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
        assert!(day("08/06/25", Some(DateOrder::Dmy), false).unwrap_err().contains("write it with four"));
        for garbage in ["6/8.1990", "+6/+8/+1990", "6/8/-5", "2025061", "1/2/123"] {
            assert!(day(garbage, Some(DateOrder::Dmy), false).is_err(), "{garbage}");
        }
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
        assert_eq!(at("2025-06-08 07:42:00 +0800", None).as_deref(), Ok("2025-06-07T23:42:00+00:00"));
        assert_eq!(at("2025-06-08T07:42Z", None).as_deref(), Ok("2025-06-08T07:42:00+00:00"));
        assert_eq!(at("2025-06-08 07:42:00.5", None).as_deref(), Ok("2025-06-08T00:42:00.500+00:00"));
        assert_eq!(at("2025-06-08", Some("7:42 a.m.")).as_deref(), Ok("2025-06-08T00:42:00+00:00"));
        assert!(at("2025-06-08", Some("breakfast")).is_err());
    }
}
