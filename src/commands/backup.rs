//! `regulars backup`: a consistent copy of the book while desks work.

use std::path::Path;

use anyhow::{Context, Result};

use super::Book;

pub fn run(book: &Book, file: &Path) -> Result<()> {
    let store = book.open()?;
    store.backup(file).with_context(|| format!("cannot back up to {}", file.display()))?;
    println!("backed up to {}", file.display());
    Ok(())
}
