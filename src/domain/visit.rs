//! Visits: when a guest came, where they sat and what they ordered.

use chrono::{DateTime, Utc};

use super::guest::{LONG_FIELD_MAX, SHORT_FIELD_MAX};
use super::{ValidationError, check_len, check_list};

/// The largest party a visit may record: a banquet's, not a typo's.
const PARTY_MAX: u32 = 10_000;

/// The guest book's id for a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VisitId(pub i64);

/// One visit by a guest.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    pub at: DateTime<Utc>,
    pub seat: String,
    /// The items ordered, as staff wrote them.
    pub order: Vec<String>,
    pub party_size: Option<u32>,
    /// Who served the guest.
    pub staff: String,
    pub note: String,
}

impl Visit {
    /// "Window 2 · sandwich, coffee, egg", leaving out whichever part is empty.
    pub fn seat_and_order(&self) -> String {
        let order = self.order.join(", ");
        match (self.seat.is_empty(), order.is_empty()) {
            (false, false) => format!("{} · {order}", self.seat),
            (false, true) => self.seat.clone(),
            _ => order,
        }
    }

    /// The visit as the book stores it: text trimmed, empty items dropped, every limit checked.
    pub fn validated(mut self) -> Result<Self, ValidationError> {
        for (field, value) in [("seat", &mut self.seat), ("staff", &mut self.staff)] {
            *value = value.trim().to_owned();
            check_len(field, value, SHORT_FIELD_MAX)?;
        }
        check_len("note", &self.note, LONG_FIELD_MAX)?;
        check_list("order", &mut self.order)?;
        if self.party_size.is_some_and(|n| !(1..=PARTY_MAX).contains(&n)) {
            return Err(ValidationError::new("party_size", super::Problem::PartySize));
        }
        super::check_time("at", self.at)?;
        Ok(self)
    }
}
