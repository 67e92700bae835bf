//! Several desks on one guest book: concurrent writers, some killed at random moments, lose nothing that was
//! reported saved; no desk sees "database is locked"; a backup taken while they write is whole.

mod common;

use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::Book;

const WRITERS: usize = 4;
const VISITS_EACH: usize = 60;

/// One desk logging visits back to back; every third process is killed (SIGKILL) a few milliseconds in, wherever
/// it is. Returns the ids the surviving processes printed, and anything they said on standard error.
fn desk(db: &str, desk: usize) -> (Vec<i64>, String) {
    let (mut printed, mut errors) = (Vec::new(), String::new());
    for i in 0..VISITS_EACH {
        let query = if desk.is_multiple_of(2) { "jon" } else { "0108" };
        let mut child = Command::new(env!("CARGO_BIN_EXE_regulars"))
            .args(["--db", db, "--staff", &format!("desk{desk}"), "visit", query])
            .args(["--seat", &format!("Bar {desk}")])
            .env("REGULARS_CONFIG", "/dev/null")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if i % 3 == 2 {
            std::thread::sleep(Duration::from_millis(((desk * 7 + i * 13) % 9) as u64));
            let _ = child.kill();
        }
        let output = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        printed.extend(stdout.lines().filter_map(|line| line.split_whitespace().nth(1)?.parse::<i64>().ok()));
        errors.push_str(&String::from_utf8_lossy(&output.stderr));
    }
    (printed, errors)
}

#[test]
fn killed_writers_lose_no_visit_they_reported_saved() {
    let book = Arc::new(Book::counter());
    let results = Arc::new(Mutex::new(Vec::new()));
    let threads: Vec<_> = (0..WRITERS)
        .map(|n| {
            let (book, results) = (Arc::clone(&book), Arc::clone(&results));
            std::thread::spawn(move || {
                let outcome = desk(book.path.to_str().unwrap(), n);
                results.lock().unwrap().push(outcome);
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let backup = book.file("backup.db");
    book.ok(&["backup", backup.to_str().unwrap()]);
    for thread in threads {
        thread.join().unwrap();
    }
    let results = results.lock().unwrap();
    let printed: Vec<i64> = results.iter().flat_map(|(ids, _)| ids.clone()).collect();
    let errors: String = results.iter().map(|(_, e)| e.as_str()).collect();
    assert!(!errors.contains("locked") && !errors.contains("busy"), "a desk saw the book busy: {errors}");
    assert!(printed.len() >= WRITERS * VISITS_EACH / 2, "most visits went through: {}", printed.len());

    let conn = rusqlite::Connection::open(&book.path).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let mut stmt = conn.prepare("SELECT 1 FROM visits WHERE id = ?1").unwrap();
    for id in &printed {
        assert!(stmt.exists([id]).unwrap(), "visit {id} was reported saved and is missing");
    }
    let copy = rusqlite::Connection::open(&backup).unwrap();
    let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let guests: i64 = copy.query_row("SELECT count(*) FROM guests", [], |r| r.get(0)).unwrap();
    assert_eq!(guests, 5, "the backup is the whole book");
}

#[test]
fn killed_writers_on_a_postgresql_book_lose_no_visit_they_reported_saved_and_store_none_twice() {
    let db = common::pg_counter_database();
    let mut client = postgres::Client::connect(&db, postgres::NoTls).unwrap();
    let count = |client: &mut postgres::Client, sql: &str| -> i64 { client.query_one(sql, &[]).unwrap().get(0) };
    let before = count(&mut client, "SELECT count(*) FROM visits");

    let threads: Vec<_> = (0..WRITERS)
        .map(|n| {
            let db = db.clone();
            std::thread::spawn(move || desk(&db, n))
        })
        .collect();
    let results: Vec<(Vec<i64>, String)> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let printed: Vec<i64> = results.iter().flat_map(|(ids, _)| ids.clone()).collect();
    let errors: String = results.iter().map(|(_, e)| e.as_str()).collect();
    assert!(!errors.contains("busy"), "a desk gave up on the book: {errors}");
    assert!(printed.len() >= WRITERS * VISITS_EACH / 2, "most visits went through: {}", printed.len());
    for id in &printed {
        let found: i64 = client.query_one("SELECT count(*) FROM visits WHERE id = $1", &[id]).unwrap().get(0);
        assert_eq!(found, 1, "visit {id} was reported saved: it is there once");
    }
    // Every visit stored was stored by one write, audited once: none came in twice.
    let added = count(&mut client, "SELECT count(*) FROM visits") - before;
    let logged = count(&mut client, "SELECT count(*) FROM audit_log WHERE action = 'visit logged'");
    assert_eq!(added, logged);
    assert!(added >= i64::try_from(printed.len()).unwrap());
}
