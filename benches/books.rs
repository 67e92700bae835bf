//! The same work on both kinds of book, side by side: a file (SQLite) and a database on a PostgreSQL server on this
//! machine (a throwaway cluster whose commits wait for the disk, as the file's do). Logging a visit (a durable
//! commit), reading a regular's card, loading the search index, and a heads-up from one desk's send to another
//! desk having it. The book is `regulars demo` of 200,000 guests unless `REGULARS_BENCH_GUESTS` says otherwise,
//! made once beside the build (as the keystroke benchmark's) and copied to the server with `Store::copy_to`.
//! `cargo bench --bench books`.

mod common;
#[path = "../tests/common/pg.rs"]
#[allow(dead_code)]
mod pg;

use std::hint::black_box;
use std::time::Instant;

use common::{demo_book, heads_up_latencies, visit};
use criterion::{Criterion, criterion_group, criterion_main};
use regulars::domain::GuestId;
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Location, Store};

fn guests() -> usize {
    std::env::var("REGULARS_BENCH_GUESTS").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000)
}

/// The guest with the most visits: the card that costs most.
fn regular(store: &Store) -> GuestId {
    let (mut most, mut regular) = (0, GuestId(1));
    store
        .search_rows_unspelled(0..=i64::MAX, |row| {
            if row.visit_count > most {
                (most, regular) = (row.visit_count, row.id);
            }
        })
        .expect("rows");
    regular
}

fn bench(c: &mut Criterion) {
    let guests = guests();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("book.db");
    std::fs::copy(demo_book(guests, env!("CARGO_BIN_EXE_regulars")), &file).expect("copy the demo book");
    let server = pg::durable_server();
    let database = server.database();
    let mut sqlite = Store::open(&file, DEFAULT_BUSY_TIMEOUT).expect("open the file");
    let mut postgres =
        Store::open_at(&Location::parse(&database).expect("address"), DEFAULT_BUSY_TIMEOUT).expect("open the server");
    let copying = Instant::now();
    sqlite.copy_to(&mut postgres).expect("copy to the server");
    println!("copied {guests} guests to the server in {:.1} s", copying.elapsed().as_secs_f64());

    for (name, store) in [("file (SQLite)", &mut sqlite), ("server (PostgreSQL)", &mut postgres)] {
        let regular = regular(store);
        let mut group = c.benchmark_group(format!("{guests} guests, {name}"));
        group.sample_size(20);
        group.bench_function("a regular's card (history + derive)", |b| {
            b.iter(|| black_box(store.history(regular).expect("history").card().the_usual.is_some()));
        });
        // Spread over the book, so that no guest's history grows out of the ordinary.
        let mut next = 0;
        group.bench_function("log a visit (durable commit)", |b| {
            b.iter(|| {
                next += 7919;
                let guest = GuestId((next % guests) as i64 + 1);
                black_box(store.log_visit(guest, visit(), "bench").expect("visit"))
            });
        });
        group.sample_size(10);
        group.bench_function("load the search index", |b| {
            b.iter(|| black_box(regulars::feed::whole_book(store).expect("index").len()));
        });
        group.finish();
        let latencies = heads_up_latencies(store, 40);
        let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
        println!(
            "{name}: heads-up from send to another desk having it ({} runs): median {:?}, p99 {:?}",
            latencies.len(),
            at(0.5),
            at(0.99)
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
