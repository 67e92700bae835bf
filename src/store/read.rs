//! Queries that read the guest book.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use super::sql::{Row, Sql, args};
use super::{Db, Result, Store, StoreError, sqlite, to_millis};
use crate::domain::heads_up::{HeadsUp, Taken};
use crate::domain::outreach::{Occasion, Standing, Written};
use crate::domain::tally::Mishap;
use crate::domain::{
    Birthday, Earlier, FollowUp, Guest, GuestHistory, GuestId, Noted, Profile, Recovery, RecoveryEntry, RecoveryId,
    Visit,
};
use chrono::{DateTime, NaiveDate, Utc};

/// One change in the audit log: who, when, what, to which guest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub staff: String,
    pub action: String,
    pub guest: Option<GuestId>,
    /// The guest's name, while they are in the book.
    pub name: Option<String>,
    pub detail: String,
}

/// A guest already in the book with the same phone number or email as a guest about to be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub id: GuestId,
    pub name: String,
    /// "phone" or "email".
    pub same: &'static str,
}

/// Fewest digits a phone number needs before two numbers ending alike are taken for the same line.
const PHONE_DIGITS_COMPARED: usize = 8;

impl Store {
    /// How many guests the book holds.
    pub fn guest_count(&self) -> Result<i64> {
        self.sql().number("SELECT count(*) FROM guests", &[])
    }

    /// The lowest and highest guest id, if the book has guests.
    pub fn guest_ids(&self) -> Result<Option<(i64, i64)>> {
        // Two subqueries: each is one step down the table's b-tree, where min and max together scan every row.
        let ends = "SELECT (SELECT min(id) FROM guests), (SELECT max(id) FROM guests)";
        let ends = self.sql().one(ends, &[], |r| Ok(r.int(0)?.zip(r.int(1)?)))?;
        Ok(ends.flatten())
    }

    /// What the house serves most, from the visits logged last (a few steps back along the visits' ids, however
    /// many there are), most frequent first: for completing orders as typed.
    pub fn house_items(&self, limit: usize) -> Result<Vec<String>> {
        let mut counts: HashMap<String, (usize, String)> = HashMap::new();
        self.sql().each(HOUSE_ITEMS, &[], &mut |row| {
            for item in row.list(0)? {
                counts.entry(crate::domain::text::normalise(&item)).or_insert((0, item)).0 += 1;
            }
            Ok(())
        })?;
        let mut items: Vec<(usize, String)> = counts.into_values().collect();
        items.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok(items.into_iter().take(limit).map(|(_, item)| item).collect())
    }

    /// The recovery categories in use, most used first, counted over the recoveries recorded last (a few steps back
    /// along their ids, however many there are): for picking one as typed.
    pub fn categories(&self) -> Result<Vec<String>> {
        let mut counts: HashMap<String, i64> = HashMap::new();
        self.sql().each("SELECT category FROM recoveries ORDER BY id DESC LIMIT 2000", &[], &mut |row| {
            *counts.entry(row.string(0)?).or_default() += 1;
            Ok(())
        })?;
        // Ordered here, not by the database: text is ordered alike on every backend, whatever its collation.
        let mut counted: Vec<(String, i64)> = counts.into_iter().collect();
        counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(counted.into_iter().map(|(category, _)| category).collect())
    }

    /// What the outreach list weighs of every guest it may list — those whose birthday falls in the
    /// `birthdays_within` days from `today`, and lapsed regulars (at least two visits, the last before
    /// `lapsed_before`) — in id order: read from the guests' own rows (their visits are counted there), never their
    /// history.
    pub fn outreach(
        &self,
        today: NaiveDate,
        birthdays_within: i64,
        lapsed_before: DateTime<Utc>,
    ) -> Result<Vec<Standing>> {
        let sql = self.sql();
        let mut standings = Vec::new();
        sql.each(
            "SELECT id, birthday, visit_count, last_visit_at FROM guests
             WHERE birthday IS NOT NULL OR (visit_count >= 2 AND last_visit_at < ?1) ORDER BY id",
            args![to_millis(lapsed_before)],
            &mut |row| {
                let birthday: Option<Birthday> =
                    row.text(1)?.map(str::parse).transpose().map_err(StoreError::Corrupt)?;
                let visits = usize::try_from(row.id(2)?).unwrap_or_default();
                let last_visit = row.opt_time(3)?;
                let soon = birthday.is_some_and(|b| (b.next_on_or_after(today) - today).num_days() <= birthdays_within);
                let lapsed = visits >= 2 && last_visit.is_some_and(|at| at < lapsed_before);
                if soon || lapsed {
                    standings.push(Standing {
                        guest: GuestId(row.id(0)?),
                        birthday,
                        visits,
                        last_visit,
                        written: vec![],
                    });
                }
                Ok(())
            },
        )?;
        let slot: HashMap<GuestId, usize> = standings.iter().enumerate().map(|(i, s)| (s.guest, i)).collect();
        // Read whole: one row a letter written, each of which the list must be checked against. (Naming the
        // guests to the query instead cost a row each in a temporary table: more than reading every note.)
        sql.each(
            "SELECT guest_id, reason, occasion, written_at, staff FROM outreach_contacts ORDER BY guest_id, id",
            &[],
            &mut |row| {
                if let Some(&i) = slot.get(&GuestId(row.id(0)?)) {
                    standings[i].written.push(written_from_row(row, 1)?);
                }
                Ok(())
            },
        )?;
        Ok(standings)
    }

    /// The guests `ids` as a card shows them (their latest visits, see `recent_history`), for a page of the
    /// outreach list: in a few queries for the page, however long their histories.
    pub fn outreach_page(&self, ids: &[GuestId]) -> Result<Vec<GuestHistory>> {
        let sql = self.sql();
        choose(sql, ids.iter().copied())?;
        let mut histories = load(sql, Which::Chosen, Visits::Latest)?;
        for history in &mut histories {
            earlier(sql, history)?;
        }
        Ok(histories)
    }

    /// The heads-ups sent since `since`, newest first, with the guest's name and greeting for the banner.
    pub fn heads_ups(&self, since: DateTime<Utc>) -> Result<Vec<HeadsUp>> {
        self.sql().rows(
            "SELECT h.id, h.guest_id, g.name, g.greeting, h.from_station, h.to_station, h.note, h.sent_at, h.sent_by,
                    h.taken_at, h.taken_by, h.taken_station
             FROM heads_ups h JOIN guests g ON g.id = h.guest_id
             WHERE h.sent_at >= ?1 ORDER BY h.sent_at DESC, h.id DESC",
            args![to_millis(since)],
            |row| {
                let taken = match row.opt_time(9)? {
                    Some(at) => Some(Taken {
                        by: row.opt_string(10)?.unwrap_or_default(),
                        station: row.opt_string(11)?.unwrap_or_default(),
                        at,
                    }),
                    None => None,
                };
                Ok(HeadsUp {
                    id: row.id(0)?,
                    guest: GuestId(row.id(1)?),
                    name: row.string(2)?,
                    greeting: row.string(3)?,
                    from_station: row.string(4)?,
                    to_station: row.opt_string(5)?,
                    note: row.string(6)?,
                    sent_at: row.time(7)?,
                    sent_by: row.string(8)?,
                    taken,
                })
            },
        )
    }

    /// A number that changes whenever another desk commits to the book: on a file, SQLite's `PRAGMA data_version`
    /// (one page read, answered at once); on a server, how many write notices this connection has heard, waiting up
    /// to `within` for the next one. Either way a desk notices other desks' writes without a busy loop.
    pub fn writes_mark(&self, within: Duration) -> Result<i64> {
        match &self.db {
            Db::Sqlite(conn) => sqlite::data_version(conn),
            Db::Postgres(conn) => conn.writes_heard(within),
        }
    }

    /// Whether `writes_mark` waits for the next write itself (a server tells of each), rather than answering at
    /// once (a file is looked at).
    pub fn hears_writes(&self) -> bool {
        matches!(self.db, Db::Postgres(_))
    }

    /// The newest audit-log row's id (0 for none): where watching for other desks' writes starts.
    pub fn audit_head(&self) -> Result<i64> {
        self.sql().number("SELECT max(id) FROM audit_log", &[])
    }

    /// The guests changed since audit-log row `after` by any desk but `desk` (its own writes it knows of), and the
    /// newest row's id: what other desks wrote.
    pub fn changed_since(&self, after: i64, desk: &str) -> Result<(i64, Vec<GuestId>)> {
        let (mut last, mut guests) = (after, Vec::new());
        self.sql().each(
            "SELECT id, guest_id, desk FROM audit_log WHERE id > ?1 ORDER BY id",
            args![after],
            &mut |row| {
                last = row.id(0)?;
                let own = !desk.is_empty() && row.str(2)? == desk;
                if !own
                    && let Some(guest) = row.int(1)?.map(GuestId)
                    && !guests.contains(&guest)
                {
                    guests.push(guest);
                }
                Ok(())
            },
        )?;
        Ok((last, guests))
    }

    /// Copies the whole book to `to` with SQLite's online backup, consistent even while desks write.
    pub fn backup(&self, to: &Path) -> Result<()> {
        if to.exists() {
            return Err(StoreError::Invalid(crate::domain::ValidationError::new(
                "backup",
                "file exists already; nothing was written",
            )));
        }
        match self.file() {
            Some(conn) => sqlite::backup(conn, to),
            None => Err(StoreError::Invalid(crate::domain::ValidationError::new(
                "backup",
                "of a server's book is a copy into a new file book (regulars copy) or pg_dump; nothing was written",
            ))),
        }
    }

    /// The audit log, oldest first: every change since `since`, for one guest or all, with the guest's name where
    /// the guest is still in the book.
    pub fn audit_entries(&self, guest: Option<GuestId>, since: DateTime<Utc>) -> Result<Vec<AuditEntry>> {
        // One constant statement for each case, the guest's id always bound.
        let (sql, args) = match guest {
            Some(guest) => ("AND a.guest_id = ?2", args![to_millis(since), guest.0].to_vec()),
            None => ("", args![to_millis(since)].to_vec()),
        };
        self.sql().rows(
            &format!(
                "SELECT a.at, a.staff, a.action, a.guest_id, g.name, a.detail
                 FROM audit_log a LEFT JOIN guests g ON g.id = a.guest_id
                 WHERE a.at >= ?1 {sql} ORDER BY a.id"
            ),
            &args,
            audit_from_row,
        )
    }

    /// The latest `count` rows of the audit log, newest first: what the log screen shows, read backwards along the
    /// log's ids however long it has grown.
    pub fn latest_audit_entries(&self, count: usize) -> Result<Vec<AuditEntry>> {
        self.sql().rows(
            &format!(
                "SELECT a.at, a.staff, a.action, a.guest_id, g.name, a.detail
                 FROM audit_log a LEFT JOIN guests g ON g.id = a.guest_id ORDER BY a.id DESC LIMIT {count}"
            ),
            &[],
            audit_from_row,
        )
    }

    /// The recoveries opened from `from` to `until` (inclusive), for the mishap tally (see `tally::reads_from`):
    /// read along the index of their opening times, however many years the book holds.
    pub fn mishaps(&self, from: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<Mishap>> {
        self.sql().rows(
            "SELECT guest_id, category, opened_at, resolved_at, cost FROM recoveries
             WHERE opened_at BETWEEN ?1 AND ?2 ORDER BY opened_at, id",
            args![to_millis(from), to_millis(until)],
            |row| {
                Ok(Mishap {
                    guest: row.int(0)?.map(GuestId),
                    category: row.string(1)?,
                    opened_at: row.time(2)?,
                    resolved_at: row.opt_time(3)?,
                    cost: row.real(4)?,
                })
            },
        )
    }

    /// Guests already in the book that `profile` may be: the same phone number (its last eight digits, as
    /// caller ID and country prefixes differ) or the same email, at most five.
    pub fn possible_duplicates(&self, profile: &Profile) -> Result<Vec<Duplicate>> {
        let tail = |phone: &str| -> String {
            let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
            digits[digits.len().saturating_sub(PHONE_DIGITS_COMPARED)..].iter().collect()
        };
        let phone = tail(&profile.phone);
        let email = profile.email.trim().to_lowercase();
        let mut found = Vec::new();
        if phone.len() < PHONE_DIGITS_COMPARED && email.is_empty() {
            return Ok(found);
        }
        self.sql().each("SELECT id, name, phone, email FROM guests ORDER BY id", &[], &mut |row| {
            let same = if phone.len() >= PHONE_DIGITS_COMPARED && tail(row.str(2)?) == phone {
                "phone"
            } else if !email.is_empty() && row.str(3)?.trim().eq_ignore_ascii_case(&email) {
                "email"
            } else {
                return Ok(());
            };
            if found.len() < 5 {
                found.push(Duplicate { id: GuestId(row.id(0)?), name: row.string(1)?, same });
            }
            Ok(())
        })?;
        Ok(found)
    }

    /// Every station a desk has opened the book as, by name: where heads-ups can go.
    pub fn stations(&self) -> Result<Vec<String>> {
        stations(self.sql())
    }

    /// One guest with their whole history: for an export.
    pub fn history(&self, id: GuestId) -> Result<GuestHistory> {
        history(self.sql(), id)
    }

    /// One guest with their latest visits (see `CARD_VISITS`) and what the earlier ones add up to: what a card, the
    /// visit form and outreach show, read in a few steps down indexes however long the guest's history.
    pub fn recent_history(&self, id: GuestId) -> Result<GuestHistory> {
        recent_history(self.sql(), id)
    }

    /// What an export writes, all as of one moment: every guest with their whole history, in id order, handed to
    /// `each` one at a time and read `EXPORT_BATCH` guests at a time, so that memory holds a batch, not the book;
    /// then the recoveries recorded for nobody. The first error `each` returns stops it and is returned inside.
    pub fn export<E>(
        &mut self,
        mut each: impl FnMut(GuestHistory) -> Result<(), E>,
    ) -> Result<Result<Vec<RecoveryEntry>, E>> {
        self.snapshot(|sql| {
            let ends = "SELECT (SELECT min(id) FROM guests), (SELECT max(id) FROM guests)";
            if let Some((first, last)) = sql.one(ends, &[], |r| Ok(r.int(0)?.zip(r.int(1)?)))?.flatten() {
                let mut from = first;
                while from <= last {
                    let to = from.saturating_add(EXPORT_BATCH - 1);
                    for history in load(sql, Which::Between(from, to), Visits::All)? {
                        if let Err(error) = each(history) {
                            return Ok(Err(error));
                        }
                    }
                    from = to.saturating_add(1);
                }
            }
            Ok(Ok(unattached_recoveries(sql)?))
        })
    }
}

/// The recoveries recorded for nobody in particular (or whose guest was erased), oldest first: part of the book an
/// export must carry, as the tally counts them.
fn unattached_recoveries(sql: &dyn Sql) -> Result<Vec<RecoveryEntry>> {
    let mut entries = sql.rows(
        "SELECT id, opened_at, category, what_happened, action_taken, cost, resolved_at, staff
         FROM recoveries WHERE guest_id IS NULL ORDER BY opened_at, id",
        &[],
        |row| recovery_from_row(row, 0),
    )?;
    sql.each(
        "SELECT f.recovery_id, f.task, f.done FROM follow_ups f JOIN recoveries r ON r.id = f.recovery_id
         WHERE r.guest_id IS NULL ORDER BY f.recovery_id, f.position",
        &[],
        &mut |row| {
            let id = RecoveryId(row.id(0)?);
            if let Some(entry) = entries.iter_mut().find(|e| e.id == id) {
                entry.recovery.follow_ups.push(FollowUp { task: row.string(1)?, done: row.flag(2)? });
            }
            Ok(())
        },
    )?;
    Ok(entries)
}

/// One guest's profile as stored, without history; `NotFound` when there is no such guest.
pub(super) fn guest(sql: &dyn Sql, id: GuestId) -> Result<Guest> {
    let found = sql.one(&format!("SELECT {GUEST_COLUMNS} FROM guests WHERE id = ?1"), args![id.0], guest_from_row)?;
    found.ok_or_else(|| StoreError::NotFound(format!("guest {id}")))
}

/// The columns `guest_from_row` reads, in its order.
const GUEST_COLUMNS: &str =
    "id, name, greeting, phone, email, birthday, tags, allergies, preferences, notes, version, notes_by, notes_at,
     other_names";

pub(super) fn history(sql: &dyn Sql, id: GuestId) -> Result<GuestHistory> {
    load(sql, Which::One(id), Visits::All)?.pop().ok_or_else(|| StoreError::NotFound(format!("guest {id}")))
}

/// How many of a guest's latest visits a card holds: more than a tall screen lists, more than the ten the usual is
/// drawn from, and the visit form's own suggestions come from them.
pub const CARD_VISITS: usize = 60;

fn recent_history(sql: &dyn Sql, id: GuestId) -> Result<GuestHistory> {
    let mut history =
        load(sql, Which::One(id), Visits::None)?.pop().ok_or_else(|| StoreError::NotFound(format!("guest {id}")))?;
    let latest =
        format!("SELECT {VISIT_COLUMNS} FROM visits WHERE guest_id = ?1 ORDER BY at DESC, id DESC LIMIT {CARD_VISITS}");
    history.visits = sql.rows(&latest, args![id.0], |row| visit_from_row(row, 0))?;
    history.visits.reverse();
    earlier(sql, &mut history)?;
    Ok(history)
}

/// What the visits before a history's latest `CARD_VISITS` add up to, when it holds that many: a few steps down
/// the index of the guest's visits.
fn earlier(sql: &dyn Sql, history: &mut GuestHistory) -> Result<()> {
    if history.visits.len() < CARD_VISITS {
        return Ok(());
    }
    let id = history.guest.id.0;
    let count = sql.number("SELECT visit_count FROM guests WHERE id = ?1", args![id])?;
    let first = sql.one("SELECT min(at) FROM visits WHERE guest_id = ?1", args![id], |row| row.opt_time(0))?;
    // Only when none of the latest had a seat: then any seated visit is an earlier one.
    let seat = if history.visits.iter().all(|v| v.seat.is_empty()) {
        sql.one(
            "SELECT seat, at FROM visits WHERE guest_id = ?1 AND seat <> '' ORDER BY at DESC, id DESC LIMIT 1",
            args![id],
            |row| Ok((row.string(0)?, row.time(1)?)),
        )?
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

/// The visits the house's items are counted from.
const HOUSE_ITEMS: &str = "SELECT items FROM visits ORDER BY id DESC LIMIT 2000";

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

/// Loads one guest, the chosen ones or all of them, with visits (unless told not to), recoveries and outreach notes,
/// in five queries whatever the count.
fn load(sql: &dyn Sql, which: Which, visits: Visits) -> Result<Vec<GuestHistory>> {
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

    let mut slot = HashMap::new();
    let mut histories = Vec::new();
    sql.each(&format!("SELECT {GUEST_COLUMNS} FROM guests {} ORDER BY id", filter("id")), &one, &mut |row| {
        let guest = guest_from_row(row)?;
        slot.insert(guest.id, histories.len());
        let (visits, recoveries, written) = (Vec::new(), Vec::new(), Vec::new());
        histories.push(GuestHistory { guest, visits, earlier: Earlier::default(), recoveries, written });
        Ok(())
    })?;

    let visits = match visits {
        Visits::All => {
            format!("SELECT guest_id, {VISIT_COLUMNS} FROM visits {} ORDER BY guest_id, at, id", filter("guest_id"))
        }
        Visits::Latest => format!(
            "SELECT guest_id, {VISIT_COLUMNS} FROM (
                 SELECT v.*, row_number() OVER (PARTITION BY guest_id ORDER BY at DESC, id DESC) AS newest
                 FROM visits v {}
             ) latest WHERE newest <= {CARD_VISITS} ORDER BY guest_id, at, id",
            filter("guest_id")
        ),
        Visits::None => String::new(),
    };
    if !visits.is_empty() {
        sql.each(&visits, &one, &mut |row| {
            let visit = visit_from_row(row, 1)?;
            if let Some(&i) = slot.get(&GuestId(row.id(0)?)) {
                histories[i].visits.push(visit);
            }
            Ok(())
        })?;
    }

    let mut recovery_slot = HashMap::new();
    sql.each(
        &format!(
            "SELECT guest_id, id, opened_at, category, what_happened, action_taken, cost, resolved_at, staff
             FROM recoveries {} ORDER BY guest_id, opened_at, id",
            filter("guest_id")
        ),
        &one,
        &mut |row| {
            let entry = recovery_from_row(row, 1)?;
            if let Some(&i) = slot.get(&GuestId(row.id(0)?)) {
                recovery_slot.insert(entry.id, (i, histories[i].recoveries.len()));
                histories[i].recoveries.push(entry);
            }
            Ok(())
        },
    )?;

    sql.each(
        &format!(
            "SELECT f.recovery_id, f.task, f.done FROM follow_ups f JOIN recoveries r ON r.id = f.recovery_id
             {} ORDER BY f.recovery_id, f.position",
            filter("r.guest_id")
        ),
        &one,
        &mut |row| {
            if let Some(&(i, j)) = recovery_slot.get(&RecoveryId(row.id(0)?)) {
                let follow_up = FollowUp { task: row.string(1)?, done: row.flag(2)? };
                histories[i].recoveries[j].recovery.follow_ups.push(follow_up);
            }
            Ok(())
        },
    )?;

    sql.each(
        &format!(
            "SELECT guest_id, reason, occasion, written_at, staff FROM outreach_contacts {} ORDER BY guest_id, id",
            filter("guest_id")
        ),
        &one,
        &mut |row| {
            if let Some(&i) = slot.get(&GuestId(row.id(0)?)) {
                histories[i].written.push(written_from_row(row, 1)?);
            }
            Ok(())
        },
    )?;
    Ok(histories)
}

/// Every identity key in the book (name with phone, name with email) and the guest it belongs to.
pub(super) fn identities(sql: &dyn Sql) -> Result<HashMap<String, GuestId>> {
    let mut known = HashMap::new();
    sql.each("SELECT id, name, phone, email FROM guests ORDER BY id", &[], &mut |row| {
        let profile =
            Profile { name: row.string(1)?, phone: row.string(2)?, email: row.string(3)?, ..Profile::default() };
        let id = GuestId(row.id(0)?);
        for key in profile.identity_keys() {
            known.entry(key).or_insert(id);
        }
        Ok(())
    })?;
    Ok(known)
}

/// Every station a desk has opened the book as, by name.
pub(super) fn stations(sql: &dyn Sql) -> Result<Vec<String>> {
    let mut names = sql.rows("SELECT name FROM stations", &[], |row| row.string(0))?;
    names.sort();
    Ok(names)
}

pub(super) fn guest_exists(sql: &dyn Sql, id: GuestId) -> Result<bool> {
    Ok(sql.one("SELECT 1 FROM guests WHERE id = ?1", args![id.0], |_| Ok(()))?.is_some())
}

fn guest_from_row(row: &dyn Row) -> Result<Guest> {
    let birthday = row.text(5)?.map(|text| text.parse().map_err(StoreError::Corrupt)).transpose()?;
    Ok(Guest {
        id: GuestId(row.id(0)?),
        version: row.id(10)?,
        notes_by: match row.opt_time(12)? {
            Some(at) => Some(Noted { staff: row.string(11)?, at }),
            None => None,
        },
        profile: Profile {
            name: row.string(1)?,
            greeting: row.string(2)?,
            phone: row.string(3)?,
            email: row.string(4)?,
            birthday,
            tags: row.list(6)?,
            allergies: row.list(7)?,
            preferences: row.list(8)?,
            notes: row.string(9)?,
            other_names: row.list(13)?,
        },
    })
}

/// A recovery from the columns id, opened_at, category, what_happened, action_taken, cost, resolved_at, staff,
/// starting at `first`; its follow-ups are read apart.
fn recovery_from_row(row: &dyn Row, first: usize) -> Result<RecoveryEntry> {
    let at = |i: usize| first + i;
    Ok(RecoveryEntry {
        id: RecoveryId(row.id(at(0))?),
        recovery: Recovery {
            opened_at: row.time(at(1))?,
            category: row.string(at(2))?,
            what_happened: row.string(at(3))?,
            action_taken: row.string(at(4))?,
            cost: row.real(at(5))?,
            follow_ups: Vec::new(),
            resolved_at: row.opt_time(at(6))?,
            staff: row.string(at(7))?,
        },
    })
}

/// A note of a guest written to: occasion, of which, when, by whom, from column `first` on.
fn written_from_row(row: &dyn Row, first: usize) -> Result<Written> {
    let reason = row.str(first)?;
    let occasion = Occasion::parse(reason).ok_or_else(|| StoreError::Corrupt(format!("outreach {reason:?}")))?;
    Ok(Written { occasion, of: row.string(first + 1)?, at: row.time(first + 2)?, staff: row.string(first + 3)? })
}

fn audit_from_row(row: &dyn Row) -> Result<AuditEntry> {
    Ok(AuditEntry {
        at: row.time(0)?,
        staff: row.string(1)?,
        action: row.string(2)?,
        guest: row.int(3)?.map(GuestId),
        name: row.opt_string(4)?,
        detail: row.string(5)?,
    })
}
