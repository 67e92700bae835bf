//! Writes. Each public method is one transaction that includes its audit-log rows (an import's: `import.rs`).

use super::read::{self, guest_exists};
use super::sql::{Sql, Value, args};
use super::{Result, Store, StoreError, to_millis};
use crate::domain::clash::{Reconciled, changed_fields, reconcile};
use crate::domain::merge::combine;
use crate::domain::{Guest, GuestId, Profile, Recovery, RecoveryId, ValidationError, Visit, VisitId};
use crate::search::SearchKeys;
use chrono::{DateTime, Utc};

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

impl Store {
    /// Adds a guest. Returns once the guest is durably committed.
    pub fn add_guest(&mut self, profile: Profile, staff: &str) -> Result<GuestId> {
        let profile = profile.validated()?;
        self.write(|tx| {
            let id = insert_guest(tx, &profile, staff)?;
            audit(tx, staff, "guest added", Some(id), "")?;
            Ok(id)
        })
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
        self.write(|tx| {
            let current = read::guest(tx, id)?;
            let (profile, kept_theirs) = if current.version == version {
                (ours.clone(), Vec::new())
            } else {
                let reconciled = reconcile(base, &current.profile, &ours);
                if !reconciled.clashes.is_empty() {
                    return Err(StoreError::Clash(Box::new(ClashReport { theirs: current, reconciled })));
                }
                (reconciled.profile.validated()?, reconciled.kept_theirs)
            };
            let fields = changed_fields(&current.profile, &profile);
            update_guest(tx, id, &profile, staff)?;
            let mut detail =
                format!("fields: {}", if fields.is_empty() { "none".to_owned() } else { fields.join(", ") });
            if !kept_theirs.is_empty() {
                detail.push_str(&format!("; joined with another desk's change to {}", kept_theirs.join(", ")));
            }
            audit(tx, staff, "guest edited", Some(id), &detail)?;
            Ok(Edited { version: current.version + 1, profile, before: current.profile, kept_theirs })
        })
    }

    /// Opens a recovery, for a guest or for nobody in particular (a mishap need not have a guest).
    pub fn add_recovery(&mut self, guest: Option<GuestId>, recovery: Recovery, staff: &str) -> Result<RecoveryId> {
        let recovery = recovery.validated()?;
        self.write(|tx| {
            if let Some(guest) = guest
                && !guest_exists(tx, guest)?
            {
                return Err(StoreError::NotFound(format!("guest {guest}")));
            }
            let id = insert_recovery(tx, guest, &recovery)?;
            audit(tx, staff, "recovery opened", guest, &format!("recovery {}", id.0))?;
            Ok(id)
        })
    }

    /// Ticks (or unticks) the follow-up at `index` (0-based) of a recovery.
    pub fn set_follow_up(&mut self, recovery: RecoveryId, index: usize, done: bool, staff: &str) -> Result<()> {
        self.write(|tx| {
            let guest = recovery_guest(tx, recovery)?;
            let position = i64::try_from(index).unwrap_or(i64::MAX);
            let ticked = done.then(|| to_millis(Utc::now()));
            let changed = tx.run(
                "UPDATE follow_ups SET done = ?3, done_at = ?4, done_by = ?5 WHERE recovery_id = ?1 AND position = ?2",
                args![recovery.0, position, done, ticked, if done { staff } else { "" }],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!("follow-up {} of recovery {}", index + 1, recovery.0)));
            }
            let action = if done { "follow-up done" } else { "follow-up reopened" };
            audit(tx, staff, action, guest, &format!("recovery {} follow-up {}", recovery.0, index + 1))
        })
    }

    /// Marks a recovery resolved at `at`.
    pub fn resolve_recovery(&mut self, recovery: RecoveryId, at: DateTime<Utc>, staff: &str) -> Result<()> {
        self.change_recovery(recovery, staff, "recovery resolved", |tx| {
            let times =
                tx.one("SELECT opened_at, resolved_at FROM recoveries WHERE id = ?1", args![recovery.0], |r| {
                    Ok((r.id(0)?, r.int(1)?))
                })?;
            let (opened, resolved) = times.ok_or_else(|| StoreError::NotFound(format!("recovery {}", recovery.0)))?;
            if let Some(resolved) = resolved {
                let on = super::from_millis(resolved)?.format("%Y-%m-%d %H:%M UTC");
                return Err(StoreError::Invalid(ValidationError::new(
                    "recovery",
                    crate::domain::Problem::ResolvedAlready(recovery.0, on.to_string()),
                )));
            }
            if to_millis(at) < opened {
                return Err(StoreError::Invalid(ValidationError::new(
                    "resolved_at",
                    crate::domain::Problem::BeforeOpened,
                )));
            }
            tx.run("UPDATE recoveries SET resolved_at = ?2 WHERE id = ?1", args![recovery.0, to_millis(at)])?;
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
        change: impl Fn(&dyn Sql) -> Result<()>,
    ) -> Result<()> {
        self.write(|tx| {
            let guest = recovery_guest(tx, recovery)?;
            change(tx)?;
            audit(tx, staff, action, guest, &format!("recovery {}", recovery.0))
        })
    }

    /// Merges guest `from` into guest `into` (the same person entered twice): visits and recoveries move, the
    /// profiles are combined (see `domain::merge::combine`), `from` is removed. One transaction, audited on both.
    pub fn merge_guests(&mut self, from: GuestId, into: GuestId, staff: &str) -> Result<Merged> {
        if from == into {
            return Err(StoreError::Invalid(ValidationError::new("into", crate::domain::Problem::SameGuest)));
        }
        self.write(|tx| {
            let (source, target) = (read::guest(tx, from)?, read::guest(tx, into)?);
            let profile = combine(&target.profile, &source.profile).validated()?;
            let ids = |sql: &str| tx.rows(sql, args![from.0], |r| r.id(0));
            let visits = ids("SELECT id FROM visits WHERE guest_id = ?1")?;
            let recoveries = ids("SELECT id FROM recoveries WHERE guest_id = ?1")?;
            tx.run("UPDATE visits SET guest_id = ?2 WHERE guest_id = ?1", args![from.0, into.0])?;
            tx.run("UPDATE recoveries SET guest_id = ?2 WHERE guest_id = ?1", args![from.0, into.0])?;
            update_guest(tx, into, &profile, staff)?;
            tx.run("DELETE FROM guests WHERE id = ?1", args![from.0])?;
            audit(tx, staff, "guest merged away", Some(from), &format!("into guest {into}"))?;
            audit(tx, staff, "guest merged", Some(into), &format!("guest {from} merged in"))?;
            let into_version = target.version + 1;
            Ok(Merged { from: source, into: target, into_version, visits, recoveries })
        })
    }

    /// Takes back a merge (the counter's undo): the merged-away guest comes back with its id, version and visits
    /// and recoveries, and the kept guest gets its profile back — refused as `Changed` if another desk changed the
    /// kept guest since, so nothing they saved is overwritten.
    pub fn unmerge(&mut self, merged: &Merged, staff: &str) -> Result<()> {
        self.write(|tx| {
            let (from, into) = (merged.from.id, merged.into.id);
            if read::guest(tx, into)?.version != merged.into_version {
                return Err(StoreError::Changed);
            }
            let id = insert_guest(tx, &merged.from.profile, staff)?;
            let noted = merged.from.notes_by.as_ref();
            tx.run(
                "UPDATE guests SET id = ?2, version = ?3, notes_by = ?4, notes_at = ?5 WHERE id = ?1",
                args![
                    id.0,
                    from.0,
                    merged.from.version,
                    noted.map_or("", |n| n.staff.as_str()),
                    noted.map(|n| to_millis(n.at))
                ],
            )?;
            for visit in &merged.visits {
                tx.run("UPDATE visits SET guest_id = ?2 WHERE id = ?1", args![*visit, from.0])?;
            }
            for recovery in &merged.recoveries {
                tx.run("UPDATE recoveries SET guest_id = ?2 WHERE id = ?1", args![*recovery, from.0])?;
            }
            update_guest(tx, into, &merged.into.profile, staff)?;
            audit(tx, staff, "merge undone", Some(from), &format!("out of guest {into}"))?;
            audit(tx, staff, "merge undone", Some(into), &format!("guest {from} taken out"))
        })
    }

    /// Erases a guest at their request: the guest, their visits, notes and heads-ups go; their recoveries stay in
    /// the mishap tally without the guest and without their free text. Deleted content is overwritten
    /// (`secure_delete`), the book is rewritten without free pages (VACUUM) and the write-ahead log emptied, so the
    /// guest's name and phone are nowhere in the files afterwards. Audited by id only.
    pub fn forget(&mut self, guest: GuestId, staff: &str) -> Result<()> {
        if let Some(conn) = self.file() {
            super::sqlite::before_erasure(conn)?;
        }
        self.write(|tx| {
            if !guest_exists(tx, guest)? {
                return Err(StoreError::NotFound(format!("guest {guest}")));
            }
            tx.run(
                "DELETE FROM follow_ups WHERE recovery_id IN (SELECT id FROM recoveries WHERE guest_id = ?1)",
                args![guest.0],
            )?;
            tx.run(
                "UPDATE recoveries SET guest_id = NULL, what_happened = '', action_taken = '' WHERE guest_id = ?1",
                args![guest.0],
            )?;
            tx.run("DELETE FROM guests WHERE id = ?1", args![guest.0])?;
            audit(tx, staff, "guest forgotten", Some(guest), "")
        })?;
        match &self.db {
            super::Db::Sqlite(conn) => super::sqlite::after_erasure(conn),
            super::Db::Postgres(conn) => conn.after_erasure(),
        }
    }

    /// Takes back a guest added by mistake (the counter's undo), while nothing has been recorded for them yet.
    pub fn undo_guest_added(&mut self, guest: GuestId, staff: &str) -> Result<()> {
        self.write(|tx| {
            read::guest(tx, guest)?;
            let recorded = "SELECT EXISTS (SELECT 1 FROM visits WHERE guest_id = ?1)
                                 OR EXISTS (SELECT 1 FROM recoveries WHERE guest_id = ?1)";
            if tx.one(recorded, args![guest.0], |row| row.flag(0))? == Some(true) {
                return Err(StoreError::Invalid(ValidationError::new("guest", crate::domain::Problem::HasHistory)));
            }
            tx.run("DELETE FROM guests WHERE id = ?1", args![guest.0])?;
            audit(tx, staff, "guest add undone", Some(guest), "")
        })
    }

    /// Takes back a recovery recorded by mistake (the counter's undo).
    pub fn undo_recovery_added(&mut self, recovery: RecoveryId, staff: &str) -> Result<()> {
        self.change_recovery(recovery, staff, "recovery undone", |tx| {
            tx.run("DELETE FROM recoveries WHERE id = ?1", args![recovery.0])?;
            Ok(())
        })
    }

    /// Opens a resolved recovery again (the counter's undo of a resolve).
    pub fn reopen_recovery(&mut self, recovery: RecoveryId, staff: &str) -> Result<()> {
        self.change_recovery(recovery, staff, "recovery reopened", |tx| {
            tx.run("UPDATE recoveries SET resolved_at = NULL WHERE id = ?1", args![recovery.0])?;
            Ok(())
        })
    }

    /// Takes back a visit logged by mistake (the counter's undo).
    pub fn undo_visit(&mut self, visit: VisitId, staff: &str) -> Result<()> {
        self.write(|tx| {
            let guest = tx.one("SELECT guest_id FROM visits WHERE id = ?1", args![visit.0], |r| r.id(0))?;
            let guest = guest.ok_or_else(|| StoreError::NotFound(format!("visit {}", visit.0)))?;
            tx.run("DELETE FROM visits WHERE id = ?1", args![visit.0])?;
            audit(tx, staff, "visit undone", Some(GuestId(guest)), &format!("visit {}", visit.0))
        })
    }

    /// Logs a visit for a guest. Returns once the visit is durably committed.
    pub fn log_visit(&mut self, guest: GuestId, visit: Visit, staff: &str) -> Result<VisitId> {
        let visit = visit.validated()?;
        self.write(|tx| {
            if !guest_exists(tx, guest)? {
                return Err(StoreError::NotFound(format!("guest {guest}")));
            }
            let id = insert_visit(tx, guest, &visit)?;
            audit(tx, staff, "visit logged", Some(guest), &format!("visit {}", id.0))?;
            Ok(id)
        })
    }
}

pub(super) fn insert_guest(tx: &dyn Sql, profile: &Profile, staff: &str) -> Result<GuestId> {
    let now = to_millis(Utc::now());
    let mut values = profile_values(profile)?;
    let noted = !profile.notes.is_empty();
    values.extend_from_slice(args![now, if noted { staff } else { "" }, noted.then_some(now)]);
    let id = tx.number(
        "INSERT INTO guests (name, greeting, phone, email, birthday, tags, allergies, preferences, notes,
                             name_key, greeting_key, search_mask, spelling_keys, other_names, repeat_mask,
                             spelling_starts, created_at, updated_at, notes_by, notes_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17, ?18, ?19)
         RETURNING id",
        &values,
    )?;
    Ok(GuestId(id))
}

/// Replaces the profile; when the notes change, records who changed them and when.
pub(super) fn update_guest(tx: &dyn Sql, id: GuestId, profile: &Profile, staff: &str) -> Result<()> {
    let mut values = args![id.0].to_vec();
    values.extend(profile_values(profile)?);
    values.extend_from_slice(args![to_millis(Utc::now()), staff]);
    tx.run(
        "UPDATE guests SET name = ?2, greeting = ?3, phone = ?4, email = ?5, birthday = ?6, tags = ?7, allergies = ?8,
                           preferences = ?9, name_key = ?11, greeting_key = ?12, search_mask = ?13,
                           spelling_keys = ?14, other_names = ?15, repeat_mask = ?16, spelling_starts = ?17,
                           version = version + 1, updated_at = ?18,
                           notes_by = CASE WHEN notes = ?10 THEN notes_by ELSE ?19 END,
                           notes_at = CASE WHEN notes = ?10 THEN notes_at ELSE ?18 END,
                           notes = ?10
         WHERE id = ?1",
        &values,
    )?;
    Ok(())
}

/// A profile as the guests table stores it, with the search keys computed from it: name, greeting, phone, email,
/// birthday, tags, allergies, preferences, notes, name key, greeting key, search mask, spellings, other names,
/// repeated letters, spellings' word starts.
fn profile_values(profile: &Profile) -> Result<Vec<Value>> {
    let keys = SearchKeys::of(&profile.name, &profile.greeting, &profile.email, &profile.other_names);
    Ok(args![
        &profile.name,
        &profile.greeting,
        &profile.phone,
        &profile.email,
        profile.birthday.map(|b| b.to_string()),
        serde_json::to_string(&profile.tags)?,
        serde_json::to_string(&profile.allergies)?,
        serde_json::to_string(&profile.preferences)?,
        &profile.notes,
        keys.name,
        keys.greeting,
        keys.mask,
        keys.spellings,
        serde_json::to_string(&profile.other_names)?,
        keys.repeated,
        keys.spelling_starts,
    ]
    .to_vec())
}

pub(super) fn insert_visit(tx: &dyn Sql, guest: GuestId, visit: &Visit) -> Result<VisitId> {
    let id = tx.number(
        "INSERT INTO visits (guest_id, at, seat, items, party_size, staff, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         RETURNING id",
        args![
            guest.0,
            to_millis(visit.at),
            &visit.seat,
            serde_json::to_string(&visit.order)?,
            visit.party_size,
            &visit.staff,
            &visit.note,
        ],
    )?;
    Ok(VisitId(id))
}

/// The guest a recovery belongs to, if any; `NotFound` if there is no such recovery.
pub(super) fn recovery_guest(tx: &dyn Sql, recovery: RecoveryId) -> Result<Option<GuestId>> {
    let guest = tx.one("SELECT guest_id FROM recoveries WHERE id = ?1", args![recovery.0], |r| r.int(0))?;
    let guest = guest.ok_or_else(|| StoreError::NotFound(format!("recovery {}", recovery.0)))?;
    Ok(guest.map(GuestId))
}

pub(super) fn insert_recovery(tx: &dyn Sql, guest: Option<GuestId>, recovery: &Recovery) -> Result<RecoveryId> {
    let id = tx.number(
        "INSERT INTO recoveries (guest_id, opened_at, category, what_happened, action_taken, cost, resolved_at, staff)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         RETURNING id",
        args![
            guest.map(|g| g.0),
            to_millis(recovery.opened_at),
            &recovery.category,
            &recovery.what_happened,
            &recovery.action_taken,
            recovery.cost,
            recovery.resolved_at.map(to_millis),
            &recovery.staff,
        ],
    )?;
    for (position, follow_up) in (0_i64..).zip(&recovery.follow_ups) {
        tx.run(
            "INSERT INTO follow_ups (recovery_id, position, task, done, owner, due_at, done_at, done_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            args![
                id,
                position,
                &follow_up.task,
                follow_up.done,
                follow_up.owner.as_deref().unwrap_or_default(),
                follow_up.due.map(to_millis),
                follow_up.ticked.as_ref().map(|(at, _)| to_millis(*at)),
                follow_up.ticked.as_ref().map_or("", |(_, by)| by.as_str()),
            ],
        )?;
    }
    Ok(RecoveryId(id))
}

/// Appends to the audit log inside the caller's transaction. `detail` never holds personal data, so that erasing a
/// guest leaves nothing of them in the log.
pub(super) fn audit(tx: &dyn Sql, staff: &str, action: &str, guest: Option<GuestId>, detail: &str) -> Result<()> {
    tx.run(
        "INSERT INTO audit_log (at, staff, action, guest_id, detail, desk)
         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT name FROM desk))",
        args![to_millis(Utc::now()), staff, action, guest.map(|g| g.0), detail],
    )?;
    Ok(())
}
