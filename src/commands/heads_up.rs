//! `regulars heads-up`: tell other desks a guest is on the way.

use anyhow::{Context, Result, bail};
use regulars::domain::text::inert;
use regulars::store::StoreError;
use regulars::t;

use super::Book;
use super::pick::{Need, pick};
use crate::cli::GuestArg;

pub fn run(book: &Book, which: &GuestArg, to: Option<String>, note: Option<String>, yes: bool) -> Result<()> {
    let mut store = book.open()?;
    let guest = pick(&store, which, Need::Write, book.language)?.history.guest;
    match store.send_heads_up(guest.id, &book.station, to.as_deref(), note.as_deref().unwrap_or(""), &book.staff, yes) {
        Err(unknown @ StoreError::UnknownStation { .. }) => {
            bail!(t!(book.language, "cli-unknown-station", why = regulars::i18n::error(&unknown).text(book.language)))
        }
        sent => sent.context(t!(book.language, "cli-heads-up-not-sent"))?,
    };
    let to = to.map_or_else(|| t!(book.language, "write-every-station"), |s| inert(&s).into_owned());
    println!("{}", t!(book.language, "cli-heads-up-sent", to = to, name = inert(&guest.profile.name)));
    Ok(())
}
