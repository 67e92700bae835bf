//! Writes. Each public method is one transaction that includes its audit-log rows.

use chrono::Utc;
use rusqlite::{Transaction, params};

use super::read::{guest_exists, history, identities};
use super::{Result, Store, StoreError, to_millis};
use crate::domain::merge::merge;
use crate::domain::{GuestId, GuestRecord, Profile, Recovery, Visit, VisitId};
use crate::search::SearchKeys;

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub added: usize,
    pub merged: usize,
    pub unchanged: usize,
}

impl Store {
    /// Brings guest records into the book, all or nothing. A record with the same name and phone, or the same name
    /// and email, as a guest already in the book (or earlier in `records`) is merged into that guest.
    /// `source` names where the records came from, for the audit log.
    pub fn import(&mut self, records: Vec<GuestRecord>, staff: &str, source: &str) -> Result<ImportSummary> {
        let tx = self.write()?;
        let mut known = identities(&tx)?;
        let mut summary = ImportSummary::default();
        for (index, record) in records.into_iter().enumerate() {
            let invalid = |error| StoreError::InvalidRecord { index, error };
            let record = record.validated().map_err(invalid)?;
            let existing = record.profile.identity_keys().find_map(|key| known.get(&key).copied());
            let (id, visits, recoveries) = match existing {
                None => {
                    let id = insert_guest(&tx, &record.profile)?;
                    audit(&tx, staff, "guest added", Some(id), source)?;
                    summary.added += 1;
                    (id, record.visits, record.recoveries)
                }
                Some(id) => {
                    let plan = merge(&history(&tx, id)?, &record).map_err(invalid)?;
                    if plan.is_empty() {
                        summary.unchanged += 1;
                        continue;
                    }
                    if let Some(profile) = &plan.profile {
                        update_guest(&tx, id, profile)?;
                    }
                    audit(&tx, staff, "guest merged", Some(id), source)?;
                    summary.merged += 1;
                    (id, plan.new_visits, plan.new_recoveries)
                }
            };
            for key in record.profile.identity_keys() {
                known.entry(key).or_insert(id);
            }
            for visit in &visits {
                insert_visit(&tx, id, visit)?;
            }
            for recovery in &recoveries {
                insert_recovery(&tx, Some(id), recovery)?;
            }
        }
        tx.commit()?;
        Ok(summary)
    }

    /// Logs a visit for a guest. Returns once the visit is durably committed.
    pub fn log_visit(&mut self, guest: GuestId, visit: Visit, staff: &str) -> Result<VisitId> {
        let visit = visit.validated()?;
        let tx = self.write()?;
        if !guest_exists(&tx, guest)? {
            return Err(StoreError::NotFound(format!("guest {guest}")));
        }
        let id = insert_visit(&tx, guest, &visit)?;
        audit(&tx, staff, "visit logged", Some(guest), &format!("visit {}", id.0))?;
        tx.commit()?;
        Ok(id)
    }
}

fn insert_guest(tx: &Transaction<'_>, profile: &Profile) -> Result<GuestId> {
    let now = to_millis(Utc::now());
    let keys = SearchKeys::of(&profile.name, &profile.greeting, &profile.email);
    tx.prepare_cached(
        "INSERT INTO guests (name, greeting, phone, email, birthday, tags, allergies, preferences, notes,
                             name_key, greeting_key, search_mask, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
    )?
    .execute(params![
        profile.name,
        profile.greeting,
        profile.phone,
        profile.email,
        profile.birthday.map(|b| b.to_string()),
        serde_json::to_string(&profile.tags)?,
        serde_json::to_string(&profile.allergies)?,
        serde_json::to_string(&profile.preferences)?,
        profile.notes,
        keys.name,
        keys.greeting,
        keys.mask,
        now,
    ])?;
    Ok(GuestId(tx.last_insert_rowid()))
}

fn update_guest(tx: &Transaction<'_>, id: GuestId, profile: &Profile) -> Result<()> {
    let keys = SearchKeys::of(&profile.name, &profile.greeting, &profile.email);
    tx.prepare_cached(
        "UPDATE guests SET name = ?2, greeting = ?3, phone = ?4, email = ?5, birthday = ?6, tags = ?7, allergies = ?8,
                           preferences = ?9, notes = ?10, name_key = ?11, greeting_key = ?12, search_mask = ?13,
                           version = version + 1, updated_at = ?14
         WHERE id = ?1",
    )?
    .execute(params![
        id.0,
        profile.name,
        profile.greeting,
        profile.phone,
        profile.email,
        profile.birthday.map(|b| b.to_string()),
        serde_json::to_string(&profile.tags)?,
        serde_json::to_string(&profile.allergies)?,
        serde_json::to_string(&profile.preferences)?,
        profile.notes,
        keys.name,
        keys.greeting,
        keys.mask,
        to_millis(Utc::now()),
    ])?;
    Ok(())
}

fn insert_visit(tx: &Transaction<'_>, guest: GuestId, visit: &Visit) -> Result<VisitId> {
    tx.prepare_cached(
        "INSERT INTO visits (guest_id, at, seat, items, party_size, staff, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        guest.0,
        to_millis(visit.at),
        visit.seat,
        serde_json::to_string(&visit.order)?,
        visit.party_size,
        visit.staff,
        visit.note,
    ])?;
    Ok(VisitId(tx.last_insert_rowid()))
}

fn insert_recovery(tx: &Transaction<'_>, guest: Option<GuestId>, recovery: &Recovery) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO recoveries (guest_id, opened_at, category, what_happened, action_taken, cost, resolved_at, staff)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        guest.map(|g| g.0),
        to_millis(recovery.opened_at),
        recovery.category,
        recovery.what_happened,
        recovery.action_taken,
        recovery.cost,
        recovery.resolved_at.map(to_millis),
        recovery.staff,
    ])?;
    let id = tx.last_insert_rowid();
    let mut stmt =
        tx.prepare_cached("INSERT INTO follow_ups (recovery_id, position, task, done) VALUES (?1, ?2, ?3, ?4)")?;
    for (position, follow_up) in (0_i64..).zip(&recovery.follow_ups) {
        stmt.execute(params![id, position, follow_up.task, follow_up.done])?;
    }
    Ok(())
}

/// Appends to the audit log inside the caller's transaction. `detail` never holds personal data, so that erasing a
/// guest leaves nothing of them in the log.
fn audit(tx: &Transaction<'_>, staff: &str, action: &str, guest: Option<GuestId>, detail: &str) -> Result<()> {
    tx.prepare_cached("INSERT INTO audit_log (at, staff, action, guest_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![to_millis(Utc::now()), staff, action, guest.map(|g| g.0), detail])?;
    Ok(())
}
