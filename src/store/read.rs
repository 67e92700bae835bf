//! Queries that read the guest book (its guests with their history: `history.rs`).

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use super::sql::{Row, Sql, args};
use super::unreadable::{Kind, Reading};
use super::{Db, Result, Store, StoreError, sqlite, to_millis};
use crate::domain::heads_up::{HeadsUp, Taken};
use crate::domain::tally::Mishap;
use crate::domain::{Guest, GuestId, Noted, Profile, Recovery, RecoveryEntry, RecoveryId};
use crate::search::matching::phone_tail;
use chrono::{DateTime, Utc};

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

impl Store {
    /// How many guests the book holds.
    pub fn guest_count(&self) -> Result<i64> {
        self.sql().number("SELECT count(*) FROM guests", &[])
    }

    /// The lowest and highest guest id, if the book has guests.
    pub fn guest_ids(&self) -> Result<Option<(i64, i64)>> {
        guest_ids(self.sql())
    }

    /// What the house serves most, from the visits logged last (a few steps back along the visits' ids, however
    /// many there are), most frequent first: for completing orders as typed.
    pub fn house_items(&self, limit: usize) -> Result<Vec<String>> {
        let mut counts: HashMap<String, (usize, String)> = HashMap::new();
        self.sql().each_of(self.past(), Kind::Visit, HOUSE_ITEMS, &[], &mut |row| {
            for item in row.list(1)? {
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
        let latest = "SELECT id, category FROM recoveries ORDER BY id DESC LIMIT 2000";
        self.sql().each_of(self.past(), Kind::Recovery, latest, &[], &mut |row| {
            *counts.entry(row.string(1)?).or_default() += 1;
            Ok(())
        })?;
        // Ordered here, not by the database: text is ordered alike on every backend, whatever its collation.
        let mut counted: Vec<(String, i64)> = counts.into_iter().collect();
        counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(counted.into_iter().map(|(category, _)| category).collect())
    }

    /// The heads-ups sent since `since`, newest first, with the guest's name and greeting for the banner.
    pub fn heads_ups(&self, since: DateTime<Utc>) -> Result<Vec<HeadsUp>> {
        self.sql().rows_of(
            self.past(),
            Kind::HeadsUp,
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
                    // The guest's own row, when it cannot be read, is said by the reads of guests: the heads-up
                    // is still shown, without the name.
                    name: row.opt_string(2).ok().flatten().unwrap_or_default(),
                    greeting: row.opt_string(3).ok().flatten().unwrap_or_default(),
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
        self.sql().each_of(
            self.past(),
            Kind::AuditEntry,
            "SELECT id, guest_id, desk FROM audit_log WHERE id > ?1 ORDER BY id",
            args![after],
            &mut |row| {
                // A desk name that cannot be read is another desk's: the change is read again rather than missed.
                let own = !desk.is_empty() && row.str(2).is_ok_and(|d| d == desk);
                let (id, guest) = (row.id(0)?, row.int(1)?.map(GuestId));
                last = id;
                if !own
                    && let Some(guest) = guest
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
        match self.file() {
            Some(conn) => sqlite::backup(conn, to),
            None => Err(StoreError::Invalid(crate::domain::ValidationError::new(
                "backup",
                crate::domain::Problem::ServerBackup,
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
        self.sql().rows_of(
            self.past(),
            Kind::AuditEntry,
            &format!(
                "SELECT a.id, a.at, a.staff, a.action, a.guest_id, g.name, a.detail
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
        self.sql().rows_of(
            self.past(),
            Kind::AuditEntry,
            &format!(
                "SELECT a.id, a.at, a.staff, a.action, a.guest_id, g.name, a.detail
                 FROM audit_log a LEFT JOIN guests g ON g.id = a.guest_id ORDER BY a.id DESC LIMIT {count}"
            ),
            &[],
            audit_from_row,
        )
    }

    /// The recoveries opened from `from` to `until` (inclusive), for the mishap tally (see `tally::reads_from`):
    /// read along the index of their opening times, however many years the book holds.
    pub fn mishaps(&self, from: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<Mishap>> {
        self.sql().rows_of(
            self.past(),
            Kind::Recovery,
            "SELECT id, guest_id, category, opened_at, resolved_at, cost FROM recoveries
             WHERE opened_at BETWEEN ?1 AND ?2 ORDER BY opened_at, id",
            args![to_millis(from), to_millis(until)],
            |row| {
                Ok(Mishap {
                    guest: row.int(1)?.map(GuestId),
                    category: row.string(2)?,
                    opened_at: row.time(3)?,
                    resolved_at: row.opt_time(4)?,
                    cost: row.real(5)?,
                })
            },
        )
    }

    /// Guests already in the book that `profile` may be: the same phone number (its last eight digits, as
    /// caller ID and country prefixes differ) or the same email, at most five.
    pub fn possible_duplicates(&self, profile: &Profile) -> Result<Vec<Duplicate>> {
        let phone = phone_tail(&profile.phone);
        let email = profile.email.trim().to_lowercase();
        let mut found = Vec::new();
        if phone.is_none() && email.is_empty() {
            return Ok(found);
        }
        let guests = "SELECT id, name, phone, email FROM guests ORDER BY id";
        self.sql().each_of(self.past(), Kind::Guest, guests, &[], &mut |row| {
            let same = if phone.is_some() && phone_tail(row.str(2)?) == phone {
                "phone"
            } else if !email.is_empty() && row.str(3)?.trim().eq_ignore_ascii_case(&email) {
                "email"
            } else {
                return Ok(());
            };
            let duplicate = Duplicate { id: GuestId(row.id(0)?), name: row.string(1)?, same };
            if found.len() < 5 {
                found.push(duplicate);
            }
            Ok(())
        })?;
        Ok(found)
    }

    /// Every station a desk has opened the book as, by name: where heads-ups can go.
    pub fn stations(&self) -> Result<Vec<String>> {
        stations(self.sql(), self.past())
    }
}

pub(super) fn guest_ids(sql: &dyn Sql) -> Result<Option<(i64, i64)>> {
    // Two subqueries: each is one step down the table's b-tree, where min and max together scan every row.
    let ends = "SELECT (SELECT min(id) FROM guests), (SELECT max(id) FROM guests)";
    Ok(sql.one(ends, &[], |r| Ok(r.int(0)?.zip(r.int(1)?)))?.flatten())
}

/// One guest's profile as stored, without history; `NotFound` when there is no such guest.
pub(super) fn guest(sql: &dyn Sql, id: GuestId) -> Result<Guest> {
    let one = format!("SELECT {GUEST_COLUMNS} FROM guests WHERE id = ?1");
    let found = sql.rows_of(Reading::Strict, Kind::Guest, &one, args![id.0], guest_from_row)?.pop();
    found.ok_or_else(|| StoreError::NotFound(format!("guest {id}")))
}

/// The columns `guest_from_row` reads, in its order.
pub(super) const GUEST_COLUMNS: &str =
    "id, name, greeting, phone, email, birthday, tags, allergies, preferences, notes, version, notes_by, notes_at,
     other_names";

/// The visits the house's items are counted from.
const HOUSE_ITEMS: &str = "SELECT id, items FROM visits ORDER BY id DESC LIMIT 2000";

/// Every identity key in the book (name with phone, name with email) and the guest it belongs to. A guest who cannot
/// be read is refused: an import would bring them in a second time.
pub(super) fn identities(sql: &dyn Sql) -> Result<Identities> {
    let mut known = Identities::default();
    let guests = "SELECT id, name, phone, email FROM guests ORDER BY id";
    sql.each_of(Reading::Strict, Kind::Guest, guests, &[], &mut |row| {
        let profile =
            Profile { name: row.string(1)?, phone: row.string(2)?, email: row.string(3)?, ..Profile::default() };
        let id = GuestId(row.id(0)?);
        for key in profile.identity_keys() {
            known.note(&key, id);
        }
        Ok(())
    })?;
    Ok(known)
}

/// Identity keys and their guests, each key kept as a 128-bit digest rather than as text: 32 bytes a key and the
/// table's room, where text took some 80 more (an import of a million guests, two keys each, peaked at 314 MB with
/// text and 210 MB with digests). Two keys sharing a digest would take some 10^19 keys (the birthday bound of 2^64).
#[derive(Default)]
pub(super) struct Identities(HashMap<u128, GuestId>);

impl Identities {
    /// Notes that `key` is `guest`'s, unless it is another's already.
    pub(super) fn note(&mut self, key: &str, guest: GuestId) {
        self.0.entry(digest(key)).or_insert(guest);
    }

    pub(super) fn get(&self, key: &str) -> Option<GuestId> {
        self.0.get(&digest(key)).copied()
    }
}

/// Two SipHash digests of `key` side by side (the standard library's, with fixed keys: the same in every run).
fn digest(key: &str) -> u128 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let half = |salt: u8| {
        let mut hasher = DefaultHasher::new();
        salt.hash(&mut hasher);
        key.hash(&mut hasher);
        hasher.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// Every station a desk has opened the book as, by name.
pub(super) fn stations(sql: &dyn Sql, reading: Reading<'_>) -> Result<Vec<String>> {
    let mut names = sql.rows_of(reading, Kind::Station, "SELECT name FROM stations", &[], |row| row.string(0))?;
    names.sort();
    Ok(names)
}

pub(super) fn guest_exists(sql: &dyn Sql, id: GuestId) -> Result<bool> {
    Ok(sql.one("SELECT 1 FROM guests WHERE id = ?1", args![id.0], |_| Ok(()))?.is_some())
}

pub(super) fn guest_from_row(row: &dyn Row) -> Result<Guest> {
    let birthday = row.birthday(5)?;
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

/// The columns `recovery_from_row` reads, in its order, and how many they are.
pub(super) const RECOVERY_COLUMNS: &str =
    "id, opened_at, category, what_happened, action_taken, cost, resolved_at, staff";
pub(super) const RECOVERY_COLUMN_COUNT: usize = 8;

/// A recovery from the `RECOVERY_COLUMNS`; its follow-ups are read apart.
pub(super) fn recovery_from_row(row: &dyn Row) -> Result<RecoveryEntry> {
    Ok(RecoveryEntry {
        id: RecoveryId(row.id(0)?),
        recovery: Recovery {
            opened_at: row.time(1)?,
            category: row.string(2)?,
            what_happened: row.string(3)?,
            action_taken: row.string(4)?,
            cost: row.real(5)?,
            follow_ups: Vec::new(),
            resolved_at: row.opt_time(6)?,
            staff: row.string(7)?,
        },
    })
}

/// An audit entry from the columns id, at, staff, action, guest_id, the guest's name, detail.
fn audit_from_row(row: &dyn Row) -> Result<AuditEntry> {
    Ok(AuditEntry {
        at: row.time(1)?,
        staff: row.string(2)?,
        action: row.string(3)?,
        guest: row.int(4)?.map(GuestId),
        // As for heads-ups: the guest's own row is said by the reads of guests.
        name: row.opt_string(5).ok().flatten(),
        detail: row.string(6)?,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_count_of_a_recoverys_columns_is_theirs() {
        assert_eq!(super::RECOVERY_COLUMNS.split(',').count(), super::RECOVERY_COLUMN_COUNT);
    }
}
