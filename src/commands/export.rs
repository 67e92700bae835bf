//! `regulars export`: the whole book out (guests, and the recoveries recorded for nobody), or one guest's record.

use std::fs;
use std::io::{BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use anyhow::{Context, Result};
use regulars::domain::GuestId;
use regulars::interchange::{self, Format};

use super::{Book, stdout_for_data};

pub fn run(book: &Book, format: Format, out: Option<&Path>, id: Option<i64>) -> Result<()> {
    let store = book.open()?;
    let (guests, mishaps) = match id {
        Some(id) => (vec![store.history(GuestId(id))?], Vec::new()),
        None => (store.histories()?, store.unattached_recoveries()?),
    };
    match out {
        Some(path) => {
            let file = fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            interchange::write(format, &guests, &mishaps, BufWriter::new(file))?;
            let count = match guests.len() {
                1 => "1 guest".to_owned(),
                n => format!("{n} guests"),
            };
            eprintln!("exported {count} to {}", path.display());
        }
        None => {
            let mut out = stdout_for_data(format == Format::Jsonl);
            interchange::write(format, &guests, &mishaps, &mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}
