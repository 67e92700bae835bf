//! `regulars outreach`: whom to write to, with what makes the note personal; CSV for a mail merge.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use chrono::{Local, Utc};
use regulars::domain::GuestId;
use regulars::domain::outreach::{Occasion, Prospect, prospects};
use regulars::domain::text::{inert, inert_json};
use regulars::i18n::Language;
use regulars::interchange::spreadsheet_safe;
use regulars::report::{OutreachRow, outreach_rows};
use regulars::t;

use super::card::or_dash;
use super::{Book, stdout_for_data};
use crate::cli::OutreachPage;

/// How the list is printed.
pub enum Output {
    Text,
    /// CSV, and whether its cells are written exactly (else made safe for a spreadsheet).
    Csv {
        raw: bool,
    },
    Json,
}

/// What was asked of the outreach list.
pub struct Ask {
    pub birthdays: i64,
    pub lapsed: i64,
    pub only: Option<OutreachPage>,
    pub output: Output,
    /// Write the list to this file instead of printing it.
    pub out: Option<PathBuf>,
    /// Note this guest as written to, instead of listing.
    pub written: Option<i64>,
}

/// How many guests' rows are read and written at a time: memory holds a part of the list, not the list.
const PART: usize = 500;

pub fn run(book: &Book, ask: Ask) -> Result<()> {
    let Ask { birthdays, lapsed, only, output, out, written } = ask;
    let mut store = book.open()?;
    let (now, zone) = (Utc::now(), *Local::now().offset());
    let today = now.with_timezone(&zone).date_naive();
    let standings = store.outreach(now - chrono::Duration::days(lapsed))?;
    let only = only.map(|page| match page {
        OutreachPage::Birthdays => Occasion::Birthday,
        OutreachPage::Lapsed => Occasion::Lapsed,
    });
    let mut prospects = prospects(&standings, now, today, birthdays, lapsed);
    prospects.retain(|p| only.is_none_or(|page| p.reasons.iter().any(|r| r.occasion() == page)));
    // JSON is for machines, and keeps its words English whatever the desk speaks.
    let language = if matches!(output, Output::Json) { Language::En } else { book.language };
    let rows = |part: &[Prospect]| -> Result<Vec<OutreachRow>> {
        let ids: Vec<GuestId> = part.iter().map(|p| p.guest).collect();
        Ok(outreach_rows(part, &store.outreach_page(&ids)?, zone, language))
    };
    if let Some(id) = written {
        let listed = prospects.iter().position(|p| p.guest == GuestId(id)).map_or(&[][..], |i| &prospects[i..=i]);
        let Some(row) = rows(listed)?.pop() else {
            bail!(t!(language, "cli-not-on-outreach", id = id));
        };
        let name = inert(&row.name).into_owned();
        for (occasion, of) in row.occasions.iter().filter(|(o, _)| only.is_none_or(|page| *o == page)) {
            store.note_written(row.guest, *occasion, of, &book.staff).context(t!(language, "cli-note-not-saved"))?;
            let occasion = match occasion {
                Occasion::Birthday => t!(language, "write-for-birthday"),
                Occasion::Lapsed => t!(language, "write-for-lapsed"),
            };
            println!(
                "{}",
                t!(language, "cli-noted-written", name = name.as_str(), occasion = occasion, of = of.as_str())
            );
        }
        return Ok(());
    }
    let nobody = t!(language, "outreach-nobody", birthdays = birthdays, lapsed = lapsed);
    match out {
        Some(path) => {
            let mut count = 0;
            super::whole_file::write(&path, language, |file| {
                count = write(file, &output, language, &prospects, rows, &nobody)?;
                Ok(())
            })?;
            eprintln!("{}", t!(language, "cli-outreach-wrote", n = count, file = super::shown(&path).to_string()));
        }
        // The mail merge reads the data exactly, as an export does; on a terminal it is shown inert.
        None if matches!(output, Output::Csv { .. }) => {
            let mut out = stdout_for_data(false);
            write(&mut out, &output, language, &prospects, rows, &nobody)?;
            out.flush()?;
        }
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            write(&mut out, &output, language, &prospects, rows, &nobody)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// Writes the list in `output`'s form, a part of guests at a time; returns how many guests it wrote.
fn write(
    out: &mut dyn Write,
    output: &Output,
    language: Language,
    prospects: &[Prospect],
    rows: impl Fn(&[Prospect]) -> Result<Vec<OutreachRow>>,
    nobody: &str,
) -> Result<usize> {
    let mut count = 0;
    match output {
        Output::Csv { raw } => {
            let mut writer = ::csv::Writer::from_writer(out);
            // The header row in the desk's language: the mail merge's fields are named as its staff read them.
            let columns = OutreachRow::COLUMNS.map(|column| regulars::i18n::named(language, "outreach-column", column));
            writer.write_record(columns)?;
            for part in prospects.chunks(PART) {
                for row in rows(part)? {
                    let cells = row.cells();
                    match raw {
                        true => writer.write_record(cells)?,
                        false => writer.write_record(cells.map(|cell| spreadsheet_safe(cell).into_owned()))?,
                    }
                    count += 1;
                }
            }
            writer.flush()?;
        }
        Output::Json => {
            // A pretty array, as serde_json writes one, a row at a time.
            write!(out, "[")?;
            for part in prospects.chunks(PART) {
                for row in rows(part)? {
                    let row = serde_json::to_string_pretty(&row)?;
                    let row = row.lines().map(|line| format!("  {line}")).collect::<Vec<_>>().join("\n");
                    write!(out, "{}{}", if count == 0 { "\n" } else { ",\n" }, inert_json(&row))?;
                    count += 1;
                }
            }
            writeln!(out, "{}]", if count == 0 { "" } else { "\n" })?;
        }
        Output::Text => {
            for part in prospects.chunks(PART) {
                for row in rows(part)? {
                    text(out, &row, language)?;
                    count += 1;
                }
            }
            if count == 0 {
                writeln!(out, "{nobody}")?;
            }
        }
    }
    Ok(count)
}

/// One guest of the list as text: why, who, how to reach them, what makes the note personal.
fn text(out: &mut dyn Write, row: &OutreachRow, language: Language) -> io::Result<()> {
    writeln!(out, "{} — {} ({})", inert(&row.reason), inert(&row.name), inert(&row.greeting))?;
    let contact = [row.phone.as_str(), &row.email].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>();
    let contact = inert(&or_dash(contact.join(" · "))).into_owned();
    writeln!(out, "  {}", t!(language, "outreach-contact", contact = contact))?;
    let (at, seat) = (or_dash(row.last_visit.clone()), inert(&or_dash(row.last_seat.clone())).into_owned());
    writeln!(out, "  {}", t!(language, "outreach-last-visit", at = at, seat = seat))?;
    writeln!(
        out,
        "  {}",
        t!(language, "outreach-the-usual", usual = inert(&or_dash(row.the_usual.clone())).into_owned())
    )?;
    if !row.recoveries.is_empty() {
        writeln!(out, "  {}", t!(language, "outreach-recoveries", recoveries = inert(&row.recoveries).into_owned()))?;
    }
    Ok(())
}
