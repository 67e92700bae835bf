//! The only place with SQL: opening the guest book, migrating its schema, reading and writing it.
//!
//! Every write is one `BEGIN IMMEDIATE` transaction that also appends to the audit log, so a change and its record
//! land together or not at all.

mod arrivals;
mod categories;
mod copy;
mod desks;
mod doctor;
mod history;
mod import;
#[cfg(test)]
mod plans;
mod postgres;
mod promises;
mod read;
mod returns;
mod schema;
mod schema_check;
mod schema_pg;
mod schema_pg_check;
mod search;
mod sql;
mod sqlite;
mod tls;
mod unreadable;
mod write;

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use thiserror::Error;

use crate::domain::ValidationError;
use sql::{Sql, args};
use unreadable::Reading;

pub use arrivals::{ArrivalsAdded, Deck, DrillCard};
pub use copy::Copied;
pub use import::ImportSummary;
pub use read::{AuditEntry, Duplicate};
pub use schema_check::{Change, Difference};
pub use sqlite::remove_book_files;
pub use unreadable::{Kind, Unreadable, Unreadables};
pub use write::{ClashReport, Edited, Merged};

/// How long a write waits for another desk's transaction before giving up, unless configured otherwise.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What can go wrong with the guest book, in terms a user can act on.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{0} is a directory, not a guest book file")]
    Directory(PathBuf),
    #[error("cannot create the guest book at {path}: {source}")]
    Create { path: PathBuf, source: io::Error },
    #[error("there is no guest book at {}", crate::domain::text::inert(&.0.display().to_string()))]
    Missing(PathBuf),
    #[error("the file is not a guest book (not a SQLite database)")]
    NotABook,
    #[error(
        "the guest book was written by a newer regulars (schema {found}; this one knows up to {supported}); nothing was changed"
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error(
        "the guest book's schema was changed outside regulars: {0}; it was not opened and nothing was written (regulars doctor says what else differs)"
    )]
    Tampered(String),
    #[error("the guest book is read-only; check the file's permissions")]
    ReadOnly,
    #[error("the disk is full")]
    DiskFull,
    #[error("the guest book is busy: another desk kept it locked past the busy timeout; nothing was saved")]
    Busy,
    #[error("the guest book holds a value this version cannot read: {0}")]
    Corrupt(String),
    #[error("{0} cannot be read; regulars doctor lists every row that cannot")]
    Unreadable(Box<Unreadable>),
    #[error("no desk has opened the guest book as station {}{}", crate::domain::text::quoted(.name), known_stations(.known))]
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
    #[error("guest book server error: {0}")]
    Postgres(String),
    #[error("the guest book server cannot be reached: {0}")]
    Unreachable(String),
    #[error("the guest book server was refused: TLS says {0} (see sslmode and sslrootcert)")]
    Tls(String),
    /// The write was committed, but the connection dropped before the server could say so; tried again on a new
    /// connection, the server knew it. What it returned is lost with the answer.
    #[error("it was saved, though the connection dropped as the server confirmed it")]
    AlreadySaved,
    /// A list being imported gave an error of its own, handed back to the caller as it was: never shown.
    #[error("the list being imported stopped; nothing was imported")]
    Stopped,
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

/// Where a guest book is: a file on this host (SQLite), or a database on a PostgreSQL server.
#[derive(Clone)]
pub enum Location {
    File(PathBuf),
    /// A PostgreSQL connection string (a `postgresql://` URL or `key=value` pairs), and the TLS it asks for. It
    /// may hold a password, so it is never printed: `Display` shows the server and database only.
    Server(Box<(::postgres::Config, tls::Tls)>),
}

impl Location {
    /// A `postgresql://` or `postgres://` URL, or `key=value` pairs naming a `host`, `dbname` or `service`, is a
    /// database on a server; anything else is a file path. As libpq does, what the text leaves out comes from the
    /// service file (`PGSERVICE`, `~/.pg_service.conf`), the environment (`PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`,
    /// `PGPASSWORD`) and the password file (`PGPASSFILE`, `~/.pgpass`), so that no password need be typed.
    /// TLS is as libpq's `sslmode` and `sslrootcert` (or `PGSSLMODE`, `PGSSLROOTCERT`) say: see `tls`.
    pub fn parse(text: &str) -> Result<Self> {
        // A file's path may hold "host=" too; a connection string starts with a name libpq knows.
        let first = text.split_whitespace().next().unwrap_or_default();
        let server = text.starts_with("postgresql://")
            || text.starts_with("postgres://")
            || ["host=", "hostaddr=", "dbname=", "service=", "user=", "port="].iter().any(|key| first.starts_with(key));
        if !server {
            return Ok(Self::File(PathBuf::from(text)));
        }
        let invalid =
            |why: String| StoreError::Invalid(ValidationError::new("book", crate::domain::Problem::Said(why)));
        let (rest, tls) = tls::split(text)?;
        let mut config: ::postgres::Config =
            pg_client_config::load_config(Some(&rest)).map_err(|e| invalid(e.to_string()))?.into();
        if config.get_password().is_none()
            && let Ok(password) = std::env::var("PGPASSWORD")
        {
            config.password(password);
        }
        Ok(Self::Server(Box::new((config, tls))))
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::File(path) => write!(f, "{}", path.display()),
            Self::Server(server) => {
                let config = &server.0;
                let database = config.get_dbname().unwrap_or("the default database");
                let hosts: Vec<String> = config
                    .get_hosts()
                    .iter()
                    .map(|host| match host {
                        ::postgres::config::Host::Tcp(name) => name.clone(),
                        ::postgres::config::Host::Unix(path) => path.display().to_string(),
                    })
                    .collect();
                write!(f, "PostgreSQL database {database} on {}", hosts.join(", "))
            }
        }
    }
}

enum Db {
    Sqlite(Connection),
    Postgres(Box<postgres::Connection>),
}

/// An open guest book.
pub struct Store {
    db: Db,
    location: Location,
    busy_timeout: Duration,
    noticed: unreadable::Noticed,
}

impl Store {
    /// Opens the guest book at `path`, creating it (file 0600, missing folders 0700) and migrating its schema as
    /// needed. A book whose schema is newer than this binary is refused before anything is written.
    pub fn open(path: &Path, busy_timeout: Duration) -> Result<Self> {
        Self::open_at(&Location::File(path.to_owned()), busy_timeout)
    }

    /// Opens the guest book wherever it is: a file, or a database on a server (created in it on first use).
    pub fn open_at(location: &Location, busy_timeout: Duration) -> Result<Self> {
        let db = match location {
            Location::File(path) => Db::Sqlite(sqlite::open(path, busy_timeout)?),
            Location::Server(server) => {
                Db::Postgres(Box::new(postgres::Connection::open(&server.0, &server.1, busy_timeout)?))
            }
        };
        let mut store = Self { db, location: location.clone(), busy_timeout, noticed: unreadable::Noticed::default() };
        store.refresh_search_keys()?;
        Ok(store)
    }

    /// How the book file is exposed to other users (readable by them, in a folder any user can write): guest data
    /// is personal data. (A server's book is guarded by the server's roles instead.)
    pub fn exposure(&self) -> Vec<crate::files::Exposure> {
        match &self.location {
            Location::File(path) => crate::files::exposure(path),
            Location::Server(_) => Vec::new(),
        }
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The book's file, for a book that is one.
    pub fn path(&self) -> Option<&Path> {
        match &self.location {
            Location::File(path) => Some(path),
            Location::Server(_) => None,
        }
    }

    /// Names the desk session this connection writes for: its audit rows carry the name, so the desk's watcher can
    /// pass over its own writes and refresh only what other desks changed.
    pub fn set_desk(&mut self, desk: &str) -> Result<()> {
        self.sql().run("UPDATE desk SET name = ?1", args![desk])?;
        if let Db::Postgres(conn) = &self.db {
            conn.remember_desk(desk);
        }
        Ok(())
    }

    /// A second connection to the same book, for another thread.
    pub fn reopen(&self) -> Result<Self> {
        Self::open_at(&self.location, self.busy_timeout)
    }

    /// The SQLite connection, for what only a file book does.
    fn file(&self) -> Option<&Connection> {
        match &self.db {
            Db::Sqlite(conn) => Some(conn),
            Db::Postgres(_) => None,
        }
    }

    /// The rows this connection's reads have passed over as unreadable since this was last asked (each once): for
    /// whoever shows the reads' results to say that something was left out.
    pub fn unreadable(&self) -> Unreadables {
        self.noticed.take()
    }

    /// Rows another connection to the same book passed over, to be said with this one's.
    pub fn note_unreadable(&self, rows: Unreadables) {
        self.noticed.note_all(rows);
    }

    /// The book, for reading.
    fn sql(&self) -> &dyn Sql {
        match &self.db {
            Db::Sqlite(conn) => conn,
            Db::Postgres(conn) => &**conn,
        }
    }

    /// How a read for showing meets an unreadable row: passes over it, noting it for `unreadable`.
    fn past(&self) -> Reading<'_> {
        Reading::Past(&self.noticed)
    }

    /// Runs `look` on one snapshot of the book: what it reads is as of one moment, however desks write meanwhile.
    /// It reads for showing (see `past`).
    fn snapshot<T>(&mut self, look: impl FnOnce(&dyn Sql, Reading<'_>) -> Result<T>) -> Result<T> {
        let reading = Reading::Past(&self.noticed);
        match &mut self.db {
            Db::Sqlite(conn) => sqlite::read(conn, |sql| look(sql, reading)),
            Db::Postgres(conn) => conn.read(|sql| look(sql, reading)),
        }
    }

    /// Runs `change` as one transaction: all of it is saved, or none.
    fn write<T>(&mut self, change: impl FnMut(&dyn Sql) -> Result<T>) -> Result<T> {
        match &mut self.db {
            Db::Sqlite(conn) => sqlite::write(conn, change),
            Db::Postgres(conn) => conn.write(self.busy_timeout, change),
        }
    }

    /// Computes every guest's search keys again when the book's were computed by other rules (an older version of
    /// regulars), in one transaction, and records the version: opening the book costs this once.
    fn refresh_search_keys(&mut self) -> Result<()> {
        const STORED: &str = "SELECT value FROM book_settings WHERE key = 'search_keys'";
        let current = |sql: &dyn Sql| -> Result<bool> {
            Ok(sql.one(STORED, &[], |row| row.string(0))?.as_deref() == Some(crate::search::KEYS_VERSION))
        };
        if current(self.sql())? {
            return Ok(());
        }
        // A guest who cannot be read keeps the keys they had, and is noted: the book opens all the same.
        let noticed = std::mem::take(&mut self.noticed);
        let refreshed = self.write(|tx| {
            // Re-read inside the transaction: another desk may have done it meanwhile.
            if current(tx)? {
                return Ok(());
            }
            let all = "SELECT id, name, greeting, email, other_names FROM guests";
            let guests = tx.rows_of(Reading::Past(&noticed), unreadable::Kind::Guest, all, &[], |r| {
                Ok((r.id(0)?, r.string(1)?, r.string(2)?, r.string(3)?, r.list(4)?))
            })?;
            for (id, name, greeting, email, other_names) in guests {
                let keys = crate::search::SearchKeys::of(&name, &greeting, &email, &other_names);
                tx.run(
                    "UPDATE guests SET name_key = ?2, greeting_key = ?3, search_mask = ?4, spelling_keys = ?5,
                                       repeat_mask = ?6, spelling_starts = ?7
                     WHERE id = ?1",
                    args![id, keys.name, keys.greeting, keys.mask, keys.spellings, keys.repeated, keys.spelling_starts],
                )?;
            }
            tx.run(
                "INSERT INTO book_settings (key, value) VALUES ('search_keys', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                args![crate::search::KEYS_VERSION],
            )?;
            Ok(())
        });
        self.noticed = noticed;
        refreshed
    }
}

fn to_millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

fn from_millis(millis: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp_millis(millis).ok_or_else(|| StoreError::Corrupt(format!("time {millis} out of range")))
}
