//! Guest lists in and out. In: regulars' own JSON Lines (the whole record) and CSV, and what the systems a house
//! already uses export — spreadsheets and card terminals' customer lists (delimited text in any encoding, or an Excel
//! workbook), a phone's contacts (vCard), a till's sales (one row per item, made into visits) — each column found by
//! its header (`headers`). Out: JSON Lines and CSV, cells a spreadsheet would run made safe.

pub mod arrivals;
mod csv;
mod dates;
mod decode;
mod guests;
mod headers;
mod jsonl;
mod orders;
mod table;
mod vcard;

use crate::domain::text::quoted;
use std::fmt;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use encoding_rs::Encoding;
use thiserror::Error;

use crate::domain::{GuestHistory, GuestRecord, Incoming, RecoveryEntry, ValidationError};
pub use csv::safe as spreadsheet_safe;
pub use dates::DateOrder;
pub use decode::named as encoding;
use headers::{Field, Mapping};

/// The form of a list to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON Lines: one guest per line, with visits and recoveries.
    Jsonl,
    /// Delimited text: comma, semicolon or tab separated, a header row first (CSV, TSV, "Unicode text").
    Csv,
    /// vCard (.vcf), as a phone exports its contacts.
    Vcard,
    /// An Excel workbook (.xlsx; also .xls and .ods).
    Xlsx,
}

impl Format {
    /// The format a file's extension names, if it names one.
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" | "json" => Some(Self::Jsonl),
            "csv" | "tsv" | "tab" | "txt" => Some(Self::Csv),
            "vcf" | "vcard" => Some(Self::Vcard),
            "xlsx" | "xlsm" | "xls" | "ods" => Some(Self::Xlsx),
            _ => None,
        }
    }
}

/// The form of a list written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Output {
    /// JSON Lines: one guest per line, with visits and recoveries.
    Jsonl,
    /// CSV: one guest per row, profile fields only.
    Csv,
}

/// What the rows of a table are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Holds {
    /// One guest a row.
    #[default]
    Guests,
    /// One item sold a row (a till's sales export): made into visits, one a ticket.
    Orders,
}

/// How a list is to be read; what is not said is worked out from the file.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: Option<Format>,
    pub holds: Holds,
    /// `FIELD=HEADER`, each overriding the guess for that field.
    pub map: Vec<String>,
    pub keep_other_columns: bool,
    pub date_order: Option<DateOrder>,
    pub encoding: Option<&'static Encoding>,
    pub sheet: Option<String>,
    /// The time zone of sales times written without an offset: the system's (with its summer time, for each sale's
    /// own day) unless one is given.
    pub zone: Option<FixedOffset>,
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
        Self::new(line, Some(format!("{prefix}{}", error.field)), error.problem.to_string())
    }
}

/// The entries of a guest list as they are read, each validated, with the line it starts on.
pub type Entries<'a> = Box<dyn Iterator<Item = Result<(u64, Incoming), ImportError>> + 'a>;

/// Where a reader says what it skipped (an unknown field or column): the line, and the words.
pub type Warn<'a> = &'a dyn Fn(u64, String);

/// Reads a JSON Lines guest list as it comes, an entry at a time, so that a list of any size is read in the memory
/// of one entry; the first bad entry is the last. `warn` hears what is skipped.
pub fn read<'a>(input: impl BufRead + 'a, warn: Warn<'a>) -> Entries<'a> {
    jsonl::read(input, warn)
}

/// A whole JSON Lines guest list read into memory: the entries with their lines, and the warnings. For lists known
/// to be small; an import reads a `Source`.
pub fn parse(bytes: &[u8]) -> Result<Parsed, ImportError> {
    let warnings = std::cell::RefCell::new(Vec::new());
    let warn = |_, warning| warnings.borrow_mut().push(warning);
    let entries = read(bytes, &warn).collect::<Result<_, _>>()?;
    Ok(Parsed { entries, warnings: warnings.into_inner() })
}

/// A file that cannot be read, said as an import's error.
pub(super) fn unreadable(error: std::io::Error) -> ImportError {
    ImportError::new(0, None, format!("cannot read it: {error}"))
}

/// A list to import, its form worked out from the file: which format, encoding and delimiter, which column holds
/// what. Its entries can be read again from the start (the server may have an import's transaction tried again).
pub struct Source {
    path: PathBuf,
    format: Format,
    options: Options,
    encoding: &'static Encoding,
    /// The encoding is UTF-8 only by the look of the file's start (see `decode::reader`).
    guessed_utf8: bool,
    delimiter: u8,
    mapping: Mapping,
    /// regulars' own CSV export.
    own: bool,
    /// The column of items sold found in a list read as guests (see `looks_like_sales`).
    sales_column: Option<usize>,
}

impl Source {
    /// Works out how the file at `path` is to be read, from `options` and its start.
    pub fn open(path: &Path, options: Options) -> Result<Self, ImportError> {
        let format = options.format.or_else(|| Format::from_path(path)).ok_or_else(|| {
            ImportError::new(
                0,
                None,
                "cannot tell the format from the file's name; give --format jsonl, csv, vcard or xlsx",
            )
        })?;
        let mut source = Self {
            path: path.to_owned(),
            format,
            options,
            encoding: encoding_rs::UTF_8,
            guessed_utf8: false,
            delimiter: b',',
            mapping: Mapping::default(),
            own: false,
            sales_column: None,
        };
        match format {
            Format::Jsonl => {}
            Format::Vcard | Format::Csv => {
                let text = table::Text::of(path, source.options.encoding)?;
                (source.encoding, source.guessed_utf8, source.delimiter) =
                    (text.encoding, text.guessed_utf8, text.delimiter);
            }
            Format::Xlsx => {}
        }
        match format {
            Format::Jsonl | Format::Vcard => {}
            Format::Csv => {
                let headers = table::delimited(path, source.encoding, source.guessed_utf8, source.delimiter)?.headers;
                source.set_mapping(&headers)?;
            }
            Format::Xlsx => {
                let headers = table::workbook(path, source.options.sheet.as_deref())?.headers;
                source.set_mapping(&headers)?;
            }
        }
        Ok(source)
    }

    fn set_mapping(&mut self, headers: &[String]) -> Result<(), ImportError> {
        self.own = self.options.holds == Holds::Guests && csv::own(headers);
        self.mapping = Mapping::of(headers, &self.options.map)?;
        self.sales_column = self.mapping.column(Field::Item).filter(|_| self.options.holds == Holds::Guests);
        let orders = self.options.holds == Holds::Orders;
        self.mapping.only(|field| (field.of_orders() == orders && !field.of_arrivals()) || field.names_a_customer());
        let named =
            self.mapping.has(Field::Name) || self.mapping.has(Field::FirstName) || self.mapping.has(Field::LastName);
        if self.options.holds == Holds::Guests && !named {
            return Err(ImportError::new(
                1,
                None,
                format!(
                    "no name column in the header row ({}); name it with --map name=HEADER",
                    headers.iter().map(|h| quoted(h)).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        Ok(())
    }

    /// A guest list with a column of items sold is likely a till's sales export, imported as guests by mistake.
    fn looks_like_sales(&self) -> Option<String> {
        let item = self.sales_column?;
        Some(format!(
            "the column {} holds items sold: if this is a sales export, import it with --as orders",
            quoted(&self.mapping.headers[item])
        ))
    }

    /// How the file is read, line by line, for a dry run.
    pub fn described(&self) -> Vec<String> {
        let mut lines = vec![match self.format {
            Format::Jsonl => "JSON Lines".to_owned(),
            Format::Vcard => format!("vCard, {}", self.encoding.name()),
            Format::Xlsx => format!("Excel workbook, sheet {}", self.options.sheet.as_deref().unwrap_or("the first")),
            Format::Csv => {
                let delimiter = match self.delimiter {
                    b';' => "semicolon-separated",
                    b'\t' => "tab-separated",
                    _ => "comma-separated",
                };
                format!("{delimiter} text, {}", self.encoding.name())
            }
        }];
        if matches!(self.format, Format::Csv | Format::Xlsx) {
            lines.push(format!("columns: {}", self.mapping.described()));
            lines.extend(self.looks_like_sales());
            let unknown: Vec<String> = self.mapping.unknown().map(|(_, h)| quoted(h)).collect();
            if !unknown.is_empty() {
                let kept = if self.options.keep_other_columns { "kept in the notes" } else { "skipped" };
                lines.push(format!("not recognised ({kept}): {}", unknown.join(", ")));
            }
        }
        lines
    }

    /// The list's entries, from its start, as they are read; `warn` hears what is skipped.
    pub fn entries<'a>(&'a self, warn: Warn<'a>) -> Result<Entries<'a>, ImportError> {
        let table = match self.format {
            Format::Jsonl => {
                let input = std::io::BufReader::new(std::fs::File::open(&self.path).map_err(unreadable)?);
                return Ok(read(input, warn));
            }
            Format::Vcard => {
                let bytes = std::fs::read(&self.path).map_err(unreadable)?;
                let text = match self.guessed_utf8 {
                    true => String::from_utf8(bytes).map_err(|_| {
                        let problem =
                            "not valid UTF-8: say the file's encoding with --encoding (windows-1252, gbk, big5, …)";
                        ImportError::new(0, None, problem)
                    })?,
                    false => decode::text(&bytes, self.encoding),
                };
                let guests = vcard::read(&text, warn)?;
                return Ok(Box::new(guests.into_iter().map(Ok)));
            }
            Format::Csv => table::delimited(&self.path, self.encoding, self.guessed_utf8, self.delimiter)?,
            Format::Xlsx => table::workbook(&self.path, self.options.sheet.as_deref())?,
        };
        if let Some(hint) = self.looks_like_sales() {
            warn(1, hint);
        }
        if !self.options.keep_other_columns {
            for (_, header) in self.mapping.unknown() {
                warn(
                    1,
                    format!(
                        "column {} is not one regulars knows: skipped (--keep-other-columns keeps it in the notes)",
                        quoted(header)
                    ),
                );
            }
        }
        match self.options.holds {
            Holds::Orders => {
                let rules = orders::Rules { date_order: self.options.date_order, zone: self.options.zone };
                let guests = orders::read(&self.mapping, &rules, table.rows, warn)?;
                Ok(Box::new(guests.into_iter().map(Ok)))
            }
            Holds::Guests => {
                let rules = guests::Rules {
                    date_order: self.options.date_order,
                    serial_days: self.format == Format::Xlsx,
                    keep_other_columns: self.options.keep_other_columns,
                    own: self.own,
                };
                let mapping = &self.mapping;
                let mut ended = false;
                Ok(Box::new(table.rows.map_while(move |row| {
                    if ended {
                        return None;
                    }
                    let guest = row.and_then(|(line, row)| guests::record(mapping, &rules, line, &row));
                    ended = guest.is_err();
                    Some(guest)
                })))
            }
        }
    }
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
    /// CSV, and whether its cells are written raw (else made safe for a spreadsheet).
    Csv(Box<::csv::Writer<W>>, bool),
}

impl<W: Write> Writer<W> {
    /// Starts a list in `format` (CSV with its header row; `raw` keeps its cells exactly, see `csv::safe`).
    pub fn new(format: Output, out: W, raw: bool) -> std::io::Result<Self> {
        Ok(match format {
            Output::Jsonl => Self::Jsonl(out),
            Output::Csv => Self::Csv(Box::new(csv::start(out)?), raw),
        })
    }

    /// One guest, with the key that names them for good (`Store::export` gives it; JSON Lines carries it).
    pub fn guest(&mut self, history: &GuestHistory, key: &str) -> std::io::Result<()> {
        match self {
            Self::Jsonl(out) => jsonl::guest(history, key, out),
            Self::Csv(out, raw) => csv::guest(history, out, *raw),
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
            Self::Csv(mut out, _) => out.flush(),
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
