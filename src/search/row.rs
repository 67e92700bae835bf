//! A guest as the search index takes it, from wherever the rows come.

use chrono::{DateTime, Utc};

use crate::domain::GuestId;

/// What search needs of one guest: the fields it matches and the tie-breaks it ranks by. Borrowed from the row
/// being read (the store reads them), so that loading 200,000 guests allocates nothing per guest but what the index keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRow<'a> {
    pub id: GuestId,
    pub name: &'a str,
    pub greeting: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
    pub tags: Vec<String>,
    /// The name as search matches it: folded, with pinyin (see `search::search_key`).
    pub name_key: &'a str,
    pub greeting_key: &'a str,
    pub last_visit: Option<DateTime<Utc>>,
    pub visit_count: u32,
    /// The name's other spellings, as stored (see `search::spell`).
    pub spellings: &'a str,
}
