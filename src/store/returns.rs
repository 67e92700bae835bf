//! What the return rate is worked out from: every visit's guest and time, and whom outreach wrote to when.

use chrono::{DateTime, Utc};

use super::{Result, Store};
use crate::domain::GuestId;

impl Store {
    /// Every visit as (guest, when), each guest's together, oldest first: read along the index of visits by guest.
    pub fn visit_times(&self) -> Result<Vec<(GuestId, DateTime<Utc>)>> {
        let by_guest = "SELECT guest_id, at FROM visits ORDER BY guest_id, at";
        self.sql().rows(by_guest, &[], |row| Ok((GuestId(row.id(0)?), row.time(1)?)))
    }

    /// Every guest outreach wrote to, with when, oldest first.
    pub fn letters(&self) -> Result<Vec<(GuestId, DateTime<Utc>)>> {
        self.sql().rows("SELECT guest_id, written_at FROM outreach_contacts ORDER BY written_at", &[], |row| {
            Ok((GuestId(row.id(0)?), row.time(1)?))
        })
    }
}
