//! What `regulars doctor` asks of a book: how its schema differs from regulars' own, setting a file's right (a copy
//! of the book kept first), and every row in it that cannot be read.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::TransactionBehavior;

use super::schema_check::{self, Change, Difference};
use super::{Location, Result, Store, StoreError, schema_pg, schema_pg_check, sqlite, tls};
use crate::domain::ValidationError;
use crate::search::Needs;

impl Store {
    /// How the schema of the book at `location` differs from what regulars' migrations make (nothing, for a sound
    /// book): looked at without opening the book for use, so that a tampered one can be told about.
    pub fn schema_differences(location: &Location, busy_timeout: Duration) -> Result<Vec<Difference>> {
        match location {
            Location::File(path) => {
                let (conn, version) = sqlite::connect(path, busy_timeout, false)?;
                schema_check::differences(&conn, version)
            }
            Location::Server(server) => {
                // Migrated first, as opening it does: the list describes the current schema.
                let mut client = tls::connect(&server.0, &server.1)?;
                schema_pg::migrate(&mut client)?;
                schema_pg_check::differences(&mut client)
            }
        }
    }

    /// Sets the schema of the book file at `path` right, in one transaction, after copying the book as it is to
    /// `copy` (a new file): drops what was added, makes regulars' own indexes, triggers and views again where they
    /// were changed or taken away. Returns what it set right; refuses, changing nothing, when any of it is a table
    /// of regulars' own (that book is one to restore from a backup).
    pub fn mend_schema(path: &Path, busy_timeout: Duration, copy: &Path) -> Result<Vec<Difference>> {
        let (mut conn, version) = sqlite::connect(path, busy_timeout, false)?;
        let mut differences = schema_check::differences(&conn, version)?;
        if differences.is_empty() {
            return Ok(differences);
        }
        if let Some(unmendable) = differences.iter().find(|difference| !difference.mendable()) {
            return Err(StoreError::Invalid(ValidationError::new(
                "doctor",
                crate::domain::Problem::Said(format!(
                    "{unmendable}, which cannot be set right in place; nothing was changed: restore the book from a backup"
                )),
            )));
        }
        sqlite::backup(&conn, copy)?;
        // What depends on a table (its triggers, views, indexes) goes before the table does.
        differences.sort_by_key(|difference| difference.kind == "table");
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for difference in &differences {
            let keyword = difference.kind.to_uppercase();
            let name = difference.name.replace('"', "\"\"");
            if difference.change != Change::Removed {
                tx.execute_batch(&format!("DROP {keyword} IF EXISTS \"{name}\""))?;
            }
            if let Some(made) = &difference.made {
                tx.execute_batch(made)?;
            }
        }
        // Visits logged while a trigger that counts them was missing or changed are counted again.
        if differences.iter().any(|d| d.kind == "trigger" && d.change != Change::Added) {
            tx.execute_batch(
                "UPDATE guests SET visit_count = (SELECT count(*) FROM visits v WHERE v.guest_id = guests.id),
                                   last_visit_at = (SELECT max(at) FROM visits v WHERE v.guest_id = guests.id)",
            )?;
        }
        schema_check::check(&tx, version)?;
        tx.commit()?;
        Ok(differences)
    }

    /// Every row of the book that cannot be read, found by reading the whole book as the screen and the commands
    /// do (each row once): what `regulars doctor` lists.
    pub fn find_unreadable(&mut self) -> Result<super::Unreadables> {
        let (first, last) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
        // Guests with their histories and the recoveries recorded for nobody...
        let Ok(_unattached) = self.export(|_, _| Ok::<(), std::convert::Infallible>(()))?;
        // ...what search reads of a guest besides...
        self.search_rows(i64::MIN..=i64::MAX, &Needs::any_guest(), |_| {})?;
        // ...and the rows no guest's history holds.
        self.heads_ups(first)?;
        self.audit_entries(None, first)?;
        self.changed_since(0, "")?;
        self.mishaps(first, last)?;
        self.stations()?;
        Ok(self.unreadable())
    }
}
