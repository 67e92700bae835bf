//! A guest book for a store test, on either backend: a file in a temporary folder, or a database of its own on the
//! test PostgreSQL server (see `pg`); `on_both_books!` runs each test on both with the same assertions.

use std::time::Duration;

use regulars::store::{Location, Store};

/// A book for one test: a file in a temporary folder, or a database of its own on the test PostgreSQL server.
pub struct TestBook {
    pub location: Location,
    _dir: Option<tempfile::TempDir>,
}

impl TestBook {
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap();
        Self { location: Location::File(dir.path().join("book.db")), _dir: Some(dir) }
    }

    /// A book somewhere else (a database a test made itself).
    pub fn at(location: Location) -> Self {
        Self { location, _dir: None }
    }

    pub fn postgres() -> Self {
        Self { location: Location::parse(&super::pg::database()).unwrap(), _dir: None }
    }

    /// A new connection to the book: each is a desk of its own.
    pub fn open_with(&self, busy_timeout: Duration) -> Store {
        Store::open_at(&self.location, busy_timeout).unwrap()
    }
}

/// Every test of the store runs on both books, with the same assertions.
#[macro_export]
macro_rules! on_both_books {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(#[test] fn $test() { super::$test(&$crate::common::books::TestBook::sqlite()) })*
        }
        mod postgres {
            $(#[test] fn $test() { super::$test(&$crate::common::books::TestBook::postgres()) })*
        }
    };
}
