//! The forms of the counter screen: log a visit, add or edit a guest, record a recovery, send a heads-up. A form
//! holds what was typed until it is saved; a failed save leaves every character where it was, with the error beside
//! its field. `kinds` builds each form; `submit` turns what was typed into what the book takes.

mod draft;
mod kinds;
mod submit;

pub use draft::{Draft, Kind as DraftKind};
pub use submit::Submission;

use super::input::{Inserted, LineInput};
use crate::domain::clash::{Clash, Reconciled};
use crate::domain::guest::{LONG_FIELD_MAX, SHORT_FIELD_MAX};
use crate::domain::{GuestId, Profile};
use crate::i18n::Said;
use crate::said;

/// What the form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Visit {
        guest: GuestId,
    },
    NewGuest,
    /// An edit of the guest as read at `version`, whose profile then was `base`.
    EditGuest {
        guest: GuestId,
        version: i64,
        base: Box<Profile>,
    },
    Recovery {
        guest: Option<GuestId>,
    },
    HeadsUp {
        guest: GuestId,
    },
    /// A booking added by hand to the arrivals of `day`.
    Arrival {
        day: chrono::NaiveDate,
    },
    /// The owner and goal of a category of the tally.
    Category,
}

/// One labelled input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The field's name, as the code knows it ("Party size"); the screen shows `field-party-size` of its language
    /// (see `i18n::named`).
    pub label: &'static str,
    pub input: LineInput,
    /// The message that says what to type, shown while the field is empty; "" for none.
    pub hint: &'static str,
    /// What the field completes to as it is typed, best first.
    pub suggestions: Vec<String>,
    /// For a list field, what separates its items: each item completes on its own.
    pub separator: Option<char>,
    /// What an empty field is proposed to hold (a new guest's greeting, from the name and title typed): shown, and
    /// taken with →, never saved unless taken.
    pub proposal: Option<String>,
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
        if self.input.text().is_empty()
            && let Some(proposal) = &self.proposal
        {
            return Some(proposal);
        }
        if fragment.is_empty() || !self.input.at_end() {
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
    pub title: Title,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The field at fault (if it is one field's fault) and what is wrong.
    pub error: Option<(Option<usize>, Said)>,
    /// Esc was pressed once on a changed form: a second Esc discards it.
    pub confirm_discard: bool,
    /// The last save asked to be made deliberately (an allergen, a possible duplicate, a new station): the next
    /// Ctrl-S saves anyway.
    pub confirm_save: bool,
    /// A save is on its way to the book.
    pub saving: bool,
    /// Fields both this desk and another changed differently: theirs beside ours, to choose between.
    pub clashes: Vec<Clash>,
    /// The guest's allergies, for a visit form: an order item holding one is shown in the warning colour.
    pub allergies: Vec<String>,
    /// How staff address the guest the form is about (greeting, else name), for the messages about its save.
    pub addressed: String,
    initial: Vec<String>,
}

/// The hint of a field that takes a list.
const LIST: &str = "form-hint-list";

/// A form's title: the message and the name of the guest it is about (empty for none), put together when drawn so
/// that it speaks the screen's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub id: &'static str,
    pub name: String,
}

/// The fields the book holds to a short length (see `domain::guest`); the others hold a long text or a list.
const SHORT_FIELDS: &[&str] = &[
    "Seat",
    "Party size",
    "Name",
    "Title",
    "Greeting",
    "Phone",
    "Email",
    "Birthday",
    "Category",
    "Cost",
    "To station",
    "Time",
    "Table or room",
];

impl Form {
    fn new(purpose: Purpose, title: Title, fields: Vec<(&'static str, String, &'static str)>) -> Self {
        let initial = fields.iter().map(|(_, value, _)| value.clone()).collect();
        let fields = fields
            .into_iter()
            .map(|(label, value, hint)| {
                let limit = if SHORT_FIELDS.contains(&label) { SHORT_FIELD_MAX } else { LONG_FIELD_MAX };
                let mut input = LineInput::with_limit(limit);
                input.set(&value);
                Field { label, input, hint, suggestions: Vec::new(), separator: None, proposal: None }
            })
            .collect();
        Self {
            purpose,
            title,
            fields,
            focus: 0,
            error: None,
            confirm_discard: false,
            confirm_save: false,
            saving: false,
            clashes: Vec::new(),
            allergies: Vec::new(),
            addressed: String::new(),
            initial,
        }
    }

    /// The guest the form is about, if any.
    pub fn guest(&self) -> Option<GuestId> {
        match &self.purpose {
            Purpose::Visit { guest } | Purpose::EditGuest { guest, .. } | Purpose::HeadsUp { guest } => Some(*guest),
            Purpose::Recovery { guest } => *guest,
            Purpose::NewGuest | Purpose::Arrival { .. } | Purpose::Category => None,
        }
    }

    /// Another desk saved the guest being edited meanwhile, changing a field this form changed too. The form now
    /// starts from their version: the fields only they changed, and the lists both changed (joined), take the
    /// reconciled values; the clashing fields keep what was typed, with theirs shown beside, so a second Ctrl-S
    /// saves ours there deliberately and Esc Esc keeps theirs.
    pub fn clash(&mut self, theirs: Profile, version: i64, reconciled: Reconciled) {
        if let Purpose::EditGuest { version: editing, base, .. } = &mut self.purpose {
            *editing = version;
            **base = theirs;
        }
        for (field, value) in self.fields.iter_mut().zip(kinds::guest_values(&reconciled.profile)) {
            if field.input.text() != value {
                field.input.set(&value);
            }
        }
        self.saving = false;
        let fields: Vec<Said> = reconciled.clashes.iter().map(|c| Said::named("field", c.field)).collect();
        self.error = Some((None, said!("form-clash", fields = fields)));
        self.clashes = reconciled.clashes;
    }

    /// A save the book wants made deliberately: say why; the next Ctrl-S saves anyway.
    pub fn ask_to_confirm(&mut self, why: Said) {
        self.saving = false;
        self.confirm_save = true;
        self.error = Some((None, why));
    }

    /// Typing or a paste into the focused field: what goes past the field's limit is left out, and the field says
    /// so at once rather than at the save.
    pub fn typed(&mut self, text: &str) {
        let input = &mut self.fields[self.focus].input;
        if let Inserted::Cut { kept } = input.insert(text) {
            let limit = input.limit();
            let problem = said!("form-field-cut", limit = limit, kept = kept);
            self.error = Some((Some(self.focus), problem));
        }
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

    /// The index of the field labelled `label`, case ignored.
    pub fn field(&self, label: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.label.eq_ignore_ascii_case(label))
    }

    fn text(&self, index: usize) -> &str {
        self.fields[index].input.text()
    }

    /// What the field labelled `label` holds; empty for a field the form does not have.
    fn value(&self, label: &str) -> &str {
        self.field(label).map_or("", |i| self.text(i))
    }

    /// Proposes a new guest's greeting from the name and title typed (see `greeting::suggest`): called after every
    /// key, so the proposal follows the typing.
    pub fn propose(&mut self) {
        if self.purpose != Purpose::NewGuest {
            return;
        }
        let title = crate::search::greeting::Title::parse(self.value("Title"));
        let proposal = crate::search::greeting::suggest(self.value("Name"), title);
        if let Some(at) = self.field("Greeting") {
            self.fields[at].proposal = proposal;
        }
    }

    fn list(&self, label: &str, separator: char) -> Vec<String> {
        self.value(label).split(separator).map(str::to_owned).collect()
    }
}
