//! Tonight's arrivals as the shift reads them, one line each — shared by `regulars arrivals` and its screen, so
//! both say the same thing: the time, how to greet them, party and table or room, who they are to the house, the
//! usual, allergies, an open recovery, a birthday this week, the booking's note, and where the arrival stands.

use serde::Serialize;

use crate::domain::arrival::{Prepared, Standing, Status};
use crate::i18n::{Language, away};
use crate::t;

/// The parts of an arrival's line, each already in the reader's language; data (names, orders, notes) as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub time: String,
    pub greeting: String,
    /// "2 · Table 4"
    pub party_and_place: String,
    pub standing: String,
    pub usual: Option<String>,
    /// Shown in the warning colour.
    pub allergies: Option<String>,
    pub open_recovery: Option<String>,
    pub birthday: Option<String>,
    pub note: Option<String>,
    pub status: Option<String>,
}

impl Line {
    /// The parts after the time, joined: the line as a command prints it.
    pub fn said(&self) -> String {
        let mut parts = vec![self.greeting.clone()];
        parts.extend([&self.party_and_place, &self.standing].into_iter().filter(|p| !p.is_empty()).cloned());
        let optional = [&self.usual, &self.allergies, &self.open_recovery, &self.birthday, &self.note, &self.status];
        parts.extend(optional.into_iter().flatten().cloned());
        parts.join(" · ")
    }
}

/// `prepared` as a line in `language`.
pub fn line(prepared: &Prepared, language: Language) -> Line {
    let booking = &prepared.arrival.booking;
    let time = booking.time.map_or_else(|| "--:--".to_owned(), |t| t.format("%H:%M").to_string());
    let party = booking.party.map(|n| t!(language, "arrivals-party", n = n));
    let place = (!booking.place.is_empty()).then(|| booking.place.clone());
    let party_and_place = party.into_iter().chain(place).collect::<Vec<_>>().join(" · ");
    let standing = match prepared.standing {
        Standing::New => t!(language, "arrivals-new"),
        Standing::Choose(n) => t!(language, "arrivals-choose", n = n),
        Standing::FirstVisit => t!(language, "arrivals-first-visit"),
        Standing::Regular(n) => t!(language, "arrivals-regular", n = n),
        Standing::Returning(n) => t!(language, "arrivals-returning", n = n),
        Standing::Back(days) => t!(language, "arrivals-back", away = away(language, days)),
    };
    let listed = |items: &[String]| (!items.is_empty()).then(|| items.join(", "));
    Line {
        time,
        greeting: crate::i18n::greeting(language, &prepared.greeting),
        party_and_place,
        standing,
        usual: listed(&prepared.usual).map(|items| t!(language, "arrivals-usual", items = items)),
        allergies: listed(&prepared.allergies).map(|items| t!(language, "arrivals-allergies", items = items)),
        open_recovery: prepared.open_recovery.as_ref().map(|c| t!(language, "arrivals-open", category = c.as_str())),
        birthday: prepared.birthday_in.map(|days| t!(language, "arrivals-birthday", days = days)),
        note: (!booking.note.is_empty()).then(|| t!(language, "arrivals-note", note = booking.note.as_str())),
        status: match prepared.arrival.status {
            Status::Expected => None,
            Status::Arrived => Some(t!(language, "arrivals-arrived")),
            Status::NoShow => Some(t!(language, "arrivals-no-show")),
        },
    }
}

/// An arrival as `regulars arrivals --json` prints it: English words, for machines.
#[derive(Debug, Serialize)]
pub struct Json<'a> {
    pub id: i64,
    pub day: String,
    pub time: Option<String>,
    pub name: &'a str,
    pub greeting: &'a str,
    pub guest: Option<i64>,
    pub candidates: Vec<i64>,
    pub standing: &'static str,
    pub days_away: Option<i64>,
    pub party: Option<u32>,
    pub place: &'a str,
    pub usual: &'a [String],
    pub allergies: &'a [String],
    pub open_recovery: Option<&'a str>,
    pub birthday_in_days: Option<i64>,
    pub note: &'a str,
    pub status: &'static str,
}

impl<'a> Json<'a> {
    pub fn of(prepared: &'a Prepared) -> Self {
        use crate::domain::arrival::Link;
        let arrival = &prepared.arrival;
        let booking = &arrival.booking;
        let (guest, candidates) = match &arrival.link {
            Link::Guest(id) => (Some(id.0), Vec::new()),
            Link::Choose(ids) => (None, ids.iter().map(|id| id.0).collect()),
            Link::New => (None, Vec::new()),
        };
        let (standing, days_away) = match prepared.standing {
            Standing::New => ("new", None),
            Standing::Choose(_) => ("choose", None),
            Standing::FirstVisit => ("first visit", None),
            Standing::Regular(_) => ("regular", None),
            Standing::Returning(_) => ("returning", None),
            Standing::Back(days) => ("back after a long time", Some(days)),
        };
        Self {
            id: arrival.id,
            day: booking.day.to_string(),
            time: booking.time.map(|t| t.format("%H:%M").to_string()),
            name: &booking.name,
            greeting: &prepared.greeting,
            guest,
            candidates,
            standing,
            days_away,
            party: booking.party,
            place: &booking.place,
            usual: &prepared.usual,
            allergies: &prepared.allergies,
            open_recovery: prepared.open_recovery.as_deref(),
            birthday_in_days: prepared.birthday_in,
            note: &booking.note,
            status: arrival.status.as_str(),
        }
    }
}

/// What a drill card shows of a guest — what staff would see or hear of them, never the name: the usual, the usual
/// seat, the last visit and when, and from tonight's booking the party, the table and the note.
pub fn clues(
    history: &crate::domain::GuestHistory,
    booking: Option<&crate::domain::arrival::Booking>,
    language: Language,
    now: chrono::DateTime<chrono::Utc>,
    zone: chrono::FixedOffset,
) -> Vec<String> {
    let card = history.card();
    let mut clues = Vec::new();
    if let Some(usual) = &card.the_usual {
        clues.push(t!(language, "arrivals-usual", items = usual.items().join(", ")));
    }
    if let Some(seat) = card.usual_seat {
        clues.push(t!(language, "drill-usual-seat", seat = seat));
    }
    if let Some(last) = &card.last_seat {
        let when = crate::i18n::ago(language, last.at, now, zone);
        clues.push(t!(language, "drill-last-seat", seat = last.seat, when = when));
    }
    if let Some(booking) = booking {
        if let Some(party) = booking.party {
            clues.push(t!(language, "arrivals-party", n = party));
        }
        if !booking.place.is_empty() {
            clues.push(t!(language, "drill-tonight-at", place = booking.place.as_str()));
        }
        if !booking.note.is_empty() {
            clues.push(t!(language, "arrivals-note", note = booking.note.as_str()));
        }
    }
    if clues.is_empty() {
        clues.push(t!(language, "drill-no-clues"));
    }
    clues
}

/// A drill answer's verdict: "✓ 于先生 (于明)", "✗ it was Nora Quinn" — who it was, greeting and name.
pub fn verdict(profile: &crate::domain::Profile, right: bool) -> crate::i18n::Said {
    use crate::domain::text::inert;
    let who = match profile.greeting.as_str() {
        "" => inert(&profile.name).into_owned(),
        greeting => format!("{} ({})", inert(greeting), inert(&profile.name)),
    };
    if right { crate::said!("drill-right", who = who) } else { crate::said!("drill-wrong", who = who) }
}
