//! Reading guests with their history: whole for an export or a merge, only the latest for a card and the outreach
//! list, whatever the length of the history.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::read::{
    GUEST_COLUMNS, RECOVERY_COLUMN_COUNT, RECOVERY_COLUMNS, guest_from_row, guest_ids, recovery_from_row,
};
use super::sql::{Row, Sql, args};
use super::unreadable::{Kind, Reading};
use super::{Result, Store, StoreError, to_millis};
use crate::domain::outreach::{Occasion, Standing, Written};
use crate::domain::{Earlier, FollowUp, GuestHistory, GuestId, RecoveryEntry, RecoveryId, Visit};

impl Store {
    /// What the outreach list weighs of every guest it may list — those with a birthday, and regulars (at least two
    /// visits) whose last visit was before `lapsed_before` — in id order, for `outreach::prospects` to choose from:
    /// read from the guests' own rows (their visits are counted there), never their history.
    pub fn outreach(&self, lapsed_before: DateTime<Utc>) -> Result<Vec<Standing>> {
        let sql = self.sql();
        let mut standings = sql.rows_of(
            self.past(),
            Kind::Guest,
            "SELECT id, birthday, visit_count, last_visit_at FROM guests
             WHERE birthday IS NOT NULL OR (visit_count >= 2 AND last_visit_at < ?1) ORDER BY id",
            args![to_millis(lapsed_before)],
            |row| {
                Ok(Standing {
                    guest: GuestId(row.id(0)?),
                    birthday: row.birthday(1)?,
                    visits: usize::try_from(row.id(2)?).unwrap_or_default(),
                    last_visit: row.opt_time(3)?,
                    written: vec![],
                })
            },
        )?;
        let slot: HashMap<GuestId, usize> = standings.iter().enumerate().map(|(i, s)| (s.guest, i)).collect();
        // Read whole: one row a letter written, each of which the list must be checked against. (Naming the
        // guests to the query instead cost a row each in a temporary table: more than reading every note.)
        let notes = format!("SELECT id, {WRITTEN_COLUMNS} FROM outreach_contacts ORDER BY guest_id, id");
        sql.each_of(self.past(), Kind::OutreachNote, &notes, &[], &mut |row| {
            if let Some(&i) = slot.get(&GuestId(row.id(1)?)) {
                standings[i].written.push(written_from_row(row, 2)?);
            }
            Ok(())
        })?;
        Ok(standings)
    }

    /// The guests `ids` as a card shows them (their latest visits, see `recent_history`), for a page of the
    /// outreach list: in a few queries for the page, however long their histories.
    pub fn outreach_page(&self, ids: &[GuestId]) -> Result<Vec<GuestHistory>> {
        let sql = self.sql();
        choose(sql, ids.iter().copied())?;
        let mut histories = load(sql, Which::Chosen, Visits::Latest, self.past())?;
        for history in &mut histories {
            earlier(sql, history, self.past())?;
        }
        Ok(histories)
    }

    /// One guest with their whole history: for an export of one guest (rows of their history that cannot be read
    /// are passed over, see `unreadable`).
    pub fn history(&self, id: GuestId) -> Result<GuestHistory> {
        history(self.sql(), id, self.past())
    }

    /// The key that names guest `id` for good in an export: where they were brought in from (`origin`), else this
    /// book's own id and theirs.
    pub fn guest_key(&self, id: GuestId) -> Result<String> {
        Ok(keys(self.sql(), id.0, id.0, Reading::Strict)?.remove(&id).unwrap_or_default())
    }

    /// One guest with their latest visits (see `CARD_VISITS`) and what the earlier ones add up to: what a card, the
    /// visit form and outreach show, read in a few steps down indexes however long the guest's history.
    pub fn recent_history(&self, id: GuestId) -> Result<GuestHistory> {
        recent_history(self.sql(), id, self.past())
    }

    /// What an export writes, all as of one moment: every guest with their whole history, in id order, handed to
    /// `each` one at a time and read `EXPORT_BATCH` guests at a time, so that memory holds a batch, not the book;
    /// then the recoveries recorded for nobody. The first error `each` returns stops it and is returned inside.
    /// Rows that cannot be read are passed over (see `unreadable`): an export carries the rest of the book.
    pub fn export<E>(
        &mut self,
        mut each: impl FnMut(GuestHistory, &str) -> Result<(), E>,
    ) -> Result<Result<Vec<RecoveryEntry>, E>> {
        self.snapshot(|sql, reading| {
            if let Some((first, last)) = guest_ids(sql)? {
                let mut from = first;
                while from <= last {
                    let to = from.saturating_add(EXPORT_BATCH - 1);
                    let mut keys = keys(sql, from, to, reading)?;
                    for history in load(sql, Which::Between(from, to), Visits::All, reading)? {
                        // A guest whose key cannot be read is noted as unreadable, and left out.
                        let Some(key) = keys.remove(&history.guest.id) else { continue };
                        if let Err(error) = each(history, &key) {
                            return Ok(Err(error));
                        }
                    }
                    from = to.saturating_add(1);
                }
            }
            Ok(Ok(unattached_recoveries(sql, reading)?))
        })
    }
}

/// The keys of the guests with ids `from` to `to`: the key they were brought in under, else `BOOK:ID`, BOOK this
/// book's own id (made by migration 8).
fn keys(sql: &dyn Sql, from: i64, to: i64, reading: Reading<'_>) -> Result<HashMap<GuestId, String>> {
    let book =
        sql.one("SELECT value FROM book_settings WHERE key = 'book_id'", &[], |r| r.string(0))?.unwrap_or_default();
    let mut keys = HashMap::new();
    let origins = "SELECT id, origin FROM guests WHERE id BETWEEN ?1 AND ?2";
    sql.each_of(reading, Kind::Guest, origins, args![from, to], &mut |row| {
        let id = row.id(0)?;
        keys.insert(GuestId(id), row.opt_string(1)?.unwrap_or_else(|| format!("{book}:{id}")));
        Ok(())
    })?;
    Ok(keys)
}

/// The recoveries recorded for nobody in particular (or whose guest was erased), oldest first: part of the book an
/// export must carry, as the tally counts them.
fn unattached_recoveries(sql: &dyn Sql, reading: Reading<'_>) -> Result<Vec<RecoveryEntry>> {
    let mut entries = sql.rows_of(
        reading,
        Kind::Recovery,
        &format!("SELECT {RECOVERY_COLUMNS} FROM recoveries WHERE guest_id IS NULL ORDER BY opened_at, id"),
        &[],
        |row| recovery_from_row(row),
    )?;
    let spoiled = sql.each_of(
        reading,
        Kind::FollowUp,
        &format!(
            "SELECT {FOLLOW_UP_COLUMNS} FROM follow_ups f JOIN recoveries r ON r.id = f.recovery_id
             WHERE r.guest_id IS NULL ORDER BY f.recovery_id, f.position"
        ),
        &[],
        &mut |row| {
            let id = RecoveryId(row.id(0)?);
            let follow_up = follow_up_from_row(row)?;
            if let Some(entry) = entries.iter_mut().find(|e| e.id == id) {
                entry.recovery.follow_ups.push(follow_up);
            }
            Ok(())
        },
    )?;
    for id in without_spoiled(&spoiled, reading)? {
        entries.retain(|entry| entry.id != id);
    }
    Ok(entries)
}

/// One guest with their whole history; `reading` says how rows of the history that cannot be read are met (the
/// guest's own row, without which there is nothing to show, is always refused so).
pub(super) fn history(sql: &dyn Sql, id: GuestId, reading: Reading<'_>) -> Result<GuestHistory> {
    load(sql, Which::One(id), Visits::All, reading)?.pop().ok_or_else(|| StoreError::NotFound(format!("guest {id}")))
}

/// How many of a guest's latest visits a card holds: more than a tall screen lists, more than the ten the usual is
/// drawn from, and the visit form's own suggestions come from them.
const CARD_VISITS: usize = 60;

fn recent_history(sql: &dyn Sql, id: GuestId, reading: Reading<'_>) -> Result<GuestHistory> {
    let mut history = load(sql, Which::One(id), Visits::None, reading)?
        .pop()
        .ok_or_else(|| StoreError::NotFound(format!("guest {id}")))?;
    let latest = format!(
        "SELECT id, {VISIT_COLUMNS} FROM visits WHERE guest_id = ?1 ORDER BY at DESC, id DESC LIMIT {CARD_VISITS}"
    );
    history.visits = sql.rows_of(reading, Kind::Visit, &latest, args![id.0], |row| visit_from_row(row, 1))?;
    history.visits.reverse();
    earlier(sql, &mut history, reading)?;
    Ok(history)
}

/// What the visits before a history's latest `CARD_VISITS` add up to, when it holds that many: a few steps down
/// the index of the guest's visits.
fn earlier(sql: &dyn Sql, history: &mut GuestHistory, reading: Reading<'_>) -> Result<()> {
    if history.visits.len() < CARD_VISITS {
        return Ok(());
    }
    let id = history.guest.id.0;
    let count = "SELECT id, visit_count FROM guests WHERE id = ?1";
    let count = sql.rows_of(reading, Kind::Guest, count, args![id], |row| row.id(1))?.pop().unwrap_or_default();
    // The first time of every visit: no one visit's id to blame when it cannot be read.
    let first = "SELECT NULL, min(at) FROM visits WHERE guest_id = ?1";
    let first = sql.rows_of(reading, Kind::Visit, first, args![id], |row| row.opt_time(1))?.pop();
    // Only when none of the latest had a seat: then any seated visit is an earlier one.
    let seat = if history.visits.iter().all(|v| v.seat.is_empty()) {
        sql.rows_of(
            reading,
            Kind::Visit,
            "SELECT id, seat, at FROM visits WHERE guest_id = ?1 AND seat <> '' ORDER BY at DESC, id DESC LIMIT 1",
            args![id],
            |row| Ok((row.string(1)?, row.time(2)?)),
        )?
        .pop()
    } else {
        None
    };
    history.earlier = Earlier {
        count: usize::try_from(count).unwrap_or_default().saturating_sub(CARD_VISITS),
        first: first.flatten(),
        seat,
    };
    Ok(())
}

/// Puts `ids` in the connection's temporary `chosen` table (in place of what it held), for queries that read
/// those guests' rows in one go. (INTEGER PRIMARY KEY: in SQLite that is the row id itself, with no second index.)
fn choose(sql: &dyn Sql, ids: impl Iterator<Item = GuestId>) -> Result<()> {
    sql.run("CREATE TEMP TABLE IF NOT EXISTS chosen (id INTEGER PRIMARY KEY)", &[])?;
    sql.run("DELETE FROM chosen", &[])?;
    for id in ids {
        sql.run("INSERT INTO chosen (id) VALUES (?1) ON CONFLICT DO NOTHING", args![id.0])?;
    }
    Ok(())
}

/// The columns `visit_from_row` reads, in its order.
const VISIT_COLUMNS: &str = "at, seat, items, party_size, staff, note";

fn visit_from_row(row: &dyn Row, first: usize) -> Result<Visit> {
    Ok(Visit {
        at: row.time(first)?,
        seat: row.string(first + 1)?,
        order: row.list(first + 2)?,
        party_size: row.int(first + 3)?.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        staff: row.string(first + 4)?,
        note: row.string(first + 5)?,
    })
}

/// Which guests `load` reads.
#[derive(Clone, Copy)]
enum Which {
    One(GuestId),
    /// Those whose ids are in the connection's temporary `chosen` table.
    Chosen,
    /// Those whose ids are in the range, both ends included.
    Between(i64, i64),
}

/// How many guests an export reads at a time: their histories are what it holds in memory.
const EXPORT_BATCH: i64 = 1000;

/// Which visits `load` reads.
#[derive(Clone, Copy, PartialEq)]
enum Visits {
    All,
    /// Each guest's latest `CARD_VISITS`.
    Latest,
    None,
}

/// Loads one guest, the chosen ones or a range of ids, with the visits asked for, recoveries and outreach notes, in
/// five queries whatever the count. Rows that cannot be read are met as `reading` says, but one guest's own row is
/// always refused so: a card of the guest asked for is never shown empty.
fn load(sql: &dyn Sql, which: Which, visits: Visits, reading: Reading<'_>) -> Result<Vec<GuestHistory>> {
    // The filter is one of three constant fragments; an id is always a bound parameter.
    let filter = |column: &str| match which {
        Which::One(_) => format!("WHERE {column} = ?1"),
        Which::Chosen => format!("WHERE {column} IN (SELECT id FROM chosen)"),
        Which::Between(..) => format!("WHERE {column} BETWEEN ?1 AND ?2"),
    };
    let one = match which {
        Which::One(id) => args![id.0].to_vec(),
        Which::Between(from, to) => args![from, to].to_vec(),
        Which::Chosen => Vec::new(),
    };
    let guests_reading = if matches!(which, Which::One(_)) { Reading::Strict } else { reading };

    let mut slot = HashMap::new();
    let mut histories = Vec::new();
    let guests = format!("SELECT {GUEST_COLUMNS} FROM guests {} ORDER BY id", filter("id"));
    sql.each_of(guests_reading, Kind::Guest, &guests, &one, &mut |row| {
        let guest = guest_from_row(row)?;
        slot.insert(guest.id, histories.len());
        let (visits, recoveries, written) = (Vec::new(), Vec::new(), Vec::new());
        histories.push(GuestHistory { guest, visits, earlier: Earlier::default(), recoveries, written });
        Ok(())
    })?;

    let visits = match visits {
        Visits::All => {
            format!("SELECT id, guest_id, {VISIT_COLUMNS} FROM visits {} ORDER BY guest_id, at, id", filter("guest_id"))
        }
        Visits::Latest => format!(
            "SELECT id, guest_id, {VISIT_COLUMNS} FROM (
                 SELECT v.*, row_number() OVER (PARTITION BY guest_id ORDER BY at DESC, id DESC) AS newest
                 FROM visits v {}
             ) latest WHERE newest <= {CARD_VISITS} ORDER BY guest_id, at, id",
            filter("guest_id")
        ),
        Visits::None => String::new(),
    };
    if !visits.is_empty() {
        sql.each_of(reading, Kind::Visit, &visits, &one, &mut |row| {
            let visit = visit_from_row(row, 2)?;
            if let Some(&i) = slot.get(&GuestId(row.id(1)?)) {
                histories[i].visits.push(visit);
            }
            Ok(())
        })?;
    }

    let mut recovery_slot = HashMap::new();
    let recoveries = format!(
        "SELECT {RECOVERY_COLUMNS}, guest_id FROM recoveries {} ORDER BY guest_id, opened_at, id",
        filter("guest_id")
    );
    sql.each_of(reading, Kind::Recovery, &recoveries, &one, &mut |row| {
        let entry = recovery_from_row(row)?;
        if let Some(&i) = slot.get(&GuestId(row.id(RECOVERY_COLUMN_COUNT)?)) {
            recovery_slot.insert(entry.id, (i, histories[i].recoveries.len()));
            histories[i].recoveries.push(entry);
        }
        Ok(())
    })?;

    let follow_ups = format!(
        "SELECT {FOLLOW_UP_COLUMNS} FROM follow_ups f JOIN recoveries r ON r.id = f.recovery_id
         {} ORDER BY f.recovery_id, f.position",
        filter("r.guest_id")
    );
    let spoiled = sql.each_of(reading, Kind::FollowUp, &follow_ups, &one, &mut |row| {
        let follow_up = follow_up_from_row(row)?;
        if let Some(&(i, j)) = recovery_slot.get(&RecoveryId(row.id(0)?)) {
            histories[i].recoveries[j].recovery.follow_ups.push(follow_up);
        }
        Ok(())
    })?;
    for id in without_spoiled(&spoiled, reading)? {
        for history in &mut histories {
            history.recoveries.retain(|entry| entry.id != id);
        }
    }

    let notes =
        format!("SELECT id, {WRITTEN_COLUMNS} FROM outreach_contacts {} ORDER BY guest_id, id", filter("guest_id"));
    sql.each_of(reading, Kind::OutreachNote, &notes, &one, &mut |row| {
        let written = written_from_row(row, 2)?;
        if let Some(&i) = slot.get(&GuestId(row.id(1)?)) {
            histories[i].written.push(written);
        }
        Ok(())
    })?;
    Ok(histories)
}

/// The recoveries a follow-up of which was passed over as unreadable, each noted: they are left out whole, since a
/// follow-up is ticked by its place among its recovery's, and a recovery shown without one of them would have the
/// wrong one ticked, or be offered as all done.
fn without_spoiled(spoiled: &[Option<i64>], reading: Reading<'_>) -> Result<Vec<RecoveryId>> {
    let mut ids: Vec<i64> = spoiled.iter().flatten().copied().collect();
    ids.dedup();
    for &id in &ids {
        reading.pass(Kind::Recovery, Some(id), "one of its follow-ups cannot be read".to_owned())?;
    }
    Ok(ids.into_iter().map(RecoveryId).collect())
}

/// The columns of the notes of who was written to: the guest, then what `written_from_row` reads.
const WRITTEN_COLUMNS: &str = "guest_id, reason, occasion, written_at, staff";

/// A note of a guest written to: occasion, of which, when, by whom, from column `first` on.
fn written_from_row(row: &dyn Row, first: usize) -> Result<Written> {
    let reason = row.str(first)?;
    let occasion = Occasion::parse(reason).ok_or_else(|| row.corrupt(first, "is not an occasion"))?;
    Ok(Written { occasion, of: row.string(first + 1)?, at: row.time(first + 2)?, staff: row.string(first + 3)? })
}

/// A follow-up's columns, its recovery's id first, as `follow_up_from_row` reads them.
pub(super) const FOLLOW_UP_COLUMNS: &str = "f.recovery_id, f.task, f.done, f.owner, f.due_at, f.done_at, f.done_by";

/// A follow-up from the `FOLLOW_UP_COLUMNS`.
pub(super) fn follow_up_from_row(row: &dyn Row) -> Result<FollowUp> {
    let owner = row.string(3)?;
    Ok(FollowUp {
        task: row.string(1)?,
        done: row.flag(2)?,
        owner: (!owner.is_empty()).then_some(owner),
        due: row.opt_time(4)?,
        ticked: row.opt_time(5)?.map(|at| row.string(6).map(|by| (at, by))).transpose()?,
    })
}
