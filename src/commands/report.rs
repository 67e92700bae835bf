//! `regulars report`: the mishap tally as a table.

use std::io::{self, BufWriter, Write};

use anyhow::{Result, anyhow, bail};
use chrono::{DateTime, NaiveDate, Utc};
use regulars::domain::tally::{REPORT_DAYS, last_days, tally};
use regulars::domain::text::inert_json;

use regulars::domain::money::Money;
use regulars::domain::tally::Tally;
use regulars::domain::text::inert;
use regulars::domain::when::counted;
use regulars::report::{HEADERS, PRIORITY, PRIORITY_RULE, WHY, priority_key, rows};
use unicode_width::UnicodeWidthStr;

use super::Book;

pub fn run(book: &Book, since: Option<&str>, until: Option<&str>, json: bool) -> Result<()> {
    let store = book.open()?;
    let (since, until) = period(since, until)?;
    let tally = tally(&store.mishaps()?, since, until);
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        writeln!(out, "{}", inert_json(&serde_json::to_string_pretty(&tally)?))?;
    } else {
        write(&mut out, &tally, &book.money())?;
    }
    out.flush()?;
    Ok(())
}

/// The days counted: `--since` to `--until` inclusive, by default the 90 days up to now.
fn period(since: Option<&str>, until: Option<&str>) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let day = |flag: &str, text: &str| -> Result<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| anyhow!("{flag}: {text:?} is not a date: use YYYY-MM-DD"))
    };
    let until = match until {
        Some(text) => day("--until", text)?.and_hms_opt(23, 59, 59).unwrap_or_default().and_utc(),
        None => Utc::now(),
    };
    let since = match since {
        Some(text) => day("--since", text)?.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(),
        None => last_days(until, REPORT_DAYS),
    };
    if since > until {
        bail!("--since is after --until");
    }
    Ok((since, until))
}

/// The tally: a heading with the period and the priority's formula, a table worst first, then why each category
/// ranks where it does. Amounts and numbers are written as `money` says.
pub fn write(out: &mut impl Write, tally: &Tally, money: &Money) -> io::Result<()> {
    let days = (tally.until - tally.since).num_days() + 1;
    writeln!(
        out,
        "Mishap tally {} – {} ({}), worst first by {PRIORITY_RULE}",
        tally.since.format("%Y-%m-%d"),
        tally.until.format("%Y-%m-%d"),
        counted(days, "day", "days")
    )?;
    let rows: Vec<Vec<String>> =
        rows(tally, money).into_iter().map(|row| row.iter().map(|cell| inert(cell).into_owned()).collect()).collect();
    if rows.is_empty() {
        return writeln!(out, "No mishaps recorded in this period.");
    }
    let width = |i: usize| rows.iter().map(|r| r[i].width()).chain([HEADERS[i].width()]).max().unwrap_or(0);
    let widths: Vec<usize> = (0..HEADERS.len()).map(width).collect();
    let line = |cells: &[&str]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.width())))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    // The reason is a sentence, not a figure: it goes under the table, where it can be read at any width.
    writeln!(out, "{}", line(&HEADERS[..WHY]))?;
    for row in &rows {
        writeln!(out, "{}", line(&row[..WHY].iter().map(String::as_str).collect::<Vec<_>>()))?;
    }
    writeln!(out)?;
    writeln!(out, "Why this order: {}", priority_key(tally, money).join(" · "))?;
    let priority_width = rows.iter().map(|r| r[PRIORITY].width()).max().unwrap_or(0);
    for row in &rows {
        let (category, priority) = (&row[0], &row[PRIORITY]);
        writeln!(
            out,
            "{category}{}  {}{priority}  {}",
            " ".repeat(widths[0] - category.width()),
            " ".repeat(priority_width - priority.width()),
            row[WHY]
        )?;
    }
    Ok(())
}
