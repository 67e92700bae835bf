//! The same work on both kinds of book, side by side: a file (SQLite) and a database on a PostgreSQL server on this
//! machine (a throwaway cluster whose commits wait for the disk, as the file's do). Logging a visit (a durable
//! commit), reading a regular's card, loading the search index, and a heads-up from one desk's send to another
//! desk having it. The book is `regulars demo` of 200,000 guests unless `REGULARS_BENCH_GUESTS` says otherwise,
//! made once beside the build (as the keystroke benchmark's) and copied to the server with `Store::copy_to`.
//! `cargo bench --bench books`.

#[path = "../tests/common/pg.rs"]
#[allow(dead_code)]
mod pg;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use regulars::domain::{GuestId, Visit};
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Location, Store};

fn guests() -> usize {
    std::env::var("REGULARS_BENCH_GUESTS").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000)
}

/// The demo book of `guests`, made once and kept beside the build.
fn demo_book(guests: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-books");
    let path = dir.join(format!("demo-{guests}.db"));
    if !path.exists() {
        std::fs::create_dir_all(&dir).expect("a folder for bench books");
        let made = Command::new(env!("CARGO_BIN_EXE_regulars"))
            .args(["--db", path.to_str().expect("a path"), "demo", "--guests", &guests.to_string(), "--seed", "1"])
            .env("REGULARS_CONFIG", "/nonexistent/config.toml")
            .status()
            .expect("regulars demo runs");
        assert!(made.success(), "regulars demo failed");
    }
    path
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

/// The guest with the most visits: the card that costs most.
fn regular(store: &Store) -> GuestId {
    let (mut most, mut regular) = (0, GuestId(1));
    store
        .search_rows(0..=i64::MAX, 0, |row| {
            if row.visit_count > most {
                (most, regular) = (row.visit_count, row.id);
            }
        })
        .expect("rows");
    regular
}

/// A heads-up sent at `sender`, timed until a watcher on its own connection has read it, the way a screen's
/// watcher does: a file is looked at every 250 ms; a server's notice is waited for.
fn heads_up_latencies(sender: &mut Store, runs: usize) -> Vec<Duration> {
    let mut latencies = Vec::new();
    for _ in 0..runs {
        let watcher = sender.reopen().expect("reopen");
        let before = watcher.writes_mark(Duration::ZERO).expect("mark");
        let (seen_tx, seen_rx) = std::sync::mpsc::channel();
        let handle = std::thread::spawn(move || {
            loop {
                let wait = if watcher.hears_writes() { Duration::from_secs(2) } else { Duration::ZERO };
                if watcher.writes_mark(wait).expect("mark") != before {
                    let found = watcher.heads_ups(Utc::now() - chrono::Duration::minutes(1)).expect("heads-ups");
                    let _ = seen_tx.send((Instant::now(), found.len()));
                    return;
                }
                if !watcher.hears_writes() {
                    std::thread::sleep(Duration::from_millis(250));
                }
            }
        });
        // Sent at a random moment of the watcher's wait.
        std::thread::sleep(Duration::from_millis(fastrand::u64(20..250)));
        let sent = Instant::now();
        sender.send_heads_up(GuestId(1), "lobby", None, "on the way", "bench", false).expect("send");
        let (seen, found) = seen_rx.recv().expect("seen");
        assert!(found > 0);
        latencies.push(seen - sent);
        let _ = handle.join();
    }
    latencies.sort_unstable();
    latencies
}

fn bench(c: &mut Criterion) {
    let guests = guests();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("book.db");
    std::fs::copy(demo_book(guests), &file).expect("copy the demo book");
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
