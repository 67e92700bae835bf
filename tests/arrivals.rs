//! Tonight's guests in the book, on a real SQLite file and a real PostgreSQL server: bookings matched and added
//! once however often the file is imported, a choice made, an arrival marked (its visit logged at the reserved
//! table), a no-show, and the arrivals erased with their guest.

mod common;

use chrono::{NaiveDate, NaiveTime, Utc};
use common::books::TestBook;
use regulars::domain::arrival::{Booking, Link, Status};
use regulars::domain::{GuestId, GuestRecord, Profile};
use regulars::search::matching;
use regulars::store::{ArrivalsAdded, DEFAULT_BUSY_TIMEOUT, Store, StoreError};

fn guest(name: &str, phone: &str) -> GuestRecord {
    GuestRecord {
        profile: Profile { name: name.into(), phone: phone.into(), ..Profile::default() },
        visits: Vec::new(),
        recoveries: Vec::new(),
        noted: None,
        written: Vec::new(),
    }
}

fn tonight() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

fn booking(name: &str, phone: &str, time: &str, place: &str) -> Booking {
    Booking {
        day: tonight(),
        time: NaiveTime::parse_from_str(time, "%H:%M").ok(),
        name: name.into(),
        phone: phone.into(),
        party: Some(2),
        place: place.into(),
        ..Booking::default()
    }
}

/// A book with 于明 (phone 0108), two Wang Weis and nobody else.
fn book_of_three(book: &TestBook) -> Store {
    let mut store = book.open_with(DEFAULT_BUSY_TIMEOUT);
    let guests = vec![guest("于明", "+86 138 0000 0108"), guest("Wang Wei", ""), guest("王伟", "")];
    store.import(guests, "Nok", "test").unwrap();
    store
}

/// Tonight's bookings, each with whom the book takes it for.
fn matched(store: &Store, bookings: Vec<Booking>) -> Vec<(Booking, Link)> {
    let links = matching::links(&bookings, store.known_guests().unwrap());
    bookings.into_iter().zip(links).collect()
}

fn the_night() -> Vec<Booking> {
    vec![
        booking("Mr Yu", "13800000108", "19:30", "Table 4"),
        booking("wang wei", "", "18:00", "Table 2"),
        booking("Nora Quinn", "+44 7700 900123", "", "Room 1204"),
    ]
}

on_both_books!(
    bookings_are_matched_added_once_and_listed_in_time_order,
    an_arrival_marked_arrived_logs_its_visit_at_the_reserved_table,
    a_choice_made_links_the_arrival_and_a_no_show_is_kept,
    a_bad_booking_adds_nothing_and_an_erased_guest_takes_their_arrivals,
    drill_progress_is_kept_per_staff_member_and_goes_with_the_guest
);

fn drill_progress_is_kept_per_staff_member_and_goes_with_the_guest(book: &TestBook) {
    use regulars::domain::drill::Progress;
    let mut store = book_of_three(book);
    let now = Utc::now();
    let guests: Vec<GuestId> = store.known_guests().unwrap().into_iter().map(|k| k.id).collect();
    let first = Progress::new(guests[0], now).answered(true, now);
    store.keep_drill("Nok", &first).unwrap();
    store.keep_drill("Nok", &first.answered(true, now)).unwrap();
    let nok = store.drill_progress("Nok", &guests, now).unwrap();
    assert_eq!(nok[0].level, 2, "kept, then kept again over it");
    assert_eq!((nok[1].level, nok[1].due.timestamp_millis()), (0, now.timestamp_millis()), "never drilled: due now");
    assert_eq!(store.drill_progress("Ana", &guests, now).unwrap()[0].level, 0, "each staff member's own");
    store.forget(guests[0], "Nok").unwrap();
    let after = store.drill_progress("Nok", &guests[..1], now).unwrap();
    assert_eq!(after[0].level, 0, "erased with the guest");
}

fn bookings_are_matched_added_once_and_listed_in_time_order(book: &TestBook) {
    let mut store = book_of_three(book);
    let night = matched(&store, the_night());
    assert_eq!(store.add_arrivals(&night, "Nok", "arrivals test.csv").unwrap(), ArrivalsAdded { added: 3, already: 0 });
    assert_eq!(store.add_arrivals(&night, "Nok", "arrivals test.csv").unwrap(), ArrivalsAdded { added: 0, already: 3 });
    let listed = store.arrivals_on(tonight()).unwrap();
    let names: Vec<&str> = listed.iter().map(|a| a.booking.name.as_str()).collect();
    assert_eq!(names, ["wang wei", "Mr Yu", "Nora Quinn"], "by time, the one with none last");
    assert!(matches!(&listed[0].link, Link::Choose(two) if two.len() == 2), "two Wang Weis: a choice");
    assert!(matches!(listed[1].link, Link::Guest(_)), "the phone is certain");
    assert_eq!(listed[2].link, Link::New);
    assert!(listed.iter().all(|a| a.status == Status::Expected));
    assert!(store.arrivals_on(tonight().succ_opt().unwrap()).unwrap().is_empty());
}

fn an_arrival_marked_arrived_logs_its_visit_at_the_reserved_table(book: &TestBook) {
    let mut store = book_of_three(book);
    store.add_arrivals(&matched(&store, the_night()), "Nok", "test").unwrap();
    let yu = store.arrivals_on(tonight()).unwrap().into_iter().find(|a| a.booking.name == "Mr Yu").unwrap();
    let Link::Guest(guest) = yu.link else { panic!("linked") };
    let visit = store.mark_arrived(yu.id, Utc::now(), "Ana").unwrap().expect("a visit");
    let history = store.history(guest).unwrap();
    let last = history.visits.last().unwrap();
    assert_eq!((last.seat.as_str(), last.party_size, last.staff.as_str()), ("Table 4", Some(2), "Ana"));
    let marked = store.arrival(yu.id).unwrap();
    assert_eq!((marked.status, marked.visit), (Status::Arrived, Some(visit)));
    assert_eq!(store.mark_arrived(yu.id, Utc::now(), "Ana").unwrap(), None, "marked twice logs one visit");
    assert_eq!(store.history(guest).unwrap().visits.len(), 1);
    let nora = store.arrivals_on(tonight()).unwrap().into_iter().find(|a| a.link == Link::New).unwrap();
    assert!(matches!(store.mark_arrived(nora.id, Utc::now(), "Ana"), Err(StoreError::NotFound(_))));
}

fn a_choice_made_links_the_arrival_and_a_no_show_is_kept(book: &TestBook) {
    let mut store = book_of_three(book);
    store.add_arrivals(&matched(&store, the_night()), "Nok", "test").unwrap();
    let wang = store.arrivals_on(tonight()).unwrap().remove(0);
    let Link::Choose(candidates) = &wang.link else { panic!("a choice") };
    store.link_arrival(wang.id, Some(candidates[1]), "Nok").unwrap();
    assert_eq!(store.arrival(wang.id).unwrap().link, Link::Guest(candidates[1]));
    store.mark_no_show(wang.id, "Nok").unwrap();
    assert_eq!(store.arrival(wang.id).unwrap().status, Status::NoShow);
    assert!(store.link_arrival(wang.id, Some(GuestId(999_999)), "Nok").is_err());
    let actions: Vec<String> = store
        .audit_entries(None, chrono::DateTime::<Utc>::MIN_UTC)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .filter(|a| a.starts_with("arrival") || a == "no-show")
        .collect();
    assert_eq!(actions.iter().filter(|a| *a == "arrival added").count(), 3);
    assert!(actions.contains(&"arrival linked".to_owned()) && actions.contains(&"no-show".to_owned()));
}

fn a_bad_booking_adds_nothing_and_an_erased_guest_takes_their_arrivals(book: &TestBook) {
    let mut store = book_of_three(book);
    let mut night = matched(&store, the_night());
    night.push((booking("  ", "", "", ""), Link::New));
    let refused = store.add_arrivals(&night, "Nok", "test").unwrap_err();
    assert!(matches!(refused, StoreError::InvalidRecord { index: 3, .. }), "{refused}");
    assert!(store.arrivals_on(tonight()).unwrap().is_empty(), "all or nothing");
    night.pop();
    store.add_arrivals(&night, "Nok", "test").unwrap();
    let Link::Guest(yu) = night[0].1 else { panic!("linked") };
    store.forget(yu, "Nok").unwrap();
    let names: Vec<String> = store.arrivals_on(tonight()).unwrap().into_iter().map(|a| a.booking.name).collect();
    assert_eq!(names, ["wang wei", "Nora Quinn"], "erased with the guest they were for");
}

/// The command line, as the shift uses it: a booking system's file in (twice), the night listed, a guest arrived.
#[test]
fn the_nights_file_is_imported_once_listed_and_a_guest_marked_arrived() {
    let book = common::Book::new();
    let run = |args: &[&str]| common::run_with(&book.path, args, &[]);
    for args in [
        &[
            "guest",
            "add",
            "--name",
            "于明",
            "--greeting",
            "于先生",
            "--phone",
            "+86 138 0000 0108",
            "--allergies",
            "peanuts",
        ][..],
        &["visit", "于明", "--seat", "Window 2", "--order", "豆浆, 油条", "--at", "2025-06-08"],
        &["visit", "于明", "--seat", "Window 2", "--order", "豆浆, 油条", "--at", "2025-06-09"],
    ] {
        assert_eq!(run(args).code, 0, "{args:?}");
    }
    let file = book.write(
        "tonight.csv",
        "Guest Name,Mobile,Reservation Time,Pax,Table,Special Requests\n\
         Mr Yu,13800000108,7:30 PM,2,Table 4,window please\n\
         Nora Quinn,+44 7700 900123,,1,Bar,\n",
    );
    let file = file.to_str().unwrap();
    let first = run(&["arrivals", "import", file, "--date", "2026-12-03"]);
    assert!(first.stdout.contains("2 added, 0 there already"), "{}{}", first.stdout, first.stderr);
    let again = run(&["arrivals", "import", file, "--date", "2026-12-03"]);
    assert!(again.stdout.contains("0 added, 2 there already"), "{}", again.stdout);
    let listed = run(&["--lang", "en", "arrivals", "--date", "2026-12-03"]).stdout;
    let yu = listed.lines().find(|l| l.contains("19:30")).unwrap_or_default();
    for said in ["于先生 · Mr. Yu", "2 guests · Table 4", "back after", "the usual: 豆浆, 油条", "allergic: peanuts"]
    {
        assert!(yu.contains(said), "{said:?} in {yu}");
    }
    let id = yu.split_whitespace().next().unwrap();
    assert_eq!(run(&["arrivals", "arrived", id]).code, 0);
    let card = run(&["card", "于明"]).stdout;
    assert!(card.contains("Table 4"), "the visit is logged at the reserved table: {card}");
    let bad = book.write("bad.csv", "Name,Pax\nYu Ming,2\nNora,two\n");
    let refused = run(&["arrivals", "import", bad.to_str().unwrap(), "--date", "2026-12-03"]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("bad.csv") && refused.stderr.contains("line 3"), "{}", refused.stderr);
    let listed = run(&["arrivals", "--date", "2026-12-03", "--json"]).stdout;
    assert_eq!(listed.lines().count(), 2, "the bad file added nothing: {listed}");
}

/// The briefing as a browser reads it: every guest of the night on it, and markup in a name or a note shown as text.
#[test]
fn the_briefing_holds_every_guest_and_no_markup_from_the_data() {
    let book = common::Book::new();
    let run = |args: &[&str]| common::run_with(&book.path, args, &[]);
    let guest =
        ["guest", "add", "--name", "于明", "--greeting", "于先生", "--allergies", "peanuts", "--phone", "13800000108"];
    assert_eq!(run(&guest).code, 0);
    let names = ["于明", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "Nora Quinn"];
    let mut csv = String::from("Name,Phone,Time,Notes\n");
    for (i, name) in names.iter().enumerate() {
        let phone = if i == 0 { "13800000108" } else { "" };
        csv.push_str(&format!("\"{}\",{phone},19:{i:02},<b>window</b>\n", name.replace('"', "\"\"")));
    }
    let file = book.write("tonight.csv", csv);
    assert_eq!(run(&["arrivals", "import", file.to_str().unwrap(), "--date", "2026-12-03"]).code, 0);
    let out = book.file("briefing.html");
    let written = run(&["briefing", "--date", "2026-12-03", "--out", out.to_str().unwrap()]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    let page = scraper::Html::parse_document(&std::fs::read_to_string(&out).unwrap());
    let count = |css: &str| page.select(&scraper::Selector::parse(css).unwrap()).count();
    assert_eq!((count("script"), count("img"), count("b")), (0, 0, 0), "markup from the data is text");
    let text: String = page.root_element().text().collect();
    for name in names.iter().skip(1) {
        assert!(text.contains(name), "{name} on the page");
    }
    assert!(text.contains("于先生") && text.contains("peanuts"), "the linked guest by greeting, with the allergy");
    assert_eq!(count("tr"), names.len(), "each guest once");
}

/// The name drill at the command line: answers checked forgivingly, a miss asked again, the score of the night, and
/// what this staff member missed first the next time.
#[test]
fn the_drill_checks_answers_forgivingly_and_remembers_what_was_missed() {
    let book = common::Book::new();
    let run = |args: &[&str]| common::run_with(&book.path, args, &[]);
    for args in [
        &["guest", "add", "--name", "于明", "--greeting", "于先生", "--phone", "+86 138 0000 0108"][..],
        &["visit", "于明", "--seat", "Window 2", "--order", "豆浆, 油条", "--at", "2025-06-08"],
        &["guest", "add", "--name", "Nora Quinn", "--phone", "+44 7700 900123"],
    ] {
        assert_eq!(run(args).code, 0, "{args:?}");
    }
    let file = book.write(
        "tonight.csv",
        "Name,Phone,Time,Table\nMr Yu,13800000108,19:30,Table 4\nNora,+44 7700 900123,20:00,Bar\n",
    );
    assert_eq!(run(&["arrivals", "import", file.to_str().unwrap(), "--date", "2026-12-03"]).code, 0);
    let drill = |answers: &str| {
        let mut command = common::binary();
        command.arg("--db").arg(&book.path).args(["drill", "--date", "2026-12-03"]);
        command.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped());
        let mut child = command.spawn().unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), answers.as_bytes()).unwrap();
        String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap()
    };
    let first = drill("mr yu\nwrong\nNORA QUINN\n");
    assert!(first.contains("the usual: 豆浆, 油条") && first.contains("tonight at Table 4"), "{first}");
    assert!(!first.contains("Card 1 of 2\n  于明"), "a card never shows the name");
    assert!(first.contains("✓ 于先生 (于明)") && first.contains("✗ it was Nora Quinn"), "{first}");
    assert!(first.contains("Card 3 of 3"), "the miss is asked again: {first}");
    assert!(first.contains("You know 2 of tonight's 2 guests."), "{first}");
    let second = drill("nobody\n");
    assert!(second.contains("✗ it was"), "{second}");
    let third = drill("");
    let missed = if second.contains("✗ it was 于先生") { "the usual: 豆浆" } else { "tonight at Bar" };
    let first_card = third.split("Card 2").next().unwrap_or_default();
    assert!(first_card.contains(missed), "what was missed comes first: {third}");
}
