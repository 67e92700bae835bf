//! A book file can come from anywhere — a shared folder, a colleague's copy — and SQLite runs what its schema holds:
//! a trigger added to it would run on every write. So a file book's schema must be exactly what regulars' own
//! migrations make for its version, checked before anything is written; and SQLite's defences for files from
//! elsewhere are on (see `defend`).

use std::sync::OnceLock;

use rusqlite::Connection;
use rusqlite::config::DbConfig;

use super::{Result, StoreError, schema};
use crate::domain::text::quoted;

/// One thing a schema holds: its type (table, index, trigger, view), name, table, and the SQL that made it.
type Object = (String, String, String, Option<String>);

/// SQLite's defences for a file that may not be the app's own: no writing the schema by hand
/// (`SQLITE_DBCONFIG_DEFENSIVE`), no functions with side effects called from the schema (`trusted_schema = OFF`),
/// and every page's cells checked as they are read (`cell_size_check`).
pub(super) fn defend(conn: &Connection) -> Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.pragma_update(None, "cell_size_check", true)?;
    Ok(())
}

/// Refuses a book whose schema is not what the migrations up to `version` make: an object added (a trigger, a view,
/// a table, an index), or one of regulars' own changed or taken away, named in the error.
pub(super) fn check(conn: &Connection, version: i64) -> Result<()> {
    match differences(conn, version)?.first() {
        Some(difference) => Err(StoreError::Tampered(difference.to_string())),
        None => Ok(()),
    }
}

/// How the schema differs from what the migrations up to `version` make, one object at a time: what was added first
/// (the likeliest harm), then what of regulars' own was changed or taken away.
pub(super) fn differences(conn: &Connection, version: i64) -> Result<Vec<Difference>> {
    let found = objects(conn)?;
    let expected = expected(version)?;
    let known = |name: &str| expected.iter().any(|e| e.1 == name);
    let mut differences: Vec<Difference> = found
        .iter()
        // An added table's own index (for its key: no SQL) goes with it.
        .filter(|object| !known(&object.1) && (object.3.is_some() || known(&object.2)))
        .map(|object| Difference { change: Change::Added, kind: object.0.clone(), name: object.1.clone(), made: None })
        .collect();
    for object in expected.iter().filter(|object| !found.contains(object)) {
        let change = if found.iter().any(|f| f.1 == object.1) { Change::Changed } else { Change::Removed };
        differences.push(Difference { change, kind: object.0.clone(), name: object.1.clone(), made: object.3.clone() });
    }
    Ok(differences)
}

/// One way a book's schema is not what regulars made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub change: Change,
    /// "table", "index", "trigger" or "view", as SQLite names them.
    pub kind: String,
    pub name: String,
    /// The SQL regulars makes the object with, for one of its own.
    pub(super) made: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Added,
    Changed,
    Removed,
}

impl Difference {
    /// Whether `regulars doctor` can set it right in place: anything added can be dropped, and an index, trigger or
    /// view of regulars' own made again; a table of its own changed or gone is a book to restore from a backup.
    pub fn mendable(&self) -> bool {
        match self.change {
            Change::Added => matches!(self.kind.as_str(), "table" | "index" | "trigger" | "view"),
            Change::Changed | Change::Removed => {
                self.made.is_some() && matches!(self.kind.as_str(), "index" | "trigger" | "view")
            }
        }
    }
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, name) = (&self.kind, quoted(&self.name));
        match self.change {
            Change::Added => {
                let article = if kind == "index" { "an" } else { "a" };
                write!(f, "{article} {kind} {name} was added")
            }
            Change::Changed => write!(f, "the {kind} {name} is not as regulars made it"),
            Change::Removed => write!(f, "the {kind} {name} was taken away"),
        }
    }
}

/// What the schema holds, by name. SQLite's own statistics (`ANALYZE`) change no behaviour and are left out.
fn objects(conn: &Connection) -> Result<Vec<Object>> {
    let mut statement = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name",
    )?;
    let rows = statement.query_map([], |row| {
        let sql: Option<String> = row.get(3)?;
        Ok((row.get(0)?, row.get(1)?, row.get(2)?, sql.as_deref().map(spaced)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// SQL as written, without its comments and with each run of white space one space: SQLite keeps a statement's text
/// as it was given, and a book made years ago from the same migration may have been given it laid out otherwise.
fn spaced(sql: &str) -> String {
    let uncommented: Vec<&str> = sql.lines().map(|line| line.split_once("--").map_or(line, |(code, _)| code)).collect();
    uncommented.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The schema the migrations up to `version` make, made in memory: once for the current version, which nearly every
/// book has, and afresh for an older one about to be migrated.
fn expected(version: i64) -> Result<Vec<Object>> {
    static CURRENT: OnceLock<Vec<Object>> = OnceLock::new();
    let current = schema::MIGRATIONS.len();
    let version = usize::try_from(version).unwrap_or(usize::MAX).min(current);
    if version == current
        && let Some(made) = CURRENT.get()
    {
        return Ok(made.clone());
    }
    let conn = Connection::open_in_memory()?;
    for sql in &schema::MIGRATIONS[..version] {
        conn.execute_batch(sql)?;
    }
    let made = objects(&conn)?;
    if version == current {
        let _ = CURRENT.set(made.clone());
    }
    Ok(made)
}

#[cfg(test)]
mod tests {
    use super::super::{DEFAULT_BUSY_TIMEOUT, Db, Store};

    #[test]
    fn a_desk_cannot_write_the_schema_by_hand_nor_trust_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("book.db"), DEFAULT_BUSY_TIMEOUT).unwrap();
        let Db::Sqlite(conn) = &store.db else { unreachable!("a file book") };
        conn.pragma_update(None, "writable_schema", true).unwrap();
        let written =
            conn.execute("UPDATE sqlite_schema SET sql = 'CREATE TABLE visits (x)' WHERE name = 'visits'", []);
        assert!(written.is_err(), "SQLITE_DBCONFIG_DEFENSIVE forbids writing the schema: {written:?}");
        let trusted: bool = conn.pragma_query_value(None, "trusted_schema", |row| row.get(0)).unwrap();
        let checked: bool = conn.pragma_query_value(None, "cell_size_check", |row| row.get(0)).unwrap();
        assert_eq!((trusted, checked), (false, true));
    }
}
