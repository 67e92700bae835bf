//! Several desks on one book: visits per second with one and with four writers (each its own connection, as each
//! desk is its own process), and how long a heads-up takes from one desk's send to another desk's screen.

mod common;

use std::hint::black_box;

use chrono::NaiveDate;
use common::visit;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use regulars::demo;
use regulars::domain::GuestId;
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Store};

fn book() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("desks.db"), DEFAULT_BUSY_TIMEOUT).expect("open");
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    store.import(demo::guests(2000, 1, day), "bench", "demo").expect("demo");
    (dir, store)
}

fn bench(c: &mut Criterion) {
    let (_dir, store) = book();
    let mut group = c.benchmark_group("desks");
    group.sample_size(10);
    for writers in [1_usize, 4] {
        let per_writer = 100;
        group.throughput(Throughput::Elements((writers * per_writer) as u64));
        group.bench_function(format!("{writers} writer(s), {per_writer} durable visits each"), |b| {
            b.iter(|| {
                std::thread::scope(|scope| {
                    for w in 0..writers {
                        let mut desk = store.reopen().expect("reopen");
                        scope.spawn(move || {
                            for i in 0..per_writer {
                                let guest = GuestId(((w * per_writer + i) % 2000 + 1) as i64);
                                black_box(desk.log_visit(guest, visit(), "bench").expect("visit"));
                            }
                        });
                    }
                });
            });
        });
    }
    group.finish();

    // A heads-up from one desk, seen by another that looks every 250 ms as the screen's watcher does.
    let mut sender = store.reopen().expect("reopen");
    let latencies = common::heads_up_latencies(&mut sender, 20);
    println!(
        "heads-up, send to seen at another desk (20 runs): median {:?}, max {:?}",
        latencies[latencies.len() / 2],
        latencies[latencies.len() - 1]
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
