//! The SQLite book: one file on one host, opened by every desk there. What is SQLite's own lives here — opening the
//! file privately, its pragmas and migrations, binding arguments and reading rows for `Sql`, the online backup and
//! the scrubbing after an erasure.

use std::fs;
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;
use std::time::Duration;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use super::sql::{Row, Sql, Value, args};
use super::{Result, StoreError, schema};

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy,
            Some(ErrorCode::NotADatabase) => Self::NotABook,
            Some(ErrorCode::ReadOnly) => Self::ReadOnly,
            Some(ErrorCode::DiskFull) => Self::DiskFull,
            _ => Self::Sqlite(error),
        }
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(value) => ToSqlOutput::Borrowed(ValueRef::Integer(*value)),
            Value::Real(value) => ToSqlOutput::Borrowed(ValueRef::Real(*value)),
            Value::Text(value) => ToSqlOutput::Borrowed(ValueRef::Text(value.as_bytes())),
        })
    }
}

impl Sql for Connection {
    fn run(&self, sql: &str, args: &[Value]) -> Result<usize> {
        Ok(self.prepare_cached(sql)?.execute(rusqlite::params_from_iter(args))?)
    }

    fn each(&self, sql: &str, args: &[Value], each: &mut dyn FnMut(&dyn Row) -> Result<()>) -> Result<()> {
        let mut stmt = self.prepare_cached(sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        while let Some(row) = rows.next()? {
            each(&SqliteRow(row))?;
        }
        Ok(())
    }
}

struct SqliteRow<'a>(&'a rusqlite::Row<'a>);

impl Row for SqliteRow<'_> {
    fn int(&self, column: usize) -> Result<Option<i64>> {
        match self.0.get_ref(column)? {
            ValueRef::Null => Ok(None),
            ValueRef::Integer(value) => Ok(Some(value)),
            other => Err(self.wrong_type(column, other, "a number")),
        }
    }

    fn real(&self, column: usize) -> Result<Option<f64>> {
        match self.0.get_ref(column)? {
            ValueRef::Null => Ok(None),
            ValueRef::Real(value) => Ok(Some(value)),
            // A whole amount may have been stored as an integer.
            ValueRef::Integer(value) => Ok(Some(value as f64)),
            other => Err(self.wrong_type(column, other, "an amount")),
        }
    }

    fn text(&self, column: usize) -> Result<Option<&str>> {
        match self.0.get_ref(column)? {
            ValueRef::Null => Ok(None),
            ValueRef::Text(bytes) => std::str::from_utf8(bytes)
                .map(Some)
                .map_err(|_| (self as &dyn Row).corrupt(column, "is not UTF-8 text")),
            other => Err(self.wrong_type(column, other, "text")),
        }
    }

    fn value(&self, column: usize) -> Result<Value> {
        Ok(match self.0.get_ref(column)? {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(value) => Value::Int(value),
            ValueRef::Real(value) => Value::Real(value),
            ValueRef::Text(_) => Value::Text(self.text(column)?.unwrap_or_default().to_owned()),
            other @ ValueRef::Blob(_) => return Err(self.wrong_type(column, other, "a value")),
        })
    }

    fn name(&self, column: usize) -> &str {
        self.0.as_ref().column_name(column).unwrap_or("a column")
    }
}

impl SqliteRow<'_> {
    fn wrong_type(&self, column: usize, value: ValueRef<'_>, belongs: &str) -> StoreError {
        let held = match value.data_type() {
            rusqlite::types::Type::Integer => "a number",
            rusqlite::types::Type::Real => "an amount",
            rusqlite::types::Type::Text => "text",
            rusqlite::types::Type::Blob => "bytes",
            rusqlite::types::Type::Null => "nothing",
        };
        (self as &dyn Row).corrupt(column, &format!("holds {held} where {belongs} belongs"))
    }
}

/// How much of the write-ahead log is kept on the disk between writes: about what a checkpoint leaves (1000 pages).
const WAL_KEPT_BYTES: i64 = 4 << 20;

/// Opens the book file at `path`, creating it (file 0600, missing folders 0700) and migrating its schema as needed.
/// A book whose schema is newer than this binary, or not what its migrations make, is refused before anything is
/// written.
pub(super) fn open(path: &Path, busy_timeout: Duration) -> Result<Connection> {
    let (mut conn, found) = connect(path, busy_timeout, true)?;
    super::schema_check::check(&conn, found)?;
    settle(&conn, path)?;
    migrate(&mut conn)?;
    // This connection's desk, for its audit rows (see `Store::set_desk`); none until told.
    conn.execute_batch("CREATE TEMP TABLE desk (name TEXT NOT NULL); INSERT INTO temp.desk VALUES ('');")?;
    Ok(conn)
}

/// The book file at `path` (made first when `create`), opened with SQLite's defences on and its side files private,
/// but its schema not yet looked at, and its version: for `open`, and for `regulars doctor` to look at the schema
/// and mend it.
pub(super) fn connect(path: &Path, busy_timeout: Duration, create: bool) -> Result<(Connection, i64)> {
    if path.is_dir() {
        return Err(StoreError::Directory(path.to_owned()));
    }
    let made = |path: &Path, make: fn(&Path) -> io::Result<()>| {
        make(path).map_err(|source| StoreError::Create { path: path.to_owned(), source })
    };
    if create {
        made(path, create_private)?;
    } else if fs::symlink_metadata(path).is_err() {
        return Err(StoreError::Missing(path.to_owned()));
    }
    // Made before SQLite opens them, so that a link or anything else planted in their place is refused.
    for side in ["-wal", "-shm"] {
        made(&beside(path, side), crate::files::create_private_side_file)?;
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
    )?;
    conn.busy_timeout(busy_timeout)?;
    conn.set_prepared_statement_cache_capacity(64);
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(StoreError::ReadOnly);
    }
    let supported = MIGRATIONS_LEN;
    let found = user_version(&conn)?;
    if found > supported {
        return Err(StoreError::NewerSchema { found, supported });
    }
    super::schema_check::defend(&conn)?;
    Ok((conn, found))
}

/// How the book is kept once its schema is known to be its own: the log, syncing, side files, foreign keys.
pub(super) fn settle(conn: &Connection, path: &Path) -> Result<()> {
    // WAL lets desks read while one writes; FULL makes a committed visit survive a power cut.
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // The WAL and its index stay beside the book when the last desk closes it, rather than being made anew by the
    // next one: on a full disk making them fails, and then not even a card could be read. Kept to a few megabytes.
    conn.file_control(Some(rusqlite::MAIN_DB), rusqlite::FileControl::PersistWal(&mut 1))?;
    conn.pragma_update(None, "journal_size_limit", WAL_KEPT_BYTES)?;
    // SQLite has opened the side files by now (the WAL mode above reads the log's index), giving them the book's mode.
    let book = fs::metadata(path).map_err(|source| StoreError::Create { path: path.to_owned(), source })?;
    for side in ["-wal", "-shm"] {
        let side = beside(path, side);
        crate::files::restrict_side_file(&side, &book).map_err(|source| StoreError::Create { path: side, source })?;
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

/// Runs `change` in one `BEGIN IMMEDIATE` transaction: it waits (up to the busy timeout) for another desk's write
/// to finish, never fails half-way through on a lock.
pub(super) fn write<T>(conn: &mut Connection, mut change: impl FnMut(&dyn Sql) -> Result<T>) -> Result<T> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let done = change(&*tx)?;
    tx.commit()?;
    Ok(done)
}

/// Runs `look` on one snapshot of the book: what it reads is as of one moment, however desks write meanwhile.
pub(super) fn read<T>(conn: &mut Connection, look: impl FnOnce(&dyn Sql) -> Result<T>) -> Result<T> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
    let done = look(&*tx)?;
    tx.commit()?;
    Ok(done)
}

/// The last id each table with an id counter handed out (`sqlite_sequence`): ids are never reused, so a copy of
/// the book must not hand them out again either.
pub(super) fn id_counters(sql: &dyn Sql) -> Result<Vec<(String, i64)>> {
    sql.rows("SELECT name, seq FROM sqlite_sequence ORDER BY name", &[], |row| Ok((row.string(0)?, row.id(1)?)))
}

/// Raises `table`'s id counter to `last` (never lowers it), for a table that has a counter (`AUTOINCREMENT`): the
/// others hand out the id after the highest they hold, and never delete rows.
pub(super) fn raise_id_counter(sql: &dyn Sql, table: &str, last: i64) -> Result<()> {
    let counted =
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1 AND sql LIKE '%AUTOINCREMENT%'";
    if last == 0 || sql.number(counted, args![table])? == 0 {
        return Ok(());
    }
    let raised = sql.run("UPDATE sqlite_sequence SET seq = max(seq, ?2) WHERE name = ?1", args![table, last])?;
    if raised == 0 {
        sql.run("INSERT INTO sqlite_sequence (name, seq) VALUES (?1, ?2)", args![table, last])?;
    }
    Ok(())
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

/// A number that changes whenever another connection commits to the book (`PRAGMA data_version`).
pub(super) fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "data_version", |row| row.get(0))?)
}

/// Copies the whole book to `to` with SQLite's online backup, consistent even while desks write: into a new file
/// made private (0600) under a temporary name beside it, then linked into place only if nothing is there — not even
/// a link planted to point elsewhere. A copy that failed part way (a full disk) leaves nothing, so the retry works.
pub(super) fn backup(conn: &Connection, to: &Path) -> Result<()> {
    let folder = match to.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let exists_already =
        || StoreError::Invalid(crate::domain::ValidationError::new("backup", crate::domain::Problem::Exists));
    // Anything there, a link to nowhere included: checked first to spare the copy, and again as it is linked in.
    if fs::symlink_metadata(to).is_ok() {
        return Err(exists_already());
    }
    let failed = |source| StoreError::Create { path: to.to_owned(), source };
    let temporary =
        tempfile::Builder::new().prefix(".regulars-").suffix(".part").tempfile_in(folder).map_err(failed)?;
    let temporary = temporary.into_temp_path();
    let copied = (|| -> Result<()> {
        let mut target = Connection::open(&temporary)?;
        rusqlite::backup::Backup::new(conn, &mut target)?.run_to_completion(256, Duration::from_millis(5), None)?;
        target.close().map_err(|(_, error)| error)?;
        Ok(())
    })();
    if let Err(error) = copied {
        remove_book_files(&temporary);
        return Err(error);
    }
    match temporary.persist_noclobber(to) {
        Ok(()) => Ok(()),
        Err(error) if error.error.kind() == io::ErrorKind::AlreadyExists => Err(exists_already()),
        Err(error) => Err(failed(error.error)),
    }
}

/// Removes a book file made for a copy or a backup that failed, with the files SQLite keeps beside it.
pub fn remove_book_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = fs::remove_file(beside(path, suffix));
    }
}

/// The file named as `path` with `suffix` added: where SQLite keeps a book's side files.
fn beside(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// Before an erasure: deleted content is to be overwritten, not merely unlinked.
pub(super) fn before_erasure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "secure_delete", true)?;
    Ok(())
}

/// After an erasure: the book is rewritten without free pages and the write-ahead log emptied, so that nothing of
/// what was erased is left in the files.
pub(super) fn after_erasure(conn: &Connection) -> Result<()> {
    conn.execute_batch("VACUUM")?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// Creates an empty book file readable by its owner only, in folders only its owner can enter.
pub(super) fn create_private(path: &Path) -> io::Result<()> {
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
