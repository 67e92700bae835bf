//! The few things the store asks of a database, so that every query is written once for every backend: run a
//! statement with bound arguments, and read the rows of a query one at a time. Statements use `?N` placeholders;
//! a backend that numbers them otherwise rewrites them once, when it prepares the statement.

use chrono::{DateTime, Utc};

use super::{Result, StoreError, from_millis};
use crate::domain::Birthday;

/// One bound argument.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl From<i64> for Value {
    fn from(value: i64) -> Self {
        Self::Int(value)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Self::Int(i64::from(value))
    }
}

impl From<u32> for Value {
    fn from(value: u32) -> Self {
        Self::Int(i64::from(value))
    }
}

impl From<f64> for Value {
    fn from(value: f64) -> Self {
        Self::Real(value)
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}

impl From<&String> for Value {
    fn from(value: &String) -> Self {
        Self::Text(value.clone())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Self::Text(value)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Into::into)
    }
}

/// The arguments of a statement, each converted to a `Value`.
macro_rules! args {
    ($($value:expr),* $(,)?) => { &[$($crate::store::sql::Value::from($value)),*] };
}
pub(super) use args;

/// A connection or a transaction on one.
pub(super) trait Sql {
    /// Runs a statement; returns how many rows it changed.
    fn run(&self, sql: &str, args: &[Value]) -> Result<usize>;

    /// Runs a query, passing each row to `each` in turn.
    fn each(&self, sql: &str, args: &[Value], each: &mut dyn FnMut(&dyn Row) -> Result<()>) -> Result<()>;
}

impl dyn Sql + '_ {
    /// Every row of a query, each made into a `T`.
    pub(super) fn rows<T>(
        &self,
        sql: &str,
        args: &[Value],
        mut make: impl FnMut(&dyn Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut rows = Vec::new();
        self.each(sql, args, &mut |row| {
            rows.push(make(row)?);
            Ok(())
        })?;
        Ok(rows)
    }

    /// The first row of a query, if it has one, made into a `T`.
    pub(super) fn one<T>(
        &self,
        sql: &str,
        args: &[Value],
        make: impl FnOnce(&dyn Row) -> Result<T>,
    ) -> Result<Option<T>> {
        let mut make = Some(make);
        let mut found = None;
        self.each(sql, args, &mut |row| {
            if let Some(make) = make.take() {
                found = Some(make(row)?);
            }
            Ok(())
        })?;
        Ok(found)
    }

    /// The integer a query answers with (a count, an id), 0 when it answers with no row or NULL.
    pub(super) fn number(&self, sql: &str, args: &[Value]) -> Result<i64> {
        Ok(self.one(sql, args, |row| row.int(0))?.flatten().unwrap_or(0))
    }
}

/// One row of a query's result. Columns are numbered from 0; each getter says NULL as `None` and refuses a value of
/// another type as corrupt.
pub(super) trait Row {
    fn int(&self, column: usize) -> Result<Option<i64>>;
    fn real(&self, column: usize) -> Result<Option<f64>>;
    fn text(&self, column: usize) -> Result<Option<&str>>;
    /// The value as it is stored, whatever its type: for copying a row from one book to another.
    fn value(&self, column: usize) -> Result<Value>;
    /// The column's name in the query, for saying what in a row cannot be read.
    fn name(&self, column: usize) -> &str;
}

impl dyn Row + '_ {
    pub(super) fn id(&self, column: usize) -> Result<i64> {
        self.int(column)?.ok_or_else(|| self.corrupt(column, "is empty"))
    }

    pub(super) fn string(&self, column: usize) -> Result<String> {
        Ok(self.str(column)?.to_owned())
    }

    pub(super) fn str(&self, column: usize) -> Result<&str> {
        self.text(column)?.ok_or_else(|| self.corrupt(column, "is empty"))
    }

    pub(super) fn opt_string(&self, column: usize) -> Result<Option<String>> {
        Ok(self.text(column)?.map(str::to_owned))
    }

    pub(super) fn flag(&self, column: usize) -> Result<bool> {
        Ok(self.id(column)? != 0)
    }

    pub(super) fn time(&self, column: usize) -> Result<DateTime<Utc>> {
        from_millis(self.id(column)?).map_err(|_| self.corrupt(column, "is not a time"))
    }

    pub(super) fn opt_time(&self, column: usize) -> Result<Option<DateTime<Utc>>> {
        self.int(column)?.map(from_millis).transpose().map_err(|_| self.corrupt(column, "is not a time"))
    }

    /// A list stored as a JSON array of strings.
    pub(super) fn list(&self, column: usize) -> Result<Vec<String>> {
        let text = self.str(column)?;
        // Most lists are empty: skip the JSON parser for them.
        if text == "[]" {
            Ok(Vec::new())
        } else {
            serde_json::from_str(text).map_err(|_| self.corrupt(column, "is not a list of text"))
        }
    }

    /// A birthday stored as `MM-DD` or `YYYY-MM-DD`.
    pub(super) fn birthday(&self, column: usize) -> Result<Option<Birthday>> {
        self.text(column)?.map(str::parse).transpose().map_err(|_| self.corrupt(column, "is not a date"))
    }

    /// The column's value is not what belongs there: `what` says how, after the column's name.
    pub(super) fn corrupt(&self, column: usize, what: &str) -> StoreError {
        StoreError::Corrupt(format!("{} {what}", self.name(column)))
    }
}
