//! `regulars arrivals`: tonight's guests — the day's bookings brought in from a booking system's file and matched to
//! the guests of the book, listed one line each as the shift prepares for them; a guest marked arrived (their visit
//! logged at the reserved table), a choice made, a no-show.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Result, anyhow};
use chrono::{Local, NaiveDate, Utc};
use regulars::domain::GuestId;
use regulars::domain::arrival::Link;
use regulars::domain::text::inert;
use regulars::domain::when::said_day;
use regulars::interchange::{self, Holds, Options};
use regulars::search::matching;
use regulars::t;
use regulars::tonight;

use super::{Book, Opened, stdout_for_data};
use crate::cli::ArrivalsAction;

pub fn run(book: &Book, date: Option<&str>, json: bool, action: Option<ArrivalsAction>) -> Result<()> {
    match action {
        None => list(book, day(date)?, json),
        Some(ArrivalsAction::Import { file, date, read, dry_run }) => {
            let options = super::read_options(read, Holds::Guests, false, book.language)?;
            import(book, &file, &options, day(date.as_deref())?, dry_run)
        }
        Some(ArrivalsAction::Arrived { id }) => {
            let mut store = book.open()?;
            let said = match store.mark_arrived(id, Utc::now(), &book.staff)? {
                Some(_) => t!(book.language, "arrivals-marked-arrived", id = id, name = name(&store, id)?),
                None => t!(book.language, "arrivals-arrived-already", id = id),
            };
            println!("{said}");
            Ok(())
        }
        Some(ArrivalsAction::Choose { id, guest_id, new }) => {
            let mut store = book.open()?;
            let guest = match (guest_id, new) {
                (Some(guest), _) => {
                    store.link_arrival(id, Some(GuestId(guest)), &book.staff)?;
                    GuestId(guest)
                }
                (None, _) => store.add_guest_for_arrival(id, &book.staff)?,
            };
            println!("{}", t!(book.language, "arrivals-linked", id = id, guest = guest.0));
            Ok(())
        }
        Some(ArrivalsAction::NoShow { id }) => {
            let mut store = book.open()?;
            store.mark_no_show(id, &book.staff)?;
            println!("{}", t!(book.language, "arrivals-marked-no-show", id = id, name = name(&store, id)?));
            Ok(())
        }
    }
}

/// The day given, or today on the desk's calendar.
pub(super) fn day(text: Option<&str>) -> Result<NaiveDate> {
    match text {
        Some(text) => said_day(text).map_err(|why| anyhow!(why).context("--date")),
        None => Ok(Local::now().date_naive()),
    }
}

fn name(store: &Opened, id: i64) -> Result<String> {
    Ok(inert(&store.arrival(id)?.booking.name).into_owned())
}

/// Reads the file whole, matches each booking, and adds them all (or, for a dry run, says what it would do).
fn import(book: &Book, file: &Path, options: &Options, day: NaiveDate, dry_run: bool) -> Result<()> {
    let shown = super::shown(file);
    let bookings = interchange::arrivals::read(file, options, day).map_err(|error| {
        anyhow!(t!(book.language, "arrivals-refused", file = shown.as_str(), why = error.to_string()))
    })?;
    let mut store = book.open()?;
    let bookings: Vec<_> = bookings.into_iter().map(|(_, booking)| booking).collect();
    let links = matching::links(&bookings, store.known_guests()?);
    let matched: Vec<_> = bookings.into_iter().zip(links).collect();
    let (mut certain, mut choose, mut new) = (0, 0, 0);
    for (booking, link) in &matched {
        match link {
            Link::Guest(_) => certain += 1,
            Link::Choose(_) => choose += 1,
            Link::New => new += 1,
        }
        if dry_run {
            let said = match link {
                Link::Guest(id) => t!(book.language, "arrivals-would-link", id = id.0),
                Link::Choose(ids) => t!(book.language, "arrivals-would-choose", n = ids.len()),
                Link::New => t!(book.language, "arrivals-new"),
            };
            println!("{} {} — {said}", booking.day, inert(&booking.name));
        }
    }
    let counts = t!(book.language, "arrivals-counts", certain = certain, choose = choose, new = new);
    if dry_run {
        println!("{}", t!(book.language, "arrivals-would-import", n = matched.len(), counts = counts));
        return Ok(());
    }
    let added = store.add_arrivals(&matched, &book.staff, &format!("arrivals {}", super::file_name(file)))?;
    println!(
        "{}",
        t!(
            book.language,
            "arrivals-imported",
            file = shown.as_str(),
            added = added.added,
            already = added.already,
            counts = counts
        )
    );
    Ok(())
}

/// The day's arrivals, one line each (or JSON).
fn list(book: &Book, day: NaiveDate, json: bool) -> Result<()> {
    let store = book.open()?;
    let zone = *Local::now().offset();
    let today = Local::now().date_naive();
    let prepared = store.tonight(day, today, zone, book.config.regular_visits())?;
    let mut out: Box<dyn Write> =
        if json { stdout_for_data(true) } else { Box::new(BufWriter::new(io::stdout().lock())) };
    if json {
        for row in &prepared {
            writeln!(out, "{}", serde_json::to_string(&tonight::Json::of(row))?)?;
        }
    } else if prepared.is_empty() {
        writeln!(out, "{}", t!(book.language, "arrivals-none", day = regulars::i18n::date(book.language, day)))?;
    } else {
        writeln!(
            out,
            "{}",
            t!(book.language, "arrivals-heading", day = regulars::i18n::date(book.language, day), n = prepared.len())
        )?;
        for row in &prepared {
            let line = tonight::line(row, book.language);
            writeln!(out, "{:>4}  {}  {}", row.arrival.id, line.time, inert(&line.said()))?;
        }
    }
    out.flush()?;
    Ok(())
}
