//! `regulars copy`: a whole book into a new one, a file to a server and back. A new file that the copy could not
//! fill is removed again: a copy is there whole, or not at all.

use anyhow::{Context, Result};
use regulars::store::{Location, Store, remove_book_files};
use regulars::t;

use super::Book;

pub fn run(book: &Book, from: Option<&str>, to: &str) -> Result<()> {
    let from = match from {
        Some(from) => Location::parse(from)?,
        None => book.location.clone(),
    };
    copy(book, &from, &Location::parse(to)?)
}

/// Copies the book at `from` into a new one at `to`, saying what it copied.
pub fn copy(book: &Book, from: &Location, to: &Location) -> Result<()> {
    let mut source =
        Store::open_at(from, book.busy_timeout).with_context(|| format!("cannot open the guest book {from}"))?;
    let new_file = match to {
        Location::File(path) if !path.exists() => Some(path.clone()),
        _ => None,
    };
    let copied = Store::open_at(to, book.busy_timeout)
        .with_context(|| format!("cannot open the guest book {to}"))
        .and_then(|mut target| source.copy_to(&mut target).with_context(|| format!("cannot copy {from} to {to}")));
    let copied = match copied {
        Ok(copied) => copied,
        Err(error) => {
            if let Some(path) = new_file {
                remove_book_files(&path);
            }
            return Err(error);
        }
    };
    let said = t!(
        book.language,
        "cli-copied",
        from = from.to_string(),
        to = to.to_string(),
        guests = copied.rows("guests"),
        visits = copied.rows("visits"),
        recoveries = copied.rows("recoveries"),
        heads_ups = copied.rows("heads_ups"),
        audit = copied.rows("audit_log"),
    );
    println!("{said}");
    Ok(())
}
