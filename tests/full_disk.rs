//! Files written whole or not at all, and the book still looked up, on a disk that fills up: a small tmpfs mounted
//! for the test. Mounting needs root, which CI is (`.ci/run` makes it fail there without); elsewhere run
//! `sudo -E cargo test --test full_disk` (without root the test says it did not run).

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::Book;

/// A 3 MB tmpfs, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount() -> Option<Self> {
        let uid = Command::new("id").arg("-u").output().expect("id runs");
        if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
            assert!(std::env::var_os("REGULARS_IN_CI").is_none(), "CI must run the full-disk test as root");
            eprintln!(
                "full_disk: not run — mounting a small tmpfs needs root (CI runs as root; or sudo -E cargo test)"
            );
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("mount").args(["-t", "tmpfs", "-o", "size=3M", "tmpfs"]).arg(dir.path()).status();
        assert!(status.is_ok_and(|s| s.success()), "root could not mount a tmpfs for the full-disk test");
        Some(Self { dir })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Fills the disk to the last byte.
    fn fill(&self) -> PathBuf {
        let path = self.path("filler");
        let mut file = fs::File::create(&path).unwrap();
        let chunk = vec![0u8; 4096];
        while file.write_all(&chunk).is_ok() {}
        let _ = file.write_all(&[0]);
        path
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(self.dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        names.sort();
        names
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn on_a_full_disk_an_export_leaves_the_old_file_and_a_failed_backup_leaves_none() {
    let Some(disk) = SmallDisk::mount() else { return };
    let book = Book::new();
    book.ok(&["demo", "--guests", "200", "--seed", "3"]);
    let out = disk.path("out.jsonl");
    book.ok(&["export", "--format", "jsonl", "--out", arg(&out)]);
    let good = fs::read(&out).unwrap();

    // The book grows to more than the disk has left.
    book.ok(&["demo", "--guests", "3000", "--seed", "4"]);
    let filler = disk.fill();
    let run = book.run(&["export", "--format", "jsonl", "--out", arg(&out)]);
    let error = run.one_line_error();
    assert!(error.contains(&format!("cannot write {}: the disk is full", out.display())), "{error}");
    assert_eq!(fs::read(&out).unwrap(), good, "the export that was there is untouched");
    assert_eq!(disk.names(), ["filler", "out.jsonl"], "no partial file is left");

    let backup = disk.path("book-backup.db");
    let run = book.run(&["backup", arg(&backup)]);
    assert!(run.one_line_error().contains("cannot back up to"), "{}", run.stderr);
    assert_eq!(disk.names(), ["filler", "out.jsonl"], "a failed backup leaves no file to block the retry");
    fs::remove_file(filler).unwrap();
    fs::remove_file(&out).unwrap();
    book.ok(&["backup", arg(&backup)]);
    assert!(fs::metadata(&backup).unwrap().len() > 0, "the retry makes the backup");
}

#[test]
fn on_a_full_disk_the_desk_still_looks_guests_up_and_a_visit_fails_saving_nothing() {
    let Some(disk) = SmallDisk::mount() else { return };
    let book = disk.path("guests.db");
    let run = |args: &[&str]| common::run_with(&book, args, &[]);
    assert_eq!(run(&["demo", "--guests", "300", "--seed", "3"]).code, 0);
    // (A dump's connection, being the last to close, takes the log and its index away; a desk brings them back.)
    let before = common::dump(&book);
    let card = run(&["card", "--id", "5"]).stdout;
    disk.fill();

    // Reading needs no new file: the write-ahead log and its index were kept beside the book.
    let looked_up = run(&["card", "--id", "5"]);
    assert_eq!((looked_up.code, looked_up.stdout.as_str()), (0, card.as_str()), "{}", looked_up.stderr);
    let found = run(&["find", "a"]);
    assert!(found.code == 0 && found.stdout.lines().count() > 3, "{}", found.stderr);

    let visit = run(&["visit", "--id", "5", "--seat", "Bar 2", "--order", "tea"]);
    assert_eq!(visit.one_line_error(), "regulars: the visit was not saved: the disk is full");
    assert_eq!(common::dump(&book), before, "nothing was saved");
}
