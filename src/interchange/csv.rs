//! CSV guest lists as a spreadsheet or property system exports them: a header row, one guest per row, list columns
//! separated by `;`.

use std::io::{BufRead, Write};

use super::{Entries, ImportError, Warn};
use crate::domain::{GuestHistory, GuestRecord, Incoming, Profile};

const COLUMNS: [&str; 10] =
    ["name", "greeting", "phone", "email", "birthday", "tags", "allergies", "preferences", "notes", "other_names"];
const LIST_SEPARATOR: char = ';';

/// The guests of a CSV list as they are read, a row at a time; the header row is read first, and an error in it
/// comes at once. The first error ends them.
pub(super) fn read<'a>(input: impl BufRead + 'a, warn: Warn<'a>) -> Result<Entries<'a>, ImportError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(input);
    let headers = reader.headers().map_err(|e| csv_error(&e))?.clone();
    // Where each known column sits in this file, if it is there at all.
    let mut at = [None; COLUMNS.len()];
    let mut unknown = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        // "Other names" as a spreadsheet heads it is `other_names`.
        let name = header.trim().to_ascii_lowercase().replace(' ', "_");
        match COLUMNS.iter().position(|&c| c == name) {
            Some(known) => at[known] = Some(i),
            None => unknown.push(header),
        }
    }
    if at[0].is_none() {
        return Err(ImportError::new(1, None, "no `name` column in the header row"));
    }
    for header in unknown {
        warn(1, format!("unknown column `{header}` skipped"));
    }
    let mut ended = false;
    Ok(Box::new(reader.into_records().map_while(move |row| {
        if ended {
            return None;
        }
        let guest = row.map_err(|e| csv_error(&e)).and_then(|row| row_guest(&at, &row));
        ended = guest.is_err();
        Some(guest)
    })))
}

/// One row's guest, with the line it is on.
fn row_guest(at: &[Option<usize>; COLUMNS.len()], row: &csv::StringRecord) -> Result<(u64, Incoming), ImportError> {
    let line = row.position().map_or(0, |p| p.line());
    let cell = |column: usize| at[column].and_then(|i| row.get(i)).unwrap_or("").to_owned();
    let list = |column: usize| cell(column).split(LIST_SEPARATOR).map(str::to_owned).collect();
    let birthday = cell(4);
    let birthday = if birthday.trim().is_empty() {
        None
    } else {
        Some(birthday.trim().parse().map_err(|problem| ImportError::new(line, Some("birthday".into()), problem))?)
    };
    let profile = Profile {
        name: cell(0),
        greeting: cell(1),
        phone: cell(2),
        email: cell(3),
        birthday,
        tags: list(5),
        allergies: list(6),
        preferences: list(7),
        notes: cell(8),
        other_names: at[9].map(|_| list(9)).unwrap_or_default(),
    }
    .validated()
    .map_err(|e| ImportError::invalid(line, "", e))?;
    let record = GuestRecord { profile, visits: Vec::new(), recoveries: Vec::new(), noted: None, written: Vec::new() };
    Ok((line, Incoming::Guest(Box::new(record), None)))
}

fn csv_error(error: &csv::Error) -> ImportError {
    let line = error.position().map_or(0, |p| p.line());
    let problem = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_owned(),
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("has {len} fields where the header has {expected_len}")
        }
        _ => error.to_string(),
    };
    ImportError::new(line, None, problem)
}

pub(super) fn start<W: Write>(out: W) -> std::io::Result<csv::Writer<W>> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    Ok(writer)
}

pub(super) fn guest<W: Write>(history: &GuestHistory, writer: &mut csv::Writer<W>) -> std::io::Result<()> {
    let separator = format!("{LIST_SEPARATOR} ");
    let p = &history.guest.profile;
    writer.write_record([
        p.name.as_str(),
        &p.greeting,
        &p.phone,
        &p.email,
        &p.birthday.map(|b| b.to_string()).unwrap_or_default(),
        &p.tags.join(&separator),
        &p.allergies.join(&separator),
        &p.preferences.join(&separator),
        &p.notes,
        &p.other_names.join(&separator),
    ])?;
    Ok(())
}
