//! The guest book's own speed: filling it, opening a guest's card, logging a visit, exporting.

mod common;

use std::hint::black_box;

use chrono::{Duration, FixedOffset, NaiveDate, Offset, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use regulars::demo;
use regulars::domain::outreach::prospects;
use regulars::domain::tally::{last_days, reads_from, tally};
use regulars::i18n::Language;
use regulars::report::outreach_rows;
use regulars::search::Needs;
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Store};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fn book(guests: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("bench.db"), DEFAULT_BUSY_TIMEOUT).expect("open");
    store.import(demo::guests(guests, 1, day()), "bench", "demo").expect("demo");
    (dir, store)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("book");
    group.sample_size(10);
    group.bench_function("demo 20k guests into an empty book", |b| {
        b.iter(|| black_box(book(20_000)));
    });
    group.finish();

    let (_dir, mut store) = book(200_000);
    let mut regular = None;
    let mut most = 0;
    store
        .search_rows_unspelled(0..=i64::MAX, |row| {
            if row.visit_count > most {
                (most, regular) = (row.visit_count, Some(row.id));
            }
        })
        .expect("rows");
    let regular = regular.expect("a regular");
    c.bench_function("card of a regular at 200k guests (load history + derive)", |b| {
        b.iter(|| {
            let history = store.history(black_box(regular)).expect("history");
            black_box(history.card().the_usual.is_some())
        });
    });
    c.bench_function("log a visit at 200k guests (durable commit)", |b| {
        b.iter(|| black_box(store.log_visit(regular, common::visit(), "bench").expect("visit")));
    });
    let mut group = c.benchmark_group("book 200k");
    group.sample_size(10);
    let now = day().and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    group.bench_function("mishap tally, 90 days (read + tally)", |b| {
        b.iter(|| {
            let since = last_days(now, 90, chrono::FixedOffset::east_opt(0).expect("UTC"));
            black_box(tally(&store.mishaps(reads_from(since, now), now).expect("mishaps"), since, now))
        })
    });
    group.bench_function("outreach: birthdays in 14 days, regulars away a year (the list + its first page)", |b| {
        b.iter(|| {
            let standings = store.outreach(now - Duration::days(365)).expect("outreach");
            let listed = prospects(&standings, now, day(), 14, 365);
            let page = &listed[..listed.len().min(60)];
            let ids: Vec<_> = page.iter().map(|p| p.guest).collect();
            let histories = store.outreach_page(&ids).expect("page");
            black_box(
                outreach_rows(page, &histories, FixedOffset::east_opt(0).unwrap_or(Utc.fix()), Language::En).len(),
            )
        })
    });
    group.bench_function("load every guest for search", |b| {
        b.iter(|| {
            let mut count = 0;
            store.search_rows(0..=i64::MAX, &Needs::any_guest(), |_| count += 1).expect("rows");
            black_box(count)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
