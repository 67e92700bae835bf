//! What was typed, as the book takes it — or the field at fault and what is wrong with it.

use chrono::{DateTime, Utc};

use super::{Form, Purpose};
use crate::domain::allergen::allergens_in;
use crate::domain::text::quoted;
use crate::domain::{FollowUp, GuestId, Profile, Recovery, ValidationError, Visit};

/// A form's content as the book takes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Submission {
    Visit {
        guest: GuestId,
        visit: Visit,
    },
    /// `duplicate_ok`: the user has seen that a guest with the same phone or email exists, and adds anyway.
    NewGuest {
        profile: Profile,
        duplicate_ok: bool,
    },
    EditGuest {
        guest: GuestId,
        version: i64,
        base: Box<Profile>,
        profile: Profile,
    },
    Recovery {
        guest: Option<GuestId>,
        recovery: Recovery,
    },
    /// `new_station`: the user has been told no desk uses that station yet, and sends anyway.
    HeadsUp {
        guest: GuestId,
        to: Option<String>,
        note: String,
        new_station: bool,
    },
}

/// Why a form cannot be saved as it is: the field at fault, what is wrong, and whether saving again saves it
/// anyway (an allergen in the order is a warning, not an error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: Option<usize>,
    pub text: String,
    pub confirmable: bool,
}

impl Problem {
    fn at(field: usize, text: impl Into<String>) -> Self {
        Self { field: Some(field), text: text.into(), confirmable: false }
    }
}

impl Form {
    /// The content as the book takes it, stamped `now` and written by `staff`.
    pub fn submission(
        &self,
        now: DateTime<Utc>,
        staff: &str,
        parse_cost: impl Fn(&str) -> Result<f64, String>,
    ) -> Result<Submission, Problem> {
        let invalid = |e: ValidationError| {
            let field = self.field(&e.field.replace('_', " ")).or_else(|| self.field(e.field));
            Problem { field, text: e.problem, confirmable: false }
        };
        match &self.purpose {
            Purpose::Visit { guest } => {
                let party = self.text(2).trim();
                let party_size = if party.is_empty() {
                    None
                } else {
                    Some(
                        party
                            .parse()
                            .map_err(|_| Problem::at(2, format!("{} is not a number of people", quoted(party))))?,
                    )
                };
                let visit = Visit {
                    at: now,
                    seat: self.text(0).to_owned(),
                    order: self.list(1, ','),
                    party_size,
                    staff: staff.to_owned(),
                    note: self.text(3).to_owned(),
                }
                .validated()
                .map_err(|e| match e.field {
                    "order" => Problem::at(1, e.problem),
                    "party_size" => Problem::at(2, e.problem),
                    "note" => Problem::at(3, e.problem),
                    _ => Problem::at(0, e.problem),
                })?;
                let hits = allergens_in(&visit.order, &self.allergies);
                if !hits.is_empty() && !self.confirm_save {
                    let named: Vec<String> =
                        hits.iter().map(|hit| format!("{} has {}", hit.item, hit.allergy)).collect();
                    return Err(Problem {
                        field: Some(1),
                        text: format!("⚠ ALLERGY: {}", named.join("; ")),
                        confirmable: true,
                    });
                }
                Ok(Submission::Visit { guest: *guest, visit })
            }
            Purpose::NewGuest | Purpose::EditGuest { .. } => {
                let birthday = self.text(4).trim();
                let birthday = if birthday.is_empty() {
                    None
                } else {
                    Some(birthday.parse().map_err(|e: String| Problem::at(4, e))?)
                };
                let profile = Profile {
                    name: self.text(0).to_owned(),
                    greeting: self.text(1).to_owned(),
                    phone: self.text(2).to_owned(),
                    email: self.text(3).to_owned(),
                    birthday,
                    tags: self.list(5, ','),
                    allergies: self.list(6, ','),
                    preferences: self.list(7, ','),
                    notes: self.text(8).to_owned(),
                    other_names: self.list(9, ','),
                }
                .validated()
                .map_err(invalid)?;
                Ok(match &self.purpose {
                    Purpose::EditGuest { guest, version, base } => {
                        Submission::EditGuest { guest: *guest, version: *version, base: base.clone(), profile }
                    }
                    _ => Submission::NewGuest { profile, duplicate_ok: self.confirm_save },
                })
            }
            Purpose::HeadsUp { guest } => {
                let to = self.text(0).trim();
                let note = self.text(1).trim().to_owned();
                crate::domain::check_len("note", &note, crate::domain::guest::LONG_FIELD_MAX)
                    .map_err(|e| Problem::at(1, e.problem))?;
                Ok(Submission::HeadsUp {
                    guest: *guest,
                    to: (!to.is_empty()).then(|| to.to_owned()),
                    note,
                    new_station: self.confirm_save,
                })
            }
            Purpose::Recovery { guest } => {
                let cost = self.text(3).trim();
                let cost = if cost.is_empty() { None } else { Some(parse_cost(cost).map_err(|e| Problem::at(3, e))?) };
                let recovery = Recovery {
                    opened_at: now,
                    category: self.text(0).to_owned(),
                    what_happened: self.text(1).to_owned(),
                    action_taken: self.text(2).to_owned(),
                    cost,
                    follow_ups: self.list(4, ';').into_iter().map(|task| FollowUp { task, done: false }).collect(),
                    resolved_at: None,
                    staff: staff.to_owned(),
                }
                .validated()
                .map_err(|e| match e.field {
                    "what_happened" => Problem::at(1, e.problem),
                    "action_taken" => Problem::at(2, e.problem),
                    "cost" => Problem::at(3, e.problem),
                    "follow_ups" => Problem::at(4, e.problem),
                    _ => Problem::at(0, e.problem),
                })?;
                Ok(Submission::Recovery { guest: *guest, recovery })
            }
        }
    }
}
