//! Writes between desks: the stations desks work at, heads-ups from one to another, and notes of who was written
//! to for an occasion. Each public method is one transaction with its audit row, like every write.

use super::read::{self, guest_exists};
use super::sql::{Sql, args};
use super::unreadable::Reading;
use super::write::audit;
use super::{Result, Store, StoreError, to_millis};
use crate::domain::GuestId;
use crate::domain::check_len;
use crate::domain::guest::LONG_FIELD_MAX;
use crate::domain::outreach::{Occasion, Written};
use chrono::Utc;

impl Store {
    /// Notes that a desk at `station` is working on the book, so heads-ups can be sent to it by name.
    pub fn register_station(&mut self, station: &str) -> Result<()> {
        let station = station.trim();
        if station.is_empty() {
            return Ok(());
        }
        check_len("station", station, crate::domain::guest::SHORT_FIELD_MAX)?;
        self.write(|tx| register(tx, station))
    }

    /// Sends a heads-up about a guest from `from_station` to `to_station` (or to every station). A station no desk
    /// has ever opened the book as is refused as `UnknownStation` (a misspelt one would never be seen), unless
    /// `new_station` says the sender means it.
    pub fn send_heads_up(
        &mut self,
        guest: GuestId,
        from_station: &str,
        to_station: Option<&str>,
        note: &str,
        staff: &str,
        new_station: bool,
    ) -> Result<i64> {
        check_len("note", note, LONG_FIELD_MAX)?;
        self.write(|tx| {
            if !guest_exists(tx, guest)? {
                return Err(StoreError::NotFound(format!("guest {guest}")));
            }
            if !from_station.trim().is_empty() {
                register(tx, from_station.trim())?;
            }
            if let Some(to) = to_station
                && !new_station
            {
                let known = read::stations(tx, Reading::Strict)?;
                if !known.iter().any(|k| k == to) {
                    return Err(StoreError::UnknownStation { name: to.to_owned(), known });
                }
            }
            let id = tx.number(
                "INSERT INTO heads_ups (guest_id, from_station, to_station, note, sent_at, sent_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 RETURNING id",
                args![guest.0, from_station, to_station, note, to_millis(Utc::now()), staff],
            )?;
            audit(tx, staff, "heads-up sent", Some(guest), &format!("heads-up {id}"))?;
            Ok(id)
        })
    }

    /// Takes a heads-up at `station`: it clears there, and the others see who took it. Taking one already taken
    /// changes nothing.
    pub fn take_heads_up(&mut self, id: i64, station: &str, staff: &str) -> Result<()> {
        self.write(|tx| {
            let guest = tx.one("SELECT guest_id FROM heads_ups WHERE id = ?1", args![id], |r| r.id(0))?;
            let guest = guest.ok_or_else(|| StoreError::NotFound(format!("heads-up {id}")))?;
            let changed = tx.run(
                "UPDATE heads_ups SET taken_at = ?2, taken_by = ?3, taken_station = ?4 WHERE id = ?1 AND taken_at IS NULL",
                args![id, to_millis(Utc::now()), staff, station],
            )?;
            if changed > 0 {
                audit(tx, staff, "heads-up taken", Some(GuestId(guest)), &format!("heads-up {id}"))?;
            }
            Ok(())
        })
    }

    /// Notes that `staff` wrote to the guest for an occasion (a birthday, a lapse): the outreach list leaves them out
    /// until the next one. Returns the new note's id, for taking it back; `None` when it was noted already (noting
    /// it twice changes nothing, and there is nothing of this note's own to take back).
    pub fn note_written(&mut self, guest: GuestId, occasion: Occasion, of: &str, staff: &str) -> Result<Option<i64>> {
        self.write(|tx| {
            if !guest_exists(tx, guest)? {
                return Err(StoreError::NotFound(format!("guest {guest}")));
            }
            let written = Written { occasion, of: of.to_owned(), at: Utc::now(), staff: staff.to_owned() };
            let id = insert_written(tx, guest, &written)?;
            if let Some(id) = id {
                audit(tx, staff, "written to", Some(guest), &format!("outreach {id}: {}", occasion.as_str()))?;
            }
            Ok(id)
        })
    }

    /// Takes back a note that the guest was written to (the counter's undo).
    pub fn undo_written(&mut self, id: i64, staff: &str) -> Result<()> {
        self.write(|tx| {
            let guest = tx.one("SELECT guest_id FROM outreach_contacts WHERE id = ?1", args![id], |r| r.id(0))?;
            let guest = guest.ok_or_else(|| StoreError::NotFound(format!("outreach note {id}")))?;
            tx.run("DELETE FROM outreach_contacts WHERE id = ?1", args![id])?;
            audit(tx, staff, "written to undone", Some(GuestId(guest)), &format!("outreach {id}"))
        })
    }
}

/// Notes a station as one a desk works at, now.
fn register(tx: &dyn Sql, station: &str) -> Result<()> {
    tx.run(
        "INSERT INTO stations (name, first_seen, last_seen) VALUES (?1, ?2, ?2)
         ON CONFLICT (name) DO UPDATE SET last_seen = excluded.last_seen",
        args![station, to_millis(Utc::now())],
    )?;
    Ok(())
}

/// Notes that the guest was written to for an occasion, once: noting it again changes nothing. Returns the new
/// note's id, or `None` when it was there already.
pub(super) fn insert_written(tx: &dyn Sql, guest: GuestId, written: &Written) -> Result<Option<i64>> {
    let added = tx.run(
        "INSERT INTO outreach_contacts (guest_id, reason, occasion, written_at, staff) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (guest_id, reason, occasion) DO NOTHING",
        args![guest.0, written.occasion.as_str(), &written.of, to_millis(written.at), &written.staff],
    )?;
    if added == 0 {
        return Ok(None);
    }
    let id = tx.number(
        "SELECT id FROM outreach_contacts WHERE guest_id = ?1 AND reason = ?2 AND occasion = ?3",
        args![guest.0, written.occasion.as_str(), &written.of],
    )?;
    Ok(Some(id))
}
