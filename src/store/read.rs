//! Queries that read the guest book.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Result, Store, StoreError, create_private, from_millis, to_millis};
use crate::domain::heads_up::{HeadsUp, Taken};
use crate::domain::outreach::{Occasion, Written};
use crate::domain::tally::Mishap;
use crate::domain::{
    Birthday, FollowUp, Guest, GuestHistory, GuestId, Noted, Profile, Recovery, RecoveryEntry, RecoveryId, Visit,
};
use crate::search::SearchRow;

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
        Ok(self.conn.query_row("SELECT count(*) FROM guests", [], |row| row.get(0))?)
    }

    /// The lowest and highest guest id, if the book has guests.
    pub fn guest_ids(&self) -> Result<Option<(i64, i64)>> {
        let (low, high): (Option<i64>, Option<i64>) =
            self.conn.query_row("SELECT min(id), max(id) FROM guests", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(low.zip(high))
    }

    /// Passes every guest whose id is in `ids` and whose search mask holds every bit of `needs`, in id order, to
    /// `each`, with what search needs.
    pub fn search_rows(
        &self,
        ids: RangeInclusive<i64>,
        needs: i64,
        mut each: impl FnMut(&SearchRow<'_>),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, greeting, phone, email, tags, name_key, greeting_key, last_visit_at, visit_count
             FROM guests WHERE id BETWEEN ?1 AND ?2 AND search_mask & ?3 = ?3 ORDER BY id",
        )?;
        let mut rows = stmt.query(params![ids.start(), ids.end(), needs])?;
        while let Some(row) = rows.next()? {
            let text = |i: usize| -> rusqlite::Result<&str> {
                row.get_ref(i)?.as_str().map_err(|e| conversion_error(i, e.into()))
            };
            let tags = text(5)?;
            each(&SearchRow {
                id: GuestId(row.get(0)?),
                name: text(1)?,
                greeting: text(2)?,
                phone: text(3)?,
                email: text(4)?,
                // Most guests have no tags: skip the JSON parser for them.
                tags: if tags == "[]" { Vec::new() } else { json_list(row, 5)? },
                name_key: text(6)?,
                greeting_key: text(7)?,
                last_visit: row.get::<_, Option<i64>>(8)?.map(|ms| millis(8, ms)).transpose()?,
                visit_count: row.get(9)?,
            });
        }
        Ok(())
    }

    /// What the house serves most, from the latest visits, most frequent first: for completing orders as typed.
    pub fn house_items(&self, limit: usize) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached("SELECT items FROM visits ORDER BY at DESC LIMIT 2000")?;
        let mut rows = stmt.query([])?;
        let mut counts: HashMap<String, (usize, String)> = HashMap::new();
        while let Some(row) = rows.next()? {
            for item in json_list(row, 0)? {
                counts.entry(crate::domain::text::normalise(&item)).or_insert((0, item)).0 += 1;
            }
        }
        let mut items: Vec<(usize, String)> = counts.into_values().collect();
        items.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok(items.into_iter().take(limit).map(|(_, item)| item).collect())
    }

    /// Every recovery category in use, most used first: for picking one as typed.
    pub fn categories(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT category FROM recoveries GROUP BY category ORDER BY count(*) DESC, category")?;
        let categories = stmt.query_map([], |row| row.get(0))?;
        Ok(categories.collect::<rusqlite::Result<_>>()?)
    }

    /// Guests to write to: those whose birthday falls in the `birthdays_within` days from `today`, and lapsed
    /// regulars — at least two visits, the last before `lapsed_before` — with their whole history, in id order.
    pub fn outreach(
        &self,
        today: NaiveDate,
        birthdays_within: i64,
        lapsed_before: DateTime<Utc>,
    ) -> Result<Vec<GuestHistory>> {
        let mut chosen = Vec::new();
        let mut stmt = self.conn.prepare_cached("SELECT id, birthday FROM guests WHERE birthday IS NOT NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let birthday: Birthday = row.get::<_, String>(1)?.parse().map_err(|e: String| StoreError::Corrupt(e))?;
            if (birthday.next_on_or_after(today) - today).num_days() <= birthdays_within {
                chosen.push(row.get::<_, i64>(0)?);
            }
        }
        let mut stmt =
            self.conn.prepare_cached("SELECT id FROM guests WHERE visit_count >= 2 AND last_visit_at < ?1")?;
        let lapsed = stmt.query_map([to_millis(lapsed_before)], |row| row.get::<_, i64>(0))?;
        for id in lapsed {
            chosen.push(id?);
        }
        // The chosen ids go to a temporary table of this connection, so one query per table reads their histories.
        self.conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS chosen (id INTEGER PRIMARY KEY); DELETE FROM temp.chosen;",
        )?;
        let mut insert = self.conn.prepare_cached("INSERT OR IGNORE INTO temp.chosen (id) VALUES (?1)")?;
        for id in chosen {
            insert.execute([id])?;
        }
        load(&self.conn, Which::Chosen)
    }

    /// The heads-ups sent since `since`, newest first, with the guest's name and greeting for the banner.
    pub fn heads_ups(&self, since: DateTime<Utc>) -> Result<Vec<HeadsUp>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT h.id, h.guest_id, g.name, g.greeting, h.from_station, h.to_station, h.note, h.sent_at, h.sent_by,
                    h.taken_at, h.taken_by, h.taken_station
             FROM heads_ups h JOIN guests g ON g.id = h.guest_id
             WHERE h.sent_at >= ?1 ORDER BY h.sent_at DESC, h.id DESC",
        )?;
        let rows = stmt.query_map([to_millis(since)], |row| {
            let taken = match row.get::<_, Option<i64>>(9)? {
                Some(at) => Some(Taken {
                    by: row.get::<_, Option<String>>(10)?.unwrap_or_default(),
                    station: row.get::<_, Option<String>>(11)?.unwrap_or_default(),
                    at: millis(9, at)?,
                }),
                None => None,
            };
            Ok(HeadsUp {
                id: row.get(0)?,
                guest: GuestId(row.get(1)?),
                name: row.get(2)?,
                greeting: row.get(3)?,
                from_station: row.get(4)?,
                to_station: row.get(5)?,
                note: row.get(6)?,
                sent_at: millis(7, row.get(7)?)?,
                sent_by: row.get(8)?,
                taken,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A number that changes whenever another connection commits to the book (`PRAGMA data_version`): polling
    /// it costs one page read, so a desk can notice other desks' writes without a busy loop.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.pragma_query_value(None, "data_version", |row| row.get(0))?)
    }

    /// The newest audit-log row's id (0 for none): where watching for other desks' writes starts.
    pub fn audit_head(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |row| row.get(0))?)
    }

    /// The guests changed since audit-log row `after` by any desk but `desk` (its own writes it knows of), and the
    /// newest row's id: what other desks wrote.
    pub fn changed_since(&self, after: i64, desk: &str) -> Result<(i64, Vec<GuestId>)> {
        let mut stmt =
            self.conn.prepare_cached("SELECT id, guest_id, desk FROM audit_log WHERE id > ?1 ORDER BY id")?;
        let mut rows = stmt.query([after])?;
        let (mut last, mut guests) = (after, Vec::new());
        while let Some(row) = rows.next()? {
            last = row.get(0)?;
            let own = !desk.is_empty() && row.get_ref(2)?.as_str().unwrap_or_default() == desk;
            if !own
                && let Some(guest) = row.get::<_, Option<i64>>(1)?.map(GuestId)
                && !guests.contains(&guest)
            {
                guests.push(guest);
            }
        }
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
        create_private(to).map_err(|source| StoreError::Create { path: to.to_owned(), source })?;
        let mut target = Connection::open(to)?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
        backup.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        Ok(())
    }

    /// The audit log, oldest first: every change since `since`, for one guest or all, with the guest's name where
    /// the guest is still in the book.
    pub fn audit_entries(&self, guest: Option<GuestId>, since: DateTime<Utc>) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.at, a.staff, a.action, a.guest_id, g.name, a.detail
             FROM audit_log a LEFT JOIN guests g ON g.id = a.guest_id
             WHERE a.at >= ?1 AND (?2 IS NULL OR a.guest_id = ?2) ORDER BY a.id",
        )?;
        let rows = stmt.query_map(params![to_millis(since), guest.map(|g| g.0)], |row| {
            Ok(AuditEntry {
                at: millis(0, row.get(0)?)?,
                staff: row.get(1)?,
                action: row.get(2)?,
                guest: row.get::<_, Option<i64>>(3)?.map(GuestId),
                name: row.get(4)?,
                detail: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every recovery, for the mishap tally.
    pub fn mishaps(&self) -> Result<Vec<Mishap>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT guest_id, category, opened_at, resolved_at, cost FROM recoveries ORDER BY opened_at, id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(Mishap {
                guest: row.get::<_, Option<i64>>(0)?.map(GuestId),
                category: row.get(1)?,
                opened_at: millis(2, row.get(2)?)?,
                resolved_at: row.get::<_, Option<i64>>(3)?.map(|ms| millis(3, ms)).transpose()?,
                cost: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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
        let mut stmt = self.conn.prepare_cached("SELECT id, name, phone, email FROM guests ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let same = if phone.len() >= PHONE_DIGITS_COMPARED
                && tail(row.get_ref(2)?.as_str().unwrap_or_default()) == phone
            {
                "phone"
            } else if !email.is_empty()
                && row.get_ref(3)?.as_str().unwrap_or_default().trim().eq_ignore_ascii_case(&email)
            {
                "email"
            } else {
                continue;
            };
            found.push(Duplicate { id: GuestId(row.get(0)?), name: row.get(1)?, same });
            if found.len() == 5 {
                break;
            }
        }
        Ok(found)
    }

    /// Every station a desk has opened the book as, by name: where heads-ups can go.
    pub fn stations(&self) -> Result<Vec<String>> {
        stations(&self.conn)
    }

    /// The recoveries recorded for nobody in particular (or whose guest was erased), oldest first: part of the
    /// book an export must carry, as the tally counts them.
    pub fn unattached_recoveries(&self) -> Result<Vec<RecoveryEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, opened_at, category, what_happened, action_taken, cost, resolved_at, staff
             FROM recoveries WHERE guest_id IS NULL ORDER BY opened_at, id",
        )?;
        let rows = stmt.query_map([], |row| recovery_from_row(row, 0))?;
        let mut entries: Vec<RecoveryEntry> = rows.collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.recovery_id, f.task, f.done FROM follow_ups f JOIN recoveries r ON r.id = f.recovery_id
             WHERE r.guest_id IS NULL ORDER BY f.recovery_id, f.position",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id = RecoveryId(row.get(0)?);
            if let Some(entry) = entries.iter_mut().find(|e| e.id == id) {
                entry.recovery.follow_ups.push(FollowUp { task: row.get(1)?, done: row.get(2)? });
            }
        }
        Ok(entries)
    }

    /// One guest with their whole history.
    pub fn history(&self, id: GuestId) -> Result<GuestHistory> {
        history(&self.conn, id)
    }

    /// Every guest with their whole history, in id order: what an export writes.
    pub fn histories(&self) -> Result<Vec<GuestHistory>> {
        let mut histories = load(&self.conn, Which::All)?;
        histories.sort_by_key(|h| h.guest.id);
        Ok(histories)
    }
}

/// One guest's profile as stored, without history; `NotFound` when there is no such guest.
pub(super) fn guest(conn: &Connection, id: GuestId) -> Result<Guest> {
    let found = conn
        .prepare_cached(&format!("SELECT {GUEST_COLUMNS} FROM guests WHERE id = ?1"))?
        .query_row([id.0], guest_from_row)
        .optional()?;
    found.ok_or_else(|| StoreError::NotFound(format!("guest {id}")))
}

/// The columns `guest_from_row` reads, in its order.
const GUEST_COLUMNS: &str =
    "id, name, greeting, phone, email, birthday, tags, allergies, preferences, notes, version, notes_by, notes_at";

pub(super) fn history(conn: &Connection, id: GuestId) -> Result<GuestHistory> {
    load(conn, Which::One(id))?.pop().ok_or_else(|| StoreError::NotFound(format!("guest {id}")))
}

/// Loads one guest (`only`) or all of them, with visits and recoveries, in four queries whatever the count.
/// Which guests `load` reads.
#[derive(Clone, Copy)]
enum Which {
    One(GuestId),
    All,
    /// Those whose ids are in the connection's temporary `chosen` table.
    Chosen,
}

fn load(conn: &Connection, which: Which) -> Result<Vec<GuestHistory>> {
    // The filter is one of three constant fragments; an id is always a bound parameter.
    let filter = |column: &str| match which {
        Which::One(_) => format!("WHERE {column} = ?1"),
        Which::All => format!("WHERE ?1 IS NULL AND {column} IS NOT NULL"),
        Which::Chosen => format!("WHERE ?1 IS NULL AND {column} IN (SELECT id FROM temp.chosen)"),
    };
    let param = match which {
        Which::One(id) => Some(id.0),
        Which::All | Which::Chosen => None,
    };

    let mut slot = HashMap::new();
    let mut histories = Vec::new();
    let mut stmt = conn.prepare_cached(&format!("SELECT {GUEST_COLUMNS} FROM guests {} ORDER BY id", filter("id")))?;
    let mut rows = stmt.query(params![param])?;
    while let Some(row) = rows.next()? {
        let guest = guest_from_row(row)?;
        slot.insert(guest.id, histories.len());
        histories.push(GuestHistory { guest, visits: Vec::new(), recoveries: Vec::new(), written: Vec::new() });
    }

    let mut stmt = conn.prepare_cached(&format!(
        "SELECT guest_id, at, seat, items, party_size, staff, note FROM visits {} ORDER BY guest_id, at, id",
        filter("guest_id")
    ))?;
    let mut rows = stmt.query(params![param])?;
    while let Some(row) = rows.next()? {
        let visit = Visit {
            at: millis(1, row.get(1)?)?,
            seat: row.get(2)?,
            order: json_list(row, 3)?,
            party_size: row.get(4)?,
            staff: row.get(5)?,
            note: row.get(6)?,
        };
        if let Some(&i) = slot.get(&GuestId(row.get(0)?)) {
            histories[i].visits.push(visit);
        }
    }

    let mut recovery_slot = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT guest_id, id, opened_at, category, what_happened, action_taken, cost, resolved_at, staff
         FROM recoveries {} ORDER BY guest_id, opened_at, id",
        filter("guest_id")
    ))?;
    let mut rows = stmt.query(params![param])?;
    while let Some(row) = rows.next()? {
        let entry = recovery_from_row(row, 1)?;
        if let Some(&i) = slot.get(&GuestId(row.get(0)?)) {
            recovery_slot.insert(entry.id, (i, histories[i].recoveries.len()));
            histories[i].recoveries.push(entry);
        }
    }

    let mut stmt = conn.prepare_cached(&format!(
        "SELECT f.recovery_id, f.task, f.done FROM follow_ups f JOIN recoveries r ON r.id = f.recovery_id
         {} ORDER BY f.recovery_id, f.position",
        filter("r.guest_id")
    ))?;
    let mut rows = stmt.query(params![param])?;
    while let Some(row) = rows.next()? {
        if let Some(&(i, j)) = recovery_slot.get(&RecoveryId(row.get(0)?)) {
            histories[i].recoveries[j].recovery.follow_ups.push(FollowUp { task: row.get(1)?, done: row.get(2)? });
        }
    }

    let mut stmt = conn.prepare_cached(&format!(
        "SELECT guest_id, reason, occasion, written_at, staff FROM outreach_contacts {} ORDER BY guest_id, id",
        filter("guest_id")
    ))?;
    let mut rows = stmt.query(params![param])?;
    while let Some(row) = rows.next()? {
        let reason: String = row.get(1)?;
        let occasion = Occasion::parse(&reason).ok_or_else(|| StoreError::Corrupt(format!("outreach {reason:?}")))?;
        if let Some(&i) = slot.get(&GuestId(row.get(0)?)) {
            let at = millis(3, row.get(3)?)?;
            histories[i].written.push(Written { occasion, of: row.get(2)?, at, staff: row.get(4)? });
        }
    }
    Ok(histories)
}

/// Every identity key in the book (name with phone, name with email) and the guest it belongs to.
pub(super) fn identities(conn: &Connection) -> Result<HashMap<String, GuestId>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, phone, email FROM guests ORDER BY id")?;
    let mut rows = stmt.query([])?;
    let mut known = HashMap::new();
    while let Some(row) = rows.next()? {
        let profile = Profile { name: row.get(1)?, phone: row.get(2)?, email: row.get(3)?, ..Profile::default() };
        let id = GuestId(row.get(0)?);
        for key in profile.identity_keys() {
            known.entry(key).or_insert(id);
        }
    }
    Ok(known)
}

/// Every station a desk has opened the book as, by name.
pub(super) fn stations(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM stations ORDER BY name")?;
    let names = stmt.query_map([], |row| row.get(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn guest_exists(conn: &Connection, id: GuestId) -> Result<bool> {
    let found = conn.prepare_cached("SELECT 1 FROM guests WHERE id = ?1")?.query_row([id.0], |_| Ok(())).optional()?;
    Ok(found.is_some())
}

fn guest_from_row(row: &Row<'_>) -> rusqlite::Result<Guest> {
    let birthday = row
        .get::<_, Option<String>>(5)?
        .map(|text| text.parse().map_err(|e: String| conversion_error(5, e.into())))
        .transpose()?;
    Ok(Guest {
        id: GuestId(row.get(0)?),
        version: row.get(10)?,
        notes_by: match row.get::<_, Option<i64>>(12)? {
            Some(at) => Some(Noted { staff: row.get(11)?, at: millis(12, at)? }),
            None => None,
        },
        profile: Profile {
            name: row.get(1)?,
            greeting: row.get(2)?,
            phone: row.get(3)?,
            email: row.get(4)?,
            birthday,
            tags: json_list(row, 6)?,
            allergies: json_list(row, 7)?,
            preferences: json_list(row, 8)?,
            notes: row.get(9)?,
        },
    })
}

/// A recovery from the columns id, opened_at, category, what_happened, action_taken, cost, resolved_at, staff,
/// starting at `first`; its follow-ups are read apart.
fn recovery_from_row(row: &Row<'_>, first: usize) -> rusqlite::Result<RecoveryEntry> {
    let at = |i: usize| first + i;
    Ok(RecoveryEntry {
        id: RecoveryId(row.get(at(0))?),
        recovery: Recovery {
            opened_at: millis(at(1), row.get(at(1))?)?,
            category: row.get(at(2))?,
            what_happened: row.get(at(3))?,
            action_taken: row.get(at(4))?,
            cost: row.get(at(5))?,
            follow_ups: Vec::new(),
            resolved_at: row.get::<_, Option<i64>>(at(6))?.map(|ms| millis(at(6), ms)).transpose()?,
            staff: row.get(at(7))?,
        },
    })
}

fn json_list(row: &Row<'_>, column: usize) -> rusqlite::Result<Vec<String>> {
    let text: String = row.get(column)?;
    serde_json::from_str(&text).map_err(|e| conversion_error(column, e.into()))
}

fn millis(column: usize, value: i64) -> rusqlite::Result<DateTime<Utc>> {
    from_millis(value).map_err(|e| conversion_error(column, e.into()))
}

fn conversion_error(column: usize, error: Box<dyn std::error::Error + Send + Sync>) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, Type::Text, error)
}
