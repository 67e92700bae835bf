//! Helpers for tests that run the real `regulars` binary on a guest book in a temporary folder.
#![allow(dead_code)] // Each test binary uses a different part of this module.

pub mod books;
pub mod pg;
pub mod screen;
pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

pub struct Book {
    pub dir: TempDir,
    pub path: PathBuf,
}

impl Book {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("guests.db");
        Self { dir, path }
    }

    /// A book holding the guests of `list` (JSON lines), imported as a desk would.
    pub fn holding(list: &str) -> Self {
        let book = Self::new();
        let file = book.write("list.jsonl", list);
        book.ok(&["import", file.to_str().unwrap()]);
        book
    }

    /// A book holding the counter fixture's five guests.
    pub fn counter() -> Self {
        Self::holding(include_str!("../fixtures/counter.jsonl"))
    }

    /// A path in the book's folder, for input and output files.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.file(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// Runs `regulars --db BOOK ARGS…` with a fixed staff name and time zone.
    pub fn run(&self, args: &[&str]) -> Run {
        run_with(&self.path, args, &[])
    }

    /// Runs and asserts success, returning standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "{args:?} failed: {}", run.stderr);
        run.stdout
    }

    /// Every row of every table, as text: two equal dumps mean an unchanged book.
    pub fn dump(&self) -> String {
        dump(&self.path)
    }
}

/// A new database on the PostgreSQL test cluster holding the counter fixture's five guests, imported as a desk would.
pub fn pg_counter_database() -> String {
    with_counter_fixture(pg::database())
}

/// `db`, with the counter fixture's five guests imported as a desk would.
pub fn with_counter_fixture(db: String) -> String {
    let dir = tempfile::tempdir().expect("a folder for the fixture");
    let list = dir.path().join("counter.jsonl");
    std::fs::write(&list, screen::COUNTER).expect("write the fixture");
    let run = run_with(Path::new(&db), &["import", &list.to_string_lossy()], &[]);
    assert_eq!(run.code, 0, "the fixture is imported: {}", run.stderr);
    db
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the run failed with exit status 1 and one line on standard error, and returns that line.
    pub fn one_line_error(&self) -> &str {
        assert_eq!(self.code, 1, "expected exit 1; stdout: {} stderr: {}", self.stdout, self.stderr);
        assert_eq!(self.stderr.lines().count(), 1, "expected one error line, got: {:?}", self.stderr);
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        self.stderr.trim_end()
    }
}

pub fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_regulars"));
    // No settings file unless a test writes one: the developer's own must not change what tests see.
    command.env("TZ", "UTC").env("REGULARS_STAFF", "Nok").env("REGULARS_CONFIG", "/dev/null").env_remove("REGULARS_DB");
    // English unless a test says otherwise, whatever the machine's locale.
    command.env("LANG", "C.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("REGULARS_LANG");
    command
}

pub fn run_with(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = binary();
    command.arg("--db").arg(db).args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    finish(command.output().unwrap())
}

pub fn finish(output: Output) -> Run {
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

pub fn dump(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = String::new();
    for table in ["guests", "visits", "recoveries", "follow_ups", "audit_log"] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let values: Vec<String> = (0..columns).map(|i| show(row.get_ref(i).unwrap())).collect();
            out.push_str(&format!("{table}: {}\n", values.join(" | ")));
        }
    }
    out
}

fn show(value: rusqlite::types::ValueRef<'_>) -> String {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        other => format!("{other:?}"),
    }
}

/// A guest list of three guests: one with history and an open recovery, one Chinese name, one bare.
pub const GUESTS_JSONL: &str = r#"{"name":"Yu Ming","greeting":"于先生","phone":"+86 138 0000 0108","birthday":"1980-06-08","tags":["vip"],"allergies":["peanuts"],"preferences":["high-calcium milk"],"visits":[{"at":"2025-05-01T08:00:00Z","seat":"Window 2","order":["sandwich","coffee","egg"]},{"at":"2025-05-20T08:00:00Z","seat":"Bar 1","order":["tea"]},{"at":"2025-06-01T08:00:00+08:00","seat":"Window 2","order":["Egg","coffee","sandwich"]},{"at":"2025-06-08T08:00:00Z","seat":"Window 2","order":["sandwich","coffee","egg"],"party_size":2,"staff":"Ana","note":"birthday week"}],"recoveries":[{"opened_at":"2025-06-08T09:00:00Z","category":"room upgrade","what_happened":"upgrade promised, not given","action_taken":"sincere apology","cost":40.5,"follow_ups":[{"task":"early breakfast ready","done":true},{"task":"portable fans"}],"staff":"Ana"}]}
{"name":"王建华","greeting":"王先生","phone":"+86 139 1234 5678","birthday":"--02-29","visits":[{"at":"2024-11-02T10:00:00Z","seat":"Booth 3","order":["豆浆","油条"]}]}
{"name":"Emma Stone","email":"emma@example.com"}
"#;
