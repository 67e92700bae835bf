//! `regulars import`: a guest list in — regulars' own, or what a spreadsheet, card terminal, phone or till exports —
//! all or nothing, read as it is imported; `--dry-run` says how it is read and what it would do, writing nothing.

use std::cell::Cell;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use regulars::domain::Incoming;
use regulars::domain::text::inert;
use regulars::i18n::Language;
use regulars::interchange::{Options, Source};
use regulars::store::{ImportSummary, StoreError};
use regulars::t;

use super::{Book, file_name};

/// How many entries a dry run shows.
const SHOWN: usize = 3;

pub fn run(book: &Book, file: &Path, options: Options, dry_run: bool) -> Result<()> {
    let shown = super::shown(file);
    // Read before the book is opened, so that a missing or unreadable file is said as such and the book is not
    // locked for it.
    let source = Source::open(file, options).map_err(|e| anyhow!("{shown}: {e}; nothing was imported"))?;
    let mut store = book.open()?;
    let source_name = format!("import {}", file_name(file));
    // The line of the entry read last: the one a record the book refuses came from.
    let line = Cell::new(0);
    // The list is read again if the server has the transaction tried again: each warning is said once, on the
    // first reading that reached its line (one about the whole file, line 0, on the first reading).
    let (read_before, readings) = (Cell::new(0), Cell::new(0));
    let warn = |at: u64, warning: String| {
        if (at == 0 && readings.get() == 1) || (at > 0 && at > read_before.get()) {
            eprintln!("regulars: warning: {shown}: {}", inert(&warning));
        }
    };
    let open = || -> Result<_> {
        readings.set(readings.get() + 1);
        read_before.set(read_before.get().max(line.get()));
        let entries = source.entries(&warn).map_err(|e| anyhow!("{shown}: {e}"))?;
        Ok(entries.map(|entry| {
            let (at, entry) = entry.map_err(|e| anyhow!("{shown}: {e}"))?;
            line.set(at);
            Ok(entry)
        }))
    };
    if dry_run {
        for said in source.described() {
            println!("{}", inert(&said));
        }
        for (at, entry) in source.entries(&|_, _| {}).map_err(|e| anyhow!("{shown}: {e}"))?.take(SHOWN).flatten() {
            println!(
                "{}",
                t!(book.language, "import-line", line = at, entry = inert(&entry_said(&entry, book.language)))
            );
        }
        let summary = store.import_dry_run(open, &book.staff, &source_name);
        let summary = outcome(summary, &shown, line.get())?;
        println!("{}", t!(book.language, "import-would", counts = counts(&summary, book.language)));
        return Ok(());
    }
    let summary = outcome(store.import_stream(open, &book.staff, &source_name), &shown, line.get())?;
    println!("{}", t!(book.language, "import-done", file = shown.as_str(), counts = counts(&summary, book.language)));
    Ok(())
}

/// What the import came to, or the one line that says why nothing was imported.
fn outcome(
    summary: Result<Result<ImportSummary, anyhow::Error>, StoreError>,
    shown: &str,
    line: u64,
) -> Result<ImportSummary> {
    match summary {
        Ok(Ok(summary)) => Ok(summary),
        Ok(Err(error)) => bail!("{error:#}; nothing was imported"),
        Err(StoreError::InvalidRecord { error, .. }) => {
            bail!("{shown}: line {line}: field `{}`: {}; nothing was imported", error.field, error.problem)
        }
        Err(other) => Err(anyhow!(other)).with_context(|| format!("{shown}: nothing was imported")),
    }
}

fn counts(summary: &ImportSummary, language: Language) -> String {
    let (added, merged, unchanged, mishaps) = (summary.added, summary.merged, summary.unchanged, summary.mishaps);
    t!(language, "import-counts", added = added, merged = merged, unchanged = unchanged, mishaps = mishaps)
}

/// An entry as a dry run shows it: who, and what they bring.
fn entry_said(entry: &Incoming, language: Language) -> String {
    match entry {
        Incoming::Guest(record, _) => {
            let p = &record.profile;
            let mut said = vec![p.name.clone()];
            said.extend([&p.greeting, &p.phone, &p.email].into_iter().filter(|f| !f.is_empty()).cloned());
            if let Some(birthday) = p.birthday {
                said.push(t!(language, "import-birthday", birthday = regulars::i18n::birthday(language, birthday)));
            }
            if !record.visits.is_empty() {
                let last = record.visits.iter().map(|v| v.order.join(", ")).next_back().unwrap_or_default();
                said.push(t!(language, "import-visits", n = record.visits.len(), last = last));
            }
            said.join(" · ")
        }
        Incoming::Mishap(recovery) => t!(language, "import-mishap", category = recovery.category.as_str()),
    }
}
