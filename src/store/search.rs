//! What search reads of the book: every guest's searchable fields for the screen's index, and for a command that
//! searches once only the guests whose stored bits a query's terms can be in (see `search::Needs`).

use std::fmt::Write;
use std::ops::RangeInclusive;

use chrono::{DateTime, Duration, Utc};

use super::sql::{Value, args};
use super::unreadable::Kind;
use super::{Result, Store};
use crate::domain::GuestId;
use crate::domain::regular::YEAR_DAYS;
use crate::search::{Needs, SearchRow};

impl Store {
    /// Passes every guest whose id is in `ids` and who may match a query needing `needs`, in id order, to `each`,
    /// with what search needs.
    pub fn search_rows(&self, ids: RangeInclusive<i64>, needs: &Needs, each: impl FnMut(&SearchRow<'_>)) -> Result<()> {
        self.read_search_rows(ids, Some(needs), each)
    }

    /// As `search_rows`, every guest in `ids`, without their other spellings (`spellings` empty): what the screen
    /// needs for its first results, the spellings following from `spelling_rows`.
    pub fn search_rows_unspelled(&self, ids: RangeInclusive<i64>, each: impl FnMut(&SearchRow<'_>)) -> Result<()> {
        self.read_search_rows(ids, None, each)
    }

    fn read_search_rows(
        &self,
        ids: RangeInclusive<i64>,
        needs: Option<&Needs>,
        mut each: impl FnMut(&SearchRow<'_>),
    ) -> Result<()> {
        let spellings = if needs.is_some() { "spelling_keys" } else { "''" };
        let mut sql = format!(
            "SELECT id, name, greeting, phone, email, tags, name_key, greeting_key, last_visit_at, visit_count,
                    {spellings}
             FROM guests WHERE id BETWEEN ?1 AND ?2"
        );
        let mut values = args![*ids.start(), *ids.end()].to_vec();
        if let Some(needs) = needs.filter(|needs| !needs.everyone()) {
            sql.push_str(" AND ");
            push_needs(&mut sql, &mut values, needs);
        }
        sql.push_str(" ORDER BY id");
        self.sql().each_of(self.past(), Kind::Guest, &sql, &values, &mut |row| {
            each(&SearchRow {
                id: GuestId(row.id(0)?),
                name: row.str(1)?,
                greeting: row.str(2)?,
                phone: row.str(3)?,
                email: row.str(4)?,
                tags: row.list(5)?,
                name_key: row.str(6)?,
                greeting_key: row.str(7)?,
                last_visit: row.opt_time(8)?,
                visit_count: u32::try_from(row.id(9)?).unwrap_or(u32::MAX),
                spellings: row.str(10)?,
            });
            Ok(())
        })?;
        Ok(())
    }

    /// Each visit of every guest in `ids` with `least` visits or more that falls in the year up to the guest's last
    /// visit, in guest order: what the result list marks regulars by (see `domain::regular::Recent`). Read along
    /// the index of visits by guest, from each guest's last visit back.
    pub fn recent_visits(
        &self,
        ids: RangeInclusive<i64>,
        least: usize,
        mut each: impl FnMut(GuestId, DateTime<Utc>),
    ) -> Result<()> {
        let year = Duration::days(YEAR_DAYS).num_milliseconds();
        let least = i64::try_from(least).unwrap_or(i64::MAX);
        self.sql().each_of(
            self.past(),
            Kind::Visit,
            "SELECT v.id, v.guest_id, v.at FROM guests g
             JOIN visits v ON v.guest_id = g.id AND v.at >= g.last_visit_at - ?3
             WHERE g.id BETWEEN ?1 AND ?2 AND g.visit_count >= ?4 ORDER BY g.id",
            args![*ids.start(), *ids.end(), year, least],
            &mut |row| {
                each(GuestId(row.id(1)?), row.time(2)?);
                Ok(())
            },
        )?;
        Ok(())
    }

    /// The other spellings of every guest in `ids` who has any, in id order, as stored (see `search::spell`).
    pub fn spelling_rows(&self, ids: RangeInclusive<i64>, mut each: impl FnMut(GuestId, &str)) -> Result<()> {
        self.sql().each_of(
            self.past(),
            Kind::Guest,
            "SELECT id, spelling_keys FROM guests WHERE id BETWEEN ?1 AND ?2 AND spelling_keys <> '' ORDER BY id",
            args![*ids.start(), *ids.end()],
            &mut |row| {
                let id = GuestId(row.id(0)?);
                each(id, row.str(1)?);
                Ok(())
            },
        )?;
        Ok(())
    }
}

/// The condition a row must meet to be read for `needs`, every bit bound as a parameter after `values`: one of the
/// query's readings whose every term the row's mask and repeated letters hold, or its spellings' word starts. The
/// mask is checked first, as it comes first in the row.
fn push_needs(sql: &mut String, values: &mut Vec<Value>, needs: &Needs) {
    let mut bind = |sql: &mut String, column: &str, bits: i64| {
        values.push(Value::from(bits));
        let n = values.len();
        // Writing to a String cannot fail.
        let _ = write!(sql, "{column} & ?{n} = ?{n}");
    };
    sql.push('(');
    for (r, reading) in needs.readings().iter().enumerate() {
        sql.push_str(if r == 0 { "(" } else { " OR (" });
        for (t, term) in reading.iter().enumerate() {
            sql.push_str(if t == 0 { "((" } else { " AND ((" });
            bind(sql, "search_mask", term.mask);
            if term.repeated != 0 {
                sql.push_str(" AND ");
                bind(sql, "repeat_mask", term.repeated);
            }
            sql.push(')');
            if term.starts != 0 {
                sql.push_str(" OR ");
                bind(sql, "spelling_starts", term.starts);
            }
            sql.push(')');
        }
        sql.push(')');
    }
    sql.push(')');
}
