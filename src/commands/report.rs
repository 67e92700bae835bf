//! The mishap tally as a table, for `regulars report`.

use std::io::{self, Write};

use regulars::domain::tally::Tally;
use regulars::domain::text::inert;
use regulars::report::{HEADERS, rows};
use unicode_width::UnicodeWidthStr;

pub fn write(out: &mut impl Write, tally: &Tally) -> io::Result<()> {
    let days = (tally.until - tally.since).num_days() + 1;
    writeln!(
        out,
        "Mishap tally {} – {} ({days} days), worst first by priority = count × average cost",
        tally.since.format("%Y-%m-%d"),
        tally.until.format("%Y-%m-%d")
    )?;
    let rows: Vec<Vec<String>> =
        rows(tally).into_iter().map(|row| row.iter().map(|cell| inert(cell).into_owned()).collect()).collect();
    if rows.is_empty() {
        return writeln!(out, "No mishaps recorded in this period.");
    }
    let widths: Vec<usize> = (0..HEADERS.len())
        .map(|i| rows.iter().map(|r| r[i].width()).chain([HEADERS[i].width()]).max().unwrap_or(0))
        .collect();
    let line = |cells: &[&str]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.width())))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    writeln!(out, "{}", line(&HEADERS))?;
    for row in &rows {
        writeln!(out, "{}", line(&row.iter().map(String::as_str).collect::<Vec<_>>()))?;
    }
    Ok(())
}
