//! `regulars doctor`: is the book as regulars made it? Its schema (a book file whose schema was changed is refused
//! by every other command: here it is described, and with `--repair` a file's is set right after a "yes", a copy
//! kept first), then every row that cannot be read (left out of the screen, search, lists and exports, and named
//! here). It opens the book as every command does: an older book is migrated first.

use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::Local;
use regulars::store::{Location, Store};
use regulars::t;

use super::{Book, shown};

pub fn run(book: &Book, repair: bool, yes: bool) -> Result<()> {
    if !schema_sound(book, repair, yes)? {
        bail!(t!(book.language, "doctor-schema-not-own"));
    }
    let mut store = book.open()?;
    let unreadable = store.find_unreadable().context(t!(book.language, "doctor-cannot-read-through"))?;
    for row in &unreadable.rows {
        println!("row: {}", regulars::domain::text::inert(&row.to_string()));
    }
    if unreadable.more > 0 {
        println!("{}", t!(book.language, "doctor-row-more", n = unreadable.more));
    }
    if !unreadable.is_empty() {
        println!("{}", t!(book.language, "doctor-rows-left-out"));
        bail!(t!(book.language, "doctor-rows-unreadable", n = unreadable.count()));
    }
    println!("{}", t!(book.language, "doctor-sound"));
    Ok(())
}

/// Whether the book's schema is regulars' own, after setting a file's right when asked (and confirmed).
fn schema_sound(book: &Book, repair: bool, yes: bool) -> Result<bool> {
    let differences = Store::schema_differences(&book.location, book.busy_timeout)
        .with_context(|| t!(book.language, "doctor-cannot-look", book = book.location.to_string()))?;
    if differences.is_empty() {
        return Ok(true);
    }
    for difference in &differences {
        println!("schema: {difference}");
    }
    let Location::File(path) = &book.location else {
        // The server's roles decide who may change a schema there, and so who may set it right.
        println!("{}", t!(book.language, "doctor-server-role"));
        return Ok(false);
    };
    if !repair {
        println!("{}", t!(book.language, "doctor-repair-hint"));
        return Ok(false);
    }
    let copy = copy_path(path);
    if !yes {
        eprint!("{}", t!(book.language, "doctor-ask", copy = shown(&copy)));
        let mut answer = String::new();
        io::stdin().read_line(&mut answer)?;
        if answer.trim() != "yes" {
            bail!(t!(book.language, "doctor-nothing-changed"));
        }
    }
    Store::mend_schema(path, book.busy_timeout, &copy).context(t!(book.language, "doctor-not-set-right"))?;
    println!("{}", t!(book.language, "doctor-set-right", copy = shown(&copy)));
    Ok(true)
}

/// Where the copy of a book about to be repaired goes: beside it, named for the moment.
fn copy_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(Local::now().format(".before-repair-%Y%m%d-%H%M%S").to_string());
    name.into()
}
