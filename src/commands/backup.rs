//! `regulars backup`: a consistent copy of the book while desks work — a file's with SQLite's online backup, a
//! server's as a copy into a new file book (one snapshot of it, which `regulars copy` puts back on a server).

use std::path::Path;

use anyhow::{Context, Result, bail};
use regulars::store::Location;
use regulars::t;

use super::Book;

pub fn run(book: &Book, file: &Path) -> Result<()> {
    if let Location::Server(_) = book.location {
        if std::fs::symlink_metadata(file).is_ok() {
            bail!(t!(book.language, "cli-backup-exists", file = file.display().to_string()));
        }
        return super::copy::copy(book, &book.location, &Location::File(file.to_owned()));
    }
    let store = book.open()?;
    store.backup(file).with_context(|| t!(book.language, "cli-cannot-back-up", file = file.display().to_string()))?;
    println!("{}", t!(book.language, "cli-backed-up", file = super::shown(file).to_string()));
    Ok(())
}
