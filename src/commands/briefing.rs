//! `regulars briefing`: the pre-shift sheet of tonight's arrivals, written as a printable HTML page.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use chrono::Local;
use regulars::t;

use super::Book;
use super::arrivals::day;

pub fn run(book: &Book, date: Option<&str>, out: &Path) -> Result<()> {
    let day = day(date)?;
    let store = book.open()?;
    let prepared =
        store.tonight(day, Local::now().date_naive(), *Local::now().offset(), book.config.regular_visits())?;
    let page = regulars::briefing::html(&prepared, day, book.language);
    super::whole_file::write(out, book.language, |file| Ok(file.write_all(page.as_bytes())?))?;
    eprintln!("{}", t!(book.language, "briefing-written", n = prepared.len(), file = super::shown(out)));
    Ok(())
}
