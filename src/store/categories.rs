//! Who answers for each kind of mishap, its goal and the team's notes of what they changed about it; and the
//! follow-ups the tally weighs for promises kept on time.

use chrono::{DateTime, Utc};

use super::sql::args;
use super::write::audit;
use super::{Result, Store, to_millis};
use crate::domain::goal::{Goal, Kept, Note, Per, Rule, answer};
use crate::domain::guest::{LONG_FIELD_MAX, SHORT_FIELD_MAX};
use crate::domain::promise::bare_owner;
use crate::domain::tally::{Tally, reads_from, tally};
use crate::domain::{ValidationError, check_len};

/// A category's name as the tally counts it: trimmed, not empty, not too long.
fn category_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ValidationError::new("category", crate::domain::Problem::NoCategory).into());
    }
    check_len("category", name, SHORT_FIELD_MAX)?;
    Ok(name.to_owned())
}

impl Store {
    /// Names who answers for `category` (`Some("")` clears it) and sets its goal (`Some(None)` clears it); what is
    /// not given is kept. Audited; one transaction. Returns the rule as it now stands.
    pub fn set_category(
        &mut self,
        category: &str,
        owner: Option<&str>,
        goal: Option<Option<Goal>>,
        staff: &str,
    ) -> Result<Rule> {
        let name = category_name(category)?;
        let owner = owner.map(|o| bare_owner(o).to_owned());
        if let Some(owner) = &owner {
            check_len("owner", owner, SHORT_FIELD_MAX)?;
        }
        self.write(|tx| {
            let before =
                tx.one("SELECT owner, goal, goal_per FROM categories WHERE name = ?1", args![name.as_str()], |row| {
                    Ok((row.string(0)?, goal_from(row.int(1)?, row.opt_string(2)?)))
                })?;
            let (old_owner, old_goal) = before.unwrap_or_default();
            let rule = Rule {
                category: name.clone(),
                owner: owner.clone().unwrap_or(old_owner),
                goal: goal.unwrap_or(old_goal),
            };
            tx.run(
                "INSERT INTO categories (name, owner, goal, goal_per, set_at, set_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (name) DO UPDATE SET owner = ?2, goal = ?3, goal_per = ?4, set_at = ?5, set_by = ?6",
                args![
                    rule.category.as_str(),
                    rule.owner.as_str(),
                    rule.goal.map(|g| i64::from(g.count)),
                    rule.goal.map(|g| g.per.as_str()),
                    to_millis(Utc::now()),
                    staff
                ],
            )?;
            let goal = rule.goal.map_or_else(|| "none".to_owned(), |g| g.to_string());
            let detail = format!("{}: owner {:?}, goal {goal}", rule.category, rule.owner);
            audit(tx, staff, "category set", None, &detail)?;
            Ok(rule.clone())
        })
    }

    /// Every category's owner and goal, by name.
    pub fn category_rules(&self) -> Result<Vec<Rule>> {
        self.sql().rows("SELECT name, owner, goal, goal_per FROM categories ORDER BY name", &[], |row| {
            Ok(Rule {
                category: row.string(0)?,
                owner: row.string(1)?,
                goal: goal_from(row.int(2)?, row.opt_string(3)?),
            })
        })
    }

    /// Records what the team changed about `category`, dated now and by `staff`. Audited; one transaction.
    pub fn note_category(&mut self, category: &str, note: &str, staff: &str) -> Result<Note> {
        let name = category_name(category)?;
        let note = note.trim().to_owned();
        if note.is_empty() {
            return Err(ValidationError::new("note", crate::domain::Problem::NoNote).into());
        }
        check_len("note", &note, LONG_FIELD_MAX)?;
        let at = Utc::now();
        self.write(|tx| {
            tx.run(
                "INSERT INTO category_notes (category, at, staff, note) VALUES (?1, ?2, ?3, ?4)",
                args![name.as_str(), to_millis(at), staff, note.as_str()],
            )?;
            audit(tx, staff, "category noted", None, &format!("{name}: {note}"))
        })?;
        Ok(Note {
            category: name,
            at: DateTime::from_timestamp_millis(to_millis(at)).unwrap_or(at),
            staff: staff.to_owned(),
            note,
        })
    }

    /// The team's notes, oldest first.
    pub fn category_notes(&self) -> Result<Vec<Note>> {
        self.sql().rows("SELECT category, at, staff, note FROM category_notes ORDER BY at, id", &[], |row| {
            Ok(Note { category: row.string(0)?, at: row.time(1)?, staff: row.string(2)?, note: row.string(3)? })
        })
    }

    /// The mishap tally of `since` to `until` with each category's owner, goal and promises kept: what the tally
    /// screen and `regulars report` show.
    pub fn tally(&self, since: DateTime<Utc>, until: DateTime<Utc>) -> Result<Tally> {
        let mut counted = tally(&self.mishaps(reads_from(since, until), until)?, since, until);
        answer(&mut counted, &self.category_rules()?, &self.kept(since, until)?, &self.category_notes()?);
        Ok(counted)
    }

    /// The follow-ups of the recoveries opened from `from` to `until`, for promises kept on time and the first
    /// contact (see `goal::keeping`).
    pub fn kept(&self, from: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<Kept>> {
        self.sql().rows(
            "SELECT r.id, r.category, r.opened_at, f.due_at, f.done_at FROM recoveries r
             JOIN follow_ups f ON f.recovery_id = r.id
             WHERE r.opened_at BETWEEN ?1 AND ?2 ORDER BY r.id, f.position",
            args![to_millis(from), to_millis(until)],
            |row| {
                Ok(Kept {
                    recovery: row.id(0)?,
                    category: row.string(1)?,
                    opened_at: row.time(2)?,
                    due: row.opt_time(3)?,
                    ticked_at: row.opt_time(4)?,
                })
            },
        )
    }
}

/// A goal as the book stores it: a count and its period, both or neither.
fn goal_from(count: Option<i64>, per: Option<String>) -> Option<Goal> {
    let per = match per.as_deref() {
        Some("day") => Per::Day,
        Some("week") => Per::Week,
        _ => return None,
    };
    Some(Goal { count: u32::try_from(count?).ok()?, per })
}
