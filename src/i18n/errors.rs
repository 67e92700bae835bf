//! What went wrong, as the desk says it in its language: the book's errors and the values it will not take. Their
//! `Display` stays English (logs, JSON, the chain of a command's error); what a library says of its own failure
//! (SQLite, the PostgreSQL client, TLS) is quoted as it gave it.

use super::Said;
use crate::config::ConfigError;
use crate::domain::guest::BadBirthday;
use crate::domain::money::{AmountWhy, BadAmount};
use crate::domain::promise::BadDue;
use crate::domain::text::{inert, quoted};
use crate::domain::when::{Ahead, BadTime};
use crate::domain::{Problem, ValidationError};
use crate::said;
use crate::store::{Duplicate, StoreError};

/// `error` in the desk's words.
pub fn error(error: &StoreError) -> Said {
    let path = |path: &std::path::Path| inert(&path.display().to_string()).into_owned();
    match error {
        StoreError::Directory(at) => said!("error-directory", path = path(at)),
        StoreError::Create { path: at, source } => {
            said!("error-create", path = path(at), why = Said::verbatim(source.to_string()))
        }
        StoreError::Missing(at) => said!("error-missing", path = path(at)),
        StoreError::NotABook => said!("error-not-a-book"),
        StoreError::NewerSchema { found, supported } => {
            said!("error-newer-schema", found = *found, supported = *supported)
        }
        StoreError::Tampered(what) => said!("error-tampered", what = Said::verbatim(what)),
        StoreError::ReadOnly => said!("error-read-only"),
        StoreError::DiskFull => said!("error-disk-full"),
        StoreError::Busy => said!("error-busy"),
        StoreError::Corrupt(what) => said!("error-corrupt", what = Said::verbatim(what)),
        StoreError::Unreadable(row) => said!("error-unreadable", row = Said::verbatim(row.to_string())),
        StoreError::UnknownStation { name, known } if known.is_empty() => {
            said!("error-unknown-station-none", name = quoted(name))
        }
        StoreError::UnknownStation { name, known } => {
            said!("error-unknown-station", name = quoted(name), known = known.join(", "))
        }
        StoreError::NotFound(what) => said!("error-not-found", what = Said::verbatim(what)),
        StoreError::Changed => said!("error-changed"),
        StoreError::Clash(report) => {
            let fields: Vec<Said> = report.reconciled.clashes.iter().map(|c| Said::named("field", c.field)).collect();
            said!("error-clash", fields = fields)
        }
        StoreError::Invalid(invalid) => validation(invalid),
        StoreError::InvalidRecord { index, error } => said!("error-record", n = index + 1, why = validation(error)),
        StoreError::Sqlite(why) => said!("error-sqlite", why = Said::verbatim(why.to_string())),
        StoreError::Postgres(why) => said!("error-postgres", why = Said::verbatim(why)),
        StoreError::Unreachable(why) => said!("error-unreachable", why = Said::verbatim(why)),
        StoreError::Tls(why) => said!("error-tls", why = Said::verbatim(why)),
        StoreError::AlreadySaved => said!("error-already-saved"),
        StoreError::Stopped => said!("error-stopped"),
    }
}

/// A value refused: the field, then what is wrong with it.
pub fn validation(error: &ValidationError) -> Said {
    said!("error-invalid", field = Said::named("field", error.field), problem = problem(&error.problem))
}

/// What is wrong with a value, without the field (a form shows it under the field).
pub fn problem(problem: &Problem) -> Said {
    match problem {
        Problem::TooLong { chars, max } => said!("problem-too-long", chars = *chars, max = *max),
        Problem::Year(year) => said!("problem-year", year = *year),
        Problem::NoName => said!("problem-no-name"),
        Problem::NoCategory => said!("problem-no-category"),
        Problem::NoNote => said!("problem-no-note"),
        Problem::Cost => said!("problem-cost"),
        Problem::BeforeOpened => said!("problem-before-opened"),
        Problem::PartySize => said!("problem-party-size"),
        Problem::SameGuest => said!("problem-same-guest"),
        Problem::HasHistory => said!("problem-has-history"),
        Problem::ResolvedAlready(id, on) => said!("problem-resolved-already", id = *id, on = on.as_str()),
        Problem::Exists => said!("problem-exists"),
        Problem::ServerBackup => said!("problem-server-backup"),
        Problem::NotEmpty(table) => said!("problem-not-empty", table = table.as_str()),
        Problem::Said(what) => Said::verbatim(what),
    }
}

/// A time or day typed that is not taken.
pub fn bad_time(bad: &BadTime) -> Said {
    match bad {
        BadTime::Skipped(text) => said!("bad-time-skipped", text = quoted(text)),
        BadTime::NotATime(text) => said!("bad-time-not-a-time", text = quoted(text)),
        BadTime::Before1900(text) => said!("bad-time-before-1900", text = quoted(text)),
        BadTime::Future(text, ahead) => {
            let ahead = match *ahead {
                Ahead::Days(n) => said!("bad-time-days", n = n),
                Ahead::Hours(n) => said!("bad-time-hours", n = n),
                Ahead::Minutes(n) => said!("bad-time-minutes", n = n),
            };
            said!("bad-time-future", text = quoted(text), ahead = ahead)
        }
        BadTime::NotADay(text) => said!("bad-time-not-a-day", text = quoted(text)),
        BadTime::DayYear(text, year) => said!("bad-time-day-year", text = quoted(text), year = *year),
    }
}

/// A `due:` time typed that is not taken.
pub fn bad_due(bad: &BadDue) -> Said {
    match bad {
        BadDue::NotATime(text) => said!("bad-due", text = quoted(text)),
        BadDue::Past(text) => said!("bad-due-past", text = quoted(text)),
        BadDue::Skipped(text) => said!("bad-time-skipped", text = quoted(text)),
    }
}

/// A birthday typed that is not one.
pub fn bad_birthday(bad: &BadBirthday) -> Said {
    said!("bad-birthday", text = quoted(&bad.0))
}

/// An amount typed that is not one.
pub fn bad_amount(bad: &BadAmount) -> Said {
    let text = quoted(&bad.text);
    match bad.why {
        AmountWhy::NotOne => said!("bad-amount", text = text),
        AmountWhy::BelowZero => said!("bad-amount-below-zero", text = text),
        AmountWhy::Grouping { mark, example } => {
            said!("bad-amount-grouping", text = text, mark = format!("{mark:?}"), example = example)
        }
        AmountWhy::Decimals => said!("bad-amount-decimals", text = text),
    }
}

/// The guests a new one may be already, each with what they share: "Jon Smith (guest 1, same phone)".
pub fn duplicates(found: &[Duplicate]) -> Vec<Said> {
    found
        .iter()
        .map(|d| {
            let same = if d.same == "phone" { "write-same-phone" } else { "write-same-email" };
            said!("write-duplicate", name = inert(&d.name), id = d.id.0, same = Said::new(same))
        })
        .collect()
}

/// The settings file cannot be read or is not valid; what the TOML reader says of it is quoted as it gave it.
pub fn config_error(error: &ConfigError) -> Said {
    let path = |path: &std::path::Path| inert(&path.display().to_string()).into_owned();
    match error {
        ConfigError::Read { path: at, source } => {
            said!("config-cannot-read", path = path(at), why = Said::verbatim(source.to_string()))
        }
        ConfigError::Missing(at) => said!("config-missing", path = path(at)),
        ConfigError::Invalid { path: at, message } => {
            said!("config-invalid", path = path(at), why = Said::verbatim(message))
        }
    }
}
