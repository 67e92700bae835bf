//! `regulars demo`: realistic synthetic guests.

use std::time::Instant;

use anyhow::Result;
use chrono::Local;

use super::Book;

pub fn run(book: &Book, guests: Option<usize>, seed: u64) -> Result<()> {
    let mut store = book.open()?;
    let started = Instant::now();
    let records = regulars::demo::guests(guests.unwrap_or_else(|| book.demo_guests()), seed, Local::now().date_naive());
    let summary = store.import(records, &book.staff, &format!("demo seed {seed}"))?;
    println!(
        "demo guests: {} added, {} merged, {} already there ({:.1} s)",
        summary.added,
        summary.merged,
        summary.unchanged,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
