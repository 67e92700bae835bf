//! `regulars forget`: erase a guest at their request, after a "yes".

use std::io;

use anyhow::{Context, Result, bail};
use regulars::domain::text::inert;
use regulars::t;

use super::Book;
use super::pick::{Need, pick};
use crate::cli::GuestArg;

pub fn run(book: &Book, which: &GuestArg, yes: bool) -> Result<()> {
    let mut store = book.open()?;
    let guest = pick(&store, which, Need::Write, book.language)?.history.guest;
    let who = format!("{} (guest {}, {})", inert(&guest.profile.name), guest.id, inert(&guest.profile.phone));
    if !yes {
        eprint!("Erase {who} and all their visits and notes? This cannot be undone. Type yes: ");
        let mut answer = String::new();
        io::stdin().read_line(&mut answer)?;
        if answer.trim() != "yes" {
            bail!("nothing was erased");
        }
    }
    store.forget(guest.id, &book.staff).context(t!(book.language, "cli-guest-not-erased"))?;
    println!("{}", t!(book.language, "cli-guest-erased", id = guest.id.0));
    Ok(())
}
