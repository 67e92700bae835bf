//! Each form the counter opens, with its fields filled in from what the book already knows.

use super::{Form, LIST, Purpose, Title};
use crate::domain::text::{inert, normalise};
use crate::domain::{Guest, GuestHistory, Profile};

impl Form {
    /// A visit now, seat and order filled in from the usual; order items complete from this guest's past items,
    /// then from what the house serves most. The guest's allergies come along, so an item holding one shows.
    pub fn visit(history: &GuestHistory, house_items: &[String]) -> Self {
        let card = history.card();
        let seat = card.usual_seat.unwrap_or_default().to_owned();
        let order = card.the_usual.as_ref().map(|usual| usual.items().join(", ")).unwrap_or_default();
        let title = Title { id: "form-visit-title", name: history.guest.profile.name.clone() };
        let mut form = Self::new(
            Purpose::Visit { guest: history.guest.id },
            title,
            vec![
                ("Seat", seat, ""),
                ("Order", order, LIST),
                ("Party size", String::new(), "form-hint-party-size"),
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
        form.allergies.clone_from(&history.guest.profile.allergies);
        form.addressed = addressed(&history.guest);
        form
    }

    /// A new guest, named as typed on the search line.
    /// A new guest, named as typed on the search line. It also asks how the guest is addressed (先生, Ms.): not kept
    /// itself, it proposes the greeting (see `Form::propose`).
    pub fn new_guest(name: &str) -> Self {
        let mut form = Self::guest_form(
            Purpose::NewGuest,
            Title { id: "form-new-guest-title", name: String::new() },
            &Profile { name: name.trim().to_owned(), ..Profile::default() },
        );
        let title = Self::new(Purpose::NewGuest, form.title.clone(), vec![("Title", String::new(), "form-hint-title")]);
        form.fields.splice(1..1, title.fields);
        form.initial.insert(1, String::new());
        form.propose();
        form
    }

    pub fn edit_guest(guest: &Guest) -> Self {
        let title = Title { id: "form-edit-title", name: guest.profile.name.clone() };
        let purpose =
            Purpose::EditGuest { guest: guest.id, version: guest.version, base: Box::new(guest.profile.clone()) };
        let mut form = Self::guest_form(purpose, title, &guest.profile);
        form.addressed = addressed(guest);
        form
    }

    fn guest_form(purpose: Purpose, title: Title, p: &Profile) -> Self {
        let [name, greeting, phone, email, birthday, tags, allergies, preferences, notes, other_names] =
            guest_values(p);
        Self::new(
            purpose,
            title,
            vec![
                ("Name", name, "form-hint-name"),
                ("Greeting", greeting, "form-hint-greeting"),
                ("Phone", phone, ""),
                ("Email", email, ""),
                ("Birthday", birthday, "form-hint-birthday"),
                ("Tags", tags, LIST),
                ("Allergies", allergies, LIST),
                ("Preferences", preferences, LIST),
                ("Notes", notes, ""),
                ("Other names", other_names, "form-hint-other-names"),
            ],
        )
    }

    /// A recovery opened now, for the selected guest or for nobody in particular; the category completes from
    /// those already counted, so the tally does not split one kind of mishap in two.
    pub fn recovery(guest: Option<&Guest>, categories: &[String]) -> Self {
        let title = match guest {
            Some(g) => Title { id: "form-recovery-title", name: g.profile.name.clone() },
            None => Title { id: "form-mishap-title", name: String::new() },
        };
        let mut form = Self::new(
            Purpose::Recovery { guest: guest.map(|g| g.id) },
            title,
            vec![
                ("Category", String::new(), "form-hint-category"),
                ("What happened", String::new(), ""),
                ("Action taken", String::new(), ""),
                ("Cost", String::new(), "form-hint-cost"),
                ("Follow-ups", String::new(), "form-hint-follow-ups"),
                ("Owner", String::new(), "form-hint-owner"),
                ("Due", String::new(), "form-hint-due"),
            ],
        );
        form.fields[0].suggestions = categories.to_vec();
        form.addressed = guest.map(addressed).unwrap_or_default();
        form
    }

    /// Who answers for a category of the tally, and its goal; the category completes from those counted. Empty
    /// fields keep what is set.
    pub fn category(categories: &[String], owner: Option<&str>) -> Self {
        let mut form = Self::new(
            Purpose::Category,
            Title { id: "form-category-title", name: String::new() },
            vec![
                ("Category", String::new(), "form-hint-category"),
                ("Owner", owner.unwrap_or_default().to_owned(), "form-hint-category-owner"),
                ("Goal", String::new(), "form-hint-goal"),
            ],
        );
        form.fields[0].suggestions = categories.to_vec();
        form
    }

    /// A booking taken by hand (a phone call, a walk-up) for the arrivals of `day`: matched to the book when saved.
    pub fn arrival(day: chrono::NaiveDate) -> Self {
        Self::new(
            Purpose::Arrival { day },
            Title { id: "form-arrival-title", name: day.to_string() },
            vec![
                ("Name", String::new(), "form-hint-name"),
                ("Phone", String::new(), ""),
                ("Time", String::new(), "form-hint-time"),
                ("Party size", String::new(), "form-hint-party-size"),
                ("Table or room", String::new(), ""),
                ("Note", String::new(), ""),
            ],
        )
    }

    /// A heads-up to other desks that the guest is on the way; the station completes from those known.
    pub fn heads_up(guest: &Guest, stations: &[String]) -> Self {
        let mut form = Self::new(
            Purpose::HeadsUp { guest: guest.id },
            Title { id: "form-heads-up-title", name: guest.profile.name.clone() },
            vec![
                ("To station", String::new(), "form-hint-to-station"),
                ("Note", String::new(), "form-hint-heads-up-note"),
            ],
        );
        form.fields[0].suggestions = stations.to_vec();
        form.addressed = addressed(guest);
        form
    }
}

/// How staff address a guest: the greeting, or the name; inert, for a message.
fn addressed(guest: &Guest) -> String {
    let p = &guest.profile;
    inert(if p.greeting.is_empty() { &p.name } else { &p.greeting }).into_owned()
}

/// A profile as the guest form's fields show it, in field order.
pub(super) fn guest_values(p: &Profile) -> [String; 10] {
    [
        p.name.clone(),
        p.greeting.clone(),
        p.phone.clone(),
        p.email.clone(),
        p.birthday.map(|b| b.to_string()).unwrap_or_default(),
        p.tags.join(", "),
        p.allergies.join(", "),
        p.preferences.join(", "),
        p.notes.clone(),
        p.other_names.join(", "),
    ]
}
