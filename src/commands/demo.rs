//! `regulars demo`: realistic synthetic guests, made as they are imported (a book of any size in the memory of one
//! guest).

use std::time::Instant;

use anyhow::Result;
use chrono::Local;
use regulars::demo::History;
use regulars::domain::Incoming;
use regulars::store::StoreError;
use regulars::t;

use super::Book;

pub fn run(book: &Book, guests: Option<usize>, seed: u64, history: History) -> Result<()> {
    let mut store = book.open()?;
    let started = Instant::now();
    let (count, today) = (guests.unwrap_or_else(|| book.demo_guests()), Local::now().date_naive());
    let guests = || {
        let made = regulars::demo::generate(count, seed, today, history);
        Ok::<_, StoreError>(made.map(|record| Ok(Incoming::Guest(Box::new(record), None))))
    };
    let summary = store.import_stream(guests, &book.staff, &format!("demo seed {seed}"))??;
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
    let (added, merged, unchanged) = (summary.added, summary.merged, summary.unchanged);
    println!(
        "{}",
        t!(book.language, "cli-demo", added = added, merged = merged, unchanged = unchanged, seconds = seconds)
    );
    Ok(())
}
