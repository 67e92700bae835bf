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
    let (name, phone) = (inert(&guest.profile.name), inert(&guest.profile.phone));
    let who = t!(book.language, "cli-forget-who", name = name, id = guest.id.0, phone = phone);
    if !yes {
        eprint!("{}", t!(book.language, "cli-forget-ask", who = who));
        let mut answer = String::new();
        io::stdin().read_line(&mut answer)?;
        if answer.trim() != "yes" {
            bail!(t!(book.language, "cli-nothing-erased"));
        }
    }
    store.forget(guest.id, &book.staff).context(t!(book.language, "cli-guest-not-erased"))?;
    println!("{}", t!(book.language, "cli-guest-erased", id = guest.id.0));
    Ok(())
}
