//! Several desks on one book: visits per second with one and with four writers (each its own connection, as each
//! desk is its own process), and how long a heads-up takes from one desk's send to another desk's screen.

use std::hint::black_box;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use regulars::demo;
use regulars::domain::{GuestId, Visit};
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Store};

/// How often a screen looks for other desks' writes (the runtime's watcher).
const WATCH_EVERY: Duration = Duration::from_millis(250);

fn book() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("desks.db"), DEFAULT_BUSY_TIMEOUT).expect("open");
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    store.import(demo::guests(2000, 1, day), "bench", "demo").expect("demo");
    (dir, store)
}

fn visit() -> Visit {
    Visit {
        at: Utc::now(),
        seat: "Bar 1".into(),
        order: vec!["coffee".into()],
        party_size: None,
        staff: "bench".into(),
        note: String::new(),
    }
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

    // A heads-up from one desk, seen by another that looks every WATCH_EVERY as the screen does.
    let mut latencies = Vec::new();
    for _ in 0..20 {
        let watcher = store.reopen().expect("reopen");
        let (seen_tx, seen_rx) = mpsc::channel();
        let before = watcher.writes_mark(std::time::Duration::ZERO).expect("version");
        let handle = std::thread::spawn(move || {
            loop {
                std::thread::sleep(WATCH_EVERY);
                if watcher.writes_mark(std::time::Duration::ZERO).expect("version") != before {
                    let found = watcher.heads_ups(Utc::now() - chrono::Duration::minutes(1)).expect("heads-ups");
                    let _ = seen_tx.send((Instant::now(), found.len()));
                    return;
                }
            }
        });
        // Send at a random point of the watcher's sleep.
        std::thread::sleep(Duration::from_millis(fastrand::u64(0..250)));
        let mut sender = store.reopen().expect("reopen");
        let sent = Instant::now();
        sender.send_heads_up(GuestId(1), "lobby", None, "on the way", "bench", false).expect("send");
        let (seen, found) = seen_rx.recv().expect("seen");
        assert!(found > 0);
        latencies.push(seen - sent);
        let _ = handle.join();
    }
    latencies.sort_unstable();
    println!(
        "heads-up, send to seen at another desk (20 runs): median {:?}, max {:?}",
        latencies[latencies.len() / 2],
        latencies[latencies.len() - 1]
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
