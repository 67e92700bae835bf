//! What several benchmarks share: a visit to log, the demo book kept beside the build, and timing heads-ups.
#![allow(dead_code)] // Each benchmark uses a part of this module.

pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use nix::libc;
use regulars::domain::{GuestId, Visit};
use regulars::store::Store;

/// A visit as a desk logs one: now, at the bar, a coffee.
pub fn visit() -> Visit {
    Visit {
        at: Utc::now(),
        seat: "Bar 1".into(),
        order: vec!["coffee".into()],
        party_size: None,
        staff: "bench".into(),
        note: String::new(),
    }
}

/// The demo book of `guests` (seed 1), made once by `binary` and kept beside the build.
pub fn demo_book(guests: usize, binary: &str) -> PathBuf {
    demo_book_of(guests, "recent", binary)
}

/// The demo book of `guests` (seed 1) with the history asked for (`regulars demo --history`), made once by `binary`
/// and kept beside the build.
pub fn demo_book_of(guests: usize, history: &str, binary: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-books");
    let name = if history == "recent" { format!("demo-{guests}.db") } else { format!("demo-{guests}-{history}.db") };
    let path = dir.join(name);
    if !path.exists() {
        std::fs::create_dir_all(&dir).expect("a folder for bench books");
        let made = Command::new(binary)
            .args(["--db", path.to_str().expect("a path"), "demo", "--guests", &guests.to_string(), "--seed", "1"])
            .args(["--history", history])
            .env("REGULARS_CONFIG", "/dev/null")
            .status()
            .expect("regulars demo runs");
        assert!(made.success(), "regulars demo failed");
    }
    path
}

/// A heads-up sent at `sender`, timed until a watcher on its own connection has read it, the way a screen's
/// watcher does: a file is looked at every 250 ms; a server's notice is waited for.
pub fn heads_up_latencies(sender: &mut Store, runs: usize) -> Vec<Duration> {
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

/// Runs `BINARY --db BOOK ARGS…` to its end: how long it took and its peak resident memory in megabytes.
#[allow(clippy::zombie_processes)] // Reaped by wait4, which also gives its peak memory.
pub fn run_to_end(binary: &str, book: &Path, args: &[&str]) -> (Duration, f64) {
    let started = Instant::now();
    let child = Command::new(binary)
        .arg("--db")
        .arg(book)
        .args(args)
        .env("REGULARS_CONFIG", "/dev/null")
        .env("REGULARS_STAFF", "bench")
        .stdout(Stdio::null())
        .spawn()
        .expect("regulars runs");
    let mut status = 0;
    // SAFETY: a plain C struct, all zeroes a valid value; wait4 fills it for our own child, which nothing else waits
    // for (the handle is dropped unwaited).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    // SAFETY: both pointers are to locals that outlive the call.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert!(waited == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "{args:?} failed");
    (started.elapsed(), usage.ru_maxrss as f64 / 1024.0)
}

/// The median time and the highest peak of `runs` runs of a command.
pub fn measured(runs: usize, mut run: impl FnMut() -> (Duration, f64)) -> (Duration, f64) {
    let (mut times, mut peak) = (Vec::new(), 0.0f64);
    for _ in 0..runs {
        let (time, memory) = run();
        times.push(time);
        peak = peak.max(memory);
    }
    (pty::percentiles(&mut times).0, peak)
}
