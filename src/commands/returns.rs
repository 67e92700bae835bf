//! `regulars report --returns`: the return rate — per year, how many guests came back the year after; per month,
//! the share of visits by returning guests; whether outreach's letters brought guests back.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use chrono::{Local, Utc};
use regulars::domain::money::format_number;
use regulars::domain::returns::returns;
use regulars::domain::text::inert_json;
use regulars::t;

use super::Book;

pub fn run(book: &Book, json: bool) -> Result<()> {
    let store = book.open()?;
    let report = returns(&store.visit_times()?, &store.letters()?, Utc::now(), *Local::now().offset());
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        writeln!(out, "{}", inert_json(&serde_json::to_string_pretty(&report)?))?;
        out.flush()?;
        return Ok(());
    }
    let (language, style) = (book.language, book.money().style);
    let percent = |share: f64| format!("{}%", format_number(share * 100.0, 0, style));
    writeln!(out, "{}", t!(language, "returns-heading"))?;
    if report.cohorts.is_empty() {
        writeln!(out, "  {}", t!(language, "returns-no-cohort"))?;
    }
    for c in &report.cohorts {
        let line = t!(
            language,
            "returns-cohort",
            year = c.year,
            guests = c.guests,
            returned = c.returned,
            share = percent(c.share)
        );
        let so_far = if c.so_far { t!(language, "returns-so-far") } else { String::new() };
        writeln!(out, "  {line}{so_far}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", t!(language, "returns-months-heading"))?;
    for m in &report.months {
        let share = m.share.map_or_else(|| "—".to_owned(), percent);
        writeln!(
            out,
            "  {}",
            t!(
                language,
                "returns-month",
                month = m.month.as_str(),
                share = share,
                by = m.by_returning,
                visits = m.visits
            )
        )?;
    }
    writeln!(out)?;
    let l = report.letters;
    writeln!(
        out,
        "{}",
        t!(
            language,
            "returns-letters",
            written = l.written,
            three = l.back_in_3_months,
            six = l.back_in_6_months,
            twelve = l.back_in_12_months
        )
    )?;
    out.flush()?;
    Ok(())
}
