//! Promises in the store, on a real SQLite file and a real PostgreSQL server: a follow-up's owner and due time
//! round trip as instants; the book's open promises are those of unresolved recoveries; a tick records who and when,
//! in the audit log too, and a reopen clears it.

use chrono::{TimeZone, Utc};
use regulars::domain::{FollowUp, Profile, Recovery};
use regulars::store::DEFAULT_BUSY_TIMEOUT;

mod common;
use common::books::TestBook;

on_both_books!(owned_timed_follow_ups_round_trip_and_ticks_record_who_and_when);

fn owned_timed_follow_ups_round_trip_and_ticks_record_who_and_when(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let guest = store.add_guest(Profile { name: "Yu Ming".into(), ..Profile::default() }, "Ana").unwrap();
    let due = Utc.with_ymd_and_hms(2026, 6, 8, 23, 30, 0).unwrap();
    let recovery = |category: &str| Recovery {
        opened_at: Utc.with_ymd_and_hms(2026, 6, 8, 14, 0, 0).unwrap(),
        category: category.into(),
        what_happened: "upgrade promised, not given".into(),
        action_taken: String::new(),
        cost: None,
        follow_ups: vec![
            FollowUp { owner: Some("restaurant".into()), due: Some(due), ..FollowUp::new("early breakfast ready") },
            FollowUp::new("a note of thanks"),
        ],
        resolved_at: None,
        staff: "Ana".into(),
    };
    let open = store.add_recovery(Some(guest), recovery("room upgrade"), "Ana").unwrap();
    let resolved = store.add_recovery(None, recovery("noise"), "Ana").unwrap();
    store.resolve_recovery(resolved, Utc.with_ymd_and_hms(2026, 6, 8, 15, 0, 0).unwrap(), "Ana").unwrap();

    let promises = book.open_with(DEFAULT_BUSY_TIMEOUT).promises().unwrap();
    let listed: Vec<_> = promises.iter().map(|p| (p.recovery, p.position, p.task.as_str(), p.due)).collect();
    assert_eq!(listed, [(open, 1, "early breakfast ready", Some(due)), (open, 2, "a note of thanks", None)]);
    assert_eq!(promises[0].owner.as_deref(), Some("restaurant"));
    assert_eq!((promises[0].guest, promises[0].name.as_deref()), (Some(guest), Some("Yu Ming")));
    assert_eq!(promises[0].category, "room upgrade");

    let before = Utc::now();
    store.set_follow_up(open, 0, true, "Nok").unwrap();
    let history = book.open_with(DEFAULT_BUSY_TIMEOUT).history(guest).unwrap();
    let ticked = &history.recoveries[0].recovery.follow_ups[0];
    assert!(ticked.done && ticked.due == Some(due) && ticked.owner.as_deref() == Some("restaurant"), "{ticked:?}");
    let (at, by) = ticked.ticked.clone().unwrap();
    assert!(at >= before - chrono::Duration::seconds(1) && by == "Nok", "{at} {by}");
    assert_eq!(book.open_with(DEFAULT_BUSY_TIMEOUT).promises().unwrap().len(), 1, "a ticked one leaves the list");
    let audit = store.audit_entries(None, chrono::DateTime::<Utc>::MIN_UTC).unwrap();
    assert!(audit.iter().any(|e| e.action == "follow-up done" && e.staff == "Nok" && e.guest == Some(guest)));

    store.set_follow_up(open, 0, false, "Nok").unwrap();
    let reopened = book.open_with(DEFAULT_BUSY_TIMEOUT).history(guest).unwrap();
    assert_eq!(reopened.recoveries[0].recovery.follow_ups[0].ticked, None);
    assert_eq!(book.open_with(DEFAULT_BUSY_TIMEOUT).promises().unwrap().len(), 2);
}
