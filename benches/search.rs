//! Search at 200,000 demo guests: every keystroke of typed queries (median and p99), building the index, its heap
//! size, and the first search after opening a book.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::Criterion;
use regulars::demo;
use regulars::search::Index;
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Store};

/// Counts live heap bytes, to report what the index really holds.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const GUESTS: usize = 200_000;
const SHOWN: usize = 50;
const QUERIES: [&str; 10] =
    ["e", "emma", "jonsmith", "yum", "0108", "王建华", "wjh", "garcia", "emma stone", "jon smtih"];

fn book() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("bench.db"), DEFAULT_BUSY_TIMEOUT).expect("open");
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    store.import(demo::guests(GUESTS, 1, day), "bench", "demo").expect("demo");
    (dir, store)
}

/// Types each query a character at a time, as staff do, and times each keystroke's search (top 50 with
/// highlights). Prints the median and 99th percentile per query and over all keystrokes.
fn keystrokes(index: &mut Index) {
    let mut all = Vec::new();
    println!("\nper keystroke at {GUESTS} guests, top {SHOWN} with highlights (50 typing sessions per query):");
    println!("{:<12} {:>10} {:>10} {:>10}", "query", "median", "p99", "max");
    for query in QUERIES {
        let mut times = Vec::new();
        for _ in 0..50 {
            index.search("", SHOWN);
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                let start = Instant::now();
                black_box(index.search(&typed, SHOWN));
                times.push(start.elapsed());
            }
        }
        let (median, p99, max) = percentiles(&mut times);
        println!("{query:<12} {median:>10.2?} {p99:>10.2?} {max:>10.2?}");
        all.extend(times);
    }
    let (median, p99, max) = percentiles(&mut all);
    println!("{:<12} {median:>10.2?} {p99:>10.2?} {max:>10.2?}\n", "all");
}

fn percentiles(times: &mut [Duration]) -> (Duration, Duration, Duration) {
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99), at(1.0))
}

fn main() {
    let (_dir, store) = book();
    // Opening the book as the screen does: a fresh connection, the index loaded by name, the first (empty) search;
    // then the other spellings, after which every spelling is found.
    let (mut opens, mut spelled) = (Vec::new(), Vec::new());
    for _ in 0..9 {
        let started = Instant::now();
        let fresh = store.reopen().expect("reopen");
        let mut index = regulars::feed::names(&fresh).expect("index");
        black_box(index.search("", SHOWN));
        opens.push(started.elapsed());
        regulars::feed::spellings(&fresh, &mut index).expect("spellings");
        spelled.push(started.elapsed());
    }
    let (open_median, open_p99, _) = percentiles(&mut opens);
    let (spelled_median, _, _) = percentiles(&mut spelled);
    let before = LIVE.load(Ordering::Relaxed);
    let mut index = regulars::feed::whole_book(&store).expect("index");
    let heap = LIVE.load(Ordering::Relaxed) - before;
    println!(
        "\nopen to first results at {GUESTS} guests: median {open_median:.1?}, worst of 9 {open_p99:.1?}; \
         to every spelling found: median {spelled_median:.1?}; index heap {:.1} MB for {} guests",
        heap as f64 / 1e6,
        index.len()
    );
    keystrokes(&mut index);

    let mut criterion = Criterion::default().configure_from_args().sample_size(20);
    for query in QUERIES {
        // The last keystroke of the query, after the ones before it, as typed.
        let before: String = query.chars().take(query.chars().count() - 1).collect();
        criterion.bench_function(&format!("search 200k: last keystroke of {query:?}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    index.search("", SHOWN);
                    index.search(&before, SHOWN);
                    let start = Instant::now();
                    black_box(index.search(query, SHOWN));
                    total += start.elapsed();
                }
                total
            });
        });
    }
    criterion.bench_function("search 200k: first keystroke \"e\" from an empty query", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                index.search("", SHOWN);
                let start = Instant::now();
                black_box(index.search("e", SHOWN));
                total += start.elapsed();
            }
            total
        });
    });
    criterion.final_summary();
}
