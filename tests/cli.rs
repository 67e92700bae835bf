//! The command line, run as a user would: import, export, round trips, card, find, visit, demo.

mod common;

use std::path::Path;

use common::{Book, GUESTS_JSONL, binary, finish};

fn book_with_guests() -> Book {
    let book = Book::new();
    let list = book.write("guests.jsonl", GUESTS_JSONL);
    let out = book.ok(&["import", list.to_str().unwrap()]);
    // The import's own report, checked once here: every test of the CLI starts from it.
    assert!(out.contains("3 added, 0 merged, 0 already there"), "{out}");
    book
}

#[test]
fn card_shows_the_whole_guest_at_a_glance() {
    let book = book_with_guests();
    let card = book.ok(&["card", "yu ming"]);
    for expected in [
        "Yu Ming",
        "Greet as     于先生",
        "Phone        +86 138 0000 0108",
        "Last seat    Window 2 · 2025-06-08 · ",
        "Usual seat   Window 2",
        "The usual    sandwich, coffee, egg — 3 of last 4 visits",
        "Allergies    peanuts",
        "Preferences  high-calcium milk",
        "Tags         vip",
        "Birthday     1980-06-08",
        "Visits       4 since 2025-05-01",
        "OPEN RECOVERY #1: room upgrade · opened 2025-06-08",
        "by Ana",
        "What happened: upgrade promised, not given",
        "[x] early breakfast ready",
        "[ ] portable fans",
    ] {
        assert!(card.contains(expected), "card lacks {expected:?}:\n{card}");
    }
    let single = book.ok(&["card", "王建华"]);
    assert!(single.contains("The usual    豆浆, 油条 — last order"), "{single}");
    assert!(single.contains("Birthday     --02-29"), "{single}");
}

#[test]
fn find_ranks_and_reports_the_matched_field() {
    let book = book_with_guests();
    let out = book.ok(&["find", "0108"]);
    assert!(out.starts_with("Yu Ming  于先生  +86 138 0000 0108"), "{out}");
    assert!(out.contains("[phone]"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&book.ok(&["find", "m", "--json", "--limit", "2"])).unwrap();
    let found = json.as_array().unwrap();
    assert_eq!(found.len(), 2);
    assert_eq!(found[0]["name"], "Yu Ming");
    assert_eq!(found[0]["matched"], "name");
    let miss = book.run(&["find", "zzz"]);
    assert_eq!(miss.one_line_error(), r#"regulars: no guest matches "zzz""#);
}

#[test]
fn visit_is_logged_and_printed_after_commit() {
    let book = book_with_guests();
    let out = book.ok(&["visit", "yu", "--usual"]);
    assert!(out.starts_with("visit 6 logged for Yu Ming: Window 2 · sandwich, coffee, egg"), "{out}");
    let out = book.ok(&["visit", "emma", "--seat", "Bar 4", "--order", "flat white, croissant", "--party", "2"]);
    assert!(out.starts_with("visit 7 logged for Emma Stone: Bar 4 · flat white, croissant"), "{out}");
    let card = book.ok(&["card", "emma"]);
    assert!(card.contains("Last seat    Bar 4 · "), "{card}");
    assert!(card.contains("The usual    flat white, croissant — last order"), "{card}");
    let dump = book.dump();
    assert!(dump.contains("visit logged"), "the visit has an audit row:\n{dump}");
}

#[test]
fn visit_usual_without_history_is_a_clear_error() {
    let book = book_with_guests();
    let before = book.dump();
    let run = book.run(&["visit", "emma", "--usual"]);
    assert_eq!(run.one_line_error(), "regulars: Emma Stone has no usual yet: give --seat and --order");
    let run = book.run(&["visit", "emma", "--at", "yesterday"]);
    assert!(run.one_line_error().contains("\"yesterday\" is not a time: give 2026-06-08T07:42"), "{}", run.stderr);
    assert_eq!(book.dump(), before);
}

/// `--at` as a desk says it, in the desk's own time zone (Bangkok, given as a POSIX TZ so no zone data is needed).
#[test]
fn times_are_taken_as_the_desk_says_them_and_the_future_is_refused() {
    let book = book_with_guests();
    let bangkok = [("TZ", "ICT-7")];
    let visit = |at: &str| {
        common::run_with(&book.path, &["visit", "emma", "--seat", "Bar 1", "--order", "tea", "--at", at], &bangkok)
    };
    for (at, stored) in [
        ("2026-06-08T07:42:00", "2026-06-08T00:42:00Z"),
        ("2026-06-09 07:42", "2026-06-09T00:42:00Z"),
        ("2026-06-10", "2026-06-10T05:00:00Z"),
        ("2026-06-11T07:42:00+08:00", "2026-06-10T23:42:00Z"),
    ] {
        let run = visit(at);
        assert_eq!(run.code, 0, "{at}: {}", run.stderr);
        let export = book.ok(&["export", "--format", "jsonl"]);
        assert!(export.contains(&format!("\"at\":\"{stored}\"")), "{at} should be stored as {stored}:\n{export}");
    }
    let run = visit("00:00");
    assert_eq!(run.code, 0, "HH:MM is today: {}", run.stderr);

    let before = book.dump();
    let run = visit("2099-01-05");
    assert!(
        run.one_line_error().contains("\"2099-01-05\" is ") && run.stderr.contains("in the future"),
        "{}",
        run.stderr
    );
    let run = visit("1899-12-31T10:00");
    assert!(run.one_line_error().contains("before 1900"), "{}", run.stderr);
    let run = common::run_with(
        &book.path,
        &["recovery", "add", "emma", "--category", "late order", "--at", "2099-01-05"],
        &bangkok,
    );
    assert!(run.one_line_error().contains("in the future"), "{}", run.stderr);
    assert_eq!(book.dump(), before, "nothing refused is saved");

    let run = common::run_with(
        &book.path,
        &["visit", "emma", "--seat", "Bar 1", "--order", "tea", "--at", "2099-01-05", "--yes"],
        &bangkok,
    );
    assert_eq!(run.code, 0, "--yes takes a future time as given: {}", run.stderr);
}

#[test]
fn export_import_export_is_byte_identical() {
    let book = book_with_guests();
    book.ok(&["demo", "--guests", "300", "--seed", "4"]);
    for format in ["jsonl", "csv"] {
        let first = book.file(&format!("first.{format}"));
        book.ok(&["export", "--format", format, "--out", first.to_str().unwrap()]);
        let other = Book::new();
        other.ok(&["import", first.to_str().unwrap()]);
        let second = other.ok(&["export", "--format", format]);
        assert_eq!(std::fs::read_to_string(&first).unwrap(), second, "{format} round trip differs");
    }
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let book = book_with_guests();
    let before = book.dump();
    let list = book.file("guests.jsonl");
    let out = book.ok(&["import", list.to_str().unwrap()]);
    assert!(out.contains("0 added, 0 merged, 3 already there"), "{out}");
    assert_eq!(book.dump(), before);
}

#[test]
fn a_known_guest_is_merged_not_duplicated() {
    let book = book_with_guests();
    let update = book.write(
        "update.csv",
        "name,phone,email,tags,allergies,shoe size\n\
         Yu Ming,+8613800000108,,vip; breakfast club,shellfish,44\n\
         emma stone,,EMMA@example.com,regular,,\n\
         Jon Smith,555 0100,,,,\n",
    );
    let run = book.run(&["import", update.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("1 added, 2 merged, 0 already there"), "{}", run.stdout);
    assert!(run.stderr.contains("column \"shoe size\" is not one regulars knows: skipped"), "{}", run.stderr);
    let card = book.ok(&["card", "yu ming"]);
    assert!(card.contains("Tags         vip, breakfast club"), "{card}");
    assert!(card.contains("Allergies    peanuts, shellfish"), "{card}");
    assert!(card.contains("Visits       4 since"), "{card}");
}

#[test]
fn demo_is_deterministic_for_a_seed() {
    let a = Book::new();
    let b = Book::new();
    for book in [&a, &b] {
        let out = book.ok(&["demo", "--guests", "500", "--seed", "42"]);
        assert!(out.contains("500 added"), "{out}");
    }
    // The same guests; each book names them with its own id.
    let unkeyed = |book: &Book| -> Vec<String> {
        book.ok(&["export"])
            .lines()
            .map(|line| line.split_once(",\"name\"").map_or(line, |(_, rest)| rest).to_owned())
            .collect()
    };
    assert_eq!(unkeyed(&a), unkeyed(&b));
    assert_eq!(unkeyed(&a).len(), 500);
}

#[test]
fn every_subcommand_has_help_and_usage_errors_exit_2() {
    for sub in ["find", "card", "visit", "import", "export", "demo"] {
        let run = finish(binary().args([sub, "--help"]).output().unwrap());
        assert_eq!(run.code, 0);
        assert!(run.stdout.contains("Usage: regulars"), "{sub}: {}", run.stdout);
    }
    let version = finish(binary().arg("--version").output().unwrap());
    assert_eq!(version.stdout.trim(), format!("regulars {}", env!("CARGO_PKG_VERSION")));
    let usage = finish(binary().args(["find"]).output().unwrap());
    assert_eq!(usage.code, 2);
    let usage = finish(binary().args(["frobnicate"]).output().unwrap());
    assert_eq!(usage.code, 2);
}

#[test]
fn the_default_book_is_private_in_the_data_folder() {
    let home = tempfile::tempdir().unwrap();
    let run = finish(
        binary().env("HOME", home.path()).env_remove("XDG_DATA_HOME").args(["demo", "--guests", "5"]).output().unwrap(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    use std::os::unix::fs::PermissionsExt;
    let dir = home.path().join(".local/share/regulars");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("guests.db")), 0o600);
}

#[test]
fn guests_and_recoveries_from_the_command_line() {
    let book = Book::new();
    let out = book.ok(&["guest", "add", "--name", "Yu Ming", "--greeting", "于先生", "--birthday", "--06-08"]);
    assert_eq!(out.trim(), "guest 1 added: Yu Ming");
    // A missing required option is a usage error, as every other is: exit 2, the usage shown.
    let unnamed = book.run(&["guest", "add", "--greeting", "x"]);
    assert!(unnamed.code == 2 && unnamed.stderr.contains("<--name <NAME>>"), "{}", unnamed.stderr);
    let settings = common::run_with(&book.path, &["find", "yu"], &[("REGULARS_CONFIG", "/nonexistent/settings.toml")]);
    assert_eq!(
        settings.one_line_error(),
        "regulars: there is no settings file /nonexistent/settings.toml (named by --config or REGULARS_CONFIG); only the default one may be absent"
    );
    let before = book.dump();
    let bad = book.run(&["guest", "edit", "yu", "--birthday", "1981-02-29"]);
    assert!(bad.one_line_error().contains("--birthday"), "{}", bad.stderr);
    assert_eq!(book.dump(), before, "a refused edit changes nothing");
    book.ok(&["guest", "edit", "yu", "--tags", "vip, regular", "--allergies", "peanuts"]);
    book.ok(&["visit", "yu", "--seat", "Window 2", "--order", "sandwich, coffee", "--at", "2026-11-20T08:00:00Z"]);
    book.ok(&["visit", "yu", "--seat", "Window 2", "--order", "coffee, sandwich", "--at", "2026-11-21T08:00:00Z"]);
    assert!(book.ok(&["visit", "yu", "--usual"]).contains("Window 2 · coffee, sandwich"));
    let out = book.ok(&[
        "recovery",
        "add",
        "yu",
        "--category",
        "room upgrade",
        "--what",
        "no harbour view",
        "--follow-up",
        "early breakfast",
        "--follow-up",
        "portable fans",
    ]);
    assert_eq!(out.trim(), "recovery 1 opened for Yu Ming");
    assert_eq!(book.ok(&["recovery", "add", "--category", "noise"]).trim(), "recovery 2 opened (no guest)");
    assert_eq!(book.ok(&["recovery", "follow-up", "1", "2"]).trim(), "follow-up 2 of recovery 1 done");
    assert!(book.run(&["recovery", "follow-up", "1", "3"]).one_line_error().contains("follow-up 3 of recovery 1"));
    book.ok(&["recovery", "resolve", "2"]);
    let card = book.ok(&["card", "yu"]);
    for expected in [
        "Tags         vip, regular",
        "Allergies    peanuts",
        "The usual    coffee, sandwich — 3 of last 3",
        "[ ] early breakfast",
        "[x] portable fans",
    ] {
        assert!(card.contains(expected), "card lacks {expected:?}:\n{card}");
    }
}

#[test]
fn the_settings_file_names_the_staff_and_the_demo_size() {
    let book = Book::new();
    let settings = book.write("config.toml", "staff = \"Wei\"\nstation = \"lobby\"\ndemo_guests = 25\n");
    let run = finish(
        binary()
            .env_remove("REGULARS_STAFF")
            .env("REGULARS_CONFIG", &settings)
            .args(["--db", book.path.to_str().unwrap(), "demo"])
            .output()
            .unwrap(),
    );
    assert!(run.stdout.contains("25 added"), "{}", run.stdout);
    assert!(
        book.dump().contains("audit_log: Integer(1) | ") && book.dump().contains("| Wei | guest added"),
        "{}",
        book.dump()
    );
    // --staff wins over the settings.
    let out = book.ok(&["--config", settings.to_str().unwrap(), "--staff", "Ana", "guest", "add", "--name", "Zed"]);
    assert!(out.contains("added"));
    assert!(book.dump().contains("| Ana | guest added"));

    let broken = book.write("broken.toml", "stafff = \"Wei\"\n");
    let run = book.run(&["--config", broken.to_str().unwrap(), "find", "x"]);
    assert!(run.one_line_error().contains("unknown field `stafff`"), "{}", run.stderr);
}

#[test]
fn outreach_lists_birthdays_and_lapsed_regulars_for_a_mail_merge() {
    let book = Book::new();
    let today = chrono::Utc::now().date_naive();
    let soon = today + chrono::Duration::days(3);
    let long_ago = (chrono::Utc::now() - chrono::Duration::days(500)).to_rfc3339();
    let longer_ago = (chrono::Utc::now() - chrono::Duration::days(600)).to_rfc3339();
    let list = format!(
        "{{\"name\":\"Birthday Girl\",\"greeting\":\"Ms. Day\",\"birthday\":\"--{}\"}}\n\
         {{\"name\":\"Old Regular\",\"phone\":\"555 0100\",\"visits\":[{{\"at\":\"{longer_ago}\",\"seat\":\"Window 2\",\"order\":[\"tea\"]}},{{\"at\":\"{long_ago}\",\"seat\":\"Window 2\",\"order\":[\"tea\"]}}],\"recoveries\":[{{\"opened_at\":\"{long_ago}\",\"category\":\"cold food\"}}]}}\n\
         {{\"name\":\"Once Only\",\"visits\":[{{\"at\":\"{long_ago}\"}}]}}\n",
        soon.format("%m-%d")
    );
    let file = book.write("outreach.jsonl", list);
    book.ok(&["import", file.to_str().unwrap()]);
    let text = book.ok(&["outreach"]);
    assert!(text.starts_with("birthday "), "{text}");
    assert!(text.contains("(in 3 days) — Birthday Girl (Ms. Day)"), "{text}");
    assert!(text.contains("not seen for 1 year 4 months — Old Regular"), "{text}");
    assert!(text.contains("the usual: tea (2 of last 2)") && text.contains("recoveries: cold food (open)"), "{text}");
    assert!(!text.contains("Once Only"), "one visit is not a regular");
    let csv = book.ok(&["outreach", "--csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[1], "name");
    assert_eq!(reader.records().count(), 2);
    let json: serde_json::Value = serde_json::from_str(&book.ok(&["outreach", "--json", "--birthdays", "1"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1, "a birthday 3 days away is not within 1 day");
}

#[test]
fn a_password_in_the_book_url_is_never_printed() {
    // Nothing listens on port 1: the connection is refused, and the error names the server, not the password.
    let output = binary().args(["--db", "postgresql://desk:s3cret-pw@127.0.0.1:1/regulars", "find", "emma"]).output();
    let run = finish(output.unwrap());
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("PostgreSQL database regulars on 127.0.0.1"), "{}", run.stderr);
    assert!(run.stderr.contains("cannot be reached"), "{}", run.stderr);
    assert!(!run.stderr.contains("s3cret") && !run.stdout.contains("s3cret"), "{}", run.stderr);
}

#[test]
fn desks_work_as_a_least_privilege_role_that_cannot_change_the_schema() {
    let owner = common::pg_counter_database();
    let database = owner.rsplit("dbname=").next().unwrap().to_owned();
    let grants = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/desk-role.sql")).unwrap();
    let mut admin = postgres::Client::connect(&owner, postgres::NoTls).unwrap();
    admin.batch_execute(&grants.replace("DATABASE regulars", &format!("DATABASE {database}"))).unwrap();
    let desk = format!("{owner} user=regulars_desk");
    let desk = Path::new(&desk);

    let run = |args: &[&str]| common::run_with(desk, args, &[]);
    assert_eq!(run(&["visit", "jon", "--usual"]).code, 0, "{}", run(&["visit", "jon", "--usual"]).stderr);
    assert_eq!(run(&["--station", "lobby", "heads-up", "jon"]).code, 0);
    assert_eq!(run(&["recovery", "add", "jon", "--category", "cold soup"]).code, 0);
    assert_eq!(run(&["guest", "edit", "jon", "--tags", "vip"]).code, 0);
    assert_eq!(run(&["forget", "emily", "--yes"]).code, 0, "{}", run(&["forget", "emily", "--yes"]).stderr);
    assert!(run(&["card", "jon"]).stdout.contains("cold soup"));
    let left: i64 = admin.query_one("SELECT count(*) FROM guests WHERE name LIKE 'Emily%'", &[]).unwrap().get(0);
    assert_eq!(left, 0, "forgotten from the live tables");
    let tampered = admin.batch_execute("SET ROLE regulars_desk; DROP TABLE visits");
    assert!(tampered.is_err(), "the desk's role cannot drop a table");
    admin.batch_execute("RESET ROLE").unwrap();

    // A book whose tables are not there yet is refused with one line saying who may make them.
    let fresh = common::pg::database();
    let fresh_name = fresh.rsplit("dbname=").next().unwrap().to_owned();
    admin.batch_execute(&format!("GRANT CONNECT, TEMPORARY ON DATABASE {fresh_name} TO regulars_desk")).unwrap();
    let refused = common::run_with(Path::new(&format!("{fresh} user=regulars_desk")), &["card", "jon"], &[]);
    assert!(refused.one_line_error().contains("open the book once as its owner"), "{}", refused.stderr);
}

#[test]
fn a_phone_number_as_people_write_it_finds_the_guest() {
    let book = Book::holding(common::GUESTS_JSONL);
    for query in ["+86 138 0000 0108", "138-0000-0108", "(138) 0000 0108", "0108"] {
        let found = book.ok(&["find", query]);
        assert!(found.starts_with("Yu Ming"), "{query}: {found}");
    }
}

#[test]
fn unknown_fields_at_any_depth_are_warned_about_never_dropped_silently() {
    let book = Book::new();
    let list = book.write(
        "list.jsonl",
        concat!(
            r#"{"name":"Ann","vip":true,"visits":[{"at":"2026-01-02T08:00:00Z","tip":5}],"#,
            r#""recoveries":[{"opened_at":"2026-01-02T09:00:00Z","category":"noise","owner":"x","follow_ups":[{"task":"call","when":"6:30"}]}]}"#,
            "\n",
            r#"{"mishap":{"opened_at":"2026-01-03T09:00:00Z","category":"spill","where":"bar"}}"#,
            "\n"
        ),
    );
    let run = book.run(&["import", list.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for field in ["vip", "visits[0].tip", "recoveries[0].owner", "recoveries[0].follow_ups[0].when"] {
        assert!(run.stderr.contains(&format!("line 1: unknown field `{field}` skipped")), "{field}: {}", run.stderr);
    }
    assert!(run.stderr.contains("line 2: unknown field `mishap.where` skipped"), "{}", run.stderr);
}

#[test]
fn importing_an_export_again_changes_nothing_even_for_guests_without_a_phone_or_email() {
    let book = Book::new();
    let list = book.write(
        "walk-ins.jsonl",
        concat!(
            r#"{"name":"Ann","visits":[{"at":"2026-01-02T08:00:00Z","seat":"Bar"}]}"#,
            "\n",
            r#"{"name":"Ann","notes":"another Ann"}"#,
            "\n"
        ),
    );
    book.ok(&["import", list.to_str().unwrap()]);
    let out = book.file("book.jsonl");
    book.ok(&["export", "--out", out.to_str().unwrap()]);
    let exported = std::fs::read_to_string(&out).unwrap();
    // Into the same book, twice; into another book and back.
    for _ in 0..2 {
        let said = book.ok(&["import", out.to_str().unwrap()]);
        assert!(said.contains("0 added, 0 merged, 2 already there"), "{said}");
    }
    assert_eq!(book.ok(&["export"]), exported);
    let other = Book::new();
    other.ok(&["import", out.to_str().unwrap()]);
    let again = other.file("again.jsonl");
    other.ok(&["export", "--out", again.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&again).unwrap(), exported, "the other book keeps the keys it was given");
    assert!(other.ok(&["import", out.to_str().unwrap()]).contains("0 added"));
    assert!(book.ok(&["import", again.to_str().unwrap()]).contains("0 added, 0 merged, 2 already there"));
}
