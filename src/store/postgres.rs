//! The PostgreSQL book: one server for a property or a chain, desks on any machine. What is PostgreSQL's own lives
//! here — connecting, its migrations under an advisory lock, binding arguments and reading rows for `Sql`, and
//! serializable transactions retried when the server says another desk's write got in the way.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::error::Error;
use std::time::{Duration, Instant};

use bytes::BytesMut;
use fallible_iterator::FallibleIterator;
use postgres::error::SqlState;
use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use postgres::{Client, Config, IsolationLevel, Statement};

use super::sql::{Row, Sql, Value, args};
use super::tls::{self, Tls};
use super::{Result, StoreError, schema_pg, schema_pg_check};

impl From<postgres::Error> for StoreError {
    fn from(error: postgres::Error) -> Self {
        match error.code() {
            Some(code) if *code == SqlState::READ_ONLY_SQL_TRANSACTION => Self::ReadOnly,
            Some(code)
                if *code == SqlState::T_R_SERIALIZATION_FAILURE
                    || *code == SqlState::T_R_DEADLOCK_DETECTED
                    || *code == SqlState::LOCK_NOT_AVAILABLE =>
            {
                Self::Busy
            }
            // The server is shutting down or restarting: as good as unreachable.
            Some(code)
                if *code == SqlState::ADMIN_SHUTDOWN
                    || *code == SqlState::CRASH_SHUTDOWN
                    || *code == SqlState::CANNOT_CONNECT_NOW =>
            {
                Self::Unreachable(error.as_db_error().map_or_else(|| error.to_string(), |db| db.message().to_owned()))
            }
            _ if let Some(refused) = tls::refusal(&error) => Self::Tls(refused),
            _ if error.as_db_error().is_none() && (error.is_closed() || error.source().is_some()) => {
                // Not the server's answer: the connection itself (refused, timed out, dropped).
                Self::Unreachable(error.source().map_or_else(|| error.to_string(), ToString::to_string))
            }
            _ => Self::Postgres(match error.as_db_error() {
                Some(db) => format!("{} ({})", db.message(), db.code().code()),
                None => error.to_string(),
            }),
        }
    }
}

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> std::result::Result<IsNull, Box<dyn Error + Sync + Send>> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(value) => match *ty {
                Type::INT8 => value.to_sql(ty, out),
                Type::INT4 => i32::try_from(*value)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*value)?.to_sql(ty, out),
                Type::BOOL => (*value != 0).to_sql(ty, out),
                Type::FLOAT8 => (*value as f64).to_sql(ty, out),
                _ => Err(format!("an integer cannot be stored as {ty}").into()),
            },
            Value::Real(value) => match *ty {
                Type::FLOAT4 => (*value as f32).to_sql(ty, out),
                _ => value.to_sql(ty, out),
            },
            Value::Text(value) => value.as_str().to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        // Each value converts itself to the type the server asks for, or says why it cannot.
        true
    }

    to_sql_checked!();
}

/// A connection to the server with the statements it has prepared, each once.
pub(super) struct Connection {
    client: RefCell<Client>,
    prepared: RefCell<HashMap<String, Statement>>,
    /// How many notices of other desks' writes this connection has heard, once it listens for them.
    heard: Cell<Option<i64>>,
    /// What a lost connection is made again from.
    config: Config,
    tls: Tls,
    busy_timeout: Duration,
    desk: RefCell<String>,
    /// A call failed because the connection went: the next connects again, even before the client has noticed.
    lost: Cell<bool>,
}

impl Connection {
    /// Connects with `config` and migrates the book's schema as needed; a book whose schema is newer than this
    /// binary is refused before anything is written.
    pub(super) fn open(config: &Config, tls: &Tls, busy_timeout: Duration) -> Result<Self> {
        let config = with_patience(config);
        let client = connect(&config, tls, busy_timeout, "", true)?;
        Ok(Self {
            client: RefCell::new(client),
            prepared: RefCell::new(HashMap::new()),
            heard: Cell::new(None),
            config,
            tls: tls.clone(),
            busy_timeout,
            desk: RefCell::new(String::new()),
            lost: Cell::new(false),
        })
    }

    /// Remembers the desk this connection writes for, to name it again on a new connection.
    pub(super) fn remember_desk(&self, desk: &str) {
        desk.clone_into(&mut self.desk.borrow_mut());
    }

    /// The connection, made again first if the last one was lost (the server restarted, the network dropped):
    /// the desk goes on by itself once the server is back. Nothing is retried here — a write that failed said so —
    /// and a watcher is told that writes may have come meanwhile, since the notices of them were lost.
    fn client(&self) -> Result<std::cell::RefMut<'_, Client>> {
        let mut client = self.client.try_borrow_mut().map_err(|_| nested())?;
        if client.is_closed() || self.lost.get() {
            // A connection made again after a drop is to the book checked when it was opened.
            *client = connect(&self.config, &self.tls, self.busy_timeout, &self.desk.borrow(), false)?;
            self.lost.set(false);
            self.prepared.borrow_mut().clear();
            if let Some(heard) = self.heard.get() {
                client.batch_execute("LISTEN regulars_writes")?;
                self.heard.set(Some(heard + 1));
            }
        }
        Ok(client)
    }

    /// Runs `change` in one serializable transaction: as if no other desk wrote meanwhile. When the server refuses
    /// it because another desk's write got in the way, it is run again from the start (nothing of the first try was
    /// saved), until `patience` runs out. When the connection drops, it is run once more on a new connection: the
    /// write's token, stored with it, makes that safe — if the first try was committed after all, the second finds
    /// its token and says so (`StoreError::AlreadySaved`) instead of saving it twice.
    pub(super) fn write<T>(&self, patience: Duration, mut change: impl FnMut(&dyn Sql) -> Result<T>) -> Result<T> {
        let started = Instant::now();
        let token = format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
        let mut connected_again = false;
        loop {
            match self.noting_loss(self.try_write(&token, &mut change)) {
                Err(StoreError::Busy) if started.elapsed() < patience => std::thread::sleep(Duration::from_millis(5)),
                Err(StoreError::Unreachable(_)) if !connected_again => connected_again = true,
                done => return done,
            }
        }
    }

    /// Passes `result` on, noting a lost connection so that the next call makes a new one.
    fn noting_loss<T>(&self, result: Result<T>) -> Result<T> {
        if matches!(result, Err(StoreError::Unreachable(_))) {
            self.lost.set(true);
        }
        result
    }

    fn try_write<T>(&self, token: &str, change: &mut impl FnMut(&dyn Sql) -> Result<T>) -> Result<T> {
        let mut client = self.client()?;
        let mut tx = client.build_transaction().isolation_level(IsolationLevel::Serializable).start()?;
        let now = chrono::Utc::now().timestamp_millis();
        match tx.execute("INSERT INTO write_tokens (token, at) VALUES ($1, $2)", &[&token, &now]) {
            Err(error) if error.code() == Some(&SqlState::UNIQUE_VIOLATION) => return Err(StoreError::AlreadySaved),
            done => done?,
        };
        // A write in a thousand clears the tokens of a day ago: a retry comes within seconds.
        if fastrand::u16(..1000) == 0 {
            tx.execute("DELETE FROM write_tokens WHERE at < $1", &[&(now - TOKENS_KEPT_MILLIS)])?;
        }
        let in_tx = Transaction { tx: RefCell::new(tx), prepared: &self.prepared };
        let done = change(&in_tx)?;
        in_tx.tx.into_inner().commit()?;
        Ok(done)
    }

    /// Runs `look` on one snapshot of the book, changing nothing: what it reads is as of one moment, however desks
    /// write meanwhile.
    pub(super) fn read<T>(&self, look: impl FnOnce(&dyn Sql) -> Result<T>) -> Result<T> {
        let mut client = self.client()?;
        let tx = client.build_transaction().isolation_level(IsolationLevel::RepeatableRead).read_only(true).start();
        let tx = self.noting_loss(tx.map_err(StoreError::from))?;
        let in_tx = Transaction { tx: RefCell::new(tx), prepared: &self.prepared };
        let done = look(&in_tx)?;
        in_tx.tx.into_inner().commit()?;
        Ok(done)
    }

    /// After an erasure: the tables it touched are vacuumed, so that the erased rows' old versions are cleared from
    /// them now rather than whenever autovacuum comes by. (What the server's write-ahead log and its backups keep
    /// is the server's: see the README.) A desk's role may not vacuum tables it does not own; the server then
    /// passes over them with a warning, and autovacuum clears them later.
    pub(super) fn after_erasure(&self) -> Result<()> {
        let mut client = self.client()?;
        let vacuumed =
            client.batch_execute("VACUUM guests, visits, recoveries, follow_ups, heads_ups, outreach_contacts");
        self.noting_loss(vacuumed.map_err(StoreError::from))
    }

    /// How many notices of writes this connection has heard: it listens from the first call on, and waits up to
    /// `within` for the next notice (returning at once when one comes), so a watcher hears of a write the moment
    /// it commits without asking the server again and again.
    pub(super) fn writes_heard(&self, within: Duration) -> Result<i64> {
        let mut client = self.client()?;
        let Some(mut heard) = self.heard.get() else {
            client.batch_execute("LISTEN regulars_writes")?;
            self.heard.set(Some(0));
            return Ok(0);
        };
        let pending = {
            let mut notices = client.notifications();
            let waited = notices.timeout_iter(within).next().map(|notice| i64::from(notice.is_some()));
            waited.and_then(|first| Ok(first + i64::try_from(notices.iter().count()?).unwrap_or(0)))
        };
        heard += match pending {
            Ok(count) => count,
            // The connection went while waiting: writes may have come unheard. The next call connects again.
            Err(_) if client.is_closed() => 1,
            Err(error) => return Err(error.into()),
        };
        self.heard.set(Some(heard));
        Ok(heard)
    }

    fn statement(
        prepared: &RefCell<HashMap<String, Statement>>,
        client: &mut impl postgres::GenericClient,
        sql: &str,
    ) -> Result<Statement> {
        if let Some(statement) = prepared.borrow().get(sql) {
            return Ok(statement.clone());
        }
        let statement = client.prepare(&numbered(sql))?;
        prepared.borrow_mut().insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }
}

/// The tables whose ids come from a counter: ids are never reused, so a copy of the book must not hand them out
/// again either.
pub(super) const COUNTED: [&str; 8] =
    ["arrivals", "audit_log", "category_notes", "guests", "heads_ups", "outreach_contacts", "recoveries", "visits"];

/// The last id each table's counter handed out (a counter that has handed out none is left out).
pub(super) fn id_counters(sql: &dyn Sql) -> Result<Vec<(String, i64)>> {
    let mut counters = Vec::new();
    for table in COUNTED {
        let last = sql.one(
            "SELECT pg_sequence_last_value(pg_get_serial_sequence(?1, 'id')::regclass)",
            args![table],
            |row| row.int(0),
        )?;
        if let Some(Some(last)) = last {
            counters.push((table.to_owned(), last));
        }
    }
    Ok(counters)
}

/// Raises `table`'s id counter to `last` (never lowers it below an id the table holds); a counter that has handed
/// out nothing is left to start at 1.
pub(super) fn raise_id_counter(sql: &dyn Sql, table: &str, last: i64) -> Result<()> {
    let last = last.max(sql.number(&format!("SELECT max(id) FROM {table}"), &[])?);
    if last > 0 {
        sql.one("SELECT setval(pg_get_serial_sequence(?1, 'id'), ?2)", args![table, last], |_| Ok(()))?;
    }
    Ok(())
}

/// `config`, with limits on how long a desk waits for a server that has gone where the book's address set none:
/// a screen must learn within seconds that its server cannot be reached, not after the minutes TCP would take.
fn with_patience(config: &Config) -> Config {
    let mut config = config.clone();
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    if config.get_tcp_user_timeout().is_none() {
        config.tcp_user_timeout(CONNECT_TIMEOUT);
    }
    config.keepalives(true);
    config.keepalives_idle(KEEPALIVE_IDLE);
    config
}

/// How long a write's token is kept: far longer than any retry takes.
const TOKENS_KEPT_MILLIS: i64 = 24 * 60 * 60 * 1000;
/// How long connecting, or an unanswered send, may take before the server is taken to be unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a quiet connection (a watcher listening) goes before TCP checks that the server is still there.
const KEEPALIVE_IDLE: Duration = Duration::from_secs(15);

/// Connects with `config`, migrating the book's schema as needed (a book whose schema is newer than this binary is
/// refused before anything is written), for `desk`.
/// A connection to the book, migrated; when `check`, its schema is checked too (see `schema_pg_check`): before it is
/// migrated when it is up to date, so that nothing runs on a tampered book (an older one is checked once migrated:
/// the list describes the current schema only).
fn connect(config: &Config, tls: &Tls, busy_timeout: Duration, desk: &str, check: bool) -> Result<Client> {
    let mut client = tls::connect(config, tls)?;
    let checked_first = check && schema_pg::up_to_date(&mut client)?;
    if checked_first {
        schema_pg_check::check(&mut client)?;
    }
    schema_pg::migrate(&mut client)?;
    if check && !checked_first {
        schema_pg_check::check(&mut client)?;
    }
    // A write waits for another desk's lock as long as on a file book, then gives up with nothing saved.
    let millis = busy_timeout.as_millis().to_string();
    client.execute("SELECT set_config('lock_timeout', $1, false)", &[&millis])?;
    // This connection's desk, for its audit rows (see `Store::set_desk`).
    client.batch_execute("CREATE TEMP TABLE desk (name TEXT NOT NULL)")?;
    client.execute("INSERT INTO desk VALUES ($1)", &[&desk])?;
    Ok(client)
}

/// A query run while another on the same connection is still being read: a mistake in the store, said as an error
/// rather than a panic.
fn nested() -> StoreError {
    StoreError::Corrupt("a query was run inside another on one connection".to_owned())
}

/// Runs and reads statements on `client` (a connection or a transaction).
fn run(
    client: &mut impl postgres::GenericClient,
    prepared: &RefCell<HashMap<String, Statement>>,
    sql: &str,
    args: &[Value],
) -> Result<usize> {
    let statement = Connection::statement(prepared, client, sql)?;
    let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(|a| a as &(dyn ToSql + Sync)).collect();
    Ok(usize::try_from(client.execute(&statement, &params)?).unwrap_or(usize::MAX))
}

/// Reads a query's rows as the server sends them, passing each to `each` in turn (a million guests are never all
/// in memory at once); returns how many were passed.
fn each(
    client: &mut impl postgres::GenericClient,
    prepared: &RefCell<HashMap<String, Statement>>,
    sql: &str,
    args: &[Value],
    each: &mut dyn FnMut(&dyn Row) -> Result<()>,
    passed: &mut usize,
) -> Result<()> {
    let statement = Connection::statement(prepared, client, sql)?;
    let mut rows = client.query_raw(&statement, args.iter())?;
    while let Some(row) = rows.next()? {
        *passed += 1;
        each(&PgRow(&row))?;
    }
    Ok(())
}

impl Sql for Connection {
    fn run(&self, sql: &str, args: &[Value]) -> Result<usize> {
        let mut client = self.client()?;
        self.noting_loss(run(&mut *client, &self.prepared, sql, args))
    }

    /// A read whose connection turns out to have gone before its first row (the server restarted since the last
    /// call) is read again on a new connection: the desk goes on without a failure to show.
    fn each(&self, sql: &str, args: &[Value], f: &mut dyn FnMut(&dyn Row) -> Result<()>) -> Result<()> {
        let mut passed = 0;
        let read = {
            let mut client = self.client()?;
            self.noting_loss(each(&mut *client, &self.prepared, sql, args, f, &mut passed))
        };
        match read {
            Err(StoreError::Unreachable(_)) if passed == 0 => {
                let mut client = self.client()?;
                self.noting_loss(each(&mut *client, &self.prepared, sql, args, f, &mut passed))
            }
            done => done,
        }
    }
}

struct Transaction<'a> {
    tx: RefCell<postgres::Transaction<'a>>,
    prepared: &'a RefCell<HashMap<String, Statement>>,
}

impl Sql for Transaction<'_> {
    fn run(&self, sql: &str, args: &[Value]) -> Result<usize> {
        let mut tx = self.tx.try_borrow_mut().map_err(|_| nested())?;
        run(&mut *tx, self.prepared, sql, args)
    }

    fn each(&self, sql: &str, args: &[Value], f: &mut dyn FnMut(&dyn Row) -> Result<()>) -> Result<()> {
        let mut tx = self.tx.try_borrow_mut().map_err(|_| nested())?;
        each(&mut *tx, self.prepared, sql, args, f, &mut 0)
    }
}

struct PgRow<'a>(&'a postgres::Row);

impl Row for PgRow<'_> {
    fn int(&self, column: usize) -> Result<Option<i64>> {
        let ty = self.column_type(column)?;
        Ok(match ty {
            Type::INT8 => self.0.try_get::<_, Option<i64>>(column)?,
            Type::INT4 => self.0.try_get::<_, Option<i32>>(column)?.map(i64::from),
            Type::INT2 => self.0.try_get::<_, Option<i16>>(column)?.map(i64::from),
            Type::BOOL => self.0.try_get::<_, Option<bool>>(column)?.map(i64::from),
            other => return Err(self.wrong_type(column, &other)),
        })
    }

    fn real(&self, column: usize) -> Result<Option<f64>> {
        let ty = self.column_type(column)?;
        Ok(match ty {
            Type::FLOAT8 => self.0.try_get::<_, Option<f64>>(column)?,
            Type::FLOAT4 => self.0.try_get::<_, Option<f32>>(column)?.map(f64::from),
            _ => self.int(column)?.map(|whole| whole as f64),
        })
    }

    fn text(&self, column: usize) -> Result<Option<&str>> {
        Ok(self.0.try_get::<_, Option<&str>>(column)?)
    }

    fn value(&self, column: usize) -> Result<Value> {
        let ty = self.column_type(column)?;
        Ok(match ty {
            Type::INT8 | Type::INT4 | Type::INT2 | Type::BOOL => self.int(column)?.map_or(Value::Null, Value::Int),
            Type::FLOAT8 | Type::FLOAT4 => self.real(column)?.map_or(Value::Null, Value::Real),
            Type::TEXT | Type::VARCHAR => self.text(column)?.map_or(Value::Null, Value::from),
            other => return Err(self.wrong_type(column, &other)),
        })
    }

    fn name(&self, column: usize) -> &str {
        self.0.columns().get(column).map_or("a column", |found| found.name())
    }
}

impl PgRow<'_> {
    fn column_type(&self, column: usize) -> Result<Type> {
        let columns = self.0.columns();
        let found = columns.get(column).ok_or_else(|| StoreError::Corrupt(format!("no column {}", column + 1)))?;
        Ok(found.type_().clone())
    }

    fn wrong_type(&self, column: usize, ty: &Type) -> StoreError {
        (self as &dyn Row).corrupt(column, &format!("holds {ty} where another type belongs"))
    }
}

/// The statement with SQLite's `?N` placeholders numbered as PostgreSQL's `$N`; quoted text is left as it is.
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    for c in sql.chars() {
        if c == '\'' {
            quoted = !quoted;
        }
        out.push(if c == '?' && !quoted { '$' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::numbered;

    #[test]
    fn placeholders_are_numbered_for_postgresql_but_not_inside_text() {
        assert_eq!(numbered("SELECT ?1, '?', ?12 WHERE a = ?2"), "SELECT $1, '?', $12 WHERE a = $2");
    }
}
