//! The forms of the counter screen: log a visit, add or edit a guest, record a recovery. A form holds what was
//! typed until it is saved; a failed save leaves every character where it was, with the error beside its field.

use chrono::{DateTime, Utc};

use super::input::LineInput;
use crate::domain::text::normalise;
use crate::domain::{FollowUp, Guest, GuestHistory, GuestId, Profile, Recovery, Visit};

/// What the form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Visit { guest: GuestId },
    NewGuest,
    EditGuest { guest: GuestId, version: i64, before: Box<Profile> },
    Recovery { guest: Option<GuestId> },
    HeadsUp { guest: GuestId },
}

/// One labelled input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub input: LineInput,
    pub hint: &'static str,
    /// What the field completes to as it is typed, best first.
    pub suggestions: Vec<String>,
    /// For a list field, what separates its items: each item completes on its own.
    pub separator: Option<char>,
}

impl Field {
    /// The item being typed: the text after the last separator, or the whole text.
    fn fragment(&self) -> &str {
        let text = self.input.text();
        let start = self.separator.and_then(|sep| text.rfind(sep).map(|i| i + sep.len_utf8())).unwrap_or(0);
        text[start..].trim_start()
    }

    /// What would complete the item being typed, when the cursor is at its end: the rest of the first suggestion
    /// that starts with it.
    pub fn completion(&self) -> Option<&str> {
        let fragment = self.fragment();
        if fragment.is_empty() || self.input.cursor() != self.input.text().chars().count() {
            return None;
        }
        let typed = fragment.chars().count();
        self.suggestions.iter().find_map(|s| {
            let head: String = s.chars().take(typed).collect();
            (s.chars().count() > typed && head.to_lowercase() == fragment.to_lowercase())
                .then(|| &s[s.char_indices().nth(typed).map_or(s.len(), |(i, _)| i)..])
        })
    }

    /// Takes the completion: the item being typed becomes the suggestion, as written there.
    pub fn complete(&mut self) -> bool {
        let Some(rest) = self.completion().map(str::to_owned) else { return false };
        self.input.insert(&rest);
        true
    }
}

/// A form being filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub purpose: Purpose,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The field at fault (if it is one field's fault) and what is wrong.
    pub error: Option<(Option<usize>, String)>,
    /// Esc was pressed once on a changed form: a second Esc discards it.
    pub confirm_discard: bool,
    /// A save is on its way to the book.
    pub saving: bool,
    /// The guest as another desk saved it meanwhile: shown beside what was typed, to choose between.
    pub theirs: Option<Profile>,
    initial: Vec<String>,
}

/// A form's content as the book takes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Submission {
    Visit { guest: GuestId, visit: Visit },
    NewGuest(Profile),
    EditGuest { guest: GuestId, version: i64, before: Box<Profile>, profile: Profile },
    Recovery { guest: Option<GuestId>, recovery: Recovery },
    HeadsUp { guest: GuestId, to: Option<String>, note: String },
}

const LIST: &str = "items separated by commas";

impl Form {
    fn new(purpose: Purpose, title: String, fields: Vec<(&'static str, String, &'static str)>) -> Self {
        let initial = fields.iter().map(|(_, value, _)| value.clone()).collect();
        let fields = fields
            .into_iter()
            .map(|(label, value, hint)| {
                let mut input = LineInput::default();
                input.set(&value);
                Field { label, input, hint, suggestions: Vec::new(), separator: None }
            })
            .collect();
        Self {
            purpose,
            title,
            fields,
            focus: 0,
            error: None,
            confirm_discard: false,
            saving: false,
            theirs: None,
            initial,
        }
    }

    /// A visit now, seat and order filled in from the usual; order items complete from this guest's past items,
    /// then from what the house serves most.
    pub fn visit(history: &GuestHistory, now: DateTime<Utc>, staff: &str, house_items: &[String]) -> Self {
        let usual = history.card().the_usual_visit(now, staff);
        let (seat, order) = usual.map(|v| (v.seat, v.order.join(", "))).unwrap_or_default();
        let title = format!("Log a visit — {}", history.guest.profile.name);
        let mut form = Self::new(
            Purpose::Visit { guest: history.guest.id },
            title,
            vec![
                ("Seat", seat, ""),
                ("Order", order, LIST),
                ("Party size", String::new(), "how many came"),
                ("Note", String::new(), ""),
            ],
        );
        let mut theirs: Vec<(usize, &String)> = Vec::new();
        for item in history.visits.iter().flat_map(|v| &v.order) {
            match theirs.iter_mut().find(|(_, known)| normalise(known) == normalise(item)) {
                Some((count, _)) => *count += 1,
                None => theirs.push((1, item)),
            }
        }
        theirs.sort_by_key(|(count, _)| std::cmp::Reverse(*count));
        let mut items: Vec<String> = theirs.into_iter().map(|(_, item)| item.clone()).collect();
        for item in house_items {
            if !items.iter().any(|known| normalise(known) == normalise(item)) {
                items.push(item.clone());
            }
        }
        form.fields[1].suggestions = items;
        form.fields[1].separator = Some(',');
        form
    }

    /// A new guest, named as typed on the search line.
    pub fn new_guest(name: &str) -> Self {
        Self::guest(
            Purpose::NewGuest,
            "Add a guest".to_owned(),
            &Profile { name: name.trim().to_owned(), ..Profile::default() },
        )
    }

    pub fn edit_guest(guest: &Guest) -> Self {
        let title = format!("Edit — {}", guest.profile.name);
        let purpose =
            Purpose::EditGuest { guest: guest.id, version: guest.version, before: Box::new(guest.profile.clone()) };
        Self::guest(purpose, title, &guest.profile)
    }

    fn guest(purpose: Purpose, title: String, p: &Profile) -> Self {
        Self::new(
            purpose,
            title,
            vec![
                ("Name", p.name.clone(), "required"),
                ("Greeting", p.greeting.clone(), "how to address them: 于先生, Mr. Yu"),
                ("Phone", p.phone.clone(), ""),
                ("Email", p.email.clone(), ""),
                ("Birthday", p.birthday.map(|b| b.to_string()).unwrap_or_default(), "YYYY-MM-DD or --MM-DD"),
                ("Tags", p.tags.join(", "), LIST),
                ("Allergies", p.allergies.join(", "), LIST),
                ("Preferences", p.preferences.join(", "), LIST),
                ("Notes", p.notes.clone(), ""),
            ],
        )
    }

    /// A recovery opened now, for the selected guest or for nobody in particular; the category completes from
    /// those already counted, so the tally does not split one kind of mishap in two.
    pub fn recovery(guest: Option<&Guest>, categories: &[String]) -> Self {
        let title = match guest {
            Some(g) => format!("Record a recovery — {}", g.profile.name),
            None => "Record a recovery (no guest)".to_owned(),
        };
        let mut form = Self::new(
            Purpose::Recovery { guest: guest.map(|g| g.id) },
            title,
            vec![
                ("Category", String::new(), "the kind of mishap: late order, room upgrade"),
                ("What happened", String::new(), ""),
                ("Action taken", String::new(), ""),
                ("Cost", String::new(), "a number"),
                ("Follow-ups", String::new(), "tasks separated by ;"),
            ],
        );
        form.fields[0].suggestions = categories.to_vec();
        form
    }

    /// A heads-up to other desks that the guest is on the way.
    pub fn heads_up(guest: &Guest, stations: &[String]) -> Self {
        let mut form = Self::new(
            Purpose::HeadsUp { guest: guest.id },
            format!("Heads-up — {} is on the way", guest.profile.name),
            vec![
                ("To station", String::new(), "empty for every station"),
                ("Note", String::new(), "took the lift down"),
            ],
        );
        form.fields[0].suggestions = stations.to_vec();
        form
    }

    /// Another desk saved this guest meanwhile (as `theirs`, at `version`): keep what was typed, show theirs, and
    /// let a second save put ours over it — a choice, not an accident.
    pub fn conflict(&mut self, theirs: Profile, version: i64) {
        if let Purpose::EditGuest { version: editing, .. } = &mut self.purpose {
            *editing = version;
        }
        self.saving = false;
        self.theirs = Some(theirs);
        self.error = Some((None, "Another desk saved this guest meanwhile".to_owned()));
    }

    /// Theirs, field by field where it differs from what is typed: (label, their value).
    pub fn their_differences(&self) -> Vec<(&'static str, String)> {
        let Some(p) = &self.theirs else { return Vec::new() };
        let values = [
            p.name.clone(),
            p.greeting.clone(),
            p.phone.clone(),
            p.email.clone(),
            p.birthday.map(|b| b.to_string()).unwrap_or_default(),
            p.tags.join(", "),
            p.allergies.join(", "),
            p.preferences.join(", "),
            p.notes.clone(),
        ];
        self.fields
            .iter()
            .zip(values)
            .filter(|(f, v)| f.input.text().trim() != v.as_str())
            .map(|(f, v)| (f.label, v))
            .collect()
    }

    pub fn focused(&mut self) -> &mut LineInput {
        &mut self.fields[self.focus].input
    }

    pub fn focused_field(&mut self) -> &mut Field {
        &mut self.fields[self.focus]
    }

    /// Anything typed since the form opened.
    pub fn changed(&self) -> bool {
        self.fields.iter().zip(&self.initial).any(|(field, initial)| field.input.text() != initial)
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    pub fn previous(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    fn text(&self, index: usize) -> &str {
        self.fields[index].input.text()
    }

    fn list(&self, index: usize, separator: char) -> Vec<String> {
        self.text(index).split(separator).map(str::to_owned).collect()
    }

    /// The content as the book takes it, or the field at fault and what is wrong with it.
    pub fn submission(&self, now: DateTime<Utc>, staff: &str) -> Result<Submission, (Option<usize>, String)> {
        let at_field = |label: &str| self.fields.iter().position(|f| f.label.eq_ignore_ascii_case(label));
        let invalid = |e: crate::domain::ValidationError| {
            let field = at_field(&e.field.replace('_', " ")).or_else(|| at_field(e.field));
            (field, e.problem)
        };
        match &self.purpose {
            Purpose::Visit { guest } => {
                let party = self.text(2).trim();
                let party_size = if party.is_empty() {
                    None
                } else {
                    Some(party.parse().map_err(|_| (Some(2), format!("{party:?} is not a number of people")))?)
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
                    "order" => (Some(1), e.problem),
                    "party_size" => (Some(2), e.problem),
                    "note" => (Some(3), e.problem),
                    _ => (Some(0), e.problem),
                })?;
                Ok(Submission::Visit { guest: *guest, visit })
            }
            Purpose::NewGuest | Purpose::EditGuest { .. } => {
                let birthday = self.text(4).trim();
                let birthday =
                    if birthday.is_empty() { None } else { Some(birthday.parse().map_err(|e| (Some(4), e))?) };
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
                }
                .validated()
                .map_err(invalid)?;
                Ok(match &self.purpose {
                    Purpose::EditGuest { guest, version, before } => {
                        Submission::EditGuest { guest: *guest, version: *version, before: before.clone(), profile }
                    }
                    _ => Submission::NewGuest(profile),
                })
            }
            Purpose::HeadsUp { guest } => {
                let to = self.text(0).trim();
                let note = self.text(1).trim().to_owned();
                crate::domain::check_len("note", &note, crate::domain::guest::LONG_FIELD_MAX)
                    .map_err(|e| (Some(1), e.problem))?;
                Ok(Submission::HeadsUp { guest: *guest, to: (!to.is_empty()).then(|| to.to_owned()), note })
            }
            Purpose::Recovery { guest } => {
                let cost = self.text(3).trim();
                let cost = if cost.is_empty() {
                    None
                } else {
                    Some(cost.parse().map_err(|_| (Some(3), format!("{cost:?} is not an amount")))?)
                };
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
                    "what_happened" => (Some(1), e.problem),
                    "action_taken" => (Some(2), e.problem),
                    "cost" => (Some(3), e.problem),
                    "follow_ups" => (Some(4), e.problem),
                    _ => (Some(0), e.problem),
                })?;
                Ok(Submission::Recovery { guest: *guest, recovery })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
    }

    fn type_into(form: &mut Form, field: usize, text: &str) {
        form.focus = field;
        form.focused().clear();
        form.focused().insert(text);
    }

    #[test]
    fn a_new_guest_needs_a_name_and_a_real_birthday() {
        let mut form = Form::new_guest("  ");
        assert!(!form.changed());
        assert_eq!(form.submission(now(), "Nok"), Err((Some(0), "is empty; every guest needs a name".to_owned())));
        type_into(&mut form, 0, "Emma Stone");
        type_into(&mut form, 4, "1981-02-29");
        let error = form.submission(now(), "Nok").unwrap_err();
        assert_eq!(error.0, Some(4));
        type_into(&mut form, 4, "--02-29");
        type_into(&mut form, 6, "peanuts, shellfish");
        let Ok(Submission::NewGuest(profile)) = form.submission(now(), "Nok") else { panic!("valid") };
        assert_eq!(profile.allergies, ["peanuts", "shellfish"]);
        assert!(form.changed());
    }

    #[test]
    fn a_visit_form_checks_the_party_size() {
        let guest = Guest {
            id: GuestId(3),
            version: 1,
            profile: Profile { name: "Yu".into(), ..Profile::default() },
            notes_by: None,
        };
        let history = GuestHistory { guest, visits: vec![], recoveries: vec![] };
        let mut form = Form::visit(&history, now(), "Nok", &[]);
        type_into(&mut form, 1, "tea, egg");
        type_into(&mut form, 2, "two");
        assert_eq!(form.submission(now(), "Nok").unwrap_err().0, Some(2));
        type_into(&mut form, 2, "2");
        let Ok(Submission::Visit { guest, visit }) = form.submission(now(), "Nok") else { panic!("valid") };
        assert_eq!((guest, visit.order.len(), visit.party_size), (GuestId(3), 2, Some(2)));
    }

    #[test]
    fn order_items_complete_from_the_guests_own_then_the_house() {
        let guest = Guest {
            id: GuestId(3),
            version: 1,
            profile: Profile { name: "Yu".into(), ..Profile::default() },
            notes_by: None,
        };
        let visit = |order: &[&str]| Visit {
            at: now(),
            seat: String::new(),
            order: order.iter().map(|s| s.to_string()).collect(),
            party_size: None,
            staff: String::new(),
            note: String::new(),
        };
        let history = GuestHistory {
            guest,
            visits: vec![visit(&["Flat white"]), visit(&["flat white", "croissant"])],
            recoveries: vec![],
        };
        let mut form = Form::visit(&history, now(), "Nok", &["Fish and chips".into(), "croissant".into()]);
        assert_eq!(form.fields[1].suggestions, ["Flat white", "croissant", "Fish and chips"]);
        type_into(&mut form, 1, "tea, fl");
        assert_eq!(form.fields[1].completion(), Some("at white"));
        assert!(form.focused_field().complete());
        assert_eq!(form.fields[1].input.text(), "tea, flat white");
        type_into(&mut form, 1, "fi");
        assert_eq!(form.fields[1].completion(), Some("sh and chips"));
        type_into(&mut form, 1, "zz");
        assert_eq!(form.fields[1].completion(), None);
    }

    #[test]
    fn a_recovery_needs_a_category_and_splits_follow_ups() {
        let mut form = Form::recovery(None, &[]);
        assert_eq!(form.submission(now(), "Nok").unwrap_err().0, Some(0));
        type_into(&mut form, 0, "late order");
        type_into(&mut form, 3, "ten");
        assert_eq!(form.submission(now(), "Nok").unwrap_err().0, Some(3));
        type_into(&mut form, 3, "12.5");
        type_into(&mut form, 4, "call back; dessert next time");
        let Ok(Submission::Recovery { guest: None, recovery }) = form.submission(now(), "Nok") else { panic!("valid") };
        assert_eq!(recovery.follow_ups.len(), 2);
        assert_eq!(recovery.cost, Some(12.5));
    }
}
