//! `regulars doctor`: is the book as regulars made it? Its schema (a book file whose schema was changed is refused
//! by every other command: here it is described, and with `--repair` a file's is set right after a "yes", a copy
//! kept first), then every row that cannot be read (left out of the screen, search, lists and exports, and named
//! here). It opens the book as every command does: an older book is migrated first.

use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::Local;
use regulars::store::{Location, Store};

use super::{Book, shown};

pub fn run(book: &Book, repair: bool, yes: bool) -> Result<()> {
    if !schema_sound(book, repair, yes)? {
        bail!("the guest book's schema is not regulars' own (see above); its rows were not looked at");
    }
    let mut store = book.open()?;
    let unreadable = store.find_unreadable().context("cannot read the guest book through")?;
    for row in &unreadable.rows {
        println!("row: {}", regulars::domain::text::inert(&row.to_string()));
    }
    if unreadable.more > 0 {
        println!("row: and {} more", unreadable.more);
    }
    if !unreadable.is_empty() {
        println!(
            "  these rows are left out of the screen, search, lists and exports: set them right with a database tool, \
             or restore the book from a backup"
        );
        bail!("{} of the guest book cannot be read", rows(unreadable.count()));
    }
    println!("the guest book is sound: its schema is regulars' own and every row can be read");
    Ok(())
}

/// Whether the book's schema is regulars' own, after setting a file's right when asked (and confirmed).
fn schema_sound(book: &Book, repair: bool, yes: bool) -> Result<bool> {
    let differences = Store::schema_differences(&book.location, book.busy_timeout)
        .with_context(|| format!("cannot look at the guest book {}", book.location))?;
    if differences.is_empty() {
        return Ok(true);
    }
    for difference in &differences {
        println!("schema: {difference}");
    }
    let Location::File(path) = &book.location else {
        // The server's roles decide who may change a schema there, and so who may set it right.
        println!("  on a server, the role that owns the book's tables sets this right (with psql)");
        return Ok(false);
    };
    if !repair {
        println!("  regulars doctor --repair sets this right, keeping a copy of the book as it is first");
        return Ok(false);
    }
    let copy = copy_path(path);
    if !yes {
        eprint!("Set the schema right? The book as it is now is copied to {} first. Type yes: ", shown(&copy));
        let mut answer = String::new();
        io::stdin().read_line(&mut answer)?;
        if answer.trim() != "yes" {
            bail!("nothing was changed");
        }
    }
    Store::mend_schema(path, book.busy_timeout, &copy).context("the schema was not set right")?;
    println!("set right; the book as it was is kept in {}", shown(&copy));
    Ok(true)
}

/// Where the copy of a book about to be repaired goes: beside it, named for the moment.
fn copy_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(Local::now().format(".before-repair-%Y%m%d-%H%M%S").to_string());
    name.into()
}

fn rows(count: usize) -> String {
    match count {
        1 => "1 row".to_owned(),
        n => format!("{n} rows"),
    }
}
