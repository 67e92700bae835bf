//! Promises in the store, on a real SQLite file and a real PostgreSQL server: a follow-up's owner and due time
//! round trip as instants; the book's open promises are those of unresolved recoveries; a tick records who and when,
//! in the audit log too, and a reopen clears it. And the visits the result list marks regulars by.

use chrono::{TimeZone, Utc};
use regulars::domain::regular::{Recent, regular};
use regulars::domain::{FollowUp, GuestId, Profile, Recovery, Visit};
use regulars::store::DEFAULT_BUSY_TIMEOUT;

mod common;
use common::books::TestBook;

on_both_books!(
    owned_timed_follow_ups_round_trip_and_ticks_record_who_and_when,
    the_visits_that_mark_regulars_in_the_list_are_each_guests_last_year,
);

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

fn the_visits_that_mark_regulars_in_the_list_are_each_guests_last_year(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let visit = |month: u32| Visit {
        at: Utc.with_ymd_and_hms(2026, month, 10, 19, 0, 0).unwrap(),
        seat: "Bar".into(),
        order: vec!["tea".into()],
        party_size: None,
        staff: "Ana".into(),
        note: String::new(),
    };
    let mut add = |name: &str, months: &[u32]| {
        let guest = store.add_guest(Profile { name: name.into(), ..Profile::default() }, "Ana").unwrap();
        for month in months {
            store.log_visit(guest, visit(*month), "Ana").unwrap();
        }
        guest
    };
    let (regular_guest, three) = (add("Yu Ming", &[2, 4, 6, 8]), add("Ana Lee", &[3, 5, 7]));
    let mut recent = Recent::new(4);
    regulars::feed::recent(&book.open_with(DEFAULT_BUSY_TIMEOUT), 0..=i64::MAX, &mut recent).unwrap();
    let in_october = Utc.with_ymd_and_hms(2026, 10, 1, 12, 0, 0).unwrap();
    assert_eq!(regular(recent.of(regular_guest), in_october, 4), Some(4));
    assert_eq!(recent.of(three).count(), 0, "three visits cannot make a regular");
    assert_eq!(
        regular(recent.of(regular_guest), in_october + chrono::Duration::days(300), 4),
        None,
        "February's left the year"
    );
    assert_eq!(recent.of(GuestId(999)).count(), 0);
}
