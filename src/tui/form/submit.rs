//! What was typed, as the book takes it — or the field at fault and what is wrong with it.

use chrono::{DateTime, FixedOffset, Utc};

use super::{Form, Purpose};
use crate::domain::allergen::allergens_in;
use crate::domain::goal::Goal;
use crate::domain::text::quoted;
use crate::domain::{FollowUp, GuestId, Profile, Recovery, ValidationError, Visit, promise};
use crate::i18n::Said;
use crate::said;

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
    /// A booking taken by hand, matched to the book when it is added.
    Arrival(crate::domain::arrival::Booking),
    /// Who answers for a category and its goal: `None` keeps what is set, `Some(None)` clears the goal.
    Category {
        name: String,
        owner: Option<String>,
        goal: Option<Option<Goal>>,
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
    pub text: Said,
    pub confirmable: bool,
}

impl Problem {
    fn at(field: usize, text: Said) -> Self {
        Self { field: Some(field), text, confirmable: false }
    }
}

impl Form {
    /// How many came, as the "Party size" field says: none when it is empty.
    fn party(&self) -> Result<Option<u32>, Problem> {
        let at = self.field("Party size").unwrap_or_default();
        match self.value("Party size").trim() {
            "" => Ok(None),
            text => {
                text.parse().map(Some).map_err(|_| Problem::at(at, said!("form-not-a-party", party = quoted(text))))
            }
        }
    }

    /// The recovery form's follow-ups, each with the conventions of the command line (`@OWNER`, `due:WHEN`); the
    /// Owner and Due fields apply to those that name none of their own. An owner or a time with no follow-up to
    /// keep it is refused rather than dropped.
    fn follow_ups(&self, now: DateTime<Utc>, zone: FixedOffset) -> Result<Vec<FollowUp>, Problem> {
        let bad_due = |field| move |e: promise::BadDue| Problem::at(field, crate::i18n::bad_due(&e));
        let mut follow_ups = (self.list("Follow-ups", ';').iter())
            .map(|text| promise::follow_up(text, now, &zone))
            .collect::<Result<Vec<_>, _>>()
            .map_err(bad_due(4))?;
        let owner = promise::bare_owner(self.text(5));
        let due = self.text(6).trim();
        let due = due.strip_prefix("due:").unwrap_or(due);
        let due = if due.is_empty() { None } else { Some(promise::due(due, now, &zone).map_err(bad_due(6))?) };
        if follow_ups.is_empty() && (!owner.is_empty() || due.is_some()) {
            let field = if owner.is_empty() { 6 } else { 5 };
            return Err(Problem::at(field, said!("form-promise-without-follow-up")));
        }
        for follow_up in &mut follow_ups {
            if follow_up.owner.is_none() && !owner.is_empty() {
                follow_up.owner = Some(owner.to_owned());
            }
            follow_up.due = follow_up.due.or(due);
        }
        Ok(follow_ups)
    }

    /// The content as the book takes it, stamped `now` and written by `staff`.
    pub fn submission(
        &self,
        now: DateTime<Utc>,
        zone: FixedOffset,
        staff: &str,
        parse_cost: impl Fn(&str) -> Result<f64, crate::domain::money::BadAmount>,
    ) -> Result<Submission, Problem> {
        let invalid = |e: ValidationError| {
            let field = self.field(&e.field.replace('_', " ")).or_else(|| self.field(e.field));
            Problem { field, text: crate::i18n::problem(&e.problem), confirmable: false }
        };
        match &self.purpose {
            Purpose::Visit { guest } => {
                let party_size = self.party()?;
                let visit = Visit {
                    at: now,
                    seat: self.text(0).to_owned(),
                    order: self.list("Order", ','),
                    party_size,
                    staff: staff.to_owned(),
                    note: self.text(3).to_owned(),
                }
                .validated()
                .map_err(|e| match e.field {
                    "order" => Problem::at(1, crate::i18n::problem(&e.problem)),
                    "party_size" => Problem::at(2, crate::i18n::problem(&e.problem)),
                    "note" => Problem::at(3, crate::i18n::problem(&e.problem)),
                    _ => Problem::at(0, crate::i18n::problem(&e.problem)),
                })?;
                let hits = allergens_in(&visit.order, &self.allergies);
                if !hits.is_empty() && !self.confirm_save {
                    let named: Vec<Said> = hits
                        .iter()
                        .map(|hit| said!("allergy-item-has", item = hit.item, allergy = hit.allergy))
                        .collect();
                    return Err(Problem {
                        field: Some(1),
                        text: said!("form-allergy", hits = named),
                        confirmable: true,
                    });
                }
                Ok(Submission::Visit { guest: *guest, visit })
            }
            Purpose::NewGuest | Purpose::EditGuest { .. } => {
                let birthday = self.value("Birthday").trim();
                let birthday = if birthday.is_empty() {
                    None
                } else {
                    let at = self.field("Birthday").unwrap_or_default();
                    Some(birthday.parse().map_err(|e| Problem::at(at, crate::i18n::bad_birthday(&e)))?)
                };
                let profile = Profile {
                    name: self.value("Name").to_owned(),
                    greeting: self.value("Greeting").to_owned(),
                    phone: self.value("Phone").to_owned(),
                    email: self.value("Email").to_owned(),
                    birthday,
                    tags: self.list("Tags", ','),
                    allergies: self.list("Allergies", ','),
                    preferences: self.list("Preferences", ','),
                    notes: self.value("Notes").to_owned(),
                    other_names: self.list("Other names", ','),
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
            Purpose::Arrival { day } => {
                let at = |label: &str| self.field(label).unwrap_or_default();
                let party = self.party()?;
                let time = match self.value("Time").trim() {
                    "" => None,
                    text => Some(
                        chrono::NaiveTime::parse_from_str(text, "%H:%M")
                            .map_err(|_| Problem::at(at("Time"), said!("form-not-a-time", time = quoted(text))))?,
                    ),
                };
                let booking = crate::domain::arrival::Booking {
                    day: *day,
                    time,
                    name: self.value("Name").to_owned(),
                    phone: self.value("Phone").to_owned(),
                    email: String::new(),
                    party,
                    place: self.value("Table or room").to_owned(),
                    note: self.value("Note").to_owned(),
                }
                .validated()
                .map_err(invalid)?;
                Ok(Submission::Arrival(booking))
            }
            Purpose::HeadsUp { guest } => {
                let to = self.text(0).trim();
                let note = self.text(1).trim().to_owned();
                crate::domain::check_len("note", &note, crate::domain::guest::LONG_FIELD_MAX)
                    .map_err(|e| Problem::at(1, crate::i18n::problem(&e.problem)))?;
                Ok(Submission::HeadsUp {
                    guest: *guest,
                    to: (!to.is_empty()).then(|| to.to_owned()),
                    note,
                    new_station: self.confirm_save,
                })
            }
            Purpose::Category => {
                let name = self.text(0).trim().to_owned();
                if name.is_empty() {
                    return Err(Problem::at(0, crate::i18n::problem(&crate::domain::Problem::NoCategory)));
                }
                let owner = self.text(1).trim();
                let goal = match self.text(2).trim() {
                    "" => None,
                    "none" => Some(None),
                    text => Some(Some(
                        Goal::parse(text).map_err(|e| Problem::at(2, said!("bad-goal", text = quoted(&e.0))))?,
                    )),
                };
                Ok(Submission::Category { name, owner: (!owner.is_empty()).then(|| owner.to_owned()), goal })
            }
            Purpose::Recovery { guest } => {
                let cost = self.text(3).trim();
                let cost = if cost.is_empty() {
                    None
                } else {
                    Some(parse_cost(cost).map_err(|e| Problem::at(3, crate::i18n::bad_amount(&e)))?)
                };
                let recovery = Recovery {
                    opened_at: now,
                    category: self.text(0).to_owned(),
                    what_happened: self.text(1).to_owned(),
                    action_taken: self.text(2).to_owned(),
                    cost,
                    follow_ups: self.follow_ups(now, zone)?,
                    resolved_at: None,
                    staff: staff.to_owned(),
                }
                .validated()
                .map_err(|e| match e.field {
                    "what_happened" => Problem::at(1, crate::i18n::problem(&e.problem)),
                    "action_taken" => Problem::at(2, crate::i18n::problem(&e.problem)),
                    "cost" => Problem::at(3, crate::i18n::problem(&e.problem)),
                    "follow_ups" => Problem::at(4, crate::i18n::problem(&e.problem)),
                    _ => Problem::at(0, crate::i18n::problem(&e.problem)),
                })?;
                Ok(Submission::Recovery { guest: *guest, recovery })
            }
        }
    }
}
