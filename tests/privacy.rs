//! Guest data is personal data: erasing a guest leaves no trace of them in the files, one guest's record can be
//! exported on request, every change is in the audit log, and the files are private.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::Book;

const MARKER: &str = "Zyxwvut Qqqqmarker";
const PHONE: &str = "+44 20 9876 5432";

fn files_contain(book: &Book, needle: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{}{suffix}", book.path.display());
        if let Ok(bytes) = std::fs::read(&path)
            && bytes.windows(needle.len()).any(|w| w == needle)
        {
            found.push(path);
        }
    }
    found
}

#[test]
fn a_forgotten_guest_is_nowhere_in_the_files() {
    let book = Book::new();
    let list = format!(
        "{{\"name\":\"{MARKER}\",\"phone\":\"{PHONE}\",\"notes\":\"{MARKER} likes tea\",\"visits\":[{{\"at\":\"2026-01-02T08:00:00Z\",\"seat\":\"Bar\"}}],\"recoveries\":[{{\"opened_at\":\"2026-01-02T09:00:00Z\",\"category\":\"noise\",\"what_happened\":\"{MARKER} complained\",\"cost\":5}}]}}\n{}",
        include_str!("fixtures/counter.jsonl")
    );
    let file = book.write("list.jsonl", list);
    book.ok(&["import", file.to_str().unwrap()]);
    std::fs::remove_file(&file).unwrap();
    book.ok(&["visit", "qqqqmarker", "--seat", "Window 1"]);
    assert!(!files_contain(&book, MARKER.as_bytes()).is_empty(), "the marker is in the book before");

    let run = book.run(&["forget", "qqqqmarker"]);
    assert_eq!(run.code, 1, "without --yes and no answer, nothing is erased");
    assert!(run.stderr.contains("nothing was erased"));
    assert_eq!(book.ok(&["forget", "qqqqmarker", "--yes"]).trim(), "guest 1 erased");

    assert_eq!(
        files_contain(&book, MARKER.as_bytes()),
        Vec::<String>::new(),
        "the name is gone from .db, -wal and -shm"
    );
    assert_eq!(files_contain(&book, PHONE.as_bytes()), Vec::<String>::new(), "the phone too");
    let report = book.ok(&["report", "--since", "2026-01-01", "--until", "2026-12-31", "--json"]);
    assert!(report.contains("\"noise\""), "the mishap stays in the tally: {report}");
    let log = book.ok(&["log"]);
    assert!(log.contains("guest forgotten  guest 1 (no longer in the book)"), "{log}");
}

#[test]
fn one_guests_record_can_be_exported() {
    let book = Book::counter();
    let one = book.ok(&["export", "--id", "2"]);
    assert_eq!(one.lines().count(), 1);
    assert!(one.starts_with("{\"key\":\"") && one.contains(":2\",\"name\":\"于明\""), "{one}");
    assert!(one.contains("\"recoveries\""));
    assert!(book.run(&["export", "--id", "99"]).one_line_error().contains("guest 99 is not in the guest book"));
}

#[test]
fn every_write_path_leaves_an_audit_row() {
    let book = Book::new();
    book.ok(&["guest", "add", "--name", "Ann Lee"]);
    book.ok(&["guest", "edit", "ann", "--greeting", "Ms. Lee"]);
    book.ok(&["visit", "ann", "--seat", "Bar"]);
    book.ok(&["recovery", "add", "ann", "--category", "noise", "--follow-up", "call"]);
    book.ok(&["recovery", "follow-up", "1", "1"]);
    book.ok(&["recovery", "resolve", "1"]);
    book.ok(&["guest", "add", "--name", "Ann L."]);
    book.ok(&["heads-up", "ann lee"]);
    book.ok(&["guest", "merge", "ann l.", "--into", "ann lee"]);
    let log = book.ok(&["log", "--guest", "ann lee"]);
    for action in [
        "guest added",
        "guest edited",
        "visit logged",
        "recovery opened",
        "follow-up done",
        "recovery resolved",
        "heads-up sent",
        "guest merged",
    ] {
        assert!(log.contains(&format!("Nok  {action}  guest 1 (Ann Lee)")), "no {action:?} row for the guest:\n{log}");
    }
    assert!(book.ok(&["log"]).contains("guest merged away  guest 2 (no longer in the book)"));
}

#[test]
fn a_book_readable_by_others_gets_a_warning_with_the_fix() {
    let book = Book::new();
    book.ok(&["demo", "--guests", "3"]);
    assert_eq!(std::fs::metadata(&book.path).unwrap().permissions().mode() & 0o777, 0o600);
    std::fs::set_permissions(&book.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = book.run(&["find", "a"]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("can be read by other users; fix it with: chmod 600"), "{}", run.stderr);
}

fn mode(path: &std::path::Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().permissions().mode() & 0o777
}

/// A shared folder where someone planted a link to a file of theirs, and left a readable file of their own making.
#[test]
fn files_written_for_the_user_never_go_through_a_planted_link_and_are_private() {
    let book = Book::new();
    book.ok(&["demo", "--guests", "20", "--seed", "2"]);
    let victim = book.write("victim.txt", "someone else's file\n");
    for (name, args) in [
        ("out.jsonl", vec!["export", "--format", "jsonl", "--out"]),
        ("list.csv", vec!["outreach", "--csv", "--lapsed", "1", "--out"]),
    ] {
        let planted = book.file(name);
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let target = planted.to_str().unwrap();
        let run = book.run(&[args.as_slice(), &[target]].concat());
        let error = run.one_line_error();
        assert!(error.contains("it is a symbolic link"), "{error}");
        assert_eq!(
            std::fs::read_to_string(&victim).unwrap(),
            "someone else's file\n",
            "the link's target is untouched"
        );
        assert!(std::fs::symlink_metadata(&planted).unwrap().file_type().is_symlink(), "the link is left as it was");

        // A file made readable by all is replaced by a private one.
        std::fs::remove_file(&planted).unwrap();
        std::fs::write(&planted, "old\n").unwrap();
        std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o644)).unwrap();
        book.ok(&[args.as_slice(), &[target]].concat());
        assert_eq!(mode(&planted), 0o600, "{name}");
        assert_ne!(std::fs::read_to_string(&planted).unwrap(), "old\n");
    }

    // A backup through a link to a missing file is refused; a backup is private.
    let planted = book.file("copy.db");
    std::os::unix::fs::symlink(book.file("elsewhere.db"), &planted).unwrap();
    let run = book.run(&["backup", planted.to_str().unwrap()]);
    assert!(run.one_line_error().contains("file exists already"), "{}", run.stderr);
    assert!(!book.file("elsewhere.db").exists(), "nothing was written through the link");
    let backup = book.file("backup.db");
    book.ok(&["backup", backup.to_str().unwrap()]);
    assert_eq!(mode(&backup), 0o600);
}

#[test]
fn the_files_beside_a_readable_book_are_private_and_never_links() {
    let book = Book::new();
    book.ok(&["demo", "--guests", "3"]);
    std::fs::set_permissions(&book.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let side = |suffix: &str| std::path::PathBuf::from(format!("{}{suffix}", book.path.display()));
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(side(suffix));
    }
    book.ok(&["card", "--id", "1"]);
    assert_eq!((mode(&side("-wal")), mode(&side("-shm"))), (0o600, 0o600));

    // A link planted in a side file's place: the book is not opened through it.
    let victim = book.write("victim.txt", "someone else's file\n");
    std::fs::remove_file(side("-wal")).unwrap();
    std::os::unix::fs::symlink(&victim, side("-wal")).unwrap();
    let run = book.run(&["card", "--id", "1"]);
    assert!(run.one_line_error().contains("is not a regular file"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "someone else's file\n");
}

#[test]
fn paths_in_messages_are_shown_inert() {
    let book = Book::new();
    book.ok(&["demo", "--guests", "3"]);
    let out = book.file("out\u{1b}[31mred.jsonl");
    let run = book.run(&["export", "--format", "jsonl", "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("exported 3 guests to") && !run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    let backup = book.file("copy\u{1b}]0;title\u{7}.db");
    let run = book.run(&["backup", backup.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'), "{:?}", run.stdout);
}

#[test]
fn a_book_shared_with_its_group_is_advised_as_such_and_an_open_folder_is_warned_of() {
    let book = Book::new();
    book.ok(&["demo", "--guests", "3"]);
    let warned = |mode: u32| {
        std::fs::set_permissions(&book.path, std::fs::Permissions::from_mode(mode)).unwrap();
        book.run(&["find", "a"]).stderr
    };
    assert_eq!(warned(0o660), "", "a book shared with the desks' group is as meant");
    assert!(warned(0o664).contains("can be read by other users; fix it with: chmod 660"), "the group keeps its access");
    assert!(warned(0o640).contains("fix it with: chmod 600"));
    std::fs::set_permissions(&book.path, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::set_permissions(book.dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let open = book.run(&["find", "a"]).stderr;
    std::fs::set_permissions(book.dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    assert!(open.contains("can be written by any user, who could put another book in its place"), "{open}");
}
