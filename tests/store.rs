//! The store on a real SQLite file and on a real PostgreSQL server: schema, round trips, audit rows, merges.

use std::time::Duration;

use chrono::{TimeZone, Utc};
use regulars::domain::{FollowUp, GuestId, GuestRecord, Profile, Recovery, Visit};
use regulars::store::{DEFAULT_BUSY_TIMEOUT, Location, Store, StoreError};

mod common;

use common::books::TestBook;

fn record(name: &str, phone: &str) -> GuestRecord {
    GuestRecord {
        profile: Profile { name: name.into(), phone: phone.into(), greeting: "Mr. Yu".into(), ..Profile::default() },
        visits: vec![Visit {
            at: Utc.with_ymd_and_hms(2025, 6, 8, 8, 0, 0).unwrap(),
            seat: "Window 2".into(),
            order: vec!["sandwich".into(), "coffee".into()],
            party_size: Some(2),
            staff: "Ana".into(),
            note: String::new(),
        }],
        recoveries: vec![Recovery {
            opened_at: Utc.with_ymd_and_hms(2025, 6, 8, 9, 0, 0).unwrap(),
            category: "room upgrade".into(),
            what_happened: "wrong room".into(),
            action_taken: "apology".into(),
            cost: Some(12.5),
            follow_ups: vec![FollowUp::new("fans")],
            resolved_at: None,
            staff: "Ana".into(),
        }],
        noted: None,
        written: Vec::new(),
    }
}

/// What search sees of a guest: id, visit count (kept by triggers), last visit, tags.
type Seen = (GuestId, u32, Option<chrono::DateTime<Utc>>, Vec<String>);

fn rows(store: &Store) -> Vec<Seen> {
    let mut rows = Vec::new();
    store
        .search_rows_unspelled(0..=i64::MAX, |r| rows.push((r.id, r.visit_count, r.last_visit, r.tags.clone())))
        .unwrap();
    rows
}

/// A visit at the bar at `at`, served by Nok.
fn bar_visit(at: chrono::DateTime<Utc>) -> Visit {
    Visit { at, seat: "Bar".into(), order: vec![], party_size: None, staff: "Nok".into(), note: String::new() }
}

fn audit_actions(store: &Store) -> Vec<(String, String, Option<i64>)> {
    let entries = store.audit_entries(None, chrono::DateTime::<Utc>::MIN_UTC).unwrap();
    entries.into_iter().map(|e| (e.staff, e.action, e.guest.map(|g| g.0))).collect()
}

on_both_books!(
    a_guest_round_trips_with_history_and_audit,
    a_record_matching_an_earlier_one_in_the_same_import_is_merged,
    an_invalid_record_rolls_the_whole_import_back,
    logging_a_visit_for_a_missing_guest_is_not_found,
    every_counter_write_is_audited_and_round_trips,
    merging_two_entries_moves_everything_and_loses_nothing,
    notes_remember_who_wrote_them,
    the_counters_undos_invert_their_writes_and_are_audited,
    heads_ups_pass_between_desks_and_are_taken_once,
    ids_are_never_handed_out_twice_even_after_a_take_back,
    an_edit_from_a_stale_read_is_joined_with_the_other_desks_field_by_field,
    notes_of_who_was_written_to_round_trip_and_are_taken_back,
    a_search_of_only_the_rows_a_query_can_match_finds_what_the_whole_book_does,
    a_long_history_gives_the_card_its_latest_visits_and_the_whole_history_adds_up,
    an_outreach_page_shows_what_the_whole_histories_say
);

fn a_guest_round_trips_with_history_and_audit(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let summary = store.import(vec![record("Yu Ming", "0108")], "Nok", "import test.jsonl").unwrap();
    assert_eq!((summary.added, summary.merged, summary.unchanged), (1, 0, 0));
    let found = rows(&store);
    assert_eq!(found.len(), 1);
    let (id, visits, last, _) = found[0].clone();
    assert_eq!((visits, last), (1, Some(Utc.with_ymd_and_hms(2025, 6, 8, 8, 0, 0).unwrap())));
    let history = store.history(id).unwrap();
    let original = record("Yu Ming", "0108");
    assert_eq!(history.guest.profile, original.profile);
    assert_eq!(history.visits, original.visits);
    assert_eq!(history.recoveries[0].recovery, original.recoveries[0]);

    let now = Utc::now();
    let visit = bar_visit(now);
    store.log_visit(id, visit, "Nok").unwrap();
    let (_, visits, last, _) = rows(&store)[0].clone();
    assert_eq!((visits, last.map(|t| t.timestamp_millis())), (2, Some(now.timestamp_millis())));
    drop(store);

    // Reopening migrates nothing and keeps everything.
    let store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    assert_eq!(store.history(id).unwrap().visits.len(), 2);
    assert_eq!(
        audit_actions(&book.open_with(DEFAULT_BUSY_TIMEOUT)),
        [("Nok".into(), "guest added".into(), Some(id.0)), ("Nok".into(), "visit logged".into(), Some(id.0))]
    );
}

fn a_record_matching_an_earlier_one_in_the_same_import_is_merged(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let mut second = record("yu  ming", "+0108");
    second.profile.tags = vec!["vip".into()];
    let summary = store.import(vec![record("Yu Ming", "0108"), second], "Nok", "x").unwrap();
    assert_eq!((summary.added, summary.merged), (1, 1));
    let found = rows(&store);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].3, ["vip"]);
    assert_eq!(store.history(found[0].0).unwrap().recoveries.len(), 1, "the same recovery is not added twice");
}

fn an_invalid_record_rolls_the_whole_import_back(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let result = store.import(vec![record("Ann", "1"), record("  ", "2")], "Nok", "x");
    assert!(matches!(result, Err(StoreError::InvalidRecord { index: 1, ref error }) if error.field == "name"));
    assert_eq!(store.guest_count().unwrap(), 0);
}

fn logging_a_visit_for_a_missing_guest_is_not_found(book: &TestBook) {
    let mut store = book.open_with(Duration::from_millis(100));
    let visit = bar_visit(Utc::now());
    let result = store.log_visit(GuestId(42), visit, "Nok");
    assert!(matches!(result, Err(StoreError::NotFound(_))));
}

fn recovery_opened(day: u32, follow_ups: &[&str]) -> Recovery {
    Recovery {
        opened_at: Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap(),
        category: "late order".into(),
        what_happened: "forty minutes for a sandwich".into(),
        action_taken: "apology, coffee on the house".into(),
        cost: Some(4.5),
        follow_ups: follow_ups.iter().map(|t| FollowUp::new(*t)).collect(),
        resolved_at: None,
        staff: "Ana".into(),
    }
}

fn every_counter_write_is_audited_and_round_trips(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let id = store.add_guest(Profile { name: "  Emma Stone ".into(), ..Profile::default() }, "Nok").unwrap();
    let guest = store.history(id).unwrap().guest;
    assert_eq!((guest.profile.name.as_str(), guest.version), ("Emma Stone", 1));

    let edited = Profile { greeting: "Ms. Stone".into(), ..guest.profile.clone() };
    assert_eq!(store.edit_guest(id, 1, &guest.profile, edited, "Nok").unwrap().version, 2);
    let clashing = Profile { greeting: "Emma".into(), ..guest.profile.clone() };
    let refused = store.edit_guest(id, 1, &guest.profile, clashing, "Ana");
    assert!(matches!(refused, Err(StoreError::Clash(_))), "a stale edit of the same field is refused");
    assert_eq!(store.history(id).unwrap().guest.profile.greeting, "Ms. Stone");

    let recovery =
        store.add_recovery(Some(id), recovery_opened(20, &["call back", "dessert next time"]), "Ana").unwrap();
    let guestless = store.add_recovery(None, recovery_opened(21, &[]), "Ana").unwrap();
    store.set_follow_up(recovery, 1, true, "Nok").unwrap();
    assert!(matches!(store.set_follow_up(recovery, 5, true, "Nok"), Err(StoreError::NotFound(_))));
    let too_early = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    assert!(matches!(store.resolve_recovery(guestless, too_early, "Nok"), Err(StoreError::Invalid(_))));
    store.resolve_recovery(guestless, Utc.with_ymd_and_hms(2026, 11, 22, 0, 0, 0).unwrap(), "Nok").unwrap();

    let history = store.history(id).unwrap();
    let follow_ups: Vec<bool> = history.recoveries[0].recovery.follow_ups.iter().map(|f| f.done).collect();
    assert_eq!(follow_ups, [false, true]);
    assert!(history.card().open_recoveries.len() == 1);

    let visit = bar_visit(Utc::now());
    let visit = store.log_visit(id, visit, "Nok").unwrap();
    assert_eq!(rows(&store)[0].1, 1);
    store.undo_visit(visit, "Nok").unwrap();
    assert_eq!((rows(&store)[0].1, rows(&store)[0].2), (0, None), "the trigger takes the visit back off the count");
    assert!(matches!(store.undo_visit(visit, "Nok"), Err(StoreError::NotFound(_))));

    let actions: Vec<String> = audit_actions(&book.open_with(DEFAULT_BUSY_TIMEOUT))
        .into_iter()
        .map(|(staff, action, _)| format!("{staff}: {action}"))
        .collect();
    assert_eq!(
        actions,
        [
            "Nok: guest added",
            "Nok: guest edited",
            "Ana: recovery opened",
            "Ana: recovery opened",
            "Nok: follow-up done",
            "Nok: recovery resolved",
            "Nok: visit logged",
            "Nok: visit undone"
        ]
    );
}

fn merging_two_entries_moves_everything_and_loses_nothing(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    store.import(vec![record("Yu Ming", "0108"), record("Yu M.", "0199")], "Nok", "x").unwrap();
    let (into, from) = (GuestId(1), GuestId(2));
    let before = (store.history(from).unwrap(), store.history(into).unwrap());
    let undo = store.merge_guests(from, into, "Nok").unwrap();
    let merged = store.history(into).unwrap();
    assert_eq!(merged.visits.len(), 2, "both entries' visits move");
    assert_eq!(merged.recoveries.len(), 2, "both entries' recoveries are kept");
    assert!(merged.guest.profile.notes.contains("also known as Yu M."), "{}", merged.guest.profile.notes);
    assert!(merged.guest.profile.notes.contains("phone 0199"));
    assert!(matches!(store.history(from), Err(StoreError::NotFound(_))));
    assert_eq!(rows(&store).len(), 1);
    assert_eq!(rows(&store)[0].1, 2, "visit count follows the moved visits");
    assert!(matches!(store.merge_guests(into, into, "Nok"), Err(StoreError::Invalid(_))));
    let actions: Vec<String> = audit_actions(&book.open_with(DEFAULT_BUSY_TIMEOUT))
        .into_iter()
        .map(|(_, a, g)| format!("{a} {g:?}"))
        .collect();
    assert!(actions.ends_with(&["guest merged away Some(2)".to_owned(), "guest merged Some(1)".to_owned()]));
    store.unmerge(&undo, "Nok").unwrap();
    let after = (store.history(from).unwrap(), store.history(into).unwrap());
    assert_eq!(after.0, before.0, "the merged-away guest is back as it was, id and version included");
    assert_eq!(after.1.visits, before.1.visits);
    assert_eq!(after.1.guest.profile, before.1.guest.profile);
}

fn notes_remember_who_wrote_them(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let id = store
        .add_guest(Profile { name: "Yu".into(), notes: "quiet table".into(), ..Profile::default() }, "Nok")
        .unwrap();
    let noted_by = |store: &Store| store.history(id).unwrap().guest.notes_by.map(|n| n.staff);
    assert_eq!(noted_by(&store).as_deref(), Some("Nok"));
    let guest = store.history(id).unwrap().guest;
    let greeting = Profile { greeting: "于先生".into(), ..guest.profile.clone() };
    store.edit_guest(id, guest.version, &guest.profile, greeting.clone(), "Ana").unwrap();
    assert_eq!(noted_by(&store).as_deref(), Some("Nok"), "an edit that leaves the notes alone keeps their author");
    let noted = Profile { notes: "window seat".into(), ..greeting.clone() };
    store.edit_guest(id, guest.version + 1, &greeting, noted, "Ana").unwrap();
    assert_eq!(noted_by(&store).as_deref(), Some("Ana"));
}

fn the_counters_undos_invert_their_writes_and_are_audited(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let added = store.add_guest(Profile { name: "Zed".into(), ..Profile::default() }, "Nok").unwrap();
    store.undo_guest_added(added, "Nok").unwrap();
    assert!(matches!(store.history(added), Err(StoreError::NotFound(_))));

    let kept = store.add_guest(Profile { name: "Yu".into(), ..Profile::default() }, "Nok").unwrap();
    let visit = bar_visit(Utc::now());
    store.log_visit(kept, visit, "Nok").unwrap();
    assert!(matches!(store.undo_guest_added(kept, "Nok"), Err(StoreError::Invalid(_))), "a guest with a visit is kept");

    let recovery = store.add_recovery(Some(kept), recovery_opened(20, &["call back"]), "Nok").unwrap();
    store.resolve_recovery(recovery, Utc::now(), "Nok").unwrap();
    store.reopen_recovery(recovery, "Nok").unwrap();
    assert_eq!(store.history(kept).unwrap().card().open_recoveries.len(), 1);
    store.undo_recovery_added(recovery, "Nok").unwrap();
    assert!(store.history(kept).unwrap().recoveries.is_empty());

    let actions: Vec<String> =
        audit_actions(&book.open_with(DEFAULT_BUSY_TIMEOUT)).into_iter().map(|(_, action, _)| action).collect();
    for expected in ["guest add undone", "recovery reopened", "recovery undone"] {
        assert!(actions.iter().any(|a| a == expected), "no audit row {expected:?} in {actions:?}");
    }
}

fn heads_ups_pass_between_desks_and_are_taken_once(book: &TestBook) {
    let mut lobby = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let guest = lobby
        .add_guest(Profile { name: "Yu Ming".into(), greeting: "于先生".into(), ..Profile::default() }, "Nok")
        .unwrap();
    let mut restaurant = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let version = restaurant.writes_mark(Duration::from_secs(2)).unwrap();
    restaurant.register_station("restaurant").unwrap();
    let id = lobby.send_heads_up(guest, "lobby", Some("restaurant"), "took the lift down", "Nok", false).unwrap();
    assert_ne!(
        restaurant.writes_mark(Duration::from_secs(2)).unwrap(),
        version,
        "the other desk can tell something was written"
    );
    let seen = restaurant.heads_ups(Utc::now() - chrono::Duration::minutes(1)).unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        (seen[0].greeting.as_str(), seen[0].from_station.as_str(), seen[0].note.as_str()),
        ("于先生", "lobby", "took the lift down")
    );
    assert!(seen[0].is_for("restaurant") && !seen[0].is_for("lobby"));
    restaurant.take_heads_up(id, "restaurant", "Ana").unwrap();
    lobby.take_heads_up(id, "lobby", "Nok").unwrap();
    let taken = lobby.heads_ups(Utc::now() - chrono::Duration::minutes(1)).unwrap()[0].taken.clone().unwrap();
    assert_eq!((taken.by.as_str(), taken.station.as_str()), ("Ana", "restaurant"), "the first to take it keeps it");
    let (_, changed) = restaurant.changed_since(0, "").unwrap();
    assert_eq!(changed, [guest]);
    assert!(matches!(lobby.send_heads_up(GuestId(99), "lobby", None, "", "Nok", false), Err(StoreError::NotFound(_))));
    let misspelt = lobby.send_heads_up(guest, "lobby", Some("restuarant"), "", "Nok", false);
    assert!(
        matches!(&misspelt, Err(StoreError::UnknownStation { name, known }) if name == "restuarant" && known == &["lobby", "restaurant"]),
        "a station no desk uses is refused: {misspelt:?}"
    );
    assert!(
        lobby.send_heads_up(guest, "lobby", Some("terrace"), "", "Nok", true).is_ok(),
        "unless the sender means it"
    );
}

fn ids_are_never_handed_out_twice_even_after_a_take_back(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let guest = store.add_guest(Profile { name: "Ann".into(), ..Profile::default() }, "Nok").unwrap();
    let first = store.log_visit(guest, bar_visit(Utc::now()), "Nok").unwrap();
    store.undo_visit(first, "Nok").unwrap();
    let second = store.log_visit(guest, bar_visit(Utc::now()), "Nok").unwrap();
    assert_ne!(first, second, "the audit log's \"visit {}\" names one visit for ever", first.0);
    let recovery = store.add_recovery(None, recovery_opened(20, &[]), "Nok").unwrap();
    store.undo_recovery_added(recovery, "Nok").unwrap();
    assert_ne!(store.add_recovery(None, recovery_opened(21, &[]), "Nok").unwrap(), recovery);
    let bob = store.add_guest(Profile { name: "Bob".into(), ..Profile::default() }, "Nok").unwrap();
    store.undo_guest_added(bob, "Nok").unwrap();
    assert_ne!(store.add_guest(Profile { name: "Cy".into(), ..Profile::default() }, "Nok").unwrap(), bob);
}

#[test]
fn a_book_of_the_first_schema_is_migrated_keeping_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(include_str!("fixtures/schema1.sql")).unwrap();
    drop(conn);
    let mut store = Store::open(&path, DEFAULT_BUSY_TIMEOUT).unwrap();
    let history = store.history(GuestId(1)).unwrap();
    assert_eq!((history.guest.profile.name.as_str(), history.visits.len()), ("于明", 2));
    assert_eq!(store.export(|_, _| Ok::<_, ()>(())).unwrap().unwrap().len(), 1);
    let visit = store.log_visit(GuestId(1), bar_visit(Utc::now()), "Nok").unwrap();
    assert_eq!(visit.0, 4, "above every visit the audit log ever named (3 was taken back)");
    // The greeting's keys were recomputed: "Mr. Yu" finds 于先生.
    let mut index = regulars::feed::whole_book(&store).unwrap();
    let found = index.search("Mr. Yu", 5);
    assert_eq!(found.hits.first().map(|h| index.guest(h.entry).id), Some(GuestId(1)));
    // Foreign keys hold after the rebuild: forgetting the guest takes their visits.
    store.forget(GuestId(1), "Nok").unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let visits: i64 = conn.query_row("SELECT count(*) FROM visits", [], |r| r.get(0)).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!((visits, version), (0, 11));
}

/// `find` reads only the guests whose stored bits can hold the query (`search::Needs`): it must find exactly what a
/// search of every guest finds, by name, pinyin, every spelling, short forms and other fields.
fn a_search_of_only_the_rows_a_query_can_match_finds_what_the_whole_book_does(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let records = regulars::demo::guests(1_500, 5, day);
    let mut queries: Vec<String> = ["e", "emma", "mm", "bob smith", "bill", "liz", "chan tai man", "wjh", "jon smtih"]
        .into_iter()
        .chain(["0108", "#vip", "黃", "Mr. Yu", "TAN, Wei Ming", "hsiao-ming", "ng mei", "lau tak"])
        .map(str::to_owned)
        .collect();
    for record in records.iter().step_by(11) {
        let profile = &record.profile;
        let keys =
            regulars::search::SearchKeys::of(&profile.name, &profile.greeting, &profile.email, &profile.other_names);
        let spellings = keys.spellings.lines().filter_map(|line| line.split_once('\t')).map(|(_, s)| s.to_owned());
        let first_word = profile.name.split_whitespace().next().unwrap_or("").to_owned();
        queries.extend([profile.name.clone(), first_word, profile.name.chars().take(3).collect()]);
        queries.extend(spellings.chain(profile.other_names.iter().cloned()));
    }
    store.import(records, "Nok", "demo").unwrap();
    let mut whole = regulars::feed::whole_book(&store).unwrap();
    let ids = |index: &regulars::search::Index, found: &regulars::search::Found| -> Vec<GuestId> {
        found.hits.iter().map(|hit| index.guest(hit.entry).id).collect()
    };
    for query in &queries {
        let (index, found) = regulars::feed::find_once(&store, query, 10).unwrap();
        let all = whole.search(query, 10);
        assert_eq!((ids(&index, &found), found.total), (ids(&whole, &all), all.total), "{query:?}");
    }
}

fn an_edit_from_a_stale_read_is_joined_with_the_other_desks_field_by_field(book: &TestBook) {
    let mut a = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let mut b = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let id = a.add_guest(Profile { name: "Yu".into(), allergies: vec!["peanuts".into()], ..Profile::default() }, "Nok");
    let id = id.unwrap();
    let base = a.history(id).unwrap().guest;
    let theirs = Profile { allergies: vec!["peanuts".into(), "shellfish".into()], ..base.profile.clone() };
    b.edit_guest(id, base.version, &base.profile, theirs, "Ana").unwrap();
    let ours = Profile { preferences: vec!["quiet table".into()], ..base.profile.clone() };
    let edited = a.edit_guest(id, base.version, &base.profile, ours, "Nok").unwrap();
    assert_eq!(edited.kept_theirs, ["allergies"]);
    let saved = a.history(id).unwrap().guest.profile;
    assert_eq!((saved.allergies.len(), saved.preferences.len()), (2, 1));
    let actions = audit_actions(&book.open_with(DEFAULT_BUSY_TIMEOUT));
    assert_eq!(actions.last().map(|a| a.1.as_str()), Some("guest edited"));
}

fn notes_of_who_was_written_to_round_trip_and_are_taken_back(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let id = store.add_guest(Profile { name: "Ann".into(), ..Profile::default() }, "Nok").unwrap();
    let occasion = regulars::domain::outreach::Occasion::Birthday;
    let note = store.note_written(id, occasion, "2026-12-08", "Nok").unwrap().expect("a new note");
    assert_eq!(store.note_written(id, occasion, "2026-12-08", "Ana").unwrap(), None, "noting twice changes nothing");
    let written = store.history(id).unwrap().written;
    assert_eq!((written.len(), written[0].of.as_str(), written[0].staff.as_str()), (1, "2026-12-08", "Nok"));
    store.undo_written(note, "Nok").unwrap();
    assert!(store.history(id).unwrap().written.is_empty());
}

#[test]
fn a_desk_whose_server_connection_was_lost_connects_again_by_itself() {
    let db = common::pg::database();
    let book = TestBook::at(Location::parse(&db).unwrap());
    let mut desk = book.open_with(DEFAULT_BUSY_TIMEOUT);
    desk.set_desk("lobby-1").unwrap();
    let watcher = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let heard = watcher.writes_mark(Duration::ZERO).unwrap();
    let id = desk.add_guest(Profile { name: "Yu Ming".into(), ..Profile::default() }, "Nok").unwrap();

    // The server drops every connection to the book (a restart, a network cut), and waits until they are gone.
    let mut admin = ::postgres::Client::connect(&db, ::postgres::NoTls).unwrap();
    admin
        .execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
            &[],
        )
        .unwrap();
    // The first write after it finds its connection gone and is made again on a new one, once: its token, stored
    // with it, would have told the retry had the first try been committed after all.
    desk.log_visit(id, bar_visit(Utc::now()), "Nok").unwrap();
    assert_eq!(desk.history(id).unwrap().visits.len(), 1, "saved once");
    // A write whose connection drops as it commits is not committed, and is made again, once.
    admin
        .batch_execute(
            "CREATE TABLE drop_at_commit (id INT);
             CREATE FUNCTION drop_connection() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
                 IF NOT EXISTS (SELECT 1 FROM drop_at_commit) THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
                 RETURN NULL;
             END $$;
             CREATE CONSTRAINT TRIGGER drop_at_commit AFTER INSERT ON visits DEFERRABLE INITIALLY DEFERRED
             FOR EACH ROW EXECUTE FUNCTION drop_connection();",
        )
        .unwrap();
    let dropped = desk.log_visit(id, bar_visit(Utc::now()), "Nok");
    assert!(matches!(dropped, Err(StoreError::Unreachable(_))), "dropped twice, it says so: {dropped:?}");
    assert_eq!(desk.history(id).unwrap().visits.len(), 1, "nothing of it was saved");
    admin.batch_execute("INSERT INTO drop_at_commit VALUES (1)").unwrap();
    let desk_of: String = admin.query_one("SELECT desk FROM audit_log ORDER BY id DESC LIMIT 1", &[]).unwrap().get(0);
    assert_eq!(desk_of, "lobby-1");
    // The watcher, whose notices were lost with its connection, is told to look again.
    assert!(watcher.writes_mark(Duration::from_secs(2)).unwrap() > heard);
}

/// A card reads only a guest's latest visits; what it shows — the old seat from before a run of take-aways, the
/// count, the first visit, the usual — is what the whole history says.
fn a_long_history_gives_the_card_its_latest_visits_and_the_whole_history_adds_up(book: &TestBook) {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let start = Utc.with_ymd_and_hms(2016, 1, 1, 8, 0, 0).unwrap();
    let visit = |day: i64, seat: &str, item: &str| Visit {
        seat: seat.into(),
        order: vec![item.into()],
        ..bar_visit(start + chrono::Duration::days(day))
    };
    let mut regular = record("Yu Wei", "+66 81 000 0001");
    regular.visits = (0..150).map(|day| visit(day, if day < 80 { "Window 2" } else { "" }, "coffee")).collect();
    regular.visits.push(visit(150, "", "tea"));
    let mut short = record("Ana Lee", "+66 81 000 0002");
    short.visits = (0..3).map(|day| visit(day, "Bar", "tea")).collect();
    store.import(vec![regular, short], "Nok", "test").unwrap();
    let ids: Vec<GuestId> = rows(&store).iter().map(|r| r.0).collect();
    assert_eq!(ids.len(), 2);
    for id in ids {
        let (recent, whole) = (store.recent_history(id).unwrap(), store.history(id).unwrap());
        assert!(recent.visits.len() <= 60, "{}", recent.visits.len());
        assert_eq!(recent.visits[..], whole.visits[whole.visits.len() - recent.visits.len()..]);
        assert_eq!(recent.card(), whole.card());
    }
}

/// The outreach list is drawn up from the guests' own rows and its rows read a page of guests at a time, each with
/// only their latest visits: what it shows is what their whole histories say.
fn an_outreach_page_shows_what_the_whole_histories_say(book: &TestBook) {
    use regulars::domain::outreach::prospects;
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let now = Utc::now();
    let visit = |days_ago: i64, seat: &str| Visit {
        seat: seat.into(),
        order: vec!["tea".into()],
        ..bar_visit(now - chrono::Duration::days(days_ago))
    };
    // A regular away two years whose last 70 visits were take-aways; one away three years; a birthday tomorrow.
    let mut away = record("Yu Wei", "+66 81 000 0001");
    away.visits = (0..100).map(|i| visit(2000 - i * 10, if i < 30 { "Window 2" } else { "" })).collect();
    let mut longer = record("Ana Lee", "+66 81 000 0002");
    longer.visits = vec![visit(1200, "Bar"), visit(1100, "Bar")];
    let mut birthday = record("Somchai Jaidee", "+66 81 000 0003");
    let tomorrow = (now + chrono::Duration::days(1)).date_naive();
    birthday.profile.birthday = Some(tomorrow.format("--%m-%d").to_string().parse().unwrap());
    store.import(vec![away, longer, birthday], "Nok", "test").unwrap();

    let today = now.date_naive();
    let standings = store.outreach(now - chrono::Duration::days(365)).unwrap();
    let listed = prospects(&standings, now, today, 14, 365);
    let ids: Vec<GuestId> = listed.iter().map(|p| p.guest).collect();
    assert_eq!(ids.len(), 3);
    let zone = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    let paged = regulars::report::outreach_rows(
        &listed,
        &store.outreach_page(&ids).unwrap(),
        zone,
        regulars::i18n::Language::En,
    );
    let whole: Vec<_> = ids.iter().map(|&id| store.history(id).unwrap()).collect();
    assert_eq!(paged, regulars::report::outreach_rows(&listed, &whole, zone, regulars::i18n::Language::En));
    assert_eq!(paged[2].last_seat, "Window 2", "the old seat, from before the take-aways");
}
