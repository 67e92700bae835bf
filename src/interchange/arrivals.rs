//! The day's reservations or room arrivals as a booking system exports them: a table whose columns are found by
//! their headers as a guest list's are (name or first and last name, phone, email, date, time or date and time,
//! party, table or room, notes), or JSON Lines, one booking a line. A row with no date is for the day the import is
//! for. The whole file is read before anything is added: one bad row refuses it all, naming the line.

use std::path::Path;

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::Deserialize;

use super::dates::{self, DateOrder};
use super::headers::{Field, Mapping};
use super::table::{self, Table};
use super::{Format, ImportError, Options, guests::joined_name, unreadable};
use crate::domain::arrival::Booking;
use crate::domain::text::quoted;

/// Every booking of the file at `path`, with the line it is on; `day` is the day of a row that gives none.
pub fn read(path: &Path, options: &Options, day: NaiveDate) -> Result<Vec<(u64, Booking)>, ImportError> {
    let format = options.format.or_else(|| Format::from_path(path)).ok_or_else(|| {
        ImportError::new(0, None, "cannot tell the format from the file's name; give --format jsonl, csv or xlsx")
    })?;
    let table = match format {
        Format::Jsonl => return jsonl(path, day),
        Format::Vcard => return Err(ImportError::new(0, None, "a vCard holds contacts, not bookings")),
        Format::Csv => {
            let text = table::Text::of(path, options.encoding)?;
            table::delimited(path, text.encoding, text.guessed_utf8, text.delimiter)?
        }
        Format::Xlsx => table::workbook(path, options.sheet.as_deref())?,
    };
    rows(table, options, day, format == Format::Xlsx)
}

fn rows(table: Table<'_>, options: &Options, day: NaiveDate, serial: bool) -> Result<Vec<(u64, Booking)>, ImportError> {
    let mut mapping = Mapping::of(&table.headers, &options.map)?;
    mapping.only(|field| {
        field.names_a_customer()
            || matches!(field, Field::Date | Field::Time | Field::When | Field::Table | Field::Room)
            || matches!(field, Field::Party | Field::Notes)
    });
    if !(mapping.has(Field::Name) || mapping.has(Field::FirstName) || mapping.has(Field::LastName)) {
        let headers: Vec<String> = table.headers.iter().map(|h| quoted(h)).collect();
        let problem =
            format!("no name column in the header row ({}); name it with --map name=HEADER", headers.join(", "));
        return Err(ImportError::new(1, None, problem));
    }
    let mut bookings = Vec::new();
    for row in table.rows {
        let (line, row) = row?;
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        bookings.push((line, booking(&mapping, &row, line, day, options.date_order, serial)?));
    }
    Ok(bookings)
}

/// One row as a booking; the reason, when it is not one, names the line and the column.
fn booking(
    mapping: &Mapping,
    row: &[String],
    line: u64,
    day: NaiveDate,
    order: Option<DateOrder>,
    serial: bool,
) -> Result<Booking, ImportError> {
    let cell = |field: Field| mapping.column(field).and_then(|i| row.get(i)).map_or("", |c| c.trim()).to_owned();
    let header = |field: Field| mapping.column(field).map(|i| mapping.headers[i].clone());
    let refused = |field: Field, problem: String| ImportError::new(line, header(field), problem);
    let name = match cell(Field::Name) {
        name if !name.is_empty() => name,
        _ => joined_name(&cell(Field::FirstName), &cell(Field::LastName)),
    };
    // A date and a time apart, or together in one cell ("2026-12-04 14:00", "12/04/2026 2:00 PM").
    let (mut date, mut time) = (cell(Field::Date), cell(Field::Time));
    if date.is_empty() {
        date = cell(Field::When);
    }
    if let Some((d, t)) = date.clone().split_once([' ', 'T']).filter(|(_, t)| clock(t.trim()).is_some()) {
        date = d.to_owned();
        if time.is_empty() {
            time = t.trim().to_owned();
        }
    }
    let day = match date.as_str() {
        "" => day,
        text => dates::day(text, order, serial).map_err(|problem| refused(Field::Date, problem))?,
    };
    let time = match time.as_str() {
        "" => None,
        text => {
            Some(clock(text).ok_or_else(|| refused(Field::Time, format!("{} is not a time of day", quoted(text))))?)
        }
    };
    let party = match cell(Field::Party).as_str() {
        "" => None,
        text => Some(
            text.parse::<u32>()
                .map_err(|_| refused(Field::Party, format!("{} is not a number of people", quoted(text))))?,
        ),
    };
    let place = match cell(Field::Room) {
        room if !room.is_empty() => room,
        _ => cell(Field::Table),
    };
    let booking = Booking {
        day,
        time,
        name,
        phone: cell(Field::Phone),
        email: cell(Field::Email),
        party,
        place,
        note: cell(Field::Notes),
    };
    booking.validated().map_err(|e| ImportError::invalid(line, "", e))
}

/// A time of day as bookings write it: "19:30", "7:30 PM", "19:30:00".
fn clock(text: &str) -> Option<NaiveTime> {
    dates::clock_time(text).map(|t| t.with_second(0).unwrap_or(t)).map(|t| t.with_nanosecond(0).unwrap_or(t))
}

/// A booking as a line of JSON: what a booking system's own export or a script writes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    name: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    party: Option<u32>,
    #[serde(default, alias = "room")]
    table: String,
    #[serde(default, alias = "notes")]
    note: String,
}

fn jsonl(path: &Path, day: NaiveDate) -> Result<Vec<(u64, Booking)>, ImportError> {
    let text = std::fs::read_to_string(path).map_err(unreadable)?;
    let mut bookings = Vec::new();
    for (i, text) in text.lines().enumerate() {
        let line = i as u64 + 1;
        if text.trim().is_empty() {
            continue;
        }
        let read: Line = serde_json::from_str(text).map_err(|e| ImportError::new(line, None, e.to_string()))?;
        let field = |name: &str, problem: String| ImportError::new(line, Some(name.to_owned()), problem);
        let day = match read.date.as_deref().map(str::trim) {
            None | Some("") => day,
            Some(text) => dates::day(text, None, false).map_err(|problem| field("date", problem))?,
        };
        let time = match read.time.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => {
                Some(clock(text).ok_or_else(|| field("time", format!("{} is not a time of day", quoted(text))))?)
            }
        };
        let booking = Booking {
            day,
            time,
            name: read.name,
            phone: read.phone,
            email: read.email,
            party: read.party,
            place: read.table,
            note: read.note,
        };
        bookings.push((line, booking.validated().map_err(|e| ImportError::invalid(line, "", e))?));
    }
    Ok(bookings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_csv(text: &str) -> Result<Vec<(u64, Booking)>, ImportError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tonight.csv");
        std::fs::write(&path, text).unwrap();
        let options = Options {
            format: None,
            holds: super::super::Holds::Guests,
            map: Vec::new(),
            keep_other_columns: false,
            date_order: None,
            encoding: None,
            sheet: None,
            zone: None,
        };
        read(&path, &options, NaiveDate::from_ymd_opt(2026, 12, 3).unwrap())
    }

    #[test]
    fn a_booking_systems_columns_are_found_by_their_headers() {
        let text = "Guest Name,Mobile,Reservation Time,Pax,Table,Special Requests\n\
                    于明,+86 138 0000 0108,7:30 PM,2,Window 2,no peanuts\n\
                    Nora Quinn,,,4,Terrace,\n";
        let bookings = read_csv(text).unwrap();
        let (line, yu) = &bookings[0];
        assert_eq!((*line, yu.name.as_str(), yu.phone.as_str()), (2, "于明", "+86 138 0000 0108"));
        assert_eq!((yu.time, yu.party, yu.place.as_str()), (NaiveTime::from_hms_opt(19, 30, 0), Some(2), "Window 2"));
        assert_eq!(yu.day, NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(), "no date column: the day imported for");
        assert_eq!(bookings[1].1.time, None);
    }

    #[test]
    fn a_date_and_time_together_and_a_room_are_read() {
        let text = "姓名,房号,入住日期\n王伟,1204,2026-12-04 14:00\n";
        let (_, wang) = read_csv(text).unwrap().remove(0);
        assert_eq!(
            (wang.day.to_string(), wang.time.map(|t| t.to_string())),
            ("2026-12-04".into(), Some("14:00:00".into()))
        );
        assert_eq!(wang.place, "1204");
    }

    #[test]
    fn a_bad_row_names_its_line_and_column() {
        let refused = read_csv("Name,Pax\nYu Ming,2\nNora,two\n").unwrap_err();
        assert_eq!((refused.line, refused.field.as_deref()), (3, Some("Pax")));
        let unnamed = read_csv("Phone,Pax\n0108,2\n").unwrap_err();
        assert!(unnamed.problem.contains("no name column"), "{}", unnamed.problem);
        let empty = read_csv("Name,Pax\n ,2\n").unwrap_err();
        assert_eq!(empty.line, 2);
    }
}
