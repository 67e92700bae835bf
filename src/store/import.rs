//! Guest lists in: every entry of a list in one transaction, each guest new or merged into the one it names.

use super::desks::insert_written;
use super::history::history;
use super::read::{Identities, guest_exists, identities};
use super::sql::{Sql, args};
use super::unreadable::Reading;
use super::write::{audit, insert_guest, insert_recovery, insert_visit, update_guest};
use super::{Result, Store, StoreError, to_millis};
use crate::domain::merge::merge;
use crate::domain::{GuestId, GuestRecord, Incoming, Recovery};

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub added: usize,
    pub merged: usize,
    pub unchanged: usize,
    /// Recoveries with no guest added.
    pub mishaps: usize,
}

impl Store {
    /// Brings guest records into the book, all or nothing. A record with the same name and phone, or the same name
    /// and email, as a guest already in the book (or earlier in `records`) is merged into that guest.
    /// `source` names where the records came from, for the audit log.
    pub fn import(&mut self, records: Vec<GuestRecord>, staff: &str, source: &str) -> Result<ImportSummary> {
        let entries = || Ok::<_, StoreError>(records.iter().cloned().map(|r| Ok(Incoming::Guest(Box::new(r), None))));
        self.import_stream(entries, staff, source)?
    }

    /// Brings a guest list in as it is read, all or nothing, in one transaction: guest records as `import` does,
    /// and recoveries recorded for nobody in particular; a mishap the book already holds (the same time and
    /// category, with no guest) is not added twice. Memory holds one entry at a time (and every guest's identity,
    /// to merge), never the list. `open` starts the list from its beginning; it is called again if the server asks
    /// for the transaction to be tried again. The first error the list gives stops it, and comes back inside.
    pub fn import_stream<E, I>(
        &mut self,
        open: impl FnMut() -> Result<I, E>,
        staff: &str,
        source: &str,
    ) -> Result<Result<ImportSummary, E>>
    where
        I: Iterator<Item = Result<Incoming, E>>,
    {
        self.bring_in(open, staff, source, true)
    }

    /// What `import_stream` would do, done and then rolled back: how many guests would be added, merged or found
    /// there already, with nothing written.
    pub fn import_dry_run<E, I>(
        &mut self,
        open: impl FnMut() -> Result<I, E>,
        staff: &str,
        source: &str,
    ) -> Result<Result<ImportSummary, E>>
    where
        I: Iterator<Item = Result<Incoming, E>>,
    {
        self.bring_in(open, staff, source, false)
    }

    fn bring_in<E, I>(
        &mut self,
        mut open: impl FnMut() -> Result<I, E>,
        staff: &str,
        source: &str,
        commit: bool,
    ) -> Result<Result<ImportSummary, E>>
    where
        I: Iterator<Item = Result<Incoming, E>>,
    {
        // An error of the list's own rolls the transaction back (the closure fails) and is handed back as it was;
        // so does a dry run, its summary kept.
        let mut stopped = None;
        let mut tried = None;
        let done = self.write(|tx| {
            let entries = match open() {
                Ok(entries) => entries,
                Err(error) => {
                    stopped = Some(error);
                    return Err(StoreError::Stopped);
                }
            };
            let book = tx.one("SELECT value FROM book_settings WHERE key = 'book_id'", &[], |r| r.string(0))?;
            let mut run =
                Importing { book: book.unwrap_or_default(), known: identities(tx)?, summary: ImportSummary::default() };
            for (index, entry) in entries.enumerate() {
                match entry {
                    Ok(Incoming::Guest(record, key)) => import_guest(tx, &mut run, index, *record, key, staff, source)?,
                    Ok(Incoming::Mishap(recovery)) => import_mishap(tx, &mut run.summary, recovery, staff, source)?,
                    Err(error) => {
                        stopped = Some(error);
                        return Err(StoreError::Stopped);
                    }
                }
            }
            if !commit {
                tried = Some(run.summary);
                return Err(StoreError::Stopped);
            }
            Ok(run.summary)
        });
        match (stopped, tried) {
            (Some(error), _) => Ok(Err(error)),
            (None, Some(summary)) => Ok(Ok(summary)),
            (None, None) => done.map(Ok),
        }
    }
}

/// What an import carries from one entry to the next: the book's own id (its guests' keys start with it), every
/// guest's identity in the book, and the counts.
struct Importing {
    book: String,
    known: Identities,
    summary: ImportSummary,
}

/// The guest of the book an exported guest's `key` names: this book's own guest of that id (`BOOK:ID`), or the
/// guest brought in from elsewhere under that key.
fn keyed_guest(tx: &dyn Sql, book: &str, key: &str) -> Result<Option<GuestId>> {
    if let Some(id) = key.strip_prefix(book).and_then(|rest| rest.strip_prefix(':')).and_then(|id| id.parse().ok())
        && !book.is_empty()
        && guest_exists(tx, GuestId(id))?
    {
        return Ok(Some(GuestId(id)));
    }
    tx.one("SELECT id FROM guests WHERE origin = ?1", args![key], |r| Ok(GuestId(r.id(0)?)))
}

/// Brings one guest record in: a new guest, or merged into the guest it names (see `Store::import`).
fn import_guest(
    tx: &dyn Sql,
    run: &mut Importing,
    index: usize,
    record: GuestRecord,
    key: Option<String>,
    staff: &str,
    source: &str,
) -> Result<()> {
    let invalid = |error| StoreError::InvalidRecord { index, error };
    let record = record.validated().map_err(invalid)?;
    let by_key = match &key {
        Some(key) => keyed_guest(tx, &run.book, key)?,
        None => None,
    };
    let existing = by_key.or_else(|| record.profile.identity_keys().find_map(|k| run.known.get(&k)));
    let summary = &mut run.summary;
    let (id, visits, recoveries, written) = match existing {
        None => {
            let id = insert_guest(tx, &record.profile, staff)?;
            if let Some(key) = &key {
                tx.run("UPDATE guests SET origin = ?2 WHERE id = ?1", args![id.0, key])?;
            }
            if let Some(noted) = &record.noted {
                tx.run(
                    "UPDATE guests SET notes_by = ?2, notes_at = ?3 WHERE id = ?1",
                    args![id.0, &noted.staff, to_millis(noted.at)],
                )?;
            }
            audit(tx, staff, "guest added", Some(id), source)?;
            summary.added += 1;
            (id, record.visits, record.recoveries, record.written)
        }
        Some(id) => {
            let plan = merge(&history(tx, id, Reading::Strict)?, &record).map_err(invalid)?;
            if plan.is_empty() {
                summary.unchanged += 1;
                return Ok(());
            }
            if let Some(profile) = &plan.profile {
                update_guest(tx, id, profile, staff)?;
            }
            audit(tx, staff, "guest merged", Some(id), source)?;
            summary.merged += 1;
            (id, plan.new_visits, plan.new_recoveries, plan.new_written)
        }
    };
    for identity in record.profile.identity_keys() {
        run.known.note(&identity, id);
    }
    for visit in &visits {
        insert_visit(tx, id, visit)?;
    }
    for recovery in &recoveries {
        insert_recovery(tx, Some(id), recovery)?;
    }
    for written in &written {
        insert_written(tx, id, written)?;
    }
    Ok(())
}

/// Brings in a recovery recorded for nobody in particular, unless the book holds it already.
fn import_mishap(
    tx: &dyn Sql,
    summary: &mut ImportSummary,
    recovery: Recovery,
    staff: &str,
    source: &str,
) -> Result<()> {
    let recovery = recovery.validated()?;
    let known = tx.one(
        "SELECT id FROM recoveries WHERE guest_id IS NULL AND opened_at = ?1 AND category = ?2",
        args![to_millis(recovery.opened_at), &recovery.category],
        |r| r.id(0),
    )?;
    if known.is_none() {
        let id = insert_recovery(tx, None, &recovery)?;
        audit(tx, staff, "recovery opened", None, &format!("recovery {}; {source}", id.0))?;
        summary.mishaps += 1;
    }
    Ok(())
}
