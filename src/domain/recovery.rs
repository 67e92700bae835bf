//! Recoveries: something went wrong for a guest (or for nobody in particular), what was done about it, and the
//! follow-ups that keep it in front of every colleague until it is resolved.

use chrono::{DateTime, Utc};

use super::guest::{LONG_FIELD_MAX, SHORT_FIELD_MAX};
use super::{ValidationError, check_len};

/// The guest book's id for a recovery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RecoveryId(pub i64);

/// The largest cost a recovery may record: far above any mishap's, far below the sums that print as a wall of
/// digits in the tally.
pub const COST_MAX: f64 = 1e12;

/// A mishap and how it is being put right.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    pub opened_at: DateTime<Utc>,
    /// The kind of mishap ("room upgrade", "late order"), counted in the tally.
    pub category: String,
    pub what_happened: String,
    pub action_taken: String,
    pub cost: Option<f64>,
    pub follow_ups: Vec<FollowUp>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// Who opened it.
    pub staff: String,
}

/// One thing still to do for a guest after a mishap ("early breakfast ready"): a promise, with who keeps it and
/// by when when that was said (see `domain::promise`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUp {
    pub task: String,
    pub done: bool,
    /// The station or department that keeps it ("restaurant").
    pub owner: Option<String>,
    pub due: Option<DateTime<Utc>>,
    /// When it was ticked, and by whom; `None` for one open, or ticked before the book recorded ticks.
    pub ticked: Option<(DateTime<Utc>, String)>,
}

impl FollowUp {
    /// A task with nobody named to keep it and no time promised.
    pub fn new(task: impl Into<String>) -> Self {
        Self { task: task.into(), ..Self::default() }
    }
}

impl Recovery {
    /// Still in front of staff: not resolved.
    pub fn is_open(&self) -> bool {
        self.resolved_at.is_none()
    }

    /// The recovery as the book stores it: text trimmed, every limit checked.
    pub fn validated(mut self) -> Result<Self, ValidationError> {
        for (field, value) in [("category", &mut self.category), ("staff", &mut self.staff)] {
            *value = value.trim().to_owned();
            check_len(field, value, SHORT_FIELD_MAX)?;
        }
        if self.category.is_empty() {
            return Err(ValidationError::new("category", super::Problem::NoCategory));
        }
        check_len("what_happened", &self.what_happened, LONG_FIELD_MAX)?;
        check_len("action_taken", &self.action_taken, LONG_FIELD_MAX)?;
        if let Some(cost) = self.cost
            && !(0.0..=COST_MAX).contains(&cost)
        {
            return Err(ValidationError::new("cost", super::Problem::Cost));
        }
        super::check_time("opened_at", self.opened_at)?;
        if let Some(resolved) = self.resolved_at {
            super::check_time("resolved_at", resolved)?;
        }
        if self.resolved_at.is_some_and(|resolved| resolved < self.opened_at) {
            return Err(ValidationError::new("resolved_at", super::Problem::BeforeOpened));
        }
        self.follow_ups.retain(|f| !f.task.trim().is_empty());
        for follow_up in &mut self.follow_ups {
            follow_up.task = follow_up.task.trim().to_owned();
            check_len("follow_ups", &follow_up.task, LONG_FIELD_MAX)?;
            follow_up.owner = (follow_up.owner.as_deref())
                .map(super::promise::bare_owner)
                .filter(|owner| !owner.is_empty())
                .map(str::to_owned);
            if let Some(owner) = &follow_up.owner {
                check_len("follow_ups", owner, SHORT_FIELD_MAX)?;
            }
            if let Some(due) = follow_up.due {
                super::check_time("follow_ups", due)?;
            }
        }
        Ok(self)
    }
}
