//! Departments answer for their mishaps: `regulars category set` names an owner and a goal, the tally says whether
//! the period met it, how many promises were kept on time and how soon guests heard back, per category and per
//! owner; `category note` records what the team changed.

mod common;

use common::Book;

/// A week, 2026-06-01 to 06-07 (UTC): three room upgrades, each with a follow-up due half an hour after opening —
/// ticked after 20 min (on time), after an hour (late), never (late) — and one noise complaint with no follow-up.
fn week() -> Book {
    let upgrade = |day: u32, ticked: Option<&str>| {
        let tick = ticked.map_or(String::new(), |at| {
            format!(r#","done":true,"ticked_at":"2026-06-0{day}T{at}:00Z","ticked_by":"Ana""#)
        });
        format!(
            r#"{{"name":"Guest {day}","recoveries":[{{"opened_at":"2026-06-0{day}T10:00:00Z","category":"room upgrade","follow_ups":[{{"task":"call back","owner":"lobby","due":"2026-06-0{day}T10:30:00Z"{tick}}}]}}]}}"#
        )
    };
    let lines = [
        upgrade(2, Some("10:20")),
        upgrade(3, Some("11:00")),
        upgrade(4, None),
        r#"{"mishap":{"opened_at":"2026-06-05T21:00:00Z","category":"noise"}}"#.to_owned(),
    ];
    Book::holding(&(lines.join("\n") + "\n"))
}

fn report(book: &Book, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["report", "--since", "2026-06-01", "--until", "2026-06-07", "--json"];
    args.extend_from_slice(extra);
    let tally: serde_json::Value = serde_json::from_str(&book.ok(&args)).unwrap();
    tally["categories"].as_array().unwrap().clone()
}

fn category<'a>(rows: &'a [serde_json::Value], name: &str) -> &'a serde_json::Value {
    rows.iter().find(|c| c["category"] == name).unwrap_or_else(|| panic!("{name}: {rows:?}"))
}

#[test]
fn owners_goals_and_promises_kept_on_a_book_with_a_known_answer() {
    let book = week();
    let before = report(&book, &[]);
    let upgrade = category(&before, "room upgrade");
    assert_eq!(
        (upgrade["owner"].is_null(), upgrade["goal"].is_null(), upgrade["goal_met"].is_null()),
        (true, true, true)
    );

    let said = book.ok(&["category", "set", "room upgrade", "--owner", "housekeeping", "--goal", "1/week"]);
    assert_eq!(said.trim(), "room upgrade: answered for by housekeeping, goal 1/week");
    book.ok(&["category", "set", "noise", "--owner", "@lobby", "--goal", "1/day"]);
    // What is not given is kept: the goal changes, the owner stays.
    book.ok(&["category", "set", "room upgrade", "--goal", "2/week"]);

    let rows = report(&book, &[]);
    let upgrade = category(&rows, "room upgrade");
    assert_eq!(upgrade["owner"], "housekeeping");
    assert_eq!(upgrade["goal"], "2/week");
    assert_eq!(upgrade["goal_met"], false, "3 in a week against at most 2");
    assert_eq!(upgrade["timed"], 3);
    assert!((upgrade["on_time"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9, "{upgrade}");
    assert_eq!(upgrade["first_contact_minutes"], 40.0, "the median of 20 and 60 minutes");
    let noise = category(&rows, "noise");
    assert_eq!(
        (noise["owner"].as_str(), noise["goal"].as_str(), noise["goal_met"].as_bool()),
        (Some("lobby"), Some("1/day"), Some(true))
    );
    assert!(noise["on_time"].is_null() && noise["first_contact_minutes"].is_null(), "{noise}");

    let whole: serde_json::Value =
        serde_json::from_str(&book.ok(&["report", "--since", "2026-06-01", "--until", "2026-06-07", "--json"]))
            .unwrap();
    let owners = whole["owners"].as_array().unwrap();
    assert_eq!(owners.iter().map(|o| o["owner"].as_str().unwrap()).collect::<Vec<_>>(), ["housekeeping", "lobby"]);
    let theirs = &owners[0];
    assert_eq!(
        (theirs["categories"].as_i64(), theirs["count"].as_i64(), theirs["goals_met"].as_bool()),
        (Some(1), Some(3), Some(false))
    );
    assert_eq!((theirs["timed"].as_i64(), theirs["first_contact_minutes"].as_f64()), (Some(3), Some(40.0)));
    assert_eq!(owners[1]["goals_met"], true);

    let housekeeping = report(&book, &["--owner", "housekeeping"]);
    assert_eq!(housekeeping.len(), 1);
    assert_eq!(housekeeping[0]["category"], "room upgrade");

    let text = book.ok(&["report", "--since", "2026-06-01", "--until", "2026-06-07"]);
    let line =
        text.lines().find(|l| l.starts_with("room upgrade") && l.contains('@')).unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.ends_with("@housekeeping · goal 2/week: missed · 33% of 3 promises on time · first contact 40 min"),
        "{line}"
    );
    assert!(text.contains("@lobby · goal 1/day: met"), "{text}");
    let owner = "@housekeeping · 1 kind, 3 mishaps · a goal missed · 33% of 3 promises on time · first contact 40 min";
    assert!(text.lines().any(|l| l == owner), "{text}");

    book.run(&["category", "set", "noise", "--goal", "none"]);
    assert!(category(&report(&book, &[]), "noise")["goal"].is_null());
    let bad = book.run(&["category", "set", "noise", "--goal", "once a day"]);
    assert!(bad.one_line_error().contains("N/day or N/week"), "{}", bad.stderr);
}

#[test]
fn what_the_team_changed_is_noted_dated_by_whom_and_audited() {
    let book = week();
    let said = book.ok(&["category", "note", "room upgrade", "upgrades confirmed at check-in, not at booking"]);
    assert_eq!(said.trim(), "Noted for room upgrade: upgrades confirmed at check-in, not at booking");
    let log = book.ok(&["log"]);
    assert!(log.contains("category noted") && log.contains("Nok"), "{log}");
    let empty = book.run(&["category", "note", "room upgrade", "  "]);
    assert!(empty.one_line_error().contains("empty"), "{}", empty.stderr);

    // The tally of a period holding the change carries it, and its trend marks the week: before ¦ after.
    book.ok(&["recovery", "add", "--category", "room upgrade"]);
    let tally: serde_json::Value = serde_json::from_str(&book.ok(&["report", "--json"])).unwrap();
    let upgrade = tally["categories"].as_array().unwrap().iter().find(|c| c["category"] == "room upgrade").unwrap();
    let change = &upgrade["changes"][0];
    assert_eq!(
        (change["note"].as_str(), change["staff"].as_str()),
        (Some("upgrades confirmed at check-in, not at booking"), Some("Nok"))
    );
    let text = book.ok(&["report"]);
    let row = text.lines().find(|l| l.starts_with("room upgrade")).unwrap();
    assert!(row.trim_end().ends_with("¦▁") || row.trim_end().ends_with("¦█"), "{row}");
}

#[test]
fn the_return_rate_of_a_year_is_the_share_of_its_guests_back_the_year_after() {
    let guest = |n: u32, years: &[u32]| {
        let visits: Vec<String> =
            years.iter().map(|y| format!(r#"{{"at":"{y}-05-0{}T12:00:00Z","seat":"Bar"}}"#, 1 + n % 9)).collect();
        format!(r#"{{"name":"Guest {n}","visits":[{}]}}"#, visits.join(","))
    };
    let mut lines: Vec<String> = (1..=3).map(|n| guest(n, &[2024, 2025])).collect();
    lines.extend((4..=10).map(|n| guest(n, &[2024])));
    let book = Book::holding(&(lines.join("\n") + "\n"));
    let report: serde_json::Value = serde_json::from_str(&book.ok(&["report", "--returns", "--json"])).unwrap();
    let cohort = &report["cohorts"][0];
    assert_eq!(
        (cohort["year"].as_i64(), cohort["guests"].as_i64(), cohort["returned"].as_i64()),
        (Some(2024), Some(10), Some(3))
    );
    assert_eq!(cohort["share"], 0.3);
    assert_eq!(report["cohorts"][1]["year"], 2025);
    assert_eq!(report["months"].as_array().unwrap().len(), 12);

    // A letter, then a visit: one guest back within 3 months of being written to.
    // Guest 1, a regular not seen since 2025, is on the lapsed page.
    book.ok(&["outreach", "--written", "1"]);
    book.ok(&["visit", "--id", "1", "--seat", "Bar"]);
    let text = book.ok(&["report", "--returns"]);
    assert!(text.contains("2024: 10 guests, 3 back the year after — 30%"), "{text}");
    assert!(text.contains("Outreach letters: 1 written; back within 3 months 1, 6 months 1, 12 months 1"), "{text}");
}
