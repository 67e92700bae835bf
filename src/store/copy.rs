//! Moving a whole book to another — a file to a server and back — exactly: every row of every table with its id,
//! version and times, the audit log as it is, and the id counters, so that ids are never handed out again. The
//! source is read as one snapshot; the target is written in one transaction, so a copy is all there or not at all.

use super::sql::{Sql, Value};
use super::unreadable::Reading;
use super::{Db, Result, Store, StoreError, postgres, sqlite};

/// Every table of the book and its columns, parents before children. Both backends have the same tables and
/// columns (see `schema_pg`).
const TABLES: &[(&str, &[&str])] = &[
    (
        "guests",
        &[
            "id",
            "search_mask",
            "name",
            "greeting",
            "phone",
            "email",
            "birthday",
            "tags",
            "allergies",
            "preferences",
            "notes",
            "notes_by",
            "notes_at",
            "name_key",
            "greeting_key",
            "visit_count",
            "last_visit_at",
            "version",
            "created_at",
            "updated_at",
            "spelling_keys",
            "other_names",
            "repeat_mask",
            "spelling_starts",
            "origin",
        ],
    ),
    ("visits", &["id", "guest_id", "at", "seat", "items", "party_size", "staff", "note"]),
    (
        "recoveries",
        &["id", "guest_id", "opened_at", "category", "what_happened", "action_taken", "cost", "resolved_at", "staff"],
    ),
    ("follow_ups", &["recovery_id", "position", "task", "done", "owner", "due_at", "done_at", "done_by"]),
    (
        "heads_ups",
        &[
            "id",
            "guest_id",
            "from_station",
            "to_station",
            "note",
            "sent_at",
            "sent_by",
            "taken_at",
            "taken_by",
            "taken_station",
        ],
    ),
    ("stations", &["name", "first_seen", "last_seen"]),
    ("outreach_contacts", &["id", "guest_id", "reason", "occasion", "written_at", "staff"]),
    (
        "arrivals",
        &[
            "id",
            "day",
            "time",
            "name",
            "phone",
            "email",
            "party",
            "place",
            "note",
            "guest_id",
            "candidates",
            "status",
            "visit_id",
            "identity",
            "added_at",
            "added_by",
        ],
    ),
    ("drill_cards", &["staff", "guest_id", "level", "due_at"]),
    ("categories", &["name", "owner", "goal", "goal_per", "set_at", "set_by"]),
    ("category_notes", &["id", "category", "at", "staff", "note"]),
    ("book_settings", &["key", "value"]),
    ("audit_log", &["id", "at", "staff", "action", "guest_id", "detail", "desk"]),
];

/// The settings a book writes for itself when it is opened (see `Store::refresh_search_keys`): the target's are
/// replaced by the source's rather than counted as the target's own content.
const OWN_SETTINGS: &str = "book_settings";

/// How many rows go in one statement: few round trips to a server, well under either backend's limit on arguments.
const ROWS_PER_INSERT: usize = 256;

/// What a copy moved: each table and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub tables: Vec<(&'static str, usize)>,
}

impl Copied {
    /// How many rows `table` had.
    pub fn rows(&self, table: &str) -> usize {
        self.tables.iter().find(|(name, _)| *name == table).map_or(0, |(_, rows)| *rows)
    }
}

impl Store {
    /// Copies this whole book into `target`, which must hold nothing yet (a new book): all of it, or nothing.
    pub fn copy_to(&mut self, target: &mut Store) -> Result<Copied> {
        let source_is_sqlite = matches!(self.db, Db::Sqlite(_));
        let target_is_sqlite = matches!(target.db, Db::Sqlite(_));
        let look = |source: &dyn Sql, _: Reading<'_>| {
            let counters = match source_is_sqlite {
                true => sqlite::id_counters(source)?,
                false => postgres::id_counters(source)?,
            };
            target.write(|into| {
                refuse_unless_empty(into)?;
                into.run(&format!("DELETE FROM {OWN_SETTINGS}"), &[])?;
                let mut tables = Vec::new();
                for (table, columns) in TABLES {
                    tables.push((*table, copy_table(source, into, table, columns)?));
                    if *table == "guests" {
                        // The visits' triggers count each visit as it comes in, so the guests' figures start at
                        // none; they come out as the source's, which its triggers kept the same way.
                        into.run("UPDATE guests SET visit_count = 0, last_visit_at = NULL", &[])?;
                    }
                }
                for (table, _) in TABLES {
                    let last = counters.iter().find(|(name, _)| name == table).map_or(0, |(_, last)| *last);
                    match target_is_sqlite {
                        true => sqlite::raise_id_counter(into, table, last)?,
                        false if postgres::COUNTED.contains(table) => postgres::raise_id_counter(into, table, last)?,
                        false => {}
                    }
                }
                Ok(Copied { tables })
            })
        };
        self.snapshot(look)
    }
}

/// Refuses a target that holds anything of its own: a copy never mixes two books.
fn refuse_unless_empty(into: &dyn Sql) -> Result<()> {
    for (table, _) in TABLES.iter().filter(|(table, _)| *table != OWN_SETTINGS) {
        if into.number(&format!("SELECT count(*) FROM {table}"), &[])? > 0 {
            return Err(StoreError::Invalid(crate::domain::ValidationError::new(
                "copy",
                crate::domain::Problem::NotEmpty(table.to_string()),
            )));
        }
    }
    Ok(())
}

/// Every row of `table`, in key order, into the same table of `into`; returns how many.
fn copy_table(source: &dyn Sql, into: &dyn Sql, table: &str, columns: &[&str]) -> Result<usize> {
    let list = columns.join(", ");
    let mut batch: Vec<Value> = Vec::with_capacity(ROWS_PER_INSERT * columns.len());
    let mut copied = 0;
    source.each(&format!("SELECT {list} FROM {table} ORDER BY {}", columns[0]), &[], &mut |row| {
        for column in 0..columns.len() {
            batch.push(row.value(column)?);
        }
        copied += 1;
        if batch.len() == ROWS_PER_INSERT * columns.len() {
            insert(into, table, &list, columns.len(), &batch)?;
            batch.clear();
        }
        Ok(())
    })?;
    if !batch.is_empty() {
        insert(into, table, &list, columns.len(), &batch)?;
    }
    Ok(copied)
}

/// One statement inserting the rows of `values` (`width` to a row), every value bound.
fn insert(into: &dyn Sql, table: &str, list: &str, width: usize, values: &[Value]) -> Result<()> {
    let rows: Vec<String> = (0..values.len() / width)
        .map(|row| {
            let marks: Vec<String> = (1..=width).map(|column| format!("?{}", row * width + column)).collect();
            format!("({})", marks.join(", "))
        })
        .collect();
    into.run(&format!("INSERT INTO {table} ({list}) VALUES {}", rows.join(", ")), values)?;
    Ok(())
}
