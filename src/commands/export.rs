//! `regulars export`: the whole book out (guests, and the recoveries recorded for nobody), or one guest's record.
//! The book is written a guest at a time as it is read, so that memory holds a batch of guests, not the book.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};
use regulars::domain::GuestId;
use regulars::interchange::{Output, Writer};
use regulars::store::Store;
use regulars::t;

use super::{Book, say_left_out, stdout_for_data};

pub fn run(book: &Book, format: Output, raw: bool, out: Option<&Path>, id: Option<i64>) -> Result<()> {
    let mut store = book.open()?;
    match out {
        Some(path) => {
            let mut count = 0;
            super::whole_file::write(path, book.language, |file| {
                count = write(&mut store, id, Writer::new(format, file, raw)?)?;
                Ok(())
            })?;
            eprintln!("{}", t!(book.language, "cli-exported", n = count, file = super::shown(path).to_string()));
        }
        None => {
            let mut out = stdout_for_data(format == Output::Jsonl);
            write(&mut store, id, Writer::new(format, &mut out, raw)?)?;
            out.flush()?;
        }
    }
    // What could not be read is named, and the export fails, so that a script taking it for the whole book notices.
    let unreadable = store.unreadable();
    say_left_out(&unreadable);
    match unreadable.count() {
        0 => Ok(()),
        n => bail!(t!(book.language, "cli-export-left-out", n = n)),
    }
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
