//! The counter screen as a person meets it, through a pseudo-terminal: the real binary on a book of demo guests
//! (200,000 unless `REGULARS_BENCH_GUESTS` says otherwise), a key written to its terminal, timed to the last byte of
//! the frame it redraws. Also the time from start to the first frame, to the first results, and the process's
//! memory once the index is loaded; then fzf on the same names, the same keys, as the reference (fzf must be
//! installed). Each query is typed a character at a time and deleted again with backspace, every key timed.
//! `cargo bench --bench keystroke`.

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

/// Backspace, as a terminal sends it.
const BACKSPACE: &[u8] = b"\x7f";

/// Types each query a character at a time and deletes it again a character at a time, each key timed to its settled
/// frame, each query on a screen of its own from `start` (so that no query is answered from an earlier one's: a
/// desk's writes between two lookups forget every answer kept); prints the median, p99 and worst of the typing and
/// the deleting per query and over all.
fn typing(start: impl Fn() -> Screen, sessions: usize) {
    println!("{:<14} {:>9} {:>9} {:>9}   {:>9} {:>9} {:>9}", "", "typed", "", "", "deleted", "", "");
    println!("{:<14} {:>9} {:>9} {:>9}   {:>9} {:>9} {:>9}", "query", "median", "p99", "max", "median", "p99", "max");
    let (mut all, mut all_typed, mut all_deleted) = (Vec::new(), Vec::new(), Vec::new());
    for query in QUERIES {
        let (mut typed, mut deleted) = (Vec::new(), Vec::new());
        for _ in 0..sessions {
            let mut screen = start();
            for c in query.chars() {
                typed.push(screen.key(c.encode_utf8(&mut [0; 4]).as_bytes()));
            }
            for _ in query.chars() {
                deleted.push(screen.key(BACKSPACE));
            }
            screen.quit();
        }
        all.extend(typed.iter().chain(&deleted));
        let (t, d) = (percentiles(&mut typed), percentiles(&mut deleted));
        println!("{query:<14} {:>9.2?} {:>9.2?} {:>9.2?}   {:>9.2?} {:>9.2?} {:>9.2?}", t.0, t.1, t.2, d.0, d.1, d.2);
        all_typed.extend(typed);
        all_deleted.extend(deleted);
    }
    let (t, d) = (percentiles(&mut all_typed), percentiles(&mut all_deleted));
    println!("{:<14} {:>9.2?} {:>9.2?} {:>9.2?}   {:>9.2?} {:>9.2?} {:>9.2?}", "all", t.0, t.1, t.2, d.0, d.1, d.2);
    let every = percentiles(&mut all);
    println!("{:<14} {:>9.2?} {:>9.2?} {:>9.2?}", "every key", every.0, every.1, every.2);
}

/// The book's names, a line each, for fzf: made once beside the book.
fn names(book: &std::path::Path) -> PathBuf {
    let path = book.with_extension("names.txt");
    if !path.exists() {
        let conn = rusqlite::Connection::open(book).expect("the book");
        let mut names = conn.prepare("SELECT name FROM guests ORDER BY id").expect("names");
        let lines: Vec<String> =
            names.query_map([], |row| row.get(0)).expect("names").map(|n| n.expect("a name")).collect();
        std::fs::write(&path, lines.join("\n") + "\n").expect("the names written");
    }
    path
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
    screen.quit();
    let sessions = sessions();
    if sessions == 0 {
        return;
    }
    println!("\nkeystroke to the last byte of its frame ({sessions} typing sessions per query, each on a new screen):");
    typing(
        || {
            let mut screen = Screen::start(&binary(), &book);
            screen.wait_for("latest first");
            std::thread::sleep(Duration::from_secs(1));
            screen
        },
        sessions,
    );

    // The reference, in the same run: fzf's own screen on the same names, the same keys.
    if std::env::var_os("REGULARS_BENCH_BOOK").is_some() {
        return;
    }
    let names = names(&book);
    let started = Instant::now();
    let fzf = || {
        let input = std::fs::File::open(&names).expect("the names");
        let mut fzf = Screen::spawn(std::process::Command::new("fzf"), Some(input));
        fzf.wait_for(&format!("{guests}/{guests}"));
        fzf
    };
    let first = fzf();
    let loaded = started.elapsed();
    first.quit();
    println!("\nfzf on the same names ({}), all {guests} read in {loaded:.1?}:", fzf_version());
    typing(fzf, sessions);
}

fn fzf_version() -> String {
    std::process::Command::new("fzf")
        .arg("--version")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_else(|_| "fzf".into())
}
