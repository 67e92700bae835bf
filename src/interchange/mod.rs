//! Guest lists in and out: JSON Lines (the whole record) and CSV (the profile, as spreadsheets export it).

mod csv;
mod jsonl;

use crate::domain::text::quoted;
use std::fmt;
use std::io::Write;
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};
use thiserror::Error;

use crate::domain::{GuestHistory, GuestRecord, Recovery, RecoveryEntry, ValidationError};

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

/// A parsed guest list: validated records with the line each started on, and warnings about what was skipped.
#[derive(Debug, Default)]
pub struct Parsed {
    pub records: Vec<(u64, GuestRecord)>,
    /// Recoveries recorded for nobody in particular, with their line.
    pub mishaps: Vec<(u64, Recovery)>,
    pub warnings: Vec<String>,
}

/// Parses and validates a whole guest list; the first bad record fails it all.
pub fn parse(format: Format, bytes: &[u8]) -> Result<Parsed, ImportError> {
    match format {
        Format::Jsonl => jsonl::parse(bytes),
        Format::Csv => csv::parse(bytes),
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

    pub fn guest(&mut self, history: &GuestHistory) -> std::io::Result<()> {
        match self {
            Self::Jsonl(out) => jsonl::guest(history, out),
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
