//! Every statement the counter runs on its hot paths reads history through an index: the statements are traced as
//! the store runs them, on a book with a guest of thousands of visits, and each one's plan is asked of SQLite.
//! (PostgreSQL's planner weighs sizes; the same indexes are there for it.)

use std::sync::{Arc, Mutex};

use chrono::{Duration, TimeZone, Utc};
use rusqlite::trace::{TraceEvent, TraceEventCodes};

use super::{DEFAULT_BUSY_TIMEOUT, Db, Store};
use crate::domain::tally::reads_from;
use crate::domain::{GuestId, GuestRecord, Profile, Recovery, Visit};

/// The tables that grow with the years: none may be read whole on a hot path. (The notes of who was written to
/// are read whole by the outreach list, which checks every prospect against them: one row a letter written.)
const HISTORY: [&str; 5] = ["visits", "recoveries", "follow_ups", "audit_log", "heads_ups"];

fn visit(day: i64, seat: &str) -> Visit {
    let at = Utc.with_ymd_and_hms(2016, 1, 1, 8, 0, 0).unwrap() + Duration::hours(day * 6);
    Visit {
        at,
        seat: seat.into(),
        order: vec!["coffee".into()],
        party_size: None,
        staff: "Nok".into(),
        note: "".into(),
    }
}

fn guest(name: &str, phone: &str, visits: Vec<Visit>) -> GuestRecord {
    let profile =
        Profile { name: name.into(), phone: phone.into(), birthday: "--12-03".parse().ok(), ..Profile::default() };
    let recovery = Recovery {
        opened_at: Utc::now() - Duration::days(3),
        category: "late order".into(),
        what_happened: String::new(),
        action_taken: String::new(),
        cost: None,
        follow_ups: vec![crate::domain::FollowUp::new("call back")],
        resolved_at: None,
        staff: "Nok".into(),
    };
    GuestRecord { profile, visits, recoveries: vec![recovery], noted: None, written: Vec::new() }
}

#[test]
fn no_hot_path_statement_reads_a_history_table_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("book.db"), DEFAULT_BUSY_TIMEOUT).unwrap();
    let heavy = guest("Yu Wei", "+66 81 000 0001", (0..3000).map(|day| visit(day, "Window 2")).collect());
    // The latest visits were all take-aways: the old seat is looked for further back.
    let mut takeaway = guest("Ana Lee", "+66 81 000 0002", (0..70).map(|day| visit(day, "")).collect());
    takeaway.visits.insert(0, visit(-1, "Bar"));
    let others = (3..200)
        .map(|i| guest(&format!("Guest {i}"), &format!("+66 81 000 {i:04}"), vec![visit(i, "Bar"), visit(i + 1, "")]));
    store.import([heavy, takeaway].into_iter().chain(others).collect(), "Nok", "test").unwrap();

    let ran = Arc::new(Mutex::new(Vec::<String>::new()));
    let traced = Arc::clone(&ran);
    let Db::Sqlite(conn) = &mut store.db else { unreachable!("a file book") };
    conn.trace_v2(
        TraceEventCodes::SQLITE_TRACE_STMT,
        Some(move |event: TraceEvent<'_>| {
            if let TraceEvent::Stmt(statement, text) = event
                && !text.starts_with("--")
                && let Some(sql) = statement.expanded_sql()
            {
                traced.lock().unwrap().push(sql);
            }
        }),
    )
    .unwrap();

    // The counter's start, a keystroke's card, logging the usual, the other desks' writes, the lists beside it.
    let now = Utc::now();
    crate::feed::whole_book(&store).unwrap();
    store.recent_visits(0..=i64::MAX, 4, |_, _| {}).unwrap();
    store.house_items(200).unwrap();
    store.categories().unwrap();
    store.stations().unwrap();
    store.heads_ups(now - Duration::hours(1)).unwrap();
    let head = store.audit_head().unwrap();
    for id in [1, 2, 3] {
        store.recent_history(GuestId(id)).unwrap();
    }
    store.log_visit(GuestId(1), visit(5000, "Window 2"), "Nok").unwrap();
    store.changed_since(head, "").unwrap();
    store.mishaps(reads_from(now - Duration::days(30), now), now).unwrap();
    store.latest_audit_entries(2000).unwrap();
    let standings = store.outreach(now - Duration::days(365)).unwrap();
    let ids: Vec<GuestId> = standings.iter().map(|s| s.guest).take(60).collect();
    assert!(!ids.is_empty());
    store.outreach_page(&ids).unwrap();

    let Db::Sqlite(conn) = &mut store.db else { unreachable!("a file book") };
    conn.trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, None::<fn(TraceEvent<'_>)>).unwrap();
    let mut statements = ran.lock().unwrap().clone();
    statements.sort();
    statements.dedup();
    assert!(statements.len() > 15, "{statements:#?}");
    let mut whole = Vec::new();
    for sql in &statements {
        let mut plan = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let steps: Vec<String> = plan.query_map([], |row| row.get(3)).unwrap().map(Result::unwrap).collect();
        // A scan that stops at a LIMIT, in the order it reads (no sort of what it read), reads only what it returns.
        let bounded = sql.contains(" LIMIT ") && !steps.iter().any(|step| step.contains("TEMP B-TREE FOR ORDER BY"));
        for step in &steps {
            let scanned = step.strip_prefix("SCAN ").and_then(|rest| rest.split_whitespace().next());
            let table = scanned.map(|name| table_of(sql, name));
            if table.is_some_and(|table| HISTORY.contains(&table)) && !bounded {
                whole.push(format!("{step}\n    in {sql}"));
            }
        }
    }
    assert!(whole.is_empty(), "history read whole:\n{}", whole.join("\n"));
}

/// The table a name in a plan stands for: the name itself, or what it is an alias of ("visits v").
fn table_of<'a>(sql: &'a str, name: &'a str) -> &'a str {
    let words: Vec<&str> =
        sql.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')').filter(|w| !w.is_empty()).collect();
    words.windows(2).find(|pair| pair[1] == name && HISTORY.contains(&pair[0])).map_or(name, |pair| pair[0])
}
