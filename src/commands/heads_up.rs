//! `regulars heads-up`: tell other desks a guest is on the way.

use anyhow::{Context, Result, bail};
use regulars::domain::text::inert;
use regulars::store::StoreError;

use super::Book;
use super::pick::{Need, pick};
use crate::cli::GuestArg;

pub fn run(book: &Book, which: &GuestArg, to: Option<String>, note: Option<String>, yes: bool) -> Result<()> {
    let mut store = book.open()?;
    let guest = pick(&store, which, Need::Write, book.language)?.history.guest;
    match store.send_heads_up(guest.id, &book.station, to.as_deref(), note.as_deref().unwrap_or(""), &book.staff, yes) {
        Err(unknown @ StoreError::UnknownStation { .. }) => {
            bail!("{unknown}; nothing was sent (--yes sends it anyway)")
        }
        sent => sent.context("the heads-up was not sent")?,
    };
    let to = to.map_or_else(|| "every station".to_owned(), |s| inert(&s).into_owned());
    println!("heads-up sent to {to}: {} is on the way", inert(&guest.profile.name));
    Ok(())
}
