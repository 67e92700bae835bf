//! Writes. Each public method is one transaction that includes its audit-log rows.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, params};

use super::desks::insert_written;
use super::read::{self, guest_exists, history, identities};
use super::{Result, Store, StoreError, to_millis};
use crate::domain::clash::{Reconciled, changed_fields, reconcile};
use crate::domain::merge::{combine, merge};
use crate::domain::{Guest, GuestId, GuestRecord, Profile, Recovery, RecoveryId, ValidationError, Visit, VisitId};
use crate::search::SearchKeys;

/// What a merge did, to take it back: both guests as they were, and the rows that moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub from: Guest,
    pub into: Guest,
    /// The kept guest's version once merged: taking the merge back checks it, like every other write.
    into_version: i64,
    visits: Vec<i64>,
    recoveries: Vec<i64>,
}

/// What an edit saved: the guest's new version, the profile as saved, and the fields joined with another desk's
/// change made meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub version: i64,
    pub profile: Profile,
    /// The profile as it was just before this save (another desk's, if it saved meanwhile): what an undo restores.
    pub before: Profile,
    pub kept_theirs: Vec<&'static str>,
}

/// Another desk changed a plain field this edit changed too: their guest as saved, and the edit reconciled with it
/// (ours in the clashing fields), for the user to decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClashReport {
    pub theirs: Guest,
    pub reconciled: Reconciled,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub added: usize,
    pub merged: usize,
    pub unchanged: usize,
    /// Recoveries with no guest added.
    pub mishaps: usize,
}

impl Store {
    /// Brings guest records into the book, all or nothing. A record with the same name and phone, or the same name
    /// and email, as a guest already in the book (or earlier in `records`) is merged into that guest.
    /// `source` names where the records came from, for the audit log.
    pub fn import(&mut self, records: Vec<GuestRecord>, staff: &str, source: &str) -> Result<ImportSummary> {
        self.import_book(records, Vec::new(), staff, source)
    }

    /// Brings a whole book in, all or nothing: guest records as `import` does, and recoveries recorded for nobody
    /// in particular (`mishaps`); a mishap the book already holds (the same time and category, with no guest) is
    /// not added twice.
    pub fn import_book(
        &mut self,
        records: Vec<GuestRecord>,
        mishaps: Vec<Recovery>,
        staff: &str,
        source: &str,
    ) -> Result<ImportSummary> {
        let tx = self.write()?;
        let mut known = identities(&tx)?;
        let mut summary = ImportSummary::default();
        for (index, record) in records.into_iter().enumerate() {
            let invalid = |error| StoreError::InvalidRecord { index, error };
            let record = record.validated().map_err(invalid)?;
            let existing = record.profile.identity_keys().find_map(|key| known.get(&key).copied());
            let (id, visits, recoveries, written) = match existing {
                None => {
                    let id = insert_guest(&tx, &record.profile, staff)?;
                    if let Some(noted) = &record.noted {
                        tx.prepare_cached("UPDATE guests SET notes_by = ?2, notes_at = ?3 WHERE id = ?1")?
                            .execute(params![id.0, noted.staff, to_millis(noted.at)])?;
                    }
                    audit(&tx, staff, "guest added", Some(id), source)?;
                    summary.added += 1;
                    (id, record.visits, record.recoveries, record.written)
                }
                Some(id) => {
                    let plan = merge(&history(&tx, id)?, &record).map_err(invalid)?;
                    if plan.is_empty() {
                        summary.unchanged += 1;
                        continue;
                    }
                    if let Some(profile) = &plan.profile {
                        update_guest(&tx, id, profile, staff)?;
                    }
                    audit(&tx, staff, "guest merged", Some(id), source)?;
                    summary.merged += 1;
                    (id, plan.new_visits, plan.new_recoveries, plan.new_written)
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
            for written in &written {
                insert_written(&tx, id, written)?;
            }
        }
        for recovery in mishaps {
            let recovery = recovery.validated()?;
            let known: Option<i64> = tx
                .prepare_cached(
                    "SELECT id FROM recoveries WHERE guest_id IS NULL AND opened_at = ?1 AND category = ?2",
                )?
                .query_row(params![to_millis(recovery.opened_at), recovery.category], |r| r.get(0))
                .optional()?;
            if known.is_none() {
                let id = insert_recovery(&tx, None, &recovery)?;
                audit(&tx, staff, "recovery opened", None, &format!("recovery {}; {source}", id.0))?;
                summary.mishaps += 1;
            }
        }
        tx.commit()?;
        Ok(summary)
    }

    /// Adds a guest. Returns once the guest is durably committed.
    pub fn add_guest(&mut self, profile: Profile, staff: &str) -> Result<GuestId> {
        let profile = profile.validated()?;
        let tx = self.write()?;
        let id = insert_guest(&tx, &profile, staff)?;
        audit(&tx, staff, "guest added", Some(id), "")?;
        tx.commit()?;
        Ok(id)
    }

    /// Saves `ours`, an edit of the guest's profile made from `base` as read at `version`. When another desk saved
    /// the guest meanwhile, the two edits are reconciled field by field (see `domain::clash`): what only one desk
    /// changed is kept from that desk and lists both changed are joined, all in this one transaction; a plain field
    /// both changed differently is refused as a `Clash`, with theirs and the reconciled profile, and nothing is
    /// saved. The audit log names the fields the edit changed.
    pub fn edit_guest(
        &mut self,
        id: GuestId,
        version: i64,
        base: &Profile,
        ours: Profile,
        staff: &str,
    ) -> Result<Edited> {
        let ours = ours.validated()?;
        let tx = self.write()?;
        let current = read::guest(&tx, id)?;
        let (profile, kept_theirs) = if current.version == version {
            (ours, Vec::new())
        } else {
            let reconciled = reconcile(base, &current.profile, &ours);
            if !reconciled.clashes.is_empty() {
                return Err(StoreError::Clash(Box::new(ClashReport { theirs: current, reconciled })));
            }
            (reconciled.profile.validated()?, reconciled.kept_theirs)
        };
        let fields = changed_fields(&current.profile, &profile);
        update_guest(&tx, id, &profile, staff)?;
        let mut detail = format!("fields: {}", if fields.is_empty() { "none".to_owned() } else { fields.join(", ") });
        if !kept_theirs.is_empty() {
            detail.push_str(&format!("; joined with another desk's change to {}", kept_theirs.join(", ")));
        }
        audit(&tx, staff, "guest edited", Some(id), &detail)?;
        tx.commit()?;
        Ok(Edited { version: current.version + 1, profile, before: current.profile, kept_theirs })
    }

    /// Opens a recovery, for a guest or for nobody in particular (a mishap need not have a guest).
    pub fn add_recovery(&mut self, guest: Option<GuestId>, recovery: Recovery, staff: &str) -> Result<RecoveryId> {
        let recovery = recovery.validated()?;
        let tx = self.write()?;
        if let Some(guest) = guest
            && !guest_exists(&tx, guest)?
        {
            return Err(StoreError::NotFound(format!("guest {guest}")));
        }
        let id = insert_recovery(&tx, guest, &recovery)?;
        audit(&tx, staff, "recovery opened", guest, &format!("recovery {}", id.0))?;
        tx.commit()?;
        Ok(id)
    }

    /// Ticks (or unticks) the follow-up at `index` (0-based) of a recovery.
    pub fn set_follow_up(&mut self, recovery: RecoveryId, index: usize, done: bool, staff: &str) -> Result<()> {
        let tx = self.write()?;
        let guest = recovery_guest(&tx, recovery)?;
        let position = i64::try_from(index).unwrap_or(i64::MAX);
        let changed = tx
            .prepare_cached("UPDATE follow_ups SET done = ?3 WHERE recovery_id = ?1 AND position = ?2")?
            .execute(params![recovery.0, position, done])?;
        if changed == 0 {
            return Err(StoreError::NotFound(format!("follow-up {} of recovery {}", index + 1, recovery.0)));
        }
        let action = if done { "follow-up done" } else { "follow-up reopened" };
        audit(&tx, staff, action, guest, &format!("recovery {} follow-up {}", recovery.0, index + 1))?;
        tx.commit()?;
        Ok(())
    }

    /// Marks a recovery resolved at `at`.
    pub fn resolve_recovery(&mut self, recovery: RecoveryId, at: DateTime<Utc>, staff: &str) -> Result<()> {
        self.change_recovery(recovery, staff, "recovery resolved", |tx| {
            let (opened, resolved): (i64, Option<i64>) = tx
                .prepare_cached("SELECT opened_at, resolved_at FROM recoveries WHERE id = ?1")?
                .query_row([recovery.0], |r| Ok((r.get(0)?, r.get(1)?)))?;
            if let Some(resolved) = resolved {
                let on = super::from_millis(resolved)?.format("%Y-%m-%d %H:%M UTC");
                return Err(StoreError::Invalid(ValidationError::new(
                    "recovery",
                    format!("{} was resolved already, on {on}; nothing was changed", recovery.0),
                )));
            }
            if to_millis(at) < opened {
                return Err(StoreError::Invalid(ValidationError::new(
                    "resolved_at",
                    "is before the recovery was opened",
                )));
            }
            tx.prepare_cached("UPDATE recoveries SET resolved_at = ?2 WHERE id = ?1")?
                .execute(params![recovery.0, to_millis(at)])?;
            Ok(())
        })
    }

    /// One change to a recovery in one transaction, audited against the recovery's guest (if it has one);
    /// `NotFound` if there is no such recovery.
    fn change_recovery(
        &mut self,
        recovery: RecoveryId,
        staff: &str,
        action: &str,
        change: impl FnOnce(&Transaction<'_>) -> Result<()>,
    ) -> Result<()> {
        let tx = self.write()?;
        let guest = recovery_guest(&tx, recovery)?;
        change(&tx)?;
        audit(&tx, staff, action, guest, &format!("recovery {}", recovery.0))?;
        tx.commit()?;
        Ok(())
    }

    /// Merges guest `from` into guest `into` (the same person entered twice): visits and recoveries move, the
    /// profiles are combined (see `domain::merge::combine`), `from` is removed. One transaction, audited on both.
    pub fn merge_guests(&mut self, from: GuestId, into: GuestId, staff: &str) -> Result<Merged> {
        if from == into {
            return Err(StoreError::Invalid(ValidationError::new("into", "is the same guest")));
        }
        let tx = self.write()?;
        let (source, target) = (history(&tx, from)?.guest, history(&tx, into)?.guest);
        let profile = combine(&target.profile, &source.profile).validated()?;
        let ids = |sql: &str| -> Result<Vec<i64>> {
            let mut stmt = tx.prepare_cached(sql)?;
            let ids = stmt.query_map([from.0], |r| r.get(0))?;
            Ok(ids.collect::<rusqlite::Result<_>>()?)
        };
        let visits = ids("SELECT id FROM visits WHERE guest_id = ?1")?;
        let recoveries = ids("SELECT id FROM recoveries WHERE guest_id = ?1")?;
        tx.prepare_cached("UPDATE visits SET guest_id = ?2 WHERE guest_id = ?1")?.execute(params![from.0, into.0])?;
        tx.prepare_cached("UPDATE recoveries SET guest_id = ?2 WHERE guest_id = ?1")?
            .execute(params![from.0, into.0])?;
        update_guest(&tx, into, &profile, staff)?;
        tx.prepare_cached("DELETE FROM guests WHERE id = ?1")?.execute([from.0])?;
        audit(&tx, staff, "guest merged away", Some(from), &format!("into guest {into}"))?;
        audit(&tx, staff, "guest merged", Some(into), &format!("guest {from} merged in"))?;
        tx.commit()?;
        let into_version = target.version + 1;
        Ok(Merged { from: source, into: target, into_version, visits, recoveries })
    }

    /// Takes back a merge (the counter's undo): the merged-away guest comes back with its id, version and visits
    /// and recoveries, and the kept guest gets its profile back — refused as `Changed` if another desk changed the
    /// kept guest since, so nothing they saved is overwritten.
    pub fn unmerge(&mut self, merged: &Merged, staff: &str) -> Result<()> {
        let tx = self.write()?;
        let (from, into) = (merged.from.id, merged.into.id);
        if read::guest(&tx, into)?.version != merged.into_version {
            return Err(StoreError::Changed);
        }
        let id = insert_guest(&tx, &merged.from.profile, staff)?;
        let noted = merged.from.notes_by.as_ref();
        tx.prepare_cached("UPDATE guests SET id = ?2, version = ?3, notes_by = ?4, notes_at = ?5 WHERE id = ?1")?
            .execute(params![
                id.0,
                from.0,
                merged.from.version,
                noted.map_or("", |n| n.staff.as_str()),
                noted.map(|n| to_millis(n.at))
            ])?;
        for visit in &merged.visits {
            tx.prepare_cached("UPDATE visits SET guest_id = ?2 WHERE id = ?1")?.execute(params![visit, from.0])?;
        }
        for recovery in &merged.recoveries {
            tx.prepare_cached("UPDATE recoveries SET guest_id = ?2 WHERE id = ?1")?
                .execute(params![recovery, from.0])?;
        }
        update_guest(&tx, into, &merged.into.profile, staff)?;
        audit(&tx, staff, "merge undone", Some(from), &format!("out of guest {into}"))?;
        audit(&tx, staff, "merge undone", Some(into), &format!("guest {from} taken out"))?;
        tx.commit()?;
        Ok(())
    }

    /// Erases a guest at their request: the guest, their visits, notes and heads-ups go; their recoveries stay in
    /// the mishap tally without the guest and without their free text. Deleted content is overwritten
    /// (`secure_delete`), the book is rewritten without free pages (VACUUM) and the write-ahead log emptied, so the
    /// guest's name and phone are nowhere in the files afterwards. Audited by id only.
    pub fn forget(&mut self, guest: GuestId, staff: &str) -> Result<()> {
        self.conn.pragma_update(None, "secure_delete", true)?;
        let tx = self.write()?;
        if !guest_exists(&tx, guest)? {
            return Err(StoreError::NotFound(format!("guest {guest}")));
        }
        tx.prepare_cached(
            "DELETE FROM follow_ups WHERE recovery_id IN (SELECT id FROM recoveries WHERE guest_id = ?1)",
        )?
        .execute([guest.0])?;
        tx.prepare_cached(
            "UPDATE recoveries SET guest_id = NULL, what_happened = '', action_taken = '' WHERE guest_id = ?1",
        )?
        .execute([guest.0])?;
        tx.prepare_cached("DELETE FROM guests WHERE id = ?1")?.execute([guest.0])?;
        audit(&tx, staff, "guest forgotten", Some(guest), "")?;
        tx.commit()?;
        self.conn.execute_batch("VACUUM")?;
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Takes back a guest added by mistake (the counter's undo), while nothing has been recorded for them yet.
    pub fn undo_guest_added(&mut self, guest: GuestId, staff: &str) -> Result<()> {
        let tx = self.write()?;
        let history = history(&tx, guest)?;
        if !history.visits.is_empty() || !history.recoveries.is_empty() {
            return Err(StoreError::Invalid(ValidationError::new("guest", "has visits or recoveries now; kept")));
        }
        tx.prepare_cached("DELETE FROM guests WHERE id = ?1")?.execute([guest.0])?;
        audit(&tx, staff, "guest add undone", Some(guest), "")?;
        tx.commit()?;
        Ok(())
    }

    /// Takes back a recovery recorded by mistake (the counter's undo).
    pub fn undo_recovery_added(&mut self, recovery: RecoveryId, staff: &str) -> Result<()> {
        self.change_recovery(recovery, staff, "recovery undone", |tx| {
            tx.prepare_cached("DELETE FROM recoveries WHERE id = ?1")?.execute([recovery.0])?;
            Ok(())
        })
    }

    /// Opens a resolved recovery again (the counter's undo of a resolve).
    pub fn reopen_recovery(&mut self, recovery: RecoveryId, staff: &str) -> Result<()> {
        self.change_recovery(recovery, staff, "recovery reopened", |tx| {
            tx.prepare_cached("UPDATE recoveries SET resolved_at = NULL WHERE id = ?1")?.execute([recovery.0])?;
            Ok(())
        })
    }

    /// Takes back a visit logged by mistake (the counter's undo).
    pub fn undo_visit(&mut self, visit: VisitId, staff: &str) -> Result<()> {
        let tx = self.write()?;
        let guest: Option<i64> = tx
            .prepare_cached("SELECT guest_id FROM visits WHERE id = ?1")?
            .query_row([visit.0], |r| r.get(0))
            .optional()?;
        let guest = guest.ok_or_else(|| StoreError::NotFound(format!("visit {}", visit.0)))?;
        tx.prepare_cached("DELETE FROM visits WHERE id = ?1")?.execute([visit.0])?;
        audit(&tx, staff, "visit undone", Some(GuestId(guest)), &format!("visit {}", visit.0))?;
        tx.commit()?;
        Ok(())
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

fn insert_guest(tx: &Transaction<'_>, profile: &Profile, staff: &str) -> Result<GuestId> {
    let now = to_millis(Utc::now());
    let keys = SearchKeys::of(&profile.name, &profile.greeting, &profile.email);
    tx.prepare_cached(
        "INSERT INTO guests (name, greeting, phone, email, birthday, tags, allergies, preferences, notes,
                             name_key, greeting_key, search_mask, created_at, updated_at, notes_by, notes_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14,
                 CASE WHEN ?9 = '' THEN NULL ELSE ?13 END)",
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
        if profile.notes.is_empty() { "" } else { staff },
    ])?;
    Ok(GuestId(tx.last_insert_rowid()))
}

/// Replaces the profile; when the notes change, records who changed them and when.
fn update_guest(tx: &Transaction<'_>, id: GuestId, profile: &Profile, staff: &str) -> Result<()> {
    let keys = SearchKeys::of(&profile.name, &profile.greeting, &profile.email);
    tx.prepare_cached(
        "UPDATE guests SET name = ?2, greeting = ?3, phone = ?4, email = ?5, birthday = ?6, tags = ?7, allergies = ?8,
                           preferences = ?9, name_key = ?11, greeting_key = ?12, search_mask = ?13,
                           version = version + 1, updated_at = ?14,
                           notes_by = CASE WHEN notes = ?10 THEN notes_by ELSE ?15 END,
                           notes_at = CASE WHEN notes = ?10 THEN notes_at ELSE ?14 END,
                           notes = ?10
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
        staff,
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

/// The guest a recovery belongs to, if any; `NotFound` if there is no such recovery.
fn recovery_guest(tx: &Transaction<'_>, recovery: RecoveryId) -> Result<Option<GuestId>> {
    let guest: Option<Option<i64>> = tx
        .prepare_cached("SELECT guest_id FROM recoveries WHERE id = ?1")?
        .query_row([recovery.0], |r| r.get(0))
        .optional()?;
    let guest = guest.ok_or_else(|| StoreError::NotFound(format!("recovery {}", recovery.0)))?;
    Ok(guest.map(GuestId))
}

fn insert_recovery(tx: &Transaction<'_>, guest: Option<GuestId>, recovery: &Recovery) -> Result<RecoveryId> {
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
    Ok(RecoveryId(id))
}

/// Appends to the audit log inside the caller's transaction. `detail` never holds personal data, so that erasing a
/// guest leaves nothing of them in the log.
pub(super) fn audit(
    tx: &Transaction<'_>,
    staff: &str,
    action: &str,
    guest: Option<GuestId>,
    detail: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit_log (at, staff, action, guest_id, detail, desk)
         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT name FROM temp.desk))",
    )?
    .execute(params![to_millis(Utc::now()), staff, action, guest.map(|g| g.0), detail])?;
    Ok(())
}
