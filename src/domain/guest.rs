//! Guests: who they are, how to greet them, and what staff must know before they reach the counter.

use std::fmt;
use std::str::FromStr;

use super::text::quoted;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::text::normalise;
use super::{ValidationError, check_len, check_list};

/// The guest book's id for a guest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GuestId(pub i64);

impl fmt::Display for GuestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Everything staff record about a guest, apart from visits and recoveries. (Serialised only for a draft of a form
/// kept while the screen was closed; exports have their own format.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    /// How staff address the guest: "于先生", "Mr. Yu".
    pub greeting: String,
    pub phone: String,
    pub email: String,
    pub birthday: Option<Birthday>,
    pub tags: Vec<String>,
    pub allergies: Vec<String>,
    pub preferences: Vec<String>,
    pub notes: String,
    /// Names the guest also goes by, searched like the name: an English name, the passport spelling ("Somchai
    /// Jaidee" beside สมชาย ใจดี), a former name.
    pub other_names: Vec<String>,
}

/// Longest name, greeting, phone, email, list item or seat, in characters.
pub const SHORT_FIELD_MAX: usize = 200;
/// Longest note or free-text account, in characters.
pub const LONG_FIELD_MAX: usize = 4000;

impl Profile {
    /// The profile as the book stores it: text trimmed, empty list items dropped, every limit checked.
    pub fn validated(mut self) -> Result<Self, ValidationError> {
        self.name = self.name.trim().to_owned();
        if self.name.is_empty() {
            return Err(ValidationError::new("name", super::Problem::NoName));
        }
        for (field, value) in [
            ("name", &mut self.name),
            ("greeting", &mut self.greeting),
            ("phone", &mut self.phone),
            ("email", &mut self.email),
        ] {
            *value = value.trim().to_owned();
            check_len(field, value, SHORT_FIELD_MAX)?;
        }
        check_len("notes", &self.notes, LONG_FIELD_MAX)?;
        check_list("tags", &mut self.tags)?;
        check_list("allergies", &mut self.allergies)?;
        check_list("preferences", &mut self.preferences)?;
        check_list("other names", &mut self.other_names)?;
        Ok(self)
    }

    /// Keys under which an imported guest is the same person as one already in the book: the same name with the same
    /// phone number, or the same name with the same email address.
    /// The name is compared in one script: 陳小明 and 陈小明 with the same phone are one guest.
    pub fn identity_keys(&self) -> impl Iterator<Item = String> + use<> {
        let name = normalise(&crate::search::simplified_text(&self.name));
        let digits: String = self.phone.chars().filter(char::is_ascii_digit).collect();
        let email = self.email.trim().to_lowercase();
        let by_phone = (!digits.is_empty()).then(|| format!("{name}\u{1f}phone\u{1f}{digits}"));
        let by_email = (!email.is_empty()).then(|| format!("{name}\u{1f}email\u{1f}{email}"));
        by_phone.into_iter().chain(by_email)
    }
}

/// A guest as stored: id, row version (bumped by every change), profile, and who last wrote the notes, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guest {
    pub id: GuestId,
    pub version: i64,
    pub profile: Profile,
    pub notes_by: Option<Noted>,
}

/// Who wrote something on a guest's card, and when: "noted by Nok · 2 days ago".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noted {
    pub staff: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A birthday, with or without the year ("1980-02-29" or "--02-29"); serialised as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Birthday {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl Birthday {
    /// The next date, from `today` on, on which the birthday is celebrated; 29 February falls on 28 February in common
    /// years.
    pub fn next_on_or_after(&self, today: NaiveDate) -> NaiveDate {
        let in_year = |year: i32| {
            NaiveDate::from_ymd_opt(year, self.month, self.day)
                .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
                .unwrap_or(today)
        };
        let this_year = in_year(today.year());
        if this_year >= today { this_year } else { in_year(today.year() + 1) }
    }
}

/// A birthday typed that is not one, as typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} is not a date: use YYYY-MM-DD, or --MM-DD without the year", quoted(.0))]
pub struct BadBirthday(pub String);

impl FromStr for Birthday {
    type Err = BadBirthday;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadBirthday(text.to_owned());
        if let Some(month_day) = text.strip_prefix("--") {
            // Checked against a leap year so that --02-29 is accepted.
            let date = NaiveDate::parse_from_str(&format!("2000-{month_day}"), "%Y-%m-%d").map_err(|_| bad())?;
            if month_day.len() != 5 {
                return Err(bad());
            }
            return Ok(Self { year: None, month: date.month(), day: date.day() });
        }
        if text.len() != 10 {
            return Err(bad());
        }
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad())?;
        Ok(Self { year: Some(date.year()), month: date.month(), day: date.day() })
    }
}

impl Serialize for Birthday {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Birthday {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Birthday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(year) => write!(f, "{year:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(name: &str) -> Profile {
        Profile { name: name.into(), ..Profile::default() }
    }

    #[test]
    fn name_is_required_and_trimmed() {
        assert_eq!(profile("  Emma Stone ").validated().map(|p| p.name), Ok("Emma Stone".to_owned()));
        let err = profile(" \t ").validated().unwrap_err();
        assert_eq!(err.field, "name");
    }

    #[test]
    fn over_long_fields_are_refused_by_name() {
        let mut p = profile("Emma");
        p.notes = "x".repeat(1 << 20);
        assert_eq!(p.validated().unwrap_err().field, "notes");
        let mut p = profile("Emma");
        p.tags = vec!["vip".into(), "y".repeat(201)];
        assert_eq!(p.validated().unwrap_err().field, "tags");
    }

    #[test]
    fn blank_list_items_are_dropped() {
        let mut p = profile("Emma");
        p.allergies = vec![" peanuts ".into(), "  ".into()];
        assert_eq!(p.validated().map(|p| p.allergies), Ok(vec!["peanuts".to_owned()]));
    }

    #[test]
    fn identity_is_name_with_phone_digits_or_email() {
        let mut a = profile("Yu  Ming");
        a.phone = "+86 138-0000-0108".into();
        let mut b = profile("yu ming");
        b.phone = "+8613800000108".into();
        assert_eq!(a.identity_keys().collect::<Vec<_>>(), b.identity_keys().collect::<Vec<_>>());
        let mut c = profile("Yu Ming");
        c.email = "YU@EXAMPLE.COM".into();
        let mut d = profile("Yu Ming");
        d.email = "yu@example.com".into();
        assert_eq!(c.identity_keys().collect::<Vec<_>>(), d.identity_keys().collect::<Vec<_>>());
        assert_eq!(profile("Yu Ming").identity_keys().count(), 0);
    }

    #[test]
    fn birthdays_parse_with_and_without_year() {
        assert_eq!("1980-06-08".parse(), Ok(Birthday { year: Some(1980), month: 6, day: 8 }));
        assert_eq!("--02-29".parse(), Ok(Birthday { year: None, month: 2, day: 29 }));
        for bad in ["1981-02-29", "--02-30", "2020-13-01", "08/06/1980", "--2-9", "", "1980-6-8"] {
            assert!(bad.parse::<Birthday>().is_err(), "{bad} should be refused");
        }
        for good in ["1980-06-08", "--02-29", "--12-31"] {
            assert_eq!(good.parse::<Birthday>().map(|b| b.to_string()), Ok(good.to_owned()));
        }
    }

    #[test]
    fn leap_day_birthday_falls_on_28_february_in_common_years() {
        let leap: Birthday = "--02-29".parse().unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(leap.next_on_or_after(day(2027, 1, 10)), day(2027, 2, 28));
        assert_eq!(leap.next_on_or_after(day(2028, 1, 10)), day(2028, 2, 29));
        let new_year: Birthday = "1990-01-02".parse().unwrap();
        assert_eq!(new_year.next_on_or_after(day(2026, 12, 30)), day(2027, 1, 2));
        assert_eq!(new_year.next_on_or_after(day(2027, 1, 2)), day(2027, 1, 2));
    }
}
