//! A house's whole customer list brought in on day one: 1,000,000 guests in a card terminal's CSV export (First
//! Name, Last Name, Email Address, Phone Number, Birthday, Memo, Groups), imported into a new book, then again into
//! the same book (every guest found there already); and a till's sales export of 300,000 line items for 20,000
//! customers imported as visits. Time and peak resident memory of each, the real binary as a user runs it.
//! `cargo bench --bench import`.

mod common;

use std::io::Write;
use std::path::Path;

use common::{measured, run_to_end};

const BINARY: &str = env!("CARGO_BIN_EXE_regulars");
const FIRST: [&str; 16] = [
    "Jon", "Amara", "Emma", "Wei", "Lucía", "Felix", "Chloe", "Ann", "Lena", "Mark", "Sofia", "Omar", "Yuki", "Priya",
    "Tom", "Nora",
];
const LAST: [&str; 16] = [
    "Smith", "Okafor", "Stone", "Chen", "Nelson", "Garcia", "Novak", "Lee", "Fischer", "Johnson", "Rossi", "Haddad",
    "Sato", "Patel", "Brown", "Berg",
];
const ITEMS: [&str; 8] = ["coffee", "flat white", "croissant", "egg", "sandwich", "porridge", "tea", "juice"];

fn customers(path: &Path, count: usize) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("a file"));
    writeln!(out, "First Name,Last Name,Email Address,Phone Number,Birthday,Memo,Groups").expect("written");
    let mut rng = fastrand::Rng::with_seed(7);
    for i in 0..count {
        let (first, last) = (FIRST[rng.usize(..16)], LAST[rng.usize(..16)]);
        let birthday = format!("19{}-{:02}-{:02}", rng.u32(40..100), rng.u32(1..13), rng.u32(1..29));
        let email = format!("{}.{}{i}@example.com", first.to_lowercase(), last.to_lowercase());
        writeln!(out, "{first},{last},{email},+44 20 {:04} {:04},{birthday},,Regulars", i / 10_000, i % 10_000)
            .expect("written");
    }
}

fn sales(path: &Path, items: usize, customers: usize) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("a file"));
    writeln!(out, "Date,Time,Receipt Number,Customer Name,Customer Phone,Item,Table").expect("written");
    let mut rng = fastrand::Rng::with_seed(8);
    let mut ticket = 0;
    let mut written = 0;
    while written < items {
        ticket += 1;
        let customer = rng.usize(..customers);
        let name = format!("{} {}", FIRST[customer % 16], LAST[(customer / 16) % 16]);
        let day = format!("2026-{:02}-{:02}", rng.u32(1..12), rng.u32(1..29));
        let time = format!("{:02}:{:02}", rng.u32(7..21), rng.u32(0..60));
        for _ in 0..rng.usize(1..4) {
            let phone = format!("+44 20 {:04} {:04}", customer / 10_000, customer % 10_000);
            let item = ITEMS[rng.usize(..8)];
            writeln!(out, "{day},{time},R{ticket},{name},{phone},{item},Table {}", customer % 20).expect("written");
            written += 1;
        }
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("a folder");
    let list = dir.path().join("customers.csv");
    customers(&list, 1_000_000);
    let book = dir.path().join("book.db");
    let arg = list.to_str().expect("a path");
    let line = |what: &str, (time, peak): (std::time::Duration, f64)| {
        println!("  {what:<44}{time:>9.1?}  peak {peak:>6.1} MB")
    };
    println!("import, this machine (release build):");
    line("1,000,000 guests into a new book", measured(1, || run_to_end(BINARY, &book, &["import", arg])));
    line("the same again (all found there already)", measured(1, || run_to_end(BINARY, &book, &["import", arg])));
    let till = dir.path().join("sales.csv");
    sales(&till, 300_000, 20_000);
    let into = dir.path().join("till.db");
    let till_arg = till.to_str().expect("a path");
    line(
        "300,000 items sold as visits (--as orders)",
        measured(1, || run_to_end(BINARY, &into, &["import", till_arg, "--as", "orders"])),
    );
}
