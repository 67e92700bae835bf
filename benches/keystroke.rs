//! The counter screen as a person meets it, through a pseudo-terminal: the real binary on a book of demo guests
//! (200,000 unless `REGULARS_BENCH_GUESTS` says otherwise), a key written to its terminal, timed to the last byte of
//! the frame it redraws. Also the time from start to the first frame, to the first results, and the process's
//! memory once the index is loaded. `cargo bench --bench keystroke`.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::pty::{Screen, percentiles};

/// The binary measured: this build's, or `REGULARS_BENCH_BINARY` (another build, measured side by side).
fn binary() -> String {
    std::env::var("REGULARS_BENCH_BINARY").unwrap_or_else(|_| env!("CARGO_BIN_EXE_regulars").to_owned())
}
const QUERIES: [&str; 10] =
    ["e", "emma", "jonsmith", "yum", "0108", "王建华", "wjh", "garcia", "emma stone", "jon smtih"];
/// Typing sessions per query, unless `REGULARS_BENCH_SESSIONS` says otherwise (0: only the start figures).
fn sessions() -> usize {
    std::env::var("REGULARS_BENCH_SESSIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(5)
}

/// The demo book, made once and kept beside the build; `REGULARS_BENCH_BOOK` names another, taken as it is (a file
/// for another build, or a PostgreSQL book's address).
fn book(guests: usize) -> PathBuf {
    if let Some(given) = std::env::var_os("REGULARS_BENCH_BOOK") {
        return PathBuf::from(given);
    }
    common::demo_book(guests, &binary())
}

fn main() {
    let guests: usize = std::env::var("REGULARS_BENCH_GUESTS").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000);
    let book = book(guests);
    let started = Instant::now();
    let mut screen = Screen::start(&binary(), &book);
    let first_frame = screen.wait_for("Find ›") - started;
    let first_results = screen.wait_for("latest first") - started;
    println!("\nthe screen at {guests} guests, through a pseudo-terminal (100×30):");
    println!("  start to first frame {first_frame:.1?}, to first results {first_results:.1?}");
    // The names' other spellings are read just after the first results: give them a moment.
    std::thread::sleep(Duration::from_secs(1));
    println!("  resident memory with the index loaded: {:.1} MB", screen.resident_mb());
    let sessions = sessions();
    if sessions == 0 {
        screen.quit();
        return;
    }
    println!("\nkeystroke to the last byte of its frame ({sessions} typing sessions per query):");
    println!("{:<14} {:>9} {:>9} {:>9}", "query", "median", "p99", "max");
    let mut all = Vec::new();
    for query in QUERIES {
        let mut samples = Vec::new();
        for _ in 0..sessions {
            for c in query.chars() {
                samples.push(screen.key(c.encode_utf8(&mut [0; 4]).as_bytes()));
            }
            screen.key(b"\x15");
        }
        let (median, p99, max) = percentiles(&mut samples);
        println!("{query:<14} {median:>9.2?} {p99:>9.2?} {max:>9.2?}");
        all.extend(samples);
    }
    let (median, p99, max) = percentiles(&mut all);
    println!("{:<14} {median:>9.2?} {p99:>9.2?} {max:>9.2?}", "all");
    screen.quit();
}
