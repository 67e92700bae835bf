//! A form's typing kept while the screen is closed (a signal, a lost terminal), to be offered back next time that
//! station opens the screen: what the form was for, the guest and the version it started from, and every field as
//! typed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Form, Purpose};
use crate::domain::{GuestId, Profile};

/// What a draft's form was for, as the file says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Visit,
    NewGuest,
    EditGuest,
    Recovery,
    HeadsUp,
    Arrival,
    Category,
}

/// A form kept as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub kind: Kind,
    pub guest: Option<GuestId>,
    /// For an edit: the version and profile it started from, so that saving it later still reconciles with what
    /// other desks changed since.
    pub version: Option<i64>,
    pub base: Option<Profile>,
    pub fields: Vec<String>,
    pub focus: usize,
    pub kept_at: DateTime<Utc>,
}

impl Form {
    /// What is typed, to keep.
    pub fn draft(&self, now: DateTime<Utc>) -> Draft {
        let (kind, version, base) = match &self.purpose {
            Purpose::Visit { .. } => (Kind::Visit, None, None),
            Purpose::NewGuest => (Kind::NewGuest, None, None),
            Purpose::EditGuest { version, base, .. } => (Kind::EditGuest, Some(*version), Some((**base).clone())),
            Purpose::Recovery { .. } => (Kind::Recovery, None, None),
            Purpose::HeadsUp { .. } => (Kind::HeadsUp, None, None),
            Purpose::Arrival { .. } => (Kind::Arrival, None, None),
            Purpose::Category => (Kind::Category, None, None),
        };
        Draft {
            kind,
            guest: self.guest(),
            version,
            base,
            fields: self.fields.iter().map(|f| f.input.text().to_owned()).collect(),
            focus: self.focus,
            kept_at: now,
        }
    }

    /// Puts a draft's typing back into this form (made afresh for the same purpose and guest): every field as typed,
    /// and an edit's starting version and profile.
    pub fn refill(&mut self, draft: &Draft) {
        let mut typed = draft.fields.clone();
        if draft.kind == Kind::NewGuest && typed.len() + 1 == self.fields.len() {
            // Kept before the new-guest form asked for a title: it goes in empty, the rest where it was.
            typed.insert(1, String::new());
        }
        for (field, text) in self.fields.iter_mut().zip(&typed) {
            field.input.set(text);
        }
        self.propose();
        self.focus = draft.focus.min(self.fields.len().saturating_sub(1));
        if let (Purpose::EditGuest { version, base, .. }, Some(kept_version), Some(kept_base)) =
            (&mut self.purpose, draft.version, &draft.base)
        {
            *version = kept_version;
            **base = kept_base.clone();
        }
    }
}
