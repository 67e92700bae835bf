//! Years of history against day one. Books of demo guests with ten years of uneven history (`regulars demo --history
//! decade`: about ten visits a guest, a few hundred guests with hundreds, one with twenty thousand) at 20,000 and
//! 200,000 guests, and the same 200,000 guests without their visits. For each: the counter screen through a
//! pseudo-terminal — start to first results, F2 (the usual) to its saved frame, a key typed just after F2, Ctrl-O
//! to the outreach list's first page, a key typed while the rest of the list is read — and as commands, the card of
//! the heaviest guest and of a three-visit guest, outreach, the tally, export and import, with time and peak memory.
//! `cargo bench --bench history`; `REGULARS_BENCH_RUNS` runs of each (3 unless said).

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::pty::{Screen, percentiles};
use common::{measured, run_to_end};

const BINARY: &str = env!("CARGO_BIN_EXE_regulars");
const F2: &[u8] = b"\x1bOQ";
const CTRL_O: &[u8] = b"\x0f";
const CTRL_U: &[u8] = b"\x15";
const CTRL_Z: &[u8] = b"\x1a";
/// What the status line says once the usual is saved.
const SAVED: &str = "Logged the usual";
const ESC: &[u8] = b"\x1b";

fn runs() -> usize {
    std::env::var("REGULARS_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(3)
}

/// Runs `regulars --db BOOK ARGS…` to its end: how long it took and its peak resident memory in megabytes.
fn command(book: &Path, args: &[&str]) -> (Duration, f64) {
    run_to_end(BINARY, book, args)
}

fn sqlite_number(book: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(book).expect("the book");
    conn.query_row(sql, [], |row| row.get(0)).expect(sql)
}

/// The 200,000 decade guests' profiles alone: exported as CSV (profiles only) and imported into a book of their own.
fn without_visits(with: &Path) -> PathBuf {
    let path = with.with_file_name("demo-200000-decade-no-visits.db");
    if !path.exists() {
        let csv = with.with_file_name("profiles.csv");
        command(with, &["export", "--format", "csv", "--out", csv.to_str().expect("a path")]);
        command(&path, &["import", csv.to_str().expect("a path")]);
        std::fs::remove_file(csv).expect("remove the CSV");
    }
    path
}

/// The screen's figures, medians of `runs` fresh starts.
fn screen(book: &Path, runs: usize) {
    let (mut start, mut usual, mut after_usual, mut outreach, mut during, mut memory) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), 0.0f64);
    for _ in 0..runs {
        let started = Instant::now();
        let mut screen = Screen::start(BINARY, book);
        start.push(screen.wait_for("latest first") - started);
        std::thread::sleep(Duration::from_secs(1));
        for _ in 0..5 {
            // F2 to the status line saying it is saved; Ctrl-Z takes it back, so that the next one says it anew.
            let pressed = Instant::now();
            screen.send(F2);
            usual.push(screen.wait_for(SAVED) - pressed);
            screen.send(CTRL_Z);
            screen.wait_until("the visit taken back", |shown| !shown.contains(SAVED));
            // A key typed while the visit is being written.
            screen.send(F2);
            let typed = Instant::now();
            screen.send(b"e");
            after_usual.push(screen.wait_for("Find › e") - typed);
            screen.key(CTRL_U);
        }
        let asked = Instant::now();
        screen.send(CTRL_O);
        outreach.push(screen.wait_for("Birthdays (") - asked);
        // Back at the counter at once (Esc on its own: Esc and a letter together are Alt and the letter), typing
        // while the rest of the list is read.
        screen.send(ESC);
        screen.wait_for("F2 usual");
        let typed = Instant::now();
        screen.send(b"e");
        during.push(screen.wait_for("Find › e") - typed);
        std::thread::sleep(Duration::from_secs(3));
        memory = memory.max(screen.resident_mb());
        screen.quit();
    }
    let median = |samples: &mut Vec<Duration>| percentiles(samples).0;
    let max = |samples: &mut Vec<Duration>| percentiles(samples).2;
    println!("  start to first results          {:>9.1?}", median(&mut start));
    println!("  F2 (the usual) to 'Logged'      {:>9.1?} (max {:.1?})", median(&mut usual), max(&mut usual));
    println!(
        "  a key typed just after F2       {:>9.1?} (max {:.1?})",
        median(&mut after_usual),
        max(&mut after_usual)
    );
    println!("  Ctrl-O to the outreach list     {:>9.1?}", median(&mut outreach));
    println!("  a key typed as the list is read {:>9.1?} (max {:.1?})", median(&mut during), max(&mut during));
    println!("  resident memory after outreach  {memory:>7.1} MB");
}

fn commands(book: &Path, runs: usize, dir: &Path) {
    let heaviest = sqlite_number(book, "SELECT id FROM guests ORDER BY visit_count DESC LIMIT 1");
    let three = sqlite_number(book, "SELECT id FROM guests WHERE visit_count = 3 ORDER BY id LIMIT 1");
    let visits = sqlite_number(
        book,
        "SELECT visit_count FROM guests WHERE id = (SELECT id FROM guests ORDER BY visit_count DESC LIMIT 1)",
    );
    let line = |what: &str, (time, peak): (Duration, f64)| println!("  {what:<32}{time:>9.1?}  peak {peak:>6.1} MB");
    line(
        &format!("card, heaviest ({visits} visits)"),
        measured(runs * 3, || command(book, &["card", "--id", &heaviest.to_string()])),
    );
    line("card, a 3-visit guest", measured(runs * 3, || command(book, &["card", "--id", &three.to_string()])));
    line("outreach --csv", measured(runs, || command(book, &["outreach", "--csv"])));
    line("report (the tally)", measured(runs, || command(book, &["report"])));
    let out = dir.join("export.jsonl");
    let out_arg = out.to_str().expect("a path").to_owned();
    line(
        "export --format jsonl --out",
        measured(runs, || command(book, &["export", "--format", "jsonl", "--out", &out_arg])),
    );
    let mut n = 0;
    let imported = measured(runs.min(2), || {
        n += 1;
        command(&dir.join(format!("imported-{n}.db")), &["import", &out_arg])
    });
    let visits_in = sqlite_number(book, "SELECT count(*) FROM visits").max(1);
    line("import (into a new book)", imported);
    println!("  import per visit                {:>9.1?}", imported.0 / u32::try_from(visits_in).unwrap_or(u32::MAX));
}

fn main() {
    let runs = runs();
    let dir = tempfile::tempdir().expect("a folder");
    let small = common::demo_book_of(20_000, "decade", BINARY);
    let large = common::demo_book_of(200_000, "decade", BINARY);
    let bare = without_visits(&large);
    // A guest with one visit, for F2 to have a usual to log in the book without history.
    command(&bare, &["visit", "--id", "1", "--seat", "Bar 1", "--order", "coffee"]);
    for (name, book) in [
        ("20,000 guests, ten years", &small),
        ("200,000 guests, ten years", &large),
        ("200,000 guests, no visits", &bare),
    ] {
        let visits = sqlite_number(book, "SELECT count(*) FROM visits");
        println!("\n{name} ({visits} visits):");
        screen(book, runs);
        if visits > 1000 {
            commands(book, runs, dir.path());
        }
    }
}
