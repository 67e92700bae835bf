//! The only place with SQL: opening the guest book, migrating its schema, reading and writing it.
//!
//! Every write is one `BEGIN IMMEDIATE` transaction that also appends to the audit log, so a change and its record
//! land together or not at all.

mod desks;
mod read;
mod schema;
mod write;

use std::fs;
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};
use thiserror::Error;

use crate::domain::ValidationError;

pub use read::{AuditEntry, Duplicate};
pub use write::{ClashReport, Edited, ImportSummary, Merged};

/// How long a write waits for another desk's transaction before giving up, unless configured otherwise.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What can go wrong with the guest book, in terms a user can act on.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{0} is a directory, not a guest book file")]
    Directory(PathBuf),
    #[error("cannot create the guest book at {path}: {source}")]
    Create { path: PathBuf, source: io::Error },
    #[error("the file is not a guest book (not a SQLite database)")]
    NotABook,
    #[error(
        "the guest book was written by a newer regulars (schema {found}; this one knows up to {supported}); nothing was changed"
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error("the guest book is read-only; check the file's permissions")]
    ReadOnly,
    #[error("the guest book is busy: another desk kept it locked past the busy timeout; nothing was saved")]
    Busy,
    #[error("the guest book holds a value this version cannot read: {0}")]
    Corrupt(String),
    #[error("no desk has opened the guest book as station {name:?}{}", known_stations(.known))]
    UnknownStation { name: String, known: Vec<String> },
    #[error("{0} is not in the guest book")]
    NotFound(String),
    #[error("another desk changed this guest meanwhile; nothing was saved")]
    Changed,
    #[error("another desk changed {} of this guest meanwhile; nothing was saved", .0.reconciled.clashes.iter().map(|c| c.field).collect::<Vec<_>>().join(", "))]
    Clash(Box<ClashReport>),
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("record {}: {error}", index + 1)]
    InvalidRecord { index: usize, error: ValidationError },
    #[error("guest book error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy,
            Some(ErrorCode::NotADatabase) => Self::NotABook,
            Some(ErrorCode::ReadOnly) => Self::ReadOnly,
            _ => Self::Sqlite(error),
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(error: serde_json::Error) -> Self {
        Self::Corrupt(error.to_string())
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// "; the stations are lobby, restaurant", for the unknown-station error.
fn known_stations(known: &[String]) -> String {
    if known.is_empty() {
        "; no desk has named its station yet".to_owned()
    } else {
        format!("; the stations are {}", known.join(", "))
    }
}

/// An open guest book.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    busy_timeout: Duration,
}

impl Store {
    /// Opens the guest book at `path`, creating it (file 0600, missing folders 0700) and migrating its schema as
    /// needed. A book whose schema is newer than this binary is refused before anything is written.
    pub fn open(path: &Path, busy_timeout: Duration) -> Result<Self> {
        if path.is_dir() {
            return Err(StoreError::Directory(path.to_owned()));
        }
        create_private(path).map_err(|source| StoreError::Create { path: path.to_owned(), source })?;
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
        )?;
        conn.busy_timeout(busy_timeout)?;
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StoreError::ReadOnly);
        }
        let supported = MIGRATIONS_LEN;
        let found = user_version(&conn)?;
        if found > supported {
            return Err(StoreError::NewerSchema { found, supported });
        }
        // WAL lets desks read while one writes; FULL makes a committed visit survive a power cut.
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        migrate(&mut conn)?;
        refresh_search_keys(&mut conn)?;
        // This connection's desk, for its audit rows (see `set_desk`); none until told.
        conn.execute_batch("CREATE TEMP TABLE desk (name TEXT NOT NULL); INSERT INTO temp.desk VALUES ('');")?;
        Ok(Self { conn, path: path.to_owned(), busy_timeout })
    }

    /// Whether people other than the owner can read the book file: guest data is personal data.
    pub fn readable_by_others(&self) -> bool {
        fs::metadata(&self.path).is_ok_and(|m| std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o077 != 0)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Names the desk session this connection writes for: its audit rows carry the name, so the desk's watcher can
    /// pass over its own writes and refresh only what other desks changed.
    pub fn set_desk(&mut self, desk: &str) -> Result<()> {
        self.conn.execute("UPDATE temp.desk SET name = ?1", [desk])?;
        Ok(())
    }

    /// A second connection to the same book, for another thread.
    pub fn reopen(&self) -> Result<Self> {
        Self::open(&self.path, self.busy_timeout)
    }

    fn write(&mut self) -> Result<rusqlite::Transaction<'_>> {
        Ok(self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
    }
}

const MIGRATIONS_LEN: i64 = schema::MIGRATIONS.len() as i64;

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

fn migrate(conn: &mut Connection) -> Result<()> {
    if user_version(conn)? == MIGRATIONS_LEN {
        return Ok(());
    }
    // Tables are rebuilt by some migrations: with foreign keys on, dropping the old table would cascade to its
    // children. The pragma only takes effect outside a transaction; the keys are checked before the commit instead.
    conn.pragma_update(None, "foreign_keys", false)?;
    let migrated = apply_migrations(conn);
    conn.pragma_update(None, "foreign_keys", true)?;
    migrated
}

fn apply_migrations(conn: &mut Connection) -> Result<()> {
    // Re-read inside the write lock: another desk may have migrated while this one waited.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let applied = user_version(&tx)?;
    for sql in schema::MIGRATIONS.iter().skip(usize::try_from(applied).unwrap_or(usize::MAX)) {
        tx.execute_batch(sql)?;
    }
    let broken: Option<String> = tx.query_row("PRAGMA foreign_key_check", [], |row| row.get(0)).optional()?;
    if let Some(table) = broken {
        return Err(StoreError::Corrupt(format!("a row of {table} refers to one that is not there")));
    }
    tx.pragma_update(None, "user_version", MIGRATIONS_LEN)?;
    tx.commit()?;
    Ok(())
}

/// Computes every guest's search keys again when the book's were computed by other rules (an older version of
/// regulars), in one transaction, and records the version: opening the book costs this once.
fn refresh_search_keys(conn: &mut Connection) -> Result<()> {
    let stored = |conn: &Connection| -> Result<Option<String>> {
        Ok(conn
            .query_row("SELECT value FROM book_settings WHERE key = 'search_keys'", [], |row| row.get(0))
            .optional()?)
    };
    if stored(conn)?.as_deref() == Some(crate::search::KEYS_VERSION) {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if stored(&tx)?.as_deref() != Some(crate::search::KEYS_VERSION) {
        let mut read = tx.prepare("SELECT id, name, greeting, email FROM guests")?;
        let guests: Vec<(i64, String, String, String)> = read
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        drop(read);
        let mut write =
            tx.prepare("UPDATE guests SET name_key = ?2, greeting_key = ?3, search_mask = ?4 WHERE id = ?1")?;
        for (id, name, greeting, email) in guests {
            let keys = crate::search::SearchKeys::of(&name, &greeting, &email);
            write.execute(rusqlite::params![id, keys.name, keys.greeting, keys.mask])?;
        }
        drop(write);
        tx.execute(
            "INSERT INTO book_settings (key, value) VALUES ('search_keys', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [crate::search::KEYS_VERSION],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Creates an empty book file readable by its owner only, in folders only its owner can enter; SQLite gives the
/// -wal and -shm files the book's own permissions.
fn create_private(path: &Path) -> io::Result<()> {
    if path.exists() {
        return Ok(());
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        fs::DirBuilder::new().recursive(true).mode(0o700).create(parent)?;
    }
    match fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        other => other.map(drop),
    }
}

fn to_millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

fn from_millis(millis: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp_millis(millis).ok_or_else(|| StoreError::Corrupt(format!("time {millis} out of range")))
}
