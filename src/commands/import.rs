//! `regulars import`: a guest list in, all or nothing, read as it is imported (in the memory of one entry).

use std::cell::Cell;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use regulars::domain::text::inert;
use regulars::interchange::{self, Format};
use regulars::store::StoreError;

use super::{Book, file_name};

pub fn run(book: &Book, file: &Path, format: Option<Format>) -> Result<()> {
    let shown = file.display();
    let format = format.or_else(|| Format::from_path(file)).ok_or_else(|| {
        anyhow!("cannot tell the format of {shown} from its name; give --format jsonl or --format csv")
    })?;
    // Opened once before the book, so that a missing file is said as such and the book is not locked for it.
    File::open(file).with_context(|| format!("cannot read {shown}"))?;
    let mut store = book.open()?;
    let source = format!("import {}", file_name(file));
    // The line of the entry read last: the one a record the book refuses came from.
    let line = Cell::new(0);
    // The list is read again if the server has the transaction tried again: each warning is said once, on the
    // first reading that reached its line.
    let read_before = Cell::new(0);
    let warn = |at: u64, warning: String| {
        if at > read_before.get() {
            eprintln!("regulars: warning: {shown}: {}", inert(&warning));
        }
    };
    let summary = store.import_stream(
        || -> Result<_> {
            read_before.set(read_before.get().max(line.get()));
            let input = BufReader::new(File::open(file).with_context(|| format!("cannot read {shown}"))?);
            let entries = interchange::read(format, input, &warn).map_err(|e| anyhow!("{shown}: {e}"))?;
            Ok(entries.map(|entry| {
                let (at, entry) = entry.map_err(|e| anyhow!("{shown}: {e}"))?;
                line.set(at);
                Ok(entry)
            }))
        },
        &book.staff,
        &source,
    );
    let summary = match summary {
        Ok(Ok(summary)) => summary,
        Ok(Err(error)) => return Err(anyhow!("{error:#}; nothing was imported")),
        Err(StoreError::InvalidRecord { error, .. }) => {
            let line = line.get();
            return Err(anyhow!(
                "{shown}: line {line}: field `{}`: {}; nothing was imported",
                error.field,
                error.problem
            ));
        }
        Err(other) => return Err(anyhow!(other).context(format!("{shown}: nothing was imported"))),
    };
    let mishaps = match summary.mishaps {
        0 => String::new(),
        1 => ", 1 recovery with no guest".to_owned(),
        n => format!(", {n} recoveries with no guest"),
    };
    println!(
        "imported {shown}: {} added, {} merged, {} already there{mishaps}",
        summary.added, summary.merged, summary.unchanged
    );
    Ok(())
}
