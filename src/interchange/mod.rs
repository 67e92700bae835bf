//! Guest lists in and out: JSON Lines (the whole record) and CSV (the profile, as spreadsheets export it).

mod csv;
mod jsonl;

use crate::domain::text::quoted;
use std::fmt;
use std::io::{BufRead, Write};
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};
use thiserror::Error;

use crate::domain::{GuestHistory, GuestRecord, Incoming, RecoveryEntry, ValidationError};

/// A file format for guest lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON Lines: one guest per line, with visits and recoveries.
    Jsonl,
    /// CSV: one guest per row, profile fields only.
    Csv,
}

impl Format {
    /// The format a file's extension names, if it names one.
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" | "json" => Some(Self::Jsonl),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }
}

/// Why a guest list cannot be imported: where, which field, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct ImportError {
    /// 1-based line of the file; 0 when the problem is the file as a whole.
    pub line: u64,
    pub field: Option<String>,
    pub problem: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.problem)
    }
}

impl ImportError {
    fn new(line: u64, field: Option<String>, problem: impl Into<String>) -> Self {
        Self { line, field, problem: problem.into() }
    }

    fn invalid(line: u64, prefix: &str, error: ValidationError) -> Self {
        Self::new(line, Some(format!("{prefix}{}", error.field)), error.problem)
    }
}

/// The entries of a guest list as they are read, each validated, with the line it starts on.
pub type Entries<'a> = Box<dyn Iterator<Item = Result<(u64, Incoming), ImportError>> + 'a>;

/// Where a reader says what it skipped (an unknown field or column): the line, and the words.
pub type Warn<'a> = &'a dyn Fn(u64, String);

/// Reads a guest list as it comes, an entry at a time, so that a list of any size is read in the memory of one
/// entry; the first bad entry is the last. `warn` hears what is skipped.
pub fn read<'a>(format: Format, input: impl BufRead + 'a, warn: Warn<'a>) -> Result<Entries<'a>, ImportError> {
    match format {
        Format::Jsonl => Ok(jsonl::read(input, warn)),
        Format::Csv => csv::read(input, warn),
    }
}

/// A whole guest list read into memory: the entries with their lines, and the warnings. For lists known to be
/// small; an import reads with `read`.
pub fn parse(format: Format, bytes: &[u8]) -> Result<Parsed, ImportError> {
    let warnings = std::cell::RefCell::new(Vec::new());
    let warn = |_, warning| warnings.borrow_mut().push(warning);
    let entries = read(format, bytes, &warn)?.collect::<Result<_, _>>()?;
    Ok(Parsed { entries, warnings: warnings.into_inner() })
}

/// A guest list read whole (see `parse`).
#[derive(Debug, Default)]
pub struct Parsed {
    pub entries: Vec<(u64, Incoming)>,
    pub warnings: Vec<String>,
}

impl Parsed {
    /// The guests of the list, without the mishaps.
    pub fn guests(self) -> Vec<GuestRecord> {
        let guest = |(_, entry)| match entry {
            Incoming::Guest(record, _) => Some(*record),
            Incoming::Mishap(_) => None,
        };
        self.entries.into_iter().filter_map(guest).collect()
    }
}

/// Writes guests in a format one at a time, in the order given, so that a whole book never need be in memory.
pub enum Writer<W: Write> {
    Jsonl(W),
    Csv(Box<::csv::Writer<W>>),
}

impl<W: Write> Writer<W> {
    /// Starts a list in `format` (CSV with its header row).
    pub fn new(format: Format, out: W) -> std::io::Result<Self> {
        Ok(match format {
            Format::Jsonl => Self::Jsonl(out),
            Format::Csv => Self::Csv(Box::new(csv::start(out)?)),
        })
    }

    /// One guest, with the key that names them for good (`Store::export` gives it; JSON Lines carries it).
    pub fn guest(&mut self, history: &GuestHistory, key: &str) -> std::io::Result<()> {
        match self {
            Self::Jsonl(out) => jsonl::guest(history, key, out),
            Self::Csv(out) => csv::guest(history, out),
        }
    }

    /// Ends the list: in JSON Lines, which carries whole records, with the recoveries recorded for nobody in
    /// particular. CSV carries profiles only.
    pub fn finish(self, mishaps: &[RecoveryEntry]) -> std::io::Result<()> {
        match self {
            Self::Jsonl(mut out) => {
                jsonl::mishaps(mishaps, &mut out)?;
                out.flush()
            }
            Self::Csv(mut out) => out.flush(),
        }
    }
}

fn parse_time(line: u64, field: &str, text: &str) -> Result<DateTime<Utc>, ImportError> {
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).map_err(|_| {
        ImportError::new(line, Some(field.to_owned()), format!("{} is not an RFC 3339 time", quoted(text)))
    })
}

fn format_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}
