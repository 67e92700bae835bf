//! `regulars promises` and follow-ups with an owner and a time on the command line: every `due:` form is read in
//! the desk's zone, a bad one is refused with nothing saved; the list puts this station's own first, `--overdue`
//! gives only those overdue (and nothing else, for cron), `--json` the fields a hook needs.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::Book;

/// The promises as `--json` gives them.
fn promises(book: &Book, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["promises", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&book.ok(&all)).unwrap()
}

fn due(promise: &serde_json::Value) -> Option<DateTime<Utc>> {
    promise["due"].as_str().map(|at| DateTime::parse_from_rfc3339(at).unwrap().with_timezone(&Utc))
}

#[test]
fn every_due_form_is_read_and_a_bad_one_is_refused_with_nothing_saved() {
    let book = Book::counter();
    let before = Utc::now();
    let forms = ["+30m", "+2h", "+1d", "06:30", "2099-06-08", "2099-06-08T06:30"];
    for when in forms {
        let task = format!("task {when} @restaurant due:{when}");
        book.ok(&["recovery", "add", "jon", "--category", "room upgrade", "--follow-up", &task, "--yes"]);
    }
    let after = Utc::now();
    let listed = promises(&book, &[]);
    let find = |task: &str| listed.iter().find(|p| p["task"] == task).unwrap_or_else(|| panic!("{task}: {listed:?}"));
    let near = |task: &str, ahead: Duration| {
        let at = due(find(task)).unwrap();
        assert!(at >= before + ahead - Duration::seconds(1) && at <= after + ahead, "{task}: {at}");
    };
    near("task +30m", Duration::minutes(30));
    near("task +2h", Duration::hours(2));
    near("task +1d", Duration::days(1));
    // The next 06:30 of the desk's zone (UTC in tests): within a day, on the half hour.
    let morning = due(find("task 06:30")).unwrap();
    assert!(morning > before && morning <= after + Duration::days(1), "{morning}");
    assert_eq!(morning.format("%H:%M").to_string(), "06:30");
    assert_eq!(find("task 2099-06-08")["due"], "2099-06-08T23:59:00+00:00", "a day is by its end");
    assert_eq!(find("task 2099-06-08T06:30")["due"], "2099-06-08T06:30:00+00:00");
    let ours = listed.iter().filter(|p| p["task"].as_str().unwrap().starts_with("task "));
    assert!(ours.clone().count() == forms.len(), "{listed:?}");
    assert!(ours.clone().all(|p| p["owner"] == "restaurant" && p["guest"] == "Jon Smith"), "{listed:?}");

    let saved = book.dump();
    for (when, says) in [
        ("tomorrow", "is not a time"),
        ("25:00", "is not a time"),
        ("+0m", "is not a time"),
        ("+3w", "is not a time"),
        ("2020-01-01", "is in the past"),
    ] {
        let task = format!("call back due:{when}");
        let run = book.run(&["recovery", "add", "jon", "--category", "noise", "--follow-up", &task, "--yes"]);
        let line = run.one_line_error();
        assert!(line.contains(says) && line.contains(when), "{when}: {line}");
        assert!(line.contains("due:+30m") && line.contains("due:06:30") || says.contains("past"), "{line}");
        assert_eq!(book.dump(), saved, "{when}: nothing is saved");
    }
}

/// A book with three open promises: one overdue for the lobby, one due far ahead for the restaurant, one untimed;
/// made by import, the only way to write a time already past.
fn three_promises() -> Book {
    Book::holding(concat!(
        r#"{"name":"Yu Ming","recoveries":[{"opened_at":"2026-01-02T09:00:00Z","category":"room upgrade","follow_ups":["#,
        r#"{"task":"a note of thanks"},"#,
        r#"{"task":"portable fans","owner":"restaurant","due":"2099-06-08T06:30:00Z"},"#,
        r#"{"task":"call back","owner":"lobby","due":"2026-01-02T09:30:00Z"},"#,
        r#"{"task":"already done","owner":"lobby","due":"2026-01-02T09:30:00Z","done":true}]}]}"#,
        "\n",
        r#"{"mishap":{"opened_at":"2026-01-03T09:00:00Z","category":"spill","follow_ups":[{"task":"mop the bar"}]}}"#,
        "\n"
    ))
}

#[test]
fn the_list_is_soonest_first_this_stations_own_first_and_json_has_every_field() {
    let book = three_promises();
    let tasks = |args: &[&str]| -> Vec<String> {
        promises(&book, args).iter().map(|p| p["task"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(tasks(&[]), ["call back", "portable fans", "a note of thanks", "mop the bar"]);
    assert_eq!(tasks(&["--station", "restaurant"]), ["portable fans", "call back", "a note of thanks", "mop the bar"]);

    let all = promises(&book, &[]);
    let call = &all[0];
    assert_eq!(call["owner"], "lobby");
    assert_eq!(call["guest"], "Yu Ming");
    assert_eq!(call["position"], 3);
    assert_eq!(call["overdue"], true);
    assert_eq!(call["due"], "2026-01-02T09:30:00+00:00");
    assert!(call["recovery"].is_i64());
    let mop = &all[3];
    assert_eq!((mop["guest"].is_null(), mop["owner"].is_null(), mop["due"].is_null()), (true, true, true));
    assert_eq!(mop["overdue"], false);

    let lines = book.ok(&["promises", "--station", "restaurant"]);
    let first = lines.lines().next().unwrap();
    assert!(first.contains("@restaurant") && first.contains("portable fans") && first.contains("Yu Ming"), "{lines}");
    assert!(lines.lines().nth(1).unwrap().contains("overdue"), "{lines}");
}

#[test]
fn overdue_gives_only_the_overdue_and_nothing_at_all_when_none_are() {
    let book = three_promises();
    let run = book.run(&["promises", "--overdue"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(lines[0].contains("call back") && lines[0].contains("@lobby") && lines[0].contains("overdue"), "{lines:?}");
    assert_eq!(promises(&book, &["--overdue"]).len(), 1);

    let calm = Book::counter();
    let run = calm.run(&["promises", "--overdue"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""), "a cron hook sends only news");
    assert!(calm.ok(&["promises"]).lines().count() >= 1);
}

#[test]
fn the_card_shows_each_follow_ups_owner_and_time_left() {
    let book = Book::counter();
    book.ok(&[
        "recovery",
        "add",
        "jon",
        "--category",
        "room upgrade",
        "--follow-up",
        "early breakfast @restaurant due:+25m",
        "--yes",
    ]);
    let card = book.ok(&["card", "jon"]);
    let line = card.lines().find(|l| l.contains("early breakfast")).unwrap_or_else(|| panic!("{card}"));
    assert!(line.contains("@restaurant") && (line.contains("in 25 min") || line.contains("in 24 min")), "{line}");
}

#[test]
fn a_regular_is_marked_by_one_rule_with_its_reason() {
    let now = Utc::now();
    let visits = |days: &[i64]| -> String {
        let at = days.iter().map(|d| format!(r#"{{"at":"{}","seat":"Bar"}}"#, (now - Duration::days(*d)).to_rfc3339()));
        at.collect::<Vec<_>>().join(",")
    };
    let list = [
        format!(r#"{{"name":"Ann Often","visits":[{}]}}"#, visits(&[400, 300, 200, 100, 30, 2])),
        format!(r#"{{"name":"Bo Away","visits":[{}]}}"#, visits(&[1200, 1100])),
        format!(r#"{{"name":"Cy Twice","visits":[{}]}}"#, visits(&[20, 10])),
    ];
    let book = Book::holding(&(list.join("\n") + "\n"));
    let first_line = |args: &[&str]| book.ok(args).lines().next().unwrap().to_owned();
    assert_eq!(first_line(&["card", "Ann Often"]), "Ann Often  (regular · 5 visits in 12 months)");
    assert_eq!(first_line(&["card", "Bo Away"]), "Bo Away  (back after 3 years)");
    assert_eq!(first_line(&["card", "Cy Twice"]), "Cy Twice");
    // The house sets the rule: six visits a year make a regular there.
    let config = book.write("config.toml", "regular_visits = 6\n");
    let config = config.to_str().unwrap();
    assert_eq!(first_line(&["--config", config, "card", "Ann Often"]), "Ann Often");
}
