//! Promises as text, shared by `regulars promises`, `regulars card` and the screen, so that all say them alike: the
//! owner and the time left of a follow-up ("@restaurant · in 25 min"), and the list's lines and JSON.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use serde::Serialize;

use crate::domain::FollowUp;
use crate::domain::promise::{Promise, Standing, standing};
use crate::i18n::{Language, date_time, promise_time};

/// What a desk needs to say where promises stand: its clock, its zone, its language and the grace before overdue.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub now: DateTime<Utc>,
    pub zone: FixedOffset,
    pub grace: Duration,
    pub language: Language,
}

impl Clock {
    /// Where a promise due at `due` stands now.
    pub fn standing(&self, due: Option<DateTime<Utc>>) -> Standing {
        standing(due, self.now, self.grace)
    }

    /// The due time as the desk's clock has it: "06:30" today, else with its day, then where it stands: "06:30, in
    /// 25 min". `None` for a promise with no time.
    pub fn due(&self, due: Option<DateTime<Utc>>) -> Option<String> {
        let at = due?;
        let local = at.with_timezone(&self.zone);
        let when = match local.date_naive() == self.now.with_timezone(&self.zone).date_naive() {
            true => local.format("%H:%M").to_string(),
            false => date_time(self.language, at, self.zone),
        };
        let left = promise_time(self.language, self.standing(due)).unwrap_or_default();
        Some(format!("{when}, {left}"))
    }

    /// What a card adds to a follow-up's task: its owner and its time left, "@restaurant · in 25 min" (the
    /// promises list has the clock time; a card stays short enough for a narrow desk); nothing for one ticked or
    /// with neither.
    pub fn follow_up(&self, follow_up: &FollowUp) -> Option<String> {
        if follow_up.done {
            return None;
        }
        let left = promise_time(self.language, self.standing(follow_up.due));
        let parts: Vec<String> = follow_up.owner.iter().map(|owner| format!("@{owner}")).chain(left).collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// One line of the promises list: where it stands, whose it is, the task, the guest and the recovery.
    pub fn line(&self, promise: &Promise) -> String {
        let when = self.due(promise.due).unwrap_or_else(|| crate::t!(self.language, "promise-untimed"));
        let owner = promise.owner.as_ref().map_or_else(|| "—".to_owned(), |owner| format!("@{owner}"));
        let guest = promise.name.clone().unwrap_or_else(|| crate::t!(self.language, "promise-no-guest"));
        crate::t!(
            self.language,
            "promise-line",
            when = when,
            owner = owner,
            task = promise.task.as_str(),
            guest = guest,
            category = promise.category.as_str(),
            id = promise.recovery.0,
            n = promise.position,
        )
    }
}

/// A promise as `regulars promises --json` prints it.
#[derive(Debug, Serialize)]
pub struct Json<'a> {
    pub recovery: i64,
    pub position: usize,
    pub guest: Option<&'a str>,
    pub guest_id: Option<i64>,
    pub category: &'a str,
    pub task: &'a str,
    pub owner: Option<&'a str>,
    /// RFC 3339 in the desk's zone.
    pub due: Option<String>,
    pub overdue: bool,
}

impl<'a> Json<'a> {
    pub fn of(promise: &'a Promise, clock: &Clock) -> Self {
        Self {
            recovery: promise.recovery.0,
            position: promise.position,
            guest: promise.name.as_deref(),
            guest_id: promise.guest.map(|g| g.0),
            category: &promise.category,
            task: &promise.task,
            owner: promise.owner.as_deref(),
            due: promise.due.map(|at| at.with_timezone(&clock.zone).to_rfc3339()),
            overdue: matches!(clock.standing(promise.due), Standing::Overdue(_)),
        }
    }
}
