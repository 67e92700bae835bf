//! What a search answers, with what the result list shows of each guest.

use chrono::{DateTime, Utc};

use super::index::{Field, Found, Index};
use crate::domain::GuestId;
use crate::domain::regular::Recent;

/// One guest in a result list, with what the list shows.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundGuest {
    pub id: GuestId,
    pub name: String,
    pub greeting: String,
    pub last_visit: Option<DateTime<Utc>>,
    pub field: Field,
    /// Matched character positions in `name`.
    pub positions: Vec<usize>,
    /// The visits that can make the guest a regular when the list is drawn (see `domain::regular::Recent`):
    /// none for most guests.
    pub recent: Vec<DateTime<Utc>>,
}

/// The answer to one search request.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub generation: u64,
    pub query: String,
    /// How many guests matched in all.
    pub total: usize,
    /// How many guests the index holds.
    pub guests: usize,
    pub found: Vec<FoundGuest>,
    /// Nothing matched as typed; these are one typo away.
    pub close: bool,
}

impl Results {
    /// What a search found, with what the list shows of each guest, their visits that can make them a regular
    /// from `recent`.
    pub fn new(index: &Index, recent: &Recent, generation: u64, query: String, found: Found) -> Self {
        let shown = found
            .hits
            .into_iter()
            .map(|hit| {
                let guest = index.guest(hit.entry);
                FoundGuest {
                    id: guest.id,
                    name: guest.name.to_owned(),
                    greeting: guest.greeting.to_owned(),
                    last_visit: guest.last_visit,
                    field: hit.field,
                    positions: hit.positions,
                    recent: recent.of(guest.id).collect(),
                }
            })
            .collect();
        Self { generation, query, total: found.total, guests: index.len(), found: shown, close: found.close }
    }
}
