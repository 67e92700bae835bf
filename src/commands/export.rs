//! `regulars export`: the whole book out (guests, and the recoveries recorded for nobody), or one guest's record.
//! The book is written a guest at a time as it is read, so that memory holds a batch of guests, not the book.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use regulars::domain::GuestId;
use regulars::interchange::{Format, Writer};
use regulars::store::Store;

use super::{Book, stdout_for_data};

pub fn run(book: &Book, format: Format, out: Option<&Path>, id: Option<i64>) -> Result<()> {
    let mut store = book.open()?;
    match out {
        Some(path) => {
            let mut count = 0;
            super::whole_file::write(path, |file| {
                count = write(&mut store, id, Writer::new(format, file)?)?;
                Ok(())
            })?;
            let count = match count {
                1 => "1 guest".to_owned(),
                n => format!("{n} guests"),
            };
            eprintln!("exported {count} to {}", super::shown(path));
        }
        None => {
            let mut out = stdout_for_data(format == Format::Jsonl);
            write(&mut store, id, Writer::new(format, &mut out)?)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// Writes one guest or the whole book; returns how many guests it wrote.
fn write<W: Write>(store: &mut Store, id: Option<i64>, mut writer: Writer<W>) -> Result<usize> {
    let Some(id) = id else {
        let mut count = 0;
        let mishaps = store.export(|history, key| {
            count += 1;
            writer.guest(&history, key)
        })??;
        writer.finish(&mishaps)?;
        return Ok(count);
    };
    writer.guest(&store.history(GuestId(id))?, &store.guest_key(GuestId(id))?)?;
    writer.finish(&[])?;
    Ok(1)
}
