//! `regulars outreach`: whom to write to, with what makes the note personal; CSV for a mail merge.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use chrono::{Local, Utc};
use regulars::domain::outreach::prospects;
use regulars::domain::text::{inert, inert_json};
use regulars::report::outreach_rows;

use super::card::or_dash;
use super::{Book, stdout_for_data};

pub fn run(book: &Book, birthdays: i64, lapsed: i64, csv: bool, json: bool) -> Result<()> {
    let store = book.open()?;
    let (now, zone) = (Utc::now(), *Local::now().offset());
    let today = now.with_timezone(&zone).date_naive();
    let histories = store.outreach(today, birthdays, now - chrono::Duration::days(lapsed))?;
    let rows = outreach_rows(&prospects(&histories, now, today, birthdays, lapsed), zone);
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
