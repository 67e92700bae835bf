//! `regulars outreach`: whom to write to, with what makes the note personal; CSV for a mail merge.

use std::io::{self, BufWriter, Write};

use anyhow::{Context, Result, bail};
use chrono::{Local, Utc};
use regulars::domain::GuestId;
use regulars::domain::outreach::{Occasion, prospects};
use regulars::domain::text::{inert, inert_json};
use regulars::report::outreach_rows;

use super::card::or_dash;
use super::{Book, stdout_for_data};
use crate::cli::OutreachPage;

/// How the list is printed.
pub enum Output {
    Text,
    Csv,
    Json,
}

/// What was asked of the outreach list.
pub struct Ask {
    pub birthdays: i64,
    pub lapsed: i64,
    pub only: Option<OutreachPage>,
    pub output: Output,
    /// Note this guest as written to, instead of listing.
    pub written: Option<i64>,
}

pub fn run(book: &Book, ask: Ask) -> Result<()> {
    let Ask { birthdays, lapsed, only, output, written } = ask;
    let mut store = book.open()?;
    let (now, zone) = (Utc::now(), *Local::now().offset());
    let today = now.with_timezone(&zone).date_naive();
    let histories = store.outreach(today, birthdays, now - chrono::Duration::days(lapsed))?;
    let only = only.map(|page| match page {
        OutreachPage::Birthdays => Occasion::Birthday,
        OutreachPage::Lapsed => Occasion::Lapsed,
    });
    let mut rows = outreach_rows(&prospects(&histories, now, today, birthdays, lapsed), zone);
    rows.retain(|row| only.is_none_or(|page| row.occasions.iter().any(|(o, _)| *o == page)));
    if let Some(id) = written {
        let Some(row) = rows.iter().find(|row| row.guest == GuestId(id)) else {
            bail!("guest {id} is not on the outreach list now; nothing was noted");
        };
        let name = inert(&row.name).into_owned();
        for (occasion, of) in row.occasions.iter().filter(|(o, _)| only.is_none_or(|page| *o == page)) {
            store.note_written(row.guest, *occasion, of, &book.staff).context("the note was not saved")?;
            println!("noted: {name} was written to for the {} ({of})", occasion.words());
        }
        return Ok(());
    }
    let csv = matches!(output, Output::Csv);
    let json = matches!(output, Output::Json);
    if csv {
        // The mail merge reads the data exactly, as an export does; on a terminal it is shown inert.
        let mut out = stdout_for_data(false);
        let mut writer = ::csv::Writer::from_writer(&mut out);
        for row in &rows {
            writer.serialize(row)?;
        }
        writer.flush()?;
        drop(writer);
        out.flush()?;
        return Ok(());
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        writeln!(out, "{}", inert_json(&serde_json::to_string_pretty(&rows)?))?;
    } else {
        for row in &rows {
            writeln!(out, "{} — {} ({})", inert(&row.reason), inert(&row.name), inert(&row.greeting))?;
            let contact = [row.phone.as_str(), &row.email].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>();
            writeln!(out, "  contact: {}", inert(&or_dash(contact.join(" · "))))?;
            writeln!(
                out,
                "  last visit: {} at {}",
                or_dash(row.last_visit.clone()),
                inert(&or_dash(row.last_seat.clone()))
            )?;
            writeln!(out, "  the usual: {}", inert(&or_dash(row.the_usual.clone())))?;
            if !row.recoveries.is_empty() {
                writeln!(out, "  recoveries: {}", inert(&row.recoveries))?;
            }
        }
        if rows.is_empty() {
            writeln!(
                out,
                "Nobody to write to: no birthday in the next {birthdays} days, no regular away {lapsed} days."
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
