//! `regulars import`: a guest list in, all or nothing.

use std::fs;
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
    let bytes = fs::read(file).with_context(|| format!("cannot read {shown}"))?;
    let parsed = interchange::parse(format, &bytes).map_err(|e| anyhow!("{shown}: {e}; nothing was imported"))?;
    for warning in &parsed.warnings {
        eprintln!("regulars: warning: {shown}: {}", inert(warning));
    }
    let lines: Vec<u64> = parsed.records.iter().map(|(line, _)| *line).collect();
    let records = parsed.records.into_iter().map(|(_, record)| record).collect();
    let mishaps = parsed.mishaps.into_iter().map(|(_, mishap)| mishap).collect();
    let mut store = book.open()?;
    let source = format!("import {}", file_name(file));
    let summary = store.import_book(records, mishaps, &book.staff, &source).map_err(|e| match e {
        StoreError::InvalidRecord { index, error } => {
            anyhow!("{shown}: line {}: field `{}`: {}; nothing was imported", lines[index], error.field, error.problem)
        }
        other => anyhow!(other).context(format!("{shown}: nothing was imported")),
    })?;
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
