//! Tables of cells, however they were saved: delimited text (comma, semicolon as European spreadsheets save it, or
//! tab — told from the header row) decoded as it is read, or the first sheet of an Excel workbook (or one named),
//! read with calamine. Either is a header row, then rows of text with the line (or row) each is on.

use std::path::Path;

use calamine::{Data, Reader};
use encoding_rs::Encoding;

use super::{ImportError, decode};
use crate::domain::text::quoted;

/// The rows of a table after its header row, each with its line.
pub(super) type Rows<'a> = Box<dyn Iterator<Item = Result<(u64, Vec<String>), ImportError>> + 'a>;

/// A table: its header row, and its rows as they are read.
pub(super) struct Table<'a> {
    pub headers: Vec<String>,
    pub rows: Rows<'a>,
}

/// How a text file is to be read, as its start tells it: its encoding (the one named, else the one detected),
/// whether UTF-8 was only guessed, and the delimiter of its header row.
pub(super) struct Text {
    pub encoding: &'static Encoding,
    pub guessed_utf8: bool,
    pub delimiter: u8,
}

impl Text {
    pub(super) fn of(path: &Path, named: Option<&'static Encoding>) -> Result<Self, ImportError> {
        let sample = decode::sample(path).map_err(super::unreadable)?;
        let encoding = named.unwrap_or_else(|| decode::detect(&sample, false));
        let guessed_utf8 = decode::guessed_utf8(&sample, encoding, named.is_some());
        let delimiter = delimiter(&decode::text(&sample, encoding));
        Ok(Self { encoding, guessed_utf8, delimiter })
    }
}

/// The delimiter of delimited text whose first line is `first`: the one of comma, semicolon and tab found most often
/// outside quotes (a comma when none is).
pub(super) fn delimiter(first: &str) -> u8 {
    let line = first.lines().next().unwrap_or_default();
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], usize::from(i == 0))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Delimited text at `path`, in `encoding` (read as it is when only guessed to be UTF-8), split by `delimiter`.
pub(super) fn delimited(
    path: &Path,
    encoding: &'static Encoding,
    guessed_utf8: bool,
    delimiter: u8,
) -> Result<Table<'static>, ImportError> {
    let input = decode::reader(path, encoding, guessed_utf8).map_err(super::unreadable)?;
    let mut reader = csv::ReaderBuilder::new().has_headers(true).delimiter(delimiter).from_reader(input);
    let headers = reader.headers().map_err(|e| csv_error(&e))?.iter().map(str::to_owned).collect();
    let mut ended = false;
    let rows = reader.into_records().map_while(move |row| {
        if ended {
            return None;
        }
        let row = row.map_err(|e| csv_error(&e)).map(|row| {
            let line = row.position().map_or(0, |p| p.line());
            (line, row.iter().map(str::to_owned).collect())
        });
        ended = row.is_err();
        Some(row)
    });
    Ok(Table { headers, rows: Box::new(rows) })
}

/// The sheet `sheet` (else the first) of the workbook at `path`; a date cell is written `YYYY-MM-DD` (with the
/// time, when it has one), a whole number without a decimal point (a phone number saved as a number stays one).
pub(super) fn workbook(path: &Path, sheet: Option<&str>) -> Result<Table<'static>, ImportError> {
    let unreadable = |e: calamine::Error| ImportError::new(0, None, format!("cannot read the workbook: {e}"));
    let mut workbook = calamine::open_workbook_auto(path).map_err(unreadable)?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(sheet) => names.iter().find(|n| n.as_str() == sheet).cloned().ok_or_else(|| {
            ImportError::new(0, None, format!("no sheet {}; the sheets are {}", quoted(sheet), names.join(", ")))
        })?,
        None => names.first().cloned().ok_or_else(|| ImportError::new(0, None, "the workbook has no sheet"))?,
    };
    let range = workbook.worksheet_range(&name).map_err(unreadable)?;
    let first = range.start().map_or(0, |(row, _)| u64::from(row));
    let mut rows = range.rows().enumerate().map(|(i, row)| (first + i as u64 + 1, row.iter().map(cell).collect()));
    let (_, headers) = rows.next().ok_or_else(|| ImportError::new(1, None, "the sheet is empty"))?;
    let rows: Vec<(u64, Vec<String>)> = rows.collect();
    Ok(Table { headers, rows: Box::new(rows.into_iter().map(Ok)) })
}

fn cell(data: &Data) -> String {
    match data {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => format!("{number:.0}"),
        Data::Float(number) => number.to_string(),
        Data::Bool(yes) => yes.to_string(),
        Data::DateTime(at) => match at.as_datetime() {
            // A time of day alone is a serial day under 1: Excel's day 0 (or 1899-12-31).
            Some(at) if at.date() < chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default() => {
                at.format("%H:%M:%S").to_string()
            }
            Some(at) if at.time() == chrono::NaiveTime::MIN => at.format("%Y-%m-%d").to_string(),
            Some(at) => at.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => at.as_f64().to_string(),
        },
    }
}

pub(super) fn csv_error(error: &csv::Error) -> ImportError {
    let line = error.position().map_or(0, |p| p.line());
    let problem = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "not valid UTF-8: say the file's encoding with --encoding (windows-1252, gbk, big5, …)".to_owned()
        }
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("has {len} fields where the header has {expected_len}")
        }
        _ => error.to_string(),
    };
    ImportError::new(line, None, problem)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_delimiter_is_told_from_the_header_row() {
        assert_eq!(super::delimiter("Name,Phone,Email\n"), b',');
        assert_eq!(super::delimiter("Name;Phone;\"Notes, long\"\n"), b';');
        assert_eq!(super::delimiter("Name\tPhone\tEmail"), b'\t');
        assert_eq!(super::delimiter("Name"), b',');
    }
}
