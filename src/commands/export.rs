//! `regulars export`: the whole book out (guests, and the recoveries recorded for nobody), or one guest's record.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
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
            super::whole_file::write(path, |file| interchange::write(format, &guests, &mishaps, file))?;
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
